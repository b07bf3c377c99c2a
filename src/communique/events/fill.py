"""What an event's own words leave out but its setting supplies.

Default targets: a protest with no stated target is directed at the protesters' own
government, and curfews, bans and arrests by a state with no named target fall on its own
people (as PLOVER's gold records code domestic events); so does a threat to impose such
measures ("is prepared to impose martial law"). Measures imposed or eased *in a place*
("reimposed blockades in the West Bank", "eased emergency rule in the province") fall on the
people of that place, whoever imposes them.

The same holds for the rest of domestic politics when the sentence names no other party.
An opposition party, a union, rebels or students who demand, refuse, threaten or give way
("the opposition demanded early elections", "rebels threatened to resume fighting", "the
union called off its strike") are dealing with their own government: that is who can grant
or refuse what they want. A state organ that gives way on, or refuses, domestic political
matters (CAMEO's easing of restrictions, bans, curfews and dissent, acceding to or rejecting
demands for reform: "the court allowed the opposition candidate to run", "the president
refused to resign") does so towards its own country. A country named on its own ("Hungary
vetoed the package") acts abroad as often as at home, and agreements, consultations,
support and accusations have no party by default, so none is supplied for them; nor when the
sentence names any foreign country or international body, who may well be the party meant.

Actors known only by sector ("protesters", "students") take the country of the state agent
acting on them, or of the one country the event names (:func:`fill_country`).

Codes that only the event's place can give:

"A car bomb killed 12 people in Beirut", "three men were arrested in Moscow": an attack or
coercion whose author the text does not name is coded to the country where it happened (its
sector left unknown), as the PLOVER gold records code such events; only a place named in the
event's own clause counts. People it happened to who are known only by what they are ("a
journalist", "two farmers") take that country too.

"Prisoners rioted at a jail in Dili", "hundreds of thousands of people blocked streets in Hong
Kong": the actor is known by what it is (or by a name the knowledge base lacks), and the
country comes from where it acted. This runs after places are found, so it uses the place the
event's own clause (or the article's dateline) names, never a guess from the article at large.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..actors.kb import default_kb
from ..model import Actor, Event

_TRUSTED = ("clause", "dateline")
#: Sectors that act for a state at home.
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP"}
#: The state's own organs.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Parties of a country's society whose dealings without a named party are with their own
#: government (not: unidentified gunmen, criminals, refugees, who are often abroad).
CITIZEN_SECTORS = frozenset({"OPP", "PTY", "REB", "CVL", "LAB", "EDU", "AGR", "REL", "BUS",
                             "JRN", "MED", "HLH", "ELI", "SOC"})
#: Types whose unaddressed act by citizens is aimed at their own government.
_CITIZEN_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "CONCEDE"})
#: CAMEO codes of a state's concessions or refusals on domestic political matters: easing
#: restrictions, bans, curfews and dissent, and demands for reform of leadership, rights or
#: institutions. Policy changes (0832, 1232) and unspecified yielding (080) are left out:
#: they concern foreign parties as often as the state's own people.
_STATE_DOMESTIC_CODES = ("081", "082", "083", "123", "1241", "1242")
_NOT_DOMESTIC_CODES = ("0832", "1232")
#: Entity labels that may name a foreign party.
_PARTY_LABELS = {"GPE", "NORP", "ORG", "LOC", "FAC"}
#: Words that mark people as not of the country around them ("foreign journalists").
_FOREIGN_WORDS = {"foreign", "overseas", "expatriate", "expat", "international"}

#: CAMEO codes of measures that fall on the people where they are imposed or eased:
#: coercion (17, blockades 191), threats of administrative measures (132), easing them (081).
_PLACED_MEASURES = ("17", "191", "132", "081")
#: Plural nouns that name several states at once.
_MANY_STATES = {"governments", "countries", "states", "nations"}
#: Types whose act is coded to the country where it happened when the text names no author.
_UNNAMED_AUTHOR_TYPES = frozenset({"ASSAULT", "COERCE"})


def home_target(event_type: str, actors: list[Actor], countries: frozenset[str],
                cameo: str = "", named: Callable[[], Iterable[str]] | None = None
                ) -> list[Actor]:
    """The recipient an event of this type has when the text names none (see above).

    ``named`` gives the codes of the parties the sentence names; it is called only when the
    domestic-politics rule would apply, to check that no foreign party is named. Without it
    that rule does not apply, as nothing can be checked.
    """
    if event_type == "THREATEN" and cameo.startswith("132"):
        event_type = "COERCE"  # a threatened curfew or martial law falls where a real one does
    if event_type == "PROTEST":
        home, sector = {a.code for a in actors if a.code in countries}, "GOV"
    elif event_type == "COERCE":
        home = {a.code for a in actors if a.code in countries and a.sector in DOMESTIC_SECTORS}
        sector = "CVL"
    else:
        return _domestic_target(event_type, actors, countries, cameo, named)
    if len(home) != 1:
        return []
    (country,) = home
    return [Actor(entity_text=country, code=country, sector=sector)]


def _domestic_target(event_type: str, actors: list[Actor], countries: frozenset[str],
                     cameo: str, named: Callable[[], Iterable[str]] | None) -> list[Actor]:
    """Own government for citizens' demands, refusals, threats and concessions; own country
    for a state organ's concessions and refusals on domestic politics (see above)."""
    home = {a.code for a in actors}
    if named is None or not actors or len(home) != 1 or not home <= countries:
        return []
    sectors = {a.sector for a in actors}
    if event_type in _CITIZEN_TYPES and sectors <= CITIZEN_SECTORS:
        sector = "GOV"
    elif (event_type in ("CONCEDE", "REJECT") and sectors <= STATE_SECTORS
          and cameo.startswith(_STATE_DOMESTIC_CODES)
          and not cameo.startswith(_NOT_DOMESTIC_CODES)):
        sector = "CVL"
    else:
        return []
    (country,) = home
    if any(code and code != country for code in named()):
        return []
    return [Actor(entity_text=country, code=country, sector=sector)]


def named_codes(ents: Iterable) -> set[str]:
    """The country and organisation codes of the named entities of a sentence ("Iranian",
    "the U.N.", "NATO"), looked up in the knowledge base without touching any article's
    memory of who was named."""
    kb = default_kb()
    codes: set[str] = set()
    for ent in ents:
        if ent.label_ not in _PARTY_LABELS:
            continue
        name = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
        for entry in kb.lookup(name.text):
            code = getattr(entry.ref, "actor_code", None) or getattr(entry.ref, "code", None)
            if entry.kind in ("country", "adjective", "seat", "org", "group") and code:
                codes.add(code)
    return codes


def is_foreign(actor: Actor) -> bool:
    """ "Foreign journalists", "international observers": people the text marks as not of
    the country where they are, whom no state in the sentence should lend its code."""
    return any(w in _FOREIGN_WORDS for w in actor.entity_text.lower().split())


def fill_country(actors: list[Actor], recipients: list[Actor], countries: frozenset[str],
                 event_type: str | None = None) -> None:
    """Give a country to actors known only by sector ("protesters", "students").

    News codes such people with the country they are in: that of the state agent
    acting on them ("Turkish police ... students" -> TUR), or else the one country
    the event names. With several countries in play we leave the code empty, and a body
    that is not a state ("U.N. helicopters evacuated civilians") gives its code to nobody.
    The target of a protest says nothing of where the protesters are ("prisoners in Dili
    rioted against Indonesian rule", "crowds in Hong Kong marched against Beijing"): their
    country is left to the place of the event (:func:`codes_from_places`).
    """
    pool = recipients if event_type == "PROTEST" else actors + recipients
    missing = [a for a in pool if not a.code and a.sector and not is_foreign(a)]
    if not missing:
        return
    states = {a.code for a in actors + recipients if a.code and a.sector in DOMESTIC_SECTORS}
    if len(states) != 1:
        named = {a.code for a in actors + recipients if a.code}
        states = named if len(named) == 1 and named <= countries else set()
    if len(states) == 1:
        code = next(iter(states))
        for a in missing:
            if a.sector == "GOV" and any(a is x for x in actors) and any(
                    o.code == code and o.sector in (None, "GOV") for o in recipients):
                # "the president welcomed the South African leader", "the minister broke
                # his promise to Ghana": a government acting on another state or its
                # government is most often not of that state.
                continue
            a.code = code

def _many_states(actor: Actor) -> bool:
    """ "Governments", "countries": several states, whom no one place can give a code."""
    return any(w in _MANY_STATES for w in actor.entity_text.lower().split())


def codes_from_places(events: list[Event], countries: frozenset[str]) -> None:
    """Give uncoded actors and recipients the country of the place their event happened in,
    an attack or coercion by no named actor in a place its own clause names that country as
    actor, and measures imposed or eased in such a place a recipient there (see above)."""
    for event in events:
        _codes_from_place(event, countries)
        if event.event_type == "PROTEST":
            # no place settled the protesters: those of the one state in play, as for others
            fill_country(event.actor, event.recipient, countries)


def _codes_from_place(event: Event, countries: frozenset[str]) -> None:
    place = event.place
    if place is None or place.found_by not in _TRUSTED or place.country_code not in countries:
        return
    if (not event.actor and place.found_by == "clause"
            and event.event_type in _UNNAMED_AUTHOR_TYPES):
        # "a car bomb killed 12 in Beirut": the attack is coded to the country it
        # happened in, its author's kind left unknown.
        event.actor = [Actor(entity_text=place.text, code=place.country_code)]
    filled = False
    for actor in event.actor:
        if not actor.code:
            actor.code = place.country_code
            filled = True
    for recipient in event.recipient:
        # "a journalist was killed in Beirut": people known by what they are belong to
        # the country where it happened to them.
        if (not recipient.code and recipient.sector and not is_foreign(recipient)
                and not _many_states(recipient)):
            recipient.code = place.country_code
    if filled and not event.recipient:
        event.recipient = home_target(event.event_type, event.actor, countries, event.cameo)
    if (not event.recipient and place.found_by == "clause"
            and (event.cameo or "").startswith(_PLACED_MEASURES)):
        code = place.country_code
        event.recipient = [Actor(entity_text=code, code=code, sector="CVL")]
