"""The one schema: pydantic models read by the JSON contract, the claim store and every report."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

_BLANK = re.compile(r"[^\n]")


class Document(BaseModel):
    """An article as loaded: `text` is what claim offsets point into (LF line ends, no BOM)."""

    id: str
    path: str
    title: str
    outlet: str | None = None
    published: dt.date | None = None
    # The day relative dates resolve against: the date line, else the corpus' usual date.
    reference: dt.date | None = None
    sha256: str
    text: str
    # [start, end) ranges of text that are header or page furniture, not article prose.
    furniture: list[tuple[int, int]] = Field(default_factory=list)

    @property
    def body(self) -> str:
        """The text with header and furniture blanked out; same length, so offsets still hold."""
        pieces, pos = [], 0
        for start, end in sorted(self.furniture):
            if start < pos:
                start = pos
            pieces.append(self.text[pos:start])
            pieces.append(_BLANK.sub(" ", self.text[start:end]))
            pos = max(pos, end)
        pieces.append(self.text[pos:])
        return "".join(pieces)

    def public(self) -> dict:
        """The document as the JSON contract lists it: no text, which stays in the store."""
        return self.model_dump(mode="json", exclude={"text", "furniture", "sha256"})

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset, for annotations pointing into the file."""
        return self.text.count("\n", 0, offset) + 1


# What is one person's alone: their prison term, their time in custody. Such figures compare only
# between reports naming the same person, on the day of the report.
# The frame of a count under a verb no frame names ("17 people were treated for injuries"): an unknown
# happening, never compared.
UNKNOWN_FRAME = "?"
PERSONAL = frozenset({"sentence", "custody"})
# A share of a vote, held by the name in its modifiers ("Lai won 40 per cent"): what happened to it
# (won, took, was given) is no frame of its own.
SHARE = "share"


def event_day(label: str) -> dt.date:
    """The day of an event label that names one: "2025-06-02", "ref:2025-06-02" or, for another story of
    the day, "2025-06-02/DOC" (see `_ClaimBase.event`)."""
    return dt.date.fromisoformat(label.removeprefix("ref:").split("/", 1)[0])


class FigureValue(BaseModel):
    min: float | None = None
    max: float | None = None
    min_inclusive: bool = True
    max_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None
    basis: Literal["unilateral", "reciprocal"] | None = None
    # The fact slot (extras beyond the contract): what is counted (the noun's canonical word and the
    # modifiers that narrow it), whose age, what happens to it, its status and whose proposal it is.
    counted: str | None = None
    subject: str | None = None
    mods: list[str] = Field(default_factory=list)
    owner: str | None = None
    partial: bool = False
    # One of the parts a sentence lists beside each other ("270 soldiers and 120 civilians", "including
    # 12 children"): the whole count of its own noun, compared only with such parts.
    part: bool = False
    # A sum over parts the text marks as one ("in all it is 1,000", "in total"): compared only with
    # such sums, since an unmarked figure may be one of its parts (a swap's first stage).
    summed: bool = False
    # A count of a state at one moment of a story that changes hour by hour ("127 people are still
    # trapped"): without the moment it was true at, never compared.
    snapshot: bool = False
    # The whole a part is taken from ("declared in 648 of the 650 constituencies"): compared only with
    # such wholes, since a bare count of the same noun ("came second in 98 constituencies") may be a part.
    whole: bool = False
    # The unit of time a count is per ("200 trucks a day"): compared only with counts per the same unit.
    rate: str | None = None
    # The name of what a time of day is of ("the Antonov touched down at 1:28"): two times of differently
    # named things are two happenings, never a dispute.
    agent: str | None = None
    # The named places its verb happened in or at ("491 litres fell on Chiva", "184.6 litres in an hour in
    # Turis"): figures of differently named places measure two things, never a dispute.
    where: list[str] = Field(default_factory=list)
    frame: str | None = None
    status: Literal["done", "agreed", "proposed", "rejected", "estimated", "possible", "negated"] = "done"
    proposer: str | None = None
    # From the number grammar (numbers.Figure): a quantity with no number ("dozens of"), the zone a time
    # of day names, a per-side figure ("1,000 each"), time since something rather than a duration ("the
    # first talks in three years"), a whole group ("all 150 on board").
    vague: bool = False
    tz: str | None = None
    per_side: bool = False
    elapsed: bool = False
    all_of: bool = False

    @property
    def exact(self) -> bool:
        return self.min is not None and self.min == self.max

    @property
    def personal(self) -> bool:
        """One person's own fact, whoever `owner` is: an exact age ("Lee, 32"; an age range defines a
        group), a prison term, time in custody."""
        return self.subject == "age" and self.exact or self.subject in PERSONAL


class ActorValue(BaseModel):
    name: str
    type: str | None = None
    # The side an actor speaks for (Kyiv and Zelensky for Ukraine), so stances compare by party.
    party: str | None = None
    # Named as where something happened ("talks at the X Palace", "held in Y"): an extra beyond the
    # contract, read by the place comparison.
    venue: bool = False
    # The one-off happening the place is where of ("handover" in "the exchange on the tarmac in Dubai"), so
    # towns compare for one happening; None for any other place or actor.
    occasion: str | None = None


class DateValue(BaseModel):
    start: dt.date
    end: dt.date
    # What the date says happened to whom ("Reed was detained in August 2019": Trevor Reed, arrest), an
    # extra beyond the contract, read by the date comparison; None for any other date.
    owner: str | None = None
    frame: str | None = None


class ProposalValue(BaseModel):
    proposer: str | None = None
    party: str | None = None
    what: str
    stance: Literal["offer", "propose", "demand", "accept", "consider", "reject"]
    # The topic word the proposal is about (ceasefire, exchange...), with its qualifier class.
    subject: str | None = None
    qualifier: str | None = None


class _ClaimBase(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    doc: str
    text: str
    sentence: str
    start: int
    end: int
    speaker: str | None = None
    topics: list[str] = Field(default_factory=list)
    # The event the claim is about, absolute: a day ("2025-06-02"); "ref:DAY" when the article gives its
    # own event no date and DAY is its date line; "range:A..B" for an earlier period; "?" for an earlier
    # event the text does not date. `doc_event` is the article's own event.
    event: str = "?"
    doc_event: str | None = None
    line: int = 1


class FigureClaim(_ClaimBase):
    kind: Literal["figure"] = "figure"
    value: FigureValue
    # The day of the report that gives it (its date line): a toll read on two days is two readings.
    reported: dt.date | None = None


class ActorClaim(_ClaimBase):
    kind: Literal["actor"] = "actor"
    value: ActorValue


class DateClaim(_ClaimBase):
    kind: Literal["date"] = "date"
    value: DateValue


class ProposalClaim(_ClaimBase):
    kind: Literal["proposal"] = "proposal"
    value: ProposalValue


Claim = Annotated[FigureClaim | ActorClaim | DateClaim | ProposalClaim, Field(discriminator="kind")]
CLAIMS = TypeAdapter(list[Claim])


Verdict = Literal["side", "both-reported", "known-discrepancy"]


class Resolution(BaseModel):
    verdict: Verdict
    right: str | None = None
    note: str = ""


class Cluster(BaseModel):
    id: str
    topic: str
    # Every topic its claims are about; `claims diff --topic T` keeps the clusters listing T.
    topics: list[str] = Field(default_factory=list)
    key: str
    claims: list[Claim]


ContradictionKind = Literal["numeric", "range", "reciprocity", "stance", "place", "date", "other"]


class Contradiction(BaseModel):
    id: str
    topic: str
    kind: ContradictionKind
    status: Literal["unresolved", "resolved"] = "unresolved"
    explanation: str
    # "sources" when different articles disagree, "speakers" when one article reports two versions.
    between: Literal["sources", "speakers"]
    cluster: str
    # One claim for each side, the claims that conflict; `support` holds the other reports of each
    # side's value (two articles giving 9:03 do not conflict with each other, so they are not listed
    # as conflicting). The explanation names every source.
    claims: list[Claim]
    support: list[Claim] = Field(default_factory=list)
    resolution: Resolution | None = None

    @property
    def reports(self) -> list[Claim]:
        """Every claim behind the contradiction, side by side."""
        return self.claims + self.support


class EventSummary(BaseModel):
    """One event a corpus holds: its day, the articles about it, what was found for it."""

    event: str
    documents: list[str] = Field(default_factory=list)
    clusters: int = 0
    contradictions: int = 0


class Diff(BaseModel):
    """What `claims diff --format json` prints."""

    documents: list[str] = Field(default_factory=list)
    # The events found, by day; "?" gathers claims about earlier events the text does not date.
    events: list[EventSummary] = Field(default_factory=list)
    clusters: list[Cluster]
    contradictions: list[Contradiction]
    stale_resolutions: list[str] = Field(default_factory=list)

    @property
    def unresolved(self) -> list[Contradiction]:
        return [c for c in self.contradictions if c.status == "unresolved"]
