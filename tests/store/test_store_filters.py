"""Reading with filters: events, quotes, articles; ordering, limits, hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from communique.errors import StoreError

HOSTILE = "'; DROP TABLE events; --"


def test_store_events_filter_by_actor_code_and_name(filled):
    by_code = filled.events(actor="CHN")
    assert {e["title"] for e in by_code} == {"China warns Japan over islands", "Undated"}
    assert all(e["actor"][0]["code"] == "CHN" for e in by_code)
    by_name = filled.events(actor="united states")
    assert [e["actor"][0]["entity_text"] for e in by_name] == ["Washington"]
    assert [e["event"] for e in filled.events(actor="beijing")] == [["THREATEN"]]
    assert filled.events(actor="Beij") == []  # whole words only


def test_store_events_filter_by_recipient_and_type(filled):
    assert [e["actor"][0]["code"] for e in filled.events(recipient="RUS")] == ["USA"]
    consult = filled.events(event_type="consult")
    assert [e["event"] for e in consult] == [["CONSULT"]]
    assert len(filled.events(event_type="REJECT")) == 2  # the US article has no REJECT


def test_store_events_filter_by_dates_inclusive_using_event_or_article_date(filled):
    march = filled.events(date_from="2024-03-04", date_to="2024-03-31")
    assert {e["title"] for e in march} == {"China warns Japan over islands", "Undated"}
    assert filled.events(date_from="2024-03-05", date_to="2024-03-30") == []
    assert {e["title"] for e in filled.events(date_from="2024-04")} == {"US meets Russia"}
    assert len(filled.events(date_to=date(2024, 3, 4))) == 2
    with pytest.raises(StoreError, match="date_from"):
        filled.events(date_from="last week")


def test_store_events_filter_by_outlet_search_and_article(filled, make):
    assert {e["outlet"] for e in filled.events(outlet="global")} == {"Global Wire"}
    found = filled.events(search="MOSCOW")
    assert [e["text"] for e in found] == ["Washington met Moscow at length."]
    art_id = make().article.id
    assert {e["article_id"] for e in filled.events(article=art_id)} == {art_id}
    assert len(filled.events(article=art_id[:10])) == 2


def test_store_events_order_is_date_then_article_then_offset_and_limit_applies(filled):
    events = filled.events(limit=None)
    keys = [(e["date"] or e["pub_date"], e["text_info"]["sequence"]) for e in events[:-1]]
    assert keys == sorted(keys)
    assert (events[-1]["date"], events[-1]["pub_date"]) == (None, None)  # undated last
    assert [e["title"] for e in events][:2] == ["China warns Japan over islands"] * 2
    assert len(filled.events(limit=3)) == 3
    assert filled.events(limit=0) == []


def test_store_quotes_full_text_search_and_fallback(filled):
    assert [q["quote_text"] for q in filled.quotes(search="sovereignty")] == [
        "We will defend our sovereignty,"
    ]
    assert len(filled.quotes(search="talks OR sovereignty")) == 2
    assert len(filled.quotes(search="defen*")) == 1
    # Not valid FTS5 syntax: treated as plain text instead of failing.
    assert len(filled.quotes(search='"useful,')) == 0
    assert len(filled.quotes(search="useful,")) == 1
    # The speaker's name is indexed but a plain search looks at the quote only.
    assert filled.quotes(search="Blinken") == []


def test_store_quotes_filter_by_speaker_date_outlet_article(filled, make):
    assert [q["speaker"]["entity_text"] for q in filled.quotes(speaker="blinken")] == [
        "Antony Blinken"
    ]
    assert len(filled.quotes(speaker="CHN")) == 1
    assert len(filled.quotes(speaker="Q15031")) == 1
    assert [q["pub_date"] for q in filled.quotes(date_from="2024-04-01")] == ["2024-04-10"]
    assert len(filled.quotes(outlet="example news")) == 1
    art_id = make().article.id
    assert [q["article_id"] for q in filled.quotes(article=art_id)] == [art_id]


def test_store_articles_filters_and_counts(filled):
    everything = filled.articles()
    assert [a["pub_date"] for a in everything] == ["2024-03-04", "2024-04-10", None]
    assert [a["title"] for a in filled.articles(search="Moscow")] == ["US meets Russia"]
    assert [a["title"] for a in filled.articles(search="title:undated")] == ["Undated"]
    assert len(filled.articles(outlet="Example")) == 2
    assert [a["title"] for a in filled.articles(date_from="2024-04-01", date_to="2024-12")] == [
        "US meets Russia"
    ]
    first = everything[0]
    assert (first["events"], first["quotes"]) == (2, 1)
    assert first["extra"] == {"section": "world", "tags": ["asia"]}
    assert first["text"].startswith("China warned Japan")


def test_store_sql_metacharacters_in_filters_are_harmless(filled):
    for field in ("actor", "recipient", "event_type", "outlet", "search", "article"):
        assert filled.events(**{field: HOSTILE}) == []
    for field in ("speaker", "search", "outlet", "article"):
        assert filled.quotes(**{field: HOSTILE}) == []
    for field in ("search", "outlet", "article"):
        assert filled.articles(**{field: HOSTILE}) == []
    assert filled.get_article(HOSTILE) is None
    assert filled.quotes(search="x' OR '1'='1") == []
    assert filled.articles(search="%") == []
    assert filled.events(search="_") == []
    assert filled.summary()["events"] == 5


def test_store_unknown_filter_is_a_store_error(filled):
    with pytest.raises(StoreError, match="unknown filter"):
        filled.events(colour="red")
