"""How much the quote stage adds to end-to-end processing time.

Runs the whole pipeline (parse, events, quotes) over the VOA stories and the
same pipeline with the quote stage switched off, alternating the two in one
process so that both see the same warm caches and machine load, and prints the
ratio of the best rounds. The target is a ratio under 1.10.

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


def timed(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    quotes = sum(len(a.quotes) for a in pipeline.analyze_many(articles))
    return time.perf_counter() - start, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.stories)
    with_quotes, without = Pipeline(), Pipeline(quotes=False)
    timed(with_quotes, articles[:5])  # warm-up: model load, lexicons, caches
    timed(without, articles[:5])
    on: list[float] = []
    off: list[float] = []
    found = 0
    for _ in range(args.rounds):
        t_off, _none = timed(without, articles)
        t_on, found = timed(with_quotes, articles)
        off.append(t_off)
        on.append(t_on)
    ratio = min(on) / min(off)
    print(f"stories: {len(articles)}  quotes found: {found}  rounds: {args.rounds}")
    print(f"without quotes: best {min(off):.2f}s  median {statistics.median(off):.2f}s")
    print(f"with quotes:    best {min(on):.2f}s  median {statistics.median(on):.2f}s")
    print(f"ratio (best with / best without): {ratio:.3f}  "
          f"(quote stage adds {100 * (ratio - 1):.1f}%)")


if __name__ == "__main__":
    main()
