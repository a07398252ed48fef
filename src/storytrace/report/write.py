"""Write a dossier to a folder: one JSON per page, dossier.json, dossier.jsonld and index.html.

:class:`DossierWriter` writes them as pages arrive, keeping no page bodies in memory (only each page's
link and URL, for comment coordination across pages its comments, and for the stories stage its lead embedding and
MinHash signature; the story shell itself -- title, the first 3,000 characters of the body, claims and
numbers -- is spilled to a SQLite file in the temporary folder), so the CLI's memory stays bounded on a
large WARC. :func:`write_dossier` writes an in-memory :class:`Dossier` through the same writer.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from ..embeddings import Encoder
from ..records import SCHEMA_VERSION, Comment, Dossier, Duplicate, Failure, Page
from ..store.files import part_path, whole_file, write_whole
from ..stories import SpilledShellStore, StoryPages, shell_of
from .html import (
    CrossPageCopies,
    DossierSummary,
    cross_page_notes,
    html_head,
    html_tail,
    page_section,
    story_links,
)
from .jsonld import based_on_links, based_on_refs, jsonld_dumps, page_jsonld, web_url

_SAFE_ID = re.compile(r"[0-9a-f]{16}")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def mark_output_folder(folder: Path) -> None:
    """Mark ``folder`` as storytrace's output, so that analysing a folder that holds it does not read it back."""
    from ..ingest.readers import OUTPUT_MARKER

    marker = folder / OUTPUT_MARKER
    if not marker.exists():
        marker.write_text("storytrace output: folders holding this file are skipped when a parent folder is read\n",
                          encoding="utf-8")


class DossierWriter:
    """Streams pages and failures into ``out_dir``; call :meth:`close` once at the end."""

    def __init__(self, out_dir: str | Path, *, keep_comments: bool = True, keep_stories: bool = True,
                 story_encoder: Callable[[], Encoder] | None = None) -> None:
        """``story_encoder`` loads the sentence encoder when the stories stage first needs it (default: the
        shared one from :class:`~storytrace.resources.Resources`)."""
        self.out = Path(out_dir)
        self.keep_comments = keep_comments  # only cross-page coordination needs them
        (self.out / "pages").mkdir(parents=True, exist_ok=True)
        mark_output_folder(self.out)
        self.paths = {
            "dossier": self.out / "dossier.json",
            "jsonld": self.out / "dossier.jsonld",
            "html": self.out / "index.html",
            "pages": self.out / "pages",
        }
        self.failures: list[Failure] = []
        self.duplicates: list[Duplicate] = []  # inputs repeating a page already written: listed, not re-written
        self.thread_shells: list[Page] = []  # id + comments only: what cross-page coordination reads
        self._urls: dict[str, str] = {}  # page id -> web URL: what an isBasedOn link to the page names
        self._written: set[str] = set()  # ids of this run's page files: the others in pages/ are an earlier run's
        self._started = time.time()  # a page file newer than this is another run's at the same time: it stays
        self._summary = DossierSummary()
        self._tmp = Path(tempfile.mkdtemp(prefix="storytrace-", dir=self.out))
        self._json_part = part_path(self.paths["dossier"])  # renamed on close: no half-written dossier.json
        # a stop (Ctrl-C, SIGTERM) while the files open must leave none of them: no `with` block holds us yet
        with contextlib.ExitStack() as undo:
            undo.callback(shutil.rmtree, self._tmp, ignore_errors=True)
            undo.callback(self._json_part.unlink, missing_ok=True)
            # what the stories stage reads: grouping signals in memory, shells in the temp folder
            self.story_pages = StoryPages(story_encoder or _shared_encoder, SpilledShellStore(
                self._tmp / "story_shells.sqlite")) if keep_stories else None
            if self.story_pages is not None:
                undo.callback(self.story_pages.close)
            self._json = undo.enter_context(self._json_part.open("w", encoding="utf-8"))
            self._json.write(f'{{\n  "schema_version": "{SCHEMA_VERSION}",\n  "generator": "storytrace",\n  "pages": [')
            self._sections = undo.enter_context((self._tmp / "sections.html").open("w", encoding="utf-8"))
            self._nodes = undo.enter_context((self._tmp / "nodes.jsonl").open("w", encoding="utf-8"))
            undo.pop_all()  # all open: from here __exit__ cleans up

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        if exc_type is not None:  # a failed run leaves no partial files and no temp folder
            self._close_handles()
            self._json_part.unlink(missing_ok=True)
            shutil.rmtree(self._tmp, ignore_errors=True)

    def _close_handles(self) -> None:
        for handle in (self._json, self._sections, self._nodes):
            handle.close()
        if self.story_pages is not None:
            self.story_pages.close()

    def add(self, result: Page | Failure | Duplicate) -> None:
        if isinstance(result, Failure):
            self.failures.append(result)
            return
        if isinstance(result, Duplicate):
            self.duplicates.append(result)
            return
        if not _SAFE_ID.fullmatch(result.id):  # ids become file names
            raise ValueError(f"page id {result.id!r} is not a content hash")
        record = result.as_dict()
        write_whole(self.out / "pages" / f"{result.id}.json", dumps(record))  # a stopped run leaves no half page
        self._written.add(result.id)
        separator = "," if self._summary.links else ""
        self._json.write(separator + "\n    " + dumps(record).replace("\n", "\n    "))
        self._sections.write(page_section(result) + "\n")
        self._nodes.write(jsonld_dumps(page_jsonld(result)) + "\n")
        if url := web_url(result.url):
            self._urls[result.id] = url
        self._summary.add(result)
        if self.keep_comments and result.comments:
            shell = [Comment(id=c.id, text=c.text, position=c.position, author=c.author, published=c.published,
                             parent_id=c.parent_id)  # a reply quoting its parent is no copy of it
                     for c in result.comments]
            self.thread_shells.append(Page(id=result.id, source=result.source, comments=shell))
        if self.story_pages is not None:
            self.story_pages.add(shell_of(result))

    def close(
        self, coordination: list[dict[str, Any]] | None = None, stories: list[dict[str, Any]] | None = None
    ) -> dict[str, Path]:
        """Finish every file. ``coordination`` and ``stories`` are computed by the caller from
        :attr:`thread_shells` and :attr:`story_pages`; rewrites get their ``isBasedOn`` links here."""
        coordination, stories = coordination or [], stories or []
        tail = Dossier(failures=self.failures, coordination=coordination, duplicates=self.duplicates)
        self._json.write("\n  ],\n" + ",\n".join(
            f'  "{key}": ' + dumps(value).replace("\n", "\n  ")
            for key, value in (("failures", [f.as_dict() for f in self.failures]), ("stories", stories),
                               ("coordination", coordination), ("duplicates", [d.as_dict() for d in self.duplicates]))
        ) + "\n}\n")
        self._summary.stories = stories
        self._close_handles()
        self._summary.failures = sum(f.failed for f in self.failures)
        self._summary.skipped = sum(not f.failed for f in self.failures)
        self._summary.duplicates = len(self.duplicates)
        self._summary.coordination = len(coordination)
        copies = CrossPageCopies(coordination)
        self._summary.cross_posted = copies.counts()
        based_on = based_on_links(stories)
        # each file is finished under a temporary name and renamed once whole, dossier.json (the one the CLI
        # reads back) last: a run stopped here leaves the last run's files, not a truncated index.html
        with whole_file(self.paths["html"]) as html_out, whole_file(self.paths["jsonld"]) as ld_out:
            html_out.write(html_head(self._summary) + "\n")
            with (self._tmp / "sections.html").open(encoding="utf-8") as sections:
                labels = dict(self._summary.links)
                notes = cross_page_notes(sections, copies, labels)  # line by line: memory stays flat
                html_out.writelines(story_links(notes, stories, labels))
            html_out.write(html_tail(tail, dict(self._summary.links)) + "\n")
            with (self._tmp / "nodes.jsonl").open(encoding="utf-8") as nodes:
                ld_out.write('{"@context": "https://schema.org", "@graph": [\n')
                for i, line in enumerate(nodes):
                    ld_out.write(("," if i else "") + _with_based_on(line, based_on, self._urls))
                ld_out.write("]}\n")
        self._json_part.replace(self.paths["dossier"])
        shutil.rmtree(self._tmp, ignore_errors=True)
        self._drop_earlier_page_files()
        return self.paths

    def _drop_earlier_page_files(self) -> None:
        """pages/ holds this run's pages, as dossier.json does: a nightly run into the same folder left every earlier
        night's page files beside them. Only page records (``<16 hex digits>.json``) written before this run began go;
        other files stay, and so do those of a run writing into the same folder at the same time."""
        for path in self.paths["pages"].glob("*.json"):
            if _SAFE_ID.fullmatch(path.stem) and path.stem not in self._written:
                with contextlib.suppress(FileNotFoundError):
                    if path.stat().st_mtime < self._started:
                        path.unlink()


def _shared_encoder() -> Encoder:
    from ..api import default_resources

    return default_resources().get("sentence_encoder")


def _with_based_on(line: str, based_on: dict[str, list[str]], urls: dict[str, str]) -> str:
    """A streamed JSON-LD node line, with ``isBasedOn`` when the stories found its sources."""
    if not based_on:
        return line
    node = json.loads(line)
    sources = based_on.get(node.get("identifier", ""))
    if not sources:
        return line
    node["isBasedOn"] = based_on_refs(sources, urls)
    return jsonld_dumps(node) + "\n"


def write_dossier(dossier: Dossier, out_dir: str | Path) -> dict[str, Path]:
    """Write an in-memory dossier through the streaming writer; return the paths by name."""
    writer = DossierWriter(out_dir, keep_comments=False, keep_stories=False)  # its stories are already found
    for result in [*dossier.pages, *dossier.failures, *dossier.duplicates]:
        writer.add(result)
    return writer.close(dossier.coordination, dossier.stories)
