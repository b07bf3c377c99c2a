"""Shared fixtures of the event-coder tests."""

from __future__ import annotations

from datetime import date

import pytest

from communique.api import process_text

PUB = date(2024, 5, 15)


@pytest.fixture(scope="module")
def code(pipeline):
    """Code a sentence (published ``PUB``) to (type, actor codes, recipient codes) triples,
    codes sorted and '?' for an uncoded party. Modules that need another shape override it."""
    def run(text: str):
        return [(e.event_type, tuple(sorted(a.code or "?" for a in e.actor)),
                 tuple(sorted(a.code or "?" for a in e.recipient)))
                for e in process_text(text, pub_date=PUB, pipeline=pipeline).events]

    return run
