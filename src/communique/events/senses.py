"""Which event a word reports when who does it decides: a state's "protest" is a complaint.

"Protest" names two acts that PLOVER keeps apart. A crowd that protests takes to the street
(PROTEST: "all civilian demonstrations and other collective actions"); a government, an
embassy, an organisation or one person that protests lodges a complaint (ACCUSE
'disapprove': "diplomatic protests, as well as delegations presenting a disagreement ...
PROTEST presumes significant physical/material activity"). The lexicon's frames for the word
cannot tell the two apart, because the frame is the same ("protested against the law",
"protested the verdict"); the subject can. Plural people who are not agents of the state
("students", "thousands of farmers", "a crowd") demonstrate; everyone else complains.

A that-clause ("protested that the police ...") reports what was said, so it stays a
complaint whoever says it.

"Rally against" is the same word the other way round: CAMEO reads it as rallying opposition
(ACCUSE), which fits a government; a crowd that rallies against a law marches in the street.
A government that rallies in a square is rare enough that "rally" keeps its street sense.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..model import Actor
from . import frames
from .lexicon import Entry

#: Verbs whose sense follows the subject (see above).
PROTEST_VERBS = {"protest", "rally"}
#: Of those, the verbs whose street sense becomes a complaint when an official body acts.
_COMPLAINT_VERBS = {"protest"}
#: Sectors that speak for a state or an armed body: their protests are complaints.
_OFFICIAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"}
#: Singular nouns that name many people at once ("a crowd protested").
_CROWD_NOUNS = {"crowd", "mob", "throng", "multitude", "horde"}
#: Nouns that count or group the people named in their "of" phrase ("a group of students").
_GROUP_NOUNS = {"group", "band", "number", "handful", "contingent", "section", "delegation",
                "dozen", "hundred", "thousand", "million", "score", "majority", "part"}
_DEMONSTRATE = "141"  # CAMEO: demonstrate or rally
_COMPLAIN = "114"  # CAMEO: complain officially


def protest_sense(entry: Entry, subj: Token | None, actors: list[Actor]) -> Entry:
    """The lexicon entry for a "protest" verb, turned into a demonstration or a complaint by
    who protests. Unknown subjects keep the lexicon's reading."""
    if subj is None or not actors or entry.constraint("ccomp") is not None:
        return entry
    family = entry.cameo[:2]
    if family not in ("11", "14"):
        return entry
    crowd = _is_collective(subj) and not any(a.sector in _OFFICIAL_SECTORS for a in actors)
    if crowd and family == "11":
        return replace(entry, cameo=_DEMONSTRATE, mode="", plover_type="")
    if not crowd and family == "14" and entry.lemma in _COMPLAINT_VERBS:
        return replace(entry, cameo=_COMPLAIN, mode="", plover_type="")
    return entry


def _is_collective(subj: Token) -> bool:
    """Many people named by a common noun: "students", "Palestinians", "a crowd", "a group of
    farmers". A proper name ("Kenya", "Amnesty International") is one body, not a crowd."""
    head = subj
    if head.lemma_.lower() in _GROUP_NOUNS:
        of = frames.prep_objects(head, "of")
        if of:
            head = of[0]
    if head.lemma_.lower() in _CROWD_NOUNS:
        return True
    if head.tag_ == "NNS":
        return True
    # "Palestinians", "Kurds": a plural people's name.
    return head.tag_ == "NNPS" and head.ent_type_ == "NORP"
