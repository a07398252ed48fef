"""Two posts of one site are not one story by their lead similarity alone: a site's pages share its voice,
template and boilerplate (in a 777-page run of aeb and Dragnet pages, 31 of 34 same-site pairs grouped were
different events). Near-duplicate text still links them, and another site's page can still bring them together."""

from dataclasses import replace

import numpy as np

from storytrace.stories import find_stories
from storytrace.stories.grouping import NO_SITE, group, site_number

from .conftest import shell

# three leads alike by embedding (cosines 0.99, 0.98, 0.97)
ALIKE = np.array([[1.0, 0.0], [0.99, 0.141], [0.98, 0.199]], dtype=np.float32)
ALIKE /= np.linalg.norm(ALIKE, axis=1, keepdims=True)


def test_site_numbers():
    assert site_number("https://www.example.com/a") == site_number("http://example.com/b?x=1") != NO_SITE
    assert site_number("https://blogs.example.com/a") != site_number("https://example.com/a")
    assert site_number(None, "Schneier on Security") == site_number(None, " schneier on security ")
    assert site_number("https://example.com/a", "Other name") == site_number("https://example.com/b")
    assert site_number(None) == site_number("", "") == site_number("http://[bad", None) == NO_SITE


def test_same_site_pages_are_not_linked_by_similarity_alone():
    one = site_number("https://blog.example.com/1")
    assert group(ALIKE[:2], 0.5) == [[0, 1]]
    assert group(ALIKE[:2], 0.5, sites=np.array([one, one], dtype=np.int32)) == [[0], [1]]
    # unknown sites are no reason to split
    assert group(ALIKE[:2], 0.5, sites=np.array([NO_SITE, NO_SITE], dtype=np.int32)) == [[0, 1]]


def test_a_near_duplicate_or_another_sites_page_still_joins_them():
    one, other = site_number("https://a.example/"), site_number("https://b.example/")
    assert group(ALIKE[:2], 0.5, {(0, 1)}, sites=np.array([one, one], dtype=np.int32)) == [[0, 1]]
    assert group(ALIKE, 0.5, sites=np.array([one, one, other], dtype=np.int32)) == [[0, 1, 2]]


def test_two_posts_of_one_blog_are_two_stories(encoder):
    chile = ("Earthquake strikes northern Chile",
             "A magnitude 6.8 earthquake struck northern Chile on Monday, killing 12 people in the city of Calama.",
             "Rescue teams searched collapsed houses through the night and the government declared an emergency.")
    peru = ("Earthquake strikes southern Peru",
            "A magnitude 6.1 earthquake struck southern Peru on Thursday, killing 3 people in the city of Arequipa.",
            "Rescue teams searched collapsed houses through the night and the government declared an emergency.")
    a, b = shell("a", *chile), shell("b", *peru)
    assert len(find_stories([a, b], encoder=encoder)) == 1  # no sites: the leads alone group them
    one_blog = [replace(a, url="https://quakes.example/chile"), replace(b, url="https://www.quakes.example/peru")]
    assert find_stories(one_blog, encoder=encoder) == []
    two_sites = [replace(a, url="https://one.example/chile"), replace(b, url="https://two.example/peru")]
    assert len(find_stories(two_sites, encoder=encoder)) == 1
