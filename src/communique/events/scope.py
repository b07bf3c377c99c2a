"""Coded words that are part of another event rather than events of their own.

Two constructions of news English put a second event word inside the report of one act:

- the *topic* of a protest: "thousands rallied in Erbil *demanding* a referendum", "staged a
  sit-in *calling for* higher wages". The PLOVER manual's PROTEST section: "the topic of the
  protest---which will typically be a REQUEST---is not coded as a separate event". The
  demand is what the protest is about; the demonstration is the event. (A demand with its
  own subject, "the union demanded ...", is a statement of its own and stays.)
- the *instrument* of an act: "police used tear gas to disperse the crowd" reports one
  dispersal carried out with tear gas, not an assault and a dispersal. "Use X to do Y" (and
  "employ", "utilise") names the means; the infinitive names the act.

Both are decided after the sentence's events are coded, from the parse between triggers.

The topic still says whom a protest is aimed at when nothing else does: strikers "demanding the
resignation of the Algerian president" or rioters "demanding independence from Indonesian rule"
protest against that state (:func:`topic_nouns` gives the coder the nouns to look in).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Event
from . import frames
from .frames import INSTRUMENT_VERBS

#: Links a participle or infinitive of a protest's topic hangs from (at most a few steps up).
_TOPIC_LINKS = {"advcl", "acl", "xcomp", "pcomp", "prep", "pobj", "dobj", "conj", "relcl"}
_MAX_STEPS = 4
#: Verbs that state what a protest demands ("to demand", "calling for", "urging").
_DEMAND_VERBS = {"demand", "call", "urge", "seek", "press", "insist", "ask", "appeal"}
#: Links from a protest's trigger down to the clause of its demand.
_DOWN_LINKS = {"advcl", "xcomp", "acl", "prep", "pcomp", "dobj"}


def instrument_purpose(tok: Token) -> Token | None:
    """For "used tear gas *to disperse* ...": the infinitive naming the act of an instrument
    verb, or None when ``tok`` is no instrument verb or has no such infinitive."""
    if tok.lemma_.lower() not in INSTRUMENT_VERBS:
        return None
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ == "VERB" and "to" in (
            frames.auxiliaries(c)
        ):
            return c
    return None


def drop_parts(events: list[Event], sent: Span) -> list[Event]:
    """The sentence's events without protest topics and instruments (see above)."""
    by_token = _trigger_tokens(events, sent)
    protests = {i for i, e in by_token.items() if e.event_type == "PROTEST"}
    dropped: set[int] = set()
    doc = sent.doc
    for i, event in by_token.items():
        tok = doc[i]
        if event.event_type == "REQUEST" and protests and _is_topic(tok, protests):
            # The demand's addressee or object ("demanding the release of the activists")
            # is not whom the protest is against: the protest keeps its own recipient.
            dropped.add(id(event))
            continue
        purpose = instrument_purpose(tok)
        if purpose is not None and purpose.i in by_token:
            act = by_token[purpose.i]
            if not act.recipient:
                act.recipient = event.recipient
            dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]


def _trigger_tokens(events: list[Event], sent: Span) -> dict[int, Event]:
    """Each event's first trigger word, by token index."""
    starts = {t.idx: t.i for t in sent}
    out: dict[int, Event] = {}
    for event in events:
        i = starts.get(event.trigger_start) if event.trigger_start is not None else None
        if i is not None:
            out.setdefault(i, event)
    return out


def _is_topic(tok: Token, protests: set[int]) -> bool:
    """A non-finite demand under a protest: a participle or infinitive with no subject of its
    own, hanging (through a few phrases at most) from a protest's trigger."""
    if tok.tag_ not in ("VBG", "VB") or any(c.dep_ in frames.SUBJECTS for c in tok.children):
        return False
    return _protest_above(tok, protests) >= 0


def _protest_above(tok: Token, protests: set[int]) -> int:
    node = tok
    for _ in range(_MAX_STEPS):
        if node.dep_ not in _TOPIC_LINKS or node.head.i == node.i:
            return -1
        node = node.head
        if node.i in protests:
            return node.i
    return -1


def topic_nouns(tok: Token) -> list[Token]:
    """The nouns of the demand a protest is held for, in the order they are written:
    "continued their strike *to demand the resignation of the president*", "rioted, joining
    others *in demanding independence from Indonesian rule*". Only a demand without a
    subject of its own, a few phrases below the protest's trigger, counts."""
    out: list[Token] = []
    frontier, seen = [tok], {tok.i}
    for _ in range(_MAX_STEPS):
        nxt: list[Token] = []
        for node in frontier:
            for c in node.children:
                if c.dep_ not in _DOWN_LINKS or c.i in seen:
                    continue
                seen.add(c.i)
                if (c.pos_ == "VERB" and c.lemma_.lower() in _DEMAND_VERBS
                        and c.tag_ in ("VBG", "VB")
                        and not any(g.dep_ in frames.SUBJECTS for g in c.children)):
                    out.extend(t for t in c.subtree
                               if t.i != c.i and t.pos_ in ("NOUN", "PROPN"))
                else:
                    nxt.append(c)
        frontier = nxt
    return out
