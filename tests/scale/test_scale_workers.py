"""Ingest with worker processes stores exactly what one process stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.api import ingest_paths
from communique.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLES = {
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY 1, 2, 3",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, sequence",
}


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, pipeline):
    """The examples plus one broken file, ingested by one process and by two workers."""
    tmp = tmp_path_factory.mktemp("workers")
    bad = tmp / "broken.jsonl"
    bad.write_text('{"id": "x1", "text": "unterminated\n')
    inputs = [str(EXAMPLES), str(bad)]
    with open_store(tmp / "one.db") as store:
        one = ingest_paths(inputs, store, pipeline=pipeline)
    with open_store(tmp / "two.db") as store:
        two = ingest_paths(inputs, store, workers=2)
    return tmp, one, two


def test_scale_workers_store_the_same_as_one_process(ingested):
    tmp, one, _ = ingested
    assert one.events > 50 and one.quotes > 50
    assert _rows(tmp / "two.db") == _rows(tmp / "one.db")


def test_scale_workers_record_bad_documents_and_go_on(ingested):
    tmp, _, two = ingested
    con = sqlite3.connect(tmp / "two.db")
    failures = con.execute("SELECT source FROM failures").fetchall()
    con.close()
    assert (two.failed, two.new, [Path(p).name for (p,) in failures]) == (
        1, 26, ["broken.jsonl:1"]
    )


def test_scale_workers_report_stage_times_from_the_workers(ingested):
    _, _, two = ingested
    assert {"extraction", "nlp", "coding", "quotes", "store"} <= set(two.stage_times)
