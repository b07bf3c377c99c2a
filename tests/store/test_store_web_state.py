"""What `fetch` and `follow` remember between runs, on every backend."""

from __future__ import annotations


def test_store_web_state_keeps_validators_and_304_keeps_them(store):
    store.save_http_state("https://a.example/x", final_url="https://a.example/y",
                          redirects=["https://a.example/y"], status=200, etag='"v1"')
    store.save_http_state("https://a.example/x", final_url="https://a.example/y",
                          redirects=[], status=304)
    state = store.http_state("https://a.example/x")
    assert (state["etag"], state["status"], state["redirects"]) == ('"v1"', 304, [])
    assert store.http_state("https://a.example/never") is None


def test_store_web_state_remembers_seen_entries_once(store):
    feed = "https://a.example/feed"
    store.mark_entries_seen(feed, [("e1", "https://a.example/1"), ("e2", None)])
    store.mark_entries_seen(feed, [("e1", "https://a.example/1")])
    store.record_feed_poll(feed, title="A feed")
    assert store.seen_entries(feed) == {"e1", "e2"}
    [row] = store.feeds()
    assert (row["url"], row["title"], row["entries"]) == (feed, "A feed", 2)
