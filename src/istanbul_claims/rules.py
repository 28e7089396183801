"""Load the data-driven rules in data/*.toml (actors, topics, cue words), once per process."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from .errors import RulesError

# The rules live beside the code in the repository (data/), so an editor can change them without
# touching Python; CLAIMS_DATA_DIR points elsewhere, e.g. at a newsroom's own alias table.
_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    override = os.environ.get("CLAIMS_DATA_DIR")
    return Path(override) if override else _REPO_DATA


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
