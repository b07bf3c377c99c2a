"""Ranked PLOVER context labels: the event's CAMEO code, its sentence, its article.

PLOVER's ``context`` says what an event is about (a meeting on trade is
``economic``, one on border disputes ``territory``) and may take several
values; the manual expects it to be read from the paragraph or document as
much as from the sentence. The CAMEO→PLOVER table gives some events a context
of their own (an arms embargo is ``military``); words of the event's sentence
and of its article add others. Each source scores, and labels come out ranked
by score, strongest first: the table, then the sentence, then the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..actors.tsv import read_rows, split_list

__all__ = ["ContextLexicon", "article_counts", "load_context_lexicon", "rank_contexts"]

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.tsv"

TABLE_SCORE = 5.0  # the CAMEO→PLOVER table's own context: above any sentence score
SENTENCE_SCORE = 2.0  # per distinct term in the event's sentence (two at most)
ARTICLE_SCORE = 1.5  # the article dwells on the context (MIN_ARTICLE_HITS term uses)
MIN_ARTICLE_HITS = 3
THRESHOLD = 1.5  # below this a label is not given


@dataclass(frozen=True)
class ContextLexicon:
    """Lemma phrases per context label, as token tuples."""

    terms: dict[str, tuple[tuple[str, ...], ...]]

    def hits(self, words: list[str]) -> dict[str, list[tuple[str, ...]]]:
        """Terms of each context found in ``words`` (lemmas or lower-cased forms)."""
        found: dict[str, list[tuple[str, ...]]] = {}
        starts: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            starts.setdefault(w, []).append(i)
        for label, terms in self.terms.items():
            for term in terms:
                for i in starts.get(term[0], ()):
                    if tuple(words[i : i + len(term)]) == term:
                        found.setdefault(label, []).append(term)
        return found


@cache
def load_context_lexicon(path: Path = LEXICON) -> ContextLexicon:
    terms: dict[str, tuple[tuple[str, ...], ...]] = {}
    for row in read_rows(path, ("context", "terms")):
        label = row.required("context")
        if label in terms:
            raise row.error(f"context {label!r} is listed twice")
        variants: list[tuple[str, ...]] = []
        for term in split_list(row.required("terms")):
            variants.append(tuple(term.lower().split()))
            if "-" in term:  # spaCy splits "al-Qaida" at the hyphen, not "COVID-19"
                variants.append(tuple(re.findall(r"[^\W_]+|-", term.lower())))
        terms[label] = tuple(dict.fromkeys(variants))
    return ContextLexicon(terms)


def _term_hits(lexicon: ContextLexicon, tokens: Iterable[Token]) -> dict[str, set[tuple[str, ...]]]:
    """Terms of each context used in ``tokens``, matched on lemmas or on lower-cased words."""
    toks = list(tokens)
    out: dict[str, set[tuple[str, ...]]] = {}
    for words in ([t.lemma_.lower() for t in toks], [t.lower_ for t in toks]):
        for label, terms in lexicon.hits(words).items():
            out.setdefault(label, set()).update(terms)
    return out


def article_counts(docs: Iterable[tuple[Doc, float]], lexicon: ContextLexicon) -> Counter[str]:
    """How often an article uses each context's terms (headline uses weighted up)."""
    counts: Counter[str] = Counter()
    for doc, weight in docs:
        lemmas = [t.lemma_.lower() for t in doc]
        lowers = [t.lower_ for t in doc]
        merged: dict[str, int] = {}
        for words in (lemmas, lowers):
            for label, terms in lexicon.hits(words).items():
                merged[label] = max(merged.get(label, 0), len(terms))
        for label, n in merged.items():
            counts[label] += weight * n
    return counts


def rank_contexts(
    table: Iterable[str], sentence: Span, article: Counter[str], lexicon: ContextLexicon
) -> list[str]:
    """Context labels for one event, strongest first."""
    scores: Counter[str] = Counter()
    order: dict[str, int] = {}
    for label in table:
        scores[label] += TABLE_SCORE
        order.setdefault(label, len(order))
    for label, terms in sorted(_term_hits(lexicon, sentence).items()):  # type: ignore[arg-type]
        scores[label] += SENTENCE_SCORE * min(len(terms), 2)
        order.setdefault(label, len(order))
    for label, used in sorted(article.items()):
        if used >= MIN_ARTICLE_HITS:
            scores[label] += ARTICLE_SCORE + min(used / (4 * MIN_ARTICLE_HITS), 1.0)
            order.setdefault(label, len(order))
    ranked = sorted((lab for lab in scores if scores[lab] >= THRESHOLD),
                    key=lambda lab: (-scores[lab], order[lab]))
    return ranked
