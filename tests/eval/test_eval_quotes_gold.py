"""The quotation gold set: well-formed, and every span sits on a quotation's boundaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import communique.eval as eval_pkg
from communique.errors import InputError
from communique.eval.gold import check_gold, load_gold, load_stories

GOLD = Path(eval_pkg.__file__).parent / "data" / "quotes_gold.jsonl"
OPENERS = "\u201c\u201e\u00ab\"'\u2018"
CLOSERS = "\u201d\u00bb\"'\u2019\u201c"


@pytest.fixture(scope="module")
def gold_and_stories(shared):
    gold = load_gold(GOLD)
    stories = load_stories(shared("data", "voa", "voa_stories.jsonl"), {g.story_id for g in gold})
    return gold, stories


def test_eval_gold_is_large_enough_and_annotation_only():
    gold = load_gold(GOLD)
    assert len(gold) >= 300
    assert len({g.story_id for g in gold}) >= 40
    assert {g.type for g in gold} == {"direct", "mixed", "indirect"}
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert not any({"text", "quote_text"} & row.keys() for row in rows)  # offsets, not prose


def test_eval_gold_checksums_match_the_stories(gold_and_stories):
    gold, stories = gold_and_stories
    check_gold(gold, stories, str(GOLD))  # raises on any mismatch


def test_eval_gold_quoted_spans_sit_inside_quotation_marks(gold_and_stories):
    gold, stories = gold_and_stories
    bad = []
    for g in (g for g in gold if g.type != "indirect"):
        text = stories[g.story_id].text
        before = text[: g.start].rstrip()[-1:]
        after = text[g.end :].lstrip(" .,;:!?")[:1]
        if before not in OPENERS or after not in CLOSERS:
            bad.append((g.story_id, g.start, text[g.start : g.end][:40]))
    assert bad == []


def test_eval_gold_indirect_spans_are_whole_words(gold_and_stories):
    gold, stories = gold_and_stories
    bad = []
    for g in (g for g in gold if g.type == "indirect"):
        text = stories[g.story_id].text
        starts_word = g.start == 0 or not text[g.start - 1].isalnum()
        ends_word = g.end == len(text) or not text[g.end].isalnum()
        if not (starts_word and ends_word and text[g.start].isalnum()):
            bad.append((g.story_id, g.start, text[g.start : g.end][:40]))
    assert bad == []


def test_eval_gold_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('# header\n{"story_id": "1", "start": 5, "end": 2, "type": "direct", '
                    '"speaker": "X"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: start and end"):
        load_gold(path)
