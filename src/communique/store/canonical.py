"""Reading canonical events: each distinct event once, with how often it was reported.

The counts follow GDELT's event table: ``mentions`` (sentences reporting it),
``articles`` (stories mentioning it), and ``sources``, the articles left when
syndicated copies of one story count once: the number to trust when asking
how many independent reports an event had. Only the latest version of each
article counts.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from communique.store.dialect import dialect_of
from communique.store.query import _dates, _flat, _limit, _place_filters, _Where, _who
from communique.store.rebuild import EVENT_COLUMNS, EVENT_JOINS, events_from_rows

__all__ = ["select_canonical_events"]

_MEMBERS = (
    "FROM event_groups g JOIN event_group_members m ON m.group_id = g.id "
    "JOIN events e ON e.id = m.event_id "
    "JOIN articles a ON a.id = e.article_id AND a.is_latest = 1 "
    "LEFT JOIN syndication_members sm ON sm.article_id = a.id"
)


def select_canonical_events(
    conn: Any,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    event_type: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    outlet: str | None = None,
    place: str | None = None,
    country: str | None = None,
    context: str | None = None,
    date_precision: str | None = None,
    min_sources: int = 1,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Canonical events: the first mention as a PLOVER dict, plus counts and mention ids.

    ``place``, ``country``, ``context`` and ``date_precision`` keep the events of which
    at least one mention matches (as ``communique events`` filters mentions); the counts
    still cover every mention.

    Extra keys: ``canonical_id`` (``G<n>``), ``mentions``, ``articles``,
    ``sources``, ``outlets`` (sorted names) and ``mention_ids`` (the stored
    event ids, in the order they were stored).
    """
    d = dialect_of(conn)
    where = _Where()
    for role, query in (("actor", actor), ("recipient", recipient)):
        if query and query.strip():
            clause, params = _who(conn, "", query.strip())
            where.add(
                "g.id IN (SELECT m2.group_id FROM event_group_members m2 JOIN event_actors "
                f"ON event_actors.event_id = m2.event_id WHERE role = ? AND {clause})",
                role,
                *params,
            )
    mentions = _Where()
    _place_filters(conn, mentions, place=place, country=country, context=context,
                   date_precision=date_precision)
    if mentions.clauses:  # the inner alias e shadows the outer one on purpose
        where.add("g.id IN (SELECT m3.group_id FROM event_group_members m3 "
                  f"JOIN events e ON e.id = m3.event_id{mentions.sql()})", *mentions.params)
    if event_type:
        where.add(*_flat(d.nocase_eq("g.event_type", event_type.strip())))
    if outlet:
        where.add(*_flat(d.contains("a.outlet", outlet)))
    _dates(where, "g.date", date_from, date_to)
    sources = "count(DISTINCT COALESCE(sm.original_id, a.id))"
    sql = (
        "SELECT g.id AS gid, count(*) AS mentions, count(DISTINCT e.article_id) AS articles, "
        f"{sources} AS sources, "
        f"{d.json_group('a.outlet', distinct=True)} AS outlets, "
        f"{d.json_group('e.event_id', order_by='e.id')} AS mention_ids, "
        "min(e.id) AS first_event "
        f"{_MEMBERS}{where.sql()} GROUP BY g.id HAVING {sources} >= ? "
        "ORDER BY g.date IS NULL, g.date, g.id"
    )
    sql, params = _limit(sql, [*where.params, int(min_sources)], limit)
    groups = conn.execute(sql, params).fetchall()
    if not groups:
        return []
    first, first_params = d.ids_in("e.id", [g["first_event"] for g in groups])
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} {EVENT_JOINS} WHERE {first}", first_params
    ).fetchall()
    by_id = {row["id"]: (row, ev) for row, ev in zip(rows, events_from_rows(conn, rows),
                                                      strict=True)}
    out: list[dict[str, Any]] = []
    for group in groups:
        row, event = by_id[group["first_event"]]
        item = event.to_plover()
        item.update(
            canonical_id=f"G{group['gid']}",
            mentions=group["mentions"],
            articles=group["articles"],
            sources=group["sources"],
            outlets=sorted(o for o in json.loads(group["outlets"]) if o),
            mention_ids=json.loads(group["mention_ids"]),
        )
        out.append(item)
    return out
