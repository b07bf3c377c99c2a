"""Attacks whose author the text does not name.

"A roadside bomb killed four soldiers", "the blast wounded twelve people", "a reporter was
killed by a landmine": the subject (or the passive's agent) is the means of the
attack, not who carried it out. The coder keeps such an event with no actor for the moment;
once the event's place is known, :func:`~communique.events.fill.codes_from_places` gives it
the country where it happened as actor, as the PLOVER gold records code such attacks.
Elsewhere the event keeps an empty actor: the PLOVER manual ("Required entities") leaves
such events uncoded, but PLOVER's gold records keep some, and a reader searching by victim
or place still wants them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

from ..errors import DataFileError
from .lexicon import NO_EVENT, Lexicon
from .ontology import Ontology

DATA = Path(__file__).parent / "data" / "means.txt"
#: PLOVER types whose act may be reported by its means alone.
VIOLENT_TYPES = frozenset({"ASSAULT"})
_REACHES = {"local", "remote"}


@cache
def load_means(path: Path = DATA) -> dict[str, str]:
    """Read the means-of-attack nouns and their reach (``local`` or ``remote``)."""
    means: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            word, _, reach = (p.strip() for p in text.partition("\t"))
            if " " in word or reach not in _REACHES:
                raise DataFileError(str(path), number,
                                    f"expected a lemma, a tab and local or remote, got {text!r}")
            means[word.lower()] = reach
    return means


def attack_nouns(lexicon: Lexicon, ontology: Ontology) -> frozenset[str]:
    """The nouns the lexicon codes as attacks ("attack", "bombing", "shelling")."""
    return frozenset(
        lemma for (pos, lemma), entries in lexicon.entries.items()
        if pos == "NOUN" and any(e.cameo != NO_EVENT and (e.plover_type or ontology[e.cameo]
                                 .plover_type) in VIOLENT_TYPES for e in entries))


def is_means(tok: Token | None, event_type: str,
             attack_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether the subject ``tok`` of an act of PLOVER type ``event_type`` names a local means
    of attack ("a roadside bomb killed ...") or the attack itself ("the attack killed ..."),
    with nothing saying it came from afar ("a drone attack"); ``attack_nouns`` are the
    lexicon's own attack nouns."""
    if tok is None or tok.pos_ != "NOUN" or event_type not in VIOLENT_TYPES:
        return False
    means = load_means()
    lemma = tok.lemma_.lower()
    if means.get(lemma) != "local" and not (lemma in attack_nouns and lemma not in means):
        return False
    return not any(means.get(c.lemma_.lower()) == "remote" for c in tok.children
                   if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i)
