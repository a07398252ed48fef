from __future__ import annotations

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
    subprocess.run([sys.executable, str(ROOT / "training" / "train_comment_model.py"), "--data", str(DATA),
                    "--out", str(out), "--limit", str(limit), "--use", str(use), "--embed", "0",
                    "--rule-combine", "noisy_or", "--english-words", str(words)], check=True, timeout=600)
    assert (out / "model.npz").exists() and (out / "model.json").exists()
    m = CommentModel.load(out)
    assert {"born", "fifth"} <= m.known_words and "fagots" not in m.known_words
    assert m.meta["english_words"] == {"file": "words.txt", "known_words_added": 2}
    assert m.use_coef is not None and m.use_coef.shape == (3, 512) and m.embed_coef is None
    assert m.rule_combine == "noisy_or" and m.stack_encoder == "use" and set(m.stack) == {"toxic", "insult",
                                                                                         "identity_attack"}
    assert m.encoder_for("fr") == "use" and m.encoder_for("sk") == "use"  # no e5 head: USE for every language
    r = score_texts(["you are a stupid idiot", "thanks for the article", "merci pour cet article"], m,
                    languages=["en", "en", "fr"])
    assert set(r[0]["scores"]) == {"toxic", "insult", "identity_attack", "profanity", "threat", "sexual"}
    assert r[0]["scores"]["toxic"] > r[1]["scores"]["toxic"]
    assert 0.0 <= r[2]["scores"]["toxic"] <= 1.0
