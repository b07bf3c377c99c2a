"""Within one article, later mentions point back to the people and countries named before."""

from __future__ import annotations

from datetime import date

import pytest

from communique.actors import ActorResolver

DAY = date(2023, 11, 15)


@pytest.fixture(scope="module")
def base() -> ActorResolver:
    return ActorResolver()


def _who(actor) -> tuple:
    return (actor.code, actor.sector, actor.identifier_text) if actor else None


def test_document_surname_after_full_name(base):
    doc = base.for_document()
    doc.resolve("Chinese President Xi Jinping", DAY)
    assert _who(doc.resolve("Mr Xi", DAY)) == ("CHN", "GOV", "Xi Jinping")


def test_document_bare_title_is_the_holder_named_in_the_article(base):
    doc = base.for_document()
    doc.resolve("Chinese President Xi Jinping", DAY)
    doc.resolve("Foreign Minister Wang Yi", DAY)
    assert _who(doc.resolve("the president", DAY)) == ("CHN", "GOV", "Xi Jinping")


def test_document_two_leaders_are_the_last_two_people(base):
    doc = base.for_document()
    doc.resolve("U.S. President Joe Biden", DAY)
    doc.resolve("Chinese President Xi Jinping", DAY)
    leaders = doc.resolve_all("the two leaders", DAY)
    assert [a.identifier_text for a in leaders] == ["Joe Biden", "Xi Jinping"]


def test_document_resolve_returns_the_first_of_a_plural(base):
    doc = base.for_document()
    doc.resolve("Japan", DAY)
    doc.resolve("South Korea", DAY)
    assert _who(doc.resolve("both sides", DAY)) == ("JPN", "GOV", None)


def test_document_unknown_person_introduced_by_a_title(base):
    doc = base.for_document()
    doc.resolve("British Defence Secretary Tom King", date(1990, 11, 1))
    assert _who(doc.resolve("King", date(1990, 11, 1))) == ("GBR", "MIL", None)


def test_document_memory_is_per_article(base):
    first = base.for_document()
    first.resolve("British Defence Secretary Tom King", date(1990, 11, 1))
    second = base.for_document()
    assert second.resolve("King", date(1990, 11, 1)).code is None


def test_document_surname_picks_the_person_named_not_the_other(base):
    doc = base.for_document()
    doc.resolve("George H. W. Bush", date(2005, 1, 1))
    assert doc.resolve("Mr Bush", date(2005, 1, 1)).identifier_text == "George H. W. Bush"


def test_document_pronouns_are_left_to_the_caller(base):
    doc = base.for_document()
    doc.resolve("Chinese President Xi Jinping", DAY)
    assert doc.resolve("he", DAY) is None
    assert doc.resolve_pronoun("he").identifier_text == "Xi Jinping"


def test_document_pipeline_codes_a_later_surname(pipeline):
    from communique.model import Article

    text = ("British Defence Secretary Tom King met Iraqi officials on Monday. "
            "King condemned Iraq on Tuesday.")
    analyzed = pipeline.analyze(Article(text=text, source="t", source_format="text",
                                        pub_date=date(1990, 11, 5)))
    actors = {a.entity_text: a.code for e in analyzed.events for a in e.actor}
    assert actors.get("King") == "GBR"
