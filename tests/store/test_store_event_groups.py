"""Canonical events: one per date, actors, recipients and type, with every mention counted."""

from __future__ import annotations

from datetime import date

from communique.model import Actor, AnalyzedArticle, Article, Event, Sentence
from communique.store import open_store

STORY = ("Turkish forces shelled positions held by Kurdish fighters near the border on Monday, "
         "killing several people and destroying a supply depot, local officials said after the "
         "attack. Residents fled toward the nearby town as the shelling went on for hours.")


def coded(url: str, *, outlet: str, pub_date: date, text: str = STORY,
          event_date: date | None = date(2024, 3, 4), actor: str = "TUR",
          recipient: str = "KUR", event_type: str = "ASSAULT",
          mentions: int = 1) -> AnalyzedArticle:
    """A hand-coded article whose first sentence reports ``mentions`` events."""
    first = text.split(". ")[0] + "."
    sentence = Sentence(sequence=0, start=0, end=len(first), text=first)
    events = [
        Event(event_type=event_type, actor=[Actor("forces", actor)],
              recipient=[Actor("fighters", recipient)], cameo="195", goldstein=-10.0,
              quad_code=4, event_text="shelled", sentence=sentence, trigger_start=16,
              trigger_end=23, date=event_date)
        for _ in range(mentions)
    ]
    article = Article(text=text, source=url, source_format="html", url=url, outlet=outlet,
                      pub_date=pub_date, title="Shelling near the border")
    return AnalyzedArticle(article=article, sentences=[sentence], events=events)


def other_story(n: int) -> str:
    """A differently worded report of the same attack (not a copy)."""
    return (f"Report {n}: artillery fire hit a depot used by militia units in a village by the "
            f"frontier, with witnesses number {n} describing hours of explosions and families "
            f"leaving for shelter in schools and mosques. Version {n} of the account.")


def test_event_groups_independent_reports_merge_into_one_event(db: str) -> None:
    with open_store(db) as store:
        store.add(coded("https://a.example/1", outlet="A", pub_date=date(2024, 3, 4),
                        text=other_story(1) + " " + STORY, mentions=2))
        store.add(coded("https://b.example/1", outlet="B", pub_date=date(2024, 3, 5),
                        text=other_story(2)))
        (event,) = store.canonical_events()
    assert (event["mentions"], event["articles"], event["sources"], event["outlets"]) == (
        3, 2, 2, ["A", "B"],
    )


def test_event_groups_different_type_or_date_stay_separate(db: str) -> None:
    with open_store(db) as store:
        store.add(coded("https://a.example/1", outlet="A", pub_date=date(2024, 3, 4)))
        store.add(coded("https://b.example/1", outlet="B", pub_date=date(2024, 3, 4),
                        text=other_story(1), event_type="COERCE"))
        store.add(coded("https://c.example/1", outlet="C", pub_date=date(2024, 3, 9),
                        text=other_story(2), event_date=date(2024, 3, 8)))
        assert len(store.canonical_events()) == 3


def test_event_groups_syndicated_copies_count_as_one_source(db: str) -> None:
    copy_text = "Home | World\n\n" + STORY + "\n\nSource link"
    with open_store(db) as store:
        store.add(coded("https://wire.example/1", outlet="Wire", pub_date=date(2024, 3, 4)))
        # The copy ran a day later; had it no explicit date, "Monday" would still agree,
        # but here its coder dated the event by its own publication date.
        store.add(coded("https://agg.example/1", outlet="Aggregator", pub_date=date(2024, 3, 5),
                        text=copy_text, event_date=None))
        (event,) = store.canonical_events()
        mentions = store.events()
    assert (len(mentions), event["articles"], event["sources"]) == (2, 2, 1)


def test_event_groups_filters_and_min_sources(db: str) -> None:
    with open_store(db) as store:
        store.add(coded("https://a.example/1", outlet="A", pub_date=date(2024, 3, 4)))
        store.add(coded("https://b.example/1", outlet="B", pub_date=date(2024, 3, 4),
                        text=other_story(1)))
        store.add(coded("https://c.example/1", outlet="C", pub_date=date(2024, 3, 4),
                        text=other_story(2), actor="SYR"))
        assert [e["sources"] for e in store.canonical_events(min_sources=2)] == [2]
        assert [e["actor"][0]["code"] for e in store.canonical_events(actor="SYR")] == ["SYR"]


def test_event_groups_place_filters_keep_events_with_a_matching_mention(db: str) -> None:
    from communique.model import Place

    def placed(item: AnalyzedArticle, name: str, code: str, country: str) -> AnalyzedArticle:
        for event in item.events:
            event.place = Place(name=name, text=name, country_code=code, country=country,
                                precision="city", found_by="clause")
        return item

    with open_store(db) as store:
        store.add(placed(coded("https://a.example/1", outlet="A", pub_date=date(2024, 3, 4)),
                         "Qamishli", "SYR", "Syria"))
        store.add(coded("https://b.example/1", outlet="B", pub_date=date(2024, 3, 4),
                        text=other_story(1)))
        store.add(placed(coded("https://c.example/1", outlet="C", pub_date=date(2024, 3, 4),
                               text=other_story(2), event_type="COERCE"),
                         "Ankara", "TUR", "Turkey"))
        (syria,) = store.canonical_events(country="Syria")
        assert (syria["event"], syria["mentions"], syria["sources"]) == (["ASSAULT"], 2, 2)
        assert [e["event"] for e in store.canonical_events(place="Ankara")] == [["COERCE"]]
        assert store.canonical_events(country="IRQ") == []
