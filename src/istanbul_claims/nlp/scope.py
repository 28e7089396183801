"""Event scope: which meeting each sentence is about, so an earlier round's figures stay apart."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..models import event_day
from .dates import tense_of
from .util import doc_text, speech_verbs

# A date this many days or more before the article's own event, with no day given, is another event.
EARLIER_AFTER_DAYS = 3
# Only a date this close to the article's date line can be the day of the article's own event.
MAIN_WINDOW_DAYS = (7, 1)


def _event_dates(doc: Doc) -> list[dict]:
    """The dates that may say when something happened: "since 2022" starts a span of time until now
    ("the first meeting since 2022"), it dates nothing in the sentence; nor does the day of a time given
    again in another zone ("at 2:04 a.m. local time (2304 GMT on Tuesday)": the same instant)."""
    text = doc_text(doc)
    return [d for d in doc._.dates or [] if not d["text"].lower().startswith("since")
            and not _in_zone_aside(text, d["start"])]


def _in_zone_aside(text: str, char: int) -> bool:
    """True inside brackets that give a time in a named zone: "(2304 GMT on Tuesday)"."""
    opened, closed = text.rfind("(", 0, char), text.find(")", char)
    if opened < 0 or closed < 0 or text.rfind(")", opened, char) >= 0 or closed - opened > ASIDE_CHARS:
        return False
    aside = text[opened + 1:closed]
    return any(re.search(rf"\d\s*{re.escape(zone)}\b", aside) for zone in _zones())


# The longest bracketed aside read as a time given again ("(2304 GMT on Tuesday)").
ASIDE_CHARS = 60


@cache
def _zones() -> tuple[str, ...]:
    return tuple(z for z in rules.cues()["numbers"]["time"]["zones"] if z.isupper())


def _subordinate(doc: Doc, char: int) -> bool:
    """True inside a relative or adjectival clause: "delegates, several of whom missed the previous
    round" is about this round, not the previous one."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    if token is None:
        return False
    clause = _clause_of(token)
    # "At the first meeting, held on May 16, the delegations agreed ...": the clause dates the occasion
    # of the sentence's own verb ("waited at the pier, where the ship left on Friday" says where).
    occasion = clause is not None and clause.head.dep_ == "pobj" and clause.head.head.lower_ in OCCASION_PREPS \
        and not any(c.tag_ == "WRB" for c in clause.children)
    return clause is not None and not occasion


# Prepositions naming the occasion of what a verb says ("at the meeting, held on May 16, they agreed").
OCCASION_PREPS = ("at", "during")


def _reported_on(doc: Doc, char: int) -> bool:
    """True for a date that says when something was said ("officials said on Monday", "told reporters
    on Tuesday"), not when the event happened: a follow-up report keeps the event it reports on."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = next((t for t in [span[0], *span[0].ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in speech_verbs()


def main_event(doc: Doc) -> str | None:
    """The day of the article's own event: the day its headline and first paragraph name for what
    happened, else the date line's day when the text names it, else the day it names most near the
    date line ("met in Istanbul on Monday"), else "ref:" + the date line
    itself, which the reconciler may move to a nearby event day other articles state. Days on which
    something was only said ("officials said on Monday") do not count."""
    ref = dt.date.fromisoformat(doc._.reference) if doc._.reference else None
    days: Counter[dt.date] = Counter()
    in_lead: Counter[dt.date] = Counter()
    in_lead_asides: Counter[dt.date] = Counter()
    lead = _lead(doc_text(doc))
    ref_named = False
    for d in _event_dates(doc):
        day = dt.date.fromisoformat(d["date_start"])
        if d["date_start"] != d["date_end"] or ref is not None and not (
                -MAIN_WINDOW_DAYS[0] <= (day - ref).days <= MAIN_WINDOW_DAYS[1]):
            continue
        if _reported_on(doc, d["start"]):
            # "Peskov told journalists on Friday": a report of that day, if it is the date line's, but
            # no more than one vote: "Thursday's exchange" in the same article says what it is about.
            days[day] += day == ref
            continue
        if ref is not None and day > ref and _looks_ahead(doc, d["start"], d["end"]):
            # "We will carry on updating into Saturday": what is still to come is not what is reported.
            continue
        ref_named = ref_named or day == ref
        votes = 2 if _names_event(doc, d["start"]) else 1
        days[day] += votes
        if d["start"] < lead[1]:
            (in_lead_asides if _aside(doc, d["start"]) else in_lead)[day] += votes + (day == ref)
    # News leads with its own event: "trains collided on Friday evening, officials said on Saturday" in a
    # Saturday report is Friday's crash, whatever else Saturday brought later in the text. A day the
    # headline or first paragraph names only in a clause on another noun ("survivors of the quake that
    # hit on New Year's Day", "the spot where the boat sank last Wednesday") counts when no other does.
    in_lead = in_lead or in_lead_asides
    if in_lead:
        best = max(in_lead.values())
        return (ref if ref is not None and in_lead[ref] == best else
                next(day for day in in_lead if in_lead[day] == best)).isoformat()
    if ref_named:
        return ref.isoformat()  # the date line's day, named for what happened: a report of that day
    if days and max(days.values()) > 0:
        # The day named most often; between equals, the date line's, else the first named (news leads
        # with its own event).
        best = max(days.values())
        return (ref if ref is not None and days[ref] == best else
                next(day for day in days if days[day] == best)).isoformat()
    return f"ref:{ref.isoformat()}" if ref else None


def _lead(text: str) -> tuple[int, int]:
    """Where the first paragraph after the headline is: [start, end) in characters ((0, 0) if none);
    the headline is before it."""
    paragraphs = [m.span() for m in re.finditer(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text)]
    return paragraphs[1] if len(paragraphs) > 1 else (0, 0)


def _aside(doc: Doc, char: int) -> bool:
    """A date in a clause on a noun other than a subject: "survivors of the quake that hit on New Year's
    Day" recalls another event, where "the second round, held on Monday, ended" dates the lead's own."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    clause = _clause_of(span[0]) if span is not None and len(span) else None
    return clause is not None and clause.head.dep_ not in ("nsubj", "nsubjpass", "ROOT")


def _looks_ahead(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and tense_of(span) == "ahead"


def _names_event(doc: Doc, char: int) -> bool:
    """"Thursday's exchange", "Sunday's crash": a day owning a noun names the event it is the day of."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    return token is not None and token.dep_ == "poss"


def date_event(start: dt.date, end: dt.date, main: dt.date) -> str | None:
    """The event a dated sentence is about: None for the article's own event (or a later date: plans
    made at it), a day for an earlier day, "range:A..B" for an earlier period with no day given."""
    if start == end:
        return start.isoformat() if start < main else None
    if end < main and (main - start).days >= EARLIER_AFTER_DAYS:
        return f"range:{start.isoformat()}..{end.isoformat()}"
    return None


def _round(lower: str, cues: dict) -> str | None:
    """The ordinal of the first numbered round a text names ("the third round of talks" -> third)."""
    m = re.search(rf"\b({'|'.join(cues['ordinals'])})\s+(?:\w+\s+)?({'|'.join(cues['rounds'])})\b", lower)
    return m[1] if m else None


def _other_round(lower: str, own: str | None, cues: dict) -> bool:
    """A sentence naming a numbered round other than the article's own is about that other round."""
    named = _round(lower, cues)
    return named is not None and own is not None and named != own


def _earlier_cue(doc: Doc, start: int, lower: str, cues: dict) -> bool:
    """An earlier-event phrase in the sentence's own clause (not "delegates, several of whom missed the
    previous round")."""
    for cue in cues["earlier"]:
        m = re.search(rf"\b{re.escape(cue)}\b", lower)
        if m and not _subordinate(doc, start + m.start()):
            return True
    return False


# A report this many days after an event it names may be a follow-up of it.
FOLLOW_UP_DAYS = 3


def follow_up(doc: Doc, main_day: dt.date | None) -> str | None:
    """ "follow:D<E,F" for an article whose own day D comes up to FOLLOW_UP_DAYS after a day E it names as
    when something happened ("the jet hit the embankment yesterday"): its undated sentences may be
    about that earlier event. The reconciler takes E when another article states E as its own event,
    else D. None when the article names no such day."""
    if main_day is None:
        return None
    days: Counter[dt.date] = Counter()
    for d in _event_dates(doc):
        day = dt.date.fromisoformat(d["date_start"])
        if d["date_start"] == d["date_end"] and 0 < (main_day - day).days <= FOLLOW_UP_DAYS \
                and not _reported_on(doc, d["start"]) and not _subordinate(doc, d["start"]):
            days[day] += 1
    if not days:
        return None
    # Every candidate, the most named first: the reconciler takes the first another article states.
    earlier = sorted(days, key=lambda day: (-days[day], day))
    return f"follow:{main_day.isoformat()}<{','.join(day.isoformat() for day in earlier)}"


def _days(d: dict) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(d["date_start"]), dt.date.fromisoformat(d["date_end"])


# The longest period around the article's day ("this week", "this month") that still dates its event.
PERIOD_OF_EVENT_DAYS = 31


def _date_label(d: dict, main: str, main_day: dt.date, own: str, doc: Doc | None = None) -> str | None:
    """The event a date in a sentence points at: an earlier event's day or "range:..", a later day on
    which something already happened, the article's day (said of this very day, it stays that day even in
    a follow-up), its own event, or None."""
    start, end = _days(d)
    other = date_event(start, end, main_day)
    if other is not None:
        return other
    if doc is not None and start == end and main_day < start and _happened_by_then(doc, d):
        # "landed at Fort Belvoir early on Tuesday", told on Wednesday of Monday's swap: a later
        # happening of its own, not the swap (a later day ahead of the report is a plan made at it).
        return start.isoformat()
    if start == end == main_day:
        return main
    if start <= main_day + dt.timedelta(days=EARLIER_AFTER_DAYS) and end >= main_day:
        # "at least 1,000 have died on Mediterranean routes this year": a tally of a period holding the
        # event, not of the event itself.
        return own if (end - start).days <= PERIOD_OF_EVENT_DAYS else "?"
    return None


def _happened_by_then(doc: Doc, d: dict) -> bool:
    """A date on or before the report's own date, of a verb in the past tense."""
    if not doc._.reference or d["date_start"] > doc._.reference:
        return False
    span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
    return span is not None and len(span) > 0 and tense_of(span) == "past"


def _clause_head(token):
    return next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def figure_events(doc: Doc, chars: list[int]) -> list[str | None]:
    """For figures at these character offsets, the event of their own clause when their sentence names
    days of several events ("390 crossed on Friday, and on Saturday 307 went each way"): the day dating
    the figure's clause, or "?" when no date or several stand in it (too uncertain to compare). None
    where the sentence's event holds."""
    main = main_event(doc)
    main_day = event_day(main) if main and not main.startswith("follow:") else None
    if main_day is None:
        return [None] * len(chars)
    own = follow_up(doc, main_day) or main
    # Each sentence's dates and the event each points at, once: an article may hold thousands of figures.
    labelled: dict[int, list[tuple[dict, str]]] = defaultdict(list)
    # The dates of relative and adjectival clauses, by clause: they date what the clause itself says.
    clauses: dict[int, set[str]] = defaultdict(set)
    # "Since" dates nothing in its sentence, but "a conflict that has killed more than 13,000 people since
    # 2014" is a tally of the time since a day long before the event, of no event (the verbs such a
    # "since" hangs on), and in "the deadliest since July 2007, when an Airbus overran the runway and
    # killed 199" the clause hanging on the date happened then.
    tallies = set()
    for d in doc._.dates or []:
        if not d["text"].lower().startswith("since") or not d["date_start"]:
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        # On the verb itself: "the strongest since 1999" says how strong, not what is tallied.
        if span[0].head.pos_ in ("VERB", "AUX") \
                and (main_day - dt.date.fromisoformat(d["date_start"])).days > PERIOD_OF_EVENT_DAYS:
            tallies.add(span[0].head.i)
        label = date_event(*_days(d), main_day)
        for clause in (c for t in span for c in t.children if c.dep_ == "relcl"):
            if label is not None:
                clauses[clause.i].add(label)
    for d in _event_dates(doc):
        span = doc.char_span(d["start"], d["start"] + 1, alignment_mode="expand")
        if span is None or not len(span) or _reported_on(doc, d["start"]):
            continue
        label = _date_label(d, main, main_day, own, doc)
        if label is None:
            continue
        if not _subordinate(doc, d["start"]):
            labelled[span[0].sent.start].append((d, label))
        elif (clause := _clause_of(span[0])) is not None:
            clauses[clause.i].add(label)
    out: list[str | None] = []
    for char in chars:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            out.append(None)
            continue
        # "the pier, where the ship left at 11 p.m. on Friday": the clause's own day; else the day of a
        # clause around it ("people displaced by Monday's earthquake on the peninsula, where at least 64
        # are now confirmed dead").
        if tallies and (head := _clause_head(span[0])) is not None and head.i in tallies:
            out.append("?")
            continue
        dated = next((clauses[c.i] for c in _clauses_around(span[0]) if c.i in clauses), None) if clauses else None
        if dated is not None and len(dated) == 1:
            out.append(next(iter(dated)))
            continue
        labels = labelled.get(span[0].sent.start, [])
        if len({label for _, label in labels}) < 2:
            out.append(None)
            continue
        # The figure's chain up to its clause's verb; a date is the figure's when what it modifies lies on
        # that chain, and the nearest such date wins ("on Sunday the last 303" beside "on Saturday 307").
        chain = [span[0]]
        while chain[-1].head is not chain[-1] and (chain[-1].pos_ not in ("VERB", "AUX")
                                                   or _happens_with_its_head(chain[-1])):
            chain.append(chain[-1].head)
        at = {t.i: k for k, t in enumerate(chain)}
        mine: dict[int, set[tuple[bool, str]]] = defaultdict(set)
        for d, label in labels:
            date_span = doc.char_span(d["start"], d["start"] + 1, alignment_mode="expand")
            if date_span is None or not len(date_span):
                continue
            # "on the Sunday, 303": the figure hangs off the date itself; else the date modifies a word
            # on the figure's chain ("on Saturday 307 went").
            date = date_span[0]
            position = at.get(date.i, at.get(_modified(date).i))
            if position is not None:
                mine[position].add((_same_segment(doc, date.i, span[0].i), label))
        nearest = mine[min(mine)] if mine else set()
        # Between dates equally near, the one on the figure's side of a semicolon ("On the Saturday, 307
        # went each way; on the Sunday, 303").
        close = {label for same, label in nearest if same} or {label for _, label in nearest}
        out.append(next(iter(close)) if len(close) == 1 else "?")
    return out


def _happens_with_its_head(token) -> bool:
    """"hit the turboprop as it landed and burned out, killing five": a participle clause happens when its
    verb does, so do a verb conjoined to another and a clause of the same moment ("as", "when": `[scope]
    simultaneous`), unless a nearer date says otherwise."""
    if token.pos_ != "VERB":
        return False
    same_moment = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in rules.cues()["scope"]["simultaneous"]
                                                 for c in token.children)
    return token.tag_ == "VBG" and token.dep_ == "advcl" or token.dep_ == "conj" or same_moment


def _clause_of(token):
    """The innermost relative or adjectival clause holding a token, None in the main clause."""
    return next(iter(_clauses_around(token)), None)


def _clauses_around(token) -> list:
    """The relative and adjectival clauses holding a token, innermost first."""
    return [t for t in [token, *token.ancestors] if t.dep_ in ("relcl", "acl")]


def _same_segment(doc: Doc, a: int, b: int) -> bool:
    """No semicolon between tokens a and b."""
    lo, hi = sorted((a, b))
    return not any(t.text == ";" for t in doc[lo:hi])


def _modified(token):
    """What a date phrase modifies: the head of its preposition ("went" in "on Saturday 307 went")."""
    head = token
    while head.dep_ in ("pobj", "compound", "amod", "nummod", "det") and head.head is not head:
        head = head.head
    return head.head if head.dep_ == "prep" else head.head if head.dep_ == "npadvmod" else head


def scope_sentences(doc: Doc) -> None:
    """Set `event` and `doc_event` on each record of doc._.sentences: a day ("2025-06-02"), "ref:DAY",
    "range:A..B" or "?" (an earlier event the text does not date)."""
    cues = rules.cues()["scope"]
    main = main_event(doc)
    main_day = event_day(main) if main else None
    # What undated sentences are about: the article's day, or the event it follows up (see follow_up).
    own = follow_up(doc, main_day) or main
    full = doc_text(doc)
    own_round = _round(full[:2000].lower(), cues)
    dates = _event_dates(doc)
    previous = own
    previous_end = 0
    section = None  # the event a dated heading gives the paragraphs under it ("Round two: 2 June")
    for record in doc._.sentences:
        text = full[record["start"]:record["end"]]
        lower = text.lower()
        event, dated, recalled = None, False, None
        if any(c in lower for c in cues["current"]):
            event = own
        for d in dates:
            if not (record["start"] <= d["start"] < record["end"]) or main_day is None:
                continue
            if _reported_on(doc, d["start"]):
                continue
            if _subordinate(doc, d["start"]):
                # "the first round, held on May 16": dates the cue below
                recalled = recalled or date_event(*_days(d), main_day)
                continue
            event = _date_label(d, main, main_day, own, doc) or event
            dated = True
        earlier = _earlier_cue(doc, record["start"], lower, cues) or _other_round(lower, own_round, cues)
        if event is None and not dated and earlier:
            event = recalled or "?"
        if event is None and _opens_with_sum(lower):
            # "Altogether, the thousand who came home were 880 servicemen and 120 civilians": after the
            # days of a story, a sum is of the whole story, not of its last day.
            event = section or own
        # About the thing a clause of the sentence before dated; the sentences after it are not.
        that = _demonstrative_event(doc, record["start"], record["end"], main_day) \
            if event is None and main_day is not None else None
        if event is None:
            same_paragraph = "\n" not in full[previous_end:record["start"]]
            opener = text.split(maxsplit=1)[0] if text.split() else ""
            event = previous if (same_paragraph or opener in cues["anaphoric_openers"]) else section or own
        if _is_heading(text):
            section = event if dated and event not in (main, own) else None
        record["event"], record["doc_event"] = that or event, own
        # A sentence keeps its trailing line breaks: the paragraph ends where its text does.
        previous, previous_end = event, record["start"] + len(text.rstrip())


def _demonstrative_event(doc: Doc, start: int, end: int, main_day: dt.date) -> str | None:
    """"... survivors of the earthquake that hit the Noto peninsula on New Year's Day. That quake has
    killed at least 48 people": a sentence whose subject is "that" or "this" thing is about the one the
    sentence before named, and about the day a clause on it gives."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return None
    subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT", "ccomp")
                    and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in t.children)), None)
    if subject is None:
        return None
    before = doc[span.start - 1].sent
    word = subject.lemma_.lower()
    for noun in reversed(before):
        if noun.pos_ != "NOUN" or not noun.lemma_.lower().endswith(word):
            continue
        clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl")), None)
        if clause is None:
            return None
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        days = {date_event(*_days(d), main_day) for d in _event_dates(doc) if lo <= d["start"] < hi}
        return next(iter(days)) if len(days) == 1 else None
    return None


def _opens_with_sum(lower: str) -> bool:
    """A sentence opening with a sum word ("altogether", "in all", "in total": [slot] summed)."""
    start = lower.lstrip(" \n\"'\u201c")
    return any(start.startswith(w) and not start[len(w):len(w) + 1].isalpha() for w in rules.topics()["slot"]["summed"])


# A heading is a line of at most this many words with no sentence's end.
HEADING_WORDS = 10


def _is_heading(text: str) -> bool:
    """A short line standing alone, ending as no statement does: "Round two: 2 June, Çırağan", "What
    comes next?"."""
    words = text.strip()
    return bool(words) and "\n" not in words and "\n" in text[len(text.rstrip()):] \
        and words[-1] not in ".!\"\u201d'" and len(words.split()) <= HEADING_WORDS


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
