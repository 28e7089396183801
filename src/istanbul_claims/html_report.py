"""`claims report`: one self-contained HTML page (inline CSS and JS, nothing fetched) for editors.

Every piece of article text goes through `html.escape`; the page works from a file:// URL.
"""

from __future__ import annotations

import html
from collections import defaultdict

from .models import Claim, Cluster, Contradiction, Diff, Document
from .report import value_text

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#c9d1e0}main{padding:18px 28px;max-width:1400px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde2ea;padding:6px 8px;
vertical-align:top;text-align:left}th{background:#eef1f6;font-weight:600}
.counts span{display:inline-block;margin-right:18px}.bad{color:#b42318;font-weight:600}.ok{color:#067647}
.matrix td{text-align:center;font-size:13px}.m-contradiction{background:#fda29b}.m-agree{background:#a6f4c5}
.m-none{background:#f2f4f7;color:#98a2b3}
nav{margin:16px 0;display:flex;flex-wrap:wrap;gap:6px}nav button{border:1px solid #98a2b3;background:#fff;
border-radius:14px;padding:4px 12px;cursor:pointer;font:inherit}nav button.active{background:#1d2330;color:#fff}
section.topic{margin:22px 0}section.topic h2{font-size:18px;border-bottom:2px solid #1d2330;padding-bottom:4px}
.card{background:#fff;border:1px solid #dde2ea;border-left:6px solid #98a2b3;border-radius:6px;padding:10px 14px;
margin:12px 0}.card.unresolved{border-left-color:#d92d20}.card.resolved{border-left-color:#12b76a}
.card h3{margin:0 0 6px;font-size:15px}.card .why{margin:0 0 8px}.note{color:#475467;font-style:italic}
.claim{margin-bottom:8px}.claim .who{font-size:12px;color:#475467}.claim .val{font-size:12px;color:#344054}
mark{background:#fec84b;padding:0 2px;border-radius:2px}
"""

_JS = """
document.querySelectorAll('nav button').forEach(function (b) {
  b.addEventListener('click', function () {
    var t = b.getAttribute('data-topic');
    document.querySelectorAll('nav button').forEach(function (o) { o.classList.toggle('active', o === b); });
    document.querySelectorAll('section.topic').forEach(function (s) {
      s.hidden = !(t === 'all' || s.getAttribute('data-topic') === t);
    });
  });
});
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _claim_html(claim: Claim) -> str:
    sentence = claim.sentence
    at = sentence.find(claim.text)
    if at >= 0:
        quoted = (_e(sentence[:at]) + "<mark>" + _e(claim.text) + "</mark>" + _e(sentence[at + len(claim.text):]))
    else:
        quoted = "<mark>" + _e(claim.text) + "</mark> — " + _e(sentence)
    return (f'<div class="claim" data-claim="{_e(claim.id)}"><div>{quoted}</div>'
            f'<div class="who">{_e(claim.speaker or "speaker not named")} · line {claim.line}</div>'
            f'<div class="val">{_e(value_text(claim))}</div></div>')


def _side_by_side(claims: list[Claim], sources: list[str]) -> str:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    cols = [s for s in sources if s in by_doc]
    head = "".join(f"<th>{_e(s)}</th>" for s in cols)
    cells = "".join("<td>" + "".join(_claim_html(c) for c in by_doc[s]) + "</td>" for s in cols)
    return f"<table><tr>{head}</tr><tr>{cells}</tr></table>"


def _contradiction_card(c: Contradiction, sources: list[str]) -> str:
    status = "UNRESOLVED" if c.status == "unresolved" else "resolved"
    note = ""
    if c.resolution:
        note = f'<p class="note">{_e(c.resolution.verdict)}: {_e(c.resolution.note)}</p>'
    return (f'<div class="card {c.status}" data-kind="{_e(c.kind)}" data-id="{_e(c.id)}">'
            f"<h3>{status} · {_e(c.kind)} contradiction · between {_e(c.between)} · <code>{_e(c.id)}</code></h3>"
            f'<p class="why">{_e(c.explanation)}</p>{note}{_side_by_side(c.reports, sources)}</div>')


def _cluster_card(k: Cluster, sources: list[str]) -> str:
    return (f'<div class="card agree" data-id="{_e(k.id)}"><h3>agree · {len(k.claims)} claims from '
            f"{len({c.doc for c in k.claims})} sources</h3>{_side_by_side(k.claims, sources)}</div>")


def _matrix(documents: list[Document], diff: Diff, topics: list[str]) -> str:
    state: dict[tuple[str, str], str] = {}
    for k in diff.clusters:
        for claim in k.claims:
            state.setdefault((claim.doc, k.topic), "agree")
    for c in diff.contradictions:
        for claim in c.reports:
            state[(claim.doc, c.topic)] = "contradiction"
    head = "<th>source</th>" + "".join(f"<th>{_e(t)}</th>" for t in topics)
    rows = []
    for d in documents:
        cells = "".join(f'<td class="m-{state.get((d.id, t), "none")}">{state.get((d.id, t), "—")}</td>' for t in topics)
        rows.append(f"<tr><th>{_e(d.id)}</th>{cells}</tr>")
    return f'<table class="matrix">{head and "<tr>" + head + "</tr>"}{"".join(rows)}</table>'


def render(documents: list[Document], claims: list[Claim], diff: Diff) -> str:
    sources = [d.id for d in documents]
    topics = sorted({k.topic for k in diff.clusters})
    contradicted = {c.cluster for c in diff.contradictions}
    source_rows = "".join(
        f"<tr><td>{_e(d.id)}</td><td>{_e(d.title)}</td><td>{_e(d.outlet or '—')}</td>"
        f"<td>{_e(d.published or '—')}</td><td>{sum(c.doc == d.id for c in claims)}</td></tr>" for d in documents)
    sections = []
    for topic in topics:
        body = [_contradiction_card(c, sources) for c in diff.contradictions if c.topic == topic]
        body += [_cluster_card(k, sources) for k in diff.clusters if k.topic == topic and k.id not in contradicted]
        sections.append(f'<section class="topic" data-topic="{_e(topic)}"><h2>{_e(topic)}</h2>{"".join(body)}</section>')
    buttons = '<button class="active" data-topic="all">all topics</button>' + "".join(
        f'<button data-topic="{_e(t)}">{_e(t)}</button>' for t in topics)
    unresolved = len(diff.unresolved)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Claims report</title><style>{_CSS}</style></head>
<body><header><h1>Where the sources agree and where they contradict</h1>
<p>{len(documents)} sources · {len(claims)} claims · {len(diff.clusters)} clusters ·
{len(diff.contradictions)} contradictions ({unresolved} unresolved)</p></header>
<main>
<div class="counts"><span class="{'bad' if unresolved else 'ok'}">{unresolved} unresolved</span>
<span>{len(diff.contradictions) - unresolved} resolved</span><span>{len(diff.clusters)} clusters</span></div>
<h2>Sources</h2><table><tr><th>id</th><th>title</th><th>outlet</th><th>date</th><th>claims</th></tr>{source_rows}</table>
<h2>Sources × topics</h2>{_matrix(documents, diff, topics)}
<nav aria-label="topic filter">{buttons}</nav>
{"".join(sections)}
</main><script>{_JS}</script></body></html>
"""
