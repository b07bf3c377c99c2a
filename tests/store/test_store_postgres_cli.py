"""``--db postgresql://...`` wherever ``--db`` is accepted: ingest, the listing commands,
show, summary, and the web server's reads."""

from __future__ import annotations

import json

from click.testing import CliRunner

from communique.cli import main

STORY = (
    "Kenya and Somalia hold talks\n\n"
    "Kenya held talks with Somalia on Monday about security along their shared border, "
    'officials said. "We have agreed to work together," Kenyan foreign minister Amina Hassan '
    "told reporters after the meeting.\n"
)


def _run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_store_postgres_cli_commands_accept_a_url(pg_server, pipeline, tmp_path, monkeypatch):
    url = pg_server.fresh_schema()
    story = tmp_path / "talks.txt"
    story.write_text(STORY, encoding="utf-8")
    _run("ingest", str(story), "--pub-date", "2024-05-15", "--db", url, "-q")

    [article] = [json.loads(line) for line in
                 _run("articles", "--db", url, "--format", "jsonl").splitlines()]
    assert article["pub_date"] == "2024-05-15"
    events = [json.loads(line) for line in _run(
        "events", "--db", url, "--actor", "KEN", "--format", "jsonl").splitlines()]
    assert events and all(e["actor"][0]["code"] == "KEN" for e in events)
    quotes = [json.loads(line) for line in _run(
        "quotes", "--db", url, "--search", "together", "--format", "jsonl").splitlines()]
    assert [q["quote_text"] for q in quotes] == ["We have agreed to work together"]
    assert "Kenya and Somalia hold talks" in _run("show", article["id"], "--db", url)
    # COMMUNIQUE_DB names the database when --db is not given.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMMUNIQUE_DB", url)
    monkeypatch.setattr("communique.cli.SETTINGS", None)
    assert "Amina Hassan" in _run("summary")


def test_store_postgres_cli_summary_hides_the_password(pg_server, make):
    url = pg_server.fresh_schema().replace("communique@", "communique:hunter2@")
    output = _run("summary", "--db", url)
    assert "hunter2" not in output and "communique:***@" in output


def test_store_postgres_web_api_reads_a_postgres_store(pg_server, make):
    from fastapi.testclient import TestClient

    from communique.store import open_store
    from communique.web import create_app

    url = pg_server.fresh_schema()
    with open_store(url) as store:
        store.add(make())
    client = TestClient(create_app(url))
    events = client.get("/api/events", params={"actor": "CHN"}).json()
    assert [e["event"] for e in events["items"]] == [["THREATEN"]]
    dyads = client.get("/api/dyads").json()
    assert dyads["items"][0]["actor"] == "CHN"
    assert client.get("/", headers={"accept": "text/html"}).status_code == 200


def test_store_postgres_web_server_reconnects_after_the_server_drops_it(pg_server, make):
    import psycopg

    from communique.web.app import StorePool

    url = pg_server.fresh_schema()
    pool = StorePool(url)
    first = pool.get()
    first.add(make())
    (pid,) = first.conn.execute("SELECT pg_backend_pid()").fetchone()
    with psycopg.connect(pg_server.url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    try:
        first.conn.execute("SELECT 1")
    except psycopg.OperationalError:
        pass  # the first use after the drop notices it
    assert pool.get().summary()["articles"] == 1
