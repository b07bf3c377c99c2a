"""The JSON API: every endpoint, its filters, paging, downloads and the one error shape."""

from __future__ import annotations

import csv
import io
import json

import pytest

from communique.store import open_store


def items(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_web_api_events_match_the_cli_reads(client, examples_db):
    with open_store(examples_db) as store:
        expected = [e["id"] for e in store.events(actor="IND", recipient="PAK", limit=None)]
    got = [e["id"] for e in items(client, "/api/events?actor=IND&recipient=PAK&limit=1000")]
    assert got == expected and got


def test_web_api_country_and_place_mean_where_as_in_the_cli(client, examples_db):
    for query in ({"country": "UKR"}, {"country": "ukraine"}, {"place": "Kharkiv"}):
        with open_store(examples_db) as store:
            expected = [e["id"] for e in store.events(**query, limit=None)]
        key, value = next(iter(query.items()))
        got = [e["id"] for e in items(client, f"/api/events?{key}={value}&limit=1000")]
        assert got == expected and got, query


@pytest.mark.parametrize("query, check", [
    ("type=ACCUSE", lambda e: e["event"] == ["ACCUSE"]),
    ("quad=4", lambda e: e["quad_code"] == 4),
    ("context=military", lambda e: "military" in e["context"]),
    ("dyad=EUR-IRN", lambda e: e["actor"][0]["code"] == "EUR"
     and e["recipient"][0]["code"] == "IRN"),
    ("party=PAK", lambda e: "PAK" in {a["code"] for a in e["actor"] + e["recipient"]}),
    ("outlet=northstar", lambda e: "Northstar" in e["outlet"]),
    ("since=2024-01&until=2024-06", lambda e: "2024-01-01" <= e["date"] <= "2024-06-30"),
    ("search=sanctions", lambda e: "sanctions" in e["text"].lower()),
])
def test_web_api_events_filters_keep_only_matching_rows(client, query, check):
    rows = items(client, f"/api/events?limit=1000&{query}")
    assert rows, query
    assert all(check(e) for e in rows), query


def test_web_api_events_article_filter(client):
    first = items(client, "/api/events?limit=1")[0]
    rows = items(client, f"/api/events?article={first['article_id']}")
    assert {e["article_id"] for e in rows} == {first["article_id"]}


def test_web_api_events_cursor_walks_every_row_once(client):
    every = [e["id"] for e in items(client, "/api/events?limit=1000")]
    seen, url = [], "/api/events?limit=7"
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["items"]]
        url = body["next"]
    assert seen == every


def test_web_api_events_descending_order_is_the_reverse(client):
    asc = [e["id"] for e in items(client, "/api/events?limit=1000")]
    desc = [e["id"] for e in items(client, "/api/events?limit=1000&order=desc")]
    assert desc == list(reversed(asc))


def test_web_api_event_by_id_and_missing(client):
    first = items(client, "/api/events?limit=1")[0]
    assert client.get(f"/api/events/{first['id']}").json()["text"] == first["text"]
    missing = client.get("/api/events/nope-E1")
    assert missing.status_code == 404
    assert missing.json()["error"]["detail"] == "no event 'nope-E1'"


def test_web_api_events_csv_and_jsonl_downloads(client):
    csv_text = client.get("/api/events?type=SANCTION&format=csv").text
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert rows and all(r["event"] == "SANCTION" for r in rows)
    lines = client.get("/api/events?type=SANCTION&format=jsonl").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]


def test_web_api_download_carries_the_next_cursor(client):
    response = client.get("/api/events?format=jsonl&limit=5")
    assert len(response.text.splitlines()) == 5
    assert 'rel="next"' in response.headers["link"] and response.headers["x-next-cursor"]


def test_web_api_quotes_fts_and_speaker(client):
    rows = items(client, "/api/quotes?search=proposal")
    assert rows and all("proposal" in q["quote_text"].lower() for q in rows)
    by_speaker = items(client, "/api/quotes?speaker=Ahmed%20Fawzy")
    assert by_speaker and all("Fawzy" in q["speaker"]["entity_text"] for q in by_speaker)


def test_web_api_quotes_bad_fts_syntax_falls_back_to_substring(client):
    assert client.get('/api/quotes?search="unbalanced').status_code == 200


def test_web_api_articles_search_and_detail(client):
    rows = items(client, "/api/articles?search=Kharkiv")
    assert [a["title"] for a in rows] and all("Kharkiv" in a["title"] for a in rows)
    detail = client.get(f"/api/articles/{rows[0]['id']}").json()
    assert "Kharkiv" in detail["text"] and detail["events"]
    assert all(e["article_id"] == rows[0]["id"] for e in detail["events"])
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_web_api_actors_count_both_roles(client):
    rows = items(client, "/api/actors?limit=100")
    eur = [a for a in rows if a["code"] == "EUR"]
    assert eur and eur[0]["as_actor"] >= 1
    events = items(client, "/api/events?party=EUR&limit=1000")
    assert sum(a["events"] for a in eur) >= len(events) > 0


def test_web_api_dyads_count_events_and_goldstein(client):
    rows = items(client, "/api/dyads?limit=100")
    top = rows[0]
    events = items(client, f"/api/events?dyad={top['actor']}-{top['recipient']}&limit=1000")
    assert top["events"] == len(events)
    assert top["goldstein"] == pytest.approx(sum(e["event_scale"] for e in events))
    assert top["cooperation"] + top["conflict"] == top["events"]


@pytest.mark.parametrize("interval, width", [("day", 10), ("week", 10), ("month", 7),
                                             ("year", 4)])
def test_web_api_timeseries_periods(client, interval, width):
    rows = items(client, f"/api/timeseries?interval={interval}&by=type")
    assert rows and all(len(r["period"]) == width for r in rows)
    total = sum(r["events"] for r in rows)
    dated = [e for e in items(client, "/api/events?limit=1000") if e["date"] or e["pub_date"]]
    assert total == len(dated)


def test_web_api_timeseries_by_quad_filters(client):
    rows = items(client, "/api/timeseries?by=quad&quad=1")
    assert rows and {r["key"] for r in rows} == {1}


def test_web_api_summary_counts(client):
    body = client.get("/api/summary").json()
    assert body["articles"] == 26 and body["events"] > 50
    assert "path" not in body


@pytest.mark.parametrize("url, detail", [
    ("/api/events?quad=9", "quad"),
    ("/api/events?since=yesterday", "since"),
    ("/api/events?cursor=garbage", "cursor"),
    ("/api/events?dyad=CHN", "dyad"),
    ("/api/events?limit=0", "limit"),
    ("/api/events?format=xml", "format"),
    ("/api/timeseries?interval=hour", "interval"),
    ("/api/nothing-here", "Not Found"),
])
def test_web_api_errors_share_one_shape(client, url, detail):
    response = client.get(url)
    body = response.json()
    assert response.status_code in (400, 404)
    assert set(body) == {"error"} and set(body["error"]) == {"status", "title", "detail"}
    assert body["error"]["status"] == response.status_code
    assert detail in body["error"]["detail"]


def test_web_api_openapi_schema_validates(client):
    from openapi_spec_validator import validate

    schema = client.get("/api/openapi.json").json()
    validate(schema)
    for path in ("/api/events", "/api/quotes", "/api/articles", "/api/actors", "/api/dyads",
                 "/api/timeseries", "/api/ingest"):
        assert path in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "recipient", "dyad", "party", "type", "quad", "context", "country", "place",
            "outlet", "search", "since", "until", "cursor", "format"} <= params


def test_web_api_aggregates_follow_new_articles(hostile_db):
    from fastapi.testclient import TestClient
    from web_hostile import hostile_article

    from communique.web import create_app

    app = TestClient(create_app(hostile_db))
    assert app.get("/api/dyads").json()["items"][0]["events"] == 1
    more = hostile_article()
    more.article.story_id, more.article.url = "hostile-2", "https://example.org/2"
    more.article.text += " Again."
    with open_store(hostile_db) as store:
        store.add(more)
    assert app.get("/api/dyads").json()["items"][0]["events"] == 2
