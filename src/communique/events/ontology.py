"""The CAMEO/PLOVER ontology, read from ``data/ontology.tsv``.

Kept as data so that users can read what every code means and so that the
coder, the store and the evaluation all agree on one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataFileError

DATA = Path(__file__).parent / "data" / "ontology.tsv"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# PLOVER 0.5 names still found in older gold data and tools.
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code and its PLOVER reading."""

    code: str
    name: str
    goldstein: float
    quad_code: int
    plover_type: str  # "" for CAMEO statements that PLOVER does not code
    plover_mode: str
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """Lookup of CAMEO codes; every code maps to exactly one PLOVER type (or none)."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self.codes = codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def for_type(self, plover_type: str) -> list[CameoCode]:
        plover_type = normalize_type(plover_type)
        return [c for c in self.codes.values() if c.plover_type == plover_type]


def normalize_type(name: str) -> str:
    """Current PLOVER name for ``name``, accepting the legacy 0.5 names."""
    upper = name.strip().upper()
    return LEGACY_TYPES.get(upper, upper)


@cache
def load_ontology(path: Path = DATA) -> Ontology:
    codes: dict[str, CameoCode] = {}
    with open(path, encoding="utf-8") as fh:
        header_seen = False
        for lineno, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if not header_seen:
                header_seen = True
                continue
            if len(cols) != 7:
                raise DataFileError(str(path), lineno, f"expected 7 columns, found {len(cols)}")
            code, name, goldstein, quad, ptype, mode, context = cols
            try:
                codes[code] = CameoCode(
                    code=code,
                    name=name,
                    goldstein=float(goldstein),
                    quad_code=int(quad),
                    plover_type=ptype,
                    plover_mode=mode,
                    plover_context=tuple(c for c in context.split(";") if c),
                )
            except ValueError as exc:
                raise DataFileError(str(path), lineno, str(exc)) from None
            if ptype and ptype not in PLOVER_TYPES:
                raise DataFileError(str(path), lineno, f"unknown PLOVER type {ptype!r}")
    return Ontology(codes)
