from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.comments import CommentModel, score_texts
from tests.comments.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (DATA / "comments" / "davidson").exists(), reason="shared training data not present")
@pytest.mark.parametrize("limit,use", [(600, 400)])
def test_training_script_tiny_sample(tmp_path, limit, use):
    out = tmp_path / "model"
    words = tmp_path / "words.txt"
    words.write_text("born\nfifth\nfagots\nwomen\n", encoding="utf-8")  # 2 ordinary, 1 near a slur, 1 a term
    authored = Path(__file__).resolve().parent / "data" / "authored"
    # a decontamination report that drops one authored line (the insult in en.jsonl)
    sys.path.insert(0, str(ROOT / "training"))
    from comment_data import authored_key, load_authored, split_authored

    rows = load_authored(authored)
    a_tr, a_va = split_authored(rows)
    drop = rows[a_tr[0]]
    report = tmp_path / "decontamination.json"
    report.write_text(json.dumps({"dropped_lines": [{"key": authored_key(drop)}]}), encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "training" / "train_comment_model.py"), "--data", str(DATA),
                    "--out", str(out), "--limit", str(limit), "--use", str(use), "--embed", "0",
                    "--rule-combine", "noisy_or", "--english-words", str(words), "--authored", str(authored),
                    "--authored-exclude", str(report), "--authored-weight", "3", "--authored-heads", "char,use",
                    "--authored-cache", str(tmp_path / "cache"), "--stack-gate", "groups",
                    "--authored-calib", "0.2", "--authored-embed-exclude", "fr.*,none_*.jsonl"],
                   check=True, timeout=600)
    assert (out / "model.npz").exists() and (out / "model.json").exists()
    m = CommentModel.load(out)
    assert {"born", "fifth"} <= m.known_words and "fagots" not in m.known_words
    assert m.meta["english_words"] == {"file": "words.txt", "known_words_added": 2, "slur_check": "edit_or_sound",
                                       "names": False, "prefix": "any"}
    assert m.meta["decode_clitics"] is False and m.decoder.clitics is False  # the default: as revision 3.1
    assert m.meta["decode_names"] is False and m.decoder.names is False  # the default: as revision 3.2
    assert "decode_freq" not in m.meta and m.decoder.freq is None  # the default: as revision 3.3
    assert "ident_shift" not in m.meta  # the default: the identity Platt intercept as fitted (revision 3.3)
    assert m.use_coef is not None and m.use_coef.shape == (3, 512) and m.embed_coef is None
    assert m.rule_combine == "noisy_or" and m.stack_encoder == "use" and set(m.stack) == {"toxic", "insult",
                                                                                         "identity_attack"}
    assert m.encoder_for("fr") == "use" and m.encoder_for("sk") == "use"  # no e5 head: USE for every language
    a = m.meta["authored"]
    assert a["lines"] == len(rows) and a["validation"] == len(a_va) and a["excluded_from_train"] == 1
    assert a["train"] + a["calibration"] == len(a_tr) - 1 and a["calibration"] > 0
    assert sum(a["train_by_language"].values()) == a["train"]
    assert a["embed_exclude"] == ["fr.*", "none_*.jsonl"]
    # the fr lines trained on (training + calibration part, less the dropped line) stay out of the USE head
    fr_trained = sum(rows[i]["file"] == "fr.jsonl" for i in a_tr) - (drop["file"] == "fr.jsonl")
    assert a["embed_excluded_lines"] == fr_trained > 0
    assert limit < m.meta["n_train"] < limit + len(a_tr)
    assert m.stack_gate == "groups" and (tmp_path / "cache" / "authored_use.npz").exists()
    assert any("authored" in t for t in m.meta["trained_on"])
    r = score_texts(["you are a stupid idiot", "thanks for the article", "merci pour cet article"], m,
                    languages=["en", "en", "fr"])
    assert set(r[0]["scores"]) == {"toxic", "insult", "identity_attack", "profanity", "threat", "sexual"}
    assert r[0]["scores"]["toxic"] > r[1]["scores"]["toxic"]
    assert 0.0 <= r[2]["scores"]["toxic"] <= 1.0


def test_authored_embed_exclude_globs():
    sys.path.insert(0, str(ROOT / "training"))
    from train_comment_model import embed_exclude_globs, outside_files

    globs = embed_exclude_globs(["*_implicit.jsonl", "de.jsonl, fr.jsonl"])
    assert globs == ["*_implicit.jsonl", "de.jsonl", "fr.jsonl"]
    rows = [{"file": f} for f in ("en.jsonl", "en_implicit.jsonl", "de.jsonl", "fr_neutral.jsonl", "zh_implicit.jsonl")]
    assert [r["file"] for r in outside_files(rows, globs)] == ["en.jsonl", "fr_neutral.jsonl"]
    assert outside_files(rows, []) == rows


def test_calibration_split_languages():
    sys.path.insert(0, str(ROOT / "training"))
    from comment_data import load_authored
    from train_comment_model import calibration_split

    rows = load_authored(Path(__file__).resolve().parent / "data" / "authored")
    train = list(range(len(rows)))
    for english in (True, False):
        kept, held = calibration_split(rows, train, 0.5, english=english)
        assert sorted(kept + held) == train and held and not set(kept) & set(held)
        assert english or all(rows[i]["lang"] != "en" for i in held)  # non-en: English lines all stay in training
    kept, held = calibration_split(rows, train, 0.5, english=False)
    assert {i for i in train if rows[i]["lang"] == "en"} <= set(kept)


def test_blend_intercept():
    sys.path.insert(0, str(ROOT / "training"))
    from train_comment_model import blend_intercept

    joined, tweets = [0.8, -1.0], [0.5, -2.0]
    a, b = blend_intercept(joined, tweets, 0.0)
    assert a == 0.8 and abs(-b / a - 4.0) < 1e-9  # the tweets fit's 0.5 point (margin 4) with the joined slope
    assert blend_intercept(joined, tweets, 1.0) == joined
    assert abs(blend_intercept(joined, tweets, 0.25)[1] - (0.25 * -1.0 + 0.75 * -3.2)) < 1e-9


def test_dictionary_words_slur_check(tmp_path):
    sys.path.insert(0, str(ROOT / "training"))
    from train_comment_model import dictionary_words

    words = tmp_path / "words.txt"
    # 2 ordinary words near a term, 1 one edit from a slur, 1 that only sounds like one ("pikey"), 1 a term
    words.write_text("born\nfifth\nfagots\npeace\nwomen\n", encoding="utf-8")
    assert dictionary_words(words) == {"born", "fifth"}
    assert dictionary_words(words, "edit") == {"born", "fifth", "peace"}


def test_dictionary_words_names_and_prefix(tmp_path):
    sys.path.insert(0, str(ROOT / "training"))
    from train_comment_model import dictionary_words

    words = tmp_path / "words.txt"
    # "hide" only begins "hideous"; "terrorist" is an inflection of "terrorists"; names: "Sikhs" is now a group
    # name (a term), "Prague" sounds like "plague", "Fokker" is one edit from a swear word
    words.write_text("hide\nterrorist\nSikhs\nPrague\nFokker\n", encoding="utf-8")
    assert dictionary_words(words, "edit") == set()
    assert dictionary_words(words, "edit", names=True) == {"prague"}
    assert dictionary_words(words, "edit", names=True, prefix="inflection") == {"prague", "hide"}
