"""Event scope: which meeting each sentence is about, so an earlier round's figures stay apart."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import rules

# Dates this many days before the article's own date or more belong to an earlier event.
EARLIER_AFTER_DAYS = 3


def _subordinate(doc: Doc, char: int) -> bool:
    """True inside a relative or adjectival clause: "delegates, several of whom missed the previous
    round" is about this round, not the previous one."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    return token is not None and any(t.dep_ in ("relcl", "acl") for t in [token, *token.ancestors])


def main_event_date(doc: Doc) -> dt.date | None:
    """The day the article's own event happened: its first dated sentence, else its reference date."""
    for d in doc._.dates or []:
        if d["date_start"] == d["date_end"]:
            return dt.date.fromisoformat(d["date_start"])
    return dt.date.fromisoformat(doc._.reference) if doc._.reference else None


def scope_sentences(doc: Doc) -> None:
    """Set `event` on each record of doc._.sentences: "main" or "earlier[:YYYY-MM]"."""
    cues = rules.cues()["scope"]
    main = main_event_date(doc)
    dates = doc._.dates or []
    previous = "main"
    previous_end = 0
    full = doc.text  # Doc.text joins every token: read it once
    for record in doc._.sentences:
        text = full[record["start"]:record["end"]]
        lower = text.lower()
        event = None
        if any(c in lower for c in cues["current"]):
            event = "main"
        for d in dates:
            if record["start"] <= d["start"] < record["end"] and main is not None \
                    and not _subordinate(doc, d["start"]):
                start, end = dt.date.fromisoformat(d["date_start"]), dt.date.fromisoformat(d["date_end"])
                if end < main and (main - start).days >= EARLIER_AFTER_DAYS:
                    event = event or f"earlier:{d['date_start'][:7]}"
                elif start <= main + dt.timedelta(days=EARLIER_AFTER_DAYS) and end >= main:
                    event = "main"
        if event is None:
            for cue in cues["earlier"]:
                at = lower.find(cue)
                if at >= 0 and not _subordinate(doc, record["start"] + at):
                    event = "earlier"
                    break
        if event is None:
            same_paragraph = "\n" not in full[previous_end:record["start"]]
            opener = text.split(maxsplit=1)[0] if text.split() else ""
            event = previous if (same_paragraph or opener in cues["anaphoric_openers"]) else "main"
        record["event"] = event
        previous, previous_end = event, record["end"]


class EventScope:
    """Adds `event` to each doc._.sentences record (needs claims_attribution and claims_dates first)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        scope_sentences(doc)
        return doc


@Language.factory("claims_scope", requires=["doc._.sentences", "doc._.dates"])
def make_event_scope(nlp: Language, name: str) -> EventScope:
    return EventScope(nlp, name)
