"""Small text helpers shared by the CLI and the web UI, so both show data the same way."""

from __future__ import annotations

from datetime import date
from typing import Any


def actors_text(actors: list[dict[str, Any]] | None, *, names: bool = True,
                sep: str = "; ") -> str:
    """Actor objects as one line: "CHN GOV (Xi Jinping); RUS" (``names=False``: codes only)."""
    parts = []
    for a in actors or []:
        code = " ".join(x for x in (a.get("code"), a.get("sector")) if x)
        name = a.get("identifier_text") or a.get("entity_text")
        if not names:
            parts.append(code or str(name or "?"))
        else:
            parts.append(f"{code} ({name})" if code else str(name))
    return sep.join(parts)


def parse_iso_date(value: str | None) -> date | None:
    """A YYYY-MM-DD option value; ValueError names the bad value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form") from None
