"""What an event's own words leave out but its setting supplies.

Default targets: a protest with no stated target is directed at the protesters' own
government, and curfews, bans and arrests by a state with no named target fall on its own
people (as PLOVER's gold records code domestic events); so does a threat to impose such
measures ("is prepared to impose martial law"). Measures imposed or eased *in a place*
("reimposed blockades in the West Bank", "eased emergency rule in the province") fall on the
people of that place, whoever imposes them.

Codes that only the event's place can give:

"Prisoners rioted at a jail in Dili", "hundreds of thousands of people blocked streets in Hong
Kong": the actor is known by what it is (or by a name the knowledge base lacks), and the
country comes from where it acted. This runs after places are found, so it uses the place the
event's own clause (or the article's dateline) names, never a guess from the article at large.
"""

from __future__ import annotations

from ..model import Actor, Event

_TRUSTED = ("clause", "dateline")
#: Sectors that act for a state at home.
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP"}


#: CAMEO codes of measures that fall on the people where they are imposed or eased:
#: coercion (17, blockades 191), threats of administrative measures (132), easing them (081).
_PLACED_MEASURES = ("17", "191", "132", "081")


def home_target(event_type: str, actors: list[Actor], countries: frozenset[str],
                cameo: str = "") -> list[Actor]:
    """The recipient an event of this type has when the text names none (see above)."""
    if event_type == "THREATEN" and cameo.startswith("132"):
        event_type = "COERCE"  # a threatened curfew or martial law falls where a real one does
    if event_type == "PROTEST":
        home, sector = {a.code for a in actors if a.code in countries}, "GOV"
    elif event_type == "COERCE":
        home = {a.code for a in actors if a.code in countries and a.sector in DOMESTIC_SECTORS}
        sector = "CVL"
    else:
        return []
    if len(home) != 1:
        return []
    (country,) = home
    return [Actor(entity_text=country, code=country, sector=sector)]


def codes_from_places(events: list[Event], countries: frozenset[str]) -> None:
    """Give uncoded actors the country of the place their event happened in, and measures
    imposed or eased in a place named by their own clause a recipient there (see above)."""
    for event in events:
        place = event.place
        if place is None or place.found_by not in _TRUSTED or place.country_code not in countries:
            continue
        filled = False
        for actor in event.actor:
            if not actor.code:
                actor.code = place.country_code
                filled = True
        if filled and not event.recipient:
            event.recipient = home_target(event.event_type, event.actor, countries, event.cameo)
        if (not event.recipient and place.found_by == "clause"
                and (event.cameo or "").startswith(_PLACED_MEASURES)):
            code = place.country_code
            event.recipient = [Actor(entity_text=code, code=code, sector="CVL")]
