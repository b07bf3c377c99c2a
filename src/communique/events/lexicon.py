"""The event lexicon: trigger words, the frames they must appear in, and their CAMEO code.

The lexicon is a TSV file (``data/lexicon.tsv``) so analysts can read and
extend it without touching code. Each entry is a small, declarative frame over
the dependency parse; :mod:`communique.events.coder` does the matching.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import DataFileError
from .ontology import PLOVER_TYPES, Ontology, load_ontology

DATA = Path(__file__).parent / "data" / "lexicon.tsv"

NO_EVENT = "-"  # a frame that blocks the more general ones: the words are not an event
DEFAULT_RECIPIENT = (
    "dobj", "dative", "prep:with", "prep:to", "prep:against", "prep:on", "ccomp",
)
_KEYS = {"prep", "prt", "dobj", "pobj", "xcomp", "objmod", "ccomp", "oprd"}


@dataclass(frozen=True)
class Entry:
    """One frame: ``lemma`` as ``pos`` under ``when`` codes ``cameo``."""

    pos: str
    lemma: str
    cameo: str
    when: tuple[tuple[str, frozenset[str]], ...] = ()
    recipient: tuple[str, ...] = DEFAULT_RECIPIENT
    mode: str = ""
    plover_type: str = ""  # overrides the ontology's type where PLOVER's text says otherwise
    line: int = 0
    #: The act runs towards the subject: "Ukraine received tanks from Germany" is Germany's
    #: aid to Ukraine, so whoever the recipient places find acts, and the subject receives.
    converse: bool = False

    @property
    def specificity(self) -> int:
        # Constraints that name words are more specific than bare presence tests.
        return sum(2 if values else 1 for _, values in self.when)

    def constraint(self, key: str) -> frozenset[str] | None:
        for k, values in self.when:
            if k == key:
                return values
        return None


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))

    def lookup(self, pos: str, lemma: str) -> list[Entry]:
        return self.entries.get((pos, lemma), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def _parse_when(text: str, path: str, lineno: int) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, values = part.partition("=")
        if key not in _KEYS:
            raise DataFileError(path, lineno, f"unknown constraint {key!r}")
        out.append((key, frozenset(v.strip().lower() for v in values.split("|") if v.strip())))
    return tuple(out)


@cache
def load_lexicon(path: Path = DATA, ontology: Ontology | None = None) -> Lexicon:
    ontology = ontology or load_ontology()
    lexicon = Lexicon()
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (7 - len(cols))
            pos, lemma, when, cameo, recipient, mode, ptype = (c.strip() for c in cols[:7])
            if ptype and ptype not in PLOVER_TYPES:
                raise DataFileError(str(path), lineno, f"unknown PLOVER type {ptype!r}")
            if pos not in ("VERB", "NOUN", "ADJ"):
                raise DataFileError(str(path), lineno, f"pos must be VERB, NOUN or ADJ: {pos!r}")
            if cameo != NO_EVENT and cameo not in ontology:
                raise DataFileError(str(path), lineno, f"unknown CAMEO code {cameo!r}")
            if cameo != NO_EVENT and not ontology[cameo].plover_type:
                raise DataFileError(str(path), lineno, f"CAMEO {cameo} has no PLOVER type")
            places = tuple(p.strip() for p in recipient.split(",") if p.strip())
            converse = "converse" in places
            places = tuple(p for p in places if p != "converse")
            entry = Entry(
                pos=pos,
                lemma=lemma.lower(),
                cameo=cameo,
                when=_parse_when(when, str(path), lineno),
                recipient=places or DEFAULT_RECIPIENT,
                mode=mode,
                plover_type=ptype,
                line=lineno,
                converse=converse,
            )
            lexicon.entries[(pos, entry.lemma)].append(entry)
    for entries in lexicon.entries.values():
        entries.sort(key=lambda e: (-e.specificity, e.line))
    return lexicon
