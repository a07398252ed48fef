"""Session 25: a comment whose text was also posted on other pages of the batch (a cross-page cluster of the
dossier's ``coordination``) says so in its thread, "also posted on 2 other pages", with links to the copies."""

from __future__ import annotations

import re

from storytrace.records import Comment, Dossier, Page
from storytrace.report import render_dossier, write_dossier

A, B, C, D = ("a" * 16, "b" * 16, "c" * 16, "d" * 16)
VOTE = "Vote NO on the dam, they are lying to you"


def _page(pid: str, title: str, texts: list[tuple[str, str]]) -> Page:
    comments = [Comment(id=f"{pid}-c{i}", text=text, position=i, author=author) for i, (author, text) in enumerate(texts)]
    return Page(id=pid, source=f"{pid}.html", title=title, body=["Body."], comments=comments)


def _dossier() -> Dossier:
    pages = [
        # an author with a line break and a text with one: the note still lands in the comment's line
        _page(A, "Dam <b>vote</b>", [("Ann\nSmith", VOTE), ("Bob", "I was there.\nIt was fine.")]),
        _page(B, "Dam, day two", [("Cy", "First!"), ("Dee", VOTE)]),
        _page(C, "Dam \u202eyrots", [("Eve", VOTE), ("Fay", "Nice"), ("Eve", VOTE)]),
        _page(D, "Alone", [("Gus", "same here"), ("Hal", "same here")]),
    ]
    across = {"kind": "identical", "text": VOTE, "pages": [A, B, C], "authors": ["Ann\nSmith", "Dee", "Eve"],
              "comments": [{"page": A, "comment": f"{A}-c0", "author": "Ann\nSmith"},
                           {"page": B, "comment": f"{B}-c1", "author": "Dee"},
                           {"page": C, "comment": f"{C}-c0", "author": "Eve"},
                           {"page": C, "comment": f"{C}-c2", "author": "Eve"}]}
    one_page = {"kind": "identical", "text": "same here", "pages": [D], "authors": ["Gus", "Hal"],
                "comments": [{"page": D, "comment": f"{D}-c0", "author": "Gus"},
                             {"page": D, "comment": f"{D}-c1", "author": "Hal"}]}
    burst = {"kind": "burst", "pages": [A, B], "comments": [f"{A}-c1", f"{B}-c0"], "start": "2024-03-01T10:00:00",
             "end": "2024-03-01T10:01:00"}
    return Dossier(pages=pages, coordination=[across, one_page, burst])


def _comment_box(out: str, comment_id: str) -> str:
    """The comment's box, from its opening tag to its text."""
    return out.split(f"id='c-{comment_id}'>", 1)[1].split("<div class='ctext'>", 1)[0]


def _check(out: str) -> None:
    on_a = _comment_box(out, f"{A}-c0")
    assert "also posted on 2 other pages" in on_a
    assert f"href='#c-{B}-c1'" in on_a and f"href='#c-{C}-c0'" in on_a and f"href='#c-{A}-c0'" not in on_a
    assert "Dam, day two" in on_a and "Dam [U+202E]yrots" in on_a  # the other pages by name, escaped
    for copy in (f"{C}-c0", f"{C}-c2"):  # two copies on one page: the other pages are A and B
        box = _comment_box(out, copy)
        assert "also posted on 2 other pages" in box and f"href='#c-{A}-c0'" in box and f"href='#c-{B}-c1'" in box
        assert "Dam &lt;b&gt;vote&lt;/b&gt;" in box and "<b>vote" not in box
    assert "also posted on 2 other pages" in _comment_box(out, f"{B}-c1")
    for alone in (f"{A}-c1", f"{B}-c0", f"{D}-c0", f"{D}-c1"):  # a burst, or one page's repeat, is no copy elsewhere
        assert "also posted" not in _comment_box(out, alone)
    assert "Ann\nSmith" in out or "Ann&#10;Smith" in out


def test_a_comment_posted_on_other_pages_says_where(tmp_path):
    _check(render_dossier(_dossier()))


def test_the_streamed_report_says_it_too(tmp_path):
    """The CLI's writer streams page sections before the clusters are known: the note is added at the end."""
    paths = write_dossier(_dossier(), tmp_path)
    out = paths["html"].read_text(encoding="utf-8")
    _check(out)
    assert out.rstrip("\n") == render_dossier(_dossier())


def test_a_comment_on_many_pages_lists_the_first_and_counts_the_rest():
    pids = [f"{i:016x}" for i in range(30)]
    pages = [_page(pid, f"Page {i}", [("Zed", VOTE)]) for i, pid in enumerate(pids)]
    cluster = {"kind": "near_identical", "text": VOTE, "pages": pids, "authors": ["Zed"],
               "comments": [{"page": pid, "comment": f"{pid}-c0", "author": "Zed"} for pid in pids]}
    box = _comment_box(render_dossier(Dossier(pages=pages, coordination=[cluster])), f"{pids[0]}-c0")
    assert "also posted on 29 other pages" in box and "… and 9 more" in box
    assert len(re.findall(r"href='#c-", box)) == 20


def _contents_entry(out: str, pid: str) -> str:
    contents = out.split("<nav class='toc'>", 1)[1].split("</nav>", 1)[0]
    return contents.split(f"href='#p-{pid}'", 1)[1].split("</li>", 1)[0]


def test_the_contents_count_each_threads_comments_posted_on_other_pages_too(tmp_path):
    """A reader triaging many pages sees in the contents which threads hold comments posted elsewhere too."""
    for out in (render_dossier(_dossier()), write_dossier(_dossier(), tmp_path)["html"].read_text(encoding="utf-8")):
        assert "2 comments, 1 also posted on other pages" in _contents_entry(out, A)
        assert "3 comments, 2 also posted on other pages" in _contents_entry(out, C)
        assert "also posted" not in _contents_entry(out, D)
