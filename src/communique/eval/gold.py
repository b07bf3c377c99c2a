"""Reading quotation gold data and the stories it points into.

Gold files hold annotations only: a story id, character offsets into the
story's ``text``, the speaker and the quote type. The stories themselves stay
where they were published (a JSON-lines file with ``id``, ``text`` and
``published``), so the gold file can be shared without copying anyone's prose.
Every record carries a short checksum of the span it marks; a mismatch means
the stories file is not the one the annotations were made on, and is reported
rather than scored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError

__all__ = ["GoldQuote", "load_gold", "load_stories", "span_checksum", "QUOTE_TYPES"]

QUOTE_TYPES = ("direct", "mixed", "indirect")
_FIELDS = ("story_id", "start", "end", "type", "speaker")


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quotation: where it is, what kind, and who said it."""

    story_id: str
    start: int
    end: int
    type: str
    speaker: str
    speaker_canonical: str | None = None
    cue: str | None = None
    sha1: str | None = None


@dataclass(frozen=True)
class Story:
    """The parts of a published story the evaluation needs."""

    id: str
    text: str
    title: str | None
    pub_date: date | None


def span_checksum(text: str) -> str:
    """The first ten hex digits of the span's SHA-1: enough to catch a different text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def load_gold(path: str | Path) -> list[GoldQuote]:
    """Read a gold file: JSON lines, ``#`` comment lines allowed (for the header)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(str(path), f"cannot read gold file: {err.strerror or err}") from err
    quotes: list[GoldQuote] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(where, f"not valid JSON ({err.msg})") from None
        missing = [f for f in _FIELDS if f not in row]
        if missing:
            raise InputError(where, f"missing field(s) {', '.join(missing)}")
        if row["type"] not in QUOTE_TYPES:
            raise InputError(where, f"type must be one of {', '.join(QUOTE_TYPES)}")
        start, end = row["start"], row["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise InputError(where, "start and end must be integers with 0 <= start < end")
        quotes.append(
            GoldQuote(
                story_id=str(row["story_id"]), start=start, end=end, type=row["type"],
                speaker=row["speaker"], speaker_canonical=row.get("speaker_canonical"),
                cue=row.get("cue"), sha1=row.get("sha1"),
            )
        )  # fmt: skip
    if not quotes:
        raise InputError(str(path), "no gold quotations in the file")
    return quotes


def load_stories(path: str | Path, ids: set[str] | None = None) -> dict[str, Story]:
    """Stories by id from a JSON-lines file (``id``, ``text``, optional ``title``/``published``)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(path), f"cannot read stories: {err.strerror or err}") from err
    stories: dict[str, Story] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            story_id, text = str(row["id"]), row["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            problem = "expected a JSON object with id and text"
            raise InputError(f"{path}:{number}", problem) from None
        if ids is not None and story_id not in ids:
            continue
        published = str(row.get("published") or "")[:10]
        try:
            pub_date = date.fromisoformat(published) if published else None
        except ValueError:
            pub_date = None
        stories[story_id] = Story(story_id, text, row.get("title"), pub_date)
    return stories


def check_gold(gold: list[GoldQuote], stories: dict[str, Story], gold_path: str) -> None:
    """Fail when a record points at a missing story, outside its text, or at other words."""
    for n, quote in enumerate(gold, start=1):
        story = stories.get(quote.story_id)
        if story is None:
            raise InputError(gold_path, f"record {n}: story {quote.story_id} not in the stories")
        if quote.end > len(story.text):
            raise InputError(gold_path, f"record {n}: offsets run past the story's text")
        span = story.text[quote.start : quote.end]
        if quote.sha1 and span_checksum(span) != quote.sha1:
            raise InputError(
                gold_path,
                f"record {n}: checksum mismatch for story {quote.story_id} "
                f"[{quote.start}:{quote.end}] (annotated on a different text?)",
            )
