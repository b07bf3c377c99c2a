"""What only the PostgreSQL store has to get right: connecting, its own migrations,
its schema beside other tables, and full-text search through GIN indexes."""

from __future__ import annotations

import threading

import pytest

from communique.errors import StoreError
from communique.store import open_store
from communique.store.migrate import Migration, apply_migrations, available_migrations
from communique.store.pg.dialect import POSTGRES
from communique.store.sqlite import open_sqlite


@pytest.fixture
def url(pg_server) -> str:
    return pg_server.fresh_schema()


def _raw(url: str):
    import psycopg

    from communique.store.pg.connection import PgConnection

    return PgConnection(psycopg.connect(url, autocommit=True))


def test_store_postgres_every_sqlite_migration_has_a_postgres_twin():
    sqlite_steps = [(m.version, m.name) for m in available_migrations()]
    pg_steps = [(m.version, m.name) for m in available_migrations(POSTGRES.migrations_dir)]
    assert pg_steps == sqlite_steps


def test_store_postgres_unreachable_server_is_a_store_error_without_password(pg_server):
    closed = f"postgresql://someone:s3cret@127.0.0.1:{pg_server.port + 1}/news"
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(closed)
    assert "s3cret" not in str(caught.value) and "someone:***@" in str(caught.value)


def test_store_postgres_missing_database_is_a_store_error(pg_server):
    with pytest.raises(StoreError, match="no_such_db"):
        open_store(pg_server.url.rsplit("/", 1)[0] + "/no_such_db")


def test_store_postgres_schema_with_other_tables_is_refused(url):
    conn = _raw(url)
    conn.execute("CREATE TABLE customers (name text)")
    conn.close()
    with pytest.raises(StoreError, match="PostgreSQL schema was not created by communique"):
        open_store(url)


def test_store_postgres_failed_migration_leaves_schema_as_before(url):
    conn = _raw(url)
    steps = [
        Migration(1, "good", "CREATE TABLE one (x integer);"),
        Migration(2, "bad", "CREATE TABLE two (x integer);\nINSERT INTO nowhere VALUES (1);"),
    ]
    with pytest.raises(StoreError, match="migration 0002_bad failed"):
        apply_migrations(conn, "test", steps)
    assert set(POSTGRES.table_names(conn)) == {"migrations", "one"}
    assert [r[0] for r in conn.execute("SELECT version FROM migrations")] == [1]
    conn.close()


def test_store_postgres_applies_a_lower_numbered_migration_added_later(url):
    conn = _raw(url)
    first = [Migration(1, "one", "CREATE TABLE one (x int);"),
             Migration(3, "three", "CREATE TABLE three (x int);")]
    apply_migrations(conn, "test", first)
    later = [first[0], Migration(2, "two", "CREATE TABLE two (x int);"), first[1]]
    assert apply_migrations(conn, "test", later) == [2]
    conn.close()


def test_store_postgres_two_schemas_of_one_database_are_separate_stores(pg_server, make):
    one, two = pg_server.fresh_schema(), pg_server.fresh_schema()
    with open_store(one) as store:
        store.add(make())
    with open_store(two) as store:
        assert store.summary()["articles"] == 0


def test_store_postgres_concurrent_writers_queue_instead_of_failing(url, make):
    open_store(url).close()
    outcomes: list[str] = []

    def write(n: int) -> None:
        with open_store(url) as store, store.batch():
            for k in range(5):
                outcomes.append(store.add(make(url=f"https://w{n}.example/{k}",
                                               title=f"Story {n}.{k}",
                                               text=f"China warned Japan in report {n} {k}. "
                                                    "Japan rejected the claim.")))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("new") == 15
    with open_store(url) as store:
        assert store.summary()["articles"] == 15


@pytest.mark.parametrize(("table", "query"), [
    ("quotes", "sovereignty"),
    ("articles", "title:china OR warn*"),
])
def test_store_postgres_search_uses_the_gin_index(url, make, table, query):
    with open_store(url) as store:
        store.add(make())
        conn = store.conn
        search = POSTGRES.quote_search if table == "quotes" else POSTGRES.article_search
        clause, params = search(conn, query)
        conn.execute("SET enable_seqscan = off")
        plan = conn.execute(f"EXPLAIN SELECT 1 FROM {table} {table[0]} WHERE {clause}",
                            params).fetchall()
    assert f"Bitmap Index Scan on {table}_search" in "\n".join(row[0] for row in plan)


def test_store_sqlite_and_postgres_give_the_same_answers(url, tmp_path, make):
    stores = [open_sqlite(tmp_path / "same.db"), open_store(url)]
    try:
        for store in stores:
            store.add(make())
            store.add(make(url="https://b.example/2", title="Seoul and Tokyo",
                           text="Seoul warned Tokyo. Japan rejected the claim."))
            # A new canonical event after two that joined existing ones: same G<n> ids.
            store.add(make(url="https://c.example/3", title="Coercion", event_type="COERCE",
                           text="Beijing pressed Tokyo. Japan rejected the claim."))
        sqlite_store, pg_store = stores
        for read, filters in [("events", {}), ("quotes", {"search": "defend OR nothing"}),
                              ("articles", {"search": '"warned tokyo"'}),
                              ("canonical_events", {}), ("canonical_events", {"actor": "CHN"})]:
            expected = getattr(sqlite_store, read)(**filters)
            got = getattr(pg_store, read)(**filters)
            drop = {"ingested_at", "rowid", "previous_id"}
            assert [{k: v for k, v in r.items() if k not in drop} for r in got] == \
                [{k: v for k, v in r.items() if k not in drop} for r in expected], read
    finally:
        for store in stores:
            store.close()
