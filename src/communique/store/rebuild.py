"""Turning stored rows back into model objects.

Reads build :mod:`communique.model` objects first and let them render
themselves (``Event.to_plover``, ``Quote.to_json``), so stored output and
freshly extracted output can never drift apart in shape.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from communique.model import Actor, AnalyzedArticle, Article, Event, Place, Quote, Sentence
from communique.store.dialect import dialect_of

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_JOINS",
    "article_from_row",
    "article_to_dict",
    "events_from_rows",
    "load_analyzed",
    "parse_date",
    "place_from_row",
    "quote_from_row",
]


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def article_from_row(row: Any) -> Article:
    return Article(
        text=row["text"],
        source=row["source"],
        source_format=row["source_format"],
        story_id=row["story_id"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        byline=row["byline"],
        pub_date=parse_date(row["pub_date"]),
        pub_date_source=row["pub_date_source"],
        language=row["language"],
        republished_from=row["republished_from"],
        extra=json.loads(row["extra"]),
    )


_ARTICLE_FIELDS = (
    "story_id", "url", "title", "outlet", "byline", "pub_date", "pub_date_source", "language",
    "source", "source_format", "content_hash", "version", "previous_id", "republished_from",
    "text", "ingested_at",
)  # fmt: skip


def article_to_dict(row: Any) -> dict[str, Any]:
    """An article row as an output dict: public ``id``, ``rowid``, stored fields, and the
    numbers of ``events`` and ``quotes`` found in it."""
    out: dict[str, Any] = {"id": row["article_id"], "rowid": row["id"]}
    out.update({name: row[name] for name in _ARTICLE_FIELDS})
    out["latest"] = bool(row["is_latest"])
    out["extra"] = json.loads(row["extra"])
    out["events"] = row["event_count"]
    out["quotes"] = row["quote_count"]
    return out


def _actor(row: Any, prefix: str = "") -> Actor | None:
    text = row[f"{prefix}entity_text" if not prefix else f"{prefix}text"]
    if text is None:
        return None
    return Actor(
        entity_text=text,
        code=row[f"{prefix}code"],
        sector=row[f"{prefix}sector"],
        identifier_id=row[f"{prefix}identifier_id"],
        identifier_text=row[f"{prefix}identifier_text"],
        start=row[f"{prefix}start"],
        end=row[f"{prefix}end"],
    )


def _actors_by_event(
    conn: Any, event_rowids: Iterable[int]
) -> dict[tuple[int, str], list[Actor]]:
    found: dict[tuple[int, str], list[Actor]] = defaultdict(list)
    clause, params = dialect_of(conn).ids_in("event_id", event_rowids)
    rows = conn.execute(
        f"SELECT * FROM event_actors WHERE {clause} ORDER BY event_id, role, position", params
    )
    for row in rows:
        actor = _actor(row)
        assert actor is not None
        found[(row["event_id"], row["role"])].append(actor)
    return found


def events_from_rows(conn: Any, rows: list[Any]) -> list[Event]:
    """Events for rows of ``events`` joined with their sentence and article.

    Each row needs the event columns plus ``s_start``, ``s_end``, ``s_text``
    and ``public_id`` (the article's public id).
    """
    actors = _actors_by_event(conn, (row["id"] for row in rows))
    events: list[Event] = []
    for row in rows:
        sentence = Sentence(
            sequence=row["sentence_seq"],
            start=row["s_start"],
            end=row["s_end"],
            text=row["s_text"],
            section=row["section"],
        )
        events.append(
            Event(
                event_type=row["event_type"],
                actor=actors.get((row["id"], "actor"), []),
                recipient=actors.get((row["id"], "recipient"), []),
                cameo=row["cameo"],
                goldstein=row["goldstein"],
                quad_code=row["quad_code"],
                event_text=row["event_text"],
                sentence=sentence,
                trigger_start=row["trigger_start"],
                trigger_end=row["trigger_end"],
                mode=row["mode"],
                context=json.loads(row["context"]),
                date=parse_date(row["date"]),
                date_text=row["date_text"],
                date_precision=row["date_precision"],
                story_id=row["public_id"],
                id=row["event_id"],
                place=place_from_row(row),
            )
        )
    return events


def place_from_row(row: Any) -> Place | None:
    """The event's place, when the row has one (databases before migration 2 have none)."""
    if "place_name" not in row.keys() or row["place_name"] is None:
        return None
    return Place(
        name=row["place_name"],
        text=row["place_text"] or row["place_name"],
        country_code=row["place_country"],
        country=row["place_country_name"],
        admin1=row["place_admin1"],
        lat=row["place_lat"],
        lon=row["place_lon"],
        feature_class=row["place_feature_class"],
        feature_code=row["place_feature_code"],
        geonameid=row["place_geonameid"],
        precision=row["place_precision"] or "country",
        found_by=row["place_found_by"] or "clause",
    )


def quote_from_row(row: Any) -> Quote:
    """A quote for a ``quotes`` row that also carries ``public_id``."""
    return Quote(
        quote_text=row["quote_text"],
        type=row["type"],
        start=row["start"],
        end=row["end"],
        speaker=_actor(row, "speaker_"),
        cue=row["cue"],
        addressee=_actor(row, "addressee_"),
        section=row["section"],
        sequence=row["sequence"],
        date=parse_date(row["date"]),
        story_id=row["public_id"],
        id=row["quote_id"],
    )


EVENT_COLUMNS = (
    "e.*, s.start AS s_start, s.\"end\" AS s_end, s.text AS s_text, a.article_id AS public_id"
)
EVENT_JOINS = (
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "JOIN sentences s ON s.article_id = e.article_id AND s.sequence = e.sentence_seq"
)


def load_analyzed(conn: Any, rowid: int) -> AnalyzedArticle | None:
    """The full analysed article stored under ``rowid``."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (rowid,)).fetchone()
    if row is None:
        return None
    sentences = [
        Sentence(sequence=s["sequence"], start=s["start"], end=s["end"], text=s["text"],
                 section=s["section"])
        for s in conn.execute(
            "SELECT * FROM sentences WHERE article_id = ? ORDER BY sequence", (rowid,)
        )
    ]  # fmt: skip
    event_rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} {EVENT_JOINS} WHERE e.article_id = ? ORDER BY e.position",
        (rowid,),
    ).fetchall()
    quote_rows = conn.execute(
        "SELECT q.*, a.article_id AS public_id FROM quotes q JOIN articles a "
        "ON a.id = q.article_id WHERE q.article_id = ? ORDER BY q.position",
        (rowid,),
    ).fetchall()
    return AnalyzedArticle(
        article=article_from_row(row),
        sentences=sentences,
        events=events_from_rows(conn, event_rows),
        quotes=[quote_from_row(q) for q in quote_rows],
    )
