"""Scoring the quote finder against hand-annotated gold quotations.

Spans are compared two ways. *Overlap* counts a found quotation as right when
it shares words with a gold one of the same type (each gold quote matched at
most once, largest overlap first): it answers "did we find this quotation?".
*Exact* also needs the same boundaries once both spans are trimmed of
surrounding spaces, punctuation, quotation marks and a leading "that", since
annotators and extractors disagree on whether "that" or a final full stop
belongs to a quotation but not on which words were said.

Speaker accuracy is measured on the gold quotations that were found with the
right type: the found speaker is right when its head word (the last word of
"the ministry spokesperson", "Xi") appears in the gold speaker as written or
in its canonical name, or when the resolved actor's canonical name equals the
gold one. A pronoun left unresolved ("he") therefore counts as wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Article, Quote
from .gold import QUOTE_TYPES, GoldQuote, Story, check_gold, load_gold, load_stories

__all__ = ["evaluate_quotes", "score_quotes", "speaker_matches"]

_TRIM = " \t\n.,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014\u2013-"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "for", "and", "s", "al", "el", "to", "in"}

Span = tuple[int, int]


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span without edge punctuation, spaces, marks or a leading "that"."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end


def _words(text: str | None) -> list[str]:
    return [w for w in _WORD.findall((text or "").lower()) if w not in _STOP]


def speaker_matches(found: Quote, gold: GoldQuote) -> bool:
    """True when the found speaker names the gold speaker (see the module docstring)."""
    actor = found.speaker
    if actor is None:
        return False
    canonical = (gold.speaker_canonical or "").lower()
    if canonical and (actor.identifier_text or "").lower() == canonical:
        return True
    head = _words(actor.entity_text)
    if not head:
        return False
    return head[-1] in set(_words(gold.speaker)) | set(_words(gold.speaker_canonical))


def _match(gold: list[Span], found: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index) of overlapping spans, largest overlap first."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for fi, (fs, fe) in enumerate(found):
            overlap = min(ge, fe) - max(gs, fs)
            if overlap > 0:
                pairs.append((overlap, gi, fi))
    used_g: set[int] = set()
    used_f: set[int] = set()
    out = []
    for _, gi, fi in sorted(pairs, reverse=True):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gi, fi))
    return out


def _prf(tp: int, n_gold: int, n_found: int) -> dict[str, float | int]:
    precision = tp / n_found if n_found else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}  # fmt: skip


class _Tally:
    def __init__(self) -> None:
        self.gold = self.found = self.overlap = self.exact = 0

    def result(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.found,
            "overlap": _prf(self.overlap, self.gold, self.found),
            "exact": _prf(self.exact, self.gold, self.found),
        }


def score_quotes(
    gold: Iterable[GoldQuote], found: dict[str, list[Quote]], texts: dict[str, str]
) -> dict[str, Any]:
    """Score found quotations (body only, by story id) against gold; returns plain data."""
    by_story: dict[str, list[GoldQuote]] = {}
    for g in gold:
        by_story.setdefault(g.story_id, []).append(g)
    tallies = {t: _Tally() for t in (*QUOTE_TYPES, "any")}
    speakers = {t: [0, 0] for t in (*QUOTE_TYPES, "all")}
    for story_id, gold_quotes in by_story.items():
        text = texts[story_id]
        found_quotes = [q for q in found.get(story_id, []) if q.section == "text"]
        for kind in (*QUOTE_TYPES, "any"):
            g_sel = [g for g in gold_quotes if kind in ("any", g.type)]
            f_sel = [q for q in found_quotes if kind in ("any", q.type)]
            g_spans = [_trimmed(text, g.start, g.end) for g in g_sel]
            f_spans = [_trimmed(text, q.start, q.end) for q in f_sel]
            tally = tallies[kind]
            tally.gold += len(g_sel)
            tally.found += len(f_sel)
            for gi, fi in _match(g_spans, f_spans):
                tally.overlap += 1
                tally.exact += g_spans[gi] == f_spans[fi]
                if kind != "any":
                    right = speaker_matches(f_sel[fi], g_sel[gi])
                    for key in (kind, "all"):
                        speakers[key][0] += right
                        speakers[key][1] += 1
    return {
        "stories": len(by_story),
        "types": {k: t.result() for k, t in tallies.items()},
        "speaker": {
            k: {"correct": c, "total": n, "accuracy": round(c / n, 4) if n else 0.0}
            for k, (c, n) in speakers.items()
        },
    }


def evaluate_quotes(gold_path: str | Path, stories_path: str | Path,
                    pipeline: Any | None = None) -> dict[str, Any]:
    """Run the pipeline over the gold stories and score its quotations.

    ``pipeline`` is a :class:`communique.nlp.pipeline.Pipeline` (one is built
    when omitted). Raises :class:`InputError` when the gold file does not fit
    the stories it names.
    """
    from ..nlp.pipeline import Pipeline

    gold = load_gold(gold_path)
    stories = load_stories(stories_path, {g.story_id for g in gold})
    check_gold(gold, stories, str(gold_path))
    pipeline = pipeline or Pipeline()
    ordered: list[Story] = [stories[i] for i in sorted(stories)]
    articles = [
        Article(text=s.text, source=str(stories_path), source_format="jsonl", story_id=s.id,
                title=s.title, pub_date=s.pub_date)
        for s in ordered
    ]  # fmt: skip
    found = {a.article.id: a.quotes for a in pipeline.analyze_many(articles)}
    result = score_quotes(gold, found, {s.id: s.text for s in ordered})
    result["gold_file"] = Path(gold_path).name
    return result
