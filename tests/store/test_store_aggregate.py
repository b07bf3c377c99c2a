"""The web UI's reads (pages, counts, time series) give the same answers on every backend."""

from __future__ import annotations

from communique.store import aggregate as agg


def _all_pages(conn, desc: bool) -> list[str]:
    ids, cursor = [], None
    while True:
        page = agg.page_events(conn, {}, limit=2, cursor=cursor, desc=desc)
        ids += [e["id"] for e in page.rows]
        if page.next_cursor is None:
            return ids
        cursor = page.next_cursor


def test_store_aggregate_event_pages_cover_every_event_once_in_date_order(filled):
    forward = _all_pages(filled.conn, desc=False)
    assert len(forward) == len(set(forward)) == 5
    assert forward == [e["id"] for e in filled.events(limit=None)]
    assert _all_pages(filled.conn, desc=True) == forward[::-1]


def test_store_aggregate_event_filters(filled):
    def count(**filters) -> int:
        return len(agg.page_events(filled.conn, filters, limit=50).rows)

    assert count(party="jpn") == 4
    assert count(context="TERRITORY") == 3
    assert count(event_type="threaten") == 2
    assert count(dyad="USA-RUS") == 1
    assert count(quad=3, search="moscow") == 1
    assert count(place="Tokyo") == 0  # the hand-built events carry no places


def test_store_aggregate_actor_counts_order_ties_by_code_then_missing_sector_first(filled):
    rows = agg.actor_counts(filled.conn, {})
    assert [(r["code"], r["sector"], r["identifier_id"], r["as_actor"], r["as_recipient"])
            for r in rows] == [
        ("JPN", None, None, 2, 0), ("JPN", None, "Q17", 0, 2), ("CHN", None, "Q148", 1, 0),
        ("CHN", "GOV", None, 1, 0), ("RUS", "GOV", None, 0, 1), ("USA", "GOV", None, 1, 0),
    ]


def test_store_aggregate_dyads_sum_goldstein_and_split_conflict(filled):
    rows = agg.dyad_counts(filled.conn, {})
    assert [(r["actor"], r["recipient"], r["events"], r["goldstein"], r["conflict"])
            for r in rows] == [("CHN", "JPN", 2, -8.8, 2), ("USA", "RUS", 1, -4.4, 1)]


def test_store_aggregate_time_series_by_month_and_week(filled):
    months = agg.event_time_series(filled.conn, {}, interval="month", by="none")
    assert [(r["period"], r["events"], r["goldstein"]) for r in months] == [
        ("2024-03", 3, -12.8), ("2024-04", 1, -4.4)]
    weeks = agg.event_time_series(filled.conn, {}, interval="week", by="type")
    assert [(r["period"], r["key"], r["events"]) for r in weeks] == [
        ("2024-03-04", "REJECT", 1), ("2024-03-04", "THREATEN", 1),
        ("2024-03-25", "THREATEN", 1), ("2024-04-08", "CONSULT", 1)]


def test_store_aggregate_quote_and_article_pages_search_full_text(filled):
    quotes = agg.page_quotes(filled.conn, {"search": "useful OR sovereignty"}, limit=10)
    assert len(quotes.rows) == 2
    articles = agg.page_articles(filled.conn, {"search": "title:undated"}, limit=10)
    assert [a["title"] for a in articles.rows] == ["Undated"]
    assert "text" not in articles.rows[0]


def test_store_aggregate_corpus_counts_and_data_version(filled, make):
    counts = agg.corpus_counts(filled.conn)
    assert counts == {"articles": 3, "events": 5, "quotes": 2, "outlets": 2,
                      "date_from": "2024-03-04", "date_to": "2024-04-10"}
    before = agg.data_version(filled.conn)
    filled.add(make(url="https://c.example/new", title="New"))
    assert agg.data_version(filled.conn) != before
    assert agg.has_places(filled.conn) is True  # migration 0002 records event places


def test_store_aggregate_event_by_id(filled):
    first = filled.events(limit=1)[0]
    assert agg.event_by_id(filled.conn, first["id"])["text"] == first["text"]
    assert agg.event_by_id(filled.conn, "no-such-event") is None
