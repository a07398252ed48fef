"""Where the stories stage keeps its story shells until the groups are known.

:class:`MemoryShellStore` keeps them in a list (the in-memory API, which holds the pages anyway).
:class:`SpilledShellStore` writes them to a SQLite file as pages arrive (the streaming CLI, in the writer's
temporary folder) and reads back only the pages of one group at a time, so a run's memory does not grow
with the body text and claims of every page. Both hand out shells by their position in arrival order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from storytrace.stories.shells import StoryShell

HEAD_FIELDS = ("id", "source", "title", "language", "published", "site", "url")  # all but text and claims
_MAX_PARAMS = 500  # SQLite's bound on query parameters is 999 on old builds


class ShellStore(Protocol):
    def add(self, shell: StoryShell) -> None: ...

    def heads(self, positions: Sequence[int]) -> list[StoryShell]:
        """The shells at ``positions`` without text and claims (enough to list a group's pages)."""
        ...

    def shells(self, positions: Sequence[int]) -> list[StoryShell]:
        """The full shells at ``positions``, in that order."""
        ...

    def flush(self) -> None:
        """Called after each batch of pages: a store may write out what it buffers."""
        ...

    def close(self) -> None: ...


class MemoryShellStore:
    def __init__(self) -> None:
        self._shells: list[StoryShell] = []

    def add(self, shell: StoryShell) -> None:
        self._shells.append(shell)

    def heads(self, positions: Sequence[int]) -> list[StoryShell]:
        return self.shells(positions)

    def shells(self, positions: Sequence[int]) -> list[StoryShell]:
        return [self._shells[i] for i in positions]

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._shells = []


class SpilledShellStore:
    """Shells in a SQLite file at ``path``; :meth:`close` deletes the file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=OFF")  # a scratch file: nothing to recover after a crash
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE shells (position INTEGER PRIMARY KEY, head TEXT NOT NULL, rest TEXT NOT NULL)")
        self._count = 0

    def add(self, shell: StoryShell) -> None:
        record = shell.as_dict()  # JSON escapes non-ASCII: a lone surrogate in page text cannot break SQLite
        head = {k: record[k] for k in HEAD_FIELDS}
        rest = {k: v for k, v in record.items() if k not in head}
        self._db.execute("INSERT INTO shells VALUES (?, ?, ?)",
                         (self._count, json.dumps(head), json.dumps(rest)))
        self._count += 1

    def flush(self) -> None:
        self._db.commit()  # one open transaction for a whole corpus would keep growing in memory

    def heads(self, positions: Sequence[int]) -> list[StoryShell]:
        found = {p: StoryShell.from_dict(json.loads(head)) for p, head in self._rows("head", positions)}
        return [found[p] for p in positions]

    def shells(self, positions: Sequence[int]) -> list[StoryShell]:
        found = {p: StoryShell.from_dict(json.loads(head) | json.loads(rest))
                 for p, head, rest in self._rows("head, rest", positions)}
        return [found[p] for p in positions]

    def _rows(self, columns: str, positions: Sequence[int]) -> Iterator[tuple]:
        for start in range(0, len(positions), _MAX_PARAMS):
            chunk = list(positions[start : start + _MAX_PARAMS])
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT position, {columns} FROM shells WHERE position IN ({marks})", chunk)

    def close(self) -> None:
        self._db.close()
        self.path.unlink(missing_ok=True)
