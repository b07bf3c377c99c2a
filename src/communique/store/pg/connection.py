"""A PostgreSQL connection that reads like the ``sqlite3`` one the shared queries expect.

The store's SQL is written once with ``?`` placeholders; :class:`PgConnection`
turns them into psycopg's ``%s`` (leaving string literals and quoted names
alone), returns rows that answer both ``row[0]`` and ``row["name"]`` like
``sqlite3.Row``, counts the rows it changed (``total_changes``), and carries the
PostgreSQL :class:`~communique.store.dialect.Dialect`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.pq import TransactionStatus

from communique.store.pg.dialect import POSTGRES

__all__ = ["PgConnection", "Row", "redact", "to_pyformat"]

_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")
_CHANGES = ("INSERT", "UPDATE", "DELETE")
_OPEN = (TransactionStatus.ACTIVE, TransactionStatus.INTRANS, TransactionStatus.INERROR)


def redact(url: str) -> str:
    """The URL with any password replaced, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@functools.lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``?`` placeholders as ``%s``, and literal ``%`` doubled, outside quotes."""

    def swap(match: re.Match[str]) -> str:
        token = match.group()
        return "%s" if token == "?" else "%%" if token == "%" else token

    return _PLACEHOLDER.sub(swap, sql)


class Row(tuple):
    """A result row readable by position, by column name, and as a mapping (``dict(row)``)."""

    __slots__ = ()
    _names: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@functools.lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        index.setdefault(name, position)  # like sqlite3.Row: a repeated name gives the first
    return type("Row", (Row,), {"__slots__": (), "_names": index})


def _row_factory(cursor: psycopg.Cursor[Any]) -> Callable[[Sequence[Any]], Any]:
    if cursor.description is None:
        return tuple
    cls = _row_class(tuple(column.name for column in cursor.description))
    return cls


class PgConnection:
    """The subset of ``sqlite3.Connection`` the store uses, over a psycopg connection
    in autocommit mode (transactions are the store's explicit ``BEGIN``/``COMMIT``)."""

    dialect = POSTGRES

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        raw.row_factory = _row_factory  # type: ignore[assignment]
        #: Rows inserted, updated or deleted through this connection, as in sqlite3.
        self.total_changes = 0

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        if params is None:
            cursor.execute(sql)  # type: ignore[arg-type]
        else:
            cursor.execute(to_pyformat(sql), tuple(params))  # type: ignore[arg-type]
        if cursor.rowcount > 0 and sql.lstrip()[:6].upper() in _CHANGES:
            self.total_changes += cursor.rowcount
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cursor = self.raw.cursor()
        cursor.executemany(to_pyformat(sql), [tuple(row) for row in rows])  # type: ignore[arg-type]
        if cursor.rowcount > 0:
            self.total_changes += cursor.rowcount

    @property
    def broken(self) -> bool:
        """Whether the server is gone (restarted, or dropped an idle connection)."""
        return self.raw.closed or self.raw.broken

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status in _OPEN

    def close(self) -> None:
        self.raw.close()
