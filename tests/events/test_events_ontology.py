"""The CAMEO/PLOVER ontology table the coder and the store share."""

from communique.events.ontology import PLOVER_TYPES, load_ontology, normalize_type


def test_ontology_has_every_cameo_code_with_goldstein():
    ontology = load_ontology()
    assert len(ontology) == 311
    assert ontology["041"].plover_type == "CONSULT"
    assert ontology["041"].plover_mode == "phone"
    assert ontology["190"].goldstein == -10.0


def test_ontology_covers_every_plover_type():
    types = {c.plover_type for c in load_ontology().codes.values()}
    assert set(PLOVER_TYPES) <= types


def test_ontology_quad_classes_follow_cameo_roots():
    ontology = load_ontology()
    assert ontology["036"].quad_code == 1
    assert ontology["073"].quad_code == 2
    assert ontology["112"].quad_code == 3
    assert ontology["145"].quad_code == 4


def test_ontology_statements_have_no_plover_type():
    assert load_ontology()["010"].plover_type == ""


def test_ontology_accepts_legacy_plover_names():
    assert normalize_type("demand") == "REQUEST"
    assert normalize_type("DISAPPROVE") == "ACCUSE"
    assert normalize_type("FIGHT") == "ASSAULT"
    assert normalize_type("consult") == "CONSULT"
