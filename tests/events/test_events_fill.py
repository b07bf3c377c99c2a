"""Recipients the setting supplies: domestic politics with no named party, calls, foreigners.

Sentences written for these tests (real model); each pins one rule of ``events/fill.py`` or
one of the cases where it must stay silent.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str, event_type: str):
        return [(tuple(sorted(a.code or "?" for a in e.actor)),
                 tuple(sorted(a.code or "?" for a in e.recipient)))
                for e in process_text(text, pub_date=PUB, pipeline=pipeline).events
                if e.event_type == event_type]

    return run


def _sectors(text: str, pipeline) -> list[str | None]:
    events = process_text(text, pub_date=PUB, pipeline=pipeline).events
    return [r.sector for e in events for r in e.recipient]


@pytest.mark.parametrize(("text", "event_type", "home"), [
    ("Kenyan opposition parties demanded early elections.", "REQUEST", "KEN"),
    ("Kenyan opposition parties demanded early elections at a news conference in Nairobi.",
     "REQUEST", "KEN"),
    ("Colombian rebels threatened to resume attacks.", "THREATEN", "COL"),
    ("Bolivian miners called off their strike.", "CONCEDE", "BOL"),
    ("Nepalese students rejected the new exam rules.", "REJECT", "NPL"),
])
def test_fill_citizens_unaddressed_act_is_aimed_at_own_country(code, text, event_type, home):
    assert code(text, event_type) == [((home,), (home,))]


def test_fill_citizens_demand_goes_to_their_government(pipeline):
    assert _sectors("Kenyan opposition parties demanded early elections.", pipeline) == ["GOV"]


@pytest.mark.parametrize(("text", "event_type", "home"), [
    ("The Zambian president refused to resign.", "REJECT", "ZMB"),
    ("A Peruvian court lifted the curfew.", "CONCEDE", "PER"),
])
def test_fill_state_yields_or_refuses_on_domestic_politics_towards_own_country(
        code, text, event_type, home):
    assert code(text, event_type) == [((home,), (home,))]


@pytest.mark.parametrize(("text", "event_type"), [
    # a foreign party or international body is named: it may be the one meant
    ("Kenyan opposition parties demanded early elections at a news conference in London.",
     "REQUEST"),
    ("Colombian rebels rejected the peace plan drafted with Cuban help.", "REJECT"),
    # a country named on its own acts abroad as often as at home
    ("Hungary vetoed the sanctions package.", "REJECT"),
    ("China called for restraint.", "REQUEST"),
    # a state's refusal of anything but domestic politics has no default party
    ("The Iraqi government rejected the request.", "REJECT"),
    # agreements and accusations have no party by default
    ("The Turkish government agreed to hold talks.", "AGREE"),
    ("A Brazilian court opened an investigation into the fire.", "ACCUSE"),
])
def test_fill_no_default_recipient(code, text, event_type):
    events = code(text, event_type)
    assert events and all(recipients == () for _, recipients in events)


def test_fill_no_default_recipient_for_actor_without_country(code):
    assert code("Opposition parties demanded early elections.", "REQUEST") == [(("?",), ())]


def test_fill_phone_call_keeps_caller_and_called_apart(code):
    # who called whom is news (CHN GOV -> RUS GOV for "Xi told Putin in a phone call")
    assert code("The Chilean president telephoned the Argentine president on Friday.",
                "CONSULT") == [(("CHL",), ("ARG",))]


def test_fill_foreign_people_do_not_take_the_state_code(code):
    assert code("The Thai government eased restrictions on foreign journalists.",
                "CONCEDE") == [(("THA",), ("?",))]


def test_fill_protesters_are_of_the_place_not_of_the_state_they_protest(code):
    assert code("Demonstrators in Taipei protested against the Chinese government on Sunday.",
                "PROTEST") == [(("TWN",), ("CHN",))]


def test_fill_protesters_with_no_place_are_of_the_one_state_in_play(code):
    assert code("Thousands of students protested against the Iranian government.",
                "PROTEST") == [(("IRN",), ("IRN",))]
