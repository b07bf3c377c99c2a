"""Regenerate ``src/communique/events/data/ontology.tsv`` from the published facts.

The CAMEO codes, their descriptions and Goldstein weights, and the 2021
CAMEO→PLOVER mapping are facts published by their authors; this script reads the
copies kept beside the project (``../shared/data``) and writes the project's own
table. Run it only when those sources change:

    python scripts/build_ontology.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "events" / "data" / "ontology.tsv"

HEADER = """\
# The CAMEO event ontology with its PLOVER mapping: one row per CAMEO code.
# Sources of the facts:
#   - CAMEO codes and descriptions: the CAMEO 1.1b3 codebook (Gerner, Schrodt, Yilmaz),
#     as published in GDELT's CAMEO.eventcodes lookup table.
#   - goldstein: the Goldstein (1992) conflict-cooperation weights as extended to CAMEO,
#     as published in GDELT's CAMEO.goldsteinscale lookup table.
#   - plover_type, plover_mode, plover_context: the CAMEO->PLOVER conversion table of the
#     PLOVER manual draft 0.8 (Open Event Data Alliance, 17 September 2021). Codes that
#     table leaves out: the CAMEO 01 statements, which PLOVER dropped, have an empty
#     plover_type (no event); the 02 appeals, which PLOVER folded into its REQUEST
#     category, are given REQUEST here (our reading, not part of the table). Code 163
#     (impose embargo, boycott or sanctions) is given SANCTION/discontinue, as the manual's
#     SANCTION section codes international sanctions, where the 2021 table says COERCE.
#     Codes 0813 and 0814 (ease curfew, ease state of emergency or martial law) are given
#     CONCEDE, as the manual's CONCEDE section names the easing of legal restrictions and
#     the removal of curfews, where the 2021 table says RETREAT.
#   - quad_code: the CAMEO quad class of the code's root (01-05 verbal cooperation = 1,
#     06-08 material cooperation = 2, 09-13 verbal conflict = 3, 14-20 material conflict = 4).
# Regenerate with scripts/build_ontology.py.
"""


# Where the manual's definitions and the 2021 table disagree, the manual wins.
OVERRIDES = {"163": ("SANCTION", "discontinue", "economic"),
             "0813": ("CONCEDE", "", "legal"), "0814": ("CONCEDE", "", "legal")}


def main(shared: Path) -> None:
    names = _read_tsv(shared / "cameo" / "CAMEO.eventcodes.txt")
    weights = _read_tsv(shared / "cameo" / "CAMEO.goldsteinscale.txt")
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in (shared / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d+):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        context = ";".join(c.strip() for c in parts[2].split(";") if c.strip())
        mapping[m.group(1)] = (parts[0], parts[1], context)
    rows = ["cameo\tname\tgoldstein\tquad_code\tplover_type\tplover_mode\tplover_context"]
    for code, name in names.items():
        ptype, mode, context = mapping.get(code, ("", "", ""))
        if code.startswith("02") and not ptype:
            ptype = "REQUEST"
        ptype, mode, context = OVERRIDES.get(code, (ptype, mode, context))
        root = int(code[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        rows.append(f"{code}\t{name}\t{float(weights[code]):g}\t{quad}\t{ptype}\t{mode}\t{context}")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} codes to {OUT.relative_to(ROOT)}")


def _read_tsv(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t", 1) for line in lines if line.strip())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
