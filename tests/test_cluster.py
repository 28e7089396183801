"""The Ray engine against the local one: the same claims, the same diff, the same warnings. One local
Ray on 2 CPUs serves the whole module (starting Ray and its spaCy workers is the slow part)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from istanbul_claims import corpus, load
from istanbul_claims.cli import app

ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "extract_seeds.json"
SEEDS, CORPUS = ROOT / "seeds", ROOT / "tests" / "corpus"
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


def test_the_claims_command_starts_a_fresh_local_ray_and_prints_the_local_claims(tmp_path):
    """The console command end to end, before this module's shared Ray exists."""
    seed = SEEDS / "000_28820db7c9c7c1e9.txt"
    proc = subprocess.run([sys.executable, "-m", "istanbul_claims", "-v", "extract", str(seed), "--engine", "ray",
                           "--jobs", "1", "--format", "json", "--store", str(tmp_path / "claims.db")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "started a local Ray (CPUs: 1)" in proc.stderr
    golden = json.loads(GOLDEN.read_text())
    assert json.loads(proc.stdout)["claims"] == [c for c in golden["claims"] if c["doc"] == seed.stem]


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
def local_runs(tmp_path_factory):
    """The seeds and the development corpus (five events, given as five folders), each extracted once
    by the local engine into a store and a Parquet dataset: (paths, store, dataset, JSON output)."""
    out = {}
    for name, paths in {"seeds": [SEEDS], "corpus": sorted(p for p in CORPUS.iterdir() if p.is_dir())}.items():
        tmp = tmp_path_factory.mktemp(name)
        args = [str(p) for p in paths]
        result = invoke("extract", *args, "--format", "json", "--parquet", str(tmp / "pq"), store=tmp / "claims.db")
        assert result.exit_code == 0
        out[name] = (args, tmp / "claims.db", tmp / "pq", json.loads(result.stdout))
    return out


def test_ray_extract_equals_the_local_engine_on_the_corpus(local_runs, local_ray, tmp_path):
    paths, _, _, local = local_runs["corpus"]
    result = invoke("extract", *paths, "--engine", "ray", "--format", "json", store=tmp_path / "claims.db")
    assert result.exit_code == 0
    articles = [p for p in CORPUS.glob("*/*.txt")]
    assert len(local["documents"]) == len(articles) > 0 and json.loads(result.stdout) == local


@pytest.mark.parametrize("name, topic", [("seeds", "prisoners"), ("corpus", None)])
def test_ray_diff_equals_the_local_diff(local_runs, local_ray, tmp_path, name, topic):
    paths, store, dataset, _ = local_runs[name]
    verdicts = tmp_path / "r.toml"
    plain = invoke("diff", "--format", "json", store=store)
    assert plain.exit_code == 0, plain.stderr
    first = json.loads(plain.stdout)["contradictions"][0]["id"]
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


def test_a_worker_with_other_rules_is_refused(in_repo, local_ray, tmp_path, monkeypatch):
    from istanbul_claims.cluster import iter_extract
    from istanbul_claims.errors import ClusterError

    # Same rules plus a comment: another pipeline version here than on the workers, started before.
    rules = tmp_path / "data"
    shutil.copytree(ROOT / "data", rules)
    with open(rules / "cues.toml", "a", encoding="utf-8") as fh:
        fh.write("\n# edited on the driver only\n")
    monkeypatch.setenv("CLAIMS_DATA_DIR", str(rules))
    with pytest.raises(ClusterError, match="pipeline"):
        list(iter_extract([SEEDS / "000_28820db7c9c7c1e9.txt"], tmp_path / "claims.db", load.LoadReport()))


def test_the_raylets_messages_go_to_stderr_not_into_the_printed_results(capsys):
    import ray._private.worker as ray_worker

    from istanbul_claims import cluster

    cluster._raylet_messages_to_stderr()
    ray_worker.print_to_stdstream({"lines": ["8 PYTHON worker processes have been started"], "pid": "raylet",
                                   "is_err": False}, ignore_prefix=False)
    out, err = capsys.readouterr()
    assert out == "" and "worker processes" in err
