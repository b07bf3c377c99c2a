"""Scoring event dates and places against annotations kept as story ids and offsets.

The annotations name an event by its story, the character span of its
sentence and the first word of its trigger; they carry no story text. Each
annotated event the pipeline also finds is scored: its date and precision
against the expected ones, its place's country against the expected country.
An annotation the pipeline does not find counts against coverage, not accuracy.

    python -m communique.eval.when_where ANNOTATIONS.tsv STORIES.jsonl
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.jsonl import article_from_record
from ..model import Event
from ..nlp.pipeline import Pipeline

__all__ = ["Score", "read_annotations", "score_when_where"]


@dataclass
class Score:
    annotated: int = 0
    found: int = 0
    dates: int = 0
    dates_right: int = 0
    places: int = 0
    places_right: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "annotated": self.annotated,
            "coverage": round(self.found / self.annotated, 3) if self.annotated else 0.0,
            "date_accuracy": round(self.dates_right / self.dates, 3) if self.dates else 0.0,
            "dates_scored": self.dates,
            "place_country_accuracy": (round(self.places_right / self.places, 3)
                                       if self.places else 0.0),
            "places_scored": self.places,
        }


def read_annotations(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, 2):
        if not row.get("story_id") or not (row.get("start") or "").isdigit():
            raise InputError(str(path), f"row {n}: needs a story_id and a numeric start")
    return rows


def _match(events: list[Event], row: dict[str, str]) -> Event | None:
    start, end = int(row["start"]), int(row["end"])
    for event in events:
        s = event.sentence
        if (s.section == "text" and s.start < end and start < s.end
                and event.event_text.split()[0] == row["trigger"]):
            return event
    return None


def score_when_where(annotations: Path, stories: Path, pipeline: Pipeline | None = None) -> Score:
    rows = read_annotations(annotations)
    wanted = {r["story_id"] for r in rows}
    articles = []
    with open(stories, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if str(record.get("id")) in wanted:
                articles.append(article_from_record(record, str(stories)))
    pipeline = pipeline or Pipeline()
    events = {a.article.id: a.events for a in pipeline.analyze_many(articles)}
    score = Score()
    for row in rows:
        score.annotated += 1
        event = _match(events.get(row["story_id"], []), row)
        where = f"{row['story_id']}:{row['start']}:{row['trigger']}"
        if event is None:
            score.misses.append(f"{where} not found")
            continue
        score.found += 1
        if row["date"]:
            score.dates += 1
            got = (event.date.isoformat() if event.date else "", event.date_precision or "")
            if got == (row["date"], row["precision"]):
                score.dates_right += 1
            else:
                score.misses.append(f"{where} date {got} != {(row['date'], row['precision'])}")
        if row["country"]:
            score.places += 1
            got_country = event.place.country_code if event.place else None
            if got_country == row["country"]:
                score.places_right += 1
            else:
                score.misses.append(f"{where} country {got_country} != {row['country']}")
    return score


if __name__ == "__main__":  # pragma: no cover - a convenience for reproducing the figures
    result = score_when_where(Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps(result.as_dict(), indent=2))
    for miss in result.misses:
        print(miss)
