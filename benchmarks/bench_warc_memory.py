"""Peak memory of reading a WARC archive: 5,000 records against a 100-record baseline.

Each file is read in a fresh child process (peak RSS only ever grows within a
process), consuming every Article as ingestion would. A streaming reader holds
one record at a time, so the two peaks should be within 10% of each other.

    python benchmarks/bench_warc_memory.py [--small 100] [--large 5000] [--gz]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from warcgen import html_record, write_warc  # noqa: E402


def _peak_rss(path: str, queue: mp.Queue) -> None:
    from communique.ingest import read_file

    articles = errors = 0
    for item in read_file(Path(path)):
        if hasattr(item, "text"):
            articles += 1
        else:
            errors += 1
    queue.put((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, articles, errors))


def measure(path: Path) -> tuple[int, int, int]:
    """(peak RSS in KiB, articles, errors) of reading ``path`` in a new process."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_peak_rss, args=(str(path), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--gz", action="store_true", help="gzip the archives (one member each)")
    args = parser.parse_args()
    suffix = ".warc.gz" if args.gz else ".warc"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small = write_warc(root / f"small{suffix}", (html_record(i) for i in range(args.small)))
        large = write_warc(root / f"large{suffix}", (html_record(i) for i in range(args.large)))
        sizes = small.stat().st_size, large.stat().st_size
        base_rss, base_n, _ = measure(small)
        big_rss, big_n, big_err = measure(large)
    ratio = big_rss / base_rss
    print(f"{args.small:>6} records ({sizes[0]:,} bytes): peak RSS {base_rss:,} KiB, "
          f"{base_n} articles")
    print(f"{args.large:>6} records ({sizes[1]:,} bytes): peak RSS {big_rss:,} KiB, "
          f"{big_n} articles, {big_err} errors")
    print(f"ratio large/small: {ratio:.3f} ({'within' if ratio <= 1.10 else 'NOT within'} 10%)")


if __name__ == "__main__":
    main()
