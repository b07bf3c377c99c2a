"""Following feeds against a local site: new entries stored once, failures recorded, resuming."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from webserver import STORY, Site, atom, page, rss, serve_site

from communique.cli import main
from communique.errors import InputError
from communique.ingest.crawl import FollowReport, follow_feeds, poll_feeds
from communique.ingest.feeds import html_fragment_text, parse_feed, parse_interval
from communique.ingest.web import Fetcher, FetchError, FetchPolicy
from communique.store import open_store

FAST = FetchPolicy(host_delay=0.0, read_timeout=0.4, deadline=0.6, retries=1, backoff=0.01,
                   allow_private=True)
LONG = STORY.format(who="Chad", where="N'Djamena")


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve_site() as s:
        s.add("/news/a.html", page("Kenya and Somalia hold talks", "Kenya", "Mogadishu"))
        s.add("/news/b.html", page("Ethiopia meets Sudan", "Ethiopia", "Khartoum"))
        s.add("/news/c.html", page("Uganda hosts Rwanda", "Uganda", "Kampala"))
        s.add("/news/d.html", page("Tanzania welcomes Malawi", "Tanzania", "Dodoma"))
        s.add("/private/p.html", page("Hidden", "Chad", "N'Djamena"))
        s.add("/feed.rss", rss(s.base, [
            ("a", "/news/a.html", "Short."),
            ("b", "/hop/1/news/b.html", "Short."),
            ("p", "/private/p.html", LONG),  # robots.txt says no: the entry's text stands in
            ("m", "/missing.html", "Short."),  # 404 and nothing to stand in: a failure
        ]), "application/rss+xml", ETag='"r1"')
        s.add("/feed.atom", atom(s.base, [("urn:c", "/news/c.html")]), "application/atom+xml")
        s.add("/html-feed.xml", page("Front page", "Kenya", "Nairobi"))
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as client:
        yield client


@pytest.mark.parametrize(("text", "seconds"), [
    ("30s", 30.0), ("15m", 900.0), ("1h", 3600.0), ("1h30m", 5400.0), ("90", 90.0)])
def test_ingest_feeds_parse_interval_reads_units(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15x", "0m", "m15"])
def test_ingest_feeds_parse_interval_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval(text)


def test_ingest_feeds_parse_rss_entries(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.url("/feed.rss"), kind="feed")
    feed = parse_feed(result.body, result.final_url, result.content_type)
    first = feed.entries[0]
    assert (feed.title, len(feed.entries), first.key, first.link, first.published) == (
        "Example News", 4, "tag:example.test,2024:a", site.url("/news/a.html"), date(2024, 5, 13))


def test_ingest_feeds_parse_atom_entries(site: Site, fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.url("/feed.atom"), kind="feed")
    feed = parse_feed(result.body, result.final_url, result.content_type)
    assert [(e.key, e.link) for e in feed.entries] == [("urn:c", site.url("/news/c.html"))]


def test_ingest_feeds_html_served_as_feed_is_not_a_feed(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="not a feed: the server sent an HTML page"):
        fetcher.fetch(site.url("/html-feed.xml"), kind="feed")


def test_ingest_feeds_html_body_under_xml_type_is_not_a_feed() -> None:
    with pytest.raises(InputError, match="not a feed"):
        parse_feed(b"<!DOCTYPE html><html><body>Home</body></html>", "http://x.test/f")


def test_ingest_feeds_fragment_text_keeps_paragraphs() -> None:
    assert html_fragment_text("<p>One <b>two</b>.</p><p>Three.</p>") == "One two.\n\nThree."


@pytest.fixture(scope="module")
def followed(site: Site, pipeline, tmp_path_factory) -> tuple[Path, FollowReport]:
    db = tmp_path_factory.mktemp("follow") / "f.db"
    feeds = [site.url("/feed.rss"), site.url("/feed.atom"), site.url("/html-feed.xml")]
    with open_store(db) as store, Fetcher(FAST) as client:
        report = poll_feeds(feeds, store, fetcher=client, pipeline=pipeline)
    return db, report


@pytest.mark.model
def test_ingest_feeds_poll_stores_each_new_entry(followed) -> None:
    _, report = followed
    assert (report.feeds_ok, report.feeds_failed, report.entries_new, report.ingest.new,
            report.from_feed_content) == (2, 1, 5, 4, 1)


@pytest.mark.model
def test_ingest_feeds_articles_keep_final_url_and_feed_fallback(followed, site: Site) -> None:
    db, _ = followed
    with open_store(db) as store:
        formats = {a["url"]: a["source_format"] for a in store.articles()}
    assert formats == {site.url("/news/a.html"): "web", site.url("/news/b.html"): "web",
                       site.url("/news/c.html"): "web", site.url("/private/p.html"): "feed"}


@pytest.mark.model
def test_ingest_feeds_failures_recorded_with_reasons(followed, site: Site) -> None:
    db, _ = followed
    with open_store(db) as store:
        reasons = {f["source"]: f["reason"] for f in store.failures()}
    assert reasons[site.url("/missing.html")].startswith("HTTP 404 Not Found; the feed entry")
    assert reasons[site.url("/html-feed.xml")].startswith("not a feed")


@pytest.mark.model
def test_ingest_feeds_poll_state_is_kept_per_feed(followed, site: Site) -> None:
    db, _ = followed
    with open_store(db) as store:
        feeds = {f["url"]: f for f in store.feeds()}
    ok, bad = feeds[site.url("/feed.rss")], feeds[site.url("/html-feed.xml")]
    assert (ok["title"], ok["entries"], ok["last_error"]) == ("Example News", 4, None)
    assert bad["last_ok"] is None and bad["last_error"].startswith("not a feed")


@pytest.mark.model
def test_ingest_feeds_restart_resumes_without_refetching(followed, site: Site,
                                                          pipeline) -> None:
    db, _ = followed
    pages_before = site.count("/news/a.html")
    with open_store(db) as store, Fetcher(FAST) as client:
        unchanged = poll_feeds([site.url("/feed.rss")], store, fetcher=client, pipeline=pipeline)
        site.add("/feed.rss", rss(site.base, [("a", "/news/a.html", "Short."),
                                              ("d", "/news/d.html", "Short.")]),
                 "application/rss+xml", ETag='"r2"')
        grown = poll_feeds([site.url("/feed.rss")], store, fetcher=client, pipeline=pipeline)
    assert (unchanged.feeds_unchanged, grown.entries_new, grown.ingest.new) == (1, 1, 1)
    assert site.count("/news/a.html") == pages_before


@pytest.mark.model
def test_ingest_feeds_transient_failure_is_retried_next_poll(site: Site, pipeline,
                                                              tmp_path) -> None:
    site.add("/flaky.rss", rss(site.base, [("x", "/down/entry", "Short.")]),
             "application/rss+xml")
    with open_store(tmp_path / "t.db") as store, Fetcher(FAST) as client:
        report = follow_feeds([site.url("/flaky.rss")], store, fetcher=client, every=0.01,
                              max_polls=2, pipeline=pipeline, sleep=lambda s: None)
    assert (report.polls, report.entries_new, report.retry_later) == (2, 2, 2)


@pytest.mark.model
def test_ingest_feeds_cli_follow_once_prints_summary(site: Site, tmp_path) -> None:
    result = CliRunner().invoke(main, [
        "follow", site.url("/feed.atom"), "--once", "--allow-private", "--delay", "0",
        "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0
    assert "feeds 1 read, 0 unchanged, 0 failed; entries: 1 new; articles: 1 new" in \
        result.output


@pytest.mark.model
def test_ingest_feeds_cli_fetch_refuses_loopback(site: Site, tmp_path) -> None:
    result = CliRunner().invoke(main, ["fetch", site.url("/news/a.html"), "--db",
                                       str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert "loopback address; pass --allow-private" in result.output


@pytest.mark.model
def test_ingest_feeds_cli_follow_ctrl_c_prints_summary(site: Site, tmp_path,
                                                       monkeypatch) -> None:
    import communique.ingest.crawl as crawl

    real = crawl.poll_feeds

    def poll_then_interrupt(*args, **kwargs):
        if kwargs["report"].polls >= 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(crawl, "poll_feeds", poll_then_interrupt)
    # No real wait between polls (the module's own clock only: the site's threads sleep too).
    monkeypatch.setattr(crawl, "time", SimpleNamespace(sleep=lambda s: None,
                                                       monotonic=time.monotonic))
    result = CliRunner().invoke(main, [
        "follow", site.url("/feed.atom"), "--every", "1s", "--allow-private", "--delay", "0",
        "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 0
    assert "stopped after 1 complete polls; in all: entries: 1 new; articles: 1 new" in \
        result.output
