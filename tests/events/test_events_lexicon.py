"""The event lexicon file: its format and the checks that keep it honest."""

import pytest

from communique.errors import DataFileError
from communique.events.lexicon import load_lexicon
from communique.events.ontology import PLOVER_TYPES, load_ontology

HEADER = "pos\tlemma\twhen\tcameo\trecipient\tmode\n"


def test_lexicon_codes_every_plover_type():
    ontology = load_ontology()
    lexicon = load_lexicon()
    types = {ontology[e.cameo].plover_type for es in lexicon.entries.values() for e in es
             if e.cameo != "-"}
    assert types == set(PLOVER_TYPES)


def test_lexicon_tries_specific_frames_first():
    entries = load_lexicon().lookup("VERB", "call")
    assert entries[-1].cameo == "041"  # bare "call X" is the least specific frame


def test_lexicon_rejects_unknown_cameo_code(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text(HEADER + "VERB\tzap\t\t999\t\t\n")
    with pytest.raises(DataFileError, match="lex.tsv:2: unknown CAMEO code"):
        load_lexicon(path)


def test_lexicon_rejects_unknown_constraint(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text(HEADER + "VERB\tattack\tcolour=red\t190\t\t\n")
    with pytest.raises(DataFileError, match="unknown constraint"):
        load_lexicon(path)
