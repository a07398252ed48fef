"""A negative subject denies a state: "people are trapped" vs "no one is trapped" (review h3 #11)."""

import pytest

from storytrace.stories.compare import NEGATION_REASON, contradictions

from .conftest import claim, compare_shells, shell


@pytest.mark.parametrize("denial", [
    "Building collapses after fire at factory in Delhi, nobody trapped",
    "Building collapses after fire at factory in Delhi, no one trapped",
    "Building collapses after fire at factory in Delhi, none trapped",
])
def test_a_negative_subject_is_a_possible_contradiction(denial):
    statement = claim("Building collapses after fire at factory in Delhi, people trapped")
    assert contradictions(statement, claim(denial)) == [NEGATION_REASON]
    assert contradictions(claim(denial), statement) == [NEGATION_REASON]


def test_unaligned_claims_that_deny_each_other_are_paired_not_dropped_and_added(encoder):
    base = shell("a", "Factory collapses in Delhi",
                 "Later on, due to a blast, the building collapsed and people are trapped inside, including fire "
                 "personnel, a senior fire official said.",
                 "Police have started an inquiry into the cause of the fire.")
    other = shell("b", "Factory collapses in Delhi",
                  "After the blast the building came down, but no one is trapped inside.",
                  "Police have started an inquiry into the cause of the fire.")
    result = compare_shells(encoder, base, other)
    (found,) = result["possible"]
    assert "people are trapped" in found["base"] and "no one is trapped" in found["other"]
    assert found["reasons"] == [NEGATION_REASON]
    assert result["added"] == [] and result["dropped"] == []
    assert result["counts"]["possible"] == 1


def test_unrelated_unaligned_claims_are_not_paired_by_a_negation(encoder):
    base = shell("a", "Factory collapses in Delhi", "The building collapsed and people are trapped inside.",
                 "The owner of the factory was arrested on Friday evening.")
    other = shell("b", "Factory collapses in Delhi", "The building collapsed and people are trapped inside.",
                  "No train services were affected by the weather in Mumbai.")
    result = compare_shells(encoder, base, other)
    assert result["possible"] == [] and result["added"] and result["dropped"]
