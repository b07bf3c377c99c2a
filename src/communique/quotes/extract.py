"""Direct and mixed quotations of one parsed section, with their speakers.

The quoted spans come from the quotation marks (:mod:`.marks`); the parse then
answers three questions for each span. Who introduced it: a speech verb next to
it ("'...,' Xi said", "Xi said: '...'") or above it in the tree ("Xi stressed
China had 'independently assessed ...'")? Is it a whole utterance (``direct``) or a
fragment inside reported speech (``mixed``)? And is it speech at all, or a
label in scare quotes ("a 'no limits' partnership", "what it calls a '...'")?
Spans with no speech verb are dropped: most of them are titles and labels.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..model import Actor, Quote
from ..nlp.cache import doc_text
from .indirect import find_indirect
from .lexicon import Cues, default_cues, default_naming
from .marks import QuoteSpan, find_quote_spans
from .speakers import (
    SUBJECTS,
    Mention,
    MentionIndex,
    addressee_of,
    inverted_subject,
    kind_of,
    phrase_of,
    pronoun_class,
    subject_of,
)

__all__ = ["find_quotes"]

Resolver = Callable[[str], Actor | None]

_BOUNDARY = set(".!?:;,\n\u2014\u2013(\u201d\"'\u2019\u00bb")
_INTRO = set(":,\u2014\u2013")
_LABEL_DEPS = {"amod", "compound", "nmod", "poss", "nummod"}
_PREDICATE_DEPS = {"acomp", "attr", "oprd", "xcomp", "ccomp"}
_NAMED_DEPS = {"dobj", "oprd", "attr", "xcomp", "ccomp", "nsubjpass"}


@dataclass(frozen=True)
class _Cue:
    token: Token
    text: str
    speaker: Token | None
    addressee: Token | None


@dataclass
class _Found:
    quote: Quote
    cue: Token
    last_sent: int
    speaker_mention: Mention | None


class _Finder:
    def __init__(self, doc: Doc, resolve: Resolver | None, section: str, cues: Cues) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.resolve = resolve
        self.section = section
        self.cues = cues
        self.naming = default_naming()
        self._toks = [t for t in doc if not t.is_space]
        self._tok_starts = [t.idx for t in self._toks]
        self._tok_ends = [t.idx + len(t) for t in self._toks]
        self.spans = find_quote_spans(self.text)
        self.quoted: set[int] = set()
        for span in self.spans:
            self.quoted.update(t.i for t in self._tokens(span.open_start, span.close_end))
        self.index = MentionIndex(doc, self.quoted)

    # -- helpers over characters and tokens ---------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        """Non-space tokens touching characters [start, end), by bisection (this runs a lot)."""
        lo = bisect_right(self._tok_ends, start)
        hi = bisect_left(self._tok_starts, end)
        return self._toks[lo:hi]

    def _prev_char(self, i: int) -> str:
        j = i - 1
        while j >= 0 and self.text[j] in " \t":
            j -= 1
        return self.text[j] if j >= 0 else "\n"

    def cue_at(self, tok: Token) -> _Cue | None:
        """The cue a token starts, if it is a speech verb or "according to"."""
        if tok.i in self.quoted:
            return None
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    return _Cue(tok, f"{tok.text} {child.text}", obj, None)
            return None
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            return None  # "a written interview" is no cue
        text = None
        if lemma in self.cues.verbs:
            text = tok.text
        else:
            for child in tok.children:
                if (lemma, child.lower_) in self.cues.phrasal and child.dep_ in ("prt", "prep"):
                    text = f"{tok.text} {child.text}"
        if text is None:
            return None
        subject = subject_of(tok, self.quoted)
        if subject is None:
            subject = inverted_subject(tok)
            if subject is not None:
                return _Cue(tok, text, subject, None)
        return _Cue(tok, text, subject, addressee_of(tok))

    def _reports_other(self, cue: Token, span: QuoteSpan) -> bool:
        """True when the cue already has a complement clause of its own outside the span."""
        for child in cue.children:
            if child.dep_ == "ccomp" and child.i not in self.quoted:
                return not (span.open_start <= child.idx < span.close_end)
        return False

    # -- finding the cue -----------------------------------------------------

    def framing_cue(self, span: QuoteSpan, prev: QuoteSpan | None, nxt: QuoteSpan | None):
        """A cue beside a quotation that starts an utterance: after it, else before it."""
        if self._prev_char(span.open_start) not in _BOUNDARY:
            return None
        if span.closed:
            after = self._tokens(span.close_end, len(self.text))
            if after:
                end = min(after[0].sent.end_char, nxt.open_start if nxt else len(self.text))
                nl = self.text.find("\n", span.close_end)
                end = min(end, nl) if nl >= 0 else end
                # after a closed sentence ('"... ready." Officials, while noting ...') only
                # a short attribution right behind the marks counts
                ended = self.text[span.close_start - 1] in ".!?" and after[0].text[:1].isupper()
                for n, tok in enumerate(after):
                    if tok.idx >= end or (ended and n > 6):
                        break
                    cue = self.cue_at(tok)
                    if cue and not self._reports_other(tok, span):
                        if ended and any(c.dep_ == "mark" for c in tok.children):
                            break
                        return cue
        if self._prev_char(span.open_start) in _INTRO or self._is_cue_before(span):
            before = self._tokens(0, span.open_start)
            if not before:
                return None
            start = before[-1].sent.start_char
            if prev is not None:
                start = max(start, prev.close_end)
            nl = self.text.rfind("\n", 0, span.open_start)
            start = max(start, nl + 1)
            for tok in reversed(before):
                if tok.idx < start:
                    break
                cue = self.cue_at(tok)
                if cue and not self._reports_other(tok, span):
                    return cue
        return None

    def _is_cue_before(self, span: QuoteSpan) -> bool:
        before = self._tokens(0, span.open_start)
        return bool(before) and self.cue_at(before[-1]) is not None

    def governing_cue(self, toks: list[Token]) -> _Cue | None | bool:
        """The speech verb above a quoted fragment; False when it is a label or name."""
        inside = {t.i for t in toks}
        roots = [t for t in toks if (t.head.i not in inside or t.head.i == t.i) and not t.is_punct]
        for root in roots:
            if root.dep_ in _LABEL_DEPS and root.head.i not in inside:
                return False
        for root in roots:
            child, node = root, root.head
            while True:
                if node.i not in inside:
                    if node.lemma_.lower() in self.naming and child.dep_ in _NAMED_DEPS:
                        return False
                    cue = self.cue_at(node) or self._according(node)
                    if cue:
                        if child.dep_ in SUBJECTS or child.dep_ == "csubj":
                            return False
                        return cue
                if node.head.i == node.i:
                    break
                child, node = node, node.head
            for side in node.children:  # "China is 'ready', he said" parsed as parataxis
                if side.dep_ in ("parataxis", "dep") and side.i > root.i:
                    cue = self.cue_at(side)
                    if cue:
                        return cue
        return None

    def _according(self, node: Token) -> _Cue | None:
        for child in node.children:
            if child.lower_ == "according":
                return self.cue_at(child)
        return None

    # -- building quotes -----------------------------------------------------

    def _actor(self, text: str, start: int, end: int) -> Actor:
        found = self.resolve(text) if self.resolve else None
        if found is None:
            return Actor(entity_text=text, start=start, end=end)
        return replace(found, entity_text=text, start=start, end=end)

    def speaker_of(self, head: Token | None, cue: Token) -> tuple[Actor | None, Mention | None]:
        """The actor a subject (or object) token names, following pronouns back."""
        if head is None:
            return None, None
        if head.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
            head = cue.head
        sent = self.index.sent_index(cue.i)
        if pronoun_class(head):
            ante = self.index.resolve(head)
            if ante is not None:
                mention = replace(ante, rank=0, sent=sent)
                return self._actor(ante.text, ante.start, ante.end), mention
            mention = Mention(head.idx, head.idx + len(head), head.text, None, 0, sent)
            return self._actor(head.text, mention.start, mention.end), mention
        phrase = phrase_of(head)
        kind = kind_of(phrase)
        if kind is None and phrase.root.tag_ in ("NNS", "NNPS"):
            kind = "group"  # "other member states said": a later "he" is someone else
        mention = Mention(phrase.start_char, phrase.end_char, phrase.text, kind, 0, sent)
        return self._actor(phrase.text, phrase.start_char, phrase.end_char), mention

    def _clausal(self, toks: list[Token]) -> bool:
        """A whole clause or more: a verb inside the span with its own subject inside."""
        inside = {t.i for t in toks}
        if len({self.index.sent_index(t.i) for t in toks if not t.is_punct}) > 1:
            return True
        for tok in toks:
            if tok.head.i in inside and tok.head.i != tok.i:
                continue
            if tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ in (*SUBJECTS, "expl", "csubj") and c.i in inside for c in tok.children
            ):
                return True
        return False

    def _is_label(self, span: QuoteSpan, toks: list[Token]) -> bool:
        words = [t for t in toks if not t.is_punct]
        if len(words) == 1 and words[0].dep_ not in _PREDICATE_DEPS:
            return True
        before = self.text[max(0, span.open_start - 10) : span.open_start].lower()
        return before.rstrip().endswith(("so-called", "so called"))

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        last: _Found | None = None
        for n, span in enumerate(self.spans):
            toks = self._tokens(span.inner_start, span.inner_end)
            if not toks:
                continue
            prev = self.spans[n - 1] if n else None
            nxt = self.spans[n + 1] if n + 1 < len(self.spans) else None
            first_sent = self.index.sent_index(toks[0].i)
            clausal = self._clausal(toks)
            # quoted words that carry on the reporter's own sentence ("said that '...'",
            # "pointing to the '...'") are mixed even when they form a clause
            set_off = self._prev_char(span.open_start) in _BOUNDARY
            cue = self.framing_cue(span, prev, nxt)
            kind = "direct" if cue else None
            if cue is None and not self._is_label(span, toks):
                governing = self.governing_cue(toks)
                if governing is False:
                    continue
                if governing:
                    cue, kind = governing, "direct" if clausal and set_off else "mixed"
            if cue is None:
                # a paragraph that carries on the previous speaker's quotation
                if last is None or not clausal or first_sent > last.last_sent + 1:
                    continue
                if last.quote.type != "direct":
                    continue
                quote = replace(last.quote, type="direct")
                cue_tok, mention = last.cue, last.speaker_mention
            else:
                if (last is not None and cue.token.i == last.cue.i and last.quote.type == "direct"
                        and set_off):
                    kind = "direct"  # the second half of a quotation split by its cue
                speaker, mention = self.speaker_of(cue.speaker, cue.token)
                addressee, _ = self.speaker_of(cue.addressee, cue.token)
                quote = Quote(
                    quote_text="", type=kind or "direct", start=0, end=0, speaker=speaker,
                    cue=cue.text, addressee=addressee,
                )  # fmt: skip
                cue_tok = cue.token
                if mention is not None:
                    self.index.add_speaker(mention)
            quote = replace(
                quote,
                quote_text=self.text[span.inner_start : span.inner_end],
                start=span.inner_start,
                end=span.inner_end,
                section=self.section,
                sequence=first_sent,
            )
            last_sent = max(self.index.sent_index(toks[-1].i), self.index.sent_index(cue_tok.i))
            last = _Found(quote, cue_tok, last_sent, mention)
            quotes.append(quote)
        quotes.extend(find_indirect(self, quotes))
        return sorted(quotes, key=lambda q: q.start)


def find_quotes(doc: Doc, resolve: Resolver | None = None, *, section: str = "text") -> list[Quote]:
    """Quotations in one parsed section (title or body), in reading order.

    ``resolve`` maps a speaker phrase to a knowledge-base :class:`Actor`; the
    returned actor is copied with the phrase and its offsets as written in this
    section. Without it (or when it returns None) the speaker is the bare phrase.
    ``sequence`` is the index of the sentence (in ``doc.sents``) where the
    quotation starts; offsets are character offsets into ``doc.text``.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"find_quotes needs a spaCy Doc, got {type(doc).__name__}")
    if not doc.has_annotation("DEP"):
        raise ValueError("find_quotes needs a Doc with a dependency parse (run the full pipeline)")
    if section not in ("title", "text"):
        raise ValueError(f"section must be 'title' or 'text', got {section!r}")
    return _Finder(doc, resolve, section, default_cues()).run()
