"""European office-holders resolve to whoever held the office on the article's date.

The people and terms live in ``people_eu.tsv`` and ``offices_eu.tsv``; these tests pin
a few changes of office on both sides of the handover, through the resolver and the
``communique actors lookup`` command a user would run.
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


@pytest.mark.parametrize(
    ("text", "when", "name"),
    [
        ("the Polish prime minister", date(2016, 6, 1), "Beata Szydło"),
        ("the Polish prime minister", date(2019, 6, 1), "Mateusz Morawiecki"),
        ("Ukraine's foreign minister", date(2023, 1, 10), "Dmytro Kuleba"),
        ("Ukraine's foreign minister", date(2025, 1, 10), "Andrii Sybiha"),
        ("the Turkish foreign minister", date(2023, 6, 3), "Mevlüt Çavuşoğlu"),
        ("the Turkish foreign minister", date(2023, 6, 4), "Hakan Fidan"),
        ("the French foreign minister", date(2009, 3, 1), "Bernard Kouchner"),
        ("the Greek prime minister", date(2015, 3, 1), "Alexis Tsipras"),
        ("the Greek prime minister", date(2020, 3, 1), "Kyriakos Mitsotakis"),
        ("the Finnish president", date(2023, 5, 1), "Sauli Niinistö"),
        ("the Finnish president", date(2024, 5, 1), "Alexander Stubb"),
        ("the German defence minister", date(2022, 3, 1), "Christine Lambrecht"),
        ("the German defence minister", date(2023, 3, 1), "Boris Pistorius"),
        ("the NATO Secretary-General", date(2006, 5, 1), "Jaap de Hoop Scheffer"),
    ],
)
def test_people_eu_office_holder_on_the_article_date(resolver, text, when, name):
    assert resolver.resolve(text, when=when).identifier_text == name


def test_people_eu_person_follows_office_across_bodies(resolver):
    # Kaja Kallas was Estonia's prime minister, then the EU's High Representative
    as_pm = resolver.resolve("Kaja Kallas", date(2022, 5, 1))
    between = resolver.resolve("Kaja Kallas", date(2024, 9, 1))
    in_brussels = resolver.resolve("Kaja Kallas", date(2025, 3, 1))
    assert (as_pm.code, as_pm.sector) == ("EST", "GOV")
    assert (between.code, between.sector) == ("EST", "ELI")  # out of office: former leader
    assert in_brussels.code == "EUR" and in_brussels.identifier_text == "Kaja Kallas"


def test_people_eu_bare_surname_only_while_in_the_news(resolver):
    assert resolver.resolve("Orbán", date(2015, 1, 1)).identifier_text == "Viktor Orbán"
    assert resolver.resolve("Kurz", date(2019, 1, 1)) is None  # common word: needs a title
    assert resolver.resolve("Chancellor Kurz", date(2019, 1, 1)).code == "AUT"
    former = resolver.resolve("Sebastian Kurz", date(2023, 1, 1))
    assert (former.code, former.sector) == ("AUT", "ELI")


def test_people_eu_lookup_on_both_sides_of_a_handover():
    runner = CliRunner()
    out = [
        runner.invoke(main, ["actors", "lookup", "the British defence secretary",
                             "--date", day, "--json"])
        for day in ("2023-08-30", "2023-08-31")
    ]
    names = [json.loads(r.output)["actors"][0]["identifier_text"] for r in out]
    assert names == ["Ben Wallace", "Grant Shapps"]


def test_people_eu_files_add_people_without_clashing():
    kb = default_kb()
    keys = {p.key for p in kb.people.values()}
    europe = [t for t in kb.terms if t.body in ("DEU", "FRA", "POL", "UKR", "TUR", "EU", "EUCO")]
    assert len(kb.people) >= 900 and len(keys) == len(kb.people)
    assert len(europe) >= 100
