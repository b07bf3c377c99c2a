"""Who acted and on whom: an event's actor and recipient phrases resolved to actors.

The coder finds a trigger and its frame; the phrases that name its parties need more
than a lookup. Coordinated names split into several actors ("Russia and China"), a
pronoun takes the last-named person, an unnamed group is known by whose it is ("Iraqi
Kurds"), where it is ("rebels in the Ivory Coast") or whom it serves, and a recipient is
looked for in the places the lexicon entry names before the owner of what was acted on.
One instance serves a batch; the pipeline swaps its resolver per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from ..model import Actor
from . import frames, roles, scope, voice
from .lexicon import DEFAULT_RECIPIENT, Entry

Resolver = Callable[[str, date | None], Actor | None]

_NAMED_ACTOR_TYPES = {"PERSON", "ORG", "NORP"}  # an unknown GPE is a place, not an actor
#: Nouns a nationality word describes without making them the state's: "restrictions on the
#: Russian language" fall on Russian speakers, not on Russia.
_NOT_OWNED = {"language", "languages", "dialect", "culture", "cuisine", "literature", "alphabet",
              "script", "music", "art", "heritage", "tradition", "traditions", "custom"}
#: Sectors of a state's own side (None: the country itself), whom a protest's demand may name.
_STATE_SIDE = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "group",
                   "number", "crowd", "crowds", "million", "millions", "scores", "handful",
                   "band", "unit", "contingent", "delegation", "third", "thirds", "half",
                   "quarter", "majority", "part", "rest", "remnant", "remnants"}


class Participants:
    """Resolves the phrases naming an event's parties with the actor resolver it holds.

    ``resolve`` and ``resolve_pronoun`` are plain attributes so that a caller can wrap
    (time) or replace them for each article.
    """

    def __init__(self, resolve: Resolver, countries: frozenset[str]) -> None:
        self.resolve = resolve
        self.countries = countries
        self.resolve_pronoun: Callable[[str], Actor | None] | None = None

    def actors(self, tok: Token, day: date | None) -> list[Actor]:
        """Resolve the phrase headed by ``tok``, splitting coordinated actors."""
        out: list[Actor] = []
        for head in frames.conjuncts(tok):
            mods = frames.coordinated_modifiers(head)
            if mods:
                for mod in mods:
                    lead = min([mod.i] + [c.left_edge.i for c in mod.children
                                          if c.dep_ not in ("conj", "cc", "punct")])
                    words = head.doc[lead : mod.i + 1].text
                    actor = self._resolve_text(f"{words} {head.text}", day, head.doc[lead].idx,
                                               head.idx + len(head.text))
                    if actor is not None:
                        out.append(actor)
                continue
            actor = self._resolve_token(head, day)
            if actor is not None:
                out.append(actor)
        unique: dict[tuple[int | None, int | None], Actor] = {}
        for actor in out:
            unique.setdefault((actor.start, actor.end), actor)
        return list(unique.values())

    def _resolve_token(self, head: Token, day: date | None) -> Actor | None:
        if head.pos_ == "PRON":
            # "he", "they": the article's last fitting actor, when the resolver keeps a memory.
            # Only "he"/"she": "it"/"they" too often point past the last-named actor.
            if head.dep_ in ("nsubj", "nsubjpass") and head.lower_ in ("he", "she"):
                # A named person subject earlier in the same sentence comes first ("Xi
                # stressed ... language he used"), then the article's last-named person.
                # ("X was quoted as saying he ...": a passive subject counts too.)
                earlier = [t for t in head.sent if t.i < head.i and t.ent_type_ == "PERSON"
                           and t.dep_ in frames.SUBJECTS | voice.PASSIVE_SUBJECTS]
                if earlier:
                    return self._resolve_token(earlier[-1], day)
                if self.resolve_pronoun is None:
                    return None
                actor = self.resolve_pronoun(head.text)
                if actor is not None and (actor.code or actor.sector):
                    actor.start, actor.end = head.idx, head.idx + len(head)
                    return actor
            return None
        span = frames.phrase(head)
        candidates = [span]
        tight = [t for t in span if t.i >= head.i or t.dep_ in ("compound", "amod", "poss", "case")
                 or t.head.dep_ == "poss"]
        if tight and len(tight) < len(span):
            candidates.append(head.doc[tight[0].i : tight[-1].i + 1])
        candidates.append(head.doc[head.i : head.i + 1])
        if head.ent_type_ == "PERSON":
            # "Palestinian leader Yasser Arafat": the title before an unknown name says who.
            title = [t for t in span if t.ent_type_ != "PERSON" and t.dep_ != "det"]
            if title and title[-1].i < head.i:
                candidates.append(head.doc[title[0].i : title[-1].i + 1])
        for cand in candidates:
            actor = self._resolve_text(cand.text, day, cand.start_char, cand.end_char)
            if actor is not None:
                if roles.is_ethnic(span):
                    # "ethnic Albanians in Serbia" are a people where they live, not a state
                    return self._located(head, day) or replace(actor, code=None)
                if not actor.code or _local_kind(actor, span):
                    # "opposition groups in Zimbabwe", "rights groups in Zimbabwe": the place
                    # gives it (a generic NGO is transnational only when nothing is local)
                    located = self._located(head, day)
                    if located is not None:
                        return located
                    # "Vietnamese-led forces", "U.N. troops": the modifier gives it
                    owner = self._owner_code(head, day) or self._affiliation_code(head, day)
                    if owner is not None:
                        actor.code = owner
                return actor
        for c in head.children:
            if c.dep_ == "appos":
                return self._resolve_token(c, day)
        if head.lemma_.lower() in _QUANTITY_NOUNS:
            # "thousands of protesters", "a group of soldiers": the actor is the "of" object.
            for obj in frames.prep_objects(head, "of"):
                return self._resolve_token(obj, day)
        owner = None if head.lemma_.lower() in _NOT_OWNED else self._owner_code(head, day)
        if owner is not None:
            span = frames.phrase(head)
            return Actor(entity_text=span.text, code=owner, start=span.start_char,
                         end=span.end_char)
        located = self._located(head, day)
        if located is not None:
            return located
        span = frames.phrase(head)
        if head.ent_type_ in _NAMED_ACTOR_TYPES or any(
            t.ent_type_ in ("ORG", "PERSON") for t in span
        ):
            # A named person or organisation we cannot code is still who acted.
            return Actor(entity_text=span.text, start=span.start_char, end=span.end_char)
        return None

    def _owner_code(self, head: Token, day: date | None) -> str | None:
        """The code of the country or body a noun's modifiers name: "Iraqi Kurds", "Chechen
        refugees", "U.N. helicopters", "Vietnamese-led forces" are known by whose they are."""
        for mod in roles.owner_modifiers(head):
            actor = self._resolve_modifier(mod, day)
            if actor is not None:
                return actor.code
        return None

    def _affiliation_code(self, head: Token, day: date | None) -> str | None:
        """The code of the body a role serves: "a spokesperson for the Iranian ministry"."""
        for body in roles.affiliations(head):
            coded = [a for a in self.actors(body, day) if a.code]
            if coded:
                return coded[0].code
        return None

    def _resolve_modifier(self, mod: Token, day: date | None) -> Actor | None:
        """A name used as a modifier, with its own compounds ("Security Council" in "a Security
        Council resolution") or its bracketed short form ("... Cooperation (APEC) forum")."""
        doc = mod.doc
        lead = min([mod.i] + [g.left_edge.i for g in mod.children
                              if g.dep_ in ("compound", "amod") and g.i < mod.i])
        cands = [doc[lead : mod.i + 1]] if lead < mod.i else []
        cands.append(doc[mod.i : mod.i + 1])
        cands.extend(doc[g.i : g.i + 1] for g in mod.children if g.dep_ == "appos")
        for cand in cands:
            actor = self._resolve_text(cand.text, day, cand.start_char, cand.end_char)
            if actor is not None and actor.code:
                return actor
        return None

    def _located(self, head: Token, day: date | None) -> Actor | None:
        """ "Rebels in the Ivory Coast", "opposition groups in Zimbabwe": people known by
        where they are, coded with that country (and the sector their noun names)."""
        for prep in ("in", "from", "inside"):
            for obj in frames.prep_objects(head, prep)[:1]:
                if obj.ent_type_ not in ("GPE", "LOC", "NORP"):
                    continue
                where = self._resolve_token(obj, day)
                if where is None or not where.code or where.code not in self.countries:
                    continue
                span = frames.phrase(head)
                kind = self.resolve(span.text, day)
                return Actor(entity_text=f"{span.text} {prep} {obj.text}", code=where.code,
                             sector=kind.sector if kind else None, start=span.start_char,
                             end=obj.idx + len(obj.text))
        return None

    def _resolve_text(self, text: str, day: date | None, start: int, end: int) -> Actor | None:
        actor = self.resolve(text, day)
        if actor is None or not (actor.code or actor.sector):
            return None
        actor.start, actor.end = start, end
        return actor

    def recipients(
        self, tok: Token, entry: Entry, comp: Token | None, day: date | None,
        inner: Entry | None = None,
    ) -> list[Actor]:
        """The recipient phrases of ``tok`` in the places ``entry`` names, resolved. ``inner``
        is the lexicon's entry for the infinitive ``comp``, if it has one: "ready to host
        talks between X and Y" looks where "host talks" has its recipients."""
        if entry.recipient == ("none",):
            return []
        kinds: list[Actor] = []
        for place in entry.recipient:
            heads: list[Token] = []
            if place == "dobj":
                obj = frames.direct_object(tok) or frames.shared_object(tok)
                if obj is not None and entry.constraint("oprd") is not None:
                    obj = frames.called_object(obj)  # "called the leaders traitors"
                heads = [obj] if obj is not None else []
            elif place == "dative":
                d = frames.dative(tok)
                heads = [d] if d is not None else []
            elif place.startswith("prep:"):
                heads = frames.prep_objects(tok, place[5:])
            elif place == "poss":
                # Whose plan, offer or demand it was: "rejected a US offer", "Russia's plan".
                obj = frames.direct_object(tok) if tok.pos_ != "NOUN" else tok
                found = self.owner(obj, day) if obj is not None else []
                if found:
                    return found
            elif place == "ccomp":
                # "demanded that the United States match ...": the clause's subject.
                clauses = ([c for c in tok.children if c.dep_ == "ccomp"]
                           or roles.reported_clauses(tok))  # or a report put first
                heads = [g for c in clauses for g in c.children if g.dep_ in frames.SUBJECTS]
            elif place == "xcomp" and comp is not None:
                # the infinitive's own places first, then the usual ones
                own = inner.recipient if inner is not None else ()
                places = own if own == ("none",) else tuple(dict.fromkeys(own + DEFAULT_RECIPIENT))
                found = self.recipients(
                    comp, Entry(entry.pos, entry.lemma, entry.cameo, recipient=places), None, day)
                if found:
                    return found
            for head in heads:
                found = self.actors(head, day) or self.owner(head, day)
                if found and all(not a.code and a.sector for a in found):
                    # "contributed troops to a force in Liberia": a party known only by its
                    # kind (troops, aid workers) gives way to a named one in a later place.
                    kinds = kinds or found
                    break
                if found:
                    return found
        if kinds:
            return kinds
        obj = frames.direct_object(tok)
        # Last resort: whose thing was acted on ("tighten the blockade of Serbia").
        return self.owner(obj, day) if obj is not None and "dobj" not in entry.recipient else []

    def owner(self, head: Token, day: date | None) -> list[Actor]:
        """Whose thing was acted on: "Turkey's efforts", "Palestinian homes", "a camp for
        Congolese refugees" stand for Turkey, the Palestinians, the Congolese refugees."""
        if head.pos_ == "PRON" or head.lemma_.lower() in _NOT_OWNED:
            return []
        for c in head.children:
            # "Turkey's efforts", "Palestinian homes", "a U.N. presence" (a name as nmod)
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < head.i):
                found = [a for a in self.actors(c, day) if a.code]  # not "military aid"
                if found:
                    return found
        # "mediation among Serbia's republics", "talks between Chad and Sudan": the sides
        for prep in ("of", "for", "by", "from", "among", "between"):
            for obj in frames.prep_objects(head, prep)[:1]:
                found = self.actors(obj, day)
                if found:
                    return found
        return []

    def implied_recipients(
        self, tok: Token, comp: Token | None, ptype: str, actors: list[Actor], day: date | None
    ) -> list[Actor]:
        """The party a request, threat, protest or mobilization (PLOVER ``ptype``) names
        outside the trigger's own phrases: in the demand's clause, the threat's condition or
        purpose, an idiom of defiance, or the purpose of the forces raised (see roles)."""
        if ptype == "REQUEST":
            heads = roles.addressee_clauses(tok)
        elif ptype == "THREATEN":
            # "will act if Kenya ...", or whom the force promised is for: "vowed to build
            # missiles to use against its neighbours"
            heads = roles.condition_subjects(tok, comp) + roles.intended_targets(tok, comp)
        elif ptype == "PROTEST":
            heads = roles.defied_parties(tok)
        elif ptype == "ACCUSE":
            heads = roles.accused_parties(tok)
        elif ptype == "MOBILIZE":
            heads = roles.intended_targets(tok, comp)
        else:
            return []
        for head in heads:
            found = [r for r in self.actors(head, day) or self.owner(head, day)
                     if not same_actor(r, actors)]
            if found:
                return found
        if ptype == "PROTEST":
            # what the protesters demand names the state they protest against (see scope)
            for head in scope.topic_nouns(tok):
                found = [r for r in self.actors(head, day) or self.owner(head, day)
                         if r.code in self.countries and r.sector in _STATE_SIDE
                         and not same_actor(r, actors)]
                if found:
                    return found
        return []


def same_actor(actor: Actor, others: list[Actor]) -> bool:
    """Whether ``actor`` is one of ``others`` (same words, or same code, sector and id):
    a party does not act on itself."""
    return any(
        actor.start == o.start and actor.end == o.end
        or (actor.code, actor.sector, actor.identifier_id) == (o.code, o.sector, o.identifier_id)
        for o in others
    )


_WORLDWIDE = {"international", "foreign", "global", "transnational", "western", "multinational"}


def _local_kind(actor: Actor, span: Span) -> bool:
    """A generic non-governmental group ("rights groups") that a place may make local: not a
    named one (Amnesty International), and not one the phrase calls international."""
    return (actor.code == "NGO" and actor.identifier_text is None
            and not any(t.lower_ in _WORLDWIDE for t in span))
