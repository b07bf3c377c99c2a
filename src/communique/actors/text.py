"""Tokenising noun phrases and alias strings the same way, so that lookups are plain dict hits.

Both the knowledge-base aliases and the phrases the coder passes in go through
:func:`tokenize`; an alias matches when its folded tokens equal a run of the
phrase's folded tokens. Folding removes case and accents ("Élysée" == "Elysee"),
turns hyphens into spaces ("al-Qaeda" == "al Qaeda") and splits the possessive
"'s" off as its own token, so "China's" and "Workers'" behave predictably.
The raw token is kept beside the folded one because capitalisation still
matters: "US" is a country, "us" a pronoun.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Token", "fold", "has_upper", "is_acronym", "key_of", "tokenize"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                         "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
_EDGE = "\"“”«»()[]{},;:!?*"
_SPLIT = re.compile(r"\s+|(?<=[\w.])-(?=\w)|(?<=\w)/(?=\w)")


class Token(NamedTuple):
    """One word of a phrase: ``norm`` for lookups, ``raw`` for case checks."""

    norm: str
    raw: str


def fold(text: str) -> str:
    """Lowercase without accents: the form every dictionary key uses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _clean(raw: str) -> str:
    raw = raw.strip(_EDGE)
    # A single trailing dot is sentence punctuation or an abbreviation ("Gen."): drop it.
    # Internal dots ("U.S.", "D.C.") are kept, so "U.S." and "US" stay distinct keys.
    if raw.endswith(".") and raw.count(".") == 1:
        raw = raw[:-1]
    return raw


def tokenize(text: str) -> list[Token]:
    """Split a phrase into tokens; possessive endings become a separate "'s" token."""
    tokens: list[Token] = []
    for piece in _SPLIT.split(text.translate(_QUOTES)):
        raw = _clean(piece or "")
        if not raw or raw == "-":
            continue
        low = raw.lower()
        if low.endswith("'s") and len(raw) > 2:
            base = _clean(raw[:-2])
            if base:
                tokens.append(Token(fold(base), base))
            tokens.append(Token("'s", raw[-2:]))
        elif raw.endswith("'") and len(raw) > 1:
            base = _clean(raw[:-1])
            if base:
                tokens.append(Token(fold(base), base))
            tokens.append(Token("'s", "'"))
        else:
            tokens.append(Token(fold(raw), raw))
    return tokens


def key_of(tokens: list[Token] | tuple[Token, ...]) -> str:
    """The dictionary key of a token run."""
    return " ".join(t.norm for t in tokens)


def is_acronym(alias: str) -> bool:
    """True for aliases written in capitals ("US", "U.N.", "WHO"): they must match in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def has_upper(tokens: list[Token] | tuple[Token, ...]) -> bool:
    """True when some token is capitalised: proper names must be, "turkey" is a bird."""
    return any(any(c.isupper() for c in t.raw) for t in tokens)
