"""Turn processed Docs into pydantic claims. The only module that reads our Doc extensions;
past it, no code touches a Doc."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right

from spacy.tokens import Doc

from . import rules
from .models import (
    ActorClaim,
    ActorValue,
    Claim,
    DateClaim,
    DateValue,
    Document,
    FigureClaim,
    FigureValue,
    ProposalClaim,
    ProposalValue,
)


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    """Stable across runs and machines: the article, the kind and the exact span."""
    return hashlib.sha1(f"{doc_id}|{kind}|{start}|{end}".encode()).hexdigest()[:12]


def _with_also(topic: str | None, sentence_topics: list[str]) -> list[str]:
    if not topic:
        return list(sentence_topics)
    also = rules.topics()["topics"].get(topic, {}).get("also", [])
    return list(dict.fromkeys([topic, *also, *sentence_topics]))


def _unlike_defaults(rec: dict) -> dict:
    """The figure's fields that differ from FigureValue's defaults. Pydantic keeps with each model the
    set of the fields it was given; given all 24, that set takes 2.2 KB, half of what a figure claim
    holds, and an article of 40,000 figures holds them all at once. Defaults left out are the same
    values, so the claim is equal and dumps to the same JSON."""
    return {k: rec[k] for k, default in _FIGURE_DEFAULTS.items() if rec[k] != default}


_FIGURE_DEFAULTS = {name: f.get_default(call_default_factory=True) for name, f in FigureValue.model_fields.items()}


def owner_name(words: str, people: set[str]) -> str:
    """Whose age or term: the person the article names with these words ("gershkovich" is Evan
    Gershkovich when the article names no other Gershkovich), else the words as written."""
    key = " ".join(words.lower().split())
    found = {n for n in people if n.lower() == key} or {n for n in people if n.lower().split()[-1:] == key.split()[-1:]}
    return next(iter(found)) if len(found) == 1 else words


def claims_from_doc(doc: Doc, document: Document, offset: int = 0) -> list[Claim]:
    """Every claim the components found in `doc`, a chunk of `document` starting at `offset`."""
    cfg = rules.topics()
    sentences = doc._.sentences or []
    # Bisection, not a scan per claim: an article packed with figures has thousands of sentences.
    starts = [s["start"] for s in sentences]
    newlines = [m.start() for m in re.finditer("\n", document.text)]

    def context(start: int) -> dict:
        at = bisect_right(starts, start) - 1  # sentences are in order and never overlap
        if at >= 0 and sentences[at]["start"] <= start < sentences[at]["end"]:
            return sentences[at]
        return {"start": start, "end": start, "speaker": None, "event": "?", "topics": []}

    body = doc.text  # Doc.text joins every token: read it once

    def base(kind: str, rec: dict, topic: str | None = None) -> dict:
        s = context(rec["start"])
        start, end = rec["start"] + offset, rec["end"] + offset
        # A sentence's trailing whitespace may span blanked furniture (a date line under a headline):
        # the sentence shown ends where its words end.
        s_end = s["start"] + len(body[s["start"]:s["end"]].rstrip())
        return {
            "id": claim_id(document.id, kind, start, end), "doc": document.id,
            "text": document.text[start:end], "start": start, "end": end,
            "sentence": document.text[s["start"] + offset:s_end + offset].strip(),
            "speaker": s["speaker"], "event": s.get("event") or "?", "doc_event": s.get("doc_event"),
            "topics": _with_also(topic, s.get("topics", [])), "line": bisect_right(newlines, start - 1) + 1,
        }

    out: list[Claim] = []
    for rec in doc._.actors or []:
        out.append(ActorClaim(**base("actor", rec), value=ActorValue(name=rec["name"], type=rec["type"],
                                                                   party=rec["party"], venue=rec["venue"],
                                                                   occasion=rec["occasion"])))
    people = {a["name"] for a in doc._.actors or [] if a["type"] == "person"}
    for rec in doc._.dates or []:
        fields = base("date", rec)
        owner = owner_name(rec["owner"], people) if rec.get("owner") else None
        if owner and fields["doc_event"]:
            # When a person was arrested is a fact of theirs, reported in the coverage of a later event.
            fields["event"] = fields["doc_event"]
        out.append(DateClaim(**fields, value=DateValue(start=rec["date_start"], end=rec["date_end"],
                                                       owner=owner, frame=rec.get("frame") if owner else None)))
    for rec in doc._.proposals or []:
        topic = cfg["proposal_topics"].get(rec["subject"] or "")
        value = ProposalValue(proposer=rec["proposer"], party=rec["party"], what=rec["what"],
                              stance=rec["stance"], subject=rec["subject"], qualifier=rec["qualifier"])
        out.append(ProposalClaim(**base("proposal", rec, topic), value=value))
    for rec in doc._.figures or []:
        topic = cfg["subject_topics"].get(rec["subject"] or "")
        if rec.get("owner"):
            rec = {**rec, "owner": owner_name(rec["owner"], people)}
        value = FigureValue(**_unlike_defaults(rec))
        fields = base("figure", rec, topic)
        if rec.get("event"):
            fields["event"] = rec["event"]  # its clause's day, where its sentence names several
        if (value.personal and value.owner or rec.get("static")) and fields["doc_event"]:
            # A named person's age or prison term is theirs on the day of the report, whichever day the
            # sentence recalls ("Gershkovich, 32, was sentenced on July 19 to 16 years"); so is a thing's
            # size ("the 1.7-mile bridge opened in 1977").
            fields["event"] = fields["doc_event"]
        out.append(FigureClaim(**fields, value=value, reported=document.published))
    out.sort(key=lambda c: (c.start, c.kind))
    return out
