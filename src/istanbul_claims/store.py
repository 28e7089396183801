"""The claim store: documents and claims in SQLite, keyed by file sha256 and pipeline version.

Unchanged files are never parsed twice; `claims diff` and `claims check` read claims from here
without importing spaCy. WAL mode and one transaction per document keep concurrent and interrupted
runs consistent.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from . import __version__, rules
from .errors import StoreError
from .models import CLAIMS, Claim, Document

SCHEMA_VERSION = 1
DEFAULT = Path(".claims/claims.db")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline));
CREATE TABLE IF NOT EXISTS claims (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline));
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, documents TEXT NOT NULL);
"""


def store_path(option: Path | None) -> Path:
    return option or Path(os.environ.get("CLAIMS_STORE") or DEFAULT)


def pipeline_version() -> str:
    """Changes whenever the code or any rules file changes, so stale claims are re-extracted."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")) + sorted(rules.data_dir().glob("*.toml")):
        if path.name != "resolutions.toml":
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


class Store:
    def __init__(self, path: Path, create: bool = True):
        self.path = path
        if not create and not path.exists():
            raise StoreError("no claim store yet; run `claims extract PATHS` first, or pass PATHS", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA busy_timeout=30000")
            self.db.executescript(_SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) != SCHEMA_VERSION:
                raise StoreError(f"store schema {row[0]} is not {SCHEMA_VERSION}; delete the file to rebuild it",
                                 path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a claim store ({exc}); delete it or pass another --store", path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cached(self, sha256: str, pipeline: str) -> list[Claim] | None:
        row = self.db.execute("SELECT json FROM claims WHERE sha256=? AND pipeline=?", (sha256, pipeline)).fetchone()
        return CLAIMS.validate_json(row[0]) if row else None

    def put(self, document: Document, claims: list[Claim], pipeline: str) -> None:
        """One transaction per document: a run cut short keeps every document it finished."""
        doc_json = document.model_dump_json()
        claims_json = json.dumps([c.model_dump(mode="json") for c in claims])
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                            (document.sha256, pipeline, document.id, doc_json))
            self.db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?, ?)", (document.sha256, pipeline, claims_json))

    def record_run(self, shas: Iterable[str]) -> None:
        """Mark these documents (by sha256, in order) as the latest `claims extract`."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT INTO runs (documents) VALUES (?)", (json.dumps(list(shas)),))

    def last_run(self) -> tuple[list[Document], list[Claim]]:
        """The documents and claims of the most recent `claims extract`."""
        row = self.db.execute("SELECT documents FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            raise StoreError("the store holds no extraction yet; run `claims extract PATHS` first", self.path)
        docs: list[Document] = []
        claims: list[Claim] = []
        for sha in json.loads(row[0]):
            doc_row = self.db.execute(
                "SELECT d.json, c.json FROM documents d JOIN claims c USING (sha256, pipeline) "
                "WHERE d.sha256=? ORDER BY d.rowid DESC LIMIT 1", (sha,)).fetchone()
            if doc_row:
                docs.append(Document.model_validate_json(doc_row[0]))
                claims.extend(CLAIMS.validate_json(doc_row[1]))
        return docs, claims
