"""PostgreSQL's spelling of the fragments in :mod:`communique.store.dialect`.

Case-blind matching uses ``lower()`` (backed by expression indexes in the
migrations), word matching a case-insensitive regular expression, id lists an
array parameter, and full text the ``tsvector`` expressions below, which must
stay identical to those of the GIN indexes in ``migrations/0001_initial.sql``
for the planner to use them. The ``simple`` text-search configuration folds
case without stemming or stop words, so a search finds the rows SQLite's FTS5
(default tokenizer) finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import psycopg

from communique.store.dialect import Clause, Dialect
from communique.store.pg.fts import QuerySyntaxError, to_tsquery_text

__all__ = ["ARTICLE_VECTOR", "POSTGRES", "PostgresDialect", "QUOTE_VECTOR"]

QUOTE_VECTOR = "to_tsvector('simple'::regconfig, q.quote_text)"
ARTICLE_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, COALESCE(a.title, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, a.text), 'B'))"
)
_QUOTE_COLUMNS = {"quote_text": ""}
_ARTICLE_COLUMNS = {"title": "A", "text": "B"}


def _words_regex(query: str) -> str:
    """The words of ``query``, in a row and whole, as a PostgreSQL (ARE) pattern."""
    words = [re.escape(word) for word in query.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


class PostgresDialect(Dialect):
    name = "postgresql"
    kind = "PostgreSQL schema"
    errors = (psycopg.Error,)
    migrations_dir = Path(__file__).resolve().parent / "migrations"
    # Writers queue on a transaction-scoped advisory lock, one per schema, as SQLite
    # writers queue on its file lock; readers are never blocked.
    begin_write = (
        "BEGIN",
        "SELECT pg_advisory_xact_lock(hashtext('communique.' || current_schema()))",
    )

    def table_names(self, conn: Any) -> list[str]:
        return [row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")]

    def run_script(self, conn: Any, sql: str) -> None:
        conn.execute(sql)  # no parameters: psycopg sends the whole script at once

    def contains(self, expr: str, needle: str) -> Clause:
        return f"strpos(lower({expr}), lower(?)) > 0", [needle]

    def nocase_eq(self, expr: str, value: str) -> Clause:
        return f"lower({expr}) = lower(?)", [value]

    def words(self, expr: str, query: str) -> Clause:
        if not query.strip():
            return "FALSE", []
        return f"{expr} ~* ?", [_words_regex(query)]

    def ids_in(self, expr: str, ids: Iterable[int]) -> Clause:
        return f"{expr} = ANY(CAST(? AS bigint[]))", [list(ids)]

    def json_array_has(self, expr: str, value: str) -> Clause:
        return (
            f"EXISTS (SELECT 1 FROM json_array_elements_text(CAST({expr} AS json)) AS j(value) "
            "WHERE lower(j.value) = lower(?))",
            [value],
        )

    def json_group(self, expr: str, *, distinct: bool = False, order_by: str = "") -> str:
        order = f" ORDER BY {order_by}" if order_by and not distinct else ""
        return f"CAST(json_agg({'DISTINCT ' if distinct else ''}{expr}{order}) AS text)"

    def week_start(self, expr: str) -> str:
        return f"to_char(date_trunc('week', CAST({expr} AS date)), 'YYYY-MM-DD')"

    def _search(self, conn: Any, vector: str, columns: dict[str, str], query: str,
                fallback: Clause) -> Clause:
        try:
            tsquery = to_tsquery_text(query, columns)
        except QuerySyntaxError:
            return fallback
        (nodes,) = conn.execute(
            "SELECT numnode(to_tsquery('simple'::regconfig, ?))", (tsquery,)
        ).fetchone()
        if not nodes:  # nothing searchable left (punctuation only): match as plain text
            return fallback
        return f"{vector} @@ to_tsquery('simple'::regconfig, ?)", [tsquery]

    def quote_search(self, conn: Any, query: str) -> Clause:
        return self._search(conn, QUOTE_VECTOR, _QUOTE_COLUMNS, query,
                            self.contains("q.quote_text", query))

    def article_search(self, conn: Any, query: str) -> Clause:
        title, title_params = self.contains("a.title", query)
        text, text_params = self.contains("a.text", query)
        fallback = (f"({title} OR {text})", [*title_params, *text_params])
        return self._search(conn, ARTICLE_VECTOR, _ARTICLE_COLUMNS, query, fallback)

    def has_column(self, conn: Any, table: str, column: str) -> bool:
        row = conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND column_name = ?",
            (table, column),
        ).fetchone()
        return row is not None

    def insert_id(self, conn: Any, sql: str, params: Iterable[Any]) -> int:
        (rowid,) = conn.execute(sql + " RETURNING id", tuple(params)).fetchone()
        return int(rowid)


POSTGRES = PostgresDialect()
