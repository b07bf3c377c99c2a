"""A reader's path through the UI in a real browser: overview → dyad → event → article.

Drives Debian's Chromium (``/usr/bin/chromium``) through the ``playwright``
package. Without that browser the tests skip, unless ``COMMUNIQUE_REQUIRE_BROWSER=1``
(set by CI), where its absence is a failure. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("COMMUNIQUE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing (COMMUNIQUE_REQUIRE_BROWSER=1); "
                    "install it with `apt-get install -y chromium`")
    pytest.skip(f"{CHROMIUM} is not installed; the browser tests need Debian's chromium")


@pytest.fixture(scope="module")
def server(examples_db):
    """The app on a free loopback port, served by uvicorn in a thread."""
    _need_browser()
    import uvicorn

    from communique.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(examples_db), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the web server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.problems = problems  # CSP violations show up as console errors
    yield tab
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_web_browser_overview_to_dyad_to_event_to_article(page, server):
    page.goto(server + "/")
    assert page.locator(".counts").inner_text().count("26") >= 1
    assert page.locator("svg.chart-svg circle.point").count() > 3
    shot(page, "1-overview")

    page.locator("table.dyads a").first.click()
    page.wait_for_url("**/dyads/**")
    assert page.locator("h1").inner_text().count("⇄") == 1
    assert page.locator("svg.chart-svg circle.point").count() >= 1
    rows = page.locator("section.period tr.event-row")
    assert rows.count() >= 1
    shot(page, "2-dyad")

    rows.first.locator("td a").first.click()
    page.wait_for_url("**/events/**")
    sentence = page.locator("p.sentence").inner_text().strip("“”")
    assert len(sentence) > 10
    shot(page, "3-event")

    page.locator("a.read").click()
    page.wait_for_url("**/articles/**")
    assert sentence in page.locator("article.reader").inner_text()
    marks = page.locator(".article-text mark.event")
    assert marks.count() >= 1
    assert "CAMEO" in (marks.first.get_attribute("title") or "")
    shot(page, "4-article")
    assert page.problems == []


@pytest.mark.parametrize("path, selector, minimum", [
    ("/events", "tr.event-row", 50),
    ("/articles", "tr.article-row", 26),
    ("/quotes", "li.quote-item", 20),
    ("/actors/EUR", "table.dyads tr.dyad-row", 1),
    ("/map", "svg.map line.grid", 10),
])
def test_web_browser_every_page_shows_its_rows(page, server, path, selector, minimum):
    page.goto(server + path)
    assert page.locator(selector).count() >= minimum
    shot(page, "page" + path.replace("/", "-"))
    assert page.problems == []


def test_web_browser_events_filter_form(page, server):
    page.goto(server + "/events")
    page.fill("input[name=type]", "SANCTION")
    page.click("form.filters button")
    page.wait_for_url("**type=SANCTION**")
    types = page.locator("tr.event-row .etype").all_inner_texts()
    assert types and set(types) == {"SANCTION"}


def test_web_browser_quote_search(page, server):
    page.goto(server + "/quotes")
    page.fill("input[name=search]", "proposal")
    page.click("form.filters button")
    page.wait_for_url("**search=proposal**")
    quotes = page.locator("li.quote-item blockquote").all_inner_texts()
    assert quotes and all("proposal" in q.lower() for q in quotes)
