"""Sources at scale from the command line: WARC archives, languages, copies, canonical events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcgen import http_response, record, write_warc

from communique.cli import main

STORY = (
    "<p>Kenya held talks with Somalia on Monday about security along their shared border, "
    "officials said, in the first meeting of its kind this year.</p>"
    "<p>The two governments agreed to open a joint office to coordinate patrols, and the talks "
    "will continue next month in Mogadishu, according to a statement from Nairobi.</p>"
)
FRENCH = (
    "<p>Le Kenya a tenu lundi des discussions avec la Somalie sur la sécurité le long de leur "
    "frontière commune, ont indiqué des responsables, lors de la première réunion de ce type "
    "cette année.</p><p>Les deux gouvernements ont convenu d'ouvrir un bureau commun.</p>"
)


def _page(title: str, body: str, day: str, chrome: str = "") -> str:
    return (f'<html><head><title>{title}</title><meta property="article:published_time" '
            f'content="{day}"></head><body>{chrome}<article><h1>{title}</h1>{body}</article>'
            "</body></html>")


@pytest.fixture(scope="module")
def ingested(pipeline, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("sources")
    records = [
        record(http_response(_page("Kenya and Somalia hold talks", STORY, "2024-05-13")),
               uri="https://wire.example/kenya-somalia"),
        record(http_response(_page("Kenya, Somalia talk security", STORY, "2024-05-14",
                                   chrome="<p>Home | World | Africa</p><p>Source link</p>")),
               uri="https://aggregator.example/kenya"),
        record(http_response(_page("Le Kenya et la Somalie discutent", FRENCH, "2024-05-13")),
               uri="https://presse.example/kenya"),
    ]
    warc = write_warc(tmp / "crawl.warc.gz", records)
    db = tmp / "s.db"
    result = CliRunner().invoke(main, ["ingest", str(warc), "--db", str(db), "-q"],
                                catch_exceptions=False)
    return db, result.output


def _run(*args: str) -> str:
    return CliRunner().invoke(main, list(args), catch_exceptions=False).output


def test_cli_sources_warc_summary_counts_articles_not_in_english(ingested) -> None:
    _, output = ingested
    assert "3 new" in output and "not coded (not English): 1" in output


def test_cli_sources_articles_show_language_and_republication(ingested) -> None:
    db, _ = ingested
    rows = [json.loads(line) for line in _run("articles", "--db", str(db), "--format",
                                              "jsonl").splitlines()]
    found = {r["url"]: (r["language"], r["republished_from"], r["events"]) for r in rows}
    assert found["https://presse.example/kenya"] == ("fr", None, 0)
    assert found["https://aggregator.example/kenya"][1] == "https://wire.example/kenya-somalia"


def test_cli_sources_show_says_republished_from(ingested) -> None:
    db, _ = ingested
    listed = [json.loads(line) for line in _run("articles", "--db", str(db), "--format",
                                                "jsonl").splitlines()]
    copy_id = next(r["id"] for r in listed if r["url"] == "https://aggregator.example/kenya")
    assert "republished from https://wire.example/kenya-somalia" in _run(
        "show", copy_id, "--db", str(db))


def test_cli_sources_canonical_events_count_copies_once(ingested) -> None:
    db, _ = ingested
    mentions = _run("events", "--db", str(db), "--format", "jsonl").splitlines()
    canonical = [json.loads(line) for line in
                 _run("events", "--canonical", "--db", str(db), "--format", "jsonl").splitlines()]
    talks = next(e for e in canonical if e["event_text"] == "held")
    assert len(mentions) > len(canonical)
    assert (talks["articles"], talks["sources"]) == (2, 1)
    assert max(e["sources"] for e in canonical) == 1
