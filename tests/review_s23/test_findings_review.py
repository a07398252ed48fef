"""Session-23 user review ("review"): each test failed on 9d70ec4 and passes with its fix
(.scratch_notes/review_defects.md lists them)."""

from __future__ import annotations

import pytest

import storytrace
from storytrace.records import Dossier
from storytrace.report import render_dossier


def _dam_story() -> dict:
    """Two versions of one report that differ in one number (3,000 and 30,000 residents), as the stories stage
    writes them (reconcile.py: matched numbers are ``equal`` / ``sum``, the rest ``only_base`` / ``only_other``)."""
    pages = [{"id": "a" * 16, "source": "a.html", "title": "Springfield closes dam", "site": "Gazette",
              "published": "2024-03-01"},
             {"id": "b" * 16, "source": "b.html", "title": "Springfield closes dam", "site": "Other Outlet",
              "published": "2024-03-02"}]
    quantities = [
        {"relation": "equal", "base": ["14 cracks"], "other": ["14 cracks"], "value": 14.0, "verdict": "agree",
         "reason": None},
        {"relation": "sum", "base": ["1,000 sappers", "5,000 workers"], "other": ["6,000 workers"], "value": 6000.0,
         "verdict": "agree", "reason": None},
        {"relation": "equal", "base": ["$4.5 million"], "other": ["$4.49 million"], "value": 4.5e6, "verdict": "agree",
         "approximately": True, "reason": None},
        {"relation": "only_base", "base": ["About 3,000 residents"], "other": [], "value": 3000.0},
        {"relation": "only_other", "base": [], "other": ["About 30,000 residents"], "value": 30000.0},
    ]
    comparison = {"base": "a" * 16, "other": "b" * 16, "agree": [], "added": [], "dropped": [],
                  "contradict": [{"base": "About 3,000 residents live downstream.",
                                  "other": "About 30,000 residents live downstream.",
                                  "reasons": ["numbers differ: About 3,000 vs About 30,000"]}],
                  "quantities": quantities,
                  "counts": {"agree": 4, "contradict": 1, "possible": 0, "added": 0, "dropped": 0}}
    relation = {"type": "copy", "page": "b" * 16, "based_on": "a" * 16, "direction": "date", "comparison": comparison}
    return {"id": "s0", "title": "Springfield closes dam", "pages": pages, "relations": [relation]}


def test_numbers_found_in_one_version_only_are_listed_with_the_reconciled_numbers():
    """#1: the dossier's number accounting left out every number without a counterpart, so a changed figure
    (3,000 residents in one version, 30,000 in the other) was in no numbers table, and the matched ones were
    labelled with the stage's internal words ("equal", "sum")."""
    out = render_dossier(Dossier(stories=[_dam_story()]))
    numbers = out.split("Numbers reconciled")[1]
    alone = numbers.split("one version only")[1]
    assert "About 3,000 residents" in alone and "About 30,000 residents" in alone
    reconciled = numbers.split("</table>")[0]
    assert "<td>same number (within rounding)</td><td>$4.5 million</td>" in reconciled
    assert "<td>same number</td>" in reconciled and "<td>total = sum of parts</td>" in reconciled
    assert "<td>equal</td>" not in reconciled and "<td>sum</td>" not in reconciled


@pytest.mark.parametrize(("inputs", "says"), [
    (b"<html><body><p>A page held in memory</p></body></html>", "not page bytes"),
    (123, "not int"),
    (None, "not NoneType"),
    ([123], "inputs[0] must be a path or URL"),
    (["page.html", None], "inputs[1] must be a path or URL"),
])
def test_api_says_what_inputs_it_takes_when_given_something_else(inputs, says):
    """#2: ``storytrace.analyze(b"<html>...")`` failed deep in ingest with "expected str, bytes or os.PathLike
    object, not int" (bytes iterate as numbers), ``analyze(123)`` with "'int' object is not iterable"."""
    with pytest.raises(TypeError, match="path") as caught:
        storytrace.analyze(inputs, with_facts=False, with_comments=False, with_stories=False)
    assert says in str(caught.value)


def test_comment_words_behind_a_flag_are_marked_in_the_html():
    """#3: the HTML showed "insult 0.90" on a comment but not which words made it (the JSON and the CSV export
    carry ``evidence``), so a reader had to search a long comment for the reason; evidence of a category below
    0.5 is not marked, and the marked text is escaped like all page text."""
    from storytrace.records import Comment, Page

    text = "Thanks for this. <b>you</b> are an idiot and the stupid mayor knows it"
    idiot, stupid = text.index("idiot"), text.index("stupid")
    comment = Comment(id="p-c0", text=text, position=0, language="en",
                      scores={"toxic": 0.9, "insult": 0.9, "threat": 0.1},
                      evidence=[{"start": idiot, "end": idiot + 5, "text": "idiot", "category": "insult"},
                                {"start": stupid, "end": stupid + 6, "text": "stupid", "category": "threat"},
                                {"start": 0, "end": 3, "text": "no match", "category": "insult"}])
    out = render_dossier(Dossier(pages=[Page(id="p" * 16, source="p.html", body=["Body."], comments=[comment])]))
    assert "are an <mark title='insult'>idiot</mark> and the stupid mayor" in out
    assert "&lt;b&gt;you&lt;/b&gt;" in out and "<b>you</b>" not in out
    assert out.count("<mark") == 1


@pytest.mark.parametrize("value", ["no", "false", 0, None])
def test_a_stage_switch_given_as_text_or_a_number_is_refused_not_read_as_on(value):
    """#4: ``storytrace.analyze(..., with_facts="no")`` (a setting read from a config file or the environment)
    ran the facts stage: any non-empty string is truthy. A switch must be True or False."""
    from storytrace import Options

    with pytest.raises(TypeError, match="with_facts must be True or False"):
        Options(with_facts=value)
    with pytest.raises(TypeError, match="with_facts must be True or False"):
        Options().replace(with_facts=value)


def test_an_unknown_setting_names_the_closest_one():
    """#5: ``analyze(p, with_fact=False)`` said "Options.__init__() got an unexpected keyword argument" without
    naming the setting meant."""
    with pytest.raises(TypeError, match="unknown setting 'with_fact'; did you mean 'with_facts'"):
        storytrace.analyze("page.html", with_fact=False)


def _thread_page():
    from storytrace.records import Comment, Page

    spam = "Vote NO on measure 12, share this everywhere!"
    comments = [Comment(id=f"p-c{i}", text=spam if i in (0, 2) else f"My own view number {i}.", position=i,
                        author=["Ann <b>", "Real Reader", "=cmd|x", "D", "E", "F"][i],
                        published=f"2024-03-01T10:0{i}:00+00:00") for i in range(6)]
    thread = {"comments": 6, "toxic_comments": [], "toxic_share": 0.0,
              "coordinated_clusters": [{"kind": "identical", "comments": ["p-c0", "p-c2"],
                                        "authors": ["=cmd|x", "Ann <b>"], "several_names": True, "text": spam}],
              "bursts": [{"start": "2024-03-01T10:00:00+00:00", "end": "2024-03-01T10:05:00+00:00",
                          "comments": [f"p-c{i}" for i in range(6)], "authors": ["Ann <b>", "D"]}]}
    return Page(id="p" * 16, source="p.html", body=["Body."], comments=comments, thread=thread)


def test_a_threads_coordinated_posting_and_bursts_read_as_sentences():
    """#6: the thread summary showed coordination as a dump of its keys ("kind identical · comments #0, #2 ·
    authors =cmd|x, Ann <b> · several_names yes · text ...") and bursts as "start ... · end ... · comments ..."."""
    out = render_dossier(Dossier(pages=[_thread_page()]))
    row = out.split("<th>coordinated posting</th>")[1].split("</tr>")[0]
    assert "several_names" not in row and "kind " not in row
    assert ("<a href='#c-p-c0'>#1</a>, <a href='#c-p-c2'>#3</a>: the same text under 2 names "
            "(<bdi>=cmd|x</bdi>, <bdi>Ann &lt;b&gt;</bdi>): “Vote NO on measure 12") in row
    bursts = out.split("<th>bursts</th>")[1].split("</tr>")[0]
    assert "6 comments posted from 10:00 to 10:05 (2024-03-01): <a href='#c-p-c0'>#1</a>" in bursts


@pytest.mark.parametrize("streamed", [False, True])
def test_contents_say_how_many_comments_and_toxic_comments_each_page_has(tmp_path, streamed):
    """#7: the contents listed 100 pages by title only: a reader triaging a crawl for abusive threads had to
    scroll every page's comments to find the few with toxic ones."""
    from storytrace.records import Comment, Page
    from storytrace.report import write_dossier

    quiet = Page(id="1" * 16, source="q.html", title="Quiet page", body=["Body."],
                 comments=[Comment(id="q-c0", text="Nice.", position=0, scores={"toxic": 0.1})],
                 thread={"comments": 1, "toxic_comments": [], "toxic_share": 0.0})
    page = _thread_page()
    page.id = "2" * 16  # page ids become file names: hex only
    page.comments[1].scores = {"toxic": 0.9}
    page.thread["toxic_comments"] = ["p-c1"]
    dossier = Dossier(pages=[quiet, page, Page(id="3" * 16, source="n.html", title="No comments", body=["Body."])])
    if streamed:
        write_dossier(dossier, tmp_path)
        out = (tmp_path / "index.html").read_text(encoding="utf-8")
    else:
        out = render_dossier(dossier)
    contents = out.split("<h2>Contents</h2>")[1].split("</nav>")[0]
    assert "Quiet page</bdi></a> <span class='meta'>· 1 comment</span>" in contents
    assert "<span class='meta'>· 6 comments, 1 toxic</span>" in contents
    assert "No comments</bdi></a></span></li>" in contents


def test_the_html_policy_also_closes_forms_and_base_and_the_service_sends_it_as_a_header():
    """#8: the dossier's Content-Security-Policy (default-src 'none') left ``form-action`` and ``base-uri`` open
    (default-src does not cover them: an escaping slip could post a reader's input anywhere), and the service's
    /analyze.html answer carried no policy header (no frame-ancestors, no nosniff)."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storytrace.resources import Resources
    from storytrace.service import ServiceSettings, create_app
    from storytrace.settings import Options

    out = render_dossier(Dossier())
    assert "form-action 'none'" in out and "base-uri 'none'" in out
    settings = ServiceSettings(options=Options(progress=False))
    with TestClient(create_app(settings, Resources())) as client:
        r = client.post("/analyze.html", json={"pages": [{"html": "<html><body><p>A short page.</p></body></html>"}],
                                                "with_facts": False, "with_comments": False})
    assert r.status_code == 200
    policy = r.headers["content-security-policy"]
    assert "script-src 'none'" in policy and "form-action 'none'" in policy and "frame-ancestors 'none'" in policy
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("fmt", ["csv-excel", "parquet"])
def test_the_comments_table_says_which_article_each_comment_is_under(tmp_path, fmt):
    """#9: the comments export (CSV, Parquet) named each comment's page by its content hash only: a researcher
    opening comments.csv in a spreadsheet could not tell the article or outlet without joining the pages table.
    Hostile page text in the new cells is neutralised like any other."""
    import csv

    from storytrace.records import Comment, Page
    from storytrace.store.export import export

    page = Page(id="1" * 16, source="a.html", url="https://gazette.example/dam", site="Gazette",
                title="=HYPERLINK(\"http://evil.example\",\"Dam closes\")", body=["Body."],
                comments=[Comment(id="c0", text="Nice.", position=0)])
    out = tmp_path / f"comments.{fmt}"
    export([page], out, fmt, table="comments")
    if fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        [row] = pq.read_table(out).to_pylist()
    else:
        with open(out, encoding="utf-8-sig", newline="") as f:
            [row] = list(csv.DictReader(f))
    assert row["page_url"] == "https://gazette.example/dam" and row["page_site"] == "Gazette"
    assert row["page_title"].startswith("'=HYPERLINK" if fmt == "csv-excel" else "=HYPERLINK")


@pytest.mark.parametrize("inputs", ["", [""], ["page.html", ""]])
def test_an_empty_path_is_a_failure_not_the_current_folder(tmp_path, monkeypatch, inputs):
    """#10: ``storytrace analyze ""`` (a script's unset "$DIR") and ``analyze([""])`` (a blank line of a path
    list) read the current folder recursively: Path("") is ".". Started in /tmp, it read thousands of files."""
    (tmp_path / "page.html").write_text("<html><body><p>A page in the current folder.</p></body></html>")
    monkeypatch.chdir(tmp_path)
    dossier = storytrace.analyze(inputs, with_facts=False, with_comments=False, with_stories=False)
    assert len(dossier.pages) == (1 if "page.html" in inputs else 0)
    [failure] = dossier.failures
    assert failure.source == "" and failure.message.startswith("[E109] an empty path names no file")


def test_a_store_given_as_a_file_name_says_how_to_open_it(tmp_path):
    """#11: ``analyze("page.html", store="corpus.sqlite")`` analysed the first batch, then failed with
    "'str' object has no attribute 'add'"."""
    with pytest.raises(TypeError, match=r"store must be an open store, not the path 'corpus.sqlite': "
                                        r"with SQLiteStore\('corpus.sqlite'\) as store"):
        storytrace.analyze(str(tmp_path / "missing.html"), store="corpus.sqlite", with_facts=False)
    with pytest.raises(TypeError, match="store must have an add"):
        storytrace.analyze(str(tmp_path / "missing.html"), store=42, with_facts=False)


def test_a_reply_names_and_links_the_comment_it_answers():
    """#12: a reply was only indented: in a long thread a reader could not tell which comment it answers (the
    JSON has ``parent_id``)."""
    from storytrace.records import Comment, Page

    comments = [Comment(id="p-c0", text="First.", position=0, author="Ann"),
                Comment(id="p-c1", text="Second.", position=1, author="Bob"),
                Comment(id="p-c2", text="You are wrong, Ann.", position=2, author="Cy", parent_id="p-c0")]
    out = render_dossier(Dossier(pages=[Page(id="1" * 16, source="p.html", body=["Body."], comments=comments)]))
    reply = out.split("id='c-p-c2'>")[1].split("</div>")[0]
    assert "<bdi>Cy</bdi> · reply to <a href='#c-p-c0'>#1</a>" in reply  # shown from #1 since session 24
    assert "reply to" not in out.split("id='c-p-c1'>")[1].split("</div>")[0]


def test_jsonld_topics_name_the_iptc_media_topic_vocabulary():
    """#13: ``about`` gave "termCode": "medtop:16000000" with no ``inDefinedTermSet``: "medtop:" is an IPTC QCode
    prefix that no JSON-LD context defines, so a consumer could not tell which vocabulary the code is from."""
    from storytrace.records import Page
    from storytrace.report import page_jsonld

    page = Page(id="1" * 16, source="p.html", title="T", body=["Body."],
                facts={"topics": [{"id": "medtop:16000000", "name": "conflict, war and peace", "score": 0.8}]})
    [term] = page_jsonld(page)["about"]
    assert term == {"@type": "DefinedTerm", "termCode": "medtop:16000000", "name": "conflict, war and peace",
                    "inDefinedTermSet": "http://cv.iptc.org/newscodes/mediatopic/",
                    "url": "http://cv.iptc.org/newscodes/mediatopic/16000000"}
