"""Canonical events: one per who-did-what-to-whom-when, however often it is reported.

An event reported by ten outlets, or twice in one story, is one event with
ten or two *mentions*. As in GDELT, the canonical event keeps every mention
and counts them: mentions (sentences), articles, sources (articles with
syndicated copies counted once) and outlets. Event counts then measure events,
not media attention.

Mentions are grouped when they share the date, the sorted actor codes, the
sorted recipient codes and the PLOVER event type. An actor without a code is
keyed by its name, casefolded. A mention in a syndicated copy joins the group
of the matching mention in another copy of the same story even when the copy's
later publication date moved a relative date ("on Tuesday"), so a copied story
never adds an event.
"""

from __future__ import annotations

from typing import Any

from communique.store.dialect import dialect_of

__all__ = ["assign_event_groups"]


def _codes(conn: Any, event_rowid: int, role: str) -> str:
    rows = conn.execute(
        "SELECT COALESCE(code, lower(entity_text)) FROM event_actors "
        "WHERE event_id = ? AND role = ?",
        (event_rowid, role),
    ).fetchall()
    return ";".join(sorted({r[0] for r in rows if r[0]}))


def _copy_group(
    conn: Any, article_rowid: int, original: int, actors: str, recipients: str,
    event_type: str,
) -> int | None:
    """The group of the same event in another copy of this story, if there is one."""
    row = conn.execute(
        "SELECT g.id FROM syndication_members s "
        "JOIN events e ON e.article_id = s.article_id "
        "JOIN event_group_members m ON m.event_id = e.id "
        "JOIN event_groups g ON g.id = m.group_id "
        "WHERE s.original_id = ? AND s.article_id <> ? AND g.actor_codes = ? "
        "AND g.recipient_codes = ? AND g.event_type = ? ORDER BY g.id LIMIT 1",
        (original, article_rowid, actors, recipients, event_type),
    ).fetchone()
    return row[0] if row else None


def assign_event_groups(conn: Any, article_rowid: int, original: int) -> None:
    """Put every event of the article into its canonical group, creating groups as needed.

    ``original`` is the row id of the original of the article's syndication
    group (the article itself when it is not a copy).
    """
    events = conn.execute(
        "SELECT e.id, upper(e.event_type), COALESCE(e.date, a.pub_date) FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.article_id = ? ORDER BY e.position",
        (article_rowid,),
    ).fetchall()
    for event_rowid, event_type, day in events:
        actors = _codes(conn, event_rowid, "actor")
        recipients = _codes(conn, event_rowid, "recipient")
        group = _copy_group(conn, article_rowid, original, actors, recipients, event_type)
        if group is None:
            key = f"{day or ''}|{actors}|{recipients}|{event_type}"
            found = conn.execute(
                "SELECT id FROM event_groups WHERE group_key = ?", (key,)
            ).fetchone()
            # Look first, insert only when missing: an insert that loses to a conflict
            # would still use up a PostgreSQL id, and the G<n> ids would differ by backend.
            group = found[0] if found else dialect_of(conn).insert_id(
                conn,
                "INSERT INTO event_groups "
                "(group_key, date, event_type, actor_codes, recipient_codes) "
                "VALUES (?, ?, ?, ?, ?)",
                (key, day, event_type, actors, recipients),
            )
        conn.execute(
            "INSERT INTO event_group_members (event_id, group_id) VALUES (?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET group_id = excluded.group_id",
            (event_rowid, group),
        )
