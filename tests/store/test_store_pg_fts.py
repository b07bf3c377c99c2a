"""The full-text query language as PostgreSQL receives it (no server needed)."""

from __future__ import annotations

import pytest

from communique.store.pg.fts import QuerySyntaxError, to_tsquery_text

ARTICLE_COLUMNS = {"title": "A", "text": "B"}


@pytest.mark.parametrize(("query", "tsquery"), [
    ("sovereignty", "'sovereignty'"),
    ("defend sovereignty", "('defend' & 'sovereignty')"),
    ("defend AND sovereignty", "('defend' & 'sovereignty')"),
    ("talks OR sovereignty", "('talks' | 'sovereignty')"),
    ("a b OR c", "(('a' & 'b') | 'c')"),
    ("china NOT japan", "('china' & !'japan')"),
    ('"we will defend"', "('we' <-> 'will' <-> 'defend')"),
    ("defen*", "'defen':*"),
    ('"our sover"*', "('our' <-> 'sover':*)"),
    ("(talks OR tea) useful", "(('talks' | 'tea') & 'useful')"),
    ("Genève", "'Genève'"),
])
def test_store_pg_fts_translates_the_query_language(query, tsquery):
    assert to_tsquery_text(query, {"quote_text": ""}) == tsquery


def test_store_pg_fts_column_filters_become_weights():
    assert to_tsquery_text("title:undated", ARTICLE_COLUMNS) == "'undated':A"
    assert to_tsquery_text("text:(warn* OR moscow)", ARTICLE_COLUMNS) == \
        "('warn':*B | 'moscow':B)"


def test_store_pg_fts_quotes_inside_phrases_cannot_escape_the_lexeme():
    assert to_tsquery_text('"don\'t"', {}) == "('don' <-> 't')"


@pytest.mark.parametrize("query", [
    '"useful,', "useful,", "x' OR '1'='1", "'; DROP TABLE events; --", "%", "-x", "()",
    "OR", '""', "speaker_text:blinken",
])
def test_store_pg_fts_invalid_queries_are_syntax_errors(query):
    with pytest.raises(QuerySyntaxError):
        to_tsquery_text(query, {"quote_text": ""})
