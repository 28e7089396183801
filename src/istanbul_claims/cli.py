"""The `claims` command line. Commands are thin: the library does the work, this module only parses
options, prints to stdout (results) and stderr (logs, progress, errors) and picks the exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from . import resolutions as res
from .errors import EXIT_INTERNAL, EXIT_OK, EXIT_UNRESOLVED, ClaimsError
from .models import Claim, Diff, Document, Resolution

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False,
                  help="Show where news articles about one event agree and where they contradict each other.\n\n"
                       "Example: [bold]claims extract seeds/[/bold] then [bold]claims diff --topic prisoners[/bold]")


class _Console:
    """A rich Console made on first use: rich costs a diff printing JSON more than reading its claims."""

    def __init__(self, **options) -> None:
        self._options = options
        self._console = None

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str):
        return getattr(self.console, name)


out = _Console(soft_wrap=False)
err = _Console(stderr=True)
log = logging.getLogger("istanbul_claims")
_state = {"debug": False}

StoreOpt = Annotated[Path | None, typer.Option("--store", envvar="CLAIMS_STORE",
                                                help="Claim store (SQLite). Default .claims/claims.db.")]
PathsArg = Annotated[list[Path] | None, typer.Argument(help="Article files or folders of .txt files.")]
TopicOpt = Annotated[str | None, typer.Option("--topic", "-t", help="Only this topic, e.g. prisoners.")]
ResolutionsOpt = Annotated[Path, typer.Option("--resolutions", help="Verdicts file.")]
RayAddressOpt = Annotated[str | None, typer.Option(
    "--ray-address", envvar="RAY_ADDRESS", help="With --engine ray: join this Ray cluster (e.g. 10.0.0.1:6379). "
                                               "Default: start a local Ray on this machine's cores.")]


class Engine(str, Enum):
    local = "local"
    ray = "ray"


# The backslash before "[cluster]" keeps rich markup from taking it for a style tag.
EngineOpt = Annotated[Engine, typer.Option("--engine", help="local (processes on this machine) or ray (Ray Data on a "
                                                            "Ray cluster; needs pip install -e '.\\[cluster]').")]


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"


class Verdict(str, Enum):
    side = "side"
    both_reported = "both-reported"
    known_discrepancy = "known-discrepancy"


@app.callback()
def main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
         verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    _state["debug"] = debug
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", stream=sys.stderr)


def _fail(exc: ClaimsError) -> typer.Exit:
    if _state["debug"]:
        raise exc
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(exc.exit_code)


@contextmanager
def _progress() -> Iterator[Callable[[Document], None]]:
    """A progress bar with articles/s on stderr (when it is a terminal); yields the per-article tick."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err.console,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("articles", total=None, rate="")

        def tick(_: Document) -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            if elapsed:
                progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:.1f} articles/s")

        yield tick


def _warn(line: str) -> None:
    from rich.markup import escape

    err.print(f"[yellow]warning:[/yellow] {escape(line)}", highlight=False, soft_wrap=True)


def _stream(paths: list[Path], store: Path | None, jobs: int, tick: Callable[[Document], None],
            engine: Engine = Engine.local, address: str | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Documents and their claims as they are ready; bad input raises before the first one."""
    from .load import LoadReport, cpu_count
    from .store import store_path

    report = LoadReport(listener=_warn)
    if engine is Engine.ray:
        from . import cluster

        stream = cluster.iter_extract(paths, store_path(store), report, jobs=jobs, address=address, progress=tick)
    else:
        from . import corpus

        stream = corpus.iter_extract(paths, store_path(store), report, jobs=jobs or cpu_count(), progress=tick)
    first = next(stream, None)
    return chain([first], stream) if first is not None else iter(())


def _gather(paths: list[Path] | None, store: Path | None, documents: bool = True,
            compared: bool = False) -> tuple[list[Document], list[Claim], list[tuple[str, str, str | None]], dict]:
    """The whole corpus, names merged across it, from PATHS (extracting what the store lacks) or from
    the last extract; with `documents` False the stored article texts are not read. With `compared`,
    the last extract gives only the claims a diff compares, the outline of the others' events and each
    article's actors (the other kinds are four fifths of the rows)."""
    from . import corpus
    from .store import store_path

    if not paths:
        from .reconcile import COMPARED

        run = corpus.stored(store_path(store), COMPARED if compared else None, documents)
        return run.documents, run.claims, run.outline if compared else [], run.casts if compared else {}
    from .aliases import merge_corpus

    found: list[Document] = []
    claims: list[Claim] = []
    with _progress() as tick:
        for document, extracted in _stream(paths, store, 0, tick):
            found.append(document)
            claims.extend(extracted)
    return found, merge_corpus(claims), [], {}


def _diff(paths, store, topic, resolutions_file, claims_dir: Path | None = None, engine: Engine = Engine.local,
          address: str | None = None, documents: bool = True,
          compared: bool = False) -> tuple[list[Document], list[Claim], Diff]:
    """Documents, claims (only the compared kinds from the store when `compared`) and their diff."""
    from .reconcile import reconcile

    verdicts = res.read(resolutions_file)
    if claims_dir is not None:
        # A Parquet dataset (from `extract --parquet`) stands in for the store; it holds no article text.
        if paths:
            raise ClaimsError("give article PATHS or --claims DIR, not both")
        found: list[Document] = []
        if engine is Engine.ray:
            from . import cluster

            claims: list[Claim] = []
            diff = cluster.diff(claims_dir, verdicts, topic, address=address)
        else:
            from . import parquet
            from .aliases import merge_corpus

            claims = merge_corpus(parquet.read_claims(claims_dir))
            diff = reconcile(claims, verdicts, topic=topic)
    elif engine is Engine.ray:
        raise ClaimsError("--engine ray reconciles a Parquet dataset: add --claims DIR "
                          "(written by `claims extract PATHS --parquet DIR`)")
    else:
        found, claims, others, casts = _gather(paths, store, documents, compared)
        diff = reconcile(claims, verdicts, topic=topic, others=others, casts=casts)
    for stale in diff.stale_resolutions:
        _warn(f"{resolutions_file}: resolution {stale} matches no contradiction (stale); remove it")
    return found, claims, diff


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of .txt files.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.table,
    topic: TopicOpt = None,
    store: StoreOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores; with --engine ray, "
                                                           "all CPUs of the cluster).")] = 0,
    engine: EngineOpt = Engine.local,
    ray_address: RayAddressOpt = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Also write the claims as a Parquet dataset "
                                                                  "in this folder (needs the cluster extra).")] = None,
) -> None:
    """Extract typed claims (figures, actors, dates, proposals) from articles.

    Example: [bold]claims extract seeds/ --format json > claims.json[/bold]
    """
    try:
        with _progress() as tick:
            stream = _stream(paths, store, jobs, tick, engine, ray_address)
            if parquet is not None:
                from .parquet import tee

                stream = tee(stream, parquet)
            _print_extraction(stream, format, topic)
    except ClaimsError as exc:
        raise _fail(exc) from None


def _print_extraction(stream: Iterator[tuple[Document, list[Claim]]], format: ExtractFormat,
                      topic: str | None) -> None:
    """Print claims. json is one corpus: collected, names merged across articles (`merge_corpus`), then
    written. table and jsonl stream each article as soon as it is ready, with that article's own names."""
    if format is ExtractFormat.json:
        from .aliases import merge_corpus

        documents, collected = [], []
        for document, claims in stream:
            documents.append(document.public())
            collected.extend(claims)
        sys.stdout.write('{"claims": [')
        separator = "\n"
        for claim in merge_corpus(collected):
            if topic is None or topic in claim.topics:
                sys.stdout.write(separator + claim.model_dump_json())
                separator = ",\n"
        sys.stdout.write('\n],\n"documents": ' + json.dumps(documents, ensure_ascii=False, indent=1) + "}\n")
        return
    from .report import extraction_table

    for document, claims in stream:
        shown = [c for c in claims if topic is None or topic in c.topics]
        if format is ExtractFormat.jsonl:
            for claim in shown:
                print(claim.model_dump_json())
        else:
            out.print(extraction_table(document, shown))


@app.command()
def diff(
    paths: PathsArg = None,
    topic: TopicOpt = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.table,
    store: StoreOpt = None,
    resolutions: ResolutionsOpt = res.DEFAULT,
    claims: Annotated[Path | None, typer.Option("--claims", help="Read claims from this Parquet dataset (written "
                                                                "by extract --parquet) instead of the store.")] = None,
    engine: EngineOpt = Engine.local,
    ray_address: RayAddressOpt = None,
    event: Annotated[str | None, typer.Option("--event", help="Only this event, by its day (YYYY-MM-DD; "
                                                              "another story of the day is DAY/ARTICLE), "
                                                              "when the articles cover several.")] = None,
) -> None:
    """Show where sources agree and contradict, contradictions first.

    With no PATHS it reads the claims saved by the last [bold]claims extract[/bold]. Articles about
    different events are never compared; the events found are listed first.

    Example: [bold]claims diff --topic prisoners[/bold]
    """
    try:
        _, _, result = _diff(paths, store, topic, resolutions, claims, engine, ray_address, documents=False,
                             compared=True)
        if event is not None:
            from .reconcile import only_event

            if not only_event(result, event).events:
                found = ", ".join(e.event for e in result.events)
                raise ClaimsError(f"no event on {event} in these articles; events found: {found}")
            result = only_event(result, event)
    except ClaimsError as exc:
        raise _fail(exc) from None
    if format is DiffFormat.json:
        sys.stdout.write(result.model_dump_json(indent=1) + "\n")
    elif format is DiffFormat.markdown:
        from .report import markdown

        sys.stdout.write(markdown(result) + "\n")
    else:
        from .report import diff_tables

        dated = [e for e in result.events if e.event != "?"]
        if len(dated) > 1:
            out.print("Events found (pick one with --event DAY): " + "; ".join(
                f"{e.event}: {len(e.documents)} articles, {e.contradictions} contradictions" for e in dated))
        out.print(diff_tables(result))


@app.command()
def check(
    paths: PathsArg = None,
    resolutions: ResolutionsOpt = res.DEFAULT,
    format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here (junit).")] = None,
    store: StoreOpt = None,
) -> None:
    """CI gate: exit 0 when every contradiction is resolved, 1 when any is not, 2 on bad input.

    Example: [bold]claims check seeds/ --format github[/bold]
    """
    try:
        documents, _, result = _diff(paths, store, None, resolutions, compared=True)
    except ClaimsError as exc:
        raise _fail(exc) from None
    from . import report

    if format is CheckFormat.json:
        text = result.model_dump_json(indent=1)
    elif format is CheckFormat.github:
        text = report.github(result, {d.id: d for d in documents})
    elif format is CheckFormat.junit:
        text = report.junit(result)
    else:
        text = None
        report.check_table(result, out.console)
    if text is not None:
        if output:
            res.atomic_write(output, text + "\n")
        else:
            print(text)
    raise typer.Exit(EXIT_UNRESOLVED if result.unresolved else EXIT_OK)


@app.command()
def report(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the HTML page.")] = Path("report.html"),
    topic: TopicOpt = None,
    store: StoreOpt = None,
    resolutions: ResolutionsOpt = res.DEFAULT,
) -> None:
    """Write one self-contained HTML page: sources, a source x topic matrix, contradictions first.

    Example: [bold]claims report seeds/ -o report.html[/bold]
    """
    try:
        documents, claims, result = _diff(paths, store, topic, resolutions)
    except ClaimsError as exc:
        raise _fail(exc) from None
    from .html_report import render

    res.atomic_write(output, render(documents, claims, result))
    err.print(f"wrote {output}")


@app.command()
def resolve(
    contradiction: Annotated[str, typer.Argument(help="Contradiction id, as `claims diff` shows it (x-...).")],
    verdict: Annotated[Verdict, typer.Option("--verdict", help="side | both-reported | known-discrepancy")],
    note: Annotated[str, typer.Option("--note", help="Why: a sentence a reader can check against the quotes.")],
    right: Annotated[str | None, typer.Option("--right", help="With --verdict side: the claim id that is right.")] = None,
    resolutions: ResolutionsOpt = res.DEFAULT,
) -> None:
    """Record a verdict on a contradiction, keeping the rest of the file intact.

    Example: [bold]claims resolve x-0123456789 --verdict both-reported --note "Each side's own account."[/bold]
    """
    try:
        resolution = Resolution(verdict=verdict.value, right=right, note=note)
        if resolution.verdict == "side" and not right:
            raise res.ResolutionsError("--verdict side needs --right CLAIM_ID (the claim that is right)")
        res.write(resolutions, contradiction, resolution)
    except ClaimsError as exc:
        raise _fail(exc) from None
    err.print(f"recorded {verdict.value} for {contradiction} in {resolutions}")


def run() -> None:
    """Console entry point: Ctrl-C and unexpected faults end in one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; the store and resolutions file are unchanged or fully updated")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence; --debug shows the traceback
        if "--debug" in sys.argv:
            raise
        err.print(f"[red]internal error:[/red] {type(exc).__name__}: {exc} (rerun with --debug and report it)",
                  highlight=False, soft_wrap=True)
        sys.exit(EXIT_INTERNAL)

