"""Grouping pages into stories: same event together (also across languages), unrelated apart."""

import numpy as np

from storytrace.stories import find_stories
from storytrace.stories.grouping import group, near_duplicate_pairs

from .conftest import shell

FLOOD_EN = shell("a", "Floods force 3,000 people from their homes in Valencia",
                 "Heavy rain flooded the Spanish city of Valencia on Tuesday, forcing 3,000 residents to leave their "
                 "homes. Emergency services said two people were missing.")
FLOOD_DE = shell("b", "Hochwasser in Valencia: 3.000 Menschen verlassen ihre Häuser",
                 "Starker Regen hat am Dienstag die spanische Stadt Valencia überflutet. 3.000 Einwohner mussten ihre "
                 "Häuser verlassen, zwei Menschen werden vermisst.", language="de")
FLOOD_EN2 = shell("c", "Valencia floods: thousands evacuated as rain batters Spain",
                  "Torrential rain hit Valencia on Tuesday. Around 3,000 people were evacuated and rescuers are "
                  "searching for two missing people, the regional emergency service said.")
BANK = shell("d", "Central bank raises interest rates to 5.25 percent",
             "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation that "
             "remains above its target.")
FOOTBALL = shell("e", "United beat City 2-1 in the derby",
                 "A late goal gave United a 2-1 win over City on Sunday in front of 74,000 fans.")


def test_same_story_grouped_across_languages_and_unrelated_pages_left_alone(encoder):
    stories = find_stories([FLOOD_EN, BANK, FLOOD_DE, FOOTBALL, FLOOD_EN2], encoder=encoder)
    assert len(stories) == 1
    (story,) = stories
    assert {p["id"] for p in story["pages"]} == {FLOOD_EN.id, FLOOD_DE.id, FLOOD_EN2.id}
    assert story["languages"] == ["de", "en"]


def test_no_story_from_unrelated_pages(encoder):
    assert find_stories([BANK, FOOTBALL, FLOOD_EN], encoder=encoder) == []


def test_one_page_makes_no_story(encoder):
    assert find_stories([FLOOD_EN], encoder=encoder) == []


def test_near_duplicates_found_by_minhash():
    text = " ".join(f"word{i}" for i in range(200))
    edited = text.replace("word50 ", "changed ")
    pairs = near_duplicate_pairs([text, "something else entirely " * 10, edited])
    assert pairs == {(0, 2)}


def test_average_linkage_cuts_a_chain_of_links():
    # a-b and b-c are above the threshold, a-c far below: the chain must not make one story of all three
    a = np.array([1.0, 0.0, 0.0])
    c = np.array([0.0, 1.0, 0.0])
    b = (a + c) / np.linalg.norm(a + c)
    groups = group(np.stack([a, b, c]).astype(np.float32), threshold=0.6)
    assert len(groups) == 2


def test_near_duplicates_join_even_below_the_embedding_threshold():
    vectors = np.eye(3, dtype=np.float32)
    assert group(vectors, threshold=0.5, duplicates={(0, 2)}) == [[0, 2], [1]]
