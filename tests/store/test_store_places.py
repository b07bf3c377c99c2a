"""Event places and ranked contexts in the store: written, read back, filtered."""

from __future__ import annotations

import pytest

from communique.errors import StoreError
from communique.model import Place

KYIV = Place(name="Kyiv", text="Kyiv", country_code="UKR", country="Ukraine", admin1="12",
             lat=50.45, lon=30.52, feature_class="P", feature_code="PPLC", geonameid=703448,
             precision="city", found_by="clause")


@pytest.fixture
def placed(store, make):
    analyzed = make()
    analyzed.events[0].place = KYIV
    analyzed.events[0].context = ["territory", "military"]
    analyzed.events[0].date_precision = "week"
    store.add(analyzed)
    return store


def test_store_place_round_trips_as_plover_event_loc(placed):
    loc = placed.events(country="UKR")[0]["event_loc"]
    assert (loc["resolved_place"], loc["lat"], loc["resolution"], loc["found_by"]) == (
        "Kyiv", 50.45, 4, "clause")


def test_store_events_filter_by_place_country_and_context(placed):
    counts = [len(placed.events(**f)) for f in (
        {"place": "kyiv"}, {"country": "Ukraine"}, {"country": "RUS"},
        {"context": "military"}, {"context": "economic"},
    )]
    assert counts == [1, 1, 0, 1, 0]


def test_store_events_filter_by_date_precision(placed):
    assert [e["event_text"] for e in placed.events(date_precision="week")] == ["warned"]


def test_store_unknown_date_precision_is_an_error(placed):
    with pytest.raises(StoreError, match="date_precision"):
        placed.events(date_precision="fortnight")


def test_store_event_without_place_reads_back_none(placed):
    rejected = [e for e in placed.events() if e["event_text"] == "rejected"]
    assert rejected[0]["event_loc"] is None
