"""Event dates through the whole pipeline, over a table of sentences written for the purpose."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from communique.api import process_text

TABLE = Path(__file__).with_name("event_dates.tsv")


def _rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_when_table_is_large_and_covers_the_hard_cases():
    sentences = " ".join(r["sentence"] for r in ROWS)
    assert len(ROWS) >= 60
    assert {"week", "month", "year", "day"} <= {r["precision"] for r in ROWS}
    assert "2024-01-02" in {r["pub_date"] for r in ROWS} and "December 30" in sentences


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['pub_date']}:{r['sentence']}" for r in ROWS])
def test_when_event_date_from_table(pipeline, row):
    pub = date.fromisoformat(row["pub_date"]) if row["pub_date"] else None
    result = process_text(row["sentence"], pub_date=pub, pipeline=pipeline)
    events = [e for e in result.events if e.event_text.split()[0] == row["trigger"]]
    assert events, f"no event with trigger {row['trigger']!r}"
    got = (events[0].date.isoformat() if events[0].date else "", events[0].date_precision or "")
    assert got == (row["date"], row["precision"])
