"""Parties, movements and national societies resolve to their own country, not to nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from communique.actors import DATA_DIR, ActorResolver
from communique.actors.validate import validate

DAY = date(2015, 6, 1)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _coded(resolver: ActorResolver, text: str) -> tuple[str | None, str | None] | None:
    actor = resolver.resolve(text, DAY)
    return None if actor is None else (actor.code, actor.sector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ANC", ("ZAF", "PTY")),
        ("BJP", ("IND", "PTY")),
        ("the Congress party", ("IND", "PTY")),
        ("Likud", ("ISR", "PTY")),
        ("ZANU-PF", ("ZWE", "PTY")),
        ("the AKP", ("TUR", "PTY")),
        ("Fatah", ("PSE", "PTY")),
        ("Homeland Union", ("LTU", "PTY")),
    ],
)
def test_parties_ruling_and_opposition_parties_carry_their_country(resolver, text, expected):
    assert _coded(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Palestine Liberation Organization", ("PSE", "GOV")),
        ("the Kosovo Liberation Army", ("KOS", "REB")),
        ("the RUF", ("SLE", "REB")),
        ("UNITA", ("AGO", "REB")),
        ("SWAPO", ("NAM", "PTY")),
        ("the Islamic Salvation Front", ("DZA", "PTY")),
        ("the Muslim Brotherhood", ("EGY", "PTY")),
        ("Solidarity", ("POL", "LAB")),
    ],
)
def test_parties_liberation_movements_resolve(resolver, text, expected):
    assert _coded(resolver, text) == expected


def test_parties_national_red_crescent_is_its_country_and_the_federation_is_ngo(resolver):
    found = [_coded(resolver, t) for t in
             ("the Palestinian Red Crescent", "the Jordanian Red Crescent", "the Red Crescent")]
    assert found == [("PSE", "MED"), ("JOR", "MED"), ("NGO", "MED")]


def test_parties_country_named_first_wins_over_a_shared_party_name(resolver):
    # Turkey's AKP and Morocco's PJD share the English name.
    assert _coded(resolver, "Morocco's Justice and Development Party") == ("MAR", "PTY")


def test_parties_ambiguous_abbreviations_and_lowercase_words_are_no_party(resolver):
    # PT, PTI, APC and PAN name other things too; "liberal Democrats" are not the UK party.
    found = [_coded(resolver, t) for t in ("PT", "PTI", "APC", "PAN", "liberal Democrats")]
    assert found == [None] * 5


def test_parties_acronym_stands_when_no_person_fits_the_surname(resolver):
    # "Kanu" is a surname that needs a title; the capitals name Kenya's old ruling party.
    assert (_coded(resolver, "KANU"), _coded(resolver, "Mr Kanu")) == (
        ("KEN", "PTY"), ("NGA", "OPP"))


def test_parties_validate_rejects_an_organisation_code_that_is_no_country(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "organizations_parties.tsv").open("a", encoding="utf-8") as fh:
        fh.write("NOPE\tNowhere Party\tXYZ\tPTY\t\tNowhere Party\t\n")
    problems = validate(data)
    assert problems == ["organizations: NOPE code 'XYZ' is neither a PLOVER non-state code "
                        "nor a country"]
