"""Numbers across versions: equal values, totals that are sums of parts, and what is counted."""

import pytest

from storytrace.stories.compare import NEGATION_REASON, contradictions, flip
from storytrace.stories.counted import classes_of, opposition
from storytrace.stories.reconcile import mentions, reconcile
from storytrace.stories.shells import StoryClaim, StoryQuantity

from .conftest import claim, compare_shells, shell


def _only(records, relation):
    return [r for r in records if r["relation"] == relation]


def test_parts_add_up_to_the_total_but_military_is_not_civilian():
    base = [claim("X agreed to dispatch 1,000 sappers and 5,000 military construction personnel.",
                  (1000, "sappers"), (5000, "military construction personnel"))]
    other = [claim("X dispatches 6000 civilians as relief workers.", (6000, "civilians"))]
    (total,) = _only(reconcile(mentions(base), mentions(other)), "sum")
    assert total["value"] == 6000 and total["base"] == ["1,000 sappers", "5,000 military construction personnel"]
    assert total["verdict"] == "contradict" and "military vs civilian" in total["reason"]


def test_a_total_of_the_same_kind_agrees():
    base = [claim("The fund gets 300 soldiers and 200 marines.", (300, "soldiers"), (200, "marines"))]
    other = [claim("500 troops are on their way.", (500, "troops"))]
    (total,) = _only(reconcile(mentions(base), mentions(other)), "sum")
    assert total["verdict"] == "agree" and total["reason"] is None


def test_killed_and_injured_added_up_as_dead_is_a_contradiction():
    base = [claim("The blast killed 12 people and injured 30 people.", (12, "people killed"), (30, "injured people"))]
    other = [claim("The blast left 42 dead.", (42, "dead"))]
    (total,) = _only(reconcile(mentions(base), mentions(other)), "sum")
    assert total["verdict"] == "contradict" and "injured vs dead" in total["reason"]


def test_the_total_may_sit_in_the_base_and_the_parts_in_the_other_version():
    base = [claim("Some 6,000 workers will come.", (6000, "workers"))]
    other = [claim("They are 5,000 builders and 1,000 deminers.", (5000, "builders"), (1000, "deminers"))]
    (total,) = _only(reconcile(mentions(base), mentions(other)), "sum")
    assert total["base"] == ["6,000 workers"] and len(total["other"]) == 2 and total["verdict"] == "agree"


def test_equal_values_match_and_unmatched_numbers_are_listed():
    base = [claim("a", (250, "homes")), claim("b", (17, "villages"))]
    other = [claim("c", (250, "houses")), claim("d", (3, "bridges"))]
    records = reconcile(mentions(base), mentions(other))
    assert _only(records, "equal")[0]["other"] == ["250 houses"]
    assert _only(records, "only_base")[0]["base"] == ["17 villages"]
    assert _only(records, "only_other")[0]["other"] == ["3 bridges"]


def test_small_numbers_make_no_coincidental_sums():
    base = [claim("two teams and four coaches", (2, "teams"), (4, "coaches"))]
    other = [claim("six players", (6, "players"))]
    assert not _only(reconcile(mentions(base), mentions(other)), "sum")


def test_a_number_repeated_for_the_same_thing_counts_once():
    claims = [claim("1,000 sappers go", (1000, "sappers")), claim("the 1,000 North Korean sappers train",
                                                                  (1000, "North Korean sappers"))]
    assert len(mentions(claims)) == 1


def test_counted_classes_and_oppositions():
    assert classes_of("military construction personnel") == {"military"}
    assert classes_of("civilians") == {"civilian"}
    assert classes_of("civilian and military staff") == set()  # both sides: opposes nothing
    assert opposition({"military"}, {"civilian"}) == ("military", "civilian")
    assert opposition({"military"}, {"military"}) is None


def test_aligned_claims_contradict_on_negation_and_on_different_numbers():
    assert contradictions(claim("The bridge was damaged in the storm."),
                          claim("The bridge was not damaged in the storm.", modality="negated"))
    reasons = contradictions(claim("The quake killed 12 people.", (12, "people")),
                             claim("The quake killed 15 people.", (15, "people")))
    assert reasons == ["numbers differ: 12 vs 15"]
    assert contradictions(claim("The quake killed 12 people.", (12, "people")),
                          claim("Twelve people died: 12 people.", (12, "people"))) == []


def test_a_number_whose_text_names_what_it_counts_is_not_said_twice():
    said = lambda text, counted: StoryClaim(text=f"The city approved {text}.", quantities=[
        StoryQuantity(text=text, value=5e6, counted=counted, kind="money")])
    (record,) = reconcile(mentions([said("5 million dollars", "dollars")]), mentions([said("$5 million", "dollars")]))
    assert record["base"] == ["5 million dollars"] and record["other"] == ["$5 million dollars"]


@pytest.mark.parametrize("base,other", [
    ("A spokesperson for the NYAG declined to comment.", "The New York State Attorney General's office had no comment."),
    ("The company did not immediately respond to a request for comment.", "The company declined to comment on it."),
    ("Police said the demonstrators had no option but to come out and surrender.",
     "Police said the demonstrators came out and surrendered."),
    ("He tried to convince him that the new Ukrainian president was not corrupt.",
     "He said the request to the Ukrainian president to investigate rivals was inappropriate.")])
def test_negation_idioms_and_unrelated_denials_contradict_nothing(base, other):
    assert contradictions(claim(base), claim(other)) == []  # review M2: all five in a real story were these


def test_negation_only_is_a_possible_contradiction_apart_from_numbers(encoder):
    base = shell("a", "Storm hits coast", "The old bridge was damaged in the storm on the coast.",
                 "The storm killed 12 people in the coastal town.")
    other = shell("b", "Storm hits coast", "The old bridge was not damaged in the storm on the coast.",
                  "The storm killed 15 people in the coastal town.")
    result = compare_shells(encoder, base, other)
    assert [e["reasons"] for e in result["possible"]] == [[NEGATION_REASON]]
    assert "not damaged" in result["possible"][0]["other"]
    assert result["counts"]["possible"] == 1 and result["counts"]["contradict"] == len(result["contradict"]) >= 1
    assert all(NEGATION_REASON not in e["reasons"] for e in result["contradict"])
    assert flip(result)["possible"][0]["base"] == result["possible"][0]["other"]


def _said(text, value, kind="count", counted=None, approximate=False):
    return StoryClaim(text=f"The figure given was {text} in the report.", quantities=[
        StoryQuantity(text=text, value=value, counted=counted, kind=kind, approximate=approximate)])


@pytest.mark.parametrize(("coarse", "fine"), [
    (_said("$129", 129.0, "money"), _said("$129.99", 129.99, "money")),  # a price quoted without its cents
    (_said("3.5%", 3.5, "percent", "%"), _said("3.49 %", 3.49, "percent", "%")),  # rounded to one decimal
    (_said("$5 million", 5e6, "money"), _said("$5.4 million", 5.4e6, "money")),  # rounded to the million
    (_said("about 1,000", 1000.0, approximate=True), _said("1,020", 1020.0)),  # within "about"
])
def test_numbers_that_agree_within_rounding_are_not_a_contradiction(coarse, fine):
    for base, other in ((coarse, fine), (fine, coarse)):
        assert contradictions(base, other) == []
        (record,) = reconcile(mentions([base]), mentions([other]))
        assert record["relation"] == "equal" and record["approximately"] is True


@pytest.mark.parametrize(("base", "other"), [
    (_said("$129", 129.0, "money"), _said("$131.99", 131.99, "money")),
    (_said("3.5%", 3.5, "percent", "%"), _said("3.44 %", 3.44, "percent", "%")),  # rounds to 3.4
    (_said("3.4%", 3.4, "percent", "%"), _said("3.49 %", 3.49, "percent", "%")),  # truncation is for prices only
    (_said("$5 million", 5e6, "money"), _said("$5.6 million", 5.6e6, "money")),
    (_said("12", 12.0), _said("13", 13.0)),  # the same precision: no rounding to allow for
    (_said("1,000", 1000.0), _said("1,020", 1020.0)),  # trailing zeros count as written
])
def test_numbers_beyond_rounding_still_differ(base, other):
    assert any(r.startswith("numbers differ") for r in contradictions(base, other))


def test_equal_numbers_are_not_marked_approximate():
    (record,) = reconcile(mentions([_said("250", 250.0)]), mentions([_said("250", 250.0)]))
    assert "approximately" not in record


def _counts(*values: int, counted: str = "workers") -> StoryClaim:
    return StoryClaim(text="claim", quantities=[StoryQuantity(text=str(v), value=v, counted=counted) for v in values])


def test_one_number_stands_for_one_number_on_the_other_side_while_another_is_free():
    base = mentions([_counts(1000, counted="workers"), _counts(1000, counted="people")])
    other = mentions([_counts(1000, counted="labourers"), _counts(1000, counted="civilians")])
    equal = [r for r in reconcile(base, other) if r["relation"] == "equal"]
    assert sorted(b for r in equal for b in r["base"]) == ["1000 people", "1000 workers"]


def test_three_parts_come_from_one_claim_when_the_page_is_full_of_numbers(monkeypatch):
    import storytrace.stories.reconcile as reconcile_module

    monkeypatch.setattr(reconcile_module, "MAX_TRIPLE_POOL", 4)
    scattered = [_counts(v) for v in (100, 200, 300)] + [_counts(v) for v in (11, 13, 17)]
    assert not [r for r in reconcile(mentions(scattered), mentions([_counts(600)])) if r["relation"] == "sum"]
    together = [_counts(100, 200, 300)] + [_counts(v) for v in (11, 13, 17)]
    sums = [r for r in reconcile(mentions(together), mentions([_counts(600)])) if r["relation"] == "sum"]
    assert sums and sorted(sums[0]["base"]) == ["100 workers", "200 workers", "300 workers"]


def test_a_page_full_of_numbers_still_finds_a_pair_that_adds_up():
    base = mentions([_counts(v) for v in range(20, 820, 8)])  # 100 numbers: 20, 28, 36, ...
    sums = [r for r in reconcile(base, mentions([_counts(48)])) if r["relation"] == "sum"]
    assert [r["base"] for r in sums] == [["20 workers", "28 workers"]]
