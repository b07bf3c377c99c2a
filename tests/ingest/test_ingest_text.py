"""Plain-text scrapes: site chrome removed, headline, outlet and date recovered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import shared_file

from communique.errors import InputError
from communique.ingest import read_file
from communique.ingest.text import article_from_text, load_chrome_patterns, strip_chrome

SCRAPE = """Skip to content
Site icon Daily Lantern
Home | World | Politics | Business | Sport

Port workers end strike after pay deal

By Ana Ruiz
Published 14 March 2025

Dock workers in Valparaiso returned to work on Friday after the union accepted a pay offer.

The strike had stopped exports of copper for nine days. Readers who want to read more about the
talks can find the full agreement on the ministry website.

Advertisement

"We won what we came for," the union leader said.

Share this:
Twitter
Facebook
Related posts
Posted in World | Tagged Chile, strikes
Leave a comment
© 2025 Daily Lantern. All rights reserved.



Source link
Exit mobile version
"""


def _seed() -> Path:
    return shared_file("seed", "scraped_page.txt")


@pytest.fixture
def scrape(tmp_path: Path) -> Path:
    path = tmp_path / "strike.txt"
    path.write_text(SCRAPE, encoding="utf-8")
    return path


def _one(path: Path, **kwargs: object):
    (article,) = list(read_file(path, **kwargs))
    return article


def test_text_strips_site_chrome(scrape: Path) -> None:
    text = _one(scrape).text
    for chrome in (
        "Skip to content", "Site icon", "Politics", "Advertisement", "Share this", "Twitter",
        "Related posts", "Posted in", "Leave a comment", "©", "Source link", "Exit mobile",
    ):  # fmt: skip
        assert chrome not in text


def test_text_keeps_sentence_that_mentions_read_more(scrape: Path) -> None:
    assert "Readers who want to read more about the" in _one(scrape).text


def test_text_keeps_body_paragraphs_apart(scrape: Path) -> None:
    assert _one(scrape).text.split("\n\n") == [
        "Dock workers in Valparaiso returned to work on Friday after the union accepted a pay "
        "offer.",
        "The strike had stopped exports of copper for nine days. Readers who want to read more "
        "about the\ntalks can find the full agreement on the ministry website.",
        '"We won what we came for," the union leader said.',
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright holders won the case on Tuesday.",
        "Share prices fell sharply in Tokyo.",
        "Posted in Kabul since 2019, the envoy left on Monday.",
        "Subscribers to the service lost access.",
        "Home Secretary Priti Patel signed the order.",
        "Follow-up talks are planned for June.",
    ],
)
def test_text_keeps_short_sentences_that_resemble_chrome(sentence: str) -> None:
    assert strip_chrome(f"Talks resume\n\n{sentence}")[0] == f"Talks resume\n\n{sentence}"


def test_text_takes_outlet_from_site_icon(scrape: Path) -> None:
    assert _one(scrape).outlet == "Daily Lantern"


def test_text_takes_headline_and_byline(scrape: Path) -> None:
    article = _one(scrape)
    assert (article.title, article.byline) == ("Port workers end strike after pay deal", "Ana Ruiz")


def test_text_reads_published_line_as_date(scrape: Path) -> None:
    article = _one(scrape)
    assert (article.pub_date, article.pub_date_source) == (date(2025, 3, 14), "text")


def test_text_prefers_published_over_updated(tmp_path: Path) -> None:
    body = "Updated: March 20, 2025 at 9:02 am\nPublished on 2025-03-14\n\nThe talks went on late."
    assert article_from_text(body, "x.txt").pub_date == date(2025, 3, 14)


def test_text_reads_wire_dateline(tmp_path: Path) -> None:
    body = "Talks resume\n\nGENEVA, June 15, 2022 — Negotiators met again on Wednesday."
    assert article_from_text(body, "x.txt").pub_date == date(2022, 6, 15)


def test_text_without_date_line_has_no_date() -> None:
    body = "Talks resume\n\nIn 2022 negotiators met again, and on June 15 they agreed."
    assert article_from_text(body, "x.txt").pub_date is None


def test_text_long_first_paragraph_is_not_a_title() -> None:
    body = "The minister resigned on Monday after a vote.\n\nHe had served for two years."
    article = article_from_text(body, "x.txt")
    assert (article.title, article.text.split("\n\n")[0]) == (
        None,
        "The minister resigned on Monday after a vote.",
    )


def test_text_collapses_blank_runs_and_trailing_spaces() -> None:
    body = "Talks resume\n\nFirst paragraph.   \n\n\n\n\nSecond paragraph.\t"
    assert article_from_text(body, "x.txt").text == "First paragraph.\n\nSecond paragraph."


def test_text_chrome_patterns_can_be_extended(tmp_path: Path) -> None:
    extra = tmp_path / "chrome.txt"
    extra.write_text("# our site\nlisten to this story\n", encoding="utf-8")
    text, _ = strip_chrome("Listen to this story\nThe vote passed.", load_chrome_patterns(extra))
    assert text == "The vote passed."


def test_text_only_chrome_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "chrome_only.txt"
    path.write_text("Skip to content\n\nSource link\nExit mobile version\n", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        list(read_file(path))


def test_text_seed_page_outlet_and_title() -> None:
    article = _one(_seed())
    assert (article.outlet, article.title) == (
        "MC PAPA LINC",
        "China will support Russia on security, Xi tells Putin in birthday call",
    )


def test_text_seed_page_has_no_chrome_left() -> None:
    text = _one(_seed()).text
    assert not [c for c in ("Site icon", "Source link", "Exit mobile version") if c in text]


def test_text_seed_page_keeps_every_body_paragraph() -> None:
    path = _seed()
    raw = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = [p for p in raw if len(p) > 100]  # the report's paragraphs, not chrome or headline
    article = _one(path)
    assert article.text.split("\n\n") == body


def test_text_seed_page_takes_user_date() -> None:
    article = _one(_seed(), pub_date=date(2022, 6, 15))
    assert (article.pub_date, article.pub_date_source) == (date(2022, 6, 15), "user")


def test_ingest_text_drops_headlines_listed_under_related_posts():
    scrape = (
        "Kenya and Somalia agree border talks\n\nKenya and Somalia agreed on Monday to hold "
        "border talks.\n\nRelated Posts\nRussia shells Kharkiv overnight\nEU imposes sanctions "
        "on Iran\n\nThe talks begin next week."
    )
    article = article_from_text(scrape, "related.txt")
    assert "Russia shells Kharkiv" not in article.text
    assert "EU imposes sanctions" not in article.text
    assert article.text.endswith("The talks begin next week.")
