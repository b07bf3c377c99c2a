"""Databases for the web tests: the sample corpus (analysed once) and hostile hand-made rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_hostile import hostile_article

from communique.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, pipeline) -> Path:
    """The sample corpus in ``examples/``, ingested once per test session."""
    from communique.api import ingest_paths

    path = tmp_path_factory.mktemp("web") / "examples.db"
    with open_store(path) as store:
        report = ingest_paths([str(EXAMPLES)], store, pipeline=pipeline)
    assert report.new > 20
    return path


@pytest.fixture(scope="session")
def client(examples_db):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    return TestClient(create_app(examples_db))


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    path = tmp_path / "hostile.db"
    with open_store(path) as store:
        store.add(hostile_article())
    return path
