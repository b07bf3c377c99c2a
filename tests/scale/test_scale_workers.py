"""Ingest with worker processes stores exactly what one process stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from communique.api import ingest_paths
from communique.model import Article
from communique.scale.workers import CHUNK_CHARS, _chunks
from communique.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLES = {
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY 1, 2, 3",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, sequence",
    "articles": "SELECT article_id, language, republished_from, content_hash FROM articles "
                "ORDER BY id",
}
# A story in French (stored with its language, not coded) and a republished copy of a
# wire story (linked to its original): the work the workers now do for the writer.
FRENCH = ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
          "agriculteurs touchés par la sécheresse dans le sud du pays, selon le ministère.")


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
    wire = json.loads((EXAMPLES / "jsonl" / "wire.jsonl").read_text().splitlines()[0])
    copy = {"id": "aggregator-copy", "title": wire["title"],
            "text": "Share this story\n\n" + wire["text"] + "\n\nSource link"}
    french = {"id": "fr-1", "title": "Aide aux agriculteurs", "text": FRENCH}
    more = tmp / "more.jsonl"
    more.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (copy, french)) + "\n")
    inputs = [str(EXAMPLES), str(bad), str(more)]
    with open_store(tmp / "one.db") as store:
        one = ingest_paths(inputs, store, pipeline=pipeline)
    with open_store(tmp / "two.db") as store:
        two = ingest_paths(inputs, store, workers=2)
    return tmp, one, two


def test_scale_workers_store_the_same_as_one_process(ingested):
    tmp, one, _ = ingested
    assert one.events > 50 and one.quotes > 50
    assert _rows(tmp / "two.db") == _rows(tmp / "one.db")


def test_scale_workers_keep_other_languages_uncoded_and_copies_linked(ingested):
    tmp, _, two = ingested
    rows = {r[0]: r for r in _rows(tmp / "two.db")["articles"]}
    assert (two.skipped_language, rows["fr-1"][1], rows["aggregator-copy"][2]) == (
        1, "fr", "https://northstarwire.example/news/2024/02/27/egypt-ethiopia-dam-talks"
    )


def test_scale_workers_cut_tasks_by_length_in_order():
    long_text = "word " * (CHUNK_CHARS // 5)
    articles = [Article(text=t, source=f"s{i}", source_format="text")
                for i, t in enumerate(["short"] * 3 + [long_text, "short", long_text])]
    chunks = list(_chunks(articles))
    assert [[a.source for a in c] for c in chunks] == [["s0", "s1", "s2", "s3"], ["s4", "s5"]]


def test_scale_workers_record_bad_documents_and_go_on(ingested):
    tmp, _, two = ingested
    con = sqlite3.connect(tmp / "two.db")
    failures = con.execute("SELECT source FROM failures").fetchall()
    con.close()
    assert (two.failed, two.new, [Path(p).name for (p,) in failures]) == (
        1, 28, ["broken.jsonl:1"]
    )


def test_scale_workers_report_stage_times_from_the_workers(ingested):
    _, _, two = ingested
    assert {"extraction", "nlp", "coding", "quotes", "store"} <= set(two.stage_times)
