"""Topic model v6 labelling convention (model card, "Conventions"): technology products, services, networks
and video games are science and technology; a government, parliament or party acting on a subject is
politics; company finance stays economy and crimes and trials stay crime. The texts below were written for
this test (short wire-style leads, none from an evaluation corpus or from the training texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUTHORED_DIR = ROOT / "training" / "data" / "topics_authored"

TECH, POLITICS, ECONOMY, CRIME = "medtop:13000000", "medtop:11000000", "medtop:04000000", "medtop:02000000"

CASES = [
    (TECH, ("Handset maker unveils phone with two-day battery\nThe company showed a new smartphone on Tuesday with a "
           "larger battery, a brighter screen and a camera that shoots sharper pictures at night. It goes on sale "
           "next month in 30 countries, and owners of older models will get the new software features as a free "
           "update.")),
    (TECH, ("Mobile operator cuts prices of fibre broadband packages\nThe country's largest mobile and broadband "
           "operator cut the monthly price of its fastest fibre connection by a fifth on Monday and doubled upload "
           "speeds for existing customers, as rival network builders extend their lines to more towns. Customers "
           "can switch online without a new router.")),
    (TECH, ("Racing game sells three million copies as console stocks run low\nThe latest instalment of the "
           "racing video game series sold three million copies in its first week, its developer said, while "
           "shops reported that the new games console it was made for remained hard to find. An online update "
           "adds new tracks and fixes crashes.")),
    (TECH, ("Security researchers find flaw in popular home routers\nA flaw in the software of widely sold Wi-Fi "
           "routers lets attackers take over the devices and redirect users to fake websites, researchers said. "
           "The maker released a patch and urged owners to update the firmware or switch on automatic updates.")),
    (POLITICS, ("Minister proposes new police powers in crime bill\nThe interior minister presented a bill in "
               "parliament on Wednesday that would let police search people without a warrant in high-crime "
               "areas. Opposition parties said the powers went too far and would vote against the bill, which "
               "the governing coalition hopes to pass before the summer recess.")),
    (POLITICS, ("Government unveils plan to overhaul school curriculum\nThe education minister announced a "
               "reform of the national school curriculum on Monday, which the cabinet will send to parliament as a "
               "bill. Opposition lawmakers criticised the plan and the governing party's junior partner asked for "
               "changes before the vote.")),
    (ECONOMY, ("Chipmaker's quarterly profit beats forecasts\nThe chipmaker reported a 40 percent rise in "
              "quarterly net profit to $2.1 billion on Thursday, ahead of analysts' forecasts, and raised its "
              "revenue outlook for the year. Its shares rose 7 percent in after-hours trading as investors "
              "welcomed higher margins.")),
    (CRIME, ("Man jailed for burglaries across three counties\nA 34-year-old man was jailed for six years on "
            "Friday after a court heard he broke into 40 homes and stole jewellery and cash. Police arrested him "
            "after detectives matched fingerprints found at several of the houses, the judge said.")),
]


@pytest.mark.parametrize("gold,text", CASES, ids=[f"{g[7:9]}-{t.split(chr(10))[0][:30]}" for g, t in CASES])
def test_shipped_tagger_follows_the_v6_convention(gold, text):
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(use_e5=False)
    assert tagger.tag([text])[0][0].id == gold


def test_v6_authored_file_is_well_formed_and_new():
    """en_s18.jsonl (v6, measured but not in the shipped models): the en.jsonl format and lead length, top level matching the subtopic's, no text
    shared with en.jsonl, and mostly the two classes the v6 convention widened."""
    from storytrace.facts.taxonomy import load_taxonomy

    top_of = {t.id: t.top for t in load_taxonomy() if t.level == 2}
    rows = [json.loads(x) for x in (AUTHORED_DIR / "en_s18.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    old = {json.loads(x)["text"] for x in (AUTHORED_DIR / "en.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
    assert len(rows) >= 150 and len({r["text"] for r in rows}) == len(rows) and not {r["text"] for r in rows} & old
    assert all(top_of[r["subtopic"]] == r["topic"] for r in rows)
    for r in rows:
        headline, lead = r["text"].split("\n", 1)
        assert headline.strip() and 60 <= len(lead.split()) <= 98
    assert sum(r["topic"] in (TECH, POLITICS) for r in rows) >= 150


def test_authored_loader_reads_several_files_in_order(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "training"))
    import train_topics

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"text": "A\nx", "topic": TECH, "subtopic": "medtop:20000756"}) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"text": "B\ny", "topic": POLITICS, "subtopic": "medtop:20000621"}) + "\n", encoding="utf-8")
    assert train_topics.authored([a, b]) == (["A\nx", "B\ny"], [TECH, POLITICS])
    assert train_topics.authored(a) == (["A\nx"], [TECH])
    assert [p.name for p in train_topics.AUTHORED_FILES] == ["en.jsonl"]  # v6 ships without en_s18.jsonl / en_s20.jsonl
    assert train_topics.AUTHORED_LONG.name == "en_s20.jsonl" and train_topics.AUTHORED_LONG_WEIGHT == 0.6



def test_session20_authored_files_are_well_formed_split_by_hash_and_new():
    """en_s20.jsonl (session 20, measured, not in the shipped v6) and en_s20_check.jsonl (never trains): headline + a longer body, top level matching
    the subtopic's, every one of the 17 top levels in the training split, the split fixed by the text's SHA-1
    (check = SHA-1 % 3 == 0), and no text shared with each other or with the earlier authored files."""
    import hashlib

    from storytrace.facts.taxonomy import load_taxonomy

    top_of = {t.id: t.top for t in load_taxonomy() if t.level == 2}

    def rows(name):
        return [json.loads(x) for x in (AUTHORED_DIR / name).read_text(encoding="utf-8").splitlines() if x.strip()]

    train, check = rows("en_s20.jsonl"), rows("en_s20_check.jsonl")
    old = {r["text"] for name in ("en.jsonl", "en_s18.jsonl") for r in rows(name)}
    texts = [r["text"] for r in train + check]
    assert len(train) >= 100 and len(check) >= 50 and len(set(texts)) == len(texts) and not set(texts) & old
    assert all(top_of[r["subtopic"]] == r["topic"] for r in train + check)
    assert len({r["topic"] for r in train}) == 17
    for r, is_check in [(r, False) for r in train] + [(r, True) for r in check]:
        assert (int(hashlib.sha1(r["text"].encode()).hexdigest(), 16) % 3 == 0) == is_check
        headline, body = r["text"].split("\n", 1)
        assert headline.strip() and 30 <= len(body.split()) <= 300
    assert sum(len(r["text"].split()) > 98 for r in train + check) >= 80  # longer than the 60-98 word leads


def test_train_topics_adds_the_full_length_texts_at_their_own_weight(tmp_path):
    import sys

    import numpy as np

    sys.path.insert(0, str(ROOT / "training"))
    import train_topics

    from tests.conftest import shared_data

    data = shared_data()
    if not (data / "stories" / "semeval2022-task8").is_dir():
        pytest.skip("shared data not available")
    long = tmp_path / "long.jsonl"
    long.write_text("".join(json.dumps(r) + "\n" for r in [
        {"text": "Minister backs police bill\nThe minister said the bill would pass.", "topic": POLITICS,
         "subtopic": "medtop:20000621"},
        {"text": "Phone maker shows new handset\nThe handset has a bigger screen.", "topic": TECH,
         "subtopic": "medtop:20000756"}]), encoding="utf-8")
    out = tmp_path / "model"
    rc = train_topics.main(["--data", str(data), "--out", str(out), "--max-texts", "24", "--no-tree",
                            "--authored-long", str(long), "--authored-long-weight", "0.7", "--authored-models", "tfidf,use"])
    assert rc == 0
    note = json.loads((out / "training-rows.json").read_text())
    assert sum(note["authored_long"].values()) == 2 and note["authored_long_weight"] == 0.7
    assert note["authored_long_files"] == ["long.jsonl"]
    assert np.load(out / "iptc-top-use-probe.npz")["W"].shape == (17, 512)


def test_recipe_fits_the_longer_authored_rows_at_their_own_weight():
    """train_topics_dev_eval.fit_recipe (session 20): the ``long`` block joins the TF-IDF model and the USE probe; a
    word that only the long rows contain enters the vocabulary and, at weight > 0, moves its text's prediction."""
    import sys

    import numpy as np

    sys.path.insert(0, str(ROOT / "training"))
    from train_topics import load_terms
    from train_topics_dev_eval import fit_recipe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    rng = np.random.default_rng(0)
    texts = ["the match ended in a draw after extra time", "shares rose after the quarterly results"] * 3
    y = ["medtop:15000000", "medtop:04000000"] * 3
    U = rng.normal(size=(6, 512)).astype(np.float32)
    none = {"texts": [], "y": [], "yi": np.zeros(0, int), "use": np.zeros((0, 512), np.float32)}
    long_texts = [f"zorblax gadget {i} unveiled with a zorblax screen" for i in range(4)]
    long = {"texts": long_texts, "y": [TECH] * 4, "yi": np.array([tops.index(TECH)] * 4),
            "use": rng.normal(size=(4, 512)).astype(np.float32)}
    kw = {"weight": 0.3, "models": {"tfidf", "use"}, "terms": terms, "tops": tops}
    m0, _ = fit_recipe(texts, y, U, none, **kw)
    m1, p1 = fit_recipe(texts, y, U, none, long=long, long_weight=1.0, **kw)
    probe = "zorblax gadget zorblax"
    assert tops[int(m1.predict_proba([probe])[0].argmax())] == TECH
    assert m1.predict_proba([probe])[0][tops.index(TECH)] > m0.predict_proba([probe])[0][tops.index(TECH)]
    assert p1[0].shape == (17, 512)


def test_session21_authored_files_are_well_formed_split_by_hash_and_new():
    """en_s21.jsonl / en_s21_check.jsonl (session 21, measured, not shipped): headline + a full-article body, top level
    matching the subtopic's, split by the text's SHA-1 (check = % 3 == 0), no text shared with earlier authored files."""
    import hashlib

    from storytrace.facts.taxonomy import load_taxonomy

    top_of = {t.id: t.top for t in load_taxonomy() if t.level == 2}

    def rows(name):
        return [json.loads(x) for x in (AUTHORED_DIR / name).read_text(encoding="utf-8").splitlines() if x.strip()]

    train, check = rows("en_s21.jsonl"), rows("en_s21_check.jsonl")
    old = {r["text"] for name in ("en.jsonl", "en_s18.jsonl", "en_s20.jsonl", "en_s20_check.jsonl") for r in rows(name)}
    texts = [r["text"] for r in train + check]
    assert len(texts) == 42 and len(set(texts)) == len(texts) and not set(texts) & old
    assert all(top_of[r["subtopic"]] == r["topic"] for r in train + check)
    for r, is_check in [(r, False) for r in train] + [(r, True) for r in check]:
        assert (int(hashlib.sha1(r["text"].encode()).hexdigest(), 16) % 3 == 0) == is_check
        headline, body = r["text"].split("\n", 1)
        assert headline.strip() and 100 <= len(body.split()) <= 200 and body.count("\n") >= 3
