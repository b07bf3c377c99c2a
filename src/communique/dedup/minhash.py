"""Fingerprints of a story's words that survive re-publication with different chrome.

Aggregators republish wire stories wrapped in their own headers, share bars,
"Source link" lines and footers, sometimes with a paragraph cut or added. Two
copies share most *sentences of prose*, so the fingerprint is built from those
only: word 5-grams (shingles) of paragraphs long enough to be prose, casefolded
and stripped of punctuation. Short lines, where chrome lives, add nothing.

A MinHash signature (datasketch) estimates the Jaccard similarity of two
shingle sets; locality-sensitive hashing splits the signature into bands so
that likely copies can be found by exact lookups of band hashes, which the
store keeps in SQLite so that later ingests find earlier stories.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "NUM_PERM",
    "THRESHOLD",
    "band_buckets",
    "bands",
    "signature",
    "signature_from_bytes",
    "signature_to_bytes",
    "shingles",
    "similarity",
]

NUM_PERM = 128
#: Estimated Jaccard similarity of shingle sets from which two articles are copies.
THRESHOLD = 0.5
SHINGLE_WORDS = 5
#: Paragraphs shorter than this are navigation, bylines, "Source link"; not prose.
MIN_PARAGRAPH_WORDS = 8
_SEED = 7  # every signature ever stored must use the same permutations

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[str]:
    """Word 5-grams of the prose paragraphs of ``text``.

    When no paragraph is long enough (a very short story), all the text is used
    so that the story still has a fingerprint.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    prose = [w for p in paragraphs if len(w := _words(p)) >= MIN_PARAGRAPH_WORDS]
    if not prose:
        prose = [_words(text)]
    out: set[str] = set()
    for words in prose:
        if len(words) < SHINGLE_WORDS:
            out.add(" ".join(words))
            continue
        for i in range(len(words) - SHINGLE_WORDS + 1):
            out.add(" ".join(words[i : i + SHINGLE_WORDS]))
    out.discard("")
    return out


def signature(text: str) -> np.ndarray:
    """The MinHash signature of the text's shingles (``NUM_PERM`` uint64 values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def signature_to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


@cache
def bands() -> list[tuple[int, int]]:
    """The (start, end) rows of each LSH band, as datasketch chooses them for THRESHOLD."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return [(int(start), int(end)) for start, end in lsh.hashranges]


def band_buckets(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs: articles sharing any pair are candidate copies."""
    out = []
    for n, (start, end) in enumerate(bands()):
        digest = hashlib.blake2b(values[start:end].astype("<u8").tobytes(), digest_size=8)
        out.append((n, int.from_bytes(digest.digest(), "little", signed=True)))
    return out
