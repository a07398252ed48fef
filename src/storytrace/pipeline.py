"""The batch runner: inputs -> ingest -> anatomy -> facts / comments -> Dossier.

Each stage is a plain function over a Page. This is the one place that catches broad exceptions: a page
that breaks a stage is recorded (as a Failure, or as an error on the page when later stages fail) and the
batch goes on. ``Options.strict`` re-raises instead, so that bugs surface in tests.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CODES, StorytraceError
from .records import Dossier, Duplicate, Failure, Page, RawDocument
from .resources import Resources
from .settings import Options

if TYPE_CHECKING:  # pragma: no cover
    from .stories import StoryPages, StoryShell

log = logging.getLogger("storytrace")
Result = Page | Failure
# what run() takes: ingested items, duplicates already marked, pages reused from a store (passed through)
Item = RawDocument | Failure | Duplicate | Page
OnFinished = Callable[[list[Result | Duplicate]], None]


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

    nlp = _stop_checked_nlp(resources.get("nlp"))
    return extract_facts(page, options, nlp=nlp, resources=resources.get("facts_resources"))


def _facts_batch(pages: list[Page], options: Options, resources: Resources) -> list[Page]:
    from .facts import extract_facts_batch

    nlp, facts_resources = _stop_checked_nlp(resources.get("nlp")), resources.get("facts_resources")
    return list(extract_facts_batch(pages, options, nlp=nlp, resources=facts_resources))


def _comments(page: Page, options: Options, resources: Resources) -> Page:
    from .comments import analyze_comments

    return analyze_comments(page, options, model=resources.get("toxicity"), calibration=options.comment_calibration)


STAGES: tuple[Stage, ...] = (
    Stage("facts", _facts, lambda o: o.with_facts, ("body", "title"), ("facts", "language"), _facts_batch),
    Stage("comments", _comments, lambda o: o.with_comments, ("comments",), ("comments", "thread")),
)


# a check the thread running an analysis may set, called before each page and stage: it raises to stop the analysis
# (the service, once a request was answered 504: a thread cannot be killed, so abandoned work ends at the next page)
_STOP = threading.local()


@contextmanager
def stop_checked(check: Callable[[], None]) -> Iterator[None]:
    """Within the block, this thread's analysis calls ``check()`` before each page and stage; what it raises stops it."""
    previous = getattr(_STOP, "check", None)
    _STOP.check = check
    try:
        yield
    finally:
        _STOP.check = previous


def _check_stop() -> None:
    if (check := getattr(_STOP, "check", None)) is not None:
        check()


def _stop_checked_nlp(nlp: Any) -> Any:
    """``nlp``, checked for a stop at each text its ``pipe`` takes and each doc it gives when this thread has a stop
    check: the facts stage's spaCy passes over every paragraph of a batch (16 pages) then stop within a minibatch."""
    return _StopCheckedNlp(nlp) if nlp is not None and getattr(_STOP, "check", None) is not None else nlp


class _StopCheckedNlp:
    """A spaCy pipeline whose ``pipe`` calls :func:`_check_stop`; every other attribute is the pipeline's own."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, texts: Iterable[Any], *args: Any, **kwargs: Any) -> Iterator[Any]:
        for doc in self._nlp.pipe(_stop_checked(texts), *args, **kwargs):
            _check_stop()
            yield doc


def _stop_checked(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        _check_stop()
        yield item


def process(raw: RawDocument, options: Options, resources: Resources) -> Result:
    """Run anatomy and every enabled stage on one RawDocument."""
    return process_batch([raw], options, resources)[0]


def process_batch(raws: list[RawDocument], options: Options, resources: Resources) -> list[Result]:
    """Anatomy per page, then each enabled stage over all pages of the batch (batched where it can)."""
    results = []
    for raw in raws:
        _check_stop()
        results.append(_anatomy(raw, options, resources))
    pages = [r for r in results if isinstance(r, Page)]
    for stage in STAGES:
        if stage.enabled(options) and pages:
            _check_stop()
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
    page.warnings.extend(w for w in raw.warnings if w not in page.warnings)
    return page


def _run_stage(stage: Stage, pages: list[Page], options: Options, resources: Resources) -> None:
    """Fill the stage's fields in place; a failure is recorded on the page that caused it."""
    if stage.run_batch is not None and len(pages) > 1:
        try:
            done = stage.run_batch(pages, options, resources)
        except Exception:
            _check_stop()  # a stop inside the batch is not the stage's failure: no page-by-page retry
            if options.strict:
                raise
        else:
            _check_pages(stage, done, len(pages))
            pages[:] = done
            return
    for i, page in enumerate(pages):
        _check_stop()
        try:
            result = stage.run(page, options, resources)
        except Exception as exc:
            if options.strict:
                raise
            log.warning("%s: stage %s failed: %s", page.source, stage.name, exc)
            page.errors.append(_stage_error(stage.name, exc))
            continue
        _check_pages(stage, [result], 1)
        pages[i] = result


def _stage_error(stage: str, exc: Exception) -> str:
    return f"{stage}: {type(exc).__name__}: {exc}"


def has_stage_errors(page: Page) -> bool:
    """Whether a stage failed on ``page`` (an error recorded by :func:`_run_stage`): such a page is analysed
    again rather than reused from a store."""
    return bool(stage_errors(page))


def stage_errors(page: Page) -> list[str]:
    """The errors of the stages that failed on ``page``, as :func:`_run_stage` recorded them."""
    prefixes = tuple(f"{stage.name}: " for stage in STAGES)  # as _stage_error writes them
    return [error for error in page.errors if error.startswith(prefixes)]


def _check_pages(stage: Stage, results: list[object], expected: int) -> None:
    if len(results) != expected or not all(isinstance(r, Page) for r in results):
        raise TypeError(f"stage {stage.name!r} must return {expected} Page(s) in order")


def _record(source: str, stage: str, exc: Exception) -> Failure:
    log.warning("%s: %s failed: %s", source, stage, exc)
    message = str(exc) if isinstance(exc, StorytraceError) else (  # an error of ours carries its code already
        f"[E000] internal error ({type(exc).__name__}: {exc}); {CODES['E000'][1]}")
    return Failure(source=source, stage=stage, error=type(exc).__name__, message=message)


# --- local parallelism: one Resources per worker process -------------------------------------------
_WORKER: tuple[Options, Resources] | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = (options, Resources())
    import signal

    signal.signal(signal.SIGINT, _worker_interrupted)


_WORKER_BUSY = False  # a worker is analysing a chunk


def _worker_interrupted(_signum: int, _frame: object) -> None:
    """Ctrl-C reaches every process of the terminal's group. A worker analysing a chunk stops it (the parent keeps
    what finished); an idle one goes on waiting until the parent shuts the pool down, instead of dying with a
    KeyboardInterrupt traceback on the user's terminal (and a broken pool)."""
    if _WORKER_BUSY:
        raise KeyboardInterrupt


def _process_in_worker(chunk: list[Item]) -> list[Result | Duplicate]:
    global _WORKER_BUSY
    assert _WORKER is not None
    _WORKER_BUSY = True
    try:
        return _process_chunk(chunk, *_WORKER)
    finally:
        _WORKER_BUSY = False


def _process_chunk(chunk: list[Item], options: Options, resources: Resources) -> list[Result | Duplicate]:
    """The chunk's results in order: RawDocuments analysed, the other items (failures, duplicates, reused
    pages) as they are."""
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


# Options that shape a run but not what a page's analysis holds: a stored page made under other values of these
# is reused. Every other field (and any new one) is part of analysis_key, so a new option cannot be missed.
RUN_ONLY_OPTIONS = frozenset({"with_stories", "workers", "batch_size", "strict", "progress", "fetch_timeout",
                              "fetch_max_bytes", "fetch_max_redirects", "allow_private_addresses", "user_agent"})


def analysis_key(options: Options) -> str:
    """What a page's analysis depends on: storytrace's version, the record schema, the package's code (its
    Python sources' content), the shipped models and lexicons (names and sizes), and every option but
    :data:`RUN_ONLY_OPTIONS`. Equal keys: a stored page can stand in for analysing the same bytes again."""
    import dataclasses
    import json

    from . import __version__
    from .records import SCHEMA_VERSION, content_id

    shaping = {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in RUN_ONLY_OPTIONS}
    parts = [__version__, SCHEMA_VERSION, _package_code(), _shipped_data(), shaping]
    return content_id(json.dumps(parts, sort_keys=True, default=str))


@functools.cache
def _package_code() -> str:
    """A digest of the package's Python sources, so that a store does not hand back pages analysed by other code
    of the same version (an editable install, a patched copy)."""
    from importlib.resources import as_file, files

    with as_file(files("storytrace")) as root:
        return code_digest(Path(root))


def code_digest(root: Path) -> str:
    """sha1 over the relative paths and bytes of the ``*.py`` files under ``root`` (not their times: a fresh
    install of the same code keeps its key)."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root).as_posix()).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def _shipped_data() -> list[tuple[str, int]]:
    """Names and sizes of the files under the package's data folder (a rebuilt model changes its size)."""
    from importlib.resources import as_file, files

    with as_file(files("storytrace").joinpath("data")) as root:
        return sorted((str(p.relative_to(root)), p.stat().st_size) for p in Path(root).rglob("*") if p.is_file())


class StoredPages:
    """The pages a store already holds, analysed with the same :func:`analysis_key`: an input whose page id is
    among them is not analysed again; its stored page (with this input's source) goes through the run in its
    place, and ``on_reuse`` hears of it. A page with a stage error is analysed again."""

    def __init__(self, store: Any, options: Options, on_reuse: Callable[[Page], None] | None = None) -> None:
        self.store, self.key, self.on_reuse = store, analysis_key(options), on_reuse

    def __call__(self, items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            page = self.store.analysed_page(item.identify(), self.key) if isinstance(item, RawDocument) else None
            if page is None or has_stage_errors(page):
                yield item
                continue
            page.source = item.source  # the same bytes, maybe under another name now
            if self.on_reuse is not None:
                self.on_reuse(page)
            yield page


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(items: Iterable[Item], options: Options, resources: Resources | None = None,
        on_finished: OnFinished | None = None) -> Iterator[Result | Duplicate]:
    """Process ingested items in order, in this process or in ``options.workers`` processes (a
    :class:`Duplicate` from :func:`collapse_duplicates`, or a page reused by :class:`StoredPages`, passes
    through unprocessed, like a failure).

    Items go through in chunks of ``options.batch_size`` so that batched stages (spaCy's ``pipe``) pay
    their set-up once per chunk; memory stays bounded by the chunk, not the corpus. ``on_finished`` gets each
    chunk's results as soon as the chunk is done, before any of them is yielded (with workers, in the order
    chunks finish): a store written there keeps every finished page even if the run is stopped while the
    caller handles earlier results; chunks that finished ahead are handed over when the run is stopped.
    """
    chunks = _chunks(items, max(1, options.batch_size))
    if options.workers <= 1:
        resources = resources or Resources()
        for chunk in chunks:
            results = _process_chunk(chunk, options, resources)
            if on_finished is not None:
                on_finished(results)
            yield from results
        return
    yield from _run_in_workers(chunks, options, on_finished or (lambda results: None))


def _run_in_workers(chunks: Iterable[list[Item]], options: Options,
                    on_finished: OnFinished) -> Iterator[Result | Duplicate]:
    """Chunks through ``options.workers`` processes, results in input order.

    A ProcessPoolExecutor rather than multiprocessing.Pool: when a worker dies (e.g. a script without an
    ``if __name__ == "__main__":`` guard re-runs itself in the child), Pool replaces it and the parent waits
    forever; the executor raises BrokenProcessPool, which becomes a clear error here.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
    executor = ProcessPoolExecutor(options.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(options,))
    window = _Window(on_finished)  # a bounded window of chunks in flight: executor.map would read the input ahead
    try:
        for chunk in chunks:
            window.submit(executor, chunk)
            if len(window) >= 2 * options.workers:
                yield from window.next_in_order()
        while window:
            yield from window.next_in_order()
    except BrokenProcessPool as exc:
        raise StorytraceError(WORKERS_BROKEN) from exc
    finally:  # also on Ctrl-C, SIGTERM or the caller closing us: what finished is handed over, not dropped
        executor.shutdown(wait=True, cancel_futures=True)
        window.hand_over_finished()


class _Window:
    """Chunks in flight in a process pool, oldest first; each chunk's results go to ``on_finished`` once,
    as soon as it is done, and are yielded in input order."""

    def __init__(self, on_finished: OnFinished) -> None:
        from collections import deque
        from concurrent.futures import Future

        self.on_finished = on_finished
        self.pending: deque[Future[list[Result | Duplicate]]] = deque()
        self.handed: set[Future[list[Result | Duplicate]]] = set()  # their results went to on_finished

    def __len__(self) -> int:
        return len(self.pending)

    def submit(self, executor: Any, chunk: list[Item]) -> None:
        self.pending.append(executor.submit(_process_in_worker, chunk))
        self.hand_over_finished()

    def next_in_order(self) -> list[Result | Duplicate]:
        from concurrent.futures import FIRST_COMPLETED, wait

        head = self.pending[0]
        while not head.done():  # wait on the running ones only: a done one would return at once, a busy loop
            wait([f for f in self.pending if not f.done()], return_when=FIRST_COMPLETED)
            self.hand_over_finished()
        results = head.result()  # raises what the worker raised
        self._hand_over(head)
        self.handed.discard(self.pending.popleft())
        return results

    def hand_over_finished(self) -> None:
        for future in list(self.pending):
            if future.done() and not future.cancelled() and future.exception() is None:
                self._hand_over(future)

    def _hand_over(self, future: Any) -> None:
        if future not in self.handed:
            self.handed.add(future)
            self.on_finished(future.result())


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
