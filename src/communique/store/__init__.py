"""The database: stores analysed articles and reads them back with filters.

``open_store(target)`` gives a :class:`Store`: a SQLite file by default, or a
PostgreSQL database when ``target`` is a ``postgresql://`` URL. Both run the
same queries of this package; only the SQL dialect differs.
"""

from __future__ import annotations

from pathlib import Path

from communique.errors import StoreError
from communique.store.base import Store

__all__ = ["Store", "StoreError", "is_postgres_url", "open_store"]


def is_postgres_url(target: object) -> bool:
    """Whether a ``--db`` value names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.strip().lower().startswith(
        ("postgresql://", "postgres://")
    )


def open_store(path: str | Path = "communique.db") -> Store:
    """Open (creating the schema if absent) and migrate the database ``path`` names.

    A ``postgresql://user:password@host:port/dbname`` URL opens that PostgreSQL
    database (it must exist; communique creates its tables); anything else is
    a SQLite file. Raises StoreError naming the database when it cannot be
    opened, was not made by communique, or was written by a newer version.
    """
    if is_postgres_url(path):
        from communique.store.pg import open_postgres

        return open_postgres(str(path))
    from communique.store.sqlite import open_sqlite

    return open_sqlite(path)
