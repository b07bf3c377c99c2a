"""``communique actors lookup`` says how a name resolves on a date and why."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from communique.actors import ActorResolver
from communique.actors.explain import explain
from communique.cli import main


def test_lookup_same_name_on_both_sides_of_a_handover():
    runner = CliRunner()
    before = runner.invoke(main, ["actors", "lookup", "the Russian president",
                                  "--date", "2010-01-01", "--json"])
    after = runner.invoke(main, ["actors", "lookup", "the Russian president",
                                 "--date", "2013-01-01", "--json"])
    names = [json.loads(r.output)["actors"][0]["identifier_text"] for r in (before, after)]
    assert names == ["Dmitry Medvedev", "Vladimir Putin"]


def test_lookup_text_output_names_the_term_and_line():
    result = CliRunner().invoke(main, ["actors", "lookup", "Obama", "--date", "2019-01-01"])
    assert result.exit_code == 0 and "former officials are ELI" in result.output


def test_lookup_with_user_dictionary(tmp_path):
    path = tmp_path / "mine.actors"
    path.write_text("ACME_MILITIA_ [NGAREB]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "lookup", "Acme Militia", "--actors", str(path)])
    assert "NGA REB" in result.output and "mine.actors:1" in result.output


def test_lookup_explains_a_succession():
    steps = explain(ActorResolver(), "Juba", date(2000, 1, 1))
    assert steps["actors"][0]["code"] == "SDN" and any("successions" in s for s in steps["steps"])


def test_lookup_extract_uses_the_actors_file(tmp_path, pipeline):
    path = tmp_path / "mine.actors"
    path.write_text("ACME_MILITIA_ [NGAREB]\n+ACME_FIGHTERS_\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", "--pub-date", "2024-05-16", "--actors", str(path)],
        input="Acme fighters attacked Nigerian troops in Maiduguri on Monday.\n",
    )
    actor = json.loads(result.output.splitlines()[0])["actor"][0]
    assert (actor["code"], actor["sector"]) == ("NGA", "REB")
