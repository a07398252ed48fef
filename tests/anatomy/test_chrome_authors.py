"""Authors and dates of plain-text comments from the chrome lines around them (storytrace.anatomy.chrome_authors).

The fixtures are built by hand: a page is a list of (line, label) pairs as split_text labels them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storytrace.anatomy.chrome_authors import (
    attach_chrome_authors,
    parse_chrome_line,
    parse_date,
    read_chrome,
)
from storytrace.anatomy.text import LineModel, load_line_model, split_text
from storytrace.records import Comment, Page
from storytrace.settings import Options

DEMO = Path(__file__).resolve().parents[2] / "src" / "storytrace" / "data" / "demo"
B, C, X = "boilerplate", "comment", "body"

ARTICLE = [("The council voted on the new bridge on Tuesday evening after a long debate.", X),
           ("Work is expected to start next spring and to take two years.", X)]

# WordPress-like: name and date above each comment, "Reply" below it
BEFORE_PAGE = ARTICLE + [
    ("3 Comments", B),
    ("Alex Morgan says:", B), ("March 3, 2009 at 4:15 pm", B),
    ("I drive over the old one every day and it is falling apart.", C),
    ("Reply", B),
    ("Sam Lee says:", B), ("March 4, 2009 at 9:02 am", B),
    ("Two years sounds optimistic to me.", C),
    ("The last project here took five.", C),
    ("Reply", B),
    ("jordan_k says:", B), ("March 5, 2009 at 11:40 pm", B),
    ("Finally some good news for commuters.", C),
    ("Reply", B),
    ("Leave a Reply", B),
]
BEFORE_AUTHORS = ["Alex Morgan", "Sam Lee", "Sam Lee", "jordan_k"]
BEFORE_DATES = ["2009-03-03T16:15", "2009-03-04T09:02", "2009-03-04T09:02", "2009-03-05T23:40"]

# TypePad-like: each comment is followed by its "Posted by" line
AFTER_PAGE = ARTICLE + [
    ("Comments", B),
    ("I drive over the old one every day and it is falling apart.", C),
    ("Posted by: Alex Morgan | March 3, 2009 at 04:15 PM", B),
    ("Two years sounds optimistic to me.", C),
    ("The last project here took five.", C),
    ("Posted by: Sam Lee | March 4, 2009 at 09:02 AM", B),
    ("Finally some good news for commuters.", C),
    ("Posted by: jordan_k | March 5, 2009 at 11:40 PM", B),
    ("Post a comment", B),
]

# no cue words: name and date lines above each comment; the edges tell the side
EDGE_BEFORE_PAGE = ARTICLE + [
    ("Alex Morgan", B), ("03/03/2009", B),
    ("I drive over the old one every day and it is falling apart.", C),
    ("Sam Lee", B), ("03/14/2009", B),
    ("Two years sounds optimistic to me.", C),
    ("Jordan Kim", B), ("03/15/2009", B),
    ("Finally some good news for commuters.", C),
]

# Blogger-like: "said..." above the comment, the date below it
SPLIT_PAGE = ARTICLE + [
    ("Alex Morgan said...", B),
    ("I drive over the old one every day and it is falling apart.", C),
    ("March 3, 2009 4:15 PM", B),
    ("Sam Lee said...", B),
    ("Two years sounds optimistic to me.", C),
    ("March 4, 2009 9:02 AM", B),
]


def _read(page: list[tuple[str, str]]) -> tuple[list[str | None], list[str | None]]:
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    return r.authors, r.dates


def _flip(page: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The comment section of ``page`` in reverse line order: chrome before becomes chrome after."""
    return ARTICLE + page[len(ARTICLE):][::-1]


@pytest.mark.parametrize("page,authors,dates", [(BEFORE_PAGE, BEFORE_AUTHORS, BEFORE_DATES),
                                                (AFTER_PAGE, BEFORE_AUTHORS, BEFORE_DATES)])
def test_chrome_authors_before_and_after(page: list[tuple[str, str]], authors: list[str], dates: list[str]) -> None:
    got_authors, got_dates = _read(page)
    assert got_authors == authors
    assert got_dates == dates


@pytest.mark.parametrize("page", [EDGE_BEFORE_PAGE])
def test_chrome_authors_side_from_edges(page: list[tuple[str, str]]) -> None:
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    assert (r.author_side, r.reason) == ("before", "edges")
    assert r.authors == ["Alex Morgan", "Sam Lee", "Jordan Kim"]
    # 03/03/2009 alone could be either way round; 03/14/2009 on the same page settles month-first
    assert r.dates == ["2009-03-03", "2009-03-14", "2009-03-15"]
    flipped = read_chrome(*zip(*_flip(page), strict=True))
    assert flipped.author_side == "after"
    assert flipped.authors == ["Jordan Kim", "Sam Lee", "Alex Morgan"]


# the blog post's own "Posted by" footer a few lines above the comment section does not decide its side
SPLIT_PAGE_WITH_FOOTER = ARTICLE + [("Posted by Casey at 3:15 PM", B), ("Labels: city, roads", B),
                                    ("2 comments:", B)] + SPLIT_PAGE[len(ARTICLE):]


# bare names on both edges; the replies name the author of the comment above them
REPLIES_PAGE = ARTICLE + [("Ann Lee", B), ("Great write-up, thanks for sharing it with us.", C), ("Bob Stone", B),
                          ("Ann, I agree with every word of that.", C), ("Cat Moss", B),
                          ("Bob, well said, I had the same thought.", C), ("Dan Ray", B)]


# the same with each name below its comment (and a stray name above the first)
REPLIES_AFTER_PAGE = ARTICLE + [("Zed Park", B), ("Great write-up, thanks for sharing it with us.", C), ("Ann Lee", B),
                                ("Ann, I agree with every word of that.", C), ("Bob Stone", B),
                                ("Bob, well said, I had the same thought.", C), ("Cat Moss", B)]
NO_REPLIES_PAGE = [(t if lab != C else f"Comment number {k} says nothing about anyone.", lab)
                   for k, (t, lab) in enumerate(REPLIES_PAGE)]


@pytest.mark.parametrize("page,side,authors", [
    (REPLIES_PAGE, "before", ["Ann Lee", "Bob Stone", "Cat Moss"]),
    (REPLIES_AFTER_PAGE, "after", ["Ann Lee", "Bob Stone", "Cat Moss"]),
    (NO_REPLIES_PAGE, None, [None, None, None]),
])
def test_chrome_authors_side_from_replies(page: list[tuple[str, str]], side: str | None,
                                          authors: list[str | None]) -> None:
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    assert (r.author_side, r.authors) == (side, authors)


@pytest.mark.parametrize("page", [SPLIT_PAGE, SPLIT_PAGE_WITH_FOOTER])
def test_chrome_authors_name_and_date_on_different_sides(page: list[tuple[str, str]]) -> None:
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    assert (r.author_side, r.date_side) == ("before", "after")
    assert r.authors == ["Alex Morgan", "Sam Lee"]
    assert r.dates == ["2009-03-03T16:15", "2009-03-04T09:02"]


@pytest.mark.parametrize("page,reason", [
    # bare names on both edges, no cue: the side cannot be told
    (ARTICLE + [("Alex Morgan", B), ("March 3, 2009", B), ("A first comment about the bridge plan.", C),
                ("Sam Lee", B), ("March 4, 2009", B), ("A second comment about the bridge plan.", C),
                ("Jordan Kim", B), ("March 5, 2009", B)], "side unknown: names on both edges or neither"),
    # "says:" and "Posted by" on one page
    (ARTICLE + [("Alex Morgan says:", B), ("A first comment about the bridge plan.", C),
                ("Posted by: Sam Lee", B), ("A second comment about the bridge plan.", C)], "cues disagree"),
    # names only between the comments: nothing at either edge
    (ARTICLE + [("A first comment about the bridge plan.", C), ("Sam Lee", B), ("March 4, 2009", B),
                ("A second comment about the bridge plan.", C)], "side unknown: names on both edges or neither"),
    # a comment section without chrome between its comments
    (ARTICLE + [("Alex Morgan", B), ("A first comment about the bridge plan.", C),
                ("A second comment about the bridge plan.", C)],
     "too little chrome: bare names between fewer than three comments"),
    (ARTICLE + [("A first comment about the bridge plan.", C), ("A second comment about the bridge plan.", C),
                ("Reply", B), ("A third comment about the bridge plan.", C)], "no chrome between comments"),
    # the edges say "after", but then two comments would open by addressing their own authors
    (ARTICLE + [("Lovely idea, I will try it this weekend.", C), ("Dawn Camp", B),
                ("Sam, thanks for this, it made my day!", C), ("Sam Lee", B),
                ("Kim, so true, I said the same last year.", C), ("Kim Park", B)],
     "comments address their own authors (2 against 0): side likely wrong"),
])
def test_chrome_authors_abstains_when_unsure(page: list[tuple[str, str]], reason: str) -> None:
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    assert r.reason == reason
    assert r.author_side is None
    assert set(r.authors) == {None} and set(r.dates) == {None}


@pytest.mark.parametrize("page", [EDGE_BEFORE_PAGE])
def test_chrome_authors_far_name_is_not_taken(page: list[tuple[str, str]]) -> None:
    # the second comment read as boilerplate, the third one's name unusable ("No Name"): Sam Lee, two
    # dates up, is not the third comment's author
    page = page[:len(ARTICLE)] + [("Kim Lo", B), ("03/02/2009", B), ("Is there a map of the new route?", C)] + [
        ("No Name" if t == "Jordan Kim" else t, B if t.startswith("Two years") else lab) for t, lab in page[len(ARTICLE):]]
    r = read_chrome([t for t, _ in page], [lab for _, lab in page])
    assert r.author_side == "before"
    assert r.authors == ["Kim Lo", "Alex Morgan", None]


@pytest.mark.parametrize("page", [BEFORE_PAGE])
def test_chrome_authors_chrome_read_as_comment_splits_and_gets_nothing(page: list[tuple[str, str]]) -> None:
    # the line model sometimes labels chrome lines comment: they still separate the comments
    relabelled = [(t, C if t.startswith(("Sam Lee", "March 4")) else lab) for t, lab in page]
    authors, _ = _read(relabelled)
    texts = [t for t, lab in relabelled if lab == C]
    got = dict(zip(texts, authors, strict=True))
    assert got["Sam Lee says:"] is None and got["March 4, 2009 at 9:02 am"] is None
    assert got["I drive over the old one every day and it is falling apart."] == "Alex Morgan"
    assert got["Two years sounds optimistic to me."] == "Sam Lee"


@pytest.mark.parametrize("line", [
    "<script>alert(1)</script> says:",
    "Alex\u202eMorgan says:",  # a right-to-left override hides the real order of the letters
    "Alex\x00Morgan says:",
    "http://spam.example.com says:",
    "Posted by: " + "A" * 200,
    "Click here to win says:",
    "x" * 10_000 + " says:",
])
def test_chrome_authors_hostile_names_are_refused(line: str) -> None:
    assert parse_chrome_line(line).name is None
    page = ARTICLE + [(line, B), ("A first comment about the bridge plan.", C), ("Reply", B),
                      (line, B), ("A second comment about the bridge plan.", C)]
    assert set(_read(page)[0]) == {None}


@pytest.mark.parametrize("n", [5_000])
def test_chrome_authors_long_hostile_page_is_fast(n: int) -> None:
    hostile = ["says: " * 30 + "Ann says:", "(" * 150 + " 1/1/2009 " + "a" * 150, "1/" * 78, "#1 " * 50, "a " * 75 + "says:"]
    lines = [hostile[i % len(hostile)] for i in range(n)]
    labels = [B if i % 2 else C for i in range(n)]
    t = time.perf_counter()
    read_chrome(lines, labels)
    assert time.perf_counter() - t < 10.0


@pytest.mark.parametrize("text,iso", [
    ("March 3, 2009 at 4:15 pm", "2009-03-03T16:15"),
    ("on Mar 3rd, 2009 at 12:05 am", "2009-03-03T00:05"),
    ("11. Jul, 2012 / Ann says:", "2012-07-11"),
    ("Posted 10/31/2012 at 2:57 pm", "2012-10-31T14:57"),
    ("26 October 2012 17:38", "2012-10-26T17:38"),
    ("2012-10-16 at 8:11 am", "2012-10-16T08:11"),
    ("AnnOctober 29, 2012 1:24 PM", "2012-10-29T13:24"),
    ("03/04/2012", "2012"),  # day and month could be swapped: the year only
    ("March 2009", "2009-03"),
    ("3 days ago", None),
    ("February 30, 2009", None),
    ("2009-02-29", None),
    ("Reply", None),
])
def test_chrome_authors_parse_date_precision(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("line,kind,name", [
    ("Alex Morgan says:", "cue_before", "Alex Morgan"),
    ("On March 3, 2009 at 4:15 pm Alex Morgan said:", "cue_before", "Alex Morgan"),
    ("Posted by: Alex Morgan | March 3, 2009 at 04:15 PM", "cue_after", "Alex Morgan"),
    ("by Alex Morgan on March 3, 2009 at 4:15 pm.", "byline", "Alex Morgan"),
    ("Alex Morgan March 3, 2009 at 4:15 pm", "name", "Alex Morgan"),
    ("Alex Morgan", "name", "Alex Morgan"),
    ("Dear Alex,", "other", None),
    ("Great post, thanks!", "other", None),
    ("Reply", "ui", None),
    ("557 Fans", "ui", None),
    ("Leave a Reply", "ui", None),
    ("March 3, 2009 at 4:15 pm", "date", None),
    ("15 minutes ago", "date", None),
])
def test_chrome_authors_parse_line(line: str, kind: str, name: str | None) -> None:
    got = parse_chrome_line(line)
    assert (got.kind, got.name) == (kind, name)


@pytest.mark.parametrize("page", [BEFORE_PAGE])
def test_chrome_authors_attach_keeps_text_and_set_fields(page: list[tuple[str, str]]) -> None:
    lines, labels = [t for t, _ in page], [lab for _, lab in page]
    texts = [t for t, lab in page if lab == C]
    comments = [Comment(id=f"p-c{i}", text=t, position=i) for i, t in enumerate(texts)]
    comments[1].author = "Given Name"
    before = [c.as_dict() for c in comments]
    attach_chrome_authors(comments, lines, labels)
    assert [c.text for c in comments] == texts
    assert [c.author for c in comments] == ["Alex Morgan", "Given Name", "Sam Lee", "jordan_k"]
    assert comments[0].published == "2009-03-03T16:15"
    for old, new in zip(before, comments, strict=True):
        changed = {k for k, v in new.as_dict().items() if old[k] != v}
        assert changed <= {"author", "published"}
    with pytest.raises(ValueError):
        attach_chrome_authors(comments[:2], lines, labels)


# ---------------------------------------------------------------- through split_text, with the shipped model
@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


@pytest.mark.parametrize("name", ["000_d66ebd6db3d84dd8.txt", "003_9a83f09ece2f8787.txt"])
def test_chrome_authors_seed_pages_unchanged(model: LineModel, name: str) -> None:
    text = (DEMO / name).read_text(encoding="utf-8")
    page = split_text(text, Page(id="seed", source=name, kind="text"), Options(text_comment_authors=True), model=model)
    assert all(c.author is None and c.published is None and c.parent_id is None for c in page.comments)
    if name.startswith("000"):
        assert len(page.comments) == 27


DUMP = """Council approves new bridge after long debate
The city council voted on Tuesday evening to approve a new bridge over the river, ending a debate that has lasted more than a decade.
Work is expected to start next spring and to take two years, according to the city's transport department, which will publish a full schedule next month.
Residents have waited for a decision on the crossing for years, and several earlier plans were dropped for lack of money.
3 Comments
Alex Morgan says:
March 3, 2009 at 4:15 pm
I drive over the old one every day and honestly I think it is falling apart, so about time!! Thanks for reporting this.
Reply
Sam Lee says:
March 4, 2009 at 9:02 am
Two years sounds way too optimistic to me lol. The last project like this in my town took five and went over budget twice.
Reply
jordan_k says:
March 5, 2009 at 11:40 pm
Finally some good news for us commuters, I hope they keep one lane open while they build it or we are all doomed :)
Reply
Leave a Reply"""


@pytest.mark.parametrize("chrome", [False, True])
def test_chrome_authors_off_by_default(model: LineModel, chrome: bool) -> None:
    page = split_text(DUMP, Page(id="p", source="t.txt", kind="text"), Options(text_comment_chrome=chrome), model=model)
    assert page.comments and all(c.author is None and c.published is None for c in page.comments)


@pytest.mark.parametrize("chrome,found", [(False, 3), (True, 3)])
def test_chrome_authors_split_text_fills_authors(model: LineModel, chrome: bool, found: int) -> None:
    options = Options(text_comment_chrome=chrome, text_comment_authors=True)
    page = split_text(DUMP, Page(id="p", source="t.txt", kind="text"), options, model=model)
    expected = {"I drive over": ("Alex Morgan", "2009-03-03T16:15"), "Two years so": ("Sam Lee", "2009-03-04T09:02"),
                "Finally some": ("jordan_k", "2009-03-05T23:40")}
    got = {c.text[:12]: (c.author, c.published) for c in page.comments}
    hits = {k: v for k, v in got.items() if k in expected}
    assert len(hits) == found  # the default model v5.3 finds all three (v5.2, before real dumps: the first)
    assert hits == {k: expected[k] for k in hits}
    assert all(v == (None, None) for k, v in got.items() if k not in expected)  # e.g. a body line read as comment


@pytest.mark.parametrize(("text", "iso"), [("31/02/2012", None), ("31.04.2012", None), ("12/25/99", "1999-12-25"),
                                           ("30/04/12", "2012-04-30")])
def test_parse_date_rejects_impossible_days_and_keeps_past_centuries(text, iso):
    from storytrace.anatomy.chrome_authors import parse_date

    assert parse_date(text) == iso


def test_blogger_layout_keeps_the_first_comments_author():
    # "Ann said..." above each comment, its date below: the first comment once lost its author
    from storytrace.anatomy.chrome_authors import read_chrome

    page = [("The council voted on the new bridge on Tuesday evening after a long debate.", "body"),
            ("3 comments:", "boilerplate"), ("Ann said...", "boilerplate"), ("I love this bridge plan, finally.", "comment"),
            ("March 3, 2009 4:15 PM", "boilerplate"), ("Bob said...", "boilerplate"), ("Two years is optimistic.", "comment"),
            ("March 4, 2009 9:02 AM", "boilerplate"), ("Cy said...", "boilerplate"), ("Great news for us.", "comment"),
            ("March 5, 2009 1:00 PM", "boilerplate"), ("Post a Comment", "boilerplate")]
    result = read_chrome([line for line, _ in page], [label for _, label in page])
    assert result.authors == ["Ann", "Bob", "Cy"]
