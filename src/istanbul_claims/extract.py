"""Run the pipeline over documents, on one process or several.

Documents are parsed in groups of about GROUP_CHARS characters, each cut into paragraph-aligned
chunks. With several jobs, each group goes to a worker process forked from this one (so the model
loads once) and comes back as claims: plain pydantic models, never spaCy Docs, which nothing past
`claims_from_doc` reads and which cost more to send between processes than to parse. At most two
groups per worker are in flight, so memory holds a few documents whatever the corpus size.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .claims import claims_from_doc
from .load import iter_chunks
from .models import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)
BATCH_SIZE = 16
# A group of documents parsed together: large enough to batch the statistical pipes well, small
# enough to bound what one worker holds.
GROUP_CHARS = 60_000
GROUP_DOCS = 16
# A made-up sentence that touches every component: a speaker, a stance, figures, dates.
WARM_UP = "On Monday, June 2, the minister said Russia had proposed about 20 days, two weeks ago, in 2024."

Group = list[tuple[int, Document]]
_nlp = None  # set in this process before workers are forked from it


def _load():
    global _nlp
    if _nlp is None:
        from .nlp import build  # spaCy loads only when something needs parsing

        _nlp = build()
        # Everything that loads on first use (dateparser's language data, the rules, the alias
        # table, the cue sets) loads here, once, before any worker is forked.
        warm = _nlp.make_doc(WARM_UP)
        warm._.reference = "2025-06-02"
        _nlp(warm)
    return _nlp


def parse_group(group: Group) -> list[tuple[int, list[Claim]]]:
    """The claims of each document in `group`, as (index, claims) in the group's order."""
    nlp = _load()
    documents = dict(group)

    def chunks() -> Iterator[tuple[object, tuple[int, int]]]:
        for index, document in group:
            reference = document.reference.isoformat() if document.reference else None
            for offset, chunk in iter_chunks(document.body):
                doc = nlp.make_doc(chunk)
                doc._.reference = reference
                yield doc, (index, offset)

    found: dict[int, list[Claim]] = {index: [] for index, _ in group}
    for doc, (index, offset) in nlp.pipe(chunks(), as_tuples=True, batch_size=BATCH_SIZE):
        found[index].extend(claims_from_doc(doc, documents[index], offset))
    return [(index, found[index]) for index, _ in group]


def _quiet_worker() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and leaves the store consistent.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _tasks(items: Iterable[tuple[Document, list[Claim] | None]],
           ) -> Iterator[tuple[Group, list[tuple[Document, list[Claim]]]]]:
    """Input in order as tasks: a group of documents to parse, or documents the store answered."""
    group: Group = []
    size = 0
    for index, (document, cached) in enumerate(items):
        if cached is not None:
            if group:
                yield group, []
                group, size = [], 0
            yield [], [(document, cached)]
            continue
        group.append((index, document))
        size += len(document.text)
        if size >= GROUP_CHARS or len(group) >= GROUP_DOCS:
            yield group, []
            group, size = [], 0
    if group:
        yield group, []


def extract(items: Iterable[tuple[Document, list[Claim] | None]], jobs: int = 1, nlp: Language | None = None,
            ) -> Iterator[tuple[Document, list[Claim], bool]]:
    """Yield (document, claims, parsed_now) in input order. Items that carry claims already (from the
    store) pass through unparsed. A caller that extracts many batches (a Ray worker) passes the `nlp`
    it built once."""
    global _nlp
    if nlp is not None:
        _nlp = nlp
    _load()
    if jobs <= 1:
        for group, known in _tasks(items):
            yield from ((document, claims, False) for document, claims in known)
            parsed = dict(parse_group(group)) if group else {}
            yield from ((document, parsed[index], True) for index, document in group)
        return
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_worker) as pool:
        window: deque = deque()

        def finished(task) -> Iterator[tuple[Document, list[Claim], bool]]:
            group, known, pending = task
            yield from ((document, claims, False) for document, claims in known)
            if pending is not None:
                parsed = dict(pending.get())
                yield from ((document, parsed[index], True) for index, document in group)

        for group, known in _tasks(items):
            window.append((group, known, pool.apply_async(parse_group, (group,)) if group else None))
            while len(window) > 2 * jobs:
                yield from finished(window.popleft())
        while window:
            yield from finished(window.popleft())
