"""The project's exceptions. Each message says what to do; only the CLI turns them into exit codes."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_UNRESOLVED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class ClaimsError(Exception):
    """Base class: a problem the user can fix. `exit_code` is what the CLI exits with."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, path: Path | str | None = None):
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(ClaimsError):
    """An article path that cannot be read as text."""


class RulesError(ClaimsError):
    """A data/*.toml rules file that is missing or malformed."""


class ResolutionsError(ClaimsError):
    """A malformed resolutions file, or a resolution that cannot be applied."""


class StoreError(ClaimsError):
    """The claim store is missing, from another version, or unreadable."""


class ClusterError(ClaimsError):
    """The cluster engine cannot run: its extra is not installed, or the cluster is unreachable or mixed."""
