"""Actor recognition: named people, states and bodies, each with one canonical name."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import aliases

_LABELS = {"PERSON", "GPE", "ORG"}


def find_actors(doc: Doc, matcher: PhraseMatcher) -> list[dict]:
    """Entity and alias-table mentions, non-overlapping, each resolved to a canonical actor."""
    # Alias-table spellings first, longest first ("Vladimir Medinsky" over a nested "Medinsky"), so a
    # sloppy entity such as "the Russian delegation Vladimir Medinsky" cannot swallow a known name.
    aliased = sorted((Span(doc, s, e, label="ALIAS") for _, s, e in matcher(doc)),
                     key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    entities = sorted((e for e in doc.ents if e.label_ in _LABELS),
                      key=lambda s: (-(s.end_char - s.start_char), s.start_char))
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
            actor = aliases.resolve(part, span.label_ if span.label_ != "ALIAS" else None)
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
