"""Consistency checks for the knowledge-base files, beyond what loading checks.

Loading rejects rows that cannot be read (wrong column count, bad dates). This
module checks what makes the data *wrong*: unknown codes, terms that end before
they start, two people holding the same office on the same day, malformed
Wikidata ids, one id given to two entities, one alias naming two countries.
Run it after editing the data::

    python -m communique.actors.validate [DATA_DIR]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from communique.errors import CommuniqueError

from .kb import DATA_DIR, KnowledgeBase

__all__ = ["PLOVER_ACTOR_CODES", "main", "validate", "validate_kb"]

#: PLOVER's international non-state "country" codes
PLOVER_ACTOR_CODES = frozenset(["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"])
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q\d+$")
_STATUSES = frozenset(["un_member", "un_observer", "state", "territory"])


def validate(data_dir: Path | None = None) -> list[str]:
    """Load ``data_dir`` (default: packaged data) and return every problem found."""
    return validate_kb(KnowledgeBase.load(data_dir))


def validate_kb(kb: KnowledgeBase) -> list[str]:
    """Every consistency problem of a loaded knowledge base, one line each."""
    problems: list[str] = []
    problems += _check_countries(kb)
    sectors = set(kb.sectors)
    for code in kb.sectors:
        if not _ALPHA3.match(code):
            problems.append(f"sectors: code {code!r} is not three capital letters")
    for title in kb.titles:
        if title.sector and title.sector not in sectors:
            problems.append(f"titles: {title.title!r} has unknown sector {title.sector!r}")
    for org in kb.organizations.values():
        # A party, union or national society belongs to one country and carries its code.
        if org.code not in PLOVER_ACTOR_CODES and org.code not in kb.countries:
            problems.append(f"organizations: {org.key} code {org.code!r} is neither a PLOVER "
                            "non-state code nor a country")
        if org.sector and org.sector not in sectors:
            problems.append(f"organizations: {org.key} has unknown sector {org.sector!r}")
        if org.parent and org.parent not in kb.organizations:
            problems.append(f"organizations: {org.key} has unknown parent {org.parent!r}")
        problems += _check_qid("organizations", org.key, org.wikidata)
    for group in kb.groups.values():
        if group.code not in kb.countries and group.code not in PLOVER_ACTOR_CODES:
            problems.append(f"armed_groups: {group.key} has unknown code {group.code!r}")
        if group.home and group.home not in kb.countries:
            problems.append(f"armed_groups: {group.key} has unknown home {group.home!r}")
        if group.sector not in sectors:
            problems.append(f"armed_groups: {group.key} has unknown sector {group.sector!r}")
        problems += _check_qid("armed_groups", group.key, group.wikidata)
    for person in kb.people.values():
        if person.country not in kb.countries:
            problems.append(f"people: {person.key} has unknown country {person.country!r}")
        if person.sector not in sectors:
            problems.append(f"people: {person.key} has unknown sector {person.sector!r}")
        problems += _check_qid("people", person.key, person.wikidata)
    problems += _check_terms(kb)
    for code, (part_of, _) in kb.successions.items():
        if code not in kb.countries or part_of not in kb.countries:
            problems.append(f"successions: {code} -> {part_of} names an unknown country")
    problems += _check_transnational(kb)
    problems += _check_unique_ids(kb)
    return problems


def _check_transnational(kb: KnowledgeBase) -> list[str]:
    """Generic non-state phrases carry a generic code; the UN and EU are named bodies."""
    problems = []
    for code, sector, _, line in kb.transnational_rows:
        if code not in PLOVER_ACTOR_CODES or code in ("UNO", "EUR"):
            problems.append(f"transnational: line {line} code {code!r} is not a generic "
                            "PLOVER non-state code (IGO, NGO, ISM, IMG, MNC)")
        if sector not in kb.sectors:
            problems.append(f"transnational: line {line} has unknown sector {sector!r}")
    return problems


def _check_unique_ids(kb: KnowledgeBase) -> list[str]:
    """One Wikidata id names one entity: two rows with the same id are a copy-paste slip."""
    problems = []
    owners: dict[str, str] = {}
    rows = [("people", p.key, p.wikidata) for p in kb.people.values()]
    rows += [("organizations", o.key, o.wikidata) for o in kb.organizations.values()]
    rows += [("armed_groups", g.key, g.wikidata) for g in kb.groups.values()]
    for table, key, qid in rows:
        if not qid:
            continue
        if qid in owners:
            problems.append(f"{table}: {key} has Wikidata id {qid} of {owners[qid]} too")
        owners.setdefault(qid, f"{table} {key}")
    return problems


def _check_qid(table: str, key: str, qid: str | None) -> list[str]:
    if qid and not _QID.match(qid):
        return [f"{table}: {key} Wikidata id {qid!r} does not look like Q<digits>"]
    return []


def _check_countries(kb: KnowledgeBase) -> list[str]:
    problems = []
    for country in kb.countries.values():
        if not _ALPHA3.match(country.code):
            problems.append(f"countries: code {country.code!r} is not three capital letters")
        if country.actor_code not in kb.countries:
            problems.append(f"countries: {country.code} folds into unknown {country.actor_code!r}")
        if country.status not in _STATUSES:
            problems.append(f"countries: {country.code} has unknown status {country.status!r}")
        for _, sector in country.seats:
            if sector not in kb.sectors:
                problems.append(f"countries: {country.code} seat has unknown sector {sector!r}")
    members = sum(c.status == "un_member" for c in kb.countries.values())
    if members != 193:
        problems.append(f"countries: {members} UN members listed, the UN has 193")
    for key, entries in kb.names.items():
        codes = {
            e.ref.actor_code for e in entries if e.kind in ("country", "adjective", "seat")
        }
        if len(codes) > 1:
            problems.append(f"countries: {key!r} names more than one country: {sorted(codes)}")
    return problems


def _check_terms(kb: KnowledgeBase) -> list[str]:
    problems = []
    offices = {t.office for t in kb.titles if t.office}
    by_office = defaultdict(list)
    for term in kb.terms:
        where = f"offices: line {term.line}"
        if term.person not in kb.people:
            problems.append(f"{where}: unknown person {term.person!r}")
        if term.office not in offices:
            problems.append(f"{where}: unknown office {term.office!r}")
        if kb.body_code(term.body) is None:
            problems.append(f"{where}: unknown body {term.body!r}")
        if term.sector and term.sector not in kb.sectors:
            problems.append(f"{where}: unknown sector {term.sector!r}")
        if term.end is not None and term.end <= term.start:
            problems.append(f"{where}: ends {term.end} before it starts {term.start}")
        by_office[(term.office, term.body)].append(term)
    for (office, body), terms in by_office.items():
        terms.sort(key=lambda t: t.start)
        for prev, nxt in zip(terms, terms[1:], strict=False):
            if prev.end is None or nxt.start < prev.end:
                problems.append(
                    f"offices: line {nxt.line}: {nxt.person} takes {office} of {body} on "
                    f"{nxt.start} while {prev.person} (line {prev.line}) still holds it"
                )
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print the problems of a data directory; exit status 1 when there are any."""
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else DATA_DIR
    try:
        problems = validate(data_dir)
    except CommuniqueError as exc:
        print(f"communique: error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
