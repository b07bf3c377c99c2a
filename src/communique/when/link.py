"""Linking temporal expressions to the events they date.

The date of an event is the expression that governs its clause, resolved
against the publication date; an expression inside another clause dates that
clause, not the event.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from .dates import ResolvedDate, resolve_expression

_CLAUSE_LINKS = {"conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep"}


def event_date(tok: Token, pub_date: date | None, own: bool = False) -> ResolvedDate | None:
    """The date expression that governs the trigger's clause, if the sentence has one.

    An expression counts when the first verb above it is the trigger or a verb the
    trigger's clause hangs from ("During Wednesday's call, Xi stressed ... and
    called for ..."); one inside another clause ("language he used in a March
    call") dates that clause, not this event.
    """
    ents = [e for e in tok.sent.ents if e.label_ in ("DATE", "TIME")]
    if not ents:
        return None
    chain = [tok]
    node = tok
    while not own and node.dep_ in _CLAUSE_LINKS and node.head is not node:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            chain.append(node)
    rank = {t.i: n for n, t in enumerate(chain)}
    best: tuple[int, ResolvedDate] | None = None
    for ent in ents:
        anchor = _clause_head(ent.root)
        if anchor is None or anchor.i not in rank:
            continue
        resolved = resolve_expression(ent.text, pub_date)
        if resolved is not None and (best is None or rank[anchor.i] < best[0]):
            best = (rank[anchor.i], resolved)
    return best[1] if best else None


def _clause_head(tok: Token) -> Token | None:
    """The verb (or event noun's verb) a date expression modifies."""
    node = tok
    for _ in range(8):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
