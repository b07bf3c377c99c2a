"""Language detection: other languages are recognised, English and short snippets stay English."""

from __future__ import annotations

import pytest

from communique.ingest.language import detect_language

FRENCH = ("Les ministres des deux pays voisins se sont réunis mardi dans la capitale pour "
          "discuter du passage de la frontière et du traité sur l'eau, selon les responsables.")
GERMAN = ("Die Außenminister der beiden Nachbarländer trafen sich am Dienstag in der Hauptstadt, "
          "um über den Grenzübergang und den Wasservertrag zu sprechen, sagten Beamte.")
SPANISH = ("Los ministros de los dos países vecinos se reunieron el martes en la capital para "
           "hablar del paso fronterizo y del tratado del agua, según dijeron los funcionarios.")
ENGLISH = ("The ministers of the two neighbouring countries met in the capital on Tuesday to "
           "discuss the border crossing and the water treaty, officials said.")


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es")])
def test_language_other_languages_are_recognised(text: str, code: str) -> None:
    assert detect_language(text)[0] == code


def test_language_english_news_is_english() -> None:
    assert detect_language(ENGLISH, title="Neighbours hold border talks")[0] == "en"


def test_language_too_short_to_judge_stays_english() -> None:
    assert detect_language("Merci beaucoup", title="Paris") == ("en", 0.0)
