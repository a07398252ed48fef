"""The boundary ranker's thread features (session 20): reader words and topic drift after a candidate start."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.boundary import (
    FEATURE_NAMES,
    THREAD_FEATURE_NAMES,
    THREAD_WINDOW,
    BoundaryRanker,
    thread_candidate_features,
)
from storytrace.anatomy.text import (
    CLASSES,
    MODEL_DIR,
    LineModel,
    load_line_model,
    ngram_features,
    thread_markers,
)

K = len(CLASSES)
BODY, REF, COMMENT = (CLASSES.index(c) for c in ("body", "reference", "comment"))

ARTICLE = [
    "The city council approved the new budget for public transport on Tuesday evening.",
    "The plan adds twelve bus lines and extends the tram network to the northern districts.",
    "Officials said the work will start next spring and should be finished by 2027.",
    "The opposition criticised the cost, which rises to 340 million euros over five years.",
]
THREAD = [
    "Thanks for the post, I agree with you that the tram is overdue.",
    "Interesting article! I think you are right about the cost though.",
    "Great piece, thank you. I wish my town did the same.",
]


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


def _page(n_article: int, n_thread: int, seed: int = 0) -> tuple[list[str], np.ndarray, np.ndarray]:
    lines = ARTICLE[:n_article] + THREAD[:n_thread]
    rng = np.random.default_rng(seed)
    p3 = np.full((len(lines), K), 0.02)
    p3[:, BODY] = 0.9  # every line reads as prose: stage 3 cannot tell the thread from the article
    p3 /= p3.sum(axis=1, keepdims=True)
    topic_a, topic_b = rng.normal(size=16), rng.normal(size=16)
    emb = np.vstack([topic_a + 0.3 * rng.normal(size=16) for _ in range(n_article)]
                    + [topic_b + 0.3 * rng.normal(size=16) for _ in range(n_thread)])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return lines, p3, emb


def _features(lines: list[str], p3: np.ndarray, emb: np.ndarray) -> np.ndarray:
    grams = ngram_features(lines, 16, 14)
    style = np.zeros((len(lines), 2))
    return thread_candidate_features(thread_markers(grams), style, p3, emb, BODY, COMMENT, REF)


def test_thread_features_shape_and_no_comment_row() -> None:
    lines, p3, emb = _page(4, 3)
    x = _features(lines, p3, emb)
    assert x.shape == (len(lines), len(THREAD_FEATURE_NAMES))
    assert np.isfinite(x).all()
    assert (x[-1] == 0).all()  # b = n: no comment section, nothing after it


def test_reader_words_and_topic_drift_peak_at_the_thread_start() -> None:
    lines, p3, emb = _page(4, 3)
    x = _features(lines, p3, emb)
    start = 4  # the thread's first line; row b - 1 holds candidate b
    you = THREAD_FEATURE_NAMES.index("shift_you")
    opinion = THREAD_FEATURE_NAMES.index("shift_opinion")
    drift = THREAD_FEATURE_NAMES.index("opening_cos_shift")
    assert x[start - 1, you] > 0.5 and x[start - 1, opinion] > 0.5
    # earlier candidates see the thread only in part of their window: the shift peaks at the thread's start
    assert int(np.argmax(x[:, you])) == start - 1 and int(np.argmax(x[:, opinion])) == start - 1
    assert x[0, you] < x[start - 1, you]
    assert x[start - 1, drift] < x[0, drift] - 0.3  # the thread leaves the opening's topic


def test_window_is_bounded() -> None:
    assert THREAD_WINDOW >= 3
    lines, p3, emb = _page(4, 3)
    p3[-1] = 0.0  # a line with no prose mass at all weighs nothing
    p3[-1, CLASSES.index("boilerplate")] = 1.0
    assert np.isfinite(_features(lines, p3, emb)).all()


def _thread_model(tmp_path: Path) -> Path:
    """A copy of the shipped model whose ranker reads the thread features: the old weights, zero on the new
    columns except a large weight on the "you" shift, and the JSON asking for the group."""
    out = tmp_path / "model"
    shutil.copytree(MODEL_DIR, out)
    with np.load(out / "line_model.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    ranker = BoundaryRanker.from_arrays(arrays)
    extra = len(THREAD_FEATURE_NAMES)
    coef = np.concatenate([ranker.coef, np.zeros(extra)])
    coef[len(FEATURE_NAMES) + THREAD_FEATURE_NAMES.index("shift_you")] = 50.0
    wide = BoundaryRanker(np.concatenate([ranker.mean, np.zeros(extra)]),
                          np.concatenate([ranker.scale, np.ones(extra)]), coef)
    arrays.update(wide.to_arrays())
    np.savez_compressed(out / "line_model.npz", **arrays)
    meta = json.loads((out / "line_model.json").read_text(encoding="utf-8"))
    meta["boundary_ranker"]["features"] = ["thread"]
    (out / "line_model.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def test_shipped_ranker_reads_todays_features_only(model: LineModel) -> None:
    assert not model.ranker_thread
    assert len(model.ranker.coef) == len(FEATURE_NAMES)


def test_a_thread_ranker_loads_and_decides_from_the_reader_words(model: LineModel, tmp_path: Path) -> None:
    thread_model = load_line_model(_thread_model(tmp_path))
    assert thread_model.ranker_thread
    lines = ARTICLE + THREAD
    blank = [False] * len(lines)
    out = thread_model.stage_probs(lines, blank, blank)
    x = thread_model.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"], out["grams"])
    assert x.shape == (len(lines), len(FEATURE_NAMES) + len(THREAD_FEATURE_NAMES))
    with pytest.raises(ValueError):
        thread_model.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"])
    labels = thread_model.predict(lines, blank, blank)
    assert labels[len(ARTICLE):] == ["comment"] * len(THREAD)
    assert "comment" not in labels[:len(ARTICLE)]
