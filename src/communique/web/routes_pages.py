"""The pages: overview, events, one event, articles, reader, actor, dyad, map, quotes.

Handlers gather rows from the store's browse reads and hand them to templates;
charts arrive as geometry from :mod:`communique.web.charts`. Links between
pages are built here (``link``) so every value in a URL is encoded.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from communique import text
from communique.store import Store
from communique.store import aggregate as agg
from communique.web.charts import line_chart, month_range, world_map
from communique.web.highlight import runs, spans_for
from communique.web.params import ArticleQuery, EventQuery, PageQuery, QuoteQuery, store_of

__all__ = ["configure", "router"]

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_of)]
Ident = Annotated[str, Path(max_length=300)]
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}
_TEMPLATES: Jinja2Templates | None = None


def link(path: str, **params: Any) -> str:
    """``path`` with its query string; empty values are left out."""
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(clean) if clean else "")


def segment(value: Any) -> str:
    """A value made safe as one URL path segment."""
    return quote(str(value), safe="")


def safe_url(value: str | None) -> str | None:
    """Only web links become links: a ``javascript:`` or ``data:`` URL is shown as text."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def actors_text(actors: list[dict[str, Any]] | None) -> str:
    """Codes only, for table cells and chart labels."""
    return text.actors_text(actors, names=False, sep=", ")


def configure(templates: Jinja2Templates) -> None:
    global _TEMPLATES
    _TEMPLATES = templates
    templates.env.globals.update(link=link, QUADS=QUADS)
    templates.env.filters.update(segment=segment, safe_url=safe_url, actors=actors_text)


def cached(request: Request, store: Store) -> Any:
    """A reader of corpus-wide aggregates that remembers them until the data changes."""
    cache = request.app.state.cache
    return lambda fn, *args, **kwargs: cache.get(store, fn, *args, **kwargs)


def render(request: Request, name: str, **context: Any) -> Response:
    assert _TEMPLATES is not None
    return _TEMPLATES.TemplateResponse(request, name, context)


def quad_chart(remember: Any, filters: dict[str, Any], title: str, **extra: Any) -> Any:
    """Monthly events by quad class, each point linking to the events it counts."""
    rows = remember(agg.event_time_series, filters, interval="month", by="quad")
    if not rows:
        return None
    periods = month_range(rows[0]["period"], rows[-1]["period"])
    lines = []
    for quad, name in QUADS.items():
        lines.append((name, f"quad{quad}",
                      {r["period"]: r["events"] for r in rows if r["key"] == quad}))
    by_name = {name: quad for quad, name in QUADS.items()}
    return line_chart(title, periods, lines, lambda name, period: link(
        "/events", quad=by_name[name], since=period, until=period, **extra))


@router.get("/")
def overview(request: Request, store: StoreDep) -> Response:
    conn = store.conn
    remember = cached(request, store)
    return render(
        request, "overview.html",
        summary=remember(agg.corpus_counts),
        chart=quad_chart(remember, {}, "Events per month by quad class"),
        dyads=remember(agg.dyad_counts, {}, limit=12),
        actors=remember(agg.actor_counts, {}, limit=12),
        quotes=agg.page_quotes(conn, {}, limit=8, desc=True).rows,
    )


@router.get("/events")
def events_page(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()],
                paging: Annotated[PageQuery, Depends()]) -> Response:
    page = agg.page_events(store.conn, q.filters(), limit=paging.limit, cursor=paging.cursor,
                           desc=paging.order == "desc")
    nxt = link("/events", **q.query(), order=paging.order, cursor=page.next_cursor) \
        if page.next_cursor else None
    return render(request, "events.html", events=page.rows, q=q, next=nxt,
                  export=link("/api/events", **q.query(), format="csv", limit=1000))


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: Ident) -> Response:
    event = agg.event_by_id(store.conn, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return render(request, "event.html", e=event)


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, q: Annotated[ArticleQuery, Depends()],
                  paging: Annotated[PageQuery, Depends()]) -> Response:
    page = agg.page_articles(store.conn, q.filters(), limit=paging.limit, cursor=paging.cursor,
                             desc=paging.order == "desc")
    nxt = link("/articles", **q.query(), order=paging.order, cursor=page.next_cursor) \
        if page.next_cursor else None
    return render(request, "articles.html", articles=page.rows, q=q, next=nxt)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: Ident) -> Response:
    found = store.articles(article=article_id, limit=1)
    if not found:
        raise HTTPException(404, f"no article {article_id!r}")
    article = found[0]
    rowid = str(article["rowid"])
    events = store.events(article=rowid, limit=None)
    quotes = store.quotes(article=rowid, limit=None)
    return render(
        request, "article.html", a=article, events=events, quotes=quotes,
        title_runs=runs(article["title"] or "", spans_for(events, quotes, "title")),
        text_runs=runs(article["text"], spans_for(events, quotes, "text")),
    )


def offices_held(name: str) -> list[dict[str, str]]:
    """The offices a person held, from the knowledge base, when ``name`` names one person
    (by Wikidata id, or by a full name the knowledge base knows)."""
    from ..actors.kb import default_kb

    kb = default_kb()
    people = {p.key: p for p in kb.people.values()
              if p.wikidata == name or name.casefold() in (p.name.casefold(),
                                                            *(a.casefold() for a in p.aliases))}
    if len(people) != 1:
        return []
    (person,) = people.values()
    return [{"person": person.name, "office": t.office, "body": t.body,
             "start": t.start.isoformat(), "end": t.end.isoformat() if t.end else "present"}
            for t in kb.terms_of(person.key)]


@router.get("/actors/{code}")
def actor_page(request: Request, store: StoreDep, code: Annotated[str, Path(max_length=60)]
               ) -> Response:
    conn = store.conn
    remember = cached(request, store)
    as_actor = remember(agg.event_time_series, {"actor": code}, interval="month", by="none")
    as_recipient = remember(agg.event_time_series, {"recipient": code}, interval="month", by="none")
    rows = as_actor + as_recipient
    chart = None
    if rows:
        periods = month_range(min(r["period"] for r in rows), max(r["period"] for r in rows))
        chart = line_chart(
            f"Events per month with {code}", periods,
            [("as actor", "actor", {r["period"]: r["events"] for r in as_actor}),
             ("as recipient", "recipient", {r["period"]: r["events"] for r in as_recipient})],
            lambda name, period: link("/events", since=period, until=period,
                                      **{"actor" if name == "as actor" else "recipient": code}))
    names = [a for a in remember(agg.actor_counts, {"party": code}, limit=50)
             if (a["code"] or "").upper() == code.upper()]
    return render(
        request, "actor.html", code=code, names=names, chart=chart, offices=offices_held(code),
        partners_out=remember(agg.dyad_counts, {"actor": code}, limit=15),
        partners_in=remember(agg.dyad_counts, {"recipient": code}, limit=15),
        quotes=agg.page_quotes(conn, {"speaker": code}, limit=20, desc=True).rows,
        events=agg.page_events(conn, {"party": code}, limit=20, desc=True).rows,
    )


@router.get("/dyads/{actor}/{recipient}")
def dyad_page(request: Request, store: StoreDep, actor: Annotated[str, Path(max_length=60)],
              recipient: Annotated[str, Path(max_length=60)]) -> Response:
    conn = store.conn
    remember = cached(request, store)
    ways = [(actor, recipient), (recipient, actor)]
    series = {}
    for a, r in ways:
        series[(a, r)] = remember(agg.event_time_series, {"actor": a, "recipient": r},
                                               interval="month", by="quad")
    rows = [row for rs in series.values() for row in rs]
    chart = None
    if rows:
        periods = month_range(min(r["period"] for r in rows), max(r["period"] for r in rows))
        lines = []
        for (a, r), rs in series.items():
            for label, quads, css in (("cooperation", (1, 2), "coop"),
                                      ("conflict", (3, 4), "conflict")):
                values: dict[str, float] = {}
                for row in rs:
                    if row["key"] in quads:
                        values[row["period"]] = values.get(row["period"], 0) + row["events"]
                way = "out" if (a, r) == ways[0] else "back"
                lines.append((f"{a} → {r} {label}", f"{css} {way}", values))
        chart = line_chart(f"{actor} and {recipient}: events per month", periods, lines,
                           lambda name, period: f"#p-{period}")
    events = []
    for a, r in ways:
        events += agg.page_events(conn, {"actor": a, "recipient": r}, limit=500).rows
    events.sort(key=lambda e: (e.get("date") or e.get("pub_date") or "", e["id"]))
    by_period: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        by_period.setdefault((e.get("date") or e.get("pub_date") or "undated")[:7], []).append(e)
    return render(request, "dyad.html", actor=actor, recipient=recipient, chart=chart,
                  by_period=by_period, count=len(events))


@router.get("/map")
def map_page(request: Request, store: StoreDep, q: Annotated[EventQuery, Depends()]) -> Response:
    points: list[tuple[float, float, str, str, str]] = []
    placed = agg.has_places(store.conn)
    if placed:
        for e in agg.page_events(store.conn, q.filters(), limit=1000, desc=True).rows:
            place = e.get("event_loc") or {}
            lat, lon = place.get("lat"), place.get("lon")
            if isinstance(lat, int | float) and isinstance(lon, int | float):
                label = f"{place.get('resolved_place') or ''}: {','.join(e['event'])} " \
                        f"{actors_text(e['actor'])} → {actors_text(e['recipient'])}"
                points.append((lat, lon, label, f"/events/{segment(e['id'])}",
                               f"quad{e['quad_code']}"))
    dots, grid = world_map(points)
    return render(request, "map.html", dots=dots, grid=grid, placed=placed, q=q)


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep, q: Annotated[QuoteQuery, Depends()],
                paging: Annotated[PageQuery, Depends()]) -> Response:
    page = agg.page_quotes(store.conn, q.filters(), limit=paging.limit, cursor=paging.cursor,
                           desc=paging.order == "desc")
    nxt = link("/quotes", **q.query(), order=paging.order, cursor=page.next_cursor) \
        if page.next_cursor else None
    return render(request, "quotes.html", quotes=page.rows, q=q, next=nxt)
