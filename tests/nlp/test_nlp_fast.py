"""The fast attribute ruler and lemmatizer must annotate exactly like the stock ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from communique.errors import InputError
from communique.ingest import expand_paths, read_file
from communique.nlp.fast import CachedLemmatizer, TagMapRuler

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def _texts() -> list[str]:
    texts = []
    for path in expand_paths([str(EXAMPLES)]):
        for item in read_file(path):
            if not isinstance(item, InputError):
                texts.extend([item.title or "", item.text])
    return texts


@pytest.fixture(scope="module")
def parsed(nlp):
    """Example texts parsed up to (not including) the attribute ruler."""
    return list(nlp.pipe(_texts(), disable=["attribute_ruler", "lemmatizer", "ner"]))


def test_nlp_fast_components_installed(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), TagMapRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_nlp_fast_annotations_equal_stock_on_examples(nlp, parsed):
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    differing = []
    for doc in parsed:
        fast, stock = doc.copy(), doc.copy()
        lemmatizer(ruler(fast))
        lemmatizer.lemmatizer(ruler.stock(stock))
        if (fast.to_array(ATTRS) != stock.to_array(ATTRS)).any():
            differing.append(doc.text[:60])
    assert len(parsed) > 40 and differing == []


def test_nlp_fast_ruler_applies_exception_rules(nlp):
    # "There were ..." : the ruler's exception makes the verb after "there" a VERB, and
    # the tag map makes "talks" a NOUN.
    doc = nlp("There were talks in Geneva.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "VERB", "NOUN"]
