"""A byline and a dateline under a plain-text headline give the page its author and date."""

from __future__ import annotations

import pytest

from storytrace.anatomy.text_meta import add_text_metadata, byline_author, dateline_date
from storytrace.records import Page


@pytest.mark.parametrize(("line", "name"), [
    ("By Jane Miller, Staff Writer", "Jane Miller"),
    ("By Al Yellon - Editor", "Al Yellon"),
    ("Written by Anna de Vries", "Anna de Vries"),
    ("by the way, this is great", None),  # not a name
    ("By 2025, the plan will be done", None),
    ("Bystanders filmed the fire", None),
])
def test_byline_author(line, name):
    assert byline_author(line) == name


@pytest.mark.parametrize(("line", "day"), [
    ("January 12, 2021", "2021-01-12"),
    ("Thursday, August 09, 2012", "2012-08-09"),
    ("Published: 12 Jan 2021", "2021-01-12"),
    ("Posted on October 29, 2012", "2012-10-29"),
    ("The council met on January 12, 2021.", None),  # a sentence with a date is not a dateline
    ("Heavy snow closes schools", None),
])
def test_dateline_date(line, day):
    assert dateline_date(line) == day


def test_the_top_lines_fill_author_and_date_and_the_byline_leaves_the_variants():
    lines = ["Heavy snow closes schools", "By Jane Miller, Staff Writer", "January 12, 2021", "",
             "More than 200 schools closed on Monday.", "By Tom: great piece"]
    labels = ["title", "headline_variant", "body", "blank", "body", "comment"]
    page = Page(id="p", source="b.txt", title=lines[0], headline_variants=[lines[1]])
    add_text_metadata(page, lines, labels)
    assert (page.author, page.published, page.headline_variants) == ("Jane Miller", "2021-01-12", [])


def test_what_the_page_already_states_is_kept():
    page = Page(id="p", source="b.txt", author="Ann Lee", published="2020-05-01")
    add_text_metadata(page, ["By Jane Miller", "January 12, 2021", "Body text."], ["boilerplate", "body", "body"])
    assert (page.author, page.published) == ("Ann Lee", "2020-05-01")


@pytest.mark.parametrize(("line", "mended"), [
    ("12 березня 2024", "boilerplate"),  # a dateline read as a headline variant is no headline
    ("January 12, 2021", "boilerplate"),
    ("Heavy snow closes schools on January 12", "headline"),  # a headline that names a date stays one
])
def test_repair_a_dateline_read_as_a_headline_is_boilerplate(line, mended):
    from storytrace.anatomy.text_meta import repair_classes

    kept = ["Міська рада ухвалила закрити бібліотеку", line, "Міська рада в понеділок увечері ухвалила рішення."]
    assert repair_classes(kept, ["headline", "headline", "body"], [0, 2, 4]) == ["headline", mended, "body"]
