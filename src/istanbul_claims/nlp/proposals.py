"""Proposals: who offers, proposes, demands, accepts, considers or rejects what."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import rules
from .util import actors_in, doc_text, lemma, resolve_party, subtree_span

_POSITIVE = ("offer", "propose", "demand")
_OTHER_CLAUSES = ("ccomp", "advcl", "nsubj", "conj", "xcomp", "parataxis", "relcl")


@cache
def _stances() -> dict[str, str]:
    cfg = rules.cues()["proposals"]
    return {word: stance for stance in ("offer", "propose", "demand", "accept", "consider", "reject")
            for word in cfg[stance]}


def _object(verb: Token) -> Token | None:
    """What the stance is about: the direct object, else 'on/for/to' objects, else a clausal complement."""
    for deps in (("dobj", "obj"), ("attr", "oprd")):
        obj = next((c for c in verb.children if c.dep_ in deps), None)
        if obj is not None:
            return obj
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("on", "for", "to", "with")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)


def _subject(verb: Token) -> Token | None:
    head = verb
    for _ in range(3):
        subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
            # "the Russian memorandum, which demands...": whoever reads it out, the memorandum's owner
            # proposes. Its owner is named before it ("Russian", "Russia's"), not in the clause after it.
            owner = next((c for c in head.head.children if c.dep_ in ("poss", "amod", "compound")
                          and c.i < head.head.i), None)
            return owner if owner is not None else head.head
        if subj is not None:
            return subj
        if head.dep_ not in ("xcomp", "conj", "acl", "advcl", "relcl") or head.head == head:
            return None
        head = head.head
    return None


def _negated(verb: Token) -> bool:
    negators = rules.cues()["proposals"]["negators"]
    near = list(verb.children) + [verb.head] + list(verb.head.children if verb.dep_ == "xcomp" else [])
    return any(t.dep_ == "neg" or t.lemma_.lower() in negators for t in near if t != verb)


def classify(tokens: list[Token]) -> tuple[str | None, str | None]:
    """The proposal subject (ceasefire, exchange...) and qualifier class of a phrase, head words first."""
    cfg = rules.topics()
    text = " ".join(t.lower_ for t in tokens)
    subject = None
    for name, words in cfg["proposal_subjects"].items():
        if any(" " in w and w in text for w in words):
            subject = name
            break
    if subject is None:
        for token in sorted(tokens, key=lambda t: len(list(t.ancestors))):
            subject = next((n for n, ws in cfg["proposal_subjects"].items() if lemma(token) in ws), None)
            if subject:
                break
    qualifier = next((q for q, ws in cfg["proposal_qualifiers"].items()
                      if any(f" {w} " in f" {text} " for w in ws)), None)
    return subject, qualifier


def _anaphoric(head: Token, anaphors: list[str]) -> bool:
    """'this offer', 'the proposal', 'such demands' (but not 'the Russian delegation's initiative')."""
    return lemma(head) in anaphors and not any(c.dep_ == "poss" for c in head.children) and any(
        c.lower_ in ("this", "that", "such", "the", "these", "those") for c in head.children)


def find_proposals(doc: Doc) -> list[dict]:
    stances = _stances()
    cfg = rules.cues()["proposals"]
    found: list[dict] = []
    last_person: dict | None = None
    text = doc_text(doc)
    for sent in doc.sents:
        for token in sent:
            word = lemma(token)
            stance = stances.get(word) if token.pos_ == "VERB" else None
            anchor, obj, subj = token, None, None
            if stance:
                obj, subj = _object(token), _subject(token)
            elif token.pos_ == "NOUN" and word in cfg["carriers"] and token.dep_ in ("nsubj",) \
                    and token.head.pos_ == "VERB" and lemma(token.head) not in stances:
                # "Ukraine's plan begins with X": the carrier's owner proposes X.
                stance, anchor, subj = "propose", token.head, token
                obj = _object(token.head)
            elif token.lower_ in cfg["reject_words"] and token.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
                # "called the proposal unacceptable"
                verb = token.head
                stance, anchor, subj = "reject", verb, _subject(verb)
                obj = next((c for c in verb.children if c.dep_ in ("dobj",)), None) or next(
                    (c for c in token.children if c.dep_ == "nsubj"), None)
            if stance and word in cfg["need_for"] and not any(c.lower_ == "for" for c in token.children):
                continue  # "called the talks excellent" is no demand; "called for a truce" is
            if not stance or obj is None or obj.pos_ == "PRON" or obj.tag_ in ("WP", "WDT") \
                    or lemma(obj) in cfg["not_stances"]:
                continue  # "rejected the word 'abducted'" is about a word, not a proposal
            if _negated(token):
                if stance in ("accept", "consider"):
                    stance = "reject"
                elif stance in _POSITIVE:
                    continue
            who = resolve_party(subj, last_person) if subj is not None else None
            a_start, a_end = subtree_span(anchor)
            # "did not agree to an unconditional ceasefire and a summit": one stance per conjunct.
            for part in [obj, *obj.conjuncts]:
                others = {t.i for c in part.conjuncts for t in c.subtree} if part is obj else set()
                obj_tokens = [t for t in part.subtree if t.i not in others and t.dep_ != "cc"]
                subject, qualifier = classify(obj_tokens)
                if subject is None and _anaphoric(part, cfg["anaphors"]):
                    # "this offer", "such demands": about whatever was last put on the table.
                    wanted = {"demand": {"demand"}, "offer": {"offer", "propose"}}.get(lemma(part))
                    earlier = next((p for p in reversed(found) if p["subject"]
                                    and (wanted is None or p["stance"] in wanted)), None)
                    if earlier:
                        subject, qualifier = earlier["subject"], earlier["qualifier"]
                elif subject is None and not obj.conjuncts:
                    # "criticised the initiative at the talks on a temporary ceasefire": the verb's own
                    # phrase, without embedded clauses that say other things.
                    skip = {t.i for c in anchor.children if c.dep_ in _OTHER_CLAUSES for t in c.subtree}
                    subject, qualifier = classify([t for t in anchor.subtree
                                                   if sent.start <= t.i < sent.end and t.i not in skip])
                o_start = obj_tokens[0].idx
                o_end = obj_tokens[-1].idx + len(obj_tokens[-1])
                start = min(anchor.idx, o_start)
                end = min(max(anchor.idx + len(anchor), o_end), sent.end_char)
                found.append({
                    "start": start, "end": end, "anchor_start": a_start, "anchor_end": a_end,
                    "proposer": who["name"] if who else None, "party": who.get("party") if who else None,
                    "what": text[o_start:o_end][:200], "stance": stance,
                    "subject": subject, "qualifier": qualifier,
                })
        people = [a for a in actors_in(doc, sent.start_char, sent.end_char) if a["type"] == "person"]
        if people:
            last_person = people[-1]
    return found


class ProposalFinder:
    """Adds `doc._.proposals`: [{start, end, proposer, party, what, stance, subject, qualifier}]."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.proposals = find_proposals(doc)
        return doc


@Language.factory("claims_proposals", requires=["doc._.actors"], assigns=["doc._.proposals"])
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder(nlp, name)
