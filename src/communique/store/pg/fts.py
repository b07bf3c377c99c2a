"""The full-text query language, translated into a PostgreSQL ``tsquery``.

Users type the same searches whatever database stands behind communique: the
SQLite store hands them to FTS5, this module turns them into ``to_tsquery``
input for the GIN-indexed ``tsvector`` of quotes and articles. Supported:

* words (implicitly ANDed), ``AND``, ``OR``, ``NOT`` (``a NOT b``), parentheses;
* ``"a phrase"``, whose words must follow each other;
* ``prefix*`` (and ``"a phrase"*`` for its last word);
* ``column:word`` (or ``column:"phrase"``, ``column:(...)``) for the columns a
  table declares, each stored under its own ``tsvector`` weight.

As in FTS5, NOT binds tighter than AND, and AND tighter than OR. Anything else
(stray punctuation, an unclosed quote, an unknown column) is a
:class:`QuerySyntaxError`, upon which callers match the query as plain text,
as the SQLite store does when FTS5 rejects it. Lexemes are always quoted, so no
character a user types can change the structure of the ``tsquery``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuerySyntaxError", "to_tsquery_text"]

# FTS5's barewords: ASCII letters and digits, underscore, and any non-ASCII character.
_BAREWORD = re.compile(r"[A-Za-z0-9_\x1a\u0080-\U0010ffff]+")
_WORD = re.compile(r"\w+")
_OPERATORS = {"AND", "OR", "NOT"}


class QuerySyntaxError(ValueError):
    """The query is not in the full-text query language."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "phrase", "(", ")", ":", "*"
    text: str


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "():*":
            out.append(_Token(ch, ch))
            i += 1
        elif ch == '"':
            text, i = _phrase(query, i + 1)
            out.append(_Token("phrase", text))
        else:
            match = _BAREWORD.match(query, i)
            if not match:
                raise QuerySyntaxError(f"unexpected {ch!r}")
            out.append(_Token("word", match.group()))
            i = match.end()
    return out


def _phrase(query: str, i: int) -> tuple[str, int]:
    """The text of a quoted phrase starting after its quote; ``""`` is a literal quote."""
    text = []
    while i < len(query):
        if query[i] == '"':
            if query[i + 1 : i + 2] == '"':
                text.append('"')
                i += 2
                continue
            return "".join(text), i + 1
        text.append(query[i])
        i += 1
    raise QuerySyntaxError("unterminated phrase")


def _lexeme(word: str, weight: str, prefix: bool) -> str:
    quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
    label = ("*" if prefix else "") + weight
    return f"{quoted}:{label}" if label else quoted


class _Parser:
    def __init__(self, tokens: list[_Token], columns: dict[str, str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.columns = columns

    def peek(self, offset: int = 0) -> _Token | None:
        at = self.at + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("query ends too early")
        self.at += 1
        return token

    def is_operator(self, name: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "word" and token.text == name

    def parse(self) -> str:
        if not self.tokens:
            raise QuerySyntaxError("empty query")
        result = self.or_expr("")
        if self.peek() is not None:
            raise QuerySyntaxError(f"unexpected {self.peek().text!r}")  # type: ignore[union-attr]
        return result

    def or_expr(self, weight: str) -> str:
        parts = [self.and_expr(weight)]
        while self.is_operator("OR"):
            self.take()
            parts.append(self.and_expr(weight))
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def and_expr(self, weight: str) -> str:
        parts = [self.not_expr(weight)]
        while True:
            token = self.peek()
            if token is None or token.kind == ")" or self.is_operator("OR"):
                break
            if self.is_operator("AND"):
                self.take()
            parts.append(self.not_expr(weight))
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def not_expr(self, weight: str) -> str:
        result = self.unary(weight)
        while self.is_operator("NOT"):
            self.take()
            result = f"({result} & !{self.unary(weight)})"
        return result

    def unary(self, weight: str) -> str:
        token = self.peek()
        following = self.peek(1)
        if token is not None and token.kind == "word" and following is not None \
                and following.kind == ":":
            if token.text not in self.columns:
                raise QuerySyntaxError(f"no column {token.text!r}")
            self.at += 2
            weight = self.columns[token.text]
        return self.primary(weight)

    def primary(self, weight: str) -> str:
        token = self.take()
        if token.kind == "(":
            inner = self.or_expr(weight)
            if self.take().kind != ")":
                raise QuerySyntaxError("unbalanced parentheses")
            return inner
        if token.kind == "word" and token.text not in _OPERATORS:
            words = [token.text]
        elif token.kind == "phrase":
            words = _WORD.findall(token.text)
            if not words:
                raise QuerySyntaxError("empty phrase")
        else:
            raise QuerySyntaxError(f"unexpected {token.text!r}")
        prefix = self.peek() is not None and self.peek().kind == "*"  # type: ignore[union-attr]
        if prefix:
            self.take()
        lexemes = [_lexeme(w, weight, prefix and n == len(words) - 1)
                   for n, w in enumerate(words)]
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def to_tsquery_text(query: str, columns: dict[str, str]) -> str:
    """``to_tsquery`` input for ``query``; ``columns`` maps column names to weights
    (``""`` for a table searched as one column)."""
    return _Parser(_tokens(query), columns).parse()
