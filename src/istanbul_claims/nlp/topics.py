"""Topics: which subjects (prisoners, ceasefire, ...) each sentence touches, from data/topics.toml."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules


@cache
def _topic_patterns() -> dict[str, tuple[frozenset[str], re.Pattern | None, tuple[str, ...]]]:
    out = {}
    for name, spec in rules.topics()["topics"].items():
        single = frozenset(w for w in spec["words"] if " " not in w)
        phrases = [w for w in spec["words"] if " " in w]
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, phrases)) + r")\b") if phrases else None
        out[name] = (single, pattern, tuple(spec.get("also", ())))
    return out


def topics_of(span: Span) -> list[str]:
    """Topic names whose words occur in `span` (by lemma or lower-cased form), with their broader topics."""
    words = {t.lemma_.lower() for t in span} | {t.lower_ for t in span}
    lower = span.text.lower()
    found: list[str] = []
    for name, (single, pattern, also) in _topic_patterns().items():
        if words & single or (pattern is not None and pattern.search(lower)):
            found += [name, *also]
    return list(dict.fromkeys(found))


class TopicTagger:
    """Adds `topics` to each doc._.sentences record."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for record, sent in zip(doc._.sentences, doc.sents, strict=True):
            record["topics"] = topics_of(sent)
        return doc


@Language.factory("claims_topics", requires=["doc._.sentences"])
def make_topic_tagger(nlp: Language, name: str) -> TopicTagger:
    return TopicTagger(nlp, name)
