"""Filtered reads: events, quotes and articles as output-ready dicts.

Every value a user types reaches the database as a bound parameter; only fixed
SQL fragments from this module and the connection's dialect are concatenated.
Matching rules, shared by all backends so results do not depend on the database:

* actor / recipient / speaker: an upper-case three-letter query (``CHN``)
  is a code and is matched on the indexed code column; anything else matches
  a code or Wikidata id exactly, or whole words of the entity text or
  identifier text, ignoring case (``xi jinping`` finds "President Xi Jinping").
* outlet and event ``search``: case-insensitive substring.
* quote and article ``search``: a full-text query (FTS5's syntax, which the
  PostgreSQL dialect translates); when it is not valid, a case-insensitive
  substring instead.
* dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive at both ends; an
  event or quote without its own date is placed on its article's date.
"""

from __future__ import annotations

import calendar
import functools
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from communique.errors import StoreError
from communique.store.dialect import Clause, dialect_of
from communique.store.rebuild import (
    EVENT_COLUMNS,
    EVENT_JOINS,
    article_to_dict,
    events_from_rows,
    quote_from_row,
)

__all__ = ["register_functions", "resolve_article", "select_articles", "select_events",
           "select_quotes"]  # fmt: skip

_CODE = re.compile(r"^[A-Z]{3}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@functools.lru_cache(maxsize=256)
def _words_pattern(query: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in query.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _words_match(text: str | None, query: str | None) -> int:
    if not text or not query or not query.strip():
        return 0
    return 1 if _words_pattern(query).search(text) else 0


def _casefold(text: str | None) -> str | None:
    return text.casefold() if text is not None else None


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the queries use: Unicode-aware case folding and word matching."""
    conn.create_function("cq_casefold", 1, _casefold, deterministic=True)
    conn.create_function("cq_words", 2, _words_match, deterministic=True)


def parse_bound(value: str | date | None, name: str, end: bool) -> str | None:
    """An inclusive date bound as ``YYYY-MM-DD``; a partial date covers its period."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    match = _PARTIAL_DATE.match(str(value).strip())
    try:
        if not match:
            raise ValueError(value)
        year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
        if not month:
            month, day = (12, 31) if end else (1, 1)
        elif not day:
            day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day).isoformat()
    except ValueError:
        raise StoreError(
            f"{name}: {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
        ) from None


def _check_limit(limit: int | None) -> None:
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise StoreError(f"limit: {limit!r} is not a whole number >= 0")


@dataclass
class _Where:
    """WHERE clauses with their parameters, kept side by side."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _flat(clause: Clause) -> list[Any]:
    """A dialect's (clause, params) as arguments for ``_Where.add``."""
    return [clause[0], *clause[1]]


def _who(conn: Any, prefix: str, query: str) -> Clause:
    """Condition matching an actor stored in columns ``<prefix>code`` etc."""
    d = dialect_of(conn)
    text = "entity_text" if prefix == "" else f"{prefix}text"
    code, code_params = d.nocase_eq(f"{prefix}code", query)
    if _CODE.match(query):
        return code, code_params
    name, name_params = d.words(text, query)
    ident, ident_params = d.words(f"{prefix}identifier_text", query)
    clause = f"({code} OR {prefix}identifier_id = ? OR {name} OR {ident})"
    return clause, [*code_params, query, *name_params, *ident_params]


def resolve_article(conn: Any, ident: str, all_versions: bool) -> list[int]:
    """Row ids an article reference names, newest first.

    Tries the public id exactly, then a row id (all digits), then a unique
    prefix of a public id. Without ``all_versions`` only the newest matching
    version is returned. An ambiguous prefix is an error that lists candidates.
    """
    ident = str(ident).strip()
    if not ident:
        return []
    rows = conn.execute(
        "SELECT id FROM articles WHERE article_id = ? ORDER BY version DESC, id DESC", (ident,)
    ).fetchall()
    if not rows and ident.isdigit():
        rows = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ident),)).fetchall()
    if not rows:
        names = conn.execute(
            "SELECT DISTINCT article_id FROM articles WHERE substr(article_id, 1, ?) = ? "
            "ORDER BY article_id LIMIT 6",
            (len(ident), ident),
        ).fetchall()
        if len(names) > 1:
            listed = ", ".join(n[0] for n in names[:5])
            raise StoreError(f"article id {ident!r} is ambiguous: it starts {listed}, ...")
        if names:
            rows = conn.execute(
                "SELECT id FROM articles WHERE article_id = ? ORDER BY version DESC, id DESC",
                (names[0][0],),
            ).fetchall()
    ids = [r[0] for r in rows]
    return ids if all_versions else ids[:1]


def _common(
    conn: Any,
    where: _Where,
    *,
    all_versions: bool,
    outlet: str | None,
    article: str | None,
) -> None:
    if article is not None:
        ids = resolve_article(conn, article, all_versions)
        clause, params = dialect_of(conn).ids_in("a.id", ids)
        where.add(clause, *params)
    elif not all_versions:
        where.add("a.is_latest = 1")
    if outlet:
        clause, params = dialect_of(conn).contains("a.outlet", outlet)
        where.add(clause, *params)


def _dates(where: _Where, column: str, date_from: Any, date_to: Any) -> None:
    low = parse_bound(date_from, "date_from", end=False)
    high = parse_bound(date_to, "date_to", end=True)
    if low:
        where.add(f"{column} >= ?", low)
    if high:
        where.add(f"{column} <= ?", high)


def _limit(sql: str, params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    _check_limit(limit)
    if limit is None:
        return sql, params
    return sql + " LIMIT ?", [*params, limit]


def select_events(
    conn: Any,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    event_type: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    outlet: str | None = None,
    search: str | None = None,
    article: str | None = None,
    limit: int | None = 100,
    all_versions: bool = False,
    place: str | None = None,
    country: str | None = None,
    context: str | None = None,
    date_precision: str | None = None,
) -> list[dict[str, Any]]:
    where = _Where()
    _common(conn, where, all_versions=all_versions, outlet=outlet, article=article)
    _place_filters(conn, where, place=place, country=country, context=context,
                   date_precision=date_precision)
    for role, query in (("actor", actor), ("recipient", recipient)):
        if query and query.strip():
            clause, params = _who(conn, "", query.strip())
            where.add(
                f"e.id IN (SELECT event_id FROM event_actors WHERE role = ? AND {clause})",
                role,
                *params,
            )
    if event_type:
        where.add(*_flat(dialect_of(conn).nocase_eq("e.event_type", event_type.strip())))
    _dates(where, "COALESCE(e.date, a.pub_date)", date_from, date_to)
    if search:
        where.add(*_flat(dialect_of(conn).contains("s.text", search)))
    sql = (
        f"SELECT {EVENT_COLUMNS}, a.outlet AS a_outlet, a.url AS a_url, a.title AS a_title, "
        f"a.pub_date AS a_pub_date {EVENT_JOINS}{where.sql()} "
        "ORDER BY COALESCE(e.date, a.pub_date) IS NULL, COALESCE(e.date, a.pub_date), a.id, "
        "e.sentence_seq, e.trigger_start, e.position"
    )
    sql, params = _limit(sql, where.params, limit)
    rows = conn.execute(sql, params).fetchall()
    out: list[dict[str, Any]] = []
    for row, event in zip(rows, events_from_rows(conn, rows), strict=True):
        item = event.to_plover()
        item.update(_article_fields(row))
        out.append(item)
    return out


_PRECISIONS = ("day", "week", "month", "year")


def _place_filters(conn: Any, where: _Where, *, place: str | None, country: str | None,
                   context: str | None, date_precision: str | None) -> None:
    """Where and about what: place name words, place country, a context label, date precision."""
    d = dialect_of(conn)
    if place and place.strip():
        name, name_params = d.words("e.place_name", place.strip())
        text, text_params = d.words("e.place_text", place.strip())
        where.add(f"({name} OR {text})", *name_params, *text_params)
    if country and country.strip():
        code, code_params = d.nocase_eq("e.place_country", country.strip())
        name, name_params = d.words("e.place_country_name", country.strip())
        where.add(f"({code} OR {name})", *code_params, *name_params)
    if context and context.strip():
        where.add(*_flat(d.json_array_has("e.context", context.strip())))
    if date_precision:
        if date_precision not in _PRECISIONS:
            raise StoreError(f"date_precision: {date_precision!r} is not one of "
                             f"{', '.join(_PRECISIONS)}")
        where.add("e.date_precision = ?", date_precision)


def _article_fields(row: Any) -> dict[str, Any]:
    return {
        "article_id": row["public_id"],
        "outlet": row["a_outlet"],
        "url": row["a_url"],
        "title": row["a_title"],
        "pub_date": row["a_pub_date"],
    }


def select_quotes(
    conn: Any,
    *,
    speaker: str | None = None,
    search: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    outlet: str | None = None,
    article: str | None = None,
    limit: int | None = 100,
    all_versions: bool = False,
) -> list[dict[str, Any]]:
    where = _Where()
    _common(conn, where, all_versions=all_versions, outlet=outlet, article=article)
    if speaker and speaker.strip():
        where.add(*_flat(_who(conn, "q.speaker_", speaker.strip())))
    if search and search.strip():
        where.add(*_flat(dialect_of(conn).quote_search(conn, search.strip())))
    _dates(where, "COALESCE(q.date, a.pub_date)", date_from, date_to)
    sql = (
        "SELECT q.*, a.article_id AS public_id, a.outlet AS a_outlet, a.url AS a_url, "
        "a.title AS a_title, a.pub_date AS a_pub_date "
        f"FROM quotes q JOIN articles a ON a.id = q.article_id{where.sql()} "
        "ORDER BY COALESCE(q.date, a.pub_date) IS NULL, COALESCE(q.date, a.pub_date), a.id, "
        "q.section <> 'title', q.start, q.position"
    )
    sql, params = _limit(sql, where.params, limit)
    out: list[dict[str, Any]] = []
    for row in conn.execute(sql, params).fetchall():
        item = quote_from_row(row).to_json()
        item.update(_article_fields(row))
        out.append(item)
    return out


def select_articles(
    conn: Any,
    *,
    outlet: str | None = None,
    search: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    article: str | None = None,
    limit: int | None = 100,
    all_versions: bool = False,
) -> list[dict[str, Any]]:
    where = _Where()
    _common(conn, where, all_versions=all_versions, outlet=outlet, article=article)
    if search and search.strip():
        where.add(*_flat(dialect_of(conn).article_search(conn, search.strip())))
    _dates(where, "a.pub_date", date_from, date_to)
    sql = (
        "SELECT a.*, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS event_count, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quote_count "
        f"FROM articles a{where.sql()} "
        "ORDER BY a.pub_date IS NULL, a.pub_date, a.id"
    )
    sql, params = _limit(sql, where.params, limit)
    return [article_to_dict(row) for row in conn.execute(sql, params).fetchall()]
