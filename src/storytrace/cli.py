"""The ``storytrace`` command. Parsing only: every command calls a plain function of the API.

Imports nothing heavy at module level, so ``storytrace --help`` is instant.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any, Self

from . import __version__
from .settings import COMMENT_CALIBRATIONS, DEFAULT_COMMENT_CALIBRATION


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storytrace",
        description="Trace a news story across outlets and the comment sections under it.",
    )
    parser.add_argument("--version", action="version", version=f"storytrace {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyse pages, files, folders, WARC, JSONL or URLs",
                                  epilog=EXIT_STATUS_HELP)
    analyze.add_argument("inputs", nargs="*", metavar="PATH_OR_URL",
                         help=("HTML or text pages, folders (read recursively), WARC, JSONL or gzip files, and "
                               "http(s) URLs; the format is read from the content, not the file name"))
    analyze.add_argument("--inputs-from", metavar="FILE",
                         help=("also read inputs from FILE, one path or URL a line (blank lines and lines starting "
                               "with # are skipped; - reads standard input): a list too long for the command line"))
    _add_run_options(analyze, default_out="storytrace-out")

    demo = commands.add_parser("demo", help="run on the example pages shipped with storytrace", epilog=EXIT_STATUS_HELP)
    _add_run_options(demo, default_out="storytrace-demo")

    export = commands.add_parser("export", help="export stored pages to JSONL, CSV or Parquet")
    export.add_argument("--db", required=True, help="SQLite store written by analyze")
    export.add_argument("--format", choices=("jsonl", "csv", "csv-excel", "parquet"), default="jsonl",
                        help="file format; csv-excel is CSV with a UTF-8 byte order mark, which Excel needs to show "
                             "non-Latin text (default: %(default)s)")
    export.add_argument("--table", choices=("pages", "comments", "stories", "relations", "replaced", "coordination"),
                        default="pages",
                        help=("one row per page, comment, story, relation between two pages of a story, "
                              "earlier version of an input whose content changed, or comment posted in a coordinated "
                              "cluster (the same text under several names or on several pages) (default: %(default)s)"))
    export.add_argument("--out", required=True, help="file to write; - writes to standard output")

    spark = commands.add_parser("spark", help="analyse files, folders or WARC on a Spark cluster (the spark extra)",
                                epilog=EXIT_STATUS_HELP)
    spark.add_argument("inputs", nargs="+", metavar="PATH", help="files or folders: local, hdfs://, s3a://, ...")
    _add_spark_options(spark)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on; 0.0.0.0 listens on every interface (default: %(default)s)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on, 1-65535 (default: %(default)s)")
    serve.add_argument("--max-concurrent-analyses", type=_positive(int), default=2,
                       help="requests analysed at once (default: %(default)s)")
    serve.add_argument("--max-waiting-requests", type=_non_negative_int, default=8,
                       help="requests waiting for an analysis slot; beyond, 503 with Retry-After (default: %(default)s)")
    serve.add_argument("--max-request-mb", type=_positive(float), default=50,
                       help="largest request body in MB; larger is refused with 413 (default: %(default)s)")
    serve.add_argument("--read-timeout", type=_positive(float), default=120, metavar="S",
                       help="seconds a client has to send its request body, else 408; its headers get at most 30 s, "
                            "else the connection is closed (default: %(default)s)")
    serve.add_argument("--request-timeout", type=_positive(float), default=300, metavar="S",
                       help="seconds a request's analysis may take, waiting for a slot included; past it the client "
                            "gets 504 and the analysis stops before its next page (the page being analysed is not "
                            "interrupted) (default: %(default)s)")
    serve.add_argument("--preload", action="store_true",
                       help="load every model before taking requests (the port opens when they are loaded, and a "
                            "broken install fails at start); by default each loads on first use")
    return parser


# exit statuses of analyze and demo
SOME_INPUTS_FAILED = 3
EXIT_STATUS_HELP = (f"exit status: 0 every input analysed; {SOME_INPUTS_FAILED} some inputs failed and the rest were "
                    "analysed, or a stage (facts, comments) failed on some pages (the failures are listed, and kept "
                    "in the dossier and the store); 1 no input could be "
                    "analysed; 2 usage error or output folder not writable; 130 or 143 stopped by Ctrl-C or SIGTERM")
REDO_HELP = ("analyse every input again; by default a page the --db store already holds, analysed by this code "
             "with the same options, is reused (failed inputs are always tried again)")
COMMENT_CHROME_HELP = ("plain-text pages: read comment sections that keep author, date and 'Reply' lines "
                       "between the comments with the chrome-trained line model")
COMMENT_CALIBRATION_HELP = ("how comment scores are calibrated: news_comments (the default: reader comments under "
                            "articles) or training (tweets: about seven times the false alarms and 2.5 times the "
                            "recall at 0.5)")
COMMENT_AUTHORS_HELP = ("plain-text pages: fill comment authors and dates from the chrome lines around the comments "
                        "(experimental: 0.946 precision on held-out pages with --comment-chrome; abstains when unsure)")


def _add_comment_options(stages: Any) -> None:
    """How plain-text comment sections are read and how comment scores are calibrated (analyze, demo, spark)."""
    stages.add_argument("--comment-chrome", action="store_true", help=COMMENT_CHROME_HELP)
    stages.add_argument("--comment-authors", action="store_true", help=COMMENT_AUTHORS_HELP)
    stages.add_argument("--comment-calibration", choices=COMMENT_CALIBRATIONS, default=DEFAULT_COMMENT_CALIBRATION,
                        help=COMMENT_CALIBRATION_HELP)


def _stage_options(args: argparse.Namespace) -> dict[str, Any]:
    """The Options fields the stage flags set (shared by analyze, demo and spark)."""
    return {"with_facts": not args.no_facts, "with_comments": not args.no_comments,
            "with_stories": not args.no_stories, "text_comment_chrome": args.comment_chrome,
            "text_comment_authors": args.comment_authors, "comment_calibration": args.comment_calibration}


def _add_run_options(cmd: argparse.ArgumentParser, default_out: str) -> None:
    output = cmd.add_argument_group("Output")
    output.add_argument("--out", default=default_out, help=f"folder for the dossier (default: {default_out})")
    output.add_argument("--json", action="store_true", help="also print the dossier JSON to stdout")
    output.add_argument("--db", help="SQLite store (default: OUT/storytrace.sqlite)")
    stages = cmd.add_argument_group("Stages")
    stages.add_argument("--no-facts", action="store_true", help="skip entities, quantities, dates, claims, topics")
    stages.add_argument("--no-comments", action="store_true", help="skip comment analysis")
    stages.add_argument("--no-stories", action="store_true",
                        help="skip story grouping, copy/rewrite relations and claim comparison")
    _add_comment_options(stages)
    run = cmd.add_argument_group("Run")
    run.add_argument("--workers", type=_positive(int), default=1, help="worker processes (default: 1)")
    run.add_argument("--allow-private-addresses", action="store_true",
                     help="let URLs reach loopback, private and link-local addresses")
    run.add_argument("--timeout", type=_positive(float), default=15.0, help="seconds per URL (default: 15)")
    run.add_argument("--strict", action="store_true", help="stop on the first stage error (debugging)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--redo", action="store_true", help=REDO_HELP)


def _number_type(number: type[int | float], accepts: Any, requirement: str) -> Any:
    """An argparse type: a ``number`` that ``accepts`` takes, else a usage error naming the value and the
    ``requirement`` ("must be above 0, got -1"), not a traceback later."""

    def parse(value: str) -> int | float:
        try:
            parsed = number(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if not accepts(parsed):
            raise argparse.ArgumentTypeError(f"{requirement}, got {value}")
        return parsed

    parse.__name__ = number.__name__  # argparse names the type in its messages
    return parse


def _positive(number: type[int | float]) -> Any:
    """An argparse type: a number above zero."""
    return _number_type(number, lambda n: n > 0, "must be above 0")


_non_negative_int = _number_type(int, lambda n: n >= 0, "must be 0 or more")
# a TCP port: a usage error naming the range, not a traceback from bind
_port = _number_type(int, lambda n: 1 <= n <= 65535, "must be from 1 to 65535")


def _add_spark_options(cmd: argparse.ArgumentParser) -> None:
    output = cmd.add_argument_group("Output")
    output.add_argument("--out", required=True, help="output folder: OUT/pages (one row per page), OUT/stories")
    output.add_argument("--format", choices=("parquet", "jsonl"), default="parquet",
                        help="file format (default: %(default)s)")
    output.add_argument("--overwrite", action="store_true", help="replace an existing output")
    stages = cmd.add_argument_group("Stages")
    stages.add_argument("--no-facts", action="store_true", help="skip entities, quantities, dates, claims, topics")
    stages.add_argument("--no-comments", action="store_true", help="skip comment analysis")
    stages.add_argument("--no-stories", action="store_true", help="skip the stories stage (it runs on the driver)")
    _add_comment_options(stages)
    run = cmd.add_argument_group("Spark")
    run.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    run.add_argument("--read", choices=("bytes", "paths"), default="bytes",
                     help=("bytes: Spark reads each file whole; paths: executors stream paths they can open "
                           "(default: %(default)s)"))
    run.add_argument("--partitions", type=_positive(int), help="minimum number of partitions")
    run.add_argument("--strict", action="store_true", help="stop on the first stage error (debugging)")


def options_from_args(args: argparse.Namespace) -> Any:
    from .settings import Options

    return Options(
        **_stage_options(args),
        workers=args.workers,
        allow_private_addresses=args.allow_private_addresses,
        fetch_timeout=args.timeout,
        strict=args.strict,
        progress=not args.quiet,
    )


def run_analyze(inputs: list[str], args: argparse.Namespace) -> int:
    from .api import iter_results
    from .pipeline import coordinate, stage_errors, tell_stories
    from .records import Page
    from .report.write import DossierWriter
    from .store import SQLiteStore

    options = options_from_args(args)
    out = Path(args.out)
    db_path = Path(args.db) if args.db else out / "storytrace.sqlite"
    for folder in (out, db_path.parent):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"storytrace: error: cannot write to {folder}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    # streams: no page is held in memory after it is written (comments only when coordination needs them,
    # a lead embedding and MinHash signature per page when stories run; their shells go to a temp file).
    # Finished pages go to the store before the writer sees them, so a stopped run keeps them for the next one.
    if (store := _open_store(db_path, SQLiteStore)) is None:
        return 2
    pages, incomplete = 0, []  # incomplete: (source, stage errors) of each page a stage failed on
    with (
        store,
        DossierWriter(out, keep_comments=options.with_comments, keep_stories=options.with_stories) as writer,
        _Progress(options.progress) as bar,
        closing(iter_results(inputs, options, store=store, redo=args.redo, on_reuse=bar.reused)) as results,
    ):
        for result in results:
            writer.add(result)
            pages += isinstance(result, Page)
            if isinstance(result, Page) and (errors := stage_errors(result)):
                incomplete.append((result.source, errors))  # not the page: the run streams, memory stays flat
            bar.update(1)
        counts = store.counts()
        coordination = coordinate(writer.thread_shells, options, writer.failures)
        stories = tell_stories(writer.story_pages, options, writer.failures)
        store.add_stories(stories)
        store.add_coordination(coordination)  # for export --table coordination
        paths = writer.close(coordination, stories)
    failures = [f for f in writer.failures if f.failed]
    skipped, duplicates = [f for f in writer.failures if not f.failed], writer.duplicates
    if args.json:
        _json_to_stdout(paths["dossier"])
    print(
        f"{pages} page(s) analysed, {len(failures)} input(s) failed"
        f"{f', {len(incomplete)} page(s) with a failed stage (results incomplete)' if incomplete else ''}"
        f"{f', {len(skipped)} input(s) with records that are not pages' if skipped else ''}"
        f"{f', {len(duplicates)} duplicate input(s) analysed once' if duplicates else ''}"
        f"{f', {bar.n_reused} reused from the store (analysed before; --redo analyses them again)' if bar.n_reused else ''}"
        f" (store {db_path}: {counts['pages']} page(s), {counts['failed']} failed input(s) in all)\n"
        f"dossier: {paths['html'].resolve()}\n"
        f"json:    {paths['dossier'].resolve()}",
        file=sys.stderr,
    )
    for label, listed in (("failed", failures), ("skipped", skipped)):
        for failure in listed:
            where = "" if failure.source in failure.message else f"{failure.source}: "
            print(shown(f"  {label}: {where}{failure.message}"), file=sys.stderr)
    _list_stage_failures(incomplete)
    for duplicate in duplicates:
        print(shown(f"  duplicate: {duplicate.source} holds the same page as {duplicate.same_as} (analysed once)"),
              file=sys.stderr)
    if not (failures or incomplete):  # a page whose comments or facts stage failed is not fully analysed
        return 0
    return SOME_INPUTS_FAILED if pages else 1


def _list_stage_failures(pages: list[tuple[str, list[str]]]) -> None:
    """Each page (its source) on which a stage failed, with the stage's errors (a model that could not load fails
    every page: the exit status and these lines say so, not only a log line per page)."""
    for source, errors in pages:
        for error in errors:
            print(shown(f"  stage failed: {source}: {error}"), file=sys.stderr)


def _open_store(db_path: Path, store_class: Any) -> Any:
    """The run's store, or None after saying on stderr why it cannot be used (a folder, a file that is not a
    storytrace store, a database that cannot be opened): a usage error, before any page is read."""
    import sqlite3

    from .errors import StorytraceError

    if db_path.is_dir():
        print(f"storytrace: error: the store {db_path} is a folder; give a file name (--db DIR/storytrace.sqlite)",
              file=sys.stderr)
        return None
    from .store import StoreError

    try:
        return store_class(db_path)
    except StoreError as exc:  # locked by another run: the file is a store, and moving it away would be wrong
        print(shown(f"storytrace: error: {exc}"), file=sys.stderr)
        return None
    except (StorytraceError, sqlite3.Error, OSError) as exc:
        reason = str(exc) if str(db_path) in str(exc) else f"cannot open the store {db_path}: {exc}"
        print(shown(f"storytrace: error: {reason}; give another --db, or move the file away to start a new store"),
              file=sys.stderr)
        return None


PROGRESS_AFTER_PAGES = 5  # short runs print no bar: it appears once more pages than this are done


def _json_to_stdout(path: Path) -> None:
    """dossier.json to stdout. A reader that stops early (``--json | head``) is no error: the rest goes nowhere,
    and the summary and failures still come on stderr."""
    try:
        with path.open(encoding="utf-8") as dossier_json:
            shutil.copyfileobj(dossier_json, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: control and format characters (ESC, BEL, C1 controls, bidi overrides,
    which a hostile URL in a WARC can carry) are written as ``\\x1b`` / ``\\u202e``, so they cannot retitle or clear
    the terminal, write its clipboard (OSC 52) or reorder the line, and the reader still sees them."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
                   for ch in text)


class _Progress:
    """A page counter that starts a tqdm bar only once more than PROGRESS_AFTER_PAGES pages are done (the
    number of pages is unknown ahead: a folder or a WARC can hold one page or thousands). When stderr is a log file,
    not a terminal, it writes a whole line every LOG_EVERY_SECONDS instead: a bar's carriage returns and blanking
    spaces would end up in the log before the summary line."""

    def __init__(self, enabled: bool) -> None:
        self.enabled, self.done, self.bar, self.n_reused = enabled, 0, None, 0
        self.last_logged = time.monotonic()

    def reused(self, _page: object = None) -> None:
        """One more page taken from the store instead of analysed; the bar says how many."""
        self.n_reused += 1

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            if self.n_reused:
                self.bar.set_postfix_str(f"{self.n_reused} reused", refresh=False)
            self.bar.update(n)
        elif self.enabled and self.done > PROGRESS_AFTER_PAGES:
            if sys.stderr.isatty():
                from tqdm import tqdm

                self.bar = tqdm(desc="pages", unit="page", initial=self.done, file=sys.stderr, leave=False,
                                mininterval=0.1, maxinterval=10.0)
            else:
                self._log_line()

    def _log_line(self) -> None:
        now = time.monotonic()
        if now - self.last_logged < LOG_EVERY_SECONDS:
            return
        self.last_logged = now
        reused = f" ({self.n_reused} reused from the store)" if self.n_reused else ""
        print(f"pages: {self.done} done{reused}", file=sys.stderr, flush=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


LOG_EVERY_SECONDS = 30.0  # progress lines in a log file (stderr not a terminal)


def run_export(args: argparse.Namespace) -> int:
    from .errors import StorytraceError
    from .store import SQLiteStore, export, export_coordination, export_replaced, export_stories

    to_stdout = args.out == "-"  # as most tools read "-": a file named "-" was written instead
    try:
        with SQLiteStore(args.db, create=False) as store, _export_target(args.out) as out:
            if args.table in ("stories", "relations"):
                n = export_stories(store.stories(), out, args.format, table=args.table)
            elif args.table == "replaced":
                n = export_replaced(store.replaced_pages(), out, args.format)
            elif args.table == "coordination":
                n = export_coordination(store.coordination(), store.pages(), out, args.format)
            else:
                stories = store.stories() if args.table == "pages" else ()  # the pages table's story_id
                n = export(store.pages(), out, args.format, table=args.table, stories=stories)
            unreadable = store.unreadable
    except BrokenPipeError:  # export ... --out - | head
        _quiet_broken_pipe()
        if args.format != "parquet":  # a reader may stop after the lines it wants
            return 0
        # a Parquet file is readable only whole (its index is at the end): a cut one is no table
        print("storytrace export: error: standard output was closed before the whole Parquet file was written; "
              "the reader got an incomplete file (write it with --out FILE instead)", file=sys.stderr)
        return 1
    except (StorytraceError, OSError) as exc:
        print(f"storytrace export: error: {exc}", file=sys.stderr)
        return 2
    print(f"{n} row(s) written to {'standard output' if to_stdout else args.out}", file=sys.stderr)
    if unreadable:
        print(f"storytrace export: warning: {len(unreadable)} stored record(s) could not be read and are left out "
              "(re-run analyze with the same --db to write them again):", file=sys.stderr)
        for what, why in unreadable[:20]:
            print(shown(f"  {what}: {why}"), file=sys.stderr)
    return 0


@contextmanager
def _export_target(out: str) -> Iterator[str]:
    """The file to export into: ``out``, or for "-" a temporary file copied to standard output once complete."""
    if out != "-":
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="storytrace-export-") as folder:
        path = os.path.join(folder, "export")
        yield path
        with open(path, "rb") as table:
            shutil.copyfileobj(table, sys.stdout.buffer)
        sys.stdout.flush()


def _quiet_broken_pipe() -> None:
    """Standard output was closed by its reader (``| head``): Python's own flush of stdout at exit must not fail
    again, so stdout's descriptor goes to /dev/null."""
    with suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run_spark(args: argparse.Namespace) -> int:
    """The spark command, with analyze's exit statuses (0, 3 some inputs failed, 1 none analysed, 2 usage
    error or an output that exists, 130 / 143 stopped)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("the spark command needs extras and Java: pip install 'storytrace[spark]'", file=sys.stderr)
        return 2
    try:
        with _interruptible():
            summary = _spark_run(args)
    except KeyboardInterrupt as exc:
        print("storytrace spark: stopped", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    if isinstance(summary, str):
        print(f"storytrace spark: error: {summary}", file=sys.stderr)
        return 2
    print(spark_summary(summary), file=sys.stderr)
    for failed in summary.get("failed_inputs", []):
        where = "" if failed["source"] in (failed["message"] or "") else f"{failed['source']}: "
        print(shown(f"  failed: {where}{failed['message']}"), file=sys.stderr)
    if (unlisted := summary["failed"] - len(summary.get("failed_inputs", []))) > 0:
        print(f"  ... and {unlisted} more failed input(s): the rows with status 'failed' in {summary['paths']['pages']}",
              file=sys.stderr)
    for failure in summary["stage_failures"]:
        print(shown(f"  failed: {failure['stage']}: {failure['message']}"), file=sys.stderr)
    if not (summary["failed"] or summary["stage_failures"]):
        return 0
    return SOME_INPUTS_FAILED if summary["pages"] else 1


def _spark_run(args: argparse.Namespace) -> dict[str, Any] | str:
    """The run's summary, or what was wrong with the request (no files, an output that exists)."""
    from pyspark.errors import AnalysisException

    from .scale.spark import run, session
    from .settings import Options

    options = Options(**_stage_options(args), strict=args.strict, progress=False)
    spark = session(args.master)
    try:
        return run(spark, args.inputs, args.out, options, fmt=args.format, read=args.read,
                   partitions=args.partitions, mode="overwrite" if args.overwrite else "errorifexists")
    except ValueError as exc:
        return str(exc)
    except AnalysisException as exc:
        if "already exists" not in str(exc):
            raise
        return f"{args.out} already holds output ({str(exc).splitlines()[0]}); give --overwrite to replace it"
    finally:
        spark.stop()


def spark_summary(summary: dict[str, Any]) -> str:
    """What the spark command prints: counts, then the output paths."""
    stories = "1 story" if summary["stories"] == 1 else f"{summary['stories']} stories"
    counts = f"{summary['pages']} page(s) analysed, {summary['failed']} input(s) failed, {stories}"
    if skipped := summary.get("skipped_notes"):
        counts += f"; {skipped} input(s) had records skipped (rows with status 'skipped')"
    return "\n".join([counts, *(f"{k}: {v}" for k, v in summary["paths"].items())])


HEADER_TIMEOUT_SECONDS = 30.0


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .resources import LOADERS
        from .service import ServiceSettings, create_app
        from .service.protocol import with_header_timeout
    except ImportError:
        print("the service needs extras: pip install 'storytrace[service]'", file=sys.stderr)
        return 2
    settings = ServiceSettings(max_concurrent_analyses=args.max_concurrent_analyses,
                               max_waiting_requests=args.max_waiting_requests,
                               max_request_bytes=int(args.max_request_mb * 1024 * 1024),
                               request_read_timeout=args.read_timeout, request_timeout=args.request_timeout,
                               preload=tuple(LOADERS) if args.preload else ())
    # headers come in one packet from any real client: they get at most 30 s, a body the whole read timeout
    uvicorn.run(create_app(settings), host=args.host, port=args.port,
                http=with_header_timeout(min(args.read_timeout, HEADER_TIMEOUT_SECONDS)))
    return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that ``with`` blocks remove partial output and temp files."""


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM (``kill``, a job scheduler's timeout) unwinds like Ctrl-C while a run writes its output."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _analyze_until_interrupted(inputs: list[str], args: argparse.Namespace) -> int:
    """run_analyze; Ctrl-C or SIGTERM stop it with exit status 130 or 143 and no partial dossier or temp folder
    left in the output folder (the store keeps the pages finished so far, for the next run to reuse)."""
    import sqlite3

    from .store import StoreError

    try:
        with _interruptible():
            return run_analyze(inputs, args)
    except StoreError as exc:  # locked by another program past the 2-minute wait, a full disk, a vanished file
        print(shown(f"storytrace: error: {exc}. No dossier written; the pages stored before are kept, and the same "
                    "command run again reuses them"), file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # a store class of the caller's that lets sqlite3's errors through
        db = args.db or str(Path(args.out) / "storytrace.sqlite")
        print(shown(f"storytrace: error: the store {db} could not be written ({exc}); no dossier written. The pages "
                    "stored before are kept: run the same command again when the store is free"), file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print("storytrace: stopped; no dossier written. The store keeps the pages finished so far: run the same "
              "command again to reuse them and analyse the rest", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130


def _all_inputs(args: argparse.Namespace) -> list[str] | None:
    """The inputs named on the command line, then those of ``--inputs-from``; None after a usage error on stderr
    (no input at all, a list that cannot be read)."""
    inputs = list(args.inputs)
    if args.inputs_from:
        try:
            inputs += _read_input_list(args.inputs_from)
        except (OSError, ValueError) as exc:
            print(shown(f"storytrace analyze: error: cannot read the list of inputs {args.inputs_from}: {exc}"),
                  file=sys.stderr)
            return None
    if not inputs:
        print("storytrace analyze: error: no input: give PATH_OR_URL or --inputs-from FILE", file=sys.stderr)
        return None
    return inputs


def _read_input_list(name: str) -> list[str]:
    """One path or URL a line; blank lines and ``#`` comments skipped, surrounding spaces stripped."""
    from .ingest.sniff import wide_text

    if name == "-":  # bytes, as from a file: PowerShell pipes UTF-16, Windows tools write a UTF-8 byte order mark
        stdin = getattr(sys.stdin, "buffer", None)
        data = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
    else:
        data = Path(name).read_bytes()  # Notepad's "Unicode" is UTF-16: its list was "not UTF-8" (exit 2)
    try:
        lines = wide_text(data).splitlines()  # strict: a mis-read letter in a path would name another file
    except UnicodeDecodeError as exc:
        raise ValueError(_not_unicode(data, exc)) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _not_unicode(data: bytes, exc: UnicodeDecodeError) -> str:
    """Which line of a list of inputs does not decode, and what to do (Python's codec message names a byte offset)."""
    line = data[:exc.start].decode(exc.encoding, "replace").count("\n") + 1
    shown_codec = "UTF-8" if exc.encoding.startswith("utf-8") else exc.encoding.upper()
    return (f"line {line} is not {shown_codec} (byte 0x{data[exc.start]:02x}); save the list as UTF-8 "
            "(e.g. iconv -f latin1 -t utf-8 LIST > LIST.utf8)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "analyze":
        inputs = _all_inputs(args)
        return 2 if inputs is None else _analyze_until_interrupted(inputs, args)
    if args.command == "demo":
        from .api import demo_corpus

        return _analyze_until_interrupted([str(demo_corpus())], args)
    if args.command == "export":
        return run_export(args)
    if args.command == "spark":
        return run_spark(args)
    if args.command == "serve":
        return run_serve(args)
    parser.print_help(sys.stderr)  # no command is a usage error (exit 2), as a script calling it must learn
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
