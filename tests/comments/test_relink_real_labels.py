"""Labels of real comments follow their comment when the reader changes what it keeps of it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from relink_real_labels import relink_rows, sha1


def test_a_label_follows_its_comment_without_the_chrome_line() -> None:
    old = {("p.html.gz", 0): "first comment here", ("p.html.gz", 1): "And swag.\nby Ann on\nup"}
    new = {("p.html.gz", 0): "a new comment found", ("p.html.gz", 1): "first comment here",
           ("p.html.gz", 2): "And swag."}
    rows = [{"page": "p.html.gz", "index": 0, "sha1": sha1("first comment here")},
            {"page": "p.html.gz", "index": 1, "sha1": sha1("And swag.\nby Ann on\nup")}]
    counts = relink_rows(rows, old, new)
    assert [(r["index"], r["sha1"]) for r in rows] == [(1, sha1("first comment here")), (2, sha1("And swag."))]
    assert counts == {"relinked": 2}


def test_a_label_whose_text_is_gone_is_left_alone() -> None:
    rows = [{"page": "p.html.gz", "index": 0, "sha1": sha1("some words of a comment")}]
    counts = relink_rows(rows, {("p.html.gz", 0): "some words of a comment"}, {("p.html.gz", 0): "other text"})
    assert counts == {"lost": 1} and rows[0]["index"] == 0
