"""Names merged across a corpus, applied to its claims. `aliases.corpus_names` finds them (rapidfuzz
over every actor mention); this module only applies a found mapping, so reading stored claims with
the names their extract merged needs neither the alias table nor rapidfuzz."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Claim


@dataclass(frozen=True)
class Actor:
    name: str
    type: str | None = None
    party: str | None = None


# (doc, name) -> the corpus' actor for that name in that article; doc None where it holds in every article.
Names = dict[tuple[str | None, str], Actor]


def to_rows(names: Names) -> list[list]:
    """A mapping as JSON-ready rows, in a fixed order."""
    return sorted(([doc, name, a.name, a.type, a.party] for (doc, name), a in names.items()),
                  key=lambda row: (row[0] is not None, row[0] or "", row[1]))


def from_rows(rows: list[list]) -> Names:
    return {(doc, name): Actor(canonical, kind, party) for doc, name, canonical, kind, party in rows}


def _actor(names: Names, doc: str, name: str | None) -> Actor | None:
    """The corpus' actor for a name as one article writes it."""
    return (names.get((doc, name)) or names.get((None, name))) if name else None


def apply_names(claims: list[Claim], names: Names) -> list[Claim]:
    """The claims with the mapping applied to actor `value.name` (typed and given a party from the group
    when it had none), `speaker`, the proposer of proposals and figures and the owner of figures; claims
    that do not change are returned as they are."""
    if not names:
        return list(claims)

    def rename(doc: str, name: str | None) -> str | None:
        found = _actor(names, doc, name)
        return found.name if found else name

    out: list[Claim] = []
    for claim in claims:
        update: dict = {}
        speaker = rename(claim.doc, claim.speaker)
        if speaker != claim.speaker:
            update["speaker"] = speaker
        value = claim.value
        if claim.kind == "actor" and (found := _actor(names, claim.doc, value.name)):
            update["value"] = value.model_copy(update={"name": found.name, "type": value.type or found.type,
                                                       "party": value.party or found.party})
        elif claim.kind in ("proposal", "figure"):
            changes = {}
            if value.proposer and (proposer := rename(claim.doc, value.proposer)) != value.proposer:
                changes["proposer"] = proposer
            # Whose age or term: a person's name, as the article resolved it.
            if claim.kind == "figure" and value.owner and (owner := rename(claim.doc, value.owner)) != value.owner:
                changes["owner"] = owner
            if changes:
                update["value"] = value.model_copy(update=changes)
        elif claim.kind == "date" and value.owner and (owner := rename(claim.doc, value.owner)) != value.owner:
            update["value"] = value.model_copy(update={"owner": owner})  # whose arrest this is the date of
        out.append(claim.model_copy(update=update) if update else claim)
    return out


def apply_cast(casts: dict[str, list[tuple[str, str | None]]], names: Names) -> dict[str, list[tuple[str, str | None]]]:
    """Each article's (name, type) of the actors it names with the mapping applied, as `apply_names` gives
    them on actor claims."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for doc, cast in casts.items():
        out[doc] = []
        for name, kind in cast:
            found = _actor(names, doc, name)
            out[doc].append((found.name, kind or found.type) if found else (name, kind))
    return out
