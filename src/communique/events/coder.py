"""The event coder: sentences in, PLOVER/CAMEO events out.

For every verb (and event noun) the lexicon knows, the coder reads the
trigger's frame off the dependency parse, picks the most specific lexicon
entry that fits, finds the actor and recipient phrases, resolves them to
actors, and drops what did not happen (negated, hypothetical or conditional
actions). Statements about the future of cooperation become intentions (AGREE)
and of force become threats (THREATEN), as CAMEO codes them.

The parts live beside it: :mod:`.participants` resolves who acted and on whom,
:mod:`.modality` decides what a clause's modality makes of the act, and
:mod:`.assembly` writes the :class:`~communique.model.Event` record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from ..actors.kb import default_kb
from ..model import Actor, Event, Sentence
from ..quotes.lexicon import load_cues
from ..when.link import event_date
from . import frames, roles, scope, senses, unnamed, voice
from .assembly import build_event, fold_outcomes, unique_events
from .lexicon import NO_EVENT, Entry, Lexicon, load_lexicon
from .modality import apply_modality, failed, is_refusal, promised_act, refusal_code, threat_code
from .ontology import Ontology, load_ontology
from .participants import Participants, Resolver, same_actor

# Verbs that only carry an event noun: "staged a protest", "launched an offensive".
_LIGHT_VERBS = {"begin", "start", "stage", "hold", "launch", "organize", "organise", "carry",
                "conduct", "continue", "mount", "make", "wage", "declare", "resume", "call",
                "step", "escalate", "intensify", "undertake", "open", "unleash", "announce",
                "order", "approve", "authorize", "authorise", "unveil", "implement", "complete",
                "pursue", "perform", "commit", "engage", "speed", "accelerate", "hasten",
                "expedite"}
_SETTING_PREPS = {"in", "during", "at", "on", "over", "through"}
_BACKGROUND_PREPS = {"since", "before", "after", "following", "amid", "despite", "until",
                     "ahead", "during"}


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
        self.participants = Participants(
            resolve, countries if countries is not None else frozenset(default_kb().countries)
        )
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon(ontology=self.ontology)
        self.attack_nouns = unnamed.attack_nouns(self.lexicon, self.ontology)
        #: How a trigger is dated; an attribute so that a caller can time or replace it.
        self.event_date = event_date

    # The resolver and countries belong to the participants; these let a caller swap the
    # resolver per article (and read the countries) on the coder as before.

    @property
    def resolve(self) -> Resolver:
        return self.participants.resolve

    @resolve.setter
    def resolve(self, resolve: Resolver) -> None:
        self.participants.resolve = resolve

    @property
    def resolve_pronoun(self) -> Callable[[str], Actor | None] | None:
        return self.participants.resolve_pronoun

    @resolve_pronoun.setter
    def resolve_pronoun(self, resolve_pronoun: Callable[[str], Actor | None] | None) -> None:
        self.participants.resolve_pronoun = resolve_pronoun

    @property
    def countries(self) -> frozenset[str]:
        return self.participants.countries

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
        return unique_events(scope.drop_parts(fold_outcomes(events, triggers, sent), sent))

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
        modal = (refused, None) if refused else apply_modality(tok, entry.cameo, self.ontology)
        if modal is None:
            return None
        cameo, plover_type = modal
        if cameo.startswith("03") and comp is not None:
            # "vowed to fight", "is prepared to impose martial law": a promise of force or
            # coercion is a threat, not an intent to cooperate.
            inner = self._match(promised_act(comp), "VERB")
            if inner is not None and self.ontology[inner.cameo].quad_code == 4:
                cameo = threat_code(inner.cameo)
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
        actors = (self.participants.actors(subj, when.date if when else pub_date)
                  if subj is not None else [])
        if not actors and subj is not None and self.lexicon.lookup("NOUN", subj.lemma_.lower()):
            # "Recent US drone strikes killed ...": the attack's owner did it.
            actors = self.participants.owner(subj, when.date if when else pub_date)
        if not actors and not passive and not unnamed.is_means(
                subj, plover_type or entry.plover_type or self.ontology[cameo].plover_type,
                self.attack_nouns):
            return None  # a passive's unknown agent ("killed by a roadside bomb") may stay empty
        if voice.is_passive(tok) and not stative:
            places = voice.passive_subjects(tok)
            day = when.date if when else pub_date
            # "A camp for Congolese refugees was attacked": whose the thing attacked is.
            recipients = (self.participants.actors(places[0], day)
                          or self.participants.owner(places[0], day)) if places else []
            ptype = plover_type or entry.plover_type or self.ontology[cameo].plover_type
            if not actors and ptype == "MOBILIZE":
                # "Chinese troops were deployed": forces moved are their own side's.
                actors, recipients = recipients, []
            elif not recipients:  # "sanctions were imposed on Iran": Iran, as the frame says
                recipients = self.participants.recipients(tok, entry, comp, day)
            if not actors and not recipients:
                return None  # "was attacked" with neither side known says nothing
        else:
            recipients = self.participants.recipients(
                tok, entry, comp, when.date if when else pub_date,
                inner=self._match(comp, "VERB") if comp is not None else None)
            if entry.converse:  # "received tanks from Germany": Germany gave them
                actors, recipients = recipients, actors
                if not actors:
                    return None
        recipients = [r for r in recipients if not same_actor(r, actors)]
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
        actors = self.participants.actors(speaker, day)
        if not actors:
            return None
        recipients = [r for r in self.participants.actors(target, day) if not same_actor(r, actors)]
        if not recipients and target.pos_ == "PRON":
            # "issued a reminder to Iraq that it must ...": the one addressed must act.
            recipients = next((found for head in roles.speech_addressees(speech)
                               if (found := [r for r in self.participants.actors(head, day)
                                             if not same_actor(r, actors)])), [])
        consumed.update(t.i for t in tok.subtree)  # what must be done has not been done
        entry = Entry("VERB", speech.lemma_.lower(), "100")
        return self._event("100", entry, actors, recipients, speech, tok, sentence, when,
                           pub_date)

    def _protest_sense(self, tok: Token, entry: Entry, pub_date: date | None) -> Entry:
        """A crowd's protest is a demonstration, anyone else's a complaint (see senses)."""
        subj, passive = frames.subject(tok)
        actors = (self.participants.actors(subj, pub_date)
                  if subj is not None and not passive else [])
        return senses.protest_sense(entry, subj, actors)

    def _match(self, tok: Token, pos: str) -> Entry | None:
        seen: dict[str, Any] = {}  # the trigger's frame, read once for all its entries
        for entry in self.lexicon.lookup(pos, tok.lemma_.lower()):
            if self._fits(tok, entry, seen):
                # A frame coded "-" says "not an event" ("struck a conciliatory tone").
                return None if entry.cameo == NO_EVENT else entry
        return None

    def _fits(self, tok: Token, entry: Entry, seen: dict[str, Any]) -> bool:
        def frame(key: str, read: Callable[[Token], Any]) -> Any:
            if key not in seen:
                seen[key] = read(tok)
            return seen[key]

        for key, values in entry.when:
            if key == "prep":
                found = frame("prep", frames.prep_lemmas)
                if not (found & values if values else found):
                    return False
            elif key == "prt":
                found = frame("prt", frames.particles)
                if not (found & values if values else found):
                    return False
            elif key == "dobj":
                words = frame("dobj", frames.object_words)
                if not words or (values and not words & values):
                    return False
            elif key == "pobj":
                lemmas = frame("pobj", lambda t: {o.lemma_.lower()
                                                   for o in frames.all_prep_objects(t)})
                if not (lemmas & values if values else lemmas):
                    return False
            elif key == "objmod":
                obj = tok if entry.pos == "NOUN" else frames.direct_object(tok)
                mods = {c.lower_ for c in obj.children} if obj is not None else set()
                if obj is not None:  # "joint air force drills": "joint" may hang on "force"
                    mods.update(g.lower_ for c in obj.children if c.dep_ == "compound"
                                for g in c.children if g.dep_ in ("amod", "compound"))
                if obj is not None and obj.lemma_.lower() in frames.MEASURE_NOUNS:
                    # "part of its military aid": the modifiers of what is measured
                    mods.update(g.lower_ for o in frames.prep_objects(obj, "of")[:1]
                                for g in o.children)
                if not mods & values:
                    return False
            elif key == "ccomp":
                # a that-clause saying what was said ("protested that the police ...")
                if not roles.reported_clauses(tok):
                    return False
            elif key == "oprd":
                words = frame("oprd", frames.predicate_words)
                if not words or (values and not words & values):
                    return False
            elif key == "xcomp":
                comp = frame("xcomp", frames.complement)
                if comp is None or (values and comp.lemma_.lower() not in values):
                    return False
        return True

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
                actors = self.participants.actors(c, day)  # "Russia's invasion", "a US strike"
                if actors:
                    break
        if not actors:
            by = frames.prep_objects(tok, "by")
            actors = self.participants.actors(by[0], day) if by else []
        if not actors and tok.dep_ in ("dobj", "attr") and tok.head.lemma_ in _LIGHT_VERBS:
            # "began a hunger strike", "staged a protest": who does the verb does the event.
            verb = tok.head
            if frames.is_negated(verb) or apply_modality(verb, entry.cameo, self.ontology) is None:
                return None
            subj, _ = frames.subject(verb)
            actors = self.participants.actors(subj, day) if subj is not None else []
        if (not actors and tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS
                and self.ontology[entry.cameo].quad_code in (1, 2)):
            # "he used the phrase in a March call with Biden": who takes part in a call or
            # talks is the subject of the verb the phrase sits under. (Not for attacks:
            # "civilians died in an air strike" names victims.)
            verb = tok.head.head
            if verb.pos_ in ("VERB", "AUX") and not frames.is_negated(verb):
                subj, passive = frames.subject(verb)
                if subj is not None and not passive:
                    actors = self.participants.actors(subj, day)
        between = frames.prep_objects(tok, "between")
        if not actors and between:
            parties = self.participants.actors(between[0], day)  # splits "X and Y" itself
            if len(parties) >= 2:
                return self._event(entry.cameo, entry, parties[:1], parties[1:], tok, tok,
                                   sentence, when, pub_date)
            return None
        if not actors:
            return None
        places = tuple(p for p in entry.recipient if p != "poss")
        recipients = self.participants.recipients(
            tok, Entry(entry.pos, entry.lemma, entry.cameo, recipient=places), None, day)
        recipients = [r for r in recipients if not same_actor(r, actors)]
        if not recipients:
            recipients = self._implied_recipients(tok, None, entry.cameo, entry.plover_type,
                                                  actors, day)
        return self._event(entry.cameo, entry, actors, recipients, tok, tok, sentence, when,
                           pub_date)

    # -- parts ------------------------------------------------------------------------------


    def _implied_recipients(
        self, tok: Token, comp: Token | None, cameo: str, plover_type: str | None,
        actors: list[Actor], day: date | None,
    ) -> list[Actor]:
        """The party the act's type implies beyond its own phrases (see participants)."""
        ptype = plover_type or self.ontology[cameo].plover_type
        return self.participants.implied_recipients(tok, comp, ptype, actors, day)

    def _event(self, *parts: Any) -> Event:
        """:func:`~.assembly.build_event` (cameo, entry, actors, recipients, trigger,
        trigger_last, sentence, when, pub_date) with this coder's ontology and countries."""
        return build_event(self.ontology, self.countries, *parts)


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
