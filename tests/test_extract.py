"""Extraction on worker processes gives what one process gives, in input order."""

from __future__ import annotations

from istanbul_claims import extract, load

from .conftest import SEEDS


def test_workers_give_the_claims_of_one_process_in_input_order(monkeypatch):
    documents = load.load([SEEDS]).documents
    # Small groups, so several are in flight at once and results must be put back in order.
    monkeypatch.setattr(extract, "GROUP_DOCS", 1)
    alone = list(extract.extract([(d, None) for d in documents], jobs=1))
    items = [(d, None) for d in documents]
    items[2] = (documents[2], alone[2][1])  # one answered by the store in between
    together = list(extract.extract(items, jobs=2))
    assert [d.id for d, _, _ in together] == [d.id for d in documents]
    assert [fresh for _, _, fresh in together] == [True, True, False, True, True]
    assert [claims for _, claims, _ in together] == [claims for _, claims, _ in alone]


def test_each_figure_carries_the_day_of_the_report_that_gives_it():
    # A toll read on two days is two readings (`reconcile._rise`): the day is the article's date line.
    documents = load.load([SEEDS]).documents
    for document, claims, _ in extract.extract([(d, None) for d in documents[:2]], jobs=1):
        figures = [c for c in claims if c.kind == "figure"]
        assert figures and document.published is not None
        assert {c.reported for c in figures} == {document.published}
