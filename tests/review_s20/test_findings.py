"""Session-20 review findings: each test shows a defect seen by running storytrace as a user would.

Each test was committed as a strict xfail against main cf2641a before its fix; a fixed defect's test has its
marker removed. A test still marked is a defect left for the owner of the file it names.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import shell
from tests.stories.test_relations import ORIGINAL


@pytest.fixture(scope="module")
def encoder():
    from storytrace.embeddings import load_encoder

    return load_encoder()


# --- 1. copies published on the same day: the time (and zone) tells which came first -------------------------

@pytest.mark.parametrize(("first", "later"), [
    ("2024-03-02T08:00:00+01:00", "2024-03-02T14:00:00+01:00"),  # same day: 08:00 before 14:00
    ("2024-03-03T01:00:00+05:00", "2024-03-02T22:00:00+00:00"),  # 20:00 UTC before 22:00 UTC, a day "later" written
])
def test_a_copy_published_hours_later_is_based_on_the_earlier_page(encoder, first, later):
    from storytrace.stories import find_stories

    original = shell("a", *ORIGINAL, published=first)
    copied = shell("b", *ORIGINAL, published=later)
    (story,) = find_stories([copied, original], encoder=encoder)  # the copy comes first in input order
    (relation,) = story["relations"]
    assert (relation["type"], relation["page"], relation["based_on"]) == ("copy", copied.id, original.id)
    assert relation["direction"] == "date"
