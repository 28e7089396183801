"""Selective parsing: which sentences the tagger and parser read, and that the rest stay whole."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from istanbul_claims.nlp import selection
from istanbul_claims.nlp.attributes import CachedAttributeRuler, CachedLemmatizer


def starts(nlp, text: str) -> list[str]:
    doc = nlp.make_doc(text)
    return [doc[s:e].text for s, e in selection._spans(selection.sentence_starts(doc))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
    ('He said "we agree." Then he left.', ['He said "we agree."', "Then he left."]),
    ("A heading\nThe first line of text.", ["A heading\n", "The first line of text."]),
    ("One paragraph.\n\nAnother one?", ["One paragraph.\n\n", "Another one?"]),
])
def test_sentences_end_at_end_marks_and_line_breaks_keeping_whitespace_behind(nlp, text, expected):
    assert starts(nlp, text) == expected


@pytest.mark.parametrize(("sentence", "parse"), [
    ("the convoy carried 40 crates.", True),          # a figure
    ("the meeting lasted about an hour.", True),      # a figure the grammar finds without digits
    ("the envoy rejected the plan.", True),           # a stance verb
    ("she insisted on it.", True),                    # a speech verb
    ("the weather was calm near Tallinn.", True),     # a name
    ("the weather was calm and dry.", False),
])
def test_a_sentence_is_parsed_when_it_can_carry_a_claim(nlp, sentence, parse):
    doc = nlp.make_doc(sentence)
    sentences = selection._spans(selection.sentence_starts(doc))
    assert selection.picked(doc, sentences, nlp.get_pipe("claims_selective_parse")._cue_hashes()) == [parse]


def test_unparsed_sentences_stay_sentences_with_no_tags(parse):
    doc = parse("the weather was calm and dry. The ministry said 12 trucks arrived.")
    first, second = list(doc.sents)
    assert first.text.startswith("the weather") and second.text.startswith("The ministry")
    assert {t.tag_ for t in first} == {""} and all(t.tag_ for t in second)
    assert [f["min"] for f in doc._.figures] == [12]


def test_a_dated_sentence_is_parsed(parse):
    # Which event it is about depends on its clauses ("officials said on Monday").
    first = next(iter(parse("the weather was calm and dry yesterday. The ministry said 12 trucks arrived.").sents))
    assert all(t.tag_ for t in first)


def test_batches_of_any_size_give_the_same_parse(nlp, monkeypatch):
    text = " ".join(f"The envoy said {n} trucks crossed at Narva on day {n}." for n in range(2, 40))
    attrs = [TAG, POS, LEMMA, DEP, HEAD]
    whole = nlp(nlp.make_doc(text)).to_array(attrs)
    monkeypatch.setattr(selection, "BATCH_TOKENS", 30)
    monkeypatch.setattr(selection, "MAX_RUN_TOKENS", 40)
    assert numpy.array_equal(nlp(nlp.make_doc(text)).to_array(attrs), whole)


@pytest.mark.parametrize(("lemma", "form"), [("say", "says"), ("agree", "agreed"), ("study", "studies"),
                                             ("propose", "proposing"), ("criticise", "criticised")])
def test_cue_lemmas_match_their_regular_inflections(lemma, form):
    assert form in selection._forms(lemma)


def test_irregular_speech_forms_come_from_the_rules():
    assert {"said", "told"} <= selection.cue_words()


TEXTS = ["There is no deal, and there were 5 trucks.", "Let's go, y'all: I ain't gonna wait.",
         "He gets it; she got it. Nothin' was done for it.", "The delegates were not leaving\n\n  yet."]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_attribute_ruler_and_lemmatizer_agree_with_spacys(nlp, text):
    def tagged():
        doc = nlp.make_doc(text)
        for name in ("tok2vec", "tagger", "parser"):
            doc = nlp.get_pipe(name)(doc)
        return doc

    ours, theirs = tagged(), tagged()
    CachedLemmatizer(nlp.get_pipe("lemmatizer"))(CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))(ours))
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(theirs))
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    assert numpy.array_equal(ours.to_array(attrs), theirs.to_array(attrs))
