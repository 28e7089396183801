"""Load the data-driven rules in data/*.toml (actors, topics, cue words), once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from . import fingerprint
from .errors import RulesError


def data_dir() -> Path:
    """data/ in the repository, or CLAIMS_DATA_DIR."""
    return Path(fingerprint.data_dir())


@cache
def load(name: str) -> dict[str, Any]:
    """Parse data/NAME.toml; a missing or malformed file is a RulesError naming the line."""
    path = data_dir() / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError("rules file not found; set CLAIMS_DATA_DIR to the folder holding it", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"malformed TOML ({exc}); fix that line", path) from None


def cues() -> dict[str, Any]:
    return load("cues")


def topics() -> dict[str, Any]:
    return load("topics")


def actors() -> dict[str, Any]:
    return load("actors")


@cache
def roles() -> dict[str, str]:
    """People nouns that name what happened to them ("survivor", "dead", "victim"): noun -> its frame,
    the words both in the people class and in a frame of data/topics.toml."""
    people = set(topics().get("classes", {}).get("people", []))
    return {w: frame for frame, words in topics()["frames"].items() for w in words if w in people}
