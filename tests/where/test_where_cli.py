"""The events command's place, country, context and date-precision filters, end to end."""

from __future__ import annotations

import json

from click.testing import CliRunner

from communique.cli import main

STORY = (
    '{"id": "kh-1", "pub_date": "2022-06-15", "text": "Russian forces shelled Kharkiv on '
    'Monday. Japanese and South Korean officials met in Seoul last week."}\n'
)


def test_where_cli_events_filters_by_country_place_and_precision(pipeline, tmp_path):
    source = tmp_path / "stories.jsonl"
    source.write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(source), "--db", db, "-q"], catch_exceptions=False)

    def texts(*args: str) -> list[str]:
        out = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", *args],
                            catch_exceptions=False).output
        return [json.loads(line)["event_text"] for line in out.splitlines()]

    assert (texts("--country", "UKR"), texts("--place", "Seoul"),
            texts("--date-precision", "week")) == (["shelled"], ["met"], ["met"])
