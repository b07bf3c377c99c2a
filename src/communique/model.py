"""The data model every stage passes along.

Sources yield :class:`Article` records; the NLP stages add :class:`Sentence`,
:class:`Actor`, :class:`Event` and :class:`Quote` records and bundle them in an
:class:`AnalyzedArticle`; the store writes those and reads them back. Plain
dataclasses keep the stages decoupled: nothing here knows about spaCy, SQLite
or the CLI, so a Spark job or an HTTP handler can pass the same objects.

Offsets are character offsets into the article's ``text`` (or ``title`` when
``section == "title"``): Python ``str`` indices, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Actor",
    "AnalyzedArticle",
    "Article",
    "Event",
    "Place",
    "Quote",
    "Sentence",
    "content_hash",
]

_WS = re.compile(r"\s+")


def content_hash(text: str, title: str | None = None) -> str:
    """Hash of what a reader would call "the same story".

    Unicode-normalised and whitespace-collapsed, so a page re-scraped with
    different line wrapping or NBSPs is recognised as unchanged.
    """
    norm = unicodedata.normalize("NFKC", f"{title or ''}\n{text}")
    norm = _WS.sub(" ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news story as a source delivered it, cleaned of site chrome.

    ``source`` says where it came from (a path, a URL, ``<stdin>``) and
    ``source_format`` how it was read (``html``, ``txt``, ``jsonl``, ``text``);
    together with ``url`` they are the provenance every event points back to.
    """

    text: str
    source: str
    source_format: str
    story_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    pub_date: date | None = None
    pub_date_source: str | None = None  # metadata, url, jsonl, user, ...
    language: str = "en"
    republished_from: str | None = None  # URL of the original when this is a copy
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        # Asked for several times on the way to the store; remembered for as long as the
        # text and title are the very same objects.
        memo = self.__dict__.get("_content_hash")
        if memo is None or memo[0] is not self.text or memo[1] is not self.title:
            memo = (self.text, self.title, content_hash(self.text, self.title))
            self.__dict__["_content_hash"] = memo
        return memo[2]

    @property
    def id(self) -> str:
        """A stable id: the source's own id when given, else one derived from the content."""
        return self.story_id or self.content_hash[:16]


@dataclass
class Sentence:
    """A sentence of the title or text, numbered in reading order (title first)."""

    sequence: int
    start: int
    end: int
    text: str
    section: str = "text"  # "title" or "text"


@dataclass
class Actor:
    """A mention of an actor, resolved as far as the knowledge base allows.

    Field names follow the PLOVER manual's actor objects. ``code`` is an
    ISO 3166 alpha-3 country code or an organisation code (``IGO``, ``NGO``,
    ``UNO`` ...); ``sector`` a PLOVER/CAMEO agent code (``GOV``, ``MIL`` ...);
    ``identifier_id`` a Wikidata id when we are sure of it.
    """

    entity_text: str
    code: str | None = None
    sector: str | None = None
    identifier_id: str | None = None
    identifier_text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_plover(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "code": self.code,
            "sector": self.sector,
            "identifier_id": self.identifier_id,
            "identifier_text": self.identifier_text,
        }


#: PLOVER's location ``resolution`` codes for our precisions.
_RESOLUTION = {"city": 4, "region": 2, "country": 1}


@dataclass
class Place:
    """Where an event happened, geocoded offline, and how sure we are of it.

    ``country_code`` is ISO 3166-1 alpha-3, like actor codes, so events can be
    joined to their actors' countries. ``precision`` says what the coordinates
    mean: ``city`` (a populated place), ``region`` (a province, river, sea, bridge
    or border area: coordinates may be empty) or ``country``. ``found_by`` says
    where the name came from: the event's ``clause``, the article's ``dateline``,
    the speaking ``actor``'s country (statements only), or the places the
    ``article`` mentions most.
    """

    name: str
    text: str
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None  # GeoNames feature class: P, A, H, S, L ...
    feature_code: str | None = None  # GeoNames feature code: PPLC, PCLI, ADM1, STM ...
    geonameid: int | None = None
    precision: str = "country"  # city, region, country
    found_by: str = "clause"  # clause, dateline, actor, article

    def to_plover(self) -> dict[str, Any]:
        """PLOVER's location object (manual, "Location object"), plus how it was found."""
        return {
            "extracted_place": self.text,
            "resolved_place": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "city": self.name if self.precision == "city" else None,
            "district": None,
            "province": self.admin1,
            "country": self.country,
            "country_code": self.country_code,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "resolution": _RESOLUTION.get(self.precision),
            "precision": self.precision,
            "found_by": self.found_by,
        }


@dataclass
class Event:
    """Who did what to whom: one coded event mention, with its evidence.

    ``event_type``/``mode``/``context`` are PLOVER; ``cameo``, ``goldstein``
    and ``quad_code`` the CAMEO coding of the same mention. ``sentence`` is the
    evidence and ``trigger_start``/``trigger_end`` the words that carry the
    action, both as offsets into the sentence's section.
    """

    event_type: str
    actor: list[Actor]
    recipient: list[Actor]
    cameo: str
    goldstein: float
    quad_code: int
    event_text: str
    sentence: Sentence
    trigger_start: int
    trigger_end: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: date | None = None
    date_text: str | None = None
    date_precision: str | None = None  # day, week, month, year
    story_id: str | None = None
    id: str | None = None
    place: Place | None = None

    def to_plover(self) -> dict[str, Any]:
        """The event as a PLOVER JSON object (field names from the PLOVER manual)."""
        return {
            "id": self.id,
            "story_id": self.story_id,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "actor": [a.to_plover() for a in self.actor],
            "recipient": [a.to_plover() for a in self.recipient],
            "event": [self.event_type],
            "mode": self.mode or "",
            "context": list(self.context),
            "cameo": self.cameo,
            "event_scale": self.goldstein,
            "quad_code": self.quad_code,
            "event_text": self.event_text,
            "event_loc": self.place.to_plover() if self.place else None,
            "text": self.sentence.text,
            "text_info": {
                "sequence": self.sentence.sequence,
                "section": self.sentence.section,
                "start": self.sentence.start,
                "end": self.sentence.end,
                "trigger_start": self.trigger_start,
                "trigger_end": self.trigger_end,
            },
        }


@dataclass
class Quote:
    """Who said what: a quotation with its speaker and the words that introduce it.

    ``type`` is ``direct`` (the words inside quotation marks), ``mixed`` (a
    quoted fragment inside reported speech) or ``indirect``. Offsets cover the
    quoted words in the section named by ``section``.
    """

    quote_text: str
    type: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None
    addressee: Actor | None = None
    section: str = "text"
    sequence: int | None = None
    date: date | None = None
    story_id: str | None = None
    id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "quote",
            "id": self.id,
            "story_id": self.story_id,
            "speaker": self.speaker.to_plover() if self.speaker else None,
            "quote_text": self.quote_text,
            "cue": self.cue,
            "type": self.type,
            "addressee": self.addressee.to_plover() if self.addressee else None,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class AnalyzedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: The text's MinHash signature when computed ahead (by a worker process), so that
    #: the single writer does not have to; None: the store computes it.
    signature: Any = field(default=None, repr=False, compare=False)


def to_dict(obj: Any) -> dict[str, Any]:
    """Plain-dict view of any model object (dates stay ``date`` objects)."""
    return asdict(obj)
