"""Reading a user's own actors: YAML, CSV and TABARI/PETRARCH ``.actors`` dictionaries.

Users know actors the packaged data does not (a local militia, a ministry, a
company) and many still have the dictionaries they built for TABARI or PETRARCH.
All three formats become :class:`CustomActor` records; the knowledge base lets
their aliases override the packaged readings of the same words.

YAML (a list, or a mapping with an ``actors`` list)::

    actors:
      - name: Jane Smith
        aliases: [Governor Smith]
        person: true
        code: USA
        sector: GOV
        codes:            # optional, codes that change with the date
          - {code: USA, sector: ELI, end: 2019-01-01}
          - {code: USA, sector: GOV, start: 2019-01-01}

CSV: a header with ``name`` and ``code`` and optionally ``aliases`` (|-separated),
``sector``, ``start``, ``end``, ``person`` and ``wikidata``; several rows with the
same name give one actor with several dated codes.

TABARI/PETRARCH: ``NAME_WITH_UNDERSCORES [CODE]`` opens an actor, ``+ALIAS`` lines
add names, ``[CODE DATE]`` may follow on the same or later lines, where DATE is
``>D`` (from D on), ``<D`` (before D) or ``D1-D2`` (D1 to D2 inclusive) and D is
YYYYMMDD or YYMMDD (YY below 50 is 20YY). ``#`` and ``;`` start comments. Codes
are CAMEO-style: three letters of country then a sector (``USAGOV``, ``IGOUNO``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from communique.errors import DataFileError

from .records import CodeSpan, CustomActor
from .tsv import read_text

__all__ = ["read_actors_file", "read_tabari", "split_cameo_code"]

_CODE = re.compile(r"\[\s*([A-Za-z]{3,})\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")
#: PLOVER's international non-state codes, which CAMEO writes after IGO/NGO ("IGOUNO")
_INTERNATIONAL = frozenset(["UNO", "EUR", "NGO", "IGO", "IMG", "MNC", "ISM"])


def read_actors_file(
    path: Path, cameo_sectors: Mapping[str, str] | None = None
) -> list[CustomActor]:
    """Read a user's actors file, choosing the format by its extension.

    ``cameo_sectors`` maps CAMEO sector codes to PLOVER ones (from sectors.tsv) and is
    applied to ``.actors`` dictionaries only, which are written in CAMEO codes.
    """
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _read_yaml(path, text)
    if suffix == ".csv":
        return _read_csv(path, text)
    if suffix in (".actors", ".txt"):
        return read_tabari(text, str(path), cameo_sectors or {})
    raise DataFileError(str(path), 0, "actors file must end in .yaml, .yml, .csv or .actors")


# ---------------------------------------------------------------------- YAML and CSV
def _read_yaml(path: Path, text: str) -> list[CustomActor]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise DataFileError(str(path), line, "not valid YAML") from exc
    if isinstance(data, dict):
        data = data.get("actors")
    if not isinstance(data, list):
        raise DataFileError(str(path), 0, "expected a list of actors (or an 'actors:' list)")
    actors = []
    for n, item in enumerate(data, start=1):
        where = f"{path}: actor {n}"
        if not isinstance(item, dict):
            raise DataFileError(str(path), 0, f"actor {n} is not a mapping")
        name = _text(item.get("name"))
        if not name:
            raise DataFileError(str(path), 0, f"actor {n} has no name")
        spans = [_span(item, where)] if item.get("code") or item.get("sector") else []
        for extra in item.get("codes") or []:
            if not isinstance(extra, dict):
                raise DataFileError(str(path), 0, f"actor {n} ({name}): codes must be mappings")
            spans.append(_span(extra, where))
        if not spans:
            raise DataFileError(str(path), 0, f"actor {n} ({name}) has no code or sector")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = aliases.split("|")
        actors.append(CustomActor(
            name=name,
            aliases=tuple(a for a in (_text(a) for a in aliases) if a),
            codes=tuple(spans),
            person=bool(item.get("person", False)),
            wikidata=_text(item.get("wikidata")) or None,
            source=where,
        ))
    return actors


def _read_csv(path: Path, text: str) -> list[CustomActor]:
    reader = csv.DictReader(text.splitlines())
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if not {"name", "code"} <= fields:
        raise DataFileError(str(path), 1, "CSV header needs at least 'name' and 'code' columns")
    by_name: dict[str, dict[str, Any]] = {}
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not row.get("name"):
            raise DataFileError(str(path), number, "column 'name' is empty")
        where = f"{path}:{number}"
        entry = by_name.setdefault(row["name"], {"aliases": [], "spans": [], "person": False,
                                                 "wikidata": None, "source": where})
        entry["aliases"] += [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        entry["spans"].append(_span(row, where))
        entry["person"] = entry["person"] or row.get("person", "").lower() in ("1", "yes", "true")
        entry["wikidata"] = entry["wikidata"] or row.get("wikidata") or None
    return [
        CustomActor(name, tuple(dict.fromkeys(e["aliases"])), tuple(e["spans"]), e["person"],
                    e["wikidata"], e["source"])
        for name, e in by_name.items()
    ]


def _span(item: Mapping[str, Any], where: str) -> CodeSpan:
    code = _text(item.get("code")).upper() or None
    sector = _text(item.get("sector")).upper() or None
    start, end = _iso(item.get("start"), where), _iso(item.get("end"), where)
    if start and end and end <= start:
        raise DataFileError(where, 0, f"code {code} ends {end} before it starts {start}")
    return CodeSpan(code, sector, start, end)


def _iso(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(where, 0, f"{value!r} is not a YYYY-MM-DD date") from None


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


# ---------------------------------------------------------------------- TABARI / PETRARCH
def read_tabari(text: str, source: str, cameo_sectors: Mapping[str, str]) -> list[CustomActor]:
    """Parse a TABARI/PETRARCH actor dictionary (see the module docstring for the format)."""
    actors: list[CustomActor] = []
    current: dict[str, Any] | None = None

    def close() -> None:
        if current is None:
            return
        if not current["spans"]:
            raise DataFileError(source, current["line"], f"{current['name']!r} has no [CODE]")
        actors.append(CustomActor(current["name"], tuple(current["aliases"]),
                                  tuple(current["spans"]), False, None,
                                  f"{source}:{current['line']}"))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.split(r"[#;]", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        codes = [_tabari_span(m, source, number, cameo_sectors) for m in _CODE.finditer(line)]
        words = _CODE.sub(" ", line).strip()
        if "[" in words or "]" in words:
            raise DataFileError(source, number, f"cannot read the code in {line!r}")
        if words.startswith("+"):
            if current is None:
                raise DataFileError(source, number, "an +alias line before any actor")
            alias = _tabari_name(words[1:])
            if alias:
                current["aliases"].append(alias)
        elif words:
            close()
            current = {"name": _tabari_name(words), "aliases": [], "spans": [], "line": number}
        elif current is None:
            raise DataFileError(source, number, "a [CODE] line before any actor")
        if current is not None:
            current["spans"].extend(codes)
    close()
    return actors


def _tabari_name(words: str) -> str:
    """"BARACK_OBAMA_" -> "Barack Obama": news text is cased, the dictionary is not."""
    name = " ".join(words.replace("_", " ").split())
    return name.title() if name.isupper() else name


def split_cameo_code(raw: str, cameo_sectors: Mapping[str, str]) -> tuple[str, str | None]:
    """"USAGOV" -> ("USA", "GOV"); "IGOUNO" -> ("UNO", None); CAMEO sectors mapped to PLOVER."""
    raw = raw.upper()
    code, rest = raw[:3], raw[3:6] or None
    if code in ("IGO", "NGO") and rest in _INTERNATIONAL:
        return rest, None
    if rest is None:
        return code, None
    return code, cameo_sectors.get(rest, rest)


def _tabari_span(match: re.Match, source: str, line: int,
                 cameo_sectors: Mapping[str, str]) -> CodeSpan:
    code, sector = split_cameo_code(match.group(1), cameo_sectors)
    when = (match.group(2) or "").replace(" ", "")
    start = end = None
    if when.startswith(">"):
        start = _tabari_date(when[1:], source, line)
    elif when.startswith("<"):
        end = _tabari_date(when[1:], source, line)
    elif when:
        first, _, last = when.partition("-")
        start = _tabari_date(first, source, line)
        end = _tabari_date(last, source, line) + timedelta(days=1)  # D2 is the last day
        if end <= start:
            raise DataFileError(source, line, f"date range {when} ends before it starts")
    return CodeSpan(code, sector, start, end)


def _tabari_date(digits: str, source: str, line: int) -> date:
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy < 50 else 1900 + yy}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        problem = f"{digits!r} is not a date (YYYYMMDD or YYMMDD)"
        raise DataFileError(source, line, problem) from None
