"""The `claims` entry point. A plain `claims diff` on stored claims is answered from the render the
last identical call saved in the store, importing only the standard library; anything else, or any
miss, runs the full command line."""

from __future__ import annotations

import os
import sys

from . import fingerprint

_OPTIONS = {"--topic": "topic", "-t": "topic", "--format": "format", "-f": "format", "--store": "store",
            "--resolutions": "resolutions"}
DEFAULT_RESOLUTIONS = os.path.join("data", "resolutions.toml")


def parse(argv: list[str]) -> dict[str, str | None] | None:
    """Options of `diff` with no PATHS and only the options above; None for anything else."""
    if not argv or argv[0] != "diff":
        return None
    opts: dict[str, str | None] = {"topic": None, "format": "table", "store": None, "resolutions": None}
    args = argv[1:]
    i = 0
    while i < len(args):
        name, _, value = args[i].partition("=")
        if name not in _OPTIONS:
            return None
        if not value:
            if i + 1 >= len(args):
                return None
            value = args[i + 1]
            i += 1
        opts[_OPTIONS[name]] = value
        i += 1
    return opts if opts["format"] in ("table", "json", "markdown") else None


def key_for(opts: dict[str, str | None]) -> tuple[str, str]:
    """(store path, render key) for these options on this terminal."""
    tty = sys.stdout.isatty()
    try:
        width = os.get_terminal_size(sys.stdout.fileno()).columns if tty else 0
    except OSError:
        width = 0
    resolutions = opts["resolutions"] or DEFAULT_RESOLUTIONS
    shown = {"topic": opts["topic"], "format": opts["format"]}
    return fingerprint.store_path(opts["store"]), fingerprint.render_key("diff", shown, resolutions, tty, width)


def cached(store: str, key: str) -> bytes | None:
    if not os.path.exists(store):
        return None
    import sqlite3

    uri = "file:" + store.replace("%", "%25").replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=0.5)
        try:
            row = db.execute("SELECT r.output FROM renders r JOIN meta m ON m.key = 'run_token' "
                             "AND r.token = m.value WHERE r.key = ?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def main() -> None:
    opts = parse(sys.argv[1:])
    if opts is not None:
        output = cached(*key_for(opts))
        if output is not None:
            sys.stdout.buffer.write(output)
            sys.stdout.flush()
            return
    from .cli import run

    run()
