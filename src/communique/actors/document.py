"""Resolution within one article: later mentions point back to who was named before.

A story names "Chinese President Xi Jinping" once and then says "Xi", "Mr Xi",
"the president" or, after naming a second leader, "the two leaders". None of
those says who on its own; the article does. :class:`DocumentResolver` wraps the
article-independent :class:`~communique.actors.resolve.ActorResolver` with the
same ``resolve(text, when)`` signature and a memory of the people and actors it
has resolved so far, so the event coder and the quote finder can use it unchanged.

Rules, tried before the knowledge base:

* a capitalised name, alone or after a title or honorific ("Xi", "Mr Xi",
  "Minister Joxe"), whose last word is the surname of someone named earlier is
  that person, whatever else the word could mean ("King" after "Tom King");
* a title with no name or country ("the president", "the defence secretary") is
  the latest person named who holds that office on the date, or who was
  introduced with that title;
* "the two leaders", "both leaders", "the two men" are the last two people named;
  "the two sides", "both governments" the last two countries' governments, and
  "the two countries" the last two countries. ``resolve`` returns the first of a
  plural reference, ``resolve_all`` every one of them.

People the knowledge base does not know are remembered too when a title says
what they are: after "British Defence Secretary Tom King", "King" is GBR MIL.

Memory follows the order of the calls, which is the order of the sentences for
the event coder; the quote finder runs after a whole section has been coded, so
its references may see people named later in that section. Pronouns are not
resolved by ``resolve`` (the quote finder follows them itself); the event coder
can ask :meth:`DocumentResolver.resolve_pronoun` for the last fitting actor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from communique.model import Actor

from .phrase import PRONOUNS, split_spans
from .records import CustomActor, Person, Title
from .text import Token, tokenize

if TYPE_CHECKING:
    from .resolve import ActorResolver

__all__ = ["DocumentResolver"]

_PEOPLE_WORDS = frozenset(
    "leaders leader presidents ministers men women heads premiers chiefs officials".split()
)
_SIDE_WORDS = frozenset(["sides", "governments", "administrations"])
_COUNTRY_WORDS = frozenset(["countries", "nations", "states", "neighbours", "neighbors"])
_PLURAL_LEAD = frozenset(["two", "both"])
_PERSONAL = frozenset(["he", "him", "his", "she", "her", "hers"])
_IMPERSONAL = frozenset(["they", "them", "their", "it", "its"])


@dataclass
class _Known:
    """Someone the article has named: the words that may point back, and the actor."""

    keys: frozenset[str]
    actor: Actor
    person: Person | None
    title: Title | None


class DocumentResolver:
    """Per-article resolver: ``resolve(text, when)`` like ActorResolver, with memory."""

    def __init__(self, base: ActorResolver) -> None:
        self.base = base
        self.kb = base.kb
        self._people: list[_Known] = []
        self._actors: list[Actor] = []  # coded actors that are not people
        self._named: list[Actor] = []  # every coded actor, in the order named

    # ------------------------------------------------------------------ public
    def resolve(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a phrase refers to in this article; the first one for a plural."""
        actors = self.resolve_all(text, when)
        return actors[0] if actors else None

    def resolve_all(self, text: str, when: date | None = None) -> list[Actor]:
        """Every actor a phrase refers to in this article ("the two leaders" gives two)."""
        if not isinstance(text, str) or not text.strip():
            return []
        tokens = tokenize(text)
        referred = self._refer(tokens, text, when)
        if referred:
            return referred
        actors = self.base.resolve_all(text, when)
        for actor in actors:
            self._remember(actor, tokens)
        return actors

    def resolve_pronoun(self, pronoun: str) -> Actor | None:
        """The last fitting actor for "he"/"she" (a person) or "they"/"it" (anything else)."""
        word = pronoun.strip().lower()
        if word in _PERSONAL and self._people:
            return replace(self._people[-1].actor, entity_text=pronoun, start=None, end=None)
        if word in _IMPERSONAL and self._actors:
            return replace(self._actors[-1], entity_text=pronoun, start=None, end=None)
        return None

    @property
    def people(self) -> list[Actor]:
        """The people named so far, most recent last (for inspection and tests)."""
        return [k.actor for k in self._people]

    # ------------------------------------------------------------------ reading back
    def _refer(self, tokens: list[Token], text: str, when: date | None) -> list[Actor]:
        if not tokens or not (self._people or self._actors):
            return []
        norms = [t.norm for t in tokens]
        if len(tokens) == 1 and norms[0] in PRONOUNS:
            return []
        plural = self._plural(norms, text)
        if plural:
            return plural
        name = self._by_name(tokens)
        if name is not None:
            return [replace(name.actor, entity_text=text)]
        titled = self._by_title(tokens, when)
        if titled is not None:
            return [replace(titled.actor, entity_text=text)]
        return []

    def _by_name(self, tokens: list[Token]) -> _Known | None:
        last = tokens[-1]
        if not last.raw[:1].isupper() or not self._people:
            return None
        spans = split_spans(self.kb, tokens, self.base.strict_case)
        # everything before the name must be a title, honorific or determiner
        for span in spans[:-1]:
            if span.kind == "det":
                continue
            if span.kind != "entry" or not all(e.kind == "title" for e in span.entries):
                return None
        for known in reversed(self._people):
            if last.norm in known.keys:
                return known
        return None

    def _by_title(self, tokens: list[Token], when: date | None) -> _Known | None:
        spans = split_spans(self.kb, tokens, self.base.strict_case)
        heads = [s for s in spans if s.kind != "det"]
        if len(heads) != 1 or heads[0].kind != "entry":
            return None
        titles = [e.ref for e in heads[0].entries if e.kind == "title"]
        if not titles:
            return None
        title = titles[0]
        for known in reversed(self._people):
            if known.title is title:
                return known
            if known.person is not None and title.office and any(
                t.office == title.office and (when is None or t.holds(when))
                for t in self.kb.terms_of(known.person.key)
            ):
                return known
        return None

    def _plural(self, norms: list[str], text: str) -> list[Actor]:
        if len(norms) < 2 or not (_PLURAL_LEAD & set(norms[:-1])):
            return []
        head = norms[-1]
        if head in _PEOPLE_WORDS:
            picked = _last_distinct([k.actor for k in self._people], key=_person_key)
        elif head in _SIDE_WORDS:
            picked = [replace(a, sector="GOV", identifier_id=None, identifier_text=None)
                      for a in _last_distinct(self._countries(), key=lambda a: a.code)]
        elif head in _COUNTRY_WORDS:
            picked = [replace(a, sector=None, identifier_id=None, identifier_text=None)
                      for a in _last_distinct(self._countries(), key=lambda a: a.code)]
        else:
            return []
        if len(picked) < 2:
            return []
        return [replace(a, entity_text=text) for a in picked]

    def _countries(self) -> list[Actor]:
        return [a for a in self._named if a.code in self.kb.countries]

    # ------------------------------------------------------------------ remembering
    def _remember(self, actor: Actor, tokens: list[Token]) -> None:
        if actor.code:
            self._named.append(actor)
        person = self.base.person_named(actor.identifier_text)
        if isinstance(person, Person):
            keys = {tokenize(n)[-1].norm for n in (person.name, *person.aliases) if tokenize(n)}
            keys |= {t.norm for n in (*person.surnames, *person.title_only) for t in tokenize(n)}
            self._push(_Known(frozenset(keys), actor, person, None))
            return
        if isinstance(person, CustomActor):
            keys = {tokenize(n)[-1].norm for n in (person.name, *person.aliases) if tokenize(n)}
            self._push(_Known(frozenset(keys), actor, None, None))
            return
        named = _titled_name(self.kb, tokens, self.base.strict_case)
        if named is not None and (actor.code or actor.sector):
            title, surname = named
            self._push(_Known(frozenset([surname]), actor, None, title))
            return
        if actor.code:
            self._actors.append(actor)

    def _push(self, known: _Known) -> None:
        self._people = [k for k in self._people if _person_key(k.actor) != _person_key(known.actor)]
        self._people.append(known)


def _titled_name(kb, tokens: list[Token], strict_case: bool) -> tuple[Title, str] | None:
    """"British Defence Secretary Tom King" -> (defence minister, "king"): a title, then
    capitalised words the knowledge base does not know."""
    spans = split_spans(kb, tokens, strict_case)
    idx = len(spans)
    # the name may end in a word that is also a title ("Tom King"), but not begin with one
    while idx > 0 and spans[idx - 1].capitalized and (
        spans[idx - 1].kind == "word"
        or (spans[idx - 1].kind == "entry" and idx > 1 and spans[idx - 2].kind == "word"
            and all(e.kind == "title" for e in spans[idx - 1].entries))
    ):
        idx -= 1
    if idx == len(spans) or idx == 0 or spans[idx].kind != "word":
        return None
    before = spans[idx - 1]
    titles = [e.ref for e in before.entries if e.kind == "title"] if before.kind == "entry" else []
    if not titles or titles[0].kind == "honorific":
        return None
    return titles[0], spans[-1].tokens[-1].norm


def _person_key(actor: Actor) -> str:
    return actor.identifier_text or actor.entity_text


def _last_distinct(actors: list[Actor], key) -> list[Actor]:
    """The last two actors that differ by ``key``, in the order they were named."""
    picked: list[Actor] = []
    seen: set = set()
    for actor in reversed(actors):
        k = key(actor)
        if k in seen:
            continue
        seen.add(k)
        picked.append(actor)
        if len(picked) == 2:
            break
    return list(reversed(picked))
