"""The JSON API under ``/api/``: the CLI's reads, paged, plus aggregates and ingest.

Lists answer ``{"items": [...], "next_cursor": str | null, "next": url | null}``
(or a CSV / JSON-lines download with ``format=``); every error answers
``{"error": {"status", "title", "detail"}}``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from communique.store import Store
from communique.store import aggregate as agg
from communique.web.export import export_response
from communique.web.ingest import MAX_DOCUMENTS, ingest_documents, pipeline_for
from communique.web.params import ArticleQuery, EventQuery, PageQuery, QuoteQuery, store_of

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(store_of)]
ErrorDoc = {"description": "the error shape: {\"error\": {\"status\", \"title\", \"detail\"}}"}
ERRORS: dict[int | str, dict[str, Any]] = {400: ErrorDoc, 401: ErrorDoc, 404: ErrorDoc}


def _listing(request: Request, kind: str, page: agg.Page, paging: PageQuery) -> Response:
    if paging.format != "json":
        return export_response(request, kind, page.rows, paging.format, page.next_cursor)
    nxt = (str(request.url.include_query_params(cursor=page.next_cursor))
           if page.next_cursor else None)
    return JSONResponse({"items": page.rows, "next_cursor": page.next_cursor, "next": nxt})


def _paged(read: Any, store: Store, filters: dict[str, Any],
           paging: PageQuery) -> agg.Page:
    return read(store.conn, filters, limit=paging.limit, cursor=paging.cursor,
                desc=paging.order == "desc")


@router.get("/events", responses=ERRORS, summary="Events, filtered and paged")
def list_events(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()],
                paging: Annotated[PageQuery, Depends()]) -> Response:
    """PLOVER event objects with their article's id, outlet, url, title and date."""
    page = _paged(agg.page_events, store, q.filters(), paging)
    return _listing(request, "events", page, paging)


@router.get("/events/{event_id}", responses=ERRORS, summary="One event")
def get_event(store: StoreDep,
              event_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    event = agg.event_by_id(store.conn, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event


@router.get("/quotes", responses=ERRORS, summary="Quotations, filtered and paged")
def list_quotes(request: Request, store: StoreDep, q: Annotated[QuoteQuery, Depends()],
                paging: Annotated[PageQuery, Depends()]) -> Response:
    page = _paged(agg.page_quotes, store, q.filters(), paging)
    return _listing(request, "quotes", page, paging)


@router.get("/articles", responses=ERRORS, summary="Articles (latest versions), paged")
def list_articles(request: Request, store: StoreDep, q: Annotated[ArticleQuery, Depends()],
                  paging: Annotated[PageQuery, Depends()]) -> Response:
    page = _paged(agg.page_articles, store, q.filters(), paging)
    return _listing(request, "articles", page, paging)


@router.get("/articles/{article_id}", responses=ERRORS,
            summary="One article with its text, events and quotes")
def get_article(store: StoreDep,
                article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    found = store.articles(article=article_id, limit=1)
    if not found:
        raise HTTPException(404, f"no article {article_id!r}")
    article = found[0]
    article["events"] = store.events(article=str(article["rowid"]), limit=None)
    article["quotes"] = store.quotes(article=str(article["rowid"]), limit=None)
    return article


def _rows(request: Request, kind: str, rows: list[dict[str, Any]], fmt: str) -> Response:
    if fmt != "json":
        return export_response(request, kind, rows, fmt)
    return JSONResponse({"items": rows})


Format = Annotated[Literal["json", "csv", "jsonl"], Query()]
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.get("/actors", responses=ERRORS, summary="Actors with event counts")
def list_actors(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()],
                limit: Limit = 50, format: Format = "json") -> Response:
    """Actors of the matching events by code, sector and identifier, most active first."""
    rows = request.app.state.cache.get(store, agg.actor_counts, q.filters(), limit=limit)
    return _rows(request, "rows", rows, format)


@router.get("/dyads", responses=ERRORS, summary="Actor → recipient pairs with counts")
def list_dyads(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()],
               limit: Limit = 50, format: Format = "json") -> Response:
    """Pairs of actor and recipient codes with event counts, Goldstein sums and how many
    events were cooperation (quad 1-2) or conflict (quad 3-4)."""
    rows = request.app.state.cache.get(store, agg.dyad_counts, q.filters(), limit=limit)
    return _rows(request, "rows", rows, format)


@router.get("/timeseries", responses=ERRORS, summary="Event counts per period")
def time_series(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()],
                interval: Literal["day", "week", "month", "year"] = "month",
                by: Literal["quad", "type", "none"] = "quad",
                format: Format = "json") -> Response:
    """Counts and Goldstein sums per day, week (starting Monday), month or year, split by
    quad class or PLOVER event type. Undated events are left out."""
    rows = request.app.state.cache.get(store, agg.event_time_series, q.filters(),
                                       interval=interval, by=by)
    return _rows(request, "rows", rows, format)


@router.get("/summary", responses=ERRORS, summary="What the database holds")
def summary(store: StoreDep) -> dict[str, Any]:
    """Counts by type, quad class and outlet, and the date range (latest versions)."""
    found = store.summary()
    found.pop("path", None)  # the server's file layout is not the reader's business
    return found


@router.post("/ingest", responses={**ERRORS, 403: ErrorDoc, 413: ErrorDoc},
             summary="Analyse and store documents (needs the token)")
async def ingest(request: Request, documents: Annotated[
    list[dict[str, Any]] | dict[str, Any],
    Body(description="a list of documents, or {\"documents\": [...]}; each like a line of "
                     "the JSON-lines input: id, text, title, url, pub_date, outlet")]) -> Any:
    """Documents are analysed with the server's pipeline and stored; bad ones are listed
    by position in ``failures`` and the rest are kept."""
    records = documents.get("documents") if isinstance(documents, dict) else documents
    if not isinstance(records, list):
        raise HTTPException(400, 'send a JSON list of documents or {"documents": [...]}')
    if len(records) > MAX_DOCUMENTS:
        raise HTTPException(400, f"at most {MAX_DOCUMENTS} documents per request")
    settings = request.app.state.settings

    def work() -> dict[str, Any]:
        with settings.write_lock:
            return ingest_documents(records, request.app.state.stores.get(),
                                    pipeline_for(settings))

    report = await run_in_threadpool(work)
    return JSONResponse(json.loads(json.dumps(report, default=str)))
