"""Session 28 (harden), review: ``--db`` pointed at another program's SQLite database (a slip of the tab key) added
storytrace's five tables to it silently; one with a ``pages`` table of its own failed after the run with "[E400] ...
no such column: record; check the disk has room". A database that holds tables and is not a storytrace store is now
refused before any page is read, untouched, saying so."""

from __future__ import annotations

import sqlite3

import pytest

from storytrace.errors import InputError
from storytrace.store import SQLiteStore


def _database(path, *statements):
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    return path


def _tables(path):
    with sqlite3.connect(path) as db:
        return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


@pytest.mark.parametrize("statements", [("CREATE TABLE invoices(n INTEGER)",),
                                        ("CREATE TABLE pages(x)", "INSERT INTO pages VALUES (1)")])
def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path, statements):
    path = _database(tmp_path / "app.sqlite", *statements)
    before = _tables(path)
    with pytest.raises(InputError, match="not a storytrace store"):
        SQLiteStore(path)
    assert _tables(path) == before


def test_the_cli_says_so_and_stops_before_reading(tmp_path, capsys):
    from storytrace.cli import main

    path = _database(tmp_path / "app.sqlite", "CREATE TABLE pages(x)")
    page = tmp_path / "a.txt"
    page.write_text("Officials said on Monday that the dam had failed after heavy rain. " * 4, encoding="utf-8")
    assert main(["analyze", str(page), "--db", str(path), "--out", str(tmp_path / "out"), "--quiet", "--no-facts",
                 "--no-comments"]) == 2
    assert "not a storytrace store" in capsys.readouterr().err


def test_an_empty_database_file_and_an_existing_store_are_still_used(tmp_path):
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with SQLiteStore(empty) as store:
        assert store.counts()["pages"] == 0
    with SQLiteStore(empty) as store:  # now a store: opened again
        assert store.counts()["pages"] == 0
