"""A name swapped in the same role, or an action reversed, contradicts; a rewrite of the name does not (s23 contra).

Each test pairs a swap (a contradiction the code before session 23 missed) with the legitimate rewrite it must not
flag, so every test fails on the old code."""

from storytrace.stories.compare import contradictions

from .conftest import claim, compare_shells, shell


def _versions(base_text: str, other_text: str):
    from storytrace.stories.swaps import (
        Version,  # imported here so the other tests run (and fail) on old code
    )

    return Version.of(base_text), Version.of(other_text)


def test_a_swapped_speaker_contradicts_a_surname_does_not():
    base = claim("Sergei Shoigu said the troops would leave the town by the end of the week.")
    swapped = claim("Valery Gerasimov said the troops would leave the town by the end of the week.")
    surname = claim("Shoigu said the troops would leave the town by the end of the week.")
    assert contradictions(base, swapped) == ["entity differs: Sergei Shoigu vs Valery Gerasimov"]
    assert contradictions(base, surname) == []
    assert contradictions(surname, base) == []


def test_a_swapped_place_and_day_contradict_titles_and_pronouns_do_not():
    base = claim("The minister met the strikers in Paris on Monday.")
    other = claim("The minister met the strikers in Lyon on Friday.")
    assert contradictions(base, other) == ["entity differs: Paris vs Lyon", "date differs: Monday vs Friday"]
    titled = claim("President Macron met the strikers in Paris on Monday.")
    plain = claim("Macron met the strikers in Paris on Monday.")
    assert contradictions(titled, plain) == []
    assert contradictions(claim("He met the strikers in Paris on Monday."), plain) == []


def test_a_name_the_other_version_states_elsewhere_is_no_swap():
    base = claim("Smith said the plant would close in March.")
    other = claim("Jones said the plant would close in March.")
    assert contradictions(base, other, versions=_versions(base.text, other.text)) == [
        "entity differs: Smith vs Jones"]
    # the other version names Smith too (and the base names Jones): two speakers, no swap
    versions = _versions(base.text + " Jones, his deputy, agreed.", other.text + " Smith agreed.")
    assert contradictions(base, other, versions=versions) == []
    # a possessive or a hyphenated word names it too
    base = claim("Crowds of pilgrims gathered in St Peter's Square on the morning of Sunday.")
    other = claim("Crowds of pilgrims gathered in the Vatican on the morning of Sunday.")
    assert contradictions(base, other) == ["entity differs: St Peter's Square vs Vatican"]
    assert contradictions(base, other, versions=_versions(base.text + " The Vatican said.", other.text
                                                          + " A UK-based group came to St Peter's Square.")) == []


def test_an_added_name_is_an_addition_not_a_contradiction():
    base = claim("Smith said the plant would close in March.")
    added = claim("Smith said the plant, owned by Acme Holdings, would close in March.")
    swapped = claim("Jones said the plant would close in March.")
    assert contradictions(base, added) == []
    assert contradictions(base, swapped) == ["entity differs: Smith vs Jones"]


def test_the_outlet_quoted_is_not_the_claim():
    base = claim("The mayor told Reuters the bridge would reopen in May 2025.")
    other = claim("The mayor told the BBC the bridge would reopen in May 2025.")
    moved = claim("The mayor told Reuters the bridge would reopen in June 2025.")
    assert contradictions(base, other) == []
    assert contradictions(base, moved) == ["date differs: May vs June"]


def test_no_names_compared_across_languages_or_in_german():
    english = claim("Smith said the plant would close in March.")
    german = claim("Jones sagte, das Werk werde im März schließen.")
    assert contradictions(english, german, same_language=False) == []
    assert contradictions(english, claim("Jones said the plant would close in March.")) != []
    # German capitalises every noun: "Werk" / "Fabrik" are no names
    assert contradictions(claim("Laut Schmidt wird das Werk in Bremen im März schließen."),
                          claim("Laut Schmidt wird die Fabrik in Bremen im März schließen."), nouns=False) == []
    # and so is a German page whose language is unknown
    assert contradictions(claim("Laut Schmidt wird das Werk in Bremen im März schließen."),
                          claim("Laut Schmidt wird die Fabrik in Bremen im März schließen.")) == []


def test_an_opposite_action_of_the_same_subject_contradicts():
    assert contradictions(claim("Shares in the company rose sharply after the announcement."),
                          claim("Shares in the company fell sharply after the announcement.")) == [
        "opposite action: rose vs fell"]
    assert contradictions(claim("The bill passed by a small margin in the senate."),
                          claim("The bill failed by a small margin in the senate.")) == [
        "opposite action: passed vs failed"]
    # the same event told from the other side: the loser lost, the winner won
    assert contradictions(claim("Pittsburgh won the game against Ottawa on the road."),
                          claim("Ottawa lost the game against Pittsburgh on the road.")) == []


def test_a_swapped_name_is_found_in_the_comparison_of_two_versions(encoder):
    base = shell("a1", "Factory to close", "The chief executive, Anna Berg, said the factory in Leeds would close "
                 "in March. About 300 jobs will go.")
    rewrite = shell("b2", "Factory to close", "Chief executive Berg said the factory in Leeds would close in March. "
                    "About 300 jobs will go.")
    swapped = shell("c3", "Factory to close", "The chief executive, Anna Berg, said the factory in Hull would close "
                    "in March. About 300 jobs will go.")
    assert compare_shells(encoder, base, rewrite)["contradict"] == []
    found = compare_shells(encoder, base, swapped)["contradict"]
    assert [e["reasons"] for e in found] == [["entity differs: Leeds vs Hull"]]
