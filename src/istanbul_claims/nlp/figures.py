"""Figures: numbers with bounds, ranges and reciprocity, and what they count, in whose proposal."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Collection
from dataclasses import asdict
from functools import cache

from rapidfuzz import fuzz, process, utils
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import aliases, numbers, rules
from ..models import SHARE, UNKNOWN_FRAME
from . import scope
from .people import PERSON_PRONOUNS, is_place, last_person, people_in, person_named, who
from .util import ancestors, doc_text, governing_verb, lemma, lemmas, of_object, speech_verbs

TIME_UNITS = {"day", "week", "month", "hour", "minute", "year"}
# Units that measure something rather than count it: the figure is about the noun it measures.
MEASURE_UNITS = TIME_UNITS | {"second", "decade", "century", "time", "percent", "percentage_point", "centimetre",
                              "metre", "meter", "foot", "feet", "kilometre", "kilometer", "km", "mile",
                              "nautical_mile", "kilogram", "tonne", "ton", "kmh", "mph", "knot", "degree"}
# Words for a day: a number in apposition to one ("on the Sunday, 303") does not count it.
_DATE_WORDS = frozenset(d.lower() for d in [*calendar.day_name, *calendar.month_name[1:]]) | {"day", "today", "yesterday"}
# Dependencies that attach a modifier which narrows what a noun counts ("crew members", "French nationals").
_MODIFIER_DEPS = {"amod", "compound", "nmod"}
# A bare number whose head is one of these is a value, not a count of the noun ("the toll stood at 179").
_COPULAS = {"be", "stand", "reach", "rise", "climb", "total", "number", "hit", "put"}


@cache
def _lexicons() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    cfg = rules.topics()
    synonyms = {w: name for name, words in cfg["synonyms"].items() for w in words}
    frames = {w: name for name, words in cfg["frames"].items() for w in words}
    return synonyms, frames, frozenset(cfg["slot"]["transparent"])


@cache
def _count_frames() -> dict[str, str]:
    """Frames for a count: a frame only a measure has ("307 servicemen went each way" is no duration)
    gives its words back to the frames a count may have ("took 300 prisoners")."""
    cfg = rules.topics()
    measure = set(cfg["slot"]["measure_frames"])
    return {w: name for name, words in cfg["frames"].items() if name not in measure for w in words}


@cache
def _slot_words() -> dict[str, frozenset[str]]:
    cfg = rules.topics()["slot"]
    return {k: frozenset(v) for k, v in cfg.items() if isinstance(v, list)}


# A noun the synonym table lacks still joins its entry when it is a near spelling of one ("servicemen",
# "POWs", "cease-fires"); ratio, not token_set_ratio, so "part" never matches "party".
SUBJECT_CUTOFF = 90.0


def subject_word(word: str) -> str | None:
    """The synonym-table entry a word belongs to, by spelling or near spelling; None for other words."""
    synonyms, _, _ = _lexicons()
    if word in synonyms:
        return synonyms[word]
    match = process.extractOne(word, list(synonyms), scorer=fuzz.ratio, processor=utils.default_process,
                               score_cutoff=SUBJECT_CUTOFF)
    return synonyms[match[0]] if match else None


def normal_noun(token: Token) -> str | None:
    """A noun's canonical word: its synonym-table entry, else its own lemma (an unknown noun still
    counts something); None for pronouns, numbers and names of calendar or time units."""
    if token.pos_ not in ("NOUN", "PROPN") or token.like_num:
        return None
    word = lemma(token)
    return subject_word(word) or subject_word(token.lower_) or word


def modifiers(noun: Token) -> tuple[str, ...]:
    """The words that narrow what `noun` counts ("crew members" -> crew; "French nationals" -> french),
    without those that only describe ("a total of", "some") or are numbers, names of sides or ages."""
    descriptive = _slot_words()["descriptive"]
    out = set()
    for child in noun.children:
        if child.dep_ not in _MODIFIER_DEPS or child.like_num or child.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
            continue
        word = lemma(child)
        if word in descriptive or word in TIME_UNITS or word in ("old", "-"):
            continue
        # A noun's near spellings may be a synonym's ("POWs"); a verb's are not ("remaining" is no "remains").
        out.add(subject_word(word) or word if child.pos_ in ("NOUN", "PROPN") else word)
    # "a one-on-one meeting", "closed-door talks": a hyphenated phrase of words narrows like an adjective
    # ("a 10-day truce" is a measure, "a 1,000-for-1,000 swap" a figure of its own).
    for child in noun.lefts:
        words = [t for t in child.subtree if t.i < noun.i]
        if len(words) >= 3 and any(t.tag_ == "HYPH" for t in words) \
                and not any(t.text[0].isdigit() or lemma(t) in TIME_UNITS or t.lower_ == "old" for t in words) \
                and any(t.is_alpha and not t.like_num and t.lower_ not in ("and", "a") for t in words):
            out.add("".join(t.lower_ for t in words))
    # "five seats in Scotland": the named place after the noun narrows it too.
    places = set(_named_places_in(noun, after=True))
    # "45 people with Spanish surnames": what they have says which of them.
    having = {normal_noun(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > noun.i
              for g in c.children if g.dep_ == "pobj" and normal_noun(g)}
    return tuple(sorted(out | _state(noun) | places | having))


def _antecedent_modifiers(noun: Token) -> tuple[str, ...]:
    """"Medinsky and Umerov held a one-on-one meeting ... the meeting lasted two and a half hours": a
    definite noun with no modifier of its own is the one last named with that noun, in its sentence or
    the one before, and is narrowed as that was."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return ()
    doc, sent = noun.doc, noun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[start:noun.i]):
        if token.pos_ == "NOUN" and lemma(token) == lemma(noun):
            return modifiers(token)
    return ()


def _state(noun: Token) -> set[str]:
    """A state its verb gives the counted subject ("five victims remained unidentified", "12 are still
    missing") narrows it like an adjective; one a frame names ("were confirmed dead") is its frame."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    frames = _lexicons()[1]
    return {lemma(c) for c in noun.head.children if c.dep_ in ("acomp", "oprd") and c.pos_ in ("ADJ", "VERB")
            and lemma(c) not in frames and lemma(c) not in _slot_words()["descriptive"]}


def counted_noun(num: Token) -> Token | None:
    """The noun a number counts: its head noun, looking through 'names of', 'the 181 people'. A number
    that heads a noun directly ("two groups of detainees") counts that noun, whatever follows its 'of'."""
    _, _, transparent = _lexicons()
    if num.dep_ == "appos" and num.head.lower_ in _DATE_WORDS:
        return None  # "on the Sunday, 303": a number beside a day counts nothing of the day
    if num.dep_ == "appos" and num.head.dep_ == "pobj" and num.head.head.head.pos_ in ("NOUN", "PROPN") \
            and any(c.lower_ in ("each", "either", "every") for c in num.head.children):
        # "1,000 people on each side, probably 1,200": a second guess at the count, not a count of sides.
        return num.head.head.head
    noun = num if num.pos_ in ("NOUN", "PROPN") and num.like_num is False else None
    if noun is None and num.dep_ == "conj" and num.head.pos_ in ("NOUN", "PROPN"):
        # "the ten foreigners and the 56 sent to Russia": a noun the number is conjoined with is another
        # group, not what it counts.
        return of_object(num)
    head = num
    for _ in range(3):
        if noun is not None:
            break
        if head.head == head:
            break
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            if not any(c.isdigit() for c in head.text):
                noun = head  # "for-1,000" in "a 1,000-for-1,000 prisoner exchange" is the figure, not its noun
        elif head.pos_ not in ("NUM", "ADP", "PUNCT", "SYM", "X", "ADJ", "ADV"):
            break
    if noun is None:
        # "179 of the 181 people": a bare number counts what its 'of' names.
        noun = of_object(num)
    if noun is not None and lemma(noun) in transparent:
        inner = of_object(noun)
        if inner is not None:
            noun = inner
    return noun


def _what_moves(noun: Token) -> Token:
    """An exchange or a handover counts what it moves: "the exchange of bodies on a 6,000 for 6,000
    basis" counts bodies, "the 1,000 for 1,000 POW swap" prisoners."""
    _, frames, _ = _lexicons()
    if frames.get(lemma(noun)) != "transfer":
        return noun
    inner = of_object(noun)
    inner = inner or next((c for c in noun.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
                           and not any(ch.isdigit() for ch in c.text)), None)
    return inner or noun


def _moved_by_clause(num: Token) -> Token | None:
    """What the verbs above a formula move: the object or passive subject of the nearest verb with one,
    else a noun its clause's head verb takes through a preposition ("agreed on the bodies ... to be
    returned"), a container read through ("the bodies of soldiers" counts bodies)."""
    verbs = [t for t in ancestors(num, limit=4) if t.pos_ in ("VERB", "AUX")]
    for deps in (("nsubjpass", "dobj"), ("pobj",)):
        for verb in verbs:
            kids = list(verb.children) if deps[0] != "pobj" else [g for c in verb.children if c.dep_ == "prep"
                                                                   for g in c.children]
            noun = next((c for c in kids if c.dep_ in deps and c.pos_ == "NOUN" and c.i < num.i), None)
            if noun is not None:
                return noun
    return None


def _is_part(noun: Token) -> bool:
    """A counted noun conjoined with another counted noun, or listed after 'including'/'among', is a part
    of a total the sentence may state elsewhere."""
    words = _slot_words()["part_preps"]
    if noun.dep_ == "pobj" and noun.head.lower_ in words:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "prep" and c.lower_ in words and c.i > noun.i
                                                    for c in noun.head.children):
        return True  # "the remains of all three soldiers were among those recovered"
    siblings = [*noun.conjuncts]
    if siblings and all(sib.i > noun.i for sib in siblings) and (own := _count_of(noun)) is not None \
            and own == sum(_count_of(sib) or 0 for sib in siblings):
        return False  # "the 21 crew members, 20 Indians and one Sri Lankan": the whole, then its parts
    return any(any(c.dep_ == "nummod" or c.like_num for c in sib.children) or sib.like_num for sib in siblings)


def _count_of(noun: Token) -> float | None:
    """The number counting a noun ("21 crew members": 21), if one does."""
    num = next((c for c in noun.children if c.dep_ == "nummod"), None)
    return numbers.number_value(num.text) if num is not None else None


# Tokens before a figure in which a sum word marks it ("in all, it is 1,000 people").
SUMMED_REACH = 6


def _summed(span: Span) -> bool:
    """A figure the text marks as a sum over parts: a sum word just before it in its clause, or right after
    it ("1,200 in all")."""
    doc = span.doc
    lo = max(span.sent.start, span.start - SUMMED_REACH)
    before = doc[lo:span.start]
    stops = [t.i for t in before if t.text in (";", ":") or t.like_num]
    before = doc[max([lo, *(i + 1 for i in stops)]):span.start]
    after = doc[span.end:min(span.sent.end, span.end + 2)]
    words = _slot_words()["summed"]
    if any(re.search(rf"\b{re.escape(w)}\b", text.lower()) for text in (before.text, after.text) for w in words):
        return True
    # "more than 60 prisoners are involved in total": a sum word on the count's own verb.
    verb = governing_verb(doc[span.end - 1])
    return verb is not None and any(
        c.lower_ in words or c.dep_ == "prep" and any(f"{c.lower_} {g.lower_}" in words for g in c.children)
        for c in verb.children if c.dep_ in ("advmod", "prep") and c.i > span.end - 1)


def _whole_before_parts(span: Span) -> bool:
    """"The count was 270 dead: 241 people from the aircraft and 29 on the ground": a total the sentence
    then splits into parts after a colon, the parts summing to it. Compared only with such wholes, since a
    count of one part ("241 were killed") is no dispute of it."""
    sent = span.sent
    colon = next((t for t in span.doc[span.end:sent.end] if t.text in (":", "\u2014")), None)
    if colon is None:
        return False
    own = numbers.find_figures(span.text)
    parts = [f for f in numbers.find_figures(span.doc[colon.i + 1:sent.end].text) if f.min is not None and f.min == f.max]
    return bool(own) and own[0].min is not None and len(parts) >= 2 and sum(f.min for f in parts) == own[0].min


def _snapshot(num: Token) -> bool:
    """A count of how things stand at one moment ("127 people are still trapped", "are currently
    missing"): a snapshot word (`[slot] snapshot`) on the count's own verb, or a running tally a level
    verb brings to it ("the death toll rose to 137", "climbed to 288 by Saturday") or a state a change
    brings a thing to ("weakened to Category 2")."""
    words = _slot_words()
    # "the toll had reached 151, including 19 foreigners": a part listed under a tally is of that tally.
    verb = next((t for t in ancestors(num) if t.pos_ in ("VERB", "AUX") and t.lower_ not in words["part_preps"]), None)
    if verb is None:
        return False
    # What the verb brings the tally to: the number as its object ("reached 151"), in its "to" or "at"
    # ("rose to 137"), or a part in its "including" ("reached 151, including 19 foreigners"); "reached
    # an agreement on the 1,000 for 1,000 swap" is no tally.
    noun = num.head if num.dep_ == "nummod" else num
    tally = (lemma(verb) in words["level_verbs"] or lemma(verb) in words["change_verbs"]) and (
        noun.dep_ in ("dobj", "attr") and noun.head == verb
        or noun.dep_ == "pobj" and noun.head.head == verb and noun.head.lower_ in ("to", "at", *words["part_preps"]))
    # "has since counted 243 aftershocks", "has recorded 78 aftershocks since the main shock": so far.
    so_far = any(c.lower_ == "since" for c in verb.children) and any(
        c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    # "912 people have died", "at least 55 people have died": a toll in the present perfect is the toll
    # so far, which rises by the hour.
    so_far = so_far or _lexicons()[1].get(lemma(verb)) in words["toll_frames"] and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return tally or so_far or lemma(verb) in words["state_verbs"] \
        or any(c.dep_ == "advmod" and c.lower_ in words["snapshot"] for c in verb.children)


def _rate(num: Token, counted: Token | None, unit: str | None) -> str | None:
    """The unit of time a count is per ("200 trucks a day", "130,000 litres of diesel daily", "per hour",
    "sends 50 every day"): a rate word or a unit after `rate_determiners` in the counted noun's phrase
    (not a coordinated one's) or on its verb. "A day after the crash" is when, not per; a duration
    ("lasted an hour") is no rate."""
    if unit in MEASURE_UNITS:
        return None
    words, adverbs = _slot_words(), rules.topics()["slot"]["rate_adverbs"]
    units, dets = words["rate_units"], words["rate_determiners"]
    noun = counted if counted is not None else num
    others = {t.i for c in noun.children if c.dep_ in ("conj", "appos") for t in c.subtree}
    verb = governing_verb(num)
    near = [t for t in noun.subtree if t.i not in others]
    near += [t for c in verb.children for t in [c, *c.children]] if verb is not None else []
    for token in near:
        if token.lower_ in adverbs:
            return adverbs[token.lower_]
        if lemma(token) not in units:
            continue
        if token.dep_ == "npadvmod" and any(c.dep_ == "det" and c.lower_ in dets for c in token.children) \
                and not any(c.dep_ in ("prep", "advmod") for c in token.children):
            return lemma(token)
        if token.dep_ == "pobj" and token.head.lower_ == "per":
            return lemma(token)
    return None


def _ages_of_a_group(span: Span) -> bool:
    """"all young soldiers between 18 and 25", "prisoners under 25": a bound or range of at most a
    lifetime straight after a plural noun of people says their ages (a count comes before its noun)."""
    if span.start == 0 or span[0].lower_ not in _slot_words()["group_age_preps"]:
        return False
    before = span.doc[span.start - 1]
    numbers_in = [numbers.number_value(t.text) for t in span if t.like_num]
    return before.tag_ == "NNS" and normal_noun(before) in _people_class() \
        and bool(numbers_in) and all(n is not None and 0 < n <= MAX_AGE for n in numbers_in)


def _group_aged(span: Span) -> list[str]:
    """["child"] for the ages of children ("eight children under two"), so they never compare with the
    ages of grown-ups ("the dead were aged between 27 and 56"); [] for any other group, whose nouns vary
    from report to report for one group ("soldiers aged 18 to 25", "military personnel between the ages
    of 18 and 25", "those under the age of 25")."""
    doc, k = span.doc, span.start - 1
    if k >= 0 and doc[k].lower_ in ("aged", "age", "ages"):
        k -= 1
    return ["child"] if k >= 0 and doc[k].tag_ == "NNS" and normal_noun(doc[k]) == "child" else []


@cache
def _people_class() -> frozenset[str]:
    return frozenset(rules.topics()["classes"]["people"])




# The oldest age a bound after a noun of people is read as ("prisoners under 25", not "soldiers over 500").
MAX_AGE = 120


def _is_age(span: Span) -> bool:
    window = span.doc[max(span.sent.start, span.start - 3):span.end]
    lower = span.text.lower()
    return any(t.lower_ in ("aged", "age", "ages") for t in window) or "years old" in lower or "year-old" in lower \
        or "years-old" in lower


def _appositive_age(num: Token) -> str | None:
    """ "Lee, 32, was rescued": a bare number set off after a name is that person's age; the name."""
    head = num.head
    if num.pos_ != "NUM" or num.dep_ not in ("appos", "npadvmod", "amod", "nummod") or head.pos_ != "PROPN" \
            or num.i != head.i + 2 or num.doc[head.i + 1].text != ",":
        return None
    value = num.like_num and num.text.isdigit() and 0 < int(num.text) < 120
    names = [t for t in head.subtree if t.pos_ == "PROPN" and t.i < num.i]
    if not value or not names:
        return None
    # The person the name's words make ("Journalist Jan Kovar, 29" is Jan Kovar's), else the words.
    people = people_in(names[0], names[-1])
    return (next(iter(people)) if len(people) == 1 else " ".join(t.text for t in names)).lower()


def _what_money(span: Span) -> tuple[str, list[str]]:
    """What an amount of money is: the noun after its "of" ("$6 billion of its oil money"), the noun it
    modifies ("a $1.7 billion settlement"), else money itself ("the full $6bn has reached Qatar"); and
    that noun's narrowing modifiers."""
    head = span.root
    of = of_object(head)
    if of is not None and of.pos_ == "NOUN":
        noun = of
    elif head.dep_ in ("compound", "nummod", "amod", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        noun = head.head
    else:
        return "money", []
    return normal_noun(noun) or "money", list(modifiers(noun))


def _someone_is(num: Token) -> Token | None:
    """The subject of "is 40" when it names a person: a name, "he" or "she", a role ("the captain")."""
    verb = num.head
    if num.dep_ not in ("attr", "acomp") or lemma(verb) != "be" or not num.text.isdigit() or not 0 < int(num.text) < 120:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    person = subject.pos_ == "PROPN" and bool(person_named(subject)) or subject.lower_ in PERSON_PRONOUNS \
        or subject.lower_ in aliases.words().titles
    return subject if person else None



def _age_owner(span: Span, num: Token) -> str | None:
    """Whose age: the proper name of the person the age describes, when the sentence names one."""
    noun = next((t for t in [num, *ancestors(num, limit=4)] if t.pos_ in ("NOUN", "PROPN")
                 and lemma(t) not in TIME_UNITS and t.lower_ not in ("age", "ages")), None)
    old = next((t for t in ancestors(num, limit=2) if t.lower_ == "old"), None)
    if noun is None and old is not None and old.dep_ in _NOMINAL_DEPS \
            and any(c.lower_ == "the" for c in old.children):
        # "the 55-year-old has spent 14 years behind bars": a person the text has just named.
        return last_person(old).lower() or None
    if noun is None:
        return None
    # "Fogel's 95-year-old mother, Malphine": the age is the mother's, not the possessor's.
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    owned = set(possessor.subtree) if possessor is not None else set()
    phrase = [t for t in noun.subtree if t not in owned]

    def named(t: Token) -> bool:
        # "an 18-year-old Syrian" names nobody: a people's word after an article is no name.
        people = t.text in rules.actors().get("adjectives", {}) or (
            _DEMONYM_END.search(t.text) is not None and any(c.lower_ in ("a", "an") for c in t.children))
        return t.pos_ == "PROPN" and demonym(t) is None and not people

    if not any(named(t) for t in phrase) and noun.dep_ == "appos":
        phrase = list(noun.head.subtree)  # "Mohammed, an 18-year-old Syrian"
    # "Reed, the 30-year-old from Granbury, Texas": the person among the names, not the places.
    people = people_in(phrase[0], phrase[-1])
    if not people and noun.dep_ == "appos":
        # "Saman Kunan, a 38-year-old former Navy SEAL diver": the person the appositive describes, not
        # a body named inside it.
        named_head = [t for t in noun.head.subtree if t.i <= noun.head.i]
        people = people_in(named_head[0], named_head[-1])
    if len(people) == 1:
        return next(iter(people)).lower()
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if noun.dep_ == "attr" and noun.head.lemma_ == "be" and num.i < noun.i else None
    if subject is not None and not people:
        # "He is a 30-year-old Marine veteran from Granbury": whom the sentence is about.
        return person_named(subject).lower() or None
    names = [t.text for t in phrase if named(t) and not is_place(t)]
    if names:
        return " ".join(names).lower()
    if possessor is not None:
        return f"{possessor.text}'s {noun.lower_}".lower()  # "Fogel's 95-year-old mother"
    between = list(ancestors(num, limit=4))
    between = between[:next((k for k, t in enumerate(between) if t.i == noun.i), len(between))]
    if any(c.lower_ == "the" for c in noun.children) and noun.dep_ in _NOMINAL_DEPS \
            and not any(t.pos_ == "ADP" for t in between):
        # "The 51-year-old pilot told reporters": the person the text has just named (not "the return
        # of persons under the age of 25").
        return last_person(noun).lower() or None
    return None


_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
# "eight kilometres short of the airport", "250 metres beyond the end of the runway", "3 km north of".
_DISTANCE_PREPS = {"from", "beyond", "outside", "past", "off"}
_DISTANCE_BEFORE_OF = {"short", "north", "south", "east", "west", "ahead", "clear"}


def _direction(word: str) -> bool:
    """"north", "south-west", "southwest": a word that with "of" says where from."""
    return word.split("-")[-1] in _DISTANCE_BEFORE_OF or any(
        word.startswith(a) and word[len(a):] in _DISTANCE_BEFORE_OF for a in ("north", "south"))


def _distance(span: Span) -> tuple[str, list[str]] | None:
    """A length measured from somewhere is that distance ("distance from airport"), narrowed by what is
    that far when the sentence says ("the jet stopped 250 metres from the end": ["aircraft"])."""
    doc = span.doc
    i = span.end
    away = i < len(doc) and doc[i].lower_ == "away"
    i += away
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _DISTANCE_BEFORE_OF:
        i += 2  # "south-west of", split by the tokenizer
    if i + 1 < len(doc) and _direction(doc[i].lower_) and doc[i + 1].lower_ == "of":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _DISTANCE_PREPS | {"of"} or (doc[i].lower_ == "of" and i == span.end):
        # "the patrol boat was about 70 metres away": a distance from somewhere unsaid, never a size.
        return ("distance from somewhere", []) if away else None
    place = next((c for c in doc[i].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if place is None:
        return None
    named = of_object(place) if place.pos_ == "NOUN" else None
    place = named if named is not None and named.pos_ == "PROPN" else place  # "the town of Pylos"
    where = normal_noun(place) if place.pos_ == "NOUN" else place.lower_
    # What is that far: the subject of a verb of where something is or ended up ("the jet came down",
    # "the localiser stood"), not of "rescuers searched".
    verb = governing_verb(span.root)
    placed = verb is not None and (lemma(verb) in _slot_words()["position_verbs"] or lemma(verb) in _COPULAS)
    thing = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "ADJ")),
                 None) if placed else None
    return f"distance from {where}", [normal_noun(thing) or thing.lower_] if thing is not None else []


def _prison_term(num: Token, counted: Token | None) -> str | None:
    """Whose prison term a duration is ("Doe was sentenced to 16 years", "a court sentenced him to 16
    years", "Roe, serving a 25-year sentence"): the person's name, "" when it is a term of nobody the
    sentence names (a term, never compared), None when the duration is no prison term."""
    words = _slot_words()
    head = counted if counted is not None else num
    if any(g.dep_ == "pobj" and lemma(g) in words["term_nouns"] for c in head.children if c.lower_ == "of"
           for g in c.children):
        return ""  # "almost 12 years of a 20-year term": time served, a part of the term, never compared
    chain = [head, *ancestors(head, limit=4)]
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    noun = next((t for t in chain if t.pos_ == "NOUN" and lemma(t) in words["term_nouns"]), None)
    if verb is not None and lemma(verb) in words["term_verbs"]:
        if lemma(verb) == "give" and any(c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"
                                         for c in (*verb.children, *head.children)):
            return None  # "given two years to finish": time allowed, not a term
        # "sentenced him to", "gave him a 25-year sentence", "she was jailed for".
        person = who(verb, ("nsubjpass", "dative", "dobj"), besides=head)
    elif verb is not None and lemma(verb) in words["serve_verbs"] and head.dep_ == "dobj" and head.head.i == verb.i:
        person = who(verb, ("nsubj", "nsubjpass"))  # "Doe is serving 16 years"
    elif noun is not None:
        # "Roe, who is serving a 25-year sentence", "his 16-year sentence": the owner or the server.
        person = next((c for c in noun.children if c.dep_ == "poss"), None)
        if person is None and noun.head.pos_ in ("VERB", "AUX"):
            # "a court handed him a nine-year term": the one it was handed to, else who has or serves it.
            person = next((c for c in noun.head.children if c.dep_ == "dative"), None) \
                or who(noun.head, ("nsubj", "nsubjpass"))
        elif person is None and (serving := next((t for t in ancestors(noun, limit=4) if t.pos_ == "VERB"), None)) \
                is not None and lemma(serving) in words["serve_verbs"]:
            person = who(serving, ("nsubj", "nsubjpass"))  # "who had served 12 years of a 20-year term"
    else:
        return None
    return person_named(person) if person is not None else ""


def _is_state(token: Token) -> bool:
    return any(a["start"] <= token.idx < a["end"] and a["type"] == "state" for a in token.doc._.actors or [])


def _custody(span: Span, num: Token, counted: Token | None) -> tuple[str, list[str]] | None:
    """Time a person was held ("she spent 297 days in Russian detention", "bringing to an end 294 days in
    custody"): (whose, the modifiers narrowing where: "russian"), None for other durations. Whose is the
    subject of spending it, else the one person named just before; "" when that is not clear."""
    doc = span.doc
    words = _slot_words()
    prep = doc[span.end] if span.end < len(doc) else None
    where = next((c for c in prep.children if c.dep_ == "pobj"), None) \
        if prep is not None and prep.lower_ in ("in", "behind") else None
    verb = next((t for t in ancestors(counted if counted is not None else num) if t.pos_ in ("VERB", "AUX")), None)
    head = counted if counted is not None else num
    if (where is None or lemma(where) not in words["custody_nouns"]) and verb is not None \
            and lemma(verb) in words["held_verbs"] and head.dep_ == "pobj" and head.head.lower_ == "for":
        # "He had been held for nearly eight years", "jailed for almost eight years".
        person = who(verb, ("nsubjpass",))
        return (person_named(person) if person is not None else last_person(num)), []
    if where is None or lemma(where) not in words["custody_nouns"]:
        return None
    # Where, as a country when the words name one: "Russian custody" and "behind bars in Russia"; a
    # prison's own name ("Evin prison") is no narrower than the country it is in.
    countries = rules.actors().get("adjectives", {})
    places = [c for c in where.children if c.dep_ in ("amod", "compound")] + [
        g for c in where.children if c.lower_ == "in" for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    mods = sorted({countries.get(t.text, t.text).lower() if t.pos_ in ("ADJ", "PROPN") else lemma(t) for t in places
                   if t.pos_ != "PROPN" or t.text in countries or _is_state(t) or _DEMONYM_END.search(t.text)})
    if verb is None or lemma(verb) not in words["custody_verbs"]:
        return None
    person = who(verb, ("nsubj", "nsubjpass"))
    if person is not None and (person.pos_ == "PROPN" or person.lower_ in PERSON_PRONOUNS):
        return person_named(person), mods
    return last_person(num), mods


def _time_of(num: Token) -> list[str]:
    """Which of several a time of day is of, when its verb's subject is an adjective standing for one of
    them: ["strongest"] for "the strongest came at 8:11" (an aftershock, not the quake of 7:58). Whoever
    else the subject is ("the ship", "the Dali", "the delegations", "Fidan") the frame tells the
    happening."""
    subject = _clause_subject(num)
    return [lemma(subject)] if subject is not None and subject.pos_ == "ADJ" else []


def _clause_subject(num: Token) -> Token | None:
    """The subject of the verb a figure's clause hangs on."""
    verb = governing_verb(num)
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None


def _named_agent(num: Token) -> str | None:
    """The name a time's verb has for its subject ("the Antonov touched down at 1:28"): two named things
    landing at two times are two happenings ("a Tu-204 touched down at 10:30"); "the plane" names none,
    and "the Boeing 787-8" may be "the Boeing 787-8 Dreamliner"."""
    def named(t: Token) -> bool:
        return t.pos_ == "PROPN" or any(c.isdigit() for c in t.text) and any(c.isupper() for c in t.text)

    subject = _clause_subject(num)
    if subject is None or not named(subject):
        return None
    # The whole name: "the Boeing 787-8 Dreamliner", as other reports may name it in part.
    return " ".join(t.lower_ for t in subject.subtree if named(t) and (t == subject or t.head == subject))


def slot_of(span: Span, num: Token, counted: Token | None, unit: str | None, exact: bool = True) -> dict:
    """What a figure is about, as plain values: `subject` (the counted noun's canonical word, or "age"),
    `mods` (its narrowing modifiers), `owner` (whose age), `partial` (it picks some of a larger whole, so
    it never contradicts the whole). `subject` is None when the noun is not clear: then it compares with
    nothing."""
    words = _slot_words()
    out: dict = {"subject": None, "mods": [], "owner": None, "partial": False, "part": False, "agent": None,
                 "where": _where(num, counted),
                 "summed": _summed(span), "snapshot": False,
                 "whole": _whole_of_part(num) or _whole_before_parts(span), "rate": _rate(num, counted, unit)}
    sent = span.sent
    before = span.doc[span.start - 1] if span.start > sent.start else None
    # "the first two sections", "a further 307", "179 of the 181 people": some of a whole; "a net gain of
    # 211 seats": a change in a whole, not the whole.
    out["partial"] = bool(before is not None and before.pos_ != "VERB" and lemma(before) in words["partial"]) or (
        num.pos_ == "NUM" and num.dep_ != "nummod" and any(c.lower_ == "of" for c in num.children)) or _change_in(num)
    if unit == "time":
        # A time of day is about what happened then: its frame ("began at 9:03") says which happening,
        # and an elided subject which of several ("the strongest came at 8:11").
        out["subject"] = "time of day"
        out["mods"] = _time_of(num)
        out["agent"] = _named_agent(num)
        return out
    if _is_age(span):
        out["subject"], out["owner"] = "age", _age_owner(span, num)
        if out["owner"] is None:
            out["mods"] = _group_aged(span)
        return out
    if _ages_of_a_group(span):
        # "young soldiers between 18 and 25": who they are, not how many
        out["subject"], out["mods"] = "age", _group_aged(span)
        return out
    owner = _appositive_age(num) if counted is None or counted.pos_ == "PROPN" else None
    if owner:
        out["subject"], out["owner"] = "age", owner
        return out
    if unit is None and (who_is := _someone_is(num)) is not None:
        # "the captain is 40", "she is 32": a person's age, not a count of captains.
        out["subject"], out["owner"] = "age", person_named(who_is).lower()
        return out
    # A person's age is no tally ("Mihara, 73, was standing in a line"); a count or a measure may be.
    out["snapshot"] = _snapshot(num)
    is_duration = unit in MEASURE_UNITS or (counted is not None and lemma(counted) in MEASURE_UNITS)
    # A term is exact: "jailed for almost eight years" is the time held ("almost 12 years of a 20-year
    # term" is time served, a term's part: "" below).
    if is_duration and unit in ("year", "month") and (term := _prison_term(num, counted)) is not None \
            and (exact or term == ""):
        out["subject"], out["owner"] = "sentence", term
        return out
    if is_duration and (held := _custody(span, num, counted)) is not None:
        out["subject"], (out["owner"], out["mods"]) = "custody", held
        return out
    if (numbers.base_value(None, unit)[0] or "").startswith("money"):
        # "$6 billion of its oil money" is all of it: only a word before makes an amount some of a whole.
        out["partial"] = bool(before is not None and before.pos_ != "VERB" and lemma(before) in words["partial"])
        out["subject"], out["mods"] = _what_money(span)
        return out
    if numbers.base_value(None, unit)[0] == "length" and (distance := _distance(span)) is not None:
        out["subject"], out["mods"] = distance
        return out
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if num.dep_ == "nsubj" and num.head.pos_ in ("ADJ", "VERB") and lemma(num.head) in rules.roles():
        after = num.head  # "with 219 more wounded": the word the number is the subject of
    if after is not None and after.pos_ in ("ADJ", "VERB") and lemma(after) in rules.roles():
        out["subject"] = lemma(after)  # "was 270 dead": who they are is the word after the number
        return out
    noun: Token | None = None
    split = False
    if counted is not None and not is_duration:
        noun = counted
        # "the remains of 6,000 soldiers": a container word says what is counted.
        if counted.head.lower_ == "of" and counted.head.head.pos_ == "NOUN" \
                and normal_noun(counted.head.head) in words["containers"]:
            noun = counted.head.head
        noun = _what_moves(noun)
    elif is_duration and (counted or num).head.lower_ == "by" and (counted or num).dep_ == "pobj":
        noun = None  # "extended by 300 metres", "delayed by two hours": a change, not the extent
    elif is_duration:
        # A duration is about the noun it modifies ("a 2-3 day ceasefire", "a 10-day ultimatum"), the
        # noun above it ("a truce lasting 30 days", "an hour of talks") or its verb's subject ("the
        # meeting lasted an hour").
        head = counted if counted is not None else num
        while head.dep_ in ("compound", "amod", "nummod", "npadvmod") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        chain = [head, *ancestors(num)] if head != (counted or num) else list(ancestors(num))
        of_noun = of_object(counted or num)
        for token in ([of_noun] if of_noun is not None else []) + chain:
            # "just under 60 per cent", "23.7%": "cent" and "%" are the unit's words, not what it is a share of.
            if token.pos_ in ("NOUN", "PROPN") and lemma(token) not in MEASURE_UNITS and token.lower_ not in ("cent", "%"):
                noun = token
                break
            if token.pos_ in ("VERB", "AUX"):
                # Only a verb of extent says its subject has the measure ("the talks lasted an hour",
                # "the runway is 2,800 metres"); "airports keep gear 300 metres away" does not.
                extent = lemma(token) in _slot_words()["extent_verbs"] or lemma(token) in _COPULAS
                # "the Coast Guard put the remaining supply at 41 hours": what is placed has the measure.
                holder = ("dobj",) if lemma(token) in _slot_words()["placing_verbs"] else ("nsubj", "nsubjpass")
                noun = next((c for c in token.children if c.dep_ in holder), None) if extent else None
                relative = noun is not None and noun.tag_ in ("WDT", "WP")
                if (noun is None or relative) and token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN") \
                        and (extent or relative):
                    noun = token.head  # "a truce lasting 30 days", "talks that ended after an hour"
                if noun is not None and noun.pos_ == "PRON":
                    noun = _thing_before(noun) if noun.lower_ == "it" else None
                break
        if noun is not None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            # "The Dali, a 984-foot container vessel": the size of the thing the name names, as in "The
            # Dali, 984 feet long".
            noun = noun.head
    if unit == "percent" and (share := _vote_share(num, noun, counted)) is not None:
        # Where it was won narrows a share as it does a count: "50.7% of the vote in Buenos Aires province"
        # is no national share.
        places = _places_after(of_object(counted or num))
        out["subject"], out["mods"] = share[0], sorted({*share[1], *out["where"], *places})
        # "The preliminary count showed Sheinbaum with 59.4%", "the tally gives Lai 40 per cent": a
        # reading of a count under way, which the next reading moves; "Lai won 40 per cent" is a result.
        verb = governing_verb(num)
        out["snapshot"] = verb is not None and lemma(verb) in _slot_words()["giving_verbs"]
        return out
    if noun is None and counted is None and _destinations(num) and (noun := _elided_noun(num)) is not None:
        # "Ten people boarded ..., 13 were flown to Germany and three to Washington": the people of the
        # first clause, narrowed by where each group went, some of a whole. ("Ten died and 12 were hurt"
        # is left alone: what happened to the 12 is not what happened to the ten.)
        out["subject"] = normal_noun(noun)
        out["mods"] = sorted({*modifiers(noun), *_destinations(num)})
        out["partial"] = True
        return out
    if noun is None and (counted is None or lemma(counted) in words["formula_nouns"]) \
            and re.search(r"\d\s*(?:for|-for-)\s*\d", span.text):
        # "the bodies of fallen soldiers to be returned, 6,000 for 6,000", "returned on a 6,000 for 6,000
        # basis": a formula with no noun of its own counts what its clause moves.
        noun = _moved_by_clause(num)
        if noun is not None:
            counted = noun
    if noun is None and counted is None:
        # "307 servicemen went each way, and on Sunday the last 303": the gapped clause counts the same.
        noun = _gapped_noun(num)
    if noun is None and counted is None and num.dep_ == "dobj" and (noun := _elided_object(num)) is not None:
        # "transferred the bodies of 7,000 soldiers and is ready to hand over another 3,000": bodies, but
        # under another verb, whose the 3,000 are may differ ("returned 200 Russians and received 190"):
        # clustered with them, never compared.
        out["partial"] = True
    if noun is None and counted is None:
        verb = num.head
        if lemma(verb) in _COPULAS or lemma(verb.head) in _COPULAS:
            verb = verb if lemma(verb) in _COPULAS else verb.head
            noun = _copula_holder(num)
            if noun is None and num.dep_ == "nsubj" and lemma(verb) == "be":
                # "Of the 39, 17 were minors", "Thirteen were Israelis": what the number is counts it, a
                # part of the group named before it.
                noun = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
                split = noun is not None
        elif num.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX"):
            # "Of the 181 people on board, 179 were killed": the number counts the 'of' noun's members.
            noun = of_object(verb)
            if noun is None and num.dep_ != "dobj" and _lexicons()[1].get(lemma(verb)) in words["people_frames"]:
                # "Thirty-eight were killed and 29 survived": only people are killed or survive.
                out["subject"] = "person"
                out["part"] = any(c.dep_ == "prep" and c.lower_ in words["part_preps"] for c in num.children)
                return out
    if noun is None:
        return out
    if num.lower_ == "one" and any(t.lower_ == "all" and t.pos_ == "PRON" and t.i > num.i for t in num.sent):
        # "an attack on one member is an attack on all": any one of them, no count.
        return out
    the_pair = num.dep_ == "nummod" and num.head == noun and num.lower_ in ("two", "2")
    if the_pair and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        # "beyond the two countries", "the two leaders met": the pair named before, a reference, not a count.
        return out
    # "Ten people boarded ..., 13 were flown to Germany": the first of groups a sentence splits a whole into;
    # "one each from nine other countries": the rest of a whole, a word of `partial` after the number.
    out["partial"] = out["partial"] or _splits_a_whole(noun) or any(
        c.dep_ == "amod" and c.i > num.i and lemma(c) in words["partial"] for c in noun.children)
    # "270 soldiers and 120 civilians", "390, including 120 civilians": parts of a total.
    out["part"] = not out["partial"] and (split or _is_part(noun))
    out["subject"] = normal_noun(noun)
    out["mods"] = list(modifiers(noun) or _antecedent_modifiers(noun))
    # Beyond the noun's own modifiers, what else narrows the count: where its verb happened ("killed in
    # Hatay"), the whole it makes up ("a community of 12,000 people"), another instance carrying it ("a
    # second Il-76 carrying 80"), whose it is ("the BJP has 240 seats"), what is in the areas it counts
    # ("97,000 residents in nine prefectures").
    narrowing = [*out["where"], _belongs_to(noun),
                 "another" if _carried_by_another(noun) or _elsewhere(span) else None,
                 holder := _holder(noun), _located(noun), _sized(noun)]
    out["mods"] = sorted({*out["mods"], *(word for word in narrowing if word)})
    if holder is None and lemma(noun) in _slot_words()["vote_words"]:
        # Votes are someone's, like a share of them: "about 16.5 million votes" nobody is named as
        # winning compares with nothing.
        out["subject"] = None
        return out
    doc = num.doc
    named = num.i == noun.i + 1 or num.i == noun.i + 2 and doc[noun.i + 1].lower_ == "of"
    if unit is None and noun.tag_ == "NN" and (named or "." in num.text):
        # "magnitude 7.2", "a 7.2 magnitude quake": a value the noun names, never a count of such things
        # ("three agencies, three magnitudes").
        out["mods"] = sorted({*out["mods"], "value"})
    if out["subject"] in _people_class() and any(
            c.dep_ == "conj" and normal_noun(c) in _people_class() and normal_noun(c) != out["subject"]
            and not any(g.like_num for g in c.children) for c in noun.children):
        # "the 242 passengers and crew": one count of people of two kinds (with a number each, parts).
        out["subject"], out["mods"] = "person", []
    if (people := demonym(noun)) is not None:
        # "eight Russians" are eight Russian citizens.
        out["subject"] = subject_word("citizen") or "citizen"
        out["mods"] = sorted({*out["mods"], people})
    return out


def _vote_share(num: Token, noun: Token | None, counted: Token | None) -> tuple[str | None, list[str]] | None:
    """A share of a vote is its holder's: ("share", [holder, narrowing words of the vote]), or (None, [])
    when no holder is clear (it compares with nothing); None for other shares ("turnout was 71 per cent").
    A name before the share is the holder even where the parse hangs it elsewhere ("Lai 40.7 per cent,
    Hou 33.3 per cent", "Hou on 33 per cent")."""
    words = _slot_words()
    unit = num.head if num.dep_ == "nummod" else next((c for c in num.children if c.dep_ in ("prep", "pobj")), num)
    unit = next((g for g in unit.children if g.dep_ == "pobj"), unit) if unit.dep_ == "prep" else unit
    # A capitalised noun no actor covers is a noun, and so is what a copula says the share is ("Turnout was
    # 71 per cent", opening a sentence).
    of_what = next((t for t in (noun, of_object(unit), counted) if t is not None and (
        t.pos_ != "PROPN" or _name_at(t) is None or t.dep_ == "nsubj" and lemma(t.head) == "be")), None)
    if of_what is not None and lemma(of_what) not in words["vote_words"]:
        return None  # "a third of Russia's bombers"
    holder = _share_holder(num, unit)
    if holder is None:
        return None, []
    narrowing = list(modifiers(of_what)) if of_what is not None and lemma(of_what) not in ("share", "cent", "%") else []
    return SHARE, sorted({holder, *narrowing})


def _share_holder(num: Token, unit: Token) -> str | None:
    """The first named actor among the places a share's holder is written, nearest first."""
    return next((name for token in _share_holders(num, unit) if (name := _name_at(token))), None)


def _share_holders(num: Token, unit: Token):
    """Tokens that may name a share's holder, nearest first."""
    doc, words = num.doc, _slot_words()
    before = doc[num.i - 1] if num.i > num.sent.start else None
    if before is not None and before.lower_ in ("on", "at", "with") and num.i - 2 >= num.sent.start:
        before = doc[num.i - 2]
    if before is not None and before.pos_ == "PROPN":
        yield before
    # "33.4 per cent for Hou Yu-ih"
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "for":
        yield from (g for g in after.children if g.dep_ == "pobj" and g.pos_ == "PROPN")
        if after.i + 1 < len(doc) and doc[after.i + 1].pos_ == "PROPN":
            yield doc[after.i + 1]
    # "Lai's 40 per cent"; "Lai won 40 per cent", "drew 3.7 million votes, or 26.5 per cent"; "the tally
    # gives Lai 40 per cent"; "the 57.1 per cent with which Tsai won".
    yield from (c for c in unit.children if c.dep_ == "poss" and c.pos_ == "PROPN")
    held = unit if num.dep_ == "nummod" else num
    while _restates(held):
        held = held.head
    verb = held.head if held.dep_ in ("dobj", "pobj", "attr") else None
    taking = words["share_verbs"] | words["holding_verbs"]
    deps: tuple[str, ...] = ()
    if verb is not None and verb.lower_ in ("with", "on") and verb.head.pos_ in ("VERB", "AUX"):
        # "finished third with 20 per cent", "won 121 seats on 23.7 per cent"
        on = verb.lower_ == "on"
        verb = verb.head
        deps = ("nsubj",) if on or lemma(verb) in taking | words["ranking_verbs"] else ()
    elif verb is not None:
        deps = ("nsubj",) if lemma(verb) in taking else ("dative",) if lemma(verb) in words["giving_verbs"] else ()
    if verb is not None:
        yield from (c for c in verb.children if c.dep_ in deps and c.pos_ == "PROPN")
    for clause in (c for c in unit.children if c.dep_ == "relcl" and lemma(c) in taking):
        yield from (c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PROPN")
    if held.dep_ == "attr" and lemma(held.head) == "be":
        # "Labour's share of the vote was 33.7 per cent"
        shares = (c for c in held.head.children if c.dep_ == "nsubj" and lemma(c) in words["vote_words"])
        yield from (p for c in shares for p in c.children if p.dep_ == "poss" and p.pos_ == "PROPN")


def _restates(token: Token) -> bool:
    """The same quantity said again another way: "3.7 million votes, or 26.5 per cent" (never "Labour won
    411 seats and the Conservatives 121")."""
    return token.dep_ == "appos" or token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "or" for c in (*token.head.children, *token.children))


def _name_at(token: Token) -> str | None:
    """The actor a proper-noun token names, as the article gives it ("Hou" after "Hou Yu-ih" is Hou
    Yu-ih); None where it names none ("Turnout" opening a sentence)."""
    names = [a["name"] for a in token.doc._.actors or [] if a["start"] <= token.idx < a["end"]]
    return names[0].lower() if names else None


def _named_places_in(head: Token, after: bool = False, preps: Collection[str] = ("in",), untyped: bool = False,
                     within: tuple[float, float] = (-math.inf, math.inf)) -> list[str]:
    """Named places in an "in" phrase (or one of `preps`) on `head` ("five seats in Scotland"), only those
    after it when `after`, only those whose preposition lies `within` these token indices; `untyped`
    counts any name no list types as a place ("fell on Chiva"). A place is its whole name: "the Ciragan
    Palace" is no "Dolmabahce Palace", and "Buenos Aires province" is one."""
    def named(g: Token) -> bool:
        if g.pos_ == "PROPN":
            return is_place(g, untyped)
        return untyped and normal_noun(g) in _slot_words()["area_nouns"] and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in g.children)

    def name(g: Token) -> str:
        words = [g]
        while words[0].i > 0 and (t := g.doc[words[0].i - 1]).dep_ == "compound" and t.head in words:
            words.insert(0, t)
        return " ".join(t.lower_ for t in words)

    return [name(g) for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            and (c.i > head.i or not after) and within[0] < c.i < within[1]
            for g in c.children if g.dep_ == "pobj" and named(g)]


def _places_of_verb(num: Token) -> list[str]:
    """Named places the count's own verb happened in or at ("killed in Hatay", "fell on Chiva"). A verb
    with several objects gives each the places of its own stretch of the clause: "measured 491 mm in
    Chiva ..., and 184.6 litres in an hour in Turis" puts the 491 in Chiva and the 184.6 in Turis."""
    verb = governing_verb(num)
    if verb is None:
        return []
    top = next((t for t in [num, *ancestors(num)] if t.head == verb), None)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "conj") and c.pos_ in ("NOUN", "NUM", "PROPN")]
    within = (-math.inf, math.inf)
    if top in objects and len(objects) > 1:
        at = objects.index(top)
        within = (-math.inf if at == 0 else top.i, objects[at + 1].i if at + 1 < len(objects) else math.inf)
    places = _named_places_in(verb, preps=_slot_words()["place_preps"], untyped=True, within=within)
    # One phrase down: "in a single hour in Turis", "killed in the strike on Kramatorsk".
    for phrase in verb.children:
        if phrase.dep_ == "prep" and within[0] < phrase.i < within[1]:
            for pobj in phrase.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    places += _places_after(pobj)
    return places


def _places_after(token: Token | None) -> list[str]:
    """Named places in, on or at after a word ("491 mm of rain in Chiva"), any untyped name counting."""
    return _named_places_in(token, after=True, preps=_slot_words()["place_preps"], untyped=True) \
        if token is not None else []


def _where(num: Token, counted: Token | None) -> list[str]:
    """The named places a figure is of: its verb's (`_places_of_verb`) and those after its counted noun
    ("491 mm of rain in Chiva")."""
    return sorted({*_places_of_verb(num), *_places_after(counted)})


def _belongs_to(noun: Token) -> str | None:
    """The noun a counted noun is "of" when that noun is a whole it makes up ("a community of 12,000
    people", "a crowd of 5,000 people"), not a happening ("an exchange of 1,000 prisoners"), a
    container or a word for a number ("a total of 1,200 people")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    whole = noun.head.head
    if whole.tag_ == "JJS" or lemma(whole) in _slot_words()["ordinals"]:
        return lemma(whole)  # "the strongest, of magnitude 6.7", "the first, of magnitude 7.8": which one
    if whole.pos_ != "NOUN":
        return None
    words = _slot_words()
    if lemma(whole) in _lexicons()[1] or lemma(whole) in _lexicons()[2] or lemma(whole) in words["descriptive"] \
            or normal_noun(whole) in words["containers"] or lemma(whole) in MEASURE_UNITS:
        return None
    return normal_noun(whole)


def _elsewhere(span: Span) -> bool:
    """A count in a sentence that opens on another happening ("Apart from the Epicentr strike, a missile
    attack on the city centre injured 25 people", "Separately, ..."): `elsewhere` in data/topics.toml."""
    before = span.doc.text[span.sent.start_char:span.start_char].lower()
    return any(re.match(rf"\W*{re.escape(cue)}\b", before) for cue in _slot_words()["elsewhere"])


def _carried_by_another(noun: Token) -> bool:
    """The counted things are carried or had by another instance of something: "a second Il-76 carrying
    80 prisoners", "another bus with 40 people"."""
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with":
        verb = noun.head.head
    else:
        return False
    carrier = verb if verb.pos_ in ("NOUN", "PROPN") else (
        verb.head if verb.dep_ in ("acl", "relcl") else next((c for c in verb.children if c.dep_ == "nsubj"), None))
    words = _slot_words()["other_instance"]
    return carrier is not None and carrier.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "det") and c.lower_ in words for c in carrier.children)


def _holder(noun: Token) -> str | None:
    """The name whose counted things they are: the named subject of a verb of having ("the BJP has 240
    seats", "Congress won 99 seats") or of the verb a "with" hangs on ("the Samajwadi Party became
    third with 37 seats")."""
    while _restates(noun):
        noun = noun.head  # "finished second with 27.45%, or about 16.5 million votes"
    if noun.dep_ == "dobj" and lemma(noun.head) in _slot_words()["holding_verbs"] | _slot_words()["share_verbs"]:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            and lemma(noun.head.head) in _slot_words()["ranking_verbs"]:
        verb = noun.head.head
    else:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        name = next((t for t in [subject, *subject.children] if t.pos_ == "PROPN" and t.dep_ in (
            "nsubj", "appos", "compound") and (t is subject or t.head == subject)), None)
        if name is not None:
            return _name_at(name) or " ".join(t.lower_ for t in name.subtree if t.pos_ == "PROPN")
    return None


def _sized(noun: Token) -> str | None:
    """What a count written as its size is of: "a 300-seat chamber", "the 128-member Senate"."""
    head = noun.head
    if noun.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ == "-" for c in noun.children):
        return None
    return " ".join(t.lower_ for t in head.subtree if t == head or t.dep_ == "compound" and t.head == head
                    and t != noun) if head.pos_ == "PROPN" else normal_noun(head)


def _located(noun: Token) -> str | None:
    """What a count of areas after "in" or "across" is the place of: the noun it hangs on, or its verb's
    object ("orders covered 97,000 residents in nine prefectures": residents). "A memorandum in two
    parts" is no place."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "across", "throughout") \
            or normal_noun(noun) not in _slot_words()["area_nouns"]:
        return None
    host = noun.head.head
    if host.pos_ in ("VERB", "AUX"):
        host = next((c for c in host.children if c.dep_ in ("dobj", "nsubjpass") and c.i < noun.i), host)
    return normal_noun(host) if host.pos_ in ("NOUN", "PROPN") else lemma(host)


def _copula_holder(num: Token) -> Token | None:
    """The noun a copula gives the number of: "the number of bodies recovered has reached 78" (bodies),
    "police put the toll at 40" (a placing verb's object, not who placed it)."""
    verb = num.head if lemma(num.head) in _COPULAS else num.head.head
    if lemma(verb) not in _COPULAS:
        return None
    holder = ("dobj",) if lemma(verb) in _slot_words()["placing_verbs"] else ("nsubj", "nsubjpass")
    noun = next((c for c in verb.children if c.dep_ in holder and c.pos_ == "NOUN"), None)
    if noun is not None and lemma(noun) in _lexicons()[2]:
        noun = of_object(noun) or noun
    return noun


def _splits_a_whole(noun: Token) -> bool:
    """A counted subject followed by parallel clauses sending bare numbers elsewhere: "Ten people boarded
    the plane for Moscow, 13 were flown to Germany and three to Washington" (not "Ten people died and 12
    were hurt", two facts)."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.like_num and _destinations(c) for clause in noun.head.children if clause.dep_ in ("conj", "advcl")
               for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))


def _attributive(num: Token) -> bool:
    """A dimension that describes its noun ("the 1.7-mile-long bridge", "a main span of 1,200 feet", "the
    runway is 2,800 metres long"): a property of the thing, not something that happened on the day the
    sentence names. Not a change ("extended by 300 metres")."""
    for token in ancestors(num, limit=5):
        if token.pos_ in ("VERB", "AUX"):
            return lemma(token) == "be"
        if token.lower_ == "by":
            return False
        if token.pos_ in ("NOUN", "PROPN") and lemma(token) not in MEASURE_UNITS:
            return True
    return False


def _elided_noun(num: Token) -> Token | None:
    """The counted noun a bare number leaves out because a parallel clause before it names it: "Ten
    people boarded the plane, 13 were flown to Germany and three to Washington"."""
    verb = num.head
    if num.dep_ == "conj" and verb.pos_ == "VERB":
        # "... and three to Washington": the verb's own subject counts the same thing.
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not subject.like_num:
            return None
        num, verb = subject, verb
    if num.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or verb.dep_ not in ("conj", "advcl"):
        return None
    earlier = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if earlier is None or earlier.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in earlier.children):
        return None
    return earlier


def _thing_before(pronoun: Token) -> Token | None:
    """What "it" stands for as the subject of a measure ("Joo said it measured 2,800 metres" after "the
    runway had been too short"): the last subject before it that is a common noun, in its sentence or
    the one before, leaving out who says so ("the delegates said it lasted two hours"); None when the
    last is a name or a pronoun."""
    doc = pronoun.doc
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    speech = speech_verbs()
    subjects = [t for t in doc[start:pronoun.i] if t.dep_ in ("nsubj", "nsubjpass") and lemma(t.head) not in speech
                and not (t.pos_ == "PRON" and t.lower_ != "it")]
    last = subjects[-1] if subjects else None
    return last if last is not None and last.pos_ == "NOUN" else None


def _gapped_noun(num: Token) -> Token | None:
    """The counted subject of the clause a bare number's clause repeats without its verb: "on Saturday
    307 servicemen went each way, and on Sunday the last 303" (the number a conjunct of the verb), "On the
    Saturday, 307 servicemen went each way; on the Sunday, 303" (the number beside the day)."""
    if num.dep_ == "conj" and num.head.pos_ == "VERB":
        verb = num.head
    elif num.dep_ == "appos" and num.head.lower_ in _DATE_WORDS and num.head.dep_ == "pobj" \
            and num.head.head.dep_ == "prep" and num.head.head.head.pos_ == "VERB":
        verb = num.head.head.head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i > num.i \
            or not any(c.dep_ == "nummod" for c in subject.children):
        return None
    return subject


# Links a bare object climbs to the verb of its clause's conjunct ("is ready to hand over another 3,000").
_CLAUSE_LINKS = ("xcomp", "acomp", "ccomp", "aux")


def _elided_object(num: Token) -> Token | None:
    """The object of the earlier of two conjoined clauses, when it counts something and the later one's
    object is a bare number: "Russia has transferred the bodies of 7,000 soldiers and is ready to hand
    over another 3,000"."""
    verb = num.head
    for _ in range(4):
        if verb.dep_ == "conj":
            earlier = verb.head
            noun = next((c for c in earlier.children if c.dep_ == "dobj"), None)
            if noun is None or noun.pos_ != "NOUN" or noun.i > num.i or not any(t.like_num for t in noun.subtree):
                return None
            return noun
        if verb.dep_ not in _CLAUSE_LINKS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _destinations(num: Token) -> list[str]:
    """Where a group went: the place after "to" under the number or its verb ("13 were flown to Germany")."""
    places = [g for t in (num, num.head) for c in t.children if c.lower_ == "to" for g in c.children
              if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return [" ".join(t.lower_ for t in places[0].subtree if t.pos_ == "PROPN")] if places else []


_DEMONYM_END = re.compile(r"(?:an|ese|i)$")


def demonym(noun: Token) -> str | None:
    """The nationality a plural proper noun names ("Russians", "Koreans", "Israelis"), lower case."""
    if noun.pos_ != "PROPN" or not noun.text[:1].isupper():
        return None
    text = noun.text
    singular = text[:-1] if text.endswith("s") else text
    if singular == text and not text.endswith("ese"):
        return None  # a singular name ("Ukraine", "Morgan") is not a people
    known = rules.actors().get("adjectives", {})
    return singular.lower() if singular in known or _DEMONYM_END.search(singular) else None


def _happening(verb: Token) -> bool:
    """A verb saying only that something happened: "happened", "was completed", "took place"."""
    words = _slot_words()["happening"]
    return lemma(verb) in words or any(f"{lemma(verb)} {c.lower_}" in words for c in verb.children
                                       if c.dep_ in ("dobj", "prt") and c.i > verb.i)


def _phrasal_frame(verb: Token, frames: dict[str, str]) -> str | None:
    """A frame a verb names with its particle ("kick off", "came down") or set phrase ("get under way",
    "hit the ground")."""
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "advmod", "dobj") and child.i > verb.i:
            words = [lemma(verb), child.lower_]
            frame = frames.get(" ".join(words))
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if frame is None and obj is not None:
                frame = frames.get(" ".join([*words, obj.lower_]))
            if frame:
                return frame
    return None


def _change_in(num: Token) -> bool:
    """"a net gain of 211 seats", "an increase of 40 staff": the count of a change (`[slot] change_nouns`)."""
    noun = num.head if num.dep_ == "nummod" else num
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma(noun.head.head) in _slot_words()["change_nouns"]


def _whole_of_part(num: Token) -> bool:
    """The whole a part is taken from: "Of the 181 people on board, two survived", "96 of the 181",
    "declared in 648 of the 650 constituencies"."""
    noun = num.head if num.dep_ == "nummod" else num
    of = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return of is not None and (of.head.pos_ in ("NUM", "PRON", "DET", "ADJ")
                               or of.head.pos_ in ("VERB", "AUX") and of.i < of.head.i)


def frame_of(num: Token, measure: bool = True) -> str | None:
    """What happens to the counted thing: the nearest governing word in a frame of data/topics.toml.
    `measure` is False for a count, which no measure's frame (a duration) describes."""
    frames = _lexicons()[1] if measure else _count_frames()
    noun = num.head if num.dep_ == "nummod" else (_copula_holder(num) or num)
    if _whole_of_part(num):
        # "Of the 181 people on board, two survived", "96 of the 181": the whole a part is taken from;
        # what happened to the part did not happen to it.
        return None
    told = next((frames[lemma(c)] for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i
                 and lemma(c) in frames), None)
    if told is not None:
        return told  # "recorded 1,011 people injured": what the count's own participle says happened
    previous = None
    for token in [num, *ancestors(num, limit=7)]:
        if token.dep_ == "prep":
            continue  # "including the wounded" lists examples; it is not something done to them
        if previous is not None and previous.dep_ == "conj" and token.pos_ in ("VERB", "ADJ") \
                and token.dep_ in _NOMINAL_DEPS:
            # "the wounded and those under 25 will be swapped": a sibling group's word is not a frame.
            previous = token
            continue
        if previous is not None and token.pos_ == "VERB" and previous.dep_ in ("nsubj", "nsubjpass", "dobj") \
                and _frameless(token, frames):
            if not measure and (lemma(token) not in _static_verbs() or previous.dep_ in ("nsubj", "nsubjpass")
                                and lemma(token) in _slot_words()["level_verbs"]):
                # "17 people were treated", "cancelled around 100 flights": something happened to them that
                # no frame names, so what it was is unknown; such a count is never compared.
                return UNKNOWN_FRAME
            if token.dep_ in ("advcl", "ccomp", "conj", "parataxis", "relcl"):
                # "all 379 people got out, five of the six crew are dead": the counted thing's own clause
                # says what happened to it; a frame beyond that clause is another happening's.
                return None
        previous = token
        if token.pos_ in ("VERB", "AUX") and _happening(token):
            # "the handover took place shortly before 11": what took place says what happened then.
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return frames.get(lemma(subject)) if subject is not None else None
        if token.pos_ == "VERB" and lemma(token) in _slot_words()["occurring_verbs"] \
                and not any(c.dep_ == "dobj" for c in token.children):
            # "the quake struck at 4:10 pm", "the quake that struck at 4:10": the time is when its
            # subject happened.
            subjects = [token.head if c.tag_ in ("WDT", "WP") and token.dep_ == "relcl" else c
                        for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            happened = next((frames[lemma(c)] for c in subjects if lemma(c) in frames), None)
            if happened is not None:
                return happened
        placed = next((c for c in token.children if c.dep_ == "dobj"), None) \
            if token.pos_ == "VERB" and lemma(token) in _slot_words()["placing_verbs"] else None
        if placed is not None and num not in placed.subtree:
            # "officials put the collision at 8:48 pm": the time is the happening the verb puts there.
            return frames.get(lemma(placed))
        # A set phrase before its verb's own frame: "hit the ground" is a crash, "hit" alone damage.
        frame = (_phrasal_frame(token, frames) if token.pos_ == "VERB" else None) or frames.get(lemma(token))
        if frame:
            return frame
        if token.pos_ in ("VERB", "AUX"):
            # "179 people are confirmed dead", "two remain missing": the verb's complement says it.
            frame = next((frames[lemma(c)] for c in token.children
                          if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and lemma(c) in frames), None)
            if frame:
                return frame
            if token.dep_ == "conj":
                # "left at 11 p.m. and capsized at 1:30": each verb of a coordination says its own
                # happening; the first one's is not the second's.
                return None
    return None


def _verb_frame(num: Token) -> str | None:
    """What a time of day no frame word names is the time of: the verb it hangs on, as a frame of its own
    ("the resolution passed at 1:01 am", "martial law was declared at 22:27", "Hou conceded at 7:50"), so
    two reports' times compare only under one verb. Verbs of saying, being or having name no happening,
    and a time on a noun ("the meeting at 10 am was put off") is that noun's."""
    verb = governing_verb(num)
    if verb is None or verb.pos_ != "VERB" or lemma(verb) in _static_verbs() or lemma(verb) in _COPULAS \
            or _happening(verb):
        return None  # "the meeting took place at 10 am": what took place, not the verb, is the happening
    time = num
    while time.dep_ in ("nummod", "compound") and time.head != time:
        time = time.head  # "1:01" in "at 1:01 am"
    on_verb = time.head == verb or time.dep_ == "pobj" and time.head.dep_ == "prep" and time.head.head == verb
    return f"~{lemma(verb)}" if on_verb else None


@cache
def _static_verbs() -> frozenset[str]:
    """Verbs that say only that a count is, or is said to be: no happening of their own."""
    return _slot_words()["static_verbs"] | _slot_words()["holding_verbs"] | speech_verbs()


def _frameless(verb: Token, frames: dict[str, str]) -> bool:
    """A verb naming no frame, by itself, a particle or set phrase, or its complement."""
    return not (_phrasal_frame(verb, frames) or frames.get(lemma(verb)) or _happening(verb) or any(
        c.dep_ in ("acomp", "oprd", "xcomp", "attr") and lemma(c) in frames for c in verb.children))


def status_of(num: Token) -> str:
    """done, agreed, proposed, rejected, estimated, possible or negated: what the governing verbs say of
    the fact ("aid agencies believe more than 500 died" is an estimate, never compared with a confirmed toll).
    The nearest cue up the tree wins ("Russia offered to hand over..." is proposed)."""
    words = _slot_words()
    future = coordinated = False
    for token in [num, *ancestors(num, limit=8)]:
        word = lemma(token)
        if coordinated and word in words["estimated"]:
            continue  # "hundreds are feared dead and 78 were confirmed dead": the 78 are no estimate
        if any(c.dep_ == "neg" for c in token.children) and token.pos_ in ("VERB", "AUX"):
            return "negated"
        if token.pos_ in ("VERB", "AUX") and any(c.lower_ in words["possible"] for c in token.children
                                                  if c.dep_ in ("aux", "auxpass")):
            return "possible"  # "could hand over 3,000": a possibility, neither done nor agreed
        for status in ("proposed", "rejected", "agreed", "estimated"):
            if word in words[status] and token.pos_ in ("VERB", "NOUN", "ADJ"):
                return status
            if word == "be" and any(lemma(c) in words[status] for c in token.children if c.dep_ == "nsubj"):
                # "the main result was a new exchange: 1,200 each": what the subject names is the status.
                return status
        if token.pos_ in ("VERB", "AUX") and any(lemma(c) in words["future"] for c in token.children
                                                  if c.dep_ in ("aux", "auxpass")):
            future = True
        coordinated = coordinated or token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") and not _after_colon(token):
            # "the talks on May 16, a meeting of little more than an hour": an appositive describes its
            # noun; a deal or plan the sentence names around it does not make it agreed.
            break
        if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX"):
            # "did not include Whelan, whom a court sentenced to 16 years": the relative clause states its
            # own fact; what the main clause says of its noun does not reach into it.
            break
    return "agreed" if future else "done"


def _after_colon(token: Token) -> bool:
    """An appositive spelled out after a colon ("a new exchange: 1,200 each") is its head itself."""
    return any(c.text == ":" and token.head.i < c.i < token.i for c in token.head.children)


def _clause(token: Token) -> list[Token]:
    """The figure's own clause: the governing verb's subtree without coordinated or embedded clauses."""
    verb = next((t for t in ancestors(token) if t.pos_ == "VERB"), None)
    if verb is None:
        verb = next((t for t in ancestors(token) if t.pos_ == "AUX"), None)
        if verb is None:
            return list(token.sent)
    # "..., as will the bodies of 6,000 soldiers": an elliptical clause borrows its head's verb.
    heads = [verb]
    if any(a.pos_ == "AUX" and a.dep_ == "advcl" for a in [*ancestors(token)][:4]):
        heads.append(verb.head)
    excluded: set[int] = set()
    for head in heads:
        for child in head.children:
            if child.dep_ in ("conj", "ccomp", "parataxis") and child not in heads:
                excluded.update(t.i for t in child.subtree)
    out = {t.i: t for head in heads for t in head.subtree if t.i not in excluded}
    return [out[i] for i in sorted(out)]


def basis_of(figure: numbers.Figure, num: Token) -> str | None:
    """unilateral or reciprocal, from the figure itself ('6,000 for 6,000') or cue words in its clause."""
    if figure.basis:
        return figure.basis
    cfg = rules.cues()["reciprocity"]
    clause = _clause(num)
    words = lemmas(clause)
    text = " ".join(t.lower_ for t in clause).replace(" - ", "-")
    def hit(cues: list[str]) -> bool:
        return any((c in words) if " " not in c else (c in text) for c in cues)
    if hit(cfg["unilateral"]):
        return "unilateral"
    if hit(cfg["reciprocal"]):
        return "reciprocal"
    return None


def proposer_of(doc: Doc, num: Token) -> str | None:
    """The party whose offer, proposal or demand the figure is part of."""
    for p in doc._.proposals or []:
        if p["stance"] in ("offer", "propose", "demand") and p["anchor_start"] <= num.idx < p["anchor_end"]:
            return p["party"] or p["proposer"]
    return None


# "16:10 - Delegations arrive": a live blog's entry stamp, not a claim about when anything happened.
_STAMP = re.compile(r"[ \t]*(?:[-\u2013\u2014:|]|$)")


def _entry_stamp(text: str, fig: numbers.Figure) -> bool:
    line_start = text.rfind("\n", 0, fig.start) + 1
    return fig.unit == "time" and not text[line_start:fig.start].strip() and bool(_STAMP.match(text, fig.end))


def find_figures(doc: Doc) -> list[dict]:
    found: list[dict] = []
    text = doc_text(doc)
    for fig in numbers.find_figures(text):
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        num_span = doc.char_span(fig.num_start, fig.num_end, alignment_mode="expand")
        if span is None or num_span is None or "\n" in fig.text or _entry_stamp(text, fig):
            continue
        # "1:30 a.m.": the number, not the "a.m." the parser may hang elsewhere.
        num = num_span[-1] if fig.unit != "time" else next((t for t in reversed(num_span) if t.text[:1].isdigit()),
                                                           num_span[-1])
        counted = counted_noun(num)
        unit = fig.unit
        slot = slot_of(span, num, counted, unit, exact=fig.min == fig.max and not fig.approximate)
        if slot["subject"] == "age":
            unit = "year"
        record = asdict(fig)
        record["static"] = numbers.base_value(None, unit)[0] == "length" and _attributive(num)
        record.update(unit=unit, basis=basis_of(fig, num),
                      counted=lemma(counted) if counted is not None else None,
                      frame=frame_of(num, measure=numbers.base_value(None, unit)[0] != "count")
                      or (_verb_frame(num) if unit == "time" else None),
                      status=status_of(num), proposer=proposer_of(doc, num), **slot)
        found.append(record)
    # A sentence naming several days: each figure takes its own clause's ("on Saturday 307 ...").
    for record, event in zip(found, scope.figure_events(doc, [r["num_start"] for r in found]), strict=True):
        record["event"] = event
    return found


class FigureFinder:
    """Adds `doc._.figures`: the number grammar's figures plus counted noun, subject, frame, basis, proposer."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc


@Language.factory("claims_figures", requires=["doc._.proposals"], assigns=["doc._.figures"])
def make_figure_finder(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder(nlp, name)
