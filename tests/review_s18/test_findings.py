"""Session-18 review findings: each test shows a defect seen by running storytrace as a user would.

Every test here fails on the code it was written against (main 641dc93) and is marked strict xfail, so the
suite stays green and a fix turns it into an XPASS (strict: an error) that tells the fixer to drop the marker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PINGBACK_PAGE = """<!doctype html><html><head><title>The hubris of startups</title></head><body>
<article><h1>The hubris of startups</h1>
<p>Founders who believe they cannot fail often do. Pride shows up in hiring, in fundraising and in how companies
treat their customers, and the pattern repeats across many firms.</p>
<p>Investors reward confidence, which makes the problem worse. A humbler culture tends to last longer, according
to several studies of young companies.</p>
</article>
<div id="comments">
<div class="comment even thread-even depth-1" id="comment-395"><div class="comment-body">
<p>Have you read the book Egonomics? It says ego is necessary but must be balanced by humility.</p>
<p class="comment-meta">by <a href='http://www.g5leadership.com' rel='external nofollow' class='url'>Seth Jenks</a>
on March 24, 2011 at 3:27 pm. <a class='comment-reply-link' href='#'>Reply</a></p>
</div></div>
<div class="pingback even thread-even depth-1" id="comment-1337"><div class="comment-body">
<p>[...] the world of entrepreneurship, pride runs rampant. Starting a company is risky [...]</p>
<p class="comment-meta">by <a href='http://www.94labs.com/2011/10/19/pride/' rel='external nofollow'
class='url'>Pride Comes before a Fail | 94 Labs</a> on October 19, 2011 at 7:58 pm.
<a class='comment-reply-link' href='#'>Reply</a></p>
</div></div>
</div></body></html>"""

REPLY_BUTTON_PAGE = """<!doctype html><html><head><title>Back from the hospital</title></head><body>
<article><h1>Back from the hospital</h1>
<p>After two weeks on steroids I am finally home, eating everything in sight and writing again. Thanks for all the
kind notes while I was away from the blog.</p>
<p>The Sunday market was the first stop: cupcakes, empanadas, salsa and a jar of nutella with my name on it.</p>
</article>
<ol class="commentlist">
<li class="comment" id="li-comment-1"><div class="comment-container"><div class="comment-head">
<span class="date">10. Jul, 2012 / </span><span class="name">Mandy says: </span></div>
<div class="comment-entry" id="comment-1"><p>I was in dire need of a laugh today and you provided it. Glad you are back.</p>
<p class="thdrpy">[<a href="javascript:void(0)" onclick="movecfm(event,1,1,'Mandy');">Reply</a>]</p></div></div></li>
<li class="comment" id="li-comment-2"><div class="comment-container"><div class="comment-head">
<span class="date">11. Jul, 2012 / </span><span class="name">Deb says: </span></div>
<div class="comment-entry" id="comment-2"><p>I was on prednisone for seven months last year. Feel better soon.</p>
<p class="thdrpy">[<a href="javascript:void(0)" onclick="movecfm(event,2,1,'Deb');">Reply</a>]</p></div></div></li>
</ol></body></html>"""


def _comments(tmp_path: Path, html: str):
    import storytrace

    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    dossier = storytrace.analyze([str(path)], with_facts=False, with_stories=False, progress=False)
    assert not dossier.failures
    return dossier.pages[0].comments


# --- 1. comment dates: a number in the author's name becomes the year -------------------------------------
def test_comment_date_not_taken_from_a_number_in_the_author_name(tmp_path: Path) -> None:
    comments = _comments(tmp_path, PINGBACK_PAGE)
    assert [c.published for c in comments] == ["2011-03-24T15:27:00", "2011-10-19T19:58:00"]


# --- 2. comment text keeps the "[Reply]" button ------------------------------------------------------------
def test_reply_button_in_brackets_is_not_comment_text(tmp_path: Path) -> None:
    comments = _comments(tmp_path, REPLY_BUTTON_PAGE)
    assert len(comments) == 2
    for c in comments:
        assert "Reply" not in c.text, c.text


def test_reply_button_page_authors_and_dates_are_right(tmp_path: Path) -> None:
    """Control for #2: the rest of the thread is read right (this passes today)."""
    comments = _comments(tmp_path, REPLY_BUTTON_PAGE)
    assert [(c.author, c.published) for c in comments] == [("Mandy", "2012-07-10"), ("Deb", "2012-07-11")]


# --- 3. quantities: "6-5" is summed to 11 ------------------------------------------------------------------
@pytest.mark.parametrize("text", ["6-5", "51-49", "10-12", "2-1"])
def test_parse_number_does_not_sum_digit_pairs(text: str) -> None:
    from storytrace.facts.quantities import parse_number

    left, right = (float(x) for x in text.split("-"))
    assert parse_number(text) != left + right


def test_parse_number_word_compounds_still_add() -> None:
    """Control for #3: 'twenty-five' is 25 (passes today; a fix must keep it)."""
    from storytrace.facts.quantities import parse_number

    assert parse_number("twenty-five") == 25


def _quantities(text: str) -> list[tuple[str, float | None]]:
    from storytrace.facts import extract_facts, load_facts_resources, load_nlp
    from storytrace.records import Page
    from storytrace.settings import Options

    page = Page(id="p", source="t", body=[text])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return [(q["text"], q["value"]) for q in page.facts["quantities"]]


@pytest.mark.parametrize("text", [
    "After trailing 5-4, the home side took its chance at 6-5 to seal the win.",
    "The visitors wasted a chance at 4-3 but went ahead 6-5 late in the third period.",
])
def test_game_score_is_not_summed_into_a_quantity(text: str) -> None:
    found = _quantities(text)
    summed = [(t, v) for t, v in found if "-" in t and v is not None
              and v == sum(float(x) for x in t.split("-") if x.strip().isdigit())]
    assert summed == [], found


# --- 4. quantities: wire-style clock times "0100 GMT" ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The ceasefire began at midnight local time (0100 GMT) on Friday.",
    "The talks resumed at 1400 GMT on Monday.",
])
def test_wire_clock_time_is_not_a_quantity(text: str) -> None:
    assert [t for t, _ in _quantities(text) if "GMT" in text[text.find(t):text.find(t) + len(t) + 4]] == []


# --- 5. quantities: a range at the start of a sentence is lost ---------------------------------------------
def test_sentence_initial_range_is_kept() -> None:
    assert _quantities("Between 20-30 people were hurt when the bridge collapsed.") != []


# --- 6. service: Unix seconds cannot be given ----------------------------------------------------------------
def test_service_reads_unix_seconds() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storytrace.service import ServiceSettings, create_app
    from storytrace.settings import Options

    with TestClient(create_app(ServiceSettings(options=Options(progress=False)))) as client:
        page = {"html": "<html><body><p>Heavy rain caused floods across the valley on Monday.</p></body></html>"}
        r1 = client.post("/analyze", json={"pages": [{**page, "published": 1700000000}],
                                           "with_facts": False, "with_comments": False})
        r2 = client.post("/analyze", json={"pages": [{**page, "published": "1700000000"}],
                                           "with_facts": False, "with_comments": False})
    assert r1.status_code == 200 or (r2.status_code == 200 and r2.json()["pages"][0]["published"])


# --- 7. WARC: a Python exception text in the failure message -----------------------------------------------
def test_broken_warc_message_has_no_python_internals(tmp_path: Path) -> None:
    import storytrace

    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n")
    dossier = storytrace.analyze([str(path)], with_facts=False, with_comments=False, with_stories=False,
                                 progress=False)
    assert dossier.failures
    message = dossier.failures[0].message
    assert message.startswith("[E106]")
    assert "NoneType" not in message and "attribute" not in message, message


# --- 8. explicit threats of violence against a person score ~0 --------------------------------------------
@pytest.mark.parametrize("text", [
    "I will find where you live and hurt you.",
    "Someone should put a bullet in the mayor's head.",
])
def test_explicit_threat_is_a_threat(text: str) -> None:
    from storytrace.comments import load_model, score_texts

    scores = score_texts([text], load_model())[0]["scores"]
    assert scores["threat"] >= 0.5, scores


def test_explicit_threat_control_known_phrase() -> None:
    """Control for #8: a phrase the rules know is a threat (passes today)."""
    from storytrace.comments import load_model, score_texts

    assert score_texts(["I know where you live. Watch your back."], load_model())[0]["scores"]["threat"] >= 0.5


# --- 9. plain text: a byline with its date gives the author but not the date -------------------------------
TEXT_PAGE = """Floods force 2,000 from homes in the valley
By Jane Reporter | March 4, 2024
Heavy rain caused floods across the valley on Monday, forcing 2,000 residents to leave their homes, the regional governor said in a statement.
Emergency crews from three towns worked through the night. The river rose by 3 metres in six hours, officials said.
The governor said 12 schools would stay closed until Friday and asked residents to avoid the riverside roads.
"""


def _text_page(tmp_path: Path, text: str):
    import storytrace

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    dossier = storytrace.analyze([str(path)], with_facts=False, with_comments=False, with_stories=False,
                                 progress=False)
    return dossier.pages[0]


def test_text_byline_with_date_gives_the_date(tmp_path: Path) -> None:
    page = _text_page(tmp_path, TEXT_PAGE)
    assert page.author == "Jane Reporter"
    assert page.published == "2024-03-04"


def test_text_byline_and_dateline_on_two_lines_control(tmp_path: Path) -> None:
    """Control for #9: the same byline and date on two lines are read (passes today)."""
    page = _text_page(tmp_path, TEXT_PAGE.replace("By Jane Reporter | March 4, 2024", "By Jane Reporter\nMarch 4, 2024"))
    assert (page.author, page.published) == ("Jane Reporter", "2024-03-04")


# --- 10. analysing a folder that holds the output folder reads storytrace's own output ---------------------
FLOOD_PAGE = """<!doctype html><html><head><title>Floods hit the valley</title></head><body>
<article><h1>Floods hit the valley</h1>
<p>Heavy rain caused floods across the valley on Monday, forcing 2,000 residents to leave their homes, the regional
governor said in a statement.</p>
<p>Emergency crews from three towns worked through the night. The river rose by 3 metres in six hours, officials
said.</p></article></body></html>"""


def test_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path, capsys) -> None:
    import json

    from storytrace.cli import main

    (tmp_path / "page.html").write_text(FLOOD_PAGE, encoding="utf-8")
    out = tmp_path / "storytrace-out"
    codes = [main(["analyze", str(tmp_path), "--out", str(out), "--quiet", "--no-facts", "--no-comments",
                   "--no-stories"]) for _ in range(2)]
    capsys.readouterr()
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert codes == [0, 0]
    assert [Path(p["source"]).name for p in dossier["pages"]] == ["page.html"]
    assert dossier["failures"] == []


# --- 11. a paragraph over spaCy's 1,000,000 characters: a raw library error --------------------------------
def test_huge_paragraph_gives_facts_or_a_clear_error(tmp_path: Path) -> None:
    import storytrace

    sentence = "The council met on Monday and 40 people attended the session in the city hall. "
    path = tmp_path / "dump.txt"
    path.write_text("Big meeting\n" + sentence * 15000 + "\n", encoding="utf-8")
    page = storytrace.analyze([str(path)], with_comments=False, with_stories=False, progress=False).pages[0]
    assert page.facts.get("quantities") or not any("max_length" in e for e in page.errors), page.errors


def test_an_output_folder_given_by_name_is_still_read(tmp_path: Path) -> None:
    """Control for #10: the marker skips output folders below the input, not the folder the user names."""
    from storytrace.ingest import read_inputs
    from storytrace.ingest.readers import OUTPUT_MARKER
    from storytrace.settings import Options

    (tmp_path / OUTPUT_MARKER).write_text("marker")
    (tmp_path / "page.html").write_text(FLOOD_PAGE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / OUTPUT_MARKER).write_text("marker")
    (tmp_path / "out" / "index.html").write_text(FLOOD_PAGE, encoding="utf-8")
    sources = [Path(item.source).name for item in read_inputs([tmp_path], Options())]
    assert sorted(sources) == ["page.html"]  # the marker itself is never a page


def test_script_text_in_a_headline_is_not_a_headline_variant() -> None:
    """Review s18 (lower severity): '<h1>Headline <script>alert(1)</script> x</h1>' gave the variant 'Headline alert(1) x'."""
    from lxml import html

    from storytrace.anatomy.html import headline_variants

    tree = html.fromstring("<html><body><h1>Floods <script>alert(1)</script>hit the <b>valley</b><!-- x --></h1>"
                           "</body></html>")
    assert headline_variants(tree, None, None) == ["Floods hit the valley"]


def test_red_comments_are_the_ones_the_toxic_count_counts() -> None:
    """Review s18 (lower severity): a profanity-only comment was red in the HTML but not in the 'toxic N of M' count."""
    from storytrace.records import Comment
    from storytrace.report.html import _comment

    swearing = Comment(id="p-c0", text="damn good piece", position=0,
                       scores={"toxic": 0.2, "profanity": 0.95, "identity_attack": 0.01})
    insult = Comment(id="p-c1", text="you idiot", position=1, scores={"toxic": 0.8, "insult": 0.6})
    assert "class='comment flagged'" in _comment(swearing) and "toxic" not in _comment(swearing).split("'")[1]
    assert "class='comment toxic'" in _comment(insult)
