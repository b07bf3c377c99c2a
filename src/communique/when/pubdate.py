"""Publication dates an article's metadata did not give: from its URL or its dateline.

Every relative date in a story ("on Tuesday", "last week") is resolved against
the publication date, so a story without one leaves its events undated. Many
sites put the date in the URL (``/2024/05/14/``) or open the story with a
dateline ("KYIV, Ukraine, May 14, 2024 —"); both are facts the page states, so
they are used when the metadata is silent, and the source is recorded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Article
from .dates import resolve_expression

__all__ = ["date_from_dateline", "date_from_url", "with_pub_date"]

_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?=[/._-]|$)"
    r"|/(?P<ymd>(?:19|20)\d{6})(?=[/._-]|$)"
)
# "KYIV, Ukraine, May 14, 2024 —", "GENEVA (Reuters) May 14, 2024 -", "May 14, 2024 —"
_DATELINE_DATE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?\s*(?:\([^)]{1,30}\))?,?\s*)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))"
    r"\s*(?:\([^)]{1,30}\)\s*)?[—–-]"
)


def date_from_url(url: str | None) -> date | None:
    """The date in a URL path such as ``/2024/05/14/`` or ``/20240514/``, if it is a real day."""
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            if m.group("ymd"):
                s = m.group("ymd")
                return date(int(s[:4]), int(s[4:6]), int(s[6:]))
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None


def date_from_dateline(text: str) -> date | None:
    """The full date (day, month and year) in a dateline opening the story."""
    m = _DATELINE_DATE.match(text[:200])
    if not m:
        return None
    resolved = resolve_expression(m.group("date"), None)
    return resolved.date if resolved and resolved.precision == "day" else None


def with_pub_date(article: Article) -> Article:
    """The article, with a publication date from its URL or dateline if it had none.

    An article that already has a date, or offers neither, is returned as is:
    a missing date stays missing (never today's date).
    """
    if article.pub_date is not None:
        return article
    found = date_from_url(article.url)
    if found is not None:
        return replace(article, pub_date=found, pub_date_source="url")
    found = date_from_dateline(article.text)
    if found is not None:
        return replace(article, pub_date=found, pub_date_source="dateline")
    return article
