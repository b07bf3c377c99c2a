"""The SQLite store: one file holding everything communique has read.

The public surface (``add``, ``record_failure``, ``batch``, ``articles``,
``events``, ``quotes``, ``get_article``, ``summary``, ``close``) speaks only in
model objects, plain dicts and strings, so another backend can offer the same
methods without callers noticing.
"""

from __future__ import annotations

import inspect
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from communique.errors import StoreError
from communique.model import AnalyzedArticle
from communique.store.migrate import apply_migrations
from communique.store.query import (
    register_functions,
    resolve_article,
    select_articles,
    select_events,
    select_quotes,
)
from communique.store.rebuild import load_analyzed
from communique.store.write import insert_analyzed

__all__ = ["Store", "open_store"]

BUSY_TIMEOUT_MS = 10_000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A communique database. Use :func:`open_store` to get one."""

    def __init__(self, conn: sqlite3.Connection, label: str) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = label
        self._in_batch = False

    # -- lifecycle -------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def close(self) -> None:
        """Close the database; safe to call twice."""
        if self._conn is not None:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Everything inside is one transaction: all of it is kept, or none.

        A crash or Ctrl-C then loses at most the batch in flight. Nested
        batches join the outer one.
        """
        if self._in_batch:
            yield self
            return
        conn = self.conn
        self._begin(conn)
        self._in_batch = True
        try:
            yield self
        except BaseException:
            self._in_batch = False
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._in_batch = False
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot save the batch: {exc}") from exc

    def _begin(self, conn: sqlite3.Connection) -> None:
        try:
            # IMMEDIATE takes the write lock up front, so busy_timeout applies
            # instead of a deadlock when two writers upgrade from reading.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write to the database: {exc}") from exc

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One atomic write: a savepoint inside a batch, a transaction outside."""
        conn = self.conn
        if self._in_batch:
            conn.execute("SAVEPOINT write_one")
            try:
                yield conn
            except BaseException as exc:
                conn.execute("ROLLBACK TO write_one")
                conn.execute("RELEASE write_one")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"{self.path}: cannot store {what}: {exc}") from exc
                raise
            conn.execute("RELEASE write_one")
            return
        self._begin(conn)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot store {what}: {exc}") from exc
            raise

    def add(self, analyzed: AnalyzedArticle) -> str:
        """Store an analysed article; return ``"new"``, ``"unchanged"`` or ``"version"``.

        ``unchanged``: the same content is already stored, nothing is written.
        ``version``: the same story (same URL; else same story_id; else same
        source file) was stored with other content; this becomes its next
        version and the earlier one is kept.
        """
        with self._write(analyzed.article.source) as conn:
            return insert_analyzed(conn, analyzed, _now())

    def has_content(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored, so callers can skip analysis."""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def record_failure(self, source: str, reason: str) -> None:
        """Note a document that could not be ingested, so it can be reported and retried."""
        with self._write(source) as conn:
            conn.execute(
                "INSERT INTO failures (source, reason, at) VALUES (?, ?, ?)",
                (source, reason, _now()),
            )

    # -- reading ---------------------------------------------------------

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """PLOVER event dicts plus ``article_id``, ``outlet``, ``url``, ``title``, ``pub_date``.

        Filters: actor, recipient, event_type, date_from, date_to, outlet,
        search, article, place, country, context, date_precision, limit
        (default 100, None for all), all_versions.
        """
        return self._read(select_events, filters)

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        """Quote dicts (``Quote.to_json``) plus the article fields events carry.

        Filters: speaker, search, date_from, date_to, outlet, article, limit,
        all_versions.
        """
        return self._read(select_quotes, filters)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Article dicts with every stored field and counts ``events`` and ``quotes``.

        Filters: outlet, search, date_from, date_to, article, limit, all_versions.
        """
        return self._read(select_articles, filters)

    def _read(self, select: Any, filters: dict[str, Any]) -> list[dict[str, Any]]:
        allowed = [name for name in inspect.signature(select).parameters if name != "conn"]
        unknown = sorted(set(filters) - set(allowed))
        if unknown:
            raise StoreError(
                f"unknown filter {unknown[0]!r}; the filters are: {', '.join(allowed)}"
            )
        try:
            return select(self.conn, **filters)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read the database: {exc}") from exc

    def get_article(self, id_or_rowid: str) -> AnalyzedArticle | None:
        """The stored article with its sentences, events and quotes, or None.

        Accepts the article id (latest version), a row id (that version) or a
        unique prefix of an article id.
        """
        ids = resolve_article(self.conn, str(id_or_rowid), all_versions=False)
        return load_analyzed(self.conn, ids[0]) if ids else None

    def summary(self) -> dict[str, Any]:
        """What the database holds; counts other than ``versions`` cover latest versions."""
        conn = self.conn

        def scalar(sql: str) -> Any:
            return conn.execute(sql).fetchone()[0]

        def counts(sql: str) -> dict[Any, int]:
            return {key: n for key, n in conn.execute(sql).fetchall()}

        latest_events = "FROM events e JOIN articles a ON a.id = e.article_id WHERE a.is_latest = 1"
        first, last = conn.execute(
            "SELECT MIN(pub_date), MAX(pub_date) FROM articles WHERE is_latest = 1"
        ).fetchone()
        return {
            "path": self.path,
            "articles": scalar("SELECT count(*) FROM articles WHERE is_latest = 1"),
            "versions": scalar("SELECT count(*) FROM articles"),
            "events": scalar(f"SELECT count(*) {latest_events}"),
            "quotes": scalar(
                "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                "WHERE a.is_latest = 1"
            ),
            "failures": scalar("SELECT count(*) FROM failures"),
            "events_by_type": counts(
                f"SELECT upper(e.event_type), count(*) {latest_events} "
                "GROUP BY upper(e.event_type) ORDER BY count(*) DESC, 1"
            ),
            "events_by_quad_code": counts(
                f"SELECT e.quad_code, count(*) {latest_events} GROUP BY e.quad_code ORDER BY 1"
            ),
            "outlets": counts(
                "SELECT COALESCE(outlet, ''), count(*) FROM articles WHERE is_latest = 1 "
                "GROUP BY 1 ORDER BY count(*) DESC, 1"
            ),
            "date_from": first,
            "date_to": last,
        }

    def failures(self, limit: int | None = 100) -> list[dict[str, Any]]:
        """Recorded ingestion failures, oldest first."""
        sql = "SELECT source, reason, at FROM failures ORDER BY id"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [dict(row) for row in self.conn.execute(sql, params).fetchall()]


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


def open_store(path: str | Path = "communique.db") -> Store:
    """Open (creating if absent) and migrate the database at ``path``.

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

