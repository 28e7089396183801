"""The claim store: documents and claims in SQLite, keyed by file sha256 and pipeline version.

Unchanged files are never parsed twice; `claims diff` and `claims check` read claims from here
without importing spaCy. WAL mode and one transaction per document keep concurrent and interrupted
runs consistent. Claims are stored one JSON array per document and kind, so a command reads only the
kinds it uses (a diff compares figures and proposals, which are a fifth of the rows) in one
validation call over one array. What a diff needs of the other kinds is stored beside them: each
document's event labels and the names of its actors (which tell stories apart), and with each run the
names merged across its corpus.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import TypeAdapter

from . import fingerprint
from .errors import StoreError
from .models import CLAIMS, Claim, Document

log = logging.getLogger(__name__)

_OPEN_WAIT_S = 30.0


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)

# 2: claims split by kind; the saved renders of the `claims diff` fast path are gone.
# 3: each document's event labels and each run's merged names.
SCHEMA_VERSION = 4
DEFAULT = Path(fingerprint.DEFAULT_STORE)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, events TEXT NOT NULL,
    actors TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline));
CREATE TABLE IF NOT EXISTS claims (
    sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline, kind));
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, documents TEXT NOT NULL, names TEXT NOT NULL);
"""
_TABLES = ("meta", "documents", "claims", "runs", "renders")


def store_path(option: Path | None) -> Path:
    return Path(fingerprint.store_path(str(option) if option else None))


pipeline_version = fingerprint.pipeline_version


def row_kind(claim: Claim) -> str:
    """The kind a claim is stored under: its own, except actors named as where an event happened
    ("venue") and dates of what happened to a person ("happening"), kept apart so a diff reads them (to
    compare venues and days) and none of the other actors and dates."""
    if claim.kind == "actor" and (claim.value.venue or claim.value.occasion):
        return "venue"
    return "happening" if claim.kind == "date" and claim.value.owner else claim.kind


def _order(claims: list[Claim]) -> list[Claim]:
    """One document's claims in extraction order (by offset, then kind), whatever order the kinds came in."""
    return sorted(claims, key=lambda c: (c.start, c.kind))


@cache
def _adapter(kind: str) -> TypeAdapter:
    """A list of one kind of claim: validating without the union's tag lookup is twice as fast."""
    for member in get_args(get_args(Claim)[0]):
        if member.model_fields["kind"].default == kind:
            return TypeAdapter(list[member])
    return CLAIMS


def _validate(kind: str, arrays: list[str]) -> list[Claim]:
    """Stored JSON arrays of one kind as claims, in one validation call over one array."""
    items = [a[1:-1] for a in arrays if a != "[]"]
    return _adapter(kind).validate_json("[" + ",".join(items) + "]") if items else []


@dataclass
class Run:
    """What the latest `claims extract` left: documents (when asked for), claims (of the kinds asked
    for), the ids of the documents holding claims of any kind, the distinct (doc, event, doc_event)
    of their claims of every kind, and the names merged across the run (`names.to_rows`)."""

    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    outline: list[tuple[str, str, str | None]] = field(default_factory=list)
    # doc -> (name, type) of every actor it names, as extracted (`names.apply_cast` merges them).
    casts: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    names: list[list] = field(default_factory=list)


class Store:
    def __init__(self, path: Path, create: bool = True):
        self.path = path
        if not create and not path.exists():
            raise StoreError("no claim store yet; run `claims extract PATHS` first, or pass PATHS", path)
        path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + _OPEN_WAIT_S
        while True:
            try:
                self._open()
                return
            except sqlite3.OperationalError as exc:
                self._close_quietly()
                # Two processes creating one store both read it, then both ask to switch it to WAL:
                # SQLite answers one of them "locked" at once, without waiting (it would deadlock).
                # Opening again a moment later finds the other done.
                if _is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise StoreError(f"not a claim store ({exc}); delete it or pass another --store", path) from None
            except sqlite3.DatabaseError as exc:
                self._close_quietly()
                raise StoreError(f"not a claim store ({exc}); delete it or pass another --store", path) from None

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.close()

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA busy_timeout=30000")
        self.db.execute("PRAGMA journal_mode=WAL")
        # A cache: WAL with NORMAL sync survives a crash of the program (never a half-written
        # document), and does not wait for the disk on every document.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _schema(self) -> str | None:
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone() is None:
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        return row[0] if row else None

    def _migrate(self) -> None:
        """Create the tables; a store of another schema is a cache of an older layout, so it is emptied
        (its articles are parsed again on the next extract)."""
        if self._schema() == str(SCHEMA_VERSION):
            return
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            found = self._schema()
            if found is not None and found != str(SCHEMA_VERSION):
                log.warning("%s: store schema %s is not %s; emptied, articles will be parsed again",
                            self.path, found, SCHEMA_VERSION)
                for table in _TABLES:
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cached(self, sha256: str, pipeline: str) -> list[Claim] | None:
        """The claims of a document parsed before with this pipeline, or None if it never was."""
        with self.db:
            self.db.execute("BEGIN")
            if self.db.execute("SELECT 1 FROM documents WHERE sha256=? AND pipeline=?",
                               (sha256, pipeline)).fetchone() is None:
                return None
            rows = self.db.execute("SELECT kind, json FROM claims WHERE sha256=? AND pipeline=?", (sha256, pipeline))
            return _order([c for kind, text in rows for c in _validate(kind, [text])])

    def put(self, document: Document, claims: list[Claim], pipeline: str) -> None:
        """One transaction per document: a run cut short keeps every document it finished."""
        by_kind: dict[str, list[str]] = {}
        for claim in claims:
            by_kind.setdefault(row_kind(claim), []).append(claim.model_dump_json())
        events = json.dumps(sorted({(c.event, c.doc_event or "") for c in claims}))
        cast = json.dumps(sorted({(c.value.name, c.value.type or "") for c in claims if c.kind == "actor"}))
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                            (document.sha256, pipeline, document.id, document.model_dump_json(), events, cast))
            self.db.execute("DELETE FROM claims WHERE sha256=? AND pipeline=?", (document.sha256, pipeline))
            self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?)", [
                (document.sha256, pipeline, kind, "[" + ",".join(rows) + "]") for kind, rows in by_kind.items()])

    def record_run(self, shas: Iterable[str], names: list[list] | None = None) -> None:
        """Mark these documents (by sha256, in order) as the latest `claims extract`, with the names
        merged across them (`names.to_rows`)."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT INTO runs (documents, names) VALUES (?, ?)",
                            (json.dumps(list(shas)), json.dumps(names or [])))

    def last_run(self, kinds: Collection[str] | None = None, documents: bool = True) -> Run:
        """The most recent `claims extract`, read in one transaction so a concurrent extract cannot mix
        two runs: its documents (unless `documents` is False) and its claims of `kinds` (all if None),
        document by document in the run's order."""
        with self.db:
            self.db.execute("BEGIN")
            row = self.db.execute("SELECT documents, names FROM runs ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                raise StoreError("the store holds no extraction yet; run `claims extract PATHS` first", self.path)
            shas = json.loads(row[0])
            # The latest pipeline each document was parsed with (an older one may linger beside it).
            pipelines: dict[str, str] = {}
            found: dict[str, tuple[str, str, str, str]] = {}
            column = "json" if documents else "NULL"
            for sha, pipeline, doc_id, text, events, cast in self.db.execute(
                    f"SELECT sha256, pipeline, id, {column}, events, actors FROM documents "
                    "WHERE sha256 IN (SELECT value FROM json_each(?)) ORDER BY rowid", (row[0],)):
                pipelines[sha], found[sha] = pipeline, (doc_id, text, events, cast)
            arrays: dict[str, list[tuple[str, str]]] = {}
            sources: set[str] = set()
            if kinds is not None and "actor" in kinds:
                kinds = {*kinds, "venue"}  # venues are actors too
            if kinds is not None and "date" in kinds:
                kinds = {*kinds, "happening"}  # and happenings dates
            wanted = None if kinds is None else json.dumps(sorted(kinds))
            for sha, pipeline, kind, text in self.db.execute(
                    "SELECT sha256, pipeline, kind, CASE WHEN ?1 IS NULL OR kind IN (SELECT value FROM json_each(?1)) "
                    "THEN json END FROM claims WHERE sha256 IN (SELECT value FROM json_each(?2))", (wanted, row[0])):
                if pipelines.get(sha) != pipeline:
                    continue
                sources.add(found[sha][0])
                if text is not None:
                    arrays.setdefault(sha, []).append((kind, text))
        run = Run(sources=sorted(sources), names=json.loads(row[1]))
        present = [sha for sha in dict.fromkeys(shas) if sha in pipelines]
        run.outline = [(found[sha][0], event, doc_event or None) for sha in present
                       for event, doc_event in json.loads(found[sha][2])]
        run.casts = {found[sha][0]: [(name, kind or None) for name, kind in json.loads(found[sha][3])]
                     for sha in present}
        if documents:
            run.documents = [Document.model_validate_json(found[sha][1]) for sha in present]
        if kinds is None:
            # Each document's kinds merged back into extraction order.
            for sha in present:
                run.claims += _order([c for kind, text in arrays.get(sha, []) for c in _validate(kind, [text])])
        else:
            # One call per kind; the reconciler groups claims by what they are about, not by document.
            for kind in sorted(kinds):
                run.claims += _validate(kind, [text for sha in present for k, text in arrays.get(sha, []) if k == kind])
        return run
