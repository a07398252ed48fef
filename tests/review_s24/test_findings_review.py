"""Session-24 user review ("review"): each test failed on a074760 and passes with its fix
(.scratch_notes/review_defects.md lists them)."""

from __future__ import annotations

import re

import pytest

from storytrace.records import Comment, Dossier, Page
from storytrace.report import render_dossier
from storytrace.settings import Options
from tests.conftest import ClosedPipe


def _scored_page() -> Page:
    scores = {"toxic": 0.85, "insult": 0.1, "identity_attack": 0.8, "profanity": 0.0, "threat": 0.0, "sexual": 0.0}
    comments = [Comment(id="p-c0", text="First!", position=0, flags=["low_content"]),
                Comment(id="p-c1", text="muslims are vermin", position=1, parent_id="p-c0", scores=scores,
                        targets=["Muslims"], flags=["near_duplicate"],
                        evidence=[{"start": 0, "end": 7, "text": "muslims", "category": "identity_attack"}])]
    thread = {"comments": 2, "toxic_comments": ["p-c1"], "toxic_share": 0.5}
    return Page(id="p" * 16, source="p.html", body=["Body."], comments=comments, thread=thread)


def test_comments_are_numbered_from_one_in_the_html():
    """Task B: the HTML numbered comments from #0 ("Comments (27)" listed #0-#26); a reader counts from 1. The JSON
    keeps ``position`` from 0."""
    out = render_dossier(Dossier(pages=[_scored_page()]))
    assert "<div class='meta'>#1 " in out and "<div class='meta'>#2 " in out
    assert "reply to <a href='#c-p-c0'>#1</a>" in out
    toxic_row = out.split("<th>toxic (score ≥ 0.5)</th>")[1].split("</tr>")[0]
    assert "<a href='#c-p-c1'>#2</a>" in toxic_row
    assert ">#0<" not in out and "#0 " not in out


def test_score_and_flag_tags_are_human_words():
    """Task B: tags showed the stage's raw names ("identity_attack 0.80", "low_content", "near_duplicate")."""
    out = render_dossier(Dossier(pages=[_scored_page()]))
    tags = re.sub(r" title='[a-z_]+'", "", out.split("id='c-p-c0'")[1])  # the hover title keeps the JSON's name
    assert "identity_attack" not in tags
    assert "low_content" not in tags and "near_duplicate" not in tags
    assert "attack on a group 0.80" in tags
    assert "little content" in tags and "nearly the same text as another comment" in tags


def test_a_storys_similarity_and_a_relations_similarity_are_told_apart():
    """Task B: the story's "mean similarity 0.818" stood beside the relation's "meaning similarity 0.82": nearly the
    same words for numbers of different kinds (a mean over the story's page pairs, one pair's lead similarity)."""
    pages = [{"id": c * 16, "source": f"{c}.html", "title": f"Page {c}"} for c in "abc"]
    relation = {"type": "rewrite", "page": "b" * 16, "based_on": "a" * 16, "direction": "date",
                "evidence": {"shingle_jaccard": 0.03, "similarity": 0.8234}}
    story = {"id": "s0", "title": "Dam", "pages": pages, "similarity": 0.818, "relations": [relation]}
    out = render_dossier(Dossier(stories=[story]))
    assert "mean similarity" not in out
    assert "meaning similarity of the leads 0.82 on average over 3 pairs" in out
    assert "shared wording 3 % · meaning similarity of the leads 0.82<" in out


# --- exports -----------------------------------------------------------------------------------------------------

def _store_with_a_story(tmp_path):
    from storytrace.store import SQLiteStore

    pages = [Page(id=c * 16, source=f"{c}.html", title=f"Dam story by {site}", site=site, body=["Body."])
             for c, site in (("a", "Gazette"), ("b", "Other Outlet"), ("c", "Loner"))]
    story = {"id": "s" * 16, "title": "Dam story", "similarity": 0.8,
             "pages": [{"id": p.id, "title": p.title, "site": p.site, "source": p.source} for p in pages[:2]],
             "relations": [{"type": "copy", "page": "b" * 16, "based_on": "a" * 16, "direction": "date",
                            "evidence": {"similarity": 0.8, "shingle_jaccard": 0.7}}]}
    path = tmp_path / "st.sqlite"
    with SQLiteStore(path) as store:
        store.add(pages)
        store.add_stories([story])
    return path


def test_the_pages_export_says_which_story_each_page_is_in(tmp_path):
    """Task B: the pages table had no ``story_id``: a researcher had to split the stories table's ``page_ids``."""
    import pandas as pd

    from storytrace.cli import main

    db = _store_with_a_story(tmp_path)
    for fmt, name in (("csv", "pages.csv"), ("parquet", "pages.parquet")):
        assert main(["export", "--db", str(db), "--table", "pages", "--format", fmt, "--out", str(tmp_path / name)]) == 0
        table = pd.read_csv(tmp_path / name) if fmt == "csv" else pd.read_parquet(tmp_path / name)
        assert list(table.columns)[-1] == "story_id"
        ids = dict(zip(table["id"], table["story_id"], strict=True))
        assert ids["a" * 16] == ids["b" * 16] == "s" * 16 and pd.isna(ids["c" * 16])


def test_the_relations_export_names_both_pages_readably(tmp_path):
    """Task B: the relations table named its two pages by content hash only."""
    import pandas as pd

    from storytrace.cli import main

    db = _store_with_a_story(tmp_path)
    out = tmp_path / "rel.csv"
    assert main(["export", "--db", str(db), "--table", "relations", "--format", "csv", "--out", str(out)]) == 0
    row = pd.read_csv(out).iloc[0]
    assert row["page_title"] == "Dam story by Other Outlet" and row["page_site"] == "Other Outlet"
    assert row["based_on_title"] == "Dam story by Gazette" and row["based_on_site"] == "Gazette"


def test_the_csv_formula_guard_also_covers_full_width_signs_and_leading_spaces():
    """Task B: "＝1+1" (full-width equals: spreadsheets in East Asian locales read it as "=") and "  =1+1" were
    written as they are; OWASP's list alone does not cover them."""
    from storytrace.store.export import _spreadsheet_safe

    for text in ("\uff1d1+1", "\uff0bcmd", "\uff0d2+3", "\uff20SUM(1)", "  =1+1", "\u3000=1+1", "\n=1+1"):
        assert _spreadsheet_safe(text) == "'" + text, text
    assert _spreadsheet_safe("Plain words = fine") == "Plain words = fine"
    assert _spreadsheet_safe(" plain") == " plain"




def test_a_parquet_export_cut_off_by_its_reader_is_a_failure(tmp_path, capsys, monkeypatch):
    """Task B: ``export --format parquet --out - | head -c 10`` ended with status 0 and no word, though a Parquet file
    is readable only whole (its index is at the end). Line formats may stop early (``| head``): they keep status 0."""
    import sys

    from storytrace.cli import main

    db = _store_with_a_story(tmp_path)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["export", "--db", str(db), "--table", "pages", "--format", "parquet", "--out", "-"])
    err = capsys.readouterr().err
    assert code == 1 and "incomplete" in err and "row(s) written" not in err
    assert main(["export", "--db", str(db), "--table", "pages", "--format", "csv", "--out", "-"]) == 0


# --- Python API ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("setting", "value", "error"), [
    ("workers", 0, ValueError), ("workers", -2, ValueError), ("batch_size", 0, ValueError),
    ("fetch_timeout", 0, ValueError), ("fetch_timeout", float("nan"), ValueError), ("max_page_bytes", -1, ValueError),
    ("max_text_lines", 0, ValueError), ("fetch_max_redirects", -1, ValueError), ("max_html_depth", 0, ValueError),
    ("workers", "2", TypeError), ("workers", 2.5, TypeError), ("workers", True, TypeError),
    ("fetch_timeout", "15", TypeError),
])
def test_numeric_settings_out_of_range_are_refused(setting, value, error):
    """Task B: ``Options`` numbers were not checked: ``workers=0`` ran as 1 (the CLI refuses 0), a timeout of 0 or a
    negative page limit were taken as given."""
    with pytest.raises(error, match=setting):
        Options(**{setting: value})


def test_numeric_settings_in_range_are_kept():
    options = Options(workers=2, fetch_timeout=2, fetch_max_redirects=0, batch_size=1)
    assert (options.workers, options.fetch_timeout, options.fetch_max_redirects) == (2, 2, 0)


@pytest.mark.parametrize("page", [
    "<html><body><p>A page held in memory</p></body></html>",
    "  <!doctype html><html><body>x</body></html>",
    "A plain-text article.\nIts second paragraph.\n",
])
def test_a_page_given_as_text_says_how_to_pass_it(page, tmp_path, monkeypatch):
    """Task B: ``analyze("<html>…")`` analysed nothing and reported "[E109] cannot open the file" with the HTML as the
    file name; it now says at once that inputs are paths or URLs and how to give a page held in memory."""
    import storytrace

    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=r"inputs\[0\] looks like a page's content.*JSONL"):
        storytrace.analyze(page, with_facts=False, with_comments=False, with_stories=False)


def test_a_file_whose_name_looks_like_markup_is_still_read(tmp_path, monkeypatch):
    from storytrace.api import input_list

    monkeypatch.chdir(tmp_path)
    (tmp_path / "<odd>.html").write_text("<p>x</p>", encoding="utf-8")
    assert input_list(["<odd>.html"]) == ["<odd>.html"]


# --- the moderator's view ------------------------------------------------------------------------------------------

def _two_threads() -> list[Page]:
    def scored(toxic, insult=0.0, attack=0.0):
        return {"toxic": toxic, "insult": insult, "identity_attack": attack, "profanity": 0.0, "threat": 0.0,
                "sexual": 0.0}

    first = Page(id="a" * 16, source="a.html", title="Dam closes", body=["Body."], comments=[
        Comment(id="a-c0", text="Thanks for the report.", position=0, author="Ann", scores=scored(0.01)),
        Comment(id="a-c1", text="you are a stupid idiot", position=1, author="<b>Troll</b>",
                scores=scored(0.7, insult=0.7))],
        thread={"comments": 2, "toxic_comments": ["a-c1"], "toxic_share": 0.5})
    second = Page(id="b" * 16, source="b.html", title="Dam reopens", body=["Body."], comments=[
        Comment(id="b-c0", text="muslims are vermin", position=0, author="X", targets=["Muslims"],
                scores=scored(0.9, attack=0.9)),
        Comment(id="b-c1", text="Muslims live downstream too.", position=1, author="Y", targets=["Muslims"],
                scores=scored(0.02))],
        thread={"comments": 2, "toxic_comments": ["b-c0"], "toxic_share": 0.5})
    return [first, second]


def test_the_dossier_lists_every_toxic_comment_across_pages_for_review():
    """A moderator of a 67-page crawl (the review batch) saw "· 100 comments, 5 toxic" beside each page in the
    contents, but had to open each of 20-odd threads to find the toxic comments: no list across pages, highest
    first, said who wrote each where and why it is flagged, and no total of the groups targeted."""
    out = render_dossier(Dossier(pages=_two_threads()))
    section = out.split("<h2 id='review'>")[1].split("</table>")[0]
    assert section.startswith("Comments to review (2)")
    assert "2 toxic comments (toxic score 0.5 or more) on 2 pages" in section
    assert "Muslims (2 comments on 1 page)" in section
    rows = section.split("<tr>")[2:]
    assert "<a href='#c-b-c0'>#1</a>" in rows[0] and "Dam reopens" in rows[0] and "attack on a group 0.90" in rows[0]
    assert "<a href='#c-a-c1'>#2</a>" in rows[1] and "<bdi>&lt;b&gt;Troll&lt;/b&gt;</bdi>" in rows[1]
    assert "<a href='#review'>Comments to review</a>" in out.split("</nav>")[0]


def test_the_streamed_dossier_lists_toxic_comments_for_review_too(tmp_path):
    from storytrace.report import write_dossier

    paths = write_dossier(Dossier(pages=_two_threads()), tmp_path / "out")
    html = paths["html"].read_text(encoding="utf-8")
    assert "<h2 id='review'>Comments to review (2)</h2>" in html and "<a href='#c-b-c0'>#1</a>" in html


def test_the_review_list_keeps_the_highest_scores_when_there_are_many(monkeypatch):
    from storytrace.report import html as report_html

    monkeypatch.setattr(report_html, "MAX_REVIEW_ROWS", 3)
    scores = {"toxic": 0.6, "insult": 0.6}
    comments = [Comment(id=f"p-c{i}", text=f"idiot {i}", position=i, scores=dict(scores, toxic=0.5 + i / 100))
                for i in range(6)]
    out = render_dossier(Dossier(pages=[Page(id="p" * 16, source="p.html", body=["B."], comments=comments)]))
    section = out.split("<h2 id='review'>")[1]
    assert section.startswith("Comments to review (6)") and "The 3 highest shown; the other 3" in section
    shown = section.split("</table>")[0]
    assert "#6<" in shown and "#4<" in shown and "#3<" not in shown


def test_a_story_of_a_replaced_page_leaves_the_stories_table(tmp_path):
    """A re-run after one article was edited (review batch: coord.html's last comment changed) left the old story in
    the store beside the new one: the stories export listed the same pair of articles twice, one naming a page the
    pages table no longer has, and the other article's ``story_id`` named both stories."""
    from storytrace.store import SQLiteStore

    def story(*ids):
        return {"id": "-".join(ids), "title": "Dam", "pages": [{"id": i} for i in ids], "relations": []}

    old, edited, other = "1" * 16, "2" * 16, "3" * 16
    with SQLiteStore(tmp_path / "st.sqlite") as store:
        store.add([Page(id=old, source="coord.html", body=["B."]), Page(id=other, source="inject.html", body=["B."])])
        store.add_stories([story(old, other), story(other, "4" * 16)])
        store.add([Page(id=edited, source="coord.html", body=["B, edited."])])
        assert [s["id"] for s in store.stories()] == [story(other, "4" * 16)["id"]]
        assert [p.id for p, _ in store.replaced_pages()] == [old]


# --- the HTTP service ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "says"), [
    ('{"pages":[{"text":"caf\xe9 au lait"}]}'.encode("latin-1"), "UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
])
def test_a_body_that_is_not_readable_json_says_why(body, says):
    """The service answered a Latin-1 encoded body (a client's default in some languages) or a body nested 100,000
    deep with FastAPI's "There was an error parsing the body": nothing said what to change."""
    from fastapi.testclient import TestClient

    from storytrace.resources import Resources
    from storytrace.service import create_app

    with TestClient(create_app(resources=Resources())) as client:
        answer = client.post("/analyze", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert says in answer.json()["detail"] and "error parsing the body" not in answer.json()["detail"]


# --- coordinated posting in the store and its export ----------------------------------------------------------------

def _thread_html(title: str, comments: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<li class="comment" id="comment-{i}"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{a}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><time datetime="{d}">{d}</time></div></footer>'
        f'<div class="comment-content"><p>{t}</p></div></article></li>' for i, (a, t, d) in enumerate(comments, 1))
    body = "".join(f"<p>{title} paragraph {i} about the council vote on the old dam and its repair costs.</p>"
                   for i in range(4))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}"
            f"</h1>{body}</article><div id='comments' class='comments-area'><ol class='comment-list'>{items}</ol>"
            "</div></body></html>")


def test_coordinated_posting_is_kept_in_the_store_and_exported(tmp_path):
    """A trust & safety analyst could read coordinated posting only in the HTML and dossier.json: the store did not keep
    it and ``export`` had no table for it, so the comments posted under several names across two outlets could not be
    listed, filtered or joined in a spreadsheet or notebook."""
    import pandas as pd

    from storytrace.cli import main

    spam = "Vote NO on the dam bond, the council lies to you every single time, share this everywhere!"
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(_thread_html("Gazette dam", [
        ("Patriot0", spam, "2024-03-02T11:00:00+00:00"), ("Ann", "Sad news for the town.", "2024-03-02T12:00:00+00:00")]),
        encoding="utf-8")
    (folder / "b.html").write_text(_thread_html("Outlet dam", [
        ("=Patriot1", spam, "2024-03-02T11:05:00+00:00"), ("Bob", "Who pays for the repairs?", "2024-03-02T12:00:00+00:00")]),
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out), "--no-facts", "--no-stories", "--quiet"]) == 0
    table = tmp_path / "coordination.csv"
    assert main(["export", "--db", str(out / "storytrace.sqlite"), "--table", "coordination", "--format", "csv",
                 "--out", str(table)]) == 0
    rows = pd.read_csv(table)
    assert len(rows) == 2 and rows["cluster_id"].nunique() == 1
    assert set(rows["author"]) == {"Patriot0", "'=Patriot1"}  # the formula guard, as in every CSV
    assert set(rows["page_title"]) == {"Gazette dam", "Outlet dam"}
    assert set(rows["published"]) == {"2024-03-02T11:00:00+00:00", "2024-03-02T11:05:00+00:00"}
    assert (rows["text"] == spam).all() and (rows["n_pages"] == 2).all() and (rows["n_names"] == 2).all()


def test_a_huge_coordinated_cluster_is_summarised_not_listed_whole():
    """The review batch's 5,000-comment thread held one cluster of 4,999 near-identical comments under 700 names: the
    thread summary's "coordinated posting" cell was 247 KB (4,999 links and 700 names) and the dossier's coordination
    table row 690 KB (4,999 "name on page" lines) - unreadable, and most of the dossier's weight."""
    n = 600
    comments = [Comment(id=f"p-c{i}", text=f"The dam should go, reason {i}.", position=i, author=f"user{i % 300}")
                for i in range(n)]
    ids = [c.id for c in comments]
    names = sorted({c.author for c in comments})
    thread = {"comments": n, "toxic_comments": [], "toxic_share": 0.0,
              "coordinated_clusters": [{"kind": "near_identical", "comments": ids, "authors": names,
                                        "several_names": True, "text": "The dam should go, reason 0."}],
              "bursts": [{"start": "2024-03-01T10:00:00+00:00", "end": "2024-03-01T10:05:00+00:00", "comments": ids}]}
    page = Page(id="p" * 16, source="p.html", title="Dam", body=["B."], comments=comments, thread=thread)
    cluster = {"kind": "near_identical", "text": "The dam should go, reason 0.", "pages": [page.id], "authors": names,
               "comments": [{"page": page.id, "comment": c.id, "author": c.author} for c in comments]}
    out = render_dossier(Dossier(pages=[page], coordination=[cluster]))
    row = out.split("<th>coordinated posting</th>")[1].split("</tr>")[0]
    assert len(row) < 6_000 and "600 comments" in row and "… and 580 more" in row and "… and 290 more names" in row
    bursts = out.split("<th>bursts</th>")[1].split("</tr>")[0]
    assert len(bursts) < 4_000 and "600 comments posted" in bursts
    table = out.split("<h2 id='coordination'>")[1].split("</table>")[0]
    assert len(table) < 8_000 and "… and 580 more" in table


def _cross_page_burst() -> tuple[list[Page], dict]:
    pages = []
    for p in "ab":
        comments = [Comment(id=f"{p * 16}-c{i}", text=f"Comment {i} on {p}.", position=i, author=f"{p}user{i}",
                            published=f"2024-03-01T10:00:{i:02d}+00:00") for i in range(5)]
        pages.append(Page(id=p * 16, source=f"{p}.html", title=f"Page {p}", body=["B."], comments=comments))
    ids = [c.id for page in pages for c in page.comments]
    burst = {"start": "2024-03-01T10:00:00+00:00", "end": "2024-03-01T10:00:04+00:00", "comments": ids,
             "authors": sorted(c.author for page in pages for c in page.comments), "kind": "burst",
             "pages": [p.id for p in pages]}
    return pages, burst


def test_a_burst_across_pages_reads_as_one_in_the_coordination_table():
    """The dossier's coordination table showed each burst of comments across pages (``kind: burst``, whose comments
    are ids, not the {page, comment, author} of a repeated text) as "burst: 0 comments without a name on 0 pages"
    with empty cells (three such rows in the review batch)."""
    pages, burst = _cross_page_burst()
    out = render_dossier(Dossier(pages=pages, coordination=[burst]))
    row = out.split("<h2 id='coordination'>")[1].split("</table>")[0].split("<tr>")[2]
    assert "burst: 0 comments" not in row and "10 comments under 10 names on 2 pages" in row
    assert "posted from 10:00 to 10:00 (2024-03-01)" in row
    assert "<a href='#p-aaaaaaaaaaaaaaaa'>Page a</a> (5 comments)" in row


def test_bursts_across_pages_are_stored_and_exported_apart(tmp_path):
    """Bursts have no comment dicts: the store keyed every burst by the hash of no ids, so each run kept only its
    last burst, and the export could not say which comment or page a burst row was."""
    import pandas as pd

    from storytrace.store import SQLiteStore, export_coordination

    pages, burst = _cross_page_burst()
    other = dict(burst, comments=burst["comments"][:8], start="2024-03-01T11:00:00+00:00")
    with SQLiteStore(tmp_path / "st.sqlite") as store:
        store.add(pages)
        store.add_coordination([burst, other])
        clusters = store.coordination()
        assert len(clusters) == 2
        assert export_coordination(clusters, store.pages(), tmp_path / "c.csv", "csv") == 18
    rows = pd.read_csv(tmp_path / "c.csv")
    first = rows[rows["comment_id"] == "b" * 16 + "-c3"].iloc[0]
    assert first["page_id"] == "b" * 16 and first["author"] == "buser3" and first["page_title"] == "Page b"
    assert first["published"] == "2024-03-01T10:00:03+00:00" and first["kind"] == "burst"


def test_the_python_api_keeps_coordinated_posting_in_its_store(tmp_path):
    import storytrace
    from storytrace.store import SQLiteStore

    spam = "Vote NO on the dam bond, the council lies to you every single time, share this everywhere!"
    for name, author in (("a", "Patriot0"), ("b", "Patriot1")):
        (tmp_path / f"{name}.html").write_text(_thread_html(f"Dam {name}", [
            (author, spam, "2024-03-02T11:00:00+00:00"), ("Ann", f"My own view on {name}.", "2024-03-02T12:00:00+00:00")]),
            encoding="utf-8")
    with SQLiteStore(tmp_path / "st.sqlite") as store:
        dossier = storytrace.analyze([tmp_path / "a.html", tmp_path / "b.html"], store=store, with_facts=False,
                                     with_stories=False, progress=False)
        assert dossier.coordination and spam in [c["text"] for c in store.coordination()]


def test_the_review_list_says_when_each_comment_was_posted():
    """A moderator deciding what to act on first needs each comment's time beside its author (the thread shows it;
    the review list did not)."""
    pages = _two_threads()
    pages[1].comments[0].published = "2024-03-02T11:05:00+00:00"
    out = render_dossier(Dossier(pages=pages))
    row = out.split("<h2 id='review'>")[1].split("</table>")[0].split("<tr>")[2]
    assert "<bdi>X</bdi><br><span class='meta'>2024-03-02T11:05:00+00:00</span>" in row
