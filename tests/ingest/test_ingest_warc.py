"""WARC archives: one story per HTML response, provenance from the record, bad records skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcgen import html_record, http_response, record, write_warc

from communique.errors import InputError
from communique.ingest import expand_paths, read_file
from communique.model import Article


def _split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles = [i for i in items if isinstance(i, Article)]
    return articles, [i for i in items if isinstance(i, InputError)]


@pytest.fixture(params=["crawl.warc", "crawl.warc.gz"])
def name(request: pytest.FixtureRequest) -> str:
    return request.param


def test_warc_html_responses_become_articles_with_target_uri(tmp_path: Path, name: str) -> None:
    request = record(b"GET /story/1 HTTP/1.1\r\nHost: news.example\r\n\r\n",
                     uri="https://news.example/story/1", warc_type="request")
    path = write_warc(tmp_path / name, [request, html_record(1), html_record(2)])
    articles, errors = _split(list(read_file(path)))
    assert [a.url for a in articles] == [
        "https://news.example/story/1", "https://news.example/story/2",
    ] and not errors


def test_warc_page_date_wins_over_crawl_date(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, [html_record(1, pub_date="2023-11-02")])
    (article,) = read_file(path)
    assert (str(article.pub_date), article.pub_date_source) == ("2023-11-02", "metadata")


def test_warc_crawl_date_used_when_page_has_none(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, [html_record(1, warc_date="2024-02-29T23:10:00Z")])
    (article,) = read_file(path)
    assert (str(article.pub_date), article.pub_date_source, article.extra["warc_date"]) == (
        "2024-02-29", "warc", "2024-02-29T23:10:00Z",
    )


def test_warc_non_html_and_redirect_responses_are_skipped(tmp_path: Path, name: str) -> None:
    records = [
        record(http_response('{"a": 1}', content_type="application/json"), uri="https://x/a.json"),
        record(http_response("", status="301 Moved Permanently"), uri="https://x/old"),
        html_record(7),
    ]
    articles, errors = _split(list(read_file(write_warc(tmp_path / name, records))))
    assert [a.title for a in articles] == ["Story number 7"] and not errors


def test_warc_malformed_record_is_reported_and_reading_goes_on(tmp_path: Path, name: str) -> None:
    broken = record(b"xxxx", uri="https://x/broken").replace(
        b"Content-Length: 4", b"Content-Length: many"
    )
    path = write_warc(tmp_path / name, [html_record(1), broken, html_record(2)])
    articles, errors = _split(list(read_file(path)))
    assert [a.title for a in articles] == ["Story number 1", "Story number 2"]
    assert len(errors) == 1 and "malformed WARC record" in errors[0].problem
    assert errors[0].path.startswith(str(path) + "@")


def test_warc_garbage_between_records_is_skipped(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "x.warc", [html_record(1), b"not a record\r\n\r\n",
                                            html_record(2)])
    articles, errors = _split(list(read_file(path)))
    assert [a.title for a in articles] == ["Story number 1", "Story number 2"] and len(errors) == 1


def test_warc_truncated_gzip_keeps_earlier_records_and_reports(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "x.warc.gz", [html_record(1), html_record(2), html_record(3)])
    path.write_bytes(path.read_bytes()[:-120])
    articles, errors = _split(list(read_file(path)))
    assert [a.title for a in articles] == ["Story number 1", "Story number 2"]
    assert any("damaged or truncated" in e.problem for e in errors)


def test_warc_truncated_plain_record_is_reported(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "x.warc", [html_record(1), html_record(2)])
    path.write_bytes(path.read_bytes()[:-300])
    articles, errors = _split(list(read_file(path)))
    assert len(articles) == 1 and "truncated" in errors[0].problem


def test_warc_oversized_record_is_refused_alone(tmp_path: Path) -> None:
    big = record(http_response("<html><body><p>" + "word " * 5000 + "</p></body></html>"),
                 uri="https://x/big")
    path = write_warc(tmp_path / "x.warc", [big, html_record(1)])
    articles, errors = _split(list(read_file(path, max_bytes=10_000)))
    assert len(articles) == 1 and "larger than the 10,000-byte limit" in errors[0].problem


def test_warc_archives_are_found_in_directories(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", [html_record(1)])
    write_warc(tmp_path / "b.warc", [html_record(2)])
    (tmp_path / "c.gz").write_bytes(b"x")
    assert [p.name for p in expand_paths([str(tmp_path)])] == ["a.warc.gz", "b.warc"]
