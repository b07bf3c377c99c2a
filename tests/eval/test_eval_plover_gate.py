"""The quality gate: the coder may not fall below the pinned floors on the PLOVER gold records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from helpers import shared_file

from communique.errors import InputError
from communique.eval.plover import evaluate, load_gold

FLOORS = Path(__file__).resolve().parents[2] / "src" / "communique" / "eval" / "data"
FLOORS = FLOORS / "plover_floors.json"


@pytest.fixture(scope="module")
def floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_path(floors) -> Path:
    return shared_file(*floors["file"].split("/"))


def test_eval_plover_gold_file_is_the_pinned_one(gold_path, floors):
    assert hashlib.sha256(gold_path.read_bytes()).hexdigest() == floors["sha256"]


def test_eval_plover_scores_stay_above_floors(gold_path, floors, pipeline):
    result = evaluate(load_gold(gold_path), pipeline).as_dict()
    below = {k: (result[k]["f1"], floor) for k, floor in floors["f1"].items()
             if result[k]["f1"] < floor}
    assert not below, f"F1 below the pinned floors (got, floor): {below}"


def test_eval_plover_reads_legacy_type_names(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"id": "x", "event": "DISAPPROVE", "text": "A criticized B.",
                                 "source": [{"code": "JAP"}], "target": ""}]))
    [record] = load_gold(path)
    assert (record.event_type, record.actor_codes) == ("ACCUSE", frozenset({"JPN"}))


def test_eval_plover_bad_file_names_the_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("[{oops")
    with pytest.raises(InputError, match="gold.json: not PLOVER gold JSON"):
        load_gold(path)


def test_eval_plover_command_prints_the_four_scores(gold_path):
    from click.testing import CliRunner

    from communique.cli import main

    result = CliRunner().invoke(main, ["eval", "plover-gsr", str(gold_path), "--json"])
    scores = json.loads(result.output)
    assert set(scores) >= {"event_type", "actor", "recipient", "full", "confusion", "misses"}
