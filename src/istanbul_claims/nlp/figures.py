"""Figures: numbers with bounds, ranges and reciprocity, and what they count, in whose proposal."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache

from rapidfuzz import fuzz, process, utils
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import numbers, rules
from .util import ancestors, lemma, lemmas

TIME_UNITS = {"day", "week", "month", "hour", "minute", "year"}
# Words before a number that make it a subset, not a total: "the first two sections".
_SUBSET_WORDS = {"first", "last", "next", "other", "remaining", "top", "previous", "final"}


@cache
def _lexicons() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    cfg = rules.topics()
    subjects = {w: name for name, words in cfg["subjects"].items() for w in words}
    frames = {w: name for name, words in cfg["frames"].items() for w in words}
    return subjects, frames, frozenset(cfg["subjects_transparent"]["words"])


# A noun the lexicon lacks still names a subject when it is a near spelling of one ("servicemen",
# "POWs", "cease-fires"); ratio, not token_set_ratio, so "part" never matches "party".
SUBJECT_CUTOFF = 90.0


def subject_word(word: str) -> str | None:
    subjects, _, _ = _lexicons()
    if word in subjects:
        return subjects[word]
    match = process.extractOne(word, list(subjects), scorer=fuzz.ratio, processor=utils.default_process,
                               score_cutoff=SUBJECT_CUTOFF)
    return subjects[match[0]] if match else None


def counted_noun(num: Token) -> Token | None:
    """The noun a number counts: its head noun, looking through 'names of', 'list of'."""
    _, _, transparent = _lexicons()
    noun = num if num.pos_ in ("NOUN", "PROPN") and num.like_num is False else None
    head = num
    for _ in range(3):
        if noun is not None:
            break
        if head.head is head:
            break
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            noun = head
        elif head.pos_ not in ("NUM", "ADP", "PUNCT", "SYM", "X", "ADJ", "ADV"):
            break
    if noun is not None and lemma(noun) in transparent:
        inner = next((g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if inner is not None:
            noun = inner
    return noun


def subject_of(span: Span, num: Token, counted: Token | None, unit: str | None) -> str | None:
    """What the figure is about (body, age, ceasefire...), from data/topics.toml [subjects]."""
    subjects, _, transparent = _lexicons()
    sent = span.sent
    window = span.doc[max(sent.start, span.start - 3):span.end]
    if any(t.lower_ in ("aged", "age", "ages") for t in window) or "years old" in span.text.lower() \
            or "year-old" in span.text.lower():
        return "age"
    if num.i > sent.start and span.doc[span.start - 1].lower_ in _SUBSET_WORDS:
        return None  # "the first two sections" picks some of them; it does not count them all
    candidates: list[Token] = []
    counts_thing = counted is not None and unit not in TIME_UNITS and lemma(counted) not in TIME_UNITS
    if counted is not None:
        # "the remains of 6,000 soldiers": the container says what is counted.
        if counted.head.lower_ == "of" and counted.head.head.pos_ == "NOUN":
            candidates.append(counted.head.head)
        if counts_thing:
            candidates.append(counted)
        candidates += [g for c in counted.children if c.lower_ == "of" for g in c.children]
    if not counts_thing:
        # A duration or a bare number is about what governs it: first the head of its noun phrase
        # ("a 30-day ceasefire memorandum" is about the memorandum), then the words above it
        # ("a truce lasting 30 days").
        head = counted if counted is not None else num
        while head.dep_ in ("compound", "amod", "nummod", "npadvmod") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        candidates.append(head)
        candidates += [t for t in ancestors(num) if t.pos_ in ("NOUN", "PROPN")]
    for token in candidates:
        name = subject_word(lemma(token)) or subject_word(token.lower_)
        if name and lemma(token) not in transparent:
            return name
    if counts_thing:
        return None  # it counts something our subjects do not cover: compare it with nothing
    # Last resort: the nearest subject word in the sentence ("Ukraine has returned about 20", of children).
    nearest = sorted((t for t in sent if subjects.get(lemma(t))), key=lambda t: abs(t.i - num.i))
    return subjects[lemma(nearest[0])] if nearest else None


def frame_of(num: Token) -> str | None:
    """What happens to the counted thing: the nearest governing word in a frame of data/topics.toml."""
    _, frames, _ = _lexicons()
    for token in [num, *ancestors(num, limit=7)]:
        if token.dep_ == "prep":
            continue  # "including the wounded" lists examples; it is not something done to them
        frame = frames.get(lemma(token))
        if frame:
            return frame
    return None


def _clause(token: Token) -> list[Token]:
    """The figure's own clause: the governing verb's subtree without coordinated or embedded clauses."""
    verb = next((t for t in ancestors(token) if t.pos_ == "VERB"), None)
    if verb is None:
        verb = next((t for t in ancestors(token) if t.pos_ == "AUX"), None)
        if verb is None:
            return list(token.sent)
    # "..., as will the bodies of 6,000 soldiers": an elliptical clause borrows its head's verb.
    heads = [verb]
    if any(a.pos_ == "AUX" and a.dep_ == "advcl" for a in [*ancestors(token)][:4]):
        heads.append(verb.head)
    excluded: set[int] = set()
    for head in heads:
        for child in head.children:
            if child.dep_ in ("conj", "ccomp", "parataxis") and child not in heads:
                excluded.update(t.i for t in child.subtree)
    out = {t.i: t for head in heads for t in head.subtree if t.i not in excluded}
    return [out[i] for i in sorted(out)]


def basis_of(figure: numbers.Figure, num: Token) -> str | None:
    """unilateral or reciprocal, from the figure itself ('6,000 for 6,000') or cue words in its clause."""
    if figure.basis:
        return figure.basis
    cfg = rules.cues()["reciprocity"]
    clause = _clause(num)
    words = lemmas(clause)
    text = " ".join(t.lower_ for t in clause).replace(" - ", "-")
    def hit(cues: list[str]) -> bool:
        return any((c in words) if " " not in c else (c in text) for c in cues)
    if hit(cfg["unilateral"]):
        return "unilateral"
    if hit(cfg["reciprocal"]):
        return "reciprocal"
    return None


def proposer_of(doc: Doc, num: Token) -> str | None:
    """The party whose offer, proposal or demand the figure is part of."""
    for p in doc._.proposals or []:
        if p["stance"] in ("offer", "propose", "demand") and p["anchor_start"] <= num.idx < p["anchor_end"]:
            return p["party"] or p["proposer"]
    return None


def find_figures(doc: Doc) -> list[dict]:
    found: list[dict] = []
    for fig in numbers.find_figures(doc.text):
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        num_span = doc.char_span(fig.num_start, fig.num_end, alignment_mode="expand")
        if span is None or num_span is None or "\n" in fig.text:
            continue
        num = num_span[-1]
        counted = counted_noun(num)
        unit = fig.unit
        subject = subject_of(span, num, counted, unit)
        if subject == "age":
            unit = "year"
        record = asdict(fig)
        record.update(unit=unit, basis=basis_of(fig, num),
                      counted=lemma(counted) if counted is not None else None,
                      subject=subject, frame=frame_of(num), proposer=proposer_of(doc, num))
        found.append(record)
    return found


class FigureFinder:
    """Adds `doc._.figures`: the number grammar's figures plus counted noun, subject, frame, basis, proposer."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc


@Language.factory("claims_figures", requires=["doc._.proposals"], assigns=["doc._.figures"])
def make_figure_finder(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder(nlp, name)
