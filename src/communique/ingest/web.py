"""Fetching pages and feeds over HTTP, as a polite and careful client.

Polite: robots.txt is read once per host (and again after a day) and obeyed,
requests to one host are spaced by a delay (longer if robots.txt asks for
one), a conditional GET lets an unchanged page answer "304" instead of being
sent again, and the User-Agent names communique.

Careful: a connection that does not come up, a server that stops sending and
a response that trickles on past a total deadline are all abandoned; a body
larger than the size cap is never read past the cap (a Content-Length above
it is refused before reading anything); redirects are followed by hand, at
most ``max_redirects`` of them, each hop checked like the first; every
connection goes through :mod:`communique.ingest.netguard`, so loopback,
link-local and private addresses are refused unless ``allow_private``.

Failures are :class:`FetchError` (an :class:`InputError` naming the URL), so
batches record them and go on. ``transient`` says whether trying again later
could help (a 503, a refused connection), which the feed follower uses to
retry an entry at the next poll rather than give up on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from communique import __version__
from communique.errors import InputError
from communique.ingest.netguard import BlockedAddress, GuardedTransport

__all__ = ["FEED_TYPES", "PAGE_TYPES", "USER_AGENT", "BlockedURL", "FetchError", "FetchPolicy",
           "FetchResult", "Fetcher"]

USER_AGENT = f"communique/{__version__} (news event coder; obeys robots.txt)"
#: The name robots.txt rules are matched against.
ROBOTS_AGENT = "communique"

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/x-rss+xml",
    "application/xml",
    "text/xml",
    # Servers often label feeds generically; the feed parser decides for these.
    "text/plain",
    "application/octet-stream",
)
_HTML_TYPES = frozenset(PAGE_TYPES)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
_ROBOTS_RETRY_AFTER = 300.0  # an unreachable robots.txt is asked again after this long
_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,"
            "text/xml;q=0.9,*/*;q=0.1",
}


class FetchError(InputError):
    """A URL that could not be fetched; ``transient`` when a later attempt may succeed."""

    def __init__(self, url: str, problem: str, *, transient: bool = False) -> None:
        super().__init__(url, problem)
        self.transient = transient


class BlockedURL(FetchError):
    """A URL refused because its host is on a non-public network (see ``allow_private``)."""


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how defensively to fetch. Seconds and bytes."""

    user_agent: str = USER_AGENT
    #: Least time between two requests to one host.
    host_delay: float = 1.0
    #: robots.txt Crawl-delay is obeyed up to this long.
    max_crawl_delay: float = 30.0
    connect_timeout: float = 10.0
    #: Longest wait for the next bytes of a response.
    read_timeout: float = 20.0
    #: Longest time for one whole response, however steadily it trickles in.
    deadline: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    #: Further attempts after a 5xx, a 429 or a connection failure.
    retries: int = 2
    #: First wait before retrying; it doubles with each attempt.
    backoff: float = 1.0
    robots_ttl: float = 24 * 3600.0
    allow_private: bool = False


@dataclass
class FetchResult:
    """A response that arrived whole: its body, where it ended up and how it got there."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    #: Every URL that answered with a redirect, in order (the requested URL first).
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        """The server says the copy we have is current (HTTP 304)."""
        return self.status == 304


@dataclass
class _Robots:
    parser: RobotFileParser
    checked_at: float
    ttl: float
    #: Why the rules could not be read (then nothing may be fetched for now).
    problem: str | None = None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _size(n: int) -> str:
    return f"{n:,} bytes"


class Fetcher:
    """One HTTP client with its per-host state (robots.txt rules, time of the last request).

    Use it as a context manager, or call :meth:`close`. ``sleep`` and ``clock``
    are there so that tests can observe waits without waiting.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, _Robots] = {}
        self._last_request: dict[str, float] = {}
        self._sent_at = 0.0
        p = self.policy
        self._client = httpx.Client(
            transport=GuardedTransport(allow_private=p.allow_private),
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": p.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- the public call ---------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        kind: str = "page",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """GET ``url`` (a ``"page"`` or a ``"feed"``), following redirects; FetchError if not.

        With ``etag``/``last_modified`` from an earlier fetch the request is
        conditional, and an unchanged resource comes back as a result whose
        ``not_modified`` is true and whose body is empty.
        """
        accept = PAGE_TYPES if kind == "page" else FEED_TYPES
        headers = {"Accept": _ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response, final_url, chain = self._follow(url, headers, robots=True)
        result = FetchResult(url=url, final_url=final_url, status=response.status_code,
                             redirects=chain)
        with closing(response):
            result.etag = response.headers.get("etag")
            result.last_modified = response.headers.get("last-modified")
            if response.status_code == 304:
                return result
            self._check_status(response, final_url)
            result.content_type = _media_type(response)
            result.charset = response.charset_encoding
            if result.content_type and result.content_type not in accept:
                raise FetchError(final_url, self._wrong_type(kind, result.content_type))
            result.body = self._read(response, final_url, self.policy.max_bytes)
        return result

    @staticmethod
    def _wrong_type(kind: str, content_type: str) -> str:
        if kind == "feed":
            sent = "an HTML page" if content_type in _HTML_TYPES else "content"
            return (f"not a feed: the server sent {sent} ({content_type}), not RSS or Atom; "
                    "give the address of the feed itself")
        return f"not an HTML page: the server sent {content_type}"

    # -- redirects, retries, politeness ---------------------------------------

    def _follow(
        self, url: str, headers: dict[str, str], *, robots: bool
    ) -> tuple[httpx.Response, str, list[str]]:
        """The first non-redirect response, its URL and the redirect chain before it."""
        chain: list[str] = []
        current = url
        while True:
            try:
                parts = urlsplit(current)
                valid = parts.scheme in ("http", "https") and bool(parts.hostname) and (
                    parts.port is None or parts.port > 0)
            except ValueError as err:  # a bad port or an unclosed IPv6 bracket
                raise FetchError(current, f"not a valid URL ({err})") from None
            if not valid:
                raise FetchError(current, "not a web address: only http:// and https:// URLs "
                                          "with a host name can be fetched")
            if robots and not self.allowed(current):
                raise FetchError(current, f"disallowed by {_origin(current)}/robots.txt")
            response = self._request(current, headers)
            location = response.headers.get("location")
            if response.status_code not in _REDIRECTS or not location:
                return response, current, chain
            response.close()
            chain.append(current)
            if len(chain) > self.policy.max_redirects:
                hops = " -> ".join(chain)
                raise FetchError(url, f"too many redirects (more than "
                                      f"{self.policy.max_redirects}): {hops} -> ...")
            current = urljoin(current, location.strip())

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """Send a GET, retrying with exponential backoff on 5xx, 429 and failed connections."""
        p = self.policy
        attempt = 0
        while True:
            self._wait_turn(url)
            try:
                request = self._client.build_request("GET", url, headers=headers)
                self._sent_at = self._clock()
                response = self._client.send(request, stream=True)
            except BlockedAddress as err:
                raise BlockedURL(url, str(err)) from None
            except httpx.InvalidURL as err:
                raise FetchError(url, f"not a valid URL ({err})") from None
            except httpx.TimeoutException as err:
                if isinstance(err, httpx.ConnectTimeout) and attempt < p.retries:
                    attempt = self._backoff(attempt)
                    continue
                what = ("no connection" if isinstance(err, httpx.ConnectTimeout)
                        else "no response")
                limit = p.connect_timeout if isinstance(err, httpx.ConnectTimeout) else \
                    p.read_timeout
                raise FetchError(url, f"timed out: {what} within {limit:g} s; abandoned",
                                 transient=True) from None
            except httpx.TransportError as err:
                if attempt < p.retries:
                    attempt = self._backoff(attempt)
                    continue
                detail = " ".join(str(err).split()) or type(err).__name__
                raise FetchError(url, f"connection failed after {attempt + 1} attempts "
                                      f"({detail})", transient=True) from None
            if (response.status_code >= 500 or response.status_code == 429) \
                    and attempt < p.retries:
                response.close()
                attempt = self._backoff(attempt)
                continue
            return response

    def _backoff(self, attempt: int) -> int:
        self._sleep(self.policy.backoff * (2**attempt))
        return attempt + 1

    def _wait_turn(self, url: str) -> None:
        """Keep requests to one host at least the host's delay apart."""
        host = urlsplit(url).netloc.lower()
        delay = self.policy.host_delay
        robots = self._robots.get(_origin(url))
        if robots is not None:
            asked = robots.parser.crawl_delay(ROBOTS_AGENT)
            if asked:
                delay = max(delay, min(float(asked), self.policy.max_crawl_delay))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    @staticmethod
    def _check_status(response: httpx.Response, url: str) -> None:
        status = response.status_code
        if 200 <= status < 300 and status != 204:
            return
        reason = response.reason_phrase or ""
        transient = status >= 500 or status == 429
        suffix = " (after retries)" if transient else ""
        raise FetchError(url, f"HTTP {status} {reason}".rstrip() + suffix, transient=transient)

    def _read(self, response: httpx.Response, url: str, limit: int, *,
              truncate: bool = False) -> bytes:
        """The body, decoded from gzip/deflate, stopping at ``limit`` bytes or the deadline.

        Past the limit: FetchError, or with ``truncate`` the first ``limit`` bytes.
        The deadline runs from when the request was sent.
        """
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise FetchError(url, f"response of {_size(int(declared))} is larger than the "
                                  f"{_size(limit)} limit; not downloaded")
        deadline = self._sent_at + self.policy.deadline
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > limit and truncate:
                    chunks.append(chunk[: len(chunk) - (total - limit)])
                    break
                if total > limit:
                    raise FetchError(url, f"response is larger than the {_size(limit)} "
                                          f"limit; stopped reading at {_size(total)}")
                chunks.append(chunk)
                if self._clock() > deadline:
                    raise FetchError(url, f"response took longer than the "
                                          f"{self.policy.deadline:g} s deadline; abandoned "
                                          f"after {_size(total)}", transient=True)
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out: the server stopped sending for "
                                  f"{self.policy.read_timeout:g} s; abandoned",
                             transient=True) from None
        except httpx.TransportError as err:
            detail = " ".join(str(err).split()) or type(err).__name__
            raise FetchError(url, f"connection broke while reading ({detail})",
                             transient=True) from None
        return b"".join(chunks)

    # -- robots.txt ----------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets communique fetch ``url`` (read once per host).

        Raises FetchError (transient) while the site's robots.txt cannot be
        read: RFC 9309 says to fetch nothing then, and the user should hear why.
        """
        origin = _origin(url)
        cached = self._robots.get(origin)
        if cached is None or self._clock() - cached.checked_at > cached.ttl:
            try:
                cached = self._read_robots(origin)
            except BlockedURL as err:  # name the page asked for, not its robots.txt
                raise BlockedURL(url, err.problem) from None
            self._robots[origin] = cached
        if cached.problem:
            raise FetchError(url, f"{origin}/robots.txt cannot be read ({cached.problem}); "
                                  "nothing is fetched from the site until it can",
                             transient=True)
        return cached.parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> _Robots:
        """Rules from ``origin/robots.txt`` as RFC 9309 reads a reply.

        Found: its rules (the first 512 KiB). 4xx (none there): everything
        allowed. 5xx or unreachable: nothing allowed, asked again in minutes.
        """
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            response, final_url, _ = self._follow(f"{origin}/robots.txt", {}, robots=False)
            with closing(response):
                status = response.status_code
                if 200 <= status < 300:
                    body = self._read(response, final_url, _ROBOTS_MAX_BYTES, truncate=True)
                    parser.parse(body.decode("utf-8", errors="replace").splitlines())
                elif 400 <= status < 500:
                    parser.allow_all = True
                else:
                    return _Robots(parser, self._clock(), _ROBOTS_RETRY_AFTER,
                                   f"HTTP {status}")
        except BlockedURL:
            raise
        except FetchError as err:
            return _Robots(parser, self._clock(), _ROBOTS_RETRY_AFTER, err.problem)
        return _Robots(parser, self._clock(), self.policy.robots_ttl)
