"""The records of the actor knowledge base, one dataclass per data file.

They are frozen and hashable so that index entries can point at them and the
resolver can cache results without copying.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "ArmedGroup",
    "CodeSpan",
    "Country",
    "CustomActor",
    "Entry",
    "Organization",
    "Person",
    "Region",
    "Sector",
    "Term",
    "Title",
]


@dataclass(frozen=True)
class Country:
    """A state or territory; ``actor_code`` is what PLOVER codes it as (dependencies fold)."""

    code: str
    actor_code: str
    status: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]  # (name, sector)


@dataclass(frozen=True)
class Organization:
    """An organisation with its PLOVER code: UNO, EUR, IGO or NGO for international bodies, the
    home country's alpha-3 code for a party, movement, union or national society."""

    key: str
    name: str
    code: str
    sector: str | None
    parent: str | None
    aliases: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class ArmedGroup:
    """A non-state armed group, coded under its home country or IMG."""

    key: str
    name: str
    code: str
    home: str | None
    sector: str
    aliases: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class Person:
    """A person with the names news uses for them and a default country and sector."""

    key: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    title_only: tuple[str, ...]
    country: str
    sector: str
    wikidata: str | None


@dataclass(frozen=True)
class Term:
    """One term of office; ``end`` is exclusive and None while the term lasts."""

    person: str
    office: str
    body: str
    sector: str | None
    start: date
    end: date | None
    note: str
    line: int

    def holds(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Title:
    """A title, office, rank or honorific that heads a phrase or precedes a name."""

    title: str
    kind: str  # office | rank | honorific
    office: str | None
    sector: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    """A PLOVER sector code and the head nouns that signal it."""

    code: str
    cameo: str
    label: str
    heads: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    """A region or loose grouping PLOVER leaves uncoded ("the West", "Latin America")."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CodeSpan:
    """One code of a user's actor, valid from ``start`` (inclusive) to ``end`` (exclusive)."""

    code: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    def holds(self, when: date | None) -> bool:
        if when is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class CustomActor:
    """An actor from a user's file (YAML, CSV or a TABARI/PETRARCH ``.actors`` dictionary).

    Its aliases override whatever the packaged data says about the same words, and
    its codes may change with the date ("[USAGOV >20090120]").
    """

    name: str
    aliases: tuple[str, ...]
    codes: tuple[CodeSpan, ...]
    person: bool
    wikidata: str | None
    source: str  # "file:line", so a lookup can say where a reading came from

    def code_on(self, when: date | None) -> CodeSpan | None:
        """The code valid on ``when``; with no date, the undated code or the latest one."""
        for span in self.codes:
            if span.holds(when):
                return span
        undated = [s for s in self.codes if s.start is None and s.end is None]
        if when is None and self.codes:
            return undated[0] if undated else max(self.codes, key=lambda s: s.start or date.min)
        return undated[0] if undated else None


@dataclass(frozen=True)
class Entry:
    """What one alias key stands for.

    ``kind`` is one of country, adjective, seat, org, group, person, surname,
    title_only, title, sector, region, custom. ``strict`` aliases (acronyms) match only
    capitalised text; ``proper`` ones (names) need at least one capital.
    """

    kind: str
    ref: Country | Organization | ArmedGroup | Person | Title | Sector | Region | CustomActor
    sector: str | None = None
    strict: bool = False
    proper: bool = True
