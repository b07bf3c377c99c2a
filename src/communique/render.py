"""Terminal rendering for ``show`` and ``summary``: what a reader sees, not what is stored."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from .model import AnalyzedArticle


def _actor_names(actors: list) -> str:
    return ", ".join(" ".join(filter(None, (a.code, a.sector))) or a.entity_text for a in actors)


def render_article(analyzed: AnalyzedArticle, console: Console | None = None) -> None:
    """The article with event triggers in bold colour and quotes underlined, then the lists."""
    console = console or Console()
    art = analyzed.article
    console.print(Text(art.title or "(untitled)", style="bold"))
    meta = " · ".join(filter(None, (art.outlet, art.pub_date and art.pub_date.isoformat(),
                                    art.byline, art.url)))
    if meta:
        console.print(Text(meta, style="dim"))
    if art.republished_from:
        console.print(Text(f"republished from {art.republished_from}", style="dim"))
    console.print()
    text = Text(art.text)
    for q in analyzed.quotes:
        if q.section == "text":
            text.stylize("italic cyan", q.start, q.end)
    for e in analyzed.events:
        if e.sentence.section == "text":
            text.stylize("bold magenta", e.trigger_start, e.trigger_end)
    console.print(text)
    console.print()
    console.print(Text(f"Events ({len(analyzed.events)})", style="bold magenta"))
    for e in analyzed.events:
        console.print(
            f"  {e.date or '?'}  {_actor_names(e.actor)} -> {e.event_type}"
            f"{'/' + e.mode if e.mode else ''} -> {_actor_names(e.recipient) or '-'}"
            f"  [CAMEO {e.cameo}, {e.goldstein:+g}]  \u201c{e.event_text}\u201d",
            markup=False,
        )
    console.print(Text(f"Quotes ({len(analyzed.quotes)})", style="bold cyan"))
    for q in analyzed.quotes:
        who = q.speaker.identifier_text or q.speaker.entity_text if q.speaker else "?"
        console.print(f"  {who} ({q.type}, {q.cue or '-'}): \u201c{q.quote_text}\u201d",
                      markup=False)


def render_summary(summary: dict[str, Any], events: list[dict], quotes: list[dict], db: str,
                   console: Console | None = None) -> None:
    console = console or Console()
    console.print(Text(f"communique database {db}", style="bold"))
    for key in ("articles", "versions", "events", "quotes", "failures"):
        if key in summary:
            console.print(f"  {key}: {summary[key]}")
    by_type = summary.get("events_by_type") or {}
    if by_type:
        console.print("  events by type: " + ", ".join(f"{k} {v}" for k, v in by_type.items()))
    if events:
        console.print(Text("\nSome events", style="bold magenta"))
        for e in events:
            actor = "; ".join(" ".join(filter(None, (a.get("code"), a.get("sector"))))
                              or a.get("entity_text", "") for a in e.get("actor", []))
            recipient = "; ".join(" ".join(filter(None, (a.get("code"), a.get("sector"))))
                                  or a.get("entity_text", "") for a in e.get("recipient", []))
            console.print(f"  {e.get('date')}  {actor} -> {','.join(e.get('event', []))}"
                          f" -> {recipient or '-'}  \u201c{e.get('text', '')[:90]}\u201d",
                          markup=False)
    if quotes:
        console.print(Text("\nSome quotes", style="bold cyan"))
        for q in quotes:
            sp = q.get("speaker") or {}
            who = sp.get("identifier_text") or sp.get("entity_text") or "?"
            console.print(f"  {who}: \u201c{q.get('quote_text', '')[:100]}\u201d", markup=False)
    console.print(
        f"\nQuery it:\n  communique events --db {db} --type ASSAULT\n"
        f"  communique quotes --db {db} --search peace\n"
        f"  communique articles --db {db}\n  communique show ARTICLE_ID --db {db}",
        markup=False,
    )
