"""Place names as news phrases them: "the Iraqi city of Basra", "eastern Ukraine's Donetsk region".

The entity recogniser labels a name, but the phrase around it often says more
than the label does. "the town of Samarra" is a place whatever label the name
got (small models often call such names NORP or ORG); "the Donetsk region" is
a place even when no entity covers "Donetsk"; "the Syrian town of Qusair" says
which country an ambiguous name lies in; "the province of Helmand" names the
province, not its capital city. This module turns a sentence into candidate
place names with those readings attached, so the clause finder can weigh them
as it weighs entities.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..nlp.cache import sentence_ents
from .gazetteer import Gazetteer, GazetteerEntry, normalise_name

__all__ = ["PLACE_LABELS", "PlaceName", "place_names"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that make a name an administrative area: "Helmand province", "the region of Tigray".
_AREA_NOUNS = {
    "province", "region", "district", "state", "county", "governorate", "oblast", "prefecture",
    "territory",
}
# Nouns whose "of" names a place: the areas, and "the town of Samarra", "the port of Odesa".
_NAMED_BY_OF = _AREA_NOUNS | {
    "city", "town", "village", "capital", "municipality", "port", "island", "suburb", "hamlet",
    "settlement", "enclave",
}


@dataclass(frozen=True)
class PlaceName:
    """A name the sentence uses as a place, with what its phrase says about it.

    ``countries`` are the countries the phrase itself names ("the Iraqi city
    of", "Ukraine's ... region"); ``area`` is the administrative noun that
    makes the name a province or region rather than its namesake city;
    ``within`` marks a name that only says where another named place lies
    ("Balochistan" in "Balochistan's Kalat district"), so the other wins.
    """

    span: Span
    countries: tuple[str, ...] = ()
    area: str | None = None
    noun: int | None = None
    within: bool = False

    def resolve(self, gaz: Gazetteer, preferred: list[str]) -> GazetteerEntry | None:
        """The gazetteer entry for the name, read as its phrase says."""
        order = [*self.countries, *(c for c in preferred if c not in self.countries)]
        if self.area is None:
            return gaz.best(self.span.text, order)
        name = self.span.text
        if len(self.span) > 1 and self.span[-1].lemma_.lower() == self.area:
            # The entity took the word: "Idlib Province", but also "the United States".
            entry = gaz.best(name, order)
            if entry is not None:
                return entry
            name = self.span[:-1].text
        entry = gaz.best(f"{name} {self.area}", order)
        if entry is not None:
            return entry
        entry = gaz.best(name, order)
        if entry is None or entry.precision != "city":
            return entry
        # "the Donetsk region" is the area around (and named after) the city, in its
        # country: keep the country and province, drop the city's point.
        return replace(entry, name=f"{entry.name} {self.area}", precision="region",
                       feature_code="RGN", lat=None, lon=None, geonameid=None)


def place_names(sent: Span, gaz: Gazetteer) -> list[PlaceName]:
    """Place entities of ``sent`` and the names its phrases mark as places, in order."""
    found: list[PlaceName] = []
    covered: set[int] = set()
    for ent in sentence_ents(sent):
        if ent.label_ in PLACE_LABELS:
            found.append(_read(ent, gaz))
            covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered or tok.pos_ != "PROPN" or not _named_as_place(tok):
            continue
        start = tok.i
        while start > sent.start and tok.doc[start - 1].pos_ == "PROPN" and (
            tok.doc[start - 1].head.i in (tok.i, tok.head.i)
        ):
            start -= 1
        if covered.intersection(range(start, tok.i + 1)):
            continue
        found.append(_read(tok.doc[start:tok.i + 1], gaz))
        covered.update(range(start, tok.i + 1))
    nouns = {i for name in found for i in (name.noun, name.span.root.i) if i is not None}
    found = [replace(name, within=_contains(name.span.root, nouns)) for name in found]
    return sorted(found, key=lambda name: name.span.start)


def _contains(root: Token, nouns: set[int]) -> bool:
    """A possessive naming where another place lies: "Balochistan's Kalat district"."""
    return root.dep_ == "poss" and root.head.i in nouns


def _named_as_place(tok: Token) -> bool:
    """"the town of X" and "the X region" make X a place whatever the recogniser said."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return tok.head.head.lemma_.lower() in _NAMED_BY_OF
    return (tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.i + 1 == tok.head.i
            and tok.head.lemma_.lower() in _AREA_NOUNS)


def _read(span: Span, gaz: Gazetteer) -> PlaceName:
    """The place noun a name belongs to, and the countries that noun's modifiers name."""
    root = span.root
    if len(span) > 1 and span[-1].lemma_.lower() in _AREA_NOUNS:
        return PlaceName(span, area=span[-1].lemma_.lower(), noun=root.i)  # "Idlib Province"
    noun: Token | None = None
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head  # "the Iraqi city of Basra"
    elif root.dep_ == "compound" and root.head.i == span.end:
        noun = root.head  # "Ukraine's Donetsk region"
    if noun is None or noun.lemma_.lower() not in _NAMED_BY_OF | _AREA_NOUNS:
        return PlaceName(span)
    countries: list[str] = []
    for child in noun.children:
        if child.dep_ in ("amod", "poss", "compound", "nmod") and child.i < span.start:
            code = _country_of(child, gaz)
            if code and code not in countries:
                countries.append(code)
    area = noun.lemma_.lower() if noun.lemma_.lower() in _AREA_NOUNS else None
    return PlaceName(span, tuple(countries), area, noun.i)


def _country_of(tok: Token, gaz: Gazetteer) -> str | None:
    """The country an adjective or possessive names: "Iraqi" -> IRQ, "Balochistan's" -> PAK."""
    code = gaz.demonyms.get(normalise_name(tok.text))
    if code:
        return code
    name = tok.doc[tok.left_edge.i:tok.i + 1].text if tok.dep_ == "poss" else tok.text
    for text in (name, tok.text):
        entry = gaz.best(text)
        if entry is not None and (entry.precision == "country" or len(entry.countries) == 1):
            return entry.country_code  # "Iraq's", and "Balochistan's" (a province of one country)
    return None
