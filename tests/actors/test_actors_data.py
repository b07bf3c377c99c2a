"""The packaged data is complete and consistent, and the checks catch broken edits."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from communique.actors import DATA_DIR, KnowledgeBase, default_kb
from communique.actors.validate import main as validate_main
from communique.actors.validate import validate
from communique.errors import DataFileError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def test_data_packaged_files_validate_cleanly():
    assert validate() == []


def test_data_countries_cover_every_un_member(kb):
    codes = list(kb.countries)
    assert len(codes) == len(set(codes)) >= 250
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    members = [c for c in kb.countries.values() if c.status == "un_member"]
    sovereign = [c for c in kb.countries.values() if c.status in ("un_member", "un_observer")]
    assert len(members) == 193 and len(sovereign) >= 195
    for code in ("USA", "CHN", "RUS", "SSD", "TLS", "MNE", "VAT", "PSE", "TWN", "KOS", "ESH"):
        assert code in kb.countries


def test_data_every_line_starts_with_a_source_comment():
    for path in sorted(DATA_DIR.glob("*.tsv")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), path.name


def test_data_offices_name_known_people_with_wikidata_ids(kb):
    assert len(kb.terms) >= 40
    assert kb.people["putin"].wikidata == "Q7747"
    assert kb.people["xi"].wikidata == "Q15031"
    for term in kb.terms:
        assert term.person in kb.people
    for person in kb.people.values():
        assert person.wikidata is None or re.fullmatch(r"Q\d+", person.wikidata)


def test_data_lookup_is_case_and_accent_blind(kb):
    assert [e.ref.code for e in kb.lookup("COTE D'IVOIRE")] == ["CIV"]
    assert {e.kind for e in kb.lookup("ÉLYSÉE")} == {"seat"}


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def test_data_validate_catches_overlapping_terms(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "offices.tsv", "biden\tpresident\tUSA\t\t2020-06-01\t2021-01-20\t")
    problems = validate(data)
    assert len(problems) == 1
    assert "biden takes president of USA on 2020-06-01 while trump" in problems[0]


def test_data_validate_catches_open_term_followed_by_another(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "offices.tsv", "rutte\tsecretary_general\tNATO\t\t2030-01-01\t\t")
    assert any("still holds it" in p for p in validate(data))


def test_data_validate_catches_bad_references_and_dates(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "offices.tsv", "nobody\tpresident\tXYZ\t\t2001-01-01\t2000-01-01\t")
    _append(data / "people.tsv", "someone\tSome One\tSome One\t\t\tUSA\tGOV\t12345")
    problems = "\n".join(validate(data))
    assert "unknown person 'nobody'" in problems
    assert "unknown body 'XYZ'" in problems
    assert "ends 2000-01-01 before it starts 2001-01-01" in problems
    assert "Wikidata id '12345'" in problems


def test_data_validate_catches_alias_naming_two_countries(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "countries.tsv", "XXA\tXXA\tterritory\tNowhere\tGermany\t\t")
    assert any("'germany' names more than one country" in p for p in validate(data))


def test_data_malformed_row_names_file_and_line(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "offices.tsv", "putin\tpresident\tRUS\t\t2000-13-01\t\t")
    with pytest.raises(DataFileError, match=r"offices\.tsv:\d+: start '2000-13-01'"):
        KnowledgeBase.load(data)


def test_data_missing_file_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    (data / "people.tsv").unlink()
    with pytest.raises(DataFileError, match="people.tsv:0: missing knowledge-base file"):
        KnowledgeBase.load(data)


def test_data_extra_directory_adds_a_person(tmp_path):
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "people.tsv").write_text(
        "# my own list\nkey\tname\taliases\tsurnames\ttitle_only\tcountry\tsector\twikidata\n"
        "smith_j\tJane Smith\tJane Smith\t\t\tNZL\tGOV\t\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra_dirs=[extra])
    assert [e.ref.country for e in kb.lookup("Jane Smith")] == ["NZL"]


def test_data_continuation_files_extend_a_table(tmp_path):
    data = _copy_data(tmp_path)
    (data / "people_test.tsv").write_text(
        "# test people\nkey\tname\taliases\tsurnames\ttitle_only\tcountry\tsector\twikidata\n"
        "tester_a\tAnna Tester\tAnna Tester\tTester\t\tNZL\tGOV\t\n",
        encoding="utf-8",
    )
    (data / "offices_test.tsv").write_text(
        "# test terms\nperson\toffice\tbody\tsector\tstart\tend\tnote\n"
        "tester_a\tforeign_minister\tNZL\t\t2031-01-01\t\t\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(data)
    assert [e.ref.country for e in kb.lookup("Anna Tester")] == ["NZL"]
    assert any(t.person == "tester_a" for t in kb.terms)
    assert validate(data) == []


def test_data_validate_command_exit_status(tmp_path, capsys):
    assert validate_main([str(DATA_DIR)]) == 0
    data = _copy_data(tmp_path)
    _append(data / "offices.tsv", "biden\tpresident\tUSA\t\t2020-06-01\t2021-01-20\t")
    assert validate_main([str(data)]) == 1
    assert "still holds it" in capsys.readouterr().out
    assert validate_main([str(tmp_path / "absent")]) == 2


def test_data_validate_flags_one_wikidata_id_on_two_people(tmp_path):
    data = _copy_data(tmp_path)
    _append(data / "people.tsv", "clone\tA Clone\tA Clone\t\t\tUSA\tGOV\tQ76")
    assert any("has Wikidata id Q76 of people obama too" in p for p in validate(data))


def test_data_heads_of_government_change_on_the_handover_day():
    from communique.actors import ActorResolver

    resolver = ActorResolver()
    before = resolver.resolve("the French prime minister", date(2012, 5, 14))
    after = resolver.resolve("the French prime minister", date(2012, 5, 15))
    assert (before.identifier_text, after.identifier_text) == ("François Fillon",
                                                              "Jean-Marc Ayrault")


def test_data_former_leader_is_elite_not_government():
    from communique.actors import ActorResolver

    actor = ActorResolver().resolve("Mubarak", date(2012, 1, 1))
    assert (actor.code, actor.sector) == ("EGY", "ELI")
