"""Pairing quotation marks in raw text, without any model."""

from __future__ import annotations

from communique.quotes.marks import find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in find_quote_spans(text)]


def test_marks_curly_and_straight_double_quotes():
    assert quoted("She said: \u201cThe road is open.\u201d") == ["The road is open."]
    assert quoted('He said "the road is open" today.') == ["the road is open"]


def test_marks_trailing_comma_is_not_part_of_the_words():
    text = "\u201cThe road is open,\u201d she said."
    (span,) = find_quote_spans(text)
    assert text[span.inner_start : span.inner_end] == "The road is open"
    assert span.open_start == 0 and text[span.close_start] == "\u201d"


def test_marks_split_quotation_gives_two_spans():
    text = "\u201cThe road is open,\u201d she said, \u201cbut the bridge is not.\u201d"
    assert quoted(text) == ["The road is open", "but the bridge is not."]


def test_marks_apostrophes_do_not_open_or_close_quotes():
    assert quoted("Chile\u2019s miners and the workers\u2019 union met.") == []
    assert quoted("Chile's miners and the workers' union met.") == []
    assert quoted("It was the \u201890s, when it rained.") == []


def test_marks_single_quotes_need_two_words():
    assert quoted("The coach said the team was \u2018ready for anything\u2019 now.") == [
        "ready for anything"
    ]
    assert quoted("They call it \u2018home\u2019 here.") == []


def test_marks_possessive_inside_single_quotes_does_not_end_them():
    text = "He said \u2018the players\u2019 union is strong\u2019 on Monday."
    assert quoted(text) == ["the players\u2019 union is strong"]


def test_marks_nested_quote_belongs_to_the_outer_one():
    text = "\u201cShe told me \u2018go home now\u2019 and left,\u201d he said."
    assert quoted(text) == ["She told me \u2018go home now\u2019 and left"]


def test_marks_guillemets_and_low_quotes():
    assert quoted("\u00abNous partons\u00bb, dit-il.") == ["Nous partons"]
    assert quoted("\u201eWir gehen\u201c, sagte er.") == ["Wir gehen"]


def test_marks_quote_running_into_next_paragraph():
    text = "\u201cThe first part.\n\u201cThe second part,\u201d he said."
    assert quoted(text) == ["The first part.", "The second part"]


def test_marks_stray_opening_mark_is_dropped():
    assert quoted("A stray \u201c mark here.\nNext paragraph.") == []
