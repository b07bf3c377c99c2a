"""CSV and JSON-lines downloads of a page of rows.

JSON lines carry every field, as the CLI's ``--format jsonl`` does; CSV flattens
actors to ``CODE SECTOR (name)`` so a spreadsheet shows one event per row. The
cursor for the next page travels in the ``Link`` and ``X-Next-Cursor`` headers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ..text import actors_text

__all__ = ["FLATTEN", "export_response"]


def _event(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"], "date": e.get("date") or "", "actor": actors_text(e.get("actor")),
        "event": ",".join(e.get("event") or []), "mode": e.get("mode") or "",
        "recipient": actors_text(e.get("recipient")), "context": ",".join(e.get("context") or []),
        "cameo": e.get("cameo"), "goldstein": e.get("event_scale"),
        "quad_code": e.get("quad_code"), "event_text": e.get("event_text"),
        "text": e.get("text"), "article_id": e.get("article_id"), "outlet": e.get("outlet") or "",
        "url": e.get("url") or "",
    }


def _quote(q: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": q["id"], "date": q.get("date") or q.get("pub_date") or "",
        "speaker": actors_text([q["speaker"]]) if q.get("speaker") else "",
        "type": q.get("type"), "cue": q.get("cue") or "", "quote": q.get("quote_text"),
        "article_id": q.get("article_id"), "outlet": q.get("outlet") or "",
    }


def _article(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": a["id"], "pub_date": a.get("pub_date") or "", "outlet": a.get("outlet") or "",
        "title": a.get("title") or "", "url": a.get("url") or "",
        "events": a.get("events", 0), "quotes": a.get("quotes", 0),
    }


FLATTEN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "events": _event, "quotes": _quote, "articles": _article, "rows": lambda r: r,
}


def _csv_cell(value: Any) -> Any:
    """Defuse spreadsheet formulas: a cell starting with = + - @ is shown as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_response(request: Request, kind: str, rows: list[dict[str, Any]], fmt: str,
                    next_cursor: str | None = None) -> Response:
    """``rows`` as a CSV or JSON-lines download."""
    headers = {"content-disposition": f'attachment; filename="{kind}.{fmt}"'}
    if next_cursor:
        headers["x-next-cursor"] = next_cursor
        headers["link"] = f'<{request.url.include_query_params(cursor=next_cursor)}>; rel="next"'
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson", headers=headers)
    flat = [FLATTEN[kind](r) for r in rows]
    buf = io.StringIO()
    if flat:
        writer = csv.DictWriter(buf, fieldnames=list(flat[0]))
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in flat)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
