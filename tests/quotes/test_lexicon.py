"""The cue and noun lists read from data files."""

from __future__ import annotations

import pytest

from communique.errors import DataFileError
from communique.quotes.lexicon import default_cues, load_cues, load_naming, load_nouns


def test_lexicon_default_cues_cover_common_speech_verbs():
    cues = default_cues()
    for lemma in ("say", "tell", "add", "stress", "insist", "warn", "write", "post", "tweet"):
        assert lemma in cues.verbs
    assert ("according", "to") in cues.phrasal


def test_lexicon_bad_cue_line_names_file_and_line(tmp_path):
    path = tmp_path / "cues.txt"
    path.write_text("# header\nsay\nsay it loud\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cues\.txt:3: expected one or two words"):
        load_cues(path)


def test_lexicon_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_naming(tmp_path / "absent.txt")


def test_lexicon_nouns_need_a_known_kind(tmp_path):
    path = tmp_path / "nouns.tsv"
    path.write_text("noun\tkind\nminister\tperson\nship\tvessel\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"nouns\.tsv:3"):
        load_nouns(path)
    path.write_text("noun\tkind\nminister\tperson\n", encoding="utf-8")
    assert load_nouns(path) == {"minister": "person"}
