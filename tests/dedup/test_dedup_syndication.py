"""Syndicated copies: grouped with their original across chrome, edits and later ingests."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path

from communique.dedup.minhash import shingles, signature, similarity
from communique.model import AnalyzedArticle, Article
from communique.store import open_store

SUBJECTS = ["The foreign ministry", "Border police", "The central bank", "A rebel commander",
            "The prime minister", "Health officials", "The opposition leader", "Port workers",
            "The defence minister", "Aid agencies", "The electoral commission", "Farmers' unions",
            "The navy", "A court in the capital", "Regional governors", "The trade delegation"]
VERBS = ["announced", "rejected", "criticised", "welcomed", "postponed", "signed", "blocked",
         "investigated", "demanded", "approved", "suspended", "proposed", "questioned", "praised"]
OBJECTS = ["a new grain agreement", "the fuel subsidy plan", "a ceasefire proposal",
           "the customs reform", "an inquiry into the bridge collapse", "the fishing quota",
           "a loan from the development bank", "the vaccination campaign", "new visa rules",
           "the pipeline contract", "a curfew in the northern districts", "the budget draft",
           "talks on the disputed islands", "a prisoner exchange", "the railway tender"]
PLACES = ["in the capital", "near the northern border", "at a press conference", "in parliament",
          "in the port city", "after a cabinet meeting", "during a visit to the coast",
          "in a televised address", "at the regional summit", "in the mining town"]
TIMES = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "on Friday",
         "over the weekend", "earlier this week", "last month"]
TAILS = ["officials said", "according to a statement", "witnesses told reporters",
         "the agency reported", "two people familiar with the matter said",
         "local media reported", "a spokesperson confirmed"]

CHROME_HEAD = ["Home | World | Business | Sport", "Menu", "Breaking News", "Latest stories",
               "You are here: News > World", "Advertisement"]
CHROME_TAIL = ["Source link", "Share this:", "Read more", "Related Posts",
               "Subscribe to our newsletter for the latest headlines delivered to your inbox "
               "every morning and evening.",
               "This story was automatically published from a wire feed and has not been edited "
               "by our staff; the views expressed are those of the original publisher.",
               "Copyright the original publisher. All rights reserved. Tags: world, politics"]


def _sentence(rng: random.Random) -> str:
    number = rng.randint(2, 900)
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(PLACES)} {rng.choice(TIMES)}, {rng.choice(TAILS)}, "
            f"citing {number} {rng.choice(['cases', 'people', 'tonnes', 'million dollars'])}.")


def _story(rng: random.Random) -> str:
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))
                  for _ in range(rng.randint(4, 7))]
    return "\n\n".join(paragraphs)


def _copy(rng: random.Random, text: str) -> str:
    """A republication: other chrome around it; sometimes a paragraph cut or a word changed."""
    paragraphs = text.split("\n\n")
    if rng.random() < 0.3 and len(paragraphs) > 4:
        paragraphs = paragraphs[:-1]
    if rng.random() < 0.3:
        paragraphs[0] = paragraphs[0].replace(" said", " stated", 1)
    head = rng.sample(CHROME_HEAD, rng.randint(1, 3))
    tail = rng.sample(CHROME_TAIL, rng.randint(1, 3))
    return "\n\n".join([*head, *paragraphs, *tail])


def corpus(seed: int = 11) -> tuple[list[Article], set[frozenset[str]]]:
    """200 articles: 160 stories, 30 copied once and 5 copied twice (40 copies), shuffled."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    articles: list[Article] = []
    groups: list[list[str]] = []
    for n in range(160):
        day = start + timedelta(days=rng.randint(0, 60))
        text = _story(rng)
        url = f"https://wire.example/{n}"
        original = Article(text=text, source=url, source_format="html", url=url,
                           title=f"Story {n}", outlet="Wire", pub_date=day)
        articles.append(original)
        members = [url]
        copies = 1 if n < 30 else 2 if n < 35 else 0
        for c in range(copies):
            copy_url = f"https://aggregator{c}.example/{n}"
            articles.append(Article(
                text=_copy(rng, text), source=copy_url, source_format="html", url=copy_url,
                title=f"Story {n} - Aggregator", outlet=f"Aggregator {c}",
                pub_date=day + timedelta(days=rng.randint(0, 2)),
            ))
            members.append(copy_url)
        groups.append(members)
    rng.shuffle(articles)  # copies may arrive before their original
    truth = {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}
    return articles, truth


def _predicted_pairs(db: Path) -> set[frozenset[str]]:
    with open_store(db) as store:
        rows = store.conn.execute(
            "SELECT a.url, o.url FROM syndication_members m JOIN articles a ON a.id = m.article_id "
            "JOIN articles o ON o.id = m.original_id"
        ).fetchall()
    by_group: dict[str, list[str]] = {}
    for url, original in rows:
        by_group.setdefault(original, []).append(url)
    return {frozenset(p) for g in by_group.values() for p in itertools.combinations(g, 2)}


def test_syndication_generated_corpus_grouped_with_high_pairwise_f1(tmp_path: Path) -> None:
    articles, truth = corpus()
    db = tmp_path / "s.db"
    with open_store(db) as store, store.batch():
        for article in articles:
            store.add(AnalyzedArticle(article=article))
    predicted = _predicted_pairs(db)
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    assert f1 >= 0.95, (precision, recall)


def test_syndication_copies_point_to_earliest_original_even_when_read_first(
    tmp_path: Path,
) -> None:
    rng = random.Random(3)
    text = _story(rng)
    copy = Article(text=_copy(rng, text), source="c", source_format="html",
                   url="https://agg.example/1", pub_date=date(2024, 5, 3))
    original = Article(text=text, source="o", source_format="html",
                       url="https://wire.example/1", pub_date=date(2024, 5, 2))
    with open_store(tmp_path / "s.db") as store:
        store.add(AnalyzedArticle(article=copy))
        store.add(AnalyzedArticle(article=original))
        shown = {a["url"]: a["republished_from"] for a in store.articles()}
    assert shown == {"https://wire.example/1": None,
                     "https://agg.example/1": "https://wire.example/1"}


def test_syndication_later_ingest_matches_earlier_articles(tmp_path: Path) -> None:
    rng = random.Random(5)
    text = _story(rng)
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.add(AnalyzedArticle(article=Article(
            text=text, source="o", source_format="html", url="https://wire.example/2",
            pub_date=date(2024, 5, 2))))
    with open_store(db) as store:  # a new run: the LSH index comes from the database
        store.add(AnalyzedArticle(article=Article(
            text=_copy(rng, text), source="c", source_format="html",
            url="https://agg.example/2", pub_date=date(2024, 5, 2))))
        (copy,) = store.articles(outlet=None, search=None, limit=None)[1:]
    assert copy["republished_from"] == "https://wire.example/2"


def test_syndication_unrelated_stories_on_same_topic_stay_apart() -> None:
    rng = random.Random(8)
    assert similarity(signature(_story(rng)), signature(_story(rng))) < 0.2


def test_syndication_shingles_ignore_short_chrome_lines() -> None:
    story = _story(random.Random(2))
    assert shingles("Source link\n\nShare this:\n\n" + story + "\n\nRead more") == shingles(story)
