"""Recipients beyond the trigger's plain object: purposes, promises, owners, shared objects.

Sentences written for these tests (real model); each pins one construction of news English
that names whom an act is aimed at (``events/roles.py``, ``events/participants.py``) or a
party the coder must not invent (``events/fill.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str, event_type: str | None = None):
        return [(e.event_type, tuple(a.code or "?" for a in e.actor),
                 tuple(a.code or "?" for a in e.recipient))
                for e in process_text(text, pub_date=PUB, pipeline=pipeline).events
                if event_type is None or e.event_type == event_type]

    return run


@pytest.mark.parametrize(("text", "target"), [
    ("Iran has trained hundreds of hackers capable of launching cyber attacks against Israel.",
     "ISR"),
    ("Iran trained militants for attacks on US targets.", "USA"),
    ("Russia massed troops for an offensive against Ukraine.", "UKR"),
])
def test_recipients_forces_raised_against_a_party_in_their_purpose(code, text, target):
    assert [r for t, _, r in code(text) if t == "MOBILIZE"] == [(target,)]


def test_recipients_mobilization_with_no_stated_purpose_has_no_target(code):
    assert code("Pakistan deployed troops along the frontier.", "MOBILIZE") == [
        ("MOBILIZE", ("PAK",), ())]


@pytest.mark.parametrize("text", [
    "The minister reneged on his promise to Ghana.",
    "Peru broke its promise to Ghana.",
])
def test_recipients_broken_promise_is_rejected_towards_whom_it_was_made(code, text):
    assert [r for _, _, r in code(text, "REJECT")] == [("GHA",)]


def test_recipients_demanded_thing_names_its_owner_as_the_one_asked(code):
    assert code("Kenyan farmers are demanding a U.N. military presence.", "REQUEST") == [
        ("REQUEST", ("KEN",), ("UNO",))]


def test_recipients_ready_to_host_talks_between_two_sides(code):
    events = code("The emir said he was ready to host a meeting between Sudanese and Chadian "
                  "officials.", "AGREE")
    assert [set(r) for _, _, r in events] == [{"SDN", "TCD"}]


def test_recipients_talks_between_two_countries_name_each_once(code):
    assert code("Peace talks between Armenia and Azerbaijan resumed.", "CONSULT") == [
        ("CONSULT", ("ARM",), ("AZE",))]


def test_recipients_coordinated_verbs_share_the_later_object(code):
    assert code("Police beat and arrested dozens of Kenyan protesters.", "ASSAULT") == [
        ("ASSAULT", ("KEN",), ("KEN",))]


def test_recipients_second_verb_of_one_attack_is_not_a_second_event(code):
    events = code("Sudanese rebels killed two soldiers and wounded several others.", "ASSAULT")
    assert len(events) == 1


def test_recipients_government_is_not_given_the_country_it_deals_with(code):
    # the president's country is unknown; the guest's country is not his
    assert code("The president gave a warm welcome to the Kenyan leader.", "CONSULT") == [
        ("CONSULT", ("?",), ("KEN",))]


def test_recipients_police_still_take_the_country_of_those_they_arrest(code):
    assert code("Police arrested Kenyan opposition leaders.", "COERCE") == [
        ("COERCE", ("KEN",), ("KEN",))]
