"""Who did it to whom when the parties sit outside the trigger's subject and object.

Each test pins one construction of news English with a sentence written for it (real model).
"""

from __future__ import annotations

from datetime import date

from communique.api import process_text

PUB = date(2024, 5, 15)


def test_roles_demand_clause_names_the_party_asked(code):
    assert ("REQUEST", ("FRA",), ("MLI",)) in code(
        "France repeated its demand on Monday that Mali hold elections within a year.")


def test_roles_passive_demand_clause_names_nobody_asked(code):
    events = code("Kenya demanded that the detained journalists be freed.")
    assert [e for e in events if e[0] == "REQUEST"] == [("REQUEST", ("KEN",), ())]


def test_roles_threat_condition_names_the_target(code):
    assert ("THREATEN", ("CHN",), ("PHL",)) in code(
        "China threatened to cut off fishing talks if the Philippines sends more ships "
        "to the shoal.")


def test_roles_protest_in_defiance_of_names_the_target(code):
    events = code("Students marched through Nairobi in defiance of the Ugandan government.")
    assert [e[2] for e in events if e[0] == "PROTEST"] == [("UGA",)]


def test_roles_modifier_names_whose_helicopters(code):
    assert code("U.N. helicopters evacuated wounded civilians from Goma.") == [
        ("AID", ("UNO",), ("?",))]


def test_roles_led_modifier_names_the_leading_country(code):
    assert code("Saudi-led forces bombed the port of Hodeidah.")[0][1] == ("SAU",)


def test_roles_anti_prefix_is_not_ownership(code):
    events = code("An anti-Russia blogger was attacked by unknown men in Minsk.")
    assert all("RUS" not in e[2] for e in events)


def test_roles_attack_noun_subject_names_the_attacker(code):
    assert code("Recent US drone strikes have killed four militant commanders in Somalia.") == [
        ("ASSAULT", ("USA",), ("SOM",))]


def test_roles_passive_recipient_is_the_owner_of_what_was_attacked(code):
    assert code("A camp for Sudanese refugees was shelled by Chadian rebels.") == [
        ("ASSAULT", ("TCD",), ("SDN",))]


def test_roles_participle_of_result_is_one_event(code):
    assert code("Ethiopian soldiers attacked the town of Humera, killing twelve Eritreans.") \
        == [("ASSAULT", ("ETH",), ("ERI",))]


def test_roles_committed_to_is_the_subject_acting(code):
    assert code("Ghana is committed to deepening trade with Togo.")[0][:2] == ("AGREE", ("GHA",))


def test_roles_named_party_beats_a_kind_of_people(code):
    assert code("Denmark is ready to contribute 300 soldiers to a peacekeeping force in "
                "South Sudan.") == [("AGREE", ("DNK",), ("SSD",))]


def test_roles_complaint_target_is_what_is_complained_about(code):
    assert code("Mexico complained to the United Nations about Guatemalan border raids.") == [
        ("ACCUSE", ("MEX",), ("GTM",))]


def test_roles_blockade_in_a_place_falls_on_its_people(code):
    assert code("Israel imposed a blockade in the West Bank on Tuesday.") == [
        ("COERCE", ("ISR",), ("PSE",))]


def test_roles_threatened_martial_law_falls_on_own_people(code):
    assert code("Thailand's government said it is prepared to impose martial law.") == [
        ("THREATEN", ("THA",), ("THA",))]


def test_roles_obligation_addressed_to_a_party_that_it_must_act(code):
    assert ("REQUEST", ("KEN",), ("SOM",)) in code(
        "The Kenyan president sent a firm reminder to Somalia that it must stop the raids.")


def test_roles_told_party_is_the_one_that_must_act(code):
    assert ("REQUEST", ("DEU",), ("POL",)) in code(
        "Germany told Poland on Friday that it must respect the court ruling.")


def test_roles_role_for_a_body_takes_the_body_country_over_the_dateline(pipeline):
    text = ("BRUSSELS — The European Union imposed new sanctions on Iran on Monday. "
            "Reza Karimi, a spokesperson for the Iranian foreign ministry, accused the "
            "European Union of lying.")
    events = process_text(text, pub_date=PUB, pipeline=pipeline).events
    accusers = [a.code for e in events if e.event_type == "ACCUSE" for a in e.actor]
    assert accusers == ["IRN"]


def test_roles_ethnic_group_takes_the_country_it_lives_in(code):
    assert ("REQUEST", ("UKR",), ()) in code(
        "Ethnic Russians in eastern Ukraine demanded autonomy.")


def test_roles_ethnic_group_is_not_the_state_of_its_name(code):
    assert code("Ethnic Albanian rebels attacked a police station.") == [
        ("ASSAULT", ("?",), ())]


def test_roles_phrase_after_coordinated_objects_aims_them_all(code):
    assert code("Ethiopian forces launched artillery, mortar and rocket fire against Eritrean "
                "positions on Tuesday.") == [("ASSAULT", ("ETH",), ("ERI",))]


def test_roles_fire_against_names_the_target(code):
    assert code("Ethiopian forces fired mortars against Eritrean positions.") == [
        ("ASSAULT", ("ETH",), ("ERI",))]


def test_roles_complaint_reported_first_names_the_accused(code):
    events = code("Turkish authorities are failing to protect journalists, a human rights group "
                  "protested here Thursday.")
    assert [e[2] for e in events if e[0] == "ACCUSE"] == [("TUR",)]


def test_roles_charge_reported_first_names_the_accused(code):
    events = code("Sudanese soldiers burned villages in Darfur with impunity, a human rights "
                  "group charged on Monday.")
    assert [e[2] for e in events if e[0] == "ACCUSE"] == [("SDN",)]


def test_roles_charge_that_clause_names_the_accused(code):
    events = code("Amnesty International charged that Egyptian police had tortured detainees.")
    assert [e[2] for e in events if e[0] == "ACCUSE"] == [("EGY",)]


def test_roles_who_is_called_names_the_recipient(code):
    assert code("Zimbabwe's president called the opposition leaders traitors.") == [
        ("ACCUSE", ("ZWE",), ("ZWE",))]


def test_roles_received_from_turns_the_roles_round(code):
    # Whoever it came from gave it; the subject received it.
    assert code("Somalia received a shipment of wheat from Turkey.") == [
        ("AID", ("TUR",), ("SOM",))]
    assert code("Zambia secured a loan from the World Bank.") == [("AID", ("IGO",), ("ZMB",))]


def test_roles_received_from_nobody_named_is_no_event(code):
    # With no giver there is nobody who acted.
    assert code("Haiti received emergency food supplies on Monday.") == []
