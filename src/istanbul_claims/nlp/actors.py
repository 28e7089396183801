"""Actor recognition: named people, states and bodies, each with one canonical name."""

from __future__ import annotations

import calendar
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import aliases, rules

_NAME_TAGS = {"NNP", "NNPS"}
_CALENDAR = {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}
# A line is in Title Case when this share of its words of this many letters or more are capitalised.
_HEADLINE_SHARE = 0.75
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# A capital inside a sentence: after a word or a comma, not after a full stop, a quote or a line start.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[^\s.!?:\"\u201c\u2018(])[ \t]+([A-Z][^\W_]*)")


def headline_capitals(doc: Doc, text: str) -> set[int]:
    """Tokens whose capital says nothing: on a Title Case line ("Prisoner Exchange Highlights Talks"),
    a capitalised word is a name only if the article also capitalises it in the middle of a sentence
    off such lines. The alias table still finds known actors there. `text` is doc.text."""
    # Read from the text with regexes: a Python pass over every token would cost as much as the
    # rest of the component, and Title Case lines are rare.
    lower = set(_LOWER_WORD.findall(text))
    titled: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        words = _LONG_WORD.findall(line)
        capitals = [w for w in words if w[0].isupper()]
        # A line of names ("Vladimir Medinsky, Igor Kostyukov") is not a headline: one of its capitals
        # must be a word the article writes in lower case elsewhere.
        if len(words) >= 3 and len(capitals) >= _HEADLINE_SHARE * len(words) \
                and any(w.lower() in lower for w in capitals):
            titled.append((at, at + len(line)))
        at += len(line) + 1
    if not titled:
        return set()
    off = list(text)
    for start, end in titled:
        off[start:end] = "\n" * (end - start)
    named = set(_MID_SENTENCE_CAPITAL.findall("".join(off)))
    out: set[int] = set()
    for start, end in titled:
        span = doc.char_span(start, end, alignment_mode="expand")
        out.update(t.i for t in span or [] if t.text[:1].isupper() and t.text not in named)
    return out


def proper_noun_runs(doc: Doc) -> list[Span]:
    """Maximal runs of proper nouns within a line, titles stripped, labelled PERSON or ORG where the
    words say so ("Keith Kellogg", "the Financial Times"); a single unknown word stays unlabelled."""
    cfg = rules.cues()["actors"]
    titles, orgs = set(cfg["titles"]), set(cfg["organisations"])
    unnamed = headline_capitals(doc, doc.text)
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if doc[i].tag_ not in _NAME_TAGS or doc[i].lower_ in _CALENDAR or i in unnamed:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].tag_ in _NAME_TAGS and doc[j].lower_ not in _CALENDAR \
                and "\n" not in doc[j].whitespace_ and j not in unnamed:
            j += 1
        j = max(j, i + 1)
        words = [t.text for t in doc[i:j]]
        start = i
        if any(w in orgs for w in words):
            label = "ORG"
        else:
            while start < j - 1 and doc[start].text in titles:
                start += 1
            rest = [t for t in doc[start:j]]
            label = "PERSON" if len(rest) >= 2 and all(t.is_title and t.is_alpha for t in rest) else ""
        if not (j - start == 1 and doc[start].text in titles):
            runs.append(Span(doc, start, j, label=label))
        i = j
    return runs


def find_actors(doc: Doc, matcher: PhraseMatcher) -> list[dict]:
    """Alias-table and proper-noun mentions, non-overlapping, each resolved to a canonical actor."""
    # Alias-table spellings first, longest first ("Vladimir Medinsky" over a nested "Medinsky"), so a
    # sloppy entity such as "the Russian delegation Vladimir Medinsky" cannot swallow a known name.
    aliased = sorted((Span(doc, s, e, label="ALIAS") for _, s, e in matcher(doc)),
                     key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    entities = sorted(proper_noun_runs(doc), key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    spans = aliased + entities
    taken: set[int] = set()
    chosen: list[Span] = []
    for span in spans:
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    chosen.sort(key=lambda s: s.start_char)

    found: list[dict] = []
    text_of_doc = doc.text  # Doc.text joins every token: read it once
    for span in chosen:
        text = re.sub(r"[\u2019']s$", "", span.text).strip()
        # "Zelensky-Putin summit": two actors in one hyphenated entity.
        parts = [text] if "-" not in text else text.split("-")
        if len(parts) > 1 and not all(aliases.table().by_alias.get(aliases._key(p)) for p in parts):
            parts = [text]
        offset = span.start_char
        for part in parts:
            at = text_of_doc.find(part, offset)
            actor = aliases.resolve(part, span.label_ if span.label_ not in ("ALIAS", "") else None)
            if actor.type is None and span.label_ == "ALIAS":
                continue
            found.append({"start": at, "end": at + len(part), "text": part, "name": actor.name,
                          "type": actor.type, "party": actor.party, "label": span.label_})
            offset = at + len(part)
    # A bare unknown surname stands for the full name the article introduced.
    links = aliases.link_surnames([a["name"] for a in found if a["type"] == "person"])
    for actor in found:
        actor["name"] = links.get(actor["name"], actor["name"])
    return found


class ActorFinder:
    """Adds `doc._.actors`: [{start, end, text, name, type, party}] for every actor mention."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = list(aliases.table().forms)
        self.matcher.add("ALIAS", list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, self.matcher)
        return doc


@Language.factory("claims_actors")
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)
