"""Safety: who may read and write, hostile text and filters, body limits, headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_hostile import BREAKER, JS_URL, SCRIPT

from communique.errors import CommuniqueError
from communique.store import open_store
from communique.web import create_app
from communique.web.serve import check_bind, is_loopback

HOSTILE_FILTER = "'; DROP TABLE events; --"
PAGES = ["/", "/events", "/articles", "/quotes", "/map", "/actors/RUR", "/dyads/RUR/FRE",
         "/articles/hostile-1", "/events/hostile-1-E1"]


@pytest.fixture
def hostile(hostile_db):
    return TestClient(create_app(hostile_db))


@pytest.mark.parametrize("page", PAGES)
def test_web_security_hostile_text_is_escaped_on_every_page(hostile, page):
    html = hostile.get(page, headers={"accept": "text/html"}).text
    assert "<script>alert" not in html
    assert 'onmouseover="alert' not in html
    assert 'href="javascript:' not in html


def test_web_security_hostile_text_is_shown_as_text(hostile):
    html = hostile.get("/articles/hostile-1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Republished from" in html and JS_URL in html  # shown, not linked


def test_web_security_filters_with_sql_metacharacters_are_just_text(hostile, hostile_db):
    for param in ("actor", "recipient", "type", "outlet", "search", "context", "party",
                  "country"):
        response = hostile.get("/api/events", params={param: HOSTILE_FILTER})
        assert response.status_code == 200 and response.json()["items"] == []
    for param in ("speaker", "search", "outlet"):
        assert hostile.get("/api/quotes", params={param: HOSTILE_FILTER}).json()["items"] == []
    assert hostile.get("/events", params={"search": "%' OR 1=1 --"}).status_code == 200
    with open_store(hostile_db) as store:
        assert len(store.events()) == 1  # nothing dropped


def test_web_security_headers_on_pages_api_and_errors(hostile):
    for url in ("/", "/api/events", "/api/missing", "/static/style.css"):
        headers = hostile.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_web_security_read_only_without_token(hostile):
    response = hostile.post("/api/ingest", json=[{"text": "Ruritania met Freedonia."}])
    assert response.status_code == 403
    assert "--token" in response.json()["error"]["detail"]


def test_web_security_token_guards_every_request(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret"))
    assert app.get("/api/events").status_code == 401
    assert app.get("/").status_code == 401
    assert app.get("/api/events", headers={"authorization": "Bearer wrong"}).status_code == 401
    good = app.get("/api/events", headers={"authorization": "Bearer s3cret"})
    assert good.status_code == 200 and good.json()["items"]


def test_web_security_token_in_query_sets_a_strict_cookie(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret"))
    first = app.get("/?token=s3cret")
    assert first.status_code == 200
    cookie = first.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert app.get("/events").status_code == 200  # the cookie now carries the token


def test_web_security_public_read_only_still_guards_ingest(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret", public_read_only=True))
    assert app.get("/api/events").status_code == 200
    denied = app.post("/api/ingest", json=[{"text": "Ruritania met Freedonia."}])
    assert denied.status_code == 401
    assert denied.json()["error"]["title"] == "Unauthorized"


def test_web_security_request_bodies_are_capped(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret", max_body=1000))
    big = [{"text": "x" * 2000}]
    response = app.post("/api/ingest", json=big, headers={"authorization": "Bearer s3cret"})
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["error"]["detail"]


def test_web_security_ingest_needs_a_content_length(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret"))

    def chunks():
        yield b"[]"

    response = app.post("/api/ingest", content=chunks(),
                        headers={"authorization": "Bearer s3cret"})
    assert response.status_code == 411


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("::1", True),
                                            ("localhost", True), ("0.0.0.0", False),
                                            ("192.168.1.4", False), ("example.org", False)])
def test_web_security_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_web_security_refuses_public_bind_without_token():
    with pytest.raises(CommuniqueError, match="--token"):
        check_bind("0.0.0.0", None, False)
    check_bind("0.0.0.0", "s3cret", False)
    check_bind("0.0.0.0", None, True)
    check_bind("127.0.0.1", None, False)


def test_web_security_ingest_with_token_stores_hostile_documents_escaped(hostile_db, pipeline):
    app = TestClient(create_app(hostile_db, token="s3cret", pipeline=pipeline))
    docs = [
        {"id": "pushed-1", "title": f"Pushed {SCRIPT}", "pub_date": "2024-06-01",
         "url": "javascript:alert(4)", "outlet": BREAKER,
         "text": f'Russian forces shelled Kharkiv on Tuesday. {SCRIPT} "{BREAKER}," he said.'},
        {"id": "bad", "text": ""},
    ]
    response = app.post("/api/ingest", json={"documents": docs},
                        headers={"authorization": "Bearer s3cret"})
    report = response.json()
    assert response.status_code == 200
    assert report["new"] == 1 and report["failed"] == 1 and report["events"] >= 1
    assert report["failures"][0]["document"] == 1
    html = app.get("/articles/pushed-1", headers={"authorization": "Bearer s3cret"}).text
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert '<mark class="event"' in html
    again = app.post("/api/ingest", json=docs[:1], headers={"authorization": "Bearer s3cret"})
    assert again.json()["unchanged"] == 1


def test_web_security_ingest_rejects_a_body_that_is_not_documents(hostile_db):
    app = TestClient(create_app(hostile_db, token="s3cret"))
    response = app.post("/api/ingest", json={"docs": 1},
                        headers={"authorization": "Bearer s3cret"})
    assert response.status_code == 400
    assert "documents" in response.json()["error"]["detail"]


def test_web_security_serve_command_refuses_a_public_address(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from communique.cli import main

    monkeypatch.delenv("COMMUNIQUE_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"),
                                       "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "refusing to listen on 0.0.0.0" in result.output
