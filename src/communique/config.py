"""Settings: command-line options win over environment variables, which win over the config file.

The config file is ``communique.toml`` in the working directory, or the file
named by ``COMMUNIQUE_CONFIG``::

    [communique]
    model = "en_core_web_lg"   # any installed spaCy English pipeline
    db = "news.db"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import CommuniqueError
from .nlp.pipeline import DEFAULT_MODEL

DEFAULT_DB = "communique.db"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB


def load_settings(path: str | Path | None = None) -> Settings:
    path = Path(path or os.environ.get("COMMUNIQUE_CONFIG") or "communique.toml")
    values: dict[str, str] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise CommuniqueError(f"{path}: not a valid TOML config file ({exc})") from None
        section = data.get("communique", data)
        values = {k: str(v) for k, v in section.items() if k in ("model", "db")}
    for key in ("model", "db"):
        env = os.environ.get(f"COMMUNIQUE_{key.upper()}")
        if env:
            values[key] = env
    return Settings(**values)
