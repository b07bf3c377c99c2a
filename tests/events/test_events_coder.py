"""The event coder on sentences we wrote, one construction per test (real spaCy model)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)  # a Wednesday


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text: str, pub: date | None = PUB):
        return process_text(text, pub_date=pub, pipeline=pipeline).events

    return run


def summary(events):
    return [
        (
            e.event_type,
            tuple(a.code for a in e.actor),
            tuple(a.code for a in e.recipient),
        )
        for e in events
    ]


def test_coder_active_voice_attack(code):
    assert summary(code("Russian forces attacked Ukraine on Tuesday.")) == [
        ("ASSAULT", ("RUS",), ("UKR",))
    ]


def test_coder_passive_voice_takes_actor_from_by_phrase(code):
    assert summary(code("Ukraine was attacked by Russian forces.")) == [
        ("ASSAULT", ("RUS",), ("UKR",))
    ]


def test_coder_compound_actors_are_both_coded(code):
    events = code("Japanese and South Korean officials met in Seoul on Tuesday.")
    assert [e.event_type for e in events] == ["CONSULT"]
    assert {a.code for a in events[0].actor} == {"JPN", "KOR"}


def test_coder_prepositional_recipient(code):
    assert summary(code("Kenya held talks with Somalia on Monday.")) == [
        ("CONSULT", ("KEN",), ("SOM",))
    ]


def test_coder_negated_action_is_not_an_event(code):
    assert code("Turkey did not attack Syria.") == []


def test_coder_hypothetical_action_is_not_an_event(code):
    assert code("Iran may attack Israel.") == []


def test_coder_stated_threat_is_threaten(code):
    assert summary(code("Turkey threatened to attack Syria.")) == [
        ("THREATEN", ("TUR",), ("SYR",))
    ]


def test_coder_pledge_with_infinitive_is_agree(code):
    events = code("Germany pledged to work with France on energy.")
    assert summary(events) == [("AGREE", ("DEU",), ("FRA",))]


def test_coder_refusal_is_reject(code):
    assert [e.event_type for e in code("India refused to meet Pakistan.")] == ["REJECT"]


def test_coder_future_aid_is_agree(code):
    events = code("Germany said it would send weapons to Ukraine.")
    assert summary(events) == [("AGREE", ("DEU",), ("UKR",))]


def test_coder_reported_speech_codes_the_reported_action(code):
    events = code("Officials said Russian troops shelled Kharkiv on Monday.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].actor[0].code == "RUS"


def test_coder_nominal_event_with_possessive_actor(code):
    events = code("Russia's invasion of Ukraine drew condemnation.")
    assert ("ASSAULT", ("RUS",), ("UKR",)) in summary(events)


def test_coder_call_for_is_request_without_recipient(code):
    events = code("China called for restraint.")
    assert summary(events) == [("REQUEST", ("CHN",), ())]


def test_coder_phone_call_is_consult_phone(code):
    events = code("Xi tells Putin in birthday call")
    assert [(e.event_type, e.mode) for e in events] == [("CONSULT", "phone")]
    assert events[0].actor[0].identifier_text == "Xi Jinping"


def test_coder_sanctions_are_sanction(code):
    events = code("The European Union imposed new sanctions on Iran.")
    assert summary(events) == [("SANCTION", ("EUR",), ("IRN",))]


def test_coder_arrest_is_coerce(code):
    events = code("Kenyan police arrested dozens of protesters in Nairobi.")
    assert [e.event_type for e in events] == ["COERCE"]
    assert events[0].actor[0].sector == "COP"


def test_coder_weekday_resolves_to_the_most_recent_day(code):
    events = code("Kenya accused Somalia on Monday of harbouring militants.")
    assert events[0].date == date(2024, 5, 13)
    assert events[0].date_text == "Monday"


def test_coder_without_date_expression_uses_publication_date(code):
    assert code("Kenya accused Somalia of harbouring militants.")[0].date == PUB


def test_coder_date_of_another_clause_is_not_taken(code):
    events = code("Kenya accused Somalia of breaking a deal it signed in March.")
    assert events[0].date == PUB


def test_coder_event_carries_cameo_goldstein_and_evidence(code):
    event = code("Russian forces shelled Kharkiv overnight.")[0]
    assert (event.cameo, event.goldstein, event.quad_code) == ("194", -10.0, 4)
    assert event.sentence.text == "Russian forces shelled Kharkiv overnight."
    assert event.event_text == "shelled"


def test_coder_promise_of_force_is_a_threat(code):
    events = code("Armenia vowed to attack Azerbaijan.")
    assert [e.event_type for e in events] == ["THREATEN"]


def test_coder_conditional_harm_with_may_is_a_threat(code):
    events = code("Germany may cut aid to Niger if the junta stays in power.")
    assert [e.event_type for e in events] == ["THREATEN"]


def test_coder_protest_without_target_is_against_the_home_government(code):
    events = code("Thousands of Kenyan protesters rallied in Nairobi on Tuesday.")
    assert summary(events) == [("PROTEST", ("KEN",), ("KEN",))]
    assert events[0].recipient[0].sector == "GOV"


def test_coder_demanded_action_is_not_coded_as_done(code):
    events = code("Kenya demanded that Somalia release the prisoners.")
    assert summary(events) == [("REQUEST", ("KEN",), ("SOM",))]


def test_coder_resignation_is_retreat(code):
    events = code("The Kenyan president resigned on Monday.")
    assert [(e.event_type, e.mode) for e in events] == [("RETREAT", "resign")]


def test_coder_people_known_by_where_they_are(code):
    events = code("Opposition groups in Zimbabwe demanded new elections.")
    assert events[0].actor[0].code == "ZWE"
    events = code("Rights groups in Zimbabwe condemned the arrests.")
    assert (events[0].actor[0].code, events[0].actor[0].sector) == ("ZWE", "SOC")


def test_coder_international_or_named_groups_stay_transnational(code):
    events = code("International aid groups in Sudan condemned the attack on the convoy.")
    assert events[0].actor[0].code == "NGO"
    events = code("Amnesty International in Kenya condemned the arrests.")
    assert events[0].actor[0].code == "NGO"


def test_coder_state_coercion_without_target_falls_on_its_people(code):
    events = code("Turkish authorities imposed a curfew in the town of Cizre.")
    assert summary(events) == [("COERCE", ("TUR",), ("TUR",))]


def test_coder_action_inside_a_purpose_is_not_an_act(code):
    events = code("South Africa sent trainers to Mozambique to help its neighbour fight rebels.")
    assert "ASSAULT" not in [e.event_type for e in events]


def test_coder_since_a_year_is_not_the_events_date(code):
    events = code("Turkey has carried out several operations in northern Syria since 2016.")
    assert events and events[0].date == PUB


def test_coder_uncoded_actor_takes_the_country_of_its_place(code):
    events = code("Hundreds of students rioted in Kharkiv on Tuesday.")
    assert [(e.event_type, e.actor[0].code) for e in events] == [("PROTEST", "UKR")]
    assert events[0].recipient[0].code == "UKR"


def test_coder_place_found_by_article_topic_does_not_code_actors():
    from communique.events.fill import codes_from_places
    from communique.model import Actor, Event, Place, Sentence

    event = Event("PROTEST", [Actor("students", sector="EDU")], [], "141", -6.5, 4, "rioted",
                  Sentence(0, 0, 10, "x"), 0, 1,
                  place=Place(name="Kharkiv", text="Kharkiv", country_code="UKR",
                              precision="city", found_by="article"))
    codes_from_places([event], frozenset({"UKR"}))
    assert event.actor[0].code is None


def test_coder_a_language_is_not_its_state(code):
    events = code("Latvia eased restrictions on the Russian language in schools.")
    assert events and all("RUS" not in {a.code for a in e.recipient} for e in events)
