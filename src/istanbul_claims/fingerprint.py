"""Cheap, standard-library-only facts about the installation: where the rules live, the pipeline
version, the default store."""

from __future__ import annotations

import hashlib
import os

from . import __version__

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
# The rules live beside the code in the repository (data/), so an editor can change them without
# touching Python; CLAIMS_DATA_DIR points elsewhere, e.g. at a newsroom's own alias table.
_REPO_DATA = os.path.join(os.path.dirname(os.path.dirname(_PACKAGE)), "data")
DEFAULT_STORE = os.path.join(".claims", "claims.db")


def data_dir() -> str:
    return os.environ.get("CLAIMS_DATA_DIR") or _REPO_DATA


def pipeline_version() -> str:
    """Changes whenever the code or any rules file changes, so stale claims are re-extracted."""
    h = hashlib.sha256(__version__.encode())
    files = sorted(os.path.join(root, name) for root, _, names in os.walk(_PACKAGE)
                   for name in names if name.endswith(".py"))
    rules = data_dir()
    if os.path.isdir(rules):
        files += sorted(os.path.join(rules, name) for name in os.listdir(rules)
                        if name.endswith(".toml") and name != "resolutions.toml")
    for path in files:
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


def store_path(option: str | None = None) -> str:
    return option or os.environ.get("CLAIMS_STORE") or DEFAULT_STORE
