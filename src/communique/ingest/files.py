"""From paths on the command line to Article records.

This is the one place that decides how a file is read: by its extension when
it has a known one, by a look at its first bytes otherwise. Problems with a
whole file raise :class:`InputError` before any work is done where possible
(missing, a directory, empty, binary, too large); problems with one record of
a JSON-lines file are *yielded* as :class:`InputError` so a batch can report
them and go on.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from communique.errors import InputError
from communique.ingest.decode import HEAD_BYTES, check_not_binary, decode_bytes
from communique.ingest.html import article_from_html
from communique.ingest.jsonl import iter_jsonl, parse_line
from communique.ingest.text import article_from_text
from communique.ingest.warc import is_warc, read_warc
from communique.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "expand_paths", "read_file", "read_text",
           "with_overrides"]

#: Extensions read when a directory is searched, and the reader each one selects.
#: (``.warc.gz`` files are found by :func:`_known` too: their last suffix is ``.gz``.)
SUFFIXES: dict[str, str] = {
    ".html": "html", ".htm": "html", ".txt": "txt", ".jsonl": "jsonl", ".warc": "warc",
}
# Named explicitly, a file may also use the other common name for JSON lines.
_FORMATS: dict[str, str] = {**SUFFIXES, ".ndjson": "jsonl"}

DEFAULT_MAX_BYTES = 20_000_000

_GLOB_CHARS = frozenset("*?[")


def _known(path: Path) -> bool:
    """Whether a directory search reads this file: a known extension, or ``.warc.gz``."""
    return path.suffix.lower() in SUFFIXES or is_warc(path)


def _walk(directory: Path) -> Iterator[Path]:
    """Known-format files under ``directory`` in sorted path order, hidden entries skipped.

    Sorted by full path (so ``b/deep/x`` comes before ``b/old``), which makes
    the order of a run reproducible and easy to predict.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        raise InputError(str(directory), f"cannot list directory ({err.strerror or err})") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(directory) / entry.name
        if entry.is_dir():
            yield from _walk(path)
        elif entry.is_file() and _known(path):
            yield path


def _wanted(match: Path, pattern: str) -> bool:
    """A glob match is read if it has a known extension or the one the pattern spells out."""
    suffix = match.suffix.lower()
    literal = Path(pattern).suffix.lower()
    return _known(match) or (
        bool(literal) and not _GLOB_CHARS & set(literal) and suffix == literal
    )


def expand_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named, files under directories named, and files matching glob patterns.

    A file named explicitly is kept whatever its extension, since the user
    chose it; directories contribute only the extensions in :data:`SUFFIXES`,
    and so do patterns, unless the pattern spells out another extension
    (``notes/*.md``). Each file is yielded once, in the order given.
    """
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                yield from once(found)
        elif path.exists():
            yield from once(path)
        elif _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                raise InputError(given, "no files match this pattern")
            for match in map(Path, matches):
                if match.is_dir():
                    for found in _walk(match):
                        yield from once(found)
                elif _wanted(match, given):
                    yield from once(match)
        else:
            raise InputError(given, "no such file or directory")


def _format_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB ({size:,} bytes)"


def _open_checked(path: Path) -> int:
    """Stat the file and refuse what cannot be a readable file; return its size."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(name, "is a directory, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as err:
        raise InputError(name, f"cannot read ({err.strerror or err})") from None
    if size == 0:
        raise InputError(name, "empty file")
    return size


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as err:
        raise InputError(str(path), f"cannot read ({err.strerror or err})") from None


def _starts_with_markup(text: str) -> bool:
    """How a file without a known extension is recognised as HTML."""
    return text.lstrip("\ufeff \t\r\n").startswith("<")


def with_overrides(
    items: Iterable[Article | InputError],
    pub_date: date | None,
    outlet: str | None,
    url: str | None,
) -> Iterator[Article | InputError]:
    """What the user says on the command line beats what the file says."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        changes: dict[str, Any] = {}
        if pub_date is not None:
            changes.update(pub_date=pub_date, pub_date_source="user")
        if outlet is not None:
            changes["outlet"] = outlet
        if url is not None:
            changes["url"] = url
        yield replace(item, **changes) if changes else item


def _jsonl_records(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """Stream a .jsonl file; opened lazily so memory stays constant."""
    try:
        with open(path, "rb") as handle:
            yield from iter_jsonl(handle, str(path), max_bytes=max_bytes)
    except OSError as err:
        raise InputError(str(path), f"cannot read ({err.strerror or err})") from None


def read_file(
    path: Path | str,
    *,
    pub_date: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Read one file into Articles (and, for JSON lines, per-line InputErrors).

    Whole-file checks run when this is called, so ``read_file(p)`` raises at
    once for a missing, empty, binary, oversized or undecodable file; JSON
    lines are then parsed lazily as the iterator is consumed, in constant memory.
    ``pub_date``, ``outlet`` and ``url`` override what the file says.
    """
    path = Path(path)
    name = str(path)
    size = _open_checked(path)
    if is_warc(path):  # archives are streamed: no whole-file size limit, no text checks
        return with_overrides(read_warc(path, max_bytes=max_bytes), pub_date, outlet, url)
    kind = _FORMATS.get(path.suffix.lower())
    if kind != "jsonl" and size > max_bytes:  # before reading a byte of it
        raise InputError(
            name,
            f"file is {_format_size(size)}, larger than the {max_bytes:,}-byte limit; "
            "pass --max-bytes to raise it",
        )
    head = _read_bytes(path, HEAD_BYTES)
    check_not_binary(head, name)

    items: Iterable[Article | InputError]
    if kind == "jsonl":
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not start and size <= HEAD_BYTES:
            raise InputError(name, "empty file (only whitespace)")
        if start.startswith(b"["):
            raise InputError(name, "holds a JSON array, not JSON lines (one object per line)")
        items = _jsonl_records(path, max_bytes)
    else:
        text = decode_bytes(_read_bytes(path), name, html=kind != "txt")
        if not text.strip():
            raise InputError(name, "empty file (only whitespace)")
        if kind == "html" or (kind is None and _starts_with_markup(text)):
            items = [article_from_html(text, name)]
        elif kind == "txt":
            items = [article_from_text(text, name, source_format="txt")]
        else:  # an unknown extension that does not look like HTML
            items = list(_text_items(text, name, "txt"))
    return with_overrides(items, pub_date, outlet, url)


def _json_lines(text: str) -> list[tuple[int, str]] | None:
    """The numbered non-empty lines, if the text is a stream of JSON objects.

    Every line must open with ``{`` and at least one must parse as an object;
    prose never looks like that, and a stream with one broken record should
    report that line, not turn a thousand stories into one "article".
    """
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not lines or not all(line.lstrip().startswith("{") for _, line in lines):
        return None
    for _, line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return lines
        except json.JSONDecodeError:
            continue
    return None


def _is_html_document(text: str) -> bool:
    """A whole page (doctype or <html>), not text that merely mentions a tag."""
    start = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    return start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<") and "<html" in start
    )


def _text_items(text: str, source: str, text_format: str) -> Iterator[Article | InputError]:
    """Records when the text is JSON lines, else one article (HTML page or plain text)."""
    lines = _json_lines(text)
    if lines is not None:
        for lineno, line in lines:
            yield parse_line(line, f"{source}:{lineno}", source, "jsonl")
    elif _is_html_document(text):
        yield article_from_html(text, source)
    else:
        yield article_from_text(text, source, source_format=text_format)


def read_text(
    text: str,
    *,
    source: str = "<stdin>",
    pub_date: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Iterator[Article | InputError]:
    """Read text handed over directly (stdin, an API call) rather than a file.

    If every non-empty line is a JSON object the input is a stream of records,
    as in a .jsonl file (bad records come back as ``source:LINE`` errors); a
    whole HTML document is read as a page; anything else is one plain-text
    article, with site chrome stripped.
    """
    text = text.removeprefix("\ufeff")  # a BOM from a Windows pipe is not content
    if not text.strip():
        raise InputError(source, "empty input")
    items = list(_text_items(text, source, "text"))
    return with_overrides(items, pub_date, outlet, url)
