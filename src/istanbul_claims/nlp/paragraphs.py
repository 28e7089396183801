"""Paragraph boundaries: a line break always ends a sentence (headings and list items stand alone)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

_STOPS = {".", "!", "?", "\u2026"}


def mark_line_starts(doc: Doc) -> Doc:
    line: list[Token] = []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            _one_sentence(line)
            line = []
        if not token.is_space:
            line.append(token)
    _one_sentence(line)
    return doc


def _one_sentence(line: list[Token]) -> None:
    """A line with no full stop at all is one sentence: a headline ("Envoys Agree Swap After Geneva
    Talks") must not be split where the parser guesses a clause starts."""
    if len(line) > 1 and not any(t.text in _STOPS for t in line):
        for token in line[1:]:
            token.is_sent_start = False


class LineBreaks:
    """Sets `is_sent_start` on the first token of every line, before the parser runs."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_starts(doc)


@Language.factory("claims_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(nlp, name)
