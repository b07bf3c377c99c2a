"""Writing small WARC archives for tests and benchmarks, record by record.

Written by hand (the format is a header block, a blank line and a payload) so
that tests can also produce the broken archives a crawler sometimes leaves.
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable
from pathlib import Path

PARAGRAPH = (
    "The ministers of the two neighbouring countries met in the capital on Tuesday to "
    "discuss the border crossing, the water treaty and the fishing rights that have divided "
    "them for a decade, officials said after the talks."
)


def page(n: int, *, pub_date: str | None = None, words: str = PARAGRAPH) -> str:
    """An HTML news page numbered ``n`` (the number makes each story distinct)."""
    meta = f'<meta property="article:published_time" content="{pub_date}">' if pub_date else ""
    return (
        f"<!DOCTYPE html><html><head><title>Story number {n}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<h1>Story number {n}</h1><p>Report {n}. {words}</p><p>{words}</p></article>"
        "<footer>All rights reserved</footer></body></html>"
    )


def http_response(html: str, *, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK") -> bytes:
    body = html.encode("utf-8")
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


def record(block: bytes, *, uri: str, warc_date: str = "2024-03-05T10:00:00Z",
           warc_type: str = "response", length: int | None = None) -> bytes:
    """One WARC record; ``length`` lets a test declare a wrong Content-Length."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Date: {warc_date}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={warc_type}\r\n"
        f"Content-Length: {len(block) if length is None else length}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def html_record(n: int, **kwargs: str) -> bytes:
    pub_date = kwargs.pop("pub_date", None)
    return record(http_response(page(n, pub_date=pub_date)),
                  uri=f"https://news.example/story/{n}", **kwargs)


def write_warc(path: Path, records: Iterable[bytes]) -> Path:
    """Write records to ``path``; a ``.gz`` name gets one gzip member per record, as crawls do."""
    with open(path, "wb") as out:
        for rec in records:
            out.write(gzip.compress(rec) if path.name.endswith(".gz") else rec)
    return path
