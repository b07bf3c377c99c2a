"""The store's public surface, the same over every database.

``add``, ``record_failure``, ``batch``, ``articles``, ``events``, ``quotes``,
``get_article``, ``summary`` and ``close`` speak only in model objects, plain
dicts and strings, and run the shared SQL of this package; a backend
(:mod:`.sqlite`, :mod:`.pg`) supplies only its connection, which carries its
:class:`~communique.store.dialect.Dialect`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from communique.errors import StoreError
from communique.model import AnalyzedArticle
from communique.store import web_state
from communique.store.canonical import select_canonical_events
from communique.store.dialect import Dialect, dialect_of
from communique.store.query import resolve_article, select_articles, select_events, select_quotes
from communique.store.rebuild import load_analyzed
from communique.store.write import insert_analyzed

__all__ = ["Store"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A communique database. Use :func:`communique.store.open_store` to get one."""

    def __init__(self, conn: Any, label: str) -> None:
        self._conn: Any = conn
        self.path = label
        self._in_batch = False
        self.dialect: Dialect = dialect_of(conn)
        self._errors = self.dialect.errors

    # -- lifecycle -------------------------------------------------------

    @property
    def conn(self) -> Any:
        """The database connection (``sqlite3.Connection`` or a PostgreSQL one), for the
        read functions of :mod:`communique.store.aggregate`."""
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
        except self._errors as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot save the batch: {exc}") from exc

    def _begin(self, conn: Any) -> None:
        """Start a write transaction holding the database's one write lock."""
        try:
            for statement in self.dialect.begin_write:
                conn.execute(statement)
        except self._errors as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write to the database: {exc}") from exc

    @contextmanager
    def _write(self, what: str) -> Iterator[Any]:
        """One atomic write: a savepoint inside a batch, a transaction outside."""
        conn = self.conn
        if self._in_batch:
            conn.execute("SAVEPOINT write_one")
            try:
                yield conn
            except BaseException as exc:
                conn.execute("ROLLBACK TO write_one")
                conn.execute("RELEASE write_one")
                if isinstance(exc, self._errors):
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
            if isinstance(exc, self._errors):
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
        search, article, limit (default 100, None for all), all_versions.
        """
        return self._read(select_events, filters)

    def canonical_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Each distinct event once, with ``mentions``, ``articles``, ``sources``, ``outlets``.

        Filters: actor, recipient, event_type, date_from, date_to, outlet, place,
        country, context, date_precision, min_sources, limit. Syndicated copies of
        one story count as one source.
        """
        return self._read(select_canonical_events, filters)

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
        except self._errors as exc:
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

    # -- web fetching state (communique fetch / follow) -------------------

    def http_state(self, url: str) -> dict[str, Any] | None:
        """What the last fetch of ``url`` left: ``etag``, ``last_modified``, ``final_url``,
        ``redirects``, ``status``, ``fetched_at``; None if it was never fetched."""
        return web_state.load_http_state(self.conn, url)

    def save_http_state(self, url: str, *, final_url: str, redirects: list[str], status: int,
                        etag: str | None = None, last_modified: str | None = None) -> None:
        """Remember a response's validators so the next fetch of ``url`` can be conditional."""
        with self._write(url) as conn:
            web_state.save_http_state(conn, url, final_url=final_url, redirects=redirects,
                                      status=status, etag=etag, last_modified=last_modified,
                                      at=_now())

    def seen_entries(self, feed_url: str) -> set[str]:
        """Keys of the entries of ``feed_url`` already handled."""
        return web_state.load_seen(self.conn, feed_url)

    def mark_entries_seen(self, feed_url: str, entries: list[tuple[str, str | None]]) -> None:
        """Note entries (key, link) of a feed as handled, so no later poll fetches them again."""
        with self._write(feed_url) as conn:
            web_state.save_seen(conn, feed_url, entries, _now())

    def record_feed_poll(self, feed_url: str, *, title: str | None = None,
                         error: str | None = None) -> None:
        """Note that ``feed_url`` was polled, and its title or why the poll failed."""
        with self._write(feed_url) as conn:
            web_state.save_feed_poll(conn, feed_url, title=title, error=error, at=_now())

    def feeds(self) -> list[dict[str, Any]]:
        """Feeds followed so far: url, title, last_poll, last_ok, last_error, entries seen."""
        return web_state.load_feeds(self.conn)

    # -- the user's actor lists kept in the database ----------------------

    def actor_files(self) -> list[dict[str, Any]]:
        """Actor files added with :meth:`save_actor_file`: name, content, sha256, added_at,
        in the order they apply (by name; later ones override earlier ones)."""
        rows = self.conn.execute(
            "SELECT name, content, sha256, added_at FROM actor_files ORDER BY name")
        return [dict(row) for row in rows.fetchall()]

    def save_actor_file(self, name: str, content: str) -> None:
        """Keep an actor file's text under ``name`` (replacing one of that name), so every
        later ingest into this database uses it. The caller checks that it parses."""
        import hashlib

        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        with self._write(f"actor file {name}") as conn:
            conn.execute(
                "INSERT INTO actor_files (name, content, sha256, added_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET content = excluded.content, "
                "sha256 = excluded.sha256, added_at = excluded.added_at",
                (name, content, digest, _now()))

    def remove_actor_file(self, name: str) -> bool:
        """Forget the actor file ``name``; False if there was none."""
        with self._write(f"actor file {name}") as conn:
            cur = conn.execute("DELETE FROM actor_files WHERE name = ?", (name,))
            return bool(cur.rowcount)
