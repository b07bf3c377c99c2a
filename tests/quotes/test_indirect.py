"""Indirect speech: reported clauses without quotation marks, with the real pipeline."""

from __future__ import annotations

import pytest

from communique.quotes import find_quotes

pytestmark = pytest.mark.model


def indirect(nlp, text: str):
    quotes = [q for q in find_quotes(nlp(text)) if q.type == "indirect"]
    for q in quotes:
        assert text[q.start : q.end] == q.quote_text
    return quotes


def test_indirect_said_reports_the_clause(nlp):
    (q,) = indirect(nlp, "Mayor Tomas Berg said on Tuesday the ferries would run again in May.")
    assert q.quote_text == "the ferries would run again in May"
    assert (q.cue, q.speaker.entity_text) == ("said", "Mayor Tomas Berg")


def test_indirect_told_that_drops_that_and_keeps_the_addressee(nlp):
    (q,) = indirect(nlp, "The minister told reporters that the bridge was safe.")
    assert q.quote_text == "the bridge was safe"
    assert q.addressee.entity_text == "reporters"


def test_indirect_according_to_reports_the_main_clause(nlp):
    (q,) = indirect(nlp, "According to the port authority, traffic doubled last year.")
    assert q.quote_text == "traffic doubled last year"
    assert (q.cue, q.speaker.entity_text) == ("According to", "the port authority")


def test_indirect_speech_tag_after_the_clause(nlp):
    (q,) = indirect(nlp, "The storm destroyed 300 homes, officials said.")
    assert q.quote_text == "The storm destroyed 300 homes"
    assert q.speaker.entity_text == "officials"


def test_indirect_not_emitted_for_quoted_words(nlp):
    text = 'Berg said the city had "never stopped the ferries" during the flood.'
    assert indirect(nlp, text) == []
    text = '"We know the port is open," Berg said.'
    assert indirect(nlp, text) == []


def test_indirect_pronoun_speaker_takes_the_antecedent(nlp):
    text = "Lina Haddad visited the harbour. She said the cranes were working again."
    (q,) = indirect(nlp, text)
    assert q.speaker.entity_text == "Lina Haddad"


def test_extract_fragment_after_split_cue_is_mixed(nlp):
    text = ('"The quays are ready," Berg said, pointing to the "steady progress" of the '
            "repairs.")
    kinds = {q.quote_text: q.type for q in find_quotes(nlp(text))}
    assert kinds == {"The quays are ready": "direct", "steady progress": "mixed"}


def test_extract_quoted_clause_after_that_is_mixed(nlp):
    text = 'Berg told the council that "the harbour will open in May."'
    (q,) = [q for q in find_quotes(nlp(text)) if q.type != "indirect"]
    assert q.type == "mixed"
