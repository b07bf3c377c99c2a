"""The event coder: sentences in, PLOVER/CAMEO events out.

For every verb (and event noun) the lexicon knows, the coder reads the
trigger's frame off the dependency parse, picks the most specific lexicon
entry that fits, finds the actor and recipient phrases, resolves them to
actors, and drops what did not happen (negated, hypothetical or conditional
actions). Statements about the future of cooperation become intentions (AGREE)
and of force become threats (THREATEN), as CAMEO codes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from spacy.tokens import Span, Token

from ..actors.kb import default_kb
from ..model import Actor, Event, Sentence
from ..quotes.lexicon import load_cues
from ..when.dates import ResolvedDate
from ..when.link import event_date
from . import frames, roles, scope, senses
from .fill import DOMESTIC_SECTORS, home_target, is_foreign, named_codes
from .lexicon import NO_EVENT, Entry, Lexicon, load_lexicon
from .modality import failed, is_offer, is_refusal, refusal_code
from .ontology import Ontology, load_ontology

Resolver = Callable[[str, date | None], Actor | None]

# A stated future of a cooperative or forceful act is coded as intent or threat.
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_INTENT_DETAIL = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
    "072": "0332", "073": "0333", "074": "0334", "084": "0353", "0841": "0353",
    "085": "0354", "087": "0356", "0874": "0356",
}  # fmt: skip
_THREAT = {"14": "133", "16": "1313", "163": "1312", "162": "1311", "17": "132", "18": "138",
           "19": "138", "20": "138", "192": "1382", "191": "1381"}
# Verbs that only carry an event noun: "staged a protest", "launched an offensive".
_LIGHT_VERBS = {"begin", "start", "stage", "hold", "launch", "organize", "organise", "carry",
                "conduct", "continue", "mount", "make", "wage", "declare", "resume", "call",
                "step", "escalate", "intensify", "undertake", "open", "unleash", "announce",
                "order", "approve", "authorize", "authorise", "unveil", "implement", "complete",
                "pursue", "perform", "commit", "engage", "speed", "accelerate", "hasten",
                "expedite"}
_NAMED_ACTOR_TYPES = {"PERSON", "ORG", "NORP"}  # an unknown GPE is a place, not an actor
_SETTING_PREPS = {"in", "during", "at", "on", "over", "through"}
_COERCIVE_ROOTS = {"16", "17", "18", "19", "20"}
_BACKGROUND_PREPS = {"since", "before", "after", "following", "amid", "despite", "until",
                     "ahead", "during"}
_QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "group",
                   "number", "crowd", "crowds", "million", "millions", "scores", "handful",
                   "band", "unit", "contingent", "delegation", "third", "thirds", "half",
                   "quarter", "majority", "part", "rest", "remnant", "remnants"}
_PHONE_WORDS = {"phone", "telephone", "call", "videoconference", "video"}


class EventCoder:
    """Codes events in parsed sentences; stateless once built, so one instance serves a batch."""

    def __init__(
        self,
        resolve: Resolver,
        *,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
        countries: frozenset[str] | None = None,
    ) -> None:
        self.resolve = resolve
        self.countries = countries if countries is not None else frozenset(default_kb().countries)
        self.resolve_pronoun: Callable[[str], Actor | None] | None = None
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon(ontology=self.ontology)
        #: How a trigger is dated; an attribute so that a caller can time or replace it.
        self.event_date = event_date

    # -- public -----------------------------------------------------------------------------

    def code_sentence(
        self, sent: Span, sentence: Sentence, pub_date: date | None, story_id: str | None = None
    ) -> list[Event]:
        events: list[Event] = []
        consumed: set[int] = set()
        coded_objects: set[int] = set()
        triggers: dict[int, Event] = {}
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
                event = self._code_verb(tok, sentence, pub_date, consumed)
                if event is None:
                    event = self._code_obligation(tok, sentence, pub_date, consumed)
            elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT"):
                event = self._code_verb(tok, sentence, pub_date, consumed, pos="ADJ")
            else:
                continue
            if event is not None:
                event.story_id = story_id
                events.append(event)
                triggers[tok.i] = event
                obj = frames.direct_object(tok)
                if obj is not None:
                    coded_objects.add(obj.i)
                # "reneged on its promise", "pulled out of the talks": the noun is what the
                # verb's event is about, not an event of its own.
                coded_objects.update(o.i for p in frames.preps(tok) for o in p.children
                                     if o.dep_ == "pobj")
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.i not in coded_objects and tok.i not in consumed:
                event = self._code_noun(tok, sentence, pub_date)
                if event is not None:
                    event.story_id = story_id
                    events.append(event)
        return _unique(scope.drop_parts(_fold_outcomes(events, triggers, sent), sent))

    # -- verbs ------------------------------------------------------------------------------

    def _code_verb(
        self, tok: Token, sentence: Sentence, pub_date: date | None, consumed: set[int],
        pos: str = "VERB",
    ) -> Event | None:
        entry = self._match(tok, pos)
        if entry is None:
            return None
        if tok.lemma_.lower() in senses.PROTEST_VERBS:
            entry = self._protest_sense(tok, entry, pub_date)
        comp = frames.complement(tok)
        if self.ontology[entry.cameo].quad_code in (1, 3) or entry.constraint("xcomp") is not None:
            # What is pledged, demanded, refused or threatened has not happened: the clause
            # saying what belongs to this event and is not coded on its own.
            for clause in frames.content_clauses(tok):
                consumed.update(t.i for t in clause.subtree)
        if entry.constraint("xcomp") is None:
            comp = None
        refused = refusal_code(entry.cameo) if is_refusal(tok) else None
        if refused is None and frames.is_negated(tok) or failed(tok):
            return None
        if frames.is_conditional(tok) or frames.is_purpose(tok):
            return None
        modal = (refused, None) if refused else self._apply_modality(tok, entry.cameo)
        if modal is None:
            return None
        cameo, plover_type = modal
        if cameo.startswith("03") and comp is not None:
            # "vowed to fight", "is prepared to impose martial law": a promise of force or
            # coercion is a threat, not an intent to cooperate.
            inner = self._match(comp, "VERB")
            if inner is not None and self.ontology[inner.cameo].quad_code == 4:
                cameo = next((_THREAT[k] for k in (inner.cameo[:3], inner.cameo[:2])
                              if k in _THREAT), "130")
                plover_type = None
        stative = roles.is_stative(tok)
        if stative:  # "Vietnam is committed to ...": the subject acts
            subj, passive = roles.stative_subject(tok), False
        else:
            subj, passive = frames.subject(tok)
        if subj is None and not passive:
            return None
        if subj is not None and subj.lower_ in frames.PERSONAL_PRONOUNS:
            subj = frames.reporting_subject(subj.head) or subj
        if _is_background(tok):
            when = self.event_date(tok, pub_date, own=True)
            if when is None:
                return None
        else:
            when = self.event_date(tok, pub_date)
        actors = self._actors(subj, when.date if when else pub_date) if subj is not None else []
        if not actors and subj is not None and self.lexicon.lookup("NOUN", subj.lemma_.lower()):
            # "Recent US drone strikes killed ...": the attack's owner did it.
            actors = self._owner(subj, when.date if when else pub_date)
        if not actors and not passive:
            return None  # a passive's unknown agent ("killed by a roadside bomb") may stay empty
        if frames.is_passive(tok) and not stative:
            places = [c for c in tok.children if c.dep_ in frames.PASSIVE_SUBJECTS]
            day = when.date if when else pub_date
            # "A camp for Congolese refugees was attacked": whose the thing attacked is.
            recipients = (self._actors(places[0], day) or self._owner(places[0], day)
                          ) if places else []
            if not actors and not recipients:
                return None  # "was attacked" with neither side known says nothing
        else:
            recipients = self._recipients(tok, entry, comp, when.date if when else pub_date)
        recipients = [r for r in recipients if not _same_actor(r, actors)]
        if not recipients:
            recipients = self._implied_recipients(
                tok, comp, cameo, plover_type or entry.plover_type, actors,
                when.date if when else pub_date)
        trigger_end = comp if comp is not None else tok
        event = self._event(
            cameo, entry, actors, recipients, tok, trigger_end, sentence, when, pub_date
        )
        if plover_type:
            event.event_type, event.mode = plover_type, None
        return event

    def _code_obligation(
        self, tok: Token, sentence: Sentence, pub_date: date | None, consumed: set[int]
    ) -> Event | None:
        """ "X said (that) Y must ...": a demand by X on Y, whatever Y must do (REQUEST)."""
        if not (frames.auxiliaries(tok) & {"must", "should"}):
            return None
        speech = tok.head
        if (tok.dep_ in ("acl", "ccomp") and speech.dep_ in frames.OBJECTS
                and speech.lemma_.lower() in frames.DOCUMENT_NOUNS):
            speech = speech.head  # "issued a reminder to Iraq that it must ..."
        elif tok.dep_ != "ccomp" or speech.lemma_.lower() not in _speech_verbs():
            return None
        if frames.is_negated(speech):
            return None
        speaker, _ = frames.subject(speech)
        target = next((c for c in tok.children if c.dep_ in frames.SUBJECTS), None)
        if speaker is None or target is None:
            return None
        when = self.event_date(speech, pub_date)
        day = when.date if when else pub_date
        actors = self._actors(speaker, day)
        if not actors:
            return None
        recipients = [r for r in self._actors(target, day) if not _same_actor(r, actors)]
        if not recipients and target.pos_ == "PRON":
            # "issued a reminder to Iraq that it must ...": the one addressed must act.
            recipients = next((found for head in roles.speech_addressees(speech)
                               if (found := [r for r in self._actors(head, day)
                                             if not _same_actor(r, actors)])), [])
        consumed.update(t.i for t in tok.subtree)  # what must be done has not been done
        entry = Entry("VERB", speech.lemma_.lower(), "100")
        return self._event("100", entry, actors, recipients, speech, tok, sentence, when,
                           pub_date)

    def _protest_sense(self, tok: Token, entry: Entry, pub_date: date | None) -> Entry:
        """A crowd's protest is a demonstration, anyone else's a complaint (see senses)."""
        subj, passive = frames.subject(tok)
        actors = self._actors(subj, pub_date) if subj is not None and not passive else []
        return senses.protest_sense(entry, subj, actors)

    def _match(self, tok: Token, pos: str) -> Entry | None:
        for entry in self.lexicon.lookup(pos, tok.lemma_.lower()):
            if self._fits(tok, entry):
                # A frame coded "-" says "not an event" ("struck a conciliatory tone").
                return None if entry.cameo == NO_EVENT else entry
        return None

    def _fits(self, tok: Token, entry: Entry) -> bool:
        for key, values in entry.when:
            if key == "prep":
                found = frames.prep_lemmas(tok)
                if not (found & values if values else found):
                    return False
            elif key == "prt":
                found = frames.particles(tok)
                if not (found & values if values else found):
                    return False
            elif key == "dobj":
                words = frames.object_words(tok)
                if not words or (values and not words & values):
                    return False
            elif key == "pobj":
                lemmas = {o.lemma_.lower() for o in frames.all_prep_objects(tok)}
                if not (lemmas & values if values else lemmas):
                    return False
            elif key == "objmod":
                obj = tok if entry.pos == "NOUN" else frames.direct_object(tok)
                mods = {c.lower_ for c in obj.children} if obj is not None else set()
                if obj is not None and obj.lemma_.lower() in frames.MEASURE_NOUNS:
                    # "part of its military aid": the modifiers of what is measured
                    mods.update(g.lower_ for o in frames.prep_objects(obj, "of")[:1]
                                for g in o.children)
                if not mods & values:
                    return False
            elif key == "ccomp":
                # a that-clause saying what was said ("protested that the police ...")
                if not any(c.dep_ == "ccomp" and "to" not in frames.auxiliaries(c)
                           for c in tok.children):
                    return False
            elif key == "oprd":
                words = frames.predicate_words(tok)
                if not words or (values and not words & values):
                    return False
            elif key == "xcomp":
                comp = frames.complement(tok)
                if comp is None or (values and comp.lemma_.lower() not in values):
                    return False
        return True

    def _apply_modality(self, tok: Token, cameo: str) -> tuple[str, str | None] | None:
        """The code for what the clause says actually happened, or None if nothing did.

        Returns the CAMEO code and, where PLOVER types a future act differently from
        CAMEO's intent code, the PLOVER type to use instead.
        """
        aux = frames.auxiliaries(tok)
        if cameo.startswith("13"):
            return cameo, None
        if (aux & frames.FUTURE_AUX and frames.has_condition(tok)
                and not is_offer(tok, self.ontology[cameo].quad_code)):
            # "will withdraw its troops unless ...": a conditional promise of harm is a threat.
            return "130", None
        if aux & frames.HYPOTHETICAL_AUX:
            if frames.has_condition(tok) and cameo[:2] in _COERCIVE_ROOTS:
                # "may halt mediation if ...": a conditional harm is a threat.
                return next((_THREAT[k] for k in (cameo[:3], cameo[:2]) if k in _THREAT),
                            "130"), None
            return None
        if not (aux & frames.FUTURE_AUX or _governed_by_plan(tok)):
            return cameo, None
        # PLOVER: future CONSULT/SUPPORT/COOPERATE/AID are AGREE; future RETREAT and
        # CONCEDE are CONCEDE; a stated future use of force or sanctions is a threat.
        for key in (cameo, cameo[:3]):
            if key in _INTENT_DETAIL:
                return _intent_type(_INTENT_DETAIL[key], cameo)
        if cameo[:2] in _INTENT:
            return _intent_type(_INTENT[cameo[:2]], cameo)
        for key in (cameo[:3], cameo[:2]):
            if key in _THREAT:
                return _THREAT[key], None
        return None if cameo[:2] == "15" else (cameo, None)

    def _implied_recipients(
        self, tok: Token, comp: Token | None, cameo: str, plover_type: str | None,
        actors: list[Actor], day: date | None,
    ) -> list[Actor]:
        """The party a request, threat or protest names outside the trigger's own phrases:
        in the demand's clause, the threat's condition, or an idiom of defiance (see roles)."""
        ptype = plover_type or self.ontology[cameo].plover_type
        if ptype == "REQUEST":
            heads = roles.addressee_clauses(tok)
        elif ptype == "THREATEN":
            heads = roles.condition_subjects(tok, comp)
        elif ptype == "PROTEST":
            heads = roles.defied_parties(tok)
        else:
            return []
        for head in heads:
            found = [r for r in self._actors(head, day) or self._owner(head, day)
                     if not _same_actor(r, actors)]
            if found:
                return found
        return []

    # -- nouns ------------------------------------------------------------------------------

    def _code_noun(self, tok: Token, sentence: Sentence, pub_date: date | None) -> Event | None:
        entry = self._match(tok, "NOUN")
        if entry is None:
            return None
        if _is_background(tok):
            return None
        when = self.event_date(tok.head if tok.dep_ in ("dobj", "pobj") else tok, pub_date)
        day = when.date if when else pub_date
        actors: list[Actor] = []
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < tok.i):
                actors = self._actors(c, day)  # "Russia's invasion", "a US strike"
                if actors:
                    break
        if not actors:
            by = frames.prep_objects(tok, "by")
            actors = self._actors(by[0], day) if by else []
        if not actors and tok.dep_ in ("dobj", "attr") and tok.head.lemma_ in _LIGHT_VERBS:
            # "began a hunger strike", "staged a protest": who does the verb does the event.
            verb = tok.head
            if frames.is_negated(verb) or self._apply_modality(verb, entry.cameo) is None:
                return None
            subj, _ = frames.subject(verb)
            actors = self._actors(subj, day) if subj is not None else []
        if (not actors and tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS
                and self.ontology[entry.cameo].quad_code in (1, 2)):
            # "he used the phrase in a March call with Biden": who takes part in a call or
            # talks is the subject of the verb the phrase sits under. (Not for attacks:
            # "civilians died in an air strike" names victims.)
            verb = tok.head.head
            if verb.pos_ in ("VERB", "AUX") and not frames.is_negated(verb):
                subj, passive = frames.subject(verb)
                if subj is not None and not passive:
                    actors = self._actors(subj, day)
        between = frames.prep_objects(tok, "between")
        if not actors and between:
            parties = [a for t in frames.conjuncts(between[0]) for a in self._actors(t, day)]
            if len(parties) >= 2:
                return self._event(entry.cameo, entry, parties[:1], parties[1:], tok, tok,
                                   sentence, when, pub_date)
            return None
        if not actors:
            return None
        places = tuple(p for p in entry.recipient if p != "poss")
        recipients = self._recipients(tok, Entry(entry.pos, entry.lemma, entry.cameo,
                                                 recipient=places), None, day)
        recipients = [r for r in recipients if not _same_actor(r, actors)]
        if not recipients:
            recipients = self._implied_recipients(tok, None, entry.cameo, entry.plover_type,
                                                  actors, day)
        return self._event(entry.cameo, entry, actors, recipients, tok, tok, sentence, when,
                           pub_date)

    # -- actors -----------------------------------------------------------------------------

    def _actors(self, tok: Token, day: date | None) -> list[Actor]:
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
                           and t.dep_ in frames.SUBJECTS | frames.PASSIVE_SUBJECTS]
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
                if not actor.code:  # "opposition groups in Zimbabwe": the place gives it
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
        owner = self._owner_code(head, day)
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
            coded = [a for a in self._actors(body, day) if a.code]
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

    def _recipients(
        self, tok: Token, entry: Entry, comp: Token | None, day: date | None
    ) -> list[Actor]:
        if entry.recipient == ("none",):
            return []
        kinds: list[Actor] = []
        for place in entry.recipient:
            heads: list[Token] = []
            if place == "dobj":
                obj = frames.direct_object(tok)
                heads = [obj] if obj is not None else []
            elif place == "dative":
                d = frames.dative(tok)
                heads = [d] if d is not None else []
            elif place.startswith("prep:"):
                heads = frames.prep_objects(tok, place[5:])
            elif place == "poss":
                # Whose plan, offer or demand it was: "rejected a US offer", "Russia's plan".
                obj = frames.direct_object(tok) if tok.pos_ != "NOUN" else tok
                found = self._owner(obj, day) if obj is not None else []
                if found:
                    return found
            elif place == "ccomp":
                # "demanded that the United States match ...": the clause's subject.
                heads = [g for c in tok.children if c.dep_ == "ccomp"
                         for g in c.children if g.dep_ in frames.SUBJECTS]
            elif place == "xcomp" and comp is not None:
                inner = Entry(entry.pos, entry.lemma, entry.cameo)
                found = self._recipients(comp, inner, None, day)
                if found:
                    return found
            for head in heads:
                found = self._actors(head, day) or self._owner(head, day)
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
        return self._owner(obj, day) if obj is not None and "dobj" not in entry.recipient else []

    def _owner(self, head: Token, day: date | None) -> list[Actor]:
        """Whose thing was acted on: "Turkey's efforts", "Palestinian homes", "a camp for
        Congolese refugees" stand for Turkey, the Palestinians, the Congolese refugees."""
        if head.pos_ == "PRON":
            return []
        for c in head.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < head.i):
                found = [a for a in self._actors(c, day) if a.code]  # not "military aid"
                if found:
                    return found
        for prep in ("of", "for", "by", "from"):
            for obj in frames.prep_objects(head, prep)[:1]:
                found = self._actors(obj, day)
                if found:
                    return found
        return []

    # -- assembly ---------------------------------------------------------------------------

    def _event(
        self,
        cameo: str,
        entry: Entry,
        actors: list[Actor],
        recipients: list[Actor],
        trigger: Token,
        trigger_last: Token,
        sentence: Sentence,
        when: ResolvedDate | None,
        pub_date: date | None,
    ) -> Event:
        doc = trigger.doc
        _fill_country(actors, recipients, self.countries)
        if cameo in ("040", "046") and any(t.lemma_.lower() in _PHONE_WORDS for t in trigger.sent):
            cameo = "041"
        code = self.ontology[cameo]
        if not recipients:
            recipients = home_target(entry.plover_type or code.plover_type, actors,
                                     self.countries, code.code,
                                     named=lambda: named_codes(trigger.sent.ents))
        lo = min(trigger.i, trigger_last.i)
        hi = max(trigger.i, trigger_last.i)
        words = [t.text for t in doc[lo : hi + 1] if t.i in (trigger.i, trigger_last.i)
                 or t.dep_ in ("prt", "aux") and t.head.i in (trigger.i, trigger_last.i)]
        return Event(
            event_type=entry.plover_type or code.plover_type,
            actor=actors,
            recipient=recipients,
            cameo=code.code,
            goldstein=code.goldstein,
            quad_code=code.quad_code,
            mode=entry.mode or code.plover_mode or None,
            context=list(code.plover_context),
            event_text=" ".join(words),
            sentence=sentence,
            trigger_start=doc[lo].idx,
            trigger_end=doc[hi].idx + len(doc[hi].text),
            date=when.date if when else pub_date,
            date_text=when.text if when else None,
            date_precision=when.precision if when else ("day" if pub_date else None),
        )




def _fill_country(actors: list[Actor], recipients: list[Actor], countries: frozenset[str]
                  ) -> None:
    """Give a country to actors known only by sector ("protesters", "students").

    News codes such people with the country they are in: that of the state agent
    acting on them ("Turkish police ... students" -> TUR), or else the one country
    the event names. With several countries in play we leave the code empty, and a body
    that is not a state ("U.N. helicopters evacuated civilians") gives its code to nobody.
    """
    missing = [a for a in actors + recipients if not a.code and a.sector and not is_foreign(a)]
    if not missing:
        return
    states = {a.code for a in actors + recipients if a.code and a.sector in DOMESTIC_SECTORS}
    if len(states) != 1:
        named = {a.code for a in actors + recipients if a.code}
        states = named if len(named) == 1 and named <= countries else set()
    if len(states) == 1:
        code = next(iter(states))
        for a in missing:
            a.code = code


def _fold_outcomes(events: list[Event], triggers: dict[int, Event], sent: Span) -> list[Event]:
    """ "Rebels attacked a convoy, killing five soldiers" reports one attack and its toll:
    a participle of result of the same event type joins the event it follows (and lends it
    the victims when that event named none)."""
    doc = sent.doc
    dropped: set[int] = set()
    for i, event in triggers.items():
        head = roles.result_head(doc[i])
        main = triggers.get(head.i) if head is not None else None
        if main is None or main is event or id(main) in dropped:
            continue
        if main.event_type != event.event_type:
            continue
        if not main.recipient:
            main.recipient = event.recipient
        dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]


@cache
def _speech_verbs() -> frozenset[str]:
    """The speech verbs of the quote finder's cue list: one list for both stages."""
    return frozenset(load_cues().verbs)


def _is_background(tok: Token) -> bool:
    """A reference to an earlier event ("since Russia invaded Ukraine", "before the talks").

    Such clauses do not happen on the publication date; without a date of their
    own they are left uncoded rather than misdated.
    """
    if tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND_PREPS:
        return True
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_PREPS for c in tok.children
    )


def _intent_type(intent: str, cameo: str) -> tuple[str, str | None]:
    return intent, ("CONCEDE" if cameo.startswith("08") else None)


def _governed_by_plan(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lemma_ in ("plan", "intend", "want", "hope", "aim")


def _same_actor(actor: Actor, others: list[Actor]) -> bool:
    return any(
        actor.start == o.start and actor.end == o.end
        or (actor.code, actor.sector, actor.identifier_id) == (o.code, o.sector, o.identifier_id)
        for o in others
    )


def _unique(events: list[Event]) -> list[Event]:
    seen = set()
    out = []
    for e in events:
        key = (
            e.event_type,
            tuple((a.code, a.sector) for a in e.actor),
            tuple((a.code, a.sector) for a in e.recipient),
            e.trigger_start,
        )
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
