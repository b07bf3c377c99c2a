"""Per-document memos of spaCy properties that are rebuilt from every token on each read.

``Doc.text`` joins the text of every token, ``Doc.ents`` walks every token, and
``Span.ents`` reads ``Doc.ents`` again, on every access. Several stages read them for
the same document (the entities of each event's sentence, for one), so they are
worked out once per document and kept in ``doc.user_data``. The pipeline never
changes a document after parsing, so the memos cannot go stale.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

__all__ = ["doc_ents", "doc_text", "sentence_ents"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    text = doc.user_data.get("communique.text")
    if text is None:
        text = doc.user_data["communique.text"] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once per document."""
    ents = doc.user_data.get("communique.ents")
    if ents is None:
        ents = doc.user_data["communique.ents"] = tuple(doc.ents)
    return ents


def sentence_ents(sent: Span) -> list[Span]:
    """The entities wholly inside ``sent`` (what ``sent.ents`` gives), without walking
    the whole document's entities."""
    ents = doc_ents(sent.doc)  # in document order, so the first one inside is found by halving
    first = bisect_left(ents, sent.start, key=lambda ent: ent.start)
    found = []
    for ent in ents[first:]:
        if ent.end > sent.end:
            break
        found.append(ent)
    return found
