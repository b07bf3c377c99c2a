"""Databases for the web tests: the sample corpus (analysed once) and hostile hand-made rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.model import Actor, AnalyzedArticle, Article, Event, Quote, Sentence
from communique.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = "<script>alert(1)</script>"
BREAKER = '" onmouseover="alert(2)'
JS_URL = "javascript:alert(3)"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, pipeline) -> Path:
    """The sample corpus in ``examples/``, ingested once per test session."""
    from communique.api import ingest_paths

    path = tmp_path_factory.mktemp("web") / "examples.db"
    with open_store(path) as store:
        report = ingest_paths([str(EXAMPLES)], store, pipeline=pipeline)
    assert report.new > 20
    return path


@pytest.fixture(scope="session")
def client(examples_db):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    return TestClient(create_app(examples_db))


def hostile_article() -> AnalyzedArticle:
    """An article whose every text field tries to break out of HTML."""
    title = f"Title {SCRIPT} and {BREAKER}"
    text = f'Ruritania warned Freedonia {SCRIPT}. "We {BREAKER} will not yield," {SCRIPT} said.'
    first = text.split(". ")[0] + "."
    s1 = Sentence(sequence=1, start=0, end=len(first), text=first)
    start = text.index("We ")
    end = text.index(",", start)
    event = Event(
        event_type="THREATEN", cameo="130", goldstein=-4.4, quad_code=3,
        actor=[Actor(f"Ruritania {SCRIPT}", "RUR", None, None, BREAKER)],
        recipient=[Actor("Freedonia", "FRE", "GOV")],
        event_text="warned", sentence=s1, trigger_start=10, trigger_end=16,
        mode=BREAKER, context=[SCRIPT], date=date(2024, 5, 2),
    )
    quote = Quote(quote_text=text[start:end], type="direct", start=start, end=end,
                  speaker=Actor(SCRIPT, "RUR", "GOV", None, BREAKER), cue="said")
    article = Article(text=text, title=title, source="hostile.jsonl", source_format="jsonl",
                      story_id="hostile-1", url=JS_URL, outlet=f"Outlet {BREAKER}",
                      byline=SCRIPT, pub_date=date(2024, 5, 2), republished_from=JS_URL)
    return AnalyzedArticle(article=article, sentences=[s1], events=[event], quotes=[quote])


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    path = tmp_path / "hostile.db"
    with open_store(path) as store:
        store.add(hostile_article())
    return path
