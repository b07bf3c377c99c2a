"""Event dates resolved against the publication date, as news uses them."""

from datetime import date

import pytest

from communique.when.dates import resolve_expression

WED = date(2022, 6, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "pub", "expected", "precision"),
    [
        ("Wednesday", WED, date(2022, 6, 15), "day"),
        ("Wednesday’s", WED, date(2022, 6, 15), "day"),
        ("Monday", WED, date(2022, 6, 13), "day"),
        ("Thursday", WED, date(2022, 6, 9), "day"),
        ("last Wednesday", WED, date(2022, 6, 8), "day"),
        ("yesterday", WED, date(2022, 6, 14), "day"),
        ("today", WED, date(2022, 6, 15), "day"),
        ("three days ago", WED, date(2022, 6, 12), "day"),
        ("last week", WED, date(2022, 6, 6), "week"),
        ("on March 3", WED, date(2022, 3, 3), "day"),
        ("March 3, 2021", WED, date(2021, 3, 3), "day"),
        ("3 March 2021", WED, date(2021, 3, 3), "day"),
        ("in March", WED, date(2022, 3, 1), "month"),
        ("in 2021", WED, date(2021, 1, 1), "year"),
        ("last month", WED, date(2022, 5, 1), "month"),
        ("on December 30", date(2024, 1, 2), date(2023, 12, 30), "day"),
        ("Sunday", date(2024, 1, 2), date(2023, 12, 31), "day"),
    ],
)
def test_dates_resolve_relative_expressions(expr, pub, expected, precision):
    resolved = resolve_expression(expr, pub)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_dates_relative_expression_without_pub_date_stays_unresolved():
    assert resolve_expression("Wednesday", None) is None


def test_dates_absolute_date_needs_no_pub_date():
    assert resolve_expression("March 3, 2021", None).date == date(2021, 3, 3)


@pytest.mark.parametrize("expr", ["three years", "recent years", "decades", "the 1990s"])
def test_dates_durations_and_vague_expressions_are_not_dates(expr):
    assert resolve_expression(expr, WED) is None
