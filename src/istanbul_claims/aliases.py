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
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import Levenshtein

from . import rules
from .models import Claim
from .names import Actor, Names, apply_names

# Matching a mention against the table: "Zelenskii" and "Umerow" score 82-83 against the listed
# surnames, and a first name, when given, must agree too.
SURNAME_CUTOFF = 80.0
FIRST_NAME_CUTOFF = 80.0
# Joining two unknown spellings across the corpus is stricter: nothing vouches for either of them.
CORPUS_SURNAME_CUTOFF = 85.0

_POSSESSIVE = re.compile(r"(?:[\u2019']s|(?<=s)[\u2019'])$")
# "ICRC", "U.S.", "RFE/RL" (checked on the folded spelling, so "MİT" is one too).
_ACRONYM = re.compile(r"^(?:[A-Z]\.?[/&]?){2,8}$")
# Letters NFKD does not take apart: Turkish dotless i, Polish l, Nordic o, and the like.
_FOLD = str.maketrans({"\u0131": "i", "\u0142": "l", "\u0141": "L", "\u00f8": "o", "\u00d8": "O",
                       "\u0111": "d", "\u0110": "D", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE",
                       "\u0153": "oe", "\u0152": "OE", "\u2011": "-", "\u2010": "-"})


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


def fold(text: str) -> str:
    """The spelling without diacritics: "İbrahim Kalın" -> "Ibrahim Kalin", "Erdoğan" -> "Erdogan".
    Outlets write a name with or without them; it is one name."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(name: str) -> str:
    return " ".join(fold(_POSSESSIVE.sub("", name.strip()).replace("\u2019", "'")).lower().split())


def _word(w: str) -> str:
    return w.lower().rstrip(".")


def _pkey(w: str) -> str:
    """A name part for fuzzy matching: folded, lower case, hyphens and punctuation gone ("Sang-mok" and
    "Sangmok" are one)."""
    return "".join(utils.default_process(fold(w)).split())


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
        # A title ends the titles when all before it are titles, a body it belongs to comes first, or
        # no body is named at all and its portfolio does ("Transport Minister Park Sang-woo").
        if _word(tokens[k]) in w.titles and (k < lead or head is None or head[0] < k):
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
    return bool(_ACRONYM.match(fold(name)))


def acronym_key(name: str) -> str:
    """An acronym's letters: "U.S." and "US", "RFE/RL" and "RFERL", "MİT" and "MIT" are one."""
    return "".join(c for c in fold(name) if c.isalpha())


def initials(name: str) -> str:
    """Initials of a name's capitalised words, hyphenated and slashed parts included: "Agence
    France-Presse" is AFP, "International Committee of the Red Cross" ICRC, "Radio Free Europe/Radio
    Liberty" RFERL."""
    return "".join(w[0] for w in re.split(r"[\s\-\u2010\u2011/]+", fold(name)) if w[:1].isupper())


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
                                   processor=_pkey, score_cutoff=SURNAME_CUTOFF)
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

def link_article(mentions: Iterable[tuple[str, str | None, str]],
                 defined: dict[str, str] | None = None) -> dict[str, str]:
    """Within one article, bare names -> the one full name they stand for.

    `mentions` are (canonical name, type, surface text). A one-word person or untyped name links to the
    unique full person name whose surname or first name it is ("Doe", "Hakan" after "Hakan Fidan"); an
    acronym to the name the article defines it as (`defined`, by acronym_key: "National Intelligence
    Organisation (MIT)"), else the unique multi-word non-person name with its initials ("ICRC"). Two
    candidates: no link. Names the alias table vouches for are left alone."""
    defined = defined or {}
    mentions = sorted(set(mentions), key=lambda m: (m[0], m[1] or "", m[2]))
    fixed = table().canonical
    parts: dict[str, set[str]] = defaultdict(set)
    expansions: dict[str, set[str]] = defaultdict(set)
    # A person known by initials ("MBS" for Mohammed bin Salman, "BG"): every word's, particles too.
    monograms: dict[str, set[str]] = defaultdict(set)
    for name, kind, text in mentions:
        if kind == "person" and _is_full(name):
            monograms["".join(w[0] for w in fold(name).split()).upper()].add(name)
            for form in (name, normalise(text)):
                if len(_core_words(form)) > 1:
                    for key in name_parts(form):
                        parts[key].add(name)
        elif kind != "person" and len(name.split()) > 1 and len(initials(name)) > 1:
            expansions[initials(name)].add(name)
    links: dict[str, str] = {}
    for name, kind, _ in mentions:
        if name in fixed or len(name.split()) != 1:
            continue
        if is_acronym(name) and kind != "person":
            key = acronym_key(name)
            found = {defined[key]} if key in defined else expansions.get(key, set()) or monograms.get(key, set())
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

    # Initials that transliterations of one name swap ("Iaroshenko"/"Yaroshenko", "Evgeny"/"Yevgeny",
    # "Kalin"/"Calin") share a block; the score still decides.
    _INITIALS = {"i": "y", "j": "y", "e": "y", "c": "k", "q": "k"}

    def __init__(self, keys: Iterable[str]):
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in sorted(set(keys), key=lambda k: (len(k), k)):
            blocks[self._block(k)].append(k)
        self.blocks = dict(blocks)
        self.lengths = {b: [len(k) for k in ks] for b, ks in self.blocks.items()}

    def _block(self, key: str) -> str:
        return self._INITIALS.get(key[:1], key[:1])

    def similar(self, key: str) -> list[str]:
        """Keys equal to `key` or within CORPUS_SURNAME_CUTOFF of it, feminine forms excluded."""
        # ratio = 2m / (la + lb) >= c needs lb >= la * c / (200 - c) and lb <= la * (200 - c) / c.
        c = CORPUS_SURNAME_CUTOFF
        block, lengths = self.blocks.get(self._block(key), []), self.lengths.get(self._block(key), [])
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

    def join(self, a: str, b: str, firsts_checked: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (self.fixed[ra] and self.fixed[rb]):
            return
        if not firsts_checked and not all(first_names_agree(x, y) for x in sorted(self.firsts[ra])
                                          for y in sorted(self.firsts[rb])):
            return
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        fixed_b = self.fixed.pop(rb)
        self.fixed[ra] = self.fixed[ra] or fixed_b
        self.firsts[ra] |= self.firsts.pop(rb)


# A given name of syllables joined by a hyphen, the second in lower case: "Jong-wan", "E-bae".
_SYLLABIC_GIVEN = re.compile(r"^[A-Z][a-z]{0,4}-[a-z]{1,5}$")


def _join_family_first(full: list[str], groups: _People) -> None:
    """Names written family name first ("Joo Jong-wan", "Kim E-bae"), told by their syllabic given name.
    The given name identifies, and the family name's romanisation varies (Joo/Ju, Choi/Choe): they join
    when the given names are one and the family names short and of one initial, or the family names are
    one and the given names score CORPUS_SURNAME_CUTOFF ("E-bae"/"Yi-bae"; not "Jong-un"/"Jong-il")."""
    by_initial: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for n in full:
        tokens = n.split()
        if len(tokens) == 2 and _SYLLABIC_GIVEN.match(fold(tokens[1])):
            family, given = _pkey(tokens[0]), _pkey(tokens[1])
            by_initial[family[:1]].append((n, family, given))
    for names in by_initial.values():
        for k, (a, fa, ga) in enumerate(names):
            for b, fb, gb in names[k + 1:]:
                if ga == gb and max(len(fa), len(fb)) <= 4 or fa == fb and fuzz.ratio(
                        ga, gb, score_cutoff=CORPUS_SURNAME_CUTOFF) > 0:
                    groups.join(a, b, firsts_checked=True)


def _by_first(names: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for n in names:
        out[n.split()[0]].append(n)
    return out


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _core_words(name: str) -> list[str]:
    """A person's name without a generational suffix or middle initials: "Roland L. Butler Jr." is
    "Roland Butler" for finding the same person."""
    tokens = name.split()
    core = [t for k, t in enumerate(tokens) if t.lower().rstrip(".,") not in _SUFFIXES
            and not (0 < k < len(tokens) - 1 and len(t.rstrip(".")) == 1)]
    return core if len(core) > 1 else tokens


def name_parts(name: str) -> set[str]:
    """The keys a bare name may stand for this name by: its first and last words, a suffix and middle
    initials aside ("Roland L. Butler Jr.": roland, butler); a one-word name's own key."""
    tokens = _core_words(name)
    return {_pkey(tokens[0]), _pkey(tokens[-1])}


def _surname_keys(name: str) -> list[str]:
    """The keys a full name is found under: its last word, and for three words or more the words after
    the first run together ("Choi Sang Mok" is also "sangmok", as "Choi Sang-mok" writes it)."""
    tokens = _core_words(name)
    keys = [_pkey(tokens[-1])]
    if len(tokens) > 2:
        keys.append(_pkey("".join(tokens[1:])))
    return keys


def _near_word(a: str, b: str) -> bool:
    """Two spellings of one long word: "Organisation"/"Organization", "Defence"/"Defense". One edit
    only: "Eastern"/"Western" and "Slovenia"/"Slovakia" are two."""
    return min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _variants(names: list[str]) -> dict[str, set[str]]:
    """Names of bodies, places and outlets that are one name spelt two ways: equal once folded ("MİT",
    "MIT"), or of as many words with one long word spelt near ("National Intelligence Organisation",
    "... Organization"). name -> the names it is one with (itself included)."""
    parent = {n: n for n in names}

    def find(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    buckets: dict[tuple, list[str]] = defaultdict(list)
    for n in names:
        words_ = _key(n).split()
        buckets[("all", *words_)].append(n)
        if len(words_) > 1:
            for i in range(len(words_)):
                buckets[(i, *words_[:i], *words_[i + 1:])].append(n)
    for key, group in buckets.items():
        for a in group[1:]:
            b = group[0]
            if key[0] != "all" and not _near_word(_key(a).split()[key[0]], _key(b).split()[key[0]]):
                continue
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra
    out: dict[str, set[str]] = defaultdict(set)
    for n in names:
        out[find(n)].add(n)
    return {n: out[find(n)] for n in names}


def corpus_names(mentions: Iterable[tuple[str, str, str | None, str | None, str]]) -> Names:
    """(doc, name) -> the corpus' canonical actor, for every name that changes; doc None where the
    change holds in every article (a full name's spelling).

    `mentions` are (doc, canonical name, type, party, surface text), one per actor claim (repeats count
    towards the most used spelling). Four joins, each refused where two actors would be confused:
    - full person names whose surnames score CORPUS_SURNAME_CUTOFF and whose first names agree
      ("Jane Doe" and "John Doe" stay apart; "Petrov" and "Petrova" too);
    - other names spelt two ways (diacritics, one long word spelt near);
    - a bare surname in an article naming no full name with it -> the one full name in the corpus
      with that surname (with two, it stays bare);
    - an acronym -> the one name some article defines it as ("Federal Security Service (FSB)"), else
      the one multi-word name in the corpus with its initials."""
    mentions = list(mentions)
    counts = Counter((doc, name) for doc, name, _, _, _ in mentions)
    uses = Counter(name for _, name, _, _, _ in mentions)
    seen: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for _, name, kind, party, _ in mentions:
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
        for key in _surname_keys(n):
            by_surname[key].append(n)
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
            scores = process.cdist(fa, fb, scorer=fuzz.ratio, processor=_pkey,
                                   score_cutoff=FIRST_NAME_CUTOFF)
            for i, j in zip(*scores.nonzero(), strict=True):
                if fa[i] == fb[j] or not gendered_pair(fa[i], fb[j]):
                    for a in firsts_a[fa[i]]:
                        for b in firsts_b[fb[j]]:
                            if a != b:
                                groups.join(a, b)
    _join_family_first(full, groups)
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

    # Bodies, places, outlets (and untyped names) spelt two ways: the most used spelling.
    variants = _variants([n for n in names if kinds[n] != "person" and n not in is_full])

    def spelling(name: str) -> Actor:
        group = variants.get(name, {name})
        best = next((n for n in sorted(group) if n in fixed), None) or min(group, key=lambda n: (-uses[n], n))
        kind = kinds[best] or next((kinds[n] for n in sorted(group) if kinds[n]), None)
        party = parties[best] or next((parties[n] for n in sorted(group) if parties[n]), None)
        return Actor(best, kind, party)

    for name, group in variants.items():
        if len(group) > 1 and name not in fixed and (target := spelling(name)).name != name:
            out[(None, name)] = target
    for name, rest in _national_forms([n for n in names if kinds[n] == "body"], fixed).items():
        out[(None, name)] = Actor(rest, "body", parties.get(rest) or parties.get(name))

    # Bare surnames: only in articles naming no full name with that surname, and only to a unique group.
    full_keys_of_doc: dict[str, set[str]] = defaultdict(set)
    for doc, name in counts:
        if name in is_full:
            full_keys_of_doc[doc].update(_surname_keys(name))
    expansions: dict[str, set[str]] = defaultdict(set)
    for n in names:
        if kinds[n] != "person" and len(n.split()) > 1 and len(initials(n)) > 1:
            expansions[initials(n)].add(spelling(n).name)
    # An acronym an article defined ("Federal Security Service (FSB)") reached its claims as the
    # acronym's text under the full name: that definition holds in the articles that only say "FSB".
    defined: dict[str, set[str]] = defaultdict(set)
    for _, name, kind, _, text in mentions:
        if kind != "person" and is_acronym(text) and len(name.split()) > 1:
            defined[acronym_key(text)].add(spelling(name).name)

    @cache
    def bare(name: str) -> tuple[frozenset[str], frozenset[str]]:
        """The surname keys near a bare name, and the groups of full names bearing them."""
        near = frozenset(index.similar(_pkey(name)))
        return near, frozenset(groups.find(n) for k in near for n in by_surname[k])

    for doc, name in sorted(counts):
        if name in fixed or len(name.split()) != 1:
            continue
        if is_acronym(name) and kinds[name] != "person":
            key = acronym_key(name)
            found = defined[key] if key in defined else expansions.get(key, set())
            if len(found) == 1:
                out[(doc, name)] = spelling(next(iter(found)))
            continue
        if kinds[name] not in (None, "person"):
            continue
        near, roots = bare(name)
        if len(roots) == 1 and not full_keys_of_doc[doc] & near:
            out[(doc, name)] = canon(next(iter(roots)))
    return out


def _national_forms(bodies: list[str], fixed: frozenset[str]) -> dict[str, str]:
    """A body named with its country before it ("US National Transportation Safety Board") is the body
    the corpus names without it, when every such form names one country: "Russian Defence Ministry"
    and "Ukrainian Defence Ministry" both shorten to "Defence Ministry", so neither joins it. name ->
    the name without its country."""
    adjectives = {a.lower(): c for a, c in rules.actors().get("adjectives", {}).items()}
    plain = set(bodies)
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    for name in bodies:
        words = name.split()
        for cut in (1, 2):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if rest not in plain or len(words) - cut < 2:
                continue
            country = adjectives.get(head.lower()) or (
                resolve(head).name if resolve(head).type in ("state", "place") else None)
            if country:
                forms[rest][name] = country
    return {name: rest for rest, named in forms.items() if len(set(named.values())) == 1
            for name in named if name not in fixed}


def merge_corpus(claims: list[Claim]) -> list[Claim]:
    """The claims with one canonical name per real actor across the whole corpus (`corpus_names`,
    applied by `names.apply_names`). Pure and deterministic; claims that do not change are returned
    as they are."""
    return apply_names(claims, corpus_names(mentions(claims)))


def mentions(claims: Iterable[Claim]) -> list[tuple[str, str, str | None, str | None, str]]:
    """What `corpus_names` reads of a corpus: (doc, name, type, party, surface text) of each actor claim."""
    return [(c.doc, c.value.name, c.value.type, c.value.party, c.text) for c in claims if c.kind == "actor"]
