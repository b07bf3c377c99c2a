"""Quotations: who said what, to whom, with which words.

:func:`find_quotes` reads one parsed section (a spaCy ``Doc`` of the title or
the body) and returns :class:`communique.model.Quote` records for direct
quotations, quoted fragments inside reported speech (mixed) and reported
clauses without quotation marks (indirect).
"""

from .extract import find_quotes

__all__ = ["find_quotes"]
