"""Actor files kept in a database: the ``actors add/list/remove`` setting.

``--actors FILE`` applies to one command; a team that codes into one shared
database wants every ingest, by anyone, to resolve its own militia or ministry
the same way. The file's text is kept in the store (``actor_files`` table) and
written out to a private folder whenever a command opens that store, so the
worker processes and the knowledge base read it exactly like a ``--actors`` file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.errors import DataFileError

from .kb import KnowledgeBase

__all__ = ["add_actor_file", "with_stored_actors", "written_actor_files"]


def add_actor_file(store: Any, path: Path) -> int:
    """Check that ``path`` reads as an actors file, then keep it in ``store``.

    Returns how many actors it defines. A file that does not parse raises
    :class:`DataFileError` (naming the file and line) and nothing is stored, so
    a bad file can never break later ingests into the database.
    """
    path = Path(path)
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
    texts = [(row["name"], row["content"]) for row in store.actor_files()]
    with written_actor_files(texts) as paths:
        yield (*paths, *extra)


@contextmanager
def written_actor_files(texts: Iterable[tuple[str, str]]) -> Iterator[tuple[Path, ...]]:
    """Actors files given as (name, text), written to a private temporary folder for as
    long as the block runs, so the knowledge base reads them like any ``--actors`` file.

    Each goes in a folder of its own: two files of one name never clash, and the name
    (whose extension selects the format) stays as the user gave it.
    """
    texts = list(texts)
    if not texts:
        yield ()
        return
    with tempfile.TemporaryDirectory(prefix="communique-actors-") as tmp:
        paths = []
        for n, (name, text) in enumerate(texts):
            target = Path(tmp) / str(n) / Path(name).name
            target.parent.mkdir()
            target.write_text(text, encoding="utf-8")
            paths.append(target)
        yield tuple(paths)
