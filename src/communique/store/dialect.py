"""Where SQLite and PostgreSQL SQL differ: small fragments the shared queries ask for.

The store's queries are written once, with ``?`` placeholders, in the SQL both
databases accept. The few constructs that have no common spelling (case-blind
comparison, word matching, full-text search, JSON arrays, week arithmetic,
schema introspection, new row ids) come from the connection's :class:`Dialect`.
Every fragment that takes a user's value returns it as a bound parameter,
never spliced into the SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from communique.errors import StoreError

__all__ = ["SQLITE", "Clause", "Dialect", "SQLiteDialect", "dialect_of"]

#: A WHERE fragment and the parameters its ``?`` placeholders take, in order.
Clause = tuple[str, list[Any]]


class Dialect:
    """The fragments every backend spells in its own way."""

    name = "sql"
    #: How messages name such a database ("SQLite database").
    kind = "database"
    #: Exceptions the driver raises for database errors.
    errors: tuple[type[BaseException], ...] = ()
    #: The versioned ``NNNN_name.sql`` schema steps for this database.
    migrations_dir = Path(__file__).resolve().parent / "migrations"
    #: Statements that start a write transaction holding the database's one write
    #: lock: one writer at a time keeps the check-then-insert of versions race-free.
    begin_write: tuple[str, ...] = ("BEGIN",)

    def table_names(self, conn: Any) -> list[str]:
        """The tables communique's schema would live beside (system tables left out)."""
        raise NotImplementedError

    def run_script(self, conn: Any, sql: str) -> None:
        """Run a migration script inside the caller's transaction."""
        raise NotImplementedError

    def contains(self, expr: str, needle: str) -> Clause:
        """``expr`` contains ``needle``, ignoring case (no wildcards)."""
        raise NotImplementedError

    def nocase_eq(self, expr: str, value: str) -> Clause:
        """``expr`` equals ``value``, ignoring case."""
        raise NotImplementedError

    def words(self, expr: str, query: str) -> Clause:
        """``expr`` contains the words of ``query`` in a row, as whole words, ignoring case."""
        raise NotImplementedError

    def ids_in(self, expr: str, ids: Iterable[int]) -> Clause:
        """``expr`` is one of ``ids`` (however many)."""
        raise NotImplementedError

    def json_array_has(self, expr: str, value: str) -> Clause:
        """The JSON array of strings in ``expr`` holds ``value``, ignoring case."""
        raise NotImplementedError

    def json_group(self, expr: str, *, distinct: bool = False, order_by: str = "") -> str:
        """An aggregate giving the group's values of ``expr`` as JSON array text."""
        raise NotImplementedError

    def week_start(self, expr: str) -> str:
        """The Monday (``YYYY-MM-DD``) of the week holding the ISO date in ``expr``."""
        raise NotImplementedError

    def quote_search(self, conn: Any, query: str) -> Clause:
        """Quotes (alias ``q``) whose text matches a full-text ``query``.

        The query language is the same on every backend: words, ``"phrases"``,
        ``OR``, ``NOT``, ``prefix*``; a query that is not valid in it matches
        as plain text instead.
        """
        raise NotImplementedError

    def article_search(self, conn: Any, query: str) -> Clause:
        """Articles (alias ``a``) whose title or text match a full-text ``query``;
        ``title:word`` and ``text:word`` look in one of them."""
        raise NotImplementedError

    def has_column(self, conn: Any, table: str, column: str) -> bool:
        raise NotImplementedError

    def insert_id(self, conn: Any, sql: str, params: Iterable[Any]) -> int:
        """Run an ``INSERT`` into a table with an ``id`` key; return the new row's id."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    """SQLite: case folding and word matching are Python functions registered on the
    connection (``cq_casefold``, ``cq_words``); full text is FTS5."""

    name = "sqlite"
    kind = "SQLite database"
    errors = (sqlite3.Error,)
    # IMMEDIATE takes the write lock up front, so busy_timeout applies instead of
    # a deadlock when two writers upgrade from reading.
    begin_write = ("BEGIN IMMEDIATE",)

    def table_names(self, conn: sqlite3.Connection) -> list[str]:
        return [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]

    def run_script(self, conn: sqlite3.Connection, sql: str) -> None:
        # ``executescript`` would commit the open transaction first, so a migration
        # could not be atomic; running statement by statement keeps it in ours.
        for statement in _statements(sql):
            conn.execute(statement)

    def contains(self, expr: str, needle: str) -> Clause:
        return f"instr(cq_casefold({expr}), ?) > 0", [needle.casefold()]

    def nocase_eq(self, expr: str, value: str) -> Clause:
        return f"{expr} = ? COLLATE NOCASE", [value]

    def words(self, expr: str, query: str) -> Clause:
        return f"cq_words({expr}, ?)", [query]

    def ids_in(self, expr: str, ids: Iterable[int]) -> Clause:
        return f"{expr} IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]

    def json_array_has(self, expr: str, value: str) -> Clause:
        return f"EXISTS (SELECT 1 FROM json_each({expr}) WHERE value = ? COLLATE NOCASE)", [value]

    def json_group(self, expr: str, *, distinct: bool = False, order_by: str = "") -> str:
        return f"json_group_array({'DISTINCT ' if distinct else ''}{expr})"

    def week_start(self, expr: str) -> str:
        return f"date({expr}, '-6 days', 'weekday 1')"

    def quote_search(self, conn: sqlite3.Connection, query: str) -> Clause:
        scoped = f"quote_text : ({query})"
        if _fts_ok(conn, "quotes_fts", scoped):
            return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [scoped]
        return self.contains("q.quote_text", query)

    def article_search(self, conn: sqlite3.Connection, query: str) -> Clause:
        if _fts_ok(conn, "articles_fts", query):
            return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [query]
        title, title_params = self.contains("a.title", query)
        text, text_params = self.contains("a.text", query)
        return f"({title} OR {text})", [*title_params, *text_params]

    def has_column(self, conn: sqlite3.Connection, table: str, column: str) -> bool:
        return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))

    def insert_id(self, conn: sqlite3.Connection, sql: str, params: Iterable[Any]) -> int:
        rowid = conn.execute(sql, tuple(params)).lastrowid
        assert rowid is not None
        return rowid


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not _only_comments(buffer):
        raise StoreError(f"migration ends with an incomplete statement: {buffer.strip()[:60]!r}")
    return [s for s in statements if not _only_comments(s)]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def _fts_ok(conn: sqlite3.Connection, table: str, query: str) -> bool:
    """Whether ``query`` is valid FTS5 syntax for ``table`` (a fixed name)."""
    try:
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 1"
        conn.execute(sql, (query,)).fetchall()
    except sqlite3.OperationalError as exc:
        # FTS5 reports bad syntax in several wordings ("fts5: syntax error",
        # "unterminated string", "no such column"); only a busy or failing
        # database is a real error here.
        message = str(exc).lower()
        if "locked" in message or "busy" in message or "i/o" in message:
            raise
        return False
    return True


SQLITE = SQLiteDialect()


def dialect_of(conn: Any) -> Dialect:
    """The dialect of a store connection: a plain ``sqlite3`` connection is SQLite;
    other backends' connections carry theirs as ``conn.dialect``."""
    return getattr(conn, "dialect", SQLITE)
