"""Quality gate: event dates and place countries on annotated VOA stories stay above floors.

Reproduce the figures with
``python -m communique.eval.when_where tests/eval/voa_when_where.tsv
../shared/data/voa/voa_stories.jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.eval.when_where import read_annotations, score_when_where

HERE = Path(__file__).parent
ANNOTATIONS = HERE / "voa_when_where.tsv"
FLOORS = json.loads((HERE / "when_where_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(pipeline, shared):
    stories = shared("data", "voa", "voa_stories.jsonl")
    return score_when_where(ANNOTATIONS, stories, pipeline).as_dict()


def test_eval_annotations_cover_thirty_stories():
    assert len({row["story_id"] for row in read_annotations(ANNOTATIONS)}) >= 30


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_eval_when_where_stays_above_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], scores
