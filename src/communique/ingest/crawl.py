"""Pages and feeds into the store: what ``communique fetch`` and ``communique follow`` do.

Articles go through :func:`communique.api.ingest_articles`, the one write
path, so pages from the web are analysed, deduplicated and versioned exactly
like files. What fetching must remember lives in the store and is written only
*after* the articles it concerns are stored: conditional-GET validators per
URL, and per feed the entries handled. A run stopped half way therefore
repeats some work on restart, but never skips an entry it had not stored.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from communique.api import IngestReport, ingest_articles
from communique.errors import InputError
from communique.ingest.decode import decode_bytes
from communique.ingest.feeds import Feed, FeedEntry, entry_article, parse_feed
from communique.ingest.html import article_from_html
from communique.ingest.web import Fetcher, FetchError, FetchResult
from communique.model import Article
from communique.nlp.pipeline import Pipeline
from communique.store import Store

__all__ = ["FetchReport", "FollowReport", "fetch_urls", "follow_feeds", "page_article",
           "poll_feeds"]


@dataclass
class FetchReport:
    """What a ``fetch`` run or a series of polls did; ``ingest`` counts the articles."""

    not_modified: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)


@dataclass
class FollowReport(FetchReport):
    polls: int = 0
    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    entries_new: int = 0
    #: Entries stored from the feed's own content because their page could not be used.
    from_feed_content: int = 0
    #: Entries left for the next poll after a failure that may pass (5xx, timeout).
    retry_later: int = 0
    last_poll: str | None = None
    failures: list[InputError] = field(default_factory=list)


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _page_text(result: FetchResult) -> str:
    """The page as text: a BOM or valid UTF-8 first, then the HTTP charset, then the page's own.

    Servers often label UTF-8 pages ISO-8859-1, which would decode without
    error into mojibake; bytes that are valid UTF-8 are almost never meant as
    anything else, so they win over the header.
    """
    body, charset = result.body, (result.charset or "").lower()
    if charset and charset not in ("utf-8", "utf8") and not body.startswith(_BOMS):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown label: the page's own declaration decides
    return decode_bytes(body, result.final_url, html=True)


def page_article(result: FetchResult) -> Article:
    """The story on a fetched page, kept under the URL the redirects ended at."""
    article = article_from_html(_page_text(result), result.final_url)
    if article.url and article.url != result.final_url:
        article.extra["canonical_url"] = article.url
    article.url = result.final_url
    article.source_format = "web"
    article.extra["fetched_at"] = _now()
    if result.redirects:
        article.extra["redirects"] = list(result.redirects)
    return article


def _save_state(store: Store, result: FetchResult) -> None:
    store.save_http_state(result.url, final_url=result.final_url, redirects=result.redirects,
                          status=result.status, etag=result.etag,
                          last_modified=result.last_modified)


def _fetch(fetcher: Fetcher, store: Store, url: str, kind: str) -> FetchResult:
    state = store.http_state(url) or {}
    return fetcher.fetch(url, kind=kind, etag=state.get("etag"),
                         last_modified=state.get("last_modified"))


def _ingest(items: Iterable[Article | InputError], store: Store, report: FetchReport,
            pipeline: Pipeline | None, on_error: Callable[[InputError], None] | None) -> None:
    ingest_articles(items, store, pipeline=pipeline, on_error=on_error, report=report.ingest)


def fetch_urls(
    urls: Iterable[str],
    store: Store,
    *,
    fetcher: Fetcher,
    pipeline: Pipeline | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> FetchReport:
    """Fetch pages, store their stories; a page unchanged since the last fetch is not re-read.

    Each failure is recorded in the store's failures table with its reason
    and the rest go on.
    """
    report = FetchReport()
    done: list[FetchResult] = []

    def items() -> Iterator[Article | InputError]:
        for url in urls:
            try:
                result = _fetch(fetcher, store, url, "page")
                if result.not_modified:
                    report.not_modified += 1
                    done.append(result)
                    continue
                yield page_article(result)
                done.append(result)
            except InputError as err:
                yield err

    _ingest(items(), store, report, pipeline, on_error)
    for result in done:
        _save_state(store, result)
    return report


def _entry_items(
    feed: Feed, entries: list[FeedEntry], store: Store, fetcher: Fetcher, report: FollowReport,
    handled: list[tuple[str, str | None]], done: list[FetchResult],
) -> Iterator[Article | InputError]:
    """The story of each new entry: its page, else the entry's own content."""
    for entry in entries:
        try:
            if not entry.link:
                raise FetchError(f"{feed.url}#{entry.key}", "the entry has no link")
            result = _fetch(fetcher, store, entry.link, "page")
            if result.not_modified:  # 304: this page is stored already
                report.not_modified += 1
            else:
                article = page_article(result)
                article.title = article.title or entry.title
                article.outlet = article.outlet or feed.title
                article.byline = article.byline or entry.author
                if article.pub_date is None and entry.published:
                    article.pub_date, article.pub_date_source = entry.published, "feed"
                article.extra.update(feed=feed.url, feed_entry=entry.key)
                yield article
            done.append(result)
            handled.append((entry.key, entry.link))
        except InputError as page_error:
            try:
                article = entry_article(entry, feed, why=page_error.problem)
            except InputError as err:
                if getattr(page_error, "transient", False):
                    report.retry_later += 1  # not marked handled: asked again next poll
                else:
                    handled.append((entry.key, entry.link))
                yield err
                continue
            report.from_feed_content += 1
            handled.append((entry.key, entry.link))
            yield article


def poll_feeds(
    feed_urls: Iterable[str],
    store: Store,
    *,
    fetcher: Fetcher,
    pipeline: Pipeline | None = None,
    report: FollowReport | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> FollowReport:
    """Poll each feed once; store the stories of entries not seen before.

    A feed that fails (unreachable, HTML, malformed) is recorded and skipped.
    Each feed's entries are marked handled only after their articles are
    stored, and its validators saved last, so an interrupted poll is redone.
    """
    report = report if report is not None else FollowReport()
    loaded: list[Pipeline] = [pipeline] if pipeline is not None else []

    def analysis() -> Pipeline:
        if not loaded:  # only once a feed has something new, then once for all feeds
            loaded.append(Pipeline())
        return loaded[0]

    def fail(err: InputError) -> None:
        report.failures.append(err)
        store.record_failure(err.path, err.problem)
        if on_error:
            on_error(err)

    for feed_url in feed_urls:
        try:
            result = _fetch(fetcher, store, feed_url, "feed")
            if result.not_modified:
                report.feeds_unchanged += 1
                store.record_feed_poll(feed_url)
                _save_state(store, result)
                continue
            feed = parse_feed(result.body, result.final_url, result.content_type)
        except InputError as err:
            report.feeds_failed += 1
            store.record_feed_poll(feed_url, error=err.problem)
            fail(err)
            continue
        feed.url = feed_url
        report.feeds_ok += 1
        seen = store.seen_entries(feed_url)
        new: list[FeedEntry] = []
        for entry in feed.entries:
            if entry.key not in seen:
                seen.add(entry.key)
                new.append(entry)
        report.entries_new += len(new)
        handled: list[tuple[str, str | None]] = []
        done: list[FetchResult] = []
        if new:
            _ingest(_entry_items(feed, new, store, fetcher, report, handled, done), store,
                    report, analysis(), on_error)
        for page in done:
            _save_state(store, page)
        store.mark_entries_seen(feed_url, handled)
        store.record_feed_poll(feed_url, title=feed.title)
        _save_state(store, result)
    report.polls += 1
    report.last_poll = _now()
    return report


def follow_feeds(
    feed_urls: list[str],
    store: Store,
    *,
    fetcher: Fetcher,
    every: float | None,
    pipeline: Pipeline | None = None,
    report: FollowReport | None = None,
    max_polls: int | None = None,
    on_poll: Callable[[FollowReport], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> FollowReport:
    """Poll the feeds every ``every`` seconds until stopped (None: once).

    Stop with Ctrl-C (KeyboardInterrupt, which the caller catches; the
    ``report`` passed in holds what was done) or after ``max_polls`` polls.
    Polls start ``every`` seconds apart, however long each one took.
    """
    report = report if report is not None else FollowReport()
    if pipeline is None:
        pipeline = Pipeline()  # loaded once, not once per poll
    while True:
        started = time.monotonic()
        poll_feeds(feed_urls, store, fetcher=fetcher, pipeline=pipeline, report=report,
                   on_error=on_error)
        if on_poll:
            on_poll(report)
        if every is None or (max_polls is not None and report.polls >= max_polls):
            return report
        (sleep or time.sleep)(max(0.0, every - (time.monotonic() - started)))
