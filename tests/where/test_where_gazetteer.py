"""The offline gazetteer: country codes as actors use them, ambiguity, region-level features."""

from __future__ import annotations

import pytest

from communique.errors import DataFileError
from communique.where.gazetteer import Gazetteer, _read_places, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_gazetteer_city_has_coordinates_and_iso3_country(gaz):
    kyiv = gaz.best("Kyiv")
    assert (kyiv.country_code, kyiv.precision, round(kyiv.lat)) == ("UKR", "city", 50)


def test_gazetteer_old_spelling_finds_the_same_city(gaz):
    assert gaz.best("Kiev").geonameid == gaz.best("Kyiv").geonameid


def test_gazetteer_country_aliases_use_actor_codes(gaz):
    assert [gaz.best(n).country_code for n in ("Britain", "U.S.", "Gaza")] == ["GBR", "USA", "PSE"]


def test_gazetteer_ambiguity_goes_toward_the_actors_countries(gaz):
    assert (gaz.best("Georgia").country_code, gaz.best("Georgia", ["USA"]).country_code) == (
        "GEO", "USA")


def test_gazetteer_river_resolves_to_region_between_its_countries(gaz):
    amur = gaz.best("the Amur River", ["RUS"])
    assert (amur.precision, amur.country_code, set(amur.countries)) == (
        "region", "RUS", {"CHN", "RUS"})


def test_gazetteer_unknown_name_is_none(gaz):
    assert gaz.best("Atlantis Prime") is None


def test_gazetteer_bad_places_row_names_file_and_line(tmp_path):
    bad = tmp_path / "places.tsv"
    bad.write_text("name\taliases\tfeature_code\tcountries\tadmin1\tprecision\tlat\tlon\n"
                   "Somewhere\t\tRGN\tFRA\t\tcity\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="places.tsv.*2.*precision"):
        _read_places(Gazetteer(), bad)
