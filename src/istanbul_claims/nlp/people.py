"""Which person a word refers to: a name, a pronoun, "the 55-year-old", the subject of a clause.

Pure functions over a parsed Doc and its `doc._.actors`; figures use them to say whose age, prison term
or time in custody a number is.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import aliases

PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}


def is_place(token: Token, untyped: bool = False) -> bool:
    """A token inside a mention of a place or a state ("Granbury, Texas" beside a name), or, when
    `untyped`, of a name no list types (what follows "fell on" in "fell on Chiva" is a place)."""
    kinds = ("place", "state", None) if untyped else ("place", "state")
    return any(a["start"] <= token.idx < a["end"] and a["type"] in kinds for a in token.doc._.actors or [])


def people_in(first: Token, last: Token) -> set[str]:
    """The people named between these tokens ("Journalist Jan Kovar", "Reed, the 30-year-old from
    Granbury, Texas" names one)."""
    return {a["name"] for a in first.doc._.actors or [] if a["type"] == "person"
            and first.idx <= a["start"] < last.idx + len(last)}


def who(verb: Token, deps: tuple[str, ...], besides: Token | None = None) -> Token | None:
    """The verb's child of one of these relations (other than `besides`, the figure itself: "given 10
    years"), else, for a verb conjoined to an earlier one ("was arrested in 2018 and sentenced to 16
    years"), the earlier verb's subject, and for a clause describing a noun, that noun."""
    found = next((c for c in verb.children if c.dep_ in deps and (besides is None or c.i != besides.i)), None)
    if found is None and verb.dep_ == "conj":
        found = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if found is None and verb.dep_ == "acl" and "nsubj" in deps:
        found = verb.head  # "Yaroshenko, a pilot serving a 20-year sentence": the one the clause describes
    return found


# Sentences back a pronoun may reach through sentences naming nobody ("Doe was detained in 2018. She
# denied it. A court sentenced her...").
PRONOUN_REACH = 6
_GENDERS = ({"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"})


def named_before(token: Token) -> list[dict]:
    """The people named before `token`: in its own sentence and the one before, else, while those name
    nobody, in up to PRONOUN_REACH sentences before them. Nobody when a sentence passed over speaks of
    someone of the other gender: the chain of "she" may have left the person named."""
    doc = token.doc
    people = [a for a in doc._.actors or [] if a["type"] == "person" and a["start"] < token.idx]
    gendered = any(token.lower_ in g for g in _GENDERS)
    other = set().union(*(g for g in _GENDERS if token.lower_ not in g)) if gendered else set()
    sent = token.sent
    for _ in range(PRONOUN_REACH + 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        if any(a["start"] >= sent.start_char for a in people):
            break
        if any(t.lower_ in other for t in sent):
            return []
    return [a for a in people if a["start"] >= sent.start_char]


def person_named(token: Token) -> str:
    """The person a subject or object token names: its proper name, or for "he"/"him" the one person
    the text named last (`named_before`); "" when that is not clear."""
    doc = token.doc
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        # "Whelan, the former Marine whom a court sentenced to 16 years": who the clause is about.
        token = token.head.head
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            token = token.head
    elif token.pos_ != "PROPN" and token.dep_ == "appos" and token.head.pos_ == "PROPN":
        token = token.head  # "Yaroshenko, a Russian pilot serving a 20-year sentence"
    if token.pos_ == "PROPN":
        names = [a for a in doc._.actors or [] if a["start"] <= token.idx < a["end"] and a["type"] in (None, "person")]
        return names[0]["name"] if names else ""
    if _role(token):
        name = last_person(token)
        return name if name and _may_be(token.doc, name, token.lower_) else ""
    return last_person(token) if token.lower_ in PERSON_PRONOUNS else ""


def _may_be(doc, name: str, role: str) -> bool:
    """Whether "the captain" may be the person named: not when the text gives them another title
    ("Transport Minister Tetsuo Saito ... the captain is 40")."""
    known, titles = aliases.words().titles, set()
    for a in doc._.actors or []:
        if a["name"] == name and a["type"] == "person":
            before = doc.char_span(a["start"], a["end"], alignment_mode="expand")
            if before is not None:
                titles |= {t.lower_ for t in doc[max(0, before.start - 3):before.start] if t.lower_ in known}
    return not titles or role in titles


def _role(token: Token) -> bool:
    """"The pilot", "the journalist": one person named by what they do, referring back like "he"."""
    return token.tag_ == "NN" and any(c.lower_ == "the" for c in token.children) \
        and token.lower_ in aliases.words().titles



def last_person(token: Token) -> str:
    """Who a pronoun or "the 55-year-old" refers back to: the one person named last before it, or the
    one subject among several; "" when that is not clear."""
    doc = token.doc
    people = named_before(token)
    if len({a["name"] for a in people}) > 1:
        # Several people named: "she" is the one who was the subject ("Griner, 32, was detained in
        # February, ... A court sentenced her").
        subjects = [a for a in people if (t := doc.char_span(a["start"], a["end"], alignment_mode="expand"))
                    is not None and t.root.dep_ in ("nsubj", "nsubjpass")]
        people = subjects if len({a["name"] for a in subjects}) == 1 else []
    return people[-1]["name"] if people and len({a["name"] for a in people}) == 1 else ""
