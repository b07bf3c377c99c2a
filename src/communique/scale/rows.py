"""Analysed articles as flat table rows and back, for the Spark job and ``communique load``.

Rows are plain dicts whose field names are the dataclass field names of
:mod:`communique.model`, so a row written to Parquet and read back rebuilds the
very objects the pipeline produced, and the store's one write path
(``store.add``) stores them exactly as a single-machine ingest would. Nothing
here imports Spark: the conversion can be tested and reused without a JVM.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from communique.model import Actor, AnalyzedArticle, Article, Event, Place, Quote, Sentence

__all__ = ["analyzed_rows", "article_key", "rebuild_analyzed"]

#: Article fields kept as they are; ``extra`` becomes a JSON string, ``sentences`` a list.
_ARTICLE_FIELDS = (
    "story_id", "source", "source_format", "title", "url", "outlet", "byline", "pub_date",
    "pub_date_source", "language", "republished_from", "text",
)


def article_key(file_index: int, record: int) -> str:
    """A key that sorts in reading order: the file's place in the input, then the record's."""
    return f"{file_index:07d}-{record:09d}"


def _json_default(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    return asdict(actor) if actor is not None else None


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    row = asdict(place)
    # Parquet columns have one type: coordinates are doubles even when a gazetteer gives ints
    for name in ("lat", "lon"):
        row[name] = float(row[name]) if row[name] is not None else None
    return row


def _event_row(key: str, position: int, ev: Event) -> dict[str, Any]:
    return {
        "article_key": key, "position": position, "id": ev.id, "story_id": ev.story_id,
        "event_type": ev.event_type, "mode": ev.mode, "context": list(ev.context),
        "cameo": ev.cameo, "goldstein": float(ev.goldstein), "quad_code": int(ev.quad_code),
        "event_text": ev.event_text, "sentence": asdict(ev.sentence),
        "trigger_start": ev.trigger_start, "trigger_end": ev.trigger_end,
        "date": ev.date, "date_text": ev.date_text, "date_precision": ev.date_precision,
        "actor": [asdict(a) for a in ev.actor], "recipient": [asdict(a) for a in ev.recipient],
        "place": _place(ev.place),
    }


def _quote_row(key: str, position: int, q: Quote) -> dict[str, Any]:
    return {
        "article_key": key, "position": position, "id": q.id, "story_id": q.story_id,
        "quote_text": q.quote_text, "type": q.type, "start": q.start, "end": q.end,
        "speaker": _actor(q.speaker), "cue": q.cue, "addressee": _actor(q.addressee),
        "section": q.section, "sequence": q.sequence, "date": q.date,
    }


def analyzed_rows(key: str, source_file: str, analyzed: AnalyzedArticle
                  ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The article row, its event rows and its quote rows, all carrying ``key``."""
    art = analyzed.article
    row: dict[str, Any] = {"article_key": key, "source_file": source_file}
    row.update({name: getattr(art, name) for name in _ARTICLE_FIELDS})
    row["content_hash"] = art.content_hash
    row["extra"] = json.dumps(art.extra, ensure_ascii=False, sort_keys=True,
                              default=_json_default)
    row["sentences"] = [asdict(s) for s in analyzed.sentences]
    events = [_event_row(key, n, ev) for n, ev in enumerate(analyzed.events, start=1)]
    quotes = [_quote_row(key, n, q) for n, q in enumerate(analyzed.quotes, start=1)]
    return row, events, quotes


def _to_actor(row: dict[str, Any] | None) -> Actor | None:
    return Actor(**row) if row is not None else None


def rebuild_analyzed(article: dict[str, Any], events: list[dict[str, Any]],
                     quotes: list[dict[str, Any]]) -> AnalyzedArticle:
    """The :class:`AnalyzedArticle` that :func:`analyzed_rows` turned into these rows.

    ``events`` and ``quotes`` may come in any order; their ``position`` restores
    the pipeline's.
    """
    art = Article(**{name: article.get(name) for name in _ARTICLE_FIELDS},
                  extra=json.loads(article.get("extra") or "{}"))
    rebuilt = AnalyzedArticle(article=art,
                              sentences=[Sentence(**s) for s in article.get("sentences") or []])
    for row in sorted(events, key=lambda r: r["position"]):
        rebuilt.events.append(Event(
            event_type=row["event_type"], mode=row["mode"], context=list(row["context"] or []),
            cameo=row["cameo"], goldstein=row["goldstein"], quad_code=row["quad_code"],
            event_text=row["event_text"], sentence=Sentence(**row["sentence"]),
            trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
            date=row["date"], date_text=row["date_text"], date_precision=row["date_precision"],
            story_id=row["story_id"], id=row["id"],
            actor=[Actor(**a) for a in row["actor"] or []],
            recipient=[Actor(**a) for a in row["recipient"] or []],
            place=Place(**row["place"]) if row["place"] is not None else None,
        ))
    for row in sorted(quotes, key=lambda r: r["position"]):
        rebuilt.quotes.append(Quote(
            quote_text=row["quote_text"], type=row["type"], start=row["start"], end=row["end"],
            speaker=_to_actor(row["speaker"]), cue=row["cue"],
            addressee=_to_actor(row["addressee"]), section=row["section"],
            sequence=row["sequence"], date=row["date"], story_id=row["story_id"], id=row["id"],
        ))
    return rebuilt
