"""Actor files kept in a database: the ``actors add/list/remove`` setting.

``--actors FILE`` applies to one command; a team that codes into one shared
database wants every ingest, by anyone, to resolve its own militia or ministry
the same way. The file's text is kept in the store (``actor_files`` table) and
written out to a private folder whenever a command opens that store, so the
worker processes and the knowledge base read it exactly like a ``--actors`` file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.errors import DataFileError

from .kb import KnowledgeBase

__all__ = ["add_actor_file", "with_stored_actors"]

_SUFFIXES = (".yaml", ".yml", ".csv", ".actors", ".txt")


def add_actor_file(store: Any, path: Path) -> int:
    """Check that ``path`` reads as an actors file, then keep it in ``store``.

    Returns how many actors it defines. A file that does not parse raises
    :class:`DataFileError` (naming the file and line) and nothing is stored, so
    a bad file can never break later ingests into the database.
    """
    path = Path(path)
    if path.suffix.lower() not in _SUFFIXES:
        raise DataFileError(str(path), 0, "actors file must end in .yaml, .yml, .csv or .actors")
    count = len(KnowledgeBase.load(extra=[path]).customs)
    if count == 0:
        raise DataFileError(str(path), 0, "no actors in this file")
    store.save_actor_file(path.name, path.read_text(encoding="utf-8"))
    return count


@contextmanager
def with_stored_actors(store: Any, extra: tuple[Path, ...] = ()) -> Iterator[tuple[Path, ...]]:
    """The store's actor files (written to a private temporary folder for as long as the
    block runs) followed by ``extra``: a command's own ``--actors`` files override the
    database's."""
    stored = store.actor_files()
    if not stored:
        yield tuple(extra)
        return
    with tempfile.TemporaryDirectory(prefix="communique-actors-") as tmp:
        paths = []
        for row in stored:
            # Each file in its own folder: two stored names never clash, and the name
            # (whose extension selects the format) is kept as the user gave it.
            folder = Path(tmp) / str(len(paths))
            folder.mkdir()
            target = folder / Path(row["name"]).name
            target.write_text(row["content"], encoding="utf-8")
            paths.append(target)
        yield (*paths, *extra)
