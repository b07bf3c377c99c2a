"""Codes that only the event's place can give.

"Prisoners rioted at a jail in Dili", "hundreds of thousands of people blocked streets in Hong
Kong": the actor is known by what it is (or by a name the knowledge base lacks), and the
country comes from where it acted. This runs after places are found, so it uses the place the
event's own clause (or the article's dateline) names, never a guess from the article at large.
"""

from __future__ import annotations

from ..model import Actor, Event

_TRUSTED = ("clause", "dateline")


def codes_from_places(events: list[Event], countries: frozenset[str]) -> None:
    """Give uncoded actors the country of the place their event happened in."""
    for event in events:
        place = event.place
        if place is None or place.found_by not in _TRUSTED or place.country_code not in countries:
            continue
        filled = False
        for actor in event.actor:
            if not actor.code:
                actor.code = place.country_code
                filled = True
        if filled and event.event_type == "PROTEST" and not event.recipient:
            # As the coder does for protests by coded actors: against their own government.
            event.recipient = [Actor(entity_text=place.country_code, code=place.country_code,
                                     sector="GOV")]
