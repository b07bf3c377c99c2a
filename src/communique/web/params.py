"""Query parameters shared by the API and the pages: the CLI's filters, by the CLI's names.

Declared once as FastAPI dependencies so every endpoint validates them the same
way and the OpenAPI schema documents each one.
"""

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query, Request

from communique.store import Store

__all__ = ["EventQuery", "PageQuery", "QuoteQuery", "ArticleQuery", "store_of"]

Text = Annotated[str | None, Query(max_length=200)]
# Empty values are allowed everywhere: an HTML form sends its blank fields.
DateText = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                       description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")]


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


@dataclass
class EventQuery:
    """Event filters: actor/recipient take a code (CHN) or a name ("Xi Jinping"); party is a
    code on either side; country and place say where the event happened."""

    actor: Text = None
    recipient: Text = None
    dyad: Annotated[str | None, Query(max_length=200,
                                      description="ACTOR-RECIPIENT, e.g. CHN-JPN")] = None
    type: Annotated[str | None, Query(max_length=40, description="PLOVER event type")] = None
    quad: Annotated[str | None, Query(pattern="^[1-4]?$",
                                      description="CAMEO quad class 1-4")] = None
    context: Text = None
    party: Annotated[str | None, Query(max_length=40,
                                       description="code of either actor or recipient")] = None
    country: Annotated[str | None, Query(
        max_length=60, description="country where the event happened: code (UKR) or name; "
                                   "as `communique events --country`")] = None
    place: Text = None
    outlet: Text = None
    search: Text = None
    article: Text = None
    since: DateText = None
    until: DateText = None

    def filters(self) -> dict[str, Any]:
        out = {"actor": self.actor, "recipient": self.recipient, "dyad": self.dyad,
               "event_type": self.type, "quad": int(self.quad) if self.quad else None,
               "context": self.context, "party": self.party, "country": self.country,
               "place": self.place, "outlet": self.outlet,
               "search": self.search, "article": self.article, "date_from": self.since,
               "date_to": self.until}
        return {k: v for k, v in out.items() if v not in (None, "")}

    def query(self) -> dict[str, Any]:
        """The same filters under their URL names, for building links."""
        return {k: v for k, v in vars(self).items() if v not in (None, "")}


@dataclass
class QuoteQuery:
    speaker: Text = None
    search: Annotated[str | None, Query(max_length=200,
                                        description="full-text (FTS5) query")] = None
    outlet: Text = None
    article: Text = None
    since: DateText = None
    until: DateText = None

    def filters(self) -> dict[str, Any]:
        out = {"speaker": self.speaker, "search": self.search, "outlet": self.outlet,
               "article": self.article, "date_from": self.since, "date_to": self.until}
        return {k: v for k, v in out.items() if v not in (None, "")}

    def query(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v not in (None, "")}


@dataclass
class ArticleQuery:
    search: Annotated[str | None, Query(max_length=200,
                                        description="full-text (FTS5) query")] = None
    outlet: Text = None
    since: DateText = None
    until: DateText = None

    def filters(self) -> dict[str, Any]:
        out = {"search": self.search, "outlet": self.outlet, "date_from": self.since,
               "date_to": self.until}
        return {k: v for k, v in out.items() if v not in (None, "")}

    def query(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v not in (None, "")}


@dataclass
class PageQuery:
    limit: Annotated[int, Query(ge=1, le=1000)] = 50
    cursor: Annotated[str | None, Query(max_length=200)] = None
    order: Literal["asc", "desc"] = "asc"
    format: Literal["json", "csv", "jsonl"] = "json"
