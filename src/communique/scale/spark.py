"""The corpus tier: the pipeline as a PySpark job over many WARC/JSON-lines files.

Each input file is one Spark task (a large JSON-lines file, several: one per slice
of about ``SLICE_BYTES``, cut at line ends on the driver). Executors read their file with the same
``read_file`` as ``communique ingest``, detect the language, and analyse with a
:class:`~communique.nlp.pipeline.Pipeline` built once per Python worker (so once
per partition at most, never per article). The job writes Parquet tables::

    OUT/articles/pub_date=YYYY-MM-DD/   one row per article, sentences nested
    OUT/events/date=YYYY-MM-DD/         one row per event, actors as arrays of structs
    OUT/quotes/date=YYYY-MM-DD/         one row per quote
    OUT/failures/                       source, reason: what could not be read

``communique load OUT --db ...`` (:func:`load_parquet`) rebuilds the analysed
articles and stores them through ``store.add``, so the web UI reads a Spark run
like any ingest. pyspark is imported only by these functions.

On a cluster whose nodes have communique installed, submit this module as the
application (spark-submit's ``--master`` and ``--conf`` then apply)::

    JOB=$(python -c 'import communique.scale.spark as m; print(m.__file__)')
    spark-submit --master spark://HOST:7077 "$JOB" /data/crawl/ --out /data/corpus/

or, without spark-submit, ``python -m communique.scale.spark INPUT... --out DIR
--master local[4]``. Input files must be readable at the same path on every executor.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import CommuniqueError, InputError
from communique.nlp.pipeline import DEFAULT_MODEL
from communique.scale.rows import analyzed_rows, article_key, rebuild_analyzed

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

    from communique.api import IngestReport
    from communique.store import Store

__all__ = ["SparkReport", "load_parquet", "main", "run_spark_job", "spark_session"]

TABLES = ("articles", "events", "quotes", "failures")
_PIPELINES: dict[str, Any] = {}  # per Python worker: a reused worker keeps its pipeline


@dataclass
class SparkReport:
    """What a Spark run wrote: the line the CLI prints."""

    files: int = 0
    tasks: int = 0
    articles: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0

    def line(self) -> str:
        return (f"files: {self.files} ({self.tasks} tasks); articles: {self.articles}; "
                f"events: {self.events}; quotes: {self.quotes}; failed: {self.failed}")


def _schemas() -> dict[str, StructType]:
    """The four tables' schemas, spelled out so Parquet never depends on type inference."""
    from pyspark.sql.types import (
        ArrayType,
        DateType,
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    def struct(*fields: tuple[str, Any]) -> StructType:
        return StructType([StructField(name, kind, True) for name, kind in fields])

    text, num = StringType(), IntegerType()
    sentence = struct(("sequence", num), ("start", num), ("end", num), ("text", text),
                      ("section", text))
    actor = struct(("entity_text", text), ("code", text), ("sector", text),
                   ("identifier_id", text), ("identifier_text", text), ("start", num),
                   ("end", num))
    place = struct(("name", text), ("text", text), ("country_code", text), ("country", text),
                   ("admin1", text), ("lat", DoubleType()), ("lon", DoubleType()),
                   ("feature_class", text), ("feature_code", text), ("geonameid", LongType()),
                   ("precision", text), ("found_by", text))
    key = (("article_key", text), ("position", num), ("id", text), ("story_id", text))
    return {
        "articles": struct(
            ("article_key", text), ("source_file", text), ("story_id", text), ("source", text),
            ("source_format", text), ("title", text), ("url", text), ("outlet", text),
            ("byline", text), ("pub_date", DateType()), ("pub_date_source", text),
            ("language", text), ("republished_from", text), ("text", text),
            ("content_hash", text), ("extra", text), ("sentences", ArrayType(sentence))),
        "events": struct(
            *key, ("event_type", text), ("mode", text), ("context", ArrayType(text)),
            ("cameo", text), ("goldstein", DoubleType()), ("quad_code", num),
            ("event_text", text), ("sentence", sentence), ("trigger_start", num),
            ("trigger_end", num), ("date", DateType()), ("date_text", text),
            ("date_precision", text), ("actor", ArrayType(actor)),
            ("recipient", ArrayType(actor)), ("place", place)),
        "quotes": struct(
            *key, ("quote_text", text), ("type", text), ("start", num), ("end", num),
            ("speaker", actor), ("cue", text), ("addressee", actor), ("section", text),
            ("sequence", num), ("date", DateType())),
        "failures": struct(("source", text), ("reason", text)),
    }


def _combined_schema() -> StructType:
    """One record per article or failure, so the NLP runs once for all four tables."""
    from pyspark.sql.types import ArrayType, StructField, StructType

    s = _schemas()
    return StructType([
        StructField("article", s["articles"], True),
        StructField("events", ArrayType(s["events"]), True),
        StructField("quotes", ArrayType(s["quotes"]), True),
        StructField("failure", s["failures"], True),
    ])


def spark_session(master: str = "local[2]", app_name: str = "communique") -> SparkSession:
    """A session sized for a laptop unless ``master`` says otherwise; no web UI."""
    from pyspark.sql import SparkSession

    # Local workers must import this package and run this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    package_root = str(Path(__file__).resolve().parents[2])
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if package_root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, paths)])
    session = (SparkSession.builder.master(master).appName(app_name)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", "1g")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def _failure(source: str, reason: str) -> dict[str, Any]:
    return {"article": None, "events": [], "quotes": [],
            "failure": {"source": source, "reason": reason}}


#: A JSON-lines file larger than this is read by several tasks, a slice each.
SLICE_BYTES = 64 << 20

#: One task: (file index, path, first byte, stop byte or None, number of the first line).
Task = tuple[int, str, int, int | None, int]


def _tasks(files: list[str], slice_bytes: int) -> list[Task]:
    """One task per file, except that large JSON-lines files are cut into slices.

    A file that fails its whole-file checks stays one task, whose reading reports it.
    """
    from communique.ingest import read_file
    from communique.ingest.jsonl import jsonl_slices

    tasks: list[Task] = []
    for index, path in enumerate(files):
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        if size > slice_bytes and Path(path).suffix.lower() in (".jsonl", ".ndjson"):
            try:
                read_file(path)  # the checks only: empty, binary, a JSON array ...
                with open(path, "rb") as handle:
                    slices = jsonl_slices(handle, size, slice_bytes)
            except (InputError, OSError):
                slices = [(0, None, 1)]
            tasks += [(index, path, start, stop, line) for start, stop, line in slices]
        else:
            tasks.append((index, path, 0, None, 1))
    return tasks


def _read_task(task: Task, pub_date: date | None = None) -> Iterator[Any]:
    """The articles (and bad records) of a task: a whole file, or a slice of JSON lines."""
    from communique.ingest import read_file
    from communique.ingest.files import DEFAULT_MAX_BYTES, with_overrides
    from communique.ingest.jsonl import iter_jsonl

    _, path, start, stop, first_line = task
    if start == 0 and stop is None:
        yield from read_file(path, pub_date=pub_date)
        return
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            yield from with_overrides(
                iter_jsonl(handle, path, max_bytes=DEFAULT_MAX_BYTES, stop=stop,
                           first_line=first_line), pub_date, None, None)
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None


def _analyze_file(pipeline: Any, task: Task, pub_date: date | None = None
                  ) -> Iterator[dict[str, Any]]:
    """Records for one task: an InputError or an analysis crash becomes a failure row.

    Article keys number records from the task's first line, so keys stay unique and in
    reading order across the slices of one file.
    """
    from communique.ingest.language import detect_language
    from communique.model import AnalyzedArticle

    file_index, path, _, _, first_line = task
    english: list[tuple[int, Any]] = []
    try:
        for n, item in enumerate(_read_task(task, pub_date), start=first_line - 1):
            if isinstance(item, InputError):
                yield _failure(item.path, item.problem)
                continue
            item.language = detect_language(item.text, item.title)[0]
            if item.language == "en":
                english.append((n, item))
                continue
            yield _record(article_key(file_index, n), path, AnalyzedArticle(article=item))
    except InputError as err:
        yield _failure(err.path, err.problem)
        return
    try:
        analyzed = list(pipeline.analyze_many(article for _, article in english))
    except Exception as err:  # one bad file must not stop the job
        yield _failure(path, f"analysis failed: {type(err).__name__}: {err}")
        return
    for (n, _), result in zip(english, analyzed, strict=True):
        yield _record(article_key(file_index, n), path, result)


def _record(key: str, path: str, analyzed: Any) -> dict[str, Any]:
    article, events, quotes = analyzed_rows(key, path, analyzed)
    return {"article": article, "events": events, "quotes": quotes, "failure": None}


def _pipeline(model: str, actors: tuple[tuple[str, str], ...]) -> Any:
    """The worker's one pipeline for ``model`` and the user's actors files (name, text)."""
    key = (model, actors)
    if key not in _PIPELINES:
        from communique.actors.stored import written_actor_files
        from communique.nlp.pipeline import Pipeline

        with written_actor_files(actors) as paths:  # read once, at load
            _PIPELINES[key] = Pipeline.with_actors(model, paths)
    return _PIPELINES[key]


def _analyze_partition(model: str, actors: tuple[tuple[str, str], ...], pub_date: date | None,
                       tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
    """A partition's tasks, analysed with the worker's one pipeline."""
    pipeline = _pipeline(model, actors)
    for task in tasks:
        yield from _analyze_file(pipeline, task, pub_date)


def run_spark_job(inputs: Iterable[str], out: str | Path, *, spark: SparkSession | None = None,
                  master: str = "local[2]", model: str = DEFAULT_MODEL,
                  slice_bytes: int = SLICE_BYTES, pub_date: date | None = None,
                  actors_files: Iterable[str | Path] = ()) -> SparkReport:
    """Analyse every file under ``inputs`` on Spark and write the Parquet tables under ``out``.

    Paths are expanded here, as ``communique ingest`` expands them, so the
    article order (and the ids ``load`` gives) is the same as a local ingest's.
    Existing tables under ``out`` are replaced. Without ``spark``, a session on
    ``master`` is started and stopped here. JSON-lines files larger than
    ``slice_bytes`` are read by several tasks, so one big file does not leave
    the rest of the cluster idle. ``pub_date`` and ``actors_files`` mean what they
    mean to ``communique ingest``; the actors files are read here (and checked, so a
    bad one fails before any task runs) and shipped to the executors as text.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from communique.ingest import expand_paths

    files = [str(p) for p in expand_paths(inputs)]
    actors = _read_actors(actors_files)
    session = spark or spark_session(master)
    out = str(out)
    report = SparkReport(files=len(files))
    tasks = _tasks(files, slice_bytes)
    report.tasks = len(tasks)
    rdd = session.sparkContext.parallelize(tasks, max(1, len(tasks)))
    rows = rdd.mapPartitions(lambda part: _analyze_partition(model, actors, pub_date, part))
    combined = session.createDataFrame(rows, _combined_schema()).persist(
        StorageLevel.MEMORY_AND_DISK)
    try:
        tables = {
            "articles": combined.where(F.col("article").isNotNull()).select("article.*"),
            "events": combined.select(F.explode("events").alias("e")).select("e.*"),
            "quotes": combined.select(F.explode("quotes").alias("q")).select("q.*"),
            "failures": combined.where(F.col("failure").isNotNull()).select("failure.*"),
        }
        partitions = {"articles": "pub_date", "events": "date", "quotes": "date"}
        for name, frame in tables.items():
            writer = frame.write.mode("overwrite")
            if name in partitions:
                writer = writer.partitionBy(partitions[name])
            writer.parquet(f"{out}/{name}")
        report.articles = tables["articles"].count()
        report.events = tables["events"].count()
        report.quotes = tables["quotes"].count()
        report.failed = tables["failures"].count()
    finally:
        combined.unpersist()
        if spark is None:
            session.stop()
    return report


def _read_actors(actors_files: Iterable[str | Path]) -> tuple[tuple[str, str], ...]:
    """(name, text) of each actors file, after checking that the knowledge base reads it."""
    from communique.actors.kb import KnowledgeBase
    from communique.actors.tsv import read_text

    paths = tuple(Path(p) for p in actors_files)
    if not paths:
        return ()
    KnowledgeBase.load(extra=paths)  # DataFileError names the file and line
    return tuple((p.name, read_text(p)) for p in paths)


def _table_paths(directory: str) -> dict[str, str]:
    """The four tables' folders, checked before any JVM starts when they are local."""
    paths = {name: f"{directory.rstrip('/')}/{name}" for name in TABLES}
    for name, path in paths.items():
        if "://" not in directory and not Path(path).is_dir():
            raise InputError(path, f"no {name} table here; is this the --out of "
                                   "`communique spark`?")
    return paths


def load_parquet(directory: str | Path, store: Store, *, spark: SparkSession | None = None,
                 master: str = "local[2]", batch_size: int = 32) -> IngestReport:
    """Store a Spark run's tables: each article rebuilt and added through ``store.add``.

    Articles arrive in the order the job read them, with their events and
    quotes gathered by Spark, so the driver holds one batch at a time. Loading
    twice stores nothing new (the content is already there). Without ``spark``,
    a session on ``master`` is started and stopped here.
    """
    paths = _table_paths(str(directory))
    session = spark or spark_session(master)
    try:
        return _load(session, paths, store, batch_size)
    finally:
        if spark is None:
            session.stop()


def _load(session: SparkSession, paths: dict[str, str], store: Store, batch_size: int
          ) -> IngestReport:
    from pyspark.sql import functions as F

    from communique.api import IngestReport, _store_batch

    report = IngestReport()
    schemas = _schemas()
    tables = {name: session.read.schema(schemas[name]).parquet(path)
              for name, path in paths.items()}
    for row in tables["failures"].toLocalIterator():
        report.failed += 1
        report.failures.append(InputError(row["source"], row["reason"]))
        store.record_failure(row["source"], row["reason"])

    def gathered(name: str) -> Any:
        frame = tables[name]
        return frame.groupBy("article_key").agg(
            F.collect_list(F.struct(*frame.columns)).alias(name))

    joined = (tables["articles"].join(gathered("events"), "article_key", "left")
              .join(gathered("quotes"), "article_key", "left").orderBy("article_key"))
    batch = []
    for row in joined.toLocalIterator():
        data = row.asDict(recursive=True)
        batch.append(rebuild_analyzed(data, data.pop("events") or [], data.pop("quotes") or []))
        if len(batch) >= batch_size:
            _store_batch(store, batch, report)
            batch = []
    if batch:
        _store_batch(store, batch, report)
    return report


def main(argv: list[str] | None = None) -> int:
    """``spark-submit communique/scale/spark.py INPUT... --out DIR`` (or ``python -m``)."""
    parser = argparse.ArgumentParser(prog="communique.scale.spark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--master", default=None,
                        help="Spark master (default: spark-submit's, else local[2])")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--pub-date", type=date.fromisoformat, default=None,
                        help="publication date for documents that carry none (YYYY-MM-DD)")
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="your own actors file (.yaml, .csv, .actors); repeatable")
    parser.add_argument("--slice-mb", type=int, default=SLICE_BYTES >> 20,
                        help="read JSON-lines files larger than this in slices of this size")
    args = parser.parse_args(argv)
    try:
        session = None
        if args.master is None and "SPARK_ENV_LOADED" not in os.environ:
            args.master = "local[2]"
        if args.master is None:  # under spark-submit: its --master and --conf apply
            from pyspark.sql import SparkSession

            session = SparkSession.builder.appName("communique").getOrCreate()
        report = run_spark_job(args.inputs, args.out, spark=session,
                               master=args.master or "local[2]", model=args.model,
                               slice_bytes=args.slice_mb << 20, pub_date=args.pub_date,
                               actors_files=args.actors)
    except CommuniqueError as err:
        print(f"communique: error: {err}", file=sys.stderr)
        return 1
    print(report.line())
    return 0


if __name__ == "__main__":  # pragma: no cover
    # Run the importable module's main, not this script's copy: Spark then ships functions
    # by reference and each worker keeps one pipeline across its tasks.
    from communique.scale import spark as _module

    raise SystemExit(_module.main())
