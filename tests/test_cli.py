"""The command line as a user drives it: ingest, extract, the listing commands, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE = """<html><head><title>Kenya and Somalia hold talks</title>
<link rel="canonical" href="https://news.example/kenya-somalia">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-15T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Kenya and Somalia hold talks</h1>
<p>NAIROBI — Kenya held talks with Somalia on Monday about security along their shared border,
officials said, in the first meeting of its kind this year.</p>
<p>"We have agreed to work together," Kenyan foreign minister Amina Hassan told reporters after
the meeting in the capital.</p>
<p>{extra}</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def warm(pipeline):
    """Load the model once for the module (the CLI shares the process-wide cache)."""
    return pipeline


def run(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def page(tmp_path: Path, name: str = "talks.html", extra: str = "The talks will continue.") -> Path:
    path = tmp_path / name
    path.write_text(PAGE.format(extra=extra), encoding="utf-8")
    return path


def articles_in(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("select count(*) from articles").fetchone()[0]


def test_cli_ingest_seed_page_end_to_end(runner, warm, tmp_path, shared):
    """The acceptance case: the scraped seed page yields the call and Xi's quotes."""
    db = tmp_path / "seed.db"
    seed = shared("seed", "scraped_page.txt")
    result = run(runner, "ingest", str(seed), "--pub-date", "2022-06-15", "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    [article] = json.loads("[" + ",".join(
        run(runner, "articles", "--db", str(db), "--format", "jsonl").output.splitlines()) + "]")
    assert article["outlet"] == "MC PAPA LINC"
    for chrome in ("Site icon", "Source link", "Exit mobile version"):
        assert chrome not in article["text"]
    events = [json.loads(line) for line in run(
        runner, "events", "--db", str(db), "--actor", "CHN", "--recipient", "RUS",
        "--type", "CONSULT", "--format", "jsonl").output.splitlines()]
    assert any(e["date"] == "2022-06-15" and e["mode"] == "phone" for e in events)
    quotes = [json.loads(line) for line in run(
        runner, "quotes", "--db", str(db), "--speaker", "Xi Jinping", "--format", "jsonl",
    ).output.splitlines()]
    assert len([q for q in quotes if q["type"] == "direct"]) >= 3


def test_cli_ingest_examples_finds_events_and_quotes(runner, warm, tmp_path):
    db = tmp_path / "ex.db"
    result = run(runner, "ingest", str(EXAMPLES), "--db", str(db), "-q")
    assert result.exit_code == 0
    assert "26 new" in result.output
    assert articles_in(db) == 26
    summary = run(runner, "summary", "--db", str(db)).output
    assert "events:" in summary and "communique events" in summary


def test_cli_reingest_same_content_is_a_noop(runner, warm, tmp_path):
    db, path = tmp_path / "a.db", page(tmp_path)
    run(runner, "ingest", str(path), "--db", str(db), "-q")
    again = run(runner, "ingest", str(path), "--db", str(db), "-q")
    assert "0 new, 0 new versions, 1 unchanged" in again.output
    assert articles_in(db) == 1


def test_cli_changed_page_at_same_url_becomes_new_version(runner, warm, tmp_path):
    db = tmp_path / "a.db"
    run(runner, "ingest", str(page(tmp_path, "v1.html")), "--db", str(db), "-q")
    changed = page(tmp_path, "v2.html", extra="Somalia later rejected the proposal.")
    result = run(runner, "ingest", str(changed), "--db", str(db), "-q")
    assert "1 new versions" in result.output
    assert articles_in(db) == 2
    listed = run(runner, "articles", "--db", str(db), "--format", "jsonl").output.splitlines()
    assert len(listed) == 1  # listings show the latest version


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("latin.txt", "Caf\xe9 na\xefve \x81\x8d\x8f\x90 ".encode("latin-1") * 3 + b"\x81\x9d",
         "decode"),
    ],
)
def test_cli_bad_file_gives_one_line_error_and_keeps_database(
    runner, warm, tmp_path, name, content, problem
):
    db = tmp_path / "keep.db"
    run(runner, "ingest", str(page(tmp_path)), "--db", str(db), "-q")
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run(runner, "ingest", str(bad), "--db", str(db), "-q")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0].lower()
    assert articles_in(db) == 1
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_cli_huge_file_is_refused_without_reading_it(runner, warm, tmp_path):
    db, big = tmp_path / "keep.db", tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = run(runner, "ingest", str(big), "--db", str(db), "-q")
    assert result.exit_code == 1
    assert str(big) in result.stderr and "max-bytes" in result.stderr


def test_cli_malformed_json_line_is_skipped_and_others_kept(runner, warm, tmp_path):
    db, dump = tmp_path / "j.db", tmp_path / "dump.jsonl"
    good = {"id": "a1", "text": "Kenya accused Somalia of harbouring militants.",
            "pub_date": "2024-05-15"}
    dump.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    result = run(runner, "ingest", str(dump), "--db", str(db), "-q")
    assert result.exit_code == 0
    assert f"{dump}:2" in result.stderr
    assert "1 new" in result.output and "1 failed" in result.output


def test_cli_one_bad_path_does_not_stop_the_batch(runner, warm, tmp_path):
    db = tmp_path / "b.db"
    result = run(runner, "ingest", str(tmp_path / "nope.html"), str(page(tmp_path)),
                 "--db", str(db), "-q")
    assert result.exit_code == 0
    assert articles_in(db) == 1


def test_cli_extract_emits_plover_json_lines(runner, warm):
    record = {"id": "s1", "text": "Russian forces shelled Kharkiv on Tuesday.",
              "pub_date": "2024-05-15"}
    result = run(runner, "extract", "-", input=json.dumps(record) + "\n")
    [event] = [json.loads(line) for line in result.output.splitlines()]
    assert event["event"] == ["ASSAULT"] and event["date"] == "2024-05-14"
    assert event["story_id"] == "s1"
    assert event["actor"][0]["code"] == "RUS"
    assert set(event) >= {"id", "recipient", "mode", "context", "cameo", "event_scale",
                          "quad_code", "event_text", "text", "text_info"}


def test_cli_extract_quotes_flag_adds_quote_objects(runner, warm):
    text = '"We will not give up," the Ukrainian president said on Tuesday.'
    result = run(runner, "extract", "--quotes", "--pub-date", "2024-05-15", input=text)
    quotes = [json.loads(line) for line in result.output.splitlines()
              if json.loads(line).get("kind") == "quote"]
    assert quotes and quotes[0]["quote_text"].startswith("We will not give up")


def test_cli_events_filters_and_csv(runner, warm, tmp_path):
    db = tmp_path / "f.db"
    run(runner, "ingest", str(page(tmp_path)), "--db", str(db), "-q")
    csv_out = run(runner, "events", "--db", str(db), "--type", "consult", "--format", "csv")
    assert csv_out.output.splitlines()[0].startswith("date,actor,event")
    assert "KEN" in csv_out.output
    none = run(runner, "events", "--db", str(db), "--actor", "BRA", "--format", "jsonl")
    assert none.output == ""


def test_cli_show_marks_up_article(runner, warm, tmp_path):
    db = tmp_path / "s.db"
    run(runner, "ingest", str(page(tmp_path)), "--db", str(db), "-q")
    line = run(runner, "articles", "--db", str(db), "--format", "jsonl").output.splitlines()[0]
    shown = run(runner, "show", json.loads(line)["id"], "--db", str(db)).output
    assert "Kenya and Somalia hold talks" in shown and "CONSULT" in shown


def test_cli_show_unknown_article_is_an_error(runner, tmp_path):
    result = runner.invoke(main, ["show", "nope", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "no article 'nope'" in result.output + result.stderr


def test_cli_unknown_model_is_a_one_line_error(runner, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("Kenya accused Somalia of harbouring militants.\n")
    result = runner.invoke(main, ["ingest", str(text), "--db", str(tmp_path / "m.db"),
                                  "--model", "xx_no_such_model", "-q"])
    assert result.exit_code == 1
    assert "xx_no_such_model" in result.stderr and "Traceback" not in result.stderr


def test_cli_bad_pub_date_is_rejected(runner, tmp_path):
    result = runner.invoke(main, ["ingest", "x.txt", "--pub-date", "15/06/2022"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_every_command_has_help_with_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.model
def test_cli_eval_quotes_prints_scores_as_json(tmp_path):
    import hashlib

    text = '"The port is open," the mayor said. Officials said ships were waiting.'
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "s1", "text": text}) + "\n", encoding="utf-8")
    start = text.index("The port")
    span = "The port is open"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "story_id": "s1", "start": start, "end": start + len(span), "type": "direct",
        "speaker": "the mayor", "sha1": hashlib.sha1(span.encode()).hexdigest()[:10],
    }) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "quotes", str(gold), "--stories", str(stories),
                                       "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["types"]["direct"]["overlap"]["recall"] == 1.0
    assert scores["speaker"]["direct"]["accuracy"] == 1.0


def test_cli_eval_quotes_reports_a_checksum_mismatch(tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "s1", "text": "Officials said so."}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"story_id": "s1", "start": 0, "end": 9, "type": "direct",
                                "speaker": "x", "sha1": "0000000000"}) + "\n")
    result = CliRunner().invoke(main, ["eval", "quotes", str(gold), "--stories", str(stories)])
    assert result.exit_code != 0
    assert "checksum mismatch" in result.output
