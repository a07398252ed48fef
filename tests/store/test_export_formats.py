"""Session 25: every export format says the same thing (story_id in the pages JSONL too)."""

from __future__ import annotations

import csv
import json

from storytrace.cli import main
from storytrace.records import Comment, Page
from storytrace.store import SQLiteStore


def _store(tmp_path, comments=()):
    pages = [Page(id=c * 16, source=f"{c}.html", title=f"Dam story {c}", site="Gazette", body=["Body."],
                  comments=list(comments) if c == "a" else []) for c in "abc"]
    story = {"id": "s" * 16, "title": "Dam story", "similarity": 0.8,
             "pages": [{"id": p.id, "title": p.title, "site": p.site, "source": p.source} for p in pages[:2]],
             "relations": []}
    other = {"id": "t" * 16, "title": "Dam story, later run", "pages": [{"id": "a" * 16}], "relations": []}
    path = tmp_path / "st.sqlite"
    with SQLiteStore(path) as store:
        store.add(pages)
        store.add_stories([story, other])
    return path


def _export(db, tmp_path, table, fmt):
    out = tmp_path / f"{table}.{fmt}"
    assert main(["export", "--db", str(db), "--table", table, "--format", fmt, "--out", str(out)]) == 0
    return out


def test_the_pages_jsonl_says_which_story_each_page_is_in_as_csv_and_parquet_do(tmp_path):
    """The pages JSONL had no ``story_id`` while the CSV and Parquet had it since session 24."""
    import pandas as pd

    db = _store(tmp_path)
    jsonl = {r["id"]: r["story_id"] for r in map(json.loads, _export(db, tmp_path, "pages", "jsonl").open())}
    flat = pd.read_parquet(_export(db, tmp_path, "pages", "parquet"))
    parquet = {i: (None if pd.isna(s) else s) for i, s in zip(flat["id"], flat["story_id"], strict=True)}
    with _export(db, tmp_path, "pages", "csv").open(newline="") as f:
        table = {r["id"]: r["story_id"] or None for r in csv.DictReader(f)}
    assert jsonl == parquet == table
    assert jsonl == {"a" * 16: f"{'s' * 16}; {'t' * 16}", "b" * 16: "s" * 16, "c" * 16: None}



def test_the_comments_jsonl_names_the_article_each_comment_is_under_as_csv_and_parquet_do(tmp_path):
    """The comments JSONL had only ``page_id``: opened alone it did not say which article a comment is under, while
    the CSV and Parquet have ``page_url``, ``page_site`` and ``page_title`` (session 24)."""
    import pandas as pd

    comment = Comment(id=f"{'a' * 16}-c0", text="Nice", position=0, author="Ann")
    page = Page(id="a" * 16, source="a.html", url="https://gazette.example/dam", title="Dam story", site="Gazette",
                body=["Body."], comments=[comment])
    db = tmp_path / "st.sqlite"
    with SQLiteStore(db) as store:
        store.add([page])
    (record,) = map(json.loads, _export(db, tmp_path, "comments", "jsonl").open())
    (row,) = pd.read_parquet(_export(db, tmp_path, "comments", "parquet")).to_dict("records")
    for column in ("page_id", "page_url", "page_site", "page_title"):
        assert record[column] == row[column], column
    assert (record["page_url"], record["page_site"], record["page_title"]) == (page.url, "Gazette", "Dam story")
    assert record["text"] == "Nice" and list(record)[-3:] == ["page_url", "page_site", "page_title"]


def test_each_posted_comment_of_a_near_identical_cluster_keeps_its_own_text(tmp_path):
    """The coordination table's ``text`` is the cluster's (its first comment's): in a near-identical cluster each row
    showed that one text, so the variants a spammer posted could not be compared. ``comment_text`` (last) is the
    row's own comment."""
    import pandas as pd

    texts = ["Wow, fantastic blog layout! How long have you been blogging?",
             "Wow, fantastic blog layout!! How long have you been blogging for?"]
    pages = [Page(id=c * 16, source=f"{c}.html", title=f"Blog {c}", body=["Body."],
                  comments=[Comment(id=f"{c * 16}-c0", text=text, position=0, author=f"spam {c}")])
             for c, text in zip("ab", texts, strict=True)]
    cluster = {"kind": "near_identical", "text": texts[0], "pages": [p.id for p in pages], "authors": ["spam a", "spam b"],
               "comments": [{"page": p.id, "comment": p.comments[0].id, "author": p.comments[0].author} for p in pages]}
    db = tmp_path / "st.sqlite"
    with SQLiteStore(db) as store:
        store.add(pages)
        store.add_coordination([cluster])
    for fmt in ("csv", "parquet"):
        out = _export(db, tmp_path, "coordination", fmt)
        rows = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert list(rows["comment_text"]) == texts and list(rows["text"]) == [texts[0]] * 2, fmt
        assert list(rows.columns)[-1] == "comment_text"
