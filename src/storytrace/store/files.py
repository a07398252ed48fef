"""Output files written whole or not at all.

Every file a run writes (a page's JSON, the dossier, its HTML and JSON-LD, an export) is written under a
temporary name in the same folder and renamed onto its real name (``os.replace``, atomic on one file system)
only once it is complete. A run stopped part-way (Ctrl-C, SIGTERM, a full disk, a crash) therefore leaves
either the previous whole file or none, never a truncated one that a reader or a later run would take as
complete. The temporary name starts with a dot and ends in ``.part``; a failed write removes it (only
``kill -9`` or a power cut can leave one behind, and nothing reads such names).

Not done: ``fsync`` before the rename. It guards against a power cut, not a stopped process, and would cost
one disk flush per page on a large WARC.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def part_path(path: str | Path) -> Path:
    """A fresh temporary name beside ``path`` (same folder, so the final rename stays on one file system)."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.part")


@contextmanager
def whole_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write ``path``'s content to (by any writer, e.g. Parquet's); on a clean exit
    it is renamed onto ``path``, on any error or interruption it is removed and ``path`` is left as it was."""
    path = Path(path)
    part = part_path(path)
    try:
        yield part
        os.replace(part, path)
    except BaseException:  # KeyboardInterrupt and SIGTERM too: nothing half-written may stay
        part.unlink(missing_ok=True)
        raise


@contextmanager
def whole_file(path: str | Path, *, newline: str | None = None, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Open ``path`` for writing UTF-8 text (``utf-8-sig``: with a byte order mark), written whole or not at all (see
    :func:`whole_path`)."""
    with whole_path(path) as part, part.open("x", encoding=encoding, newline=newline) as out:
        yield out


def write_whole(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with whole_file(path) as out:
        out.write(text)
