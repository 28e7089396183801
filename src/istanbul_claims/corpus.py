"""Get claims for a set of articles: from the store when the file is unchanged, else by parsing.

Everything streams, one document at a time, so memory stays bounded whatever the corpus size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import chain
from pathlib import Path

from . import load
from .models import Claim, Document
from .names import apply_cast, apply_names, from_rows, to_rows
from .store import Run, Store, pipeline_version

Extractor = Callable[..., Iterator[tuple[Document, list[Claim], bool]]]


def iter_extract(paths: Iterable[Path], store_path: Path, report: load.LoadReport, jobs: int = 1,
                 progress: Callable[[Document], None] | None = None,
                 extractor: Extractor | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, claims) in input order, parsing only files the store has not seen with this pipeline.

    `extractor` has `extract.extract`'s contract (the default; `cluster` passes a Ray one); a document
    it does not yield back is left out of the output and the store.
    The run is recorded as the store's latest only once every document is through, so an interrupted
    run leaves the previous one as the latest, with the names merged across its documents: computed
    once here, so that reading the run back (`stored`) only applies them."""
    from . import aliases  # rapidfuzz: only an extract merges names

    version = pipeline_version()
    with Store(store_path) as store:
        shas: list[str] = []
        # Repeats count towards a name's most used spelling: a count per distinct mention.
        mentions: Counter[tuple[str, str, str | None, str | None]] = Counter()

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
                    mentions.update(aliases.mentions(claims))
                    yield doc, claims
                break
            if progress:
                progress(document)
            mentions.update(aliases.mentions(cached))
            yield document, cached
        store.record_run(shas, to_rows(aliases.corpus_names(mentions.elements())))


def extract_paths(paths: Iterable[Path], store_path: Path, jobs: int = 1,
                  progress: Callable[[Document], None] | None = None) -> tuple[load.LoadReport, list[Claim]]:
    """All at once, for callers that need the whole corpus (diff, check, report): one canonical name
    per actor across every article (`aliases.merge_corpus`)."""
    from . import aliases

    report = load.LoadReport()
    claims: list[Claim] = []
    for document, found in iter_extract(paths, store_path, report, jobs=jobs, progress=progress):
        report.documents.append(document)
        claims.extend(found)
    return report, aliases.merge_corpus(claims)


def stored(store_path: Path, kinds: Collection[str] | None = None, documents: bool = True) -> Run:
    """The latest extract: its documents (unless `documents` is False) and its claims of `kinds` (every
    kind if None), with the names merged across the whole run, whatever kinds are read. The claims
    keep each article's own names; the merge, which depends on the whole corpus, is stored with the run."""
    with Store(store_path, create=False) as store:
        run = store.last_run(kinds, documents)
    names = from_rows(run.names)
    run.claims = apply_names(run.claims, names)
    run.casts = apply_cast(run.casts, names)
    return run
