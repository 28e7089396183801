"""Selective parsing: the tagger and parser run only where a claim can be.

A cheap pass (the tokenizer's output, sentence boundaries by punctuation and line breaks) picks the
sentences that can carry a claim: a number-like word or a figure of the number grammar, a proposal,
stance or speech word, or a capitalised word after the first (a name, whose actor and speaker need
the tags). Runs of consecutive picked sentences go through the statistical pipes (tok2vec, tagger,
parser, attribute ruler, lemmatizer) as small Docs, BATCH_TOKENS at a time whatever the article's
size, and their tags, lemmas and trees are copied back. Every other sentence keeps its tokens only:
a flat tree (so `doc.sents` still sees it) with no tags, which the components read as "nothing
here" apart from the actor alias table and the date grammar, which need no tags. The cue words are
data: the lemma lists of data/cues.toml and its [selection] table.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

import numpy
from spacy.attrs import DEP, HEAD, IS_TITLE, IS_UPPER, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .. import numbers, rules
from .attributes import CachedAttributeRuler, CachedLemmatizer
from .util import doc_text

# The pipes that tag and parse, in the order they run on the picked sentences.
STATISTICAL = ("tok2vec", "tagger", "claims_line_breaks", "parser", "attribute_ruler", "lemmatizer")
# Tokens per statistical batch: bounds memory (the parser holds a few KB per token) whatever the
# article's size, and is large enough that batching costs nothing.
BATCH_TOKENS = 4000
# A run of picked sentences longer than this is cut at a sentence boundary.
MAX_RUN_TOKENS = 1000
_COPIED = [TAG, POS, LEMMA, DEP, HEAD]
_SENTENCE_END = {".", "!", "?", "...", "\u2026"}
_CLOSERS = {"\u201d", '"', "\u2019", "'", ")", "]"}


def _forms(lemma: str) -> set[str]:
    """The regular inflections of an English lemma: say, says, saying; agree, agreed; study, studies."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", stem + "ing", lemma + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "stop": "stopped", "stopping"
    return out


@cache
def cue_words() -> frozenset[str]:
    """Lower-case surface words that make a sentence worth parsing, from the stance, proposal and
    speech lemmas in data/cues.toml plus its [selection] irregular forms and extra words."""
    cues = rules.cues()
    proposals, speech, selection = cues["proposals"], cues["speech"], cues["selection"]
    lemmas: list[str] = [*speech["verbs"], *speech["quote_verbs"], *proposals["carriers"]]
    for stance in ("offer", "propose", "demand", "accept", "consider", "reject"):
        lemmas += proposals[stance]
    words = {form for lemma in lemmas for form in _forms(lemma)}
    # A phrase counts by its longest word: "question" for "out of the question", never "of".
    phrases = [*proposals["reject_words"], *speech["according"], *cues["numbers"]["words"]["idioms"]]
    words |= {max(phrase.lower().split(), key=len) for phrase in phrases}
    # A dated sentence is parsed too: which event it is about depends on its clauses ("officials said
    # on Monday", "two days before the vote", "the round, held on May 16").
    dates = cues["dates"]
    words |= {w.lower() for w in [*calendar.month_name[1:], *calendar.day_name]}
    words |= {*dates["days"], *dates["periods"], *dates["back"]}
    return frozenset(words | set(selection["irregular"]) | set(selection["words"]))


@cache
def _kind(text: str) -> int:
    """0 a word, 1 whitespace, 2 whitespace with a line break, 3 an end mark, 4 a closing quote or bracket."""
    if text.isspace():
        return 2 if "\n" in text else 1
    if text in _SENTENCE_END or (len(text) > 1 and text[-1] in "!?"):
        return 3
    return 4 if text in _CLOSERS else 0


def sentence_starts(doc: Doc) -> numpy.ndarray:
    """Cheap sentence boundaries: after . ! ? and the closing quotes or brackets that follow, and at
    the first token of every line. Whitespace tokens stay with the sentence before them, as the
    parser has it."""
    starts = numpy.zeros(len(doc), dtype=bool)
    if not len(doc):
        return starts
    strings = doc.vocab.strings
    kinds = [_kind(strings[orth]) for orth in doc.to_array([ORTH]).tolist()]
    after_end = after_break = False
    for i, kind in enumerate(kinds):
        if kind in (1, 2):
            after_break = after_break or kind == 2
            continue
        if after_break or (after_end and kind != 4):
            starts[i] = True
            after_end = after_break = False
        if kind == 3:
            after_end = True
        elif kind != 4:
            after_end = False
    starts[0] = True
    return starts


def _spans(starts: numpy.ndarray) -> list[tuple[int, int]]:
    at = numpy.flatnonzero(starts).tolist() + [len(starts)]
    return list(zip(at[:-1], at[1:], strict=True))


def picked(doc: Doc, sentences: list[tuple[int, int]], cues: frozenset[int]) -> list[bool]:
    """Which sentences can carry a claim: any number-like word, a cue word, a capitalised word after
    the sentence's first (a name, whose actor and speaker the tagger and parser find), or else a
    figure of the number grammar ("about an hour")."""
    if not len(doc):
        return []
    arr = doc.to_array([LIKE_NUM, LOWER, IS_TITLE, IS_UPPER])
    hit = (arr[:, 0] == 1) | numpy.isin(arr[:, 1], numpy.fromiter(cues, dtype="uint64", count=len(cues)))
    capital = (arr[:, 2] == 1) | (arr[:, 3] == 1)
    capital[[start for start, _ in sentences]] = False
    hit |= capital
    chosen = [bool(h) for h in numpy.add.reduceat(hit.astype(numpy.int32), [s for s, _ in sentences])]
    text = doc_text(doc)
    for i, (start, end) in enumerate(sentences):
        if not chosen[i]:
            span = doc[start:end]
            chosen[i] = bool(numbers.find_figures(text[span.start_char:span.end_char]))
    return chosen


def runs(sentences: list[tuple[int, int]], chosen: list[bool]) -> list[tuple[int, int]]:
    """Consecutive picked sentences as [start, end) token ranges, cut at MAX_RUN_TOKENS."""
    out: list[tuple[int, int]] = []
    for (start, end), keep in zip(sentences, chosen, strict=True):
        if not keep:
            continue
        if out and out[-1][1] == start and end - out[-1][0] <= MAX_RUN_TOKENS:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _flat_tree(sentences: list[tuple[int, int]], rows: numpy.ndarray, root: int, dep: int) -> None:
    """Rows for unparsed sentences: every token hangs from the sentence's first token."""
    for start, end in sentences:
        rows[start, 3] = root
        rows[start + 1:end, 3] = dep
        rows[start + 1:end, 4] = (start - numpy.arange(start + 1, end)).astype("int64").view("uint64")


class SelectiveParse:
    """Tags and parses the sentences that can carry a claim; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self._cues: frozenset[int] | None = None
        self._stat: list | None = None

    def _pipes(self) -> list:
        if self._stat is None:
            self._stat = [self._cached(name) for name in STATISTICAL]
        return self._stat

    def _cached(self, name: str):
        """The attribute ruler and lemmatizer cached per distinct token (the same annotations, faster);
        the pipe itself where a model's rules cannot be cached that way."""
        pipe = self.nlp.get_pipe(name)
        cached = {"attribute_ruler": CachedAttributeRuler, "lemmatizer": CachedLemmatizer}.get(name)
        try:
            return cached(pipe) if cached else pipe
        except ValueError:
            return pipe

    def _cue_hashes(self) -> frozenset[int]:
        if self._cues is None:
            self._cues = frozenset(self.nlp.vocab.strings.add(w) for w in cue_words())
        return self._cues

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        plans = []
        pieces: list[tuple[int, int, int]] = []  # (doc index, start, end)
        for index, doc in enumerate(docs):
            sentences = _spans(sentence_starts(doc))
            chosen = picked(doc, sentences, self._cue_hashes())
            plans.append((sentences, chosen))
            pieces += [(index, start, end) for start, end in runs(sentences, chosen)]
        parsed = self._parse([(docs[i], s, e) for i, s, e in pieces])
        by_doc: dict[int, list[tuple[int, int, numpy.ndarray]]] = {}
        for (index, start, end), rows in zip(pieces, parsed, strict=True):
            by_doc.setdefault(index, []).append((start, end, rows))
        strings = self.nlp.vocab.strings
        root, dep = strings.add("ROOT"), strings.add("dep")
        for index, doc in enumerate(docs):
            if not len(doc):
                continue
            sentences, chosen = plans[index]
            rows = numpy.zeros((len(doc), len(_COPIED)), dtype="uint64")
            _flat_tree([s for s, keep in zip(sentences, chosen, strict=True) if not keep], rows, root, dep)
            for start, end, sub in by_doc.get(index, []):
                rows[start:end] = sub
            doc.from_array(_COPIED, rows)

    def _parse(self, pieces: list[tuple[Doc, int, int]]) -> list[numpy.ndarray]:
        """Each piece as a small Doc through the statistical pipes, BATCH_TOKENS at a time."""
        out: list[numpy.ndarray] = []
        pipes = self._pipes()
        batch: list[Doc] = []
        size = 0

        def flush() -> None:
            nonlocal batch, size
            if not batch:
                return
            docs = batch
            for pipe in pipes:
                docs = list(pipe.pipe(docs, batch_size=len(docs))) if hasattr(pipe, "pipe") else [pipe(d) for d in docs]
            out.extend(d.to_array(_COPIED) for d in docs)
            batch, size = [], 0

        arrays: dict[int, numpy.ndarray] = {}
        for doc, start, end in pieces:
            # Words and spaces from arrays: Span.as_doc looks up a vector for every token.
            rows = arrays.get(id(doc))
            if rows is None:
                rows = arrays[id(doc)] = doc.to_array([ORTH, SPACY])
            strings = doc.vocab.strings
            batch.append(Doc(doc.vocab, words=[strings[o] for o in rows[start:end, 0].tolist()],
                             spaces=[bool(s) for s in rows[start:end, 1].tolist()]))
            size += end - start
            if size >= BATCH_TOKENS:
                flush()
        flush()
        return out


@Language.factory("claims_selective_parse")
def make_selective_parse(nlp: Language, name: str) -> SelectiveParse:
    return SelectiveParse(nlp, name)
