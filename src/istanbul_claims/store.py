"""The claim store: documents and claims in SQLite, keyed by file sha256 and pipeline version.

Unchanged files are never parsed twice; `claims diff` and `claims check` read claims from here
without importing spaCy. WAL mode and one transaction per document keep concurrent and interrupted
runs consistent.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from pathlib import Path

from . import fingerprint
from .errors import StoreError
from .models import CLAIMS, Claim, Document

SCHEMA_VERSION = 1
DEFAULT = Path(fingerprint.DEFAULT_STORE)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline));
CREATE TABLE IF NOT EXISTS claims (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline));
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, documents TEXT NOT NULL);
-- Printed outputs of read-only commands on the latest run, valid while meta.run_token is unchanged.
CREATE TABLE IF NOT EXISTS renders (key TEXT PRIMARY KEY, token TEXT NOT NULL, output BLOB NOT NULL);
"""


def store_path(option: Path | None) -> Path:
    return Path(fingerprint.store_path(str(option) if option else None))


pipeline_version = fingerprint.pipeline_version


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
        """Mark these documents (by sha256, in order) as the latest `claims extract`. A new run token in
        the same transaction retires every saved render of the previous run."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT INTO runs (documents) VALUES (?)", (json.dumps(list(shas)),))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('run_token', ?)", (uuid.uuid4().hex,))
            self.db.execute("DELETE FROM renders")

    def put_render(self, key: str, token: str, output: bytes) -> None:
        """Save a command's output for the run `token` was read with; ignored if a newer run exists."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            row = self.db.execute("SELECT value FROM meta WHERE key='run_token'").fetchone()
            if row and row[0] == token:
                self.db.execute("INSERT OR REPLACE INTO renders VALUES (?, ?, ?)", (key, token, output))

    def last_run(self) -> tuple[list[Document], list[Claim], str | None]:
        """The documents and claims of the most recent `claims extract`, and its run token, read in one
        transaction so a concurrent extract cannot mix two runs."""
        with self.db:
            self.db.execute("BEGIN")
            row = self.db.execute("SELECT documents FROM runs ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                raise StoreError("the store holds no extraction yet; run `claims extract PATHS` first", self.path)
            token = self.db.execute("SELECT value FROM meta WHERE key='run_token'").fetchone()
            docs: list[Document] = []
            claims: list[Claim] = []
            for sha in json.loads(row[0]):
                doc_row = self.db.execute(
                    "SELECT d.json, c.json FROM documents d JOIN claims c USING (sha256, pipeline) "
                    "WHERE d.sha256=? ORDER BY d.rowid DESC LIMIT 1", (sha,)).fetchone()
                if doc_row:
                    docs.append(Document.model_validate_json(doc_row[0]))
                    claims.extend(CLAIMS.validate_json(doc_row[1]))
        return docs, claims, token[0] if token else None
