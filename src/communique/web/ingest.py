"""``POST /api/ingest``: documents pushed over HTTP, analysed and stored like ingested files.

Documents are the JSON-lines records ``communique ingest`` reads (``id``,
``text``, ``title``, ``url``, ``pub_date``, ``outlet``, ...). A bad document is
reported by its position and the rest are stored, as in a file batch. One
writer at a time: the pipeline and the write transaction run under a lock.
"""

from __future__ import annotations

from typing import Any

from communique.api import process_articles
from communique.errors import InputError
from communique.ingest.jsonl import article_from_record
from communique.model import Article
from communique.store import Store

__all__ = ["MAX_DOCUMENTS", "ingest_documents", "pipeline_for"]

MAX_DOCUMENTS = 500


def pipeline_for(settings: Any) -> Any:
    """The app's NLP pipeline, loaded on the first ingest (it takes seconds)."""
    if settings.pipeline is None:
        from communique.nlp.pipeline import DEFAULT_MODEL, Pipeline

        settings.pipeline = Pipeline(settings.model or DEFAULT_MODEL)
    return settings.pipeline


def ingest_documents(records: list[Any], store: Store, pipeline: Any) -> dict[str, Any]:
    """Analyse and store ``records``; return counts and one line per rejected document."""
    report: dict[str, Any] = {"new": 0, "versions": 0, "unchanged": 0, "failed": 0,
                              "events": 0, "quotes": 0, "failures": []}
    articles: list[Article] = []
    for n, record in enumerate(records):
        source = f"<api>:{n}"
        try:
            article = article_from_record(record, source)
        except ValueError as exc:
            err = InputError(source, str(exc))
            report["failed"] += 1
            report["failures"].append({"document": n, "problem": err.problem})
            store.record_failure(err.path, err.problem)
            continue
        # Pushed documents have no file; name each by its own id so that two
        # unrelated documents are never taken for versions of one another.
        article.source = f"<api>/{article.id}"
        if store.has_content(article.content_hash):
            report["unchanged"] += 1
        else:
            articles.append(article)
    analysed = list(process_articles(articles, pipeline=pipeline))
    with store.batch():
        for item in analysed:
            outcome = store.add(item)
            if outcome == "unchanged":
                report["unchanged"] += 1
                continue
            report["versions" if outcome == "version" else "new"] += 1
            report["events"] += len(item.events)
            report["quotes"] += len(item.quotes)
    return report
