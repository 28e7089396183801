from __future__ import annotations

import os

import pytest

from istanbul_claims import resolutions
from istanbul_claims.errors import ResolutionsError
from istanbul_claims.models import Resolution

EXISTING = """# Our verdicts.

[x-aaaaaaaaaa]
verdict = "both-reported"
note = "kept as is"  # a comment that must survive
"""


def test_write_adds_a_table_and_keeps_the_rest(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(EXISTING)
    resolutions.write(path, "x-bbbbbbbbbb", Resolution(verdict="side", right="c1", note='He said "no".'))
    text = path.read_text()
    assert text.startswith(EXISTING.rstrip("\n"))
    got = resolutions.read(path)
    assert got["x-bbbbbbbbbb"].right == "c1" and got["x-bbbbbbbbbb"].note == 'He said "no".'


def test_write_replaces_an_existing_verdict_only(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(EXISTING + '\n[x-cccccccccc]\nverdict = "side"\nright = "z"\nnote = "n"\n')
    resolutions.write(path, "x-aaaaaaaaaa", Resolution(verdict="known-discrepancy", note="changed"))
    got = resolutions.read(path)
    assert got["x-aaaaaaaaaa"].verdict == "known-discrepancy"
    assert got["x-cccccccccc"].right == "z"
    assert "# Our verdicts." in path.read_text()


def test_malformed_file_names_line_and_column_and_is_untouched(tmp_path):
    path = tmp_path / "r.toml"
    broken = '[x-aaaaaaaaaa]\nverdict = "side\n'
    path.write_text(broken)
    with pytest.raises(ResolutionsError, match=r"line 2"):
        resolutions.read(path)
    with pytest.raises(ResolutionsError):
        resolutions.write(path, "x-bbbbbbbbbb", Resolution(verdict="both-reported", note="n"))
    assert path.read_text() == broken


@pytest.mark.parametrize("body", ['verdict = "maybe"\nnote = "n"', 'verdict = "side"\nnote = "no right"'])
def test_invalid_verdicts_are_refused(tmp_path, body):
    path = tmp_path / "r.toml"
    path.write_text(f"[x-aaaaaaaaaa]\n{body}\n")
    with pytest.raises(ResolutionsError, match="x-aaaaaaaaaa"):
        resolutions.read(path)


def test_bad_id_is_refused(tmp_path):
    with pytest.raises(ResolutionsError, match="not a contradiction id"):
        resolutions.write(tmp_path / "r.toml", "bodies", Resolution(verdict="both-reported", note="n"))


def test_missing_file_is_empty(tmp_path):
    assert resolutions.read(tmp_path / "none.toml") == {}


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_umask_like_cp(tmp_path, umask):
    old = os.umask(umask)
    try:
        resolutions.atomic_write(tmp_path / "report.html", "<p>x</p>\n")
    finally:
        os.umask(old)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_rewriting_a_file_keeps_its_mode(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(EXISTING)
    path.chmod(0o640)
    resolutions.write(path, "x-bbbbbbbbbb", Resolution(verdict="both-reported", note="n"))
    assert path.stat().st_mode & 0o777 == 0o640
