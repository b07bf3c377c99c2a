"""How much the quote stage adds to end-to-end processing time.

Runs the whole pipeline (parse, events, quotes) over the VOA stories and the
same pipeline with the quote stage switched off, alternating the two in one
process so that both see the same warm caches and machine load, and prints the
ratio of the best rounds. Times are CPU time of this process, which other
programs on a shared machine disturb far less than wall-clock time. It also
times the quote stage itself inside the full run, so that the share it takes
can be read from a single run. The target is a ratio under 1.10.

    PYTHONPATH=src python benchmarks/bench_quotes.py [STORIES.jsonl] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from communique.model import Article
from communique.nlp.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEFAULT = SHARED / "data" / "voa" / "voa_stories.jsonl"


def load_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published = (row.get("published") or "")[:10]
        articles.append(Article(
            text=row["text"], title=row.get("title"), source=str(path), source_format="jsonl",
            story_id=str(row["id"]), pub_date=date.fromisoformat(published) if published else None,
        ))  # fmt: skip
    return articles


class _StageClock:
    """Wraps a pipeline's quote stage and adds up the CPU time spent inside it."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.total = 0.0
        inner = pipeline._quotes

        def clocked(*args, **kwargs):
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                self.total += time.process_time() - start

        pipeline._quotes = clocked  # type: ignore[method-assign]


def timed(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    start = time.process_time()
    quotes = sum(len(a.quotes) for a in pipeline.analyze_many(articles))
    return time.process_time() - start, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    articles = load_articles(args.stories)
    with_quotes, without = Pipeline(), Pipeline(quotes=False)
    timed(with_quotes, articles[:5])  # warm-up: model load, lexicons, caches
    timed(without, articles[:5])
    clock = _StageClock(with_quotes)
    on: list[float] = []
    off: list[float] = []
    found = 0
    for n in range(args.rounds):
        # alternate which runs first, so that neither profits from the other's warm-up
        if n % 2:
            t_on, found = timed(with_quotes, articles)
            t_off, _none = timed(without, articles)
        else:
            t_off, _none = timed(without, articles)
            t_on, found = timed(with_quotes, articles)
        off.append(t_off)
        on.append(t_on)
    ratio = min(on) / min(off)
    share = clock.total / sum(on)
    print(f"stories: {len(articles)}  quotes found: {found}  rounds: {args.rounds}")
    print(f"without quotes: best {min(off):.2f}s  median {statistics.median(off):.2f}s")
    print(f"with quotes:    best {min(on):.2f}s  median {statistics.median(on):.2f}s")
    print(f"ratio (best with / best without): {ratio:.3f}  "
          f"(quote stage adds {100 * (ratio - 1):.1f}%)")
    print(f"quote stage measured inside the runs: {clock.total:.2f}s CPU, "
          f"{100 * share:.1f}% of the with-quotes time "
          f"(adds {100 * share / (1 - share):.1f}% to the time without it)")


if __name__ == "__main__":
    main()
