"""The Python API: a thin layer over the pipeline, like the CLI and the service.

Example:
    >>> import storytrace
    >>> dossier = storytrace.analyze(["page.html", "dump.warc.gz"], with_facts=False)  # doctest: +SKIP
    >>> [p.title for p in dossier.pages]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from .records import Dossier, Duplicate, Failure, Page
from .resources import Resources
from .settings import Options

# a path, a URL, or a page held in memory: a dict with the fields of a JSONL line (html or text, url, title, ...)
PageInput = str | os.PathLike[str] | Mapping[str, Any]


def analyze(
    inputs: PageInput | Iterable[PageInput],
    *,
    options: Options | None = None,
    resources: Resources | None = None,
    store: Any = None,
    on_result: Callable[[Page | Failure | Duplicate], None] | None = None,
    redo: bool = False,
    **settings: Any,
) -> Dossier:
    """Analyse pages (paths, directories, WARC, JSONL, URLs, or pages held in memory as dicts with a JSONL line's
    fields: ``{"html": response.text, "url": response.url}``) and return the dossier.

    Keyword ``settings`` are :class:`~storytrace.settings.Options` fields (``with_facts=False``, ...).
    A ``store`` (e.g. :class:`storytrace.store.SQLiteStore`) receives every page and failure, and every
    :class:`~storytrace.records.Duplicate` (an input repeating a page of this run, analysed once), and at the
    end the stories (when it has ``add_stories``). A page it already holds, analysed with the same options and
    version, is taken from it instead of being analysed again (see :func:`iter_results`; ``redo=True`` analyses
    every input again).
    """
    from .pipeline import finish

    options = (options or Options()).replace(**settings)
    resources = resources or default_resources()
    results = iter_results(inputs, options, resources, store=store, redo=redo)
    dossier = finish(_tap(results, on_result), options, resources)
    if store is not None and hasattr(store, "add_stories"):
        store.add_stories(dossier.stories)
    if store is not None and hasattr(store, "add_coordination"):
        store.add_coordination(dossier.coordination)
    return dossier


def iter_results(
    inputs: PageInput | Iterable[PageInput],
    options: Options | None = None,
    resources: Resources | None = None,
    *,
    store: Any = None,
    redo: bool = False,
    on_reuse: Callable[[Page], None] | None = None,
) -> Iterator[Page | Failure | Duplicate]:
    """Every page or failure, in input order, as it is done: memory does not grow with the corpus. An input
    whose page was already read in this run comes as a :class:`~storytrace.records.Duplicate` instead.

    With a ``store``, results are added to it as soon as they are finished, before they are yielded, so a run
    stopped while the caller handles them loses no finished page; close the iterator (``contextlib.closing``)
    before the store, so that chunks finished ahead by worker processes are added too. A store with
    ``analysed_page`` (:class:`~storytrace.store.SQLiteStore`) also gives back the pages it holds analysed with
    the same options, code and models (:func:`~storytrace.pipeline.analysis_key`): such an input is not analysed
    again, its stored page comes in its place and ``on_reuse`` is called with it. ``redo=True`` analyses every
    input again. Failed inputs and pages with a stage error are always analysed again.
    """
    from .ingest import read_inputs
    from .pipeline import StoredPages, analysis_key, collapse_duplicates, run

    inputs = input_list(inputs)
    _check_store(store)
    options = options or Options()
    items: Iterable[Any] = collapse_duplicates(read_inputs(inputs, options))
    if store is None:
        return run(items, options, resources or default_resources())
    keyed = hasattr(store, "analysed_page")  # a store that can give pages back keeps their analysis key
    if keyed and not redo:
        items = StoredPages(store, options, on_reuse)(items)
    key = analysis_key(options) if keyed else None

    def add(results: list[Page | Failure | Duplicate]) -> None:
        store.add(results, analysis=key) if keyed else store.add(results)

    return run(items, options, resources or default_resources(), on_finished=add)


@cache
def default_resources() -> Resources:
    """The Resources every call without ``resources=`` shares, made on first use: models load once per process, as
    README says (a new instance per call reloaded the facts resources each time: 1.1 s a one-page call against
    0.06 s shared). Pass ``resources=`` to inject your own."""
    return Resources()


def input_list(inputs: Any) -> Iterable[str | os.PathLike[str] | Mapping[str, Any]]:
    """``inputs`` as a list of paths, URLs and pages held in memory (a dict with the fields of a JSONL line:
    ``{"html": ..., "url": ...}``); anything else is a :class:`TypeError` saying what to give. Page bytes or text, a
    number or None would otherwise fail deep in ingest ("expected str, bytes or os.PathLike object, not int": bytes
    iterate as numbers), and one dict would be read as its keys ("html": a file name).

    A generator or other iterator (a crawler yielding the pages it fetched) is not read whole: its items are checked
    as they are reached, so memory holds a batch of pages, not the crawl, and a bad item fails when it comes."""
    if isinstance(inputs, str | os.PathLike | Mapping):
        inputs = [inputs]
    elif isinstance(inputs, bytes | bytearray | memoryview):
        raise TypeError(f"inputs are paths or URLs, not page bytes: {IN_MEMORY_HOW}")
    if isinstance(inputs, Iterator):
        return (_checked(i, item) for i, item in enumerate(inputs))
    try:
        items = list(inputs)
    except TypeError:
        raise TypeError(f"inputs must be a path, a URL or a list of them, not {type(inputs).__name__}") from None
    return [_checked(i, item) for i, item in enumerate(items)]


def _checked(i: int, item: Any) -> str | os.PathLike[str] | Mapping[str, Any]:
    """``inputs[i]`` if it is a path, a URL or a page as a dict; else the TypeError or ValueError saying what to give."""
    if not isinstance(item, str | os.PathLike | Mapping):
        raise TypeError(f"inputs[{i}] must be a path or URL (str or os.PathLike), or a page as a dict "
                        f"{{'html': ..., 'url': ...}}, not {type(item).__name__}")
    if isinstance(item, str) and _looks_like_content(item):
        raise ValueError(f"inputs[{i}] looks like a page's content, not a path or URL: {IN_MEMORY_HOW}")
    return item


# how to analyse a page held in memory: as a dict with a JSONL line's fields (the reading stage takes it as one)
IN_MEMORY_HOW = ('give it as a dict, {"html": ..., "url": ...} ("html" may be the fetched bytes) or {"text": ..., '
                 '"title": ...} (also "published", "author"); or save it to a file, or many pages to a JSONL file of '
                 'such objects, one a line, and give its path')


def _looks_like_content(item: str) -> bool:
    """Markup or several lines given where a path is wanted (``analyze(response.text)``): it failed after the run as
    "[E109] cannot open the file" naming the whole page. A file by that name is still read."""
    markup = item.lstrip().startswith("<") and ">" in item
    return (markup or "\n" in item.strip()) and not os.path.lexists(item)


def _check_store(store: Any) -> None:
    """A store is an object with ``add`` (:class:`~storytrace.store.SQLiteStore`); a file name given instead failed
    only after the first batch was analysed, with "'str' object has no attribute 'add'"."""
    if getattr(store, "closed", False) is True:
        raise ValueError(f"the store {getattr(store, 'path', '')} is closed: call analyze inside its with block "
                         "(with SQLiteStore(...) as store: analyze(..., store=store))")
    if store is None or callable(getattr(store, "add", None)):
        return
    if isinstance(store, str | os.PathLike):
        raise TypeError(f"store must be an open store, not the path {os.fspath(store)!r}: "
                        f"with SQLiteStore({os.fspath(store)!r}) as store: analyze(..., store=store)")
    raise TypeError(f"store must have an add() method (a storytrace.store.SQLiteStore), not {type(store).__name__}")


def _tap(
    results: Iterable[Page | Failure | Duplicate],
    on_result: Callable[[Page | Failure | Duplicate], None] | None,
) -> Iterator[Page | Failure | Duplicate]:
    for result in results:
        if on_result is not None:
            on_result(result)
        yield result


def demo_corpus() -> Path:
    """The folder of example pages shipped inside the package (the two seed pages)."""
    with as_file(files("storytrace").joinpath("data", "demo")) as path:
        return Path(path)
