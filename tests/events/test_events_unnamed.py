"""Attacks whose author the text does not name: coded to the country where they happened.

Sentences written for these tests (real model); each pins one rule of ``events/unnamed.py``
and of the place-given codes in ``events/fill.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.api import process_text
from communique.errors import DataFileError
from communique.events.unnamed import load_means

PUB = date(2024, 5, 15)


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str):
        return [(e.event_type, tuple(a.code or "?" for a in e.actor),
                 tuple(a.code or "?" for a in e.recipient))
                for e in process_text(text, pub_date=PUB, pipeline=pipeline).events]

    return run


def test_unnamed_bomb_that_killed_is_coded_to_the_country_where_it_went_off(code):
    assert code("A roadside bomb killed four soldiers near Kandahar on Monday.") == [
        ("ASSAULT", ("AFG",), ("AFG",))]


def test_unnamed_passive_attack_in_a_city_takes_that_country_for_both_sides(code):
    # the victim known only by what he is belongs to the country where it happened
    assert code("A local reporter was shot dead in Peshawar on Sunday.") == [
        ("ASSAULT", ("PAK",), ("PAK",))]


def test_unnamed_attack_noun_as_subject_is_an_attack_by_nobody_named(code):
    assert code("The attack wounded nine shoppers in Mogadishu.") == [
        ("ASSAULT", ("SOM",), ("SOM",))]


def test_unnamed_named_victims_keep_their_own_country(code):
    assert code("Two Italian engineers were killed by a landmine in Kabul.") == [
        ("ASSAULT", ("AFG",), ("ITA",))]


def test_unnamed_without_a_place_in_its_clause_keeps_no_actor(code):
    assert code("Two Italian engineers were killed by a landmine.") == [
        ("ASSAULT", (), ("ITA",))]


def test_unnamed_rule_leaves_a_named_attacker_alone(code):
    assert code("Somali militants attacked a hotel in Nairobi.")[0][:2] == (
        "ASSAULT", ("SOM",))


def test_unnamed_disaster_is_not_an_attack(code):
    assert code("A fire destroyed forty homes in Lagos on Friday.") == []


def test_unnamed_means_list_rejects_a_phrase(tmp_path: Path):
    bad = tmp_path / "means.txt"
    bad.write_text("# means\nbomb\tlocal\ncar bomb\tlocal\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="means.txt:3"):
        load_means(bad)


def test_unnamed_remote_weapon_says_nothing_of_who_fired_it(code):
    # a drone or a missile strikes far from where it was launched
    assert [a for t, a, _ in code("A drone attack set fire to a fuel depot in Belgorod.")
            if t == "ASSAULT"] in ([], [()])


def test_unnamed_place_gives_people_known_by_kind_its_country(code):
    assert code("NAIROBI, Kenya (Wire) - The African Union urged officials to settle "
                "their disputes.") == [("REQUEST", ("IGO",), ("KEN",))]


def test_unnamed_place_does_not_code_several_governments(code):
    assert code("NAIROBI, Kenya (Wire) - The African Union urged governments to settle "
                "their disputes.") == [("REQUEST", ("IGO",), ("?",))]
