"""Session-23 lead fix from the session-22 review's hand-over: the dossier's cross-page coordination read whole
comment texts, so a reply that quotes its parent whole and then answers (Slashdot style) was "near_identical
posting under two names" although the page's own thread analysis had already read it as a quote."""

from __future__ import annotations

from storytrace.comments import find_coordination
from tests.comments.conftest import make_page

PARENT = ("The regulator never published the inspection reports for the dam, and the company kept the water level "
          "high all spring even after the engineers warned that the spillway gates were failing.")
ANSWER = "Not true, the reports were published in May."


def _page(texts, authors, parents, page_id="p"):
    page = make_page(texts, authors=authors, page_id=page_id)
    for comment, parent in zip(page.comments, parents, strict=True):
        comment.parent_id = page.comments[parent].id if parent is not None else None
    return page


def test_a_reply_quoting_its_parent_whole_then_answering_is_no_coordination() -> None:
    page = _page([PARENT, f"{PARENT}\n{ANSWER}"], ["hawguy", "atrius"], [None, 0])
    assert find_coordination([page]) == []


def test_the_same_reply_on_two_pages_is_still_coordination() -> None:
    # the quote is stripped on each page; the reply's own words, posted on two pages, remain a copy
    own = "Wake up people, the media is lying to you about the dam and the spillway again and again!!"
    one = _page([PARENT, f"{PARENT}\n{own}"], ["hawguy", "atrius"], [None, 0], page_id="a")
    two = _page(["A different opening comment about the council meeting and its budget.", own],
                ["ann", "atrius2"], [None, 0], page_id="b")
    out = find_coordination([one, two])
    assert len(out) == 1 and out[0]["pages"] == ["a", "b"]
    assert out[0]["text"].startswith("The regulator") or out[0]["text"].startswith("Wake up")


def test_a_bare_repost_of_the_parent_under_another_name_is_still_coordination() -> None:
    page = _page([PARENT, f"+1 {PARENT}"], ["hawguy", "sock"], [None, 0])
    assert len(find_coordination([page])) == 1
