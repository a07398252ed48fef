import csv
import json

import pytest

from storytrace.records import Comment, Failure, Page
from storytrace.store import SQLiteStore, export


def _page(pid="a" * 16, source="one.html", comments=1):
    return Page(
        id=pid, source=source, title="T", body=["p1", "p2"],
        comments=[Comment(id=f"{pid}-c{i}", text=f"c{i}", position=i) for i in range(comments)],
    )


def test_store_rerun_adds_no_duplicates_and_accounts_for_every_input(tmp_path):
    path = tmp_path / "s.sqlite"
    batch = [_page(), _page("b" * 16, "two.html"), Failure("bad.bin", "ingest", "InputError", "binary data")]
    for _ in range(2):
        with SQLiteStore(path) as store:
            store.add(batch)
    with SQLiteStore(path) as store:
        assert store.counts() == {"pages": 2, "analysed": 2, "failed": 1}
        assert [(i["source"], i["status"]) for i in store.inputs()] == [
            ("bad.bin", "failed"), ("one.html", "analysed"), ("two.html", "analysed"),
        ]
        assert store.failures()[0].message == "binary data"
        assert [p.id for p in store.pages()] == ["a" * 16, "b" * 16]


def test_store_round_trips_a_page(tmp_path):
    page = _page(comments=3)
    page.comments[1].parent_id = page.comments[0].id
    with SQLiteStore(":memory:") as store:
        store.add([page])
        (back,) = store.pages()
    assert back == page


def test_store_failed_input_that_later_succeeds_is_analysed(tmp_path):
    with SQLiteStore(":memory:") as store:
        store.add([Failure("one.html", "anatomy", "InputError", "deep")])
        store.add([_page()])
        assert store.counts() == {"pages": 1, "analysed": 1, "failed": 0}


@pytest.mark.parametrize(("fmt", "table", "rows"), [("jsonl", "pages", 2), ("csv", "pages", 2), ("csv", "comments", 3)])
def test_export_formats(tmp_path, fmt, table, rows):
    pages = [_page(comments=2), _page("b" * 16, "two.html", comments=1)]
    out = tmp_path / f"x.{fmt}"
    assert export(pages, out, fmt, table=table) == rows
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a" * 16, "b" * 16]
    else:
        assert len(list(csv.DictReader(out.open()))) == rows


def test_export_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "x.parquet"
    export([_page(comments=2)], out, "parquet", table="comments")
    assert pq.read_table(out).num_rows == 2


def test_export_unknown_format_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="choose jsonl, csv or parquet"):
        export([], tmp_path / "x", "xml")


def test_store_changed_input_replaces_its_old_page(tmp_path):
    with SQLiteStore(":memory:") as store:
        store.add([_page("a" * 16, "s.html"), _page("c" * 16, "other.html")])
        store.add([_page("b" * 16, "s.html")])  # s.html was edited
        assert {p.id for p in store.pages()} == {"b" * 16, "c" * 16}
        assert store.counts() == {"pages": 2, "analysed": 2, "failed": 0}
        store.add([Failure("s.html", "ingest", "InputError", "now empty")])
        assert {p.id for p in store.pages()} == {"c" * 16}


def test_store_page_shared_by_two_inputs_stays_while_one_points_to_it():
    with SQLiteStore(":memory:") as store:
        store.add([_page("a" * 16, "one.html"), _page("a" * 16, "copy.html")])
        store.add([_page("b" * 16, "one.html")])
        assert {p.id for p in store.pages()} == {"a" * 16, "b" * 16}


def test_export_jsonl_comments_table_writes_one_record_per_comment(tmp_path):
    pages = [_page(comments=2), _page("b" * 16, "two.html", comments=1)]
    out = tmp_path / "c.jsonl"
    assert export(pages, out, "jsonl", table="comments") == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["page_id"], r["id"], r["text"]) for r in records] == [
        ("a" * 16, "a" * 16 + "-c0", "c0"), ("a" * 16, "a" * 16 + "-c1", "c1"), ("b" * 16, "b" * 16 + "-c0", "c0"),
    ]


def test_store_opened_for_reading_refuses_a_missing_or_foreign_file(tmp_path):
    from storytrace.errors import InputError

    with pytest.raises(InputError, match="no such store"):
        SQLiteStore(tmp_path / "typo.sqlite", create=False)
    assert not (tmp_path / "typo.sqlite").exists()
    (tmp_path / "notes.txt").write_text("not a database, just some notes about the run\n" * 20)
    with pytest.raises(InputError, match="not a storytrace store"):
        SQLiteStore(tmp_path / "notes.txt", create=False)


def test_reading_another_sqlite_database_adds_no_table(tmp_path):
    import sqlite3

    from storytrace.errors import InputError

    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(InputError, match="not a storytrace store"):
        SQLiteStore(other, create=False)
    with sqlite3.connect(other) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]
