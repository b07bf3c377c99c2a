"""HTML pages: the story without the page around it, and the metadata the page declares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import read_file

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers agree grain corridor deal | The Harbour Times</title>
<link rel="canonical" href="https://harbour-times.example/world/grain-corridor">
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:title" content="Ministers agree grain corridor deal">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2024-03-12T09:15:00Z">
</head><body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<div class="ad advertisement">Buy the new Zephyr 5 phone today, twenty percent off</div>
<main><article>
<h1>Ministers agree grain corridor deal</h1>
<p>The foreign ministers of Turkey and Ukraine agreed on Tuesday to reopen a shipping
corridor for grain through the Black Sea, officials in Ankara said after a day of talks.</p>
<p>The agreement lets cargo ships leave three Ukrainian ports under naval escort, and both
sides said inspections would take place in Istanbul before the vessels sail on.</p>
<p>"This corridor feeds millions of people," the Turkish minister told reporters, adding
that the deal would be reviewed in ninety days.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great news, finally something positive from the harbour!</p></div>
</section></main>
<footer><p>Copyright 2024 The Harbour Times. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "grain.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _one(path: Path, **kwargs: object):
    (article,) = list(read_file(path, **kwargs))
    return article


def test_html_keeps_the_story_paragraphs(page: Path) -> None:
    article = _one(page)
    assert article.text.startswith("The foreign ministers of Turkey and Ukraine")
    assert "reviewed in ninety days." in article.text


def test_html_drops_navigation_ads_comments_and_footer(page: Path) -> None:
    text = _one(page).text
    for chrome in ("Home", "Sport", "Zephyr", "Great news", "Comments", "All rights reserved"):
        assert chrome not in text


def test_html_separates_paragraphs_with_blank_lines(page: Path) -> None:
    assert len(_one(page).text.split("\n\n")) == 3


def test_html_does_not_repeat_the_title_in_the_text(page: Path) -> None:
    article = _one(page)
    assert article.title == "Ministers agree grain corridor deal"
    assert not article.text.startswith("Ministers agree")


def test_html_reads_page_metadata(page: Path) -> None:
    article = _one(page)
    assert (article.outlet, article.byline, article.url) == (
        "The Harbour Times",
        "Mara Lindqvist",
        "https://harbour-times.example/world/grain-corridor",
    )


def test_html_reads_published_time_as_metadata_date(page: Path) -> None:
    article = _one(page)
    assert (article.pub_date, article.pub_date_source) == (date(2024, 3, 12), "metadata")


def test_html_provenance_names_the_file_as_given(page: Path) -> None:
    article = _one(page)
    assert (article.source, article.source_format, article.story_id) == (str(page), "html", None)


def test_html_falls_back_to_htmldate_for_a_date_in_the_text(tmp_path: Path) -> None:
    html = PAGE.replace(
        '<meta property="article:published_time" content="2024-03-12T09:15:00Z">', ""
    ).replace('<p>"This corridor', '<p>The talks ended on 3 May 2023 in Ankara.</p><p>"This')
    path = tmp_path / "undated.htm"
    path.write_text(html, encoding="utf-8")
    article = _one(path)
    assert (article.pub_date, article.pub_date_source) == (date(2023, 5, 3), "htmldate")


def test_html_user_overrides_win(page: Path) -> None:
    article = _one(page, pub_date=date(2024, 3, 13), outlet="Harbour", url="https://x.example/a")
    assert (article.pub_date, article.pub_date_source, article.outlet, article.url) == (
        date(2024, 3, 13),
        "user",
        "Harbour",
        "https://x.example/a",
    )


def test_html_page_without_story_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        list(read_file(path))


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "Ankara said", "Ankara said (Türkiye)"
    )
    path = tmp_path / "latin1.html"
    path.write_bytes(html.encode("iso-8859-1"))
    assert "(Türkiye)" in _one(path).text
