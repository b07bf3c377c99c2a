"""Scoring the event coder against PLOVER gold-standard records.

Each gold record is one sentence with one coded event (type, actor and
recipient codes). We code the sentence and score four things: the event type,
the actor countries, the recipient countries and the full record (type and
both code sets exactly). Figures are micro-averaged precision, recall and F1.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.ontology import normalize_type
from ..model import Article, Event
from ..nlp.pipeline import Pipeline

# Old CAMEO country codes still found in the gold records, with their ISO 3166 alpha-3.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UKG": "GBR", "GMY": "DEU"}
# The gold records (PLOVER 0.5) code every intergovernmental body IGO; the current manual's
# table gives the UN and the EU their own codes. Both readings are right, so they compare equal.
IGO_CODES = {"UNO": "IGO", "EUR": "IGO"}


def _predicted(actors: Iterable[Any]) -> set[str]:
    return {IGO_CODES.get(a.code, a.code) for a in actors if a.code}


@dataclass
class GoldRecord:
    id: str
    text: str
    event_type: str
    actor_codes: frozenset[str]
    recipient_codes: frozenset[str]
    mode: str = ""
    date: date | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        gold, predicted = set(gold), set(predicted)
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    records: int = 0
    event_type: Score = field(default_factory=Score)
    actor: Score = field(default_factory=Score)
    recipient: Score = field(default_factory=Score)
    full: Score = field(default_factory=Score)
    confusion: Counter = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "event_type": self.event_type.as_dict(),
            "actor": self.actor.as_dict(),
            "recipient": self.recipient.as_dict(),
            "full": self.full.as_dict(),
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            "misses": self.misses,
        }


def _codes(actors: Any) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    out = set()
    for a in actors:
        code = (a.get("code") or "").strip().upper() if isinstance(a, dict) else ""
        if code and code != "***":
            out.add(LEGACY_CODES.get(code, code))
    return frozenset(out)


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a PLOVER gold-standard file (a JSON list of records, or JSON lines)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read") from None
    try:
        data = json.loads(raw) if raw.lstrip().startswith("[") else [
            json.loads(line) for line in raw.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(
            str(path), f"not PLOVER gold JSON ({exc.msg} at line {exc.lineno})"
        ) from None
    records = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get(
            "text"
        ):
            continue
        try:
            day = date.fromisoformat(rec["date"]) if rec.get("date") else None
        except ValueError:
            day = None
        records.append(GoldRecord(
            id=str(rec.get("id")),
            text=rec["text"],
            event_type=normalize_type(rec["event"]),
            actor_codes=_codes(rec.get("source")),
            recipient_codes=_codes(rec.get("target")),
            mode=str(rec.get("mode") or ""),
            date=day,
        ))
    if not records:
        raise InputError(str(path), "no coded PLOVER records found")
    return records


def _best_event(gold: GoldRecord, events: list[Event]) -> Event | None:
    """The predicted event that answers the gold record best (same type, most codes shared)."""
    if not events:
        return None

    def overlap(e: Event) -> tuple[int, int]:
        return (e.event_type == gold.event_type,
                len(_predicted(e.actor) & gold.actor_codes)
                + len(_predicted(e.recipient) & gold.recipient_codes))

    return max(events, key=overlap)


def evaluate(records: list[GoldRecord], pipeline: Pipeline, keep_misses: bool = True
             ) -> Evaluation:
    result = Evaluation()
    articles = [Article(text=r.text, source=r.id, source_format="text", story_id=r.id,
                        pub_date=r.date) for r in records]
    for gold, analyzed in zip(records, pipeline.analyze_many(articles), strict=True):
        result.records += 1
        events = analyzed.events
        types = {e.event_type for e in events}
        result.event_type.add({gold.event_type}, types)
        best = _best_event(gold, events)
        actors = _predicted(best.actor) if best else set()
        recipients = _predicted(best.recipient) if best else set()
        result.actor.add(gold.actor_codes, actors)
        result.recipient.add(gold.recipient_codes, recipients)
        full_match = [
            e for e in events
            if e.event_type == gold.event_type
            and _predicted(e.actor) == gold.actor_codes
            and _predicted(e.recipient) == gold.recipient_codes
        ]
        result.full.tp += 1 if full_match else 0
        result.full.fn += 0 if full_match else 1
        result.full.fp += len(events) - (1 if full_match else 0)
        result.confusion[(gold.event_type, best.event_type if best else "-")] += 1
        if keep_misses and not full_match:
            result.misses.append({
                "id": gold.id,
                "text": gold.text,
                "gold": f"{gold.event_type} {sorted(gold.actor_codes)} -> "
                        f"{sorted(gold.recipient_codes)}",
                "predicted": [
                    f"{e.event_type} {sorted(a.code or '?' for a in e.actor)} -> "
                    f"{sorted(a.code or '?' for a in e.recipient)} ({e.event_text})"
                    for e in events
                ],
            })
    return result
