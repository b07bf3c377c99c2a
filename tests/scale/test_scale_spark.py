"""The Spark job, loaded into SQLite, stores what a single-machine ingest stores.

Runs Spark in local mode on two JSON-lines files and one WARC archive written
here. Skips when pyspark or Java is missing, except under
``COMMUNIQUE_REQUIRE_SPARK=1`` (CI), where that is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from warcgen import http_response, page, record, write_warc

from communique.api import ingest_paths
from communique.errors import InputError
from communique.store import open_store


def _spark_available() -> None:
    missing = [name for name, ok in (
        ("pyspark", importlib.util.find_spec("pyspark") is not None),
        ("java", shutil.which("java") is not None),
    ) if not ok]
    if not missing:
        return
    reason = f"{' and '.join(missing)} not installed (pip install '.[spark]'; openjdk 17)"
    if os.environ.get("COMMUNIQUE_REQUIRE_SPARK") == "1":
        pytest.fail(f"{reason}, but COMMUNIQUE_REQUIRE_SPARK=1")
    pytest.skip(reason)


STORIES_1 = [
    {"id": "kharkiv-1", "title": "Shelling in Kharkiv", "pub_date": "2024-03-05",
     "text": "Russian forces shelled Kharkiv on Tuesday. \"We will rebuild every house,\" "
             "the mayor of Kharkiv, Ihor Terekhov, said."},
    {"id": "beijing-1", "title": "Talks in Beijing", "pub_date": "2024-03-06",
     "text": "Chinese President Xi Jinping met French President Emmanuel Macron in Beijing on "
             "Wednesday. \"Our two countries must work together,\" Macron said."},
]
STORIES_2 = [
    {"id": "cairo-1", "title": "Gas deal", "pub_date": "2024-03-04",
     "text": "Israel and Egypt signed an agreement on gas exports on Monday. \"This deal serves "
             "both peoples,\" Egyptian President Abdel Fattah el-Sisi said."},
    {"id": "sanctions-1", "title": "New sanctions", "pub_date": "2024-03-07",
     "text": "The United States imposed sanctions on Iran on Thursday, the Treasury said."},
]
WARC_STORIES = [
    ("2024-03-08", "Turkish troops attacked Kurdish fighters in northern Syria on Friday. "
                   "The Turkish defence ministry said the operation would continue."),
    ("2024-03-09", "The European Union condemned the arrest of journalists in Belarus on "
                   "Saturday. \"Freedom of the press is not negotiable,\" EU foreign policy "
                   "chief Josep Borrell said."),
]

EVENTS = """
    SELECT e.event_id, e.event_type, e.cameo, e.date, s.text,
           (SELECT group_concat(a.role || ':' || a.entity_text || '/' || ifnull(a.code, ''), '|')
              FROM event_actors a WHERE a.event_id = e.id ORDER BY a.role, a.position)
    FROM events e JOIN sentences s
      ON s.article_id = e.article_id AND s.sequence = e.sentence_seq
    ORDER BY e.event_id
"""
QUOTES = """
    SELECT quote_id, type, quote_text, speaker_text, speaker_code, cue, date
    FROM quotes ORDER BY quote_id
"""


def _rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _write_inputs(folder: Path) -> list[str]:
    folder.mkdir()
    first = folder / "news1.jsonl"
    first.write_text("\n".join(json.dumps(s) for s in STORIES_1) + '\n{"id": "broken", "te\n')
    second = folder / "news2.jsonl"
    second.write_text("\n".join(json.dumps(s) for s in STORIES_2) + "\n")
    warc = write_warc(folder / "crawl.warc.gz", [
        record(http_response(page(n, pub_date=day, words=words)),
               uri=f"https://news.example/world/{n}")
        for n, (day, words) in enumerate(WARC_STORIES, start=1)
    ])
    return [str(first), str(second), str(warc)]


@pytest.fixture(scope="module")
def spark():
    _spark_available()
    from communique.scale.spark import spark_session

    session = spark_session("local[2]", app_name="communique-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def runs(tmp_path_factory, spark, pipeline):
    """The inputs run through Spark and loaded, and ingested on one machine."""
    from communique.scale.spark import load_parquet, run_spark_job

    tmp = tmp_path_factory.mktemp("spark")
    inputs = _write_inputs(tmp / "in")
    # Slices of ~200 bytes: the first JSON-lines file is read by several tasks.
    job = run_spark_job(inputs, tmp / "out", spark=spark, slice_bytes=200)
    with open_store(tmp / "spark.db") as store:
        loaded = load_parquet(tmp / "out", store, spark=spark)
    with open_store(tmp / "local.db") as store:
        local = ingest_paths(inputs, store, pipeline=pipeline)
    return tmp, job, loaded, local


def test_scale_spark_stores_the_same_events_as_one_machine(runs):
    tmp, job, _, local = runs
    spark_events = _rows(tmp / "spark.db", EVENTS)
    assert local.events >= 4 and job.events == local.events
    assert spark_events == _rows(tmp / "local.db", EVENTS)


def test_scale_spark_stores_the_same_quotes_as_one_machine(runs):
    tmp, job, _, local = runs
    assert local.quotes >= 2 and job.quotes == local.quotes
    assert _rows(tmp / "spark.db", QUOTES) == _rows(tmp / "local.db", QUOTES)


def test_scale_spark_reads_a_large_json_lines_file_in_slices(runs):
    tmp, job, _, _ = runs
    assert job.files == 3 and job.tasks > 3
    # the bad line is still named by its true line number, as a local ingest names it
    assert _rows(tmp / "spark.db", "SELECT source FROM failures") == [
        (str(tmp / "in" / "news1.jsonl") + ":3",)]


def test_scale_spark_writes_tables_partitioned_by_date(runs):
    tmp = runs[0]
    out = tmp / "out"
    assert {p.name for p in (out / "articles").glob("pub_date=*")} == {
        f"pub_date=2024-03-0{d}" for d in range(4, 10)
    }
    assert (out / "events" / "date=2024-03-05").is_dir()
    assert (out / "quotes" / "date=2024-03-09").is_dir()


def test_scale_spark_records_bad_records_as_failures(runs):
    tmp, job, loaded, local = runs
    failures = "SELECT source, reason FROM failures ORDER BY source"
    assert (job.failed, loaded.failed, loaded.new) == (1, 1, 6)
    assert _rows(tmp / "spark.db", failures) == _rows(tmp / "local.db", failures)


def test_scale_spark_load_again_stores_nothing_new(runs, spark):
    from communique.scale.spark import load_parquet

    tmp = runs[0]
    with open_store(tmp / "spark.db") as store:
        again = load_parquet(tmp / "out", store, spark=spark)
    assert (again.new, again.unchanged, again.events) == (0, 6, 0)


def test_scale_spark_load_names_a_folder_without_tables(tmp_path, spark):
    from communique.scale.spark import load_parquet

    with open_store(tmp_path / "x.db") as store, pytest.raises(InputError, match="articles"):
        load_parquet(tmp_path, store, spark=spark)


def test_scale_spark_applies_pub_date_and_actors_files(tmp_path, spark):
    from datetime import date

    from communique.scale.spark import load_parquet, run_spark_job

    news = tmp_path / "undated.jsonl"
    news.write_text(json.dumps({"id": "goma-1", "text": "The River Guards attacked a police "
                                "station in Goma on Monday, officials said."}) + "\n")
    actors = tmp_path / "militias.csv"
    actors.write_text("name,aliases,code,sector\nRiver Guard,River Guards,COD,REB\n")
    run_spark_job([str(news)], tmp_path / "out", spark=spark, pub_date=date(2024, 3, 6),
                  actors_files=[actors])
    with open_store(tmp_path / "x.db") as store:
        load_parquet(tmp_path / "out", store, spark=spark)
    rows = _rows(tmp_path / "x.db", "SELECT a.code, a.sector, e.date FROM events e "
                 "JOIN event_actors a ON a.event_id = e.id WHERE a.role = 'actor'")
    assert rows == [("COD", "REB", "2024-03-04")]  # "on Monday" before Wednesday the 6th


def test_scale_spark_refuses_a_bad_actors_file_before_any_task(tmp_path, spark):
    from communique.errors import DataFileError
    from communique.scale.spark import run_spark_job

    news = tmp_path / "n.jsonl"
    news.write_text(json.dumps({"text": "Rebels attacked a village."}) + "\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,sector\nX,REB\n")
    with pytest.raises(DataFileError, match=r"bad\.csv:1"):
        run_spark_job([str(news)], tmp_path / "out", spark=spark, actors_files=[bad])
    assert not (tmp_path / "out").exists()
