"""How often the country code of a gold actor the coder finds is right.

The PLOVER scorer (``communique eval plover-gsr``) scores the actor and recipient
codes of the best-matching event, so a wrong *phrase* chosen by the coder counts
against the codes. This script asks the narrower question the actor knowledge
base answers for: for every gold actor or recipient whose words the coder found
as some actor or recipient of some event, is the code it gave the gold code?

The gold records were coded before PLOVER split the United Nations (UNO) and the
European Union (EUR) from other IGOs, so both figures are printed: strict, and
with UNO/EUR counted as IGO.

    python scripts/eval_actor_codes.py GOLD.json [--show-wrong]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from communique.eval.plover import LEGACY_CODES
from communique.model import Article
from communique.nlp.pipeline import Pipeline

_IGO_FAMILY = {"UNO": "IGO", "EUR": "IGO"}


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _overlaps(gold_text: str, text: str) -> bool:
    g, t = gold_text.lower().strip(" ({"), text.lower()
    return bool(g) and (g in t or t in g)


def score(path: Path, show_wrong: bool = False) -> dict[str, float | int]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8"))
               if isinstance(r, dict) and r.get("text")
               and r.get("event") not in (None, "DOCUMENT")]
    articles = [Article(text=r["text"], source=str(r.get("id")), source_format="text",
                        story_id=str(r.get("id")), pub_date=_day(r.get("date")))
                for r in records]
    found = right = right_family = 0
    for rec, analyzed in zip(records, Pipeline().analyze_many(articles), strict=True):
        predicted = [a for e in analyzed.events for a in (*e.actor, *e.recipient) if a.code]
        for role in ("source", "target"):
            for gold in rec.get(role) or []:
                if not isinstance(gold, dict) or not gold.get("code") or gold["code"] == "***":
                    continue
                code = gold["code"].upper()
                code = LEGACY_CODES.get(code, code)
                match = next((a for a in predicted
                              if _overlaps(gold.get("actorText") or "", a.entity_text)), None)
                if match is None:
                    continue
                found += 1
                right += match.code == code
                ok = _IGO_FAMILY.get(match.code, match.code) == code
                right_family += ok
                if show_wrong and not ok:
                    print(f"{rec.get('id')}: {match.entity_text!r} -> {match.code}, "
                          f"gold {gold.get('actorText')!r} {code}", file=sys.stderr)
    return {
        "found": found,
        "right": right,
        "precision": round(right / found, 4) if found else 0.0,
        "right_un_eu_as_igo": right_family,
        "precision_un_eu_as_igo": round(right_family / found, 4) if found else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show-wrong", action="store_true")
    args = parser.parse_args()
    print(json.dumps(score(args.gold, args.show_wrong), indent=1))


if __name__ == "__main__":
    main()
