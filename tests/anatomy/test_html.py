"""Tests for storytrace.anatomy.html and storytrace.anatomy.html_comments (hand-written fixtures)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from storytrace.anatomy.html import (
    TRAFILATURA_SETTINGS,
    boilerplate,
    check_depth,
    headline_variants,
    page_metadata,
    references,
    split_html,
    strip_site_suffix,
)
from storytrace.anatomy.html_comments import (
    _Raw,
    extract_comments,
    from_delimited,
    from_markup,
    from_microdata,
    is_hidden,
    peel_meta,
    scan_tree,
)
from storytrace.errors import InputError
from storytrace.records import Page
from storytrace.settings import Options

FIXTURES = Path(__file__).parent / "fixtures"


def _split(name: str, **options: object) -> Page:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return split_html(html, Page(id="p1", source=name), Options().replace(**options))


# (fixture, [(author, parent index or None, published prefix, text)])
THREADS = [
    ("wordpress.html", [
        ("Peter Lund", None, "2021-05-03T09:15", "Finally the bicycle lane is there, I waited years for it."),
        ("Ingrid Sand", 0, "2021-05-03T10:02", "Same here, my commute is now twenty minutes shorter."),
        ("Tomas Berg", None, "2021-05-04T18:40",
         "Who pays for the overrun? Nobody in the council answered that question."),
    ]),
    ("disqus.html", [
        ("quietreader", None, "2021-06-04T20:12", "The reading room under the glass roof is beautiful."),
        ("millworker", 0, "2021-06-05T09:30", "My grandmother worked in that weaving hall for thirty years."),
    ]),
    ("microdata.html", [
        ("Hanna Vik", None, "2021-08-20T07:30", "Our barley is already lost, the field is flooded."),
        ("Olav Dahl", 0, "2021-08-20T08:05", "Sorry to hear it, the insurance may cover part of it."),
    ]),
    ("jsonld.html", [
        ("Lene Fjord", None, "2021-09-01T06:45", "The early ferry is the only one that gets me to work on time."),
        ("Kari Strand", 0, "2021-09-01T07:10", "Write to the operator, they listened last year."),
        ("Nils Moe", None, "2021-09-02T12:00", "Good that the weekend boats stay."),
    ]),
    ("generic.html", [
        ("Greta", None, "2021-06-10T14:22", "Well deserved, the beans they sold at the fair were excellent."),
        ("Jonas", None, "2021-06-11T09:05", "My son built one of the rain tanks and is very proud of it."),
    ]),
    # TypePad: the item is div.comment-content, author and date sit in the wrapper's p.comment-footer;
    # the hidden preview/captcha boxes (class hiddenBox) are not comments
    ("typepad.html", [
        ("Maria Holm", None, "2012-09-20T10:58",
         "Good to see it move again, my father drove that crane for thirty years."),
        ("Erik Lie", None, "2012-09-21T19:15",
         "Three shifts is not enough for the autumn traffic, they will need the night shift too."),
    ]),
]


@pytest.mark.parametrize(("fixture", "expected"), THREADS, ids=[t[0] for t in THREADS])
def test_html_comments_one_by_one(fixture: str, expected: list[tuple]) -> None:
    page = _split(fixture)
    got = [(c.author, c.parent_id, (c.published or "")[:16], c.text) for c in page.comments]
    want = [(a, f"p1-c{p}" if p is not None else None, d, t) for a, p, d, t in expected]
    assert got == want
    assert [c.id for c in page.comments] == [f"p1-c{i}" for i in range(len(expected))]
    assert [c.position for c in page.comments] == list(range(len(expected)))


@pytest.mark.parametrize("fixture", [t[0] for t in THREADS])
def test_html_comments_not_in_body_and_no_meta_in_text(fixture: str) -> None:
    page = _split(fixture)
    body = page.body_text
    for c in page.comments:
        assert c.text not in body
        for noise in ("Reply", "says:", "Like"):
            assert noise not in c.text.split("\n")
        if c.author:
            assert c.author not in c.text


@pytest.mark.parametrize("fixture", ["wordpress.html"])
def test_html_extract_comments_on_tree(fixture: str) -> None:
    tree = load_html((FIXTURES / fixture).read_text(encoding="utf-8"))
    comments = extract_comments(tree, "abc")
    assert [c.id for c in comments] == ["abc-c0", "abc-c1", "abc-c2"]
    assert comments[1].parent_id == "abc-c0"


@pytest.mark.parametrize("fixture", ["wordpress.html"])
def test_html_comments_off_by_option(fixture: str) -> None:
    assert _split(fixture, extract_comments=False).comments == []


@pytest.mark.parametrize(
    ("fixture", "title", "variants"),
    [
        ("wordpress.html", "Harbour bridge reopens after two years of repairs",
         ["Harbour bridge reopens", "Harbour bridge reopens after repairs"]),
        ("disqus.html", "New library opens in the old mill", []),
    ],
)
def test_html_headline_variants(fixture: str, title: str, variants: list[str]) -> None:
    page = _split(fixture)
    assert page.title == title
    assert page.headline_variants == variants


@pytest.mark.parametrize(
    ("html", "title", "site", "expected"),
    [
        (("<html><head><title>Big storm hits the coast | Daily Planet</title>"
          "<meta property='og:title' content='Big storm hits the coast'></head><body><h1>Storm!</h1></body></html>"),
         "Big storm hits the coast", "Daily Planet", ["Storm!"]),
        (("<html><head><title>Mayor resigns - The Town Crier</title></head>"
          "<body><h1>Mayor resigns after audit</h1><h1>Mayor resigns after audit</h1></body></html>"),
         "Mayor resigns", "The Town Crier", ["Mayor resigns after audit"]),
    ],
)
def test_html_headline_variants_dedup_and_suffix(html: str, title: str, site: str, expected: list[str]) -> None:
    assert headline_variants(load_html(html), title, site) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Harbour bridge reopens | The Coastline Gazette", "The Coastline Gazette", "Harbour bridge reopens"),
        ("Gazette :: Harbour bridge reopens after repairs", None, "Harbour bridge reopens after repairs"),
        ("A plain headline", None, "A plain headline"),
    ],
)
def test_html_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


@pytest.mark.parametrize("fixture", ["wordpress.html"])
def test_html_metadata_and_boilerplate(fixture: str) -> None:
    page = _split(fixture)
    assert page.kind == "html"
    assert page.site == "The Coastline Gazette"
    assert page.url == "https://gazette.example.org/2021/05/harbour-bridge"
    assert page.published == "2021-05-03"
    assert page.body[-1].startswith("Local shop owners said the closure")
    assert "Home" in page.boilerplate and "Copyright 2021 The Coastline Gazette" in page.boilerplate
    assert not any("says:" in line for line in page.boilerplate)  # comment meta is not page boilerplate
    assert not set(page.boilerplate) & set(page.body)


@pytest.mark.parametrize("fixture", ["references.html"])
def test_html_references(fixture: str) -> None:
    page = _split(fixture)
    assert [(r.marker, r.text) for r in page.references] == [
        ("1", "Journal of Sleep Research, vol. 30, 2021."),
        ("2", "The sample counted 212 students."),
    ]


_ADMIN = "Regional military administration, statement on Telegram, 12 March 2024."
_AGENCY = "State Agency for Restoration and Infrastructure Development, press briefing, 13 March 2024."


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        # a list its markup names (ol.references), under a "References" heading
        ("references_marked_list.html", [("1", _ADMIN), ("2", _AGENCY)]),
        # a plain list under a "Sources" heading (an HTML comment between them), or a "Sources:" label
        ("references_headed_list.html",
         [("1", _ADMIN), ("2", _AGENCY), ("3", 'Reuters, "Bridge destroyed near Zaporizhzhia", 13 March 2024.')]),
        ("references_labelled_list.html", [("1", _ADMIN), ("2", _AGENCY)]),
    ],
)
def test_html_reference_list_comes_out_of_the_body(fixture: str, expected: list[tuple[str, str]]) -> None:
    page = _split(fixture)
    assert [(r.marker, r.text) for r in page.references] == expected
    assert page.body[-1].startswith("Before the war, about 3,000 vehicles")  # no heading, no "- text" item left
    assert not any("press briefing" in p or "Telegram" in p for p in page.body)


@pytest.mark.parametrize("fixture", ["references_notes_list.html"])
def test_html_list_under_a_notes_heading_stays_body(fixture: str) -> None:
    """"Notes:" heads article content as often as footnotes (a practice report's notes): the list stays."""
    page = _split(fixture)
    assert page.references == []
    assert page.body[-2:] == ["- The agency said that the temporary crossing would carry only light vehicles at first.",
                              "- Two ferries will run between the banks during the day while the work goes on."]


@pytest.mark.parametrize("depth", [100_000])
def test_html_deep_nesting_raises_input_error_fast(depth: int) -> None:
    html = "<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(InputError, match="nested deeper than 2000"):
        split_html(html, Page(id="deep", source="deep.html"), Options())
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div><div><p>a<p>b<br><img src=x></div></div>", 2),  # p, br, img add no depth
        ("<div><!-- <div><div><div> --><script>'<div><div>'</script></div>", 1),
        ("<div/><div></div>", 1),
    ],
)
def test_html_check_depth(html: str, expected: int) -> None:
    assert check_depth(html, expected) == expected  # a limit below the tag count: the scan runs


@pytest.mark.parametrize("limit", [3])
def test_html_check_depth_limit(limit: int) -> None:
    with pytest.raises(InputError):
        check_depth("<div>" * (limit + 1), limit)


@pytest.mark.parametrize("fixture", ["nobody.html"])
def test_html_no_body_gives_warning_not_error(fixture: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        page = _split(fixture)
    assert any("no extractable body" in w for w in page.warnings)
    assert page.title == "Gallery"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # trafilatura stays quiet


@pytest.mark.parametrize("html", ["", "   \n"])
def test_html_empty_raises(html: str) -> None:
    with pytest.raises(InputError):
        split_html(html, Page(id="e", source="e.html"), Options())


@pytest.mark.parametrize(
    ("html", "options", "code"),
    [
        ("  ", Options(), "E101"),
        ("<p>" + "x" * 200 + "</p>", Options(max_page_bytes=100), "E103"),
        ("<div>" * 10 + "x", Options(max_html_depth=5), "E104"),
    ],
)
def test_html_refusals_carry_their_error_code(html: str, options: Options, code: str) -> None:
    with pytest.raises(InputError) as caught:
        split_html(html, Page(id="e", source="e.html"), options)
    assert caught.value.code == code


@pytest.mark.parametrize("paragraphs", [60_000])
def test_html_large_page_in_reasonable_time(paragraphs: int) -> None:
    para = "<p>Paragraph {i} of a very long page that repeats a sentence about the harbour bridge.</p>\n"
    html = "<html><body><article>" + "".join(para.format(i=i) for i in range(paragraphs)) + "</article></body></html>"
    assert len(html) > 5_000_000
    start = time.perf_counter()
    page = split_html(html, Page(id="big", source="big.html"), Options())
    assert time.perf_counter() - start < 60
    assert len(page.body) > 1000


@pytest.mark.parametrize(
    ("text", "author", "published", "rest"),
    [
        ("Nash\n10/31/2012\nCould someone answer this?", "Nash", "2012-10-31", "Could someone answer this?"),
        ("I was born in 1985\nand still remember it.", None, None, "I was born in 1985\nand still remember it."),
    ],
)
def test_html_comments_peel_meta(text: str, author: str | None, published: str | None, rest: str) -> None:
    raw = peel_meta(_Raw(text=text))
    assert (raw.author, (raw.published or "")[:10] or None, raw.text) == (author, published, rest)


@pytest.mark.parametrize("fixture", ["typepad.html"])
def test_html_hidden_boxes_are_not_text(fixture: str) -> None:
    page = _split(fixture)
    everything = "\n".join([*page.body, *page.boilerplate, *(c.text for c in page.comments)])
    for hidden in ("This is only a preview", "did not match the image", "Your comment has been saved"):
        assert hidden not in everything


@pytest.mark.parametrize(
    ("html", "hidden"),
    [
        ('<div class="hiddenBox yellowBox">x</div>', True),
        ('<span class="screen-reader-text">x</span>', True),
        ('<div hidden>x</div>', True),
        ('<div class="hidden">x</div>', False),  # sites toggle real comment text with it
        ('<div style="display:none">x</div>', False),
        ('<div class="comment">x</div>', False),
    ],
)
def test_html_is_hidden(html: str, hidden: bool) -> None:
    tree = load_html(f"<html><body><p>a</p>{html}</body></html>")
    el = tree.find(".//body")[1]
    assert is_hidden(el) is hidden


@pytest.mark.parametrize("fixture", [t[0] for t in THREADS] + ["references.html", "nobody.html"])
def test_html_one_scan_serves_every_reader(fixture: str) -> None:
    """Readers given the shared scan find exactly what they find scanning the tree themselves."""
    tree = load_html((FIXTURES / fixture).read_text(encoding="utf-8"))
    scan = scan_tree(tree)
    assert extract_comments(tree, "x", scan) == extract_comments(tree, "x")
    assert from_markup(tree, scan) == from_markup(tree)
    assert from_microdata(tree, scan) == from_microdata(tree)
    assert from_delimited(tree, scan) == from_delimited(tree)
    assert references(tree, scan) == references(tree)
    assert boilerplate(tree, set(), scan) == boilerplate(tree, set())


@pytest.mark.parametrize(
    ("html", "named_ids", "markers", "scopes"),
    [
        (('<html><body><nav id="top">Home</nav><div id="comments"><div class="c">Nice</div>'
          '<p class="posted">Posted by Ann</p><p>Posted by Bob at 9:00</p></div>'
          '<div itemscope itemtype="https://schema.org/Comment" id="m1">hi</div>'
          '<ol class="footnotes" id="fn"></ol><div class="plain" id="p0">x</div></body></html>'),
         ["top", "comments", "fn"], 2, ["m1"]),
    ],
)
def test_html_scan_tree_keeps_what_readers_need(html: str, named_ids: list[str], markers: int,
                                                scopes: list[str]) -> None:
    scan = scan_tree(load_html(html))
    assert [el.get("id") for el, *_ in scan.named if el.get("id")] == named_ids  # page order, no "plain"
    assert len(scan.markers) == markers
    assert [el.get("id") for el in scan.scopes] == scopes


@pytest.mark.parametrize("fixture", ["wordpress.html", "disqus.html", "jsonld.html", "typepad.html"])
def test_html_page_metadata_matches_trafilatura(fixture: str) -> None:
    """The slim metadata pass gives trafilatura's own title, author, site, date and URL."""
    html = (FIXTURES / fixture).read_text(encoding="utf-8")
    meta = page_metadata(load_html(html), None)
    doc = bare_extraction(load_html(html), with_metadata=True, **TRAFILATURA_SETTINGS)  # type: ignore[arg-type]
    assert doc is not None
    assert (meta.title, meta.author, meta.sitename, meta.date, meta.url) == (
        doc.title, doc.author, doc.sitename, doc.date, doc.url)


@pytest.mark.parametrize("fixture", ["wordpress.html"])
def test_html_split_leaves_tree_for_readers_after_trafilatura(fixture: str) -> None:
    """trafilatura prunes the tree it works on; split_html's readers still see the comment section."""
    html = (FIXTURES / fixture).read_text(encoding="utf-8")
    tree = load_html(html)
    before = len(list(tree.iter()))
    bare_extraction(tree, with_metadata=False, **TRAFILATURA_SETTINGS)  # type: ignore[arg-type]
    assert len(list(tree.iter())) == before
    assert len(_split(fixture).comments) == 3


REPLY_TABLE = """<html><body><article><p>Article text about the car survey that is long enough.</p></article>
<div class="postcomments"><ol>
<li class="comment depth-1"><table class="comments"><tr><th class="comment_by"><div class="sidecommentauthor">Pch101</div>
<small class="commentmetadata">August 9th, 2012 at 2:07 pm</small></th></tr>
<tr><td><p>Per the link, the Caravan is not recommended because of its reliability.</p></td></tr></table>
<ul class="children"><li class="comment depth-2"><table class="comments comments_reply"><tr><th class="comment_by">
<div class="sidecommentauthor">dolorean</div><small class="commentmetadata">August 9th, 2012 at 2:36 pm</small></th></tr>
<tr><td><p>Agree with the Dodge Grand Caravan. Having owned one, I can attest to the niggling gremlins and
some serious problems that kept the minivan from being a favourite, and it spent more time at the dealership
for repairs than any car I have owned.</p></td></tr></table></li></ul></li>
</ol></div></body></html>"""

SAME_WORDS = """<html><body><div id="comments"><ol class="commentlist">
<li class="comment"><div class="comment-author"><cite class="fn">Kredit</cite></div>
<div class="comment-content"><p>i have been here, awesome.</p></div></li>
<li class="comment"><div class="comment-author"><cite class="fn">granite tops</cite></div>
<div class="comment-content"><p>i have been here, awesome.</p></div></li>
<li class="comment"><div class="comment-author"><cite class="fn">Kredit</cite></div>
<div class="comment-content"><p>i have been here, awesome.</p></div></li>
</ol></div></body></html>"""


@pytest.mark.parametrize("html", [REPLY_TABLE])
def test_html_long_block_named_reply_is_the_comment_not_meta(html: str) -> None:
    comments = extract_comments(load_html(html), "t")
    assert [(c.author, c.parent_id) for c in comments] == [("Pch101", None), ("dolorean", "t-c0")]
    assert comments[1].text.startswith("Agree with the Dodge Grand Caravan.")


@pytest.mark.parametrize("html", [SAME_WORDS])
def test_html_same_words_by_two_authors_are_two_comments(html: str) -> None:
    comments = extract_comments(load_html(html), "t")
    assert [c.author for c in comments] == ["Kredit", "granite tops"]  # the repeat by Kredit is dropped


SIBLING_REGIONS = """<html><body><div class="blog"><p>The article about the river festival is here and long.</p>
<div class="comments-head">2 comments</div>
<div class="comments-body"><b>Anna</b><br><span class="comments-post">The fireworks over the river were the best in years.</span></div>
<div class="comments-body"><b>Per</b><br><span class="comments-post">Too loud for the dogs, but the children loved every minute.</span></div>
</div></body></html>"""

POST_META_AND_THREAD = """<html><body><div class="Entry">
<div class="Comment">Written by Nickel - 4 Comments</div>
<div class="Comment">Published on November 1st, 2012 - 4 Comments - Filed under: Insurance</div>
<ol class="commentlist">
<li class="comment"><cite class="fn">BG</cite><div class="comment-content"><p>Awesome job on maxing out the 401k this year!</p></div></li>
<li class="comment"><cite class="fn">Don</cite><div class="comment-content"><p>We are only making one small change this year.</p></div></li>
</ol></div></body></html>"""


@pytest.mark.parametrize("html", [SIBLING_REGIONS])
def test_html_repeated_sibling_regions_are_the_comments(html: str) -> None:
    comments = extract_comments(load_html(html), "t")
    # the unnamed <b> name stays in the text (no author markup); one comment per region, "2 comments" is none
    assert [c.text.split("\n")[-1] for c in comments] == [
        "The fireworks over the river were the best in years.",
        "Too loud for the dogs, but the children loved every minute."]


@pytest.mark.parametrize("html", [POST_META_AND_THREAD])
def test_html_sibling_regions_only_when_no_thread_found(html: str) -> None:
    comments = extract_comments(load_html(html), "t")
    assert [c.author for c in comments] == ["BG", "Don"]


ID_ONLY_RUN = """<html><body><div class="post"><p>The article text about press interviews is long enough.</p>
<div id="BlogView_PostComment_AJ">Post Comment<br>Name *<br>Email *<br>Website (optional)<br>Comment *</div>
<div id="BlogView_PostComment_AjaxLoadingPanel">Loading the comment form, please wait a moment.</div>
</div></body></html>"""


@pytest.mark.parametrize("html", [ID_ONLY_RUN])
def test_html_sibling_regions_named_only_by_id_are_not_comments(html: str) -> None:
    assert extract_comments(load_html(html), "t") == []


_DATED_BODY = ("<h1>Emirates orders jets</h1>" + "<p>Dubai's carrier Emirates finalized a deal to buy 30 Boeing jets, "
               "executives said on Wednesday at the air show, after months of talks with the manufacturer.</p>" * 4)


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta property="article:published_time" content="2019-11-20T09:29:08+0000">', "2019-11-20T09:29:08+00:00"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-20T09:29:08Z"}'
         "</script>", "2019-11-20T09:29:08+00:00"),
        ('<meta itemprop="datePublished" content="2019-11-20T09:29:08">', "2019-11-20T09:29:08"),  # no zone given
        ('<meta property="article:published_time" content="2019-11-20">', "2019-11-20"),  # no time given: none made up
    ],
)
def test_html_published_keeps_the_time_and_zone_the_page_states(head, published):
    from storytrace.anatomy.html import split_html

    html = f"<html><head><title>Emirates orders jets</title>{head}</head><body><article>{_DATED_BODY}</article></body></html>"
    page = split_html(html, Page(id="d", source="d.html"), Options())
    assert page.published == published
