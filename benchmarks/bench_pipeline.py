"""Throughput of the whole pipeline against spaCy's parser alone, in one process and one run.

Runs (a) the stock spaCy pipeline's ``nlp.pipe`` over the texts of the VOA
stories and (b) communique from raw JSON lines to stored events and quotes over
the same texts, and prints articles/s, words/s, peak RSS, the ratio b/a (1.0 or
more: the whole pipeline is at least as fast as parsing everything) and the
time per stage of (b), from the pipeline's own stage timers. (a) and (b)
alternate ``--rounds`` times and each keeps its best round, so that load from
other processes on the machine hurts neither side more than the other.

With ``--workers N`` it then runs (b) again with N worker processes (started
and warmed up first; start-up is reported apart) and prints the rate against
single-worker (b), again as the median over rounds of side-by-side runs and as the
ratio of best rounds, in two forms: the in-process run (what ``--workers 1`` does)
and one worker process with the parent writing (the same code path as N
workers, so the ratio isolates how well the work spreads). The three alternate
``--rounds`` times, best round kept, with the load average of each round.

    python benchmarks/bench_pipeline.py [--stories PATH] [--limit N] [--rounds R] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import spacy

from communique.api import ingest_paths
from communique.nlp.pipeline import DEFAULT_MODEL, Pipeline
from communique.nlp.timing import STAGES
from communique.scale import WorkerPool
from communique.store import open_store

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "voa"
DEFAULT = DEFAULT / "voa_stories.jsonl"


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS: of this process since the last reset_peak(), or of the largest child."""
    if who == resource.RUSAGE_SELF:
        try:
            status = Path("/proc/self/status").read_text()
            return int(status.split("VmHWM:")[1].split()[0]) / 1024
        except (OSError, IndexError, ValueError):
            pass
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds a process has used (Linux; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reset_peak() -> None:
    """Start peak-RSS measurement afresh (Linux); elsewhere peaks stay cumulative."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def run_b(sample: Path, tmp: Path, name: str, **kwargs: object) -> tuple[float, object]:
    db = tmp / f"{name}.db"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    with open_store(db) as store:
        report = ingest_paths([str(sample)], store, **kwargs)  # type: ignore[arg-type]
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N stories")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of (a), (b)")
    parser.add_argument("--workers", type=int, default=0, help="also run (b) with N workers")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.stories.read_text().splitlines() if line]
    if args.limit:
        records = records[: args.limit]
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    n = len(texts)

    stock = spacy.load(DEFAULT_MODEL)  # (a): the pipeline exactly as spaCy ships it
    pipeline = Pipeline()
    list(stock.pipe(texts[:2]))  # warm up both before timing (tables loaded on first use)
    pipeline.warm_up()

    parse_s = full_s = float("inf")
    report = stage_times = None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = tmp / "stories.jsonl"
        sample.write_text("\n".join(json.dumps(r) for r in records) + "\n")
        parse_rss = single_rss = 0.0
        paired: list[float] = []
        for round_no in range(1, args.rounds + 1):
            reset_peak()
            start = time.perf_counter()
            for _doc in stock.pipe(texts):
                pass
            parse_round = time.perf_counter() - start
            parse_s = min(parse_s, parse_round)
            parse_rss = max(parse_rss, peak_rss_mb())
            reset_peak()
            seconds, rep = run_b(sample, tmp, "single", pipeline=pipeline)
            single_rss = max(single_rss, peak_rss_mb())
            paired.append(parse_round / seconds)
            print(f"  round {round_no}: (a) {parse_round:.2f} s, (b) {seconds:.2f} s, "
                  f"b/a {paired[-1]:.2f}")
            if seconds < full_s:
                full_s, report, stage_times = seconds, rep, rep.stage_times  # type: ignore[attr-defined]

        print(f"stories: {n}, words: {words}, load average: "
              + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        print(f"(a) spaCy nlp.pipe:     {n / parse_s:8.2f} articles/s {words / parse_s:10.0f} "
              f"words/s")
        print(f"(b) communique ingest:  {n / full_s:8.2f} articles/s {words / full_s:10.0f} "
              f"words/s  ({report.events} events, {report.quotes} quotes)")  # type: ignore[union-attr]
        print(f"ratio b/a: {statistics.median(paired):.2f} (median of rounds; "
              f"of the best rounds: {parse_s / full_s:.2f})")
        print(f"peak RSS (one process holding both pipelines): during (a) {parse_rss:.0f} MB, "
              f"during (b) {single_rss:.0f} MB")
        total = sum(stage_times.values())  # type: ignore[union-attr]
        print(f"(b) time per stage (own time, stages nested in it excluded; {total:.1f} s):")
        for stage in STAGES:
            seconds = stage_times.get(stage, 0.0)  # type: ignore[union-attr]
            print(f"  {stage:11} {seconds:7.2f} s {seconds / total:6.1%}")

        if args.workers:
            start = time.perf_counter()
            with WorkerPool(args.workers, DEFAULT_MODEL) as pool:
                pool.ready()
                startup = time.perf_counter() - start
                with WorkerPool(1, DEFAULT_MODEL) as solo:
                    solo.ready()
                    best = best_solo = float("inf")
                    paired_in, paired_solo = [], []
                    cpu = cpu_one = float("inf")
                    for round_no in range(1, args.rounds + 1):
                        before = [cpu_seconds(pid) for pid in [os.getpid(), *pool.pids()]]
                        seconds, wrep = run_b(sample, tmp, "workers", pool=pool)
                        spent = [cpu_seconds(pid) - b for pid, b in
                                 zip([os.getpid(), *pool.pids()], before, strict=True)]
                        best = min(best, seconds)
                        start_cpu = cpu_seconds(os.getpid())
                        single, _ = run_b(sample, tmp, "single", pipeline=pipeline)
                        cpu_one = min(cpu_one, cpu_seconds(os.getpid()) - start_cpu)
                        full_s = min(full_s, single)
                        # On an idle machine N workers cannot finish before their busiest
                        # worker, nor before all the CPU work is shared out over N cores.
                        cpu = min(cpu, max(max(spent[1:]), sum(spent) / args.workers))
                        print(f"  round {round_no}: CPU seconds of the parent "
                              f"{spent[0]:.2f}, of the workers "
                              + " ".join(f"{x:.2f}" for x in spent[1:]))
                        one, _ = run_b(sample, tmp, "solo", pool=solo)
                        best_solo = min(best_solo, one)
                        paired_in.append(single / seconds)
                        paired_solo.append(one / seconds)
                        print(f"  round {round_no}: {args.workers} workers {seconds:.2f} s, "
                              f"in-process {single:.2f} s, 1 worker process {one:.2f} s; "
                              "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
                same = (wrep.events, wrep.quotes) == (report.events, report.quotes)  # type: ignore
                print(f"(b) with {args.workers} workers: {n / best:8.2f} articles/s "
                      f"{words / best:10.0f} words/s  (start-up {startup:.1f} s, not counted; "
                      f"same events and quotes: {same})")
                print(f"scaling vs one worker (in-process, as --workers 1): "
                      f"{statistics.median(paired_in):.2f}x median of rounds, "
                      f"{full_s / best:.2f}x best rounds  ({n / full_s:.2f} articles/s)")
                print(f"scaling vs one worker process (same code path):   "
                      f"{statistics.median(paired_solo):.2f}x median of rounds, "
                      f"{best_solo / best:.2f}x best rounds  ({n / best_solo:.2f} articles/s)")
                if cpu_one and cpu < float("inf") and cpu > 0:
                    print(f"scaling from CPU seconds (what an idle machine allows, best rounds; "
                          f"less sensitive to other load): {cpu_one / cpu:.2f}x")
            print("peak RSS with workers: run benchmarks/tree_rss.py -- communique ingest "
                  f"... --workers {args.workers} (sums the parent and its workers)")
            print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
