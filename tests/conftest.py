"""Fixtures shared by the whole suite: the spaCy pipeline (loaded once) and the shared data.

Tests that read ``../shared`` skip with a reason when it is absent, except under
``COMMUNIQUE_REQUIRE_SHARED=1`` (set by CI), where a missing file is a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import shared_file


@pytest.fixture(scope="session")
def shared() -> Callable[..., Path]:
    return shared_file


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder beside the repository."""
    return shared_file()


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, with our components, loaded once per test session."""
    from communique.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from communique.nlp.pipeline import Pipeline

    return Pipeline()
