"""Who acts in and around passive clauses (real model).

A passive's subject is who was acted upon; an active clause joined to a passive one ("was
indicted ... and will resign") has that same subject; and a participle after a noun ("migrants
expelled from Ghana") is a passive of its own, whose noun was acted upon.
"""

from __future__ import annotations


def test_frames_active_verb_joined_to_a_passive_takes_its_subject(code):
    events = code("Peru's interior minister was charged by prosecutors with fraud and "
                  "will resign on Friday.")
    assert [e[1] for e in events if e[0] == "CONCEDE"] == [("PER",)]


def test_frames_infinitive_under_a_passive_takes_its_subject(code):
    events = code("Serbia was urged by the European Union to withdraw its police from "
                  "the border.")
    assert ("REQUEST", ("EUR",), ("SRB",)) in events


def test_frames_reduced_relative_noun_is_the_one_acted_upon(code):
    events = code("Two Kenyan fishermen detained by Ugandan police were freed on Monday.")
    assert ("COERCE", ("UGA",), ("KEN",)) in events


def test_frames_reduced_relative_noun_does_not_act(code):
    events = code("Ghana reopened its border to traders expelled from Togo.")
    assert all(e[1] != ("?",) and "TGO" not in e[1] for e in events)


def test_frames_relative_pronoun_of_a_passive_is_the_noun_before_it(code):
    events = code("The Chilean senator, who was accused by Bolivia of smuggling, denied it.")
    assert ("ACCUSE", ("BOL",), ("CHL",)) in events


def test_frames_comma_set_off_speaker_is_not_a_reduced_relative(code):
    events = code("Mexican police beat migrants at the border, an American rights group "
                  "charged on Tuesday.")
    assert [e[1] for e in events if e[0] == "ACCUSE"] == [("USA",)]
