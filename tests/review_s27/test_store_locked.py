"""Session 27 (harden), item 2: a store locked by another process or connection is waited for a bounded time, then
is the project's store error saying what to do (not a raw sqlite3.OperationalError, not "not a storytrace store"); the
CLI exits 2 and keeps what it stored."""

from __future__ import annotations

import sqlite3

import pytest

import storytrace
from storytrace import cli
from storytrace.errors import StorytraceError
from storytrace.store import SQLiteStore, sqlite
from tests.conftest import GOOD_HTML


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT", 0.3)


def _locker(path, how: str = "EXCLUSIVE") -> sqlite3.Connection:
    """Another connection holding the store's lock (as a second nightly run or a reader in a transaction would)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute(f"BEGIN {how}")
    return other


def _pages(folder, n: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    names = []
    for i in range(n):
        (page := folder / f"p{i}.html").write_text(GOOD_HTML.replace("Sappers head", f"Sappers {i} head"),
                                                 encoding="utf-8")
        names.append(str(page))
    return names


def test_the_api_gets_the_store_error_naming_the_lock_and_what_to_do(tmp_path, short_wait):
    db = tmp_path / "s.sqlite"
    with SQLiteStore(db) as store:
        other = _locker(db)
        with pytest.raises(StorytraceError) as caught:
            storytrace.analyze(_pages(tmp_path / "in", 1), store=store, with_facts=False, with_comments=False,
                               with_stories=False, progress=False)
        other.rollback()
    message = str(caught.value)
    assert not isinstance(caught.value, sqlite3.Error) or isinstance(caught.value, StorytraceError)
    assert str(db) in message and "locked" in message and "again" in message
    assert type(caught.value).__name__ == "StoreError"


def test_a_store_the_api_opens_while_it_is_locked_is_not_called_another_program_s_database(tmp_path, short_wait):
    db = tmp_path / "s.sqlite"
    SQLiteStore(db).close()
    other = _locker(db)
    with pytest.raises(StorytraceError) as caught:
        SQLiteStore(db)
    other.rollback()
    assert "not a storytrace store" not in str(caught.value) and "locked" in str(caught.value)


def test_the_cli_on_a_locked_store_exits_2_saying_it_is_locked_not_that_it_is_no_store(tmp_path, short_wait, capsys):
    db = tmp_path / "s.sqlite"
    SQLiteStore(db).close()
    other = _locker(db)
    status = cli.main(["analyze", *_pages(tmp_path / "in", 1), "--db", str(db), "--out", str(tmp_path / "out"),
                       "--no-facts", "--no-comments", "--quiet"])
    other.rollback()
    err = capsys.readouterr().err
    assert status == 2
    assert "locked" in err and "not a storytrace store" not in err and "move the file away" not in err
    assert "Traceback" not in err


def test_the_cli_keeps_the_pages_stored_before_the_lock_came(tmp_path, short_wait, capsys, monkeypatch):
    db = tmp_path / "s.sqlite"
    lock: list[sqlite3.Connection] = []
    real_add = SQLiteStore.add
    real_options = cli.options_from_args

    def add_then_lock(self, results, **kw):
        real_add(self, results, **kw)
        if not lock:  # another run takes the store after our first batch
            lock.append(_locker(db, "IMMEDIATE"))

    monkeypatch.setattr(SQLiteStore, "add", add_then_lock)
    monkeypatch.setattr(cli, "options_from_args", lambda args: real_options(args).replace(batch_size=1))
    status = cli.main(["analyze", *_pages(tmp_path / "in", 3), "--db", str(db), "--out", str(tmp_path / "out"),
                       "--no-facts", "--no-comments", "--no-stories", "--quiet"])
    lock[0].rollback()
    err = capsys.readouterr().err
    assert status == 2
    assert "locked" in err and "Traceback" not in err
    assert "0.3 s" in err  # how long it waited: the user learns the bound
    with SQLiteStore(db) as store:
        assert store.counts()["pages"] == 1
