"""Small helpers shared by the components: finding actors inside a span, walking the parse."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np
from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .. import aliases, rules

_MEDIA = {"website", "site", "agency", "newspaper", "outlet", "channel", "media", "portal", "broadcaster"}


_TEXT = "istanbul_claims.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token again on each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def matches_near(matcher: Matcher, doc: Doc, words: Iterable[str], shapes: Iterable[str], reach: int) -> list:
    """The matcher's matches, looked for only within `reach` tokens of an anchor: a token whose lower case
    is one of `words` or whose shape is one of `shapes`. Every pattern must hold an anchor and be at most
    `reach` tokens long; then the matches are the whole Doc's, at a fraction of the cost, because spaCy's
    Matcher tries every pattern at every token."""
    strings = doc.vocab.strings
    table = doc.to_array([LOWER, SHAPE])
    hit = np.isin(table[:, 0], np.array([strings.add(w) for w in words], dtype=table.dtype)) \
        | np.isin(table[:, 1], np.array([strings.add(s) for s in shapes], dtype=table.dtype))
    windows: list[list[int]] = []
    for i in np.flatnonzero(hit).tolist():
        start, end = max(0, i - reach + 1), min(len(doc), i + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [(key, start + s, end + s) for s, e in windows for key, start, end in matcher(doc[s:e])]


def actors_in(doc: Doc, start: int, end: int) -> list[dict]:
    """Actors whose character span lies inside [start, end), people first (a name beats its title)."""
    found = [a for a in doc._.actors or [] if a["start"] >= start and a["end"] <= end]
    return sorted(found, key=lambda a: (a["type"] != "person", a["start"]))


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def subtree_span(token: Token) -> tuple[int, int]:
    sub = list(token.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def refers_back(token: Token) -> bool:
    """A pronoun or a definite role ("he", "the minister") pointing back to the last named person."""
    speech = rules.cues()["speech"]
    return token.lower_ in speech["pronouns"] or (
        token.lemma_.lower() in speech["definite_roles"] and any(t.lower_ == "the" for t in token.children))


def resolve_party(token: Token, last_person: dict | None) -> dict | None:
    """The actor a subject phrase names: an entity inside it, a side's adjective, or a pronoun's referent."""
    start, end = subtree_span(token)
    found = actors_in(token.doc, start, end)
    if found and any(t.lemma_.lower() in _MEDIA for t in token.subtree):
        # "according to the Strana news website": a publication, never a person to carry "he" to.
        found = [{**found[0], "type": "outlet"}]
    if found and found[0]["type"] == "person":
        return found[0]
    # "He said", "the head of the Russian delegation said": the last named person, not the delegation.
    if refers_back(token):
        return last_person or (found[0] if found else None)
    if found:
        return found[0]
    for t in token.subtree:
        party = aliases.party_of_adjective(t.text)
        if party:
            actor = aliases.resolve(party)
            return {"name": actor.name, "party": actor.party, "type": actor.type, "start": t.idx,
                    "end": t.idx + len(t)}
    return None


def of_object(token: Token) -> Token | None:
    """What a word's "of" names: "bodies" -> "soldiers" in "the bodies of 6,000 soldiers"."""
    return next((g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)


def ancestors(token: Token, limit: int = 8) -> Iterable[Token]:
    seen = 0
    while token.head != token and seen < limit:  # Tokens are made anew per access: compare by value
        token = token.head
        seen += 1
        yield token


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token: the verb of its clause."""
    return next((t for t in ancestors(token) if t.pos_ in ("VERB", "AUX")), None)


def sentence_of(doc: Doc, char: int) -> Span | None:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None


def sentence_info(doc: Doc, char: int) -> dict | None:
    for info in doc._.sentences or []:
        if info["start"] <= char < info["end"]:
            return info
    return None


def lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech ("say", "tell") or close a quote, from data/cues.toml [speech]."""
    speech = rules.cues()["speech"]
    return frozenset(speech["verbs"]) | frozenset(speech["quote_verbs"])
