"""The Python API: what the CLI, the HTTP API and scripts call.

``ingest_paths`` reads files into a store, ``process_text``/``process_articles``
analyse without storing (the ``extract`` command). Each returns plain data so
that callers decide how to show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .actors.stored import with_stored_actors
from .errors import InputError
from .ingest import expand_paths, read_file, read_text
from .ingest.language import detect_language
from .model import AnalyzedArticle, Article
from .nlp.pipeline import DEFAULT_MODEL, Pipeline
from .nlp.timing import StageTimes
from .store import Store

if TYPE_CHECKING:  # pragma: no cover
    from .scale import WorkerPool

T = TypeVar("T")

BATCH_SIZE = 32


@dataclass
class IngestReport:
    """What an ingest run did: the summary the CLI prints."""

    new: int = 0
    versions: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    files: int = 0
    #: Articles in a language other than English: stored, not coded.
    skipped_language: int = 0
    failures: list[InputError] = field(default_factory=list)
    #: Seconds per stage (extraction, language, nlp, actors, coding, dates, quotes,
    #: store); with workers, their stages are summed over the workers.
    stage_times: dict[str, float] = field(default_factory=dict)

    @property
    def stored(self) -> int:
        return self.new + self.versions

    @property
    def ok(self) -> bool:
        """True unless nothing at all could be read (the CLI's exit status)."""
        return self.failed == 0 or (self.stored + self.unchanged) > 0


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    pub_date: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    model: str = DEFAULT_MODEL,
    max_bytes: int | None = None,
    pipeline: Pipeline | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    workers: int = 1,
    pool: WorkerPool | None = None,
    actors_files: tuple = (),
) -> IngestReport:
    """Read, analyse and store every document under ``paths``.

    A bad file or record is recorded (in the report and the store's failures
    table) and skipped; the rest of the batch goes on. Articles already stored
    with the same content are not analysed again. Writes happen one
    transaction per batch, so an interruption loses at most the batch in flight.
    ``workers`` > 1 analyses in that many processes (see :func:`ingest_articles`);
    ``actors_files`` are the user's actor lists those processes load.
    """
    report = IngestReport()

    def items() -> Iterator[Article | InputError]:
        files: list[Path] = []
        for p in paths:  # one path at a time, so one bad path does not stop the others
            try:
                files.extend(expand_paths([p]))
            except InputError as err:
                yield err  # recorded by ingest_articles like any bad document
        for path in files:
            report.files += 1
            kwargs = {"pub_date": pub_date, "outlet": outlet, "url": url}
            if max_bytes is not None:
                kwargs["max_bytes"] = max_bytes
            try:
                yield from read_file(path, **kwargs)
            except InputError as err:
                yield err
            if on_file:
                on_file(path)

    return ingest_articles(items(), store, model=model, pipeline=pipeline, on_error=on_error,
                           report=report, workers=workers, pool=pool,
                           actors_files=actors_files)


def ingest_articles(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    model: str = DEFAULT_MODEL,
    pipeline: Pipeline | None = None,
    on_error: Callable[[InputError], None] | None = None,
    report: IngestReport | None = None,
    workers: int = 1,
    pool: WorkerPool | None = None,
    actors_files: tuple = (),
) -> IngestReport:
    """Analyse and store articles from any source: the one way articles enter a store.

    ``items`` may interleave InputErrors (a bad record of a source), which are
    recorded and skipped. Content already stored is not analysed again.
    Articles not in English are stored with their language, uncoded, and
    counted in ``skipped_language``. Writes happen one transaction per batch,
    so an interruption loses at most the batch in flight.

    With ``workers`` > 1 (or a started :class:`~communique.scale.WorkerPool` as
    ``pool``) the analysis runs in worker processes, each loading ``model``
    once; they also detect languages, so that this process only reads and
    writes: the stored result is the same as with one worker. An article a
    worker cannot analyse is recorded as a failure like a bad document.
    """
    report = report if report is not None else IngestReport()
    if pipeline is not None or pool is not None:
        return _ingest(items, store, pipeline, pool, on_error, report)
    # Nothing loaded yet: load it with the actors files kept in the store (the database's
    # setting) followed by the caller's own.
    with with_stored_actors(store, tuple(actors_files)) as files:
        if workers <= 1:
            return _ingest(items, store, Pipeline.with_actors(model, files), None, on_error,
                           report)
        from .scale import WorkerPool

        own = WorkerPool(workers, model, files)
        try:
            return _ingest(items, store, None, own, on_error, report)
        finally:
            own.close(kill=True)  # finished or failed: nothing left to wait for


def _ingest(
    items: Iterable[Article | InputError],
    store: Store,
    pipeline: Pipeline | None,
    pool: WorkerPool | None,
    on_error: Callable[[InputError], None] | None,
    report: IngestReport,
) -> IngestReport:
    """The ingest loop of :func:`ingest_articles`, with the analysis already loaded: in
    this process (``pipeline``) or in worker processes (``pool``)."""
    if pool is None:
        assert pipeline is not None
        times = pipeline.stage_times  # one set of counters, so nested stages are exclusive
    else:
        times = StageTimes()
    before = dict(times)
    uncoded: list[AnalyzedArticle] = []

    def fail(err: InputError) -> None:
        report.failed += 1
        report.failures.append(err)
        store.record_failure(err.path, err.problem)
        if on_error:
            on_error(err)

    def english() -> Iterator[Article]:
        for item in _timed(times, "extraction", items):
            if isinstance(item, InputError):
                fail(item)
                continue
            with times.stage("store"):
                known = store.has_content(item.content_hash)
            if known:
                report.unchanged += 1
                continue
            if pool is not None:  # the workers detect the language (the cores are theirs)
                yield item
                continue
            with times.stage("language"):
                item.language = detect_language(item.text, item.title)[0]
            if item.language == "en":
                yield item
                continue
            keep_uncoded(AnalyzedArticle(article=item))

    def keep_uncoded(analyzed: AnalyzedArticle) -> None:
        report.skipped_language += 1
        uncoded.append(analyzed)
        if len(uncoded) >= BATCH_SIZE:
            with times.stage("store"):
                _store_batch(store, uncoded, report)
            uncoded.clear()

    if pool is None:
        analyzed_items: Iterable[AnalyzedArticle | InputError] = pipeline.analyze_many(english())
    else:
        analyzed_items = pool.analyze(english(), on_times=times.add, for_store=True)
    batch: list[AnalyzedArticle] = []
    for analyzed in analyzed_items:
        if isinstance(analyzed, InputError):
            fail(analyzed)
            continue
        if analyzed.article.language != "en":
            keep_uncoded(analyzed)
            continue
        batch.append(analyzed)
        if len(batch) >= BATCH_SIZE:
            with times.stage("store"):
                _store_batch(store, batch, report)
            batch = []
    for rest in (batch, uncoded):
        if rest:
            with times.stage("store"):
                _store_batch(store, rest, report)
    report.stage_times = times.since(before)
    return report


def _timed(times: StageTimes, stage: str, items: Iterable[T]) -> Iterator[T]:
    """``items`` with the work of producing each one charged to ``stage``."""
    source = iter(items)
    while True:
        with times.stage(stage):
            item = next(source, _END)
        if item is _END:
            return
        yield item  # type: ignore[misc]


_END = object()


def _store_batch(store: Store, batch: list[AnalyzedArticle], report: IngestReport) -> None:
    with store.batch():
        for analyzed in batch:
            outcome = store.add(analyzed)
            if outcome == "unchanged":
                report.unchanged += 1
                continue
            if outcome == "version":
                report.versions += 1
            else:
                report.new += 1
            report.events += len(analyzed.events)
            report.quotes += len(analyzed.quotes)


def process_articles(
    articles: Iterable[Article], *, model: str = DEFAULT_MODEL, pipeline: Pipeline | None = None
) -> Iterator[AnalyzedArticle]:
    """Analyse articles without storing them."""
    pipeline = pipeline or Pipeline(model)
    yield from pipeline.analyze_many(articles)


def process_text(
    text: str,
    *,
    title: str | None = None,
    pub_date: date | None = None,
    source: str = "<text>",
    model: str = DEFAULT_MODEL,
    pipeline: Pipeline | None = None,
) -> AnalyzedArticle:
    """Analyse one piece of news text: the quickest way in from Python.

    >>> result = process_text("Russian forces shelled Kharkiv on Tuesday.",
    ...                        pub_date=date(2024, 5, 16))  # doctest: +SKIP
    >>> result.events[0].event_type  # doctest: +SKIP
    'ASSAULT'
    """
    article = Article(text=text, title=title, source=source, source_format="text",
                      pub_date=pub_date, pub_date_source="user" if pub_date else None)
    pipeline = pipeline or Pipeline(model)
    return pipeline.analyze(article)


def read_stdin_articles(text: str, *, pub_date: date | None = None,
                        source: str = "<stdin>") -> Iterator[Article | InputError]:
    """Articles from text given on standard input (JSON lines or raw text)."""
    yield from read_text(text, source=source, pub_date=pub_date)
