"""Indirect speech: the clause a speech verb reports without quotation marks.

"Xi said China was willing to ...", "the ministry told reporters that ...",
"according to the Foreign Ministry, ...", "the attack killed 12, officials said".
The parse already says which clause a speech verb governs (its ``ccomp``), so the
reported words are that clause's subtree; "according to X" reports the clause it
hangs off; a speech tag parsed as a side clause ("..., he said") reports the clause
it hangs off too. Clauses that hold or touch a direct or mixed quotation already
found are left to that quotation, and so are clauses reported inside another
reported clause (the outer report is the quotation a reader sees).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from .extract import _Finder

__all__ = ["find_indirect"]

_EDGE_DROP = {"punct", "cc", "prep"}
_MIN_WORDS = 2


def _clause_tokens(cue: Token, quoted: set[int]) -> list[Token]:
    """The tokens of the clause a cue token reports, or [] when it reports none."""
    if cue.lower_ == "according":
        head = cue.head
        if head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
            return []
        skip = {t.i for t in cue.subtree}
        return [t for t in head.subtree if t.i not in skip]
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i not in quoted), None)
    if comp is not None:
        return list(comp.subtree)
    if cue.dep_ == "parataxis" and cue.head.i < cue.i and cue.head.pos_ in ("VERB", "AUX"):
        skip = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in skip and t.i < cue.i]
    return []


def _longest_run(tokens: list[Token]) -> list[Token]:
    """The longest stretch of consecutive tokens (a removed cue phrase splits a clause)."""
    if not tokens:
        return []
    tokens = sorted(tokens, key=lambda t: t.i)
    best: list[Token] = []
    run = [tokens[0]]
    for tok in tokens[1:]:
        if tok.i == run[-1].i + 1:
            run.append(tok)
        else:
            best = max(best, run, key=len)
            run = [tok]
    return max(best, run, key=len)


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop edge punctuation, a leading "that" and dangling conjunctions or prepositions."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"
                      or (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space
                      or tokens[-1].dep_ in _EDGE_DROP):
        tokens = tokens[:-1]
    return tokens


def find_indirect(finder: _Finder, found: list[Quote]) -> list[Quote]:
    """Reported clauses of one section, as ``indirect`` quotations with their speakers."""
    doc = finder.doc
    taken = [(q.start, q.end) for q in found]
    marks = [(s.open_start, max(s.close_end, s.close_start)) for s in finder.spans]
    out: list[Quote] = []
    for tok in doc:
        cue = finder.cue_at(tok)
        if cue is None:
            continue
        clause = _trim(_longest_run(_clause_tokens(tok, finder.quoted)))
        words = [t for t in clause if not t.is_punct]
        if len(words) < _MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in clause):
            continue
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        if any(s < end and start < e for s, e in taken):
            continue  # the quotation marks inside already tell whose words these are
        if any(s <= start and end <= e for s, e in marks):
            continue  # a report inside someone's quoted words
        speaker, mention = finder.speaker_of(cue.speaker, tok)
        addressee, _ = finder.speaker_of(cue.addressee, tok)
        if mention is not None:
            finder.index.add_speaker(mention)
        out.append(
            Quote(
                quote_text=finder.text[start:end], type="indirect", start=start, end=end,
                speaker=speaker, cue=cue.text, addressee=addressee, section=finder.section,
                sequence=finder.index.sent_index(clause[0].i),
            )
        )  # fmt: skip
    # a clause reported inside another reported clause belongs to the outer report
    return [
        q for q in out
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in out)
    ]  # fmt: skip
