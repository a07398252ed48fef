"""A changed number is a contradiction even when another number of the claim matches; units count (review h3 #3, #4)."""

from storytrace.stories.compare import contradictions
from storytrace.stories.reconcile import mentions, reconcile
from storytrace.stories.shells import StoryClaim, StoryQuantity

from .conftest import claim, compare_shells, shell


def _quantity(text, value, counted=None, kind="count", unit=None):
    return StoryQuantity(text=text, value=value, counted=counted, kind=kind, unit=unit)


def test_one_matching_number_does_not_excuse_a_changed_one():
    base = claim("The earthquake killed 12 people and injured 40 others in Calama.", (12, "people"), (40, "others"))
    other = claim("The earthquake killed 12 people and injured 400 others in Calama.", (12, "people"), (400, "others"))
    reasons = contradictions(base, other)
    assert reasons == ["numbers differ: 40 others vs 400 others"]
    assert contradictions(other, base) == ["numbers differ: 400 others vs 40 others"]


def test_a_changed_count_of_the_same_thing_beside_an_unchanged_time():
    base = claim("At 4.23 am seven fire tenders reached the factory.", (4.23, None), (7, "fire tenders"))
    other = claim("At 4.23 am seventy fire tenders reached the factory.", (4.23, None), (70, "fire tenders"))
    assert contradictions(base, other) == ["numbers differ: 7 fire tenders vs 70 fire tenders"]


def test_an_extra_number_of_another_thing_is_not_a_contradiction():
    base = claim("The storm killed 12 people and destroyed 3 bridges.", (12, "people"), (3, "bridges"))
    other = claim("The storm killed 12 people and flooded 40 homes.", (12, "people"), (40, "homes"))
    assert contradictions(base, other) == []


def test_across_languages_the_one_number_left_on_each_side_is_compared():
    english = claim("The quake killed 12 people and injured 40 others.", (12, "people"), (40, "others"))
    german = claim("Bei dem Beben kamen 120 Menschen ums Leben, 40 weitere wurden verletzt.",
                   (120, "Menschen ums Leben"), (40, "weitere wurden verletzt"))
    assert contradictions(english, german, same_language=False) == [
        "numbers differ: 12 people vs 120 Menschen ums Leben"]


def test_killed_and_injured_left_over_are_not_paired():
    base = claim("The blast killed 12 people and 5 officers were injured.", (12, "people killed"), (5, "officers"))
    other = claim("The blast killed 12 people and injured 30 residents.", (12, "people killed"), (30, "injured"))
    assert all("5 officers" not in r for r in contradictions(base, other))


def test_the_same_amount_in_another_currency_is_not_equal():
    pounds = StoryClaim(text="The council approved a transit budget of 40 million pounds on Tuesday.",
                        quantities=[_quantity("40 million pounds", 40e6, "pounds", kind="money", unit="GBP")])
    dollars = StoryClaim(text="The council approved a transit budget of 40 million dollars on Tuesday.",
                         quantities=[_quantity("40 million dollars", 40e6, "dollars", kind="money", unit="USD")])
    (base_only, other_only) = reconcile(mentions([pounds]), mentions([dollars]))
    assert (base_only["relation"], other_only["relation"]) == ("only_base", "only_other")
    assert contradictions(pounds, dollars) == ["currency differs: 40 million pounds (GBP) vs 40 million dollars (USD)"]


def test_an_unknown_currency_still_matches_a_known_one():
    known = StoryClaim(text="The city approved a budget of $5 million on Monday.",
                       quantities=[_quantity("$5 million", 5e6, kind="money", unit="USD")])
    unknown = StoryClaim(text="The city approved a budget of 5 million on Monday.",
                         quantities=[_quantity("5 million", 5e6, kind="money")])
    assert contradictions(known, unknown) == []


def test_measures_in_different_units_differ_and_spellings_of_one_unit_do_not():
    said = lambda text, unit: StoryClaim(text=f"The convoy travelled {text} on the first day.",
                                         quantities=[_quantity(text, 20.0, kind="measure", unit=unit)])
    assert contradictions(said("20 km", "km"), said("20 kilometres", "kilometres")) == []
    assert contradictions(said("20 km", "km"), said("20 miles", "miles")) == ["unit differs: 20 km (km) vs 20 miles (mi)"]


def test_the_changed_number_is_a_contradiction_in_the_page_comparison(encoder):
    base = shell("a", "Earthquake strikes northern Chile",
                 "The earthquake killed 12 people and injured 40 others in the city of Calama, officials said.")
    other = shell("b", "Deadly quake hits Chile",
                  "The earthquake killed 12 people and injured 400 others in the city of Calama, officials said.")
    result = compare_shells(encoder, base, other)
    assert any("40 others" in r and "400 others" in r for e in result["contradict"] for r in e["reasons"])
    assert not any("injured 40" in e["base"] for e in result["agree"])
