"""Actor recognition: named people, states and bodies, each with one canonical name."""

from __future__ import annotations

import calendar
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import aliases, rules

_NAME_TAGS = {"NNP", "NNPS"}
_CALENDAR = {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}
# A line is in Title Case when this share of its words of this many letters or more are capitalised.
_HEADLINE_SHARE, _HEADLINE_WORD = 0.75, 4


def headline_capitals(doc: Doc) -> set[int]:
    """Tokens whose capital says nothing: on a Title Case line ("Prisoner Exchange Highlights Talks"),
    a capitalised word is a name only if the article also capitalises it in the middle of a sentence
    off such lines. The alias table still finds known actors there."""
    lines: list[list[Token]] = [[]]
    for token in doc:
        if not token.is_space:
            lines[-1].append(token)
        if "\n" in token.text or "\n" in token.whitespace_:
            lines.append([])
    titled: set[int] = set()
    lower = {t.text for t in doc if t.is_lower}
    for line in lines:
        words = [t for t in line if t.is_alpha and len(t) >= _HEADLINE_WORD]
        capitals = [t for t in words if t.text[0].isupper()]
        # A line of names ("Vladimir Medinsky, Igor Kostyukov") is not a headline: one of its capitals
        # must be a word the article writes in lower case elsewhere.
        if len(words) >= 3 and len(capitals) >= _HEADLINE_SHARE * len(words) \
                and any(t.lower_ in lower for t in capitals):
            titled.update(t.i for t in line)
    if not titled:
        return titled
    named = {t.text for t in doc if t.i not in titled and not t.is_sent_start and t.text[:1].isupper()}
    return {i for i in titled if doc[i].text[:1].isupper() and doc[i].text not in named}


def proper_noun_runs(doc: Doc) -> list[Span]:
    """Maximal runs of proper nouns within a line, titles stripped, labelled PERSON or ORG where the
    words say so ("Keith Kellogg", "the Financial Times"); a single unknown word stays unlabelled."""
    cfg = rules.cues()["actors"]
    titles, orgs = set(cfg["titles"]), set(cfg["organisations"])
    unnamed = headline_capitals(doc)
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
