from __future__ import annotations

import pytest

from storytrace.comments import analyze_comments, find_coordination, score_texts
from storytrace.comments._thread import comment_flags
from storytrace.settings import Options
from tests.comments.conftest import make_page


@pytest.mark.parametrize("texts", [[]])
def test_thread_empty_comment_list(model, texts):
    page = analyze_comments(make_page(texts), Options(), model=model)
    assert page.comments == []
    assert page.thread["comments"] == 0 and page.thread["toxic_share"] == 0.0


@pytest.mark.parametrize("text", ["lol", "u ok?", "😂😂😂", "ok 👍", "xD"])
def test_language_und_for_short_text(model, text):
    assert score_texts([text], model)[0]["language"] == "und"


@pytest.mark.parametrize("text,flag,present", [
    ("😂😂😂🤡", "emoji_only", True),
    ("hahahaha hahaha hahahaha", "flood", True),
    ("lolololol lol lol", "flood", True),
    ("I laughed, ha, but the article is wrong about the treaty.", "flood", False),
    ("ok", "low_content", True),
    ("The treaty was signed in June by both governments.", "low_content", False),
])
def test_comment_flags(text, flag, present):
    assert (flag in comment_flags(text)) is present


@pytest.mark.parametrize("text", ["Wake up people, the media is lying to you about the war again!!"])
def test_thread_same_text_two_names(model, text):
    page = make_page([text, "nice article", text.lower() + " ", "something else entirely here"],
                     authors=["anna", "bob", "carl", "dora"])
    analyze_comments(page, Options(), model=model)
    clusters = page.thread["coordinated_clusters"]
    assert len(clusters) == 1
    assert clusters[0]["authors"] == ["anna", "carl"] and clusters[0]["several_names"]
    assert "duplicate" in page.comments[0].flags and "duplicate" not in page.comments[1].flags


@pytest.mark.parametrize("text", ["Wake up people, the media is lying to you about the war again!!"])
def test_find_coordination_across_pages(text):
    p1 = make_page([text, "good reporting"], authors=["anna", "x"], page_id="a")
    p2 = make_page(["first!", text.replace("again", "again.")], authors=["y", "bert"], page_id="b")
    p3 = make_page(["unrelated words about football scores"], authors=["anna"], page_id="c")
    out = find_coordination([p1, p2, p3])
    assert len(out) == 1
    assert out[0]["pages"] == ["a", "b"] and out[0]["authors"] == ["anna", "bert"]


@pytest.mark.parametrize("text,category", [
    ("you are a worthless idiot", "insult"),
    ("fuck this shit", "profanity"),
    ("I will kill you", "threat"),
    ("muslims are vermin and should be wiped out", "identity_attack"),
])
def test_score_texts_categories(model, text, category):
    r = score_texts([text], model)[0]
    assert r["scores"][category] >= 0.5, r["scores"]
    assert any(e["category"] == category for e in r["evidence"]) or category in ("insult",)


@pytest.mark.parametrize("text", ["I love my muslim neighbours", "women deserve equal pay", "the weather is lovely today"])
def test_score_texts_benign(model, text):
    r = score_texts([text], model)[0]
    assert r["scores"]["identity_attack"] < 0.5, r["scores"]
    assert r["scores"]["toxic"] < 0.5, r["scores"]


@pytest.mark.parametrize("text,group", [("muslims are not vermin", "Muslims")])
def test_negation_cancels_rule(model, text, group):
    r = score_texts([text], model)[0]
    assert not any(e["category"] == "identity_attack" for e in r["evidence"])
