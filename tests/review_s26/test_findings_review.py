"""Session-26 review: an integrator wiring storytrace into a nightly job, a Python service and internal tools.
Each test fails on c556280 (see .scratch_notes/review_defects.md)."""

from __future__ import annotations

import pytest

from storytrace.errors import ModelError
from storytrace.resources import Resources
from tests.conftest import GOOD_HTML


@pytest.fixture
def broken_toxicity_model(monkeypatch):
    """The comment model cannot be loaded (a corrupt install): every page's comments stage fails."""
    real_get = Resources.get

    def get(self, name):
        if name == "toxicity":
            raise ModelError("the toxicity model file is unreadable")
        return real_get(self, name)

    monkeypatch.setattr(Resources, "get", get)


def test_a_page_whose_stage_failed_is_not_a_clean_run(tmp_path, broken_toxicity_model, capsys):
    """A nightly job learns from the exit status alone: a run where the comment model could not load on any page
    exited 0 with "0 input(s) failed", though no page has comment scores."""
    from storytrace.cli import SOME_INPUTS_FAILED, main

    page = tmp_path / "page.html"
    page.write_text(GOOD_HTML, encoding="utf-8")
    status = main(["analyze", str(page), "--out", str(tmp_path / "out"), "--no-facts", "--no-stories", "--quiet"])
    err = capsys.readouterr().err
    assert status == SOME_INPUTS_FAILED
    assert "1 page(s) with a failed stage" in err
    assert f"  stage failed: {page}: comments: ModelError: [E300] the toxicity model file is unreadable" in err


def test_the_progress_in_a_log_file_is_whole_lines(tmp_path, capsys):
    """A cron job's log (stderr not a terminal): the bar's carriage returns and blanking spaces were written before
    the summary ("\\rpages: 6page [00:00, ?page/s]\\r      \\r7 page(s) analysed"), so the summary line did not
    start the line and a grep for "^7 page(s) analysed" missed it."""
    from storytrace.cli import PROGRESS_AFTER_PAGES, main

    for i in range(PROGRESS_AFTER_PAGES + 2):
        (tmp_path / f"p{i}.html").write_text(GOOD_HTML.replace("Tuesday", f"Tuesday ({i})"), encoding="utf-8")
    status = main(["analyze", *map(str, sorted(tmp_path.glob("p*.html"))), "--out", str(tmp_path / "out"),
                   "--no-facts", "--no-comments", "--no-stories"])
    err = capsys.readouterr().err
    assert status == 0
    assert "\r" not in err
    assert f"\n{PROGRESS_AFTER_PAGES + 2} page(s) analysed" in "\n" + err


def test_a_page_held_in_memory_is_analysed_from_a_dict(options):
    """A crawler holds the page it fetched: a dict with the fields of a JSONL line (html or text, url, title,
    published, author), as the HTTP service takes, is analysed; a dict was iterated as its keys ("html" read as a
    file name: "[E109] cannot open the file")."""
    import storytrace

    dossier = storytrace.analyze([{"html": GOOD_HTML, "url": "https://news.example/kursk", "author": "A. Reporter"}],
                                 options=options)
    assert not dossier.failures
    assert [(p.url, p.author) for p in dossier.pages] == [("https://news.example/kursk", "A. Reporter")]
    one = storytrace.analyze({"text": "North Korea sends sappers to Kursk, officials said on Tuesday.",
                              "title": "Sappers"}, options=options)
    assert [p.title for p in one.pages] == ["Sappers"] and one.pages[0].source == f"memory:{one.pages[0].id}"
    fetched = storytrace.analyze({"html": GOOD_HTML.encode("utf-8"), "url": "https://news.example/b"}, options=options)
    assert [p.title for p in fetched.pages] == [p.title for p in dossier.pages] and not fetched.failures


def test_a_dict_without_a_page_is_a_failure_saying_which_fields(options):
    import storytrace

    dossier = storytrace.analyze(["/no/such/page.html", {"htm": GOOD_HTML}], options=options)
    failure = dossier.failures[-1]
    # session 28: named by its content, its place said in the message (review_s28/test_memory_failure_names.py)
    assert failure.source.startswith("memory:") and failure.message.startswith("[E108] inputs[1]: no field holds a")


def test_iter_results_takes_pages_held_in_memory_with_a_store(tmp_path, options):
    from contextlib import closing

    from storytrace.api import iter_results
    from storytrace.records import Page
    from storytrace.store import SQLiteStore

    page = {"html": GOOD_HTML, "url": "https://news.example/kursk"}
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        with closing(iter_results([page], options, store=store)) as results:
            first = list(results)
        reused = []
        with closing(iter_results([page], options, store=store, on_reuse=reused.append)) as results:
            again = list(results)
    assert [type(r) for r in first] == [Page] and [r.id for r in again] == [first[0].id] == [p.id for p in reused]


def test_the_readme_s_storytrace_report_calls_work_after_import_storytrace():
    """README: "To write the CLI's files from Python: storytrace.report.write_dossier(dossier, "out/")"; after
    ``import storytrace`` alone that was "AttributeError: report" (the submodule was never imported)."""
    import subprocess
    import sys

    code = ("import storytrace\n"
            "print(storytrace.report.write_dossier.__name__, storytrace.report.render_dossier.__name__, "
            "storytrace.store.SQLiteStore.__name__, storytrace.errors.StorytraceError.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.split() == ["write_dossier", "render_dossier", "SQLiteStore", "StorytraceError"], out.stderr


def test_a_warc_record_the_crawler_truncated_is_analysed_with_a_warning(tmp_path, options):
    """Common Crawl cuts a payload over its limit and marks the record ``WARC-Truncated: length``: the page was
    analysed as if whole, with no word that its end (paragraphs, comments) is missing."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    import storytrace

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, truncated in (("https://news.example/whole", None), ("https://news.example/cut", "length")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(GOOD_HTML.replace("Tuesday", url).encode()), http_headers=headers,
            warc_headers_dict={"WARC-Truncated": truncated} if truncated else {}))
    (tmp_path / "crawl.warc.gz").write_bytes(out.getvalue())
    pages = {p.url: p for p in storytrace.analyze(tmp_path / "crawl.warc.gz", options=options).pages}
    assert not any("truncated" in w for w in pages["https://news.example/whole"].warnings)
    assert ("the crawler truncated this WARC record (WARC-Truncated: length): the page's end, paragraphs or comments, "
            "may be missing") in pages["https://news.example/cut"].warnings


def test_pages_held_in_memory_without_a_url_do_not_replace_each_other_in_a_store(tmp_path, options):
    """A page without a URL is named by its content ("memory:<id>"), not by its place in the call: two runs each
    giving one page would otherwise be one input whose content changed, the first page moved to "replaced"."""
    import storytrace
    from storytrace.store import SQLiteStore

    texts = ["A storm closed schools across the county on Thursday, officials said.",
             "The rail union called off Monday's strike after a late offer, the union said."]
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        for text in texts:
            storytrace.analyze([{"text": text}], options=options, store=store)
        assert sorted(p.body[0] for p in store.pages()) == sorted(texts)
        assert list(store.replaced_pages()) == []


def test_a_file_rotated_nightly_keeps_last_nights_articles_in_the_store(tmp_path, options):
    """A nightly job writes its crawl to the same file name (today.jsonl) and analyses it into one store: line 1 of
    tonight's file is another article (another URL) than line 1 of last night's, not a new version of it, yet last
    night's pages left the pages table for "replaced" (and their stories were deleted). A page at the same place
    with the same URL is still a new version (a stealth edit) and replaces the old one."""
    import json

    import storytrace
    from storytrace.store import SQLiteStore

    def night(path, pages):
        path.write_text("".join(json.dumps({"url": url, "text": text}) + "\n" for url, text in pages), encoding="utf-8")

    crawl = tmp_path / "today.jsonl"
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        night(crawl, [("https://a.example/storm", "A storm closed schools across the county on Thursday."),
                      ("https://a.example/rail", "The rail union called off Monday's strike after a late offer.")])
        storytrace.analyze(crawl, options=options, store=store)
        night(crawl, [("https://a.example/budget", "The council passed its budget on Tuesday by seven votes to two."),
                      ("https://a.example/rail", "The rail union called off Monday's strike after a new offer.")])
        storytrace.analyze(crawl, options=options, store=store)
        urls = sorted(p.url for p in store.pages())
        replaced = [(p.url, p.body) for p, _ in store.replaced_pages()]
    assert urls == ["https://a.example/budget", "https://a.example/rail", "https://a.example/storm"]
    assert replaced == [("https://a.example/rail", ["The rail union called off Monday's strike after a late offer."])]


def test_serve_can_load_every_model_before_it_takes_requests(monkeypatch):
    """Behind a load balancer, GET /health said "ok" with no model loaded: the first requests each waited for the
    models (and a broken install answered 200 with a stage error on every page). ``serve --preload`` loads them in
    the start-up, before the port is opened."""
    pytest.importorskip("uvicorn")
    import uvicorn

    from storytrace.cli import main
    from storytrace.resources import LOADERS

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    assert main(["serve", "--preload"]) == 0
    assert set(seen["app"].state.settings.preload) == set(LOADERS)
    assert main(["serve"]) == 0 and seen["app"].state.settings.preload == ()


def test_a_nightly_list_of_inputs_is_read_from_a_file(tmp_path, capsys):
    """A crawler's list of 50,000 URLs or files does not fit on a command line ("Argument list too long"), and a JSONL
    line holding only a URL is no page: ``--inputs-from FILE`` (one path or URL a line; "-" standard input)."""
    from storytrace.cli import main

    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(GOOD_HTML.replace("Tuesday", name), encoding="utf-8")
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# tonight's pages\n{tmp_path / 'a.html'}\n\n  {tmp_path / 'b.html'}  \n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", "--inputs-from", str(listing), "--out", str(out), "--no-facts", "--no-comments",
                 "--quiet"]) == 0
    assert "2 page(s) analysed, 0 input(s) failed" in capsys.readouterr().err
    assert main(["analyze", "--out", str(out), "--quiet"]) == 2  # no input at all is still a usage error
    assert "give PATH_OR_URL or --inputs-from FILE" in capsys.readouterr().err
    assert main(["analyze", "--inputs-from", str(tmp_path / "none.txt"), "--out", str(out), "--quiet"]) == 2
    assert "cannot read the list of inputs" in capsys.readouterr().err


def _coordinated_pages():
    from storytrace.records import Comment, Page

    def page(pid, names, minute):
        comments = [Comment(id=f"{pid}-c{i}", text="Vote NO on the stadium tax, call your councillor today!",
                            position=i, author=name, published=f"2024-03-01T10:{minute:02d}:0{i}") for i, name in
                    enumerate(names)]
        words = ["What a goal in the second half", "The referee missed a clear penalty", "Our defence looked tired",
                 "Ticket prices are far too high now", "Best away support in the league", "The new coach needs time"]
        comments += [Comment(id=f"{pid}-b{i}", text=f"{words[i]} ({pid}, {'!' * i})", position=10 + i,
                             author=f"{pid}-fan{i}", published=f"2024-03-01T11:00:{i:02d}") for i in
                     (range(6) if pid == "p1" else range(5, -1, -1))]
        return Page(id=pid, source=f"{pid}.html", comments=comments)

    return [page("p1", ["ann", "bob"], 0), page("p2", ["cat", "dan"], 5)]


def test_the_schema_describes_coordinated_posting():
    """dossier.json's "coordination" was described as "an object" each: a consumer had no field names (kind, text,
    pages, authors, comments; a burst's start and end) and a broken record passed."""
    import copy

    import jsonschema

    from storytrace.comments import find_coordination
    from storytrace.schema import validate_dossier

    clusters = find_coordination(_coordinated_pages())
    assert {"identical", "burst"} <= {c["kind"] for c in clusters}
    dossier = {"schema_version": "2.0", "generator": "storytrace test", "pages": [], "failures": [], "stories": [],
               "duplicates": [], "coordination": clusters}
    validate_dossier(dossier)
    for breakage in ({"kind": "sometimes"}, {"comments": "p1-c0"}, {"pages": [1, 2]}):
        broken = copy.deepcopy(dossier)
        broken["coordination"][0].update(breakage)
        with pytest.raises(jsonschema.ValidationError):
            validate_dossier(broken)


def test_one_store_serves_the_threads_of_a_python_service(tmp_path, options):
    """A web app opens its store once and analyses in its request threads: every call from another thread failed with
    sqlite3.ProgrammingError ("SQLite objects created in a thread can only be used in that same thread")."""
    import threading

    import storytrace
    from storytrace.store import SQLiteStore

    errors, texts = [], [f"A storm closed {n} schools across the county on Thursday, officials said." for n in range(6)]

    def request(n):
        try:
            storytrace.analyze([{"text": texts[n], "url": f"https://t.example/{n}"}], options=options, store=store)
        except Exception as exc:  # noqa: BLE001 - any error in a request thread fails the test below
            errors.append(exc)

    with SQLiteStore(tmp_path / "s.sqlite") as store:
        threads = [threading.Thread(target=request, args=(n,)) for n in range(len(texts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(p.body[0] for p in store.pages()) == sorted(texts)


def test_a_nightly_run_into_the_same_folder_leaves_only_its_own_page_files(tmp_path, capsys):
    """A nightly job analysing into one --out and reading pages/*.json got every page of every earlier night too:
    the dossier held tonight's pages, pages/ all pages ever written. Files that are not page records stay."""
    import json

    from storytrace.cli import main

    out = tmp_path / "out"
    for night in ("monday", "tuesday"):
        page = tmp_path / f"{night}.html"
        page.write_text(GOOD_HTML.replace("Tuesday", night), encoding="utf-8")
        if night == "tuesday":
            (out / "pages" / "notes.txt").write_text("mine", encoding="utf-8")
        assert main(["analyze", str(page), "--out", str(out), "--no-facts", "--no-comments", "--quiet"]) == 0
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in (out / "pages").iterdir()) == sorted(
        [f"{p['id']}.json" for p in dossier["pages"]] + ["notes.txt"])


def test_a_closed_store_is_refused_before_any_page_is_read(tmp_path, options):
    """A store closed by its ``with`` block and used after it failed once the first batch was analysed, with
    sqlite3.ProgrammingError "Cannot operate on a closed database."."""
    import storytrace
    from storytrace.store import SQLiteStore

    with SQLiteStore(tmp_path / "s.sqlite") as store:
        pass
    assert store.closed
    with pytest.raises(ValueError, match=r"the store .*s\.sqlite is closed"):
        storytrace.analyze([{"text": "A storm closed schools on Thursday."}], options=options, store=store)


def test_analyze_loads_the_models_once_per_process_without_a_resources_argument(monkeypatch, options):
    """README: "Models load once per process". Each ``analyze(...)`` without ``resources=`` made a new Resources, so
    a service calling it per fetched page reloaded the facts resources every time (1.1 s a one-page call against
    0.06 s with a shared instance, measured on GOOD_HTML)."""
    import storytrace
    from storytrace import pipeline

    used = []
    monkeypatch.setattr(pipeline, "run", lambda items, options, resources, **kw: used.append(resources) or iter(()))
    for n in range(3):
        storytrace.analyze([{"text": f"A storm closed {n} schools on Thursday."}], options=options)
    list(storytrace.api.iter_results([{"text": "One more page."}], options))
    assert len(used) == 4 and all(r is used[0] for r in used)


def test_page_files_of_a_run_writing_into_the_same_folder_at_the_same_time_stay(tmp_path):
    """Two overlapping nightly runs into one --out: the first to finish must not delete the page files the other has
    written meanwhile (its dossier.json lists them); the folder ends as the last run to finish left it."""
    import json

    from storytrace.records import Page
    from storytrace.report.write import DossierWriter

    def names():
        return sorted(p.stem for p in (tmp_path / "pages").iterdir())

    first = DossierWriter(tmp_path)
    first.add(Page(id="a" * 16, source="a.html", body=["a"]))
    other = DossierWriter(tmp_path)
    other.add(Page(id="b" * 16, source="b.html", body=["b"]))
    first.close()
    assert names() == ["a" * 16, "b" * 16]
    other.close()
    assert names() == [p["id"] for p in json.loads((tmp_path / "dossier.json").read_text())["pages"]] == ["b" * 16]


def test_iter_results_streams_a_crawlers_generator_of_pages(options):
    """iter_results: "memory does not grow with the corpus"; but a generator of in-memory pages (a crawler yielding
    what it fetched) was read whole into a list before the first page was analysed."""
    from storytrace.api import iter_results

    taken = []

    def crawl():
        for n in range(40):
            taken.append(n)
            yield {"text": f"A storm closed {n} schools across the county on Thursday.", "url": f"https://c.example/{n}"}

    results = iter_results(crawl(), options.replace(batch_size=2))
    first = next(results)
    assert first.url == "https://c.example/0" and len(taken) <= 4
    assert len(list(results)) == 39


def test_a_bad_item_of_a_generator_is_refused_when_it_is_reached(options):
    from storytrace.api import iter_results

    def crawl():
        yield {"text": "A storm closed schools across the county on Thursday."}
        yield b"<html>bytes</html>"

    results = iter_results(crawl(), options.replace(batch_size=1))  # a batch of one: the first page comes first
    assert next(results).body
    with pytest.raises(TypeError, match=r"inputs\[1\] must be a path or URL"):
        list(results)
