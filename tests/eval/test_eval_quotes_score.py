"""Scoring quotations against gold, with hand-made records (no model needed)."""

from __future__ import annotations

from communique.eval.gold import GoldQuote
from communique.eval.quotes import score_quotes, speaker_matches
from communique.model import Actor, Quote

TEXT = 'Officials said the port would reopen. "We are ready," the mayor said.'


def _found(start: int, end: int, kind: str, speaker: str | None) -> Quote:
    actor = Actor(speaker) if speaker else None
    return Quote(TEXT[start:end], kind, start, end, speaker=actor)


def _gold(start: int, end: int, kind: str, speaker: str) -> GoldQuote:
    return GoldQuote("s1", start, end, kind, speaker, None)


def test_eval_score_exact_ignores_that_and_final_stop_but_overlap_is_looser():
    clause = TEXT.index("the port")
    gold = [_gold(clause, TEXT.index("."), "indirect", "Officials")]
    found = {"s1": [_found(clause - 5, TEXT.index(".") + 1, "indirect", "Officials")]}
    result = score_quotes(gold, found, {"s1": TEXT})
    assert result["types"]["indirect"]["exact"]["f1"] == 0.0  # "said " is not "that "
    assert result["types"]["indirect"]["overlap"]["f1"] == 1.0


def test_eval_score_wrong_type_is_a_miss_and_a_false_alarm():
    start = TEXT.index("We")
    gold = [_gold(start, start + 12, "direct", "the mayor")]
    found = {"s1": [_found(start, start + 12, "mixed", "the mayor")]}
    result = score_quotes(gold, found, {"s1": TEXT})
    assert result["types"]["direct"]["overlap"]["recall"] == 0.0
    assert result["types"]["mixed"]["overlap"]["precision"] == 0.0
    assert result["types"]["any"]["overlap"]["f1"] == 1.0


def test_eval_score_speaker_accuracy_counts_found_quotes_only():
    start = TEXT.index("We")
    gold = [_gold(start, start + 12, "direct", "Mayor Lena Berg")]
    result = score_quotes(gold, {"s1": [_found(start, start + 12, "direct", "the mayor")]},
                          {"s1": TEXT})
    assert result["speaker"]["direct"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_eval_speaker_match_needs_the_head_word_or_the_canonical_name():
    gold = GoldQuote("s1", 0, 1, "direct", "Chinese President Xi Jinping", "Xi Jinping")
    assert speaker_matches(Quote("x", "direct", 0, 1, speaker=Actor("Xi")), gold)
    assert not speaker_matches(Quote("x", "direct", 0, 1, speaker=Actor("he")), gold)
    assert not speaker_matches(Quote("x", "direct", 0, 1, speaker=Actor("Chinese officials")),
                               gold)
    resolved = Actor("the president", identifier_text="Xi Jinping")
    assert speaker_matches(Quote("x", "direct", 0, 1, speaker=resolved), gold)
