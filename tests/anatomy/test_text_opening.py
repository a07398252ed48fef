"""Stage 3's opening features (models whose JSON lists ``stage3_features: ["opening"]``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from storytrace.anatomy.text import (
    CLASSES,
    MODEL_DIR,
    OPENING_LINES,
    RELATIVE_NAMES,
    dense_features,
    load_line_model,
    ngram_features,
    opening_features,
    page_features,
)

BODY, COMMENT = CLASSES.index("body"), CLASSES.index("comment")


def _page(n: int = 9, seed: int = 0) -> tuple:
    rng = np.random.default_rng(seed)
    lines = [f"Line {i} of the article says something about topic {i % 3}." for i in range(n)]
    dense = dense_features(lines, [False] * n, [False] * n)
    grams = ngram_features(lines, 10, 8)
    emb = rng.normal(size=(n, 16))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    probs = rng.dirichlet(np.ones(len(CLASSES)), size=n)
    return probs, dense, grams, emb


def test_opening_features_compare_with_the_first_body_lines_only() -> None:
    probs, dense, grams, emb = _page()
    first = np.array([0, 1, 1, 1, 1, 1, 1, 4, 4])  # headline, six body lines, two comments
    # the last body lines repeat the opening's embedding: their opening cosine is 1, whatever the rest says
    emb[5] = emb[6] = emb[1:1 + OPENING_LINES].mean(axis=0)
    got = opening_features(probs, first, dense, grams, emb, BODY, COMMENT)
    assert got.shape == (9, 2 + len(RELATIVE_NAMES) + 10)
    assert np.allclose(got[[5, 6], 1], 1.0)
    # place in the first-pass article block: the first body line 0, the last body line just under 1
    block = got[:, 2 + len(RELATIVE_NAMES)]
    assert block[1] == 0.0 and 0.8 < block[6] < 1.0
    # the stage-2 comment mass after the last line and before the first is 0 (no lines there)
    c_before, c_after = got[:, 2 + len(RELATIVE_NAMES) + 3], got[:, 2 + len(RELATIVE_NAMES) + 4]
    assert c_before[0] == 0.0 and c_after[-1] == 0.0
    assert np.isclose(c_after[0], probs[1:, COMMENT].mean())


def test_opening_features_on_tiny_and_bodiless_pages() -> None:
    for n in (1, 2):
        probs, dense, grams, emb = _page(n)
        for first in (np.full(n, 2), np.full(n, 1)):
            got = opening_features(probs, first, dense, grams, emb, BODY, COMMENT)
            assert got.shape == (n, 2 + len(RELATIVE_NAMES) + 10)
            assert np.isfinite(got).all()


def test_page_features_add_the_opening_columns_only_when_asked() -> None:
    probs, dense, grams, emb = _page()
    first = [0, 1, 1, 1, 1, 1, 1, 4, 4]
    old = page_features(probs, first, dense, grams, BODY, COMMENT, emb)
    new = page_features(probs, first, dense, grams, BODY, COMMENT, emb, opening=True)
    assert np.array_equal(new[:, :old.shape[1]], old)
    assert new.shape[1] == old.shape[1] + 2 + len(RELATIVE_NAMES) + 10
    # without embeddings (format 4) there is nothing to add
    assert page_features(probs, first, dense, grams, BODY, COMMENT, None, opening=True).shape[1] < old.shape[1]


def test_load_line_model_reads_the_stage3_features_switch(tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    for name in ("line_model.json", "line_model.npz"):
        shutil.copy(MODEL_DIR / name, model_dir / name)
    meta = json.loads((model_dir / "line_model.json").read_text())
    meta.pop("chrome_specialist", None)  # its directory is not copied
    meta.pop("partners", None)
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(model_dir).stage3_opening is ("opening" in meta.get("stage3_features", ()))
    meta.pop("stage3_features", None)  # a model from before the switch reads stage 3 as it was trained
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(model_dir).stage3_opening is False
    meta["stage3_features"] = ["opening"]
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(model_dir).stage3_opening is True
    assert load_line_model(model_dir).stage3_thread is False
    meta["stage3_features"] = ["thread"]  # session 18's optional group, read by the same switch
    (model_dir / "line_model.json").write_text(json.dumps(meta))
    model = load_line_model(model_dir)
    assert model.stage3_thread is True and model.stage3_opening is False
