"""Cluster equivalent claims across sources and flag the contradictions inside each cluster.

Pure functions over pydantic claims; no spaCy. Claims are blocked by a key (event, subject, measure,
proposer...) so cost grows with the number of claims, not with its square; inside a block, numbers
compare as numbers (a range algebra), never as fuzzy text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache

from . import aliases, numbers, rules
from .models import (
    PERSONAL,
    SHARE,
    UNKNOWN_FRAME,
    ActorClaim,
    Claim,
    Cluster,
    Contradiction,
    ContradictionKind,
    DateClaim,
    Diff,
    EventSummary,
    FigureClaim,
    FigureValue,
    ProposalClaim,
    Resolution,
    event_day,
)

# An approximate figure ("about 20") stands for anything within this share of its value, either way:
# "about 90 minutes" is no "little more than an hour".
APPROX_TOLERANCE = 0.15
# "Just over an hour" is at most this share above its hour, "nearly two hours" at most this share below.
NEAR_BOUND = 0.25
# Minutes either way an approximate time of day stands for: a precise one, a round one.
CLOCK_SLACK, CLOCK_SLACK_ROUND = 2, 15
# Minutes a time given as "shortly before" or "just after" may be from it.
NEAR_CLOCK = 30
_POSITIVE = {"offer", "propose", "demand", "accept", "consider"}


# Figures that define a group ("aged 18 to 25") rather than count it: their bounds are the fact.
CRITERIA = frozenset({"age"})
# More distinct values than this in one slot means the slot lumps different facts together: report none.
MAX_SIDES = 3
# A day a dated event may move to when an article's own event has only its date line: reports appear on
# the day of the event or up to this many days after.
REF_SNAP_DAYS = 3


def _stable(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def measure(value: FigureValue) -> str:
    """What a figure measures: "age" for a group's ages, else its unit's dimension (count, duration,
    time, length, percent...); a time of day keeps its zone, since "0914 GMT" and "9:14 am local" can
    both be right."""
    if value.subject in CRITERIA:
        return value.subject
    dimension, _ = numbers.base_value(None, value.unit)
    dimension = dimension or "count"
    # An unstated zone is the place's own time, as news writes it.
    return f"time@{numbers.zone_family(value.tz or 'local').lower()}" if dimension == "time" else dimension


def figure_key(claim: FigureClaim) -> str | None:
    """The figure's cluster: event, measure, counted noun. Claims in one cluster state the same kind of
    fact; whether two of them can contradict is decided by `slot` as well."""
    v = claim.value
    if v.subject is None or (v.min is None and v.max is None) or v.elapsed:
        return None
    return f"figure|{claim.event}|{noun_class(v)}|{measure(v)}"


def noun_class(v: FigureValue) -> str:
    """The class a counted noun clusters in: people of any kind ("six workers", "six men", the number
    grammar's people nouns and `[classes]` in data/topics.toml), else the noun itself. A container of
    people ("the bodies of 3,000 soldiers") is the container."""
    people = v.unit == "people" and v.subject not in _containers()
    return _classes().get(v.subject, "people" if people else v.subject)


@cache
def _containers() -> frozenset[str]:
    return frozenset(rules.topics()["slot"]["containers"])


@cache
def _classes() -> dict[str, str]:
    return {w: name for name, words in rules.topics().get("classes", {}).items() for w in words}


def slot(claim: FigureClaim) -> tuple | None:
    """Everything else two figures must share to contradict: the noun itself (a cluster may gather a
    class of nouns), what happens to the counted thing (frame), the narrowing modifiers, whose age, the
    status and whose proposal. None when the slot is uncertain (a part of a whole, a snapshot, a denied, merely
    possible or vague figure, an exact age of nobody named, a time of day of no stated happening, a proposal of nobody
    known): such a figure is clustered but never flagged."""
    v = claim.value
    kind = measure(v)
    # A named person's age or prison term ("Doe, 32", "Doe was sentenced to 16 years") is theirs alone.
    personal = v.personal
    unframed_time = kind.startswith("time@") and v.frame is None
    # "three kilometres from the airport" without saying what was there: the jet, the debris, a village.
    unplaced = _is_distance(v) and not v.mods
    if v.partial or v.snapshot or v.status in ("negated", "possible") or v.vague or (personal and not v.owner) \
            or unframed_time or v.frame == UNKNOWN_FRAME or unplaced or (v.status == "proposed" and not v.proposer):
        return None
    # A measure (a duration, a length, a time) is of one thing: "the plenary session" and "the direct
    # talks" last as long, so modifiers narrow only counts, where a person was held ("12 years in
    # American prisons" is not "14 years behind bars") and what is how far from somewhere (the jet, the
    # localiser: a report naming neither may mean either).
    mods = tuple(v.mods) if kind in ("count", "age") or v.subject in PERSONAL | {SHARE} or _is_distance(v) \
        or kind.startswith("time@") else tuple(m for m in v.mods if m in _side_occasions())
    # How long something took is its duration whatever the verb ("lasted", "ran for", "took").
    frame = "duration" if kind == "duration" and v.frame is None else v.frame
    subject = v.subject
    if personal or kind == "length" or kind.startswith("money") or subject == SHARE:
        # A person's age or term is theirs, a thing's size its own ("the 1.7-mile bridge opened in
        # 1977") and an amount of money what it is ("the $6bn reached Qatar", "Iran gets access to $6
        # billion"), whatever the sentence says happened.
        frame = None
    role = rules.roles().get(subject or "")
    if role is not None and frame in (None, role):
        subject, frame = "person", role  # "29 survivors" are 29 people who survived
    # A sum of a count's parts ("in all, 1,000") is no sum of a person's days in custody or of a duration.
    summed = v.summed and kind == "count" and not personal
    # Whose proposal or promise a figure is splits proposals; of what is done ("Russia's document runs to
    # three sections", "a memorandum in two parts") it says only whose thing it is.
    proposer = v.proposer if v.status != "done" else None
    return (subject, frame, mods, v.owner if personal else None, v.status, proposer, v.part, summed, v.whole,
            v.rate)


@cache
def _side_occasions() -> frozenset[str]:
    return frozenset(rules.topics()["slot"]["side_occasions"])


def _is_distance(v: FigureValue) -> bool:
    return (v.subject or "").startswith("distance from ")


def proposal_key(claim: ProposalClaim) -> str | None:
    v = claim.value
    if not v.party or not v.subject:
        return None
    return f"proposal|{claim.event}|{v.party}|{v.subject}|{v.qualifier or '-'}"


# The stored kinds a diff compares (figures, proposals, the actors named as venues and the dates of what
# happened to a person, `store.row_kind`);
# of the others it needs only their events (an outline).
COMPARED = ("figure", "proposal", "venue", "happening")
# (doc, event, doc_event) of claims a diff is not given: they place events and list documents.
Outline = Iterable[tuple[str, str, str | None]]


def blocks(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Claims grouped by what they are about: one block a cluster. Within a figure block, what happens
    to the counted thing (its frame) is part of the slot that decides what may contradict."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim, FigureClaim):
            key = figure_key(claim)
        elif isinstance(claim, ProposalClaim):
            key = proposal_key(claim)
        else:
            key = None
        if key:
            out[key].append(claim)
    return _local_zone_joined(out)


# Zones that are no place's own: a time in them is never the local time news writes without a zone.
UNIVERSAL_ZONES = frozenset({"gmt", "utc", "z"})


# Share of an event's times naming a place's zone that must name one zone for it to be the event's clock.
CLOCK_SHARE = 2 / 3


def _local_zone_joined(out: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """An event whose times name mostly one place's zone ("8:48 pm EST", "10:15 pm ET", once "5:18 pm
    Central time" for the departure) is told in that zone: its times with no zone ("8:47 p.m.") are in it
    too, so both join one block. With no clear clock (a flight from Baku to Aktau, a time in each) which
    zone an unstated one means is unknown: none joins."""
    zones: dict[str, Counter] = defaultdict(Counter)
    for key, members in out.items():
        head, _, zone = key.rpartition("|time@")
        if head and zone not in UNIVERSAL_ZONES and zone != "local":
            zones[head][zone] += len(members)
    for head, named in zones.items():
        local = f"{head}|time@local"
        (zone, n), total = named.most_common(1)[0], sum(named.values())
        if local in out and n >= 2 and n >= CLOCK_SHARE * total:
            out[local].extend(out.pop(f"{head}|time@{zone}"))
    return dict(out)


def _interval(v: FigureValue) -> tuple[float, float, bool, bool]:
    """The figure as an interval in its dimension's base unit ("about an hour" and "40 minutes" in
    minutes), widened by APPROX_TOLERANCE when approximate."""
    _, lo = numbers.base_value(v.min, v.unit) if measure(v) != "age" else ("", v.min)
    _, hi = numbers.base_value(v.max, v.unit) if measure(v) != "age" else ("", v.max)
    lo = lo if lo is not None else (v.min if v.min is not None else float("-inf"))
    hi = hi if hi is not None else (v.max if v.max is not None else float("inf"))
    lo_in, hi_in = v.min_inclusive, v.max_inclusive
    if v.approximate and measure(v).startswith("time@") and (v.min is None) != (v.max is None):
        # "shortly before 8 am", "just after 9:30": within half an hour, on their side of it; the hour
        # itself too, since "at 11:00" is often a rounded "11:04".
        lo, hi = (hi - NEAR_CLOCK, hi) if v.min is None else (lo, lo + NEAR_CLOCK)
        lo_in = hi_in = True
    elif v.approximate and measure(v).startswith("time@"):
        # "About 9:07" is a few minutes either way, "around 9 am" a quarter of an hour.
        slack = CLOCK_SLACK_ROUND if (v.min or v.max or 0) % 15 == 0 else CLOCK_SLACK
        lo, hi, lo_in, hi_in = lo - slack, hi + slack, True, True
    elif v.approximate and (v.min is None) != (v.max is None):
        # "just over an hour", "nearly two hours": near their bound, on its side of it.
        if v.max is None:
            hi, hi_in = lo * (1 + NEAR_BOUND), True
        else:
            lo, lo_in = hi * (1 - NEAR_BOUND), True
    elif v.approximate:
        lo, hi = lo * (1 - APPROX_TOLERANCE), hi * (1 + APPROX_TOLERANCE)
        lo_in = hi_in = True
    return lo, hi, lo_in, hi_in


def _decimals(v: FigureValue) -> int:
    """The decimal places an exact figure is given to: 88.84 -> 2, 88.8 -> 1, 300 -> 0."""
    text = f"{v.min:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _rounding(v: FigureValue) -> float:
    """Half the place of an exact figure's last significant digit, in its dimension's base unit, at most
    ROUNDING_SHARE of the figure: 300 -> 30, 984 -> 0.5, 1.6 -> 0.05, one hour -> 6 minutes."""
    if decimals := _decimals(v):
        place = 10.0 ** -decimals
    else:
        digits = f"{v.min:.0f}".lstrip("-")
        place = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
    half = min(place / 2, abs(v.min) * ROUNDING_SHARE)
    _, base = numbers.base_value(half, v.unit)
    return base if base is not None else half


# The most a rounded figure may be off, as a share of it: "300 metres" for 984 feet (299.9 m) is close.
ROUNDING_SHARE = 0.1


def compare_figures(a: FigureValue, b: FigureValue) -> ContradictionKind | None:
    """How two figures about the same thing conflict, or None when both can be true."""
    if {a.basis, b.basis} == {"unilateral", "reciprocal"}:
        return "reciprocity"
    if a.per_side != b.per_side:
        return None  # "1,000 each" and "2,000" count different things: no bound of one limits the other
    if measure(a) in CRITERIA and a.owner and b.owner:
        return None if (a.min, a.max) == (b.min, b.max) else "numeric"  # one person's age: "Lee, 32" / "Lee, 33"
    if measure(a) in CRITERIA:
        # A criterion defines a group ("aged 18 to 25"): its bounds are the fact, so they must agree.
        same = (a.min, a.max, a.min is None or a.min_inclusive, a.max is None or a.max_inclusive) == \
               (b.min, b.max, b.min is None or b.min_inclusive, b.max is None or b.max_inclusive)
        return None if same else "range"
    a_lo, a_hi, a_lo_in, a_hi_in = _interval(a)
    b_lo, b_hi, b_lo_in, b_hi_in = _interval(b)
    if a.unit != b.unit and a.exact and b.exact and not (a.approximate or b.approximate) \
            and not measure(a).startswith("time@"):
        # "984 feet" and "300 metres": a figure converted to another unit is rounded in it, so each is as
        # precise as its last significant digit (an approximate one has its own tolerance).
        a_lo, a_hi = a_lo - _rounding(a), a_hi + _rounding(a)
        b_lo, b_hi = b_lo - _rounding(b), b_hi + _rounding(b)
    elif a.unit == b.unit and a.exact and b.exact and not measure(a).startswith("time@") \
            and min(_decimals(a), _decimals(b)) > 0:
        # "88.8 percent" and "88.84": a figure given to fewer decimal places is the other one rounded. (A
        # whole number may be a count: "300 prisoners" and "312" are two counts.)
        coarse = min((a, b), key=_decimals)
        half = 10.0 ** -_decimals(coarse) / 2
        if coarse is a:
            a_lo, a_hi = a_lo - half, a_hi + half
        else:
            b_lo, b_hi = b_lo - half, b_hi + half
    lo, lo_in = max((a_lo, a_lo_in), (b_lo, b_lo_in), key=lambda x: (x[0], not x[1]))
    hi, hi_in = min((a_hi, a_hi_in), (b_hi, b_hi_in), key=lambda x: (x[0], x[1]))
    if lo < hi or (lo == hi and lo_in and hi_in):
        return None
    return "numeric" if a.exact and b.exact else "range"


def compare_proposals(a: ProposalClaim, b: ProposalClaim) -> ContradictionKind | None:
    stances = {a.value.stance in _POSITIVE, b.value.stance in _POSITIVE}
    return "stance" if stances == {True, False} else None


def _conflict(a: Claim, b: Claim, check_sentence: bool = True) -> ContradictionKind | None:
    if check_sentence and a.sentence == b.sentence and a.doc == b.doc:
        return None  # one sentence does not contradict itself ("101 returned, while Ukraine returned 20")
    if isinstance(a, FigureClaim) and isinstance(b, FigureClaim):
        return compare_figures(a.value, b.value)
    if isinstance(a, ProposalClaim) and isinstance(b, ProposalClaim):
        return compare_proposals(a, b)
    return None


def _signature(claim: Claim) -> tuple:
    v = claim.value
    if isinstance(claim, FigureClaim):
        return (v.basis, v.min, v.max, v.min_inclusive, v.max_inclusive, v.approximate, v.unit, v.subject)
    return (v.stance in _POSITIVE,)


def _slots(members: list[Claim]) -> dict[str, list[Claim]]:
    """Members grouped by the slot that must match for two of them to contradict, labelled by it;
    figures with an uncertain slot are left out."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in members:
        if isinstance(claim, FigureClaim):
            key = slot(claim)
            if key is None:
                continue
            label = repr(key)
        else:
            label = ""
        out[label].append(claim)
    return out


def _conflicts(members: list[Claim]) -> dict[tuple[str, str], set[str]]:
    """Conflicting claim ids by (kind, slot). Claims are compared once per distinct value, not pairwise,
    so a slot of n claims with v distinct values costs n + v^2 comparisons."""
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    readings = _readings(members)
    for label, same_slot in _slots(members).items():
        # An article giving several values for one slot is reporting updates or several facts (a
        # running toll, a stage and a total); it is no side in a dispute about that slot.
        values: dict[str, set[tuple]] = defaultdict(set)
        for claim in same_slot:
            values[claim.doc].add(_signature(claim))
        # "6,000 bodies" and, later, "unilaterally hand over the bodies of 6,000": one value, its basis
        # said once; the mention that leaves the basis unsaid adds nothing.
        restated = {(doc, sig) for doc, sigs in values.items() for sig in sigs if isinstance(same_slot[0], FigureClaim)
                    and sig[0] is None and any(o[0] is not None and o[1:3] == sig[1:3] for o in sigs)}
        for doc, sig in restated:
            values[doc].discard(sig)
        for doc, sigs in values.items():
            if len(sigs) > 1 and (one := _one_value(doc, sigs, same_slot)) is not None:
                values[doc] = {one}
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in same_slot:
            if values[claim.doc] == {_signature(claim)} and (claim.doc, label) not in readings:
                groups[_signature(claim)].append(claim)
        reps = list(groups.values())
        for i, a_claims in enumerate(reps):
            for b_claims in reps[i + 1:]:
                a_sentences = {(c.doc, c.sentence) for c in a_claims}
                b_sentences = {(c.doc, c.sentence) for c in b_claims}
                if len(a_sentences | b_sentences) < 2:
                    continue  # one sentence does not contradict itself
                # Only claims about one named thing dispute each other ("the Boeing 787-8 took off at
                # 1:38", "the Boeing 787-8 Dreamliner left at 1:39"; not "flight AI171 left at 1:38").
                a_same = [x for x in a_claims if any(_disputes(x, y) for y in b_claims)]
                b_same = [y for y in b_claims if any(_disputes(x, y) for x in a_claims)]
                if not a_same or not b_same:
                    continue
                kind = _conflict(a_same[0], b_same[0], check_sentence=False)
                if kind:
                    kinds[(kind, label)].update(c.id for c in a_same + b_same)
    return kinds


def _merged(conflicts: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], set[str]]:
    """One dispute per slot where its exact and its approximate values share a claim: "around 16:10"
    against "3:50 pm" (numeric) and against "shortly before 4 pm" (range) is one contradiction, the
    approximate time on the 3:50 side."""
    out = dict(conflicts)
    for (kind, label), ids in conflicts.items():
        if kind == "range" and ("numeric", label) in out and ids & out[("numeric", label)]:
            out[("numeric", label)] = out[("numeric", label)] | out.pop(("range", label))
    return out


def _readings(members: list[Claim]) -> set[tuple[str, str]]:
    """(doc, slot label) of each reading of a vote count under way an article gives ("the tally gives Hou
    33.4 per cent"): its other shares for that holder are readings of the same count ("Hou 33.27 per
    cent" under the next update), no side in a dispute. Shares only: a toll an article gives "so far"
    beside a settled one leaves the settled one its value."""
    out = set()
    for c in members:
        if isinstance(c, FigureClaim) and c.value.snapshot and c.value.subject == SHARE:
            key = slot(c.model_copy(update={"value": c.value.model_copy(update={"snapshot": False})}))
            if key is not None:
                out.add((c.doc, repr(key)))
    return out


def _one_value(doc: str, sigs: set[tuple], claims: list[Claim]) -> tuple | None:
    """The one value an article gives in several units ("the 190-foot (about 58-metre) bridge"): the
    signature of its most precise form, when every form is a two-sided value in a unit of its own agreeing
    with every other; else None. Bounds ("at least 14", later "at least 320") are updates, and values in
    one unit ("lights went dark at about 1:24", "calls came at about 1:30") may be two facts."""
    forms = [next(c for c in claims if c.doc == doc and _signature(c) == sig) for sig in sigs]
    if not all(isinstance(c, FigureClaim) and c.value.min is not None and c.value.max is not None for c in forms) \
            or len({c.value.unit for c in forms}) < len(forms) \
            or any(compare_figures(a.value, b.value) for i, a in enumerate(forms) for b in forms[i + 1:]):
        return None
    best = min(forms, key=lambda c: (c.value.approximate, _interval(c.value)[1] - _interval(c.value)[0], c.id))
    return _signature(best)


def _disputes(a: Claim, b: Claim) -> bool:
    """Whether two claims of one slot and different values may dispute it: not when they are about two
    differently named things or places, nor when they are a toll and its rise."""
    return not _other_agents(a, b) and not _other_places(a, b) and not _rise(a, b)


def _other_places(a: Claim, b: Claim) -> bool:
    """Figures of two named places ("491 litres fell on Chiva", "184.6 litres in Turis"); a person's
    own age or term is theirs wherever the sentence puts them."""
    if not (isinstance(a, FigureClaim) and isinstance(b, FigureClaim)) or a.value.owner or b.value.owner:
        return False
    return bool(a.value.where and b.value.where and not set(a.value.where) & set(b.value.where))


@cache
def _toll_frames() -> frozenset[str]:
    return frozenset(rules.topics()["slot"]["toll_frames"])


def _rise(a: Claim, b: Claim) -> bool:
    """A toll read on two days, the later reading no lower ("16 hurt" on Monday, "32 hurt" on Tuesday):
    it rose between the reports, which both stood when written. A later reading below an earlier one is
    a dispute, and so is one of a whole group ("all 62 on board died": no toll under way) or what is
    no count (the age of one of the dead)."""
    if not (isinstance(a, FigureClaim) and isinstance(b, FigureClaim)) or not a.reported or not b.reported \
            or a.reported == b.reported or (found := slot(a)) is None or found[1] not in _toll_frames():
        return False  # the slot's frame: "Four dead" is a toll by its word, with no verb of killing
    if any(c.value.all_of or c.value.owner or measure(c.value) != "count" for c in (a, b)):
        return False
    early, late = sorted((a, b), key=lambda c: c.reported)
    return _interval(late.value)[0] >= _interval(early.value)[0]


def _other_agents(a: Claim, b: Claim) -> bool:
    """Times of two differently named things ("a Tu-204 touched down at 10:30", "the Antonov touched down
    at 1:28"): two happenings. A name given in part is the same name."""
    agents = [c.value.agent for c in (a, b) if isinstance(c, FigureClaim)]
    if len(agents) < 2 or None in agents:
        return False
    # A name given in part is the same name: "Boeing 787-8" and "Boeing 787-8 Dreamliner".
    words = [set(agent.split()) for agent in agents]
    return not (words[0] <= words[1] or words[1] <= words[0])


def _topic(members: list[Claim]) -> str:
    firsts = Counter(c.topics[0] for c in members if c.topics)
    return firsts.most_common(1)[0][0] if firsts else "other"


def _describe_value(claim: Claim, kind: str) -> str:
    """What one side of a contradiction says, in the terms of the contradiction's kind."""
    if kind == "stance":
        return {"offer": "offers", "propose": "proposes", "demand": "demands", "accept": "accepts",
                "consider": "is considering", "reject": "rejects"}[claim.value.stance]
    if kind == "reciprocity":
        return "unilaterally" if claim.value.basis == "unilateral" else "in an exchange"
    return describe_figure(claim.value)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


def _clock(minutes: float) -> str:
    return f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}"


def describe_figure(v: FigureValue) -> str:
    """A figure in words: '18 to 25', 'under 25', 'at least 1,000', 'about 20', '09:14 GMT'."""
    dimension, _ = numbers.base_value(None, v.unit)
    fmt = _clock if dimension == "time" else _fmt
    unit = f" {v.tz}" if dimension == "time" and v.tz else (
        f" {_plural(v.unit, v.max if v.max is not None else v.min)}"
        if dimension not in (None, "count", "time") or v.unit == "year" else "")
    about = "about " if v.approximate and v.min is not None and v.max is not None else ""
    # An approximate bound is near its number: "just over an hour", "shortly before 11:00".
    near_below, near_above = ("shortly before", "shortly after") if dimension == "time" else ("just under", "just over")
    if v.min is not None and v.max is not None:
        core = fmt(v.min) if v.min == v.max else f"{fmt(v.min)} to {fmt(v.max)}"
    elif v.min is not None:
        core = f"{near_above if v.approximate else 'at least' if v.min_inclusive else 'more than'} {fmt(v.min)}"
    elif v.max is not None:
        core = f"{near_below if v.approximate else 'up to' if v.max_inclusive else 'under'} {fmt(v.max)}"
    else:
        core = "an unstated number"
    return f"{about}{core}{unit}"


def _plural(unit: str | None, value: float | None) -> str:
    """"16 years", "1 year", "250 metres", "45 percent", "140 mph", "225 km/h": as the text writes the
    unit (data/cues.toml), where its name is no word."""
    if not unit or unit == "people":
        return unit or ""
    forms = rules.cues()["numbers"]["units"].get(unit, [])
    word = unit if value == 1 else _nouns(unit)
    return word if not forms or word in forms else unit if unit in forms else forms[0]


def _disputed(claim: FigureClaim) -> str:
    """What a numeric dispute is about, in words: "the number of bodies", "the duration of the talks",
    "the length of Evan Harlow's sentence", "the time of the start"."""
    v = claim.value
    subject = _SUBJECT_WORDS.get(v.subject or "", v.subject or "it")
    kind = measure(v)
    if kind.startswith("time@"):
        if v.frame and v.frame.startswith("~"):
            return f'the time of "{v.frame[1:]}"'  # a verb's own time, named by the verb's lemma
        return f"the time of the {v.frame}" if v.frame else "the time"
    if v.subject == "age" and v.owner:
        return f"{v.owner}'s age"
    if _is_distance(v):
        return "the " + subject.replace(" from ", " from the ", 1)  # "the distance from the airport"
    if v.subject in PERSONAL and v.owner:
        subject = f"{v.owner}'s {v.subject}"
    elif not subject.startswith("the ") and kind != "count":
        subject = f"the {subject}"
    if kind == "count" and any(x is not None and not float(x).is_integer() for x in (v.min, v.max)):
        return f"the {subject}"  # "magnitude 7.2": a value of the thing, not a count of things
    if kind == "count":
        return f"the number of {_nouns(subject) if v.subject not in _SUBJECT_WORDS else subject}"
    return f"the {kind} of {subject}"


def _nouns(word: str) -> str:
    """A counted noun in the plural: "person" -> "people", "citizen" -> "citizens"."""
    irregular = {"person": "people", "man": "men", "woman": "women", "child": "children", "crew": "crew",
                 "foot": "feet"}
    if word in irregular or not word.isalpha():
        return irregular.get(word, word)
    return word if word.endswith("s") else word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" \
        else word + "es" if word.endswith(("ch", "sh", "x")) else word + "s"


def _who(claim: Claim) -> str:
    return claim.doc + (f" ({claim.speaker})" if claim.speaker else "")


# How a subject reads in an explanation ("the number of memorandum parts").
_SUBJECT_WORDS = {"body": "bodies", "part": "memorandum parts", "child": "children", "age": "the age range",
                  "prisoner": "people exchanged", "meeting": "the talks", "delegation": "delegation members",
                  "region": "regions", "aircraft": "aircraft"}


def explain(kind: str, sides: list[list[Claim]], subject: str) -> str:
    """One sentence: what is disputed, each version with who reports it, and any source holding both."""
    subject = _SUBJECT_WORDS.get(subject, subject)
    parts = []
    for side in sides:
        value = _describe_value(side[0], kind)
        parts.append(f"{value} per {', '.join(dict.fromkeys(_who(c) for c in side))}")
    if kind == "stance":
        what = f"{sides[0][0].value.party}'s stance on the {subject}"
    else:
        what = {"reciprocity": f"whether the {subject} go one way or are exchanged",
                "range": f"the bounds of {subject}" if measure(sides[0][0].value) in CRITERIA
                else _disputed(sides[0][0]), "numeric": _disputed(sides[0][0])}[kind]
    both = sorted(set.intersection(*({c.doc for c in side} for side in sides))) if len(sides) > 1 else []
    also = f" ({', '.join(both)} reports both versions, from different speakers)" if both else ""
    return f"Reports disagree on {what}: " + "; versus ".join(parts) + also + "."


@cache
def _facilities() -> frozenset[str]:
    return frozenset(aliases.fold(w).lower() for w in rules.cues()["actors"].get("facilities", []))


def _venue_words(name: str) -> frozenset[str]:
    return frozenset(aliases.fold(name).lower().replace("'s", "").split())


def _is_facility(name: str) -> bool:
    """A name whose last word is a facility's ("Dolmabahce Palace")."""
    words = aliases.fold(name).lower().split()
    return bool(words) and words[-1] in _facilities()


def _recalled_long_after(claim: Claim) -> bool:
    """A venue an article recalls of an event more than STORY_DAYS before its own ("had met Biden at the
    White House last month"): which meeting it was is a guess (a month holds many), so it disputes no
    venue."""
    if not claim.doc_event or claim.event == claim.doc_event or claim.event == "?" or claim.doc_event == "?":
        return False
    try:
        return (event_day(claim.doc_event) - event_day(claim.event)).days > STORY_DAYS
    except ValueError:
        return False


def venue_sides(claims: Iterable[Claim]) -> list[list[ActorClaim]]:
    """Where one event happened, as its reports say: a side per distinct venue, each a facility ("the X
    Palace", "the Y Hotel"; a city holds a palace, so it never opposes one). A name inside another is
    the same venue ("Dolmabahce" and "Dolmabahce Palace")."""
    venues = [c for c in claims if isinstance(c, ActorClaim) and c.value.venue and _is_facility(c.value.name)
              and not _recalled_long_after(c)]
    names = sorted({c.value.name for c in venues}, key=lambda n: (-len(_venue_words(n)), n))
    canon: dict[str, str] = {}
    for name in names:
        canon[name] = next((k for k in canon.values() if _venue_words(name) <= _venue_words(k)), name)
    sides: dict[str, list[ActorClaim]] = defaultdict(list)
    for c in sorted(venues, key=lambda c: (c.doc, c.start)):
        sides[canon[c.value.name]].append(c)
    return sorted(sides.values(), key=lambda side: min(c.id for c in side))


def _place_conflicts(claims: list[Claim], event: str, resolutions: dict[str, Resolution]
                     ) -> list[tuple[Cluster, Contradiction]]:
    """Reports that put one event at different venues, or one handover or crash in different towns."""
    disputes = [(f"place|{event}", venue_sides(claims), lambda c: c.value.name)]
    disputes += [(f"place|{event}|{occasion}", sides, _town) for occasion, sides in town_sides(claims).items()]
    found = []
    for key, sides, value in disputes:
        members = [c for side in sides for c in side]
        if len(sides) < 2 or len(sides) > MAX_SIDES or len({c.doc for c in members}) < 2:
            continue
        if all(len({c.doc for c in side} - set.union(*({c.doc for c in o} for o in sides if o is not side))) == 0
               for side in sides):
            continue  # every report names every venue: several happenings, not a dispute
        found.append(_sided("place", key, members, sides, value, "where it took place", resolutions))
    return found


@cache
def _wide_places() -> frozenset[str]:
    cfg = rules.cues()["actors"]
    return frozenset(aliases.fold(w).lower() for w in cfg["wide_places"])


@cache
def _place_heads() -> frozenset[str]:
    return frozenset(aliases.fold(w).lower() for w in rules.cues()["actors"]["places"])


def _town(claim: ActorClaim) -> str | None:
    """The town a place names as written ("Ankara", where the actor is Turkey's government), or None for a
    facility or a place wider than a town ("Turkey", "Mangystau Region"), which holds towns."""
    name = aliases.fold(aliases.strip_possessive(claim.text)).strip()
    words = name.lower().split()
    if not words or name.lower() in _wide_places() or words[-1] in _place_heads() or _is_facility(name):
        return None
    return name


def town_sides(claims: Iterable[Claim]) -> dict[str, list[list[ActorClaim]]]:
    """For each one-off happening (a handover, a crash), the towns reports put it in, a side per town. A
    report naming two of the towns as where something happened knows how they relate (one may hold the
    other, or the happening moved): that happening's towns are not opposed."""
    towns: dict[str, dict[str, list[ActorClaim]]] = defaultdict(lambda: defaultdict(list))
    named: dict[str, set[str]] = defaultdict(set)
    for c in sorted(claims, key=lambda c: (c.doc, c.start)):
        if isinstance(c, ActorClaim) and (town := _town(c)) is not None:
            named[c.doc].add(town.lower())
            if c.value.occasion:
                towns[c.value.occasion][town.lower()].append(c)
    out = {}
    for occasion, by_town in towns.items():
        if any(len(named[doc] & by_town.keys()) > 1 for doc in named):
            continue
        out[occasion] = sorted(by_town.values(), key=lambda side: min(c.id for c in side))
    return out


def _sided(kind: ContradictionKind, key: str, members: list[Claim], sides: list[list[Claim]], value,
           what: str, resolutions: dict[str, Resolution]) -> tuple[Cluster, Contradiction]:
    """The cluster and the contradiction of a dispute whose sides are given: one claim per side leads,
    the others support it; `value` says what a side holds, in words."""
    topic = _topic(members)
    cluster = Cluster(id=f"k-{_stable(key)}", topic=topic, topics=sorted({topic}), key=key, claims=members)
    cid = f"x-{_stable(key, *sorted(value(side[0]) for side in sides))}"
    docs = {c.doc for side in sides for c in side}
    resolution = resolutions.get(cid)
    parts = [f"{value(side[0])} per {', '.join(dict.fromkeys(_who(c) for c in side))}" for side in sides]
    return cluster, Contradiction(
        id=cid, topic=topic, kind=kind, cluster=cluster.id,
        status="resolved" if resolution else "unresolved", resolution=resolution,
        between="sources" if len(docs) > 1 else "speakers",
        explanation=f"Reports disagree on {what}: " + "; versus ".join(parts) + ".",
        claims=[side[0] for side in sides], support=[c for side in sides for c in side[1:]])


def _overlap(a: DateClaim, b: DateClaim) -> bool:
    return a.value.start <= b.value.end and b.value.start <= a.value.end


def date_sides(claims: list[DateClaim]) -> list[list[DateClaim]]:
    """The days reports give for one happening, as sides: dates that overlap are one side ("August 2019"
    and "August 16, 2019"); a date overlapping dates of two sides ("in 2019") commits to neither and is
    left out."""
    sides: list[list[DateClaim]] = []
    for claim in sorted(claims, key=lambda c: (c.value.end - c.value.start, c.doc, c.start)):
        touching = [side for side in sides if any(_overlap(claim, c) for c in side)]
        if len(touching) == 1:
            touching[0].append(claim)
        elif not touching:
            sides.append([claim])
    return sorted(sides, key=lambda side: min(c.id for c in side))


def _date_conflicts(claims: list[Claim], event: str, resolutions: dict[str, Resolution]
                    ) -> list[tuple[Cluster, Contradiction]]:
    """Reports that put one person's arrest (sentence, release...) on days that cannot both be right."""
    happenings: dict[tuple[str, str], list[DateClaim]] = defaultdict(list)
    for c in claims:
        if isinstance(c, DateClaim) and c.value.owner and c.value.frame:
            happenings[(c.value.owner, c.value.frame)].append(c)
    out = []
    for (owner, frame), members in sorted(happenings.items()):
        if len({c.doc for c in members}) < 2:
            continue
        # An article giving two days that cannot both be right ("convicted in April, sentenced in
        # September 2011") tells of two steps, not one happening: it is no side in a dispute about it.
        two_steps = {c.doc for c in members for o in members if o.doc == c.doc and not _overlap(c, o)}
        sides = date_sides([c for c in members if c.doc not in two_steps])
        involved = [c for side in sides for c in side]
        if len(sides) < 2 or len(sides) > MAX_SIDES or len({c.doc for c in involved}) < 2:
            continue
        out.append(_sided("date", f"date|{event}|{owner}|{frame}", members, sides, _day_range,
                          f"when {owner}'s {frame} happened", resolutions))
    return out


def _day_range(claim: DateClaim) -> str:
    start, end = claim.value.start, claim.value.end
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"


def _side_label(kind: str, claim: Claim) -> str | None:
    """What one side holds, in the terms of the contradiction's kind."""
    if kind == "reciprocity":
        return claim.value.basis
    if kind == "stance":
        return "positive" if claim.value.stance in _POSITIVE else "reject"
    v = claim.value
    return repr((v.min, v.max, v.min_inclusive, v.max_inclusive, v.approximate))


def _sides(kind: str, members: list[Claim]) -> list[list[Claim]]:
    """The claims of each side of a dispute, each side led by a report of the event itself, before an
    article that recalls it as background of another event."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(members, key=lambda c: (c.doc_event != c.event, c.doc, c.start)):
        # A value that agrees with a side's is on that side: "225 km/h" with "140 mph", "about 9:10 am"
        # with "09:10".
        same = next((side for side in groups.values() if isinstance(claim, FigureClaim)
                     and compare_figures(side[0].value, claim.value) is None), None)
        if same is not None:
            same.append(claim)
        elif label := _side_label(kind, claim):
            groups[label].append(claim)
    return sorted(groups.values(), key=lambda side: min(c.id for c in side))


def contradiction_id(event: str, what: str, kind: str, sides: list[list[Claim]]) -> str:
    """A contradiction's id from what a reader sees: the event, what is disputed and each side's value.
    Verdicts in a resolutions file outlive changes to how claims are clustered and slotted."""
    return f"x-{_stable(event, what, kind, *sorted(str(_side_label(kind, side[0])) for side in sides))}"


# The longest period ("last month") that places what it dates on the one event day a folder has in it.
RANGE_PLACE_DAYS = 31
# Reports that make a day an event of its own, which a follow-up report of that day stays with.
OWN_EVENT_REPORTS = 2


def canonical_events(claims: Iterable[Claim], others: Outline = (), casts: Casts | None = None,
                     same_story: Callable[[str, str], bool] | None = None) -> dict[str, str]:
    """Each event label mapped to an absolute day, or "?" when it cannot be placed. The days are those
    articles state for their own events; a follow-up report joins the earlier day it names when another
    article states that day as its event, unless two other articles of its story (`_same_story`) state
    its own day as theirs; an article known only by its date line joins the latest day its story's
    articles state up to REF_SNAP_DAYS before it; an
    earlier period up to a month ("last month") joins the one stated day inside it, and stays unplaced
    when there are none or several, or when it is longer. `others` adds the events of claims not given."""
    claims = list(claims)
    pairs = {(c.event, c.doc_event) for c in claims} | {(event, doc_event) for _, event, doc_event in others}
    labels = {e for e, _ in pairs} | {d for _, d in pairs if d}
    own_days = {(c.doc, c.doc_event) for c in claims if c.doc_event} | {(doc, d) for doc, _, d in others if d}
    reporters: dict[dt.date, set[str]] = defaultdict(set)
    docs_of: dict[str, set[str]] = defaultdict(set)  # each article's own-event label -> those articles
    for doc, d in own_days:
        docs_of[d].add(doc)
        if not d.startswith(("ref:", "follow:", "range:")):
            reporters[event_day(d)].add(doc)
    same_story = same_story or _same_story(claims, casts)

    def stated_for(docs: set[str]) -> list[dt.date]:
        """The days other articles of these articles' story state as their own events."""
        return sorted({day for day, by in reporters.items() if by and any(same_story(a, b) for a in docs for b in by)})

    out: dict[str, str] = {}
    for label in labels:
        docs = docs_of.get(label, set())
        if label.startswith("follow:"):
            own, earlier = label.removeprefix("follow:").split("<")
            # The earlier day it names is its story's: another story's report of that day is no coverage
            # of it (India's count the day after Mexico's vote).
            known = [day for day in earlier.split(",") if (by := reporters.get(dt.date.fromisoformat(day)))
                     and (not docs or any(same_story(a, b) for a in docs for b in by))]
            # A day that OWN_EVENT_REPORTS other reports of its story give as their own event is an event
            # of its own: a report on the runway collision that names "Monday's quake" stays with the
            # collision.
            vouching = {b for b in reporters.get(dt.date.fromisoformat(own), ()) if any(same_story(a, b) for a in docs)}
            ours = len(vouching - docs) >= OWN_EVENT_REPORTS
            out[label] = own if ours or not known else known[0]
        elif label.startswith("ref:"):
            day = event_day(label)
            stated = stated_for(docs) if docs else sorted(reporters)
            near = [d for d in stated if dt.timedelta(0) <= day - d <= dt.timedelta(days=REF_SNAP_DAYS)]
            out[label] = (near[-1] if near else day).isoformat()
        elif label.startswith("range:"):
            lo, hi = (dt.date.fromisoformat(x) for x in label.removeprefix("range:").split(".."))
            inside = [d for d in reporters if lo <= d <= hi]
            # "Last month's round" is the one round of that month; "in 2015" names no one event of a
            # year (the downing of MH17 recalled beside a 2015 air crash in the same folder).
            placed = len(inside) == 1 and (hi - lo).days <= RANGE_PLACE_DAYS
            out[label] = inside[0].isoformat() if placed else "?"
        else:
            out[label] = label
    return out


# A report this many days after an event may be its follow-up without naming its day.
STORY_DAYS = 10
# What the reports of a later day must share with an earlier event's coverage to be its follow-up: this
# many distinct figures, and this share of the figures they give for their own day.
STORY_SHARED = 2
STORY_SHARE = 0.5


def _story_marks(claims: list[Claim], canon: dict[str, str]) -> dict[tuple[str, str], set[tuple]]:
    """(doc, event) -> the figures the article gives for that event that are unlikely to recur by chance:
    counts, as (class of the counted noun, value), exact and 10 or more ("about 90,000 people" in the
    county is background, not news of the day), and a named person's age or
    prison term ("Whelan, 52"). Other times, ages and lengths differ between reports of one event too
    often to tell events apart."""
    out: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for c in claims:
        if (mark := _mark(c)) is not None:
            out[(c.doc, canon[c.event])].add(mark)
    return out


def _mark(c: Claim) -> tuple | None:
    if c.kind != "figure":
        return None
    v = c.value
    if v.owner and v.exact and v.personal:
        return (v.owner, v.subject, v.min)
    if v.subject and v.min is not None and v.min == v.max and v.min >= 10 and not (v.elapsed or v.vague
                                                                                  or v.approximate) \
            and (v.unit is None or measure(v) == "count"):
        return (noun_class(v), v.min)
    return None


# Marks (`_story_marks`) each of two articles must give, none shared, to tell two stories.
STORY_MARKS = 3
# Names (`_casts`) two articles of one story share at least, when they share no mark and no speaker; and
# the names each must give, for the lack of them to tell two stories.
STORY_NAMES = 2
STORY_CAST = 3
# Actors named by stories of every kind: the states of one war (Russia in the Kramatorsk strike and in the
# Wagner mutiny) and the agencies that report anything.
UNTOLD = ("state", "outlet")
# doc -> (name, type) of the actors it names, for articles whose actor claims a caller does not give.
Casts = Mapping[str, Collection[tuple[str, str | None]]]


def _casts(claims: Iterable[Claim], given: Casts | None = None) -> dict[str, set[str]]:
    """doc -> the names its actor claims and `given` give, but those of UNTOLD types."""
    out: dict[str, set[str]] = defaultdict(set)
    for doc, cast in (given or {}).items():
        out[doc] |= {name for name, kind in cast if kind not in UNTOLD}
    for c in claims:
        if isinstance(c, ActorClaim) and c.value.type not in UNTOLD:
            out[c.doc].add(c.value.name)
    return out


def _same_story(claims: Iterable[Claim], casts: Casts | None = None):
    """Whether two articles may tell one story: they share a mark, a speaker or STORY_NAMES names, or one
    of them gives too little to tell (fewer than STORY_MARKS marks and fewer than STORY_CAST names). A
    folder of several events holds other stories' reports of the same days (the Kramatorsk strike on the
    day a Wagner explainer came out), which vouch for no day of each other's."""
    claims = list(claims)
    marks: dict[str, set[tuple]] = defaultdict(set)
    speakers: dict[str, set[str]] = defaultdict(set)
    cast = _casts(claims, casts)
    for c in claims:
        if (mark := _mark(c)) is not None:
            marks[c.doc].add(mark)
        # Who gives a figure or a proposal: read alike from the store, which gives a diff no other kind.
        if c.speaker and isinstance(c, (FigureClaim, ProposalClaim)):
            speakers[c.doc].add(c.speaker)

    def same(a: str, b: str) -> bool:
        if a == b or marks[a] & marks[b] or speakers[a] & speakers[b] or len(cast[a] & cast[b]) >= STORY_NAMES:
            return True
        return min(len(marks[a]), len(marks[b])) < STORY_MARKS and min(len(cast[a]), len(cast[b])) < STORY_CAST
    return same


def follow_ups(claims: list[Claim], canon: dict[str, str], others: Outline = ()) -> dict[str, tuple[str, str]]:
    """doc -> (its own event's label, the earlier event it follows up), for the articles of a day whose
    figures mostly repeat those other articles give for one event up to STORY_DAYS before ("179
    killed", "181 on board" three days later, with nothing new): that day's own-event claims are the
    earlier event's coverage. A day that brings figures of its own (a new stage of a swap: "307 more
    today") stays its own event. Days are taken in order, so a report joins the event an earlier
    follow-up joined."""
    others = list(others)
    own = {c.doc: c.doc_event for c in claims if c.doc_event} | {doc: d for doc, _, d in others if d}
    reporters: dict[str, set[str]] = defaultdict(set)
    for doc, label in own.items():
        reporters[canon.get(label, "?")].add(doc)
    if len(set(reporters) - {"?"}) < 2:
        return {}  # one event day reported: nothing to follow up
    marks = _story_marks(claims, canon)
    coverage: dict[str, dict[str, set[tuple]]] = defaultdict(lambda: defaultdict(set))
    for (doc, event), found in marks.items():
        coverage[event][doc] |= found
    out: dict[str, tuple[str, str]] = {}
    for day in sorted(d for d in reporters if d != "?"):
        docs = reporters[day]
        mine = set().union(*(coverage[day].get(doc, set()) for doc in docs))
        shared: dict[str, int] = {}
        for event in list(coverage):
            if event == "?" or not 0 < (event_day(day) - event_day(event)).days <= STORY_DAYS:
                continue
            theirs = set().union(*(found for doc, found in coverage[event].items() if doc not in docs))
            shared[event] = len(mine & theirs)
        best = max(shared.values(), default=0)
        winners = [e for e, n in shared.items() if n == best]
        if best >= STORY_SHARED and best >= STORY_SHARE * len(mine) and len(winners) == 1:
            for doc in docs:
                out[doc] = (own[doc], winners[0])
                # What it says of its own day now counts as coverage of the event it follows up.
                coverage[winners[0]][doc] |= coverage[day].get(doc, set())
            coverage.pop(day, None)  # the day is no event of its own any more
    return out


def _split(claims: Iterable[Claim], others: Outline = (), casts: Casts | None = None
           ) -> list[tuple[str, list[Claim], set[tuple[str, str | None]]]]:
    """(event, its claims relabelled, (doc, doc_event) of the `others` in it) by absolute event, the
    events no claim given is about included; "?" last. An event is a day and a story (`_stories`)."""
    claims = list(claims)
    others = list(others)
    same_story = _same_story(claims, casts)
    canon = canonical_events(claims, others, casts, same_story)
    story = follow_ups(claims, canon, others)

    def place(doc: str, event: str, doc_event: str | None) -> tuple[str, str | None]:
        placed, own = canon[event], canon.get(doc_event) if doc_event else None
        if doc in story and doc_event == story[doc][0]:
            own = story[doc][1]
            placed = own if event == doc_event else placed
        return placed, own

    placed = [place(c.doc, c.event, c.doc_event) for c in claims]
    outline = [(doc, *place(doc, event, doc_event)) for doc, event, doc_event in others]
    label = _stories([(c.doc, *p) for c, p in zip(claims, placed, strict=True)] + outline, same_story)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim, (event, doc_event) in zip(claims, placed, strict=True):
        event = label.get((event, claim.doc), event)
        doc_event = label.get((doc_event, claim.doc), doc_event) if doc_event else None
        if event != claim.event or doc_event != claim.doc_event:
            claim = claim.model_copy(update={"event": event, "doc_event": doc_event})
        groups[event].append(claim)
    _join_restatements(groups)
    _join_person_facts(groups)
    outside: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for doc, event, doc_event in outline:
        own = label.get((doc_event, doc), doc_event) if doc_event else None
        outside[label.get((event, doc), event)].add((doc, own))
    return [(k, groups.get(k, []), outside.get(k, set()))
            for k in sorted(groups.keys() | outside.keys(), key=lambda k: (k == "?", k))]


def _stories(placed: Iterable[tuple[str, str, str | None]], same) -> dict[tuple[str, str], str]:
    """(day, doc) -> the event label of that doc's story on that day, from (doc, day, own day) placements.
    A day's articles fall into stories, its own news first: an article joins every story half of whose
    articles or more it may share one with (`same`), which merges them (a follow-up that names the UN and
    Iran, as one of four reports of the Herat quake does, is not the quake's story). The story with most
    articles of their own day keeps the day as its label; any other is "DAY/DOC", after its first
    article: the Wagner explainer out on the day of the Kramatorsk strike is an event of its own."""
    docs: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    for doc, day, own_day in placed:
        docs[day].add(doc)
        if own_day == day:
            own[day].add(doc)
    out: dict[tuple[str, str], str] = {}
    for day, found in docs.items():
        if day == "?" or len(found) < 2:
            continue
        stories: list[list[str]] = []
        # An article of the day's own news first, so a recalling one joins the story it recalls.
        for doc in sorted(found, key=lambda d: (d not in own[day], d)):
            joined = [s for s in stories if 2 * sum(same(doc, other) for other in s) >= len(s)]
            for s in joined[1:]:
                joined[0] += s
                stories.remove(s)
            if joined:
                joined[0].append(doc)
            else:
                stories.append([doc])
        if len(stories) < 2:
            continue
        stories.sort(key=lambda s: (-len(own[day] & set(s)), -len(s), min(s)))
        for i, s in enumerate(stories):
            for doc in s:
                out[(day, doc)] = day if i == 0 else f"{day}/{min(s)}"
    return out


def _restatements(claim: Claim) -> list[tuple]:
    """What a figure shares with any that restates it: cluster (counted noun, measure), whole slot and exact
    value; for a standing fact, which no day's news changes (what a thing measures, how many crew or
    passengers it had: no frame, or `composition`), cluster and slot alone. Nothing for uncertain slots."""
    if not isinstance(claim, FigureClaim) or not claim.value.exact or (key := figure_key(claim)) is None \
            or (found := slot(claim)) is None:
        return []
    v = claim.value
    cluster = key.split("|", 2)[2]
    standing = found[1] in STANDING_FRAMES and not v.summed and measure(v) in ("count", "length")
    return [(cluster, found, v.min, v.max, v.unit)] + ([(cluster, found)] if standing else [])


def _day_of(event: str) -> dt.date | None:
    """The day of an event label, None for one that names no day ("?", an undated earlier round)."""
    try:
        return event_day(event)
    except ValueError:
        return None


# Frames of facts that stand whatever the day: a count nothing happened to ("the ship's 22 crew").
STANDING_FRAMES = (None, "composition")
# Nearer than this, a report's own day may be a later stage of the same story ("the trawler overturned at
# 2:04 a.m.", told the evening before and the morning after): only the article's own dating decides.
RESTATED_AFTER = 3
# An equal value in the same slot this many days on still restates the event ("the magnitude-7.2 quake"
# in a report twelve days later).
RESTATED_DAYS = 30


def _join_restatements(groups: dict[str, list[Claim]]) -> None:
    """Move a later report's undated figures to the one earlier event, more than RESTATED_AFTER and at most
    RESTATED_DAYS days before, that the report restates: STORY_SHARED or more of its figures give values
    that event's coverage by other reports gives in the same slots (counts of 10 or more, or a named
    person's age or term: what rarely recurs by chance). Then each figure restating that event's value in
    its slot moves ("Only 104 people survived the disaster" a week on restates the shipwreck's toll; it is
    no news of its own day), and, at most STORY_DAYS before, so does a standing fact of any value ("the
    ship's 21 crew members" ten days on is the crew the first reports counted 22 of: a dispute, not news).
    The rest of the article stays on its own day; a report restating nothing (another crash four days
    later) moves nothing."""
    days = {e: day for e in groups if (day := _day_of(e)) is not None}

    def apart(later: str, earlier: str, reach: int = RESTATED_DAYS) -> bool:
        return RESTATED_AFTER < (days[later] - days[earlier]).days <= reach

    # Only events with another far enough before or after them can give or take a restatement.
    paired = {e for e in days if any(apart(e, o) or apart(o, e) for o in days)}
    stated: dict[tuple, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    keys = {c.id: _restatements(c) for event in paired for c in groups[event]}
    for event in paired:
        for c in groups[event]:
            for key in keys[c.id]:
                stated[key][event].add(c.doc)

    def targets(c: Claim, key: tuple, event: str) -> list[str]:
        reach = RESTATED_DAYS if len(key) > 2 else STORY_DAYS  # a standing fact's other value: the story only
        return [e for e, docs in stated[key].items() if docs - {c.doc} and apart(event, e, reach)]

    # Which earlier event each report restates, on the evidence of its rarer equal figures.
    evidence: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for event in paired:
        for c in groups[event]:
            for key in keys[c.id][:1] if keys[c.id] and c.event == c.doc_event and _rare(c) else []:
                if len(found := targets(c, key, event)) == 1:
                    evidence[(c.doc, found[0])].add(key)
    for event in paired:
        kept = []
        for c in groups[event]:
            target = None
            for key in keys[c.id] if c.event == c.doc_event else []:
                found = targets(c, key, event)
                if len(found) == 1 and len(evidence[(c.doc, found[0])]) >= STORY_SHARED:
                    target = found[0]
                    break
            if target is not None:
                groups[target].append(c.model_copy(update={"event": target}))
            else:
                kept.append(c)
        groups[event] = kept


def _rare(claim: FigureClaim) -> bool:
    """A figure unlikely to recur by chance in another story: a count of 10 or more, a named person's own."""
    v = claim.value
    return bool(v.owner and v.personal) or measure(v) == "count" and (v.min or 0) >= 10


# A named person's age or prison term reported this many days apart is one fact: it does not change
# between a swap and the follow-up a fortnight later (a birthday aside), and a year later it may.
PERSON_DAYS = 30


def _personal_owner(claim: Claim) -> str | None:
    v = claim.value
    if isinstance(claim, FigureClaim) and v.owner and v.personal or isinstance(claim, DateClaim) and v.owner:
        return v.owner
    return None


def _join_person_facts(groups: dict[str, list[Claim]]) -> None:
    """Move each named person's ages and terms to the first event, PERSON_DAYS or fewer before, at which
    the corpus reports that person's: "Castillo, 26" on the day of a collapse and "Castillo, 25" in a
    report of a recovery ten days later are one dispute. Events stay apart for everything else."""
    days: dict[str, set[str]] = defaultdict(set)
    for event, members in groups.items():
        for claim in members:
            if event != "?" and (owner := _personal_owner(claim)):
                days[owner].add(event)
    anchor: dict[tuple[str, str], str] = {}
    for owner, events in days.items():
        first = None
        for event in sorted(events):
            if first is None or (event_day(event) - event_day(first)).days > PERSON_DAYS:
                first = event
            anchor[(owner, event)] = first
    for event in list(groups):
        stay = []
        for claim in groups[event]:
            owner = _personal_owner(claim)
            target = anchor.get((owner, event), event) if owner else event
            if target != event:
                groups[target].append(claim.model_copy(update={"event": target}))
            else:
                stay.append(claim)
        groups[event] = stay


def event_groups(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims split by the absolute event they belong to, each relabelled with it. Claims of different
    events never compare, so each group reconciles on its own (on one machine, or one group per task
    on a cluster); claims no event can be found for come last, as a group that compares nothing."""
    return [group for _, group, _ in _split(claims)]


def reconcile_group(claims: list[Claim], resolutions: dict[str, Resolution] | None = None, event: str | None = None,
                    others: Iterable[tuple[str, str | None]] = ()) -> Diff:
    """Clusters and contradictions of one event's claims, unfiltered. `others` are (doc, doc_event) of
    the event's claims not given: they count among its documents."""
    resolutions = resolutions or {}
    clusters: list[Cluster] = []
    contradictions: list[Contradiction] = []
    others = list(others)
    if event is None:
        event = claims[0].event if claims else "?"
    if event == "?":
        return Diff(documents=sorted({c.doc for c in claims} | {doc for doc, _ in others}),
                    events=[EventSummary(event="?")], clusters=[], contradictions=[])
    for key, members in sorted(blocks(claims).items()):
        members.sort(key=lambda c: (c.doc, c.start))
        if len({c.doc for c in members}) < 2 and len({c.speaker for c in members}) < 2:
            continue  # one voice repeating itself: nothing to reconcile
        cluster_topic = _topic(members)
        cluster_topics = sorted({cluster_topic} | {t for c in members for t in c.topics[:2]})
        cluster = Cluster(id=f"k-{_stable(key)}", topic=cluster_topic, topics=cluster_topics, key=key,
                          claims=members)
        clusters.append(cluster)
        for (kind, label), ids in sorted(_merged(_conflicts(members)).items()):
            involved = [c for c in members if c.id in ids]
            subject = involved[0].value.subject if isinstance(involved[0], FigureClaim) else key.split("|")[3]
            sides = _sides(kind, involved)
            if len({c.doc for c in involved}) < 2 or len(sides) > MAX_SIDES:
                # One article listing several numbers, or a slot holding many values, is far more often
                # several facts than a dispute: precision first.
                continue
            what = subject if isinstance(involved[0], FigureClaim) else "|".join(key.split("|")[2:])
            cid = contradiction_id(involved[0].event, str(what), kind, sides)
            if any(c.id == cid for c in contradictions):
                # The same values disputed in two slots of one noun (done and agreed): the slot tells them apart.
                cid = contradiction_id(involved[0].event, f"{what}|{label}", kind, sides)
            docs = {c.doc for c in involved}
            resolution = resolutions.get(cid)
            contradictions.append(Contradiction(
                id=cid, topic=cluster_topic, kind=kind, cluster=cluster.id,
                status="resolved" if resolution else "unresolved", resolution=resolution,
                between="sources" if len(docs) > 1 else "speakers",
                explanation=explain(kind, sides, subject),
                claims=[side[0] for side in sides], support=[c for side in sides for c in side[1:]],
            ))
    for cluster, contradiction in _place_conflicts(claims, event, resolutions) + _date_conflicts(claims, event,
                                                                                                  resolutions):
        clusters.append(cluster)
        contradictions.append(contradiction)
    own = {c.doc for c in claims if c.doc_event == event} | {doc for doc, doc_event in others if doc_event == event}
    summary = EventSummary(event=event, documents=sorted(own), clusters=len(clusters),
                           contradictions=len(contradictions))
    return Diff(documents=sorted({c.doc for c in claims} | {doc for doc, _ in others}), events=[summary],
                clusters=clusters, contradictions=contradictions)


def only_event(diff: Diff, event: str) -> Diff:
    """The part of a diff about one event (`claims diff --event DAY`), or a day's events when it names a
    day that holds several stories ("DAY" and "DAY/DOC")."""
    def about(label: str) -> bool:
        return label == event or "/" not in event and label.startswith(event + "/")

    clusters = [k for k in diff.clusters if k.claims and about(k.claims[0].event)]
    kept = {k.id for k in clusters}
    return diff.model_copy(update={"clusters": clusters,
                                   "contradictions": [c for c in diff.contradictions if c.cluster in kept],
                                   "events": [e for e in diff.events if about(e.event)]})


def merge_diffs(diffs: Iterable[Diff], resolutions: dict[str, Resolution] | None = None,
                topic: str | None = None) -> Diff:
    """One Diff from the per-event ones, in a fixed order whatever order they arrive in.

    `topic` filters what is returned, after every contradiction is found, so stale resolutions are
    judged against the whole corpus whatever the filter."""
    diffs = list(diffs)
    clusters = sorted((k for d in diffs for k in d.clusters), key=lambda k: k.key)
    contradictions = [c for d in diffs for c in d.contradictions]
    stale = sorted(set(resolutions or {}) - {c.id for c in contradictions})
    if topic:
        clusters = [k for k in clusters if topic in k.topics]
        kept = {k.id for k in clusters}
        contradictions = [c for c in contradictions if c.cluster in kept]
    contradictions.sort(key=lambda c: (c.topic, c.id))
    events = sorted((e for d in diffs for e in d.events), key=lambda e: (e.event == "?", e.event))
    return Diff(documents=sorted({doc for d in diffs for doc in d.documents}), events=events, clusters=clusters,
                contradictions=contradictions, stale_resolutions=stale)


def reconcile(claims: list[Claim], resolutions: dict[str, Resolution] | None = None,
              topic: str | None = None, others: Outline = (), casts: Casts | None = None) -> Diff:
    """Clusters of claims that state one fact, and the typed contradictions inside them: each event's
    claims reconciled on their own, then merged. A caller that reads only the COMPARED kinds passes the
    outline of the rest as `others` and each article's actors as `casts`, for the same result."""
    return merge_diffs((reconcile_group(g, resolutions, event, outside)
                        for event, g, outside in _split(claims, others, casts)), resolutions, topic)
