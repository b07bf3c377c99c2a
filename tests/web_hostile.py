"""Hostile content for the web tests: text that tries to break out of HTML and URLs."""

from __future__ import annotations

from datetime import date

from communique.model import Actor, AnalyzedArticle, Article, Event, Quote, Sentence

SCRIPT = "<script>alert(1)</script>"
BREAKER = '" onmouseover="alert(2)'
JS_URL = "javascript:alert(3)"


def hostile_article() -> AnalyzedArticle:
    """An article whose every text field tries to break out of HTML."""
    title = f"Title {SCRIPT} and {BREAKER}"
    text = f'Ruritania warned Freedonia {SCRIPT}. "We {BREAKER} will not yield," {SCRIPT} said.'
    first = text.split(". ")[0] + "."
    s1 = Sentence(sequence=1, start=0, end=len(first), text=first)
    start = text.index("We ")
    end = text.index(",", start)
    event = Event(
        event_type="THREATEN", cameo="130", goldstein=-4.4, quad_code=3,
        actor=[Actor(f"Ruritania {SCRIPT}", "RUR", None, None, BREAKER)],
        recipient=[Actor("Freedonia", "FRE", "GOV")],
        event_text="warned", sentence=s1, trigger_start=10, trigger_end=16,
        mode=BREAKER, context=[SCRIPT], date=date(2024, 5, 2),
    )
    quote = Quote(quote_text=text[start:end], type="direct", start=start, end=end,
                  speaker=Actor(SCRIPT, "RUR", "GOV", None, BREAKER), cue="said")
    article = Article(text=text, title=title, source="hostile.jsonl", source_format="jsonl",
                      story_id="hostile-1", url=JS_URL, outlet=f"Outlet {BREAKER}",
                      byline=SCRIPT, pub_date=date(2024, 5, 2), republished_from=JS_URL)
    return AnalyzedArticle(article=article, sentences=[s1], events=[event], quotes=[quote])
