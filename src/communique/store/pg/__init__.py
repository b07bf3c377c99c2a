"""The PostgreSQL store: one database a team shares, on a server of its own.

``open_postgres("postgresql://user:password@host:5432/news")`` connects, creates
or upgrades communique's tables (``migrations/`` here mirrors the SQLite steps
one for one) and returns the same :class:`~communique.store.Store` as a SQLite
file gives. Tables live in the connection's current schema, so one database can
hold several corpora (``?options=-csearch_path%3Dproject``).

Needs ``psycopg`` (``pip install 'communique[postgres]'``).
"""

from __future__ import annotations

from communique.errors import StoreError
from communique.store.base import Store

__all__ = ["open_postgres"]

CONNECT_TIMEOUT_S = 10


def open_postgres(url: str) -> Store:
    """Connect to the database ``url`` names, migrate it, and return the store.

    Raises StoreError naming the database (password hidden) when psycopg is
    missing, the server cannot be reached or refuses the login, or the schema
    holds tables communique did not make or comes from a newer communique.
    """
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "a postgresql:// database needs psycopg: pip install 'communique[postgres]'"
        ) from None
    from communique.store.migrate import apply_migrations
    from communique.store.pg.connection import PgConnection, redact

    label = redact(url)
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                              application_name="communique")
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{label}: cannot connect: {reason}") from exc
    conn = PgConnection(raw)
    try:
        apply_migrations(conn, label)
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(f"{label}: cannot open database: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, label)
