"""A throwaway PostgreSQL server on 127.0.0.1 for the store tests.

Uses Debian's server binaries (``/usr/lib/postgresql/N/bin``, or ``initdb`` on
PATH): ``initdb`` a cluster in a temporary directory, start it on a free port
with durability switched off (nothing here needs to survive a crash), and
remove it afterwards. PostgreSQL refuses to run as root, so under root (as in
CI) the cluster belongs to the ``postgres`` user and its commands run through
``runuser``. ``query_db`` reads either kind of test database from outside
communique, as another process would.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["PgServer", "count_rows", "find_bindir", "query_db", "start_server"]

SUPERUSER = "communique"
_schemas = itertools.count(1)


def find_bindir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``, newest version first; None if absent."""
    found = shutil.which("initdb")
    candidates = [Path(found).resolve().parent] if found else []
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(versions, key=lambda p: int(Path(p).parent.name)
                                           if Path(p).parent.name.isdigit() else 0, reverse=True)]
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PgServer:
    bindir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def fresh_schema(self) -> str:
        """A URL whose connections see only a new, empty schema of this server."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_schemas)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")  # a name made here, not user input
        return f"{self.url}?options=-csearch_path%3D{name}"

    def command(self, *args: str) -> list[str]:
        if self.run_as:
            return ["runuser", "-u", self.run_as, "--", *args]
        return list(args)

    def stop(self) -> None:
        subprocess.run(self.command(str(self.bindir / "pg_ctl"), "stop", "-D",
                                    str(self.root / "data"), "-m", "immediate"),
                       capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(bindir: Path) -> PgServer:
    """initdb and start a private cluster; raise RuntimeError with the server's words."""
    run_as = None
    root = Path(tempfile.mkdtemp(prefix="communique-pg-"))
    if os.geteuid() == 0:
        run_as = "postgres"
        entry = pwd.getpwnam(run_as)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = PgServer(bindir, root, _free_port(), run_as)
    data, log = root / "data", root / "server.log"
    steps = [
        [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        [str(bindir / "pg_ctl"), "start", "-D", str(data), "-l", str(log), "-w", "-t", "60",
         "-o", f"-h 127.0.0.1 -p {server.port} -k {root} -F "
               "-c synchronous_commit=off -c full_page_writes=off"],
    ]
    for step in steps:
        done = subprocess.run(server.command(*step), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip()
            if log.exists():
                detail += "\n" + log.read_text(errors="replace")[-2000:]
            server.stop()
            raise RuntimeError(f"{Path(step[0]).name} failed: {detail}")
    return server


def query_db(db: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` read over a fresh connection, as another process would see them."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            return [tuple(row) for row in conn.execute(sql).fetchall()]
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def count_rows(db: str, sql: str) -> int:
    return query_db(db, sql)[0][0]
