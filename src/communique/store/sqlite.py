"""The SQLite store: one file holding everything communique has read.

The default for one person on one machine: no server, nothing to set up, and
the file opens in any SQLite tool. Writers take SQLite's write lock up front
(``BEGIN IMMEDIATE``, see the SQLite dialect), so several processes can share
the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from communique.errors import StoreError
from communique.store.base import Store
from communique.store.migrate import apply_migrations
from communique.store.query import register_functions

__all__ = ["BUSY_TIMEOUT_MS", "open_sqlite"]

BUSY_TIMEOUT_MS = 10_000


def _connect(path: str | Path) -> tuple[sqlite3.Connection, str]:
    label = str(path)
    if label != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{label}: is a directory, not a database file")
        if not target.parent.exists():
            raise StoreError(f"{label}: directory {str(target.parent)!r} does not exist")
    try:
        conn = sqlite3.connect(label, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StoreError(f"{label}: cannot open database: {exc}") from exc
    return conn, label


def open_sqlite(path: str | Path = "communique.db") -> Store:
    """Open (creating if absent) and migrate the SQLite database at ``path``.

    Raises StoreError naming the file when it is not a SQLite database, was
    written by a newer communique, or cannot be opened.
    """
    conn, label = _connect(path)
    try:
        conn.row_factory = sqlite3.Row
        register_functions(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        apply_migrations(conn, label)
    except sqlite3.DatabaseError as exc:
        conn.close()
        message = str(exc)
        if "not a database" in message or "malformed" in message:
            raise StoreError(f"{label}: not a SQLite database (or it is damaged)") from exc
        raise StoreError(f"{label}: cannot open database: {message}") from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, label)
