"""Places the event's own clause names in the phrasings news uses for them.

"outside of the Iraqi city of X", "near the town of X", "north of X", "the
southern province of X", "eastern Ukraine's X region": each is the event's
place (found by its clause), not a guess from the rest of the article.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from communique.api import process_text
from communique.where.gazetteer import Gazetteer, default_gazetteer
from communique.where.phrases import place_names

PUB = date(2023, 4, 12)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _place(pipeline, text: str, trigger: str):
    result = process_text(text, pub_date=PUB, pipeline=pipeline)
    event = next(e for e in result.events if e.event_text.split()[0] == trigger)
    return event.place


def _where(place) -> tuple:
    return (place.name, place.country_code, place.precision, place.found_by)


def test_where_outside_of_the_city_of_x_is_the_clause_place(pipeline):
    text = ("A roadside bomb went off outside of the Iraqi city of Kirkuk on Monday, "
            "killing two police officers.")
    assert _where(_place(pipeline, text, "killing")) == ("Kirkuk", "IRQ", "city", "clause")


def test_where_near_the_town_of_x_is_the_clause_place_whatever_its_entity_label(pipeline):
    # The small model labels this name NORP; "the town of" says it is a place.
    text = "A land mine exploded near the town of Samarra on Saturday, killing three farmers."
    place = _place(pipeline, text, "killing")
    assert (place.country_code, place.precision, place.found_by) == ("IRQ", "city", "clause")


def test_where_north_of_x_is_the_clause_place(pipeline):
    text = "Kurdish fighters clashed with militants north of Kirkuk on Sunday."
    assert _where(_place(pipeline, text, "clashed")) == ("Kirkuk", "IRQ", "city", "clause")


def test_where_the_province_of_x_is_the_province(pipeline):
    text = "Gunmen attacked a police post in the eastern province of Nangarhar."
    assert _where(_place(pipeline, text, "attacked")) == (
        "Nangarhar", "AFG", "region", "clause")


def test_where_countrys_x_region_is_the_region_not_the_country(pipeline):
    text = "Russian troops shelled a school in eastern Ukraine's Luhansk region."
    place = _place(pipeline, text, "shelled")
    assert (place.country_code, place.precision, place.admin1, place.found_by) == (
        "UKR", "region", "Luhansk", "clause")


def test_where_x_province_named_after_its_city_is_a_region_in_that_country(pipeline):
    text = "Syrian jets bombed a market in Idlib province on Friday."
    place = _place(pipeline, text, "bombed")
    assert (place.country_code, place.precision, place.lat, place.found_by) == (
        "SYR", "region", None, "clause")


def test_where_the_phrase_country_settles_an_ambiguous_city(pipeline):
    lebanese = _place(pipeline, "Gunmen attacked a hotel in the Lebanese city of Tripoli.",
                      "attacked")
    bare = _place(pipeline, "Gunmen attacked a hotel in Tripoli.", "attacked")
    assert (lebanese.country_code, bare.country_code) == ("LBN", "LBY")


def test_where_through_the_town_of_x_places_a_march(pipeline):
    text = "Protesters marched through the town of Samarra on Friday."
    place = _place(pipeline, text, "marched")
    assert (place.country_code, place.found_by) == ("IRQ", "clause")


def test_where_town_of_x_in_a_relative_clause_does_not_place_the_event(pipeline):
    text = "The minister, who was born in the town of Kirkuk, condemned the attack."
    place = _place(pipeline, text, "condemned")
    assert place is None or place.found_by != "clause"


def _doc(words, heads, deps, pos, lemmas=None, ents=None) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words], ents=ents)


def test_phrases_town_of_x_is_a_place_name_despite_an_org_label(gaz):
    doc = _doc(["Rebels", "fought", "in", "the", "Syrian", "town", "of", "Qusair"],
               [1, 1, 1, 5, 5, 2, 5, 6],
               ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "prep", "pobj"],
               ["NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "ADP", "PROPN"],
               ents=["O", "O", "O", "O", "B-NORP", "O", "O", "B-ORG"])
    names = place_names(doc[:], gaz)
    assert [(n.span.text, n.countries) for n in names] == [("Qusair", ("SYR",))]


def test_phrases_x_region_without_an_entity_is_a_region(gaz):
    doc = _doc(["Shelling", "hit", "the", "Donetsk", "region"],
               [1, 1, 4, 4, 1],
               ["nsubj", "ROOT", "det", "compound", "dobj"],
               ["NOUN", "VERB", "DET", "PROPN", "NOUN"])
    (name,) = place_names(doc[:], gaz)
    entry = name.resolve(gaz, [])
    assert (name.span.text, entry.country_code, entry.precision) == ("Donetsk", "UKR", "region")


def test_phrases_a_name_modifying_any_other_noun_is_no_place_name(gaz):
    doc = _doc(["Basra", "officials", "met"], [1, 2, 2], ["compound", "nsubj", "ROOT"],
               ["PROPN", "NOUN", "VERB"])
    assert place_names(doc[:], gaz) == []


def test_where_an_entity_ending_in_province_is_that_province(pipeline):
    text = "Syrian jets bombed a market in Idlib Province on Friday."
    place = _place(pipeline, text, "bombed")
    assert (place.country_code, place.precision, place.found_by) == ("SYR", "region", "clause")


def test_where_united_states_is_still_the_country(pipeline):
    text = "Two gunmen opened fire at a shopping mall in the United States on Friday."
    place = _place(pipeline, text, "opened")
    assert (place.country_code, place.precision, place.found_by) == ("USA", "country", "clause")


def test_where_the_district_wins_over_the_province_it_lies_in(pipeline):
    text = "Gunmen attacked a police station in Balochistan's Kalat district on Sunday."
    place = _place(pipeline, text, "attacked")
    assert (place.name, place.country_code, place.found_by) == ("Kalat district", "PAK", "clause")
