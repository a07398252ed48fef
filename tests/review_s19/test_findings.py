"""Session-19 review findings: each test shows a defect seen by running storytrace as a user would.

Each test was committed as a strict xfail against main abd7ac5 before its fix; a fixed defect's test has its
marker removed. A test still marked is a defect left for the owner of the file it names.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import GOOD_HTML, warc_with

# --- 1. a WARC whose only problem is a 404 record ---------------------------------------------------------

def test_warc_with_pages_and_a_404_record_exits_0_and_records_the_skip(tmp_path, capsys):
    from storytrace.cli import main

    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_with([("https://x.example/a", "200 OK", "text/html", GOOD_HTML.encode()),
                                 ("https://x.example/gone", "404 Not Found", "text/html", b"<p>not found</p>")]))
    out = tmp_path / "out"
    code = main(["analyze", str(warc), "--out", str(out), "--no-facts", "--no-comments", "--no-stories", "--quiet"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "0 input(s) failed" in err
    assert "skipped" in err and "404" in err  # the user still hears what was left out
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["pages"]) == 1
    notes = [f for f in dossier["failures"] if "404" in f["message"]]
    assert notes and all(f["stage"] == "skipped" for f in notes)  # recorded, and marked as not a failure
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "0 input(s) failed" in html and "Records skipped (not pages) (1)" in html
    from storytrace.store import SQLiteStore

    with SQLiteStore(out / "storytrace.sqlite") as store:
        assert store.counts()["failed"] == 0 and store.counts()["pages"] == 1


def test_warc_of_only_a_404_record_still_fails_with_exit_1(tmp_path, capsys):
    """Control: a WARC that gives no page at all is a failed input (README: E110)."""
    from storytrace.cli import main

    warc = tmp_path / "gone.warc.gz"
    warc.write_bytes(warc_with([("https://x.example/gone", "404 Not Found", "text/html", b"<p>not found</p>")]))
    code = main(["analyze", str(warc), "--out", str(tmp_path / "out"), "--no-facts", "--no-comments",
                 "--no-stories", "--quiet"])
    assert code == 1
    assert "[E110] no HTML 2xx response records" in capsys.readouterr().err


# --- 2. a microdata comment beside a Disqus thread ------------------------------------------------------

MICRODATA_AND_DISQUS = """<!doctype html><html><head><title>Council votes on the new bridge</title></head><body>
<article><h1>Council votes on the new bridge</h1>
<p>The city council voted on Tuesday to fund a new bridge over the river, after two years of debate about its cost
and its route through the old harbour district.</p>
<p>The bridge will cost 40 million euros and open in 2027, the mayor said, adding that tolls were ruled out.</p>
</article>
<div class="reader-note" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Zed</span>
<span itemprop="text">A microdata comment: this bridge is a waste of money and the mayor knows it.</span>
<meta itemprop="dateCreated" content="2020-01-02T10:00:00Z"></div>
<div id="disqus_thread"><ul class="post-list">
<li class="post"><div class="author">Ann</div><div class="post-message"><p>Finally, we have waited for this bridge
for ages and ages, and the ferry queue in summer is a nightmare for everyone.</p></div></li>
<li class="post"><div class="author">Bob</div><div class="post-message"><p>Forty million is a lot, but the ferry is
worse, and nobody has asked what the maintenance will cost us every year.</p></div></li>
</ul></div></body></html>"""


@pytest.mark.parametrize("inside_article", [False, True])
def test_microdata_comment_beside_a_disqus_thread_is_a_comment_not_body(inside_article):
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    html = MICRODATA_AND_DISQUS
    if inside_article:  # the note sits in the article element, where the body extractor reads it
        start, end = html.index('<div class="reader-note"'), html.index('<div id="disqus_thread">')
        note = html[start:end]
        html = html[:start].replace("</article>", note + "</article>") + html[end:]
    page = split_html(html, Page(id="p", source="x"), Options())
    assert not any("microdata comment" in p or p == "Zed" for p in page.body), page.body
    assert [c.author for c in page.comments] == ["Zed", "Ann", "Bob"]  # page order
    assert page.comments[0].text == "A microdata comment: this bridge is a waste of money and the mayor knows it."
    assert page.comments[0].published and page.comments[0].published.startswith("2020-01-02")
    assert page.published is None  # a commenter's date is not the article's
    assert page.comments[2].text.startswith("Forty million")


# --- 3. generic short comments are not coordination -----------------------------------------------------

def _page_with(page_id: str, texts_by_author: list[tuple[str, str]]):
    from storytrace.records import Comment, Page

    comments = [Comment(id=f"{page_id}-c{i}", text=text, position=i, author=author)
                for i, (author, text) in enumerate(texts_by_author)]
    return Page(id=page_id, source=f"{page_id}.html", comments=comments)


def test_generic_thanks_by_different_readers_is_not_coordination():
    from storytrace.comments import find_coordination

    pages = [_page_with("a", [("ann", "Great article, thanks!"), ("x1", "The council should publish the costs.")]),
             _page_with("b", [("bob", "great article thanks"), ("x2", "Tolls would have paid for the bridge.")]),
             _page_with("c", [("cy", "Great article. Thanks!"), ("dee", "Thank you for sharing.")]),
             _page_with("d", [("ed", "Thank you for sharing!"), ("fay", "Thanks")])]
    assert find_coordination(pages) == []


def test_a_repeated_slogan_or_link_under_several_names_is_still_coordination():
    """Control: short is not generic. A slogan or a link posted under several names on several pages is what a
    coordination analyst looks for."""
    from storytrace.comments import find_coordination

    pages = [_page_with("a", [("ann", "Stop the steal! Vote them out.")]),
             _page_with("b", [("bob", "Stop the steal! Vote them out.")]),
             _page_with("c", [("cy", "Great article, thanks! cheap-pills.example")]),
             _page_with("d", [("dee", "Great article, thanks! cheap-pills.example")])]
    clusters = find_coordination(pages)
    texts = sorted(c["text"] for c in clusters)
    assert texts == ["Great article, thanks! cheap-pills.example", "Stop the steal! Vote them out."]
    assert all(c["several_names"] and c["several_pages"] for c in clusters)


def test_generic_thanks_in_one_thread_are_no_cluster_but_one_account_repeating_is():
    from storytrace.comments import analyze_comments, load_model
    from storytrace.settings import Options

    page = _page_with("t", [("ann", "Thanks for sharing!"), ("bob", "thanks for sharing"),
                            ("cy", "The bridge was promised in 2019 already."), ("spam", "Great article, thank you!"),
                            ("spam", "Great article, thank you!"), ("spam", "great post")])
    analyze_comments(page, Options(), model=load_model())
    clusters = page.thread["coordinated_clusters"]
    assert [c["authors"] for c in clusters] == [["spam"]]
    assert "duplicate" not in page.comments[0].flags and "duplicate" in page.comments[3].flags


# --- 4. a JSON array (or one pretty-printed JSON object) of pages ------------------------------------------

ARTICLE = ("<html><head><title>Flood hits Smithville</title></head><body><article><p>" + "The river flooded the town "
           "of Smithville on Monday, forcing 300 people from their homes, officials said. " * 3 + "</p></article>"
           "</body></html>")


def test_a_json_array_of_pages_gives_each_page_with_its_url(tmp_path):
    from storytrace.ingest import read_inputs
    from storytrace.records import RawDocument
    from storytrace.settings import Options

    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"url": "https://a.example/1", "html": ARTICLE, "published": "2024-03-04"},
                                {"url": "https://a.example/2", "text": "Flood hits Smithville\n\nThe river rose."}]),
                    encoding="utf-8")
    items = list(read_inputs([path], Options()))
    assert all(isinstance(i, RawDocument) for i in items), items
    assert [(i.url, i.kind, i.published) for i in items] == [("https://a.example/1", "html", "2024-03-04"),
                                                             ("https://a.example/2", "text", None)]


def test_a_pretty_printed_json_page_keeps_its_url(tmp_path):
    from storytrace.ingest import read_inputs
    from storytrace.settings import Options

    path = tmp_path / "page.json"
    path.write_text(json.dumps({"url": "https://a.example/3", "html": ARTICLE, "author": "Jo Reed"}, indent=2),
                    encoding="utf-8")
    [item] = list(read_inputs([path], Options()))
    assert (item.url, item.kind, item.author) == ("https://a.example/3", "html", "Jo Reed")


# --- 5. a JSONL file that starts with a UTF-8 byte order mark ---------------------------------------------

def test_jsonl_with_a_byte_order_mark_reads_its_first_line(tmp_path):
    from storytrace.ingest import read_inputs
    from storytrace.settings import Options

    path = tmp_path / "windows.jsonl"
    lines = [json.dumps({"url": f"https://a.example/{i}", "html": ARTICLE}) for i in range(2)]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    items = list(read_inputs([path], Options()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"], items
    assert items[0].url == "https://a.example/0"


def test_a_json_array_with_a_bad_item_fails_that_item_and_an_unparsable_document_fails_line_by_line(tmp_path):
    from storytrace.ingest import read_inputs
    from storytrace.records import Failure, RawDocument
    from storytrace.settings import Options

    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([{"url": "https://a.example/1", "html": ARTICLE}, [1, 2], {"title": "no page"}]),
                    encoding="utf-8")
    items = list(read_inputs([path], Options()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "Failure"]
    assert items[1].source.endswith("#[1]") and "[E108] not a JSON object" in items[1].message
    assert "[E108] no field holds a page" in items[2].message
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "url": "https://a.example/9",\n  "html": "<p>cut', encoding="utf-8")
    failures = list(read_inputs([broken], Options()))
    assert failures and all(isinstance(f, Failure) and "[E108]" in f.message for f in failures)
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"html": ARTICLE}] * 50), encoding="utf-8")
    [too_big] = list(read_inputs([big], Options(max_page_bytes=2000)))
    assert "[E103]" in too_big.message and "jq -c" in too_big.message
    assert not any(isinstance(i, RawDocument) for i in failures)


# --- 6. the service takes a page larger than the page limit ------------------------------------------------

def _service(max_page_bytes: int):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storytrace.resources import Resources
    from storytrace.service import ServiceSettings, create_app
    from storytrace.settings import Options

    settings = ServiceSettings(options=Options(progress=False, max_page_bytes=max_page_bytes))
    return TestClient(create_app(settings, Resources()))


def test_service_refuses_a_page_over_the_page_limit_as_the_cli_does():
    with _service(2000) as client:
        r = client.post("/analyze", json={"pages": [{"text": "word " * 1000}, {"html": "<p>" + "word " * 1000},
                                                    {"text": "A short page about the flood."}],
                                          "with_facts": False, "with_comments": False})
    assert r.status_code == 200
    data = r.json()
    assert len(data["failures"]) == 2 and all("[E103]" in f["message"] for f in data["failures"]), data["failures"]
    assert len(data["pages"]) == 1


# --- 7. a JSON body sent without the JSON content type -----------------------------------------------------

@pytest.mark.parametrize("content_type", ["text/plain", None, "application/x-www-form-urlencoded"])
def test_service_names_the_content_type_when_a_json_body_comes_without_it(content_type):
    with _service(20 * 1024 * 1024) as client:
        headers = {"content-type": content_type} if content_type else {}
        r = client.post("/analyze", content=json.dumps({"pages": [{"text": "A page."}]}), headers=headers)
    assert r.status_code == 415
    assert "application/json" in json.dumps(r.json())


# --- 8. English pages with typographic quotes are read as French (not a file of this reviewer) -------------

def test_an_english_page_with_curly_quotes_is_english():
    from storytrace.lang import page_language
    from storytrace.records import Page

    page = Page(id="p", source="x", title="Behold, 6 real-life cyborgs", body=[
        "City Blog", "« Earlier post | Main | Later post »", "20 July 2012",
        "“I feel like a cyborg,” Neil Harbisson declares in a fascinating talk from a conference this summer.",
        ("Born color-blind, Harbisson lived in a “grayscale world,” he says — until 2003, when he began working with "
        "a computer scientist on an electronic eye that renders color as sound. “At the start, I had to memorize the "
        "names you give to each color,” Harbisson says. “When I started to dream in color, I felt the software and "
        "my brain had united.”"),
        ("To experience the world the way Harbisson does, watch his talk, “I hear color.” And after the jump, read "
        "about other human beings who have melded with machines.")])
    assert page_language(page) == "en"


# --- 9. JSON-LD isBasedOn asserts a copy's source from input order alone -----------------------------------

def test_jsonld_claims_no_source_for_a_copy_ordered_only_by_input():
    from storytrace.records import Dossier, Page
    from storytrace.report.jsonld import dossier_jsonld

    pages = [Page(id="a", source="a", url="https://one.example/x"), Page(id="b", source="b", url="https://two.example/y"),
             Page(id="c", source="c", url="https://three.example/z", published="2024-03-05"),
             Page(id="d", source="d", url="https://four.example/w", published="2024-03-04")]
    evidence = {"shingle_jaccard": 0.95, "similarity": 0.99, "aligned_claims": 1.0, "specifics_contained": 1.0}
    stories = [{"id": "s1", "pages": [{"id": "a"}, {"id": "b"}], "relations": [
                   {"type": "copy", "page": "b", "based_on": "a", "direction": "input order", "evidence": evidence}]},
               {"id": "s2", "pages": [{"id": "c"}, {"id": "d"}], "relations": [
                   {"type": "copy", "page": "c", "based_on": "d", "direction": "date", "evidence": evidence}]}]
    graph = {n["identifier"]: n for n in dossier_jsonld(Dossier(pages=pages, stories=stories))["@graph"]}
    assert "isBasedOn" not in graph["b"] and "isBasedOn" not in graph["a"]
    assert graph["c"]["isBasedOn"] == [{"@id": "urn:storytrace:page:d", "url": "https://four.example/w"}]


# --- 10. a WARC's stylesheets and scripts are analysed as news pages -----------------------------------------

def test_warc_css_and_javascript_records_are_skipped_not_pages(tmp_path):
    from storytrace.ingest import read_inputs
    from storytrace.records import RawDocument
    from storytrace.settings import Options

    css = b"body { color: red; }\n.article p { margin: 0 0 1em; font-family: Georgia, serif; }\n" * 20
    js = b"function track(){ var x = document.cookie; window.dataLayer = window.dataLayer || []; }\n" * 20
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_with([("https://x.example/a", "200 OK", "text/html; charset=utf-8", GOOD_HTML.encode()),
                                 ("https://x.example/s.css", "200 OK", "text/css", css),
                                 ("https://x.example/app.js", "200 OK", "text/javascript; charset=utf-8", js),
                                 ("https://x.example/b", "200 OK", "application/xhtml+xml", GOOD_HTML.encode()),
                                 ("https://x.example/c.txt", "200 OK", "text/plain", b"Flood hits town\n\nThe river rose."),
                                 ("https://x.example/robots.txt", "200 OK", "text/plain", b"User-agent: *\nDisallow: /a/")]))
    items = list(read_inputs([path], Options()))
    pages = [i.url for i in items if isinstance(i, RawDocument)]
    assert pages == ["https://x.example/a", "https://x.example/b", "https://x.example/c.txt"]
    [note] = [i for i in items if not isinstance(i, RawDocument)]
    assert "text/css" in note.message and "text/javascript" in note.message and "robots.txt" in note.message


# --- 11. one page captured at two URLs: its whole comment thread is "coordinated posting" --------------------

THREAD = [("ann", "The council ignored the flood warnings for years, and now we pay for it."),
          ("bob", "My street was under a metre of water on Monday night, nobody came."),
          ("cy", "Insurance will not cover any of this, read the small print before you complain."),
          ("dee", "Where was the mayor? Not a word from him until Wednesday.")]


def test_the_same_thread_captured_twice_is_not_coordination():
    from storytrace.comments import find_coordination

    first = _page_with("a", THREAD[:3])
    later = _page_with("b", THREAD + [("eve", "Thanks to the volunteers who filled the sandbags.")])  # crawled later
    assert find_coordination([first, later]) == []
    # a copy posted by a new name on a third, unrelated page is still coordination, reported once
    third = _page_with("c", [("zed", THREAD[1][1]), ("x", "Unrelated words about the football game last night.")])
    [cluster] = find_coordination([first, later, third])
    assert cluster["authors"] == ["bob", "zed"] and cluster["several_names"] and cluster["several_pages"]


# --- 12. idioms made of a number word are counted (facts/quantities.py, not a file of this reviewer) ---------

@pytest.mark.parametrize("sentence", ["The police announced a zero-tolerance policy on Monday.",
                                      "It is not a zero-sum game, the minister said.",
                                      "The one-sided match ended early.",
                                      "She gave a two-faced answer to reporters.",
                                      "Officials planned a two-pronged attack on the problem.",
                                      "It was a one-off payment to the family."])
def test_number_word_idioms_are_not_quantities(sentence):
    from storytrace.facts import extract_facts, load_facts_resources, load_nlp
    from storytrace.records import Page
    from storytrace.settings import Options

    page = Page(id="p", source="x", body=[sentence], language="en")
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    assert page.facts.get("quantities", []) == []


def test_a_counted_compound_is_still_a_quantity():
    """Control: "a three-judge panel" is three judges."""
    from storytrace.facts import extract_facts, load_facts_resources, load_nlp
    from storytrace.records import Page
    from storytrace.settings import Options

    page = Page(id="p", source="x", body=["A three-judge panel ruled on Friday."], language="en")
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    assert [(q["value"], q["counted"]) for q in page.facts["quantities"]] == [(3.0, "judge")]


# --- 13. unnamed comment markup keeps the author, the date and the buttons in the text ----------------------

def _generic_thread(reply: str, report: str, date: str) -> str:
    items = "".join(f'<div class="entry"><strong>{a}</strong> <span>{date}</span><p>{t}</p>'
                    f'<a href="#r{i}">{reply}</a> · <a href="#m{i}">{report}</a></div>'
                    for i, (a, t) in enumerate([("Anna", ("The bridge is far too expensive, the money is missing in "
                                                         "the schools.")),
                                                ("Bernd", ("Finally they build it, the ferry was packed every "
                                                          "summer."))]))
    return ("<html><head><title>Bridge</title></head><body><article><h1>Council votes for the bridge</h1>"
            "<p>The council voted on Tuesday to build a new bridge over the river, after two years of debate about "
            "its cost.</p><p>The bridge will cost 40 million euros and open in 2027, the mayor said.</p></article>"
            f'<div id="comments">{items}</div></body></html>')


@pytest.mark.parametrize(("reply", "report", "date", "iso"), [
    ("Reply", "Report", "March 1, 2024 at 10:15 am", "2024-03-01T10:15:00"),
    ("Antworten", "Melden", "1. März 2024, 10:15", "2024-03-01T10:15:00")])
def test_unnamed_comment_items_give_author_and_date_and_drop_their_buttons(reply, report, date, iso):
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    page = split_html(_generic_thread(reply, report, date), Page(id="p", source="x"), Options())
    assert [(c.author, c.published) for c in page.comments] == [("Anna", iso), ("Bernd", iso)]
    assert page.comments[0].text == "The bridge is far too expensive, the money is missing in the schools."


# --- 14. comment dates with German, French, Russian, Ukrainian month names come out as the wrong month --------

@pytest.mark.parametrize(("written", "iso"), [
    ("1. März 2024, 10:15", "2024-03-01T10:15:00"), ("1 mars 2024 à 10h15", "2024-03-01T10:15:00"),
    ("1 марта 2024, 10:15", "2024-03-01T10:15:00"), ("12 березня 2024", "2024-03-12"),
    ("1. Mai 2024 um 10:15 Uhr", "2024-05-01T10:15:00"), ("01.03.2024 10:15", "2024-03-01T10:15:00"),
    ("1 de marzo de 2024, 10:15", "2024-03-01T10:15:00"), ("12 de enero del 2023", "2023-01-12")])
def test_comment_dates_in_other_languages_are_read_or_left_out_never_wrong(written, iso):
    from storytrace.anatomy.html_comments import to_iso

    assert to_iso(written) == iso


@pytest.mark.parametrize(("written", "iso"), [
    ("March 1, 2024 at 10:15 am", "2024-03-01T10:15:00"), ("Tue Jul 24, 2012", "2012-07-24"),
    ("10/31/2012", "2012-10-31"), ("Mon, 01 Mar 2021 10:02:00 GMT", "2021-03-01T10:02:00+00:00"),
    ("3 days ago", None), ("by 94 Labs on October 19, 2011 at 7:58 pm", "2011-10-19T19:58:00")])
def test_english_comment_dates_are_read_as_before(written, iso):
    from storytrace.anatomy.html_comments import to_iso

    assert to_iso(written) == iso


# --- 15. the Spark runner counts a WARC's skipped-records note as a failed input (scale/spark.py, not mine) ----

def test_spark_row_of_a_skipped_records_note_is_not_failed():
    pytest.importorskip("pyspark")
    from storytrace.records import SKIPPED, Failure
    from storytrace.scale.spark import result_row

    note = Failure(source="crawl.warc.gz", stage=SKIPPED, error="InputError",
                   message="[E110] 1 response record(s) skipped, not HTML 2xx pages (404); the other 1 were read")
    assert result_row(note)["status"] != "failed"
    broken = Failure(source="bad.warc.gz", stage="read", error="InputError", message="[E105] truncated")
    assert result_row(broken)["status"] == "failed"


def test_spark_summary_names_inputs_with_skipped_records():
    from storytrace.cli import spark_summary

    summary = {"pages": 4, "failed": 0, "skipped_notes": 1, "stories": 1, "paths": {"pages": "o/pages"}}
    assert "1 input(s) had records skipped" in spark_summary(summary)
    assert "skipped" not in spark_summary({**summary, "skipped_notes": 0})


# --- 16. Arabic and Hebrew page text is laid out left to right in index.html ----------------------------------

def test_dossier_lays_out_each_paragraph_in_its_own_direction(tmp_path):
    import re

    from storytrace.records import Comment, Dossier, Page
    from storytrace.report import render_dossier

    arabic = "قال المسؤولون إن النهر غمر المدينة يوم الاثنين، وأجبر 300 شخص على ترك منازلهم."
    page = Page(id="0123456789abcdef", source="ar.html", title="فيضان في المدينة", language="ar",
                body=[arabic, "An English paragraph quoted on the same page."],
                comments=[Comment(id="0123456789abcdef-c0", text="هذا خبر محزن جدا!", position=0)])
    html = render_dossier(Dossier(pages=[page]))
    css = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    # every block of page text takes its direction from its own first strong letter
    assert re.search(r"unicode-bidi:\s*plaintext", css) or html.count("dir='auto'") >= 3


# --- 17. a page whose comments a script loads says nothing: 0 comments looks like a quiet thread -------------

_ARTICLE_ONLY = ("<html><head><title>Council votes</title>{head}</head><body><article><h1>Council votes</h1><p>"
                 + "The council voted on Tuesday to build a new bridge over the river after two years of debate. " * 3
                 + "</p></article>{tail}</body></html>")


@pytest.mark.parametrize(("head", "tail", "provider"), [
    ("", '<div id="disqus_thread"></div><script src="https://x.disqus.com/embed.js"></script>', "Disqus"),
    ("", '<div class="fb-comments" data-href="https://x.example/a"></div>', "Facebook"),
    ('<script async src="https://launcher.spot.im/spot/sp_abc123"></script>',
     '<div data-spotim-module="conversation"></div>', "OpenWeb")])
def test_a_script_loaded_comment_thread_gets_a_warning(head, tail, provider):
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    page = split_html(_ARTICLE_ONLY.format(head=head, tail=tail), Page(id="p", source="x"), Options())
    assert page.comments == []
    assert any(provider in w and "script" in w for w in page.warnings), page.warnings


def test_a_page_without_any_comment_widget_gets_no_such_warning():
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    page = split_html(_ARTICLE_ONLY.format(head="", tail=""), Page(id="p", source="x"), Options())
    assert not any("script" in w for w in page.warnings)
