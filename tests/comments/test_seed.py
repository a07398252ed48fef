"""The seed expectations of issue 4 on the 27 real comments of demo page 000."""

from __future__ import annotations

import pytest

from storytrace.comments import analyze_comments
from storytrace.settings import Options
from tests.comments.conftest import make_page


@pytest.fixture(scope="module")
def seed_page(model, seed_lines):
    return analyze_comments(make_page(seed_lines), Options(), model=model)


def _find(page, prefix):
    hits = [c for c in page.comments if c.text.startswith(prefix)]
    assert len(hits) == 1, prefix
    return hits[0]


def test_seed_has_27_comments(seed_page):
    assert len(seed_page.comments) == 27


@pytest.mark.parametrize("prefix", ["this is pretty stupid and very schizophrenic"])
def test_seed_insult(seed_page, prefix):
    c = _find(seed_page, prefix)
    assert c.scores["insult"] >= 0.5
    assert c.scores["toxic"] >= 0.5
    assert any(e["category"] == "insult" for e in c.evidence)


@pytest.mark.parametrize("prefix,group,words", [("rest assured, if the jooz", "Jews", {"jooz", "jewsa"})])
def test_seed_identity_attack_decoded(seed_page, prefix, group, words):
    c = _find(seed_page, prefix)
    assert c.scores["identity_attack"] >= 0.5
    assert group in c.targets
    spans = {d["span"] for d in c.decoded}
    assert words <= spans
    for d in c.decoded:
        assert c.text[d["start"] : d["end"]] == d["span"]
        if d["span"] in words:
            assert d["decoded"].startswith("jew")


@pytest.mark.parametrize("prefix,span,decoded", [("love to the ghey couple", "ghey", "gay")])
def test_seed_ghey_decoded_and_flagged(seed_page, prefix, span, decoded):
    c = _find(seed_page, prefix)
    assert {"span": span, "decoded": decoded} in [{"span": d["span"], "decoded": d["decoded"]} for d in c.decoded]
    assert "disguised" in c.flags


@pytest.mark.parametrize("prefix", ["brilliant! love to both north korea and russia", "its sarcasm but i understand"])
def test_seed_not_toxic(seed_page, prefix):
    c = _find(seed_page, prefix)
    assert c.scores["toxic"] < 0.5, c.scores
    assert c.scores["identity_attack"] < 0.5


@pytest.mark.parametrize("prefix", ["muahahahaha hahahahaha hahahaha hahaha all ukro", "muahahahaha hahahahaha hahahaha hahaha 🇷🇺",
                                    "ahahahaha hahahahaha hahahaha hahaha"])
def test_seed_laughter_is_flood(seed_page, prefix):
    assert "flood" in _find(seed_page, prefix).flags


@pytest.mark.parametrize("prefix", ["muahahahaha hahahahaha hahahaha hahaha 🇷🇺", "ahahahaha hahahahaha hahahaha hahaha"])
def test_seed_content_free_laughter_not_toxic(seed_page, prefix):
    # revision 3.4.1: laughter and emoji alone say nothing, so no score reaches a finding; the flags stay
    c = _find(seed_page, prefix)
    assert max(c.scores.values()) < 0.5, c.scores
    assert {"laughter", "flood", "low_content"} <= set(c.flags)


@pytest.mark.parametrize("prefix,lang", [("už dávno tam mali byť", "sk")])
def test_seed_slovak(seed_page, prefix, lang):
    c = _find(seed_page, prefix)
    assert c.language == lang
    assert c.scores["toxic"] < 0.5


@pytest.mark.parametrize("prefix", ["u mad bro?", "ahahahaha hahahahaha hahahaha hahaha"])
def test_seed_short_text_undetermined(seed_page, prefix):
    assert _find(seed_page, prefix).language == "und"


def test_seed_thread_summary(seed_page):
    t = seed_page.thread
    assert t["comments"] == 27
    assert 0 < t["toxic_share"] < 1
    assert t["languages"].get("sk") == 1 and t["languages"].get("und", 0) >= 2
    assert t["flood_share"] >= 3 / 27
    assert "Jews" in [g["group"] for g in t["top_targets"]]
    assert set(t["mean_scores"]) == {"toxic", "insult", "identity_attack", "profanity", "threat", "sexual"}
