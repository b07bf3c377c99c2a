"""Finding files and refusing bad ones with a one-line message that names the file."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import expand_paths, read_file, read_text

STORY = "Talks resume\n\nNegotiators met again in Geneva on Wednesday to discuss the ceasefire.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of mixed files, hidden ones and files of other kinds included."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "b/page.HTML", "b/deep/s.jsonl", "b/old.htm", "notes.md", ".hidden.txt",
                 ".git/x.txt", "b/image.png"):  # fmt: skip
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def _rel(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def _error(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        list(read_file(path, **kwargs))
    return info.value


def test_files_directory_recursion_is_sorted_and_skips_hidden_and_other_kinds(
    corpus: Path,
) -> None:
    assert _rel(list(expand_paths([str(corpus)])), corpus) == [
        "a.txt",
        "b/deep/s.jsonl",
        "b/old.htm",
        "b/page.HTML",
    ]


def test_files_named_file_is_kept_whatever_its_extension(corpus: Path) -> None:
    assert _rel(list(expand_paths([str(corpus / "notes.md")])), corpus) == ["notes.md"]


def test_files_glob_patterns_expand_to_known_kinds(corpus: Path) -> None:
    assert _rel(list(expand_paths([f"{corpus}/b/*"])), corpus) == [
        "b/deep/s.jsonl",
        "b/old.htm",
        "b/page.HTML",
    ]


def test_files_glob_pattern_naming_an_extension_reads_it(corpus: Path) -> None:
    assert _rel(list(expand_paths([f"{corpus}/*.md"])), corpus) == ["notes.md"]


def test_files_recursive_glob_expands_and_yields_each_file_once(corpus: Path) -> None:
    found = _rel(list(expand_paths([f"{corpus}/**/*.jsonl", f"{corpus}/b"])), corpus)
    assert found == ["b/deep/s.jsonl", "b/old.htm", "b/page.HTML"]


def test_files_missing_path_is_an_input_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such file or directory") as info:
        list(expand_paths([missing]))
    assert info.value.path == missing


def test_files_pattern_matching_nothing_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no files match"):
        list(expand_paths([f"{tmp_path}/*.html"]))


def test_files_read_missing_file_names_it(tmp_path: Path) -> None:
    err = _error(tmp_path / "gone.html")
    assert str(err) == f"{tmp_path / 'gone.html'}: no such file or directory"


def test_files_directory_is_not_a_file(tmp_path: Path) -> None:
    assert "is a directory" in str(_error(tmp_path))


def test_files_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.touch()
    assert str(_error(path)) == f"{path}: empty file"


def test_files_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert "empty file" in str(_error(path))


def test_files_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Some text\x00\x01\x02\x03 and then binary")
    err = _error(path)
    assert (err.path, "binary file" in err.problem, "\n" in str(err)) == (str(path), True, False)


def test_files_pdf_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "binary file (a PDF document)" in str(_error(path))


def test_files_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"The minister said \x81\x8d\x8f\x90\x9d\xff\xfe today.\n" * 20)
    err = _error(path)
    assert (err.path, err.problem.startswith("cannot decode as text (not UTF-8")) == (
        str(path),
        True,
    )


def test_files_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    body = (
        "Talks resume\n\nThe minister called the talks \u201cconstructive\u201d \u2013 a first.\n"
    )
    path.write_bytes(body.encode("cp1252"))
    (article,) = read_file(path)
    assert article.text == "The minister called the talks \u201cconstructive\u201d \u2013 a first."


def test_files_utf8_bom_is_not_part_of_the_title(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(STORY.encode("utf-8-sig"))
    (article,) = read_file(path)
    assert article.title == "Talks resume"


def test_files_oversized_file_fails_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.write(b"Talks resume\n\n")
        handle.truncate(50_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    err = _error(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert ("50.0 MB" in err.problem, "--max-bytes" in err.problem) == (True, True)
    assert (elapsed < 1.0, peak < 1_000_000) == (True, True)


def test_files_max_bytes_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the 20-byte limit"):
        read_file(path, max_bytes=20)
    assert len(list(read_file(path, max_bytes=10_000))) == 1


def test_files_unknown_extension_is_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved_page"
    story = "Negotiators met again in Geneva on Wednesday to discuss the ceasefire terms."
    path.write_text(f"<!doctype html><html><body><article><p>{story}</p></article></body></html>")
    (article,) = read_file(path)
    assert (article.source_format, article.text) == ("html", story)


def test_files_unknown_extension_is_sniffed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_file(path)
    assert (article.source_format, article.title) == ("txt", "Talks resume")


def test_files_jsonl_file_with_one_bad_line_still_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "One."}\n{oops\n{"text": "Three."}\n', encoding="utf-8")
    items = list(read_file(path))
    assert [str(i) if isinstance(i, InputError) else i.text for i in items] == [
        "One.",
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        "Three.",
    ]


def test_files_read_text_raw_input_is_one_text_article() -> None:
    (article,) = read_text(STORY + "\nSource link\n", outlet="Wire")
    assert (article.source, article.source_format, article.title, article.outlet) == (
        "<stdin>",
        "text",
        "Talks resume",
        "Wire",
    )
    assert "Source link" not in article.text


def test_files_read_text_mixed_lines_are_plain_text() -> None:
    raw = json.dumps({"text": "A record."}) + "\nand then a sentence that is not JSON at all.\n"
    (article,) = read_text(raw)
    assert article.source_format == "text"


def test_files_read_text_empty_input_is_refused() -> None:
    with pytest.raises(InputError, match="<stdin>: empty input"):
        read_text("  \n")
