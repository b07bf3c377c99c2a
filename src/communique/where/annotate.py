"""The post-coding stage: give each coded event its place and its ranked contexts.

Runs once per article after the coder, with the parsed docs of its title and
text, so place and context can draw on the whole article (its dateline, the
places and topics it dwells on) and not only on the event's sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..context import article_counts, load_context_lexicon, rank_contexts
from ..model import AnalyzedArticle
from ..nlp.cache import doc_text
from .gazetteer import Gazetteer, default_gazetteer
from .locate import (
    ArticlePlaces,
    actor_place,
    clause_place,
    dateline_end,
    dateline_place,
    preferred_countries,
    token_at,
)

__all__ = ["annotate"]


def annotate(
    result: AnalyzedArticle, docs: dict[str, Doc], gazetteer: Gazetteer | None = None
) -> None:
    """Set ``place`` and re-rank ``context`` on every event of ``result``, in place.

    ``docs`` maps a section name (``title``, ``text``) to its parsed doc; an
    event whose section has no doc keeps what it has.
    """
    if not result.events:
        return
    gaz = gazetteer or default_gazetteer()
    lexicon = load_context_lexicon()
    weighted = [(doc, 2.0 if section == "title" else 1.0) for section, doc in docs.items()]
    topics = article_counts(weighted, lexicon)
    mentioned = ArticlePlaces(docs.items(), gaz)
    text = doc_text(docs["text"]) if "text" in docs else result.article.text
    opening = dateline_end(text)
    for event in result.events:
        doc = docs.get(event.sentence.section)
        trigger = token_at(doc, event.trigger_start) if doc is not None else None
        if trigger is None:
            continue
        preferred = preferred_countries(event)
        event.place = (
            clause_place(trigger, event, gaz, opening if event.sentence.section == "text" else 0)
            or dateline_place(text, gaz, preferred)
            or actor_place(event, gaz)
            or mentioned.best(preferred)
        )
        event.context = rank_contexts(event.context, trigger.sent, topics, lexicon)
