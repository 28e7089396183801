"""The number grammar on sentences written for these tests (none from the seeds)."""

from __future__ import annotations

from dataclasses import asdict, fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from istanbul_claims.models import FigureValue
from istanbul_claims.numbers import Figure, base_value, find_figures, number_value

INF = None


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("The convoy carried 2,500 tonnes of grain.", "2,500 tonnes", 2500, 2500),
        ("Officials counted 1.5 million displaced people.", "1.5 million displaced people", 1_500_000, 1_500_000),
        # A fraction of a scale is one number, not a share and then a million.
        ("Insurance covers a quarter of a million dollars.", "a quarter of a million dollars", 250_000, 250_000),
        ("Half a million people fled.", "Half a million people", 500_000, 500_000),
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
        ("About 80 journalists attended.", "About 80 journalists", 80, 80),
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
    ["They met on March 3, 2024.", "The deal of 16 May held.", "It was signed Sept. 4.", "In 2019 the border closed.",
     "Su-34 bombers flew.", "a one-sided deal",
     "talks between 20 and 30 June", "a week to think"],
)
def test_dates_and_names_are_not_figures(text):
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


def _well_formed(text: str, figures: list[Figure]) -> None:
    end = 0
    for fig in figures:
        assert fig.min is None or fig.max is None or fig.min <= fig.max
        assert end <= fig.start < fig.end <= len(text)  # left to right, never overlapping
        assert fig.start <= fig.num_start < fig.num_end <= fig.end
        end = fig.end


@given(st.text(max_size=300))
def test_grammar_never_crashes_and_min_le_max(text):
    _well_formed(text, find_figures(text))


@given(st.lists(st.sampled_from(["at least", "under", "about", "between", "and", "to", "-", "for", "3", "12",
                                 "2,000", "two", "twenty", "days", "people", "aged", "or more", "the age of",
                                 "hours", "an hour", "and a half", "half", "9", ":", "30", "am", "pm", "GMT",
                                 "noon", "no", "none", "survivors", "each", "apiece", "from each side",
                                 "hundreds of", "several", "a few", "all", "%", "feet", "first", "in", "ago",
                                 "the sole", "-for-"]),
                max_size=12))
def test_grammar_on_cue_soup_keeps_min_le_max(words):
    text = " ".join(words)
    _well_formed(text, find_figures(text))


# --- compound durations: one figure, counted in the smaller unit ----------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The hearing ran two hours and 15 minutes.", "two hours and 15 minutes", 135, "minute"),
        ("The crossing took 1 hour 40 minutes.", "1 hour 40 minutes", 100, "minute"),
        ("Half an hour passed before the reply.", "Half an hour", 30, "minute"),
        ("A quarter of an hour went by.", "A quarter of an hour", 15, "minute"),
        ("The blockade lasted two years and three months.", "two years and three months", 27, "month"),
        ("The vote took 3 days 4 hours.", "3 days 4 hours", 76, "hour"),
    ],
)
def test_compound_duration_is_one_figure_in_the_smaller_unit(text, span, value, unit):
    figures = find_figures(text)
    assert [(f.text, f.min, f.max, f.unit) for f in figures] == [(span, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [("It took 2 hours 90 minutes.", ["2 hours", "90 minutes"]),
     ("They asked 3 days 2 weeks ahead.", ["3 days", "2 weeks"]),
     ("It took 1.5 hours, 90 minutes by road.", ["1.5 hours", "90 minutes"])],
)
def test_compound_needs_a_larger_unit_then_less_than_one_of_it(text, spans):
    assert [f.text for f in find_figures(text)] == spans


def test_bound_cue_applies_to_a_compound_duration():
    fig = find_figures("The session ran more than two hours and 15 minutes.")[0]
    assert (fig.text, fig.min, fig.max, fig.min_inclusive) == ("more than two hours and 15 minutes", 135, None, False)


# --- vague quantities: approximate ranges, never exact ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "lo", "hi", "unit"),
    [
        ("Several hundred people gathered.", "Several hundred people", 200, 999, "people"),
        ("A few hundred soldiers were captured.", "A few hundred soldiers", 200, 500, "people"),
        ("Hundreds of refugees crossed.", "Hundreds of refugees", 200, 999, "people"),
        ("Dozens of drones were downed.", "Dozens of drones", 24, 99, "aircraft"),
        ("Scores of fishermen waited.", "Scores of", 40, 199, None),
        ("Thousands of residents fled.", "Thousands of residents", 2000, 9999, "people"),
        ("Tens of thousands of people marched.", "Tens of thousands of people", 20000, 99999, "people"),
        ("A handful of observers came.", "A handful", 2, 9, None),
        ("It rained for a few days.", "a few days", 2, 5, "day"),
        ("They paused for a day or two.", "a day or two", 1, 2, "day"),
    ],
)
def test_vague_quantity_is_an_approximate_range(text, span, lo, hi, unit):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.max, fig.unit) == (span, lo, hi, unit)
    assert fig.vague and fig.approximate


@pytest.mark.parametrize(("text", "span", "hi", "unit"), [
    ("The cartridges held less than a gram of oil.", "less than a gram", 1, "gram"),
    ("The wreck lay nearly a kilometre offshore.", "nearly a kilometre", 1, "kilometre"),
])
def test_a_unit_after_a_bound_cue_counts_one(text, span, hi, unit):
    fig = find_figures(text)[0]
    assert (fig.text, fig.max, fig.unit) == (span, hi, unit)


def test_grams_are_a_mass_in_kilograms():
    from istanbul_claims.numbers import base_value
    assert base_value(500, "gram") == ("mass", 0.5)


@pytest.mark.parametrize(("text", "vague"), [
    ("Strong jolts hit the city around midday.", True),  # a part of the day
    ("The quake hit at noon.", False),
    ("It struck at about 2 am.", False),  # a reading of the clock, a quarter of an hour either way
])
def test_a_named_time_said_loosely_is_vague(text, vague):
    assert find_figures(text)[0].vague is vague


def test_bound_cue_on_a_vague_quantity_keeps_its_side():
    fig = find_figures("More than several hundred ships sailed.")[0]
    assert (fig.min, fig.max, fig.vague) == (200, None, True)


@pytest.mark.parametrize("text", ["About 300 ships sailed.", "A dozen ships sailed.", "Two hundred ships sailed."])
def test_a_number_is_never_vague(text):
    assert find_figures(text)[0].vague is False


# --- times of day: minutes after midnight, the zone kept as written ---------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "minutes", "tz"),
    [
        ("The jet went down at 9:14 am.", "9:14 am", 554, None),
        ("The jet went down at 9.14am local time.", "9.14am local time", 554, "local"),
        ("Radar lost it at 09:14.", "09:14", 554, None),
        ("Radar lost it at 0914 GMT.", "0914 GMT", 554, "GMT"),
        ("Sirens sounded at 14:30 local time.", "14:30 local time", 870, "local"),
        ("Sirens sounded at 9 am.", "9 am", 540, None),
        ("Sirens sounded at 3:20 p.m. Moscow time.", "3:20 p.m. Moscow time", 920, "MSK"),
        ("Sirens sounded at 10:00 GMT+3.", "10:00 GMT+3", 600, "GMT+3"),
        ("The polls close at 11:45 UTC.", "11:45 UTC", 705, "UTC"),
        ("The deadline is noon.", "noon", 720, None),
        ("The curfew starts at midnight.", "midnight", 0, None),
        ("The guard changed at 12:30 am.", "12:30 am", 30, None),
        ("The guard changed at 12 pm.", "12 pm", 720, None),
        # Any place's time is a zone named by the place.
        ("The jet went down at 9:14 Tarsk time.", "9:14 Tarsk time", 554, "Tarsk"),
        # The place after a converted time is its zone...
        ("It ended at 21:00, or 2 pm in Valdoria.", "2 pm", 840, "Valdoria"),
        ("It ended at 21:00 (9 pm in Moscow).", "9 pm", 1260, "MSK"),
        ("It came down at 11:28 Tarsk time, 10:28 in Valdoria.", "10:28", 628, "Valdoria"),
        # ...but where something happened is no zone.
        ("The plane landed at 9 am in Tarsk.", "9 am", 540, None),
    ],
)
def test_time_of_day(text, span, minutes, tz):
    fig = next(f for f in find_figures(text) if f.text == span)
    assert (fig.text, fig.min, fig.max, fig.unit, fig.tz) == (span, minutes, minutes, "time", tz)


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi", "tz"),
    [("Voting runs between 9 and 11 am UTC.", "between 9 and 11 am UTC", 540, 660, "UTC"),
     ("Shops open from 10 am to 1 pm.", "from 10 am to 1 pm", 600, 780, None),
     ("Queues formed 11-1 pm.", "11-1 pm", 660, 780, None)],
)
def test_time_range(text, span, lo, hi, tz):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.max, fig.unit, fig.tz) == (span, lo, hi, "time", tz)


@pytest.mark.parametrize(
    ("text", "bound"),
    [("Leave no later than 9 am.", (None, 540)), ("Arrive about noon.", (720, 720))],
)
def test_cues_apply_to_a_time(text, bound):
    assert (find_figures(text)[0].min, find_figures(text)[0].max) == bound


@pytest.mark.parametrize(
    ("text", "values"),
    [("At 10:36 am the session opened.", [(636, "time")]),
     ("The ratio fell 9.14 points.", [(9.14, "section")]),
     ("Some 2000 soldiers and 1430 people came.", [(2000, "people"), (1430, "people")]),
     ("Shifts of 9 amounted to little.", [(9, None)])],
)
def test_times_are_not_counts_and_counts_are_not_times(text, values):
    assert [(f.min, f.unit) for f in find_figures(text)] == values


# --- lengths and conversions ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [("The jet dropped 700 feet.", "700 feet", 700, "foot"),
     ("It cruised at 2,800 metres.", "2,800 metres", 2800, "metre"),
     ("The queue was 2.8 km long.", "2.8 km", 2.8, "kilometre"),
     ("A trench ran 10km east.", "10km", 10, "kilometre"),
     ("They marched 5 miles.", "5 miles", 5, "mile"),
     ("Troops marched 5 miles in May 2024.", "5 miles", 5, "mile"),
     ("A 4 metre-high wall fell.", "4 metre", 4, "metre"),
     ("A 4-metre-high wall fell.", "4-metre", 4, "metre"),
     ("Turnout reached 45%.", "45%", 45, "percent")],
)
def test_quantities_with_units(text, span, value, unit):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.unit) == (span, value, unit)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(700, "foot", ("length", 213.36)), (213, "metre", ("length", 213)), (2.8, "kilometre", ("length", 2800)),
     (5, "mile", ("length", 8046.72)), (2, "hour", ("duration", 120)), (1, "day", ("duration", 1440)),
     (1, "year", ("duration", 525960)), (554, "time", ("time", 554)), (45, "percent", ("percent", 45)),
     (6000, "people", ("count", 6000)), (6000, None, ("count", 6000)), (None, "week", ("duration", None)),
     (3, "furlong", (None, None))],
)
def test_base_value(value, unit, expected):
    dim, base = base_value(value, unit)
    assert dim == expected[0]
    assert base == pytest.approx(expected[1]) if expected[1] is not None else base is None


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("We waited an hour and a half.", "an hour and a half", 1.5, "hour"),
        ("The trial took two and a half hours.", "two and a half hours", 2.5, "hour"),
        ("The strike went on for a day and a half.", "a day and a half", 1.5, "day"),
        ("She was sentenced to six and a half years.", "six and a half years", 6.5, "year"),
    ],
)
def test_a_whole_number_and_a_fraction_stay_in_their_unit(text, span, value, unit):
    (fig,) = find_figures(text)
    assert (fig.text, fig.min, fig.max, fig.unit) == (span, value, value, unit)


@pytest.mark.parametrize(("text", "hi"), [("The talks ran for nearly two hours.", 2.0),
                                          ("Almost 400 prisoners came home.", 400.0)])
def test_nearly_and_almost_are_approximate_upper_bounds(text, hi):
    (fig,) = find_figures(text)
    assert (fig.min, fig.max, fig.max_inclusive, fig.approximate) == (None, hi, False, True)


@pytest.mark.parametrize(("text", "lo", "hi"), [("A meeting of little more than an hour.", 1.0, None),
                                                ("It ran a little over two hours.", 2.0, None),
                                                ("They waited slightly less than 40 minutes.", None, 40.0)])
def test_a_little_more_or_less_is_near_its_bound(text, lo, hi):
    (fig,) = find_figures(text)
    assert (fig.min, fig.max, fig.approximate) == (lo, hi, True)


@pytest.mark.parametrize(
    ("a", "b"),
    [("The jet dropped 700 feet.", "The jet dropped 213.36 metres."),
     ("We waited an hour and a half.", "We waited 1.5 hours."),
     ("We waited two days.", "We waited 48 hours.")],
)
def test_one_quantity_in_two_units_has_one_base_value(a, b):
    fa, fb = find_figures(a)[0], find_figures(b)[0]
    dim_a, va = base_value(fa.min, fa.unit)
    dim_b, vb = base_value(fb.min, fb.unit)
    assert dim_a == dim_b and va == pytest.approx(vb)


# --- counts of none and of one ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "word", "value"),
    [
        ("There were no survivors.", "no survivors", "no", 0),
        ("None survived the fire.", "None", "None", 0),
        ("No one survived the fire.", "No one", "No one", 0),
        ("Nobody was killed.", "Nobody", "Nobody", 0),
        ("There were no casualties.", "no casualties", "no", 0),
        ("Police found no other victims.", "no other victims", "no", 0),
        ("The drill caused zero injuries.", "zero injuries", "zero", 0),
        ("Not a single soldier moved.", "Not a single soldier", "Not a single", 0),
        ("There were no reports of shelling.", "no reports", "no", 0),
        ("He was the sole survivor.", "the sole survivor", "sole", 1),
        ("She was the only survivor.", "the only survivor", "only", 1),
        ("A lone survivor was found.", "A lone survivor", "lone", 1),
    ],
)
def test_counts_of_none_and_of_one(text, span, word, value):
    # num_start/num_end sit on the word that says how many, so the parse finds the noun it counts.
    fig = find_figures(text)[0]
    assert (fig.text, text[fig.num_start:fig.num_end], fig.min, fig.max) == (span, word, value, value)


@pytest.mark.parametrize(
    "text",
    ["There is no point in waiting.", "It gave no details.", "It was none other than the envoy.",
     "None of these ports is open.", "It is the only way out.", "They will no longer wait.",
     "Plans were made, no doubts raised.", "The only acceptable option remains."],
)
def test_no_and_only_before_words_that_are_not_counted(text):
    assert find_figures(text) == []


def test_all_of_a_group():
    fig = find_figures("All 150 on board died.")[0]
    assert (fig.text, fig.min, fig.max, fig.all_of) == ("All 150", 150, 150, True)
    assert find_figures("About 150 were on board.")[0].all_of is False


# --- percentages and shares -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "lo", "hi", "approximate", "vague"),
    [
        ("Turnout was 45%.", "45%", 45, 45, False, False),
        ("Turnout was 45 per cent.", "45 per cent", 45, 45, False, False),
        ("Turnout was 45 percent.", "45 percent", 45, 45, False, False),
        ("Nearly half of the voters stayed home.", "Nearly half", 40, 50, True, True),
        ("More than half of the crew are civilians.", "More than half", 50, None, False, False),
        ("About a third of the fleet was hit.", "About a third", 100 / 3, 100 / 3, True, False),
        ("Half of the crew escaped.", "Half", 50, 50, False, False),
        ("Two-thirds of the town is dark.", "Two-thirds", 200 / 3, 200 / 3, False, False),
    ],
)
def test_percentages_and_shares(text, span, lo, hi, approximate, vague):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.max, fig.unit) == (span, pytest.approx(lo), pytest.approx(hi) if hi else hi,
                                                     "percent")
    assert (fig.approximate, fig.vague) == (approximate, vague)


@pytest.mark.parametrize(
    ("text", "values"),
    [("The second half of the year was calm.", []), ("Half a dozen drones fell.", [(6, "aircraft")]),
     ("A third round of talks began.", [])],
)
def test_half_and_third_that_are_not_shares(text, values):
    assert [(f.min, f.unit) for f in find_figures(text)] == values


# --- per-side figures -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "basis"),
    [
        ("They swapped 1,000 each.", "1,000 each", None),
        ("They freed 1,000 from each side.", "1,000 from each side", None),
        ("They freed 1,000 on each side.", "1,000 on each side", None),
        ("They freed 1,000 apiece.", "1,000 apiece", None),
        ("They freed 1,000 prisoners each.", "1,000 prisoners each", None),
        ("A 1,000-for-1,000 swap was agreed.", "1,000-for-1,000", "reciprocal"),
        ("A 1,000 for 1,000 swap was agreed.", "1,000 for 1,000", "reciprocal"),
    ],
)
def test_per_side_figures(text, span, basis):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.max, fig.per_side, fig.basis) == (span, 1000, 1000, True, basis)


@pytest.mark.parametrize("text", ["They freed 1,000 prisoners each week.", "They freed 1,000 prisoners.",
                                  "It was a 500 for 300 deal.", "They met each other 3 times."])
def test_not_per_side(text):
    assert find_figures(text)[0].per_side is False


def test_each_and_x_for_x_read_as_one_fact():
    each, x_for_x = find_figures("They freed 1,000 each.")[0], find_figures("a 1,000-for-1,000 swap")[0]
    assert (each.min, each.max, each.per_side) == (x_for_x.min, x_for_x.max, x_for_x.per_side)


# --- elapsed time ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "elapsed"),
    [
        ("It was their first face-to-face meeting in over two years.", "over two years", True),
        ("These are the first such talks in three years.", "three years", True),
        ("They met for the first time in 18 months.", "18 months", True),
        ("Prices hit their highest level in a decade.", "a decade", True),
        ("The envoys met two weeks ago.", "two weeks", True),
        ("Three days later the border opened.", "Three days", True),
        ("They proposed a ceasefire of 30 days.", "30 days", False),
        ("The first group will be freed in two weeks.", "two weeks", False),
        ("In the first two years, 500 people left.", "two years", False),
    ],
)
def test_elapsed_time_is_flagged_not_dropped(text, span, elapsed):
    fig = find_figures(text)[0]
    assert (fig.text, fig.elapsed) == (span, elapsed)


# --- ages ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value"),
    [("A 45-year-old pilot was hurt.", "45-year-old", 45), ("The pilot, aged 67, survived.", "67", 67),
     ("The 67-year-old retired.", "67-year-old", 67), ("Children at age 5 attend.", "5", 5)],
)
def test_ages_are_years(text, span, value):
    fig = find_figures(text)[0]
    assert (fig.text, fig.min, fig.max, fig.unit) == (span, value, value, "year")


# --- numbers inside codes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "values"),
    [("Su-34 bombers flew over.", []), ("Flight 7C2216 landed late.", []), ("A Boeing 737-800 crashed.", []),
     ("Air India flight 171 crashed.", []), ("Flight 171 carried 242 people.", [242]),
     ("It was the 5th attempt since the 1990s.", []), ("Article 5 and UN Resolution 2231 apply.", [])],
)
def test_numbers_inside_codes_are_not_counts(text, values):
    assert [f.min for f in find_figures(text)] == values


# --- the new fields reach the claim model ----------------------------------------------------------------

def test_every_figure_value_field_reaches_the_claim_model():
    # figures.py passes asdict(fig) on; claims.py keeps the keys FigureValue lists.
    grammar_only = {"start", "end", "text", "num_start", "num_end"}
    assert {f.name for f in fields(Figure)} - grammar_only <= set(FigureValue.model_fields)
    fig = find_figures("They swapped all 1,000 each at 9 am GMT.")
    values = [FigureValue(**{k: v for k, v in asdict(f).items() if k in FigureValue.model_fields}) for f in fig]
    assert [(v.all_of, v.per_side, v.tz) for v in values] == [(True, True, None), (False, False, "GMT")]


@pytest.mark.parametrize(("text", "lo", "hi"), [("Russia offered a two-to-three-day ceasefire.", 2, 3),
                                                ("It proposed a 2-to-3-day truce.", 2, 3)])
def test_a_hyphenated_range_before_its_noun_is_one_range(text, lo, hi):
    (fig,) = find_figures(text)
    assert (fig.min, fig.max, fig.unit) == (lo, hi, "day")


@pytest.mark.parametrize(("text", "lo", "hi"), [("It left shortly before 8 a.m. local time.", None, 480.0),
                                                ("It landed just after 9:30.", 570.0, None)])
def test_shortly_before_and_just_after_a_time_are_near_bounds(text, lo, hi):
    (fig,) = find_figures(text)
    assert (fig.min, fig.max, fig.approximate) == (lo, hi, True)


def test_a_number_and_a_half_whose_unit_the_sentence_left_out_is_still_the_number():
    figures = find_figures("It should have taken just over an hour but lasted almost two and a half.")
    assert [(f.text, f.min, f.max) for f in figures][-1] == ("almost two and a half", None, 2.5)


@pytest.mark.parametrize(("text", "found"), [
    # A year is no figure, but what follows it may be.
    ("A court sentenced him in July 2020 to nine years in prison.", [("nine years", 9.0, 9.0)]),
    ("He was sentenced in June 2020 to sixteen years.", [("sixteen years", 16.0, 16.0)]),
    # Two years are a span of time, not a range of counts...
    ("The programme ran from 2019 to 2021.", []),
    # ...unless they count something.
    ("Between 1990 and 2000 people marched.", [("Between 1990 and 2000 people", 1990.0, 2000.0)]),
])
def test_years_are_skipped_and_what_follows_them_is_read(text, found):
    assert [(f.text, f.min, f.max) for f in find_figures(text)] == found


@pytest.mark.parametrize(("text", "span", "value", "unit", "approximate"), [
    ("Tehran gains access to $6 billion of its money.", "$6 billion", 6e9, "usd", False),
    ("The full $6bn has reached Qatari banks.", "$6bn", 6e9, "usd", False),
    ("The roughly $6.5 billion moved into Qatar.", "roughly $6.5 billion", 6.5e9, "usd", True),
    ("A plane carried US$400m in cash.", "US$400m", 4e8, "usd", False),
    ("The airline expects a loss of about ¥15 billion.", "about ¥15 billion", 1.5e10, "jpy", True),
    ("It arrived as 5.57 billion euros.", "5.57 billion euros", 5.57e9, "eur", False),
    ("Six billion dollars was paid.", "Six billion dollars", 6e9, "usd", False),
    ("The fine was £250,000.", "£250,000", 250_000, "gbp", False),
])
def test_money_is_an_amount_in_its_currency(text, span, value, unit, approximate):
    (fig,) = [f for f in find_figures(text) if f.text == span]
    assert (fig.min, fig.max, fig.unit, fig.approximate) == (value, value, unit, approximate)


def test_prices_are_money_not_counts():
    assert [(f.min, f.unit) for f in find_figures("Prices rose to $5 and then €7.")] == [(5, "usd"), (7, "eur")]


def test_currencies_are_dimensions_of_their_own():
    assert base_value(6e9, "usd") == ("money@usd", 6e9)
    assert base_value(1.0, "eur")[0] != base_value(1.0, "usd")[0]


@pytest.mark.parametrize(("text", "found"), [
    ("Moscow gave up nearly four times as many people as it received.", []),
    ("The toll is three times higher than in 2019.", []),
    ("The envoys met three times.", [3.0]),
])
def test_a_multiplier_is_no_count(text, found):
    assert [f.min for f in find_figures(text)] == found
