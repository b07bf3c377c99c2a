"""HTML pages: the article body and its metadata, without the page around it.

trafilatura separates the story from navigation, ads, comments and footers
and reads the metadata a page declares (title, site name, author, canonical
URL, date). When the markup gives no date, htmldate searches the page text
for one. Nothing here touches the network: both libraries get parsed trees or
page source, never a URL to fetch.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

import htmldate
import trafilatura
from trafilatura.utils import load_html

from communique.errors import InputError
from communique.model import Article

__all__ = ["article_from_html"]

# Dates the page declares (meta tags, JSON-LD, time elements, URL), not ones
# guessed from prose; those come from the explicit htmldate fallback below.
_MARKUP_DATE = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

_WS = re.compile(r"\s+")

#: Fewer words than this is a menu or an error page, not a story.
MIN_WORDS = 10

_FOOTER_XPATH = (
    "//footer | //*[contains(@class, 'footer') or contains(@id, 'footer')"
    " or contains(@class, 'copyright') or contains(@id, 'copyright')]"
)

# Both libraries log at WARNING about pages they find odd; the caller reports
# what matters through InputError, so keep their chatter off the user's terminal.
# A level the application set itself is left alone.
for _name in ("trafilatura", "htmldate"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.ERROR)


def _same(a: str, b: str) -> bool:
    return _WS.sub(" ", a).strip().casefold() == _WS.sub(" ", b).strip().casefold()


def _paragraphs(text: str, title: str | None) -> str:
    """One extracted block per paragraph, a blank line between, headline not repeated."""
    blocks = [block.strip() for block in text.split("\n")]
    blocks = [block for block in blocks if block]
    if title and blocks and _same(blocks[0], title):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def _find_date(html: str) -> date | None:
    """Fallback: htmldate's search of the page, text patterns included.

    Footers go first: htmldate treats a copyright year as a floor and a last
    resort, so "(c) 2024" would hide a 2023 story's date or stand in for it.
    """
    tree = load_html(html)
    if tree is None:
        return None
    for element in tree.xpath(_FOOTER_XPATH):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    try:
        found = htmldate.find_date(
            tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"
        )
        return date.fromisoformat(found) if found else None
    except Exception:  # a date is optional; an odd page must not stop a batch
        return None


def _extra(doc: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name in ("description", "categories", "tags", "hostname"):
        value = getattr(doc, name, None)
        if value:
            extra[name] = value
    return extra


def article_from_html(html: str, source: str) -> Article:
    """Extract the story from a page's source; InputError when the page holds none."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_MARKUP_DATE),
        )
    except Exception as err:  # a parser failing on one page must not stop a batch
        detail = " ".join(str(err).split())  # the user sees one line
        raise InputError(source, f"cannot parse as HTML ({type(err).__name__}: {detail})") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    title = (doc.title or "").strip() or None
    text = _paragraphs(doc.text, title)
    if len(text.split()) < MIN_WORDS:
        # trafilatura falls back to any text at all, e.g. a lone menu on an empty page.
        raise InputError(source, f"no article text found in the HTML page (only {text!r})")

    pub_date: date | None = None
    pub_date_source: str | None = None
    if doc.date:
        try:
            pub_date, pub_date_source = date.fromisoformat(doc.date), "metadata"
        except ValueError:
            pub_date = None
    if pub_date is None:
        pub_date = _find_date(html)
        pub_date_source = "htmldate" if pub_date else None

    return Article(
        text=text,
        source=source,
        source_format="html",
        title=title,
        url=(doc.url or "").strip() or None,
        outlet=(doc.sitename or "").strip() or (doc.hostname or None),
        byline=(doc.author or "").strip() or None,
        pub_date=pub_date,
        pub_date_source=pub_date_source,
        extra=_extra(doc),
    )
