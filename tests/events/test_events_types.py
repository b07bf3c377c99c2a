"""Which PLOVER type a sentence's event gets: constructions that decide the type.

Each test pins one phenomenon with sentences written for it: what PLOVER's definitions say
an act is (easing a curfew is a concession), what a clause's modality makes of it (a stated
refusal is a rejection, a conditional offer an intention), and which words belong to
another event's frame rather than being events of their own.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)


@pytest.fixture(scope="module")
def types(pipeline):
    def run(text: str) -> set[str]:
        return {e.event_type for e in process_text(text, pub_date=PUB, pipeline=pipeline).events}

    return run


@pytest.mark.parametrize("text", [
    "The Kenyan government lifted the state of emergency in the north.",
    "Egypt ended the curfew in Cairo on Friday.",
    "The Thai government eased martial law in the southern provinces.",
])
def test_events_types_easing_a_curfew_or_emergency_is_concede(types, text):
    # PLOVER's CONCEDE covers easing legal restrictions and removing curfews.
    assert types(text) == {"CONCEDE"}


@pytest.mark.parametrize("text", [
    "Iran said it would not meet the demands of the kidnappers.",
    "Pakistan will not release the Indian pilot, the foreign ministry said.",
    "The junta said it would never lift the ban on the opposition party.",
])
def test_events_types_stated_refusal_to_yield_is_reject(types, text):
    assert "REJECT" in types(text)


def test_events_types_refusal_to_negotiate_is_reject(types):
    assert types("Kosovo said it will not negotiate with Serbia.") == {"REJECT"}


def test_events_types_past_negation_is_still_no_event(types):
    assert types("Pakistan did not release the Indian pilot.") == set()


def test_events_types_conditional_offer_to_meet_is_agree(types):
    text = "Rebel leaders said they would meet the Nigerian envoy if the army halted its offensive."
    assert types(text) == {"AGREE"}


def test_events_types_conditional_harm_stays_a_threat(types):
    assert types("Turkey said it would attack the Kurdish militia if it crossed the river.") == {
        "THREATEN"}


@pytest.mark.parametrize("text", [
    "Brazil failed to uphold the rights of its indigenous people.",
    "The Nepalese government declined to support the resolution.",
])
def test_events_types_what_was_failed_or_declined_did_not_happen(types, text):
    assert not types(text) & {"SUPPORT"}


def test_events_types_protest_that_is_a_verbal_complaint(types):
    text = "Amnesty International protested that Turkish authorities are mistreating prisoners."
    assert types(text) == {"ACCUSE"}


def test_events_types_statement_speaks_for_its_issuer(types):
    text = ("The Chilean opposition issued a statement demanding that the government release "
            "the students.")
    assert "REQUEST" in types(text)


def test_events_types_what_must_be_done_is_not_done(types):
    text = "The Indian minister said Japan must send more doctors to help Nepal rebuild."
    assert types(text) == {"REQUEST"}


def test_events_types_noun_in_the_verbs_frame_is_not_an_event(types):
    assert types("The Sudanese president reneged on his promise to hold elections.") == {
        "REJECT"}


def test_events_types_part_of_the_object_keeps_its_frame(types):
    assert types("Canada suspended part of its military aid to Guatemala.") == {"SANCTION"}


def test_events_types_infinitive_right_after_a_vow_is_its_complement(types):
    assert types("Russian rebels have sworn to fight until they win independence.") == {
        "THREATEN"}


def test_events_types_speeding_up_a_withdrawal_codes_the_withdrawal(types):
    assert types("Israel speeded up the withdrawal of its troops from Lebanon.") == {"RETREAT"}


@pytest.mark.parametrize("text", [
    "Canada suspended its aid program for Haiti.",
    "The World Bank froze part of a loan package for Malawi.",
])
def test_events_types_suspending_an_aid_program_is_sanction(types, text):
    assert types(text) == {"SANCTION"}


def test_events_types_must_in_an_issued_reminder_is_request(types):
    text = "The Kenyan president issued a reminder to Uganda that it must pay for the electricity."
    assert types(text) == {"REQUEST"}


def test_events_types_allowing_a_titled_person_to_run_is_concede(types):
    text = "The Kenyan court decided to allow opposition leader Raila Odinga to run for office."
    assert types(text) == {"CONCEDE"}


def test_events_types_hyphenated_prefix_keeps_the_infinitive(pipeline):
    events = process_text("Ghana agreed to re-open its border with Togo.", pub_date=PUB,
                          pipeline=pipeline).events
    assert [e.event_text for e in events] == ["agreed open"]


def test_events_types_fraction_of_a_group_names_the_group(pipeline):
    events = process_text("Half of the Congolese militiamen surrendered on Sunday.",
                          pub_date=PUB, pipeline=pipeline).events
    assert [(e.event_type, [a.code for a in e.actor]) for e in events] == [("RETREAT", ["COD"])]


@pytest.mark.parametrize("text", [
    "Thousands of Kenyan students protested against the new fees.",
    "A group of Chilean miners protested the closure of the mine.",
    "A crowd protested outside the Kenyan parliament on Monday.",
])
def test_events_types_crowds_that_protest_demonstrate(types, text):
    # PLOVER: PROTEST is collective civilian action; the words "protest against" do not decide.
    assert types(text) == {"PROTEST"}


@pytest.mark.parametrize("text", [
    "The Chinese foreign ministry protested against the visit.",
    "The Japanese embassy protested over the arrest of its citizens.",
    "A Kenyan human rights group protested the verdict.",
])
def test_events_types_officials_and_bodies_that_protest_complain(types, text):
    # PLOVER: diplomatic protests and complaints by organisations are ACCUSE, not PROTEST.
    assert types(text) == {"ACCUSE"}


@pytest.mark.parametrize("text", [
    "Thousands of Iraqi Kurds rallied in Erbil demanding a referendum.",
    "About 300 Algerian students blocked roads in Oran demanding that the rector resign.",
    "Kenyan nurses marched through Nairobi calling for higher wages.",
])
def test_events_types_topic_of_a_protest_is_not_a_request(types, text):
    # PLOVER: the topic of a protest, typically a REQUEST, is not coded as a separate event.
    assert types(text) == {"PROTEST"}


def test_events_types_demand_with_its_own_subject_stays(types):
    text = "Students protested in Nairobi, and the union demanded that the minister resign."
    assert types(text) == {"PROTEST", "REQUEST"}


@pytest.mark.parametrize("text", [
    "Kenyan police used water cannon to break up the demonstration.",
    "Liberian riot police used tear gas to disperse demonstrators in Monrovia.",
])
def test_events_types_instrument_of_an_act_is_not_an_event(types, text):
    # "Used tear gas to disperse" reports one dispersal (COERCE), not an assault as well.
    assert types(text) == {"COERCE"}


def test_events_types_instrument_without_purpose_is_the_act(types):
    assert types("Kenyan police used tear gas against the protesters.") == {"ASSAULT"}


@pytest.mark.parametrize("text", [
    "Ukraine opposed the deployment of Russian peacekeepers.",
    "Germany opposed the French plan.",
])
def test_events_types_opposing_a_plan_or_deployment_is_reject(types, text):
    # Opposing what is proposed says no to it (REJECT); opposing a decision is criticism.
    assert types(text) == {"REJECT"}


def test_events_types_opposing_a_decision_is_accuse(types):
    assert types("Hungary opposed the decision of the court.") == {"ACCUSE"}


@pytest.mark.parametrize("text", [
    "Iran called the sanctions illegal.",
    "The Egyptian minister called the decision a violation of international law.",
    "The Kenyan president called the opposition leaders traitors.",
])
def test_events_types_calling_something_a_crime_is_accuse(types, text):
    assert types(text) == {"ACCUSE"}


def test_events_types_calling_talks_a_success_is_no_call(types):
    assert "CONSULT" not in types("The Egyptian minister called the agreement a success.")


def test_events_types_date_after_call_is_not_call_on(types):
    # "on Monday" says when; it does not make the phone call a "call on" (REQUEST).
    assert types("The Kenyan president called his Ugandan counterpart on Monday.") == {"CONSULT"}


def test_events_types_he_after_a_quoted_person_is_that_person(pipeline):
    text = "Kenyan President William Ruto was quoted as saying he would meet the Ugandan president."
    events = process_text(text, pub_date=PUB, pipeline=pipeline).events
    assert [(e.event_type, [a.code for a in e.actor]) for e in events] == [("AGREE", ["KEN"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel retaliated against Hezbollah positions in southern Lebanon.", {"ASSAULT"}),
    ("The rebels responded with rocket fire on the government base.", {"ASSAULT"}),
    ("Beijing retaliated with tariffs on American farm goods.", {"SANCTION"}),
    ("Tehran vowed to retaliate against Washington.", {"THREATEN"}),
    ("Pyongyang warned it would respond with force to any provocation.", {"THREATEN"}),
])
def test_events_types_retaliation_is_force_unless_done_with_sanctions(types, text, expected):
    # Retaliating or responding "with force" is a use of force; retaliation with tariffs is a
    # sanction; stated as a future, either is a threat.
    assert types(text) == expected
