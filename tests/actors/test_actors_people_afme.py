"""Office-holders of Africa, the Middle East, Central Asia and the IGOs resolve by date.

The same words must name different people on either side of a handover, and a
former leader must become an elite rather than the government.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from communique.actors import ActorResolver
from communique.cli import main


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _lookup(name: str, day: str) -> list[tuple[str, str, str]]:
    result = CliRunner().invoke(main, ["actors", "lookup", name, "--date", day, "--json"])
    assert result.exit_code == 0, result.output
    return [
        (a["code"], a["sector"], a["identifier_text"])
        for a in json.loads(result.output)["actors"]
    ]


def test_people_afme_kenyan_president_changes_with_the_handover():
    before = _lookup("the Kenyan president", "2022-09-12")
    after = _lookup("the Kenyan president", "2022-09-13")
    assert (before, after) == (
        [("KEN", "GOV", "Uhuru Kenyatta")],
        [("KEN", "GOV", "William Ruto")],
    )


def test_people_afme_saudi_foreign_minister_on_both_sides_of_a_reshuffle():
    names = [_lookup("the Saudi foreign minister", d)[0][2] for d in ("2018-06-01", "2020-06-01")]
    assert names == ["Adel al-Jubeir", "Faisal bin Farhan"]


def test_people_afme_former_president_becomes_elite(resolver):
    in_office = resolver.resolve_all("Bouteflika", date(2015, 1, 1))
    retired = resolver.resolve_all("Bouteflika", date(2021, 1, 1))
    assert [(a.code, a.sector) for a in in_office + retired] == [("DZA", "GOV"), ("DZA", "ELI")]


def test_people_afme_igo_chief_resolves_to_the_organisation(resolver):
    who = resolver.resolve_all("the WHO chief", date(2020, 3, 1))
    assert [(a.code, a.identifier_text) for a in who] == [("UNO", "Tedros Adhanom Ghebreyesus")]


def test_people_afme_armed_group_leader_is_named_by_surname_alone(resolver):
    actors = resolver.resolve_all("Nasrallah", date(2020, 1, 1))
    assert [(a.code, a.sector) for a in actors] == [("LBN", "REB")]


def test_people_afme_common_surname_needs_a_title(resolver):
    assert resolver.resolve_all("Traore", date(2023, 1, 1)) == []
    titled = resolver.resolve_all("Captain Traore", date(2023, 1, 1))
    assert [a.identifier_text for a in titled] == ["Ibrahim Traoré"]
