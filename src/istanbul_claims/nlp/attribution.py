"""Speaker attribution: who each sentence's claims are attributed to."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import rules
from .util import actors_in, doc_text, refers_back, resolve_party


def _speech_subjects(verb: Token, cues: dict) -> list[Token]:
    if verb.lemma_.lower() in cues["quote_verbs"]:
        # "TASS quoted Hakan Fidan as saying": the speaker is the one quoted.
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # "the head of the delegation Vladimir Medinsky told": the parser may split title and name
    # into two subjects; the named one speaks.
    return sorted(subjects, key=lambda t: t.pos_ != "PROPN")


# Links from a noun to the words naming it: "delegation head Vladimir Medinsky", "Doe, a diplomat".
_NAMING = {"compound", "appos", "flat", "nmod", "npadvmod"}
# Where a speech verb names its audience: "told TASS", "said to Interfax", "in an interview with AFP".
_AUDIENCE = {"dobj", "obj", "dative", "iobj", "prep", "pobj"}


def _named_by(subj: Token) -> set[int]:
    """Token indices that name the subject itself, not what its modifiers mention ("a source close to
    the Kremlin" names nobody)."""
    found, todo = {subj.i}, [subj]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in _NAMING and child.i not in found:
                found.add(child.i)
                todo.append(child)
    return found


def _outlet(verb: Token, cues: dict) -> dict | None:
    """The news outlet reporting what the verb says: the one told ("told TASS", "in an interview with
    Reuters"), or the one quoting ("TASS quoted a source as saying")."""
    doc = verb.doc
    todo: list[Token]
    if verb.lemma_.lower() in cues["quote_verbs"]:
        todo = [c for c in verb.children if c.dep_ == "nsubj"]
        follow: set[str] = set()
    else:
        todo = [c for c in verb.children if c.dep_ in _AUDIENCE]
        follow = _AUDIENCE
    outlets = [a for a in doc._.actors or [] if a["type"] == "outlet"]
    while outlets and todo:
        token = todo.pop(0)
        for actor in outlets:
            if actor["start"] <= token.idx < actor["end"]:
                return actor
        todo.extend(c for c in token.children if c.dep_ in follow)
    return None


def _verb_speaker(verb: Token, subj: Token, last_person: dict | None, cues: dict) -> dict | None:
    """The subject's actor; but an unnamed one ("a source", "a Russian official") speaking through an
    outlet ("told TASS", "TASS quoted") leaves the outlet as the one who reports it."""
    found = resolve_party(subj, last_person)
    outlet = _outlet(verb, cues)
    if outlet is None or (found is not None and refers_back(subj)):
        return found
    span = subj.doc.char_span(found["start"], found["end"], alignment_mode="expand") if found else None
    return found if span is not None and {t.i for t in span} & _named_by(subj) else outlet


def sentence_speaker(sent: Span, last_person: dict | None) -> dict | None:
    """The actor a sentence is attributed to: 'according to X', then a speech verb's subject."""
    cues = rules.cues()["speech"]
    candidates: list[dict] = []
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            target = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
            found = resolve_party(target, last_person) if target is not None else None
            if found:
                candidates.append(found)
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in cues["verbs"] + cues["quote_verbs"]]
    # The verb nearest the root speaks for the sentence ("X said that Y stated..." is X's).
    verbs.sort(key=lambda t: len(list(t.ancestors)))
    for verb in verbs:
        for subj in _speech_subjects(verb, cues):
            found = _verb_speaker(verb, subj, last_person, cues)
            if found:
                candidates.append(found)
                break
    # A named person beats a website or a state: "Umerov confirmed it, according to Strana".
    return next((c for c in candidates if c.get("type") == "person"), candidates[0] if candidates else None)


def _quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, curly or straight."""
    return [m.span() for m in re.finditer(r"\u201c[^\u201d]{2,}\u201d|\"[^\"\n]{2,}\"", text)]


def attribute(doc: Doc) -> list[dict]:
    """One record per sentence: {start, end, speaker, party}; pronouns carry the last named speaker."""
    records: list[dict] = []
    last_person: dict | None = None
    for sent in doc.sents:
        speaker = sentence_speaker(sent, last_person)
        records.append({"start": sent.start_char, "end": sent.end_char,
                        "speaker": speaker["name"] if speaker else None,
                        "party": speaker.get("party") if speaker else None})
        if speaker and speaker.get("type") == "person":
            last_person = speaker
        else:
            people = [a for a in actors_in(doc, sent.start_char, sent.end_char) if a["type"] == "person"]
            if people:
                last_person = people[-1]
    # Sentences inside one quotation share the speaker its attribution names.
    for q_start, q_end in _quotes(doc_text(doc)):
        inside = [r for r in records if r["start"] < q_end and r["end"] > q_start]
        named = next((r for r in reversed(inside) if r["speaker"]), None)
        if named is None:
            after = [r for r in records if r["start"] >= q_end - 1 and r["speaker"]][:1]
            named = after[0] if after and after[0]["start"] - q_end < 80 else None
        if named:
            for r in inside:
                if r["speaker"] is None:
                    r["speaker"], r["party"] = named["speaker"], named["party"]
    return records


class Attribution:
    """Adds `doc._.sentences`: [{start, end, speaker, party}] per sentence (speaker canonical or None)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sentences = attribute(doc)
        return doc


@Language.factory("claims_attribution", requires=["doc._.actors"], assigns=["doc._.sentences"])
def make_attribution(nlp: Language, name: str) -> Attribution:
    return Attribution(nlp, name)
