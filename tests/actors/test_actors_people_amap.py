"""Office-holders of the Americas and Asia-Pacific resolve by the article's date.

The same title or surname must name whoever held the office on the day the
article was written, and a leader who has left office becomes political elite
(ELI), so these tests pick dates on both sides of real handovers.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from communique.actors import ActorResolver, default_kb
from communique.cli import main


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _who(resolver: ActorResolver, text: str, when: date) -> tuple:
    actor = resolver.resolve(text, when)
    assert actor is not None, text
    return (actor.code, actor.sector, actor.identifier_text)


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("the Indian president", date(2016, 1, 1), ("IND", "GOV", "Pranab Mukherjee")),
        ("the Indian president", date(2023, 1, 1), ("IND", "GOV", "Droupadi Murmu")),
        ("Colombia's president", date(2015, 6, 1), ("COL", "GOV", "Juan Manuel Santos")),
        ("Colombia's president", date(2020, 6, 1), ("COL", "GOV", "Iván Duque")),
        ("the Australian foreign minister", date(2017, 1, 1), ("AUS", "GOV", "Julie Bishop")),
        ("the Australian foreign minister", date(2023, 1, 1), ("AUS", "GOV", "Penny Wong")),
        ("Japan's defence minister", date(2021, 1, 1), ("JPN", "MIL", "Nobuo Kishi")),
        ("Japan's defence minister", date(2023, 1, 1), ("JPN", "MIL", "Yasukazu Hamada")),
    ],
)
def test_people_amap_title_names_the_holder_on_the_date(resolver, text, when, expected):
    assert _who(resolver, text, when) == expected


def test_people_amap_surname_alone_follows_the_term(resolver):
    in_office = _who(resolver, "Bukele", date(2022, 3, 1))
    assert in_office == ("SLV", "GOV", "Nayib Bukele")
    # Bachelet after her second term: a former president is political elite.
    assert _who(resolver, "Michelle Bachelet", date(2019, 6, 1)) == (
        "CHL", "ELI", "Michelle Bachelet")
    assert _who(resolver, "Michelle Bachelet", date(2016, 6, 1)) == (
        "CHL", "GOV", "Michelle Bachelet")


def test_people_amap_common_surname_needs_a_title(resolver):
    """"Castro" alone could be Fidel, Raúl or Xiomara: only a title makes it a person."""
    bare = resolver.resolve("Castro", date(2023, 1, 1))
    assert bare is None or bare.identifier_text is None
    titled = _who(resolver, "President Castro", date(2023, 1, 1))
    assert titled == ("HND", "GOV", "Xiomara Castro")


def test_people_amap_lookup_cli_on_both_sides_of_a_handover():
    runner = CliRunner()
    names = []
    for when in ("2022-01-01", "2025-01-01"):
        result = runner.invoke(main, ["actors", "lookup", "the Sri Lankan president",
                                      "--date", when, "--json"])
        assert result.exit_code == 0, result.output
        names.append(json.loads(result.output)["actors"][0]["identifier_text"])
    assert names == ["Gotabaya Rajapaksa", "Anura Kumara Dissanayake"]


def test_people_amap_terms_hand_over_without_gaps_where_dates_are_known():
    """Successive presidents of Uruguay since 2000: each term starts the day the last ends."""
    kb = default_kb()
    terms = kb.terms_by_office[("president", "URY")]
    starts = [t.start for t in terms]
    assert starts[0] == date(2000, 3, 1) and len(terms) >= 6
    for prev, nxt in zip(terms, terms[1:], strict=False):
        assert prev.end == nxt.start
