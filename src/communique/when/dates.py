"""Event dates: resolve the temporal expression that governs an event against the publication date.

News dates events relative to the day it is published ("on Wednesday",
"yesterday", "last week", "on March 3"). Stamping every event with the
publication date blurs time series, so we read the expression the sentence
gives and keep it, with the precision it supports. Without a publication date
relative expressions cannot be resolved: the event keeps a null date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_RE = (
    r"(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)


@dataclass(frozen=True)
class ResolvedDate:
    date: date
    precision: str  # day, week, month, year
    text: str


def _month(word: str) -> int | None:
    return _MONTH_ABBR.get(word.lower().rstrip(".")[:4] if word.lower().startswith("sept")
                           else word.lower()[:3])


def _past_year_for(month: int, day: int | None, pub: date) -> int:
    """News speaks of the past: a month/day after the publication date is last year's."""
    candidate = date(pub.year, month, day or 1)
    return pub.year - 1 if candidate > pub else pub.year


def resolve_expression(text: str, pub: date | None) -> ResolvedDate | None:
    """Resolve one temporal expression (as spaCy's DATE entity gives it) against ``pub``.

    Returns None when the expression is not one we can place on the calendar
    (durations such as "three years", vague ones such as "recent years").
    """
    raw = text.strip()
    t = re.sub(r"[’']s$", "", raw.lower()).strip()
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(on|in|during|of|at)\s+", "", t)
    t = re.sub(r"^(the|early on|late on)\s+(?=\w)", "", t)
    t = re.sub(r",?\s+(local time|gmt|utc)$", "", t)
    # "Friday, December 24": the calendar date is the precise part.
    t = re.sub(r"^(?:" + "|".join(WEEKDAYS) + r"),?\s+(?=\d|" + _MONTH_RE[1:], "", t)

    # Absolute dates with a year need no publication date.
    m = re.fullmatch(rf"{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", t)
    if m and _month(m.group(1)):
        return _safe(int(m.group(3)), _month(m.group(1)), int(m.group(2)), "day", raw)
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(\d{{4}})", t)
    if m and _month(m.group(2)):
        return _safe(int(m.group(3)), _month(m.group(2)), int(m.group(1)), "day", raw)
    m = re.fullmatch(rf"(?:early |late |mid-?)?{_MONTH_RE},?\s+(?:of\s+)?(\d{{4}})", t)
    if m and _month(m.group(1)):
        return _safe(int(m.group(2)), _month(m.group(1)), 1, "month", raw)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)), "day", raw)
    m = re.fullmatch(r"(?:early |late |mid-?)?(\d{4})", t)
    if m and 1900 < int(m.group(1)) < 2100:
        return ResolvedDate(date(int(m.group(1)), 1, 1), "year", raw)

    if pub is None:
        return None
    return _relative(t, raw, pub)


_SAME_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "now",
             "earlier today", "later today", "earlier in the day", "on the day"}
_DAY_BEFORE = {"yesterday", "last night", "overnight", "yesterday morning",
               "yesterday afternoon", "yesterday evening", "late yesterday", "early yesterday",
               "the previous night", "late last night", "earlier overnight"}
_WEEKDAY_RE = re.compile(
    r"(last\s+|this\s+|this\s+past\s+|past\s+|early\s+|late\s+|early\s+on\s+)?"
    r"(" + "|".join(WEEKDAYS) + r")"
    r"(\s+(morning|afternoon|evening|night))?"
)
_UNITS = {"day": (1, "day"), "week": (7, "week"), "month": (0, "month"), "year": (0, "year")}


def _relative(t: str, raw: str, pub: date) -> ResolvedDate | None:
    """Expressions that need the publication date: weekdays, "yesterday", "last week" ..."""
    if t in _SAME_DAY:
        return ResolvedDate(pub, "day", raw)
    if t in _DAY_BEFORE:
        return ResolvedDate(pub - timedelta(days=1), "day", raw)
    m = _WEEKDAY_RE.fullmatch(t)
    if m:
        # News names the most recent such day on or before publication.
        back = (pub.weekday() - WEEKDAYS.index(m.group(2))) % 7
        if m.group(1) and m.group(1).split()[0] in ("last", "past") and back == 0:
            back = 7
        return ResolvedDate(pub - timedelta(days=back), "day", raw)
    m = re.fullmatch(rf"{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?", t) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}", t
    )
    if m:
        first, second = m.group(1), m.group(2)
        month, day = (_month(first), int(second)) if _month(first) else (_month(second), int(first))
        if month:
            return _safe(_past_year_for(month, day, pub), month, day, "day", raw)
    m = re.fullmatch(rf"(?:early |late |mid-?|earlier in |late in )?(?:last )?{_MONTH_RE}", t)
    if m and _month(m.group(1)):
        month = _month(m.group(1))
        return ResolvedDate(date(_past_year_for(month, 1, pub), month, 1), "month", raw)
    if t in ("last week", "earlier this week", "this week", "past week", "this past week",
             "the past week", "previous week", "the previous week", "late last week",
             "early last week", "earlier in the week"):
        delta = 7 if "last" in t or "previous" in t else 0
        start = pub - timedelta(days=pub.weekday() + delta)
        return ResolvedDate(start, "week", raw)
    if t in ("last month", "this month", "earlier this month", "late last month",
             "early last month", "earlier in the month", "previous month", "the previous month"):
        if "last" in t or "previous" in t:
            prev = pub.replace(day=1) - timedelta(days=1)
            return ResolvedDate(prev.replace(day=1), "month", raw)
        return ResolvedDate(pub.replace(day=1), "month", raw)
    if t in ("last year", "this year", "earlier this year", "late last year", "early last year",
             "previous year", "the previous year"):
        year = pub.year - 1 if "last" in t or "previous" in t else pub.year
        return ResolvedDate(date(year, 1, 1), "year", raw)
    m = re.fullmatch(r"(?:about |some |nearly |almost )?(\w+)\s+(day|week|month|year)s?\s+"
                     r"(?:ago|earlier|before)", t)
    if m and (n := _number(m.group(1))) is not None:
        return _ago(pub, n, m.group(2), raw)
    return None


def _ago(pub: date, n: int, unit: str, raw: str) -> ResolvedDate:
    """"three days ago", "two months ago": counted back from publication."""
    if unit in ("day", "week"):
        return ResolvedDate(pub - timedelta(days=_UNITS[unit][0] * n), unit, raw)
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 - n
        return ResolvedDate(date(months // 12, months % 12 + 1, 1), "month", raw)
    return ResolvedDate(date(pub.year - n, 1, 1), "year", raw)


_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "several": 3})


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _safe(year: int, month: int | None, day: int, precision: str, raw: str) -> ResolvedDate | None:
    if month is None:
        return None
    try:
        return ResolvedDate(date(year, month, day), precision, raw)
    except ValueError:
        return None
