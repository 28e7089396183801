"""Get claims for a set of articles: from the store when the file is unchanged, else by parsing.

Everything streams, one document at a time, so memory stays bounded whatever the corpus size."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import chain
from pathlib import Path

from . import aliases, load
from .models import Claim, Document
from .store import Run, Store, pipeline_version

Extractor = Callable[..., Iterator[tuple[Document, list[Claim], bool]]]


def iter_extract(paths: Iterable[Path], store_path: Path, report: load.LoadReport, jobs: int = 1,
                 progress: Callable[[Document], None] | None = None,
                 extractor: Extractor | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, claims) in input order, parsing only files the store has not seen with this pipeline.

    `extractor` has `extract.extract`'s contract (the default; `cluster` passes a Ray one); a document
    it does not yield back is left out of the output and the store.
    The run is recorded as the store's latest only once every document is through, so an interrupted
    run leaves the previous one as the latest."""
    version = pipeline_version()
    with Store(store_path) as store:
        shas: list[str] = []

        def items() -> Iterator[tuple[Document, list[Claim] | None]]:
            for document in load.iter_documents(paths, report):
                shas.append(document.sha256)
                yield document, store.cached(document.sha256, version)

        pending = items()
        for document, cached in pending:
            if cached is None:
                # The first file to parse: spaCy loads now, and parses it and everything after it.
                if extractor is None:
                    from .extract import extract as extractor

                rest = chain([(document, None)], pending)
                for doc, claims, fresh in extractor(rest, jobs=jobs):
                    if fresh:
                        store.put(doc, claims, version)
                    if progress:
                        progress(doc)
                    yield doc, claims
                break
            if progress:
                progress(document)
            yield document, cached
        store.record_run(shas)


def extract_paths(paths: Iterable[Path], store_path: Path, jobs: int = 1,
                  progress: Callable[[Document], None] | None = None) -> tuple[load.LoadReport, list[Claim]]:
    """All at once, for callers that need the whole corpus (diff, check, report): one canonical name
    per actor across every article (`aliases.merge_corpus`)."""
    report = load.LoadReport()
    claims: list[Claim] = []
    for document, found in iter_extract(paths, store_path, report, jobs=jobs, progress=progress):
        report.documents.append(document)
        claims.extend(found)
    return report, aliases.merge_corpus(claims)


def stored(store_path: Path, kinds: Collection[str] | None = None, documents: bool = True) -> Run:
    """The latest extract: its documents (unless `documents` is False) and its claims of `kinds` (every
    kind if None), names merged across them. The store keeps each article's own names: a merge depends
    on the whole corpus."""
    with Store(store_path, create=False) as store:
        run = store.last_run(kinds, documents)
    run.claims = aliases.merge_corpus(run.claims)
    return run
