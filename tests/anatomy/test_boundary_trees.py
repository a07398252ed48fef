"""A boosted-tree boundary ranker (session 21): stored as arrays, loaded instead of the logit, chosen per page;
and the thread features read over the whole block after a candidate start."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.boundary import (
    FEATURE_NAMES,
    BoundaryRanker,
    TreeBoundaryRanker,
    load_ranker,
    thread_candidate_features,
)
from storytrace.anatomy.text import CLASSES, MODEL_DIR, load_line_model

ROOT = Path(__file__).resolve().parents[2]
BODY, REF, COMMENT = (CLASSES.index(c) for c in ("body", "reference", "comment"))


def _pages(rng: np.random.Generator, n_pages: int = 60) -> tuple[list[np.ndarray], list[int]]:
    """Pages whose gold start is the candidate with features (1, 1): an interaction no single column shows."""
    pages, gold = [], []
    for _ in range(n_pages):
        n = int(rng.integers(8, 20))
        x = np.column_stack([rng.integers(0, 2, n), rng.integers(0, 2, n), rng.normal(size=n)]).astype(float)
        x[(x[:, 0] == 1) & (x[:, 1] == 1), 0] = 0.0
        g = int(rng.integers(0, n))
        x[g, :2] = 1.0
        pages.append(x)
        gold.append(g)
    return pages, gold


@pytest.fixture(scope="module")
def training_module():
    sys.path.insert(0, str(ROOT / "training"))
    import train_boundary_ranker

    return train_boundary_ranker


def test_flattened_trees_score_as_sklearn(training_module) -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y = ((x[:, 0] > 0) & (x[:, 1] > 0.3)).astype(int)
    clf = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
    trees = training_module.flatten_binary(clf)
    assert np.allclose(TreeBoundaryRanker(trees).scores(x), clf.decision_function(x), atol=1e-9)


def test_tree_ranker_learns_an_interaction(training_module) -> None:
    rng = np.random.default_rng(1)
    pages, gold = _pages(rng)
    ranker = training_module.fit_tree_ranker(pages, gold)
    test_pages, test_gold = _pages(np.random.default_rng(2), 30)
    right = sum(ranker.choose(x) == g for x, g in zip(test_pages, test_gold, strict=True))
    assert right >= 28


def test_a_tree_ranker_is_stored_and_loaded_instead_of_the_logit(training_module, tmp_path: Path) -> None:
    out = tmp_path / "model"
    shutil.copytree(MODEL_DIR, out)
    with np.load(out / "line_model.npz") as stored:
        n_cols = len(stored["rank_coef"])
    rng = np.random.default_rng(3)
    pages = [rng.normal(size=(12, n_cols)) for _ in range(40)]
    gold = [int(rng.integers(0, 12)) for _ in pages]
    for x, g in zip(pages, gold, strict=True):
        x[g, FEATURE_NAMES.index("after_p3_comment")] += 3.0
    ranker = training_module.fit_tree_ranker(pages, gold)
    training_module.attach(out, ranker, {"pages": 40, "kind": "trees"}, long_pages={"min_lines": 80,
                                                                                       "comment_entry_bonus": 6.0})
    with np.load(out / "line_model.npz") as stored:
        assert not any(name.startswith("rank_") and not name.startswith("rank_t_") for name in stored.files)
        loaded = load_ranker({name: stored[name] for name in stored.files})
    assert isinstance(loaded, TreeBoundaryRanker)
    assert [loaded.choose(x) for x in pages] == [ranker.choose(x) for x in pages]
    model = load_line_model(out)
    assert isinstance(model.ranker, TreeBoundaryRanker)
    assert json.loads((out / "line_model.json").read_text())["boundary_ranker"]["kind"] == "trees"
    lines = ["Council approves budget", "The council approved the budget on Tuesday.",
             "It adds twelve bus lines.", "Great post, thanks!", "I agree with you."]
    blank = [False] * len(lines)
    assert len(model.predict(lines, blank, blank)) == len(lines)


def test_the_shipped_ranker_is_still_read_as_a_logit() -> None:
    with np.load(MODEL_DIR / "line_model.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    assert isinstance(load_ranker(arrays), BoundaryRanker | TreeBoundaryRanker)
    assert load_ranker({}) is None


def test_whole_block_thread_features_read_every_line_after_the_start() -> None:
    rng = np.random.default_rng(4)
    n = 20
    p3 = np.full((n, len(CLASSES)), 0.02)
    p3[:, BODY] = 0.9
    markers = np.zeros((n, 4))
    markers[15:, 1] = 1.0  # "I" only in the last five lines, far beyond the short window of candidate 5
    emb = rng.normal(size=(n, 8))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    style = np.zeros((n, 2))
    short = thread_candidate_features(markers, style, p3, emb, BODY, COMMENT, REF)
    block = thread_candidate_features(markers, style, p3, emb, BODY, COMMENT, REF, window=None)
    assert short[4, 1] == 0.0  # after_i of candidate b = 5: lines 5-10 hold no "I"
    assert block[4, 1] == pytest.approx(5 / 15)  # the whole block 5-19 does: 5 of its 15 lines
    assert np.allclose(block, thread_candidate_features(markers, style, p3, emb, BODY, COMMENT, REF, window=n))


def test_a_block_ranker_reads_the_whole_block_group_at_run_time(tmp_path: Path) -> None:
    from storytrace.anatomy.boundary import THREAD_FEATURE_NAMES

    out = tmp_path / "model"
    shutil.copytree(MODEL_DIR, out)
    with np.load(out / "line_model.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    ranker = BoundaryRanker.from_arrays(arrays)
    extra = 2 * len(THREAD_FEATURE_NAMES)
    arrays.update(BoundaryRanker(np.concatenate([ranker.mean, np.zeros(extra)]),
                                 np.concatenate([ranker.scale, np.ones(extra)]),
                                 np.concatenate([ranker.coef, np.zeros(extra)])).to_arrays())
    np.savez_compressed(out / "line_model.npz", **arrays)
    meta = json.loads((out / "line_model.json").read_text(encoding="utf-8"))
    meta["boundary_ranker"]["features"] = ["thread", "block"]
    (out / "line_model.json").write_text(json.dumps(meta), encoding="utf-8")
    model = load_line_model(out)
    lines = ["Council approves budget", "The council approved the budget on Tuesday.",
             "It adds twelve bus lines to the northern districts.", "Great post, thanks!", "I agree with you."]
    blank = [False] * len(lines)
    probs = model.stage_probs(lines, blank, blank)
    x = model.boundary_candidates(probs["p1"], probs["p3"], probs["emb"], probs["dense"], probs["grams"])
    assert x.shape == (len(lines), len(FEATURE_NAMES) + extra)
    assert len(model.predict(lines, blank, blank)) == len(lines)
