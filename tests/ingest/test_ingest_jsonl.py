"""JSON lines: one story per line; a bad line is reported and the rest still read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import shared_file

from communique.errors import InputError
from communique.ingest import read_file, read_text
from communique.model import Article

GOOD = {
    "id": 501,
    "text": "The council voted to rebuild the bridge.",
    "title": "Council backs bridge",
    "url": "https://news.example/bridge",
    "published": "2025-03-14 20:30:26Z",
    "outlet": "Valley News",
    "author": "Jo Park",
    "section": "Local",
}


def _voa() -> Path:
    return shared_file("data", "voa", "voa_stories.jsonl")


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_record_fields(tmp_path: Path) -> None:
    (article,) = read_file(_write(tmp_path, json.dumps(GOOD)))
    assert (article.story_id, article.title, article.url, article.outlet, article.byline) == (
        "501",
        "Council backs bridge",
        "https://news.example/bridge",
        "Valley News",
        "Jo Park",
    )


def test_jsonl_reads_datetime_as_publication_date(tmp_path: Path) -> None:
    (article,) = read_file(_write(tmp_path, json.dumps(GOOD)))
    assert (article.pub_date, article.pub_date_source) == (date(2025, 3, 14), "jsonl")


def test_jsonl_accepts_pub_date_and_date_fields(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "One.", "pub_date": "2024-01-02"}),
        json.dumps({"text": "Two.", "date": "2024-01-03T08:00:00+02:00"}),
    ]
    assert [a.pub_date for a in read_file(_write(tmp_path, *lines))] == [
        date(2024, 1, 2),
        date(2024, 1, 3),
    ]


def test_jsonl_keeps_unknown_fields_as_extra(tmp_path: Path) -> None:
    (article,) = read_file(_write(tmp_path, json.dumps(GOOD)))
    assert article.extra == {"section": "Local"}


def test_jsonl_bad_lines_are_reported_and_others_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        json.dumps(GOOD),
        "",
        '{"id": "2", "text": "Broken line',
        json.dumps({"id": "3", "title": "no text here"}),
        json.dumps({"id": "4", "text": "Bad date.", "published": "last Tuesday"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "7", "text": "The last good one."}),
    )
    items = list(read_file(path))
    errors = {e.path: e.problem for e in items if isinstance(e, InputError)}
    assert [a.story_id for a in items if isinstance(a, Article)] == ["501", "7"]
    assert sorted(errors) == [f"{path}:{n}" for n in (3, 4, 5, 6)]


def test_jsonl_error_messages_say_what_is_wrong(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '{"text": ',
        json.dumps({"text": "  "}),
        json.dumps({"text": "x", "published": "14/03/2025"}),
    )
    problems = [e.problem for e in read_file(path)]
    assert [p.split(" (")[0] for p in problems] == [
        "not valid JSON",
        "record has no text",
        "bad publication date '14/03/2025'",
    ]


def test_jsonl_overlong_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"text": "x" * 5000}), json.dumps(GOOD))
    items = list(read_file(path, max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    assert "1,000-byte limit" in str(items[0])


def test_jsonl_json_array_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "array.jsonl"
    path.write_text(json.dumps([GOOD]), encoding="utf-8")
    with pytest.raises(InputError, match="JSON array, not JSON lines"):
        read_file(path)


def test_jsonl_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "", "   ", "")
    with pytest.raises(InputError, match="empty file"):
        list(read_file(path))


def test_jsonl_stdin_records_are_read_like_a_file() -> None:
    items = list(read_text(json.dumps(GOOD) + "\n\n" + json.dumps({"id": "9", "text": "More."})))
    assert [(a.story_id, a.source, a.source_format) for a in items] == [
        ("501", "<stdin>", "jsonl"),
        ("9", "<stdin>", "jsonl"),
    ]


def test_jsonl_stdin_bad_record_names_the_line() -> None:
    items = list(read_text(json.dumps(GOOD) + "\n" + json.dumps({"id": "9"})))
    assert str(items[1]).startswith("<stdin>:2: record has no text")


def test_jsonl_stdin_broken_record_does_not_turn_records_into_text() -> None:
    items = list(read_text(json.dumps(GOOD) + '\n{"id": "8", "text": "cut off'))
    assert [type(i).__name__ for i in items] == ["Article", "InputError"]


def test_jsonl_voa_stories_all_read() -> None:
    items = list(read_file(_voa()))
    articles = [a for a in items if isinstance(a, Article)]
    assert (len(items), len(articles), len({a.story_id for a in articles})) == (89, 89, 89)


def test_jsonl_voa_stories_carry_provenance() -> None:
    articles = list(read_file(_voa()))
    assert all(a.url and a.title and a.byline and a.pub_date for a in articles)


def test_jsonl_slices_read_together_give_the_whole_file_with_true_line_numbers():
    import io

    from communique.ingest.jsonl import iter_jsonl, jsonl_slices

    lines = [json.dumps({"id": n, "text": f"Story number {n}."}) for n in range(60)]
    lines[41] = '{"id": 41, "text": '  # broken
    lines.insert(20, "")  # a blank line shifts the numbers after it
    data = ("\n".join(lines) + "\n").encode()

    def read(start: int, stop: int | None, first: int) -> list:
        handle = io.BytesIO(data)
        handle.seek(start)
        return list(iter_jsonl(handle, "big.jsonl", max_bytes=10_000, stop=stop,
                               first_line=first))

    slices = jsonl_slices(io.BytesIO(data), len(data), 300)
    assert len(slices) > 3 and slices[0][0] == 0 and slices[-1][1] is None
    assert all(data[start - 1:start] == b"\n" for start, _, _ in slices[1:])  # cut at line ends
    pieces = [item for s in slices for item in read(*s)]
    whole = read(0, None, 1)
    assert [getattr(i, "text", None) for i in pieces] == [getattr(i, "text", None) for i in whole]
    assert [i.path for i in pieces if isinstance(i, InputError)] == ["big.jsonl:43"]
