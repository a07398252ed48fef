import json

import pytest

from storytrace.records import Comment, Dossier, Failure, Page, Reference
from storytrace.report import dossier_jsonld, render_dossier, write_dossier
from storytrace.schema import validate_dossier

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>\'"&'


def _evil_dossier():
    page = Page(
        id="0123456789abcdef", source=f"file:///{EVIL}", url=f"https://e.example/{EVIL}", title=EVIL,
        headline_variants=[EVIL], body=[EVIL, "plain"], boilerplate=[EVIL],
        references=[Reference(marker=EVIL, text=EVIL)],
        comments=[Comment(id=EVIL, text=EVIL, position=0, author=EVIL, parent_id=EVIL, flags=[EVIL],
                          scores={EVIL: 0.9}, targets=[EVIL], decoded=[{"span": EVIL, "start": 0, "end": 1, "decoded": EVIL, "kind": EVIL}])],
        errors=[EVIL], warnings=[EVIL + 'warned'], author=EVIL, site=EVIL, published=EVIL, language=EVIL,
        facts={"entities": [{"id": "e0", "name": EVIL, "label": EVIL, "confidence": 0.5, "mentions": [],
                             "place": {"name": EVIL, "feature": EVIL, "country": EVIL}}],
               "claims": [{"id": "c0", "text": EVIL, "span": {"paragraph": 0, "start": 0, "end": 1, "text": EVIL},
                           "subject": EVIL, "predicate": EVIL, "object": EVIL, "modality": "reported",
                           "attribution": EVIL}],
               "notes": [EVIL]},
        thread={EVIL: EVIL},
    )
    # a cluster with the fields the schema requires (session 26), every value and one extra key hostile
    cluster = {"kind": "identical", "text": EVIL, "pages": [page.id], "authors": [EVIL], EVIL: EVIL,
               "comments": [{"page": page.id, "comment": EVIL, "author": EVIL}]}
    return Dossier(pages=[page], failures=[Failure(EVIL, EVIL, EVIL, EVIL)], coordination=[cluster])


def test_html_escapes_every_page_and_comment_value():
    out = render_dossier(_evil_dossier())
    assert "<script" not in out.lower()
    assert "<img" not in out.lower()
    # every occurrence is the escaped form
    assert out.count("&lt;script&gt;") >= 15
    assert "Content-Security-Policy" in out and "script-src 'none'" in out


def test_html_shows_page_warnings():
    out = render_dossier(_evil_dossier())
    assert "<ul class='warn'><li>&lt;script&gt;" in out and "warned</li>" in out


@pytest.mark.parametrize("needle", ["<script>", "<img src=x", "\"x\")"])
def test_html_contains_no_raw_hostile_fragment(needle):
    assert needle not in render_dossier(_evil_dossier())


def test_write_dossier_writes_every_file_and_they_validate(tmp_path):
    dossier = _evil_dossier()
    dossier.pages[0].language = "en"
    paths = write_dossier(dossier, tmp_path)
    data = json.loads(paths["dossier"].read_text())
    validate_dossier(data)
    assert json.loads((tmp_path / "pages" / "0123456789abcdef.json").read_text())["title"] == EVIL
    graph = json.loads(paths["jsonld"].read_text())["@graph"]
    assert graph[0]["@type"] == "NewsArticle" and graph[0]["comment"][0]["@type"] == "Comment"


def test_jsonld_rewrite_points_to_its_source_with_isBasedOn():
    a = Page(id="a" * 16, source="a", title="Original")
    b = Page(id="b" * 16, source="b", title="Rewrite")
    dossier = Dossier(pages=[a, b], stories=[{"relations": [{"type": "rewrite", "page": b.id, "based_on": a.id}]}])
    graph = {n["identifier"]: n for n in dossier_jsonld(dossier)["@graph"]}
    assert graph[b.id]["isBasedOn"] == [{"@id": f"urn:storytrace:page:{a.id}"}]  # a has no URL
    assert "isBasedOn" not in graph[a.id]


def test_streamed_dossier_json_equals_the_in_memory_dossier(tmp_path):
    pages = [Page(id=f"{i:016x}", source=f"{i}.html", title=f"T{i}", body=[f"p{i}"],
                  comments=[Comment(id=f"c{i}", text="same text", position=0, author=f"a{i}")]) for i in range(3)]
    dossier = Dossier(pages=pages, failures=[Failure("x.bin", "ingest", "InputError", "binary")],
                      coordination=[{"kind": "exact", "pages": [p.id for p in pages]}])
    paths = write_dossier(dossier, tmp_path)
    assert json.loads(paths["dossier"].read_text()) == dossier.as_dict()
    assert len(json.loads(paths["jsonld"].read_text())["@graph"]) == 3
    html = paths["html"].read_text()
    assert html.count("<section") == 3 and "3 page(s) analysed, 1 input(s) failed" in html
    assert not any(p.name.startswith("storytrace-") for p in tmp_path.iterdir())  # temp files removed


def test_streaming_writer_keeps_only_comment_shells(tmp_path):
    from storytrace.report.write import DossierWriter

    writer = DossierWriter(tmp_path)
    writer.add(Page(id="0" * 16, source="a", body=["long body"] * 100,
                    comments=[Comment(id="c", text="t", position=0, author="x", scores={"toxic": 0.9})]))
    (shell,) = writer.thread_shells
    assert shell.body == [] and shell.comments[0].scores == {} and shell.comments[0].author == "x"
    writer.close()


def test_streaming_writer_leaves_no_partial_files_when_the_run_fails(tmp_path):
    from storytrace.report.write import DossierWriter

    with pytest.raises(RuntimeError), DossierWriter(tmp_path) as writer:
        writer.add(Page(id="0" * 16, source="a", body=["b"]))
        raise RuntimeError("crash mid-run")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".storytrace-output", "pages"]  # the output marker


def test_thread_summary_names_comments_by_position_and_links_them():
    comments = [Comment(id=f"p-c{i}", text=t, position=i) for i, t in enumerate(["fine", "awful", "awful too"])]
    comments.append(Comment(id=EVIL, text="hostile id", position=3))
    thread = {"comments": 4, "toxic_share": 0.5, "toxic_comments": ["p-c1", EVIL],
              "top_targets": [{"group": EVIL, "comments": 2}], "flood_share": 0.25,
              "relations": [{"comment": "p-c2", "quotes": "p-c1"}, {"comment": EVIL, "parent": "p-c0"}],
              "coordinated_clusters": [{"kind": "identical", "comments": ["p-c1", "p-c2"], "text": EVIL}],
              "new_key": {"unlisted": EVIL}}
    page = Page(id="0123456789abcdef", source="x.html", comments=comments, thread=thread)
    out = render_dossier(Dossier(pages=[page]))
    assert "2 of 4 (50 %): <a href='#c-p-c1'>#2</a>" in out  # shown from #1 (session 24); position counts from 0
    assert "<a href='#c-p-c2'>#3</a> quotes <a href='#c-p-c1'>#2</a>" in out
    assert "replies to <a href='#c-p-c0'>#1</a>" in out
    assert "<th>flooding</th><td>25 %</td>" in out
    assert "<th>new_key</th>" in out  # keys the renderer does not know still show
    assert "<script" not in out.lower() and "&lt;script&gt;" in out


def test_thread_summary_with_malformed_values_still_renders():
    page = Page(id="0123456789abcdef", source="x.html", comments=[Comment(id="c0", text="hi", position=0)],
                thread={"comments": EVIL, "toxic_comments": EVIL, "flood_share": EVIL, "top_targets": EVIL})
    out = render_dossier(Dossier(pages=[page]))
    assert "0 of 1 (0 %)" in out and "<script" not in out.lower()


def test_thread_summary_says_in_words_how_scores_are_calibrated():
    comments = [Comment(id="c0", text="hi", position=0)]
    news = Page(id="0123456789abcdef", source="x.html", comments=comments, thread={"calibration": "news_comments"})
    odd = Page(id="0123456789abcdee", source="y.html", comments=comments, thread={"calibration": EVIL})
    out = render_dossier(Dossier(pages=[news, odd]))
    assert "for reader comments under articles (news_comments" in out
    assert "<script" not in out.lower()  # an unknown value is shown escaped


def test_unparsed_claims_show_their_sentence_and_say_they_were_not_parsed():
    claims = [{"id": "c0", "text": "The <b>council</b> met again.", "subject": None, "predicate": None,
               "object": None, "modality": "asserted", "parsed": False},
              {"id": "c1", "text": "Officials approved 5 million dollars.", "subject": "Officials",
               "predicate": "approve", "object": "5 million dollars", "modality": "asserted", "parsed": True}]
    out = render_dossier(Dossier(pages=[Page(id="a" * 16, source="a", facts={"claims": claims})]))
    rows = out.split("<h4>Claims (2)</h4>", 1)[1].split("</table>", 1)[0].split("<tr>")[2:]
    assert "The &lt;b&gt;council&lt;/b&gt; met again." in rows[0] and "not parsed" in rows[0]
    assert "asserted" not in rows[0]  # the default modality of an unparsed sentence is not a finding
    assert "Officials approved" in rows[1] and "not parsed" not in rows[1] and "asserted" in rows[1]


def test_every_table_scrolls_in_its_own_box_and_long_words_may_break():
    url = "in/x.warc.gz#2:https://www.example.com/2019/11/19/opinion/a-very-long-path-without-spaces.html"
    page = Page(id="a" * 16, source="a", comments=[Comment(id="c0", text="hi", position=0)], thread={"comments": 1},
                facts={"topics": [{"id": "medtop:1", "name": "politics", "score": 0.5}]})
    out = render_dossier(Dossier(pages=[page], failures=[Failure(url, "ingest", "InputError", "cut short")]))
    assert out.count("<table") == 3 and out.count("<div class='wide'><table") == 3
    assert ".wide{overflow-x:auto" in out
    assert f"<td class='brk'>{url}</td>" in out and "<td>InputError</td>" in out  # short words never break


def test_negation_only_findings_are_shown_as_possible_not_as_contradictions():
    possible = {"base": "The office had no plan.", "other": "The office had a plan.", "score": 0.8,
                "reasons": ["negation: one version denies what the other states"]}
    comparison = {"base": "a" * 16, "other": "b" * 16, "agree": [], "contradict": [], "possible": [possible],
                  "added": [], "dropped": [], "quantities": [],
                  "counts": {"agree": 0, "contradict": 0, "possible": 1, "added": 0, "dropped": 0}}
    story = {"id": "s0", "pages": [{"id": "a" * 16}, {"id": "b" * 16}],
             "relations": [{"type": "independent", "page": "b" * 16, "other": "a" * 16, "comparison": comparison}]}
    out = render_dossier(Dossier(stories=[story]))
    assert "<b>0 contradict</b>" not in out and "0 contradict, 1 possibly contradict" in out
    assert "Possible contradictions (negation only)" in out and "Contradictions (numbers" not in out


def _same_title_story():
    """A syndicated copy with the same long headline and one edited number."""
    title = "Building collapses after fire at factory in Delhi, people trapped"
    base, other = "a" * 16, "b" * 16
    contradiction = {"base": "Total 35 fire tenders were rushed to the spot.",
                     "other": "Total 350 fire tenders were rushed to the spot.", "reasons": ["numbers differ: 35 vs 350"]}
    agree = {"base": "The fire broke out at 4 am.", "other": "The fire broke out at 4 am.", "score": 1.15}
    comparison = {"base": base, "other": other, "agree": [agree], "contradict": [contradiction], "possible": [],
                  "added": [], "dropped": [], "quantities": [],
                  "counts": {"agree": 1, "contradict": 1, "possible": 0, "added": 0, "dropped": 0}}
    pages = [{"id": base, "title": title, "source": "in/a.html", "site": "delhi-daily.example",
              "published": "2019-12-08T09:00:00"},
             {"id": other, "title": title, "source": "in/b.html", "site": "metro-news.example",
              "published": "2019-12-09"}]
    relation = {"type": "copy", "page": other, "based_on": base, "direction": "date", "comparison": comparison}
    return {"id": "s0", "title": title, "pages": pages, "relations": [relation]}


def test_comparison_of_two_pages_with_the_same_title_keeps_both_columns():
    out = render_dossier(Dossier(stories=[_same_title_story()]))
    contradictions = out.split("Contradictions (numbers")[1].split("</table>")[0]
    assert "Total 35 fire tenders" in contradictions and "Total 350 fire tenders" in contradictions
    assert contradictions.count("<th>") == 3  # reasons, base, other
    assert "(delhi-daily.example, 2019-12-08)</th>" in contradictions  # the same headline: outlet and date added
    assert "(metro-news.example, 2019-12-09)</th>" in contradictions


def test_bidi_override_characters_in_page_text_cannot_reorder_the_dossier():
    """'Great article \\u202egnp.exe\\u202c' displayed as 'exe.png', and an author's override reversed the tags
    after the name: every bidi embedding, override and isolate is shown as a visible marker instead."""
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    page = Page(id="a" * 16, source="a", title="Title \u202eevil", body=["Body \u2067x"],
                comments=[Comment(id="c0", text="Great article \u202egnp.exe\u202c and more", position=0,
                                  author="rtl\u202eevil", language="en")])
    out = render_dossier(Dossier(pages=[page]))
    assert not any(c in out for c in controls)
    assert "Great article [U+202E]gnp.exe[U+202C] and more" in out
    assert "<bdi>rtl[U+202E]evil</bdi>" in out


def test_claim_scores_above_one_are_shown_as_a_similarity_of_at_most_one():
    out = render_dossier(Dossier(stories=[_same_title_story()]))
    agree = out.split("Claims that agree")[1].split("</table>")[0]
    assert "1.15" not in agree and "<td>1.00</td>" in agree and "<th>similarity</th>" in agree


def test_relation_headings_name_each_version_by_outlet_and_date():
    out = render_dossier(Dossier(stories=[_same_title_story()]))
    [heading] = [line for line in out.split("\n") if line.startswith("<h4>")]
    assert heading.index("metro-news.example, 2019-12-09") < heading.index("is a copy of")
    assert heading.index("is a copy of") < heading.index("delhi-daily.example, 2019-12-08")


def _navigable_dossier():
    story = _same_title_story()
    pages = [Page(id=p["id"], source=p["source"], title=p["title"], site=p["site"], body=["Body."],
                  comments=[Comment(id=f"{p['id']}-c0", text="Same words here.", position=0, author=name)])
             for p, name in zip(story["pages"], ("Ann", "Bob"), strict=True)]
    loose = Page(id="c" * 16, source="in/semeval.jsonl#L3", body=["North Korea sends sappers to the Kursk region."])
    coordination = [{"kind": "identical", "text": "Same words here.", "pages": [p.id for p in pages],
                     "authors": ["Ann", "Bob"], "several_names": True, "several_pages": True,
                     "comments": [{"page": p.id, "comment": p.comments[0].id, "author": p.comments[0].author}
                                  for p in pages]}]
    return Dossier(pages=[*pages, loose], stories=[story], coordination=coordination)


@pytest.mark.parametrize("streamed", [False, True])
def test_dossier_contents_list_pages_by_story_and_each_page_links_to_its_story_and_back(tmp_path, streamed):
    dossier = _navigable_dossier()
    out = write_dossier(dossier, tmp_path)["html"].read_text() if streamed else render_dossier(dossier)
    contents = out.split("<nav class='toc'>")[1].split("</nav>")[0]
    assert "Stories (1)" in contents and "Pages in no story (1)" in contents
    assert contents.index("href='#s-s0'") < contents.index(f"href='#p-{'a' * 16}'") < contents.index("Pages in no")
    assert "(untitled) North Korea sends sappers to the Kursk region." in contents  # not 'semeval.jsonl#L3'
    assert "href='#coordination'" in contents
    page_a = out.split(f"<section id='p-{'a' * 16}'>")[1].split("</section>")[0]
    assert "href='#top'" in page_a and "in story: <a href='#s-s0'>" in page_a
    assert f"href='#comments-{'a' * 16}'>comments (1)</a>" in page_a and f"id='comments-{'a' * 16}'" in page_a
    loose = out.split(f"<section id='p-{'c' * 16}'>")[1].split("</section>")[0]
    assert "href='#top'" in loose and "in story" not in loose
    assert "<h1 id='top'>" in out


def test_coordination_table_names_authors_and_pages_with_links_not_raw_ids():
    out = render_dossier(_navigable_dossier())
    section = out.split("<h2 id='coordination'>")[1].split("</table>")[0]
    assert "True" not in section and "several_names" not in section and "page=" not in section
    assert "2 comments under 2 names on 2 pages" in section
    assert f"<a href='#c-{'a' * 16}-c0'><bdi>Ann</bdi></a> on <a href='#p-{'a' * 16}'>Building collapses" in section


def test_a_huge_word_is_shown_clipped_and_words_may_wrap_anywhere():
    page = Page(id="a" * 16, source="a", body=["Look: " + "A" * 10_000],
                comments=[Comment(id="c0", text="B" * 5_000, position=0)])
    out = render_dossier(Dossier(pages=[page]))
    assert "A" * 201 not in out and "A" * 200 + "… [+9,800 characters]" in out
    assert "B" * 200 + "… [+4,800 characters]" in out
    assert "overflow-wrap:anywhere" in out


def test_a_possible_other_event_and_the_story_notes_are_shown_and_its_claims_are_not_judged():
    story = _same_title_story()
    why = "same topic, maybe another event: published 430 days apart <b>"
    relation = story["relations"][0]
    relation["maybe_other_event"] = why
    relation["comparison"] |= {"not_compared": why, "agree": [], "contradict": [],
                               "added": ["Mumbai <i>claim</i>"], "counts": {"agree": 0, "contradict": 0, "added": 1}}
    story["notes"] = ["Pages in de were compared on raw sentences <script>"]
    out = render_dossier(Dossier(stories=[story]))
    assert "Maybe another event:</b> same topic, maybe another event: published 430 days apart &lt;b&gt;" in out
    assert "Claims not judged: same topic" in out and "Contradictions (numbers" not in out
    assert "Mumbai &lt;i&gt;claim&lt;/i&gt;" in out  # the claims are still listed
    assert "raw sentences &lt;script&gt;</p>" in out


def test_a_stop_while_the_writer_opens_its_files_leaves_none(tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM after dossier.json's .part file exists but before the writer is inside a `with` block (a
    race the CLI's SIGTERM test hit under load) leaves no .part file and no temp folder."""
    import pathlib

    from storytrace.report.write import DossierWriter

    real_open = pathlib.Path.open

    def stopped_at_nodes(self, *args, **kwargs):
        if self.name == "nodes.jsonl":
            raise KeyboardInterrupt
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", stopped_at_nodes)
    with pytest.raises(KeyboardInterrupt):
        DossierWriter(tmp_path / "out", keep_stories=False)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".storytrace-output", "pages"]


def test_a_direction_the_renderer_does_not_know_is_shown_escaped_not_formatted():
    """A stored relation's direction is data: "{0}" in it must not reach str.format (IndexError) nor the page raw."""
    from storytrace.report.html import _relation

    html = _relation({"type": "rewrite", "page": "a", "based_on": "b", "direction": "{0}{kind}<x>"}, {}, {})
    assert "told by {0}{kind}&lt;x&gt;." in html


def test_per_side_counts_add_up_and_restating_claims_are_listed():
    """Each side's claims counted once (stories/compare.py _tallies): restating claims have their own line and list."""
    restate = {"base": None, "other": "Over 6000 people help <b>rebuild</b>.", "restates": "The army helps."}
    comparison = {"base": "a" * 16, "other": "b" * 16, "agree": [], "contradict": [], "possible": [],
                  "restates": [restate], "added": [], "dropped": ["Roads reopen."], "quantities": [],
                  "counts": {"agree": 2, "contradict": 1, "possible": 0, "added": 0, "dropped": 1,
                             "base_claims": 4, "base_agree": 2, "base_contradict": 1, "base_restates": 0,
                             "other_claims": 4, "other_agree": 2, "other_contradict": 1, "other_restates": 1}}
    story = {"id": "s0", "pages": [{"id": "a" * 16}, {"id": "b" * 16}],
             "relations": [{"type": "rewrite", "page": "b" * 16, "based_on": "a" * 16, "comparison": comparison}]}
    out = render_dossier(Dossier(stories=[story]))
    assert "(4 claims): 2 agree, <b>1 contradict</b>, 1 dropped." in out
    assert "(4 claims): 2 agree, <b>1 contradict</b>, 1 restate a claim paired with another, 0 added." in out
    assert "Restating a claim paired with another (1)" in out
    assert "<b>rebuild</b>" not in out and "&lt;b&gt;rebuild&lt;/b&gt;" in out
