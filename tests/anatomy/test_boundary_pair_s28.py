"""Session 28 options of the boundary ranker (both off in the shipped model): the "same text?" pair group read
from consecutive lines' embeddings, and the minimum-Bayes-risk choice of the comment start."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.boundary import (
    FEATURE_NAMES,
    PAIR_FEATURE_NAMES,
    BoundaryRanker,
    PairModel,
    mbr_start,
    pair_candidate_features,
)
from storytrace.anatomy.text import MODEL_DIR, LineModel, load_line_model

ARTICLE = [
    "The city council approved the new budget for public transport on Tuesday evening.",
    "The plan adds twelve bus lines and extends the tram network to the northern districts.",
    "Officials said the work will start next spring and should be finished by 2027.",
]
THREAD = [
    "Thanks for the post, I agree with you that the tram is overdue.",
    "Interesting article! I think you are right about the cost though.",
]


def test_pair_features_read_the_start_and_both_windows() -> None:
    same = np.array([0.0, 2.0, 3.0, -1.0, -2.0, 4.0])
    x = pair_candidate_features(same)
    assert x.shape == (6, len(PAIR_FEATURE_NAMES))
    # start b = 3 (row 2): line 3 continues line 2 at -1; after it lines 4, 5 (-2, 4); before it lines 1, 2
    assert x[2].tolist() == [-1.0, 1.0, 2.5, 1.0, 0.5, 0.0]
    assert x[3, PAIR_FEATURE_NAMES.index("pair_breaks_before")] == pytest.approx(1 / 3)
    assert not x[-1].any()  # no section: nothing after


def test_pair_model_scores_each_line_against_the_one_before() -> None:
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(4, 8))
    model = PairModel(rng.normal(size=16), 0.5)
    same = model.consecutive(emb)
    assert same[0] == 0.0
    assert same[2] == pytest.approx(float(PairModel.features(emb[1:2], emb[2:3])[0] @ model.coef + 0.5))
    again = PairModel.from_arrays(model.to_arrays())
    assert np.allclose(again.consecutive(emb), same)
    assert model.consecutive(emb[:1]).tolist() == [0.0]


def test_mbr_start_weighs_the_lines_each_mistake_costs() -> None:
    # the ranker hesitates: "no section" (row 5) 0.45, a start at row 2 0.40, at row 3 0.15
    post = np.array([1e-9, 1e-9, 0.40, 0.15, 1e-9, 0.45])
    scores = np.log(post)
    assert int(np.argmax(scores)) == 5
    assert mbr_start(scores, np.ones(6), 1.0) == 3  # the weighted median of the start
    # menu lines (no prose) cost nothing: among equal risks the ranker's favourite wins
    assert mbr_start(scores, np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0]), 1.0) == 5
    # a cold posterior is the argmax
    assert mbr_start(scores, np.ones(6), 0.01) == 5


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


def _pair_model_dir(tmp_path: Path, tau: float) -> Path:
    """A copy of the shipped model whose ranker also reads the pair group (zero weights on it) and, with
    ``tau``, chooses the start by minimum Bayes risk."""
    out = tmp_path / "model"
    shutil.copytree(MODEL_DIR, out)
    with np.load(out / "line_model.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    ranker = BoundaryRanker.from_arrays(arrays)
    extra = len(PAIR_FEATURE_NAMES)
    wide = BoundaryRanker(np.concatenate([ranker.mean, np.zeros(extra)]),
                          np.concatenate([ranker.scale, np.ones(extra)]), np.concatenate([ranker.coef, np.zeros(extra)]))
    arrays.update(wide.to_arrays())
    arrays.update(PairModel(np.zeros(2 * 512), 1.0).to_arrays())
    np.savez_compressed(out / "line_model.npz", **arrays)
    meta = json.loads((out / "line_model.json").read_text(encoding="utf-8"))
    meta["boundary_ranker"]["features"] = ["pair"]
    if tau:
        meta["boundary_ranker"]["mbr_tau"] = tau
    (out / "line_model.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def test_shipped_model_has_neither_option(model: LineModel) -> None:
    assert model.pair_model is None and model.start_tau == 0.0


def test_pair_options_load_and_leave_a_zero_weight_ranker_unchanged(model: LineModel, tmp_path: Path) -> None:
    pair = load_line_model(_pair_model_dir(tmp_path, 0.0), encoder=model.encoder)
    assert pair.pair_model is not None and pair.start_tau == 0.0
    lines = ARTICLE + THREAD
    blank = [False] * len(lines)
    out = pair.stage_probs(lines, blank, blank)
    x = pair.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"], out["grams"])
    assert x.shape == (len(lines), len(FEATURE_NAMES) + len(PAIR_FEATURE_NAMES))
    assert np.allclose(x[:-1, len(FEATURE_NAMES)], 1.0)  # zero weights: every pair reads "same text" at 1.0
    assert pair.predict(lines, blank, blank) == model.predict(lines, blank, blank)


def test_mbr_option_loads_from_the_json(model: LineModel, tmp_path: Path) -> None:
    mbr = load_line_model(_pair_model_dir(tmp_path, 0.5), encoder=model.encoder)
    assert mbr.start_tau == 0.5
    lines = ARTICLE + THREAD
    blank = [False] * len(lines)
    assert len(mbr.predict(lines, blank, blank)) == len(lines)
