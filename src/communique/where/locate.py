"""Where an event happened: its clause, else the dateline, else what the article is about.

A place counts for an event when the trigger's clause names it: a GPE, LOC or
FAC entity the trigger governs ("shelled Kharkiv", "met in Beijing", "the
bridge over the Amur River") without crossing into another clause ("said in
Beijing that ..." places the saying, not what was said). Names of the event's
own actors are not its place ("Russia said ..."), except the target of a
material conflict ("shelled Kharkiv"). When the clause names no place, the
story's dateline ("KYIV, Ukraine —") does; a statement is placed in its
speaker's country; failing all that, the event is placed where the article
mentions most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..model import Event, Place
from ..nlp.cache import doc_ents
from .gazetteer import Gazetteer, GazetteerEntry, normalise_name
from .phrases import PLACE_LABELS, place_names

__all__ = ["ArticlePlaces", "actor_place", "clause_place", "dateline_end", "dateline_place",
           "entry_to_place", "preferred_countries", "token_at"]

# Prepositions that say where something happened; "to" (a destination) is weaker.
_WHERE_PREPS = {"in", "near", "at", "outside", "inside", "across", "over", "along", "off",
                "on", "around", "throughout", "within", "under", "into", "onto", "through",
                "behind", "beside", "beyond"}
_WEAK_PREPS = {"to", "toward", "towards"}
# Words whose "of" says where: "outside of Basra", "north of Mosul", "just south of the border".
_WHERE_OF = {"outside", "inside", "north", "south", "east", "west", "northeast", "northwest",
             "southeast", "southwest"}
# Dependencies that open another clause: a place below one belongs to that clause.
_OWN_CLAUSE = {"ccomp", "parataxis", "relcl", "advcl", "csubj"}
_CLAUSE_LINKS = {"conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep"}
_SPECIFIC = {"city": 0, "region": 1, "country": 2}
# Nouns that name a place: "Iraq's Anbar desert", "the Red Sea port city of Jeddah". A place
# name modifying any other noun describes it ("U.S. officials", "China's role"); it is no place.
_PLACE_NOUNS = {
    "city", "town", "village", "capital", "province", "region", "district", "state", "county",
    "area", "territory", "desert", "port", "coast", "border", "island", "islands", "sea",
    "river", "camp", "base", "airport", "enclave", "strip", "valley", "mountains", "outskirts",
    "suburb", "neighborhood", "neighbourhood", "zone", "governorate", "municipality", "oblast",
    "prefecture", "peninsula", "waters", "harbor", "harbour", "frontier", "bridge", "crossing",
}
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.\- ]{1,40}?)(?:,\s*(?P<area>[A-Z][A-Za-z.'’ ]{1,30}?))?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s"
)


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that starts at (or covers) character ``char`` of the doc's text."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def entry_to_place(entry: GazetteerEntry, text: str, found_by: str, gaz: Gazetteer) -> Place:
    return Place(
        name=entry.name,
        text=text,
        country_code=entry.country_code,
        country=gaz.country_names.get(entry.country_code or ""),
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        feature_class=entry.feature_class,
        feature_code=entry.feature_code,
        geonameid=entry.geonameid,
        precision=entry.precision,
        found_by=found_by,
    )


def preferred_countries(event: Event) -> list[str]:
    """The actors' and recipients' countries, in order: they settle ambiguous names."""
    codes = [a.code for a in (*event.actor, *event.recipient) if a.code and len(a.code) == 3]
    return list(dict.fromkeys(codes))


def clause_place(
    trigger: Token, event: Event, gaz: Gazetteer, skip_before: int = 0
) -> Place | None:
    """The place the event's clause names, or None.

    Entities before ``skip_before`` (a dateline's characters) are not the clause's.
    """
    preferred = preferred_countries(event)
    skip = [(a.start, a.end) for a in event.actor if a.start is not None]
    skip.append((0, skip_before))
    if event.quad_code != 4:
        skip += [(a.start, a.end) for a in event.recipient if a.start is not None]
    targets = _targets(trigger)
    best: tuple[tuple[int, ...], Place] | None = None
    for name in place_names(trigger.sent, gaz):
        ent = name.span
        if any(s < ent.end_char and ent.start_char < e for s, e in skip):  # type: ignore[operator]
            continue
        if _describes(ent):
            continue
        reach = _reach(ent.root, targets)
        if reach is None:
            continue
        entry = name.resolve(gaz, preferred)
        if entry is None:
            continue
        rank, steps = reach
        strength = _prep_strength(ent)
        if strength in (1, 3):
            # "deported to China" names a destination, "threatened retaliation against
            # Washington" a target, "talks with Russia" a party: none is where it happened.
            continue
        key = (rank, strength, name.within, _SPECIFIC[entry.precision], steps, ent.start)
        if best is None or key < best[0]:
            best = (key, entry_to_place(entry, ent.text, "clause", gaz))
    return best[1] if best else None


def _targets(trigger: Token) -> dict[int, int]:
    """Tokens whose own phrases place the event: the trigger, then the clauses it hangs from."""
    targets = {trigger.i: 0}
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj"):
        targets[trigger.head.i] = 0
    node, rank = trigger, 1
    while node.dep_ in _CLAUSE_LINKS and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            targets.setdefault(node.i, rank)
            rank += 1
    return targets


def _reach(tok: Token, targets: dict[int, int]) -> tuple[int, int] | None:
    """(rank of the target reached, steps) going up from ``tok`` within one clause."""
    node, steps = tok, 0
    while node.i not in targets:
        if node.dep_ in _OWN_CLAUSE or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return None
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            return None  # a verb with a subject of its own: "the announcement that Ukraine agreed"
        if node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1
    return targets[node.i], steps


def _describes(ent: Span) -> bool:
    """A place name used to describe a thing that is not a place ("U.S. officials")."""
    root = ent.root
    return root.dep_ in _MODIFIER_DEPS and root.head.lemma_.lower() not in _PLACE_NOUNS


def _prep_strength(ent: Span) -> int:
    """0 for "in/near/at X", 1 for "to X", 3 for "against/with X", 2 otherwise ("shelled X")."""
    node = ent.root
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _WHERE_OF:
            return 0
        # "in Iraq's Anbar desert", "in the port city of Jeddah": climb to the prep's object.
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
            continue
        if node.dep_ == "pobj":
            prep = node.head.lower_
            return 0 if prep in _WHERE_PREPS else 1 if prep in _WEAK_PREPS else 3
        if node.dep_ not in ("compound", "poss", "appos", "nmod", "amod"):
            break
        node = node.head
    return 2


def actor_place(event: Event, gaz: Gazetteer) -> Place | None:
    """Where a statement is made, when nothing else says: the speaking actor's country.

    Only for verbal events (PLOVER quad classes 1 and 3: appeals, accusations,
    threats, agreements): words are said at home far more often than not.
    Material events are placed by what the article says, never by who acted.
    """
    if event.quad_code not in (1, 3):
        return None
    for actor in event.actor:
        if actor.code and actor.code in gaz.country_names:
            entry = gaz.best(gaz.country_names[actor.code], [actor.code])
            if entry is not None and entry.country_code == actor.code:
                return entry_to_place(entry, actor.entity_text, "actor", gaz)
    return None


def dateline_end(text: str) -> int:
    """Where a dateline opening ``text`` ends (0 without one)."""
    m = _DATELINE.match(text[:160])
    return m.end() if m else 0


def dateline_place(text: str, gaz: Gazetteer, preferred: Iterable[str] = ()) -> Place | None:
    """The place of a dateline opening the story ("KYIV, Ukraine —", "GENEVA (Reuters) -")."""
    m = _DATELINE.match(text[:160])
    if not m:
        return None
    city = m.group("city").strip().title()
    hint: list[str] = []
    if m.group("area"):
        area = gaz.best(m.group("area"))
        if area is not None:
            hint = list(area.countries)
    entry = gaz.best(city, [*hint, *preferred])
    if entry is None and hint and m.group("area"):
        entry, city = gaz.best(m.group("area")), m.group("area")
    if entry is None:
        return None
    return entry_to_place(entry, m.group(0).rstrip(" —–-").strip(), "dateline", gaz)


class ArticlePlaces:
    """The places an article mentions, counted once per article, for events placed nowhere else.

    The country mentioned most (headline mentions count double; "Afghan" counts
    for Afghanistan) wins; its most-mentioned place stands for it.
    """

    def __init__(self, docs: Iterable[tuple[str, Doc]], gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.mentions: list[tuple[str, float]] = []
        for section, doc in docs:
            weight = 2.0 if section == "title" else 1.0
            for ent in doc_ents(doc):
                if ent.label_ in PLACE_LABELS and not _describes(ent):
                    self.mentions.append((ent.text, weight))
                elif ent.label_ in ("NORP", *PLACE_LABELS):
                    code = gaz.demonyms.get(normalise_name(ent.text))
                    if code in gaz.country_names:
                        self.mentions.append((gaz.country_names[code], weight))

    def best(self, preferred: Iterable[str] = ()) -> Place | None:
        preferred = list(preferred)
        by_country: Counter[str] = Counter()
        by_entry: Counter[tuple[str, str]] = Counter()
        first: dict[tuple[str, str], tuple[int, GazetteerEntry, str]] = {}
        for n, (text, weight) in enumerate(self.mentions):
            entry = self.gaz.best(text, preferred)
            if entry is None or entry.country_code is None:
                continue
            key = (entry.country_code, entry.name)
            by_country[entry.country_code] += weight
            by_entry[key] += weight
            first.setdefault(key, (n, entry, text))
        if not by_country:
            return None
        order = {code: min(first[k][0] for k in first if k[0] == code) for code in by_country}
        country = max(by_country, key=lambda c: (by_country[c], -order[c]))
        key = max((k for k in by_entry if k[0] == country),
                  key=lambda k: (by_entry[k], -_SPECIFIC[first[k][1].precision], -first[k][0]))
        _, entry, text = first[key]
        return entry_to_place(entry, text, "article", self.gaz)
