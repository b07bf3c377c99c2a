"""Versioned schema migrations for the SQLite store.

Each file ``migrations/NNNN_name.sql`` is one step; the ``migrations`` table
records which steps a database has had. Steps run in order, each in its own
``BEGIN IMMEDIATE`` transaction that re-checks the table first, so two
processes opening a fresh database at once cannot apply a step twice, and a
step that fails leaves the database exactly as it was before that step.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from communique.errors import StoreError

__all__ = ["Migration", "apply_migrations", "available_migrations", "schema_version"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
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


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole).

    ``executescript`` would commit any open transaction first, so a migration
    could not be atomic; running statement by statement keeps it in ours.
    """
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not _only_comments(buffer):
        raise StoreError(f"migration ends with an incomplete statement: {buffer.strip()[:60]!r}")
    return [s for s in statements if not _only_comments(s)]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def schema_version(conn: sqlite3.Connection) -> int:
    """Highest migration applied, 0 for a database without a ``migrations`` table."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if row is None:
        return 0
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()
    return int(version)


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
    ).fetchone()
    return row is not None


def apply_migrations(
    conn: sqlite3.Connection, label: str, migrations: list[Migration] | None = None
) -> list[int]:
    """Bring the database up to date; return the versions applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``label``
    names the database in error messages.
    """
    steps = available_migrations() if migrations is None else migrations
    newest = steps[-1].version if steps else 0
    current = schema_version(conn)
    if current == 0 and _has_foreign_tables(conn):
        raise StoreError(
            f"{label}: this SQLite database was not created by communique; "
            "give a new file name with --db"
        )
    if current > newest:
        raise StoreError(
            f"{label}: database schema version {current} is newer than this communique "
            f"supports ({newest}); upgrade communique to use it"
        )
    conn.execute(_CREATE_TABLE)
    # Every step not yet recorded runs, not only those above the highest one: a step
    # numbered below a newer one that reached the database first is still applied.
    recorded = {v for (v,) in conn.execute("SELECT version FROM migrations")}
    applied: list[int] = []
    for step in steps:
        if step.version in recorded:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = conn.execute(
                "SELECT 1 FROM migrations WHERE version = ?", (step.version,)
            ).fetchone()
            if done is None:
                for statement in _statements(step.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                applied.append(step.version)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"{label}: migration {step.version:04d}_{step.name} failed: {exc}"
            ) from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return applied
