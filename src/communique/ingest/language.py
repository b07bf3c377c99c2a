"""Which language an article is written in, so that only English text is coded.

The coder's lexicon, actor names and the spaCy pipeline are English; coding a
French story with them yields nonsense events, so other languages are stored
(with their language) and left uncoded. Detection uses py3langid, whose model
ships inside the package: nothing is downloaded.

Short or mixed snippets are easy to misjudge, so an article is called
non-English only when the detector is sure and the text is long enough; when
in doubt it stays English, which is what the sources we read mostly are.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["MIN_CONFIDENCE", "MIN_WORDS", "detect_language"]

#: Normalised probability the detector must reach to overrule English.
MIN_CONFIDENCE = 0.8
#: Fewer words than this is too little to judge; it stays English.
MIN_WORDS = 8
#: Enough text for a firm answer; the rest of a long story adds only time.
_SAMPLE_CHARS = 3000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, title: str | None = None) -> tuple[str, float]:
    """ISO 639-1 code of the article's language and the detector's confidence.

    Returns ``("en", 0.0)`` when the text is too short to judge, and English
    whenever the best guess is not confident enough.
    """
    sample = f"{title or ''}\n{text}"[:_SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return "en", 0.0
    code, probability = _identifier().classify(sample)
    probability = float(probability)
    if code != "en" and probability < MIN_CONFIDENCE:
        return "en", probability
    return str(code), probability
