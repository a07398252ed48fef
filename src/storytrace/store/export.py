"""Exports of stored pages: JSONL (whole records), CSV and Parquet (one row per page or per comment).

CSV and Parquet rows are flat: lists become text joined with "; " (flags with ", "), and comment scores
one column per category (``score_toxic``, ...), so a spreadsheet or ``pandas.read_parquet`` reads them
without parsing JSON. Parquet columns have fixed types (text, integer, float), empty or not. In CSV, a text
cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, their full-width forms, also after blanks)
gets a leading apostrophe, and bidi control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) are
shown as ``[U+202E]`` instead of reordering the cell; JSONL and Parquet keep every text as it is.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..bidi import replace_controls, show_bidi_controls
from ..records import Comment, Page
from .files import whole_file, whole_path

# the comment model's categories (storytrace.comments CATEGORIES; a test keeps the two equal)
SCORE_CATEGORIES = ("toxic", "insult", "identity_attack", "profanity", "threat", "sexual")
SCORE_COLUMNS = tuple(f"score_{c}" for c in SCORE_CATEGORIES)

PAGE_COLUMNS = ("id", "source", "url", "kind", "site", "title", "author", "language", "published", "topics",
                "n_body", "n_comments", "n_toxic_comments", "toxic_share", "calibration", "warnings", "errors")
# page_url, page_site, page_title last: a comments table opened alone says which article each comment is under
# (added after the others, so a reader that takes columns by position keeps working)
COMMENT_COLUMNS = ("page_id", "id", "position", "author", "parent_id", "published", "language", "text",
                   *SCORE_COLUMNS, "targets", "flags", "decoded", "evidence", "page_url", "page_site", "page_title")
# the pages table's columns: story_id last (the stories holding the page, "; "-joined; empty when in none), so a
# reader that takes columns by position keeps working; Spark's rows and the replaced table keep PAGE_COLUMNS
PAGES_TABLE_COLUMNS = (*PAGE_COLUMNS, "story_id")
REPLACED_COLUMNS = ("replaced_at", "replaced_by", "stored_at", *PAGE_COLUMNS)
STORY_COLUMNS = ("story_id", "title", "n_pages", "page_ids", "languages", "similarity", "n_relations",
                 "n_contradictions")
# page_title ... based_on_site last: the two pages named readably, not by content hash only (added after the others)
# then (session 25) the comparison's per-side counts: "base" is the based_on page, "other" the page; each compared
# claim is counted once, so base_claims = base_agree + base_contradict + base_possible + base_restates +
# base_not_judged + dropped, and other_claims the same with added (not_judged: claims of a possible other event,
# whose verdicts are withheld, with not_compared saying why); last the two pages' sources (file or URL): what names a
# page without a title or a site (a saved file) readably
SIDE_COUNTS = tuple(f"{side}_{part}" for side in ("base", "other")
                    for part in ("claims", "agree", "contradict", "possible", "restates", "not_judged"))
RELATION_COLUMNS = ("story_id", "type", "page", "based_on", "direction", "translation", "similarity", "shingle_jaccard",
                    "agree", "contradict", "possible", "added", "dropped", "contradictions",
                    "page_title", "page_site", "based_on_title", "based_on_site", "restates", "not_compared",
                    *SIDE_COUNTS, "page_source", "based_on_source")
# one row per comment of a coordinated cluster: the cluster, then the comment and the page it is under; text is the
# cluster's (its first comment's), comment_text (last, session 25) the row's own: near-identical variants differ
COORDINATION_COLUMNS = ("cluster_id", "kind", "n_comments", "n_names", "n_pages", "text", "page_id", "comment_id",
                        "position", "author", "published", "page_url", "page_site", "page_title", "comment_text")
_COUNTS = ("agree", "contradict", "possible", "added", "dropped")
# file formats: csv-excel is CSV with a UTF-8 byte order mark, which Excel needs to read non-Latin text
FORMATS = ("jsonl", "csv", "csv-excel", "parquet")
_INTEGER = {"n_body", "n_comments", "n_toxic_comments", "position", "n_pages", "n_relations", "n_contradictions",
            "translation", "n_names", *_COUNTS, "restates", *SIDE_COUNTS}
_FLOAT = {"toxic_share", "similarity", "shingle_jaccard", *SCORE_COLUMNS}


def column_type(column: str) -> str:
    """A flat column's type: ``int``, ``double`` or ``string`` (Spark's names; Parquet gets int64, float64, string)."""
    return "int" if column in _INTEGER else "double" if column in _FLOAT else "string"


def page_rows(pages: Iterable[Page]) -> list[dict[str, Any]]:
    return [_page_row(p) for p in pages]


def _page_row(p: Page) -> dict[str, Any]:
    thread = p.thread or {}
    toxic = thread.get("toxic_comments")
    share = thread.get("toxic_share")
    topics = [str(t.get("id")) for t in (p.facts or {}).get("topics") or [] if isinstance(t, dict) and t.get("id")]
    return {
        "id": p.id, "source": p.source, "url": p.url, "kind": p.kind, "site": p.site, "title": p.title,
        "author": p.author, "language": p.language, "published": p.published, "topics": "; ".join(topics),
        "n_body": len(p.body), "n_comments": len(p.comments),
        "n_toxic_comments": len(toxic) if isinstance(toxic, list) else None,
        "toxic_share": float(share) if isinstance(share, int | float) and not isinstance(share, bool) else None,
        "calibration": thread.get("calibration"), "warnings": "; ".join(p.warnings), "errors": "; ".join(p.errors),
    }


def comment_rows(pages: Iterable[Page]) -> list[dict[str, Any]]:
    return [_comment_row(p, c) for p in pages for c in p.comments]


def _comment_row(page: Page, c: Comment) -> dict[str, Any]:
    scores = {f"score_{k}": float(v) for k, v in c.scores.items() if isinstance(v, int | float)}
    return {
        "page_id": page.id, "id": c.id, "position": c.position, "author": c.author, "parent_id": c.parent_id,
        "published": c.published, "language": c.language, "text": c.text,
        **{column: scores.get(column) for column in SCORE_COLUMNS},
        "targets": "; ".join(c.targets), "flags": ", ".join(c.flags),
        "decoded": "; ".join(f"{d.get('span')} -> {d.get('decoded')}" for d in c.decoded if isinstance(d, dict)),
        "evidence": "; ".join(f"{e.get('category')}: {e.get('text')}" for e in c.evidence if isinstance(e, dict)),
        "page_url": page.url, "page_site": page.site, "page_title": page.title,
    }


def story_rows(stories: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per story: its pages and how many of its relations contradict."""
    rows = []
    for story in stories:
        relations = [r for r in story.get("relations") or [] if isinstance(r, dict)]
        rows.append({
            "story_id": story.get("id"), "title": story.get("title"),
            "n_pages": len(story.get("pages") or []),
            "page_ids": "; ".join(str(p.get("id")) for p in story.get("pages") or [] if isinstance(p, dict)),
            "languages": "; ".join(story.get("languages") or []), "similarity": _number(story.get("similarity")),
            "n_relations": len(relations),
            "n_contradictions": sum(_counts(r).get("contradict") or 0 for r in relations),
        })
    return rows


def relation_rows(stories: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per relation between two pages of a story: copy, rewrite or independent, and its claim counts."""
    rows = []
    for story in stories:
        for relation in story.get("relations") or []:
            if not isinstance(relation, dict):
                continue
            evidence, counts = relation.get("evidence") or {}, _counts(relation)
            contradictions = (relation.get("comparison") or {}).get("contradict") or []
            page, based_on = relation.get("page"), relation.get("based_on") or relation.get("other")
            rows.append({
                "story_id": story.get("id"), "type": relation.get("type"), "page": page,
                "based_on": based_on, "direction": relation.get("direction"),
                "translation": int(relation.get("translation") is True),  # 1: a translated copy or rewrite
                "similarity": _number(evidence.get("similarity")),
                "shingle_jaccard": _number(evidence.get("shingle_jaccard")),
                **{k: counts.get(k) for k in _COUNTS},
                "contradictions": "; ".join(", ".join(map(str, c.get("reasons") or [])) for c in contradictions
                                            if isinstance(c, dict)),
                **_page_names(story, relation), "restates": counts.get("restates"),
                "not_compared": (relation.get("comparison") or {}).get("not_compared"), **_side_counts(counts),
            })
    return [{column: row.get(column) for column in RELATION_COLUMNS} for row in rows]


def _page_names(story: dict[str, Any], relation: dict[str, Any]) -> dict[str, Any]:
    """The relation's two pages named readably (title, site, source), from its story's page list."""
    named = {p.get("id"): p for p in story.get("pages") or [] if isinstance(p, dict)}
    page, based_on = named.get(relation.get("page"), {}), named.get(relation.get("based_on") or relation.get("other"), {})
    return {"page_title": page.get("title"), "page_site": page.get("site"), "page_source": page.get("source"),
            "based_on_title": based_on.get("title"), "based_on_site": based_on.get("site"),
            "based_on_source": based_on.get("source")}


def _side_counts(counts: dict[str, Any]) -> dict[str, int | None]:
    """The per-side counts; ``*_not_judged`` is 0 when no verdict was withheld. A comparison stored before they
    existed (before session 24) leaves them all empty: guessed numbers would not add up."""
    if "base_claims" not in counts:
        return dict.fromkeys(SIDE_COUNTS)
    return {column: counts.get(column, 0) for column in SIDE_COUNTS}


def _counts(relation: dict[str, Any]) -> dict[str, Any]:
    return (relation.get("comparison") or {}).get("counts") or {}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def export_stories(stories: Iterable[dict[str, Any]], path: str | Path, fmt: str, *, table: str = "stories") -> int:
    """Write stored stories (``table="stories"``: one row per story; ``"relations"``: one per relation) as
    ``jsonl`` (whole story records, or relation records with their story's id and their two pages' names), ``csv`` or
    ``parquet``."""
    stories = list(stories)
    if table not in ("stories", "relations"):
        raise ValueError(f"unknown table {table!r}; choose stories or relations")
    if fmt == "jsonl":
        records = stories if table == "stories" else [  # whole relation records, their pages named as in CSV
            {"story_id": s.get("id"), **r, **_page_names(s, r)}
            for s in stories for r in s.get("relations") or [] if isinstance(r, dict)]
        return _write(records, (), Path(path), fmt)
    rows = story_rows(stories) if table == "stories" else relation_rows(stories)
    return _write(rows, STORY_COLUMNS if table == "stories" else RELATION_COLUMNS, Path(path), fmt)


def export_coordination(clusters: Iterable[dict[str, Any]], pages: Iterable[Page], path: str | Path, fmt: str) -> int:
    """Write stored clusters of coordinated comments (``SQLiteStore.coordination()``): JSONL whole cluster records, CSV
    or Parquet one row per posted comment, with its position, author, time and page read from ``pages``."""
    clusters = list(clusters)
    if fmt == "jsonl":
        return _write(clusters, (), Path(path), fmt)
    posts = {id(cl): [_post(c) for c in cl.get("comments") or [] if isinstance(c, dict | str)] for cl in clusters}
    wanted = {post["comment"] for listed in posts.values() for post in listed}
    found = {c.id: (page, c) for page in pages for c in page.comments if c.id in wanted}
    rows = [_coordination_row(cl, post, posts[id(cl)], found) for cl in clusters for post in posts[id(cl)]]
    return _write(rows, COORDINATION_COLUMNS, Path(path), fmt)


def _post(member: dict[str, Any] | str) -> dict[str, Any]:
    """A cluster member as {comment, page, author}: a repeated text lists them so, a burst lists comment ids."""
    return ({"comment": str(member.get("comment")), "page": member.get("page"), "author": member.get("author")}
            if isinstance(member, dict) else {"comment": member, "page": None, "author": None})


def _coordination_row(cluster: dict[str, Any], post: dict[str, Any], posts: list[dict[str, Any]],
                      found: dict[str, tuple[Page, Comment]]) -> dict[str, Any]:
    page, comment = found.get(post["comment"], (None, None))
    return {
        "cluster_id": cluster.get("id"), "kind": cluster.get("kind"), "n_comments": len(posts),
        "n_names": len({str(a) for a in cluster.get("authors") or [] if a}),
        "n_pages": len(cluster.get("pages") or []), "text": cluster.get("text"),
        "page_id": post["page"] or (page.id if page else None), "comment_id": post["comment"],
        "position": comment.position if comment else None,
        "author": post["author"] or (comment.author if comment else None),
        "published": comment.published if comment else None, "page_url": page.url if page else None,
        "page_site": page.site if page else None, "page_title": page.title if page else None,
        "comment_text": comment.text if comment else None,
    }


def jsonl_records(pages: list[Page], table: str, in_story: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Whole records for JSONL: one per page (with ``story_id`` last, as in CSV and Parquet: the ids of the stories
    of ``in_story`` holding it, "; "-joined, or null), or one per comment with its page's id in front and, last as
    in CSV and Parquet, the page's ``page_url``, ``page_site`` and ``page_title``."""
    if table == "pages":
        return [{**p.as_dict(), "story_id": _joined_story_ids(in_story or {}, p.id)} for p in pages]
    return [{"page_id": p.id, **c.as_dict(), "page_url": p.url, "page_site": p.site, "page_title": p.title}
            for p in pages for c in p.comments]


def _joined_story_ids(in_story: dict[str, list[str]], page_id: str | None) -> str | None:
    return "; ".join(in_story.get(str(page_id), [])) or None


def export(pages: Iterable[Page], path: str | Path, fmt: str, *, table: str = "pages",
           stories: Iterable[dict[str, Any]] = ()) -> int:
    """Write ``pages`` to ``path`` as ``jsonl``, ``csv`` or ``parquet``; return the number of rows. The pages table's
    ``story_id`` comes from ``stories`` (the store's: ``SQLiteStore.stories()``)."""
    pages = list(pages)
    if table not in ("pages", "comments"):
        raise ValueError(f"unknown table {table!r}; choose pages or comments")
    in_story = story_ids(stories)
    if fmt == "jsonl":
        return _write(jsonl_records(pages, table, in_story), (), Path(path), fmt)
    if table == "comments":
        return _write(comment_rows(pages), COMMENT_COLUMNS, Path(path), fmt)
    rows = [{**row, "story_id": _joined_story_ids(in_story, row["id"])} for row in page_rows(pages)]
    return _write(rows, PAGES_TABLE_COLUMNS, Path(path), fmt)


def story_ids(stories: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Page id -> the ids of the stories holding it (a store keeps the stories of several runs: a page may be in two)."""
    out: dict[str, list[str]] = {}
    for story in stories:
        for page in story.get("pages") or []:
            if isinstance(page, dict) and story.get("id") not in out.setdefault(str(page.get("id")), []):
                out[str(page.get("id"))].append(str(story.get("id")))
    return out


def export_replaced(entries: Iterable[tuple[Page, dict[str, Any]]], path: str | Path, fmt: str) -> int:
    """Write the earlier versions of changed inputs (``SQLiteStore.replaced_pages()``): one row per version, when it
    was replaced and by which page id, then the page's columns (JSONL: the whole page record)."""
    entries = list(entries)
    if fmt == "jsonl":
        return _write([{**when, **page.as_dict()} for page, when in entries], (), Path(path), fmt)
    return _write([{**when, **_page_row(page)} for page, when in entries], REPLACED_COLUMNS, Path(path), fmt)


def _write(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path, fmt: str) -> int:
    """Rows to a file: whole records as JSONL, or flat ``columns`` as CSV or Parquet."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if path.is_dir():  # else the rename of the finished file fails, naming its temporary file
        raise IsADirectoryError(f"{path} is a folder; give the file to write (--out {path / f'table.{fmt}'})")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with whole_file(path) as out:  # a stopped export leaves the previous file (or none), never half a table
            for record in rows:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(rows)
    if fmt in ("csv", "csv-excel"):
        # Excel reads a CSV without a byte order mark in the machine's code page: Arabic, Cyrillic come out garbled
        with whole_file(path, newline="", encoding="utf-8-sig" if fmt == "csv-excel" else "utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows({k: _spreadsheet_safe(v) for k, v in row.items()} for row in rows)
        return len(rows)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # optional extra
        raise RuntimeError("Parquet export needs pyarrow: pip install 'storytrace[parquet]'") from exc
    arrow = {"int": pa.int64(), "double": pa.float64(), "string": pa.string()}
    schema = pa.schema([(c, arrow[column_type(c)]) for c in columns])
    with whole_path(path) as part:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), part)
    return len(rows)


# a text cell starting with one of these is a formula to a spreadsheet ("=HYPERLINK(...)" in a comment); the
# full-width forms too: an East Asian input method types "＝", which some spreadsheets read as "="
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# blanks a spreadsheet may skip before a formula ("  =1+1"): a guarded cell is text either way
_LEADING_BLANKS = " \t\r\n\u00a0\u3000"


def _spreadsheet_safe(value: Any) -> Any:
    """A CSV cell as text a spreadsheet shows as it is and never runs: bidi controls made visible, then page text
    starting like a formula, after any blanks, gets a leading apostrophe (OWASP's advice against CSV injection,
    widened); numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = show_bidi_controls(value, marks=True)  # an author's name cannot run over the next cells
    value = replace_controls(value)  # a NUL no spreadsheet shows; an ESC that `cat file.csv` would run
    return "'" + value if value.lstrip(_LEADING_BLANKS).startswith(_FORMULA_START) else value
