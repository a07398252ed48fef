"""Session 25: CSV cells show bidi controls as [U+202E] (as the HTML report does) instead of letting them reorder
what a spreadsheet shows; JSONL and Parquet keep the text raw."""

from __future__ import annotations

import csv
import json

import pytest

from storytrace.records import Comment, Page
from storytrace.store import SQLiteStore
from tests.store.test_export_formats import _export, _store

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
# a right-to-left override makes a spreadsheet show "gnp.exe" as "exe.png" (and an appended author as anyone)
HOSTILE = "see invoice\u202egnp.exe and \u2066call \u2069me\u200f now"


def _hostile_store(tmp_path):
    comment = Comment(id="a-c0", text=HOSTILE, position=0, author="\u202eeilA")
    return _store(tmp_path, [comment])


@pytest.mark.parametrize("fmt", ["csv", "csv-excel"])
def test_csv_cells_show_bidi_controls_instead_of_obeying_them(tmp_path, fmt):
    db = _hostile_store(tmp_path)
    out = _export(db, tmp_path, "comments", fmt)
    text = out.read_text(encoding="utf-8-sig")
    assert not any(ch in text for ch in BIDI)
    (row,) = csv.DictReader(text.splitlines())
    assert row["text"].startswith("see invoice") and "gnp.exe" in row["text"] and "call" in row["text"]
    assert row["text"] != HOSTILE and row["author"] != "\u202eeilA" and "eilA" in row["author"]
    _jsonl_and_parquet_keep_the_text_raw(db, tmp_path)


def _jsonl_and_parquet_keep_the_text_raw(db, tmp_path):
    import pandas as pd

    for fmt in ("jsonl", "parquet"):
        out = _export(db, tmp_path, "comments", fmt)
        rows = [json.loads(line) for line in out.open()] if fmt == "jsonl" else pd.read_parquet(out).to_dict("records")
        assert rows[0]["text"] == HOSTILE and rows[0]["author"] == "\u202eeilA", fmt


def test_csv_neutralises_bidi_controls_in_every_table(tmp_path):
    """Titles, sites, story titles, contradiction reasons, cluster texts: every text cell, shown as ``[U+202E]`` (as
    the HTML report shows them)."""
    title = "Dam \u202eyrots"
    comment = Comment(id="a-c0", text=HOSTILE, position=0, author="\u202eeilA")
    page = Page(id="a" * 16, source="a.html", title=title, site="Gaz\u2067ette", body=["Body."], comments=[comment])
    other = Page(id="b" * 16, source="b.html", title=title, body=["Body."])
    relation = {"type": "rewrite", "page": "b" * 16, "based_on": "a" * 16, "evidence": {},
                "comparison": {"contradict": [{"reasons": ["\u202enumber"]}], "counts": {}}}
    story = {"id": "s" * 16, "title": title, "pages": [{"id": "a" * 16, "title": title}, {"id": "b" * 16}],
             "relations": [relation]}
    cluster = {"kind": "repeated_text", "text": HOSTILE, "pages": ["a" * 16], "authors": ["\u202eeilA"],
               "comments": [{"page": "a" * 16, "comment": "a-c0", "author": "\u202eeilA"}]}
    db = tmp_path / "st.sqlite"
    with SQLiteStore(db) as store:
        store.add([page, other])
        store.add([Page(id="c" * 16, source="b.html", title="Dam story, edited", body=["Other body."])])  # b replaced
        store.add_stories([story])
        store.add_coordination([cluster])
    for table in ("pages", "comments", "stories", "relations", "replaced", "coordination"):
        text = _export(db, tmp_path, table, "csv").read_text()
        assert "[U+202E]" in text and not any(ch in text for ch in BIDI), table
