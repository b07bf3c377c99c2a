"""Helpers the tests import: where the shared data lives, and how its absence is handled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def shared_file(*parts: str) -> Path:
    """A file under ``../shared``, or a skip (a failure in CI) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("COMMUNIQUE_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared data {path} is missing (COMMUNIQUE_REQUIRE_SHARED=1)")
        pytest.skip(f"shared data {'/'.join(parts)} is not available beside the repository")
    return path
