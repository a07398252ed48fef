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

from .errors import StorytraceError
from .records import Dossier, Failure, Page, RawDocument
from .resources import Resources
from .settings import Options

log = logging.getLogger("storytrace")
Result = Page | Failure


@dataclass(frozen=True, slots=True)
class Stage:
    """A named per-page step, declaring what it reads and what it writes (as spaCy components do)."""

    name: str
    run: Callable[[Page, Options, Resources], Page]
    enabled: Callable[[Options], bool]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def _facts(page: Page, options: Options, resources: Resources) -> Page:
    from .facts import extract_facts

    return extract_facts(page, options, nlp=resources.get("nlp"), resources=resources.get("facts_resources"))


def _comments(page: Page, options: Options, resources: Resources) -> Page:
    from .comments import analyze_comments

    return analyze_comments(page, options, model=resources.get("toxicity"))


STAGES: tuple[Stage, ...] = (
    Stage("facts", _facts, lambda o: o.with_facts, ("body", "title"), ("facts", "language")),
    Stage("comments", _comments, lambda o: o.with_comments, ("comments",), ("comments", "thread")),
)


def process(raw: RawDocument, options: Options, resources: Resources) -> Result:
    """Run anatomy and every enabled stage on one RawDocument."""
    from .anatomy import split_page

    try:
        page = split_page(raw, options, resources=resources)
    except Exception as exc:  # noqa: BLE001 - the batch boundary: record and go on
        if options.strict and not isinstance(exc, StorytraceError):
            raise
        return _record(raw.source, "anatomy", exc)
    for stage in STAGES:
        if not stage.enabled(options):
            continue
        try:
            result = stage.run(page, options, resources)
        except Exception as exc:  # noqa: BLE001 - the batch boundary
            if options.strict:
                raise
            log.warning("%s: stage %s failed: %s", raw.source, stage.name, exc)
            page.errors.append(f"{stage.name}: {type(exc).__name__}: {exc}")
            continue
        if not isinstance(result, Page):
            raise TypeError(f"stage {stage.name!r} returned {type(result).__name__}, not a Page")
        page = result
    return page


def _record(source: str, stage: str, exc: Exception) -> Failure:
    log.warning("%s: %s failed: %s", source, stage, exc)
    return Failure(source=source, stage=stage, error=type(exc).__name__, message=str(exc))


# --- local parallelism: one Resources per worker process -------------------------------------------
_WORKER: tuple[Options, Resources] | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = (options, Resources())


def _process_in_worker(item: RawDocument | Failure) -> Result:
    if isinstance(item, Failure):
        return item
    assert _WORKER is not None
    return process(item, *_WORKER)


def run(items: Iterable[RawDocument | Failure], options: Options, resources: Resources | None = None) -> Iterator[Result]:
    """Process ingested items in order, in this process or in ``options.workers`` processes."""
    if options.workers <= 1:
        resources = resources or Resources()
        for item in items:
            yield item if isinstance(item, Failure) else process(item, options, resources)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
    with context.Pool(options.workers, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_process_in_worker, items, chunksize=4)


def finish(results: Iterable[Result], options: Options, resources: Resources | None = None) -> Dossier:
    """Collect results into a Dossier and add what needs every page (comment coordination)."""
    dossier = Dossier()
    for result in results:
        (dossier.failures if isinstance(result, Failure) else dossier.pages).append(result)
    if options.with_comments and dossier.pages:
        try:
            from .comments import find_coordination

            dossier.coordination = find_coordination(dossier.pages)
        except Exception as exc:  # noqa: BLE001 - the batch boundary
            if options.strict:
                raise
            dossier.failures.append(_record("(all pages)", "coordination", exc))
    return dossier
