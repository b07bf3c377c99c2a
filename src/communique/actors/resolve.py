"""Turning a noun phrase from the news into a PLOVER actor.

Choices, following PLOVER practice (see the PLOVER manual and its gold-standard
records):

* A bare country name ("China", "Russia's") is coded as the country with **no
  sector**: PLOVER's gold records code "Russia" as RUS and keep GOV for phrases
  that name the government ("Moscow", "the Kremlin", "the Chinese side",
  "Chinese officials"). Capitals and seats of power are coded GOV (or the sector
  written beside them in countries.tsv: the Pentagon is MIL).
* A country adjective counts only before an actor noun: "Russian troops" is
  RUS MIL, but "Chinese food" or "the Russian economy" is no actor (None). A lone
  adjective or demonym ("Russian", "Iraqis") is the country with no sector.
* A sector noun with no country ("rebels", "police") gives code None with the
  sector; a title with no country ("the president") likewise gives GOV. But a body
  of no state ("a rights group", "international mediators") takes PLOVER's
  non-state code (NGO, IGO, MNC, ISM) from transnational.tsv.
* Offices: "Russia's foreign minister", "the US President" give the country and
  sector, and, when the article date ``when`` is given and the holder on that date
  is known, the holder's Wikidata id and name.
* People: full names always match; bare surnames ("Putin") only while the person
  is, or recently was, in office on ``when`` (or always when ``when`` is None);
  names in ``title_only`` need a title ("Mrs May"). A person in office on ``when``
  is coded with that office's country and sector, one whose terms are all over
  is ELI (PLOVER: former officials), otherwise their default country and sector.
* "pro-Russian", "US-led", "Iranian-backed": the country is an ally, not the
  actor; regions ("the West", "Latin America") are not coded at all.
* Pronouns, generic phrases ("the situation", "the two countries") and unknown
  names return None.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from communique.model import Actor

from .kb import KnowledgeBase, default_kb
from .phrase import (
    Span,
    drop_parenthetical,
    is_modifier_only,
    is_pronoun,
    split_complement,
    split_conjuncts,
    split_spans,
    trailing_head,
)
from .records import ArmedGroup, Country, CustomActor, Entry, Organization, Person, Title
from .text import tokenize

if TYPE_CHECKING:
    from .document import DocumentResolver

__all__ = ["ActorResolver"]

#: how long after leaving office a bare surname still means that person
SURNAME_GRACE = timedelta(days=2 * 365)
_PERSON_KINDS = ("person", "surname", "title_only")
#: entries that name one actor outright, as a person's name does
_NAME_KINDS = ("custom", "group", "org", "country", "seat")
_PRIORITY = ("custom", "group", "org", "country", "seat", "adjective", "title", "sector", "region")
_CACHE_LIMIT = 50_000


class ActorResolver:
    """Resolves noun phrases against a :class:`KnowledgeBase` with dict lookups only.

    ``strict_case`` (default) makes names need capitals, so "turkey" and "us" are not
    countries; turn it off for lower-cased input.
    """

    def __init__(self, kb: KnowledgeBase | None = None, strict_case: bool = True) -> None:
        self.kb = kb or default_kb()
        self.strict_case = strict_case
        self._cache: dict[tuple[str, date | None], list[Actor]] = {}
        #: when a list, the rules applied are appended to it (``explain`` reads them)
        self.trace: list[str] | None = None
        self._by_name: dict[str, Person | CustomActor] = {
            p.name: p for p in self.kb.people.values()
        }
        self._by_name.update((c.name, c) for c in self.kb.customs if c.person)

    # ------------------------------------------------------------------ public
    def resolve(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a noun phrase refers to, or None when it names no known actor."""
        actors = self.resolve_all(text, when)
        return actors[0] if actors else None

    def resolve_all(self, text: str, when: date | None = None) -> list[Actor]:
        """Every actor of a coordinated phrase: "Hungarian and Romanian officials" gives two."""
        if not isinstance(text, str) or not text.strip():
            return []
        key = (text, when)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._resolve_uncached(text, when)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = cached
        return [Actor(**vars(a)) for a in cached]

    def for_document(self) -> DocumentResolver:
        """A resolver for one article that remembers whom the article has named."""
        from .document import DocumentResolver

        return DocumentResolver(self)

    def person_named(self, name: str | None) -> Person | CustomActor | None:
        """The person whose canonical name (an Actor's ``identifier_text``) this is."""
        return self._by_name.get(name) if name else None

    def _note(self, message: str) -> None:
        if self.trace is not None:
            self.trace.append(message)

    # ------------------------------------------------------------------ phrase level
    def _resolve_uncached(self, text: str, when: date | None) -> list[Actor]:
        actors = self._resolve_phrase(text, when)
        for actor in actors:
            code = self.kb.code_on(actor.code, when)
            if code != actor.code:
                self._note(f"{actor.code} was part of {code} on {when} (successions.tsv)")
                actor.code = code
        return actors

    def _resolve_phrase(self, text: str, when: date | None) -> list[Actor]:
        tokens = tokenize(drop_parenthetical(text))
        if not tokens or is_pronoun(tokens):
            return []
        spans = split_spans(self.kb, tokens, self.strict_case)
        if self.trace is not None:
            for span in spans:
                if span.kind == "entry":
                    kinds = ", ".join(f"{e.kind} {_label(e.ref)}" for e in span.entries)
                    blocked = " (blocked: pro-/-led)" if span.blocked else ""
                    self._note(f"{' '.join(t.raw for t in span.tokens)!r} is {kinds}{blocked}")
        parts = split_conjuncts(spans)
        if len(parts) == 1:
            actor = self._interpret(parts[0], text, when)
            return [actor] if actor else []
        shared = trailing_head(parts[-1])
        actors = []
        for part in parts:
            if shared and part is not parts[-1] and is_modifier_only(part):
                part = part + shared
            actor = self._interpret(part, text, when)
            if actor is not None:
                actors.append(actor)
        return actors

    def _interpret(self, spans: list[Span], text: str, when: date | None) -> Actor | None:
        head_side, complement = split_complement(spans)
        former = any(s.kind == "former" for s in head_side)
        entries = [i for i, s in enumerate(head_side) if s.kind == "entry" and not s.blocked]
        if not entries:
            return None
        h = entries[-1]
        if (len(entries) > 1 and entries[-2] == h - 2 and head_side[h].capitalized
                and head_side[h - 1].kind == "word" and head_side[h - 1].capitalized
                and _title_of(head_side[h]) and _title_of(head_side[h - 2])):
            # "Defence Secretary Tom King": a surname that is also a title word
            entries, h = entries[:-1], h - 2
        head = head_side[h]
        trailing = [s for s in head_side[h + 1 :] if s.kind == "word"]
        modifiers = [head_side[i] for i in entries[:-1]]
        stateless = self.kb.transnational_code(head.tokens) if head.kind == "entry" else None
        if complement:
            modifiers += [s for s in complement if s.kind == "entry" and not s.blocked]
        people = [e for e in head.entries if e.kind in _PERSON_KINDS]
        before = head_side[h - 1] if h > 0 else None
        title = _title_of(before)
        candidates = self._candidates(people, title, when) if people else []
        if people and not candidates and any(e.kind in _NAME_KINDS for e in head.entries):
            # "KANU" is Kenya's party, not Mr Kanu, whose surname needs a title or a term
            self._note("no person fits the name: its other reading stands")
            people = []
        if people:
            if trailing:
                return None
            if len(candidates) == 1:
                return self._person_actor(candidates[0], text, when, former, title)
            if len({(p.country, p.sector) for p in candidates}) == 1:
                # "President Bush" with no date: one of two Bushes, but surely USA GOV
                person = candidates[0]
                sector = "ELI" if former else title.sector if title and title.sector else None
                return Actor(text, self._country_code(person.country), sector or person.sector)
            if title is None:
                return None
            head, modifiers = before, modifiers[:-1] if modifiers else []
            trailing = [head]  # an unknown name after a title
        entry = _primary(head.entries)
        if entry is None or entry.kind == "region":
            return None
        if trailing and not (entry.kind == "title" and all(s.capitalized for s in trailing)):
            return None
        source = self._source(modifiers, when)
        if source == "region":
            return None
        if entry.kind == "custom":
            return self._custom_actor(entry.ref, text, when, former)
        if entry.kind == "group":
            return _group_actor(entry.ref, text)
        if entry.kind == "org":
            return self._org_actor(entry.ref, source, text)
        if entry.kind in ("country", "seat", "adjective"):
            if modifiers and entry.kind == "adjective":
                return None
            self._note(f"{entry.kind} of {entry.ref.name}: sector {entry.sector or 'none'}"
                       if entry.kind == "seat" else f"{entry.kind} of {entry.ref.name}, no sector")
            return Actor(text, entry.ref.actor_code, entry.sector if entry.kind == "seat" else None)
        sector = entry.sector
        if entry.kind == "title":
            return self._title_actor(entry.ref, source, text, when, former, bool(trailing))
        if stateless and source is None and not former:
            self._note(f"no country named: {stateless} {sector or ''} (transnational.tsv)")
            return Actor(text, stateless, sector)
        return self._with_source(text, sector, source, former)

    # ------------------------------------------------------------------ pieces
    def _source(self, modifiers: list[Span], when: date | None):
        """The modifier that says whose actor this is: group > country > person's > org."""
        best = None
        rank = 99
        for span in modifiers:
            for e in span.entries:
                if e.kind in ("group", "custom") and rank > 0:
                    best, rank = e.ref, 0
                elif e.kind in ("country", "seat", "adjective") and rank > 1:
                    best, rank = e.ref, 1
                elif e.kind in _PERSON_KINDS and rank > 2:
                    best, rank = e.ref, 2
                elif e.kind == "org" and rank > 3:
                    best, rank = e.ref, 3
                elif e.kind == "region" and rank > 4:
                    best, rank = "region", 4
        return best

    def _with_source(self, text: str, sector: str | None, source, former: bool) -> Actor | None:
        if former and sector in ("GOV", "MIL", None):
            sector = "ELI"
            self._note("'former': political elite (ELI)")
        if sector:
            self._note(f"head word gives sector {sector}"
                       + (f" of {_label(source)}" if source not in (None, "region") else ""))
        if isinstance(source, CustomActor):
            span = source.code_on(None)
            return Actor(text, span.code if span else None, sector)
        if isinstance(source, ArmedGroup):
            return Actor(text, source.code, source.sector, source.wikidata, source.name)
        if isinstance(source, Country):
            return Actor(text, source.actor_code, sector)
        if isinstance(source, Person):
            return Actor(text, self._country_code(source.country), sector)
        if isinstance(source, Organization):
            return Actor(text, source.code, sector or source.sector, source.wikidata, source.name)
        if sector is None:
            return None
        return Actor(text, None, sector)

    def _org_actor(self, org: Organization, source, text: str) -> Actor:
        if isinstance(source, Country):  # "the Russian Security Council" is Russia's own
            return Actor(text, source.actor_code, org.sector)
        return Actor(text, org.code, org.sector, org.wikidata, org.name)

    def _title_actor(
        self, title: Title, source, text: str, when: date | None, former: bool, named: bool
    ) -> Actor | None:
        actor = self._with_source(text, title.sector, source, former)
        if actor is None or former or named or when is None or title.office is None:
            return actor
        body = None
        if isinstance(source, Country):
            body = source.code
        elif isinstance(source, Organization):
            body = source.key
        if body is None:
            return actor
        term = self.kb.holder(title.office, body, when)
        if term is None:
            self._note(f"no known holder of {title.office} of {body} on {when}")
        if term is not None:
            self._note(f"{title.office} of {body} on {when}: {term.person} "
                       f"({term.start} to {term.end or 'now'}, offices.tsv line {term.line})")
            person = self.kb.people.get(term.person)
            if person is not None:
                actor.identifier_id = person.wikidata
                actor.identifier_text = person.name
                if term.sector:
                    actor.sector = term.sector
        return actor

    def _candidates(
        self, entries: list[Entry], title: Title | None, when: date | None
    ) -> list[Person]:
        """The people a name may mean, narrowed by the date and the title before it."""
        titled = title is not None
        candidates: list[Person] = []
        for e in entries:
            person = e.ref
            ok = (
                e.kind == "person"
                or (e.kind == "surname" and (titled or self._active_near(person, when)))
                or (e.kind == "title_only" and titled)
            )
            if ok and person not in candidates:
                candidates.append(person)
        if len(candidates) > 1 and when is not None:
            in_office = [
                p for p in candidates if any(t.holds(when) for t in self.kb.terms_of(p.key))
            ]
            if title is not None and title.office and len(in_office) > 1:
                in_office = [
                    p for p in in_office
                    if any(t.office == title.office for t in self.kb.terms_of(p.key))
                ]
            if in_office:
                candidates = in_office
        if len(candidates) > 1 and title is not None and title.office:
            holders = [
                p for p in candidates
                if any(t.office == title.office for t in self.kb.terms_of(p.key))
            ]
            candidates = holders or candidates
        return candidates

    def _active_near(self, person: Person, when: date | None) -> bool:
        if when is None:
            return True
        for term in self.kb.terms_of(person.key):
            end = term.end or date.max - SURNAME_GRACE
            if term.start - SURNAME_GRACE <= when < end + SURNAME_GRACE:
                return True
        return False

    def _person_actor(
        self, person: Person, text: str, when: date | None, former: bool, title: Title | None
    ) -> Actor:
        terms = self.kb.terms_of(person.key)
        if when is not None:
            current = [t for t in terms if t.holds(when)]
        else:
            current = [t for t in terms if t.end is None]
        if title is not None and title.office:
            current.sort(key=lambda t: t.office != title.office)
        code = self._country_code(person.country)
        sector: str | None = person.sector
        if current and not former:
            term = current[0]
            code = self.kb.body_code(term.body) or code
            sector = term.sector or self._office_sector(term.office, term.body)
            self._note(f"{person.name} holds {term.office} of {term.body} on {when or 'today'} "
                       f"({term.start} to {term.end or 'now'}, offices.tsv line {term.line})")
        elif former or (when is not None and any(t.end and t.end <= when for t in terms)):
            sector = "ELI"
            self._note(f"{person.name} is out of office on {when}: former officials are ELI")
        else:
            self._note(f"{person.name}: no term on {when}, default {code} {sector}")
        return Actor(text, code, sector, person.wikidata, person.name)

    def _custom_actor(
        self, actor: CustomActor, text: str, when: date | None, former: bool
    ) -> Actor | None:
        span = actor.code_on(when)
        if span is None:
            self._note(f"user actor {actor.name} ({actor.source}) has no code on {when}")
            return None
        sector = "ELI" if former and span.sector in ("GOV", "MIL", None) else span.sector
        self._note(f"user actor {actor.name} ({actor.source}): {span.code} {sector or ''}"
                   + (f" from {span.start}" if span.start else "")
                   + (f" until {span.end}" if span.end else ""))
        return Actor(text, span.code, sector, actor.wikidata, actor.name)

    def _office_sector(self, office: str, body: str) -> str | None:
        for title in self.kb.titles:
            if title.office == office and title.sector:
                return title.sector
        org = self.kb.organizations.get(body)
        return org.sector if org else None

    def _country_code(self, code: str) -> str:
        country = self.kb.countries.get(code)
        return country.actor_code if country else code


# ---------------------------------------------------------------------- helpers
def _label(ref: object) -> str:
    return str(getattr(ref, "name", None) or getattr(ref, "title", None)
               or getattr(ref, "code", None) or ref)


def _group_actor(group: ArmedGroup, text: str) -> Actor:
    return Actor(text, group.code, group.sector, group.wikidata, group.name)


def _primary(entries: list[Entry]) -> Entry | None:
    for kind in _PRIORITY:
        for e in entries:
            if e.kind == kind:
                return e
    return None


def _title_of(span: Span | None) -> Title | None:
    if span is None or span.kind != "entry":
        return None
    for e in span.entries:
        if e.kind == "title":
            return e.ref
    return None


def resolver_for(actors_files: Iterable[Path]) -> ActorResolver | None:
    """An ActorResolver over the packaged data plus the user's actors files (None if there
    are none, so callers keep the shared default)."""
    files = tuple(Path(p) for p in actors_files)
    if not files:
        return None
    return ActorResolver(kb=KnowledgeBase.load(extra=files))
