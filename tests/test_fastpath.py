"""The `claims diff` fast path: a saved render answers only an identical call on the same run."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from istanbul_claims import fastpath

from .conftest import ROOT


@pytest.mark.parametrize(("argv", "expected"), [
    (["diff"], {"topic": None, "format": "table", "store": None, "resolutions": None}),
    (["diff", "--topic", "prisoners", "-f", "json"], {"topic": "prisoners", "format": "json", "store": None,
                                                       "resolutions": None}),
    (["diff", "--format=markdown", "--store", "x.db"], {"topic": None, "format": "markdown", "store": "x.db",
                                                        "resolutions": None}),
])
def test_plain_stored_diffs_are_eligible(argv, expected):
    assert fastpath.parse(argv) == expected


@pytest.mark.parametrize("argv", [["diff", "seeds/"], ["diff", "--help"], ["check"], ["--debug", "diff"],
                                  ["diff", "--topic"], ["diff", "--format", "html"], ["extract", "seeds/"], []])
def test_anything_else_goes_to_the_full_command_line(argv):
    assert fastpath.parse(argv) is None


def run(*args, store, extra_env=None):
    env = {**os.environ, "CLAIMS_STORE": str(store), **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "istanbul_claims", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def renders(store) -> int:
    with sqlite3.connect(store) as db:
        return db.execute("SELECT count(*) FROM renders").fetchone()[0]


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("fast") / "claims.db"
    assert run("extract", "seeds/", "--format", "jsonl", "--jobs", "1", store=store).returncode == 0
    return store


def test_second_identical_diff_is_served_from_the_store_unchanged(filled_store):
    first = run("diff", "--topic", "prisoners", "--format", "json", store=filled_store)
    assert renders(filled_store) >= 1
    probe = ("import sys\nsys.argv = ['claims', 'diff', '--topic', 'prisoners', '--format', 'json']\n"
             "from istanbul_claims.fastpath import main\nmain()\n"
             "print(sorted(m for m in ('pydantic', 'typer', 'rich', 'spacy') if m in sys.modules), file=sys.stderr)")
    second = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "CLAIMS_STORE": str(filled_store)})
    assert second.stdout == first.stdout
    assert second.stderr.strip() == "[]"


def test_a_changed_verdicts_file_is_not_served_an_old_render(filled_store, tmp_path):
    verdicts = tmp_path / "r.toml"
    verdicts.write_text("")
    before = run("diff", "--format", "json", "--resolutions", str(verdicts), store=filled_store).stdout
    assert '"status": "unresolved"' in before
    verdicts.write_text((ROOT / "data" / "resolutions.toml").read_text())
    after = run("diff", "--format", "json", "--resolutions", str(verdicts), store=filled_store).stdout
    assert '"status": "unresolved"' not in after and '"status": "resolved"' in after


def test_a_new_extract_retires_every_render(filled_store):
    run("diff", "--format", "markdown", store=filled_store)
    assert renders(filled_store) >= 1
    assert run("extract", "seeds/000_28820db7c9c7c1e9.txt", "--format", "jsonl", store=filled_store).returncode == 0
    assert renders(filled_store) == 0
    only_one = run("diff", "--format", "json", store=filled_store).stdout
    assert '"001_' not in only_one.split('"clusters"')[0]
