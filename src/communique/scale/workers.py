"""Analysis in worker processes, with the caller as the single writer.

Parsing is CPU-bound and holds the GIL, so more cores need more processes.
Each worker loads the spaCy pipeline once and analyses chunks of articles; the
parent keeps reading sources, writing the store and recording failures, so
SQLite sees one writer. Results come back in input order (ids and numbering
are then exactly those of a single-process run), and only a few chunks are
in flight at a time, so memory stays flat however large the input.

Workers start with ``spawn``: nothing of the parent's state (an open database,
threads) is inherited, and the code runs the same on Linux, macOS and Windows.

The parent shares the machine's cores with the workers, so with two workers on
two cores every second it spends is taken from analysis. For ingest
(``for_store``) the workers therefore also do the CPU work the writer used to
do: the language check and the syndication fingerprint. Tasks are cut by
length rather than by count, a second or so of parsing each, so that the
last one leaves the other workers idle only briefly; enough are queued that a
long task at the head of the line does not starve the others.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import AnalyzedArticle, Article

__all__ = ["WorkerPool"]

#: Characters of text per task (about 1,500 words): the parser gains little from larger
#: batches, and the smaller the tasks, the shorter the tail when one worker runs out of work.
CHUNK_CHARS = 9000
#: Articles per task at most, however short they are.
CHUNK = 16
#: Tasks in flight per worker: enough that the others keep busy while the parent waits
#: for a long task at the head of the line (results are yielded in input order).
AHEAD = 4

_PIPELINE: Any = None  # the worker's Pipeline, built once by _start


def _start(model: str, actors_files: tuple, ready: Any) -> None:
    """Worker start-up: load the pipeline once (with the user's actors); leave Ctrl-C to
    the parent."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..ingest.language import detect_language
    from ..nlp.pipeline import Pipeline

    _PIPELINE = Pipeline.with_actors(model, actors_files)
    # Tables loaded on first use (gazetteer, language model) belong to start-up, not to
    # the first task.
    _PIPELINE.warm_up()
    detect_language(_PIPELINE.WARM_UP_TEXT)
    ready.release()


def _analyze(
    chunk: list[Article], for_store: bool = False
) -> tuple[list[AnalyzedArticle | tuple[str, str]], dict[str, float]]:
    """Analyse a chunk; an article the pipeline chokes on comes back as (source, problem).

    With ``for_store``, each article's language is detected first (those not in
    English come back unanalysed, as the writer stores them) and every result
    carries its syndication fingerprint.
    (Plain tuples, because exceptions with several arguments do not survive pickling.)
    """
    times = _PIPELINE.stage_times
    before = dict(times)
    english = chunk
    if for_store:
        from ..ingest.language import detect_language

        with times.stage("language"):
            for article in chunk:
                article.language = detect_language(article.text, article.title)[0]
        english = [article for article in chunk if article.language == "en"]
    try:
        analyzed: list[AnalyzedArticle | tuple[str, str]] = list(
            _PIPELINE.analyze_many(english)
        )
    except Exception:  # one bad article must not cost the chunk: retry one by one
        analyzed = []
        for article in english:
            try:
                analyzed.append(_PIPELINE.analyze(article))
            except Exception as err:
                analyzed.append((article.source, f"cannot analyse: {err}"))
    if not for_store:
        return analyzed, times.since(before)
    done = iter(analyzed)
    results = [next(done) if a.language == "en" else AnalyzedArticle(article=a) for a in chunk]
    from ..dedup.minhash import signature

    with times.stage("store"):  # the writer's own work, done here to spare it
        for result in results:
            if isinstance(result, AnalyzedArticle):
                result.signature = signature(result.article.text)
    return results, times.since(before)


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Articles in tasks of about ``CHUNK_CHARS`` characters (at most ``CHUNK`` articles)."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text) + len(article.title or "")
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class WorkerPool:
    """N analysis processes, started once and reusable across ingest runs.

    Use as a context manager; ``ready()`` waits until every worker has loaded
    its pipeline (so that a caller can tell start-up from throughput).
    """

    def __init__(self, workers: int, model: str, actors_files: tuple = ()) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        ctx = multiprocessing.get_context("spawn")
        self._ready = ctx.Semaphore(0)
        self._waiting = workers
        self._pool = ctx.Pool(workers, initializer=_start,
                              initargs=(model, tuple(actors_files), self._ready))

    def ready(self) -> None:
        """Block until all workers have loaded their pipeline."""
        while self._waiting:
            self._ready.acquire()
            self._waiting -= 1

    def analyze(
        self,
        articles: Iterable[Article],
        *,
        on_times: Callable[[dict[str, float]], None] | None = None,
        for_store: bool = False,
    ) -> Iterator[AnalyzedArticle | InputError]:
        """Analysed articles in input order; failures come back as InputErrors in place.

        ``on_times`` receives the stage seconds each chunk cost in its worker.
        ``for_store``: the workers detect each article's language (articles not in
        English come back unanalysed, with their language set) and compute the
        syndication fingerprint, so that the caller only has to write.
        """
        pending: deque[Any] = deque()
        source = _chunks(articles)
        try:
            while True:
                chunk = next(source, None)
                if chunk:
                    pending.append(self._pool.apply_async(_analyze, (chunk, for_store)))
                if pending and (not chunk or len(pending) >= self.workers * AHEAD):
                    results, times = pending.popleft().get()
                    if on_times:
                        on_times(times)
                    for result in results:
                        yield InputError(*result) if isinstance(result, tuple) else result
                if not chunk and not pending:
                    return
        except BaseException:
            self.close(kill=True)
            raise

    def pids(self) -> list[int]:
        """The worker processes' ids, so that benchmarks can measure what each one did."""
        return [process.pid for process in self._pool._pool]  # type: ignore[attr-defined]

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: at once with ``kill`` (Ctrl-C, an error), else when idle."""
        if kill:
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)
