"""A small news site on 127.0.0.1 for the fetching tests: feeds, pages and misbehaviour.

``serve_site()`` starts a ``ThreadingHTTPServer`` in a thread and yields a
:class:`Site`. The server accepts a bounded number of connections and stops
by itself after a time limit, so a test that goes wrong cannot leave it
running; slow handlers sleep in short steps and give up when it stops.

Routes are plain data on the Site (``static``: path -> (type, body, extra
headers)) plus the misbehaving ones in ``_Handler``; ``requests`` records every
request (path and headers) so tests can see what the client sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_CONNECTIONS = 400
LIFETIME = 120.0  # seconds; the server stops by itself after this

STORY = (
    "<p>{who} held talks with officials in {where} on Monday about security along the border, "
    "the foreign ministry said in a statement after the meeting.</p>"
    "<p>The two governments agreed to open a joint office to coordinate patrols, and the talks "
    "will continue next month, according to officials who attended.</p>"
)


def page(title: str, who: str, where: str, day: str = "2024-05-13") -> str:
    """An article page with some site chrome around the story."""
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{day}"></head><body>'
        "<nav>Home | World | Africa</nav>"
        f"<article><h1>{title}</h1>{STORY.format(who=who, where=where)}</article>"
        "<footer>Example News</footer></body></html>"
    )


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Example News") -> str:
    """RSS 2.0 with (guid, link path, description) items; guids become tag URIs."""
    body = "".join(
        f"<item><title>Item {guid}</title><guid>tag:example.test,2024:{guid}</guid>"
        f"<link>{base}{link}</link>"
        f"<pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for guid, link, text in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{base}/</link><description>news</description>"
            f"{body}</channel></rss>")


def atom(base: str, entries: list[tuple[str, str]]) -> str:
    """Atom 1.0 with (id, link path) entries."""
    body = "".join(
        f'<entry><id>{entry_id}</id><title>Entry {entry_id}</title>'
        f'<link rel="alternate" href="{base}{link}"/><updated>2024-05-14T08:00:00Z</updated>'
        "<summary>Short.</summary></entry>"
        for entry_id, link in entries
    )
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Atom</title><id>{base}/atom</id>"
            f"<updated>2024-05-14T08:00:00Z</updated>{body}</feed>")


@dataclass
class Site:
    base: str = ""
    static: dict[str, tuple[str, str, dict[str, str]]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    connections: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)

    def add(self, path: str, body: str, content_type: str = "text/html; charset=utf-8",
            **headers: str) -> str:
        self.static[path] = (content_type, body, headers)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return self.hits.get(path, 0)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.site.connections += 1
        super().setup()

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (a size cap or a deadline), as the tests want

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _pause(self, seconds: float) -> bool:
        """Sleep in short steps; False when the server is stopping."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.site.stopping.is_set():
                return False
            time.sleep(0.02)
        return True

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site, path = self.site, self.path
        site.requests.append((path, dict(self.headers.items())))
        site.hits[path] = site.hits.get(path, 0) + 1
        self._route(site, path)

    def _route(self, site: Site, path: str) -> None:
        if path in site.static:
            content_type, body, headers = site.static[path]
            etag, modified = headers.get("ETag"), headers.get("Last-Modified")
            if (etag and self.headers.get("If-None-Match") == etag) or (
                    modified and self.headers.get("If-Modified-Since") == modified):
                self._send(304, headers={k: v for k, v in headers.items()
                                         if k in ("ETag", "Last-Modified")})
                return
            self._send(200, body.encode("utf-8"), content_type, headers)
        elif path.startswith("/hop/"):  # /hop/N/M: N more redirects, then the page M
            _, _, n, target = path.split("/", 3)
            nxt = f"/hop/{int(n) - 1}/{target}" if int(n) > 1 else f"/{target}"
            self._send(302, headers={"Location": nxt})
        elif path.startswith("/to/"):  # /to/URL: a redirect to any URL
            self._send(302, headers={"Location": path[len("/to/"):]})
        elif path.startswith("/flaky/"):  # 500 on the first request, then the page
            if site.hits[path] == 1:
                self._send(500, b"try again")
            else:
                self._send(200, page("Recovered", "Kenya", "Nairobi").encode())
        elif path.startswith("/down/"):
            self._send(503, b"down")
        elif path.startswith("/stall/"):  # headers only after a long pause
            if self._pause(3.0):
                self._send(200, page("Late", "Kenya", "Nairobi").encode())
        elif path.startswith("/trickle/"):  # a few bytes at a time, never quite stalling
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 20 + b"</p>")
                self.wfile.flush()
                if not self._pause(0.02):
                    break
            self.close_connection = True
        elif path.startswith("/huge/declared"):  # claims 2 GB, sends a little
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
            self.wfile.write(b"<html>" + b" " * 65536)
            self.close_connection = True
        elif path.startswith("/huge/chunked"):  # no length; chunks well past any test cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"y" * 65530 + b"</p>"
            for _ in range(64):  # 4 MB at most
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(404, b"not found")


@contextmanager
def serve_site() -> Iterator[Site]:
    """A running site on 127.0.0.1; stopped on exit (or by itself after LIFETIME)."""
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.timeout = 0.1
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    started = time.monotonic()

    def loop() -> None:
        while (not site.stopping.is_set() and site.connections < MAX_CONNECTIONS
               and time.monotonic() - started < LIFETIME):
            server.handle_request()
        site.stopping.set()

    thread = threading.Thread(target=loop, name="test-news-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        thread.join(timeout=5)
        server.server_close()
