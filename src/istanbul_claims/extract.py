"""Run the pipeline over documents: stream them through `nlp.pipe` in paragraph-aligned chunks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from .claims import claims_from_doc
from .load import iter_chunks
from .models import Claim, Document

log = logging.getLogger(__name__)
BATCH_SIZE = 16


def extract(documents: Iterable[Document], jobs: int = 1,
            on_done: Callable[[Document], None] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Yield (document, claims) in input order; memory holds one batch of chunks at a time."""
    from .nlp import build  # spaCy loads only when something needs parsing

    nlp = build()
    docs = list(documents)

    def inputs() -> Iterator[tuple[object, tuple[int, int, int]]]:
        # One document's chunks at a time: its body is blanked once, and the chunk count travels
        # with each chunk so results can be released in order without a pass over the corpus first.
        for index, document in enumerate(docs):
            chunks = list(iter_chunks(document.body))
            for offset, chunk in chunks:
                doc = nlp.make_doc(chunk)
                doc._.reference = document.reference.isoformat() if document.reference else None
                yield doc, (index, offset, len(chunks))

    pending: dict[int, list[Claim]] = {}
    done: dict[int, int] = {}
    totals: dict[int, int] = {}
    next_index = 0
    for doc, (index, offset, total) in nlp.pipe(inputs(), as_tuples=True, n_process=max(1, jobs),
                                                batch_size=BATCH_SIZE):
        pending.setdefault(index, []).extend(claims_from_doc(doc, docs[index], offset))
        done[index] = done.get(index, 0) + 1
        totals[index] = total
        while next_index in totals and done[next_index] == totals[next_index]:
            claims = pending.pop(next_index, [])
            if on_done:
                on_done(docs[next_index])
            yield docs[next_index], claims
            next_index += 1
