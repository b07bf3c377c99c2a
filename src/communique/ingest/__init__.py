"""Sources to Articles: HTML pages, plain-text scrapes, JSON lines, WARC archives, stdin.

``expand_paths`` turns what the user typed into files; ``read_file`` and
``read_text`` turn files and text into :class:`~communique.model.Article`
records, yielding an :class:`~communique.errors.InputError` for a bad record
so that one broken line never stops a batch.
"""

from communique.ingest.files import (
    DEFAULT_MAX_BYTES,
    SUFFIXES,
    expand_paths,
    read_file,
    read_text,
)

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "expand_paths", "read_file", "read_text"]
