"""Two events of one kind are not one story (review h3 #2): pages published months apart are not grouped by
their lead embeddings, and such a pair kept together (by a third page) is not compared claim by claim."""

import numpy as np

from storytrace.stories import find_stories
from storytrace.stories.grouping import NO_DAY, group
from storytrace.stories.story import _ClaimVectors, _relate, maybe_other_event

from .conftest import shell

CHILE = ("Earthquake strikes northern Chile",
         "A magnitude 6.8 earthquake struck northern Chile on Monday, killing 12 people in the city of Calama.",
         "Rescue teams searched collapsed houses through the night and the government declared an emergency.")
PERU = ("Earthquake strikes southern Peru",
        "A magnitude 6.1 earthquake struck southern Peru on Thursday, killing 3 people in the city of Arequipa.",
        "Rescue teams searched collapsed houses through the night and the government declared an emergency.")
DELHI = ("Fire at Delhi factory kills 43 workers",
         "A fire broke out at a factory in Delhi early on Sunday, killing 43 workers who were asleep inside.",
         "Thirty fire tenders fought the blaze for hours, officials said.")
MUMBAI = ("Fire at Mumbai factory kills 9 workers",
          "A fire broke out at a factory in Mumbai early on Wednesday, killing 9 workers who were asleep inside.",
          "Twelve fire tenders fought the blaze for hours, officials said.")


def _grouped(stories):
    return [sorted(p["title"] for p in s["pages"]) for s in stories]


def test_same_kind_of_event_months_apart_is_two_stories(encoder):
    dated = [shell("a", *CHILE, published="2021-03-01"), shell("b", *PERU, published="2021-07-15"),
             shell("c", *DELHI, published="2019-12-08"), shell("d", *MUMBAI, published="2021-02-10")]
    assert find_stories(dated, encoder=encoder) == []
    undated = [shell("a", *CHILE), shell("b", *PERU), shell("c", *DELHI), shell("d", *MUMBAI)]
    assert len(find_stories(undated, encoder=encoder)) == 2  # without dates the leads alone group them


def test_rewrites_and_translations_days_apart_stay_together(encoder):
    rewrite = ("Deadly quake hits Chile",
               "A strong earthquake of magnitude 6.8 hit northern Chile on Monday, killing 12 people in Calama.",
               "The government declared an emergency as rescue teams searched collapsed houses overnight.")
    german = ("Erdbeben erschüttert den Norden Chiles",
              "Ein Erdbeben der Stärke 6,8 hat am Montag den Norden Chiles erschüttert und in Calama 12 Menschen getötet.",
              "Rettungskräfte durchsuchten eingestürzte Häuser, die Regierung rief den Notstand aus.")
    pages = [shell("a", *CHILE, published="2021-03-01"), shell("b", *rewrite, published="2021-03-03"),
             shell("c", *german, language="de", published="2021-03-02")]
    (story,) = find_stories(pages, encoder=encoder)
    assert len(story["pages"]) == 3
    assert not any("maybe_other_event" in r for r in story["relations"])


def test_a_late_copy_is_still_the_same_story():
    vectors = np.eye(3, dtype=np.float32)  # nothing alike by embedding
    days = np.array([100, 300, NO_DAY], dtype=np.int32)
    assert group(vectors, 0.5, {(0, 1)}, days) == [[0, 1], [2]]


def test_embedding_links_between_far_apart_dates_are_dropped():
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.98, 0.199]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert group(vectors, 0.5) == [[0, 1, 2]]
    assert group(vectors, 0.5, days=np.array([10, 20, 200], dtype=np.int32)) == [[0, 1], [2]]
    assert group(vectors, 0.5, days=np.array([10, NO_DAY, 200], dtype=np.int32)) != [[0], [1], [2]]


def test_pages_far_apart_in_one_group_are_not_compared(encoder):
    chile, peru = shell("a", *CHILE, published="2021-03-01"), shell("b", *PERU, published="2021-07-15")
    assert maybe_other_event(chile, peru) == "same topic, maybe another event: published 136 days apart"
    assert maybe_other_event(chile, shell("c", *PERU, published="2021-03-20")) is None
    assert maybe_other_event(chile, shell("d", *PERU)) is None  # no date: nothing to tell
    relation = _relate(chile, peru, 0.8, _ClaimVectors(encoder))
    assert relation["maybe_other_event"] == maybe_other_event(chile, peru)
    comparison = relation["comparison"]
    assert comparison["agree"] == comparison["contradict"] == comparison["possible"] == []
    assert comparison["not_compared"] == relation["maybe_other_event"]
    assert all("verdict" not in q for q in comparison["quantities"])


def test_close_dates_keep_the_comparison(encoder):
    first = shell("a", *CHILE, published="2021-03-01")
    second = shell("b", *CHILE[:2], "Officials said the toll could rise.", published="2021-03-02")
    relation = _relate(first, second, 0.9, _ClaimVectors(encoder))
    assert "maybe_other_event" not in relation and relation["comparison"]["agree"]


def test_the_story_says_when_a_page_was_read_without_the_english_extractors(encoder):
    german = ("Erdbeben erschüttert den Norden Chiles",
              "Ein Erdbeben der Stärke 6,8 hat am Montag den Norden Chiles erschüttert und in Calama 12 Menschen getötet.")
    (story,) = find_stories([shell("a", *CHILE), shell("b", *german, language="de")], encoder=encoder)
    assert any("de" in note and "English only" in note for note in story["notes"])
    (english_only,) = find_stories([shell("a", *CHILE), shell("b", *CHILE)], encoder=encoder)
    assert "notes" not in english_only


def test_unreadable_publication_dates_are_unknown_days():
    from storytrace.stories.grouping import day_number

    assert day_number("2021-03-01T10:00:00Z") == day_number("2021-03-01")
    assert day_number("March 2021") == day_number("") == day_number(None) == day_number(20210301) == NO_DAY
