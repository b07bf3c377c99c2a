"""Event assembly: a coded trigger, its parties and its date made into an :class:`Event`.

The coder decides what happened and who took part; this module writes the record:
it fills in what the sentence implies but does not say (the country of people known
only by sector, the default target of a domestic act, a call made by phone), takes
the CAMEO code's PLOVER type, mode, context and Goldstein score from the ontology,
and keeps one record per reported act in a sentence.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from ..model import Actor, Event, Sentence
from ..nlp.cache import sentence_ents
from ..when.dates import ResolvedDate
from . import roles
from .fill import fill_country, home_target, named_codes
from .lexicon import Entry
from .ontology import Ontology

_PHONE_WORDS = {"phone", "telephone", "call", "videoconference", "video"}


def build_event(
    ontology: Ontology,
    countries: frozenset[str],
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
    """The event ``entry`` codes as ``cameo``, its trigger the words from ``trigger`` to
    ``trigger_last`` (a verb and its complement: "vowed to fight"), dated ``when`` or, with
    no date of its own, the publication date."""
    doc = trigger.doc
    if cameo in ("040", "046") and any(t.lemma_.lower() in _PHONE_WORDS for t in trigger.sent):
        cameo = "041"
    code = ontology[cameo]
    fill_country(actors, recipients, countries, entry.plover_type or code.plover_type)
    if not recipients:
        recipients = home_target(entry.plover_type or code.plover_type, actors,
                                 countries, code.code,
                                 named=lambda: named_codes(sentence_ents(trigger.sent)))
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


def fold_outcomes(events: list[Event], triggers: dict[int, Event], sent: Span) -> list[Event]:
    """ "Rebels attacked a convoy, killing five soldiers" reports one attack and its toll:
    a participle of result of the same event type joins the event it follows (and lends it
    the victims when that event named none). So does a coordinated verb of the same type and
    actors that names no party of its own: "the blast killed two soldiers and wounded five
    others" is one attack; and when only the second names one ("met and held talks with
    Peru"), that one stands for both."""
    doc = sent.doc
    dropped: set[int] = set()
    for i, event in triggers.items():
        tok = doc[i]
        if tok.dep_ == "conj":
            main = triggers.get(tok.head.i)
            if (main is not None and main is not event and id(main) not in dropped
                    and main.event_type == event.event_type
                    and [a.code for a in main.actor] == [a.code for a in event.actor]):
                if not event.recipient:
                    dropped.add(id(event))
                    continue
                if not main.recipient:
                    # "met and held talks with Peru", "established ties with and opened an
                    # embassy in Tehran": the party named last is the party of both verbs.
                    dropped.add(id(main))
                    continue
        head = roles.result_head(tok)
        main = triggers.get(head.i) if head is not None else None
        if main is None or main is event or id(main) in dropped:
            continue
        if main.event_type != event.event_type:
            continue
        if not main.recipient:
            main.recipient = event.recipient
        dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]


def unique_events(events: list[Event]) -> list[Event]:
    """One event per type, parties and trigger: a trigger reached twice (a verb and its
    noun, two frames of one clause) is reported once, the first time."""
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
