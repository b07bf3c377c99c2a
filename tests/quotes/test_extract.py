"""Quotations found in parsed sentences, with the real English pipeline."""

from __future__ import annotations

import pytest

from communique.model import Actor, Quote
from communique.quotes import find_quotes

pytestmark = pytest.mark.model


def run(nlp, text: str, **kwargs) -> list[Quote]:
    quotes = find_quotes(nlp(text), **kwargs)
    for q in quotes:  # offsets always point at the quoted words
        assert text[q.start : q.end] == q.quote_text
        if q.speaker and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.entity_text
    return quotes


def test_extract_cue_after_quote(nlp):
    text = "\u201cThe harbour will reopen next week,\u201d the port director said on Tuesday."
    (q,) = run(nlp, text)
    assert q.quote_text == "The harbour will reopen next week"
    assert (q.type, q.cue, q.speaker.entity_text) == ("direct", "said", "the port director")
    assert q.sequence == 0 and q.section == "text"


def test_extract_inverted_cue_names_the_speaker(nlp):
    (q,) = run(nlp, "\u201cPrices will fall by spring,\u201d said Lina Haddad, an economist.")
    assert q.speaker.entity_text == "Lina Haddad"
    assert q.cue == "said"


def test_extract_cue_before_quote_with_colon(nlp):
    (q,) = run(nlp, "Mayor Tomas Berg said: \u201cThe ferries run again from Monday.\u201d")
    assert q.type == "direct"
    assert q.speaker.entity_text == "Mayor Tomas Berg"
    assert q.quote_text == "The ferries run again from Monday."


def test_extract_cue_with_statement_and_participle(nlp):
    texts = [
        "\u201cWe will keep the bridge closed,\u201d the minister said in a statement.",
        "\u201cThe repairs went well,\u201d Berg said in the Friday briefing.",
        "\u201cIt was a long winter,\u201d Berg said, pointing to the broken lock gates.",
    ]
    speakers = [run(nlp, t)[0].speaker.entity_text for t in texts]
    assert speakers == ["the minister", "Berg", "Berg"]


def test_extract_multi_sentence_quote_is_one_quote(nlp):
    text = (
        "Berg said: \u201cThe works are finished. The ships can come back. "
        "We are proud of the crews.\u201d"
    )
    (q,) = run(nlp, text)
    assert q.quote_text.startswith("The works are finished.")
    assert q.quote_text.endswith("proud of the crews.")
    assert q.type == "direct"


def test_extract_split_quote_gives_two_parts_same_speaker(nlp):
    text = "\u201cThe river is calm,\u201d Berg said, \u201cand the barges are moving again.\u201d"
    first, second = run(nlp, text)
    assert first.quote_text == "The river is calm"
    assert second.quote_text == "and the barges are moving again."
    assert first.type == second.type == "direct"
    assert first.speaker == second.speaker
    assert first.speaker.entity_text == "Berg"


def test_extract_mixed_quote_inside_reported_speech(nlp):
    text = "Berg stressed the city had \u201cnever stopped the ferries\u201d during the flood."
    (q,) = run(nlp, text)
    assert (q.type, q.cue, q.quote_text) == ("mixed", "stressed", "never stopped the ferries")
    assert q.speaker.entity_text == "Berg"


def test_extract_pronoun_speaker_takes_the_antecedent(nlp):
    text = (
        "Tomas Berg visited the docks on Monday with the minister. The city is \u201cready to "
        "welcome larger ships\u201d next year, he said."
    )
    (q,) = run(nlp, text)
    assert q.type == "mixed"
    assert q.speaker.entity_text == "Tomas Berg"
    assert (q.speaker.start, q.speaker.end) == (0, len("Tomas Berg"))
    assert q.sequence == 1


def test_extract_it_resolves_to_an_organisation(nlp):
    text = "The port authority published its figures. \u201cTraffic doubled,\u201d it said."
    (q,) = run(nlp, text)
    assert q.speaker.entity_text == "The port authority"


def test_extract_scare_quotes_and_titles_are_not_quotes(nlp):
    texts = [
        "The rebels began what they insist on calling a \u201cpeace march\u201d across the valley.",
        "The two towns signed a \u201cno borders\u201d pact in May.",
        "The film \u201cWaiting for the Tide\u201d opened on Friday.",
        "Officials described the so-called \u201cgreen corridor\u201d on Monday.",
    ]
    for text in texts:
        assert run(nlp, text) == [], text


def test_extract_apostrophes_are_not_quote_marks(nlp):
    text = "The farmers\u2019 union said Peru\u2019s exports rose in the \u201990s."
    assert [q.type for q in run(nlp, text)] == ["indirect"]  # reported, never quoted
    (q,) = run(nlp, "\u201cPeru\u2019s exports are rising,\u201d the farmers\u2019 union said.")
    assert q.quote_text == "Peru\u2019s exports are rising"
    assert q.speaker.entity_text == "the farmers\u2019 union"


def test_extract_addressee_of_tell(nlp):
    (q,) = run(nlp, "Berg told VOA: \u201cWe will not raise the fees.\u201d")
    assert q.cue == "told"
    assert q.addressee is not None and q.addressee.entity_text == "VOA"
    (q,) = run(nlp, "\u201cThe fees stay,\u201d Berg told reporters.")
    assert q.addressee.entity_text == "reporters"
    assert q.speaker.entity_text == "Berg"


def test_extract_continuation_paragraph_keeps_the_speaker(nlp):
    text = (
        "\u201cWe are ready,\u201d Berg told the council.\n\n"
        "\u201cThe boats are loaded and the crews are rested.\u201d"
    )
    first, second = run(nlp, text)
    assert second.quote_text == "The boats are loaded and the crews are rested."
    assert second.speaker.entity_text == "Berg"
    assert second.sequence == 1


def test_extract_according_to(nlp):
    text = "Turnout was \u201cmuch higher than expected\u201d, according to the commission."
    (q,) = run(nlp, text)
    assert (q.cue, q.type, q.speaker.entity_text) == ("according to", "mixed", "the commission")


def test_extract_resolver_supplies_codes_and_offsets(nlp):
    known = {"Tomas Berg": Actor("Tomas Berg", code="NOR", sector="GOV")}
    text = "Officials met on Monday. \u201cThe port is open,\u201d Tomas Berg said."
    (q,) = run(nlp, text, resolve=known.get, section="title")
    assert (q.speaker.code, q.speaker.sector) == ("NOR", "GOV")
    assert text[q.speaker.start : q.speaker.end] == "Tomas Berg"
    assert known["Tomas Berg"].start is None  # the resolver's actor is not modified
    assert q.section == "title"
    text = "\u201cThe port is open,\u201d the harbour master said."
    (q,) = run(nlp, text, resolve=known.get)
    start = text.index("the harbour master")
    assert q.speaker == Actor("the harbour master", start=start, end=start + 18)


def test_extract_rejects_what_is_not_a_parsed_doc(nlp):
    import spacy

    with pytest.raises(TypeError):
        find_quotes("\u201cA quote,\u201d she said.")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dependency parse"):
        find_quotes(spacy.blank("en")("\u201cA quote,\u201d she said."))
    with pytest.raises(ValueError, match="section"):
        find_quotes(nlp("No quotes."), section="body")
