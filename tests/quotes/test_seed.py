"""End to end on a scraped news page from the shared seed data."""

from __future__ import annotations

import pytest

from communique.quotes import find_quotes

pytestmark = pytest.mark.model

CHROME = ("Site icon", "Source link", "Exit mobile version")


def body_of(raw: str) -> str:
    """The story body: the page minus its site chrome and its title line."""
    lines = [line for line in raw.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(CHROME)]
    return "\n\n".join(lines[1:])  # the first remaining line is the title


def test_extract_seed_page_quotes_attributed_to_xi(nlp, shared_dir):
    raw = (shared_dir / "seed" / "scraped_page.txt").read_text(encoding="utf-8")
    body = body_of(raw)
    quotes = find_quotes(nlp(body))

    direct = [q for q in quotes if q.type == "direct"]
    assert len([q for q in direct if q.speaker and q.speaker.entity_text == "Xi"]) >= 3
    assert all(q.cue == "said" for q in direct)

    (role,) = [q for q in quotes if q.quote_text == "willing to continue to play its role"]
    assert role.type == "mixed"
    assert role.speaker.entity_text == "Xi"
    assert body[role.speaker.start : role.speaker.end] == "Xi"
    assert role.speaker.start < role.start  # "he" points back to an earlier mention

    texts = {q.quote_text for q in quotes}
    assert "special military operation" not in texts
    assert "no limits" not in texts
    for q in quotes:
        assert body[q.start : q.end] == q.quote_text


def test_extract_seed_page_through_pipeline_resolves_xi(pipeline, shared_dir):
    from datetime import date

    from communique.api import process_text

    raw = (shared_dir / "seed" / "scraped_page.txt").read_text(encoding="utf-8")
    title = next(line for line in raw.splitlines()[1:] if line.strip())
    analyzed = process_text(body_of(raw), title=title, pub_date=date(2022, 6, 15),
                            pipeline=pipeline)
    by_text = {q.quote_text: q for q in analyzed.quotes if q.section == "text"}
    xi = [q for q in by_text.values()
          if q.speaker and q.speaker.identifier_text == "Xi Jinping"]
    full = [q for q in xi if q.type == "direct"]
    assert len(full) == 3
    for words in ("independently assessed the situation",
                  "proper settlement of the Ukraine crisis",
                  "willing to continue to play its role"):
        assert by_text[words].type == "mixed"
        assert by_text[words].speaker.identifier_text == "Xi Jinping", words
    assert "special military operation" not in by_text
    # a fragment after "pointing to the" carries on the reporter's sentence
    assert by_text["steady progress"].type == "mixed"
