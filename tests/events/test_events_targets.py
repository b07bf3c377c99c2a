"""Whom threats and protests are aimed at when the trigger's own phrases do not say (real model).

A threat of force names its target in the purpose of the weapons or forces it promises
("weapons to use against X"); a protest names the state it is against in what it demands
("demanding the resignation of the president").
"""

from __future__ import annotations


def test_participants_threat_target_is_whom_the_weapons_are_for(code):
    events = code("A rebel group in Chad says it is stockpiling chemical weapons to use "
                  "against the government of Sudan.")
    assert ("THREATEN", ("TCD",), ("SDN",)) in events


def test_scope_protest_demanding_a_leader_resign_is_against_that_state(code):
    events = code("Striking nurses continued their hunger strike on Monday to demand the "
                  "resignation of the Nigerian health minister.")
    assert [e[2] for e in events if e[0] == "PROTEST"] == [("NGA",)]


def test_scope_protest_demanding_release_of_people_keeps_its_own_target(code):
    events = code("Hundreds of Kurdish students marched in Ankara on Sunday demanding the "
                  "release of jailed Kurdish activists.")
    assert [e[2] for e in events if e[0] == "PROTEST"] == [("TUR",)]


def test_scope_protest_topic_with_its_own_subject_is_not_searched(code):
    events = code("Workers went on strike in Lagos after unions demanded that Ghana pay its "
                  "debts.")
    assert all("GHA" not in e[2] for e in events if e[0] == "PROTEST")


def test_participants_mediation_among_names_the_sides(code):
    events = code("The African Union will suspend its mediation among Sudan's rival generals "
                  "if the fighting resumes.")
    assert [e[2] for e in events if e[0] == "THREATEN"] == [("SDN",)]


def test_assembly_coordinated_verbs_share_the_party_named_last(code):
    events = code("Ecuador met and held talks with Peru on Monday.")
    assert events == [("CONSULT", ("ECU",), ("PER",))]
