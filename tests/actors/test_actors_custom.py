"""Users' own actors: YAML and CSV files and TABARI/PETRARCH dictionaries override the data."""

from __future__ import annotations

from datetime import date

import pytest

from communique.actors import ActorResolver, KnowledgeBase
from communique.actors.custom import read_tabari, split_cameo_code
from communique.errors import DataFileError

TABARI = """\
# a small dictionary in the TABARI format
; comments start with # or ;
ANDREI_KOZYREV_ [RUSGOV 901011-960109]  # foreign minister
+KOZYREV_
+FOREIGN_MINISTER_KOZYREV_
GLORIA_SMITH_
+SMITH_OF_ACME_
    [USAELI <20090120]
    [USAGOV >20090120]
ACME_MILITIA_ [NGAREB]
UNITED_NATIONS_MISSION_IN_TESTLAND_ [IGOUNO]
LOCAL_HEALTH_BOARD_ [GBRHLH]
"""


def _resolver(tmp_path, name: str, text: str) -> ActorResolver:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ActorResolver(kb=KnowledgeBase.load(extra=[path]))


def test_custom_tabari_dated_codes_follow_the_article_date(tmp_path):
    resolver = _resolver(tmp_path, "mine.actors", TABARI)
    assert resolver.resolve("Gloria Smith", date(2005, 1, 1)).sector == "ELI"
    assert resolver.resolve("Gloria Smith", date(2010, 1, 1)).sector == "GOV"


def test_custom_tabari_range_is_inclusive_and_aliases_match(tmp_path):
    resolver = _resolver(tmp_path, "mine.actors", TABARI)
    assert resolver.resolve("Kozyrev", date(1996, 1, 9)).code == "RUS"
    assert resolver.resolve("Kozyrev", date(1996, 1, 10)) is None


def test_custom_tabari_codes_become_plover_codes(tmp_path):
    resolver = _resolver(tmp_path, "mine.actors", TABARI)
    un = resolver.resolve("the United Nations Mission in Testland")
    health = resolver.resolve("the Local Health Board")
    assert ((un.code, un.sector), (health.code, health.sector)) == (("UNO", None), ("GBR", "MED"))


def test_custom_tabari_entry_without_code_names_the_line():
    with pytest.raises(DataFileError, match=r"x\.actors:2: 'Nobody' has no \[CODE\]"):
        read_tabari("SOMEONE_ [USAGOV]\nNOBODY_\n", "x.actors", {})


def test_custom_tabari_bad_date_names_the_line():
    with pytest.raises(DataFileError, match=r"x\.actors:1: .*not a date"):
        read_tabari("SOMEONE_ [USAGOV >20091340]\n", "x.actors", {})


def test_custom_cameo_code_split():
    assert split_cameo_code("USAGOV", {}) == ("USA", "GOV")
    assert split_cameo_code("IGOEUR", {}) == ("EUR", None)


def test_custom_yaml_overrides_a_packaged_name(tmp_path):
    resolver = _resolver(tmp_path, "mine.yaml", """\
actors:
  - name: Wagner Group
    aliases: [Wagner]
    code: CAF
    sector: PRM
""")
    assert (resolver.resolve("Wagner").code, resolver.resolve("Wagner").sector) == ("CAF", "PRM")


def test_custom_yaml_person_with_dated_codes(tmp_path):
    resolver = _resolver(tmp_path, "mine.yml", """\
- name: Jane Roe
  person: true
  wikidata: Q1
  codes:
    - {code: NZL, sector: GOV, start: 2020-01-01, end: 2023-01-01}
    - {code: NZL, sector: ELI, start: 2023-01-01}
""")
    actor = resolver.resolve("Jane Roe", date(2021, 5, 1))
    later = resolver.resolve("Jane Roe", date(2024, 5, 1))
    assert (actor.sector, actor.identifier_id, later.sector) == ("GOV", "Q1", "ELI")


def test_custom_csv_adds_a_local_militia(tmp_path):
    resolver = _resolver(tmp_path, "mine.csv",
                         "name,aliases,code,sector\nRiver Guard,River Guards|the Guard,COD,REB\n")
    assert resolver.resolve("the River Guards").code == "COD"


def test_custom_csv_without_code_column_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,sector\nX,REB\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.csv:1: CSV header needs"):
        KnowledgeBase.load(extra=[path])


def test_custom_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"mine\.json:0: actors file must end in"):
        KnowledgeBase.load(extra=[path])
