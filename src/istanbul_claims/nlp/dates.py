"""Dates: absolute and relative expressions resolved to a [start, end] day range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

import dateparser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .. import rules

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Words that make an expression a calendar date rather than a duration ("2-3 day" is a duration).
_CALENDAR = re.compile(rf"\b({_MONTH_RE}|{'|'.join(_WEEKDAYS)}|today|yesterday|tomorrow|tonight|week|"
                       rf"weekend|month|year|ago|(19|20)\d\d)\b", re.I)
_DURATION = re.compile(r"^(\d[\d,.-]*|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
                       r"(day|week|month|year|hour)s?\b", re.I)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_for(month: int, ref: dt.date | None, explicit: str | None) -> int | None:
    if explicit:
        return int(explicit)
    if ref is None:
        return None
    # News reports recall the past: a month after the reference month is last year's.
    return ref.year if month <= ref.month + 1 else ref.year - 1


@lru_cache(maxsize=65536)
def resolve(text: str, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Resolve a date expression against the article's own date; None when it names no calendar day."""
    t = " ".join(text.lower().replace("\u2013", "-").split())
    t = re.sub(r"^(on|by|until|till|since|in|from|at|the|this past)\s+", "", t)
    t = re.sub(r"^the\s+", "", t)
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
        year = _year_for(_MONTHS[mon], ref, yr)
        if year is None:
            return None
        try:
            return dt.date(year, _MONTHS[mon], int(d1)), dt.date(year, _MONTHS[mon], int(d2))
        except ValueError:
            return None
    # "the end of june", "end of february 2022", "the beginning of may".
    m = re.fullmatch(rf"(?:the\s+)?(end|beginning|start|middle|mid)(?:\s+of)?[\s-]+({_MONTH_RE})(?:\s+(\d{{4}}))?", t)
    if m:
        year = _year_for(_MONTHS[m[2]], ref, m[3])
        if year is None:
            return None
        first, last = _month_range(year, _MONTHS[m[2]])
        part = {"end": (21, last.day), "beginning": (1, 10), "start": (1, 10)}.get(m[1], (11, 20))
        return first.replace(day=part[0]), first.replace(day=part[1])
    # A whole month or year: "may", "february 2022", "2022".
    m = re.fullmatch(rf"({_MONTH_RE})(?:,?\s+(\d{{4}}))?", t)
    if m:
        year = _year_for(_MONTHS[m[1]], ref, m[2])
        return _month_range(year, _MONTHS[m[1]]) if year else None
    if re.fullmatch(r"(19|20)\d\d", t):
        return dt.date(int(t), 1, 1), dt.date(int(t), 12, 31)
    if ref is None and not re.search(r"(19|20)\d\d", t):
        return None
    # Weeks and weekends are ranges, which dateparser cannot give.
    m = re.fullmatch(r"(next|last|this|past|coming)\s+(week|weekend|month)", t) or re.fullmatch(r"(weekend)", t)
    if m and ref is not None:
        which, unit = (m[1], m[2]) if m.lastindex == 2 else ("this", "weekend")
        shift = {"next": 1, "coming": 1, "last": -1, "past": -1}.get(which, 0)
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
    # Weekday names: the most recent one on or before the article's date, unless "next".
    m = re.fullmatch(rf"(next|last|this|coming)?\s*({'|'.join(_WEEKDAYS)})", t)
    if m and ref is not None:
        delta = (ref.weekday() - _WEEKDAYS[m[2]]) % 7
        day = ref - dt.timedelta(days=delta)
        if m[1] in ("next", "coming"):
            day = ref + dt.timedelta(days=(_WEEKDAYS[m[2]] - ref.weekday()) % 7 or 7)
        elif m[1] == "last" and delta == 0:
            day -= dt.timedelta(days=7)
        return day, day
    base = dt.datetime.combine(ref, dt.time(12)) if ref else None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(t, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return parsed.date(), parsed.date()


def find_dates(doc: Doc, matcher: Matcher) -> list[dict]:
    ref = dt.date.fromisoformat(doc._.reference) if doc._.reference else None
    spans = [Span(doc, s, e) for _, s, e in matcher(doc)]
    spans.sort(key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    taken: set[int] = set()
    found: list[dict] = []
    for span in spans:
        if not taken.isdisjoint(range(span.start, span.end)):
            continue
        resolved = resolve(span.text, ref)
        if resolved is None:
            continue
        taken.update(range(span.start, span.end))
        start, end = min(resolved), max(resolved)
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                      "date_start": start.isoformat(), "date_end": end.isoformat()})
    return sorted(found, key=lambda d: d["start"])


def date_patterns() -> dict[str, list[list[dict]]]:
    """Matcher patterns for calendar expressions; `resolve` then decides what each one means.

    "May" the month is capitalised; "may" the verb is not, so months match by exact spelling."""
    cfg = rules.cues()["dates"]
    months = [{"ORTH": {"IN": [m for name in _MONTHS for m in (name.capitalize(), name.upper())]}}]
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    year = {"SHAPE": "dddd", "TEXT": {"REGEX": r"^(19|20)\d\d$"}}
    comma = {"ORTH": ",", "OP": "?"}
    weekday = {"LOWER": {"IN": list(_WEEKDAYS)}, "IS_TITLE": True}
    prep = {"LOWER": {"IN": cfg["prepositions"]}}
    rel = {"LOWER": {"IN": cfg["relative"]}}
    part = {"LOWER": {"IN": ["end", "beginning", "start", "middle"]}}
    dash = {"LOWER": {"IN": ["-", "\u2013", "to", "and"]}}
    out: dict[str, list[list[dict]]] = {"DATE": [], "DATE_RANGE": []}
    for month in months:
        out["DATE"] += [
            [month, day, comma, year], [month, day], [day, month, year], [day, month], [month, year],
            [prep, month], [{"LOWER": "the", "OP": "?"}, part, {"LOWER": "of"}, month, {"SHAPE": "dddd", "OP": "?"}],
        ]
        out["DATE_RANGE"] += [
            [{"LOWER": "between", "OP": "?"}, day, dash, day, month, {"SHAPE": "dddd", "OP": "?"}],
            [month, day, dash, day],
        ]
    out["DATE"] += [
        [prep, year], [{"LOWER": {"IN": cfg["relative"] + ["on"]}, "OP": "?"}, weekday],
        [rel, {"LOWER": {"IN": cfg["periods"]}}], [{"LOWER": {"IN": cfg["days"]}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": [p + "s" for p in cfg["periods"]] + ["days"]}}, {"LOWER": "ago"}],
        [{"LOWER": {"IN": ["a", "one"]}}, {"LOWER": {"IN": cfg["periods"] + ["day"]}}, {"LOWER": "ago"}],
    ]
    return out


class DateFinder:
    """Adds `doc._.dates`: [{start, end, text, date_start, date_end}], resolved against doc._.reference."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        for name, patterns in date_patterns().items():
            self.matcher.add(name, patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, self.matcher)
        return doc


@Language.factory("claims_dates", assigns=["doc._.dates"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
