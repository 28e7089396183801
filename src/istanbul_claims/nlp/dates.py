"""Dates: absolute and relative expressions resolved to a [start, end] day range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache, lru_cache

import dateparser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .. import rules
from ..numbers import number_value
from .util import matches_near, speech_verbs

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)
# Words that make an expression a calendar date rather than a duration ("2-3 day" is a duration).
_CALENDAR = re.compile(rf"\b({_MONTH_RE}|{_WEEKDAY_RE}|today|yesterday|tomorrow|tonight|week|"
                       rf"weekend|month|year|ago|(19|20)\d\d)\b", re.I)
_DURATION = re.compile(r"^(\d[\d,.-]*|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
                       r"(day|week|month|year|hour)s?\b", re.I)
_LEADS = ("on", "by", "until", "till", "since", "in", "from", "at", "the", "this past")
# Months from the article's month a yearless month may lie, by what the sentence says: news recalls
# (a month ahead at most); a past-tense verb, never ahead; after "by" or "until" the nearest one;
# after "will" or "due" the coming one.
WINDOWS = {"recent": (-10, 1), "past": (-11, 0), "deadline": (-6, 5), "ahead": (0, 11), "present": (-10, 1)}
_UNITS = {"day": 1, "week": 7}


@cache
def _cues() -> dict:
    cfg = rules.cues()["dates"]
    return {**cfg, "back_re": "|".join(map(re.escape, cfg["back"])),
            "parts_re": "|".join(sorted(cfg["month_parts"], key=len, reverse=True))}


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_for(month: int, ref: dt.date | None, explicit: str | None,
              window: tuple[int, int] = WINDOWS["recent"]) -> int | None:
    if explicit:
        return int(explicit)
    if ref is None:
        return None
    # The year that puts the month within `window` months of the article's month.
    return ref.year - (month - ref.month - window[0]) // 12


def _period(unit: str, ref: dt.date) -> tuple[dt.date, dt.date]:
    """The week (Monday to Sunday), month or year holding the article's date."""
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _month_range(ref.year, ref.month)
    return dt.date(ref.year, 1, 1), dt.date(ref.year, 12, 31)


def _normalise(text: str) -> str:
    t = " ".join(text.lower().replace("\u2013", "-").replace("\u2019", "'").split())
    t = re.sub(r"'s$", "", t)  # "Wednesday's talks"
    t = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", t)  # "23rd July"
    t = re.sub(rf"\b(\d{{1,2}}) of ({_MONTH_RE})\b", r"\1 \2", t)  # "the 23rd of July"
    # "Monday, June 2": the day of the month decides; the weekday only names it.
    t = re.sub(rf"^({_WEEKDAY_RE}),?\s+(?=.*\d)", "", t)
    # "late on Thursday", "Friday evening": a part of the day is still that day.
    day = rf"(?:(?:next|last|this|coming|previous)\s+)?(?:{_WEEKDAY_RE})|yesterday|today|tomorrow"
    t = re.sub(rf"^(?:{'|'.join(_cues()['day_edges'])})\s+(?:on\s+)?(?=(?:{day})\b)", "", t)
    return re.sub(rf"^({day})\s+(?:{'|'.join(_cues()['day_parts'])})$", r"\1", t)


@lru_cache(maxsize=65536)
def resolve(text: str, ref: dt.date | None, tense: str = "recent") -> tuple[dt.date, dt.date] | None:
    """Resolve a date expression against the article's own date; None when it names no calendar day.

    `tense` is what the sentence around it says (see WINDOWS): "recent" when it says nothing, "past"
    ("they met on July 23": not after the article), "deadline" ("by the end of August") or "ahead"
    ("they will meet on Friday": the coming weekday, the coming month)."""
    cfg = _cues()
    t = _normalise(text)
    if t.removeprefix("on ") in cfg["holidays"]:
        month, day = cfg["holidays"][t.removeprefix("on ")]
        year = _year_for(month, ref, None, WINDOWS[tense])
        return None if year is None else (dt.date(year, month, day), dt.date(year, month, day))
    if t in cfg["fixed"]:
        if ref is None:
            return None
        first, last = cfg["fixed"][t]
        return ref + dt.timedelta(days=first), ref + dt.timedelta(days=last)
    lead = ""
    while m := re.match(rf"({'|'.join(_LEADS)})\s+", t):
        lead, t = lead or m[1], t[m.end():]
    if lead in cfg["deadline"] and tense == "recent":
        tense = "deadline"
    window = WINDOWS[tense]
    # "two days earlier", "a week before": counted back from the article's date.
    m = re.fullmatch(rf"(.+?)\s+(day|week|month|year)s?\s+({cfg['back_re']})", t)
    if m:
        count = 1.0 if m[1] in ("a", "an") else number_value(m[1])
        if ref is None or count is None or count != int(count):
            return None
        return _parsed(f"{int(count)} {m[2]}s ago", ref)
    # "earlier this month", "later this year": the part of the period before or after the article's date.
    m = re.fullmatch(r"(\w+)\s+(?:this|in the)\s+(week|month|year)", t)
    if m and (m[1] in cfg["earlier"] or m[1] in cfg["later"]):
        if ref is None:
            return None
        first, last = _period(m[2], ref)
        if m[1] in cfg["earlier"]:
            first, last = first, ref - dt.timedelta(days=1)
        else:
            first, last = ref + dt.timedelta(days=1), last
        return (first, last) if first <= last else None
    if not _CALENDAR.search(t) or (_DURATION.match(t) and not t.endswith(" ago")):
        return None  # "2-3 day" is a duration; "two weeks ago" is a date
    # Ranges: "between 20 and 30 june", "20-30 june", "june 20-30".
    m = re.fullmatch(rf"(?:between\s+)?(\d{{1,2}})\s*(?:-|and|to)\s*(\d{{1,2}})\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?", t) \
        or re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})\s*(?:-|and|to)\s*(\d{{1,2}})(?:,?\s+(\d{{4}}))?", t)
    if m:
        groups = m.groups()
        if groups[0].isdigit():
            d1, d2, mon, yr = groups
        else:
            mon, d1, d2, yr = groups
        year = _year_for(_MONTHS[mon], ref, yr, window)
        if year is None or int(d2) <= int(d1):
            return None  # "sentenced on July 19 to 16 years" is no range
        try:
            return dt.date(year, _MONTHS[mon], int(d1)), dt.date(year, _MONTHS[mon], int(d2))
        except ValueError:
            return None
    # "from Friday to Sunday": each weekday as alone, the second one on or after the first.
    m = re.fullmatch(rf"(?:between\s+)?({_WEEKDAY_RE})\s*(?:-|and|to|until|through)\s*({_WEEKDAY_RE})", t)
    if m:
        first, last = resolve(m[1], ref, tense), resolve(m[2], ref, tense)
        if first is None or last is None:
            return None
        end = last[1] + dt.timedelta(days=7 * (last[1] < first[0]))
        return first[0], end
    # One day of a month: "23 july", "july 23", "june 2, 2025".
    m = re.fullmatch(rf"(\d{{1,2}})\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?", t) \
        or re.fullmatch(rf"({_MONTH_RE})\.?\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?", t)
    if m:
        day, mon = (m[1], m[2]) if m[1].isdigit() else (m[2], m[1])
        year = _year_for(_MONTHS[mon], ref, m[3], window)
        try:
            date = dt.date(year, _MONTHS[mon], int(day)) if year else None
            if date and tense == "past" and not m[3] and ref and date > ref:
                date = date.replace(year=year - 1)
        except ValueError:
            return None
        return (date, date) if date else None
    # "the end of june", "mid-june", "early february 2022", "the beginning of may".
    m = re.fullmatch(rf"(?:the\s+)?({cfg['parts_re']})(?:\s+of)?[\s-]+({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m:
        year = _year_for(_MONTHS[m[2]], ref, m[3], window)
        if year is None:
            return None
        first, last = _month_range(year, _MONTHS[m[2]])
        part = cfg["month_parts"][m[1]]
        return first.replace(day=part[0]), first.replace(day=min(part[1], last.day))
    # A whole month or year: "may", "february 2022", "2022".
    m = re.fullmatch(rf"({_MONTH_RE})(?:,?\s+(\d{{4}}))?", t)
    if m:
        year = _year_for(_MONTHS[m[1]], ref, m[2], window)
        return _month_range(year, _MONTHS[m[1]]) if year else None
    if re.fullmatch(r"(19|20)\d\d", t):
        return dt.date(int(t), 1, 1), dt.date(int(t), 12, 31)
    if ref is None and not re.search(r"(19|20)\d\d", t):
        return None
    # "last june" is the most recent June before the article's month; "next june" the coming one.
    m = re.fullmatch(rf"(\w+)\s+({_MONTH_RE})", t)
    if m and m[1] in cfg["relative"] and ref is not None:
        month = _MONTHS[m[2]]
        if m[1] in ("next", "coming"):
            year = ref.year + (month <= ref.month)
        elif m[1] == "this":
            year = ref.year
        else:
            year = ref.year - (month >= ref.month)
        return _month_range(year, month)
    # Weeks, weekends, months and years are ranges, which dateparser cannot give.
    m = re.fullmatch(r"(next|last|this|past|coming|previous)\s+(week|weekend|month|year)", t) \
        or re.fullmatch(r"(weekend)", t)
    if m and ref is not None:
        which, unit = (m[1], m[2]) if m.lastindex == 2 else ("this", "weekend")
        shift = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get(which, 0)
        if unit == "year":
            return dt.date(ref.year + shift, 1, 1), dt.date(ref.year + shift, 12, 31)
        if unit == "month":
            month0 = ref.month - 1 + shift
            return _month_range(ref.year + month0 // 12, month0 % 12 + 1)
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        if unit == "week":
            return monday, monday + dt.timedelta(days=6)
        saturday = monday + dt.timedelta(days=5)
        if which == "this" and ref.weekday() < 4:
            saturday -= dt.timedelta(weeks=1)  # said early in the week: the weekend just gone
        return saturday, saturday + dt.timedelta(days=1)
    # Weekday names: the most recent one on or before the article's date, unless the sentence looks ahead.
    m = re.fullmatch(rf"(next|last|this|coming|previous)?\s*({_WEEKDAY_RE})", t)
    if m and ref is not None:
        delta = (ref.weekday() - _WEEKDAYS[m[2]]) % 7
        day = ref - dt.timedelta(days=delta)
        if m[1] in ("next", "coming"):
            day = ref + dt.timedelta(days=(_WEEKDAYS[m[2]] - ref.weekday()) % 7 or 7)
        elif m[1] in ("last", "previous") and delta == 0:
            day -= dt.timedelta(days=7)
        elif tense in ("ahead", "present") and not m[1]:
            day = ref + dt.timedelta(days=(_WEEKDAYS[m[2]] - ref.weekday()) % 7)
        return day, day
    return _parsed(t, ref)


def _parsed(text: str, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """dateparser, with the article's date as the base its relative words count from."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(ref, dt.time(12))
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return (parsed.date(), parsed.date()) if parsed is not None else None


def tense_of(span: Span) -> str:
    """What the clause a date sits in says of time (see WINDOWS): "ahead" ("will meet on Friday",
    "due on July 23", "agreed to meet on Friday"), "past" ("met", "was held", "had agreed"),
    "deadline" after "by" or "until", else "recent"."""
    cfg = _cues()
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:  # Tokens are made anew per access: compare by value
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # A complement shares its governor's time: "we will carry on updating into Saturday", "the train
    # was due to reach Chennai on Saturday".
    governors = [verb]
    while governors[-1].dep_ in ("xcomp", "pcomp") and len(governors) < 4:
        governor = governors[-1].head
        # "carry on updating": a gerund hangs on its verb through a preposition or particle.
        governors.append(governor.head if governor.pos_ == "ADP" else governor)
    if any(t.lower_ in cfg["future"] for v in governors for t in (v, *v.children)):
        return "ahead"
    # An infinitive completing a verb of intent: "agreed to meet", "plan to hold".
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux) and verb.head.lemma_.lower() in cfg["future_verbs"]:
        return "ahead"
    if verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or any(
            c.tag_ == "VBD" or c.lemma_.lower() == "have" for c in aux)):
        return "past"
    # "The mourning period ends on Saturday": the simple present of a schedule looks ahead to a weekday,
    # but not in a headline ("Kyiv and Moscow swap prisoners on Friday") nor after a speech verb.
    if verb.tag_ in ("VBZ", "VBP") and verb.pos_ == "VERB" and span.sent.start > 0 and not aux \
            and verb.lemma_.lower() not in speech_verbs():
        return "present"
    before = span.doc[span.start - 1].lower_ if span.start else ""
    return "deadline" if before in cfg["deadline"] else "recent"


def _counts_from_elsewhere(span: Span) -> bool:
    """"two days before the vote": the count runs from the vote, not from the article's date."""
    last, doc = span[-1], span.doc
    if last.lower_ not in _cues()["back"] or last.lower_ == "ago" or span.end >= len(doc):
        return False
    after = doc[span.end]
    return not after.is_sent_start and (after.lower_ == "to" or after.pos_ in (
        "DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "ADP", "PART"))


def _before_now(span: Span, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """"Two days after the jet crashed, the question is ...", "began today, a day after Flight 516 hit":
    the clause after the count happened that long before the report's own day, when the sentence it
    hangs on is told of now (a present tense, or a word for today). "He died two days after he was hit"
    dates nothing."""
    after, clause = span[-1], span[-1].head
    # A clause "after" marks is subordinate, though the parser may hang it on the main verb as a conjunct.
    if ref is None or after.dep_ != "mark" or clause.dep_ not in ("advcl", "conj"):
        return None
    main = clause.head
    today = [w for w in [*_cues()["days"], *_cues()["fixed"]] if resolve(w, ref) == (ref, ref)]
    outside = [t for t in main.subtree if not clause.left_edge.i <= t.i <= clause.right_edge.i]
    now = main.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                             for c in main.children) \
        or any(" ".join(t.lower_ for t in outside[k:k + len(w.split())]) == w
               for w in today for k in range(len(outside)))
    return resolve(" ".join(t.text for t in span[:-1]) + " earlier", ref) if now else None


def _names_a_year(token) -> bool:
    """"the 1997 crash", "Russia's 2014 annexation": a year between a determiner and a singular noun
    ("the 2000 prisoners" counts prisoners)."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return (before.lower_ in _cues()["year_determiners"] or before.tag_ in ("POS", "PRP$")) \
        and after.tag_ in ("NN", "NNP")


def anchor_words() -> set[str]:
    """Words one of which every date pattern holds (with a four-digit year, `_YEAR_SHAPES`), so the
    matcher need only look near them: a month, a weekday, a unit of time, a named day, and the rarest
    word of each fixed phrase and holiday."""
    cfg = _cues()
    words = set(_MONTHS) | set(_WEEKDAYS) | set(cfg["days"]) | set(cfg["periods"])
    words |= {u + s for u in ("day", "week", "month", "year") for s in ("", "s")}
    words |= {max(phrase.split(), key=len) for phrase in cfg["fixed"]}
    words |= {max(_holiday_words(phrase), key=len) for phrase in cfg["holidays"]}
    return words


_YEAR_SHAPES = ["dddd"]


def find_dates(doc: Doc, matcher: Matcher, reach: int = 0) -> list[dict]:
    """Dates in `doc`; the matcher looks only near `anchor_words` when `reach` (the longest pattern's
    length) is given, and everywhere otherwise."""
    ref = dt.date.fromisoformat(doc._.reference) if doc._.reference else None
    year_before_noun = doc.vocab.strings["YEAR_BEFORE_NOUN"]
    story_day = doc.vocab.strings["STORY_DAY"]
    matches = matches_near(matcher, doc, _anchors(), _YEAR_SHAPES, reach) if reach else matcher(doc)
    spans = [Span(doc, s, e) for label, s, e in matches if label != year_before_noun or _names_a_year(doc[s])]
    spans.sort(key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    taken: set[int] = set()
    found: list[dict] = []
    ordinals = {doc[s].idx for label, s, e in matches if label == story_day}
    for span in spans:
        if not taken.isdisjoint(range(span.start, span.end)) or _counts_from_elsewhere(span):
            continue
        if span.start_char in ordinals:
            # "on the first day": a day of the story's span, placed by _in_the_story (or dropped).
            if span.end < len(doc) and doc[span.end].lower_ == "of":
                continue  # "the first day of the invasion" is a day of something else
            taken.update(range(span.start, span.end))
            found.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                          "date_start": "", "date_end": "", "told": False,
                          "nth": _story_nth(span.text)})
            continue
        resolved = _before_now(span, ref) if span[-1].lower_ in _cues()["after"] else resolve(span.text, ref,
                                                                                              tense_of(span))
        if resolved is None:
            continue
        taken.update(range(span.start, span.end))
        start, end = min(resolved), max(resolved)
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                      "date_start": start.isoformat(), "date_end": end.isoformat(),
                      "told": span.start > 0 and doc[span.start - 1].lower_ == "the"
                      and span.text.lower().split()[-1] in _WEEKDAYS})
    return _in_the_story(sorted(found, key=lambda d: d["start"]), ref)


# A story's days span at most this many: "from 23 to 25 May ... On the Friday".
STORY_WEEK = 7


def _story_nth(text: str) -> int:
    """Which day of a span "the first day", "day two", "the final day" names: 0, 1, ..., -1 for the last."""
    words = text.lower().split()
    return _cues()["story_days"][words[1] if words[0] == "day" else words[-2]]


def _in_the_story(found: list[dict], ref: dt.date | None) -> list[dict]:
    """"On the Friday" is a weekday of the story being told, not the one before the date line: the day of
    that weekday in the week the last date named before it starts ("from 23 to 25 May. On the Friday,
    390 crossed": 23 May). Without such a date (the date line is none) it stays as read.

    "On the first day" ("the second day", "the final day") is that day of the last span of days named
    before it ("The exchange ran from Friday to Sunday. On the first day ..."): 23 May. Without such a
    span it is no date."""
    anchor: dt.date | None = None
    span: tuple[dt.date, dt.date] | None = None
    out = []
    for d in found:
        told = d.pop("told")
        if "nth" in d:
            nth = d.pop("nth")
            if span is None or nth >= (span[1] - span[0]).days + 1:
                continue
            day = span[1] if nth < 0 else span[0] + dt.timedelta(days=nth)
            d["date_start"] = d["date_end"] = day.isoformat()
            out.append(d)
            continue
        start, end = dt.date.fromisoformat(d["date_start"]), dt.date.fromisoformat(d["date_end"])
        if told and anchor is not None:
            day = anchor + dt.timedelta(days=(_WEEKDAYS[d["text"].lower().split()[-1]] - anchor.weekday()) % 7)
            d["date_start"] = d["date_end"] = day.isoformat()
        elif not told and (end - start).days < STORY_WEEK and not start == end == ref:
            anchor = start
            if start < end:
                span = (start, end)
        out.append(d)
    return out


def _holiday_words(phrase: str) -> list[str]:
    """A holiday's tokens as the tokenizer splits them: "new year's day" -> new, year, 's, day."""
    words = []
    for part in phrase.split():
        head, apostrophe, tail = part.partition("'")
        words += [head, apostrophe + tail] if apostrophe else [head]
    return words


@cache
def _anchors() -> frozenset[str]:
    return frozenset(anchor_words())


def date_patterns() -> dict[str, list[list[dict]]]:
    """Matcher patterns for calendar expressions; `resolve` then decides what each one means.

    "May" the month is capitalised; "may" the verb is not, so months match by exact spelling."""
    cfg = _cues()
    months = [{"ORTH": {"IN": [m for name in _MONTHS for m in (name.capitalize(), name.upper())]}}]
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    nth = {"LOWER": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}}
    year = {"SHAPE": "dddd", "TEXT": {"REGEX": r"^(19|20)\d\d$"}}
    opt_year = {"SHAPE": "dddd", "TEXT": {"REGEX": r"^(19|20)\d\d$"}, "OP": "?"}
    comma = {"ORTH": ",", "OP": "?"}
    weekday = {"LOWER": {"IN": list(_WEEKDAYS)}, "IS_TITLE": True}
    prep = {"LOWER": {"IN": cfg["prepositions"]}}
    rel = {"LOWER": {"IN": cfg["relative"]}}
    part = {"LOWER": {"IN": list(cfg["month_parts"])}}
    dash = {"LOWER": {"IN": ["-", "\u2013", "to", "and"]}}
    unit = {"LOWER": {"IN": [u + s for u in ("day", "week", "month", "year") for s in ("", "s")]}}
    out: dict[str, list[list[dict]]] = {"DATE": [], "DATE_RANGE": []}
    for month in months:
        for d in (day, nth):
            out["DATE"] += [
                [month, d, comma, year], [month, d], [d, month, year], [d, month],
                [weekday, comma, month, d], [weekday, comma, month, d, comma, year],
                [weekday, comma, d, month, opt_year],
                [{"LOWER": "the"}, d, {"LOWER": "of"}, month, opt_year],
            ]
        out["DATE"] += [
            [month, year], [prep, month], [rel, month], [prep, month, day], [prep, day, month],
            # "since July 2007", whole: "since July" alone would be this year's July.
            [{"LOWER": "since"}, month, year],
            [{"LOWER": "the", "OP": "?"}, part, {"LOWER": "of", "OP": "?"}, {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"},
             month, opt_year],
        ]
        out["DATE_RANGE"] += [
            [{"LOWER": "between", "OP": "?"}, day, dash, day, month, opt_year],
            [month, day, dash, day],
        ]
    out["DATE_RANGE"] += [[{"LOWER": {"IN": ["from", "between"]}, "OP": "?"}, weekday,
                           {"LOWER": {"IN": ["-", "\u2013", "to", "and", "until", "through"]}}, weekday]]
    edges, parts = {"LOWER": {"IN": cfg["day_edges"]}}, {"LOWER": {"IN": cfg["day_parts"]}}
    out["DATE"] += [
        [prep, year], [{"LOWER": {"IN": cfg["relative"] + ["on"]}, "OP": "?"}, weekday],
        [weekday, parts], [edges, {"LOWER": "on", "OP": "?"}, weekday, {**parts, "OP": "?"}],
        [rel, {"LOWER": {"IN": cfg["periods"]}}], [{"LOWER": {"IN": cfg["days"]}}],
        [{"LOWER": {"IN": cfg["earlier"] + cfg["later"]}}, {"LOWER": {"IN": ["this", "in"]}},
         {"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": cfg["periods"]}}],
        [{"LIKE_NUM": True}, unit, {"LOWER": {"IN": cfg["back"]}}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, unit, {"LOWER": {"IN": cfg["back"]}}],
        [{"LIKE_NUM": True}, unit, {"LOWER": {"IN": cfg["after"]}}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, unit, {"LOWER": {"IN": cfg["after"]}}],
    ]
    out["DATE"] += [[{"LOWER": w} for w in phrase.split()] for phrase in cfg["fixed"]]
    # "Christmas Day", "New Year's Day": capitalised, so "a victory day for the team" stays a phrase.
    out["DATE"] += [[{"LOWER": w, "IS_TITLE": True} if w.isalpha() else {"LOWER": w} for w in _holiday_words(phrase)]
                    for phrase in cfg["holidays"]]
    out["YEAR_BEFORE_NOUN"] = [[year]]
    nth = {"LOWER": {"IN": list(cfg["story_days"])}}
    out["STORY_DAY"] = [[{"LOWER": "the"}, nth, {"LOWER": "day"}], [{"LOWER": "day"}, nth]]
    return out


class DateFinder:
    """Adds `doc._.dates`: [{start, end, text, date_start, date_end}], resolved against doc._.reference."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        patterns = date_patterns()
        for name, group in patterns.items():
            self.matcher.add(name, group)
        self.reach = max(len(p) for group in patterns.values() for p in group)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, self.matcher, self.reach)
        return doc


@Language.factory("claims_dates", assigns=["doc._.dates"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
