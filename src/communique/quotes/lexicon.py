"""Word lists the quote finder reads from ``data/``.

They live in plain files so that a user can see, and extend, which verbs count
as speech cues without touching code. Each loader checks its file line by line
and reports a malformed line as a :class:`DataFileError` naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataFileError

DATA = Path(__file__).parent / "data"
KINDS = ("person", "group")
_WORDS = re.compile(r"^[a-z]+(?: [a-z]+)?$")


@dataclass(frozen=True)
class Cues:
    """Speech cues: single verbs, and verbs that need a particle (``point out``)."""

    verbs: frozenset[str]
    phrasal: frozenset[tuple[str, str]]


def _lines(path: Path) -> list[tuple[int, str]]:
    """Numbered content lines of a data file, comments and blanks dropped."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(str(path), 0, f"cannot read: {err.strerror or err}") from err
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text = line.strip()
        if text and not text.startswith("#"):
            out.append((number, text))
    return out


def _word_list(path: Path) -> list[tuple[int, str]]:
    words = []
    for number, text in _lines(path):
        word = " ".join(text.lower().split())
        if not _WORDS.match(word):
            raise DataFileError(str(path), number, f"expected one or two words, got {text!r}")
        words.append((number, word))
    return words


def load_cues(path: Path = DATA / "cues.txt") -> Cues:
    """Read a cue list: one lemma, or a lemma and its particle, per line."""
    verbs: set[str] = set()
    phrasal: set[tuple[str, str]] = set()
    for _number, word in _word_list(path):
        if " " in word:
            head, particle = word.split(" ")
            phrasal.add((head, particle))
        else:
            verbs.add(word)
    return Cues(frozenset(verbs), frozenset(phrasal))


def load_naming(path: Path = DATA / "naming.txt") -> frozenset[str]:
    """Read the naming verbs (``call``, ``dub`` ...) whose quoted objects are labels."""
    words = set()
    for number, word in _word_list(path):
        if " " in word:
            raise DataFileError(str(path), number, f"expected a single verb, got {word!r}")
        words.add(word)
    return frozenset(words)


def load_nouns(path: Path = DATA / "nouns.tsv") -> dict[str, str]:
    """Read ``noun<TAB>kind`` rows: which common nouns name a person or a group."""
    nouns: dict[str, str] = {}
    rows = _lines(path)
    for number, text in rows[1:] if rows and rows[0][1].startswith("noun") else rows:
        parts = text.split("\t")
        if len(parts) != 2 or parts[1].strip() not in KINDS:
            raise DataFileError(str(path), number, "expected 'noun<TAB>person|group'")
        nouns[parts[0].strip().lower()] = parts[1].strip()
    return nouns


@cache
def default_cues() -> Cues:
    return load_cues()


@cache
def default_naming() -> frozenset[str]:
    return load_naming()


@cache
def default_nouns() -> dict[str, str]:
    return load_nouns()
