"""Writing an analysed article: the one path by which rows enter the store.

The caller owns the transaction; this module only issues the inserts, so the
same code serves a single ``add`` and a large ``batch``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from communique.model import Actor, AnalyzedArticle, Article, Event, Place, Quote, Sentence
from communique.store.dialect import dialect_of
from communique.store.event_groups import assign_event_groups
from communique.store.syndication import link_syndicated

__all__ = ["event_id", "insert_analyzed", "iso_date", "quote_id"]


def iso_date(value: date | None) -> str | None:
    """A date as stored: ``YYYY-MM-DD`` (a datetime keeps only its day)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    return str(value)


def event_id(article_id: str, version: int, n: int) -> str:
    """``<article_id>-E<n>``; later versions of a story add ``-v<version>``.

    Stories with a ``story_id`` keep the same article id in every version, so
    the version is part of the event id to keep every id unique and stable.
    """
    return f"{article_id}-E{n}" if version == 1 else f"{article_id}-v{version}-E{n}"


def quote_id(article_id: str, version: int, n: int) -> str:
    return f"{article_id}-Q{n}" if version == 1 else f"{article_id}-v{version}-Q{n}"


def _previous_version(conn: Any, art: Article) -> Any:
    """The latest stored version of the same story, if any.

    Same story means: same URL; or, without a URL, same ``story_id``; or,
    without either, the same source file (not for JSON lines, where one file
    holds many stories, nor for ``<stdin>``-like pseudo sources).
    """
    select = "SELECT id, version, lineage_id, article_id FROM articles WHERE is_latest = 1 AND "
    if art.url:
        return conn.execute(select + "url = ? ORDER BY id DESC LIMIT 1", (art.url,)).fetchone()
    if art.story_id:
        return conn.execute(
            select + "story_id = ? ORDER BY id DESC LIMIT 1", (art.story_id,)
        ).fetchone()
    if art.source_format != "jsonl" and not art.source.startswith("<"):
        return conn.execute(
            select + "source = ? AND source_format <> 'jsonl' AND url IS NULL "
            "AND story_id IS NULL ORDER BY id DESC LIMIT 1",
            (art.source,),
        ).fetchone()
    return None


def _public_id(conn: Any, art: Article, lineage: int | None) -> str:
    """``Article.id``, unless an unrelated story already uses it.

    Two feeds may both number their stories 1, 2, 3...; the later one then gets
    the content-hash prefix appended so ids stay unambiguous.
    """
    base = art.id
    candidates = [base, f"{base}-{art.content_hash[:8]}", f"{base}-{art.content_hash[:16]}"]
    other_story = "lineage_id IS NOT NULL" if lineage is None else \
        "(lineage_id IS NULL OR lineage_id <> ?)"
    for candidate in candidates:
        params = (candidate,) if lineage is None else (candidate, lineage)
        clash = conn.execute(
            f"SELECT 1 FROM articles WHERE article_id = ? AND {other_story} LIMIT 1", params
        ).fetchone()
        if clash is None:
            return candidate
    return f"{base}-{art.content_hash}"


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * 7
    return (
        actor.entity_text,
        actor.code,
        actor.sector,
        actor.identifier_id,
        actor.identifier_text,
        actor.start,
        actor.end,
    )


def _place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * 12
    return (
        place.text, place.name, place.country_code, place.country, place.admin1, place.lat,
        place.lon, place.feature_class, place.feature_code, place.geonameid, place.precision,
        place.found_by,
    )


def _insert_sentence(conn: Any, rowid: int, sent: Sentence) -> None:
    conn.execute(
        'INSERT INTO sentences (article_id, sequence, section, start, "end", text) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, sent.sequence, sent.section, sent.start, sent.end, sent.text),
    )


def _insert_event(
    conn: Any, rowid: int, public_id: str, version: int, n: int, ev: Event
) -> None:
    event_rowid = dialect_of(conn).insert_id(
        conn,
        "INSERT INTO events (event_id, article_id, position, sentence_seq, section, "
        "trigger_start, trigger_end, event_type, mode, cameo, goldstein, quad_code, date, "
        "date_text, date_precision, event_text, context, "
        "place_text, place_name, place_country, place_country_name, place_admin1, place_lat, "
        "place_lon, place_feature_class, place_feature_code, place_geonameid, place_precision, "
        "place_found_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id(public_id, version, n),
            rowid,
            n,
            ev.sentence.sequence,
            ev.sentence.section,
            ev.trigger_start,
            ev.trigger_end,
            ev.event_type,
            ev.mode,
            ev.cameo,
            float(ev.goldstein),
            int(ev.quad_code),
            iso_date(ev.date),
            ev.date_text,
            ev.date_precision,
            ev.event_text,
            json.dumps(list(ev.context), ensure_ascii=False),
            *_place_values(ev.place),
        ),
    )
    for role, actors in (("actor", ev.actor), ("recipient", ev.recipient)):
        for position, actor in enumerate(actors, start=1):
            conn.execute(
                "INSERT INTO event_actors (event_id, role, position, entity_text, code, sector, "
                'identifier_id, identifier_text, start, "end") '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_rowid, role, position, *_actor_values(actor)),
            )


def _insert_quote(
    conn: Any, rowid: int, public_id: str, version: int, n: int, q: Quote
) -> None:
    conn.execute(
        "INSERT INTO quotes (quote_id, article_id, position, quote_text, type, cue, section, "
        'start, "end", sequence, date, '
        "speaker_text, speaker_code, speaker_sector, speaker_identifier_id, "
        "speaker_identifier_text, speaker_start, speaker_end, "
        "addressee_text, addressee_code, addressee_sector, addressee_identifier_id, "
        "addressee_identifier_text, addressee_start, addressee_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            quote_id(public_id, version, n),
            rowid,
            n,
            q.quote_text,
            q.type,
            q.cue,
            q.section,
            q.start,
            q.end,
            q.sequence,
            iso_date(q.date),
            *_actor_values(q.speaker),
            *_actor_values(q.addressee),
        ),
    )


def insert_analyzed(conn: Any, analyzed: AnalyzedArticle, now: str) -> str:
    """Insert one analysed article; return ``"new"``, ``"unchanged"`` or ``"version"``.

    Must run inside a transaction (or savepoint) owned by the caller, so that a
    failure part-way leaves nothing behind.
    """
    art = analyzed.article
    digest = art.content_hash
    if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
        return "unchanged"
    previous = _previous_version(conn, art)
    lineage = previous["lineage_id"] if previous is not None else None
    version = previous["version"] + 1 if previous is not None else 1
    public_id = _public_id(conn, art, lineage)
    rowid = dialect_of(conn).insert_id(
        conn,
        "INSERT INTO articles (article_id, lineage_id, story_id, url, title, outlet, byline, "
        "pub_date, pub_date_source, language, source, source_format, content_hash, version, "
        "previous_id, is_latest, republished_from, text, ingested_at, extra) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
        (
            public_id,
            lineage,
            art.story_id,
            art.url,
            art.title,
            art.outlet,
            art.byline,
            iso_date(art.pub_date),
            art.pub_date_source,
            art.language,
            art.source,
            art.source_format,
            digest,
            version,
            previous["id"] if previous is not None else None,
            art.republished_from,
            art.text,
            now,
            json.dumps(art.extra, ensure_ascii=False, sort_keys=True, default=_json_default),
        ),
    )
    if previous is None:
        conn.execute("UPDATE articles SET lineage_id = id WHERE id = ?", (rowid,))
    else:
        conn.execute("UPDATE articles SET is_latest = 0 WHERE id = ?", (previous["id"],))

    stored: set[int] = set()
    for sent in analyzed.sentences:
        _insert_sentence(conn, rowid, sent)
        stored.add(sent.sequence)
    for n, ev in enumerate(analyzed.events, start=1):
        # An event's evidence is a sentence of the article even when the caller
        # did not list the sentences; store it so the event can point at it.
        if ev.sentence.sequence not in stored:
            _insert_sentence(conn, rowid, ev.sentence)
            stored.add(ev.sentence.sequence)
        _insert_event(conn, rowid, public_id, version, n, ev)
    for n, q in enumerate(analyzed.quotes, start=1):
        _insert_quote(conn, rowid, public_id, version, n, q)
    original = link_syndicated(conn, rowid, art, analyzed.signature)
    assign_event_groups(conn, rowid, original)
    return "new" if previous is None else "version"
