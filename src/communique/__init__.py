"""communique: who did what to whom, when and where, and who said what, from the news.

The Python API::

    from communique import process_text, open_store
    result = process_text("Russian forces shelled Kharkiv on Tuesday.", pub_date=date(2024, 5, 16))
    for event in result.events:
        print(event.to_plover())
"""

from __future__ import annotations

__version__ = "0.1.0"

from .model import Actor, AnalyzedArticle, Article, Event, Quote, Sentence  # noqa: E402

__all__ = [
    "Actor",
    "AnalyzedArticle",
    "Article",
    "Event",
    "Quote",
    "Sentence",
    "ingest_paths",
    "open_store",
    "process_text",
]


def __getattr__(name: str):
    # The API pulls in spaCy; import it only when asked for, so `communique --help` stays fast.
    if name in ("process_text", "ingest_paths", "process_articles"):
        from . import api

        return getattr(api, name)
    if name == "open_store":
        from .store import open_store

        return open_store
    raise AttributeError(name)
