"""The batch runner: inputs -> ingest -> anatomy -> facts / comments -> Dossier.

Each stage is a plain function over a Page. This is the one place that catches broad exceptions: a page
that breaks a stage is recorded (as a Failure, or as an error on the page when later stages fail) and the
batch goes on. ``Options.strict`` re-raises instead, so that bugs surface in tests.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import StorytraceError
from .records import Dossier, Duplicate, Failure, Page, RawDocument
from .resources import Resources
from .settings import Options

if TYPE_CHECKING:  # pragma: no cover
    from .stories import StoryPages, StoryShell

log = logging.getLogger("storytrace")
Result = Page | Failure
Item = RawDocument | Failure | Duplicate  # what run() takes: ingested items, duplicates already marked


@dataclass(frozen=True, slots=True)
class Stage:
    """A named per-page step, declaring what it reads and what it writes (as spaCy components do)."""

    name: str
    run: Callable[[Page, Options, Resources], Page]
    enabled: Callable[[Options], bool]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    # optional: the same work over many pages at once (e.g. spaCy's nlp.pipe); must return the pages in order
    run_batch: Callable[[list[Page], Options, Resources], list[Page]] | None = None


def _facts(page: Page, options: Options, resources: Resources) -> Page:
    from .facts import extract_facts

    return extract_facts(page, options, nlp=resources.get("nlp"), resources=resources.get("facts_resources"))


def _facts_batch(pages: list[Page], options: Options, resources: Resources) -> list[Page]:
    from .facts import extract_facts_batch

    nlp, facts_resources = resources.get("nlp"), resources.get("facts_resources")
    return list(extract_facts_batch(pages, options, nlp=nlp, resources=facts_resources))


def _comments(page: Page, options: Options, resources: Resources) -> Page:
    from .comments import analyze_comments

    return analyze_comments(page, options, model=resources.get("toxicity"), calibration=options.comment_calibration)


STAGES: tuple[Stage, ...] = (
    Stage("facts", _facts, lambda o: o.with_facts, ("body", "title"), ("facts", "language"), _facts_batch),
    Stage("comments", _comments, lambda o: o.with_comments, ("comments",), ("comments", "thread")),
)


def process(raw: RawDocument, options: Options, resources: Resources) -> Result:
    """Run anatomy and every enabled stage on one RawDocument."""
    return process_batch([raw], options, resources)[0]


def process_batch(raws: list[RawDocument], options: Options, resources: Resources) -> list[Result]:
    """Anatomy per page, then each enabled stage over all pages of the batch (batched where it can)."""
    results = [_anatomy(raw, options, resources) for raw in raws]
    pages = [r for r in results if isinstance(r, Page)]
    for stage in STAGES:
        if stage.enabled(options) and pages:
            _run_stage(stage, pages, options, resources)
    return results


def _anatomy(raw: RawDocument, options: Options, resources: Resources) -> Result:
    from .anatomy import split_page

    try:
        return _with_given_metadata(split_page(raw, options, resources=resources), raw)
    except Exception as exc:
        if options.strict and not isinstance(exc, StorytraceError):
            raise
        return _record(raw.source, "anatomy", exc)


def _with_given_metadata(page: Page, raw: RawDocument) -> Page:
    """What the input states about the page (JSONL title, date, author): the title only where the page shows
    none; the date and author as given, since the input names them on purpose (a crawler's metadata)."""
    page.title = page.title or raw.title
    page.published = raw.published or page.published
    page.author = raw.author or page.author
    return page


def _run_stage(stage: Stage, pages: list[Page], options: Options, resources: Resources) -> None:
    """Fill the stage's fields in place; a failure is recorded on the page that caused it."""
    if stage.run_batch is not None and len(pages) > 1:
        try:
            done = stage.run_batch(pages, options, resources)
        except Exception:
            if options.strict:
                raise
        else:
            _check_pages(stage, done, len(pages))
            pages[:] = done
            return
    for i, page in enumerate(pages):
        try:
            result = stage.run(page, options, resources)
        except Exception as exc:
            if options.strict:
                raise
            log.warning("%s: stage %s failed: %s", page.source, stage.name, exc)
            page.errors.append(f"{stage.name}: {type(exc).__name__}: {exc}")
            continue
        _check_pages(stage, [result], 1)
        pages[i] = result


def _check_pages(stage: Stage, results: list[object], expected: int) -> None:
    if len(results) != expected or not all(isinstance(r, Page) for r in results):
        raise TypeError(f"stage {stage.name!r} must return {expected} Page(s) in order")


def _record(source: str, stage: str, exc: Exception) -> Failure:
    log.warning("%s: %s failed: %s", source, stage, exc)
    return Failure(source=source, stage=stage, error=type(exc).__name__, message=str(exc))


# --- local parallelism: one Resources per worker process -------------------------------------------
_WORKER: tuple[Options, Resources] | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = (options, Resources())


def _process_in_worker(chunk: list[Item]) -> list[Result | Duplicate]:
    assert _WORKER is not None
    return _process_chunk(chunk, *_WORKER)


def _process_chunk(chunk: list[Item], options: Options, resources: Resources) -> list[Result | Duplicate]:
    raws = [item for item in chunk if isinstance(item, RawDocument)]
    done = iter(process_batch(raws, options, resources)) if raws else iter(())
    return [next(done) if isinstance(item, RawDocument) else item for item in chunk]


def collapse_duplicates(items: Iterable[RawDocument | Failure]) -> Iterator[Item]:
    """The items of one run with each repeated page (the same :func:`~storytrace.records.page_id` as an earlier
    input: the same file twice, a repeated JSONL line, a URL crawled twice) replaced by a :class:`Duplicate`
    naming both sources: a page is analysed, listed and related to others once. Memory: one id and source
    per page."""
    first_source: dict[str, str] = {}
    for item in items:
        if isinstance(item, RawDocument):
            key = item.identify()
            if key in first_source:
                yield Duplicate(source=item.source, page_id=key, same_as=first_source[key])
                continue
            first_source[key] = item.source
        yield item


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(items: Iterable[Item], options: Options, resources: Resources | None = None) -> Iterator[Result | Duplicate]:
    """Process ingested items in order, in this process or in ``options.workers`` processes (a
    :class:`Duplicate` from :func:`collapse_duplicates` passes through unprocessed, like a failure).

    Items go through in chunks of ``options.batch_size`` so that batched stages (spaCy's ``pipe``) pay
    their set-up once per chunk; memory stays bounded by the chunk, not the corpus.
    """
    chunks = _chunks(items, max(1, options.batch_size))
    if options.workers <= 1:
        resources = resources or Resources()
        for chunk in chunks:
            yield from _process_chunk(chunk, options, resources)
        return
    yield from _run_in_workers(chunks, options)


def _run_in_workers(chunks: Iterable[list[Item]], options: Options) -> Iterator[Result | Duplicate]:
    """Chunks through ``options.workers`` processes, results in input order.

    A ProcessPoolExecutor rather than multiprocessing.Pool: when a worker dies (e.g. a script without an
    ``if __name__ == "__main__":`` guard re-runs itself in the child), Pool replaces it and the parent waits
    forever; the executor raises BrokenProcessPool, which becomes a clear error here.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
    executor = ProcessPoolExecutor(options.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(options,))
    # a bounded window of chunks in flight: executor.map would read the whole input ahead
    pending: deque[Future[list[Result | Duplicate]]] = deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(_process_in_worker, chunk))
            if len(pending) >= 2 * options.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise StorytraceError(WORKERS_BROKEN) from exc
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


WORKERS_BROKEN = (
    "a worker process died before finishing its pages. If you called storytrace from a script with "
    "workers > 1, put the call under 'if __name__ == \"__main__\":' (worker processes re-import the script), "
    "or use workers=1"
)


def finish(results: Iterable[Result | Duplicate], options: Options, resources: Resources | None = None) -> Dossier:
    """Collect results into a Dossier and add what needs every page (comment coordination, stories)."""
    dossier = Dossier()
    for result in results:
        if isinstance(result, Duplicate):
            dossier.duplicates.append(result)
        else:
            (dossier.failures if isinstance(result, Failure) else dossier.pages).append(result)
    dossier.coordination = coordinate(dossier.pages, options, dossier.failures)
    if options.with_stories:
        from .stories import shell_of

        dossier.stories = tell_stories([shell_of(p) for p in dossier.pages], options, dossier.failures, resources)
    return dossier


def coordinate(pages: list[Page], options: Options, failures: list[Failure]) -> list[dict[str, object]]:
    """Comment coordination across ``pages`` (which need only ids and comments); a failure is recorded."""
    if not (options.with_comments and pages):
        return []
    try:
        from .comments import find_coordination

        return find_coordination(pages)
    except Exception as exc:
        if options.strict:
            raise
        failures.append(_record("(all pages)", "coordination", exc))
        return []


def tell_stories(shells: list[StoryShell] | StoryPages, options: Options, failures: list[Failure],
                 resources: Resources | None = None) -> list[dict[str, object]]:
    """Story groups across pages (from their compact shells, or from the pages a streaming writer
    collected); a failure is recorded, the run goes on."""
    if not (options.with_stories and shells is not None and len(shells) > 1):
        return []
    try:
        from .stories import StoryPages, find_stories

        if isinstance(shells, StoryPages):
            return shells.stories()
        return find_stories(shells, encoder=(resources or Resources()).get("sentence_encoder"))
    except Exception as exc:
        if options.strict:
            raise
        failures.append(_record("(all pages)", "stories", exc))
        return []
