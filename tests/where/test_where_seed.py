"""The seed page (a scraped report of the Xi–Putin call of 15 June 2022): dates and places."""

from __future__ import annotations

from datetime import date

import pytest

from communique.ingest import read_file
from communique.model import Actor, Event, Sentence
from communique.when.link import event_date
from communique.where.gazetteer import default_gazetteer
from communique.where.locate import clause_place

PUB = date(2022, 6, 15)


@pytest.fixture(scope="module")
def seed(shared):
    return next(iter(read_file(shared("seed", "scraped_page.txt"), pub_date=PUB)))


@pytest.fixture(scope="module")
def analyzed(seed, pipeline):
    return pipeline.analyze(seed)


def test_where_seed_phone_call_is_dated_on_publication_day(analyzed):
    calls = [e for e in analyzed.events if e.cameo == "041" and e.sentence.section == "title"]
    assert calls and {(e.date, e.date_precision) for e in calls} == {(PUB, "day")}


def test_where_seed_wednesday_call_events_are_dated_wednesday(analyzed):
    dated = [e for e in analyzed.events if (e.date_text or "").startswith("Wednesday")]
    assert dated and all(e.date == PUB for e in dated)


def test_where_seed_march_call_is_dated_march_2022(seed, nlp):
    doc = nlp(seed.text)
    call = next(t for t in doc if t.lower_ == "call" and doc[t.i - 1].text == "March")
    resolved = event_date(call.head, PUB)  # the coder dates a noun event from its preposition
    assert (resolved.date, resolved.precision) == (date(2022, 3, 1), "month")


def test_where_seed_march_call_with_biden_is_an_event_of_march(analyzed):
    [march] = [e for e in analyzed.events if e.date_precision == "month"]
    assert (march.event_type, march.mode, march.date) == ("CONSULT", "phone", date(2022, 3, 1))
    assert [a.identifier_text for a in march.actor] == ["Xi Jinping"]
    assert [a.identifier_text for a in march.recipient] == ["Joe Biden"]


def test_where_seed_amur_bridge_places_cooperation_at_the_border(seed, nlp):
    doc = nlp(seed.text)
    opening = next(t for t in doc if t.lower_ == "opening")
    sent = opening.sent
    event = Event("COOPERATE", [Actor("China", "CHN", start=0, end=0)],
                  [Actor("Russia", "RUS", start=0, end=0)], "030", 4.0, 1, "opening",
                  Sentence(0, sent.start_char, sent.end_char, sent.text), opening.idx,
                  opening.idx + len(opening.text))
    place = clause_place(opening, event, default_gazetteer())
    assert (place.name, place.country_code in ("CHN", "RUS"), place.precision) == (
        "Amur River", True, "region")
