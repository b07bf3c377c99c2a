"""The actor knowledge base: data files loaded into dicts keyed by folded alias.

Resolution runs thousands of times per batch of articles, so everything the
resolver needs is precomputed here: one ``names`` dict from every alias (as a
folded token string) to the entries it may stand for, plus the terms of office
grouped by office and body. Lookups are then plain dict hits.

The base data lives in ``data/`` beside this module. Later dictionaries (more
office-holders, armed groups, a user's own lists) go in further directories with
the same file names and columns and are passed as ``extra_dirs``. A user's own
actors (YAML, CSV or TABARI/PETRARCH ``.actors`` files, see ``custom.py``) are
passed as ``extra`` and override the packaged readings of the words they name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from communique.errors import DataFileError

from .custom import read_actors_file
from .records import (
    ArmedGroup,
    Country,
    CustomActor,
    Entry,
    Organization,
    Person,
    Region,
    Sector,
    Term,
    Title,
)
from .text import Token, is_acronym, key_of, tokenize
from .tsv import Row, parse_date, read_rows, split_list

__all__ = ["DATA_DIR", "FILES", "KnowledgeBase", "default_kb"]

DATA_DIR = Path(__file__).resolve().parent / "data"

FILES: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("code", "actor_code", "status", "name", "aliases", "adjectives", "seats"),
    "sectors.tsv": ("code", "cameo", "label", "heads"),
    "titles.tsv": ("title", "kind", "office", "sector", "aliases"),
    "regions.tsv": ("name", "aliases"),
    "organizations.tsv": ("key", "name", "code", "sector", "parent", "aliases", "wikidata"),
    "armed_groups.tsv": ("key", "name", "code", "home", "sector", "aliases", "wikidata"),
    "people.tsv": (
        "key", "name", "aliases", "surnames", "title_only", "country", "sector", "wikidata",
    ),
    "offices.tsv": ("person", "office", "body", "sector", "start", "end", "note"),
    "successions.tsv": ("code", "part_of", "until", "note"),
    "transnational.tsv": ("code", "sector", "phrases"),
}


def _parts(directory: Path, name: str) -> list[Path]:
    """``name`` and its continuation files (``people.tsv``, then ``people_africa.tsv`` ...).

    Large tables are split by region so each file stays readable and reviewable; the
    continuations share the main file's columns and are read in name order.
    """
    main = directory / name
    stem, _, suffix = name.rpartition(".")
    extra = sorted(p for p in directory.glob(f"{stem}_*.{suffix}") if p.is_file())
    return ([main] if main.is_file() else []) + extra


class KnowledgeBase:
    """Countries, organisations, armed groups, people, offices and sector words."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.sectors: dict[str, Sector] = {}
        self.titles: list[Title] = []
        self.regions: list[Region] = []
        self.organizations: dict[str, Organization] = {}
        self.groups: dict[str, ArmedGroup] = {}
        self.people: dict[str, Person] = {}
        self.terms: list[Term] = []
        self.names: dict[str, list[Entry]] = {}
        self.max_tokens = 1
        self.terms_by_office: dict[tuple[str, str], list[Term]] = {}
        self.terms_by_person: dict[str, list[Term]] = {}
        self.sources: list[Path] = []
        self.customs: list[CustomActor] = []
        self.successions: dict[str, tuple[str, date]] = {}
        #: folded phrase ("aid agency") -> PLOVER non-state code (NGO) when no country is named
        self.transnational: dict[str, str] = {}
        self.transnational_rows: list[tuple[str, str, tuple[str, ...], int]] = []

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(
        cls,
        data_dir: Path | None = None,
        extra_dirs: Iterable[Path] = (),
        extra: Iterable[Path] = (),
    ) -> KnowledgeBase:
        """Read the data files of ``data_dir`` (default: the packaged data) and ``extra_dirs``,
        then the user's actors files ``extra`` (later files override earlier ones).

        Every file must exist in ``data_dir``; an extra directory may hold any subset.
        Raises :class:`DataFileError` naming the file and line of a malformed row.
        """
        kb = cls()
        base = Path(data_dir) if data_dir is not None else DATA_DIR
        for name in FILES:
            if not (base / name).is_file():
                raise DataFileError(str(base / name), 0, "missing knowledge-base file")
        for directory in (base, *map(Path, extra_dirs)):
            kb._read_dir(directory)
        kb._index()
        cameo = {}
        for sector in kb.sectors.values():
            cameo.setdefault(sector.cameo, sector.code)
        for path in extra:
            for actor in read_actors_file(Path(path), cameo):
                kb.add_custom(actor)
            kb.sources.append(Path(path))
        return kb

    def _read_dir(self, directory: Path) -> None:
        readers = {
            "countries.tsv": self._read_country,
            "sectors.tsv": self._read_sector,
            "titles.tsv": self._read_title,
            "regions.tsv": self._read_region,
            "organizations.tsv": self._read_org,
            "armed_groups.tsv": self._read_group,
            "people.tsv": self._read_person,
            "offices.tsv": self._read_term,
            "successions.tsv": self._read_succession,
            "transnational.tsv": self._read_transnational,
        }
        for name, columns in FILES.items():
            for path in _parts(directory, name):
                self.sources.append(path)
                for row in read_rows(path, columns):
                    readers[name](row)

    @staticmethod
    def _unique(table: dict, key: str, row: Row) -> str:
        if key in table:
            raise row.error(f"duplicate key {key!r}")
        return key

    def _read_country(self, row: Row) -> None:
        code = self._unique(self.countries, row.required("code"), row)
        seats = []
        for seat in split_list(row.get("seats")):
            name, _, sector = seat.partition("=")
            seats.append((name.strip(), sector.strip() or "GOV"))
        self.countries[code] = Country(
            code=code,
            actor_code=row.get("actor_code") or code,
            status=row.required("status"),
            name=row.required("name"),
            aliases=tuple(split_list(row.get("aliases"))),
            adjectives=tuple(split_list(row.get("adjectives"))),
            seats=tuple(seats),
        )

    def _read_sector(self, row: Row) -> None:
        code = self._unique(self.sectors, row.required("code"), row)
        self.sectors[code] = Sector(
            code, row.get("cameo") or code, row.get("label"), tuple(split_list(row.get("heads")))
        )

    def _read_title(self, row: Row) -> None:
        kind = row.required("kind")
        if kind not in ("office", "rank", "honorific"):
            raise row.error(f"kind {kind!r} is not office, rank or honorific")
        if kind == "office" and not row.get("office"):
            raise row.error("an office title needs an office key")
        self.titles.append(
            Title(
                title=row.required("title"),
                kind=kind,
                office=row.get("office") or None,
                sector=row.get("sector") or None,
                aliases=tuple(split_list(row.get("aliases"))),
            )
        )

    def _read_region(self, row: Row) -> None:
        self.regions.append(Region(row.required("name"), tuple(split_list(row.get("aliases")))))

    def _read_org(self, row: Row) -> None:
        key = self._unique(self.organizations, row.required("key"), row)
        self.organizations[key] = Organization(
            key=key,
            name=row.required("name"),
            code=row.required("code"),
            sector=row.get("sector") or None,
            parent=row.get("parent") or None,
            aliases=tuple(split_list(row.get("aliases"))),
            wikidata=row.get("wikidata") or None,
        )

    def _read_group(self, row: Row) -> None:
        key = self._unique(self.groups, row.required("key"), row)
        self.groups[key] = ArmedGroup(
            key=key,
            name=row.required("name"),
            code=row.required("code"),
            home=row.get("home") or None,
            sector=row.required("sector"),
            aliases=tuple(split_list(row.get("aliases"))),
            wikidata=row.get("wikidata") or None,
        )

    def _read_person(self, row: Row) -> None:
        key = self._unique(self.people, row.required("key"), row)
        self.people[key] = Person(
            key=key,
            name=row.required("name"),
            aliases=tuple(split_list(row.get("aliases"))),
            surnames=tuple(split_list(row.get("surnames"))),
            title_only=tuple(split_list(row.get("title_only"))),
            country=row.required("country"),
            sector=row.required("sector"),
            wikidata=row.get("wikidata") or None,
        )

    def _read_term(self, row: Row) -> None:
        start = parse_date(row, "start")
        if start is None:
            raise row.error("column 'start' is empty")
        self.terms.append(
            Term(
                person=row.required("person"),
                office=row.required("office"),
                body=row.required("body"),
                sector=row.get("sector") or None,
                start=start,
                end=parse_date(row, "end"),
                note=row.get("note"),
                line=row.line,
            )
        )

    def _read_succession(self, row: Row) -> None:
        until = parse_date(row, "until")
        if until is None:
            raise row.error("column 'until' is empty")
        self.successions[row.required("code")] = (row.required("part_of"), until)

    def _read_transnational(self, row: Row) -> None:
        phrases = tuple(split_list(row.get("phrases")))
        if not phrases:
            raise row.error("column 'phrases' is empty")
        self.transnational_rows.append(
            (row.required("code"), row.required("sector"), phrases, row.line)
        )

    # ------------------------------------------------------------------ indexing
    def _add(self, alias: str, entry: Entry) -> None:
        tokens = tokenize(alias)
        if not tokens:
            return
        key = key_of(tokens)
        bucket = self.names.setdefault(key, [])
        for i, old in enumerate(bucket):
            if old.kind == entry.kind and old.ref is entry.ref:
                if old.strict and not entry.strict:  # keep the more lenient spelling
                    bucket[i] = entry
                return
        bucket.append(entry)
        self.max_tokens = max(self.max_tokens, len(tokens))

    def _add_name(self, alias: str, kind: str, ref, sector: str | None = None) -> None:
        # A name written all in lowercase in the data ("world body") needs no capital.
        proper = any(c.isupper() for c in alias)
        self._add(alias, Entry(kind, ref, sector, strict=is_acronym(alias), proper=proper))

    def _index(self) -> None:
        for country in self.countries.values():
            for alias in (country.name, *country.aliases):
                self._add_name(alias, "country", country)
                if alias.lower().startswith("the "):
                    self._add_name(alias[4:], "country", country)
            for adj in country.adjectives:
                self._add_name(adj, "adjective", country)
            for seat, sector in country.seats:
                self._add_name(seat, "seat", country, sector)
        for org in self.organizations.values():
            for alias in (org.name, *org.aliases):
                if not alias.startswith("~"):
                    self._add_name(alias, "org", org, org.sector)
            parent = self.organizations.get(org.parent) if org.parent else None
            if parent is not None:
                prefixes = [a for a in (parent.name, *parent.aliases) if not a.startswith("~")]
                for alias in (org.name, *org.aliases):
                    alias = alias.lstrip("~")
                    if is_acronym(alias):
                        continue
                    for prefix in prefixes:
                        self._add_name(f"{prefix} {alias}", "org", org, org.sector)
        for group in self.groups.values():
            for alias in (group.name, *group.aliases):
                self._add_name(alias, "group", group, group.sector)
        for person in self.people.values():
            for alias in (person.name, *person.aliases):
                self._add_name(alias, "person", person)
            for alias in person.surnames:
                self._add_name(alias, "surname", person)
            for alias in person.title_only:
                self._add_name(alias, "title_only", person)
        for title in self.titles:
            for alias in (title.title, *title.aliases):
                proper = any(c.isupper() for c in alias)  # "Major", not "a major offensive"
                self._add(alias, Entry("title", title, title.sector, proper=proper))
        for sector in self.sectors.values():
            for head in sector.heads:
                self._add(head, Entry("sector", sector, sector.code, proper=False))
        for code, sector_code, phrases, _ in self.transnational_rows:
            sector = self.sectors.get(sector_code)
            if sector is None:  # validate.py reports it; the phrases cannot head an actor
                continue
            for phrase in phrases:
                self._add(phrase, Entry("sector", sector, sector_code, proper=False))
                self.transnational[key_of(tokenize(phrase))] = code
        for region in self.regions:
            for alias in (region.name, *region.aliases):
                self._add(alias, Entry("region", region, proper=False))
                if alias.lower().startswith("the "):
                    self._add(alias[4:], Entry("region", region, proper=False))
        by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        by_person: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            by_office[(term.office, term.body)].append(term)
            by_person[term.person].append(term)
        self.terms_by_office = {k: sorted(v, key=lambda t: t.start) for k, v in by_office.items()}
        self.terms_by_person = {k: sorted(v, key=lambda t: t.start) for k, v in by_person.items()}

    def add_custom(self, actor: CustomActor) -> None:
        """Index a user's actor; its names stop meaning anything else."""
        self.customs.append(actor)
        for alias in (actor.name, *actor.aliases):
            tokens = tokenize(alias)
            if not tokens:
                continue
            self.names.pop(key_of(tokens), None)
            self._add_name(alias, "custom", actor)

    # ------------------------------------------------------------------ queries
    def lookup(self, alias: str) -> list[Entry]:
        """Every entry an alias may stand for (case rules are the resolver's business)."""
        return list(self.names.get(key_of(tokenize(alias)), ()))

    def body_code(self, body: str) -> str | None:
        """The Actor.code of an office's body: a country's actor code or an organisation's."""
        if body in self.countries:
            return self.countries[body].actor_code
        if body in self.organizations:
            return self.organizations[body].code
        return None

    def holder(self, office: str, body: str, when: date) -> Term | None:
        """The term of whoever held ``office`` for ``body`` on ``when``, if known."""
        for term in self.terms_by_office.get((office, body), ()):
            if term.holds(when):
                return term
        return None

    def code_on(self, code: str | None, when: date | None) -> str | None:
        """``code`` as it was on ``when``: Juba was in Sudan before South Sudan's independence."""
        if code is None or when is None or code not in self.successions:
            return code
        part_of, until = self.successions[code]
        return self.code_on(part_of, when) if when < until else code

    def transnational_code(self, tokens: Iterable[Token]) -> str | None:
        """The non-state code (NGO, IGO, ...) a generic phrase such as "aid agency" carries."""
        return self.transnational.get(key_of(tuple(tokens)))

    def terms_of(self, person: str) -> list[Term]:
        return self.terms_by_person.get(person, [])


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return KnowledgeBase.load()
