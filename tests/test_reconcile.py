"""The reconciler on claims built by hand: every contradiction kind, and what is not a contradiction."""

from __future__ import annotations

import random

import pytest

from istanbul_claims.models import (
    ActorClaim,
    ActorValue,
    DateClaim,
    DateValue,
    FigureClaim,
    FigureValue,
    ProposalClaim,
    ProposalValue,
    Resolution,
)
from istanbul_claims.reconcile import compare_figures, reconcile

_n = iter(range(10_000))


def fig(doc, sentence, lo=None, hi=None, *, basis=None, subject="body", unit=None, approx=False,
        lo_in=True, hi_in=True, frame="transfer", proposer=None, speaker=None, event="2025-06-02"):
    i = next(_n)
    return FigureClaim(id=f"f{i:04d}", doc=doc, text=str(lo or hi), sentence=sentence, start=i, end=i + 1,
                       speaker=speaker, topics=["bodies"], event=event,
                       value=FigureValue(min=lo, max=hi, basis=basis, subject=subject, unit=unit,
                                         approximate=approx, min_inclusive=lo_in, max_inclusive=hi_in,
                                         frame=frame, proposer=proposer))


def prop(doc, sentence, stance, party="Kingdom", subject="ceasefire", qualifier=None):
    i = next(_n)
    return ProposalClaim(id=f"p{i:04d}", doc=doc, text=sentence, sentence=sentence, start=i, end=i + 1,
                         topics=["ceasefire"], event="2025-06-02",
                         value=ProposalValue(proposer=party, party=party, what=subject,
                                                                    stance=stance, subject=subject,
                                                                    qualifier=qualifier))


def kinds(claims):
    return sorted(c.kind for c in reconcile(claims).contradictions)


def test_unilateral_vs_reciprocal_is_a_reciprocity_contradiction():
    claims = [fig("a", "The north will hand over 800 bodies unilaterally.", 800, 800, basis="unilateral"),
              fig("b", "The sides will swap 800 for 800 bodies.", 800, 800, basis="reciprocal")]
    assert kinds(claims) == ["reciprocity"]


def test_same_count_with_different_basis_is_not_numeric():
    claims = [fig("a", "s1", 800, 800, basis="unilateral"), fig("b", "s2", 800, 800, basis="reciprocal")]
    assert "numeric" not in kinds(claims)


def test_different_exact_counts_are_numeric():
    assert kinds([fig("a", "s1", 300, 300), fig("b", "s2", 450, 450)]) == ["numeric"]


def far(doc, km, what):
    claim = fig(doc, f"s{km}{what}", km, km, subject="distance from airport", unit="kilometre", frame=None)
    return claim.model_copy(update={"value": claim.value.model_copy(update={"mods": what})})


@pytest.mark.parametrize(("claims", "found"), [
    ([far("a", 3, ["aircraft"]), far("b", 8, ["aircraft"])], ["numeric"]),
    # The jet and the debris, or a distance of nothing said: not one fact.
    ([far("a", 3, ["aircraft"]), far("b", 8, ["debris"])], []),
    ([far("a", 3, []), far("b", 8, [])], []),
])
def test_distances_compare_only_when_they_say_what_is_that_far(claims, found):
    assert kinds(claims) == found


def summed(claim):
    return claim.model_copy(update={"value": claim.value.model_copy(update={"summed": True})})


@pytest.mark.parametrize(("claims", "found"), [
    # "In all, 1,000" against "390 crossed on Friday": the first stage may be a part of the sum.
    ([summed(fig("a", "s1", 1000, 1000)), fig("b", "s2", 390, 390)], []),
    ([summed(fig("a", "s1", 1000, 1000)), summed(fig("b", "s2", 1200, 1200))], ["numeric"]),
])
def test_a_sum_of_parts_compares_only_with_sums(claims, found):
    assert kinds(claims) == found


def test_age_bounds_that_differ_are_a_range_contradiction():
    claims = [fig("a", "Recruits aged 19 to 27.", 19, 27, subject="age", unit="year"),
              fig("b", "Recruits under 27.", None, 27, subject="age", unit="year", hi_in=False)]
    assert kinds(claims) == ["range"]


def test_identical_age_bounds_agree():
    claims = [fig("a", "s1", None, 30, subject="age", unit="year", hi_in=False),
              fig("b", "s2", None, 30, subject="age", unit="year", hi_in=False)]
    diff = reconcile(claims)
    assert diff.contradictions == [] and len(diff.clusters) == 1


@pytest.mark.parametrize(("a", "b"), [
    ({"lo": 1, "unit": "hour", "approx": True, "lo_in": False}, {"lo": 1, "hi": 1, "unit": "hour", "approx": True}),
    ({"lo": 1000}, {"lo": 1000}),
    ({"lo": 1000}, {"lo": 1200, "hi": 1200}),
    ({"lo": 2, "hi": 3, "unit": "day"}, {"lo": 48, "hi": 48, "unit": "hour"}),
    ({"lo": 20, "hi": 20, "approx": True}, {"lo": 22, "hi": 22}),
    ({"hi": 500}, {"lo": 450, "hi": 450}),
])
def test_compatible_figures_are_not_contradictions(a, b):
    subject = "meeting" if a.get("unit") in ("hour", "day") else "prisoner"
    va = FigureValue(min=a.get("lo"), max=a.get("hi"), unit=a.get("unit"), approximate=a.get("approx", False),
                     min_inclusive=a.get("lo_in", True), subject=subject)
    vb = FigureValue(min=b.get("lo"), max=b.get("hi"), unit=b.get("unit"), approximate=b.get("approx", False),
                     subject=subject)
    assert compare_figures(va, vb) is None


@pytest.mark.parametrize(("a", "b", "kind"), [
    ((None, 100), (150, 150), "range"),
    ((10, 20), (30, 40), "range"),
    ((5, 5), (7, 7), "numeric"),
])
def test_disjoint_figures_conflict(a, b, kind):
    assert compare_figures(FigureValue(min=a[0], max=a[1], subject="prisoner"),
                           FigureValue(min=b[0], max=b[1], subject="prisoner")) == kind


@pytest.mark.parametrize(("a", "b", "conflict"), [
    # A figure converted to another unit is rounded in it: 984 feet is 299.9 metres.
    ((984, "foot"), (300, "metre"), False),
    ((47, "nautical_mile"), (87, "kilometre"), False),
    # Beyond the last significant digit's rounding, the units do not excuse the difference.
    ((984, "foot"), (250, "metre"), True),
    ((1.6, "mile"), (1.7, "mile"), True),
    ((1, "hour"), (75, "minute"), True),
])
def test_a_figure_in_another_unit_is_as_precise_as_its_last_digit(a, b, conflict):
    va, vb = (FigureValue(min=n, max=n, unit=unit, subject="dali") for n, unit in (a, b))
    assert (compare_figures(va, vb) is not None) == conflict


def test_different_proposers_proposals_do_not_conflict():
    claims = [fig("a", "The north offered a 3-day truce.", 3, 3, subject="ceasefire", unit="day", proposer="North"),
              fig("b", "The south proposed a 60-day truce.", 60, 60, subject="ceasefire", unit="day",
                  proposer="South")]
    claims = [c.model_copy(update={"value": c.value.model_copy(update={"status": "proposed"})}) for c in claims]
    assert kinds(claims) == []


def test_earlier_event_is_not_compared_with_this_one():
    claims = [fig("a", "In March the sides swapped 300.", 300, 300, event="range:2025-03-01..2025-03-31"),
              fig("b", "Today they swapped 500.", 500, 500)]
    assert kinds(claims) == []


def test_one_sentence_never_contradicts_itself():
    sentence = "The north returned 101 people, while the south returned about 20."
    assert kinds([fig("a", sentence, 101, 101), fig("a", sentence, 20, 20, approx=True)]) == []


def test_an_article_giving_several_values_for_one_slot_is_no_side():
    # A running toll ("at least 96", later "179") or a stage beside a total is not a dispute.
    claims = [fig("a", "At least 96 died.", 96, 96), fig("a", "Now 179 are dead.", 179, 179),
              fig("b", "The toll is 179.", 179, 179)]
    assert kinds(claims) == []


def test_considering_vs_rejecting_is_a_stance_contradiction():
    claims = [prop("a", "The kingdom is considering the truce.", "consider"),
              prop("b", "The kingdom rejected the truce.", "reject")]
    assert kinds(claims) == ["stance"]


def test_different_qualifiers_are_different_proposals():
    claims = [prop("a", "The kingdom rejected a full truce.", "reject", qualifier="full"),
              prop("b", "The kingdom offered a partial truce.", "offer", qualifier="partial")]
    assert kinds(claims) == []


def test_each_side_names_its_sources_in_full():
    claims = [fig("2025-06-02-wire", "X said it is unilateral.", 800, 800, basis="unilateral", speaker="X"),
              fig("2025-06-02-kyiv", "It is an exchange.", 800, 800, basis="reciprocal")]
    (c,) = reconcile(claims).contradictions
    assert "unilaterally per 2025-06-02-wire (X)" in c.explanation
    assert "in an exchange per 2025-06-02-kyiv" in c.explanation


def test_one_article_alone_never_contradicts_itself():
    # An article listing several numbers is far more often stating several facts than a dispute.
    claims = [fig("a", "X said it is unilateral.", 800, 800, basis="unilateral", speaker="X"),
              fig("a", "Y said it is an exchange.", 800, 800, basis="reciprocal", speaker="Y")]
    assert reconcile(claims).contradictions == []


def test_ids_are_stable_whatever_the_order():
    claims = [fig("a", "s1", 300, 300), fig("b", "s2", 450, 450), fig("c", "s3", 300, 300, basis="unilateral"),
              fig("d", "s4", 300, 300, basis="reciprocal")]
    first = reconcile(claims)
    shuffled = claims[:]
    random.Random(4).shuffle(shuffled)
    second = reconcile(shuffled)
    assert [c.id for c in first.contradictions] == [c.id for c in second.contradictions]
    assert [k.id for k in first.clusters] == [k.id for k in second.clusters]


def test_resolution_marks_resolved_and_unknown_ids_are_stale():
    claims = [fig("a", "s1", 300, 300), fig("b", "s2", 450, 450)]
    (c,) = reconcile(claims).contradictions
    diff = reconcile(claims, {c.id: Resolution(verdict="known-discrepancy", note="n"),
                              "x-0000000000": Resolution(verdict="both-reported", note="old")})
    assert diff.contradictions[0].status == "resolved"
    assert diff.stale_resolutions == ["x-0000000000"]


def test_topic_filter_keeps_matching_clusters_only():
    claims = [fig("a", "s1", 300, 300), fig("b", "s2", 450, 450)]
    assert reconcile(claims, topic="bodies").contradictions
    assert not reconcile(claims, topic="sanctions").clusters


def test_unknown_subject_is_never_clustered():
    assert reconcile([fig("a", "s1", 5, 5, subject=None), fig("b", "s2", 10, 10, subject=None)]).clusters == []


def test_a_follow_up_joins_the_event_another_article_states():
    claims = [fig("a", "The crash killed 179.", 179, 179, event="2024-12-29"),
              fig("b", "The crash killed 181.", 181, 181, event="follow:2024-12-30<2024-12-29")]
    claims[0] = claims[0].model_copy(update={"doc_event": "2024-12-29"})
    claims[1] = claims[1].model_copy(update={"doc_event": "follow:2024-12-30<2024-12-29"})
    assert kinds(claims) == ["numeric"]


def test_a_follow_up_of_an_event_nobody_states_keeps_its_own_day():
    claims = [fig("a", "The crash killed 179.", 179, 179, event="2024-12-28"),
              fig("b", "The crash killed 181.", 181, 181, event="follow:2024-12-30<2024-12-29")]
    claims[0] = claims[0].model_copy(update={"doc_event": "2024-12-28"})
    assert kinds(claims) == []


@pytest.mark.parametrize(("label", "placed"), [
    ("range:2025-05-01..2025-05-31", "2025-05-16"),   # the one stated event that month
    ("range:2025-04-01..2025-04-30", "?"),            # none: compared with nothing
    ("ref:2025-05-17", "2025-05-16"),                 # a date line the day after a stated event
    ("ref:2025-05-25", "2025-05-25"),                 # too far from any: its own day
])
def test_undated_events_are_placed_only_when_one_stated_event_fits(label, placed):
    from istanbul_claims.reconcile import canonical_events

    stated = fig("a", "s", 1, 1, event="2025-05-16").model_copy(update={"doc_event": "2025-05-16"})
    assert canonical_events([stated, fig("b", "s2", 1, 1, event=label)])[label] == placed


@pytest.mark.parametrize(("a", "b"), [
    # A part and its total.
    ({"lo": 12, "partial": True}, {"lo": 40}),
    # A per-side figure and a total.
    ({"lo": 1000, "per_side": True}, {"lo": 2000}),
    # A vague quantity.
    ({"lo": 200, "hi": 999, "vague": True}, {"lo": 84}),
    # Different statuses: a swap agreed and one carried out.
    ({"lo": 1200, "status": "agreed"}, {"lo": 250, "status": "done"}),
    # Different nouns of one class share a cluster but never contradict.
    ({"lo": 390, "subject": "person"}, {"lo": 270, "subject": "prisoner"}),
    # Two holders' shares of a vote.
    ({"lo": 40.05, "subject": "share", "unit": "percent", "mods": ["lai"]},
     {"lo": 33.49, "subject": "share", "unit": "percent", "mods": ["hou"]}),
])
def test_slots_that_differ_never_contradict(a, b):
    def make(doc, spec):
        claim = fig(doc, f"sentence {doc}", spec["lo"], spec.get("hi", spec["lo"]), subject=spec.get("subject", "prisoner"))
        value = claim.value.model_copy(update={k: v for k, v in spec.items() if k not in ("lo", "hi", "subject")})
        return claim.model_copy(update={"value": value})

    assert kinds([make("a", a), make("b", b)]) == []


def test_one_holders_shares_of_a_vote_contradict():
    claims = [fig(doc, f"s{doc}", n, n, subject="share", unit="percent").model_copy(deep=True) for doc, n in
              (("a", 34.7), ("b", 33.7))]
    for claim in claims:
        claim.value.mods = ["labour"]
    assert kinds(claims) == ["numeric"]


def test_more_values_than_sides_allow_is_not_a_dispute():
    claims = [fig(doc, f"s{doc}", n, n) for doc, n in zip("abcd", (3, 10, 13, 26), strict=True)]
    assert kinds(claims) == []


@pytest.mark.parametrize(("a", "b", "kind"), [
    ((547, True), (543, False), "numeric"),   # "about 9:07" vs "9:03": minutes apart
    ((540, True), (543, False), None),        # "around 9 am" vs "9:03"
])
def test_times_of_day_have_minutes_of_slack(a, b, kind):
    va = FigureValue(min=a[0], max=a[0], approximate=a[1], unit="time", subject="time of day")
    vb = FigureValue(min=b[0], max=b[0], approximate=b[1], unit="time", subject="time of day")
    assert compare_figures(va, vb) == kind


# ------------------------------------------------------------------------------- where --

def venue(doc, name, venue=True, event="2025-06-02"):
    i = next(_n)
    sentence = f"The talks were held at the {name}."
    return ActorClaim(id=f"a{i:04d}", doc=doc, text=name, sentence=sentence, start=i, end=i + 1, topics=["talks"],
                      event=event, value=ActorValue(name=name, type="place", venue=venue))


def test_two_palaces_for_one_meeting_are_a_place_contradiction():
    found = reconcile([venue("a", "Morvane Palace"), venue("b", "Ostrel Palace"), venue("c", "Ostrel Palace")])
    assert [c.kind for c in found.contradictions] == ["place"]
    assert "Morvane Palace per a" in found.contradictions[0].explanation


@pytest.mark.parametrize("claims", [
    # A city holds a palace: "in Valdoria" and "at the Morvane Palace" can both be right.
    [venue("a", "Valdoria"), venue("b", "Morvane Palace")],
    # The short name of the same palace.
    [venue("a", "Morvane"), venue("b", "Morvane Palace")],
    # A palace only named, not as where it happened.
    [venue("a", "Morvane Palace", venue=False), venue("b", "Ostrel Palace")],
    # Different events' venues.
    [venue("a", "Morvane Palace"), venue("b", "Ostrel Palace", event="2025-05-16")],
    # Every report names both: two happenings (a lunch, the talks), not a dispute.
    [venue("a", "Morvane Palace"), venue("a", "Ostrel Palace"), venue("b", "Morvane Palace"),
     venue("b", "Ostrel Palace")],
])
def test_venues_that_can_both_be_right_do_not_contradict(claims):
    assert reconcile(claims).contradictions == []


def town(doc, text, occasion="handover", event="2025-06-02", name=None):
    i = next(_n)
    sentence = f"The exchange took place in {text}."
    return ActorClaim(id=f"a{i:04d}", doc=doc, text=text, sentence=sentence, start=i, end=i + 1,
                      topics=["prisoners"], event=event,
                      value=ActorValue(name=name or text, type="place", occasion=occasion))


def test_one_handover_in_two_towns_is_a_place_contradiction():
    # The town as written decides, not the government it may stand for ("Ankara" for Turkey).
    found = reconcile([town("a", "Ankara", name="Turkey"), town("b", "Ankara", name="Turkey"),
                       town("c", "Istanbul")])
    assert [c.kind for c in found.contradictions] == ["place"]
    assert "Istanbul per c" in found.contradictions[0].explanation


@pytest.mark.parametrize("claims", [
    # A country or a region holds the town.
    [town("a", "Ankara"), town("b", "Turkey")],
    [town("a", "Aktau"), town("b", "Mangystau Region")],
    # A facility is in some town: "at Esenboga Airport" and "in Ankara" can both be right.
    [town("a", "Esenboga Airport"), town("b", "Istanbul")],
    # Different happenings: the crash in one town, the handover of the remains in another.
    [town("a", "Aktau", occasion="crash"), town("b", "Baku")],
    # A place named without a happening there.
    [town("a", "Ankara", occasion=None), town("b", "Istanbul")],
    # Different events.
    [town("a", "Ankara"), town("b", "Istanbul", event="2025-05-16")],
    # A report naming both towns as where things happened knows how they relate.
    [town("a", "Ankara"), town("a", "Istanbul", occasion=None), town("b", "Istanbul")],
])
def test_towns_that_can_both_be_right_do_not_contradict(claims):
    assert reconcile(claims).contradictions == []


def happened(doc, start, end=None, owner="Ivo Marr", frame="arrest", event="2025-06-02"):
    i = next(_n)
    sentence = f"{owner} was detained on {start}."
    return DateClaim(id=f"d{i:04d}", doc=doc, text=start, sentence=sentence, start=i, end=i + 1, topics=["prisoners"],
                     event=event, value=DateValue(start=start, end=end or start, owner=owner, frame=frame))


def test_one_persons_arrest_on_different_days_is_a_date_contradiction():
    found = reconcile([happened("a", "2019-06-01", "2019-06-30"), happened("b", "2019-08-01", "2019-08-31"),
                       happened("c", "2019-08-16")])
    assert [c.kind for c in found.contradictions] == ["date"]
    assert "2019-08-16 per c, b" in found.contradictions[0].explanation


@pytest.mark.parametrize("claims", [
    # A month holds its day; a year holds both months and commits to neither.
    [happened("a", "2019-08-16"), happened("b", "2019-08-01", "2019-08-31")],
    [happened("a", "2019-06-10"), happened("b", "2019-01-01", "2019-12-31")],
    # Different people, different happenings.
    [happened("a", "2019-06-10"), happened("b", "2019-08-16", owner="Ada Lind")],
    [happened("a", "2019-06-10"), happened("b", "2019-08-16", frame="sentence")],
    # One article telling of two steps is no side.
    [happened("a", "2011-04-10"), happened("a", "2011-09-10"), happened("b", "2011-09-10")],
    # One article alone.
    [happened("a", "2019-06-10"), happened("a", "2019-08-16")],
])
def test_days_that_can_both_be_right_do_not_contradict(claims):
    assert reconcile(claims).contradictions == []


def test_a_year_that_holds_both_days_is_no_side():
    found = reconcile([happened("a", "2019-06-10"), happened("b", "2019-08-16"),
                       happened("c", "2019-01-01", "2019-12-31")])
    assert [len(c.claims) for c in found.contradictions] == [2]
    assert "c" not in {x.doc for c in found.contradictions for x in c.claims + c.support}


def test_a_contradiction_id_depends_on_what_a_reader_sees_not_on_the_slot_layout():
    plain = [fig("a", "s1", 300, 300), fig("b", "s2", 450, 450)]
    narrowed = [c.model_copy(update={"value": c.value.model_copy(update={"mods": ["fallen"], "frame": "return"})})
                for c in plain]
    other_values = [fig("a", "s1", 300, 300), fig("b", "s2", 500, 500)]
    ids = [reconcile(claims).contradictions[0].id for claims in (plain, narrowed, other_values)]
    assert ids[0] == ids[1] != ids[2]


# --------------------------------------------------------------------------- follow-ups --

def crash(doc, n, event, doc_event=None, subject="person"):
    i = next(_n)
    return FigureClaim(id=f"c{i:04d}", doc=doc, text=str(n), sentence=f"{n} {subject} s{i}", start=i, end=i + 1,
                       topics=["casualties"], event=event, doc_event=doc_event or event,
                       value=FigureValue(min=n, max=n, subject=subject, frame="kill"))


def _events_of(claims):
    from istanbul_claims.reconcile import event_groups
    return {c.doc: c.event for group in event_groups(claims) for c in group}


def test_a_follow_up_of_a_follow_up_joins_the_first_event():
    claims = [crash("a", 38, "2024-12-25"), crash("a", 67, "2024-12-25"), crash("b", 38, "2024-12-25"),
              crash("c", 38, "2024-12-26"), crash("c", 67, "2024-12-26"), crash("c", 16, "2024-12-26"),
              crash("d", 38, "2024-12-26"), crash("d", 67, "2024-12-26"),
              crash("e", 38, "2024-12-30"), crash("e", 16, "2024-12-30")]
    assert {doc: day for doc, day in _events_of(claims).items()} == {d: "2024-12-25" for d in "abcde"}


def test_reports_days_later_repeating_an_events_figures_are_its_follow_up():
    claims = [crash("a", 179, "2024-12-29"), crash("a", 181, "2024-12-29", subject="passenger"),
              crash("b", 179, "2024-12-29"), crash("c", 179, "2024-12-31"),
              crash("c", 181, "2024-12-31", subject="passenger")]
    assert _events_of(claims)["c"] == "2024-12-29"


def personal(doc, years, owner, subject, day):
    claim = crash(doc, years, day, subject=subject)
    return claim.model_copy(update={"value": claim.value.model_copy(update={"owner": owner, "frame": None,
                                                                            "unit": "year"})})


def test_a_report_repeating_named_peoples_ages_and_terms_is_a_follow_up():
    claims = [personal("a", 52, "Ivo Marr", "age", "2022-12-08"), crash("a", 40, "2022-12-08"),
              personal("b", 16, "Ivo Marr", "sentence", "2022-12-08"),
              personal("c", 52, "Ivo Marr", "age", "2022-12-11"),
              personal("c", 16, "Ivo Marr", "sentence", "2022-12-11")]
    assert _events_of(claims)["c"] == "2022-12-08"


def about(claim):
    return claim.model_copy(update={"value": claim.value.model_copy(update={"approximate": True})})


def test_approximate_background_counts_do_not_make_a_later_report_an_event_of_its_own():
    claims = [crash("a", 179, "2024-12-29"), crash("a", 181, "2024-12-29", subject="passenger"),
              crash("c", 179, "2024-12-31"), crash("c", 181, "2024-12-31", subject="passenger"),
              about(crash("c", 90000, "2024-12-31")), about(crash("c", 41, "2024-12-31", subject="passenger"))]
    assert _events_of(claims)["c"] == "2024-12-29"


@pytest.mark.parametrize(("claims", "day"), [
    # Another person's age and term of the same values are no shared story.
    ([personal("a", 52, "Ivo Marr", "age", "2022-12-08"), personal("b", 16, "Ivo Marr", "sentence", "2022-12-08"),
      personal("c", 52, "Ilse Brand", "age", "2022-12-11"), personal("c", 16, "Ilse Brand", "sentence", "2022-12-11")],
     "2022-12-11"),
    # One shared figure is a coincidence, not a story.
    ([crash("a", 179, "2024-12-29"), crash("c", 179, "2024-12-31"), crash("c", 40, "2024-12-31")], "2024-12-31"),
    # A day whose reports bring figures of their own is an event of its own, even with two shared ones.
    ([crash("a", 179, "2024-12-29"), crash("a", 181, "2024-12-29", subject="passenger"),
      crash("c", 179, "2024-12-31"), crash("c", 181, "2024-12-31", subject="passenger"),
      crash("d", 12, "2024-12-31"), crash("d", 30, "2024-12-31", subject="passenger"),
      crash("d", 45, "2024-12-31", subject="prisoner")], "2024-12-31"),
    # A second stage of a swap: the 390 and 1,000 of the first day are background to 307 more today.
    ([crash("a", 390, "follow:2025-05-23<2025-05-22"),
      crash("a", 1000, "follow:2025-05-23<2025-05-22", subject="prisoner"),
      crash("c", 390, "follow:2025-05-24<2025-05-23"),
      crash("c", 1000, "follow:2025-05-24<2025-05-23", subject="prisoner"),
      crash("c", 307, "follow:2025-05-24<2025-05-23", subject="prisoner"),
      crash("c", 273, "follow:2025-05-24<2025-05-23", subject="prisoner"),
      crash("c", 14, "follow:2025-05-24<2025-05-23")], "2025-05-24"),
])
def test_reports_that_are_not_follow_ups_keep_their_day(claims, day):
    assert _events_of(claims)["c"] == day


def _event_of_each(claims):
    from istanbul_claims.reconcile import event_groups
    return {c.id: c.event for group in event_groups(claims) for c in group}


def standing(doc, n, day):
    claim = crash(doc, n, day, subject="crew")
    return claim.model_copy(update={"value": claim.value.model_copy(update={"frame": None})})


def story(later_day):
    """The shipwreck's coverage, and a later report restating two of its rarer figures (evidence that it
    follows the story up)."""
    return [crash("a", 104, "2023-06-14", subject="survivor"), crash("a", 78, "2023-06-14"),
            crash("b", 78, "2023-06-14"), crash("c", 78, later_day)]


def test_an_equal_figure_weeks_later_still_restates_the_event():
    later = crash("c", 104, "2023-07-04", subject="survivor")
    assert _event_of_each([*story("2023-07-04"), later])[later.id] == "2023-06-14"


def test_a_figure_a_report_a_week_later_restates_joins_the_earlier_event_alone():
    # The follow-up's own news (81 injured now, nine arrested, 12 in hospital) stays on its day; its
    # restated 104 joins the shipwreck's.
    restated = crash("c", 104, "2023-06-21", subject="survivor")
    news = crash("c", 81, "2023-06-21", subject="injured")
    more = [crash("c", 19, "2023-06-21", subject="suspect"), crash("c", 12, "2023-06-21", subject="patient")]
    events = _event_of_each([*story("2023-06-21"), restated, news, *more])
    assert (events[restated.id], events[news.id]) == ("2023-06-14", "2023-06-21")


@pytest.mark.parametrize(("claims", "kept"), [
    # One equal figure alone is no evidence of a follow-up: a coincidence.
    ([crash("a", 104, "2023-06-14", subject="survivor"), crash("c", 104, "2023-06-21", subject="survivor")], 1),
    # Another value, or a later day's own dating, is news of that day.
    ([*story("2023-06-21"), crash("c", 103, "2023-06-21", subject="survivor")], 4),
    ([*story("2023-06-21"), crash("c", 104, "2023-06-21", doc_event="2023-06-22", subject="survivor")], 4),
    # A day or two apart, the same number may be a second stage of a swap: the article's dating decides.
    ([crash("a", 307, "2025-05-23", subject="prisoner"), crash("c", 307, "2025-05-25", subject="prisoner")], 1),
    # More than RESTATED_DAYS apart: another story.
    ([*story("2023-07-24"), crash("c", 104, "2023-07-24", subject="survivor")], 4),
    # A standing fact's other value more than STORY_DAYS on: maybe another ship.
    ([*story("2023-06-28"), standing("a", 22, "2023-06-14"), standing("b", 22, "2023-06-14"),
      standing("c", 21, "2023-06-28")], 6),
    # Another crash four days later, restating nothing: its 181 on board is no dispute of the first one's 67.
    ([standing("a", 67, "2024-12-25"), standing("b", 67, "2024-12-25"), crash("a", 38, "2024-12-25"),
      standing("c", 181, "2024-12-29"), crash("c", 179, "2024-12-29")], 3),
])
def test_a_later_figure_that_restates_nothing_keeps_its_day(claims, kept):
    assert _event_of_each(claims)[claims[kept].id] == claims[kept].event


def test_a_standing_fact_a_week_later_joins_the_earlier_event_whatever_its_value():
    # The ship's crew is what it was: "21 crew members" ten days on disputes the first reports' 22.
    later = standing("c", 21, "2023-06-21")
    claims = [*story("2023-06-21"), crash("c", 104, "2023-06-21", subject="survivor"),
              standing("a", 22, "2023-06-14"), standing("b", 22, "2023-06-14"), later]
    assert _event_of_each(claims)[later.id] == "2023-06-14"
    assert "numeric" in [c.kind for c in reconcile(claims).contradictions]


def test_snapshots_of_a_changing_count_never_contradict():
    # "143 people were still trapped" and "127 are still trapped": true at moments the text does not give.
    a, b = crash("a", 143, "2024-04-03"), crash("b", 127, "2024-04-03")
    claims = [c.model_copy(update={"value": c.value.model_copy(update={"snapshot": True})}) for c in (a, b)]
    assert reconcile(claims).contradictions == []
    assert reconcile([a, b]).contradictions != []


def test_a_toll_a_week_later_with_another_value_is_news_of_its_day():
    later = crash("c", 81, "2023-06-21")
    claims = [crash("a", 78, "2023-06-14"), crash("b", 78, "2023-06-14"), later]
    assert _event_of_each(claims)[later.id] == "2023-06-21"




def term(doc, years, owner):
    claim = fig(doc, f"{owner} was sentenced to {years} years.", years, years, subject="sentence", unit="year",
                frame=None)
    return claim.model_copy(update={"value": claim.value.model_copy(update={"owner": owner})})


def held(doc, years, owner, mods):
    claim = term(doc, years, owner)
    return claim.model_copy(update={"value": claim.value.model_copy(update={"subject": "custody", "mods": mods})})


@pytest.mark.parametrize(("claims", "found"), [
    ([held("a", 297, "Ilse Brand", ["tarskan"]), held("b", 294, "Ilse Brand", ["tarskan"])], ["numeric"]),
    # Time in one country's prisons is part of the time behind bars anywhere.
    ([held("a", 12, "Ivo Marr", ["valdorian"]), held("b", 14, "Ivo Marr", [])], []),
    ([held("a", 12, "Ivo Marr", []), held("b", 14, "Ilse Brand", [])], []),
])
def test_time_in_custody_compares_for_one_person_and_one_place(claims, found):
    assert kinds(claims) == found


def test_two_terms_of_one_person_contradict_and_say_whose():
    found = reconcile([term("a", 16, "Ilse Brand"), term("b", 19, "Ilse Brand")]).contradictions
    assert [c.kind for c in found] == ["numeric"]
    assert "the duration of Ilse Brand's sentence: 16 years per a" in found[0].explanation


@pytest.mark.parametrize("owners", [("Ilse Brand", "Ivo Marr"), ("", "")])
def test_terms_of_different_or_unnamed_people_never_contradict(owners):
    assert reconcile([term("a", 16, owners[0]), term("b", 25, owners[1])]).contradictions == []


@pytest.mark.parametrize(("a", "b", "conflict"), [
    # "just over an hour" is a little over an hour, not any length above it.
    (dict(lo=1, hi=None, lo_in=False, unit="hour", approx=True), dict(lo=100, hi=100, unit="minute"), True),
    (dict(lo=1, hi=None, lo_in=False, unit="hour", approx=True), dict(lo=1, hi=1, unit="hour", approx=True), False),
    # "nearly two hours" is a little under two.
    (dict(lo=None, hi=2, hi_in=False, unit="hour", approx=True), dict(lo=100, hi=100, unit="minute"), False),
    (dict(lo=None, hi=2, hi_in=False, unit="hour", approx=True), dict(lo=1, hi=1, unit="hour"), True),
    # "more than an hour" is any length above it.
    (dict(lo=1, hi=None, lo_in=False, unit="hour"), dict(lo=100, hi=100, unit="minute"), False),
])
def test_near_bounds_stay_near_their_number(a, b, conflict):
    claims = [fig("a", "s1", subject="meeting", frame="duration", **a), fig("b", "s2", subject="meeting", frame=None, **b)]
    assert bool(reconcile(claims).contradictions) is conflict


@pytest.mark.parametrize(("a", "other", "conflict"), [
    (dict(lo=None, hi=480, hi_in=False, unit="time", approx=True), 475, False),  # shortly before 8 am vs 07:55
    (dict(lo=None, hi=540, hi_in=False, unit="time", approx=True), 475, True),   # shortly before 9 am vs 07:55
    # "at 11:00" may be a rounded 11:04: no dispute with "shortly after 11".
    (dict(lo=660, hi=None, lo_in=False, unit="time", approx=True), 660, False),
])
def test_shortly_before_a_time_is_within_half_an_hour_of_it(a, other, conflict):
    claims = [fig("a", "s1", frame="start", subject="time of day", **a),
              fig("b", "s2", other, other, unit="time", frame="start", subject="time of day")]
    assert bool(reconcile(claims).contradictions) is conflict


def test_parts_listed_side_by_side_compare_with_such_parts_only():
    def part(doc, n, is_part=True, subject="passenger"):
        claim = fig(doc, f"{n} {subject} s{doc}", n, n, subject=subject, frame=None)
        return claim.model_copy(update={"value": claim.value.model_copy(update={"part": is_part})})
    # "62 passengers and five crew" against "67 passengers and five crew": the passengers disagree.
    assert kinds([part("a", 62), part("b", 67)]) == ["numeric"]
    # A part never contradicts a figure that is no part ("67 passengers" in a total's place).
    assert kinds([part("a", 62), part("b", 67, is_part=False)]) == []


def test_a_noun_that_names_what_happened_is_people_to_whom_it_happened():
    survived = fig("a", "32 people survived.", 32, 32, subject="person", frame="survive")
    survivors = fig("b", "There were 29 survivors.", 29, 29, subject="survivor", frame=None)
    assert kinds([survived, survivors]) == ["numeric"]


def test_one_persons_two_ages_are_a_numeric_dispute_about_that_person():
    def age(doc, years):
        claim = fig(doc, f"Lee, {years}, was flown to Seoul.", years, years, subject="age", unit="year", frame=None)
        return claim.model_copy(update={"value": claim.value.model_copy(update={"owner": "Ivo Lee"})})
    found = reconcile([age("a", 32), age("b", 33)]).contradictions
    assert [c.kind for c in found] == ["numeric"]
    assert "disagree on Ivo Lee's age: 32 years per a" in found[0].explanation


def test_a_dispute_over_a_value_that_is_no_count_names_the_thing_not_a_number_of_them():
    found = reconcile([fig("a", "The agency put it at magnitude 7.2.", 7.2, 7.2, subject="magnitude", frame=None),
                       fig("b", "The agency rated it magnitude 7.3.", 7.3, 7.3, subject="magnitude", frame=None)])
    assert "disagree on the magnitude: 7.2 per a" in found.contradictions[0].explanation


@pytest.mark.parametrize(("value", "words"), [
    (FigureValue(max=660, unit="time", tz="local", approximate=True, max_inclusive=False), "shortly before 11:00 local"),
    (FigureValue(min=1, unit="hour", approximate=True, min_inclusive=False), "just over 1 hour"),
    (FigureValue(min=20, max=20, approximate=True), "about 20"),
    (FigureValue(max=25, max_inclusive=False), "under 25"),
])
def test_a_figure_in_words_says_a_near_bound_as_news_does(value, words):
    from istanbul_claims.reconcile import describe_figure
    assert describe_figure(value) == words


def test_a_range_dispute_over_a_time_says_the_time_of_what_happened():
    a = fig("a", "The handover took place shortly before 11.", None, 660, subject="time of day", unit="time",
            approx=True, hi_in=False)
    b = fig("b", "The handover was completed at 4 pm.", 960, 960, subject="time of day", unit="time", approx=True)
    (found,) = reconcile([a, b]).contradictions
    assert found.explanation.startswith("Reports disagree on the time of the transfer: shortly before 11:00 per")


def test_a_things_size_compares_whatever_its_sentence_says_happened():
    a = fig("a", "The 1.7-mile bridge opened in 1977.", 1.7, 1.7, subject="bridge", unit="mile", frame="start")
    b = fig("b", "The 1.6-mile bridge fell.", 1.6, 1.6, subject="bridge", unit="mile", frame=None)
    assert kinds([a, b]) == ["numeric"]


@pytest.mark.parametrize(("later", "found"), [
    # A named person's age in a report ten days on is the same fact...
    ("2024-04-05", ["numeric"]),
    # ...but a year on it may have changed.
    ("2025-03-26", []),
])
def test_one_persons_age_compares_across_events_a_few_weeks_apart(later, found):
    claims = [personal("a", 26, "Ivo Marr", "age", "2024-03-26"), crash("a", 6, "2024-03-26"),
              personal("b", 25, "Ivo Marr", "age", later), crash("b", 3, later, subject="body")]
    assert kinds(claims) == found


def test_people_of_any_kind_cluster_together_but_only_one_noun_contradicts():
    workers = fig("a", "Six workers died.", 6, 6, subject="worker", unit="people", frame="kill")
    men = fig("b", "The six men who died.", 6, 6, subject="man", unit="people", frame="kill")
    divers = fig("c", "Five divers died.", 5, 5, subject="diver", unit="people", frame="kill")
    diff = reconcile([workers, men, divers])
    assert [sorted(c.doc for c in k.claims) for k in diff.clusters] == [["a", "b", "c"]]
    assert diff.contradictions == []


def test_the_whole_of_a_partitive_never_disputes_a_bare_count_of_its_noun():
    whole = fig("a", "Results came in from 648 of the 650 constituencies.", 650, 650, subject="constituency",
                frame=None)
    whole = whole.model_copy(update={"value": whole.value.model_copy(update={"whole": True})})
    bare = fig("b", "Reform came second in 98 constituencies.", 98, 98, subject="constituency", frame=None)
    assert reconcile([whole, bare]).contradictions == []


def test_members_counted_by_a_bare_number_cluster_with_people():
    # "Five of the six crew members were killed": a bare number, no unit, still counts people.
    bare = fig("a", "Five of the six crew members were killed.", 5, 5, subject="member", frame="kill")
    crew = fig("b", "Five crew members died.", 5, 5, subject="crew", unit="people", frame="kill")
    assert [sorted(c.doc for c in k.claims) for k in reconcile([bare, crew]).clusters] == [["a", "b"]]


def test_bodies_of_people_cluster_with_bodies_not_with_people():
    # "the bodies of 3,000 soldiers" is counted in people by the number grammar, but counts bodies.
    of_soldiers = fig("a", "Russia offered the bodies of 3,000 soldiers.", 3000, 3000, subject="body", unit="people")
    bodies = fig("b", "Russia will hand over 3,000 bodies.", 3000, 3000, subject="body", unit="body")
    soldiers = fig("c", "Russia will free 3,000 soldiers.", 3000, 3000, subject="prisoner", unit="people")
    keys = sorted(sorted(c.doc for c in k.claims) for k in reconcile([of_soldiers, bodies, soldiers]).clusters)
    assert keys == [["a", "b"]]


def test_each_side_of_a_dispute_is_led_by_a_report_of_the_event_itself():
    recalled = fig("a-retro", "The May round lasted 100 minutes.", 100, 100, subject="meeting", unit="minute",
                   frame="duration", event="2025-05-16")
    recalled = recalled.model_copy(update={"doc_event": "2025-07-23"})
    own = fig("z-wire", "The talks lasted 100 minutes.", 100, 100, subject="meeting", unit="minute",
              frame="duration", event="2025-05-16").model_copy(update={"doc_event": "2025-05-16"})
    other = fig("m-blog", "The talks lasted an hour.", 60, 60, subject="meeting", unit="minute", frame="duration",
                event="2025-05-16").model_copy(update={"doc_event": "2025-05-16"})
    (found,) = reconcile([recalled, own, other]).contradictions
    assert {c.doc for c in found.claims} == {"z-wire", "m-blog"}


def test_amounts_of_money_compare_whatever_the_verb_but_never_across_currencies():
    claims = [fig("a", "Iran gets access to $6 billion.", 6e9, 6e9, subject="money", unit="usd", frame=None),
              fig("b", "The $6.5 billion reached Qatar.", 6.5e9, 6.5e9, subject="money", unit="usd", frame="transfer"),
              fig("c", "It arrived as 6.5 billion euros.", 6.5e9, 6.5e9, subject="money", unit="eur", frame=None)]
    (found,) = reconcile(claims).contradictions
    assert found.kind == "numeric" and {c.doc for c in found.claims} == {"a", "b"}


def with_value(claim, **update):
    return claim.model_copy(update={"value": claim.value.model_copy(update=update)})


@pytest.mark.parametrize(("a", "b", "found"), [
    # A rate and a day's count are two quantities; two rates per the same unit are one.
    ({"rate": "day"}, {}, []),
    ({"rate": "day"}, {"rate": "day"}, ["numeric"]),
    ({"rate": "day"}, {"rate": "hour"}, []),
    # What someone believes is not what was confirmed; two estimates may disagree.
    ({"status": "estimated"}, {}, []),
    ({"status": "estimated"}, {"status": "estimated"}, ["numeric"]),
])
def test_rates_and_estimates_compare_only_with_their_like(a, b, found):
    claims = [with_value(fig("a", "s1", 130000, 130000, subject="litre", frame=None), **a),
              with_value(fig("b", "s2", 129000, 129000, subject="litre", frame=None), **b)]
    assert kinds(claims) == found


@pytest.mark.parametrize(("mods", "found"), [
    # A one-on-one meeting is another occasion than the talks...
    (["one-on-one"], []),
    # ...but a plenary session is the talks, however it is called.
    (["plenary"], ["numeric"]),
])
def test_a_duration_of_a_side_meeting_is_not_the_talks(mods, found):
    claims = [with_value(fig("a", "s1", 2.5, 2.5, subject="meeting", unit="hour", frame="duration"), mods=mods),
              fig("b", "s2", 1, 1, subject="meeting", unit="hour", frame="duration")]
    assert kinds(claims) == found


@pytest.mark.parametrize(("recalled_days_later", "found"), [(3, 1), (29, 0)])
def test_a_venue_recalled_weeks_later_disputes_no_venue(recalled_days_later, found):
    import datetime as dt
    later = (dt.date(2025, 6, 2) + dt.timedelta(days=recalled_days_later)).isoformat()
    recalled = venue("c", "Ostrel Palace").model_copy(update={"doc_event": later})
    claims = [venue("a", "Morvane Palace").model_copy(update={"doc_event": "2025-06-02"}), recalled]
    assert len([c for c in reconcile(claims).contradictions if c.kind == "place"]) == found


@pytest.mark.parametrize(("agents", "found"), [
    (("antonov", "tu-204"), []),  # two named aircraft landing at two times: two landings
    (("antonov", None), ["numeric"]),
    ((None, None), ["numeric"]),
    (("boeing", "boeing dreamliner"), ["numeric"]),  # a name given in part is the same name
])
def test_times_of_two_named_things_are_two_happenings(agents, found):
    claims = [with_value(fig(doc, f"s{doc}", t, t, subject="time of day", unit="time", frame="arrive"), agent=agent)
              for doc, t, agent in (("a", 630, agents[0]), ("b", 808, agents[1]))]
    assert kinds(claims) == found


def test_whose_thing_a_done_fact_is_does_not_split_it():
    claims = [with_value(fig("a", "s1", 3, 3, subject="part", frame="composition"), status="done", proposer="Russia"),
              with_value(fig("b", "s2", 2, 2, subject="part", frame="composition"), status="done")]
    assert kinds(claims) == ["numeric"]


def test_a_value_restated_without_its_basis_is_still_one_value():
    # One report says "6,000 bodies" and, later, "unilaterally hand over the bodies of 6,000": one side.
    claims = [fig("a", "Russia will return 6,000 bodies.", 6000, 6000),
              fig("a", "Russia will unilaterally hand over 6,000.", 6000, 6000, basis="unilateral"),
              fig("b", "The sides will swap 6,000 for 6,000.", 6000, 6000, basis="reciprocal")]
    assert kinds(claims) == ["reciprocity"]


@pytest.mark.parametrize(("zones", "found"), [
    # Times naming mostly one place's zone: the others, naming none, are in it too.
    (("EST", "ET", "ET", "Central", None), ["numeric"]),
    # One time in each of two places' zones: which one an unstated zone means is unknown.
    (("Baku", "Aktau", None), []),
])
def test_an_event_told_in_one_zone_has_its_times_in_it(zones, found):
    claims = [with_value(fig(f"d{i}", f"s{i}", 600 + 10 * i, 600 + 10 * i, subject="time of day", unit="time",
                             frame="crash" if i in (0, len(zones) - 1) else f"other{i}"), tz=tz)
              for i, tz in enumerate(zones)]
    assert kinds(claims) == found


def test_a_time_disputes_the_report_of_the_same_named_thing_among_others():
    # "flight AI171 left at 1:38" and "the Boeing 787-8 took off at 1:38" against "the Boeing 787-8
    # Dreamliner left at 1:39": the Boeing reports dispute, whichever of the 1:38 reports comes first.
    claims = [with_value(fig(doc, f"s{doc}", t, t, subject="time of day", unit="time", frame="start"), agent=agent)
              for doc, t, agent in (("a", 818, "ai171"), ("b", 818, "boeing"), ("c", 819, "boeing dreamliner"))]
    [found] = reconcile(claims).contradictions
    assert {c.doc for c in [*found.claims, *found.support]} == {"b", "c"}


@pytest.mark.parametrize(("a", "b", "kind"), [
    ((60, 75, False), (90, 90, True), "range"),   # "little more than an hour" against "about 90 minutes"
    ((80, 80, False), (90, 90, True), None),      # 80 minutes is about 90
])
def test_about_is_as_far_below_as_above(a, b, kind):
    va = FigureValue(min=a[0], max=a[1], approximate=a[2], unit="minute", subject="meeting")
    vb = FigureValue(min=b[0], max=b[1], approximate=b[2], unit="minute", subject="meeting")
    assert compare_figures(va, vb) == kind


@pytest.mark.parametrize(("own_day_reports", "event"), [
    # A follow-up report naming the day before joins it...
    (1, "2024-01-01"),
    # ...unless two other reports make its own day an event of its own (a runway collision the day after
    # a quake, whose explainer names "Monday's quake").
    (2, "2024-01-02"),
])
def test_a_follow_up_stays_with_its_own_day_when_others_report_it(own_day_reports, event):
    from istanbul_claims.reconcile import canonical_events
    label = "follow:2024-01-02<2024-01-01"
    claims = [fig("quake", "s0", 48, 48, event="2024-01-01").model_copy(update={"doc_event": "2024-01-01"}),
              fig("explainer", "s1", 5, 5, event=label).model_copy(update={"doc_event": label})]
    claims += [fig(f"crash{i}", f"s{i + 2}", 379, 379, event="2024-01-02").model_copy(update={"doc_event": "2024-01-02"})
               for i in range(own_day_reports)]
    assert canonical_events(claims)[label] == event


@pytest.mark.parametrize(("crash_figures", "event"), [
    # Two reports of another story on the follow-up's own day (they give three figures each, none of the
    # explainer's, and quote nobody it quotes) make that day no event of the explainer's...
    ([379, 367, 12], "2024-01-01"),
    # ...where reports sharing its figures do.
    ([379, 367, 48], "2024-01-02"),
])
def test_reports_of_another_story_vouch_for_no_day_of_a_follow_up(crash_figures, event):
    from istanbul_claims.reconcile import canonical_events
    label = "follow:2024-01-02<2024-01-01"

    def report(doc, values, day):
        return [fig(doc, f"{doc} {n}", n, n, event=day, subject="person").model_copy(update={"doc_event": day})
                for n in values]

    claims = report("quake", [48, 64, 120], "2024-01-01") + report("explainer", [48, 64, 120], label)
    claims += report("crash1", crash_figures, "2024-01-02") + report("crash2", crash_figures, "2024-01-02")
    assert canonical_events(claims)[label] == event


@pytest.mark.parametrize(("label", "placed"), [
    ("range:2015-03-01..2015-03-31", "2015-03-24"),  # "last month's crash": the one event of that month
    ("range:2015-01-01..2015-12-31", "?"),           # "in 2015": no one event of a year
])
def test_a_period_places_a_figure_on_its_one_event_only_up_to_a_month(label, placed):
    from istanbul_claims.reconcile import canonical_events
    claims = [fig("crash", "s0", 150, 150, event="2015-03-24").model_copy(update={"doc_event": "2015-03-24"}),
              fig("recap", "s1", 298, 298, event=label).model_copy(update={"doc_event": "2019-09-07"})]
    assert canonical_events(claims)[label] == placed


@pytest.mark.parametrize(("a_forms", "other", "disputed"), [
    # One length in two units ("the 190-foot (about 58-metre) bridge") is the article's one value...
    ([dict(lo=190, hi=190, unit="foot"), dict(lo=58, hi=58, unit="metre", approx=True)], 85, True),
    # ...but rising bounds are updates, and no side.
    ([dict(lo=14, hi=None, unit="foot"), dict(lo=320, hi=None, unit="foot")], 85, False),
    # ...and so are near values in one unit, which may be two facts.
    ([dict(lo=84, hi=85, unit="foot"), dict(lo=86, hi=87, unit="foot")], 70, False),
])
def test_one_value_given_in_several_forms_is_one_side(a_forms, other, disputed):
    claims = [fig("a", f"form {i}", subject="bridge", frame=None, **form) for i, form in enumerate(a_forms)]
    claims.append(fig("b", "other", other, other, unit="foot", subject="bridge", frame=None))
    assert bool(kinds(claims)) is disputed


def test_an_article_reading_a_vote_count_under_way_is_no_side():
    def share(doc, n, snapshot=False):
        claim = fig(doc, f"{n} s{doc}", n, n, subject="share", unit="percent", frame=None)
        claim.value.mods, claim.value.snapshot = ["hou"], snapshot
        return claim

    claims = [share("live", 33.4, snapshot=True), share("live", 33.27), share("wire", 33.49)]
    assert kinds(claims) == []
    assert kinds(claims[1:]) == ["numeric"]


# ------------------------------------------------------------------- stories of one day --

STRIKE = ["Kramatorsk", "Andriy Kostin", "Donetsk", "Amstor"]
MUTINY = ["Yevgeny Prigozhin", "Rostov", "Alyaksandr Lukashenka", "Wagner"]


def report_of(doc, names, day, killed, *, own_day=None, kind="person", more=()):
    """An article's actors and one death toll on `day`, its own event `own_day` (the same by default)."""
    own_day = own_day or day
    claims = [ActorClaim(id=f"a{next(_n):04d}", doc=doc, text=name, sentence=name, start=0, end=1, event=own_day,
                         doc_event=own_day, value=ActorValue(name=name, type=kind)) for name in [*names, *more]]
    i = next(_n)
    claims.append(FigureClaim(id=f"k{i:04d}", doc=doc, text=str(killed), sentence=f"{killed} killed s{i}",
                              start=i, end=i + 1, topics=["casualties"], event=day, doc_event=own_day,
                              value=FigureValue(min=killed, max=killed, subject="person", frame="kill")))
    return claims


def _disputes(claims):
    return sorted(tuple(sorted(c.doc for c in x.claims)) for x in reconcile(claims).contradictions)


@pytest.mark.parametrize(("explainer", "disputes"), [
    # A Wagner explainer out on the day of the Kramatorsk strike names none of its people or places:
    # another story, whose ten killed aboard a plane are no side of the strike's toll.
    (report_of("wag", MUTINY, "2023-06-27", 10), [("kram1", "kram2")]),
    # Sharing two of them, it may tell the same story.
    (report_of("wag", MUTINY[:2] + STRIKE[:2], "2023-06-27", 10), [("kram1", "kram2", "wag")]),
    # The states of one war are named by every story of it.
    (report_of("wag", MUTINY, "2023-06-27", 10, more=["Russia", "Ukraine"]), [("kram1", "kram2")]),
    # A paragraph of another story dated on the strike's day ("the bridge opened at 5:30 pm yesterday").
    (report_of("wag", MUTINY, "2023-06-27", 10, own_day="2023-06-25"), [("kram1", "kram2")]),
])
def test_two_stories_of_one_day_never_compare(explainer, disputes):
    states = [c.model_copy(update={"value": c.value.model_copy(update={"type": "state"})})
              for c in explainer if c.kind == "actor" and c.value.name in ("Russia", "Ukraine")]
    explainer = [c for c in explainer if not (c.kind == "actor" and c.value.name in ("Russia", "Ukraine"))] + states
    claims = report_of("kram1", STRIKE, "2023-06-27", 11, more=["Russia"]) + \
        report_of("kram2", STRIKE, "2023-06-27", 12, more=["Ukraine"]) + explainer
    assert _disputes(claims) == disputes


def test_another_story_of_the_day_is_an_event_labelled_by_its_first_article():
    from istanbul_claims.reconcile import event_groups
    claims = report_of("kram1", STRIKE, "2023-06-27", 11) + report_of("kram2", STRIKE, "2023-06-27", 12) \
        + report_of("wag2", MUTINY, "2023-06-27", 10) + report_of("wag1", MUTINY, "2023-06-27", 10)
    events = {c.doc: c.event for group in event_groups(claims) for c in group}
    assert events == {"kram1": "2023-06-27", "kram2": "2023-06-27", "wag1": "2023-06-27/wag1",
                      "wag2": "2023-06-27/wag1"}
    # `claims diff --event DAY` shows both stories of the day.
    from istanbul_claims.reconcile import only_event
    diff = reconcile(claims)
    assert [e.event for e in only_event(diff, "2023-06-27").events] == ["2023-06-27", "2023-06-27/wag1"]
    assert [e.event for e in only_event(diff, "2023-06-27/wag1").events] == ["2023-06-27/wag1"]


def test_a_follow_up_joins_only_an_earlier_day_its_own_story_reports():
    # India's count, a day after the day Mexico voted: Mexico's reports of that day are no coverage of it.
    from istanbul_claims.reconcile import canonical_events
    label = "follow:2024-06-04<2024-06-03"
    india = ["Narendra Modi", "Lok Sabha", "Rahul Gandhi", "Varanasi"]
    mexico = ["Claudia Sheinbaum", "Morena", "Xochitl Galvez", "Zocalo"]
    claims = report_of("mx1", mexico, "2024-06-03", 3) + report_of("india1", india, label, 5)
    assert canonical_events(claims)[label] == "2024-06-04"
    claims = report_of("in0", india, "2024-06-03", 3) + report_of("india1", india, label, 5)
    assert canonical_events(claims)[label] == "2024-06-03"


def test_casts_stand_in_for_actor_claims_not_given():
    # A diff from the store reads no actor claims: the names each article gives come as casts.
    claims = report_of("kram1", STRIKE, "2023-06-27", 11) + report_of("kram2", STRIKE, "2023-06-27", 12) \
        + report_of("wag", MUTINY, "2023-06-27", 10)
    figures = [c for c in claims if c.kind == "figure"]
    casts = {}
    for c in claims:
        if c.kind == "actor":
            casts.setdefault(c.doc, []).append((c.value.name, c.value.type))
    outline = [(c.doc, c.event, c.doc_event) for c in claims if c.kind == "actor"]
    assert reconcile(figures, others=outline, casts=casts) == reconcile(claims)
    # Without them, one story: the explainer's ten killed are a side of the strike's toll.
    assert [sorted(c.doc for c in x.claims) for x in reconcile(figures, others=outline).contradictions] == \
        [["kram1", "kram2", "wag"]]


def toll(doc, lo, hi, reported, *, frame="kill", all_of=False, subject="person"):
    i = next(_n)
    return FigureClaim(id=f"t{i:04d}", doc=doc, text=str(lo), sentence=f"{lo} dead s{i}", start=i, end=i + 1,
                       topics=["casualties"], event="2024-07-08", doc_event="2024-07-08", reported=reported,
                       value=FigureValue(min=lo, max=hi, subject=subject, frame=frame, all_of=all_of))


@pytest.mark.parametrize(("a", "b", "disputed"), [
    # Monday's 16 hurt and Tuesday's 32: the toll rose between the reports.
    (toll("mon", 16, 16, "2024-07-08", frame="injure"), toll("tue", 32, 32, "2024-07-09", frame="injure"), False),
    (toll("tue", 38, 38, "2024-07-09"), toll("fri", 40, None, "2024-07-12"), False),
    # A toll by its word, with no verb of killing: Friday's headline "Four dead", Monday's 11.
    (toll("fri", 4, 4, "2021-06-25", frame=None, subject="dead"), toll("mon", 11, 11, "2021-06-28"), False),
    # Read on one day, or lower on the later day, they dispute it.
    (toll("tue", 38, 38, "2024-07-09"), toll("tue2", 41, 41, "2024-07-09"), True),
    (toll("mon", 41, 41, "2024-07-08"), toll("tue", 38, 38, "2024-07-09"), True),
    # "All 62 on board died" is a whole, no toll under way.
    (toll("fri", 61, 61, "2024-08-09", all_of=True), toll("sat", 62, 62, "2024-08-10", all_of=True), True),
    # What is no toll does not rise: the crew of a ship.
    (toll("mon", 22, 22, "2024-07-08", frame=None), toll("tue", 23, 23, "2024-07-09", frame=None), True),
])
def test_a_toll_rising_between_reports_of_two_days_is_no_dispute(a, b, disputed):
    assert bool(reconcile([a, b]).contradictions) is disputed


@pytest.mark.parametrize(("a", "b", "kind"), [
    (88.8, 88.84, None),     # turnout to one decimal place and to two: one figure, rounded
    (5.2, 5.17, None),
    (49.4, 49.51, "numeric"),  # rounded, 49.51 is 49.5
    (44.88, 44.96, "numeric"),
    (300, 312, "numeric"),   # whole numbers may be counts, exact as given
])
def test_a_figure_given_to_fewer_decimal_places_is_the_other_rounded(a, b, kind):
    va = FigureValue(min=a, max=a, unit="percent", subject="turnout")
    vb = FigureValue(min=b, max=b, unit="percent", subject="turnout")
    assert compare_figures(va, vb) == kind


@pytest.mark.parametrize(("where_a", "where_b", "disputed"), [
    (["chiva"], ["turis"], False),   # two towns' rain
    (["chiva"], ["chiva"], True),
    ([], ["turis"], True),           # a place unsaid may be the same one
])
def test_figures_of_two_named_places_never_dispute(where_a, where_b, disputed):
    def rain(doc, n, where):
        i = next(_n)
        return FigureClaim(id=f"r{i:04d}", doc=doc, text=f"{n} litres", sentence=f"{n} litres s{i}", start=i,
                           end=i + 1, event="2024-10-29",
                           value=FigureValue(min=n, max=n, unit="litre", subject="litre", where=where))
    assert bool(reconcile([rain("a", 491, where_a), rain("b", 184.6, where_b)]).contradictions) is disputed


def test_one_value_in_two_units_is_one_side_named_as_the_text_writes_its_unit():
    def wind(doc, n, unit):
        i = next(_n)
        return FigureClaim(id=f"w{i:04d}", doc=doc, text=f"{n} {unit}", sentence=f"winds of {n} s{i}", start=i,
                           end=i + 1, event="2024-09-26",
                           value=FigureValue(min=n, max=n, unit=unit, subject="wind"))
    found = reconcile([wind("a", 140, "mph"), wind("b", 225, "kmh"), wind("c", 145, "mph")]).contradictions
    assert len(found) == 1 and len(found[0].claims) == 2, found[0].explanation  # two sides, not three
    assert "140 mph per a, b" in found[0].explanation or "225 km/h per a, b" in found[0].explanation
    assert "145 mph per c" in found[0].explanation


def test_an_approximate_value_agreeing_with_an_exact_one_is_on_its_side():
    def struck(doc, minutes, approx):
        i = next(_n)
        return FigureClaim(id=f"s{i:04d}", doc=doc, text="9", sentence=f"struck s{i}", start=i, end=i + 1,
                           event="2024-09-03", value=FigureValue(min=minutes, max=minutes, unit="time",
                                                                 approximate=approx, subject="time of day",
                                                                 frame="damage"))
    found = reconcile([struck("a", 550, True), struck("b", 550, False), struck("c", 557, False)]).contradictions
    assert len(found) == 1 and len(found[0].claims) == 2, found[0].explanation


def test_times_a_verb_no_frame_names_compare_under_that_verb_only():
    def at(doc, minutes, frame):
        i = next(_n)
        return FigureClaim(id=f"v{i:04d}", doc=doc, text="7", sentence=f"at s{i}", start=i, end=i + 1,
                           event="2024-01-13", value=FigureValue(min=minutes, max=minutes, unit="time",
                                                                 subject="time of day", frame=frame))
    found = reconcile([at("a", 1190, "~concede"), at("b", 1215, "~concede")]).contradictions
    assert len(found) == 1 and 'the time of "concede"' in found[0].explanation
    assert not reconcile([at("a", 1190, "~concede"), at("b", 1215, "~speak")]).contradictions


def test_an_approximate_and_an_exact_dispute_of_one_slot_is_one_contradiction():
    def hit(doc, lo, hi, approx):
        i = next(_n)
        return FigureClaim(id=f"h{i:04d}", doc=doc, text="4", sentence=f"hit s{i}", start=i, end=i + 1,
                           event="2024-05-25", value=FigureValue(min=lo, max=hi, unit="time", approximate=approx,
                                                                 subject="time of day", frame="damage"))
    # "around 16:10" against "3:50 pm" and against "shortly before 4 pm".
    found = reconcile([hit("a", 970, 970, True), hit("b", 950, 950, False), hit("c", None, 960, True)]).contradictions
    assert len(found) == 1 and len(found[0].claims) == 2, [c.explanation for c in found]
