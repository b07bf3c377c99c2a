"""Opening, migrating, and transactions: what happens to the database, seen from outside."""

from __future__ import annotations

import sqlite3

import pytest
from pgserver import count_rows, query_db

from communique.errors import StoreError
from communique.store import is_postgres_url, open_store
from communique.store.migrate import Migration, apply_migrations, available_migrations


def test_store_open_creates_file_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert path.exists()


def test_store_reopening_runs_no_migration_twice(db):
    open_store(db).close()
    first = count_rows(db, "SELECT count(*) FROM migrations")
    stamp = query_db(db, "SELECT max(applied_at) FROM migrations")
    with open_store(db) as store:
        assert apply_migrations(store.conn, str(db)) == []
        shipped = available_migrations(store.dialect.migrations_dir)
    open_store(db).close()
    assert first == len(shipped)
    assert count_rows(db, "SELECT count(*) FROM migrations") == first
    assert query_db(db, "SELECT max(applied_at) FROM migrations") == stamp


def test_store_non_database_file_is_a_store_error_naming_it(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"notes\.db.*not a SQLite database"):
        open_store(bogus)
    assert "these are my notes" in bogus.read_text()  # left untouched


def test_store_newer_schema_is_refused(db):
    with open_store(db) as store:
        store.conn.execute(
            "INSERT INTO migrations VALUES (9999, 'future', '2100-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match=r"(test\.db|test_\d+_\d+).*schema version 9999 is newer"):
        open_store(db)


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


def test_store_batch_commits_everything_on_success(db, make):
    with open_store(db) as store, store.batch():
        store.add(make())
        store.add(make(url="https://b.example/2", title="Second"))
        store.record_failure("broken.html", "empty page")
    assert count_rows(db, "SELECT count(*) FROM articles") == 2
    assert count_rows(db, "SELECT count(*) FROM failures") == 1


@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_store_batch_rollback_leaves_database_as_before(db, make, interruption):
    with open_store(db) as store:
        store.add(make())
        before = store.summary()
        with pytest.raises(interruption), store.batch():
            store.add(make(url="https://b.example/2", title="Second"))
            store.add(make(text=make().article.text + " Update."))  # a version of the first
            store.record_failure("x.html", "bad")
            raise interruption()
        assert store.summary() == before
        assert store.articles()[0]["version"] == 1
    # And in the database, seen by a fresh connection, full-text index included.
    assert count_rows(db, "SELECT count(*) FROM articles") == 1
    if is_postgres_url(db):
        indexed = ("SELECT count(*) FROM quotes WHERE to_tsvector('simple'::regconfig, "
                   "quote_text) @@ to_tsquery('simple'::regconfig, 'defend')")
    else:
        indexed = "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'defend'"
    assert count_rows(db, indexed) == 1


def test_store_failed_add_inside_batch_keeps_the_rest(db, make):
    with open_store(db) as store:
        broken = make(url="https://b.example/broken", title="Broken")
        broken.sentences[0].section = "caption"
        with store.batch():
            store.add(make())
            with pytest.raises(StoreError):
                store.add(broken)
            store.add(make(url="https://b.example/3", title="Third"))
    assert count_rows(db, "SELECT count(*) FROM articles") == 2
    assert count_rows(db, "SELECT count(*) FROM sentences") == 6


def test_store_add_outside_batch_is_durable_immediately(db, make):
    with open_store(db) as store:
        store.add(make())
        # Another connection (another process) sees it before this store closes.
        assert count_rows(db, "SELECT count(*) FROM events") == 2


def test_store_closed_store_says_so(db):
    store = open_store(db)
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


def test_store_postgres_url_without_psycopg_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(StoreError, match=r"pip install 'communique\[postgres\]'"):
        open_store("postgresql://news@127.0.0.1/news")
