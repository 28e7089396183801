"""Happenings: what a date says happened to whom ("Reed was detained in Moscow in August 2019"), so that
reports putting one person's arrest on different days can be compared.

Pure functions over a parsed Doc, its `doc._.dates` and `doc._.actors`; the component adds `owner` (the
person, as the article names them) and `frame` (the happening, from `[happenings]` in data/topics.toml)
to each date record, None where the date says no such thing.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import rules
from .people import person_named, who
from .util import lemma

# Relations a date phrase's words hang by inside it ("on August 16, 2019", "in June 2019").
_INSIDE = ("pobj", "compound", "nummod", "amod", "det", "appos", "npadvmod", "nmod")


@cache
def _frames() -> dict[str, str]:
    return {w: frame for frame, words in rules.topics()["happenings"].items() for w in words}


def dated_verb(token: Token) -> Token | None:
    """The verb a date phrase says when of: "was detained [in June 2019]", "[on Wednesday] pulled"."""
    head = token
    while head.dep_ in _INSIDE and head.head is not head and head.head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.dep_ == "prep" or head.dep_ in ("npadvmod", "pobj", "nummod", "compound"):
        head = head.head
    return head if head.pos_ == "VERB" else None


def _uncertain(verb: Token) -> bool:
    """A happening denied, merely possible or still ahead ("faces up to 10 years if convicted", "could be
    released on Friday"): no day it happened on."""
    words = rules.topics()["slot"]
    return any(c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and (lemma(c) in words["possible"]
                                                                    or lemma(c) in words["future"]))
               or c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def happening_of(doc: Doc, date: dict) -> tuple[str, str] | None:
    """(whose, what happened) for a date saying when a named person was arrested, sentenced, freed...:
    the person the happening's verb is about (the subject of a passive, the object of an active verb,
    a pronoun's person) and the verb's frame. None for any other date."""
    span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = dated_verb(span.root)
    if verb is None or _uncertain(verb):
        return None
    frame = _frames().get(lemma(verb))
    if frame is None:
        return None
    reduced = verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl")  # "Marr, detained in 2019,"
    passive = reduced or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    person = who(verb, ("nsubjpass",) if passive else ("dobj",))
    if person is None and passive and verb.dep_ in ("acl", "relcl"):
        person = verb.head  # "Reed, detained in June 2019, ...", "Marr, born in 1991": the clause's noun
    if person is None or person.pos_ == "PROPN" and person.tag_ == "NNPS":
        return None  # "Iran freed four Americans": a people, not a person
    name = person_named(person)
    return (name, frame) if name else None


def mark_happenings(doc: Doc) -> None:
    for date in doc._.dates or []:
        found = happening_of(doc, date)
        date["owner"], date["frame"] = found if found else (None, None)


class HappeningFinder:
    """Adds `owner` and `frame` to each doc._.dates record (needs claims_actors and claims_dates first)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mark_happenings(doc)
        return doc


@Language.factory("claims_happenings", requires=["doc._.dates", "doc._.actors"])
def make_happening_finder(nlp: Language, name: str) -> HappeningFinder:
    return HappeningFinder(nlp, name)
