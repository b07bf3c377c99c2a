"""Pages of rows and aggregates for browsing: what the web UI and the HTTP API read.

The CLI's reads (``query.py``) return a whole result at once; a browser needs
pages it can step through and counts it can chart. Pages use keyset cursors
(the sort key of the last row seen), so page 500 costs what page 1 costs and a
row inserted meanwhile never shifts a page. Every value a user types is a bound
parameter, as in ``query.py``, whose matching rules these reads share.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from communique.errors import StoreError
from communique.store.dialect import dialect_of
from communique.store.query import _common, _dates, _flat, _place_filters, _Where, _who
from communique.store.rebuild import (
    EVENT_COLUMNS,
    EVENT_JOINS,
    article_to_dict,
    events_from_rows,
    quote_from_row,
)

__all__ = [
    "EVENT_FILTERS",
    "Page",
    "actor_counts",
    "corpus_counts",
    "data_version",
    "decode_cursor",
    "dyad_counts",
    "encode_cursor",
    "event_by_id",
    "event_time_series",
    "has_places",
    "page_articles",
    "page_events",
    "page_quotes",
]

EVENT_FILTERS = (
    "actor", "recipient", "dyad", "party", "event_type", "quad", "context", "country", "place",
    "outlet", "search", "article", "date_from", "date_to",
)  # fmt: skip
INTERVALS = {
    "day": "{d}",
    "week": None,  # the Monday that starts the week: the dialect's week_start
    "month": "substr({d}, 1, 7)",
    "year": "substr({d}, 1, 4)",
}
_EVENT_DATE = "COALESCE(e.date, a.pub_date)"


@dataclass
class Page:
    """Rows of one page and the cursor for the next one (None on the last page)."""

    rows: list[dict[str, Any]]
    next_cursor: str | None


def encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    """The sort key a cursor carries; a cursor that was not made here is an error."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        key = None
    if not (isinstance(key, list) and len(key) == 3 and isinstance(key[2], int)):
        raise StoreError(f"cursor: {cursor[:40]!r} is not a cursor from a previous page")
    return key


def split_dyad(dyad: str) -> tuple[str, str]:
    """``"CHN-JPN"`` or ``"CHN,JPN"`` or ``"CHN>JPN"`` → (actor, recipient)."""
    for sep in (">", ",", "-"):
        if sep in dyad:
            left, _, right = dyad.partition(sep)
            if left.strip() and right.strip():
                return left.strip(), right.strip()
    raise StoreError(f"dyad: {dyad!r} is not ACTOR-RECIPIENT, e.g. CHN-JPN")


def has_places(conn: Any) -> bool:
    """Whether this database records where events happened (a later schema may)."""
    return dialect_of(conn).has_column(conn, "events", "place_name")


def _text(filters: dict[str, Any], name: str) -> str | None:
    value = filters.get(name)
    return str(value) if value is not None else None


def event_where(conn: Any, filters: dict[str, Any]) -> _Where:
    """The WHERE clause for events (aliases ``e``, ``a``, ``s``) under the browse filters."""
    unknown = sorted(set(filters) - set(EVENT_FILTERS))
    if unknown:
        raise StoreError(f"unknown filter {unknown[0]!r}; the filters are: "
                         + ", ".join(EVENT_FILTERS))
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    d = dialect_of(conn)
    where = _Where()
    _common(conn, where, all_versions=False, outlet=f.get("outlet"), article=f.get("article"))
    actor, recipient = f.get("actor"), f.get("recipient")
    if "dyad" in f:
        actor, recipient = split_dyad(str(f["dyad"]))
    for role, query in (("actor", actor), ("recipient", recipient)):
        if query and str(query).strip():
            clause, params = _who(conn, "", str(query).strip())
            where.add(f"e.id IN (SELECT event_id FROM event_actors WHERE role = ? AND {clause})",
                      role, *params)
    if "party" in f:  # a country or organisation on either side
        clause, params = d.nocase_eq("code", str(f["party"]).strip())
        where.add(f"e.id IN (SELECT event_id FROM event_actors WHERE {clause})", *params)
    if "event_type" in f:
        where.add(*_flat(d.nocase_eq("e.event_type", str(f["event_type"]).strip())))
    if "quad" in f:
        quad = f["quad"]
        if not isinstance(quad, int) or quad not in (1, 2, 3, 4):
            raise StoreError(f"quad: {quad!r} is not a quad class 1-4")
        where.add("e.quad_code = ?", quad)
    for name in ("place", "country"):
        if name in f and not has_places(conn):
            raise StoreError(f"{name}: this database records no event places")
    # where and about what: the same filters, meaning the same, as `communique events`
    _place_filters(conn, where, place=_text(f, "place"), country=_text(f, "country"),
                   context=_text(f, "context"), date_precision=None)
    _dates(where, _EVENT_DATE, f.get("date_from"), f.get("date_to"))
    if "search" in f:
        where.add(*_flat(d.contains("s.text", str(f["search"]))))
    return where


def _keyset(where: _Where, sort: str, rowid: str, key: list[Any] | None, desc: bool) -> None:
    """Rows after ``key`` in the order (sort IS NULL, sort, rowid), ascending or descending."""
    if key is None:
        return
    op = "<" if desc else ">"
    where.add(f"(CASE WHEN {sort} IS NULL THEN 1 ELSE 0 END, COALESCE({sort}, ''), {rowid}) "
              f"{op} (?, ?, ?)", int(bool(key[0])), key[1] or "", key[2])


def _order(sort: str, rowid: str, desc: bool) -> str:
    d = " DESC" if desc else ""
    return f" ORDER BY {sort} IS NULL{d}, COALESCE({sort}, ''){d}, {rowid}{d}"


def _page_limit(limit: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise StoreError(f"limit: {limit!r} is not a whole number >= 1")
    return limit


def _finish(rows: list[Any], limit: int, key_of: Any) -> tuple[list[Any], str | None]:
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(key_of(rows[-1])) if more and rows else None


def _article_fields(row: Any) -> dict[str, Any]:
    return {"article_id": row["public_id"], "outlet": row["a_outlet"], "url": row["a_url"],
            "title": row["a_title"], "pub_date": row["a_pub_date"]}


def _event_dicts(conn: Any, rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for row, event in zip(rows, events_from_rows(conn, rows), strict=True):
        item = event.to_plover()
        item.update(_article_fields(row))
        item["quad_code"] = row["quad_code"]
        out.append(item)
    return out


_EVENT_SELECT = (f"SELECT {EVENT_COLUMNS}, {_EVENT_DATE} AS sort_date, a.outlet AS a_outlet, "
                 f"a.url AS a_url, a.title AS a_title, a.pub_date AS a_pub_date {EVENT_JOINS}")


def page_events(conn: Any, filters: dict[str, Any], *, limit: int = 50,
                cursor: str | None = None, desc: bool = False) -> Page:
    """One page of events in date order, with the fields ``Store.events`` gives."""
    where = event_where(conn, filters)
    _keyset(where, _EVENT_DATE, "e.id", decode_cursor(cursor), desc)
    sql = _EVENT_SELECT + where.sql() + _order(_EVENT_DATE, "e.id", desc) + " LIMIT ?"
    rows = conn.execute(sql, [*where.params, _page_limit(limit) + 1]).fetchall()
    rows, nxt = _finish(rows, limit, lambda r: [r["sort_date"] is None, r["sort_date"], r["id"]])
    return Page(_event_dicts(conn, rows), nxt)


def event_by_id(conn: Any, event_id: str) -> dict[str, Any] | None:
    rows = conn.execute(_EVENT_SELECT + " WHERE e.event_id = ?", (event_id,)).fetchall()
    return _event_dicts(conn, rows)[0] if rows else None


def page_quotes(conn: Any, filters: dict[str, Any], *, limit: int = 50,
                cursor: str | None = None, desc: bool = False) -> Page:
    """One page of quotes; ``search`` is full text (or a substring when not a valid query)."""
    allowed = {"speaker", "search", "outlet", "article", "date_from", "date_to"}
    unknown = sorted(set(filters) - allowed)
    if unknown:
        raise StoreError(f"unknown filter {unknown[0]!r}; the filters are: "
                         + ", ".join(sorted(allowed)))
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    where = _Where()
    _common(conn, where, all_versions=False, outlet=f.get("outlet"), article=f.get("article"))
    if f.get("speaker", "").strip():
        where.add(*_flat(_who(conn, "q.speaker_", f["speaker"].strip())))
    search = f.get("search", "").strip()
    if search:
        where.add(*_flat(dialect_of(conn).quote_search(conn, search)))
    sort = "COALESCE(q.date, a.pub_date)"
    _dates(where, sort, f.get("date_from"), f.get("date_to"))
    _keyset(where, sort, "q.id", decode_cursor(cursor), desc)
    sql = (f"SELECT q.*, {sort} AS sort_date, a.article_id AS public_id, a.outlet AS a_outlet, "
           "a.url AS a_url, a.title AS a_title, a.pub_date AS a_pub_date "
           f"FROM quotes q JOIN articles a ON a.id = q.article_id{where.sql()}"
           + _order(sort, "q.id", desc) + " LIMIT ?")
    rows = conn.execute(sql, [*where.params, _page_limit(limit) + 1]).fetchall()
    rows, nxt = _finish(rows, limit, lambda r: [r["sort_date"] is None, r["sort_date"], r["id"]])
    out = []
    for row in rows:
        item = quote_from_row(row).to_json()
        item.update(_article_fields(row))
        out.append(item)
    return Page(out, nxt)


def page_articles(conn: Any, filters: dict[str, Any], *, limit: int = 50,
                  cursor: str | None = None, desc: bool = False) -> Page:
    """One page of articles (latest versions) with their event and quote counts."""
    allowed = {"search", "outlet", "date_from", "date_to"}
    unknown = sorted(set(filters) - allowed)
    if unknown:
        raise StoreError(f"unknown filter {unknown[0]!r}; the filters are: "
                         + ", ".join(sorted(allowed)))
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    where = _Where()
    _common(conn, where, all_versions=False, outlet=f.get("outlet"), article=None)
    search = f.get("search", "").strip()
    if search:
        where.add(*_flat(dialect_of(conn).article_search(conn, search)))
    _dates(where, "a.pub_date", f.get("date_from"), f.get("date_to"))
    _keyset(where, "a.pub_date", "a.id", decode_cursor(cursor), desc)
    sql = ("SELECT a.*, "
           "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS event_count, "
           "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quote_count "
           f"FROM articles a{where.sql()}" + _order("a.pub_date", "a.id", desc) + " LIMIT ?")
    rows = conn.execute(sql, [*where.params, _page_limit(limit) + 1]).fetchall()
    rows, nxt = _finish(rows, limit, lambda r: [r["pub_date"] is None, r["pub_date"], r["id"]])
    out = []
    for row in rows:
        item = article_to_dict(row)
        item.pop("text")
        out.append(item)
    return Page(out, nxt)


def _event_from(filters: dict[str, Any], conn: Any) -> tuple[str, list[Any]]:
    """FROM … WHERE for aggregates; joins the sentence only when a search needs its text."""
    where = event_where(conn, filters)
    joins = "FROM events e JOIN articles a ON a.id = e.article_id"
    if filters.get("search"):
        joins += " JOIN sentences s ON s.article_id = e.article_id AND s.sequence = e.sentence_seq"
    return joins + where.sql(), where.params


def actor_counts(conn: Any, filters: dict[str, Any], *,
                 limit: int = 50) -> list[dict[str, Any]]:
    """Actors (by code, sector and identifier) with how often each acts and is acted upon."""
    base, params = _event_from(filters, conn)
    sql = (
        "SELECT ea.code, ea.sector, ea.identifier_id, max(ea.identifier_text) AS name, "
        "max(ea.entity_text) AS example, "
        "sum(CASE WHEN ea.role = 'actor' THEN 1 ELSE 0 END) AS as_actor, "
        "sum(CASE WHEN ea.role = 'recipient' THEN 1 ELSE 0 END) AS as_recipient, "
        "count(DISTINCT e.id) AS events "
        f"FROM event_actors ea JOIN (SELECT e.id {base}) e ON e.id = ea.event_id "
        "WHERE ea.code IS NOT NULL GROUP BY ea.code, ea.sector, ea.identifier_id "
        "ORDER BY events DESC, ea.code, ea.sector NULLS FIRST, ea.identifier_id NULLS FIRST "
        "LIMIT ?"
    )
    return [dict(row) for row in conn.execute(sql, [*params, _page_limit(limit)])]


def dyad_counts(conn: Any, filters: dict[str, Any], *,
                limit: int = 50) -> list[dict[str, Any]]:
    """Actor → recipient country/organisation pairs with event counts and Goldstein sums."""
    base, params = _event_from(filters, conn)
    sql = (
        "SELECT x.code AS actor, y.code AS recipient, count(DISTINCT e.id) AS events, "
        "sum(e.goldstein) AS goldstein, "
        "sum(CASE WHEN e.quad_code IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
        "sum(CASE WHEN e.quad_code IN (3, 4) THEN 1 ELSE 0 END) AS conflict "
        f"FROM (SELECT e.id, e.goldstein, e.quad_code {base}) e "
        "JOIN (SELECT DISTINCT event_id, code FROM event_actors "
        "      WHERE role = 'actor' AND code IS NOT NULL) x ON x.event_id = e.id "
        "JOIN (SELECT DISTINCT event_id, code FROM event_actors "
        "      WHERE role = 'recipient' AND code IS NOT NULL) y ON y.event_id = e.id "
        "WHERE x.code <> y.code GROUP BY x.code, y.code "
        "ORDER BY events DESC, x.code, y.code LIMIT ?"
    )
    return [_rounded(row) for row in conn.execute(sql, [*params, _page_limit(limit)])]


def _rounded(row: Any) -> dict[str, Any]:
    """A row as a dict with its Goldstein sum to two places (rounded here: the databases'
    ``round`` functions disagree on floating-point arguments)."""
    out = dict(row)
    out["goldstein"] = round(float(out["goldstein"]), 2)
    return out


def event_time_series(conn: Any, filters: dict[str, Any], *,
                      interval: str = "month", by: str = "quad") -> list[dict[str, Any]]:
    """Event counts and Goldstein sums per period, split by quad class or PLOVER type."""
    if interval not in INTERVALS:
        raise StoreError(f"interval: {interval!r} is not one of {', '.join(INTERVALS)}")
    groups = {"quad": "e.quad_code", "type": "upper(e.event_type)", "none": "''"}
    if by not in groups:
        raise StoreError(f"by: {by!r} is not one of {', '.join(groups)}")
    base, params = _event_from(filters, conn)
    spelling = INTERVALS[interval]
    if spelling is None:
        period = dialect_of(conn).week_start(_EVENT_DATE)
    else:
        period = spelling.format(d=_EVENT_DATE)
    sql = (
        f"SELECT {period} AS period, {groups[by]} AS key, count(*) AS events, "
        f"sum(e.goldstein) AS goldstein {base} "
        f"{'AND' if ' WHERE ' in base else 'WHERE'} {_EVENT_DATE} IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return [_rounded(row) for row in conn.execute(sql, params)]


def corpus_counts(conn: Any) -> dict[str, Any]:
    """The overview's headline numbers (latest versions), without ``summary``'s breakdowns."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles WHERE is_latest = 1), "
        "(SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
        " WHERE a.is_latest = 1), "
        "(SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
        " WHERE a.is_latest = 1), "
        "(SELECT count(DISTINCT outlet) FROM articles WHERE is_latest = 1), "
        "(SELECT min(pub_date) FROM articles WHERE is_latest = 1), "
        "(SELECT max(pub_date) FROM articles WHERE is_latest = 1)"
    ).fetchone()
    keys = ("articles", "events", "quotes", "outlets", "date_from", "date_to")
    return dict(zip(keys, row, strict=True))


def data_version(conn: Any) -> tuple[Any, ...]:
    """Changes whenever an article (or a new version of one) is stored: a cache key."""
    return tuple(conn.execute(
        "SELECT max(id), (SELECT max(id) FROM events) FROM articles").fetchone())
