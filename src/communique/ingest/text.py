"""Plain-text scrapes: the article a reader sees, without the site around it.

Aggregators and CMS themes saved as text leave their chrome in the file: site
icons, menus, share bars, "Source link", copyright lines. Left in, these turn
into bogus sentences, actors and events, so we drop whole lines that match the
patterns in ``data/chrome.txt`` (a plain file, so users can add their site's
quirks), then recover what the layout tells us: the headline on the first
line, the outlet from the site icon, and the date from a clear date line.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

from communique.errors import DataFileError, InputError
from communique.model import Article

__all__ = [
    "CHROME_FILE",
    "MAX_CHROME_LINE",
    "article_from_text",
    "load_chrome_patterns",
    "normalise_text",
    "strip_chrome",
]

CHROME_FILE = Path(__file__).with_name("data") / "chrome.txt"

#: Lines longer than this are prose, never chrome, whatever the patterns say.
MAX_CHROME_LINE = 320

#: A headline is a short first line; anything longer is the first paragraph.
MAX_TITLE = 200

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# Only unambiguous forms: ISO, "June 15, 2022" and "15 June 2022" (never 06/07/2022).
_DATE = (
    rf"(?i:{_WEEKDAY}(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}))"
)
_TIME = r"(?i:[\s,|•·–-]*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?.{0,30})"

# "Published 15 June 2022", "Updated: June 16, 2022 at 10:02 am", "Posted on 2022-06-15"
_DATE_LINE = re.compile(
    rf"(?i:(?P<kind>first published|published|posted|last updated|updated|dated|date)"
    rf"(?:\s+on)?\s*:?\s*){_DATE}(?:{_TIME})?"
)
# A line that is nothing but a date (and perhaps a time).
_BARE_DATE_LINE = re.compile(rf"{_DATE}(?:{_TIME})?")
# A wire-style dateline opening the first paragraph: "KYIV, Ukraine, June 15, 2022 — ..."
_DATELINE = re.compile(
    rf"[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,\s*{_DATE}"
    r"\s*(?:\([^)]{1,30}\)\s*)?[—–-]"
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_BYLINE = re.compile(rf"(?i:by)\s+(?P<byline>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)")

_MANY_NEWLINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.M)


@cache
def _default_patterns() -> tuple[re.Pattern[str], ...]:
    return load_chrome_patterns(CHROME_FILE)


def load_chrome_patterns(path: Path = CHROME_FILE) -> tuple[re.Pattern[str], ...]:
    """Read a chrome file: one regex per line, ``#`` comments, blank lines ignored."""
    patterns: list[re.Pattern[str]] = []
    with open(path, encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                patterns.append(re.compile(line, re.IGNORECASE))
            except re.error as err:
                raise DataFileError(str(path), lineno, f"bad regular expression: {err}") from None
    return tuple(patterns)


def normalise_text(text: str) -> str:
    """Unify line endings, drop trailing spaces and keep paragraphs one blank line apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip("\n")


def strip_chrome(
    text: str, patterns: tuple[re.Pattern[str], ...] | None = None
) -> tuple[str, str | None]:
    """Remove whole lines of site chrome; return the text and the outlet it names, if any.

    Lines are deleted rather than blanked so that chrome wedged inside a
    paragraph does not split it; runs of blank lines left behind are collapsed.
    """
    patterns = _default_patterns() if patterns is None else patterns
    outlet: str | None = None
    kept: list[str] = []
    in_link_list = False
    for line in normalise_text(text).split("\n"):
        stripped = line.strip()
        if in_link_list and stripped and _is_headline(stripped):
            continue  # a headline listed under "Related Posts" and the like
        in_link_list = False
        match = None
        if stripped and len(stripped) <= MAX_CHROME_LINE:
            match = next((m for p in patterns if (m := p.fullmatch(stripped))), None)
        if match is None:
            kept.append(line)
            continue
        in_link_list = match.groupdict().get("list") is not None
        site = match.groupdict().get("outlet")
        if outlet is None and site and site.strip():
            outlet = site.strip()
    return normalise_text("\n".join(kept)), outlet


def _is_headline(line: str) -> bool:
    """A short line that does not end like a sentence: a linked headline, not prose."""
    return len(line) <= MAX_TITLE and not line.rstrip("\"”’'").endswith((".", "!", "?", ":"))


def _parse_date(text: str) -> date | None:
    """Parse a date string the regexes above already judged unambiguous."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    import dateparser  # slow to import; only needed when a date line is present

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def _take_metadata_lines(lines: list[str]) -> tuple[list[str], date | None, str | None]:
    """Pull date lines and a byline out of the first and last lines of the text.

    "Published" beats a bare date, which beats "Updated": we want the date the
    story first appeared, not its last edit.
    """
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    top = set(nonempty[:8])
    near = top | set(nonempty[-4:])
    found: dict[str, date] = {}
    byline: str | None = None
    drop: set[int] = set()
    for i in sorted(near):
        stripped = lines[i].strip()
        if len(stripped) > 120:
            continue
        if m := _DATE_LINE.fullmatch(stripped):
            kind = "updated" if "updated" in m.group("kind").lower() else "published"
        elif (m := _BARE_DATE_LINE.fullmatch(stripped)) and i in top:
            kind = "bare"
        elif (b := _BYLINE.fullmatch(stripped)) and i in top and byline is None:
            byline = b.group("byline")
            drop.add(i)
            continue
        else:
            continue
        parsed = _parse_date(m.group("date"))
        if parsed is not None:
            found.setdefault(kind, parsed)
            drop.add(i)
    pub_date = found.get("published") or found.get("bare") or found.get("updated")
    return [line for i, line in enumerate(lines) if i not in drop], pub_date, byline


def _take_title(text: str) -> tuple[str | None, str]:
    """Split off a headline: a short first line without a full stop, then a blank line."""
    first, sep, rest = text.partition("\n\n")
    if not sep or "\n" in first or not rest.strip():
        return None, text
    candidate = first.strip()
    bare = candidate.rstrip("\"'”’)]")
    if len(candidate) >= MAX_TITLE or bare.endswith((".", ",", ";", ":")):
        return None, text
    return candidate, rest.strip("\n")


def _dateline_date(text: str) -> date | None:
    match = _DATELINE.match(text)
    return _parse_date(match.group("date")) if match else None


def article_from_text(
    text: str,
    source: str,
    *,
    source_format: str = "txt",
    patterns: tuple[re.Pattern[str], ...] | None = None,
) -> Article:
    """Build an :class:`Article` from a plain-text scrape, chrome removed.

    Raises :class:`InputError` when nothing but chrome (or whitespace) is left.
    """
    if not text.strip():
        raise InputError(source, "empty file (only whitespace)")
    cleaned, outlet = strip_chrome(text, patterns)
    lines, pub_date, byline = _take_metadata_lines(cleaned.split("\n"))
    body = normalise_text("\n".join(lines))
    title, body = _take_title(body)
    if pub_date is None:
        pub_date = _dateline_date(body)
    if not body.strip():
        raise InputError(source, "no article text left after removing site chrome")
    return Article(
        text=body,
        source=source,
        source_format=source_format,
        title=title,
        outlet=outlet,
        byline=byline,
        pub_date=pub_date,
        pub_date_source="text" if pub_date else None,
    )
