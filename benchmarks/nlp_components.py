"""Where the parser's time goes: stock ``nlp.pipe`` against communique's spaCy pipeline, and
each component of ours timed on its own, over the same texts in one process.

The whole pipeline is only as fast as its NLP stage allows (see bench_pipeline.py); this says
which component to make cheaper next.

    python benchmarks/nlp_components.py [--stories PATH] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from communique.nlp.pipeline import DEFAULT_MODEL, Pipeline

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "voa"
DEFAULT = DEFAULT / "voa_stories.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.stories.open(encoding="utf-8")
             if line.strip()]
    stock, ours = spacy.load(DEFAULT_MODEL), Pipeline().nlp
    for nlp in (stock, ours):
        list(nlp.pipe(texts[:5]))
    best = {"stock": float("inf"), "ours": float("inf")}
    for _ in range(args.rounds):  # alternate, keep each side's best round
        for name, nlp in (("stock", stock), ("ours", ours)):
            start = time.perf_counter()
            list(nlp.pipe(texts, batch_size=32))
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{len(texts)} texts: stock nlp.pipe {best['stock']:.2f} s, ours {best['ours']:.2f} s, "
          f"ratio {best['stock'] / best['ours']:.2f}")
    docs = [ours.make_doc(t) for t in texts]
    for name, proc in ours.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=32))
        else:
            docs = [proc(d) for d in docs]
        print(f"  {name:<24} {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
