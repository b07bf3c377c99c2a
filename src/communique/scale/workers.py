"""Analysis in worker processes, with the caller as the single writer.

Parsing is CPU-bound and holds the GIL, so more cores need more processes.
Each worker loads the spaCy pipeline once and analyses chunks of articles; the
parent keeps reading sources, writing the store and recording failures, so
SQLite sees one writer. Results come back in input order (ids and numbering
are then exactly those of a single-process run), and only a few chunks are
in flight at a time, so memory stays flat however large the input.

Workers start with ``spawn``: nothing of the parent's state (an open database,
threads) is inherited, and the code runs the same on Linux, macOS and Windows.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..errors import InputError
from ..model import AnalyzedArticle, Article

__all__ = ["WorkerPool"]

#: Articles per task: enough to batch the parser well, few enough to keep workers even.
CHUNK = 8
#: Tasks in flight per worker: one being analysed, one queued behind it.
AHEAD = 2

_PIPELINE: Any = None  # the worker's Pipeline, built once by _start


def _start(model: str, actors_files: tuple, ready: Any) -> None:
    """Worker start-up: load the pipeline once (with the user's actors); leave Ctrl-C to
    the parent."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..actors.cli import resolver_for
    from ..nlp.pipeline import Pipeline

    _PIPELINE = Pipeline(model, resolver=resolver_for(actors_files))
    ready.release()


def _analyze(
    chunk: list[Article],
) -> tuple[list[AnalyzedArticle | tuple[str, str]], dict[str, float]]:
    """Analyse a chunk; an article the pipeline chokes on comes back as (source, problem).

    (Plain tuples, because exceptions with several arguments do not survive pickling.)
    """
    times = _PIPELINE.stage_times
    before = dict(times)
    try:
        results: list[AnalyzedArticle | tuple[str, str]] = list(_PIPELINE.analyze_many(chunk))
    except Exception:  # one bad article must not cost the chunk: retry one by one
        results = []
        for article in chunk:
            try:
                results.append(_PIPELINE.analyze(article))
            except Exception as err:
                results.append((article.source, f"cannot analyse: {err}"))
    return results, times.since(before)


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
    ) -> Iterator[AnalyzedArticle | InputError]:
        """Analysed articles in input order; failures come back as InputErrors in place.

        ``on_times`` receives the stage seconds each chunk cost in its worker.
        """
        pending: deque[Any] = deque()
        source = iter(articles)
        try:
            while True:
                chunk = list(islice(source, CHUNK))
                if chunk:
                    pending.append(self._pool.apply_async(_analyze, (chunk,)))
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
