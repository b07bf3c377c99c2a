"""Why a name resolves the way it does: the reading, the alias, the term, the rule.

Users extending the data or checking a surprising event need to see which alias
matched, which term of office was in force on the date and which coding rule
applied. :func:`explain` runs the same resolver with its trace switched on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .resolve import ActorResolver

__all__ = ["explain"]


def explain(resolver: ActorResolver, text: str, when: date | None = None) -> dict[str, Any]:
    """The actors ``text`` resolves to on ``when`` and the steps that led there."""
    resolver.trace = []
    try:
        actors = resolver._resolve_uncached(text, when)
        steps = list(resolver.trace)
    finally:
        resolver.trace = None
    if not actors:
        steps.append("no actor: unknown words, a pronoun, a region or a generic phrase")
    return {
        "text": text,
        "date": when.isoformat() if when else None,
        "actors": [
            {k: v for k, v in vars(a).items() if k not in ("start", "end")} for a in actors
        ],
        "steps": steps,
    }
