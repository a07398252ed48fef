"""Session 28 (harden), review: a comment or title holding control characters (a NUL from a JSONL "text", a terminal
escape "\\x1b[2J") went raw into the CSV export: ``cat comments.csv`` ran the escape in the terminal, and a spreadsheet
cannot show a NUL. CSV cells show them as U+FFFD (tab and line ends kept); JSONL escapes them, Parquet keeps them."""

from __future__ import annotations

import json
import re

import pytest

from storytrace.records import Comment
from tests.store.test_export_formats import _export, _store

CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
HOSTILE = "clear \x1b[2Jthe screen\x00 and ring\x07\tthen\nnext line"


@pytest.mark.parametrize("fmt", ["csv", "csv-excel"])
def test_csv_cells_hold_no_raw_control_characters(tmp_path, fmt):
    db = _store(tmp_path, [Comment(id="a-c0", text=HOSTILE, position=0, author="\x1b[31mred")])
    text = _export(db, tmp_path, "comments", fmt).read_text(encoding="utf-8-sig")
    assert not CONTROLS.search(text)
    assert "clear \ufffd[2Jthe screen\ufffd and ring\ufffd\tthen\nnext line" in text


def test_jsonl_keeps_the_text_as_given(tmp_path):
    db = _store(tmp_path, [Comment(id="a-c0", text=HOSTILE, position=0)])
    rows = [json.loads(line) for line in _export(db, tmp_path, "comments", "jsonl").open()]
    assert rows[0]["text"] == HOSTILE
