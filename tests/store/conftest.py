"""Hand-built analysed articles for the store tests (no NLP pipeline needed), and the
databases they run against: a SQLite file, and a schema on a throwaway PostgreSQL server.

Tests taking ``store`` or ``db`` run once per backend. The PostgreSQL runs skip,
saying why, when psycopg or the server binaries are missing, except under
``COMMUNIQUE_REQUIRE_POSTGRES=1`` (set by CI), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pgserver import PgServer, find_bindir, start_server

from communique.model import Actor, AnalyzedArticle, Article, Event, Quote, Sentence
from communique.store import Store, open_store

BACKENDS = ["sqlite", "postgres"]

TITLE = "China warns Japan over islands"
TEXT = (
    'China warned Japan on Monday. "We will defend our sovereignty," Xi Jinping said. '
    "Japan rejected the claim."
)


def sentence_of(text: str, fragment: str, sequence: int) -> Sentence:
    start = text.index(fragment)
    return Sentence(sequence=sequence, start=start, end=start + len(fragment), text=fragment)


def build(
    *,
    text: str = TEXT,
    title: str = TITLE,
    url: str | None = "https://news.example/china-japan",
    story_id: str | None = None,
    outlet: str | None = "Example News",
    pub_date: date | None = date(2024, 3, 4),
    source: str = "pages/china-japan.html",
    source_format: str = "html",
    actor: Actor | None = None,
    recipient: Actor | None = None,
    event_type: str = "THREATEN",
    event_date: date | None = None,
    speaker: Actor | None = None,
    quoted: str = "We will defend our sovereignty,",
) -> AnalyzedArticle:
    """An article with a title sentence, two text sentences, two events and one quote."""
    title_sent = Sentence(sequence=0, start=0, end=len(title), text=title, section="title")
    first = text.split(". ")[0] + "."
    s1 = sentence_of(text, first, 1)
    sentences = [title_sent, s1]
    last = "Japan rejected the claim."
    s3 = sentence_of(text, last, 3) if last in text else None
    if s3:
        sentences.append(s3)
    article = Article(
        text=text,
        source=source,
        source_format=source_format,
        story_id=story_id,
        title=title,
        url=url,
        outlet=outlet,
        byline="A. Reporter",
        pub_date=pub_date,
        pub_date_source="metadata",
        extra={"section": "world", "tags": ["asia"]},
    )
    events = [
        Event(
            event_type=event_type,
            actor=[actor or Actor("China", "CHN", None, "Q148", "China", 0, 5)],
            recipient=[recipient or Actor("Japan", "JPN", None, "Q17", "Japan", 13, 18)],
            cameo="130",
            goldstein=-4.4,
            quad_code=3,
            event_text="warned",
            sentence=s1,
            trigger_start=6,
            trigger_end=12,
            mode="verbal",
            context=["territory"],
            date=event_date,
            date_text="on Monday" if event_date else None,
            date_precision="day" if event_date else None,
        )
    ]
    if s3:
        events.append(
            Event(
                event_type="REJECT",
                actor=[Actor("Japan", "JPN", start=s3.start, end=s3.start + 5)],
                recipient=[],
                cameo="120",
                goldstein=-4.0,
                quad_code=3,
                event_text="rejected",
                sentence=s3,
                trigger_start=s3.start + 6,
                trigger_end=s3.start + 14,
            )
        )
    quotes = []
    if quoted in text:
        start = text.index(quoted)
        quotes.append(
            Quote(
                quote_text=quoted,
                type="direct",
                start=start,
                end=start + len(quoted),
                speaker=speaker or Actor("Xi Jinping", "CHN", "GOV", "Q15031", "Xi Jinping"),
                cue="said",
                addressee=Actor("Japan", "JPN"),
                sequence=2,
                date=event_date,
            )
        )
    return AnalyzedArticle(article=article, sentences=sentences, events=events, quotes=quotes)


def _unavailable(reason: str) -> None:
    if os.environ.get("COMMUNIQUE_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"COMMUNIQUE_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A private PostgreSQL server on 127.0.0.1 for the whole session."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'communique[postgres]')")
    bindir = find_bindir()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries (apt-get install postgresql)")
    assert bindir is not None
    try:
        server = start_server(bindir)
    except RuntimeError as exc:
        _unavailable(f"cannot start a PostgreSQL server: {exc}")
        raise
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database to open: a SQLite file path, or a postgresql:// URL of an empty schema."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_server").fresh_schema()


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture
def make() -> Callable[..., AnalyzedArticle]:
    return build


@pytest.fixture
def filled(store, make):
    """Three articles from two outlets on three dates, with different actors."""
    store.add(make())  # 2024-03-04, CHN -> JPN, Xi Jinping quoted
    store.add(
        make(
            url="https://wire.example/us-russia",
            title="US meets Russia",
            text='Washington met Moscow at length. "Talks were useful," Antony Blinken said.',
            outlet="Global Wire",
            pub_date=date(2024, 4, 10),
            actor=Actor("Washington", "USA", "GOV", None, "United States"),
            recipient=Actor("Moscow", "RUS", "GOV"),
            event_type="CONSULT",
            speaker=Actor("Antony Blinken", "USA", "GOV", "Q4774640", "Antony Blinken"),
            quoted="Talks were useful,",
        )
    )
    store.add(
        make(
            url="https://news.example/undated",
            title="Undated",
            text="Beijing warned Tokyo again. Japan rejected the claim.",
            pub_date=None,
            event_date=date(2024, 3, 31),
            actor=Actor("Beijing", "CHN", "GOV"),
        )
    )
    return store
