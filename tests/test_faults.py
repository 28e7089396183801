"""Faults: huge files, interrupted and concurrent runs, unreadable files. Nothing is lost."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from istanbul_claims import load, resolutions
from istanbul_claims.errors import StoreError
from istanbul_claims.models import Resolution
from istanbul_claims.store import Store

from .conftest import ROOT

PARAGRAPH = ("Officials said 300 prisoners would be exchanged on Monday, according to the ministry. " * 8) + "\n"


def claims_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "istanbul_claims", *args]


def test_a_50_mb_file_loads_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("A huge article\n\n")
        while fh.tell() < size:
            fh.write(PARAGRAPH)
    tracemalloc.start()
    try:
        doc = load.load([path]).documents[0]
        chunks = 0
        for _, chunk in load.iter_chunks(doc.body):
            chunks += 1
            assert len(chunk) <= 200_000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert chunks > 200
    # The bytes, the text and one blanked copy: a few times the file, never a per-character list.
    assert peak < 5 * size


def test_permission_error_is_a_warning_naming_the_file(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\n" + PARAGRAPH)
    locked = tmp_path / "locked.txt"
    locked.write_text("Other\n\n" + PARAGRAPH + "x")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = load.load([tmp_path])
    assert [d.id for d in report.documents] == ["good"]
    assert "locked.txt" in report.warnings[0] and "chmod" in report.warnings[0]


def test_interrupted_resolve_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "r.toml"
    before = '[x-aaaaaaaaaa]\nverdict = "both-reported"\nnote = "kept"\n'
    path.write_text(before)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(resolutions.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        resolutions.write(path, "x-bbbbbbbbbb", Resolution(verdict="known-discrepancy", note="new"))
    assert path.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.toml"]


def _integrity(store: Path) -> str:
    with sqlite3.connect(store) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_ctrl_c_during_extract_keeps_the_store_consistent(tmp_path):
    store = tmp_path / "claims.db"
    proc = subprocess.Popen(claims_cmd("extract", "seeds/", "--format", "jsonl", "--jobs", "1", "--store", str(store)),
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not store.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130)
    assert "Traceback" not in stderr
    if store.exists():
        assert _integrity(store) == "ok"
    rerun = subprocess.run(claims_cmd("extract", "seeds/", "--format", "jsonl", "--jobs", "1", "--store", str(store)),
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0
    assert _integrity(store) == "ok"


def _open_store(path: str) -> str:
    try:
        Store(Path(path)).close()
        return ""
    except StoreError as exc:
        return str(exc)


def test_processes_creating_one_store_at_once_all_open_it(tmp_path):
    # Several processes switching a new file to WAL at once: SQLite answers some "locked" at once.
    context = multiprocessing.get_context("fork")
    failures = []
    with context.Pool(8) as pool:
        for round_ in range(20):
            failures += [e for e in pool.map(_open_store, [str(tmp_path / f"{round_}.db")] * 8) if e]
    assert failures == []


def test_two_concurrent_extracts_on_one_store_both_finish(tmp_path):
    store = tmp_path / "claims.db"
    cmd = claims_cmd("extract", "seeds/", "--format", "json", "--jobs", "1", "--store", str(store))
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert _integrity(store) == "ok"
