"""The PySpark runner: the same pages as storytrace.analyze, one row each, bad input as failed rows.

The runner tests need pyspark (the ``spark`` extra) and Java and are skipped without them; the
partition function itself is tested without Spark.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storytrace.api import analyze
from storytrace.records import Failure, Page
from storytrace.scale.spark import COLUMNS, analyze_partition, result_row
from storytrace.settings import Options
from tests.conftest import GOOD_HTML, warc_bytes

HOSTILE_HTML = (
    "<!doctype html><html><head><title>\u202eevil\u202c </title> \"quotes\" \\ back\\slash \u2028"
    "</title><script>alert('x')</script></head><body><article><h1>Hostile </h1><!-- --> page</h1>"
    "<p>" + "Officials said the port reopened on Monday after a week of repairs, and ships queued. " * 4
    + "</p><p>{\"json\": [1, 2]} </p><p>\U0001f600 \ud7ff \ufffe emoji</p></article></body></html>"
)
WARC_PAGES = [
    ("https://news.example/a", GOOD_HTML),
    ("https://news.example/b", GOOD_HTML.replace("Sappers head to Kursk", "Engineers sent to Kursk")
     .replace("1,000 sappers", "2,000 sappers")),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two demo pages, a two-page WARC.gz in a subfolder, a hostile page, and two bad inputs."""
    from storytrace.api import demo_corpus

    folder = tmp_path_factory.mktemp("spark") / "inputs"
    folder.mkdir()
    for page in demo_corpus().iterdir():
        shutil.copy(page, folder / page.name)
    (folder / "sub").mkdir()  # folders are read recursively, as by storytrace analyze
    (folder / "sub" / "news.warc.gz").write_bytes(warc_bytes(WARC_PAGES))
    (folder / "hostile.html").write_bytes(HOSTILE_HTML.encode("utf-8", "surrogatepass") + b"\xff\xfe tail")
    whole = warc_bytes([(f"https://cut.example/{i}", GOOD_HTML.replace("Kursk", f"Kursk {i}")) for i in range(3)])
    (folder / "truncated.warc.gz").write_bytes(whole[: len(whole) - 200])
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 40)
    return folder


@pytest.fixture(scope="module")
def run_options() -> Options:
    return Options(with_stories=True, progress=False)


@pytest.fixture(scope="module")
def expected(inputs: Path, run_options: Options):
    """What storytrace.analyze finds in the same folder."""
    return analyze([inputs], options=run_options)


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="needs the spark extra: pip install 'storytrace[spark]'")
    if shutil.which("java") is None:
        pytest.skip("PySpark needs Java (apt-get install default-jre-headless)")
    from storytrace.scale.spark import session

    spark = session("local[1]", config={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "1"})
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def parquet_run(spark, inputs: Path, run_options: Options, tmp_path_factory: pytest.TempPathFactory):
    from storytrace.scale.spark import run

    out = tmp_path_factory.mktemp("spark-out") / "parquet"
    summary = run(spark, [inputs], out, run_options, fmt="parquet")
    rows = [row.asDict() for row in spark.read.parquet(str(out / "pages")).collect()]
    return summary, rows, out


def _by_source(rows: list[dict]) -> dict[str, dict]:
    return {row["source"]: row for row in rows}


@pytest.mark.parametrize("field", ["id", "title", "n_comments", "n_body", "language"])
def test_spark_parquet_rows_match_analyze(parquet_run, expected, field):
    _, rows, _ = parquet_run
    analysed = {row["source"]: row for row in rows if row["status"] == "analysed"}
    want = {p.source: p for p in expected.pages}
    assert sorted(analysed) == sorted(want) and len(want) == 2 + 2 + 1 + 2  # demo, WARC, hostile, cut WARC
    values = {"n_comments": lambda p: len(p.comments), "n_body": lambda p: len(p.body)}
    get = values.get(field, lambda p: getattr(p, field))
    assert {s: r[field] for s, r in analysed.items()} == {s: get(p) for s, p in want.items()}


def test_spark_parquet_record_is_the_page_json(parquet_run, expected):
    _, rows, _ = parquet_run
    want = {p.source: p for p in expected.pages}
    for row in rows:
        if row["status"] != "analysed":
            continue
        page = Page.from_dict(json.loads(row["record"]))
        mine = want[row["source"]]
        assert (page.id, page.title, page.body, page.errors) == (mine.id, mine.title, mine.body, mine.errors)
        assert [c.text for c in page.comments] == [c.text for c in mine.comments]
        assert [sorted(c.scores) for c in page.comments] == [sorted(c.scores) for c in mine.comments]
        assert sorted(page.facts) == sorted(mine.facts) and page.facts.get("topics") == mine.facts.get("topics")


def test_spark_bad_inputs_are_failed_rows_and_the_rest_comes_out(parquet_run, expected, inputs):
    summary, rows, _ = parquet_run
    failed = [row for row in rows if row["status"] == "failed"]
    assert sorted(f["source"] for f in failed) == sorted(f.source for f in expected.failures)
    by_name = {Path(f["source"].split("#")[0]).name: f for f in failed}
    assert set(by_name) == {"binary.dat", "truncated.warc.gz"}
    assert "not a news page" in by_name["binary.dat"]["message"]
    assert "truncated or corrupt WARC" in by_name["truncated.warc.gz"]["message"]
    assert all(f["stage"] == "ingest" and f["errors"].startswith("ingest: ") for f in failed)
    assert Failure.from_dict(json.loads(by_name["binary.dat"]["record"])).error == "InputError"
    cut = [r for r in rows if r["status"] == "analysed" and "truncated.warc.gz" in r["source"]]
    assert len(cut) == 2  # the complete records before the cut are kept
    assert (summary["pages"], summary["failed"]) == (len(expected.pages), len(expected.failures))


def test_spark_stories_on_the_driver_match_analyze(parquet_run, expected):
    summary, _, out = parquet_run
    lines = [line for part in sorted((out / "stories").glob("part-*")) for line in part.read_text("utf-8").splitlines()]
    stories = [json.loads(line) for line in lines]
    assert summary["stories"] == len(stories) == len(expected.stories) > 0
    groups = sorted(sorted(p["id"] for p in s["pages"]) for s in stories)
    assert groups == sorted(sorted(p["id"] for p in s["pages"]) for s in expected.stories)
    assert summary["stage_failures"] == []


def test_spark_jsonl_streamed_paths_give_the_same_pages_and_stories(spark, inputs, expected, tmp_path):
    from storytrace.scale.spark import run

    options = Options(with_stories=True, progress=False)
    summary = run(spark, inputs, tmp_path / "jsonl", options, fmt="jsonl", read="paths", partitions=2)
    lines = [line for part in sorted((tmp_path / "jsonl" / "pages").glob("part-*"))
             for line in part.read_text("utf-8").splitlines()]
    rows = [json.loads(line) for line in lines]
    assert all(list(row) == list(COLUMNS) for row in rows)
    assert {r["source"]: r["id"] for r in rows if r["status"] == "analysed"} == {p.source: p.id for p in expected.pages}
    assert all(r["record"]["id"] == r["id"] for r in rows if r["status"] == "analysed")
    assert sorted(r["source"] for r in rows if r["status"] == "failed") == sorted(f.source for f in expected.failures)
    stories = [json.loads(line) for part in sorted((tmp_path / "jsonl" / "stories").glob("part-*"))
               for line in part.read_text("utf-8").splitlines()]
    groups = sorted(sorted(p["id"] for p in s["pages"]) for s in stories)
    assert summary["stories"] == len(stories) and groups == sorted(sorted(p["id"] for p in s["pages"])
                                                                    for s in expected.stories)


def test_spark_missing_path_is_a_failed_row(spark, tmp_path):
    from storytrace.scale.spark import run

    good = tmp_path / "good.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    options = Options(with_facts=False, with_comments=False, with_stories=False, progress=False)
    summary = run(spark, [good, tmp_path / "missing.html"], tmp_path / "out", options, fmt="jsonl")
    assert (summary["pages"], summary["failed"]) == (1, 1)
    assert "stories" not in summary["paths"] and summary["stories"] == 0  # with_stories=False writes none


def test_spark_the_same_page_in_two_partitions_is_one_page_of_its_story(spark, tmp_path):
    """Two copies of one page dealt to two partitions are analysed in each (no shuffle of the bytes), but the
    stories stage on the driver reads the page once: it is never related to itself."""
    from storytrace.scale.spark import run

    for name, html in (("a.html", GOOD_HTML), ("b.html", GOOD_HTML), ("c.html", WARC_PAGES[1][1])):
        (tmp_path / name).write_text(html, encoding="utf-8")
    options = Options(with_facts=False, with_comments=False, with_stories=True, progress=False)
    summary = run(spark, [tmp_path / n for n in ("a.html", "b.html", "c.html")], tmp_path / "out", options,
                  fmt="jsonl", read="paths", partitions=2)
    assert (summary["pages"], summary["duplicates"]) == (3, 0)  # a and b sit in different partitions
    stories = [json.loads(line) for f in sorted((tmp_path / "out" / "stories").glob("part-*"))
               for line in f.read_text(encoding="utf-8").splitlines()]
    [story] = stories
    ids = [p["id"] for p in story["pages"]]
    assert len(ids) == len(set(ids)) == 2


@pytest.mark.parametrize("partitions", [2])
def test_spark_small_files_are_dealt_over_the_partitions(spark, inputs, partitions):
    from storytrace.scale.spark import _input_rows

    rows = _input_rows(spark.sparkContext, [str(inputs)], "bytes", partitions)
    names = rows.map(lambda row: Path(row[0]).name).glom().collect()
    assert len(names) == partitions and all(names)  # Spark alone packs these small files into one split
    assert sorted(n for part in names for n in part) == sorted(p.name for p in inputs.rglob("*") if p.is_file())


@pytest.mark.parametrize("fmt", ["csv"])
def test_spark_unknown_format_is_refused_before_running(fmt):
    from storytrace.scale.spark import run

    with pytest.raises(ValueError, match="unknown format"):
        run(None, ["x"], "out", fmt=fmt)  # type: ignore[arg-type]


# --- the partition function, without Spark -------------------------------------------------------------
@pytest.mark.parametrize("bad_row", [("broken.bin", None), 42, ("only-one",)])
def test_spark_partition_never_raises_for_a_bad_row(bad_row, options):
    rows = [("file:/in/good.html", GOOD_HTML.encode()), bad_row, ("file:///in/empty.html", b"")]
    out = list(analyze_partition(rows, options))
    assert [r["status"] for r in out] == ["analysed", "failed", "failed"]
    assert out[0]["source"] == "/in/good.html" and out[2]["source"] == "/in/empty.html"
    assert "empty input" in out[2]["message"]
    json.dumps(out)  # every row is JSON-serialisable as it is


def test_spark_partition_collapses_a_repeated_page(options):
    rows = [("file:/in/a.html", GOOD_HTML.encode()), ("file:/in/copy.html", GOOD_HTML.encode())]
    first, copy = analyze_partition(rows, options)
    assert (first["status"], copy["status"]) == ("analysed", "duplicate")
    assert copy["id"] == first["id"] and copy["source"] == "/in/copy.html"
    assert copy["message"] == "the same page as /in/a.html, analysed there"
    json.dumps(copy)


@pytest.mark.parametrize("strict", [True])
def test_spark_partition_strict_reraises(strict, options):
    with pytest.raises(TypeError):
        list(analyze_partition([("x.html", None)], options.replace(strict=strict)))


def test_spark_result_row_of_a_page_uses_the_export_columns(options):
    (row,) = analyze_partition([("file:/a.html", GOOD_HTML.encode())], options)
    page = Page.from_dict(row["record"])
    assert list(row) == list(COLUMNS)
    assert (row["id"], row["title"], row["n_body"], row["errors"]) == (page.id, page.title, len(page.body), "")
    failure = result_row(Failure(source="s", stage="ingest", error="InputError", message="m"))
    assert (failure["status"], failure["errors"], failure["record"]["message"]) == ("failed", "ingest: m", "m")


# --- the command ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["spark", "a.warc.gz", "dir", "--out", "o"], {"inputs": ["a.warc.gz", "dir"], "format": "parquet",
                                                        "master": None, "read": "bytes", "no_stories": False}),
        (["spark", "s3a://b/x.warc.gz", "--out", "o", "--format", "jsonl", "--master", "local[2]", "--read", "paths",
          "--no-stories", "--overwrite"], {"format": "jsonl", "master": "local[2]", "read": "paths", "no_stories": True,
                                           "overwrite": True}),
    ],
)
def test_spark_cli_parses(argv, expected):
    from storytrace.cli import build_parser

    args = vars(build_parser().parse_args(argv))
    assert {k: args[k] for k in expected} == expected


def test_spark_cli_runs_in_its_own_process(spark, tmp_path):
    import subprocess
    import sys

    page = tmp_path / "in" / "good.html"
    page.parent.mkdir()
    page.write_text(GOOD_HTML, encoding="utf-8")
    (tmp_path / "in" / "empty.html").write_bytes(b"")
    argv = [sys.executable, "-m", "storytrace.cli", "spark", str(page.parent), "--out", str(tmp_path / "out"),
            "--format", "jsonl", "--master", "local[1]", "--no-facts", "--no-comments", "--no-stories"]
    done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr[-2000:]  # as analyze: some inputs failed, the rest analysed
    assert "1 page(s) analysed, 1 input(s) failed" in done.stderr
    assert f"  failed: {tmp_path / 'in' / 'empty.html'}: [E101] empty input" in done.stderr
    rows = [json.loads(line) for part in (tmp_path / "out" / "pages").glob("part-*")
            for line in part.read_text("utf-8").splitlines()]
    assert sorted((r["status"], Path(r["source"]).name) for r in rows) == [("analysed", "good.html"),
                                                                           ("failed", "empty.html")]


def test_a_malformed_row_is_a_coded_failure_whose_message_does_not_repeat_the_source():
    from storytrace.scale.spark import _ingest

    (failure,) = list(_ingest([("in/page.html", None)], Options()))  # bytes missing: bytes(None) raises
    assert isinstance(failure, Failure) and failure.source == "in/page.html"
    assert failure.message.startswith("[E100] ") and "page.html" not in failure.message


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("read", ["bytes", "paths"])
def test_spark_pipes_and_hidden_files_in_a_folder_are_not_skipped_silently(spark, tmp_path, read):
    """Hadoop's listing drops pipes and names starting with _ or . without a word; storytrace analyze reads
    hidden files and refuses a pipe with E109, unread. The spark runner does the same."""
    import os

    from storytrace.scale.spark import run

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (folder / ".hidden.html").write_text(GOOD_HTML.replace("Tuesday", "Monday"), encoding="utf-8")
    os.mkfifo(folder / "sub" / "feed.pipe")
    options = Options(with_facts=False, with_comments=False, with_stories=False, progress=False)
    run(spark, [folder], tmp_path / "out", options, fmt="jsonl", read=read)
    rows = [json.loads(line) for part in (tmp_path / "out" / "pages").glob("part-*")
            for line in part.read_text("utf-8").splitlines()]
    by_name = {Path(r["source"]).name: r for r in rows}
    assert sorted(by_name) == [".hidden.html", "feed.pipe", "good.html"]
    assert by_name[".hidden.html"]["status"] == "analysed"
    pipe = by_name["feed.pipe"]
    assert pipe["status"] == "failed" and pipe["message"].startswith("[E109] ") and "named pipe" in pipe["message"]


@pytest.mark.parametrize(
    ("summary", "status", "said"),
    [
        ({"pages": 2, "failed": 0, "stage_failures": []}, 0, []),
        ({"pages": 2, "failed": 1, "stage_failures": [], "failed_inputs": [{"source": "in/feed.pipe",
          "message": "[E109] a named pipe (FIFO), not a regular file"}]}, 3, ["  failed: in/feed.pipe: [E109] a named"]),
        ({"pages": 0, "failed": 25, "stage_failures": [],
          "failed_inputs": [{"source": f"in/{i}", "message": "[E101] empty"} for i in range(20)]},
         1, ["  failed: in/19: [E101] empty", "... and 5 more failed input(s): the rows with status 'failed' in o/pages"]),
        ({"pages": 3, "failed": 0, "stage_failures": [{"stage": "stories", "message": "boom"}]}, 3,
         ["  failed: stories: boom"]),
        ("no files in in/", 2, ["storytrace spark: error: no files in in/"]),
    ],
)
def test_spark_cli_exit_status_follows_analyze(monkeypatch, capsys, summary, status, said):
    pytest.importorskip("pyspark")
    from storytrace import cli

    if isinstance(summary, dict):
        summary = {"stories": 0, "paths": {"pages": "o/pages"}, **summary}
    monkeypatch.setattr(cli, "_spark_run", lambda args: summary)
    assert cli.main(["spark", "in/", "--out", "o"]) == status
    err = capsys.readouterr().err
    for words in said:
        assert words in err, err


def test_spark_cli_stopped_by_ctrl_c_exits_130(monkeypatch, capsys):
    pytest.importorskip("pyspark")
    from storytrace import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_spark_run", interrupted)
    assert cli.main(["spark", "in/", "--out", "o"]) == 130
    assert "stopped" in capsys.readouterr().err


def test_spark_file_names_that_are_not_utf8_are_read_not_lost(spark, tmp_path):
    """Hadoop's listing drops a name whose bytes are not UTF-8 ("caf\\xe9.html" from a Latin-1 system) without a
    word; storytrace's own readers read it, as storytrace analyze does."""
    import os

    from storytrace.scale.spark import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.html").write_text(GOOD_HTML, encoding="utf-8")
    latin1 = os.fsencode(str(folder)) + b"/caf\xe9.html"
    with open(latin1, "wb") as handle:
        handle.write(GOOD_HTML.replace("Kursk", "Belgorod").encode("utf-8"))
    options = Options(with_facts=False, with_comments=False, with_stories=False, progress=False)
    for target in (folder, os.fsdecode(latin1)):
        out = tmp_path / f"out{len(str(target))}"
        summary = run(spark, [target], out, options, fmt="jsonl")
        assert summary["failed"] == 0
        assert summary["pages"] == (2 if target == folder else 1)
