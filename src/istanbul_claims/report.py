"""Render extractions and diffs: rich tables for people, Markdown for pull requests, GitHub workflow
annotations and JUnit XML for CI servers. Reads only the pydantic models."""

from __future__ import annotations

import os
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .models import Claim, Diff, Document
from .reconcile import describe_figure


def value_text(claim: Claim) -> str:
    v = claim.value
    if claim.kind == "figure":
        extra = [x for x in (v.unit, v.basis, v.subject and f"about {v.subject}") if x]
        return describe_figure(v) + (f" ({', '.join(extra)})" if extra else "")
    if claim.kind == "actor":
        return v.name
    if claim.kind == "date":
        return v.start.isoformat() if v.start == v.end else f"{v.start} to {v.end}"
    who = v.proposer or "?"
    return f"{who} {v.stance}s: {v.what[:60]}"


def extraction_table(document: Document, claims: Iterable[Claim]) -> Table:
    """One document's claims as a table."""
    table = Table(title=f"{document.id}  {document.title[:70]}", title_justify="left", expand=True,
                  caption=f"{document.outlet or 'outlet unknown'} · {document.published or 'undated'}")
    for column, style in (("kind", "cyan"), ("text", "bold"), ("value", ""), ("speaker", "magenta"),
                          ("topics", "green")):
        table.add_column(column, style=style, overflow="fold")
    for claim in claims:
        table.add_row(claim.kind, claim.text, value_text(claim), claim.speaker or "", ", ".join(claim.topics[:3]))
    return table


def _quote(claim: Claim) -> Text:
    sentence = claim.sentence
    at = sentence.find(claim.text)
    text = Text(sentence if len(sentence) < 300 else sentence[:297] + "...")
    if at >= 0:
        text.stylize("bold reverse", at, at + len(claim.text))
    return text


def diff_tables(diff: Diff) -> Group:
    parts: list = []
    labels = short_labels(c.doc for k in diff.clusters for c in k.claims)
    by_cluster = {c.cluster: c for c in diff.contradictions}
    for contradiction in diff.contradictions:
        style = "green" if contradiction.status == "resolved" else "red"
        table = _claims_table(contradiction.reports, labels)
        note = f"\n[dim]resolution: {contradiction.resolution.verdict} — {contradiction.resolution.note}[/dim]" \
            if contradiction.resolution else ""
        parts.append(Panel(Group(Text(contradiction.explanation), table),
                           title=f"[{style}]{contradiction.status.upper()} {contradiction.kind} "
                                 f"{contradiction.id}[/{style}] · {contradiction.topic} · between {contradiction.between}"
                                 + note, title_align="left", border_style=style))
    agreeing = sorted((k for k in diff.clusters if k.id not in by_cluster),
                      key=lambda k: (-len({c.doc for c in k.claims}), k.id))
    for cluster in agreeing[:MAX_AGREEMENTS]:
        parts.append(Panel(_claims_table(cluster.claims, labels), title=f"agree · {cluster.topic} · {cluster.id}",
                           title_align="left", border_style="dim"))
    if len(agreeing) > MAX_AGREEMENTS:
        parts.append(Text(f"… {len(agreeing) - MAX_AGREEMENTS} more agreeing clusters, smaller than these "
                          "(--format json or markdown lists them all)", style="dim"))
    if diff.stale_resolutions:
        parts.append(Text(f"stale resolutions (no such contradiction now): {', '.join(diff.stale_resolutions)}",
                          style="yellow"))
    parts.append(Text(f"{len(diff.contradictions)} contradictions ({len(diff.unresolved)} unresolved), "
                      f"{len(diff.clusters)} clusters", style="bold"))
    return Group(*parts)


# A terminal panel shows this many claims; the rest are counted (JSON and Markdown list them all).
MAX_ROWS = 12
# The terminal shows every contradiction but only the agreements backed by the most sources.
MAX_AGREEMENTS = 20


def short_labels(docs: Iterable[str], least: int = 3) -> dict[str, str]:
    """Each document id cut to the shortest prefix no other id shares ("000", "jeju-01"), so a label
    always names one document whatever the files are called."""
    docs = sorted(set(docs))
    out = {}
    for i, doc in enumerate(docs):
        shared = max((len(os.path.commonprefix([doc, other])) for other in docs[max(0, i - 1):i + 2] if other != doc),
                     default=0)
        out[doc] = doc[:max(least, shared + 1)]
    return out


def _claims_table(claims: Iterable[Claim], labels: dict[str, str] | None = None) -> Table:
    claims = list(claims)
    labels = labels or {}
    table = Table(expand=True, show_lines=True)
    table.add_column("source", style="cyan", no_wrap=True)
    table.add_column("speaker", style="magenta")
    table.add_column("quote", ratio=3)
    table.add_column("value", ratio=1)
    for claim in claims[:MAX_ROWS]:
        table.add_row(labels.get(claim.doc, claim.doc), claim.speaker or "—", _quote(claim), value_text(claim))
    if len(claims) > MAX_ROWS:
        table.add_row("", "", Text(f"… {len(claims) - MAX_ROWS} more claims (--format json lists them all)",
                                   style="dim"), "")
    return table


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def markdown(diff: Diff) -> str:
    """A report that pastes cleanly into a pull-request comment."""
    lines = [f"### Claims diff: {len(diff.contradictions)} contradictions "
             f"({len(diff.unresolved)} unresolved), {len(diff.clusters)} clusters", ""]
    for c in diff.contradictions:
        mark = "✅" if c.status == "resolved" else "❌"
        lines += [f"#### {mark} `{c.id}` {c.kind} · {c.topic} · between {c.between}", "", _md_escape(c.explanation), ""]
        if c.resolution:
            lines += [f"*Resolution:* {c.resolution.verdict} — {_md_escape(c.resolution.note)}", ""]
        lines += _md_table(c.reports)
    agreed = [k for k in diff.clusters if k.id not in {c.cluster for c in diff.contradictions}]
    if agreed:
        lines += ["<details><summary>Agreements</summary>", ""]
        for k in agreed:
            lines += [f"**{k.topic}** `{k.id}`", ""] + _md_table(k.claims)
        lines += ["</details>", ""]
    return "\n".join(lines)


def _md_table(claims: Iterable[Claim]) -> list[str]:
    rows = ["| source | speaker | quote | value |", "| --- | --- | --- | --- |"]
    for claim in claims:
        quote = _md_escape(claim.sentence).replace(_md_escape(claim.text), f"**{_md_escape(claim.text)}**", 1)
        rows.append(f"| {claim.doc} | {_md_escape(claim.speaker or '—')} | {quote} | {_md_escape(value_text(claim))} |")
    return rows + [""]


def github(diff: Diff, documents: dict[str, Document]) -> str:
    """GitHub workflow annotations, one per conflicting claim, pointing at the article file and line."""
    out = []
    for c in diff.unresolved:
        for claim in c.reports:
            path = documents[claim.doc].path if claim.doc in documents else claim.doc
            message = f"{c.explanation} [{c.id}]".replace("%", "%25").replace("\n", "%0A")
            out.append(f"::error file={path},line={claim.line},title={c.kind} contradiction {c.id}::{message}")
    return "\n".join(out)


def junit(diff: Diff) -> str:
    """A JUnit XML report: one test case per contradiction, failing while it is unresolved."""
    suite = ET.Element("testsuite", name="claims check", tests=str(len(diff.contradictions)),
                       failures=str(len(diff.unresolved)), errors="0")
    for c in diff.contradictions:
        case = ET.SubElement(suite, "testcase", classname=f"claims.{c.topic}", name=f"{c.id} {c.kind}")
        if c.status == "unresolved":
            failure = ET.SubElement(case, "failure", message=c.explanation, type=c.kind)
            failure.text = "\n".join(f"{k.doc}:{k.line} {k.speaker or '-'}: {k.sentence}" for k in c.reports)
        else:
            ET.SubElement(case, "system-out").text = f"{c.resolution.verdict}: {c.resolution.note}"
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)


def check_table(diff: Diff, console: Console) -> None:
    for c in diff.unresolved:
        console.print(f"[red]UNRESOLVED[/red] {c.id} {c.kind} ({c.topic}): {c.explanation}")
    for c in diff.contradictions:
        if c.status == "resolved":
            console.print(f"[green]resolved[/green]   {c.id} {c.kind} ({c.topic}): {c.resolution.verdict}")
    for stale in diff.stale_resolutions:
        console.print(f"[yellow]stale[/yellow]      {stale}: no such contradiction now; remove it from the file")
    console.print(f"{len(diff.unresolved)} unresolved of {len(diff.contradictions)} contradictions")
