"""Actor recognition: every named person, place, body and outlet, each with one canonical name.

spaCy's NER is not run: names come from the alias table and from runs of the tagger's proper nouns,
typed by their words and context (data/cues.toml [actors]), so an unknown name is an actor too."""

from __future__ import annotations

import calendar
import re
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import aliases, rules
from .util import doc_text

_NAME_TAGS = {"NNP", "NNPS"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_CALENDAR = {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}
# A line is in Title Case when this share of its words of this many letters or more are capitalised.
_HEADLINE_SHARE = 0.75
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# A capital inside a sentence: after a word or a comma, not after a full stop, a quote or a line start.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[^\s.!?:\"\u201c\u2018(])[ \t]+([A-Z][^\W_]*)")


def headline_capitals(doc: Doc, text: str) -> set[int]:
    """Tokens whose capital says nothing: on a Title Case line ("Prisoner Exchange Highlights Talks"),
    a capitalised word is a name only if the article also capitalises it in the middle of a sentence
    off such lines. The alias table still finds known actors there. `text` is doc.text."""
    # Read from the text with regexes: a Python pass over every token would cost as much as the
    # rest of the component, and Title Case lines are rare.
    lower = set(_LOWER_WORD.findall(text))
    titled: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        words = _LONG_WORD.findall(line)
        capitals = [w for w in words if w[0].isupper()]
        # A line of names ("Vladimir Medinsky, Igor Kostyukov") is not a headline: one of its capitals
        # must be a word the article writes in lower case elsewhere.
        if len(words) >= 3 and len(capitals) >= _HEADLINE_SHARE * len(words) \
                and any(w.lower() in lower for w in capitals):
            titled.append((at, at + len(line)))
        at += len(line) + 1
    if not titled:
        return set()
    off = list(text)
    for start, end in titled:
        off[start:end] = "\n" * (end - start)
    named = set(_MID_SENTENCE_CAPITAL.findall("".join(off)))
    out: set[int] = set()
    for start, end in titled:
        span = doc.char_span(start, end, alignment_mode="expand")
        out.update(t.i for t in span or [] if t.text[:1].isupper() and t.text not in named)
    return out


_LABELS = {"body": "ORG", "place": "LOC", "outlet": "OUTLET"}


def _is_name(token: Token, shouting: bool) -> bool:
    if token.lower_ in _CALENDAR or not any(c.isalpha() for c in token.text) \
            or not token.text[0].isupper() and any(c.isdigit() for c in token.text):
        return False  # "for-1,000" in "a 1,000-for-1,000 exchange" is no name ("Russia-1" is)
    if token.tag_ in _NAME_TAGS:
        return True
    # The tagger calls a lone acronym a common noun now and then ("the ICRC will help").
    return not shouting and token.tag_ in _NOUN_TAGS and aliases.is_acronym(token.text) and len(token) > 1


def _shouting(sent: Span) -> bool:
    """An all-capitals line (a headline): every word looks like an acronym there."""
    letters = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(letters) > 2 and sum(t.is_upper for t in letters) * 2 > len(letters)


def _title_before(doc: Doc, i: int) -> bool:
    """A person's title just before token i: "Capt. Doe", "defence minister Jane Roe", "President, Doe"."""
    w = aliases.words()
    j, seen = i - 1, 0
    while j >= 0 and seen < 4:
        word = doc[j].lower_.rstrip(".")
        # "Capt. Doe" (an abbreviation's period, not a sentence's end), "the minister, Doe".
        if seen == 0 and j > 0 and (doc[j].text == "," or doc[j].text == "." and not doc[j - 1].whitespace_
                                    and len(doc[j - 1]) <= 4):
            j, seen = j - 1, 1
            continue
        if word in w.titles:
            return True
        if word not in w.modifiers:
            return False
        j, seen = j - 1, seen + 1
    return False


def _connector_end(doc: Doc, j: int, connectors: list[list[str]], limit: int) -> int | None:
    """Where the proper noun after a connector at token j starts ("of the Red Cross"), if one does."""
    for words in connectors:
        k = j + len(words)
        if k < limit and [t.lower_ for t in doc[j:k]] == words and doc[k].tag_ in _NAME_TAGS \
                and all("\n" not in t.whitespace_ for t in doc[j:k]):
            return k
    return None


def _in_place_context(span: Span, cfg: dict, heads: str = "place_heads") -> bool:
    """"held in Istanbul", "talks at Dolmabahce": a place, after a place verb or event noun (`heads`:
    the cue list naming them)."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in cfg["place_prepositions"]:
        return False
    return tok.head.head.lemma_.lower() in cfg[heads]


def _occasion(span: Span, cfg: dict) -> str | None:
    """The one-off happening (`occasions`: "handover", "crash") a place is where of, walking up through the
    sites that hold it: "the exchange on the tarmac in Dubai", "a trade carried out at Abu Dhabi airport",
    "took place at an airport in Istanbul". None when the place holds no such happening, when the
    happening is only possible or denied ("could take place in"), or is another instance of it ("the
    previous exchange in Vienna")."""
    classes = _occasion_classes()
    tok = span.root
    if tok.tag_ not in ("NNP", "NNPS"):
        return None  # "the Emirati capital": a people's adjective, no place
    if tok.dep_ in ("compound", "poss") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "Abu Dhabi airport", "Ankara's Esenboga Airport"
    for _ in range(4):  # sites inside sites: "on the tarmac at the airport in X"
        if tok.dep_ != "pobj" or tok.head.lower_ not in cfg["site_prepositions"]:
            return None
        head = tok.head.head
        if head.lemma_.lower() in cfg["occasion_carriers"]:
            head = head.head if head.dep_ == "acl" else next(
                (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), head)
        if head.lemma_.lower() in classes:
            told = [head, *([head.head] if head.dep_ in ("nsubj", "nsubjpass") else [])]
            if any(c.dep_ == "neg" or c.tag_ == "MD" for t in told for c in t.children) or any(
                    c.dep_ == "amod" and c.lemma_.lower() in _instances() for c in head.children):
                return None
            return classes[head.lemma_.lower()]
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        tok = head
    return None


@cache
def _occasion_classes() -> dict[str, str]:
    """Each happening's lemma -> the happening (`occasions`)."""
    return {word: name for name, words in rules.cues()["actors"]["occasions"].items() for word in words}


@cache
def _instances() -> frozenset[str]:
    """Words picking another instance of a kind ("the previous exchange"), shared with the figures'."""
    return frozenset(rules.topics()["slot"]["partial"])


def _aged(doc: Doc, end: int) -> bool:
    """"Doe, 34, said": an age in apposition makes a name a person's."""
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num \
        and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120 and doc[end + 2].text == ","


_JOINERS = {"-": "-", "\u2010": "-", "\u2011": "-", "/": "/"}
_PARTICIPLES = {"VBN", "VBD", "VBG"}


def _joined(doc: Doc, j: int, start: int, end: int, shouting: bool) -> bool:
    """Token j is a hyphen or slash inside one name, binding the name part before it to the word after:
    "Kara-Murza", "Radio Free Europe/Radio Liberty", "RFE/RL", and a given name's second syllable in
    lower case after a surname ("Choi Sang-mok", "Kim E-bae"); not "Kremlin-backed" or "Kyiv-led"."""
    if j + 1 >= end or doc[j].text not in _JOINERS or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return False
    after = doc[j + 1]
    if _is_name(after, shouting) and after.text[:1].isupper():
        return True
    return (_JOINERS[doc[j].text] == "-" and after.is_alpha and after.is_lower and len(after) <= 5
            and after.tag_ not in _PARTICIPLES and j - 1 > start and len(doc[j - 1]) <= 5
            and (doc[j - 1].is_title or len(doc[j - 1]) == 1 and doc[j - 1].is_upper))


_NAME_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def _person_like(text: str) -> bool:
    """Two words or more, each capitalised letters (hyphens allowed): "Jane Doe", "Kim E-bae"."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() and not w.isupper() or len(w) == 1 and w.isupper()
                                   for w in words) and all(_NAME_WORD.match(w) for w in words)


def _given_syllable(doc: Doc, j: int, start: int, end: int, shouting: bool) -> bool:
    """A given name's first syllable the tagger did not call a name ("E" in "Kim E-bae")."""
    return doc[j].is_alpha and doc[j].is_title and len(doc[j]) <= 5 and not doc[j - 1].whitespace_ == "" \
        and _joined(doc, j + 1, start, end, shouting)


_ARTICLES = ("a", "an", "the")


def _body_end(doc: Doc, i: int, j: int, cfg: dict) -> tuple[int, int]:
    """Where a name ends: before a designation and its number ("JAL Flight 516"); for a body, at its head
    when names follow it directly ("Japan Coast Guard Dash-8": the aircraft is not the body); a name going
    on through "of" ("Ministry of Defence") is whole. Returns the name's end and where the next run may
    start: after a designation, which is nobody; at what follows a body, which may be a person ("Security
    Council Chairman Ilka Varnes")."""
    stop = j
    if j - i > 1 and j < len(doc) and doc[j].like_num and doc[j - 1].pos_ == "PROPN":
        j -= 1  # "JAL Flight 516": a designation and its number ("Flight 516") follow the name
    heads = set(cfg["organisations"])
    last = max((k for k in range(i, j) if doc[k].text in heads), default=None)
    if last is None or last == j - 1 or any(t.is_lower for t in doc[last + 1:j]) \
            or doc[last + 1].lower_.rstrip(".") in aliases.words().titles:
        return j, stop  # "Security Council Chairman Ilka Varnes": a title's body, read with the title
    return last + 1, last + 1


def proper_noun_runs(doc: Doc) -> list[Span]:
    """Maximal runs of proper nouns within a line, titles stripped, each labelled by what its words and
    context say: PERSON ("Captain John Doe", "Keith Kellogg"), ORG ("Committee of the Red Cross"), LOC
    ("Bryansk Oblast", "held in Geneva"), OUTLET ("Moscow Times"), or "" for a lone unknown word."""
    cfg = rules.cues()["actors"]
    connectors = sorted((c.split() for c in cfg["connectors"]), key=len, reverse=True)
    w = aliases.words()
    # A time zone ("0809 GMT", "1339 IST") is nobody.
    not_actors = set(cfg.get("not_actors", [])) | {z for z in rules.cues()["numbers"]["time"]["zones"] if z.isupper()}
    unnamed = headline_capitals(doc, doc_text(doc))
    runs: list[Span] = []
    looks_personal: list[int] = []  # runs called persons only for looking like "Jane Doe"
    for sent in doc.sents:
        shouting = _shouting(sent)
        i = sent.start
        while i < sent.end:
            if not _is_name(doc[i], shouting) or i in unnamed:
                i += 1
                continue
            j = i
            while j < sent.end and j not in unnamed and (
                    _is_name(doc[j], shouting) or j > i and _given_syllable(doc, j, i, sent.end, shouting)):
                j += 1
                if "\n" in doc[j - 1].whitespace_:
                    break
                if _joined(doc, j, i, sent.end, shouting):
                    j += 2
                    if _is_name(doc[j - 1], shouting) or "\n" in doc[j - 1].whitespace_:
                        continue
                    break
                # "International Committee of the Red Cross": a body's name goes on across "of the".
                if j < sent.end and aliases.kind_of_words([t.text for t in doc[i:j]]) == "body":
                    k = _connector_end(doc, j, connectors, sent.end)
                    if k is not None:
                        j = k
            if doc[i].lower_ in _ARTICLES and j - i > 1:
                i += 1  # "A Japan Airlines jet": a sentence's first word, not the name's
            j, stop = _body_end(doc, i, j, cfg)
            tokens = [t.text for t in doc[i:j]]
            rest, titled = aliases.split_title(tokens)
            start = j - len(rest)
            kind = None if titled else aliases.kind_of_words(tokens)
            titled = titled or (kind is None and _title_before(doc, i))
            if j - start == 1 and (doc[start].lower_.rstrip(".") in w.titles | w.modifiers
                                   or doc[start].text in not_actors):
                i = stop  # a title alone ("Capt" before "."), or a thing's acronym ("DNA"): not a name
                continue
            span = Span(doc, start, j)
            name = doc[start:j]
            if kind is not None:
                label = _LABELS[kind]
            elif titled or _aged(doc, j):
                label = "PERSON"
            elif _in_place_context(span, cfg) or _after_locative(span, cfg):
                label = "LOC"
            elif _person_like(name.text):
                label = "PERSON"
                looks_personal.append(len(runs))
            else:
                label = ""
            runs.append(Span(doc, start, j, label=label))
            i = stop  # past what was cut off the name too: "Flight" in "JAL Flight 516" is nobody
    # "Abu Dhabi" or "Saudi Arabia" looks like a person's name; one mention "in Abu Dhabi" shows the
    # article means a place by it everywhere.
    places = {s.text for s in runs if s.label_ == "LOC"}
    for k in looks_personal:
        if runs[k].text in places:
            runs[k] = Span(doc, runs[k].start, runs[k].end, label="LOC")
    return runs


def _after_locative(span: Span, cfg: dict) -> bool:
    """"a court in New York": the object of a preposition of place."""
    tok = span.root
    return tok.dep_ == "pobj" and tok.head.lower_ in cfg["locative_prepositions"]


_OPEN, _CLOSE = re.compile(r"\s*[(\[]\s*$"), re.compile(r"^\s*[)\]]")


def defined_acronyms(found: list[dict], text: str) -> dict[str, str]:
    """Acronyms the article spells out beside a name, whatever its initials: "National Intelligence
    Organisation (MIT)" or "MIT (National Intelligence Organisation)". acronym key -> the name."""
    out: dict[str, str] = {}
    for a, b in zip(found, found[1:], strict=False):
        for name, short in ((a, b), (b, a)):
            inner = short is b
            gap = text[a["end"]:b["start"]]
            if not (_OPEN.match(gap) and _CLOSE.match(text[b["end"]:b["end"] + 3])):
                continue
            if aliases.is_acronym(short["text"]) and name["type"] != "person" and len(name["name"].split()) > 1 \
                    and (inner or not aliases.is_acronym(name["text"])):
                out.setdefault(aliases.acronym_key(short["text"]), name["name"])
    return out


def find_actors(doc: Doc, matcher: PhraseMatcher) -> list[dict]:
    """Alias-table and proper-noun mentions, non-overlapping, each resolved to a canonical actor."""
    # Alias-table spellings first, longest first ("Vladimir Medinsky" over a nested "Medinsky"), so a
    # sloppy run such as "the Russian delegation Vladimir Medinsky" cannot swallow a known name; but a
    # run holding a body's, place's or outlet's word is one name around a nested alias ("Kyiv Oblast",
    # "Armed Forces of Ukraine").
    aliased = [Span(doc, s, e, label="ALIAS") for _, s, e in matcher(doc)]
    entities = proper_noun_runs(doc)
    headed = [s for s in entities if s.label_ != "PERSON" and aliases.kind_of_words([t.text for t in s])]
    rest = [s for s in entities if s not in headed]

    def by_length(spans: list[Span]) -> list[Span]:
        return sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start_char))

    taken: set[int] = set()
    chosen: list[Span] = []
    for span in by_length(headed + aliased) + by_length(rest):
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    chosen.sort(key=lambda s: s.start_char)

    found: list[dict] = []
    text_of_doc = doc_text(doc)
    cfg = rules.cues()["actors"]
    for span in chosen:
        # Where something happened: a place or unknown name after "held at", "talks in".
        venue = span.label_ in ("LOC", "ALIAS", "") and _in_place_context(span, cfg, "venue_heads")
        occasion = _occasion(span, cfg) if span.label_ != "PERSON" else None
        text = aliases.strip_possessive(span.text)
        # "Zelensky-Putin summit": two actors in one hyphenated entity.
        parts = [text] if "-" not in text else text.split("-")
        if len(parts) > 1 and not all(aliases.table().by_alias.get(aliases._key(p)) for p in parts):
            parts = [text]
        offset = span.start_char
        for part in parts:
            at = text_of_doc.find(part, offset)
            actor = aliases.resolve(part, span.label_ if span.label_ not in ("ALIAS", "") else None)
            if actor.type is None and span.label_ == "ALIAS":
                continue
            found.append({"start": at, "end": at + len(part), "text": part, "name": actor.name,
                          "type": actor.type, "party": actor.party, "label": span.label_,
                          "venue": venue and actor.type in (None, "place", "state"),
                          "occasion": occasion if actor.type in ("place", "state") else None})
            offset = at + len(part)
        if len(parts) == 1 and found and (surname := _kin_surname(span, found[:-1], cfg)) is not None:
            found[-1].update(name=f"{found[-1]['text']} {surname}", type="person")
    # "Doe", "Hakan", "ICRC": a bare name stands for the one full name the article gives it.
    links = aliases.link_article(((a["name"], a["type"], a["text"]) for a in found),
                                 defined_acronyms(found, text_of_doc))
    full = {a["name"]: a for a in found}
    for actor in found:
        if actor["name"] in links:
            target = full[links[actor["name"]]]
            actor.update(name=target["name"], type=target["type"], party=target["party"])
        elif (target := _introduced_before(actor, found)) is not None:
            actor.update(name=target["name"], type=target["type"], party=target["party"])
    return found


def _kin_surname(span: Span, before: list[dict], cfg: dict) -> str | None:
    """"Babak Namazi said his brother Siamak", "Whelan's sister Elizabeth": a bare given name beside a kin
    word (`surname_kin`: kin who share a surname) is that person's, with the surname of whose kin they
    are: the named possessor, or for "his"/"her" the last person the same sentence names before."""
    tok = span.root
    if len(span) != 1 or span.label_ not in ("", "PERSON") or tok.dep_ != "appos" \
            or tok.head.lemma_.lower() not in cfg["surname_kin"]:
        return None
    owner = next((c for c in tok.head.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.tag_ == "PRP$":
        people = [a for a in before if a["type"] == "person" and a["start"] >= span.sent.start_char]
    else:
        people = [a for a in before if a["type"] == "person" and a["start"] <= owner.idx < a["end"]]
    name = people[-1]["name"].split() if people else []
    return name[-1] if len(name) > 1 else None


def _introduced_before(actor: dict, found: list[dict]) -> dict | None:
    """A bare name two full names share ("Reed" for Trevor and for Paula Reed) stands for the one the
    article had introduced when it used it: news names a second namesake in full."""
    if len(actor["name"].split()) != 1 or actor["type"] not in (None, "person") or aliases.is_acronym(actor["name"]):
        return None
    (key,) = aliases.name_parts(actor["name"])
    earlier = {a["name"]: a for a in found if a["start"] < actor["start"] and a["type"] == "person"
               and len(a["name"].split()) > 1 and key in aliases.name_parts(a["name"])}
    return next(iter(earlier.values())) if len(earlier) == 1 else None


class ActorFinder:
    """Adds `doc._.actors`: [{start, end, text, name, type, party, label}] for every actor mention."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = list(aliases.table().forms)
        self.matcher.add("ALIAS", list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, self.matcher)
        return doc


@Language.factory("claims_actors")
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)
