"""Run the pipeline over documents: stream them through `nlp.pipe` in paragraph-aligned chunks."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .claims import claims_from_doc
from .load import iter_chunks
from .models import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)
BATCH_SIZE = 16


def extract(items: Iterable[tuple[Document, list[Claim] | None]], jobs: int = 1, nlp: Language | None = None,
            ) -> Iterator[tuple[Document, list[Claim], bool]]:
    """Yield (document, claims, parsed_now) in input order. Items that carry claims already (from the
    store) pass through unparsed; memory holds only the documents between input and output. A caller
    that extracts many batches (a Ray worker) passes the `nlp` it built once."""
    if nlp is None:
        from .nlp import build  # spaCy loads only when something needs parsing

        nlp = build()
    docs: dict[int, Document] = {}
    known: dict[int, list[Claim]] = {}
    totals: dict[int, int] = {}

    def inputs() -> Iterator[tuple[object, tuple[int, int]]]:
        # One document's chunks at a time: its body is blanked once, and the chunk count is recorded
        # before its chunks go out, so results are released in order without a first pass.
        for index, (document, cached) in enumerate(items):
            docs[index] = document
            if cached is not None:
                known[index], totals[index] = cached, 0
                continue
            chunks = list(iter_chunks(document.body))
            totals[index] = len(chunks)
            for offset, chunk in chunks:
                doc = nlp.make_doc(chunk)
                doc._.reference = document.reference.isoformat() if document.reference else None
                yield doc, (index, offset)

    done: dict[int, int] = {}
    found: dict[int, list[Claim]] = {}
    next_index = 0

    def ready() -> Iterator[tuple[Document, list[Claim], bool]]:
        nonlocal next_index
        while next_index in totals and done.get(next_index, 0) == totals[next_index]:
            if next_index in known:
                yield docs.pop(next_index), known.pop(next_index), False
            else:
                yield docs.pop(next_index), found.pop(next_index, []), True
            next_index += 1

    for doc, (index, offset) in nlp.pipe(inputs(), as_tuples=True, n_process=max(1, jobs), batch_size=BATCH_SIZE):
        found.setdefault(index, []).extend(claims_from_doc(doc, docs[index], offset))
        done[index] = done.get(index, 0) + 1
        yield from ready()
    yield from ready()
