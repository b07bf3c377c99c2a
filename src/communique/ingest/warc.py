"""WARC and WARC.gz archives (web crawls such as CC-NEWS): one Article per HTML response.

Archives are streamed record by record through ``fastwarc``, so memory stays
flat however large the file: only the record in hand is held. Each story keeps
the record's ``WARC-Target-URI`` as its URL and the ``WARC-Date`` (when the
page was fetched) in ``extra``; the publication date comes from the page
itself, and only when the page gives none from the crawl date.

Compressed archives are decompressed by Python's ``gzip`` rather than inside
fastwarc because a truncated gzip stream must be *reported*, not silently end
the archive early. A malformed record becomes an :class:`InputError` naming the
archive and the record's offset, and reading resumes at the next record.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from communique.errors import InputError
from communique.ingest.decode import decode_bytes
from communique.ingest.html import article_from_html
from communique.model import Article

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")

#: A record starts with this at the beginning of a line (WARC 1.0 and 1.1).
_MARKER = b"WARC/1."
_SCAN_CHUNK = 1 << 16
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """Whether the file name says WARC (``x.warc`` or ``x.warc.gz``)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


class _GzipGuard:
    """A gzip stream that ends cleanly where the data runs out, noting why.

    fastwarc reads ahead; if the truncation error reached it, the complete
    records buffered before the damage would be lost with it. Ending the
    stream instead lets them through, and the damage is reported afterwards.
    """

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self.damage: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.damage:
            return b""
        try:
            return self._stream.read1(size)  # short reads: the damage stays in the last one
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            self.damage = str(err)
            return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._stream.close()


def _next_marker(stream: BinaryIO, start: int) -> int | None:
    """Offset of the first line after ``start`` that begins a record; None at the end."""
    stream.seek(start)
    base, tail = start, b""
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        at = window.find(b"\n" + _MARKER)
        if at >= 0:
            return base - len(tail) + at + 1
        tail = window[-len(_MARKER) :]
        base += len(chunk)


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer coding (crawlers sometimes store it as sent)."""
    out = bytearray()
    rest = body
    while rest:
        line, sep, rest = rest.partition(b"\r\n")
        if not sep:
            break
        size = int(line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


def _payload(block: bytes, where: str) -> tuple[int | None, HeaderMap, bytes]:
    """Status, HTTP headers and decoded body of an HTTP response block."""
    headers = HeaderMap()
    try:
        size = headers.parse(io.BytesIO(block))  # it reads ahead; the count says where
    except Exception as err:
        raise InputError(where, f"malformed HTTP response in WARC record ({err})") from None
    body = block[size:]
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    coding = (headers.get("Content-Encoding") or "").lower().strip()
    try:
        if "chunked" in transfer:
            body = _dechunk(body)
        if coding in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        elif coding == "deflate":
            body = zlib.decompress(body)
    except (ValueError, OSError, EOFError, zlib.error) as err:
        problem = f"cannot decode the HTTP body ({coding or transfer}: {err})"
        raise InputError(where, problem) from None
    return headers.status_code, headers, body


def _article(record: WarcRecord, block: bytes, where: str) -> Article | None:
    """The story in one response record, or None when it is not an HTML page."""
    status, headers, body = _payload(block, where)
    content_type = (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
    if status is not None and status != 200:
        return None  # redirects, errors and not-modified responses hold no story
    if content_type and content_type not in _HTML_TYPES:
        return None
    if not body.strip():
        return None
    html = decode_bytes(body, where, html=True)
    article = article_from_html(html, where)
    target = record.headers.get("WARC-Target-URI")
    warc_date = record.headers.get("WARC-Date")
    article.source_format = "warc"
    article.url = target or article.url
    article.extra["warc_date"] = warc_date
    article.extra["warc_record_id"] = record.record_id
    if article.pub_date is None and warc_date:
        try:
            article.pub_date = date.fromisoformat(warc_date[:10])
            article.pub_date_source = "warc"
        except ValueError:
            pass
    return article


def _records(
    stream: BinaryIO | _GzipGuard, name: str, max_bytes: int
) -> Iterator[Article | InputError]:
    """Articles from the records of one archive stream, resuming after bad ones."""
    position = 0  # where the last record seen starts (fastwarc reports absolute offsets)
    reported = False  # one error per run of unreadable bytes, not one per retry
    while True:
        try:
            for record in ArchiveIterator(stream, parse_http=False):
                position = record.stream_pos
                reported = False
                if record.record_type != WarcRecordType.response:
                    continue
                where = f"{name}@{position}"
                if record.content_length > max_bytes:
                    record.consume()
                    yield InputError(where, f"WARC record of {record.content_length:,} bytes is "
                                            f"larger than the {max_bytes:,}-byte limit")
                    continue
                block = record.reader.read()
                if len(block) < record.content_length:
                    yield InputError(where, f"WARC record truncated: {len(block):,} of "
                                            f"{record.content_length:,} bytes")
                    continue
                try:
                    article = _article(record, block, where)
                except InputError as err:
                    yield err
                    continue
                if article is not None:
                    yield article
            return
        except (OSError, ValueError) as err:
            if not reported:
                yield InputError(f"{name}@{position}",
                                 f"malformed WARC record at or after this byte offset ({err})")
                reported = True
        # fastwarc reads ahead, so look for the next record from just after the
        # last one seen; every pass starts further on, so this ends.
        found = _next_marker(stream, position + 1)
        if found is None:
            return
        stream.seek(found)
        position = found


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    """Stream the HTML responses of a ``.warc`` or ``.warc.gz`` file as Articles.

    Bad records and a truncated compressed stream are yielded as InputErrors;
    the archive is opened lazily so a large file costs nothing until read.
    """
    name = str(path)
    try:
        with open(path, "rb") as raw:
            if not name.lower().endswith(".gz"):
                yield from _records(raw, name, max_bytes)
                return
            guard = _GzipGuard(gzip.GzipFile(fileobj=raw, mode="rb"))
            yield from _records(guard, name, max_bytes)
            if guard.damage:
                yield InputError(name, f"compressed archive is damaged or truncated "
                                       f"({guard.damage}); records before the damage were read")
    except OSError as err:
        raise InputError(name, f"cannot read ({err.strerror or err})") from None

