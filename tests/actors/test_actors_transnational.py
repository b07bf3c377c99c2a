"""Actors that belong to no single state: PLOVER's NGO, IGO, MNC and ISM codes.

The sentences' noun phrases are our own; each case pins a rule of transnational.tsv,
sectors.tsv or countries.tsv that the event coder relies on when it codes an actor.
"""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest

from communique.actors import ActorResolver
from communique.actors.kb import DATA_DIR, KnowledgeBase
from communique.actors.validate import validate


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _code(resolver: ActorResolver, text: str) -> tuple[str | None, str | None] | None:
    actor = resolver.resolve(text)
    return (actor.code, actor.sector) if actor is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a human rights group", ("NGO", "SOC")),
        ("an international aid agency", ("NGO", "SOC")),
        ("relief organisations", ("NGO", "SOC")),
        ("the medical charity", ("NGO", "MED")),
        ("a regional peacekeeping force", ("IGO", "MIL")),
        ("international mediators", ("IGO", "GOV")),
        ("multinational companies", ("MNC", "BUS")),
        ("international activists", ("ISM", "CVL")),
    ],
)
def test_transnational_generic_body_without_country_gets_nonstate_code(resolver, text, expected):
    assert _code(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a Nigerian rights group", ("NGA", "SOC")),
        ("Bangladeshi peacekeeping troops", ("BGD", "MIL")),
        ("peacekeepers from Fiji", ("FJI", "MIL")),
        ("rights groups in Zimbabwe", ("ZWE", "SOC")),
        ("U.N. peacekeepers", ("UNO", "MIL")),
    ],
)
def test_transnational_nationality_or_named_body_wins(resolver, text, expected):
    assert _code(resolver, text) == expected


def test_transnational_place_named_with_peacekeepers_gives_the_code(resolver):
    assert _code(resolver, "the peacekeeping force in Lebanon") == ("LBN", "MIL")


def test_transnational_bare_peacekeepers_are_left_to_the_context(resolver):
    assert _code(resolver, "a peacekeeping force") == (None, "MIL")


def test_transnational_former_member_is_not_a_body(resolver):
    assert _code(resolver, "a former aid worker") == (None, "SOC")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Algerian fundamentalists", ("DZA", "CVL")),
        ("Iranian hardliners", ("IRN", "CVL")),
        ("Islamist militants", (None, "REB")),
        ("mourners", (None, "CVL")),
        ("Greek worshippers", ("GRC", "CVL")),
    ],
)
def test_transnational_tendency_and_crowd_words_are_sectors(resolver, text, expected):
    assert _code(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Igbo traditional elders", ("NGA", "ELI")),
        ("Chechen rebels", ("RUS", "REB")),
        ("Tibetan monks", ("CHN", "REL")),
    ],
)
def test_transnational_people_of_one_state_coded_with_that_state(resolver, text, expected):
    assert _code(resolver, text) == expected


@pytest.mark.parametrize("text", ["EC", "the E.C.", "the European Community"])
def test_transnational_ec_is_the_european_union(resolver, text):
    assert _code(resolver, text) == ("EUR", None)


def test_transnational_lowercase_ec_is_no_actor(resolver):
    assert resolver.resolve("ec") is None


def test_transnational_user_row_adds_a_phrase(tmp_path: Path):
    data = tmp_path / "data"
    copytree(DATA_DIR, data)
    with (data / "transnational.tsv").open("a", encoding="utf-8") as fh:
        fh.write("NGO\tSOC\tmine clearance charity\n")
    resolver = ActorResolver(KnowledgeBase.load(data))
    assert _code(resolver, "a mine clearance charity") == ("NGO", "SOC")


def test_transnational_validate_rejects_named_body_code(tmp_path: Path):
    data = tmp_path / "data"
    copytree(DATA_DIR, data)
    with (data / "transnational.tsv").open("a", encoding="utf-8") as fh:
        fh.write("UNO\tMIL\tblue berets\n")
    assert any("transnational: line" in p and "'UNO'" in p for p in validate(data))
