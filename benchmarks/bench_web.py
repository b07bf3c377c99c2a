"""Median latency of every page and API call on a generated 10,000-article database.

The database is synthetic (analysed articles written straight through the
store, no NLP), so it builds in seconds; the target is a median under 300 ms
per call. The baseline row is a request for a static file, timed alongside, so
the ratio column reads independently of the machine's speed.

    python benchmarks/bench_web.py [--articles 10000] [--repeat 7] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from communique.model import Actor, AnalyzedArticle, Article, Event, Quote, Sentence
from communique.store import open_store

CODES = ["USA", "CHN", "RUS", "UKR", "IND", "PAK", "IRN", "ISR", "TUR", "SYR", "JPN", "KOR",
         "PRK", "DEU", "FRA", "GBR", "EUR", "UNO", "KEN", "SOM", "ETH", "EGY", "BRA", "VEN"]
TYPES = [("CONSULT", "040", 1.0, 1), ("AGREE", "057", 6.0, 2), ("AID", "070", 7.0, 2),
         ("ACCUSE", "112", -2.0, 3), ("THREATEN", "130", -4.4, 3), ("SANCTION", "163", -8.0, 4),
         ("ASSAULT", "190", -10.0, 4), ("REQUEST", "020", 3.0, 1)]
TARGET_MS = 300.0


def synthetic(n: int, rng: random.Random) -> AnalyzedArticle:
    """One article of three sentences, three events and one quote between random countries."""
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(5 * 365))
    sentences, events, parts, pos = [], [], [], 0
    for k in range(3):
        a, r = rng.sample(CODES, 2)
        etype, cameo, goldstein, quad = rng.choice(TYPES)
        text = f"Officials of {a} said {etype.lower()} moves against {r} would follow (item {n})."
        sent = Sentence(sequence=k + 1, start=pos, end=pos + len(text), text=text)
        trig = pos + text.index(etype.lower())
        events.append(Event(
            event_type=etype, actor=[Actor(f"Officials of {a}", a, "GOV")],
            recipient=[Actor(r, r)], cameo=cameo, goldstein=goldstein, quad_code=quad,
            event_text=etype.lower(), sentence=sent, trigger_start=trig,
            trigger_end=trig + len(etype), context=[rng.choice(["military", "economic"])],
            date=day))
        sentences.append(sent)
        parts.append(text)
        pos += len(text) + 1
    said = f"We will answer {rng.choice(CODES)} in kind number {n}"
    body = " ".join(parts) + f' "{said}," the minister said.'
    start = body.index(said)
    quote = Quote(quote_text=said, type="direct", start=start, end=start + len(said),
                  speaker=Actor("the minister", rng.choice(CODES), "GOV"), cue="said", date=day)
    article = Article(text=body, title=f"Story {n}", source=f"gen/{n}.txt", source_format="txt",
                      story_id=f"gen-{n}", url=f"https://example.org/{n}",
                      outlet=rng.choice(["Wire A", "Wire B", "Daily C"]), pub_date=day)
    return AnalyzedArticle(article=article, sentences=sentences, events=events, quotes=[quote])


def build(path: Path, articles: int) -> None:
    rng = random.Random(7)
    with open_store(path) as store, store.batch():
        for n in range(articles):
            store.add(synthetic(n, rng))


def urls(client) -> list[str]:
    first = client.get("/api/events?limit=1").json()["items"][0]
    cursor = client.get("/api/events?limit=50").json()["next_cursor"]
    return [
        "/static/style.css",  # baseline
        "/", "/events", "/events?actor=CHN&type=ASSAULT", f"/events?cursor={cursor}",
        f"/events/{first['id']}", "/articles", f"/articles/{first['article_id']}",
        "/actors/CHN", "/dyads/USA/CHN", "/map", "/quotes", "/quotes?search=answer&speaker=RUS",
        "/api/events", "/api/events?dyad=USA-CHN&quad=4&since=2021&until=2022",
        "/api/events?search=item%2042&format=csv", f"/api/events?cursor={cursor}",
        f"/api/events/{first['id']}", "/api/quotes?search=answer", "/api/articles",
        "/api/articles?search=Story", f"/api/articles/{first['article_id']}", "/api/actors",
        "/api/dyads", "/api/timeseries?interval=week&by=type", "/api/timeseries", "/api/summary",
        "/api/openapi.json",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this database")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from communique.web import create_app

    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.articles)
        print(f"built {args.articles} articles in {time.perf_counter() - started:.1f} s: {path}")
    client = TestClient(create_app(path))
    rows = []
    for url in urls(client):
        times = []
        for _ in range(args.repeat + 1):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.text[:200])
        # The first request is reported apart: it fills the aggregate cache.
        rows.append((url, times[0], statistics.median(times[1:])))
    baseline = rows[0][2]
    print(f"{'first ms':>9} {'median ms':>9} {'x static':>8}  request")
    slow = 0
    for url, first, ms in rows:
        flag = "" if ms < TARGET_MS else "  SLOW"
        slow += bool(flag)
        print(f"{first:9.1f} {ms:9.1f} {ms / baseline:8.1f}  {url}{flag}")
    print(f"{len(rows)} requests, {slow} over {TARGET_MS:.0f} ms at the median")
    tmp.cleanup()
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
