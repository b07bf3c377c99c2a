"""Faster stand-ins for two stock components, with the same output token for token.

In the small English pipeline the two rule-based components cost about as much
as the parser: the attribute ruler applies its tag map (one rule per tag) as
Matcher matches, one Python call per token, and the rule lemmatizer walks every
token in Python. Both are deterministic functions of a few token attributes,
so a table lookup over ``Doc.to_array`` columns gives the same annotations at a
fraction of the cost. Anything the fast path cannot prove equivalent (a tag
rule after an exception rule, a rule setting what a later rule matches on) is
left to the stock code, so a different model still gets correct, if slower,
annotations.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.pipeline.attributeruler import set_token_attrs
from spacy.tokens import Doc, Span

from .fast_ner import can_batch

__all__ = ["install_fast_components"]

_TAG_MAP_ATTRS = {"POS", "MORPH"}


def _is_tag_rule(rule: dict[str, Any]) -> bool:
    patterns = rule["patterns"]
    return (
        len(patterns) == 1 and len(patterns[0]) == 1 and set(patterns[0][0]) == {"TAG"}
        and isinstance(patterns[0][0]["TAG"], str) and rule.get("index", 0) == 0
        and set(rule["attrs"]) <= _TAG_MAP_ATTRS
    )  # fmt: skip


_COLUMNS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
# A check on one column: (column, op, value) with op "eq", "in", "not_in" or "regex".
_Check = tuple[int, str, Any]


class _RuleMatcher:
    """Matches the attribute ruler's exception rules on array columns, in plain Python.

    spaCy's Matcher calls a Python predicate per token for every ``IN``/``REGEX``
    rule; the exception rules of the English models are one or two tokens long
    and read only LOWER, TAG, DEP and IS_SPACE, so a lookup keyed on the first
    token's lowercase form finds the few candidates directly. Rules in any other
    form make :meth:`compile` return None and the stock Matcher is used.
    """

    def __init__(self, vocab: Any, rules: list[list[list[list[_Check]]]]) -> None:
        self.vocab = vocab
        # column -> value -> candidate (rule, pattern) pairs, keyed on an equality the
        # pattern's first token needs; patterns with no such check are tried everywhere
        self.index: list[dict[int, list[tuple[int, list[list[_Check]]]]]] = [
            {} for _ in _COLUMNS
        ]
        self.anywhere: list[tuple[int, list[list[_Check]]]] = []
        for i, patterns in enumerate(rules):
            for pattern in patterns:
                keyed = [c for c in pattern[0] if c[1] in ("eq", "in")]
                if not keyed:
                    self.anywhere.append((i, pattern))
                    continue
                col, op, value = min(keyed, key=lambda c: c[0])
                for key in ({value} if op == "eq" else value):
                    self.index[col].setdefault(key, []).append((i, pattern))

    @classmethod
    def compile(cls, rules: list[dict[str, Any]], vocab: Any) -> _RuleMatcher | None:
        names = list(_COLUMNS)
        compiled = []
        for rule in rules:
            patterns = []
            for pattern in rule["patterns"]:
                specs = []
                for token in pattern:
                    checks: list[_Check] = []
                    for key, value in token.items():
                        if key not in _COLUMNS:
                            return None
                        col = names.index(key)
                        if isinstance(value, dict):
                            if len(value) != 1:
                                return None
                            op, arg = next(iter(value.items()))
                            if op in ("IN", "NOT_IN"):
                                checks.append((col, op.lower(), frozenset(_ids(vocab, arg))))
                            elif op == "REGEX" and key != "IS_SPACE":
                                checks.append((col, "regex", re.compile(arg)))
                            else:
                                return None
                        elif isinstance(value, bool) and key == "IS_SPACE":
                            checks.append((col, "eq", int(value)))
                        elif isinstance(value, str) and key != "IS_SPACE":
                            checks.append((col, "eq", _ids(vocab, [value])[0]))
                        else:
                            return None
                    specs.append(checks)
                patterns.append(specs)
            compiled.append(patterns)
        return cls(vocab, compiled)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        rows = doc.to_array(list(_COLUMNS.values())).tolist()
        found = set()
        index = list(enumerate(self.index))
        for start, row in enumerate(rows):
            cands = [c for col, table in index if row[col] in table for c in table[row[col]]]
            for i, pattern in cands + self.anywhere if self.anywhere else cands:
                end = start + len(pattern)
                if end <= len(rows) and all(
                    self._fits(rows[start + k], checks) for k, checks in enumerate(pattern)
                ):
                    found.add((i, start, end))
        return list(found)

    def _fits(self, row: list[int], checks: list[_Check]) -> bool:
        for col, op, value in checks:
            have = row[col]
            if op == "eq":
                if have != value:
                    return False
            elif op == "in":
                if have not in value:
                    return False
            elif op == "not_in":
                if have in value:
                    return False
            elif not value.search(self.vocab.strings[have] if have else ""):
                return False
        return True


def _ids(vocab: Any, values: list[str]) -> list[int]:
    return [vocab.strings.add(v) if v else 0 for v in values]


class TagMapRuler:
    """The attribute ruler with its leading tag-map rules applied as one array lookup.

    The stock ruler sorts matches by rule number and applies them in that order;
    the tag-map rules come first, set only POS and MORPH, and no later rule
    matches on those, so applying them first and the rest afterwards is the same.
    """

    def __init__(self) -> None:
        self.tag_map: dict[int, tuple[int | None, int | None]] = {}
        self.rules: list[tuple[dict[int, Any], int]] = []
        self.matcher: Matcher | _RuleMatcher | None = None
        self.stock: AttributeRuler | None = None

    def adopt(self, ruler: AttributeRuler) -> None:
        """Take over the rules of a loaded stock attribute ruler."""
        rules = ruler.patterns
        n = 0
        while n < len(rules) and _is_tag_rule(rules[n]):
            n += 1
        matched_on = {key for rule in rules[n:] for pattern in rule["patterns"]
                      for token in pattern for key in token}
        if matched_on & _TAG_MAP_ATTRS:
            n = 0  # a later rule reads what the tag map writes: keep the stock order
        self.stock = ruler  # kept so that tests can compare both on the same parse
        self.vocab = ruler.vocab
        # ``attrs``/``indices`` hold the rules' settings in the form set_token_attrs takes.
        settings = list(zip(ruler.attrs, ruler.indices, strict=True))
        self.tag_map = self._tag_map(rules[:n], settings[:n])
        self.rules = settings[n:]
        self.matcher = _RuleMatcher.compile(rules[n:], self.vocab)
        if self.matcher is None:  # something our matcher does not read: the stock Matcher
            self.matcher = Matcher(self.vocab, validate=False)
            for i, rule in enumerate(rules[n:]):
                self.matcher.add(str(i), rule["patterns"])

    def _tag_map(
        self, rules: list[dict[str, Any]], settings: list[tuple[dict[int, Any], int]]
    ) -> dict[int, tuple[int | None, int | None]]:
        """Tag hash -> (POS id, MORPH hash) as the stock rules would set them."""
        table: dict[int, tuple[int | None, int | None]] = {}
        for rule, (attrs, _index) in zip(rules, settings, strict=True):
            probe = Doc(self.vocab, words=["x"])
            set_token_attrs(probe[0], attrs)
            pos = probe[0].pos if "POS" in rule["attrs"] else None
            morph = int(probe.to_array([MORPH])[0]) if "MORPH" in rule["attrs"] else None
            tag = self.vocab.strings.add(rule["patterns"][0][0]["TAG"])
            old_pos, old_morph = table.get(tag, (None, None))
            table[tag] = (pos if pos is not None else old_pos,
                          morph if morph is not None else old_morph)
        return table

    def __call__(self, doc: Doc) -> Doc:
        if self.tag_map and len(doc):
            cols = doc.to_array([TAG, POS, MORPH])
            tags = cols[:, 0]
            changed = False
            for tag in numpy.unique(tags).tolist():
                found = self.tag_map.get(tag)
                if found is None:
                    continue
                rows = tags == tag
                for col, value in ((1, found[0]), (2, found[1])):
                    if value is not None:
                        cols[rows, col] = value
                        changed = True
            if changed:
                doc.from_array([POS, MORPH], numpy.ascontiguousarray(cols[:, 1:]))
        if self.matcher is not None and self.rules:
            if isinstance(self.matcher, _RuleMatcher):
                matches = sorted(self.matcher(doc))
            else:
                matches = sorted((int(self.vocab.strings[m_id]), s, e)
                                 for m_id, s, e in self.matcher(doc, allow_missing=True))
            for i, start, end in matches:
                attrs, index = self.rules[i]
                set_token_attrs(Span(doc, start, end)[index], attrs)
        return doc


class CachedLemmatizer:
    """The rule lemmatizer with its answers cached by (form, POS, morphology).

    The stock rule lemmatizer's answer depends only on those three (and its
    fixed tables), so each distinct key is lemmatised once by the stock code.
    """

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.cache: dict[tuple[int, int, int], int] = {}

    def adopt(self, lemmatizer: Lemmatizer) -> None:
        """Take over a loaded stock rule lemmatizer (its tables and settings)."""
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = self.lemmatizer.overwrite
        lemmas = cols[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.cache[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def install_fast_components(nlp: Language) -> Language:
    """Swap the stock attribute ruler, rule lemmatizer and greedy entity recognizer for
    the fast equivalents (the recognizer's in :mod:`.fast_ner`).

    The components keep their names, so ``nlp.select_pipes`` and friends work as before.
    """
    for name, proc in list(nlp.pipeline):
        if type(proc) is AttributeRuler:
            nlp.replace_pipe(name, "communique_tag_map_ruler")
            nlp.get_pipe(name).adopt(proc)
        elif isinstance(proc, Lemmatizer) and proc.mode == "rule":
            nlp.replace_pipe(name, "communique_cached_lemmatizer")
            nlp.get_pipe(name).adopt(proc)
        elif can_batch(proc):
            nlp.replace_pipe(name, "communique_batched_ner")
            nlp.get_pipe(name).adopt(proc)
    return nlp


@Language.factory("communique_tag_map_ruler")
def _make_ruler(nlp: Language, name: str) -> TagMapRuler:
    return TagMapRuler()


@Language.factory("communique_cached_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()
