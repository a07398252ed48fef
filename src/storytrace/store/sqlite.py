"""SQLite store: the embedded default. Re-running on the same input adds no duplicates.

Pages are keyed by their id (:func:`storytrace.records.page_id`: content hash, with the URL when the
input names one), inputs by their source (a local file by its absolute path, :func:`input_key`), so every input is accounted for: either
``analysed`` (with the id of its page) or ``failed`` (with the stage and the reason). An input that
repeats a page of the same run (a :class:`~storytrace.records.Duplicate`) is ``analysed`` with that page's id.
A page added with an ``analysis`` key (:func:`storytrace.pipeline.analysis_key`: the code, models and options that
shape a page) can be reused by a later run with the same key (:meth:`SQLiteStore.analysed_page`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from ..errors import InputError, StorytraceError
from ..records import SCHEMA_VERSION, Duplicate, Failure, Page, content_id

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    language TEXT,
    n_comments INTEGER NOT NULL,
    record TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    analysis TEXT
);
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('analysed', 'failed')),
    page_id TEXT REFERENCES pages(id),
    stage TEXT,
    error TEXT,
    message TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inputs_status ON inputs(status);
CREATE TABLE IF NOT EXISTS replaced_pages (
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    record TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by TEXT
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    n_pages INTEGER NOT NULL,
    page_ids TEXT NOT NULL,
    record TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS coordination (
    id TEXT PRIMARY KEY,
    page_ids TEXT NOT NULL,
    record TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


# seconds a write waits for a reader (an export or a notebook going through a large store) or another run adding to
# the store before it fails (sqlite3's default, 5 s, stopped a run while an export was reading); the rollback journal
# is kept: a write-ahead log would leave -wal / -shm files beside the store and does not work on network drives
BUSY_TIMEOUT = 120.0
STORE_BUSY = "E400"  # the code of StoreError (errors.CODES and README's table list it)


class StoreError(StorytraceError):
    """The store could not be used: locked by another program past the busy wait, a full disk, a file gone. What it
    stored before stays (each batch is its own transaction). The sqlite3 error is its ``__cause__``."""

    code = STORE_BUSY


def _is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED") or "locked" in str(exc)


def store_error(path: str, exc: sqlite3.Error, waited: float) -> StoreError:
    """The StoreError for a sqlite3 error: a lock says who may hold it and what to do, anything else its reason."""
    if _is_busy(exc):
        return StoreError(f"the store {path} is locked by another program (another storytrace run on the same store, "
                          f"an export, or a reader holding a write lock) and stayed locked for the {waited:g} s this "
                          "run waits; run again when it is free, or give another store")
    return StoreError(f"the store {path} could not be used ({type(exc).__name__}: {exc}); check the disk has room and "
                      "the file is still there, then run again")


def input_key(source: str) -> str:
    """The inputs table's key for a source: a local file's absolute path (with a WARC record's or JSONL line's
    ``#...`` after it), so that ``pages/a.html`` read from two folders is two inputs, not one whose first page a
    second run drops; a URL, or a path not on disk, as given."""
    if "://" in source.split("#", 1)[0]:
        return source
    cuts = [len(source)] + [i for i in range(len(source) - 1, 0, -1) if source[i] == "#"]
    for cut in cuts:
        if os.path.lexists(path := source[:cut]):
            return os.path.abspath(path) + source[cut:]
    return source


def _page(record: str) -> Page:
    data = json.loads(record)
    if not isinstance(data, dict):
        raise TypeError(f"a page record is a JSON object, not {type(data).__name__}")
    return Page.from_dict(data)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """Pages and input outcomes in one SQLite file (``:memory:`` for tests).

    Example:
        >>> store = SQLiteStore(":memory:")
        >>> store.counts()
        {'pages': 0, 'analysed': 0, 'failed': 0}
    """

    def __init__(self, path: str | Path, *, create: bool = True, busy_timeout: float | None = None) -> None:
        """Open the store at ``path``; with ``create=False`` (reading, e.g. export) a missing file is an
        InputError, not a new empty store, and a file that is not a storytrace store is one too. A store locked by
        another program is waited for ``busy_timeout`` seconds (default :data:`BUSY_TIMEOUT`), here and at every later
        use; past that it is a :class:`StoreError`."""
        self.path = str(path)
        self.busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        if self.path != ":memory:":
            if not create and not Path(self.path).is_file():
                raise InputError(f"{self.path}: no such store (write one with storytrace analyze --db)")
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # one store may serve the threads of a web app: the connection is shared, and each use holds the lock
        self._db = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
        self._lock = threading.RLock()
        self.closed = False  # after close(): analyze refuses the store before reading any page
        self.unreadable: list[tuple[str, str]] = []  # (table and key, why) of stored records left out when read
        try:
            if not create and not self._has_pages_table():  # reading must not add tables to someone's database
                raise sqlite3.DatabaseError("it has no pages table")
            if foreign := self._foreign_tables():  # nor writing: --db given another program's database by a slip
                raise sqlite3.DatabaseError(f"another program's database? it holds the tables {foreign}, left "
                                            "as they were")
            self._db.executescript(_SCHEMA)
            if create:
                self._add_missing_columns()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):  # a locked store is no foreign file
                raise store_error(self.path, exc, self.busy_timeout) from exc
            raise InputError(f"{self.path}: not a storytrace store ({exc})") from exc

    @contextmanager
    def _used(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The connection under the lock, its sqlite3 errors raised as StoreError (the caller's error to catch, with
        what to do); a write is one transaction, rolled back when it fails."""
        with self._lock:
            try:
                if not write:
                    yield self._db
                    return
                with self._db:
                    yield self._db
            except sqlite3.Error as exc:
                if isinstance(exc, sqlite3.ProgrammingError) and self.closed:
                    raise
                raise store_error(self.path, exc, self.busy_timeout) from exc

    def _add_missing_columns(self) -> None:
        """A store written before pages had an ``analysis`` key gets the column (empty: never reused)."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(pages)")}
        if "analysis" not in columns:
            self._db.execute("ALTER TABLE pages ADD COLUMN analysis TEXT")
            self._db.commit()

    def _foreign_tables(self) -> str:
        """The tables of a database that holds some but is not a storytrace store (no ``pages`` table with a
        ``record`` column), named; "" for an empty database or a store."""
        tables = [r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(pages)")}
        if not tables or {"id", "source", "record"} <= columns:
            return ""
        return ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")

    def _has_pages_table(self) -> bool:
        return self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pages'").fetchone() is not None

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self.closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, results: Iterable[Page | Failure | Duplicate], *, analysis: str | None = None) -> None:
        """Add results in one transaction; pages are marked with the ``analysis`` key they were made with
        (None: unknown, never reused)."""
        with self._used(write=True):
            for result in results:
                if isinstance(result, Page):
                    self._add_page(result, analysis)
                elif isinstance(result, Duplicate):
                    self._add_input(result.source, result.page_id)
                elif result.failed:  # a skipped-records note is no failed input: its pages are stored
                    self._add_failure(result)

    def _add_page(self, page: Page, analysis: str | None) -> None:
        now = _now()
        self._db.execute(
            "INSERT INTO pages (id, source, url, title, language, n_comments, record, schema_version, updated_at, "
            "analysis) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "source=excluded.source, url=excluded.url, title=excluded.title, language=excluded.language, "
            "n_comments=excluded.n_comments, record=excluded.record, "
            "schema_version=excluded.schema_version, updated_at=excluded.updated_at, analysis=excluded.analysis",
            (page.id, page.source, page.url, page.title, page.language, len(page.comments),
             json.dumps(page.as_dict(), ensure_ascii=False), SCHEMA_VERSION, now, analysis),
        )
        self._add_input(page.source, page.id, page.url)

    def _add_input(self, source: str, page_id: str, url: str | None = None) -> None:
        key = input_key(source)
        previous = self._previous_page(key)
        self._drop_legacy_row(source, key, page_id)
        self._db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, 'analysed', ?, NULL, NULL, NULL, ?)", (key, page_id, _now())
        )
        if not self._another_article(previous, url):
            self._drop_orphan(previous, page_id)

    def _another_article(self, previous: str | None, url: str | None) -> bool:
        """Whether the page this input held before has another URL than its page now: a file rotated nightly
        (today.jsonl, latest.warc.gz) holds other articles at the same places, which stay in the store; a page with
        the same URL (or none) is a new version of the input, and the old one goes to ``replaced_pages``."""
        if previous is None or url is None:
            return False
        row = self._db.execute("SELECT url FROM pages WHERE id=?", (previous,)).fetchone()
        return bool(row and row[0] and row[0] != url)

    def _add_failure(self, failure: Failure) -> None:
        key = input_key(failure.source)
        previous = self._previous_page(key)
        self._drop_legacy_row(failure.source, key, None)
        self._db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, 'failed', NULL, ?, ?, ?, ?)",
            (key, failure.stage, failure.error, failure.message, _now()),
        )
        self._drop_orphan(previous, None)

    def _drop_legacy_row(self, source: str, key: str, page_id: str | None) -> None:
        """A row keyed by the relative path as given (a store written before inputs were keyed by absolute path, or
        a file that was missing then) goes when it is this input's: a failure, or the same page. A row pointing to
        another page may be another folder's input of that name: it stays, and so does its page."""
        if key != source:
            self._db.execute("DELETE FROM inputs WHERE source=? AND (status='failed' OR page_id IS ?)",
                             (source, page_id))

    def _previous_page(self, source: str) -> str | None:
        row = self._db.execute("SELECT page_id FROM inputs WHERE source=?", (source,)).fetchone()
        return row[0] if row else None

    def _drop_orphan(self, page_id: str | None, replaced_by: str | None) -> None:
        """An input whose content changed leaves its old page behind: once nothing points to it, it leaves the pages
        and is kept in ``replaced_pages`` (a stealth edit of an article is evidence, not clutter)."""
        if page_id and page_id != replaced_by:
            self._db.execute(
                "INSERT INTO replaced_pages SELECT id, source, record, updated_at, ?, ? FROM pages "
                "WHERE id=? AND NOT EXISTS (SELECT 1 FROM inputs WHERE page_id=?)",
                (_now(), replaced_by, page_id, page_id),
            )
            dropped = self._db.execute(
                "DELETE FROM pages WHERE id=? AND NOT EXISTS (SELECT 1 FROM inputs WHERE page_id=?)",
                (page_id, page_id),
            ).rowcount
            if dropped:  # its stories and clusters name a page the pages table no longer has: the next run's replace them
                for table in ("stories", "coordination"):
                    self._db.execute(f"DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM json_each({table}.page_ids) "
                                     "WHERE json_each.value=?)", (page_id,))

    def add_stories(self, stories: Iterable[dict[str, Any]]) -> None:
        """Keep a run's stories. A story's id is the hash of its pages' ids, so re-running on the same pages
        replaces it; stories of other page sets (earlier runs) stay."""
        now = _now()
        with self._used(write=True):
            for story in stories:
                page_ids = [str(p.get("id")) for p in story.get("pages", []) if isinstance(p, dict)]
                self._db.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?)",
                    (story["id"], story.get("title"), len(page_ids), json.dumps(page_ids),
                     json.dumps(story, ensure_ascii=False), now),
                )

    def add_coordination(self, clusters: Iterable[dict[str, Any]]) -> None:
        """Keep a run's clusters of coordinated comments (``Dossier.coordination``), keyed by a hash of their comment
        ids: re-running on the same pages replaces them; clusters of other runs stay, as stories do."""
        now = _now()
        with self._used(write=True):
            for cluster in clusters:
                # a repeated text lists {page, comment, author}; a burst across pages lists comment ids
                ids = sorted(str(c.get("comment") if isinstance(c, dict) else c) for c in cluster.get("comments") or [])
                pages = sorted({str(p) for p in cluster.get("pages") or []})
                key = content_id("|".join([str(cluster.get("kind")), str(cluster.get("start") or ""), *ids]))
                self._db.execute("INSERT OR REPLACE INTO coordination VALUES (?,?,?,?)",
                                 (key, json.dumps(pages), json.dumps(cluster, ensure_ascii=False), now))

    def coordination(self) -> list[dict[str, Any]]:
        """The stored clusters, each with its ``id``."""
        rows = self._rows("SELECT id, record FROM coordination ORDER BY id")
        return [{"id": key, **cluster} for key, record in rows
                if (cluster := self._read(f"coordination {key}", record, json.loads)) is not None]

    def stories(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT id, record FROM stories ORDER BY id")
        return [story for key, record in rows if (story := self._read(f"story {key}", record, json.loads)) is not None]

    def analysed_page(self, page_id: str, analysis: str) -> Page | None:
        """The stored page with this id if it was analysed with this ``analysis`` key, else None (also when its
        record cannot be read: the page is analysed again and its record written whole)."""
        with self._used() as db:
            row = db.execute("SELECT record FROM pages WHERE id=? AND analysis=?", (page_id, analysis)).fetchone()
        return self._read(f"page {page_id}", row[0], _page) if row else None

    def _rows(self, sql: str) -> Iterator[tuple[Any, ...]]:
        """The rows of a query, fetched a few hundred at a time under the lock (another thread may write between
        two fetches; a large table is not read into memory at once)."""
        with self._used() as db:
            cursor = db.execute(sql)
        while True:
            with self._used():
                rows = cursor.fetchmany(256)
            if not rows:
                return
            yield from rows

    def _read(self, what: str, record: Any, parse: Any) -> Any:
        """A stored record parsed, or None when it cannot be (cut short by a disk error, edited by hand): noted in
        :attr:`unreadable`, so one bad row does not stop an export or a run reading the rest."""
        try:
            return parse(record)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self.unreadable.append((what, f"{type(exc).__name__}: {exc}"))
            return None

    def replaced_pages(self) -> Iterator[tuple[Page, dict[str, str | None]]]:
        """Earlier versions of inputs whose content changed (or that later failed), oldest replacement first, each
        with ``{"stored_at", "replaced_at", "replaced_by"}`` (the new page's id; None when the input then failed)."""
        for key, record, stored, replaced, by in self._rows(
                "SELECT id, record, stored_at, replaced_at, replaced_by FROM replaced_pages ORDER BY replaced_at, rowid"):
            if (page := self._read(f"replaced page {key}", record, _page)) is not None:
                yield page, {"stored_at": stored, "replaced_at": replaced, "replaced_by": by}

    def pages(self) -> Iterator[Page]:
        for key, record in self._rows("SELECT id, record FROM pages ORDER BY source"):
            if (page := self._read(f"page {key}", record, _page)) is not None:
                yield page

    def failures(self) -> list[Failure]:
        rows = self._rows("SELECT source, stage, error, message FROM inputs WHERE status='failed' ORDER BY source")
        return [Failure(source=s, stage=st, error=e, message=m) for s, st, e, m in rows]

    def inputs(self) -> list[dict[str, str | None]]:
        names = ["source", "status", "page_id", "stage", "error", "message"]
        return [dict(zip(names, row, strict=True)) for row in self._rows(f"SELECT {', '.join(names)} FROM inputs ORDER BY source")]

    def counts(self) -> dict[str, int]:
        with self._used() as db:
            (pages,) = db.execute("SELECT COUNT(*) FROM pages").fetchone()
            status = dict(db.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status").fetchall())
        return {"pages": pages, "analysed": status.get("analysed", 0), "failed": status.get("failed", 0)}
