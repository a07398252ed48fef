"""The titles of two pages of one story are compared with each other (review s13 h4, fixer f3 #2)."""

from .conftest import compare_shells, shell

BODY = (("Dubai's flagship carrier Emirates finalized a deal for Boeing's 787-9 Dreamliner jets on Wednesday at the "
         "Dubai Air Show, executives of both companies said."),
        "Emirates President Tim Clark told reporters the airline will restart its expansion in the early 2020s.",
        "Boeing's sales have been hit hard since its 737 Max jet was grounded in March.")


def test_titles_with_changed_numbers_contradict(encoder):
    base = shell("a", "Emirates inks $9 billion order for 30 Boeing 787 jets, will restart expansion plans", *BODY)
    other = shell("b", "Emirates orders 40 Boeing Dreamliners", *BODY)
    for first, second in ((base, other), (other, base)):
        result = compare_shells(encoder, first, second)
        (titles,) = [e for e in result["contradict"] if e["base"] == first.title]
        assert titles["other"] == second.title
        assert any("30" in r and "40" in r for r in titles["reasons"])
        assert first.title not in result["dropped"] and second.title not in result["added"]


def test_titles_saying_other_things_are_not_paired(encoder):
    base = shell("a", "Dubai Air Show opens with 1,200 exhibitors from 80 countries", *BODY)
    other = shell("b", "Emirates orders 40 Boeing Dreamliners", *BODY)
    result = compare_shells(encoder, base, other)
    assert not any(e["base"] == base.title for e in result["contradict"] + result["agree"] + result["possible"])
