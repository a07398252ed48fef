"""Two undated pages about two events of one kind in different places are two stories: the lead embeddings say
"an earthquake", the places the facts stage resolved say which one. Pages with dates are gated by their dates
(test_two_events.py); pages without the facts stage's places group as before."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.stories import find_stories
from storytrace.stories.grouping import NO_DAY, group, places_apart
from storytrace.stories.shells import shell_of

from .conftest import page
from .test_two_events import CHILE, DELHI, MUMBAI, PERU


def _place(name: str, geonameid: int, feature: str, country: str, paragraph: int) -> dict:
    return {"name": name, "label": "GPE", "mentions": [{"text": name, "span": {"paragraph": paragraph}}],
            "place": {"geonameid": geonameid, "name": name, "feature": feature, "country_code": country}}


# what the facts stage resolves on these pages (geonames ids of the gazetteer)
PLACES = {
    "a": [_place("Chile", 3895114, "country", "CL", -1), _place("Calama", 3897347, "city", "CL", 0)],
    "b": [_place("Peru", 3932488, "country", "PE", -1), _place("Arequipa", 3947322, "city", "PE", 0)],
    "c": [_place("Delhi", 1273294, "city", "IN", -1)],
    "d": [_place("Mumbai", 1275339, "city", "IN", -1)],
}


def _shell(pid: str, title: str, *paragraphs: str, places: bool = True, **kwargs):
    p = page(pid, title, *paragraphs, **kwargs)
    if places:
        p.facts = {"entities": PLACES[pid]}
    return shell_of(p)


def test_stories_shell_keeps_the_places_of_the_facts_stage() -> None:
    shell = _shell("a", *CHILE)
    assert (shell.countries, shell.lead_places) == (["CL"], [3897347])
    assert (_shell("a", *CHILE, places=False).countries, _shell("a", *CHILE, places=False).lead_places) == ([], [])


def test_stories_undated_events_in_other_countries_are_two_stories(encoder) -> None:
    undated = [_shell("a", *CHILE), _shell("b", *PERU), _shell("c", *DELHI), _shell("d", *MUMBAI)]
    stories = find_stories(undated, encoder=encoder)
    # Chile and Peru: other countries, other towns. Delhi and Mumbai share a country: nothing tells them apart
    assert [sorted(p["title"] for p in s["pages"]) for s in stories] == [[DELHI[0], MUMBAI[0]]]


def test_stories_undated_pages_without_places_group_as_before(encoder) -> None:
    undated = [_shell(pid, *text, places=False) for pid, text in zip("abcd", (CHILE, PERU, DELHI, MUMBAI), strict=True)]
    assert len(find_stories(undated, encoder=encoder)) == 2


@pytest.mark.parametrize(("a", "b", "apart"), [
    ((("CL",), (1,)), (("PE",), (2,)), True),  # other countries, other lead places
    ((("CL",), (1,)), (("CL", "PE"), (2,)), False),  # a shared country: maybe one event seen from two sides
    ((("CL",), (1,)), (("PE",), (1,)), False),  # a shared lead place
    ((("CL",), ()), (("PE",), (2,)), False),  # no lead place on one side: nothing to compare
    (((), ()), (("PE",), (2,)), False),
])
def test_stories_places_apart(a, b, apart) -> None:
    places = [(frozenset(a[0]), frozenset(a[1])), (frozenset(b[0]), frozenset(b[1]))]
    rows, cols = np.array([0]), np.array([1])
    assert places_apart(None, places, rows, cols).tolist() == [apart]
    # both dates known: the dates decide (a copy of the same story days later keeps its group)
    assert places_apart(np.array([100, 102], dtype=np.int32), places, rows, cols).tolist() == [False]
    assert places_apart(np.array([100, NO_DAY], dtype=np.int32), places, rows, cols).tolist() == [apart]


def test_stories_places_gate_embedding_links_only() -> None:
    vectors = np.array([[1.0, 0.0], [0.99, 0.141]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    places = [(frozenset({"CL"}), frozenset({1})), (frozenset({"PE"}), frozenset({2}))]
    assert group(vectors, 0.5) == [[0, 1]]
    assert group(vectors, 0.5, places=places) == [[0], [1]]
    assert group(vectors, 0.5, {(0, 1)}, places=places) == [[0, 1]]  # a near-duplicate text is one story
