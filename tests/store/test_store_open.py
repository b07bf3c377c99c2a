"""Opening, migrating, and transactions: what happens to the file on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.store import open_store
from communique.store.migrate import Migration, apply_migrations, available_migrations


def _count(db_path: Path, sql: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_store_open_creates_file_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert path.exists()


def test_store_reopening_runs_no_migration_twice(db_path):
    open_store(db_path).close()
    first = _count(db_path, "SELECT count(*) FROM migrations")
    stamp = sqlite3.connect(db_path).execute("SELECT max(applied_at) FROM migrations").fetchone()
    with open_store(db_path) as store:
        assert apply_migrations(store.conn, str(db_path)) == []
    open_store(db_path).close()
    assert first == len(available_migrations())
    assert _count(db_path, "SELECT count(*) FROM migrations") == first
    again = sqlite3.connect(db_path).execute("SELECT max(applied_at) FROM migrations").fetchone()
    assert again == stamp


def test_store_non_database_file_is_a_store_error_naming_it(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"notes\.db.*not a SQLite database"):
        open_store(bogus)
    assert "these are my notes" in bogus.read_text()  # left untouched


def test_store_newer_schema_is_refused(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO migrations VALUES (9999, 'future', '2100-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"test\.db.*schema version 9999 is newer"):
        open_store(db_path)


def test_store_foreign_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"other\.sqlite.*not created by communique"):
        open_store(other)


def test_store_missing_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "dir.db")


def test_store_failed_migration_leaves_database_as_before(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    steps = [
        Migration(1, "good", "CREATE TABLE one (x INTEGER);"),
        Migration(2, "bad", "CREATE TABLE two (x INTEGER);\nINSERT INTO nowhere VALUES (1);"),
    ]
    with pytest.raises(StoreError, match="migration 0002_bad failed"):
        apply_migrations(conn, "m.db", steps)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "one" in tables and "two" not in tables
    assert [r[0] for r in conn.execute("SELECT version FROM migrations")] == [1]
    conn.close()


def test_store_batch_commits_everything_on_success(db_path, make):
    with open_store(db_path) as store, store.batch():
        store.add(make())
        store.add(make(url="https://b.example/2", title="Second"))
        store.record_failure("broken.html", "empty page")
    assert _count(db_path, "SELECT count(*) FROM articles") == 2
    assert _count(db_path, "SELECT count(*) FROM failures") == 1


@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_store_batch_rollback_leaves_database_as_before(db_path, make, interruption):
    with open_store(db_path) as store:
        store.add(make())
        before = store.summary()
        with pytest.raises(interruption), store.batch():
            store.add(make(url="https://b.example/2", title="Second"))
            store.add(make(text=make().article.text + " Update."))  # a version of the first
            store.record_failure("x.html", "bad")
            raise interruption()
        assert store.summary() == before
        assert store.articles()[0]["version"] == 1
    # And on disk, seen by a fresh connection.
    assert _count(db_path, "SELECT count(*) FROM articles") == 1
    assert _count(db_path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'defend'") == 1


def test_store_failed_add_inside_batch_keeps_the_rest(db_path, make):
    with open_store(db_path) as store:
        broken = make(url="https://b.example/broken", title="Broken")
        broken.sentences[0].section = "caption"
        with store.batch():
            store.add(make())
            with pytest.raises(StoreError):
                store.add(broken)
            store.add(make(url="https://b.example/3", title="Third"))
    assert _count(db_path, "SELECT count(*) FROM articles") == 2
    assert _count(db_path, "SELECT count(*) FROM sentences") == 6


def test_store_add_outside_batch_is_durable_immediately(db_path, make):
    with open_store(db_path) as store:
        store.add(make())
        # Another connection (another process) sees it before this store closes.
        assert _count(db_path, "SELECT count(*) FROM events") == 2


def test_store_closed_store_says_so(db_path):
    store = open_store(db_path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.events()


def test_store_applies_a_lower_numbered_migration_added_later(tmp_path):
    """A step merged after a higher-numbered one reached a database still runs."""
    import sqlite3

    from communique.store.migrate import Migration, apply_migrations

    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    first = [Migration(1, "one", "CREATE TABLE one (x);"), Migration(3, "three",
                                                                   "CREATE TABLE three (x);")]
    apply_migrations(conn, "m.db", first)
    later = [first[0], Migration(2, "two", "CREATE TABLE two (x);"), first[1]]
    assert apply_migrations(conn, "m.db", later) == [2]
