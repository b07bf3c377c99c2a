"""Linking temporal expressions to the events they date.

The date of an event is the expression that governs its clause, resolved
against the publication date; an expression inside another clause dates that
clause, not the event. spaCy's small model does not tag every such expression
as DATE or TIME ("overnight", "last night", a bare "Thursday" after a verb), so
words that always name a time are also read from the tokens themselves.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from ..nlp.cache import sentence_ents
from .dates import MONTHS, WEEKDAYS, ResolvedDate, resolve_expression

_CLAUSE_LINKS = {"conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep"}
# Words that name a time on their own, whatever the tagger made of them.
_TIME_WORDS = {"yesterday", "today", "tonight", "overnight"}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
_LEADS = {"last", "early", "late", "this", "past"}


_SPAN_PREPS = {"since", "until", "till", "before", "after", "from", "through", "throughout"}


def event_date(tok: Token, pub_date: date | None, own: bool = False) -> ResolvedDate | None:
    """The date expression that governs the trigger's clause, if the sentence has one.

    An expression counts when the first verb above it is the trigger or a verb the
    trigger's clause hangs from ("During Wednesday's call, Xi stressed ... and
    called for ..."); one inside another clause ("language he used in a March
    call") dates that clause, not this event.
    """
    spans = time_expressions(tok.sent)
    if not spans:
        return None
    chain = [tok]
    node = tok
    while not own and node.dep_ in _CLAUSE_LINKS and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            chain.append(node)
    rank = {t.i: n for n, t in enumerate(chain)}
    best: tuple[int, ResolvedDate] | None = None
    for span in spans:
        if not _dates_clause(span, tok) or span.root.head.lower_ in _SPAN_PREPS:
            continue  # "since 2016", "until March": the edge of a period, not the event's day
        anchor = _clause_head(span.root)
        if anchor is None or anchor.i not in rank:
            continue
        resolved = resolve_expression(span.text, pub_date)
        if resolved is not None and (best is None or rank[anchor.i] < best[0]):
            best = (rank[anchor.i], resolved)
    return best[1] if best else None


def time_expressions(sent: Span) -> list[Span]:
    """DATE/TIME entities of the sentence, plus time words the tagger left untagged.

    Kept in the doc's ``user_data`` per sentence: a sentence with several events is
    searched once.
    """
    key = ("communique.time_expressions", sent.start, sent.end)
    cached = sent.doc.user_data.get(key)
    if cached is None:
        cached = sent.doc.user_data[key] = _find_time_expressions(sent)
    return list(cached)


def _find_time_expressions(sent: Span) -> list[Span]:
    spans = [e for e in sentence_ents(sent) if e.label_ in ("DATE", "TIME")]
    covered = {i for e in spans for i in range(e.start, e.end)}
    doc = sent.doc
    for tok in sent:
        if tok.i in covered:
            continue
        low = tok.lower_
        start = end = tok.i
        if low in _TIME_WORDS:
            pass
        elif low == "night" and tok.i > sent.start and doc[tok.i - 1].lower_ == "last":
            start = tok.i - 1
        elif low in WEEKDAYS:
            if tok.i > sent.start and doc[tok.i - 1].lower_ in _LEADS:
                start = tok.i - 1
            if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in _PARTS_OF_DAY:
                end = tok.i + 1
        elif low.rstrip(".") in MONTHS and tok.i + 1 < sent.end and doc[tok.i + 1].like_num:
            end = tok.i + 1
        else:
            continue
        if any(i in covered for i in range(start, end + 1)):
            continue
        spans.append(doc[start : end + 1])
        covered.update(range(start, end + 1))
    return spans


_TEMPORAL_PREPS = {"during", "throughout", "on", "at", "in", "since", "until", "by", "before",
                   "after", "following", "over"}


def _dates_clause(span: Span, trigger: Token) -> bool:
    """False for an expression that dates a noun other than the event's ("the 2004 bombing").

    "During Wednesday's call" and "in the Wednesday call" still date their
    clause: the noun sits under a temporal preposition.
    """
    root = span.root
    noun = root.head
    if root.dep_ not in ("poss", "compound", "amod", "nummod", "nmod") or noun.pos_ != "NOUN":
        return True
    if noun.i == trigger.i or (trigger.pos_ == "ADP" and noun.head.i == trigger.i):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _TEMPORAL_PREPS


def _clause_head(tok: Token) -> Token | None:
    """The verb (or event noun's verb) a date expression modifies."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
