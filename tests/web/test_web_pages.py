"""Server-rendered pages on the sample corpus, and the pieces they are drawn from."""

from __future__ import annotations

import re

from communique.web.charts import line_chart, month_range, world_map
from communique.web.highlight import Span, runs


def page(client, url: str) -> str:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    return response.text


def test_web_pages_overview_shows_counts_chart_dyads_and_quotes(client):
    html = page(client, "/")
    assert re.search(r"<strong>26</strong> articles", html)
    assert html.count('class="point"') > 3 and "series quad4" in html
    assert 'href="/dyads/' in html
    assert html.count('class="quote-item"') == 8


def test_web_pages_chart_points_link_to_the_events_they_count(client):
    html = page(client, "/")
    href = re.search(r'<a href="(/events\?quad=\d&amp;since=[\d-]+&amp;until=[\d-]+)"', html)
    assert href
    events = page(client, href[1].replace("&amp;", "&"))
    assert events.count('class="event-row') >= 1


def test_web_pages_events_filter_form_and_evidence_links(client):
    html = page(client, "/events?type=SANCTION")
    rows = html.count('class="event-row')
    assert rows >= 1 and html.count(">SANCTION</span>") == rows
    assert re.search(r'href="/articles/[^"]+#E-[^"]+-E\d+"', html)


def test_web_pages_events_next_page_link(client):
    html = page(client, "/events?limit=10")
    assert html.count('class="event-row') == 10 and 'rel="next"' in html


def test_web_pages_article_highlights_events_and_quotes(client):
    html = page(client, "/articles/northstar-2024-02-27-egypt-ethiopia-dam-talks")
    assert '<mark class="quote"' in html and '<mark class="event"' in html
    assert re.search(r'<mark class="event"[^>]*title="[A-Z]+ [^"]*CAMEO \d+', html)
    assert "The proposal ignores Egypt" in html


def test_web_pages_event_page_links_to_its_article(client):
    first = client.get("/api/events?limit=1").json()["items"][0]
    html = page(client, f"/events/{first['id']}")
    assert first["text"] in html.replace("&#39;", "'")
    assert f'href="/articles/{first["article_id"]}#E-{first["id"]}"' in html


def test_web_pages_actor_page_has_timeline_partners_and_quotes(client):
    html = page(client, "/actors/EUR")
    assert "Timeline" in html and "series actor" in html
    assert 'href="/dyads/EUR/' in html


def test_web_pages_dyad_page_groups_events_behind_each_point(client):
    html = page(client, "/dyads/IND/PAK")
    anchors = set(re.findall(r'href="#(p-\d{4}-\d{2})"', html))
    assert anchors and all(f'id="{a}"' in html for a in anchors)
    assert "IND → PAK conflict" in html


def test_web_pages_map_plots_placed_events_with_links(client):
    html = page(client, "/map")
    dots = re.findall(r'<a href="(/events/[^"]+)"><circle class="dot', html)
    assert dots and "records no event places" not in html


def test_web_pages_map_place_filter_narrows_the_dots(client):
    everywhere = page(client, "/map").count('<circle class="dot')
    nairobi = page(client, "/map?place=Nairobi").count('<circle class="dot')
    assert 0 < nairobi < everywhere


def test_web_pages_quote_search_by_words_and_speaker(client):
    html = page(client, "/quotes?search=proposal&speaker=Fawzy")
    assert html.count('class="quote-item"') == 1 and "Ahmed Fawzy" in html


def test_web_pages_missing_article_is_an_html_404(client):
    response = client.get("/articles/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "no article" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_web_pages_highlight_runs_split_overlapping_spans():
    text = "He said we will talk today."
    quote = Span(8, 23, "quote", "quote", "Q-1")
    event = Span(16, 20, "event", "CONSULT", "E-1")
    parts = runs(text, [quote, event, Span(5, 99, "event", "bad", "E-2")])
    assert "".join(r.text for r in parts) == text
    assert [(r.text, r.css) for r in parts if r.spans] == [
        ("we will ", "quote"), ("talk", "event quote"), (" to", "quote")]
    assert [r.anchors for r in parts if r.anchors] == [["Q-1"], ["E-1"]]


def test_web_pages_month_range_fills_gaps():
    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_web_pages_line_chart_scales_to_the_largest_value():
    chart = line_chart("t", ["2024-01", "2024-02"], [("a", "x", {"2024-01": 5})])
    low, high = chart.series[0].points[1], chart.series[0].points[0]
    assert high.y < low.y and high.value == 5 and low.value == 0


def test_web_pages_world_map_projection():
    dots, grid = world_map([(0, 0, "null island", "/e", "q"), (95, 0, "off", "/e", "q")])
    assert [(d.x, d.y) for d in dots] == [(360, 180)] and len(grid) == 13 + 7


def test_web_pages_actor_page_lists_offices_held_by_a_person(client):
    html = page(client, "/actors/Q15031")
    assert "Offices held" in html and "2013-03-14" in html
