from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from istanbul_claims.nlp import build

    return build()


@pytest.fixture(scope="session")
def parse(nlp):
    """Run the whole pipeline over a sentence written for a test, as if published on 2025-06-02."""

    def run(text: str, reference: str = "2025-06-02"):
        doc = nlp.make_doc(text)
        doc._.reference = reference
        return nlp(doc)

    return run


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)
    return ROOT
