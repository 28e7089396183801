"""The number grammar: find figures in plain text, with bounds, ranges, approximation and reciprocity.

Pure functions over a string, so they are testable without spaCy and safe on any input. The cue words,
units and conversions come from data/cues.toml [numbers].

Each kind of figure (a time of day, a compound duration, a range, "X for X", a vague quantity, a count of
none, a single number...) is its own pattern. The text is scanned once for anchors, the words a figure
can open with (digits, number words, "between", "no", "a few"...); at each anchor the kinds are tried in
order and the first one the checks accept wins. A bound or approximation cue, "all" and "aged" are read
backwards from the number, so they never cost a scan. A match the checks reject (a particle "over", a
share with nothing to share) gives way to the other kinds there, so one pattern never hides what
another would read; a year, a date or a code is nothing for any kind.
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
    # Offsets of the first number inside the match, where the parse finds what is counted. For a count
    # of none or of one ("no survivors", "the sole survivor") they cover the word that says so.
    num_start: int = 0
    num_end: int = 0
    # A quantity that names no number ("dozens of", "several hundred"): min and max are a guess from data.
    vague: bool = False
    # The zone a time of day names ("GMT", "UTC", "local"...), as written, never converted; None if none.
    tz: str | None = None
    # The figure holds for each side of an exchange ("1,000 each", "1,000 for 1,000"), not in total.
    per_side: bool = False
    # Time since something ("the first talks in three years", "two weeks ago"), not how long it lasted.
    elapsed: bool = False
    # The figure is a whole group ("all 150 on board").
    all_of: bool = False


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _plural(word: str) -> str:
    head, _, last = word.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _trie(tails: dict[str, str]) -> str:
    """A regex matching each key then its tail, sharing prefixes, so one scan of the text stays fast
    however many words may open a figure."""
    tree: dict = {}
    for word, tail in tails.items():
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail

    def emit(node: dict) -> str:
        end = node.get("")
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return end
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return body if end is None else f"(?:{body}|{end})"

    return emit(tree)


# The kinds of figure, most specific first: at one position the first kind that matches wins.
_KINDS = ("money", "clock_range", "clock", "compound", "between", "from", "range", "x_for_x", "vague_unit", "vague",
          "zero_pronoun", "zero_noun", "single_item", "fraction", "single", "one")

_AMPM = r"(?:[ap]\.m\.|[ap]\.?m\b)"
_H12 = r"(?:1[0-2]|0?[1-9])"
_H24 = r"(?:[01]?\d|2[0-3])"
_MM = r"[0-5]\d"
_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d)(?::\d\d)?)?\s*(?:(?P<ap>[ap])\.?m\.?)?|(?P<hhmm>\d{4})",
                    re.IGNORECASE)


@dataclass(frozen=True)
class _Grammar:
    anchor: re.Pattern
    patterns: tuple[tuple[str, re.Pattern], ...]
    cue_before: re.Pattern
    all_before: re.Pattern
    bounds: dict
    after: dict
    approximate: frozenset
    units: dict
    idioms: dict
    particle_verbs: frozenset
    base: dict
    smaller: dict
    fractions: dict
    fraction_not_after: frozenset
    vague: dict
    clock_words: dict
    zones: dict
    zero_people: frozenset
    counted: frozenset
    existential: re.Pattern
    be_after: re.Pattern
    codes: re.Pattern
    age_before: re.Pattern
    elapsed_before: re.Pattern
    elapsed_not_between: frozenset
    elapsed_after: re.Pattern
    compound_parts: tuple[re.Pattern, ...]
    money_signs: dict
    money_scales: dict


@cache
def _bases() -> dict[str, tuple[str, float]]:
    """unit -> (dimension, factor to the dimension's base unit). Apart from the grammar: the reconciler
    reads only this, and compiling the grammar's patterns costs more than a whole diff."""
    return {unit: (dim, float(factor)) for unit, (dim, factor) in rules.cues()["numbers"]["base"].items()}


# What a scale word multiplies by, for a fraction of it ("a quarter of a million").
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _idioms(cfg: dict) -> dict[str, float]:
    """Number phrases by value: the configured ones ("a dozen") and a fraction of a scale ("half a million",
    "a quarter of a million": 250,000, never a quarter and then a million)."""
    out = {k.lower(): float(v) for k, v in cfg["words"]["idioms"].items()}
    for fraction, (n, d) in cfg["fractions"].items():
        for scale, size in _SCALES.items():
            for joint in (" of a ", " a "):
                out[f"{fraction.lower()}{joint}{scale}"] = n / d * size
    return out


@cache
def _grammar() -> _Grammar:
    cfg = rules.cues()["numbers"]
    words = cfg["words"]
    unit_w, tens_w, scale_w = _alt(words["units"]), _alt(words["tens"]), _alt(words["scales"])
    one_word = rf"(?:(?:{tens_w})(?:[\s-](?:{unit_w}))?|{unit_w}|{scale_w})"
    word_num = rf"\b{one_word}(?:(?:\s+|-|(?<=hundred)\s+and\s+){one_word})*\b"
    attached = _alt(cfg["attached_units"])
    # Letters glued to digits make a code or an ordinal ("7C2216", "5th", "1990s"), except a unit ("10km").
    glued = rf"(?!(?!(?:{attached})(?![^\W\d_]))[^\W\d_])"
    digits = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+(?:{scale_w})\b)?(?![\d:])(?!,\d){glued}"
    idiom_values = _idioms(cfg)
    idioms = _alt(idiom_values)
    num = rf"(?:{digits}|\b(?:{idioms})\b|{word_num})"
    # A number that opens a figure must not continue a code, time, model name or price ("Su-34", "$5").
    lead = r"(?<![\w.,/:@$\u00a3\u20ac\u00a5#-])"

    unit_map = {surface.lower(): unit for unit, forms in cfg["units"].items() for surface in forms}
    base = _bases()
    durations = {u for u, (dim, _) in base.items() if dim == "duration"}
    dur_surfaces = {unit: [s for s, u in unit_map.items() if u == unit] for unit in durations}
    du_all = _alt(s for forms in dur_surfaces.values() for s in forms)
    units = _alt(unit_map)

    cue_words = _alt(list(cfg["before"]) + cfg["approximate"])
    filler = _alt(cfg["fillers"]["between_cue_and_number"])
    # Up to two words may stand between a number and its unit ("10 more days"), but not a rate's
    # determiner: "50 trucks a day" counts trucks, per day.
    unit = (rf"(?P<unit>(?:[\s-]+(?!(?:{_alt(cfg['rate_determiners'])})\b)[A-Za-z\u2019']+){{0,2}}?[\s-]+(?:{units})(?![\w])"
            rf"|(?<=\d)(?:{attached})(?![\w]))?")
    after = rf"(?P<after>\s+(?:{_alt(cfg['after'])})\b)?"
    side_cfg = cfg["per_side"]
    side_stop = _alt([*side_cfg["not_before"], *(s for forms in dur_surfaces.values() for s in forms)])
    side = rf"(?P<side>\s+(?:{_alt(side_cfg['suffixes'])})\b(?![\s-]+(?:{side_stop})\b))?"

    time_cfg = cfg["time"]
    upper_zones = [z for z in time_cfg["zones"] if z.isupper()]
    other_zones = [z for z in time_cfg["zones"] if not z.isupper()]
    # Any place's time ("Seoul time") is a zone too, named by the place.
    zone = (rf"(?:(?-i:{_alt(upper_zones)})|{_alt(other_zones)}|(?-i:[A-Z][a-z]+)\s+time)\b"
            rf"(?:\s*[+\u2212-]\s*\d{{1,2}}(?::?\d\d)?(?!\d))?")
    hours_w = _alt(words["units"][:12])
    clock = (rf"(?:{_H12}(?:[:.]{_MM})?\s*{_AMPM}"
             rf"|{_H24}:{_MM}(?::{_MM})?(?![\d:])"
             rf"|{_H24}\.{_MM}(?=\s*{zone})"
             rf"|(?:[01]\d|2[0-3]){_MM}(?=\s*{zone})"
             rf"|(?:{_H12}|\b(?:{hours_w}))\s+o[\u2019']clock\b)")
    clock_w = _alt(time_cfg["words"])
    tz = rf"(?:\s*(?P<tz>{zone}))?"

    fractions = {k.lower(): n / d for k, (n, d) in cfg["fractions"].items()}
    fr = _alt(fractions)
    n_or_a = rf"(?:{lead}{num}|\ban?\b)"
    smaller = cfg["compound"]["smaller"]
    # A compound duration is a larger unit then a smaller one ("two hours and 15 minutes"); the reader
    # checks the order. Or a whole number of a unit and a fraction ("an hour and a half").
    compound = "|".join([rf"{n_or_a}[\s-]+(?:{du_all})(?:\s+and\s+|\s+){n_or_a}[\s-]+(?:{du_all})(?![\w])",
                         rf"{n_or_a}[\s-]+(?:{du_all})\s+and\s+(?:{fr})(?![\w])",
                         rf"{n_or_a}\s+and\s+(?:{fr})[\s-]+(?:{du_all})(?![\w])",
                         rf"\b(?:{fr})\s+(?:of\s+)?an?\s+(?:{du_all})(?![\w])"])
    compound_parts = (
        re.compile(rf"(?P<n1>.+?)[\s-]+(?P<u1>{du_all})(?:\s+and\s+|\s+)"
                   rf"(?P<n2>.+?)[\s-]+(?P<u2>{du_all})", re.I),
        re.compile(rf"(?P<n1>.+?)[\s-]+(?P<u1>{du_all})\s+and\s+(?P<f>{fr})", re.I),
        re.compile(rf"(?P<n1>.+?)\s+and\s+(?P<f>{fr})[\s-]+(?P<u1>{du_all})", re.I),
        re.compile(rf"(?P<f>{fr})\s+(?:of\s+)?an?\s+(?P<u1>{du_all})", re.I),
    )

    vague = {k.lower(): (float(v["min"]), float(v["max"]), v.get("unit")) for k, v in cfg["vague"].items()}
    vague_count = _alt(k for k, v in vague.items() if v[2] is None)
    vague_unit = _alt(k for k, v in vague.items() if v[2] is not None)

    zero = cfg["zero"]
    counted = {n.lower() for n in cfg["counted"]["nouns"]}
    counted_all = (counted | {_plural(n) for n in counted} | {
        s for s, u in unit_map.items() if base.get(u, ("", 0))[0] == "count" and s.isalpha()}) - {
        w.lower() for w in zero["not_counted"]}
    noun = r"[A-Za-z][\w\u2019'-]*"
    plural = rf"(?!(?:{_alt(zero['not_counted'])})\b)[A-Za-z][A-Za-z'-]*[a-rt-z]s"
    single_nouns = _alt(counted)

    money = cfg["money"]
    signs = "".join(re.escape(s) for s in money["signs"])
    parts = {
        "money": rf"(?<=[{signs}])(?P<n>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)"
                 rf"(?:\s*(?P<sc>{_alt(money['scales'])})(?![\w]))?",
        "clock_range": rf"(?:(?P<rw>between|from)\s+)?{lead}(?P<t1>{clock}|{_H24}(?:[:.]{_MM})?(?![\d:.]))"
                       rf"(?P<sep>\s*[-\u2013\u2014]\s*|\s+(?:to|and|until|till)\s+)(?P<t2>{clock}){tz}",
        "clock": rf"(?:{lead}(?P<t>{clock})|\b(?P<tw>{clock_w})\b){tz}",
        "compound": rf"(?P<cmp>{compound}){after}",
        "between": rf"between\s+(?:(?P<bf>{filler})\s+)?(?P<a>{num})\s+and\s+(?P<b>{num}){unit}{after}{side}",
        "from": rf"from\s+(?P<a>{num})\s+to\s+(?P<b>{num}){unit}{after}{side}",
        "range": rf"{lead}(?P<a>{num})(?P<sep>(?<=\d)\s*[-\u2013\u2014]\s*|\s+to\s+|-to-|\s+or\s+)"
                 rf"(?P<b>{num})(?![\w]){unit}{after}{side}",
        "x_for_x": rf"{lead}(?P<a>{num})(?:\s+for\s+|\s*-for-\s*)(?P<b>{num}){unit}{after}",
        "vague_unit": rf"\b(?P<v>{vague_unit})\b",
        "vague": rf"\b(?P<v>{vague_count})\b(?:\s+of\b)?{unit}{after}",
        "zero_pronoun": rf"\b(?P<z>{_alt(zero['pronouns'])})\b(?!\s+(?:{_alt(zero['not_before_pronoun'])})\b)",
        "zero_noun": rf"\b(?P<z>{_alt(zero['determiners'])})\s+(?:{noun}\s+)??"
                     rf"(?P<noun>(?:{_alt(counted_all)}|{plural})(?![\w\u2019'-]))",
        "single_item": rf"\b(?P<z>{_alt(cfg['single']['phrases'])})\s+(?:{noun}\s+)??"
                       rf"(?P<noun>(?:{single_nouns})(?![\w\u2019'-]))",
        "single": rf"{lead}(?P<n>{num}(?:\s+and\s+a\s+half\b)?){unit}{after}{side}",
        "fraction": rf"\b(?P<f>{fr})\b(?P<of>\s+(?:of|the)\b)?",
        "one": rf"\b(?P<n>an?)(?=[\s-]+(?:{_alt(words['one_units'])})\b){unit}{after}",
    }
    patterns = tuple((kind, re.compile(parts[kind], re.IGNORECASE)) for kind in _KINDS)
    # Where a figure may open: digits, number words, and the first word of every phrase a kind opens
    # with ("a few", "no one", "between"); a first word that opens only longer phrases must be followed
    # by one of their second words ("a" before "few", "hour"..., never "a" alone).
    openers: dict[str, set[str] | None] = {w: None for w in ["between", "from", *words["units"], *words["tens"],
                                                             *words["scales"]]}
    phrases = [*idiom_values, *vague, *zero["pronouns"], *zero["determiners"], *cfg["single"]["phrases"],
               *fractions, *time_cfg["words"], *(f"{a} {u}" for a in ("a", "an") for u in words["one_units"])]
    for phrase in phrases:
        first, *rest = re.split(r"[\s-]+", phrase.lower())
        if not rest:
            openers[first] = None
        elif openers.get(first, set()) is not None:
            openers.setdefault(first, set()).add(rest[0])
    anchor = _trie({w: r"\b" if nxt is None else rf"(?=[\s-]+(?:{_alt(nxt)})\b)" for w, nxt in openers.items()})

    def ends_with(phrases, tail=r"\s+$") -> re.Pattern:
        return re.compile(rf"\b(?:{_alt(phrases)}){tail}", re.IGNORECASE)

    el = cfg["elapsed"]
    return _Grammar(
        anchor=re.compile(rf"\d+|\b{anchor}", re.IGNORECASE),
        patterns=patterns,
        cue_before=re.compile(rf"\b(?P<cue>{cue_words})\s+(?:(?P<filler>{filler})\s+)?$", re.IGNORECASE),
        all_before=re.compile(rf"\b(?P<all>{_alt(cfg['all_of']['prefixes'])})\s+$", re.IGNORECASE),
        bounds={k.lower(): v for k, v in cfg["before"].items()},
        after={k.lower(): v for k, v in cfg["after"].items()},
        approximate=frozenset(w.lower() for w in cfg["approximate"]),
        units=unit_map,
        idioms=idiom_values,
        particle_verbs=frozenset(w.lower() for w in cfg["fillers"]["particle_verbs"]),
        base=base,
        smaller=smaller,
        fractions=fractions,
        fraction_not_after=frozenset(cfg["fraction_guards"]["not_after"]),
        vague=vague,
        clock_words={k.lower(): v for k, v in time_cfg["words"].items()},
        zones=time_cfg["zones"],
        zero_people=frozenset(w.lower() for w in zero["people"]),
        counted=frozenset(counted_all),
        existential=ends_with(zero["existential"]),
        be_after=re.compile(rf"\s+(?:{_alt(zero['be_after'])})\b", re.IGNORECASE),
        codes=re.compile(rf"(?<![\w.])(?:{_alt(cfg['codes']['before'])})\s+$", re.IGNORECASE),
        age_before=ends_with(cfg["age_prefixes"]),
        elapsed_before=re.compile(rf"\b(?:{_alt(el['markers'])})\b(?P<gap>(?:\s+[\w\u2019'-]+){{0,{el['gap']}}})"
                                  rf"\s+(?:{_alt(el['prepositions'])})\s+$", re.IGNORECASE),
        elapsed_not_between=frozenset(w.lower() for w in el["not_between"]),
        elapsed_after=re.compile(rf"\s+(?:{_alt(el['after'])})\b", re.IGNORECASE),
        compound_parts=compound_parts,
        money_signs=dict(money["signs"]),
        money_scales={k.lower(): float(v) for k, v in money["scales"].items()},
    )


def number_value(text: str) -> float | None:
    """The value of one number: '6,000', '1.5 million', 'twenty-five', 'a dozen'. None if it is not one."""
    g = _grammar()
    words = " ".join(text.lower().split())
    if words.endswith(" and a half") and words != "and a half":
        # "two and a half" with its unit left to the sentence ("lasted almost two and a half").
        whole = number_value(words.removesuffix(" and a half"))
        return whole + 0.5 if whole is not None else None
    if words in g.idioms:
        return float(g.idioms[words])
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(thousand|million|billion))?", words)
    if m:
        try:
            value = float(m[1].replace(",", ""))
        except ValueError:
            return None
        scale = _SCALES.get(m[2] or "", 1)
        return value * scale
    try:
        return float(text2num(words, "en"))
    except (ValueError, IndexError, TypeError):
        return None


@cache
def _zone_families() -> dict[str, str]:
    return rules.cues()["numbers"]["time"].get("families", {})


def zone_family(tz: str) -> str:
    """The clock a zone is one season of: "EST" and "EDT" are "ET"."""
    return _zone_families().get(tz, tz)


def base_value(value: float | None, unit: str | None) -> tuple[str | None, float | None]:
    """What `unit` measures and `value` in that dimension's base unit, from data/cues.toml [numbers.base]:
    ("length", 213.36) for 700 feet, ("duration", 90.0) for 1.5 hours (minutes), ("time", 554.0) for
    9:14 am. A number with no unit is a count; a unit the table lacks gives (None, None). With value None
    (an open bound) the dimension still comes back."""
    if unit is None:
        return "count", value
    entry = _bases().get(unit)
    if entry is None:
        return None, None
    dim, factor = entry
    return dim, None if value is None else value * factor


def _unit(unit_text: str | None) -> str | None:
    if not unit_text:
        return None
    text = unit_text.strip(" -").lower()
    g = _grammar()
    if text in g.units:
        return g.units[text]
    tail = re.split(r"[\s-]+", text)
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
    for anchor in g.anchor.finditer(text):
        at = anchor.start()
        if at < pos:
            continue
        for kind, pattern in g.patterns:
            m = pattern.match(text, at)
            if m is None:
                continue
            fig = _figure(kind, m, text, g, pos)
            if fig is _SKIP:
                pos = m.end()  # a date, a year or a code: nothing in it is a figure
                break
            if isinstance(fig, _SkipTo):
                pos = fig.end  # a year: what follows it may be a figure ("in July 2020 to nine years")
                break
            if fig is not None:
                found.append(fig)
                pos = max(m.end(), fig.end)
                break
    return found


_MULTIPLIER = re.compile(r"[\s-]+times\s+(?:as|more|less|fewer|larger|bigger|higher|greater|smaller|lower|the)\b",
                         re.IGNORECASE)


# What a reader returns for text that is certainly no figure, so no other kind reads it either.
_SKIP = object()


@dataclass
class _SkipTo:
    """No figure up to `end`, and no other kind reads it; the text after it is read afresh."""
    end: int


def _group(m: re.Match, name: str) -> str | None:
    return m[name] if name in m.re.groupindex else None


def _figure(kind: str, m: re.Match, text: str, g: _Grammar, floor: int) -> Figure | object | None:
    """The figure `m` reads, None to let the other kinds try there, or _SKIP. Cue, "all" and "aged" are
    looked for between `floor` (the end of the previous figure) and the match."""
    at = m.start()
    if kind == "money":
        at -= 3 if text[max(0, at - 3):at] == "US$" else 1  # a cue comes before the sign: "roughly $6bn"
    every = g.all_before.search(text, max(floor, at - 15), at) if kind == "single" else None
    cue = _cue(text, every.start() if every else at, floor, g)
    read = _READERS[kind](m, text, g, cue)
    if read is None or read is _SKIP:
        return read
    if _MULTIPLIER.match(text, read.end):
        return _SKIP  # "nearly four times as many people": a ratio between two counts, neither of them
    if every is not None:
        read.all_of = True  # "all 150 on board"
    return _finish(kind, m, text, g, cue, every.start() if every else None, read)


def _cue(text: str, at: int, floor: int, g: _Grammar) -> re.Match | None:
    """The bound or approximation cue right before `at` ("more than", "under the age of")."""
    c = g.cue_before.search(text, max(floor, at - 40), at)
    if c is None:
        return None
    if c["cue"].lower() == "over" and _previous_word(text, c.start()) in g.particle_verbs:
        return None  # "hand over 6,000 bodies": a phrasal verb, not a lower bound.
    return c


@dataclass
class _Read:
    """What one kind's reader found; _finish adds the cue's bound, the unit and the flags around it."""

    lo: float | None
    hi: float | None
    num_span: tuple[int, int]
    end: int
    unit: str | None = None
    approximate: bool = False
    basis: str | None = None
    vague: bool = False
    tz: str | None = None
    per_side: bool = False
    all_of: bool = False
    single: bool = True  # one value a cue may turn into a bound
    numeric: bool = True  # digits or number words, which may be a year, a date or a code


def _clock_minutes(s: str, g: _Grammar) -> tuple[float, bool] | None:
    """Minutes after midnight of '9:14 am', '0914', 'noon', 'nine o'clock'; and whether it named am/pm."""
    s = " ".join(s.lower().split())
    if s in g.clock_words:
        return float(g.clock_words[s]), True
    if oclock := re.fullmatch(r"(.+?)\s+o[\u2019']clock", s):
        h = number_value(oclock[1])
        return (h % 12 * 60, False) if h is not None and 1 <= h <= 12 else None
    c = _CLOCK.fullmatch(s)
    if c is None:
        return None
    if c["hhmm"]:
        h, minute = int(c["hhmm"][:2]), int(c["hhmm"][2:])
    else:
        h, minute = int(c["h"]), int(c["m"] or 0)
    if c["ap"]:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if c["ap"].lower() == "p" else 0)
    if h > 23 or minute > 59:
        return None
    return float(h * 60 + minute), bool(c["ap"])


def _zone(m: re.Match, g: _Grammar) -> str | None:
    raw = m["tz"]
    if not raw:
        return None
    name = re.match(r"[A-Za-z ]+[A-Za-z]", raw)[0]
    offset = re.sub(r"\s+", "", raw[len(name):]).replace("\u2212", "-")
    zone = g.zones.get(name) or next((v for k, v in g.zones.items() if k.lower() == name.lower()),
                                     name.removesuffix(" time"))
    return zone + offset


# "4 p.m. local time, or 7 a.m. in Washington", "(9 pm in Kyiv)", "11:28 Aktau time, 10:28 in Baku": a
# time converted to a place's clock.
_CONVERTED = re.compile(r"(?:\bor|\(|(?:\d|\btime|\b[A-Z]{2,4}),)\s*$")
_IN_PLACE = re.compile(r"\s+in\s+([A-Z][a-z]+)\b")


def _read_clock(m, text, g, cue):
    name = "t" if m["t"] else "tw"
    t = _clock_minutes(m[name], g)
    if t is None:
        return None
    tz = _zone(m, g)
    if tz is None and _CONVERTED.search(text[max(0, m.start() - 8):m.start()]) \
            and (place := _IN_PLACE.match(text, m.end())):
        tz = g.zones.get(f"{place[1]} time", place[1])
    # "Around midday" is a part of the day, not a reading of the clock: too loose to dispute "11:11".
    loose = name == "tw" and cue is not None and " ".join(cue["cue"].lower().split()) in g.approximate
    return _Read(t[0], t[0], m.span(name), m.end(), unit="time", tz=tz, numeric=False, vague=loose,
                 approximate=loose)


def _read_clock_range(m, text, g, cue):
    if m["sep"].strip().lower() == "and" and (m["rw"] or "").lower() != "between":
        return None
    first, second = _clock_minutes(m["t1"], g), _clock_minutes(m["t2"], g)
    if first is None or second is None:
        return None
    lo, hi = first[0], second[0]
    bare = re.fullmatch(r"\d{1,2}", m["t1"].strip())
    if bare and not second[1]:
        return None  # "9-11" names no time of day
    if bare and second[1] and lo <= 12 * 60:
        # "9-11 am", "11-1 pm": the bare hour takes the meridiem that keeps the range in order.
        candidates = [lo % 720 + (hi // 720) * 720, lo % 720]
        lo = next((c for c in candidates if c <= hi), lo)
    if lo > hi:
        return None  # overnight ranges cross midnight: no interval on one day
    return _Read(lo, hi, m.span("t1"), m.end(), unit="time", tz=_zone(m, g), single=False, numeric=False)


def _read_compound(m, text, g, cue):
    s = m["cmp"]
    for part in g.compound_parts:
        c = part.fullmatch(s)
        if c is not None:
            break
    else:
        return None
    u1 = g.units[c["u1"].lower()]
    counted = "n1" in c.re.groupindex  # "half an hour" counts no whole unit
    first = c["n1"] if counted else c["f"]
    n1 = (1.0 if first.lower() in ("a", "an") else number_value(first)) if counted else 0.0
    if n1 is None:
        return None
    if "u2" in c.re.groupindex:
        u2, n2 = g.units[c["u2"].lower()], number_value(c["n2"])
        if n2 is None or not 1 < g.base[u1][1] / g.base[u2][1] > n2:
            return None  # "2 hours 90 minutes", "3 days 2 weeks": two figures, not one
    elif counted:
        # "six and a half years", "an hour and a half": the unit written, with its fraction (6.5 years).
        value = n1 + g.fractions[c["f"].lower()]
        start = m.start("cmp")
        return _Read(value, value, (start, start + len(first)), m.end("cmp"), unit=u1, numeric=False)
    else:
        u2 = g.smaller.get(u1)
        if u2 is None:
            return None
        n2 = g.fractions[c["f"].lower()] * g.base[u1][1] / g.base[u2][1]
    value = n1 * g.base[u1][1] / g.base[u2][1] + n2
    start = m.start("cmp")
    return _Read(value, value, (start, start + len(first)), m.end("cmp"), unit=u2, numeric=False)


def _read_two(m, text, g, cue):
    lo, hi = number_value(m["a"]), number_value(m["b"])
    if lo is None or hi is None:
        return None
    sep = _group(m, "sep") or ""
    if sep and hi < lo and re.fullmatch(r"\s*[-\u2013\u2014]\s*", sep):
        return _SKIP  # "2025-06" or a score, not a range
    if hi < lo and "to" in sep:
        return None  # "on July 19 to 16 years": a day, then a figure; ranges ascend
    approximate = " or " in f" {sep.strip()} "
    return _Read(min(lo, hi), max(lo, hi), m.span("a"), m.end("b"), approximate=approximate, single=False)


def _read_x_for_x(m, text, g, cue):
    read = _read_two(m, text, g, cue)
    if read is not None:
        read.basis = "reciprocal"
        read.per_side = read.lo == read.hi
    return read


def _read_vague(m, text, g, cue):
    lo, hi, unit = g.vague[" ".join(m["v"].lower().split())]
    return _Read(lo, hi, m.span("v"), m.end("v"), unit=unit, approximate=True, vague=True, numeric=False)


def _read_zero_pronoun(m, text, g, cue):
    word = " ".join(m["z"].lower().split())
    unit = "people" if word in g.zero_people else None
    return _Read(0.0, 0.0, m.span("z"), m.end("z"), unit=unit, single=False, numeric=False)


def _read_zero_noun(m, text, g, cue):
    noun = " ".join(m["noun"].lower().split())
    if noun not in g.counted and not (g.existential.search(text, max(0, m.start() - 30), m.start())
                                      or g.be_after.match(text, m.end())):
        return None  # an unknown plural counts only in "there were no X" or "no X were..."
    return _Read(0.0, 0.0, m.span("z"), m.end(), unit=_unit(noun), single=False, numeric=False)


def _read_single_item(m, text, g, cue):
    last = re.search(r"\S+$", m["z"])
    start = m.start("z") + last.start()
    return _Read(1.0, 1.0, (start, m.end("z")), m.end(), unit=_unit(m["noun"]), single=False, numeric=False)


def _read_money(m, text, g, cue):
    value = float(m["n"].replace(",", "")) * (g.money_scales[m["sc"].lower()] if m["sc"] else 1.0)
    end = m.end("sc") if m["sc"] else m.end("n")
    return _Read(value, value, (m.start("n"), end), end, unit=g.money_signs[text[m.start() - 1]], numeric=False)


def _read_single(m, text, g, cue):
    value = number_value(m["n"])
    if value is None:
        return None
    if m["n"].lower() == "one" and not m["unit"] and not cue:
        return None  # "one-sided", "no one": the pronoun, not a count
    return _Read(value, value, m.span("n"), m.end("n"))


_OF_A_SCALE = re.compile(rf"\s+(?:of\s+)?an?\s+(?:{'|'.join(_SCALES)})\b", re.IGNORECASE)


def _read_fraction(m, text, g, cue):
    if not cue and not m["of"]:
        return None  # "half" alone is rarely a share: "half a loaf", "halfway"
    if _previous_word(text, m.start("f")) in g.fraction_not_after:
        return None  # "the second half of the year"
    if _OF_A_SCALE.match(text, m.end("f")):
        return None  # "a quarter of a million": one number, read whole
    value = 100 * g.fractions[" ".join(m["f"].lower().split())]
    return _Read(value, value, m.span("f"), m.end("f"), unit="percent", numeric=False)


def _read_one(m, text, g, cue):
    if not cue and not _elapsed_before(text, m.start(), g):
        return None  # "a week" alone is an article, not a figure; "the first talks in a year" is one
    return _Read(1.0, 1.0, m.span("n"), m.end("n"), numeric=False)


_READERS = {
    "money": _read_money, "clock_range": _read_clock_range, "clock": _read_clock, "compound": _read_compound,
    "between": _read_two, "from": _read_two, "range": _read_two, "x_for_x": _read_x_for_x,
    "vague_unit": _read_vague, "vague": _read_vague, "zero_pronoun": _read_zero_pronoun,
    "zero_noun": _read_zero_noun, "single_item": _read_single_item, "single": _read_single,
    "fraction": _read_fraction, "one": _read_one,
}


def _finish(kind: str, m: re.Match, text: str, g: _Grammar, cue_m: re.Match | None, all_start: int | None,
            r: _Read) -> Figure | object:
    cue = " ".join(cue_m["cue"].lower().split()) if cue_m else ""
    lo, hi = r.lo, r.hi
    lo_incl = hi_incl = True
    approximate = r.approximate or cue in g.approximate
    if r.single and cue in g.bounds:
        side, inclusive, approx = g.bounds[cue]
        approximate = approximate or approx
        if side == "lower":
            hi, lo_incl = None, inclusive
        else:
            lo, hi_incl = None, inclusive
    if cue_m is not None:
        start = cue_m.start()
    elif all_start is not None:
        start = all_start
    elif kind in ("between", "from", "single_item") or _group(m, "rw"):
        start = m.start()  # "between" and "from" belong to the range they open, "the sole" to its noun
    elif kind == "money":
        start = m.start() - (3 if text[max(0, m.start() - 3):m.start()] == "US$" else 1)  # its sign
    else:
        start = r.num_span[0]
    unit, end = r.unit, r.end
    if unit is None and _group(m, "unit"):
        unit = _unit(m["unit"])
        end = m.end("unit")
    if unit is None and (g.age_before.search(text, max(0, start - 20), start)
                         or re.search(r"\bages?\b", (cue_m["filler"] if cue_m else None) or _group(m, "bf") or "",
                                      re.I)):
        unit = "year"  # "aged 67", "under the age of 25"
    if _group(m, "after") and lo is not None and hi is not None and lo == hi:
        side, inclusive = g.after[" ".join(m["after"].lower().split())]
        if side == "lower":
            hi, lo_incl = None, inclusive
        else:
            lo, hi_incl = None, inclusive
        end = m.end("after")
    per_side = r.per_side
    if _group(m, "side"):
        per_side, end = True, m.end("side")
    if r.numeric:
        number_text = text[r.num_span[0]:r.num_span[1]]
        number_end = m.end("b") if _group(m, "b") else r.num_span[1]
        if lo == hi and _looks_like_year(number_text, cue, r.basis) and not _is_day_of_month(text, r.num_span):
            return _SkipTo(r.num_span[1])
        if lo != hi and unit is None and _group(m, "a") and _group(m, "b") \
                and _looks_like_year(m["a"], cue, r.basis) and _looks_like_year(m["b"], cue, r.basis):
            return _SKIP  # "from 2019 to 2021", "2019-2021": years, not a range of counts
        if lo == hi and _is_day_of_month(text, r.num_span):
            return _SKIP
        if _is_day_of_month(text, (r.num_span[0], number_end)):
            return _SKIP  # "between 20 and 30 June" is a date range
        if not cue and not r.all_of and g.codes.search(text, max(0, start - 30), start):
            return _SKIP  # "flight 171", "Boeing 737-800": a name, not a count
    elapsed = base_value(None, unit)[0] == "duration" and bool(
        _elapsed_before(text, start, g) or g.elapsed_after.match(text, end))
    return Figure(start=start, end=end, text=text[start:end], min=lo, max=hi, min_inclusive=lo_incl,
                  max_inclusive=hi_incl, approximate=approximate, unit=unit, basis=r.basis,
                  num_start=r.num_span[0], num_end=r.num_span[1], vague=r.vague, tz=r.tz, per_side=per_side,
                  elapsed=elapsed, all_of=r.all_of)


def _elapsed_before(text: str, start: int, g: _Grammar) -> bool:
    """'the first talks in three years': a superlative, a few words, then 'in' opening the figure."""
    m = g.elapsed_before.search(text, max(0, start - 120), start)
    return m is not None and not (set(m["gap"].lower().split()) & g.elapsed_not_between)


def _previous_word(text: str, at: int) -> str:
    words = re.findall(r"[\w'-]+", text[max(0, at - 40):at])
    return words[-1].lower() if words else ""


def _looks_like_year(number: str, cue: str, basis: str | None) -> bool:
    """'in 2022' is a date, not a count: four digits in 1900-2099 with no cue or basis."""
    return bool(re.fullmatch(r"(19|20)\d\d", number)) and not cue and basis is None


# Whole month names or their abbreviations: "marched 5 miles" is no date.
_MONTH = re.compile(r"(?i)^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
                    r"|oct(ober)?|nov(ember)?|dec(ember)?)\.?$")


def _is_day_of_month(text: str, span: tuple[int, int]) -> bool:
    """'June 2' and '16 May' are dates, not counts."""
    if not re.match(r"\d{1,2}\b", text[span[0]:span[1]]) or not re.search(r"\b\d{1,2}$", text[span[0]:span[1]]):
        return False
    before = re.findall(r"[\w.]+", text[max(0, span[0] - 12):span[0]])
    after = re.findall(r"[\w.]+", text[span[1]:span[1] + 12])
    return bool((before and _MONTH.match(before[-1])) or (after and _MONTH.match(after[0])))
