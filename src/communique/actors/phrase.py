"""Cutting a noun phrase into spans: known names, function words and unknown words.

The resolver reads a phrase left to right, always taking the longest alias the
knowledge base knows at each position ("United Nations Security Council" before
"United Nations"). What is left over is classified by small closed word lists:
determiners and quantifiers are skipped, prepositions split a head from its
complement ("the president *of* Russia"), and affiliation words stop a country
from being read as the actor's own ("*pro*-Russian separatists", "US-*led* forces",
"*ethnic* Albanians").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .kb import KnowledgeBase
from .records import Entry
from .text import Token, has_upper, key_of

__all__ = [
    "PRONOUNS",
    "Span",
    "drop_parenthetical",
    "is_modifier_only",
    "is_pronoun",
    "split_complement",
    "split_conjuncts",
    "split_spans",
    "trailing_head",
]

PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him "
    "his himself she her hers herself it its itself they them their theirs themselves who whom "
    "whose which what that this these those one ones someone somebody something anyone anybody "
    "anything everyone everybody everything nobody none nothing other others another each both "
    "either neither all".split()
)
DETERMINERS = frozenset(
    "the a an this that these those its their his her our your my some several many most all "
    "both each every any no other another such few more much various certain numerous "
    "dozens hundreds thousands millions tens scores lot lots couple handful number numbers "
    "group groups majority members member rest part".split()
    + "one two three four five six seven eight nine ten eleven twelve fifteen twenty fifty".split()
)
PREPOSITIONS = frozenset("of in from at for with on near inside across within by to under".split())
CONJUNCTIONS = frozenset(["and", "or", "nor", "&", "plus"])
#: "ethnic Albanians" names an ethnic group, which CAMEO codes under the country it lives
#: in, not the country its name comes from
BLOCK_BEFORE = frozenset(["pro", "anti", "non", "ethnic"])
BLOCK_AFTER = frozenset(
    "led backed allied aligned sponsored supported funded linked affiliated inspired controlled "
    "occupied held annexed friendly leaning installed appointed".split()
)
FORMER = frozenset(["former", "ex", "erstwhile", "onetime", "one-time", "deposed", "ousted"])


@dataclass
class Span:
    """A run of tokens: ``kind`` is entry, poss, prep, conj, block_before, block_after,
    former, det or word; ``entries`` are the knowledge-base readings of an entry span."""

    kind: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    entries: list[Entry] = field(default_factory=list)
    blocked: bool = False

    @property
    def capitalized(self) -> bool:
        return all(t.raw[:1].isupper() for t in self.tokens)


def is_pronoun(tokens: list[Token]) -> bool:
    """A lone pronoun ("they", "us") -- but "US" and "WHO" in capitals are names."""
    if len(tokens) != 1:
        return False
    tok = tokens[0]
    return tok.norm in PRONOUNS and not (len(tok.raw) > 1 and tok.raw.isupper())


def _case_ok(entry: Entry, tokens: tuple[Token, ...], strict_case: bool) -> bool:
    if not strict_case or not entry.proper:
        return True
    if entry.strict:
        return all(c.isupper() for t in tokens for c in t.raw if c.isalpha())
    return has_upper(tokens)


def split_spans(kb: KnowledgeBase, tokens: list[Token], strict_case: bool = True) -> list[Span]:
    """Greedy longest-match segmentation of ``tokens`` against the knowledge base."""
    spans: list[Span] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.norm == "'s":
            spans.append(Span("poss", i, i + 1, (tok,)))
            i += 1
            continue
        found: Span | None = None
        for length in range(min(kb.max_tokens, n - i), 0, -1):
            run = tuple(tokens[i : i + length])
            entries = kb.names.get(key_of(run))
            if not entries:
                continue
            entries = [e for e in entries if _case_ok(e, run, strict_case)]
            if entries:
                found = Span("entry", i, i + length, run, entries)
                break
        if found is not None:
            spans.append(found)
            i = found.end
            continue
        spans.append(Span(_word_kind(tok.norm), i, i + 1, (tok,)))
        i += 1
    for idx, span in enumerate(spans):
        if span.kind != "entry":
            continue
        before = spans[idx - 1].kind if idx > 0 else ""
        after = spans[idx + 1].kind if idx + 1 < len(spans) else ""
        span.blocked = before == "block_before" or after == "block_after"
    return spans


def _word_kind(norm: str) -> str:
    if norm in DETERMINERS or norm.isdigit():
        return "det"
    if norm in PREPOSITIONS:
        return "prep"
    if norm in CONJUNCTIONS:
        return "conj"
    if norm in BLOCK_BEFORE:
        return "block_before"
    if norm in BLOCK_AFTER:
        return "block_after"
    if norm in FORMER:
        return "former"
    return "word"


# ---------------------------------------------------------------------- phrase structure
def split_complement(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """"the president of Russia" -> head side and complement; "hundreds of X" -> X."""
    for idx, span in enumerate(spans):
        if span.kind != "prep":
            continue
        head_side, complement = spans[:idx], spans[idx + 1 :]
        if all(s.kind in ("det", "former") for s in head_side):
            return split_complement(complement)
        return head_side, complement
    return spans, []


def split_conjuncts(spans: list[Span]) -> list[list[Span]]:
    parts: list[list[Span]] = [[]]
    for span in spans:
        if span.kind == "conj":
            parts.append([])
        else:
            parts[-1].append(span)
    return [p for p in parts if p]


def trailing_head(spans: list[Span]) -> list[Span]:
    """The head noun(s) a coordinated modifier shares: "Hungarian and Romanian *officials*"."""
    for idx in range(len(spans) - 1, -1, -1):
        span = spans[idx]
        if span.kind == "entry" and any(e.kind in ("sector", "title") for e in span.entries):
            return spans[idx:]
        if span.kind == "entry":
            return []
    return []


def is_modifier_only(spans: list[Span]) -> bool:
    kinds = {e.kind for s in spans if s.kind == "entry" for e in s.entries}
    return bool(kinds) and kinds <= {"adjective", "country", "org", "group"} and any(
        e.kind == "adjective" for s in spans for e in s.entries
    )


def drop_parenthetical(text: str) -> str:
    """"The Asia-Pacific Economic Cooperation (APEC) forum" -> without "(APEC)"."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            out.append(ch)
    cleaned = "".join(out).strip()
    return cleaned or text.replace("(", " ").replace(")", " ")
