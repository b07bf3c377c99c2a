"""The HTTP client against a local site: politeness, limits, redirects, retries, the guard."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from webserver import Site, page, serve_site

from communique.ingest import netguard
from communique.ingest.crawl import fetch_urls, page_article
from communique.ingest.web import BlockedURL, Fetcher, FetchError, FetchPolicy, FetchResult
from communique.store import open_store

# Tiny delays and limits: the behaviour is the same, the suite stays fast.
FAST = FetchPolicy(host_delay=0.0, connect_timeout=2.0, read_timeout=0.4, deadline=0.6,
                   max_bytes=256 * 1024, retries=2, backoff=0.01, allow_private=True)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve_site() as running:
        running.add("/news/a.html", page("Kenya and Somalia hold talks", "Kenya", "Mogadishu"))
        running.add("/news/b.html", page("Ethiopia meets Sudan", "Ethiopia", "Khartoum"))
        running.add("/private/secret.html", page("Hidden", "Chad", "N'Djamena"))
        running.add("/etag.html", page("Tagged", "Uganda", "Kampala"), ETag='"v1"')
        running.add("/dated.html", page("Dated", "Malawi", "Lilongwe"),
                    **{"Last-Modified": "Mon, 13 May 2024 09:00:00 GMT"})
        running.add("/logo.png", "PNG", "image/png")
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as client:
        yield client


def _error(fetcher: Fetcher, url: str, **kwargs: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url, **kwargs)
    return caught.value


def test_ingest_web_fetches_page_naming_communique_in_user_agent(site: Site,
                                                                fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.url("/news/a.html"))
    agents = [headers.get("User-Agent", "") for path, headers in site.requests
              if path == "/news/a.html"]
    assert b"Kenya" in result.body and agents[-1].startswith("communique/")


def test_ingest_web_refuses_loopback_without_allow_private(site: Site) -> None:
    with Fetcher(replace(FAST, allow_private=False)) as strict:
        err = _error(strict, site.url("/news/b.html?strict"))
    assert isinstance(err, BlockedURL)
    assert str(err) == (f"{site.url('/news/b.html?strict')}: refused: 127.0.0.1, a loopback "
                        "address; pass --allow-private to fetch from non-public networks")
    assert site.count("/news/b.html?strict") == 0


def test_ingest_web_refuses_name_resolving_to_loopback() -> None:
    with pytest.raises(netguard.BlockedAddress, match="localhost resolves to .* loopback"):
        netguard.resolve_public("localhost", 80)


@pytest.mark.parametrize(("address", "kind"), [
    ("10.0.0.7", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"),
    ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"),
    ("fe80::1", "link-local"),
    ("100.64.0.1", "non-public"),
    ("0.0.0.0", "unspecified"),
    ("93.184.215.14", None),
])
def test_ingest_web_check_address_names_the_range(address: str, kind: str | None) -> None:
    assert netguard.check_address(address) == kind


def test_ingest_web_checks_every_redirect_hop(site: Site, monkeypatch) -> None:
    real = netguard.check_address
    # Let the test server pass as "public"; the redirect target must still be refused.
    monkeypatch.setattr(netguard, "check_address",
                        lambda a: None if a == "127.0.0.1" else real(a))
    with Fetcher(replace(FAST, allow_private=False, retries=0)) as strict:
        err = _error(strict, site.url("/to/http://10.1.2.3/admin"))
    assert isinstance(err, BlockedURL) and "10.1.2.3, a private address" in str(err)


def test_ingest_web_follows_redirects_and_records_the_chain(site: Site,
                                                           fetcher: Fetcher) -> None:
    result = fetcher.fetch(site.url("/hop/2/news/a.html"))
    assert (result.final_url, result.redirects) == (
        site.url("/news/a.html"), [site.url("/hop/2/news/a.html"), site.url("/hop/1/news/a.html")])


def test_ingest_web_stops_a_too_long_redirect_chain(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/hop/9/news/a.html"))
    assert "too many redirects (more than 5)" in err.problem
    assert site.count("/hop/3/news/a.html") == 0


def test_ingest_web_obeys_robots_txt(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/private/secret.html"))
    assert "disallowed by" in err.problem and "robots.txt" in err.problem
    assert site.count("/private/secret.html") == 0


def test_ingest_web_reads_robots_txt_once_per_host(site: Site, fetcher: Fetcher) -> None:
    before = site.count("/robots.txt")
    fetcher.fetch(site.url("/news/a.html"))
    fetcher.fetch(site.url("/news/b.html"))
    assert site.count("/robots.txt") == before + 1


def test_ingest_web_spaces_requests_to_one_host(site: Site) -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    polite = Fetcher(replace(FAST, host_delay=5.0), sleep=sleep, clock=lambda: now[0])
    with polite:
        polite.fetch(site.url("/news/a.html"))  # robots.txt first, then the page
        polite.fetch(site.url("/news/b.html"))
    assert waits == [5.0, 5.0]


def test_ingest_web_abandons_a_server_that_stalls(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/stall/1"))
    assert err.problem.startswith("timed out") and err.transient


def test_ingest_web_abandons_a_response_past_the_deadline(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/trickle/1"))
    assert "deadline" in err.problem


def test_ingest_web_refuses_declared_oversize_without_reading(site: Site,
                                                             fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/huge/declared"))
    assert "2,147,483,648 bytes is larger than the 262,144 bytes limit" in err.problem


def test_ingest_web_stops_reading_at_the_size_cap(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/huge/chunked"))
    read = int(err.problem.split("stopped reading at ")[1].split(" bytes")[0].replace(",", ""))
    assert 262_144 < read <= 262_144 + 65_536


def test_ingest_web_retries_a_server_error(site: Site) -> None:
    waits: list[float] = []
    with Fetcher(FAST, sleep=waits.append) as client:
        result = client.fetch(site.url("/flaky/one"))
    assert (result.status, site.count("/flaky/one"), waits) == (200, 2, [0.01])


def test_ingest_web_gives_up_after_retries_with_backoff(site: Site) -> None:
    waits: list[float] = []
    with Fetcher(FAST, sleep=waits.append) as client:
        err = _error(client, site.url("/down/x"))
    assert (err.problem, site.count("/down/x"), waits) == (
        "HTTP 503 Service Unavailable (after retries)", 3, [0.01, 0.02])


def test_ingest_web_conditional_get_returns_not_modified(site: Site, fetcher: Fetcher) -> None:
    first = fetcher.fetch(site.url("/etag.html"))
    second = fetcher.fetch(site.url("/etag.html"), etag=first.etag)
    assert (first.etag, first.not_modified, second.not_modified) == ('"v1"', False, True)


def test_ingest_web_conditional_get_sends_if_modified_since(site: Site,
                                                            fetcher: Fetcher) -> None:
    first = fetcher.fetch(site.url("/dated.html"))
    second = fetcher.fetch(site.url("/dated.html"), last_modified=first.last_modified)
    assert (first.status, second.status) == (200, 304)


def test_ingest_web_refuses_a_page_that_is_not_html(site: Site, fetcher: Fetcher) -> None:
    err = _error(fetcher, site.url("/logo.png"))
    assert err.problem == "not an HTML page: the server sent image/png"


@pytest.mark.parametrize("url", ["ftp://example.org/a", "http://[::1/a", "example.org/news",
                                 "http://example.org:0/a"])
def test_ingest_web_refuses_what_is_not_a_web_address(fetcher: Fetcher, url: str) -> None:
    assert "URL" in _error(fetcher, url).problem


def test_ingest_web_page_charset_from_header_when_not_utf8() -> None:
    html = page("Caf\u00e9 talks", "Kenya", "Nairobi").encode("iso-8859-1")
    result = FetchResult(url="http://x.test/a", final_url="http://x.test/a", status=200,
                         content_type="text/html", charset="iso-8859-1", body=html)
    assert page_article(result).title == "Caf\u00e9 talks"


def test_ingest_web_page_utf8_wins_over_a_wrong_latin1_label() -> None:
    html = page("Caf\u00e9 talks", "Kenya", "Nairobi").encode("utf-8")
    result = FetchResult(url="http://x.test/a", final_url="http://x.test/a", status=200,
                         content_type="text/html", charset="iso-8859-1", body=html)
    assert page_article(result).title == "Caf\u00e9 talks"


@pytest.mark.model
def test_ingest_web_fetch_urls_keeps_final_url_and_skips_unchanged(site: Site, pipeline,
                                                                   tmp_path) -> None:
    urls = [site.url("/hop/1/etag.html"), site.url("/missing.html")]
    with open_store(tmp_path / "w.db") as store, Fetcher(FAST) as client:
        first = fetch_urls(urls, store, fetcher=client, pipeline=pipeline)
        again = fetch_urls(urls[:1], store, fetcher=client, pipeline=pipeline)
        stored = store.articles()
        failures = store.failures()
        state = store.http_state(urls[0])
    assert (first.ingest.new, again.not_modified, again.ingest.new) == (1, 1, 0)
    assert stored[0]["url"] == site.url("/etag.html")
    assert state["redirects"] == [site.url("/hop/1/etag.html")] and state["etag"] == '"v1"'
    assert failures == [{"source": site.url("/missing.html"), "reason": "HTTP 404 Not Found",
                         "at": failures[0]["at"]}]
