"""Alias resolution: one canonical name per actor across spellings, titles, articles and the corpus.

Pure functions over strings and claims, reading the alias table (data/actors.toml) and the name words
(data/cues.toml [actors]). The table is a set of hints, never a whitelist: a name it does not know is
its own actor. Three levels, each cautious where two people could be confused:

- `resolve`: one mention -> its actor. Titles and possessives go ("Capt. John Doe's" is John Doe), then
  the table, then rapidfuzz on the surname only when first names agree, so Vladimir Putin and Vladimir
  Medinsky never merge.
- `link_article`: within one article, a bare surname ("Doe"), first name ("Hakan") or acronym ("ICRC")
  stands for the one full name with that part the article names; with two such names, for neither.
- `merge_corpus`: across all articles, spellings of one person, bare surnames and acronyms join one
  canonical name in actor values, speakers and proposers.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process, utils

from . import rules
from .models import Claim

# Matching a mention against the table: "Zelenskii" and "Umerow" score 82-83 against the listed
# surnames, and a first name, when given, must agree too.
SURNAME_CUTOFF = 80.0
FIRST_NAME_CUTOFF = 80.0
# Joining two unknown spellings across the corpus is stricter: nothing vouches for either of them.
CORPUS_SURNAME_CUTOFF = 85.0

_POSSESSIVE = re.compile(r"(?:[\u2019']s|(?<=s)[\u2019'])$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str | None = None
    party: str | None = None


@dataclass(frozen=True)
class _Table:
    by_alias: dict[str, Actor]
    # surname key -> [(actor, first-name keys seen for it across aliases)]
    people: dict[str, list[tuple[Actor, frozenset[str]]]]
    adjectives: dict[str, str]
    # Every spelling as written in the table, for case-sensitive matching ("US" is not "us").
    forms: tuple[str, ...] = ()
    # Canonical names: the table vouches for them, so the corpus pass never renames one.
    canonical: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]
    modifiers: frozenset[str]
    kinds: dict[str, str]  # word or phrase -> "body" | "place" | "outlet"
    gendered: tuple[tuple[str, str], ...]


def _key(name: str) -> str:
    return " ".join(_POSSESSIVE.sub("", name.strip()).replace("\u2019", "'").lower().split())


def _word(w: str) -> str:
    return w.lower().rstrip(".")


def _pkey(w: str) -> str:
    return utils.default_process(w)


@cache
def words() -> _Words:
    cfg = rules.cues()["actors"]
    kinds: dict[str, str] = {}
    for kind, field in (("place", "places"), ("outlet", "outlets"), ("body", "organisations")):
        for w in cfg.get(field, []):
            kinds.setdefault(w, kind)
    return _Words(frozenset(_word(w) for w in cfg.get("titles", [])),
                  frozenset(_word(w) for w in cfg.get("title_modifiers", [])), kinds,
                  tuple((m, f) for m, f in cfg.get("gendered_endings", [])))


@cache
def table() -> _Table:
    data = rules.actors()
    by_alias: dict[str, Actor] = {}
    people: dict[str, list[tuple[Actor, frozenset[str]]]] = defaultdict(list)
    all_forms: list[str] = []
    for entry in data.get("actor", []):
        actor = Actor(entry["name"], entry.get("type"), entry.get("party"))
        forms = [entry["name"], *entry.get("aliases", [])]
        all_forms.extend(forms)
        for form in forms:
            by_alias[_key(form)] = actor
        if actor.type == "person":
            firsts = frozenset(_pkey(f.split()[0]) for f in forms if len(f.split()) > 1)
            people[_pkey(entry["name"].split()[-1])].append((actor, firsts))
    return _Table(by_alias, dict(people), dict(data.get("adjectives", {})), tuple(all_forms),
                  frozenset(a.name for a in by_alias.values()))


def party_of_adjective(word: str) -> str | None:
    return table().adjectives.get(word.strip().capitalize())


def strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip())


def _head(tokens: list[str]) -> tuple[int, str] | None:
    """(index, kind) of the last word saying "body", "place" or "outlet": the head of an English name."""
    kinds = words().kinds
    found: tuple[int, str] | None = None
    for i, w in enumerate(tokens):
        if w in kinds:
            found = (i, kinds[w])
    text = " ".join(tokens)
    for phrase, kind in kinds.items():
        if " " in phrase and (pos := text.rfind(phrase)) >= 0:
            at = len(text[:pos + len(phrase)].split()) - 1
            if found is None or at > found[0]:
                found = (at, kind)
    return found


def kind_of_words(tokens: list[str]) -> str | None:
    """"body", "place" or "outlet" when a run's words say so; the last such word (the head) decides:
    "Kyiv City Council" is a body, "Bryansk Oblast" a place, "Moscow Times" an outlet."""
    head = _head(tokens)
    return head[1] if head else None


def split_title(tokens: list[str]) -> tuple[list[str], bool]:
    """A name without the titles, ranks and bodies before it, and whether a title (not a mere modifier)
    was among them: "Acting President John Doe" -> (["John", "Doe"], True), "Security Council Chairman
    Jane Roe" -> (["Jane", "Roe"], True). A body's own name ("Armed Forces of Ukraine") stays whole."""
    w = words()
    head = _head(tokens)
    lead = 0
    while lead < len(tokens) - 1 and _word(tokens[lead]) in w.titles | w.modifiers:
        lead += 1
    cut = None
    for k in range(len(tokens) - 1):
        # A title ends the titles when all before it are titles, or a body it belongs to comes first.
        if _word(tokens[k]) in w.titles and (k < lead or (head is not None and head[0] < k)):
            cut = k
    if cut is None:
        if head is not None:
            return tokens, False
        return tokens[lead:], False
    rest = tokens[cut + 1:]
    while len(rest) > 1 and _word(rest[0]) in w.titles | w.modifiers:
        rest = rest[1:]
    return rest, True


def normalise(name: str) -> str:
    """The name without possessive, titles or ranks: "Capt. John Doe's" -> "John Doe". Bodies, places
    and outlets keep every word ("Russian Armed Forces")."""
    return " ".join(split_title(strip_possessive(name).split())[0])


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name))


def initials(name: str) -> str:
    """Initials of a name's capitalised words, hyphenated parts included: "Agence France-Presse" is AFP,
    "International Committee of the Red Cross" ICRC."""
    return "".join(w[0] for w in re.split(r"[\s\-\u2010\u2011]+", name) if w[:1].isupper())


def gendered_pair(a: str, b: str) -> bool:
    """Masculine and feminine forms of one name ("Petrov"/"Petrova"): two people, never one."""
    a, b = _pkey(a), _pkey(b)
    for m, f in words().gendered:
        for x, y in ((a, b), (b, a)):
            if x.endswith(m) and y.endswith(f) and x[:len(x) - len(m)] == y[:len(y) - len(f)] and x != y:
                return True
    return False


def first_names_agree(a: str, b: str) -> bool:
    """Equal, or a near spelling of one name ("Sergey"/"Sergei", "Rustam"/"Rustem")."""
    a, b = _pkey(a), _pkey(b)
    if a == b:
        return True
    return fuzz.ratio(a, b, processor=utils.default_process, score_cutoff=FIRST_NAME_CUTOFF) > 0 \
        and not gendered_pair(a, b)


def _is_full(name: str) -> bool:
    tokens = name.split()
    return len(tokens) > 1 and tokens[0][:1].isupper()


@lru_cache(maxsize=65536)
def resolve(name: str, label: str | None = None) -> Actor:
    """The canonical actor for a surface name; an unknown name becomes its own actor."""
    t = table()
    key = _key(name)
    if key in t.by_alias:
        return t.by_alias[key]
    clean = normalise(name)
    key = _key(clean)
    if key in t.by_alias:
        return t.by_alias[key]
    tokens = clean.split()
    if label in (None, "PERSON") and tokens:
        surname, first = _pkey(tokens[-1]), (tokens[0] if len(tokens) > 1 else None)
        match = process.extractOne(surname, list(t.people), scorer=fuzz.ratio,
                                   processor=utils.default_process, score_cutoff=SURNAME_CUTOFF)
        if match is not None and not gendered_pair(surname, match[0]):
            fits = [actor for actor, firsts in t.people[match[0]]
                    if first is None and len(t.people[match[0]]) == 1
                    or first is not None and (not firsts or any(first_names_agree(first, f) for f in firsts))]
            if len(fits) == 1:
                return fits[0]
    kind = {"PERSON": "person", "GPE": "state", "ORG": "body", "NORP": "group", "LOC": "place",
            "OUTLET": "outlet"}.get(label or "", None)
    return Actor(clean, kind, None)


# ------------------------------------------------------------------------------------- one article --

def link_article(mentions: Iterable[tuple[str, str | None, str]]) -> dict[str, str]:
    """Within one article, bare names -> the one full name they stand for.

    `mentions` are (canonical name, type, surface text). A one-word person or untyped name links to the
    unique full person name whose surname or first name it is ("Doe", "Hakan" after "Hakan Fidan"); an
    acronym to the unique multi-word non-person name with its initials ("ICRC"). Two candidates: no link.
    Names the alias table vouches for are left alone."""
    mentions = sorted(set(mentions), key=lambda m: (m[0], m[1] or "", m[2]))
    fixed = table().canonical
    parts: dict[str, set[str]] = defaultdict(set)
    expansions: dict[str, set[str]] = defaultdict(set)
    for name, kind, text in mentions:
        if kind == "person" and _is_full(name):
            for form in (name, normalise(text)):
                tokens = form.split()
                if len(tokens) > 1:
                    parts[_pkey(tokens[0])].add(name)
                    parts[_pkey(tokens[-1])].add(name)
        elif kind != "person" and len(name.split()) > 1 and len(initials(name)) > 1:
            expansions[initials(name)].add(name)
    links: dict[str, str] = {}
    for name, kind, _ in mentions:
        if name in fixed or len(name.split()) != 1:
            continue
        if is_acronym(name) and kind != "person":
            found = expansions.get(name.replace(".", ""), set())
        elif kind in (None, "person"):
            found = parts.get(_pkey(name), set())
        else:
            continue
        if len(found) == 1:
            links[name] = next(iter(found))
    return links


# -------------------------------------------------------------------------------------- the corpus --

class _Surnames:
    """Surname keys, blocked by initial and sorted by length, so a near spelling is looked for only
    among keys of a length that could score the cutoff: near O(n log n) over distinct surnames."""

    def __init__(self, keys: Iterable[str]):
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in sorted(set(keys), key=lambda k: (len(k), k)):
            blocks[k[:1]].append(k)
        self.blocks = dict(blocks)
        self.lengths = {b: [len(k) for k in ks] for b, ks in self.blocks.items()}

    def similar(self, key: str) -> list[str]:
        """Keys equal to `key` or within CORPUS_SURNAME_CUTOFF of it, feminine forms excluded."""
        # ratio = 2m / (la + lb) >= c needs lb >= la * c / (200 - c) and lb <= la * (200 - c) / c.
        c = CORPUS_SURNAME_CUTOFF
        block, lengths = self.blocks.get(key[:1], []), self.lengths.get(key[:1], [])
        lo = bisect.bisect_left(lengths, len(key) * c / (200 - c))
        hi = bisect.bisect_right(lengths, len(key) * (200 - c) / c)
        found = process.extract(key, block[lo:hi], scorer=fuzz.ratio, processor=utils.default_process,
                                score_cutoff=c, limit=None)
        return sorted(k for k, _, _ in found if k == key or not gendered_pair(key, k))


class _People:
    """Union-find over full names. Two groups join only if every first name in one agrees with every
    first name in the other (no chain from "Alexandr" through "Alexander" to "Alexandra"), and never
    when each holds a name the alias table vouches for: those are two actors."""

    def __init__(self, names: Iterable[str], fixed: frozenset[str]):
        self.parent = {n: n for n in names}
        self.fixed = {n: n in fixed for n in self.parent}
        self.firsts = {n: {n.split()[0]} for n in self.parent}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (self.fixed[ra] and self.fixed[rb]):
            return
        if not all(first_names_agree(x, y) for x in sorted(self.firsts[ra]) for y in sorted(self.firsts[rb])):
            return
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        fixed_b = self.fixed.pop(rb)
        self.fixed[ra] = self.fixed[ra] or fixed_b
        self.firsts[ra] |= self.firsts.pop(rb)


def _by_first(names: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for n in names:
        out[n.split()[0]].append(n)
    return out


def corpus_names(mentions: Iterable[tuple[str, str, str | None, str | None]],
                 ) -> dict[tuple[str | None, str], Actor]:
    """(doc, name) -> the corpus' canonical actor, for every name that changes; doc None where the
    change holds in every article (a full name's spelling).

    `mentions` are (doc, canonical name, type, party), one per actor claim (repeats count towards the
    most used spelling). Three joins, each refused where two actors would be confused:
    - full person names whose surnames score CORPUS_SURNAME_CUTOFF and whose first names agree
      ("Jane Doe" and "John Doe" stay apart; "Petrov" and "Petrova" too);
    - a bare surname in an article naming no full name with it -> the one full name in the corpus
      with that surname (with two, it stays bare);
    - an acronym -> the one multi-word name in the corpus with its initials."""
    mentions = list(mentions)
    counts = Counter((doc, name) for doc, name, _, _ in mentions)
    uses = Counter(name for _, name, _, _ in mentions)
    seen: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for _, name, kind, party in mentions:
        if kind:
            seen[name][0].add(kind)
        if party:
            seen[name][1].add(party)
    # A name typed (or given a party) anywhere is typed everywhere; disagreements resolve alphabetically.
    kinds = {n: min(seen[n][0], default=None) for n in uses}
    parties = {n: min(seen[n][1], default=None) for n in uses}
    fixed = table().canonical
    names = sorted(uses)

    # Full names: group by surname key, then join near surnames whose first names agree.
    full = [n for n in names if kinds[n] == "person" and _is_full(n)]
    is_full = set(full)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in full:
        by_surname[_pkey(n.split()[-1])].append(n)
    index = _Surnames(by_surname)
    groups = _People(full, fixed)
    for key in sorted(by_surname):
        for other in index.similar(key):
            if other < key:
                continue
            # Distinct first names of the two surnames, compared at once; only agreeing ones join.
            firsts_a = _by_first(by_surname[key])
            firsts_b = _by_first(by_surname[other])
            fa, fb = sorted(firsts_a), sorted(firsts_b)
            scores = process.cdist(fa, fb, scorer=fuzz.ratio, processor=utils.default_process,
                                   score_cutoff=FIRST_NAME_CUTOFF)
            for i, j in zip(*scores.nonzero(), strict=True):
                if fa[i] == fb[j] or not gendered_pair(fa[i], fb[j]):
                    for a in firsts_a[fa[i]]:
                        for b in firsts_b[fb[j]]:
                            if a != b:
                                groups.join(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for n in full:
        members[groups.find(n)].append(n)

    @cache
    def canon(root: str) -> Actor:
        # The table's name when it vouches for one; else the most used spelling (ties: alphabetical).
        group = members[root]
        name = next((n for n in group if n in fixed), None) or min(group, key=lambda n: (-uses[n], n))
        party = parties.get(name) or next((parties[n] for n in sorted(group) if parties.get(n)), None)
        return Actor(name, "person", party)

    out: dict[tuple[str | None, str], Actor] = {}
    for root, group in members.items():
        if len(group) > 1:
            out.update(((None, n), canon(root)) for n in group if n != canon(root).name)

    # Bare surnames: only in articles naming no full name with that surname, and only to a unique group.
    full_keys_of_doc: dict[str, set[str]] = defaultdict(set)
    for doc, name in counts:
        if name in is_full:
            full_keys_of_doc[doc].add(_pkey(name.split()[-1]))
    expansions: dict[str, set[str]] = defaultdict(set)
    for n in names:
        if kinds[n] != "person" and len(n.split()) > 1 and len(initials(n)) > 1:
            expansions[initials(n)].add(n)

    @cache
    def bare(name: str) -> tuple[frozenset[str], frozenset[str]]:
        """The surname keys near a bare name, and the groups of full names bearing them."""
        near = frozenset(index.similar(_pkey(name)))
        return near, frozenset(groups.find(n) for k in near for n in by_surname[k])

    for doc, name in sorted(counts):
        if name in fixed or len(name.split()) != 1:
            continue
        if is_acronym(name) and kinds[name] != "person":
            found = expansions.get(name.replace(".", ""), set())
            if len(found) == 1:
                target = next(iter(found))
                out[(doc, name)] = Actor(target, kinds[target], parties.get(target))
            continue
        if kinds[name] not in (None, "person"):
            continue
        near, roots = bare(name)
        if len(roots) == 1 and not full_keys_of_doc[doc] & near:
            out[(doc, name)] = canon(next(iter(roots)))
    return out


def merge_corpus(claims: list[Claim]) -> list[Claim]:
    """The claims with one canonical name per real actor across the whole corpus: actor `value.name`
    (typed and given a party from the group when it had none), `speaker`, and the proposer of proposals
    and figures. Pure and deterministic; claims that do not change are returned as they are."""
    mentions = [(c.doc, c.value.name, c.value.type, c.value.party) for c in claims if c.kind == "actor"]
    names = corpus_names(mentions)
    if not names:
        return list(claims)

    def actor(doc: str, name: str | None) -> Actor | None:
        return (names.get((doc, name)) or names.get((None, name))) if name else None

    def rename(doc: str, name: str | None) -> str | None:
        found = actor(doc, name)
        return found.name if found else name

    out: list[Claim] = []
    for claim in claims:
        update: dict = {}
        speaker = rename(claim.doc, claim.speaker)
        if speaker != claim.speaker:
            update["speaker"] = speaker
        value = claim.value
        if claim.kind == "actor" and (found := actor(claim.doc, value.name)):
            update["value"] = value.model_copy(update={"name": found.name, "type": value.type or found.type,
                                                       "party": value.party or found.party})
        elif claim.kind in ("proposal", "figure") and value.proposer:
            proposer = rename(claim.doc, value.proposer)
            if proposer != value.proposer:
                update["value"] = value.model_copy(update={"proposer": proposer})
        out.append(claim.model_copy(update=update) if update else claim)
    return out
