"""The number grammar on sentences written for these tests (none from the seeds)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from istanbul_claims.numbers import find_figures, number_value

INF = None


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("The convoy carried 2,500 tonnes of grain.", "2,500", 2500, 2500),
        ("Officials counted 1.5 million displaced people.", "1.5 million displaced people", 1_500_000, 1_500_000),
        ("Nineteen thousand five hundred votes were cast.", "Nineteen thousand five hundred", 19500, 19500),
        ("The mission lasted twenty-five days.", "twenty-five days", 25, 25),
        ("A 4-5 week pause was floated.", "4-5 week", 4, 5),
        ("Talks may run for three to four days.", "three to four days", 3, 4),
        ("Recruits aged 19 to 27 were eligible.", "19 to 27", 19, 27),
        ("Only people between the ages of 60 and 70 qualify.", "between the ages of 60 and 70", 60, 70),
        ("The list held between 40 and 45 names.", "between 40 and 45 names", 40, 45),
        ("It will run from 10 to 12 weeks.", "from 10 to 12 weeks", 10, 12),
        ("Maybe two or three delegates will come.", "two or three", 2, 3),
        ("At least 400 people were freed.", "At least 400 people", 400, INF),
        ("More than 7,000 homes lost power.", "More than 7,000", 7000, INF),
        ("Children under 14 were evacuated.", "under 14", INF, 14),
        ("Up to 300 trucks may cross.", "Up to 300", INF, 300),
        ("Elections no later than 90 days after the vote.", "no later than 90 days", INF, 90),
        ("A minimum 45-day truce was proposed.", "minimum 45-day", 45, INF),
        ("A maximum of 12 observers will attend.", "A maximum of 12", INF, 12),
        ("Twenty soldiers or more were captured.", "Twenty soldiers or more", 20, INF),
        ("About 80 journalists attended.", "About 80", 80, 80),
        ("The vote took just over an hour.", "just over an hour", 1, INF),
        ("Half a dozen drones were downed.", "Half a dozen drones", 6, 6),
        ("The swap followed a 500 for 500 formula.", "500 for 500", 500, 500),
        ("He will hand over 300 documents.", "300", 300, 300),
    ],
)
def test_bounds_and_ranges(text, span, lo, hi):
    # The span runs through the counted noun when data/cues.toml knows it as a unit.
    figures = find_figures(text)
    assert figures, f"no figure in {text!r}"
    fig = figures[0]
    assert fig.text == span
    assert (fig.min, fig.max) == (lo, hi)


@pytest.mark.parametrize(
    ("text", "min_inclusive", "max_inclusive"),
    [("fewer than 10 ships", True, False), ("at most 10 ships", True, True),
     ("over 10 ships", False, True), ("no fewer than 10 ships", True, True)],
)
def test_inclusive_bounds(text, min_inclusive, max_inclusive):
    fig = find_figures(text)[0]
    assert (fig.min_inclusive, fig.max_inclusive) == (min_inclusive, max_inclusive)


@pytest.mark.parametrize(
    ("text", "approximate"),
    [("around 300 ships", True), ("roughly 40 tanks", True), ("some 2,000 refugees", True),
     ("two or three days", True), ("exactly 300 ships", False), ("300 ships", False)],
)
def test_approximation(text, approximate):
    assert find_figures(text)[0].approximate is approximate


@pytest.mark.parametrize(
    ("text", "basis"),
    [("a 500 for 500 exchange", "reciprocal"), ("a “1,200 for 1,200” swap", "reciprocal"), ("1,200 bodies", None)],
)
def test_x_for_x_is_reciprocal(text, basis):
    assert find_figures(text)[0].basis == basis


@pytest.mark.parametrize(
    ("text", "unit"),
    [("a 4-day truce", "day"), ("30 hours of talks", "hour"), ("12 missing children", "people"),
     ("800 bodies", "body"), ("a 9-member panel", "people"), ("three sections", "section"),
     ("men under 30 years old", "year")],
)
def test_units(text, unit):
    assert find_figures(text)[0].unit == unit


@pytest.mark.parametrize(
    "text",
    ["They met on March 3, 2024.", "The deal of 16 May held.", "In 2019 the border closed.",
     "At 10:36 am the session opened.", "Su-34 bombers flew.", "a one-sided deal", "No one came.",
     "talks between 20 and 30 June", "a week to think"],
)
def test_dates_times_and_names_are_not_figures(text):
    assert find_figures(text) == []


def test_particle_over_is_not_a_bound():
    fig = find_figures("They will hand over 900 prisoners.")[0]
    assert (fig.min, fig.max) == (900, 900)


@pytest.mark.parametrize(("words", "value"), [("six", 6), ("twenty-one", 21), ("one hundred and five", 105),
                                              ("3,400", 3400), ("2.5 billion", 2.5e9), ("a dozen", 12)])
def test_number_value(words, value):
    assert number_value(words) == value


def test_number_value_rejects_non_numbers():
    assert number_value("banana") is None


@given(st.text(max_size=300))
def test_grammar_never_crashes_and_min_le_max(text):
    for fig in find_figures(text):
        assert fig.min is None or fig.max is None or fig.min <= fig.max
        assert 0 <= fig.start < fig.end <= len(text)


@given(st.lists(st.sampled_from(["at least", "under", "about", "between", "and", "to", "-", "for", "3", "12",
                                 "2,000", "two", "twenty", "days", "people", "aged", "or more", "the age of"]),
                max_size=12))
def test_grammar_on_cue_soup_keeps_min_le_max(words):
    for fig in find_figures(" ".join(words)):
        assert fig.min is None or fig.max is None or fig.min <= fig.max
