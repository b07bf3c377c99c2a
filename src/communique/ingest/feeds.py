"""RSS and Atom feeds: the entries a feed lists, and a story from an entry's own content.

``feedparser`` reads every common dialect (RSS 0.9x/1.0/2.0, Atom 0.3/1.0).
It is only ever handed bytes already fetched by :mod:`communique.ingest.web`,
wrapped in a stream, never a URL: given a string, feedparser would fetch it
itself, around every check the fetcher makes.

An entry is identified by its id (RSS guid, Atom id), else its link, else a
hash of its title and summary, so that a feed re-ordered or re-published
does not make old entries look new.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html

from communique.errors import InputError
from communique.ingest.html import MIN_WORDS
from communique.model import Article

__all__ = ["Feed", "FeedEntry", "entry_article", "parse_feed", "parse_interval"]

_WS = re.compile(r"[ \t\r\f\v]+")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html)", re.I | re.S)
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smh]?)", re.I)
_UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass
class FeedEntry:
    """One item of a feed: where its story is, and what the feed itself says of it."""

    key: str
    link: str | None
    title: str | None = None
    published: date | None = None
    author: str | None = None
    #: The entry's HTML content (full text or summary), the fallback when the page fails.
    content_html: str | None = None


@dataclass
class Feed:
    url: str
    title: str | None
    version: str
    entries: list[FeedEntry] = field(default_factory=list)


def parse_interval(text: str) -> float:
    """Seconds in an interval such as ``90s``, ``15m``, ``1h`` or ``1h30m`` (bare: seconds)."""
    cleaned = text.strip().lower()
    pos, total = 0, 0.0
    for match in _INTERVAL.finditer(cleaned):
        if match.start() != pos or not match.group(0).strip():
            break
        total += float(match.group(1)) * _UNIT[match.group(2)]
        pos = match.end()
    if not cleaned or pos != len(cleaned) or total <= 0:
        raise ValueError(f"{text!r} is not an interval like 30s, 15m or 1h")
    return total


def _struct_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC).date()
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_key(entry: Any) -> str:
    for name in ("id", "link"):
        value = (entry.get(name) or "").strip()
        if value:
            return value
    digest = hashlib.sha256(
        f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()
    ).hexdigest()
    return f"sha256:{digest[:32]}"


def _entry_content(entry: Any) -> str | None:
    """The fullest text the entry carries: its longest content block, else its summary."""
    blocks = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(blocks, key=len, default="")
    summary = entry.get("summary") or ""
    best = best if len(best) >= len(summary) else summary
    return best or None


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """The entries of a fetched feed; InputError when the bytes are not RSS or Atom."""
    if _HTML_START.match(body[:4096]):
        raise InputError(url, "not a feed: the server sent an HTML page, not RSS or Atom; "
                              "give the address of the feed itself")
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as err:  # a parser failing on one feed must not stop the others
        detail = " ".join(str(err).split())
        raise InputError(url, f"cannot parse the feed ({type(err).__name__}: {detail})") from None
    if not parsed.get("version"):
        why = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(why).split())})" if why else ""
        raise InputError(url, f"not a feed: no RSS or Atom document found{detail}")
    feed_info = parsed.get("feed", {})
    feed = Feed(url=url, title=(feed_info.get("title") or "").strip() or None,
                version=parsed.version)
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        feed.entries.append(FeedEntry(
            key=_entry_key(entry),
            link=urljoin(url, link) if link else None,
            title=(entry.get("title") or "").strip() or None,
            published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            author=(entry.get("author") or "").strip() or None,
            content_html=_entry_content(entry),
        ))
    return feed


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block, a blank line between."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml refuses some fragments outright; they are text then
        return "\n\n".join(p.strip() for p in fragment.split("\n\n") if p.strip())
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    paragraphs = (_WS.sub(" ", block).strip() for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def entry_article(entry: FeedEntry, feed: Feed, *, why: str) -> Article:
    """A story from the entry's own content, used when its page could not be had.

    ``why`` says what went wrong with the page; it is kept in ``extra`` and
    named in the InputError when the entry's content is too short to stand
    in for the story.
    """
    source = entry.link or f"{feed.url}#{entry.key}"
    text = html_fragment_text(entry.content_html or "")
    if len(text.split()) < MIN_WORDS:
        raise InputError(source, f"{why}; the feed entry has no article text to use instead")
    return Article(
        text=text,
        source=source,
        source_format="feed",
        title=entry.title,
        url=entry.link,
        outlet=feed.title,
        byline=entry.author,
        pub_date=entry.published,
        pub_date_source="feed" if entry.published else None,
        extra={"feed": feed.url, "feed_entry": entry.key, "page_problem": why,
               "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
    )
