"""Throughput of the whole pipeline against spaCy's parser alone, in one process.

Runs (a) the spaCy pipeline's ``nlp.pipe`` over the VOA stories and (b)
communique from raw text to stored events and quotes over the same texts, and
prints articles/s, words/s, peak RSS and the ratio b/a (above 1.0 means the
whole pipeline is faster than parsing everything). Stage times come from a
profile of run (b).

    python benchmarks/bench_pipeline.py [--stories PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import tempfile
import time
from pathlib import Path

from communique.api import ingest_paths
from communique.nlp.pipeline import Pipeline, load_nlp
from communique.store import open_store

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "voa"
DEFAULT = DEFAULT / "voa_stories.jsonl"

# Stage -> (file fragment, function) whose cumulative time measures it.
STAGES = {
    "extraction": ("ingest/files.py", "read_file"),
    "nlp (spaCy)": ("spacy/language.py", "pipe"),
    "events": ("events/coder.py", "code_sentence"),
    "actors": ("actors/document.py", "resolve"),
    "quotes": ("quotes/extract.py", "find_quotes"),
    "dates": ("when/link.py", "event_date"),
    "store": ("store/sqlite.py", "add"),
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N stories")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.stories.read_text().splitlines() if line]
    if args.limit:
        records = records[: args.limit]
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)

    nlp = load_nlp()
    pipeline = Pipeline()
    list(nlp.pipe(texts[:2]))  # warm up both before timing

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    parse_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "stories.jsonl"
        sample.write_text("\n".join(json.dumps(r) for r in records) + "\n")
        start = time.perf_counter()
        with open_store(Path(tmp) / "bench.db") as store:
            report = ingest_paths([str(sample)], store, pipeline=pipeline)
        full_s = time.perf_counter() - start
        # A second, profiled run (into a fresh database) apportions the time to stages;
        # the profiler slows Python code, so it is kept out of the timing above. A fresh
        # Pipeline (the model is shared) starts the actor cache cold, as in a new process.
        profile = cProfile.Profile()
        with open_store(Path(tmp) / "profile.db") as store:
            profile.enable()
            ingest_paths([str(sample)], store, pipeline=Pipeline())
            profile.disable()

    print(f"stories: {len(texts)}, words: {words}")
    print(f"(a) spaCy nlp.pipe:     {len(texts) / parse_s:8.1f} articles/s "
          f"{words / parse_s:10.0f} words/s")
    print(f"(b) communique ingest:  {len(texts) / full_s:8.1f} articles/s "
          f"{words / full_s:10.0f} words/s  ({report.events} events, {report.quotes} quotes)")
    print(f"ratio b/a: {parse_s / full_s:.2f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    print("stage cumulative time (share of the profiled run; nested stages overlap):")
    for stage, (fragment, func) in STAGES.items():
        cum = max((v[3] for k, v in stats.items() if fragment in k[0] and k[2] == func),
                  default=0.0)
        print(f"  {stage:12} {cum / total:6.1%}")


if __name__ == "__main__":
    main()
