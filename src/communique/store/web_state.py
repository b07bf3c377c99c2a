"""SQL for what fetching from the web remembers between runs (migration 0004).

Kept apart from the article tables: conditional-GET validators per URL, and
per feed the entries already handled and when it was last polled. The
:class:`~communique.store.base.Store` methods wrap these in its write
transactions.
The SQL is written to run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "load_feeds",
    "load_http_state",
    "load_seen",
    "save_feed_poll",
    "save_http_state",
    "save_seen",
]


def load_http_state(conn: Any, url: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT url, final_url, redirects, status, etag, last_modified, fetched_at "
        "FROM http_state WHERE url = ?", (url,)
    ).fetchone()
    if row is None:
        return None
    state = dict(row)
    state["redirects"] = json.loads(state["redirects"])
    return state


def save_http_state(
    conn: Any, url: str, *, final_url: str, redirects: list[str], status: int,
    etag: str | None, last_modified: str | None, at: str,
) -> None:
    """Remember the validators of ``url``; a 304 keeps the ones already stored."""
    conn.execute(
        "INSERT INTO http_state (url, final_url, redirects, status, etag, last_modified, "
        "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, "
        "redirects = excluded.redirects, status = excluded.status, "
        "etag = COALESCE(excluded.etag, "
        "CASE WHEN excluded.status = 304 THEN http_state.etag END), "
        "last_modified = COALESCE(excluded.last_modified, "
        "CASE WHEN excluded.status = 304 THEN http_state.last_modified END), "
        "fetched_at = excluded.fetched_at",
        (url, final_url, json.dumps(redirects), status, etag, last_modified, at),
    )


def load_seen(conn: Any, feed_url: str) -> set[str]:
    rows = conn.execute("SELECT entry_key FROM feed_entries WHERE feed_url = ?", (feed_url,))
    return {key for (key,) in rows}


def save_seen(
    conn: Any, feed_url: str, entries: Iterable[tuple[str, str | None]], at: str
) -> None:
    conn.executemany(
        "INSERT INTO feed_entries (feed_url, entry_key, link, seen_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(feed_url, key, link, at) for key, link in entries],
    )


def save_feed_poll(
    conn: Any, feed_url: str, *, title: str | None, error: str | None, at: str
) -> None:
    """Note a poll of ``feed_url``: its time, and its title or why it failed."""
    conn.execute(
        "INSERT INTO feeds (url, title, last_poll, last_ok, last_error) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title), "
        "last_poll = excluded.last_poll, last_ok = COALESCE(excluded.last_ok, feeds.last_ok), "
        "last_error = excluded.last_error",
        (feed_url, title, at, None if error else at, error),
    )


def load_feeds(conn: Any) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT f.url, f.title, f.last_poll, f.last_ok, f.last_error, "
        "(SELECT count(*) FROM feed_entries e WHERE e.feed_url = f.url) AS entries "
        "FROM feeds f ORDER BY f.url"
    )
    return [dict(row) for row in rows]
