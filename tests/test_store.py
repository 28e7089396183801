"""The claim store: what goes in comes back, in order, and a diff reads only the kinds it compares."""

from __future__ import annotations

import sqlite3

import pytest

from istanbul_claims.models import ActorClaim, ActorValue, DateClaim, DateValue, Document, FigureClaim, FigureValue
from istanbul_claims.store import SCHEMA_VERSION, Store


def document(doc_id: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", title="A title", sha256=f"sha-{doc_id}",
                    text="Forty people met on Monday in Geneva.")


def claims_of(doc_id: str, figures: bool = True) -> list:
    base = {"doc": doc_id, "sentence": "Forty people met on Monday in Geneva."}
    out = [ActorClaim(id=f"{doc_id}-a", text="Geneva", start=30, end=36, value=ActorValue(name="Geneva"), **base),
           DateClaim(id=f"{doc_id}-d", text="Monday", start=20, end=26,
                     value=DateValue(start="2025-06-02", end="2025-06-02"), **base)]
    if figures:
        out.append(FigureClaim(id=f"{doc_id}-f", text="Forty", start=0, end=5, value=FigureValue(min=40, max=40),
                               **base))
    # The extraction order: by offset, then kind.
    return sorted(out, key=lambda c: (c.start, c.kind))


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "claims.db"
    with Store(path) as store:
        for doc_id, figures in (("b", True), ("a", False), ("c", True)):
            store.put(document(doc_id), claims_of(doc_id, figures), "v1")
        store.put(Document(id="empty", path="empty.txt", title="t", sha256="sha-empty", text="Nothing."), [], "v1")
        store.record_run(["sha-b", "sha-a", "sha-c", "sha-empty"])
    return path


def test_every_kind_comes_back_in_extraction_order(filled):
    with Store(filled) as store:
        run = store.last_run()
        assert [d.id for d in run.documents] == ["b", "a", "c", "empty"]
        assert run.claims == claims_of("b") + claims_of("a", False) + claims_of("c")
        assert store.cached("sha-b", "v1") == claims_of("b")


def test_a_document_without_claims_is_cached_as_empty_and_an_unknown_one_is_not(filled):
    with Store(filled) as store:
        assert store.cached("sha-empty", "v1") == []
        assert store.cached("sha-empty", "v2") is None
        assert store.cached("sha-unknown", "v1") is None


def test_a_diff_reads_only_the_kinds_it_compares_but_names_every_source(filled):
    with Store(filled) as store:
        run = store.last_run(kinds=("figure",), documents=False)
    assert [c.id for c in run.claims] == ["b-f", "c-f"]
    assert run.documents == []
    assert run.sources == ["a", "b", "c"]  # "a" holds no figure, "empty" no claim at all


def test_a_diff_gets_each_documents_actors_without_reading_actor_claims(filled):
    # They tell two stories of one day apart (`reconcile._same_story`).
    with Store(filled) as store:
        run = store.last_run(kinds=("figure",), documents=False)
    assert run.casts == {"b": [("Geneva", None)], "a": [("Geneva", None)], "c": [("Geneva", None)],
                         "empty": []}


def test_stored_actors_take_the_names_merged_across_the_run():
    from istanbul_claims.names import Actor, apply_cast
    names = {("b", "Capt Doe"): Actor("Jane Doe", "person"), (None, "ICRC"): Actor("Red Cross", "body")}
    casts = {"b": [("Capt Doe", None), ("ICRC", None), ("Kyiv", "place")], "c": [("ICRC", "body")]}
    assert apply_cast(casts, names) == {"b": [("Jane Doe", "person"), ("Red Cross", "body"), ("Kyiv", "place")],
                                        "c": [("Red Cross", "body")]}


def test_the_latest_parse_of_a_document_wins(filled):
    with Store(filled) as store:
        store.put(document("b"), claims_of("b", figures=False), "v2")
        store.record_run(["sha-b"])
        assert store.last_run().claims == claims_of("b", figures=False)


def test_a_store_of_an_older_schema_is_emptied_not_refused(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "INSERT INTO meta VALUES ('schema', '1');"
                         "CREATE TABLE claims (sha256 TEXT, pipeline TEXT, json TEXT);"
                         "INSERT INTO claims VALUES ('sha-b', 'v1', '[]');")
    with Store(path) as store:
        assert store.cached("sha-b", "v1") is None
        store.put(document("b"), claims_of("b"), "v1")
        assert store.cached("sha-b", "v1") == claims_of("b")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == (str(SCHEMA_VERSION),)
