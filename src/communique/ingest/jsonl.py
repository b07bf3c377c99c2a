"""JSON lines: one story per line, as corpora and scrapers usually ship them.

A corpus of thousands of stories should not fail because one line is bad, nor
need the whole file in memory, so lines are read one at a time (each capped in
length) and a bad line becomes an :class:`InputError` naming ``path:line``
that the caller can report while the other records go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from communique.errors import InputError
from communique.model import Article

__all__ = [
    "article_from_record", "iter_jsonl", "jsonl_slices", "parse_line", "parse_record_date",
]

# Field names accepted for each Article attribute, first present wins.
_DATE_FIELDS = ("pub_date", "published", "date")
_BYLINE_FIELDS = ("author", "byline")
_KNOWN = {
    "id", "text", "title", "url", "outlet", "language", "republished_from",
    *_DATE_FIELDS, *_BYLINE_FIELDS,
}  # fmt: skip


def parse_record_date(value: Any) -> date:
    """Read an ISO date or date-time ("2025-03-14", "2025-03-14 20:30:26Z").

    The calendar date is taken as written, without converting time zones: it
    is the date the outlet printed on the story.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"bad publication date {value!r} (expected an ISO date like 2025-03-14)")
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(
            f"bad publication date {value!r} (expected an ISO date like 2025-03-14)"
        ) from None


def _optional_str(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return "; ".join(value)  # several authors
        if not isinstance(value, str | int | float):
            raise ValueError(f"field {name!r} must be a string, not {type(value).__name__}")
        return str(value).strip() or None
    return None


def article_from_record(record: Any, source: str, *, source_format: str = "jsonl") -> Article:
    """Turn one parsed JSON record into an Article; ValueError says what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('record has no text (a non-empty "text" string is required)')
    pub_date = None
    for name in _DATE_FIELDS:
        if record.get(name) not in (None, ""):
            pub_date = parse_record_date(record[name])
            break
    story_id = record.get("id")
    if story_id is not None and not isinstance(story_id, str | int):
        raise ValueError(f"field 'id' must be a string or number, not {type(story_id).__name__}")
    return Article(
        text=text.strip(),
        source=source,
        source_format=source_format,
        story_id=str(story_id) if story_id not in (None, "") else None,
        title=_optional_str(record, ("title",)),
        url=_optional_str(record, ("url",)),
        outlet=_optional_str(record, ("outlet",)),
        byline=_optional_str(record, _BYLINE_FIELDS),
        pub_date=pub_date,
        pub_date_source="jsonl" if pub_date else None,
        language=_optional_str(record, ("language",)) or "en",
        republished_from=_optional_str(record, ("republished_from",)),
        extra={k: v for k, v in record.items() if k not in _KNOWN},
    )


def parse_line(line: str, where: str, source: str, source_format: str) -> Article | InputError:
    """One line of JSON to an Article, or the InputError that names the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, f"not valid JSON ({err.msg} at column {err.colno})")
    try:
        return article_from_record(record, source, source_format=source_format)
    except ValueError as err:
        return InputError(where, str(err))


def _read_capped_line(handle: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Read one line of at most ``limit`` bytes; skip (and flag) the rest of a longer one.

    Skipping in bounded chunks keeps memory constant however long the line is.
    """
    line = handle.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return b"", True


def iter_jsonl(handle: IO[bytes], source: str, *, max_bytes: int, stop: int | None = None,
               first_line: int = 1) -> Iterator[Article | InputError]:
    """Stream records from an open binary file; raise if the file holds no record at all.

    With ``stop``, read only the lines that start before byte ``stop`` (the caller has
    sought to the start of a line, numbered ``first_line``): one slice of a file too
    big for one task, as :func:`jsonl_slices` cuts it.
    """
    lineno = first_line - 1
    seen_content = False
    while True:
        if stop is not None and handle.tell() >= stop:
            return
        raw, too_long = _read_capped_line(handle, max_bytes)
        if not raw and not too_long:
            break
        lineno += 1
        where = f"{source}:{lineno}"
        if too_long:
            seen_content = True
            yield InputError(
                where,
                f"line is longer than the {max_bytes:,}-byte limit; pass --max-bytes to raise it",
            )
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:
            seen_content = True
            yield InputError(where, "cannot decode as text (not UTF-8, as JSON lines must be)")
            continue
        if not line.strip():
            continue
        seen_content = True
        yield parse_line(line, where, source, "jsonl")
    if not seen_content and first_line == 1 and stop is None:  # a slice may be blank
        raise InputError(source, "empty file (only whitespace)")


def jsonl_slices(
    handle: IO[bytes], size: int, slice_bytes: int
) -> list[tuple[int, int | None, int]]:
    """Cut a JSON-lines file into slices of about ``slice_bytes``, at line ends.

    Returns ``(start, stop, first_line)`` for each slice (``stop`` None for the last), so
    that tasks can read a large file in parallel with :func:`iter_jsonl` and still name
    each bad line by its true number. Only newlines are looked at, a block at a time.
    """
    cuts = [(0, 1)]
    next_cut = slice_bytes
    block_start = lines_before = 0
    while next_cut < size and (block := handle.read(1 << 20)):
        search_from = 0
        while next_cut < size and block_start + len(block) > next_cut:
            i = block.find(b"\n", max(search_from, next_cut - block_start))
            if i < 0:
                break  # the line that crosses the cut ends in a later block
            cut = block_start + i + 1
            if cut < size:
                cuts.append((cut, lines_before + block.count(b"\n", 0, i + 1) + 1))
            next_cut = cut + slice_bytes
            search_from = i + 1
        lines_before += block.count(b"\n")
        block_start += len(block)
    stops: list[int | None] = [start for start, _ in cuts[1:]]
    return [(start, stop, line) for (start, line), stop in zip(cuts, [*stops, None], strict=True)]
