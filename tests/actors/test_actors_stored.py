"""``communique actors add/list/remove``: actors files as a setting of the database."""

from __future__ import annotations

from click.testing import CliRunner

from communique.cli import main
from communique.store import open_store

STORY = ("The River Guards attacked a police station in Goma on Monday, "
         "officials said.\n")
ACTORS = "name,aliases,code,sector\nRiver Guard,River Guards,COD,REB\n"


def _actor_codes(db: str) -> set[str]:
    with open_store(db) as store:
        events = store.events(limit=100)
    return {a["code"] or "" for e in events for a in e["actor"]}


def test_actors_stored_file_applies_to_every_later_ingest(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    actors = tmp_path / "militias.csv"
    actors.write_text(ACTORS, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")

    added = runner.invoke(main, ["actors", "add", str(actors), "--db", db])
    assert added.exit_code == 0, added.output
    assert "1 actors kept" in added.output
    assert "militias.csv" in runner.invoke(main, ["actors", "list", "--db", db]).output
    actors.unlink()  # the database carries the file's text, not its path

    ingested = runner.invoke(main, ["ingest", str(story), "--db", db, "-q",
                                    "--pub-date", "2024-03-04"])
    assert ingested.exit_code == 0, ingested.output
    assert "COD" in _actor_codes(db)

    removed = runner.invoke(main, ["actors", "remove", "militias.csv", "--db", db])
    assert removed.exit_code == 0
    assert "no actors files" in runner.invoke(main, ["actors", "list", "--db", db]).output
    again = runner.invoke(main, ["actors", "remove", "militias.csv", "--db", db])
    assert again.exit_code != 0 and "no actors file named" in again.output


def test_actors_stored_bad_file_is_refused_and_nothing_is_kept(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    bad = tmp_path / "broken.csv"
    bad.write_text("name,sector\nRiver Guard,REB\n", encoding="utf-8")
    result = runner.invoke(main, ["actors", "add", str(bad), "--db", db])
    assert result.exit_code == 1
    assert "broken.csv:1:" in result.output and len(result.output.strip().splitlines()) == 1
    with open_store(db) as store:
        assert store.actor_files() == []
