"""Find quoted spans in raw text by pairing quotation marks.

This works on characters, not tokens, because tokenisers disagree on quote
marks and because the decisive evidence is typographic: which side of a mark
the spaces are on. Double marks (curly, straight, guillemets, low-9) are paired
first; single marks only count when they clearly pair around two or more words,
so that the apostrophe in "Russia's" or "the countries' aim" never opens or
closes a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]

# opener -> closers it accepts
# (copy often mixes a straight opening mark with a curly closing one, and back)
_DOUBLE_OPEN = {"\u201c": "\u201d\u201c\"", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb",
                "\u201f": "\u201d", '"': '"\u201d'}  # fmt: skip
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = {"\u2018": "\u2019", "\u201a": "\u2018\u2019", "\u2039": "\u203a", "'": "'"}
_SINGLE_CLOSE = "\u2019\u203a"
_OPEN_CONTEXT = "([{\u2014\u2013-/\u201c\u201e\u00ab\"'\u2018"
_TRIM_TAIL = " \t\n,;:"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch: the marks around it and the words inside.

    ``inner_start``/``inner_end`` cover the quoted words without surrounding
    spaces or a trailing comma. ``close_end`` equals ``close_start`` when a
    quotation runs on to the next paragraph without a closing mark (the
    newspaper convention for multi-paragraph quotes).
    """

    open_start: int
    close_start: int
    close_end: int
    inner_start: int
    inner_end: int
    style: str  # "double" or "single"

    @property
    def open_end(self) -> int:
        return self.open_start + 1

    @property
    def closed(self) -> bool:
        return self.close_end > self.close_start


def _left_flanking(text: str, i: int) -> bool:
    """A mark that can open: nothing or a space/bracket before, a non-space after."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()


def _right_flanking(text: str, i: int) -> bool:
    """A mark that can close: a non-space before, and no letter or digit after."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _make(text: str, open_i: int, close_i: int, close_end: int, style: str) -> QuoteSpan | None:
    start, end = open_i + 1, close_i
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM_TAIL:
        end -= 1
    if end <= start:
        return None
    return QuoteSpan(open_i, close_i, close_end, start, end, style)


def _ends_sentence(text: str, open_i: int, i: int) -> bool:
    """True when an opening mark at ``i`` follows a finished sentence of an open quotation."""
    before = text[open_i + 1 : i].rstrip()
    return len(before.split()) > 2 and before[-1:] in ".!?\u2026"


def _double_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_i: int | None = None
    for i, ch in enumerate(text):
        if open_i is not None and ch == "\n":
            # An unclosed quotation at a paragraph end either continues in the
            # next paragraph (which then opens with a mark) or was a stray mark.
            nxt = text[i:].lstrip()
            if nxt[:1] in _DOUBLE_OPEN:
                span = _make(text, open_i, i, i, "double")
                if span:
                    spans.append(span)
            open_i = None
            continue
        if ch not in _DOUBLE_OPEN and ch not in _DOUBLE_CLOSE:
            continue
        if open_i is not None:
            closes = ch in _DOUBLE_OPEN.get(text[open_i], "")
            # a closing-only mark always closes; a mark that could also open must look like a closer
            if closes and (ch not in _DOUBLE_OPEN or _right_flanking(text, i)):
                span = _make(text, open_i, i, i + 1, "double")
                if span:
                    spans.append(span)
                open_i = None
            elif ch in _DOUBLE_OPEN and _left_flanking(text, i):
                if _ends_sentence(text, open_i, i):
                    # paragraphs run together ("... end. \u201cNext"): the earlier
                    # quotation continued to a paragraph end that was flattened away
                    span = _make(text, open_i, i, i, "double")
                    if span:
                        spans.append(span)
                open_i = i  # start again here
        elif ch in _DOUBLE_OPEN:
            if ch != '"' or _left_flanking(text, i):
                open_i = i
        elif _left_flanking(text, i):
            open_i = i  # some sites type the closing mark on both sides
    return spans


def _single_spans(text: str, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Pair single marks that clearly enclose two or more words."""
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch not in _SINGLE_OPEN or not _left_flanking(text, i) or not text[i + 1].isalnum():
            i += 1
            continue
        para_end = _paragraph_end(text, i)
        closers = [
            j
            for j in range(i + 2, para_end)
            if text[j] in _SINGLE_OPEN[ch] and _right_flanking(text, j)
        ]
        close = None
        for n, j in enumerate(closers):
            # "the countries' aim": a plural possessive, not the end, if another closer follows
            possessive = text[j - 1] == "s" and text[j + 1 : j + 3].strip()[:1].islower()
            if possessive and n + 1 < len(closers):
                continue
            close = j
            break
        if close is None:
            i += 1
            continue
        span = _make(text, i, close, close + 1, "single")
        if span and " " in text[span.inner_start : span.inner_end]:
            spans.append(span)
            i = close + 1
        else:
            i += 1
    # a pair that crosses a double quotation is an apostrophe mistaken for a mark
    return [s for s in spans if all(_inside(s, t) or _inside(t, s) or _apart(s, t) for t in taken)]


def _apart(a: QuoteSpan, b: QuoteSpan) -> bool:
    return a.close_end <= b.open_start or b.close_end <= a.open_start


def _inside(a: QuoteSpan, b: QuoteSpan) -> bool:
    """True when span ``a`` lies within span ``b``'s marks."""
    return b.open_start < a.open_start and a.close_end <= max(b.close_end, b.close_start + 1)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All outermost quoted spans in ``text``, in reading order.

    A quotation nested in another (single inside double, or the British
    double-inside-single) belongs to the outer one and is not returned.
    """
    doubles = _double_spans(text)
    spans = doubles + _single_spans(text, doubles)
    outer = [s for s in spans if not any(t is not s and _inside(s, t) for t in spans)]
    return sorted(outer, key=lambda s: s.open_start)
