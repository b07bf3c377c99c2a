"""CI gate: the quote finder must keep its pinned scores on the quotation gold set."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import communique.eval as eval_pkg
from communique.eval.quotes import evaluate_quotes

pytestmark = pytest.mark.model

DATA = Path(eval_pkg.__file__).parent / "data"
GOLD = DATA / "quotes_gold.jsonl"


def _floors() -> dict:
    return json.loads((DATA / "quote_floors.json").read_text(encoding="utf-8"))


def _get(result: dict, dotted: str) -> float:
    kind, *rest = dotted.split(".")
    node = result["speaker"][rest[0]] if kind == "speaker" else result["types"][kind]
    for key in rest[1:] if kind == "speaker" else rest:
        node = node[key]
    return float(node)


def test_eval_quotes_gate_gold_file_is_the_pinned_one():
    digest = hashlib.sha256(GOLD.read_bytes()).hexdigest()
    assert digest == _floors()["gold_sha256"], "gold changed: review it, then re-pin the hash"


def test_eval_quotes_gate_scores_stay_above_floors(pipeline, shared):
    stories = shared("data", "voa", "voa_stories.jsonl")
    result = evaluate_quotes(GOLD, stories, pipeline=pipeline)
    below = {
        name: (_get(result, name), floor)
        for name, floor in _floors()["floors"].items()
        if _get(result, name) < floor
    }
    assert not below, f"scores below their floors (score, floor): {below}"
