"""Get claims for a set of articles: from the store when the file is unchanged, else by parsing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from . import load
from .models import Claim, Document
from .store import Store, pipeline_version


def extract_paths(paths: Iterable[Path], store_path: Path, jobs: int = 1,
                  progress: Callable[[Document], None] | None = None,
                  ) -> tuple[load.LoadReport, list[Claim]]:
    """Load and extract `paths`, parsing only files the store has not seen with this pipeline."""
    report = load.load(paths)
    version = pipeline_version()
    claims_by_doc: dict[str, list[Claim]] = {}
    with Store(store_path) as store:
        todo: list[Document] = []
        for document in report.documents:
            cached = store.cached(document.sha256, version)
            if cached is None:
                todo.append(document)
            else:
                claims_by_doc[document.sha256] = cached
                if progress:
                    progress(document)
        if todo:
            from .extract import extract  # spaCy loads only when there is something to parse

            for document, claims in extract(todo, jobs=jobs, on_done=progress):
                store.put(document, claims, version)
                claims_by_doc[document.sha256] = claims
        store.record_run(report.documents)
    claims = [c for d in report.documents for c in claims_by_doc[d.sha256]]
    return report, claims


def stored(store_path: Path) -> tuple[list[Document], list[Claim]]:
    with Store(store_path, create=False) as store:
        return store.last_run()
