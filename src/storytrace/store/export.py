"""Exports of stored pages: JSONL (whole records), CSV and Parquet (one row per page or per comment)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records import Page

PAGE_COLUMNS = ("id", "source", "url", "title", "language", "published", "n_body", "n_comments", "errors")
COMMENT_COLUMNS = ("page_id", "id", "position", "author", "parent_id", "language", "text", "scores", "flags")


def page_rows(pages: Iterable[Page]) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id, "source": p.source, "url": p.url, "title": p.title, "language": p.language,
            "published": p.published, "n_body": len(p.body), "n_comments": len(p.comments),
            "errors": "; ".join(p.errors),
        }
        for p in pages
    ]


def comment_rows(pages: Iterable[Page]) -> list[dict[str, Any]]:
    return [
        {
            "page_id": p.id, "id": c.id, "position": c.position, "author": c.author, "parent_id": c.parent_id,
            "language": c.language, "text": c.text, "scores": json.dumps(c.scores), "flags": ",".join(c.flags),
        }
        for p in pages
        for c in p.comments
    ]


def jsonl_records(pages: list[Page], table: str) -> list[dict[str, Any]]:
    """Whole records for JSONL: one per page, or one per comment with its page's id in front."""
    if table == "pages":
        return [p.as_dict() for p in pages]
    return [{"page_id": p.id, **c.as_dict()} for p in pages for c in p.comments]


def export(pages: Iterable[Page], path: str | Path, fmt: str, *, table: str = "pages") -> int:
    """Write ``pages`` to ``path`` as ``jsonl``, ``csv`` or ``parquet``; return the number of rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = list(pages)
    if table not in ("pages", "comments"):
        raise ValueError(f"unknown table {table!r}; choose pages or comments")
    if fmt == "jsonl":
        records = jsonl_records(pages, table)
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(records)
    rows = page_rows(pages) if table == "pages" else comment_rows(pages)
    columns = PAGE_COLUMNS if table == "pages" else COMMENT_COLUMNS
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:  # optional extra
            raise RuntimeError("Parquet export needs pyarrow: pip install 'storytrace[parquet]'") from exc
        pq.write_table(pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in columns}), path)
        return len(rows)
    raise ValueError(f"unknown export format {fmt!r}; choose jsonl, csv or parquet")
