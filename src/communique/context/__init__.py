"""PLOVER context labels for events, from their sentence and their article."""

from .label import ContextLexicon, article_counts, load_context_lexicon, rank_contexts

__all__ = ["ContextLexicon", "article_counts", "load_context_lexicon", "rank_contexts"]
