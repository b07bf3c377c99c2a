"""Article text cut into runs, each marked with the events and quotes that cover it.

Quotes often contain event triggers, so spans overlap; rather than nesting tags
that may cross, the text is split at every span boundary and each run carries
the set of spans over it. Templates escape each run; nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Run", "Span", "runs", "spans_for"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "event" or "quote"
    title: str  # shown on hover
    anchor: str  # element id the events table links to


@dataclass
class Run:
    text: str
    spans: list[Span] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # spans that begin here

    @property
    def css(self) -> str:
        return " ".join(sorted({s.kind for s in self.spans}))

    @property
    def title(self) -> str:
        return "\n".join(s.title for s in self.spans)


def _who(actors: list[dict[str, Any]] | None) -> str:
    return ", ".join(a.get("code") or a.get("entity_text") or "?" for a in actors or []) or "?"


def spans_for(events: list[dict[str, Any]], quotes: list[dict[str, Any]],
              section: str) -> list[Span]:
    """Spans of event triggers and quoted words in ``section`` ("title" or "text")."""
    spans = []
    for e in events:
        info = e.get("text_info") or {}
        if info.get("section", "text") != section:
            continue
        title = (f"{','.join(e.get('event') or [])} {e.get('mode') or ''} · CAMEO {e.get('cameo')}"
                 f" · Goldstein {e.get('event_scale')} · {_who(e.get('actor'))} → "
                 f"{_who(e.get('recipient'))}")
        spans.append(Span(info["trigger_start"], info["trigger_end"], "event",
                          " ".join(title.split()), f"E-{e['id']}"))
    for q in quotes:
        if q.get("section", "text") != section:
            continue
        speaker = q.get("speaker") or {}
        who = speaker.get("identifier_text") or speaker.get("entity_text") or "unattributed"
        code = " ".join(x for x in (speaker.get("code"), speaker.get("sector")) if x)
        title = f"quote ({q.get('type')}) · {who}{f' [{code}]' if code else ''}"
        spans.append(Span(q["start"], q["end"], "quote", title, f"Q-{q['id']}"))
    return spans


def runs(text: str, spans: list[Span]) -> list[Run]:
    """``text`` split at span boundaries; spans outside the text are ignored."""
    good = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in good), *(s.end for s in good)})
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in good if s.start <= lo and hi <= s.end]
        starting = [s.anchor for s in good if s.start == lo]
        out.append(Run(text[lo:hi], covering, starting))
    return out
