"""Claims as a Parquet dataset (`extract --parquet`, `diff --claims`), and what `--engine ray` says when
the cluster extra is missing. No Ray here: test_cluster.py runs it."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from typer.testing import CliRunner

from istanbul_claims import parquet
from istanbul_claims.cli import app
from istanbul_claims.models import (
    ActorClaim,
    ActorValue,
    DateClaim,
    DateValue,
    Document,
    FigureClaim,
    FigureValue,
    ProposalClaim,
    ProposalValue,
)

pq = pytest.importorskip("pyarrow.parquet")
runner = CliRunner()
SEED = "seeds/003_3d4bec08439a2723.txt"


def _claims(doc: str = "a"):
    common = {"doc": doc, "sentence": "The sentence.", "start": 4, "end": 9}
    return [
        FigureClaim(id=f"{doc}1", text="6,000", topics=["prisoners", "bodies"], speaker="Vladimir Medinsky",
                    value=FigureValue(min=6000, max=6000, basis="unilateral", subject="body"), **common),
        ActorClaim(id=f"{doc}2", text="Kyiv", event="range:2025-05-01..2025-05-31", line=3,
                   value=ActorValue(name="Ukraine", party="Ukraine"), **common),
        DateClaim(id=f"{doc}3", text="Monday", value=DateValue(start=dt.date(2025, 6, 2), end=dt.date(2025, 6, 2)),
                  **common),
        ProposalClaim(id=f"{doc}4", text="ceasefire", topics=["ceasefire"],
                      value=ProposalValue(what="a ceasefire", stance="reject", proposer="Ukraine"), **common),
    ]


def test_every_claim_kind_survives_a_round_trip_across_part_files(tmp_path):
    claims = _claims("a") + _claims("b")
    writer = parquet.Writer(tmp_path / "pq", rows_per_file=3)
    writer.add(claims)
    writer.close()
    assert len(writer.files) == 3
    assert parquet.read_claims(tmp_path / "pq") == claims


def test_plain_fields_are_typed_columns_and_the_value_is_json(tmp_path):
    writer = parquet.Writer(tmp_path)
    writer.add(_claims())
    writer.close()
    table = pq.read_table(tmp_path / writer.files[0])
    assert str(table.schema.field("start").type) == "int64"
    assert str(table.schema.field("topics").type.value_type) == "string"
    assert table.column("kind").to_pylist() == ["figure", "actor", "date", "proposal"]
    assert json.loads(table.column("value")[0].as_py())["min"] == 6000
    # Other tools read the folder as one dataset; the manifest is not taken for data.
    assert pq.read_table(tmp_path).num_rows == 4


def test_a_new_run_replaces_the_previous_parts(tmp_path):
    for doc in ("old", "new"):
        writer = parquet.Writer(tmp_path)
        writer.add(_claims(doc))
        writer.close()
    assert {c.doc for c in parquet.read_claims(tmp_path)} == {"new"}
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == writer.files


def test_an_interrupted_run_leaves_the_previous_dataset_whole(tmp_path):
    writer = parquet.Writer(tmp_path)
    writer.add(_claims("old"))
    writer.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    document = Document(id="new", path="new.txt", title="t", sha256="0", text="x")

    def stream():
        for i in range(3):
            yield document, _claims(f"new{i}")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in parquet.tee(stream(), tmp_path):
            pass
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert {c.doc for c in parquet.read_claims(tmp_path)} == {"old"}


def test_no_claims_still_writes_a_dataset_with_the_schema(tmp_path):
    writer = parquet.Writer(tmp_path)
    writer.close()
    assert parquet.read_claims(tmp_path) == []
    assert "value" in pq.read_table(tmp_path).schema.names


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    monkeypatch.setenv("CLAIMS_STORE", str(path))
    return path


def test_diff_on_the_parquet_dataset_equals_diff_on_the_store(in_repo, store, tmp_path):
    plain = runner.invoke(app, ["extract", "seeds/", "--format", "json"])
    teed = runner.invoke(app, ["extract", "seeds/", "--format", "json", "--parquet", str(tmp_path / "pq")])
    assert teed.exit_code == 0 and teed.stdout == plain.stdout
    assert [c.model_dump(mode="json") for c in parquet.read_claims(tmp_path / "pq")] == json.loads(plain.stdout)["claims"]
    for topic in ([], ["--topic", "prisoners"]):
        from_store = runner.invoke(app, ["diff", "--format", "json", *topic])
        from_parquet = runner.invoke(app, ["diff", "--claims", str(tmp_path / "pq"), "--format", "json", *topic])
        assert from_parquet.exit_code == 0 and from_parquet.stdout == from_store.stdout


@pytest.mark.parametrize("args, says", [
    (["diff", SEED, "--claims", "pq"], "not both"),
    (["diff", "--claims", "no/such/folder"], "no such folder"),
    (["diff", "--engine", "ray"], "--claims DIR"),
])
def test_diff_usage_errors_exit_2(in_repo, store, args, says):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and says in result.stderr


@pytest.mark.parametrize("args, missing", [
    (["extract", SEED, "--engine", "ray"], "ray"),
    (["extract", SEED, "--parquet", "{tmp}"], "pyarrow"),
    (["diff", "--claims", "{tmp}", "--engine", "ray"], "ray"),
])
def test_without_the_cluster_extra_the_error_names_the_install_command(in_repo, store, monkeypatch, tmp_path,
                                                                        args, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # import fails as if not installed
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert "pip install -e '.[cluster]'" in result.stderr and "Traceback" not in result.stderr
