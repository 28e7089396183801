"""The Ray engine against the local one: the same claims, the same diff, the same warnings. One local
Ray on 2 CPUs serves the whole module (starting Ray and its spaCy workers is the slow part)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from istanbul_claims import corpus, load
from istanbul_claims.cli import app

ray = pytest.importorskip("ray")

GOLDEN = Path(__file__).parent / "golden" / "extract_seeds.json"
MARKER = "Quorblaxian"
runner = CliRunner()


@Language.component("test_fails_on_marker")
def _fails_on_marker(doc):
    if MARKER in doc.text:
        raise ValueError("this component cannot read the article")
    return doc


def pipeline_failing_on_marker():
    """Built on each Ray worker (the worker imports this module to unpickle it)."""
    from istanbul_claims.nlp import build

    nlp = build()
    nlp.add_pipe("test_fails_on_marker", first=True)
    return nlp


@pytest.fixture(scope="module")
def local_ray():
    from istanbul_claims.cluster import session

    assert not ray.is_initialized()
    with session(num_cpus=2):
        assert ray.cluster_resources()["CPU"] == 2
        yield
    assert not ray.is_initialized()


def invoke(*args, store: Path):
    return runner.invoke(app, [*args], catch_exceptions=False, env={"CLAIMS_STORE": str(store)})


def _dump(stream):
    return [(document.public(), [c.model_dump(mode="json") for c in claims]) for document, claims in stream]


def test_ray_extract_equals_the_local_engine_on_seeds_with_some_already_stored(in_repo, local_ray, tmp_path):
    store = tmp_path / "claims.db"
    seeds = sorted(Path("seeds").glob("*.txt"))
    # Two files parsed earlier by the local engine come from the store, in their place in the output.
    assert invoke("extract", str(seeds[1]), str(seeds[3]), "--format", "jsonl", "--jobs", "1", store=store).exit_code == 0
    result = invoke("extract", "seeds/", "--engine", "ray", "--format", "json", "--parquet", str(tmp_path / "pq"),
                    store=store)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(GOLDEN.read_text())


@pytest.fixture(scope="module")
def seeds_dataset(tmp_path_factory):
    """Seeds extracted once by the local engine, into a store and a Parquet dataset."""
    tmp = tmp_path_factory.mktemp("seeds")
    store, dataset = tmp / "claims.db", tmp / "pq"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert invoke("extract", str(seeds), "--format", "jsonl", "--parquet", str(dataset), store=store).exit_code == 0
    return store, dataset


@pytest.mark.parametrize("topic", [None, "prisoners"])
def test_ray_diff_equals_the_local_diff(in_repo, local_ray, seeds_dataset, tmp_path, topic):
    store, dataset = seeds_dataset
    verdicts = tmp_path / "r.toml"
    first = json.loads(invoke("diff", "--format", "json", store=store).stdout)["contradictions"][0]["id"]
    verdicts.write_text(f'[{first}]\nverdict = "both-reported"\nnote = "n"\n'
                        '[x-0123456789]\nverdict = "known-discrepancy"\nnote = "n"\n')
    options = ["--format", "json", "--resolutions", str(verdicts)] + (["--topic", topic] if topic else [])
    from_store = invoke("diff", *options, store=store)
    from_parquet = invoke("diff", "--claims", str(dataset), *options, store=store)
    on_ray = invoke("diff", "--claims", str(dataset), "--engine", "ray", *options, store=store)
    assert on_ray.exit_code == from_parquet.exit_code == from_store.exit_code == 0, on_ray.stderr + from_store.stderr
    got = json.loads(on_ray.stdout)
    assert got == json.loads(from_parquet.stdout) == json.loads(from_store.stdout)
    assert got["contradictions"] and any(c["status"] == "resolved" for c in got["contradictions"])
    assert "x-0123456789" in on_ray.stderr and "stale" in on_ray.stderr


def test_ray_extract_equals_the_local_engine_on_a_generated_corpus(local_ray, tmp_path):
    from bench.run import build_corpus

    from istanbul_claims.cluster import iter_extract

    folder = tmp_path / "corpus"
    folder.mkdir()
    build_corpus(12, folder)
    local = _dump(corpus.iter_extract([folder], tmp_path / "local.db", load.LoadReport(), jobs=1))
    on_ray = _dump(iter_extract([folder], tmp_path / "ray.db", load.LoadReport()))
    assert len(local) == 12 and sum(len(c) for _, c in local) > 12
    assert on_ray == local


def test_a_worker_failing_on_one_file_is_a_warning_naming_it(in_repo, local_ray, tmp_path):
    from istanbul_claims.cluster import iter_extract

    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in sorted(Path("seeds").glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    bad = folder / "001_bad.txt"
    bad.write_text(f"A headline\n\nThe {MARKER} delegation said 40 prisoners would be freed on Monday.\n")
    (folder / "empty.txt").write_bytes(b"")
    local_report, ray_report = load.LoadReport(), load.LoadReport()
    good = sorted(p for p in folder.iterdir() if p not in (bad, folder / "empty.txt"))
    local = _dump(corpus.iter_extract(good, tmp_path / "local.db", local_report, jobs=1))
    on_ray = _dump(iter_extract([folder], tmp_path / "ray.db", ray_report, pipeline=pipeline_failing_on_marker))
    assert on_ray == local
    failed = [w for w in ray_report.warnings if w.startswith(f"{bad}: ")]
    assert len(failed) == 1 and "ValueError" in failed[0] and "skipped" in failed[0]
    assert any(w.startswith(str(folder / "empty.txt")) for w in ray_report.warnings)
