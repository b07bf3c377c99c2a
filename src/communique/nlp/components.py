"""Our own spaCy components, registered when this module is imported.

``communique_paragraphs`` runs before the parser and starts a new sentence
after every line break. News text keeps one paragraph per line; without this,
the small model glues a closing quotation to the next paragraph's first
sentence, and events and quotes inherit the wrong evidence sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "communique_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after each line break; keep closing quotes and breaks attached."""
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if tok.is_space:
            tok.is_sent_start = False
        elif tok.text in _CLOSING and not prev.whitespace_ and prev.text[-1:] in ".!?…,":
            # The closing mark of a quoted sentence belongs to that sentence.
            tok.is_sent_start = False
        elif "\n" in prev.text_with_ws:
            tok.is_sent_start = True
    return doc


_CLOSING = {'"', "”", "’", "»", "'"}


def add_components(nlp: Language) -> Language:
    """Add our components to a loaded pipeline (idempotent)."""
    if "communique_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("communique_paragraphs", before=before)
        else:
            nlp.add_pipe("communique_paragraphs", first=True)
    return nlp
