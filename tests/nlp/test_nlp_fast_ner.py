"""The batched entity recognizer must find exactly the stock recognizer's entities."""

from __future__ import annotations

import json

import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

from communique.nlp.fast_ner import BatchedEntityRecognizer

from .test_nlp_fast import _texts

ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]

# Sentences of our own that reach the decoder's edge cases: an entity as the whole text
# or its last token, entities either side of a paragraph break, leading and doubled
# whitespace, a sentence boundary right after a name, dates, money and numbers.
OWN = [
    "",
    " ",
    "Ukraine",
    "Talks resume in Geneva",
    "Emmanuel Macron met Olaf Scholz in Berlin on Tuesday.",
    "  The European Union and NATO said on March 3, 2022 that Russia must withdraw.",
    "Kenya\n\nTanzania signed the deal.\n\nThe World Bank lent $40 million.",
    "He arrived in New York. Mayor Eric Adams greeted him at 9 a.m. on Friday.",
    "About 1,200 people fled Khartoum, the U.N. refugee agency said last week.",
]


def _pipe_both(nlp, texts: list[str]):
    """Docs parsed up to the recognizer, then a copy each through ours and the stock one."""
    ours = nlp.get_pipe("ner")
    parsed = list(nlp.pipe(texts, disable=["ner"]))
    fast = list(ours.pipe([d.copy() for d in parsed], batch_size=8))
    stock = list(ours.ner.pipe([d.copy() for d in parsed], batch_size=8))
    return parsed, fast, stock


def _differing(parsed, fast, stock) -> list[str]:
    return [p.text[:60] for p, a, b in zip(parsed, fast, stock, strict=True)
            if (a.to_array(ENT_ATTRS) != b.to_array(ENT_ATTRS)).any()]


def test_nlp_fast_ner_installed(nlp):
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, BatchedEntityRecognizer)
    assert {"PERSON", "GPE", "ORG", "NORP"} <= set(ner.labels)


def test_nlp_fast_ner_equals_stock_on_own_sentences(nlp):
    parsed, fast, stock = _pipe_both(nlp, OWN)
    assert _differing(parsed, fast, stock) == []
    # and it does find things: people, places, dates, money
    labels = {e.label_ for doc in fast for e in doc.ents}
    assert {"PERSON", "GPE", "DATE", "MONEY", "ORG"} <= labels
    assert [e.text for e in fast[4].ents][:2] == ["Emmanuel Macron", "Olaf Scholz"]


def test_nlp_fast_ner_equals_stock_on_examples(nlp):
    parsed, fast, stock = _pipe_both(nlp, _texts())
    assert len(parsed) > 40 and _differing(parsed, fast, stock) == []
    assert sum(len(d.ents) for d in fast) > 200


def test_nlp_fast_ner_equals_stock_on_voa(nlp, voa_stories):
    texts = [s["text"] for s in voa_stories[:30]]
    parsed, fast, stock = _pipe_both(nlp, texts)
    assert _differing(parsed, fast, stock) == []


def test_nlp_fast_ner_leaves_preset_entities_to_stock(nlp):
    # A doc that already carries an entity goes through the stock rules, which keep it.
    doc = nlp("Acme Widgets sued Globex in Springfield.", disable=["ner"])
    doc.ents = [doc.char_span(0, 12, label="ORG")]
    out = nlp.get_pipe("ner")(doc)
    assert out.ents[0].text == "Acme Widgets" and out.ents[0].label_ == "ORG"


def test_nlp_fast_ner_one_doc_call(nlp):
    doc = nlp("Kenya's president William Ruto visited Nairobi.")
    assert ("William Ruto", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.fixture(scope="module")
def voa_stories(shared):
    path = shared("data", "voa", "voa_stories.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
