"""Plain-text comment authors when a comment's chrome stands on both sides of it ("name / text / date")."""

from __future__ import annotations

from storytrace.anatomy.chrome_authors import read_chrome

B, C, X = "boilerplate", "comment", "body"

ARTICLE = [("The council voted on the new bridge on Tuesday evening after a long debate.", X),
           ("Work is expected to start next spring and to take two years.", X)]

# each comment between its author's name (above) and its date (below); no cue words
NAME_TEXT_DATE = ARTICLE + [
    ("3 Comments", B),
    ("Alex Morgan", B), ("I drive over the old one every day and it is falling apart.", C),
    ("March 3, 2009 at 4:15 pm", B),
    ("Sam Lee", B), ("Two years sounds optimistic to me.", C), ("The last project here took five.", C),
    ("March 4, 2009 at 9:02 am", B),
    ("Jordan Kim", B), ("Finally some good news for commuters.", C), ("March 5, 2009 at 11:40 pm", B),
    ("Leave a Reply", B),
]


def _read(page: list[tuple[str, str]]):
    return read_chrome([t for t, _ in page], [lab for _, lab in page])


def test_text_name_text_date_comments_get_their_authors_and_dates() -> None:
    r = _read(NAME_TEXT_DATE)
    # a date pairs with the next comment's name between the comments; the edges show the split layout
    assert (r.author_side, r.date_side) == ("before", "after")
    assert r.authors == ["Alex Morgan", "Sam Lee", "Sam Lee", "Jordan Kim"]
    assert r.dates == ["2009-03-03T16:15", "2009-03-04T09:02", "2009-03-04T09:02", "2009-03-05T23:40"]


def test_text_date_text_name_comments_get_their_authors_and_dates() -> None:
    section = NAME_TEXT_DATE[len(ARTICLE) + 1:-1][::-1]  # the same comments, chrome mirrored
    r = _read(ARTICLE + [("3 Comments", B)] + section + [("Leave a Reply", B)])
    assert (r.author_side, r.date_side) == ("after", "before")
    assert r.authors == ["Jordan Kim", "Sam Lee", "Sam Lee", "Alex Morgan"]
    assert r.dates[0] == "2009-03-05T23:40" and r.dates[-1] == "2009-03-03T16:15"



def test_text_split_chrome_is_not_read_from_a_button_under_every_name() -> None:
    # "name / Follow / text / date": the line nearest each comment is the same button, not an author
    page = []
    for text, lab in NAME_TEXT_DATE:
        page.append((text, lab))
        if text in ("Alex Morgan", "Sam Lee", "Jordan Kim"):
            page.append(("Follow", B))
    r = _read(page)
    assert "Follow" not in r.authors
