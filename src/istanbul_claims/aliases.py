"""Alias resolution: one canonical name per actor across spellings and transliterations.

Pure functions over strings and the alias table in data/actors.toml. Known spellings resolve by table;
unknown ones by rapidfuzz on the surname, and only when the first names agree too, so two people who
share a first name (Vladimir Putin, Vladimir Medinsky) never merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process, utils

from . import rules

# A surname spelled differently ("Zelenskyi") must score at least this with ratio to match
# (transliterations such as "Zelenskii" and "Umerow" score 82-83 against the table).
SURNAME_CUTOFF = 80.0
FIRST_NAME_CUTOFF = 80.0


@dataclass(frozen=True)
class Actor:
    name: str
    type: str | None = None
    party: str | None = None


@dataclass(frozen=True)
class _Table:
    by_alias: dict[str, Actor]
    # surname -> (actor, first names seen for it across aliases)
    people: dict[str, tuple[Actor, frozenset[str]]]
    adjectives: dict[str, str]
    # Every spelling as written in the table, for case-sensitive matching ("US" is not "us").
    forms: tuple[str, ...] = ()


def _key(name: str) -> str:
    return " ".join(re.sub(r"[\u2019']s$", "", name.strip()).replace("\u2019", "'").lower().split())


@cache
def table() -> _Table:
    data = rules.actors()
    by_alias: dict[str, Actor] = {}
    people: dict[str, tuple[Actor, frozenset[str]]] = {}
    all_forms: list[str] = []
    for entry in data.get("actor", []):
        actor = Actor(entry["name"], entry.get("type"), entry.get("party"))
        forms = [entry["name"], *entry.get("aliases", [])]
        all_forms.extend(forms)
        for form in forms:
            by_alias[_key(form)] = actor
        if actor.type == "person":
            firsts = frozenset(f.split()[0].lower() for f in forms if len(f.split()) > 1)
            people[entry["name"].split()[-1].lower()] = (actor, firsts)
    return _Table(by_alias, people, dict(data.get("adjectives", {})), tuple(all_forms))


def party_of_adjective(word: str) -> str | None:
    return table().adjectives.get(word.strip().capitalize())


@lru_cache(maxsize=65536)
def resolve(name: str, label: str | None = None) -> Actor:
    """The canonical actor for a surface name; an unknown name becomes its own actor."""
    t = table()
    key = _key(name)
    if key in t.by_alias:
        return t.by_alias[key]
    tokens = key.split()
    if label in (None, "PERSON") and tokens:
        surname, first = tokens[-1], (tokens[0] if len(tokens) > 1 else None)
        match = process.extractOne(surname, list(t.people), scorer=fuzz.ratio,
                                   processor=utils.default_process, score_cutoff=SURNAME_CUTOFF)
        if match is not None:
            actor, firsts = t.people[match[0]]
            if first is None or not firsts or process.extractOne(
                first, list(firsts), scorer=fuzz.ratio, processor=utils.default_process,
                score_cutoff=FIRST_NAME_CUTOFF,
            ):
                return actor
    kind = {"PERSON": "person", "GPE": "state", "ORG": "body", "NORP": "group"}.get(label or "", None)
    clean = re.sub(r"[\u2019']s$", "", name.strip())
    return Actor(" ".join(clean.split()), kind, None)


def link_surnames(names: list[str]) -> dict[str, str]:
    """Within one article, a bare surname stands for the full name it was introduced with."""
    full = {n.split()[-1].lower(): n for n in names if len(n.split()) > 1}
    return {n: full[n.lower()] for n in names if len(n.split()) == 1 and n.lower() in full}
