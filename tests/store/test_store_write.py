"""Writing: round trip, idempotence, versions, ids, failures."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from pgserver import query_db

from communique.errors import StoreError
from communique.model import Actor, Sentence
from communique.store import open_store


def test_store_round_trip_gives_every_field_back(store, make):
    analyzed = make(event_date=date(2024, 3, 4))
    assert store.add(analyzed) == "new"
    art_id = analyzed.article.id

    back = store.get_article(art_id)
    assert back is not None
    assert back.article == analyzed.article
    assert isinstance(back.article.pub_date, date)
    assert back.sentences == analyzed.sentences
    expected_events = [
        dataclasses.replace(ev, id=f"{art_id}-E{n}", story_id=art_id)
        for n, ev in enumerate(analyzed.events, start=1)
    ]
    assert back.events == expected_events
    assert back.events[0].date == date(2024, 3, 4)
    assert back.events[0].actor[0].start == 0 and back.events[0].actor[0].end == 5
    expected_quotes = [
        dataclasses.replace(q, id=f"{art_id}-Q{n}", story_id=art_id)
        for n, q in enumerate(analyzed.quotes, start=1)
    ]
    assert back.quotes == expected_quotes
    assert back.quotes[0].addressee == Actor("Japan", "JPN")


def test_store_events_are_plover_dicts_with_article_fields(store, make):
    analyzed = make()
    store.add(analyzed)
    art_id = analyzed.article.id
    first = store.events()[0]
    expected = dataclasses.replace(analyzed.events[0], id=f"{art_id}-E1", story_id=art_id)
    assert {k: v for k, v in first.items() if k in expected.to_plover()} == expected.to_plover()
    assert first["article_id"] == art_id
    assert first["outlet"] == "Example News"
    assert first["url"] == "https://news.example/china-japan"
    assert first["title"] == analyzed.article.title
    assert first["pub_date"] == "2024-03-04"
    quote = store.quotes()[0]
    assert quote["speaker"]["identifier_id"] == "Q15031"
    assert quote["id"] == f"{art_id}-Q1" and quote["article_id"] == art_id


def test_store_readding_same_content_is_a_no_op(store, make):
    analyzed = make()
    assert not store.has_content(analyzed.article.content_hash)
    assert store.add(analyzed) == "new"
    assert store.has_content(analyzed.article.content_hash)
    before = store.conn.total_changes
    assert store.add(make()) == "unchanged"
    assert store.conn.total_changes == before
    summary = store.summary()
    assert (summary["articles"], summary["versions"], summary["events"]) == (1, 1, 2)


def test_store_new_content_at_same_url_is_a_new_version_keeping_the_old(store, make):
    old = make()
    new = make(text=old.article.text.replace("on Monday", "on Tuesday"))
    assert store.add(old) == "new"
    assert store.add(new) == "version"

    latest = store.articles()
    assert [a["id"] for a in latest] == [new.article.id]
    assert latest[0]["version"] == 2
    everything = store.articles(all_versions=True)
    assert len(everything) == 2
    first = next(a for a in everything if a["version"] == 1)
    assert first["text"] == old.article.text and first["latest"] is False
    assert latest[0]["previous_id"] == first["rowid"]

    assert len(store.events()) == 2
    assert len(store.events(all_versions=True)) == 4
    assert store.get_article(str(first["rowid"])).article.text == old.article.text


def test_store_versions_follow_story_id_or_source_file(store, make):
    by_story = make(url=None, story_id="s-1")
    assert store.add(by_story) == "new"
    changed = make(url=None, story_id="s-1", text=by_story.article.text + " More.")
    assert store.add(changed) == "version"
    ids = {e["id"] for e in store.events()}
    assert ids == {"s-1-v2-E1", "s-1-v2-E2"}
    assert store.get_article("s-1").article.text.endswith("More.")

    by_file = make(url=None, title="Other", source="a.txt", source_format="txt")
    assert store.add(by_file) == "new"
    edited = make(url=None, title="Other edited", source="a.txt", source_format="txt")
    assert store.add(edited) == "version"

    in_jsonl = make(url=None, title="Line 1", source="feed.jsonl", source_format="jsonl")
    other_line = make(url=None, title="Line 2", source="feed.jsonl", source_format="jsonl")
    assert store.add(in_jsonl) == "new"
    assert store.add(other_line) == "new"


def test_store_unrelated_stories_sharing_a_story_id_get_distinct_ids(store, make):
    store.add(make(story_id="1", url="https://a.example/1"))
    store.add(make(story_id="1", url="https://b.example/1", title="Another story"))
    ids = [a["id"] for a in store.articles()]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert "1" in ids
    event_ids = [e["id"] for e in store.events(limit=None)]
    assert len(event_ids) == len(set(event_ids)) == 4


def test_store_event_sentence_missing_from_list_is_stored_too(store, make):
    analyzed = make()
    analyzed.sentences = []
    store.add(analyzed)
    back = store.get_article(analyzed.article.id)
    assert back.events[0].sentence.text == "China warned Japan on Monday."
    assert [s.sequence for s in back.sentences] == [1, 3]


def test_store_bad_record_raises_store_error_and_writes_nothing(store, make):
    analyzed = make()
    analyzed.events[0].sentence = Sentence(1, 0, 5, "China", section="caption")
    analyzed.sentences = []
    with pytest.raises(StoreError, match="cannot store pages/china-japan.html"):
        store.add(analyzed)
    assert store.summary()["versions"] == 0


def test_store_record_failure_is_counted_and_listed(store):
    store.record_failure("bad.html", "no article text found")
    assert store.summary()["failures"] == 1
    [failure] = store.failures()
    assert failure["source"] == "bad.html" and failure["reason"] == "no article text found"


def test_store_get_article_accepts_unique_prefix_and_rejects_ambiguous(store, make):
    store.add(make(story_id="alpha-1", url="https://a.example/1"))
    store.add(make(story_id="alpha-2", url="https://a.example/2", title="Two"))
    store.add(make(story_id="beta", url="https://a.example/3", title="Three"))
    assert store.get_article("bet").article.story_id == "beta"
    assert store.get_article("nothing-like-this") is None
    with pytest.raises(StoreError, match="ambiguous"):
        store.get_article("alpha")


def test_store_summary_counts_types_outlets_and_dates(store, make):
    store.add(make())
    store.add(make(url="https://b.example/x", title="B", outlet="Other Wire",
                   pub_date=date(2024, 5, 1)))  # fmt: skip
    summary = store.summary()
    assert summary["articles"] == 2 and summary["events"] == 4 and summary["quotes"] == 2
    assert summary["events_by_type"] == {"REJECT": 2, "THREATEN": 2}
    assert summary["events_by_quad_code"] == {3: 4}
    assert summary["outlets"] == {"Example News": 1, "Other Wire": 1}
    assert (summary["date_from"], summary["date_to"]) == ("2024-03-04", "2024-05-01")


def test_store_data_is_plain_sql_readable_without_communique(db, make):
    with open_store(db) as store:
        store.add(make())
    codes = query_db(db, "SELECT code FROM event_actors WHERE role = 'actor' ORDER BY id")
    assert codes == [("CHN",), ("JPN",)]
