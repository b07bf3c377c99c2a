"""Versioned schema migrations, the same procedure for every database.

Each file ``NNNN_name.sql`` in a dialect's migrations folder is one step
(``store/migrations`` for SQLite, ``store/pg/migrations`` for PostgreSQL, one
twin per step); the ``migrations`` table records which steps a database has
had. Steps run in order, each in its own write transaction (holding the
database's write lock) that re-checks the table first, so two processes
opening a fresh database at once cannot apply a step twice, and a step that
fails leaves the database exactly as it was before that step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from communique.errors import StoreError
from communique.store.dialect import SQLITE, Dialect, dialect_of

__all__ = ["Migration", "apply_migrations", "available_migrations", "schema_version"]

MIGRATIONS_DIR = SQLITE.migrations_dir
T = TypeVar("T")
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations shipped with this version of communique, in order."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise StoreError(f"{path}: migration file names must look like 0001_name.sql")
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"{path}: duplicate migration number {version}")
        found[version] = Migration(version, match.group(2), path.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def schema_version(conn: Any) -> int:
    """Highest migration applied, 0 for a database without a ``migrations`` table."""
    if "migrations" not in dialect_of(conn).table_names(conn):
        return 0
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()
    return int(version)


def apply_migrations(conn: Any, label: str, migrations: list[Migration] | None = None) -> list[int]:
    """Bring the database up to date; return the versions applied now.

    ``conn`` must be in autocommit mode (for SQLite, ``isolation_level=None``).
    ``label`` names the database in error messages.
    """
    dialect = dialect_of(conn)
    if migrations is None:
        migrations = available_migrations(dialect.migrations_dir)
    steps = migrations
    newest = steps[-1].version if steps else 0
    current = schema_version(conn)
    if current == 0 and dialect.table_names(conn):
        raise StoreError(
            f"{label}: this {dialect.kind} was not created by communique; "
            "give a new one with --db"
        )
    if current > newest:
        raise StoreError(
            f"{label}: database schema version {current} is newer than this communique "
            f"supports ({newest}); upgrade communique to use it"
        )
    _in_transaction(conn, dialect, lambda: conn.execute(_CREATE_TABLE))
    # Every step not yet recorded runs, not only those above the highest one: a step
    # numbered below a newer one that reached the database first is still applied.
    recorded = {v for (v,) in conn.execute("SELECT version FROM migrations")}
    applied: list[int] = []
    for step in steps:
        if step.version in recorded:
            continue
        try:
            if _in_transaction(conn, dialect, lambda step=step: _apply(conn, dialect, step)):
                applied.append(step.version)
        except dialect.errors as exc:
            raise StoreError(
                f"{label}: migration {step.version:04d}_{step.name} failed: {exc}"
            ) from exc
    return applied


def _apply(conn: Any, dialect: Dialect, step: Migration) -> bool:
    """Run ``step`` unless another process did meanwhile; whether it ran here."""
    done = conn.execute("SELECT 1 FROM migrations WHERE version = ?", (step.version,)).fetchone()
    if done is not None:
        return False
    dialect.run_script(conn, step.sql)
    conn.execute(
        "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (step.version, step.name, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    return True


def _in_transaction(conn: Any, dialect: Dialect, work: Callable[[], T]) -> T:
    """``work()`` in one write transaction: committed when it returns, rolled back when not."""
    try:
        for statement in dialect.begin_write:
            conn.execute(statement)
        result = work()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result
