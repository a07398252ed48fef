from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.comments import CommentModel, score_texts
from tests.comments.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (DATA / "comments" / "davidson").exists(), reason="shared training data not present")
@pytest.mark.parametrize("limit", [600])
def test_training_script_tiny_sample(tmp_path, limit):
    out = tmp_path / "model"
    subprocess.run([sys.executable, str(ROOT / "training" / "train_comment_model.py"), "--data", str(DATA),
                    "--out", str(out), "--limit", str(limit), "--embed", "0"], check=True, timeout=600)
    assert (out / "model.npz").exists() and (out / "model.json").exists()
    m = CommentModel.load(out)
    r = score_texts(["you are a stupid idiot", "thanks for the article"], m)
    assert set(r[0]["scores"]) == {"toxic", "insult", "identity_attack", "profanity", "threat", "sexual"}
    assert r[0]["scores"]["toxic"] > r[1]["scores"]["toxic"]
