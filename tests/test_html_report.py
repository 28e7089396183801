"""`claims report`: a self-contained page where article text is always text, checked in a real browser."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from istanbul_claims.cli import app
from istanbul_claims.html_report import render
from istanbul_claims.models import Document, FigureClaim, FigureValue
from istanbul_claims.reconcile import reconcile

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
runner = CliRunner()
HOSTILE = ['<script>alert("x")</script>', '<img src=x onerror="alert(1)">', '"><svg onload=alert(2)>']


def _doc(i: int, text: str) -> Document:
    return Document(id=f"d{i}", path=f"d{i}.txt", title=text, sha256=str(i) * 64, text=text)


def _claim(doc: str, sentence: str, value: int) -> FigureClaim:
    return FigureClaim(id=f"{doc}-c", doc=doc, text=str(value), sentence=sentence, start=0, end=1,
                       speaker=sentence, topics=["bodies"],
                       value=FigureValue(min=value, max=value, subject="body", frame="transfer"))


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_article_text_renders_as_text(payload):
    docs = [_doc(1, payload), _doc(2, payload)]
    claims = [_claim("d1", f"{payload} 300 bodies", 300), _claim("d2", f"{payload} 450 bodies", 450)]
    page = render(docs, claims, reconcile(claims))
    assert payload not in page
    assert "&lt;" in page
    # The only script is our own filter code.
    assert len(re.findall(r"<script>", page)) == 1


def test_page_fetches_nothing():
    claims = [_claim("d1", "300 bodies", 300), _claim("d2", "450 bodies", 450)]
    page = render([_doc(1, "a"), _doc(2, "b")], claims, reconcile(claims))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    root = Path(__file__).resolve().parents[1]
    out = tmp_path_factory.mktemp("report") / "report.html"
    store = out.parent / "claims.db"
    result = runner.invoke(app, ["report", str(root / "seeds"), "-o", str(out), "--store", str(store),
                                 "--resolutions", str(out.parent / "none.toml")])
    assert result.exit_code == 0, result.stderr
    return out


def test_report_command_writes_one_page(seeds_report):
    page = seeds_report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "reciprocity contradiction" in page


@pytest.mark.browser
@pytest.mark.skipif((not CHROMIUM.exists() or shutil.which("chromium") is None) and not os.environ.get("CI"),
                    reason="Debian chromium is not installed (.ci/run installs it; under CI a missing one fails)")
def test_report_in_a_real_browser(seeds_report):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(seeds_report.resolve().as_uri())
        bodies = page.locator('.card[data-kind="reciprocity"]')
        ages = page.locator('.card[data-kind="range"]')
        assert bodies.is_visible() and "6,000 Ukrainian soldiers" in bodies.inner_text()
        assert ages.is_visible() and "18 to 25" in ages.inner_text()
        page.screenshot(path=str(ARTIFACTS / "report-all.png"), full_page=False)

        page.click('nav button[data-topic="memorandum"]')
        assert page.locator('section.topic[data-topic="memorandum"]').is_visible()
        assert not bodies.is_visible() and not ages.is_visible()
        page.screenshot(path=str(ARTIFACTS / "report-memorandum.png"), full_page=False)

        page.click('nav button[data-topic="all"]')
        assert bodies.is_visible()
        browser.close()
