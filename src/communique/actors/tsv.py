"""Reading the knowledge-base TSV files: comments, a header, one record a line.

Every file starts with ``#`` comment lines saying where its facts came from, then
a header naming the columns. A malformed line raises :class:`DataFileError` with
the file and line number, so someone extending a dictionary sees exactly which
row to fix instead of a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from communique.errors import DataFileError

__all__ = ["Row", "parse_date", "read_rows", "split_list"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Row:
    """One data line: its cells by column name and where it came from."""

    path: Path
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def required(self, column: str) -> str:
        value = self.cells.get(column, "")
        if not value:
            raise DataFileError(str(self.path), self.line, f"column {column!r} is empty")
        return value

    def error(self, problem: str) -> DataFileError:
        return DataFileError(str(self.path), self.line, problem)


def read_text(path: Path) -> str:
    """A data file's text; a missing or non-UTF-8 file is a DataFileError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), 0, "not UTF-8 text") from exc


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """Yield the rows of ``path``; the header must name exactly ``columns``."""
    text = read_text(path)
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if header is None:
            header = fields
            if tuple(header) != columns:
                raise DataFileError(
                    str(path), number, f"header should be {' TAB '.join(columns)}"
                )
            continue
        if len(fields) < len(header):
            fields += [""] * (len(header) - len(fields))
        if len(fields) > len(header):
            raise DataFileError(
                str(path), number, f"{len(fields)} tab-separated fields, expected {len(header)}"
            )
        yield Row(path, number, dict(zip(header, fields, strict=True)))
    if header is None:
        raise DataFileError(str(path), 0, "no header line")


def split_list(cell: str) -> list[str]:
    """The |-separated values of a cell, blanks dropped."""
    return [v.strip() for v in cell.split("|") if v.strip()]


def parse_date(row: Row, column: str) -> date | None:
    """A YYYY-MM-DD cell as a date (None when empty); anything else is a data error."""
    value = row.get(column)
    if not value:
        return None
    if not _DATE.match(value):
        raise row.error(f"{column} {value!r} is not a YYYY-MM-DD date")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise row.error(f"{column} {value!r} is not a valid date") from exc
