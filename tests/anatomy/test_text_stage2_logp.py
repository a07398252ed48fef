"""Stage 2 reading stage 1's unclipped log-probabilities (models whose JSON says ``stage2_inputs: log_softmax``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from storytrace.anatomy.text import (
    CLASSES,
    MODEL_DIR,
    LineModel,
    context_features,
    dense_features,
    load_line_model,
    log_softmax,
)
from storytrace.numeric import softmax

LINES = ["Council approves the bridge", "The council approved the bridge on Monday.", "Great post, thanks!"]


def test_log_softmax_is_the_log_of_softmax_without_underflow() -> None:
    z = np.array([[1.0, 2.0, 3.0], [900.0, -900.0, 0.0]])
    got = log_softmax(z)
    assert np.allclose(got[0], np.log(softmax(z[:1]))[0])
    assert np.isfinite(got).all() and np.allclose(got[1], [0.0, -1800.0, -900.0])


def test_context_features_read_the_given_log_probabilities() -> None:
    n, k = 3, len(CLASSES)
    dense = dense_features(LINES, [False] * n, [False] * n)
    logp = np.array([[0.0, -50.0, -300.0, -900.0, -20.0]] * n)
    probs = np.exp(logp)
    old = context_features(probs, dense)
    new = context_features(probs, dense, logp=logp)
    assert old.shape == new.shape
    assert np.array_equal(new[:, :k], logp)  # unclipped: -300 and -900 stay apart
    assert np.allclose(old[:, :k], np.log(np.clip(probs, 1e-6, 1.0)))  # clipped: both at log(1e-6)
    assert np.array_equal(old[:, k:], context_features(probs, dense)[:, k:])


def test_a_model_with_the_switch_gives_stage_2_the_unclipped_log_probabilities(tmp_path: Path, monkeypatch) -> None:
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    for name in ("line_model.json", "line_model.npz"):
        shutil.copy(MODEL_DIR / name, model_dir / name)
    meta = json.loads((model_dir / "line_model.json").read_text())
    meta.pop("chrome_specialist", None)
    meta.pop("partners", None)
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(model_dir).stage2_full_logp is (meta.get("stage2_inputs") == "log_softmax")
    meta["stage2_inputs"] = "log_softmax"
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    model = load_line_model(model_dir)
    assert model.stage2_full_logp
    seen = []
    context_probs = LineModel.context_probs
    monkeypatch.setattr(LineModel, "context_probs", lambda self, ctx: seen.append(ctx) or context_probs(self, ctx))
    dense, grams, emb = model.page_inputs(LINES, [False] * 3, [False] * 3)
    model.own_stage_probs(dense, grams, emb)
    x1 = dense if emb is None else np.hstack([dense, emb])
    assert np.allclose(seen[0][:, :len(CLASSES)], model.line_log_probs(x1, grams))
    model.stage2_full_logp = False
    model.own_stage_probs(dense, grams, emb)
    assert np.allclose(seen[1][:, :len(CLASSES)], np.log(np.clip(model.line_probs(x1, grams), 1e-6, 1.0)))
