"""PySpark runner: storytrace's per-page stages in executors, one output row per page.

What runs where:

- **Executors** (distributed): ingest (storytrace's own readers on each file's bytes, or on a path the
  executor opens), anatomy, facts and comments, through :func:`storytrace.pipeline.run`, one partition at a
  time in chunks of ``Options.batch_size``. Each executor's Python worker builds one
  :class:`~storytrace.resources.Resources` on its first page and keeps it while Spark reuses the worker, as
  ``--workers`` does per process.
- **Driver**, only when ``Options.with_stories``: the stories stage, over compact story shells the
  executors make from the written rows. The driver keeps ~2.3 KB a page in memory for it (lead embedding and
  MinHash signature; the shells are spilled to a SQLite file in a local temporary folder) plus the ~125 MB
  sentence encoder, as the ``storytrace analyze`` CLI does.
- **Not run**: comment coordination across pages (it keeps every comment's text in memory).

Output (``OUT/pages``, Parquet or JSON lines): one row per page or failed input. The columns are the page
columns of storytrace's Parquet / CSV export (:data:`storytrace.store.export.PAGE_COLUMNS`), plus ``status``
(``analysed`` | ``failed`` as in the SQLite store, or ``duplicate``: an input holding the same page as an earlier
input of its partition, analysed once, its ``message`` naming that input), a failure's ``stage`` / ``error`` /
``message``, and
``record``: the page's (or failure's) ``as_dict()``, the same JSON as the dossier's ``pages/<id>.json``
(a JSON string in Parquet, a nested object in JSON lines). ``Page.from_dict`` reads it back.

Duplicates: repeated pages are collapsed within a partition (as ``storytrace analyze`` does for its run); the
same page in two partitions is analysed in both (two ``analysed`` rows with one ``id``: no shuffle of the bytes
to find them first), and the stories stage reads each ``id`` once.

Example:
    >>> from storytrace.scale.spark import run, session
    >>> spark = session("local[2]")  # doctest: +SKIP
    >>> run(spark, ["crawl/CC-NEWS-20240101.warc.gz"], "out", fmt="parquet")  # doctest: +SKIP
    {'pages': 9871, 'failed': 3, 'stories': 412, 'paths': {...}}
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UNREADABLE_INPUT, StorytraceError
from ..records import Duplicate, Failure, Page
from ..resources import Resources
from ..settings import Options
from ..store.export import PAGE_COLUMNS, column_type, page_rows

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession

COLUMNS = ("status", *PAGE_COLUMNS, "stage", "error", "message", "record")
SCHEMA = ", ".join(f"{c} {column_type(c)}" for c in COLUMNS)  # the export's column types
FORMATS = ("parquet", "jsonl")
READS = ("bytes", "paths")
_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # hdfs://, s3a://, file:/ ... (and http(s)://)

Row = str | tuple[str, bytes]  # a path an executor opens, or (path, bytes) from binaryFiles


# --- executors ------------------------------------------------------------------------------------
_EXECUTOR_RESOURCES: Resources | None = None


def executor_resources() -> Resources:
    """This Python process's :class:`Resources`, created on first use (its models load on first page)."""
    global _EXECUTOR_RESOURCES
    if _EXECUTOR_RESOURCES is None:
        _EXECUTOR_RESOURCES = Resources()
    return _EXECUTOR_RESOURCES


def analyze_partition(
    rows: Iterable[Row], options: Options | None = None, *, resources: Resources | None = None
) -> Iterator[dict[str, Any]]:
    """Analyse one partition; usable as ``rdd.mapPartitions(partial(analyze_partition, options=opts))``.

    Args:
        rows: ``(path, bytes)`` pairs (``SparkContext.binaryFiles``) or paths / URLs the executor reads
            itself. A file holds one page or many (WARC, WARC.gz, JSONL).
        options: the run's settings (``workers`` is ignored: Spark is the parallelism here).
        resources: loaded models (default: this process's, see :func:`executor_resources`).

    Yields:
        One JSON-serialisable row per page or failed input (:func:`result_row`). A bad input becomes a
        ``failed`` row; nothing is raised for it unless ``options.strict``.
    """
    from ..pipeline import collapse_duplicates
    from ..pipeline import run as run_pages

    options = (options or Options()).replace(workers=1, progress=False)
    items = collapse_duplicates(_ingest(rows, options))
    for result in run_pages(items, options, resources or executor_resources()):
        yield result_row(result)


def _ingest(rows: Iterable[Row], options: Options) -> Iterator[Page | Failure]:
    from ..ingest.readers import read_bytes, read_inputs

    for row in rows:
        try:
            if isinstance(row, str):
                yield from read_inputs([row], options)  # a path or URL: streamed, never held whole
            else:
                path, data = row
                yield from read_bytes(bytes(data), local_name(path), options)
        except Exception as exc:  # a malformed row (the readers themselves never raise): record, go on
            if options.strict:
                raise
            source = row if isinstance(row, str) else local_name(str(row[0])) if isinstance(row, tuple) else "?"
            # the record carries the source; the message says what went wrong (an uncoded error gets E100)
            message = str(exc) if isinstance(exc, StorytraceError) else f"[{UNREADABLE_INPUT}] {exc}"
            yield Failure(source=source, stage="ingest", error=type(exc).__name__, message=message)


def result_row(result: Page | Failure | Duplicate) -> dict[str, Any]:
    """The output row of a page, a failure or a duplicate input: export columns, status, failure fields,
    full record."""
    if isinstance(result, Page):
        row: dict[str, Any] = {"status": "analysed", **page_rows([result])[0]}
    elif isinstance(result, Duplicate):
        row = {"status": "duplicate", "id": result.page_id, "source": result.source, "n_body": 0, "n_comments": 0,
               "message": f"the same page as {result.same_as}, analysed there"}
    else:  # a skipped-records note (``Failure.failed`` False) is no failed input
        row = {"status": "failed" if result.failed else "skipped", "id": result.page_id, "source": result.source, "n_body": 0, "n_comments": 0,
               "errors": f"{result.stage}: {result.message}", "stage": result.stage, "error": result.error,
               "message": result.message}
    row["record"] = result.as_dict()
    return {c: row.get(c) for c in COLUMNS}


def local_name(path: str) -> str:
    """``file:/a/b`` (as Hadoop names local files) -> ``/a/b``, so sources read as in ``storytrace analyze``."""
    if path.startswith("file://"):
        return path[len("file://"):]
    return path[len("file:"):] if path.startswith("file:/") else path


# --- driver -----------------------------------------------------------------------------------------
def session(master: str | None = None, app_name: str = "storytrace", config: dict[str, str] | None = None
            ) -> SparkSession:
    """A SparkSession: ``master`` if given, else spark-submit's, else ``local[*]``. In local mode the Python
    workers run this interpreter, so they see this environment's storytrace (``PYSPARK_PYTHON`` is set to
    it unless already set)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    if master is None and not SparkConf().contains("spark.master"):
        master = "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if (master or "").startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable  # PySpark reads it when the SparkContext starts
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def run(
    spark: SparkSession,
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    options: Options | None = None,
    *,
    fmt: str = "parquet",
    read: str = "bytes",
    partitions: int | None = None,
    mode: str = "errorifexists",
) -> dict[str, Any]:
    """Analyse ``inputs`` on the cluster and write one row per page to ``OUT/pages`` (and stories to
    ``OUT/stories`` when ``options.with_stories``).

    Args:
        spark: the session (see :func:`session`).
        inputs: files or folders (local paths, or URIs Hadoop reads: ``hdfs://``, ``s3a://``, ...). Folders
            are read recursively, every entry as in ``storytrace analyze``: in a local folder, names starting
            with ``_`` or ``.`` (which Hadoop skips) are read by storytrace's readers, and a pipe, socket or
            device is a failed row (E109), never read (a local folder holding one is read by storytrace's
            readers whole, as binaryFiles would block on it); in an ``hdfs://`` or ``s3a://`` folder Hadoop's
            own rule holds (``_`` and ``.`` names skipped). ``http(s)://`` URLs are fetched by the executors
            with storytrace's own fetcher.
        out_dir: output folder (local path or Hadoop URI).
        options: the run's settings (default: every stage).
        fmt: ``parquet`` or ``jsonl``.
        read: ``bytes``: Spark reads each file whole (``binaryFiles``), so a file must fit in an executor's
            memory (and under 2 GB); ``paths``: each executor opens its paths itself and streams them (the
            paths must be readable from every executor, e.g. a shared filesystem), in bounded memory.
        partitions: minimum number of partitions (default: the default parallelism, i.e. the cores). A
            file is never split: a single WARC keeps one core busy.
        mode: Spark's save mode for the output (``errorifexists``, ``overwrite``, ...).

    Returns:
        ``{"pages": analysed, "failed": failed inputs, "duplicates": inputs holding a page already read in their
        partition, "skipped_notes": notes of records skipped inside inputs that gave pages (E110), "stories": number of stories, "stage_failures":
        [Failure dicts of driver-side stages], "paths": {"pages": ..., "stories": ...}, "failed_inputs": [the
        source and message of up to FAILED_LISTED failed inputs]}``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if read not in READS:
        raise ValueError(f"unknown read mode {read!r}; choose one of {', '.join(READS)}")
    options = (options or Options()).replace(workers=1, progress=False)
    base = os.fspath(out_dir).rstrip("/")
    paths = {"pages": f"{base}/pages"}
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    rows = _input_rows(spark.sparkContext, [os.fspath(i) for i in inputs], read, partitions)
    results = rows.mapPartitions(partial(analyze_partition, options=options))
    _write_rows(spark, results, paths["pages"], fmt, mode)
    counts = _status_counts(spark, paths["pages"], fmt)
    summary: dict[str, Any] = {"pages": counts.get("analysed", 0), "failed": counts.get("failed", 0),
                               "duplicates": counts.get("duplicate", 0), "skipped_notes": counts.get("skipped", 0), "stories": 0, "stage_failures": [], "paths": paths,
                               "failed_inputs": failed_inputs(spark, paths["pages"], fmt) if counts.get("failed") else []}
    if options.with_stories:
        failures: list[Failure] = []
        stories = driver_stories(spark, paths["pages"], fmt, options, failures)
        paths["stories"] = f"{base}/stories"
        lines = spark.createDataFrame([(json.dumps(s, ensure_ascii=False),) for s in stories], "value string")
        lines.coalesce(1).write.mode(mode).text(paths["stories"])
        summary.update(stories=len(stories), stage_failures=[f.as_dict() for f in failures])
    return summary


def _input_rows(sc: SparkContext, inputs: list[str], read: str, partitions: int | None) -> RDD:
    if not inputs:
        raise ValueError("no inputs given")
    if read == "paths":
        # local folders are listed here, in storytrace analyze's order, so that their files spread over tasks
        paths = []
        for item in inputs:
            if _URI.match(item) or not Path(item).is_dir():
                paths.append(item if _URI.match(item) else str(Path(item).absolute()))
            else:
                paths += _local_entries(Path(item))
        if not paths:
            raise ValueError(f"no files in {', '.join(inputs)}")
        return sc.parallelize(paths, partitions or min(len(paths), 8 * sc.defaultParallelism))
    # regular files Hadoop can read go to binaryFiles; URLs, local paths that do not exist (each of which becomes
    # a failed row, "cannot open ..."), files Hadoop would skip (hidden names) and folders holding a pipe, socket
    # or device (binaryFiles would block reading it) are read by storytrace's own readers in an executor
    hadoop, own = [], []
    for item in inputs:
        if item.lower().startswith(("http://", "https://")):
            own.append(item)
        elif _URI.match(item):
            hadoop.append(item)
        elif Path(item).is_dir():
            entries = _local_entries(Path(item))
            if any(not Path(path).is_file() for path in entries):  # Hadoop's task would block reading a pipe
                own += entries
            else:
                hadoop.append(Path(item).absolute().as_uri())
                own += [path for path in entries if _hidden_to_hadoop(Path(path), Path(item))]
        elif Path(item).is_file() and not Path(item).name.startswith(("_", ".")) and _utf8_name(item):
            # Hadoop drops hidden names and names that are not UTF-8
            hadoop.append(Path(item).absolute().as_uri())
        else:  # a name that is not UTF-8 (read here); missing, a pipe, socket or device: a failed row, nothing read
            own.append(str(Path(item).absolute()) if Path(item).exists() else item)
    rdds = []
    if hadoop:
        # folders are read recursively, as storytrace analyze does
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        files = sc.binaryFiles(",".join(hadoop), minPartitions=partitions)
        wanted = partitions or sc.defaultParallelism
        if (splits := files.getNumPartitions()) < wanted:
            # Spark packs small files into few splits (4 files of 1.5 MB came as one: one busy core), but the
            # work here is per page, not per byte: deal the files out over the cores (repartition would not:
            # PySpark pickles several rows as one record, and a record moves whole)
            numbered = files.mapPartitionsWithIndex(lambda split, it: ((split + i * splits, row)
                                                                       for i, row in enumerate(it)))
            files = numbered.partitionBy(wanted).values()
        rdds.append(files)
    if own:
        rdds.append(sc.parallelize(own, min(len(own), 8 * sc.defaultParallelism)))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def _local_entries(folder: Path) -> list[str]:
    """Every entry below a local folder but folders and system files (``.git/``, ``__MACOSX/``, ``.DS_Store``), as
    absolute paths in storytrace analyze's order: pipes, sockets and devices too (storytrace's readers refuse them,
    E109, without reading them)."""
    from ..ingest.readers import system_file

    return [str(p.absolute()) for p in sorted(folder.rglob("*")) if not p.is_dir() and not system_file(p, folder)]


def _hidden_to_hadoop(path: Path, folder: Path) -> bool:
    """Whether Hadoop's listing of ``folder`` leaves ``path`` out without a word (a name below the folder
    starting with ``_`` or ``.``, or a name whose bytes are not UTF-8; storytrace analyze reads them)."""
    parts = path.absolute().relative_to(folder.absolute()).parts
    return any(part.startswith(("_", ".")) for part in parts) or not _utf8_name(str(path))


def _utf8_name(path: str) -> bool:
    """A file name Hadoop can list: its bytes decode as UTF-8 (Python keeps other bytes as lone surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _write_rows(spark: SparkSession, results: RDD, path: str, fmt: str, mode: str) -> None:
    if fmt == "parquet":
        tuples = results.map(lambda row: tuple(json.dumps(row[c], ensure_ascii=False) if c == "record" else row[c]
                                               for c in COLUMNS))
        spark.createDataFrame(tuples, SCHEMA).write.mode(mode).parquet(path)
    else:
        lines = results.map(lambda row: (json.dumps(row, ensure_ascii=False),))
        spark.createDataFrame(lines, "value string").write.mode(mode).text(path)


def _status_counts(spark: SparkSession, path: str, fmt: str) -> dict[str, int]:
    frame = spark.read.parquet(path) if fmt == "parquet" else spark.read.schema("status string").json(path)
    return {row["status"]: row["count"] for row in frame.groupBy("status").count().collect()}


FAILED_LISTED = 20  # failed inputs the summary names; the rest are rows with status 'failed' in OUT/pages


def failed_inputs(spark: SparkSession, path: str, fmt: str, limit: int = FAILED_LISTED) -> list[dict[str, str]]:
    """``source`` and ``message`` of up to ``limit`` failed rows written by :func:`run`, by source."""
    if fmt == "parquet":
        frame = spark.read.parquet(path)
    else:
        frame = spark.read.schema("status string, source string, message string").json(path)
    rows = frame.where("status = 'failed'").select("source", "message").orderBy("source").limit(limit).collect()
    return [{"source": row["source"], "message": row["message"]} for row in rows]


def page_records(spark: SparkSession, path: str, fmt: str) -> RDD:
    """The ``record`` (a page's ``as_dict()``) of every analysed row written by :func:`run`."""
    if fmt == "parquet":
        frame = spark.read.parquet(path).where("status = 'analysed'").select("record")
        return frame.rdd.map(lambda row: json.loads(row["record"]))
    rows = spark.read.text(path).rdd.map(lambda line: json.loads(line["value"]))
    return rows.filter(lambda row: row["status"] == "analysed").map(lambda row: row["record"])


def _shell_dict(record: dict[str, Any]) -> dict[str, Any]:
    from ..stories import shell_of

    return shell_of(Page.from_dict(record)).as_dict()


def driver_stories(spark: SparkSession, path: str, fmt: str, options: Options, failures: list[Failure],
                   resources: Resources | None = None) -> list[dict[str, Any]]:
    """The stories stage on the driver, over story shells made in the executors from the rows at ``path``.

    Memory on the driver: ~2.3 KB a page (lead embedding, MinHash signature) plus the sentence encoder; the
    shells themselves are spilled to a SQLite file in a local temporary folder. A failure of the stage is
    appended to ``failures`` (as in ``storytrace analyze``) and no stories are returned.
    """
    from ..pipeline import tell_stories
    from ..stories import SpilledShellStore, StoryPages, StoryShell

    resources = resources or Resources()
    shells = page_records(spark, path, fmt).map(_shell_dict)
    with tempfile.TemporaryDirectory(prefix="storytrace-spark-") as tmp:
        pages = StoryPages(lambda: resources.get("sentence_encoder"),
                           SpilledShellStore(Path(tmp) / "story_shells.sqlite"))
        seen: set[str] = set()  # a page analysed in two partitions is one page of its story
        try:
            for shell in shells.toLocalIterator():
                if shell["id"] not in seen:
                    seen.add(shell["id"])
                    pages.add(StoryShell.from_dict(shell))
            return tell_stories(pages, options, failures, resources)
        finally:
            pages.close()


__all__ = ["COLUMNS", "SCHEMA", "analyze_partition", "driver_stories", "executor_resources", "failed_inputs", "page_records",
           "result_row", "run", "session"]
