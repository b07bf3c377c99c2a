"""Event places and contexts through the pipeline: clause, dateline, article; ranked contexts."""

from __future__ import annotations

from collections import Counter
from datetime import date

from communique.api import process_text
from communique.context import article_counts, load_context_lexicon, rank_contexts
from communique.model import Article
from communique.when.pubdate import date_from_dateline, date_from_url, with_pub_date

PUB = date(2022, 6, 15)


def _event(pipeline, text: str, trigger: str, **kwargs):
    result = process_text(text, pub_date=kwargs.pop("pub_date", PUB), pipeline=pipeline, **kwargs)
    return next(e for e in result.events if e.event_text.split()[0] == trigger)


def test_where_clause_city_is_the_place(pipeline):
    place = _event(pipeline, "Russian forces shelled Kharkiv on Monday.", "shelled").place
    assert (place.name, place.country_code, place.precision, place.found_by) == (
        "Kharkiv", "UKR", "city", "clause")


def test_where_place_after_in_is_the_place(pipeline):
    place = _event(pipeline, "Japanese and South Korean officials met in Seoul on Tuesday.",
                   "met").place
    assert (place.name, place.country_code) == ("Seoul", "KOR")


def test_where_actor_country_is_not_the_place(pipeline):
    text = "Iran accused Israel on Thursday of attacking its nuclear facility in Natanz."
    assert _event(pipeline, text, "accused").place.country_code == "IRN"


def test_where_dateline_places_an_event_without_a_clause_place(pipeline):
    text = "KYIV, Ukraine — Russian forces shelled the city on Monday, officials said."
    place = _event(pipeline, text, "shelled").place
    assert (place.name, place.country_code, place.found_by) == ("Kyiv", "UKR", "dateline")


def test_where_article_fallback_uses_the_most_mentioned_place(pipeline):
    text = ("The president spoke about Sudan. Aid groups in Sudan warned of famine. "
            "The European Union condemned the attack.")
    place = _event(pipeline, text, "condemned").place
    assert (place.country_code, place.found_by) == ("SDN", "article")


def test_where_event_loc_has_plover_location_fields(pipeline):
    loc = _event(pipeline, "Russian forces shelled Kharkiv.", "shelled").to_plover()["event_loc"]
    got = (loc["resolved_place"], loc["country_code"], loc["resolution"], loc["feature_class"])
    assert got == ("Kharkiv", "UKR", 4, "P")


def test_where_place_inside_another_clause_does_not_place_the_event(pipeline):
    # Regression: climbing from a place in another clause used to loop at the sentence root.
    text = "Ukraine condemned Russia on Monday after Russian forces shelled Kharkiv."
    event = _event(pipeline, text, "condemned")
    assert event.place is None or event.place.found_by != "clause"


def test_context_sentence_words_rank_contexts(pipeline):
    text = "China and Russia signed a trade agreement on Tuesday to expand oil exports."
    event = _event(pipeline, text, "signed")
    assert "economic" in event.context[:2]


def test_context_table_context_comes_first(nlp):
    sent = next(nlp("Officials discussed trade and tariffs.").sents)
    ranked = rank_contexts(["military"], sent, Counter(), load_context_lexicon())
    assert ranked == ["military", "economic"]


def test_context_article_topic_is_added_when_the_article_dwells_on_it(nlp):
    doc = nlp("Refugees fled. Migrants and refugees crossed. Migration rose. Refugees waited.")
    topics = article_counts([(doc, 1.0)], load_context_lexicon())
    sent = next(nlp("The minister spoke.").sents)
    assert rank_contexts([], sent, topics, load_context_lexicon()) == ["migration"]


def test_when_pub_date_from_url():
    assert date_from_url("https://example.org/world/2024/05/14/strike.html") == date(2024, 5, 14)


def test_when_pub_date_from_dateline():
    assert date_from_dateline("GENEVA, Switzerland, May 14, 2024 — Talks") == date(2024, 5, 14)


def test_when_missing_pub_date_is_filled_with_its_source():
    art = Article(text="Talks resumed.", source="x", source_format="text",
                  url="https://example.org/2023/11/02/talks")
    filled = with_pub_date(art)
    assert (filled.pub_date, filled.pub_date_source) == (date(2023, 11, 2), "url")


def test_when_no_pub_date_anywhere_leaves_relative_dates_null(pipeline):
    event = _event(pipeline, "Russian forces shelled Kharkiv on Monday.", "shelled",
                   pub_date=None)
    assert (event.date, event.date_precision) == (None, None)
