"""Copies, rewrites and independent coverage, and which page is based on which."""

from storytrace.stories import find_stories

from .conftest import shell

ORIGINAL = ("Storm Ida cuts power to 250,000 homes in Louisiana",
            ("Storm Ida knocked out power to 250,000 homes across Louisiana on Sunday, Entergy said. Governor "
             "John Bel Edwards said 4 people had died in New Orleans and Baton Rouge."),
            ("Entergy said crews from 12 states would arrive on Monday. The utility expects repairs to take three "
             "weeks in the worst hit parishes around Houma."),
            ("Edwards asked residents to stay off the roads while 5,000 National Guard troops search flooded "
             "neighbourhoods."))
REWRITE = ("Louisiana left in the dark after Ida",
           ("A quarter of a million homes in Louisiana lost power on Sunday as Storm Ida swept through, according "
            "to Entergy. Four people died in New Orleans and Baton Rouge, Governor Edwards said."),
           "About 5,000 National Guard troops are searching flooded neighbourhoods.")
INDEPENDENT = ("Ida: rescue boats reach stranded families in Lafitte",
               ("Volunteers in flat-bottomed boats reached dozens of families trapped on rooftops in Lafitte on "
                "Monday, Mayor Tim Kerner told reporters. Kerner said the town's levee had been overtopped."),
               ("The Cajun Navy, a group of volunteer boat owners from Lafayette, said it had rescued 87 people since "
                "Sunday night. Jefferson Parish president Cynthia Lee Sheng asked for federal help."))


def _relations(shells, encoder):
    (story,) = find_stories(shells, encoder=encoder)
    return story["relations"]


def test_near_identical_text_is_a_copy_of_the_earlier_page(encoder):
    original = shell("a", *ORIGINAL, published="2021-08-29")
    copied = shell("b", ORIGINAL[0] + " | Wire", *ORIGINAL[1:], "Copyright Wire Service.", published="2021-08-30")
    (relation,) = _relations([copied, original], encoder)
    assert (relation["type"], relation["page"], relation["based_on"]) == ("copy", copied.id, original.id)
    assert relation["direction"] == "date"


def test_a_shorter_retelling_with_the_same_specifics_is_a_rewrite_of_the_fuller_page(encoder):
    original, rewrite = shell("a", *ORIGINAL), shell("b", *REWRITE)
    (relation,) = _relations([rewrite, original], encoder)  # input order must not decide
    assert (relation["type"], relation["page"], relation["based_on"]) == ("rewrite", rewrite.id, original.id)
    assert relation["direction"] in ("containment", "specifics")
    comparison = relation["comparison"]
    assert comparison["base"] == original.id and comparison["other"] == rewrite.id
    assert any("12 states" in text for text in comparison["dropped"])


def test_the_earlier_date_is_the_source(encoder):
    original = shell("a", *ORIGINAL, published="2021-08-30")
    rewrite = shell("b", *REWRITE, published="2021-08-29")
    (relation,) = _relations([original, rewrite], encoder)
    assert relation["based_on"] == rewrite.id and relation["direction"] == "date"


def test_same_event_with_its_own_specifics_is_independent_coverage(encoder):
    stories = find_stories([shell("a", *ORIGINAL), shell("c", *INDEPENDENT)], encoder=encoder)
    for story in stories:  # grouped or not, never a copy or a rewrite
        assert all(r["type"] == "independent" for r in story["relations"])
