"""The number grammar: find figures in plain text, with bounds, ranges, approximation and reciprocity.

Pure functions over a string, so they are testable without spaCy and safe on any input. The cue words
come from data/cues.toml [numbers].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from . import rules


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    min: float | None
    max: float | None
    min_inclusive: bool = True
    max_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None
    basis: str | None = None
    # Offsets of the first number inside the match, where the parse finds what is counted.
    num_start: int = 0
    num_end: int = 0


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern
    bounds: dict
    after: dict
    approximate: frozenset
    units: dict
    idioms: dict
    particle_verbs: frozenset


@cache
def _grammar() -> _Grammar:
    cfg = rules.cues()["numbers"]
    words = cfg["words"]
    unit_w, tens_w, scale_w = _alt(words["units"]), _alt(words["tens"]), _alt(words["scales"])
    one_word = rf"(?:(?:{tens_w})(?:[\s-](?:{unit_w}))?|{unit_w}|{scale_w})"
    word_num = rf"\b{one_word}(?:(?:\s+|-|(?<=hundred)\s+and\s+){one_word})*\b"
    digits = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+(?:{scale_w})\b)?(?![\d:])(?!,\d)"
    idioms = _alt(words["idioms"])
    num = rf"(?:{digits}|\b(?:{idioms})\b|{word_num})"
    # A number that opens a figure must not continue a code, time or model name ("Su-34", "10:36").
    lead = r"(?<![\w.,/:@$-])"
    cues = _alt(list(cfg["before"]) + cfg["approximate"])
    filler = _alt(cfg["fillers"]["between_cue_and_number"])
    unit_map = {surface.lower(): unit for unit, forms in cfg["units"].items() for surface in forms}
    units = _alt(unit_map)
    one_units = _alt(words["one_units"])
    after = _alt(cfg["after"])
    pattern = re.compile(
        rf"(?:\b(?P<cue>{cues})\s+(?:(?P<filler>{filler})\s+)?)?"
        rf"(?:between\s+(?:(?:{filler})\s+)?(?P<a1>{num})\s+and\s+(?P<b1>{num})"
        rf"|from\s+(?P<a2>{num})\s+to\s+(?P<b2>{num})"
        rf"|{lead}(?P<a3>{num})(?:(?<=\d)\s*[-\u2013\u2014]\s*|\s+to\s+|\s+or\s+)(?P<b3>{num})(?![\w])"
        rf"|{lead}(?P<a4>{num})\s+for\s+(?P<b4>{num})"
        rf"|{lead}(?P<n>{num})"
        rf"|\b(?P<one>an?)(?=[\s-]+(?:{one_units})\b))"
        rf"(?P<unit>(?:[\s-]+[A-Za-z\u2019']+){{0,2}}?[\s-]+(?:{units})(?![\w]))?"
        rf"(?P<after>\s+(?:{after})\b)?",
        re.IGNORECASE,
    )
    return _Grammar(
        pattern=pattern,
        bounds={k.lower(): v for k, v in cfg["before"].items()},
        after={k.lower(): v for k, v in cfg["after"].items()},
        approximate=frozenset(w.lower() for w in cfg["approximate"]),
        units=unit_map,
        idioms={k.lower(): v for k, v in words["idioms"].items()},
        particle_verbs=frozenset(w.lower() for w in cfg["fillers"]["particle_verbs"]),
    )


def number_value(text: str) -> float | None:
    """The value of one number: '6,000', '1.5 million', 'twenty-five', 'a dozen'. None if it is not one."""
    g = _grammar()
    words = " ".join(text.lower().split())
    if words in g.idioms:
        return float(g.idioms[words])
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(thousand|million|billion))?", words)
    if m:
        try:
            value = float(m[1].replace(",", ""))
        except ValueError:
            return None
        scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get(m[2] or "", 1)
        return value * scale
    try:
        return float(text2num(words, "en"))
    except (ValueError, IndexError, TypeError):
        return None


def _unit(unit_text: str | None) -> str | None:
    if not unit_text:
        return None
    tail = re.split(r"[\s-]+", unit_text.strip(" -").lower())
    g = _grammar()
    # Longest unit phrase at the end of the captured words ("years old" before "old").
    for size in (2, 1):
        phrase = " ".join(tail[-size:])
        if phrase in g.units:
            return g.units[phrase]
    return None


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, left to right, never overlapping; each has min <= max."""
    g = _grammar()
    found: list[Figure] = []
    pos = 0
    while (m := g.pattern.search(text, pos)) is not None:
        fig = _figure(m, text, g)
        if fig is not None:
            found.append(fig)
            pos = max(m.end(), pos + 1)
        elif m["cue"]:
            pos = m.end("cue")  # the cue was not a bound ("hand over"): read the number on its own
        else:
            pos = max(m.end(), pos + 1)
    return found


def _figure(m: re.Match, text: str, g: _Grammar) -> Figure | None:
    cue = (m["cue"] or "").lower()
    cue = " ".join(cue.split())
    if cue == "over" and _previous_word(text, m.start()) in g.particle_verbs:
        return None  # "hand over 6,000 bodies": a phrasal verb, not a lower bound.
    start = m.start() if cue else _first_number_start(m)
    basis = None
    approximate = cue in g.approximate
    lo_incl = hi_incl = True
    if m["one"] and not cue:
        return None  # "a week" alone is an article, not a figure
    if m["a1"] or m["a2"] or m["a3"]:
        a, b = (m["a1"], m["b1"]) if m["a1"] else (m["a2"], m["b2"]) if m["a2"] else (m["a3"], m["b3"])
        lo, hi = number_value(a), number_value(b)
        sep = text[m.end("a3"):m.start("b3")] if m["a3"] else ""
        approximate = approximate or " or " in f" {sep.strip()} "
        num_span = m.span("a1") if m["a1"] else m.span("a2") if m["a2"] else m.span("a3")
        if lo is None or hi is None:
            return None
        if m["a3"] and hi < lo and re.fullmatch(r"\s*[-\u2013\u2014]\s*", sep):
            return None  # "2025-06" or a score, not a range
        lo, hi = min(lo, hi), max(lo, hi)
    elif m["a4"]:
        lo, hi = number_value(m["a4"]), number_value(m["b4"])
        if lo is None or hi is None:
            return None
        lo, hi = min(lo, hi), max(lo, hi)
        basis = "reciprocal"
        num_span = m.span("a4")
    else:
        single = "n" if m["n"] else "one"
        value = 1.0 if single == "one" else number_value(m["n"])
        if value is None:
            return None
        lo = hi = value
        num_span = m.span(single)
        if single == "n" and m["n"].lower() == "one" and not m["unit"] and not cue:
            return None  # "one-sided", "no one": the pronoun, not a count
        if cue in g.bounds:
            side, inclusive, approx = g.bounds[cue]
            approximate = approximate or approx
            if side == "lower":
                hi, lo_incl = None, inclusive
            else:
                lo, hi_incl = None, inclusive
    unit_text = m["unit"]
    unit = _unit(unit_text)
    end = m.end("unit") if unit else _number_end(m)
    if m["after"] and lo is not None and hi is not None and lo == hi:
        side, inclusive = g.after[" ".join(m["after"].lower().split())]
        if side == "lower":
            hi, lo_incl = None, inclusive
        else:
            lo, hi_incl = None, inclusive
        end = m.end()
    number_text = text[num_span[0]:num_span[1]]
    if lo == hi and (_looks_like_year(number_text, cue, basis) or _is_day_of_month(text, num_span)):
        return None
    if _is_day_of_month(text, (num_span[0], _number_end(m))):
        return None  # "between 20 and 30 June" is a date range
    return Figure(start=start, end=end, text=text[start:end], min=lo, max=hi, min_inclusive=lo_incl,
                  max_inclusive=hi_incl, approximate=approximate, unit=unit, basis=basis,
                  num_start=num_span[0], num_end=num_span[1])


def _first_number_start(m: re.Match) -> int:
    for name in ("a1", "a2", "a3", "a4", "n", "one"):
        if m[name]:
            # "between" and "from" belong to the range they open.
            return m.start() if name in ("a1", "a2") else m.start(name)
    return m.start()


def _number_end(m: re.Match) -> int:
    for name in ("b1", "b2", "b3", "b4", "n", "one"):
        if m[name]:
            return m.end(name)
    return m.end()


def _previous_word(text: str, at: int) -> str:
    words = re.findall(r"[\w'-]+", text[max(0, at - 40):at])
    return words[-1].lower() if words else ""


def _looks_like_year(number: str, cue: str, basis: str | None) -> bool:
    """'in 2022' is a date, not a count: four digits in 1900-2099 with no cue or basis."""
    return bool(re.fullmatch(r"(19|20)\d\d", number)) and not cue and basis is None


_MONTH = re.compile(r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$")


def _is_day_of_month(text: str, span: tuple[int, int]) -> bool:
    """'June 2' and '16 May' are dates, not counts."""
    if not re.match(r"\d{1,2}\b", text[span[0]:span[1]]) or not re.search(r"\b\d{1,2}$", text[span[0]:span[1]]):
        return False
    before = re.findall(r"[\w.]+", text[max(0, span[0] - 12):span[0]])
    after = re.findall(r"[\w.]+", text[span[1]:span[1] + 12])
    return bool((before and _MONTH.match(before[-1])) or (after and _MONTH.match(after[0])))
