"""The Python API: a thin layer over the pipeline, like the CLI and the service.

Example:
    >>> import storytrace
    >>> dossier = storytrace.analyze(["page.html", "dump.warc.gz"], with_facts=False)  # doctest: +SKIP
    >>> [p.title for p in dossier.pages]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from .records import Dossier, Duplicate, Failure, Page
from .resources import Resources
from .settings import Options


def analyze(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    options: Options | None = None,
    resources: Resources | None = None,
    store: Any = None,
    on_result: Callable[[Page | Failure | Duplicate], None] | None = None,
    **settings: Any,
) -> Dossier:
    """Analyse pages (paths, directories, WARC, JSONL, URLs) and return the dossier.

    Keyword ``settings`` are :class:`~storytrace.settings.Options` fields (``with_facts=False``, ...).
    A ``store`` (e.g. :class:`storytrace.store.SQLiteStore`) receives every page and failure, and every
    :class:`~storytrace.records.Duplicate` (an input repeating a page of this run, analysed once), and at the
    end the stories (when it has ``add_stories``).
    """
    from .pipeline import finish

    options = (options or Options()).replace(**settings)
    resources = resources or Resources()
    dossier = finish(_tap(iter_results(inputs, options, resources), store, on_result), options, resources)
    if store is not None and hasattr(store, "add_stories"):
        store.add_stories(dossier.stories)
    return dossier


def iter_results(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    options: Options | None = None,
    resources: Resources | None = None,
) -> Iterator[Page | Failure | Duplicate]:
    """Every page or failure, in input order, as it is done: memory does not grow with the corpus. An input
    whose page was already read in this run comes as a :class:`~storytrace.records.Duplicate` instead."""
    from .ingest import read_inputs
    from .pipeline import collapse_duplicates, run

    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    options = options or Options()
    return run(collapse_duplicates(read_inputs(inputs, options)), options, resources or Resources())


def _tap(
    results: Iterable[Page | Failure | Duplicate], store: Any,
    on_result: Callable[[Page | Failure | Duplicate], None] | None,
) -> Iterator[Page | Failure | Duplicate]:
    for result in results:
        if store is not None:
            store.add([result])
        if on_result is not None:
            on_result(result)
        yield result


def demo_corpus() -> Path:
    """The folder of example pages shipped inside the package (the two seed pages)."""
    with as_file(files("storytrace").joinpath("data", "demo")) as path:
        return Path(path)
