"""The editors' verdicts on contradictions, kept in a TOML file (data/resolutions.toml by default).

Each table is a contradiction id:

    [x-1a2b3c4d5e]
    verdict = "both-reported"          # or "side", "known-discrepancy"
    right = "3f2a..."                  # the claim id that is right, with verdict "side"
    note = "Medinsky and Umerov gave different accounts; both are reported."
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from pathlib import Path

from pydantic import ValidationError

from .errors import ResolutionsError
from .models import Resolution

DEFAULT = Path("data/resolutions.toml")
_ID = re.compile(r"^x-[0-9a-f]{10}$")


def read(path: Path) -> dict[str, Resolution]:
    """Parse the file; a missing file is empty, a malformed one a ResolutionsError with line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ResolutionsError(f"cannot read ({exc}); check the file", path) from None
    return parse(text, path)


def parse(text: str, path: Path) -> dict[str, Resolution]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ResolutionsError(f"malformed TOML: {exc}; fix it or restore it from version control", path) from None
    out: dict[str, Resolution] = {}
    for key, table in data.items():
        if not isinstance(table, dict):
            raise ResolutionsError(f"'{key}' must be a [table] named for a contradiction id", path)
        try:
            out[key] = Resolution(**table)
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ResolutionsError(f"[{key}] {problem}", path) from None
        if out[key].verdict == "side" and not out[key].right:
            raise ResolutionsError(f"[{key}] verdict 'side' needs right = CLAIM_ID", path)
    return out


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _block(cid: str, resolution: Resolution) -> str:
    lines = [f"[{cid}]", f"verdict = {_toml_string(resolution.verdict)}"]
    if resolution.right:
        lines.append(f"right = {_toml_string(resolution.right)}")
    lines.append(f"note = {_toml_string(resolution.note)}")
    return "\n".join(lines) + "\n"


def write(path: Path, cid: str, resolution: Resolution) -> None:
    """Set one verdict, keeping every other line of the file as it was; atomic (temp file, then rename)."""
    if not _ID.match(cid):
        raise ResolutionsError(f"'{cid}' is not a contradiction id (x- and 10 hex digits; see `claims diff`)")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    parse(text, path)  # refuse to build on a broken file
    header = re.compile(rf"^\[{re.escape(cid)}\]\s*$", re.M)
    m = header.search(text)
    block = _block(cid, resolution)
    if m:
        nxt = re.compile(r"^\[", re.M).search(text, m.end())
        end = nxt.start() if nxt else len(text)
        text = text[:m.start()] + block + ("\n" if nxt else "") + text[end:].lstrip("\n") if nxt else \
            text[:m.start()] + block
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else text) + block
    parse(text, path)
    atomic_write(path, text)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so readers see the old file or the new one. The
    result gets the mode `cp` would give it: an existing file keeps its own, a new one 0666 less the
    umask (mkstemp alone would leave 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
