"""The comment-section boundary: path scores per boundary, forced decoding, candidate features, the ranker."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.anatomy.boundary import (
    FEATURE_NAMES,
    BoundaryRanker,
    boundary_scores,
    candidate_features,
    decode_with_boundary,
)
from storytrace.anatomy.text import CLASSES, LineModel, load_line_model

K = len(CLASSES)
BODY, BOILER, REF, COMMENT = (CLASSES.index(c) for c in ("body", "boilerplate", "reference", "comment"))


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


def _path_score(emit: np.ndarray, model: LineModel, path: list[int]) -> float:
    """Score of a class path, with its phases recovered the way the grammar assigns them."""
    states, phase = [], 0
    for j in path:
        if phase == 0 and j == BODY:
            phase = 1
        elif phase == 1 and j == COMMENT:
            phase = 2
        states.append(j + K * phase)
    e = np.tile(emit, 3)
    total = model.log_start[states[0]] + e[0, states[0]]
    for t in range(1, len(states)):
        total += model.log_trans[states[t - 1], states[t]] + e[t, states[t]]
    return float(total)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_boundary_scores_match_forced_paths(model: LineModel, seed: int) -> None:
    rng = np.random.default_rng(seed)
    probs = rng.dirichlet(np.ones(K) * 0.4, size=int(rng.integers(2, 30)))
    emit = model.emissions(probs)
    scores = boundary_scores(emit, model.log_start, model.log_trans)
    n = len(probs)
    for b in range(1, n + 1):
        path = decode_with_boundary(emit, model.log_start, model.log_trans, b)
        comments = [i for i, j in enumerate(path) if j == COMMENT]
        if b < n:
            assert comments and comments[0] == b  # the comment section starts exactly there
        else:
            assert not comments
        assert _path_score(emit, model, path) == pytest.approx(scores[b], abs=1e-6)
    # the best boundary is where the free decoding puts it
    free = model.decode(probs)
    assert _path_score(emit, model, free) == pytest.approx(scores[1:].max(), abs=1e-6)


def test_candidate_features_shape_and_no_comment_row() -> None:
    rng = np.random.default_rng(5)
    n = 12
    p = rng.dirichlet(np.ones(K), size=n)
    emb = rng.normal(size=(n, 8))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    scores = [rng.normal(size=n + 1) for _ in range(4)]
    x = candidate_features(scores, p, p, emb, rng.normal(size=n), rng.random(n), BODY, COMMENT, BOILER, REF)
    assert x.shape == (n, len(FEATURE_NAMES))
    assert np.isfinite(x).all()
    last = x[-1]  # b = n: no comment section, so nothing after it
    assert (last[FEATURE_NAMES.index("after_p3_comment"):] == 0).all()
    assert x[:-1, FEATURE_NAMES.index("has_after")].tolist() == [1.0] * (n - 1)


def test_ranker_learns_the_marked_candidate_and_round_trips() -> None:
    rng = np.random.default_rng(7)
    pages, gold = [], []
    for _ in range(60):
        x = rng.normal(size=(int(rng.integers(3, 15)), 4))
        g = int(rng.integers(len(x)))
        x[g, 2] += 4.0  # the true boundary stands out on one feature
        pages.append(x)
        gold.append(g)
    ranker = BoundaryRanker.fit(pages, gold, l2=0.01)
    assert sum(ranker.choose(x) == g for x, g in zip(pages, gold, strict=True)) >= 55
    again = BoundaryRanker.from_arrays(ranker.to_arrays())
    assert all(again.choose(x) == ranker.choose(x) for x in pages)


def test_shipped_model_has_a_ranker_that_keeps_the_grammar(model: LineModel) -> None:
    assert model.ranker is not None
    lines = ["Storm hits the coast", "The storm reached the coast on Monday, officials said.",
             "Thousands of homes lost power as winds reached 120 km/h.",
             "Share this article", "great reporting, thanks!", "lol the mayor again", "Privacy policy"]
    labels = model.predict(lines, [False] * len(lines), [False] * len(lines))
    if "comment" in labels:
        first = labels.index("comment")
        assert "body" in labels[:first]
        assert set(labels[first:]) <= {"comment", "boilerplate"}


def test_need_body_forces_an_article_where_the_free_path_has_none(model: LineModel) -> None:
    headline = CLASSES.index("headline")
    probs = np.full((4, K), 0.01)
    probs[:, headline] = 0.9  # every line reads as a headline: the free path never reaches the article
    probs /= probs.sum(axis=1, keepdims=True)
    emit = model.emissions(probs)
    n = len(probs)
    assert BODY not in decode_with_boundary(emit, model.log_start, model.log_trans, n)
    assert BODY not in model.decode(probs)
    forced = decode_with_boundary(emit, model.log_start, model.log_trans, n, need_body=True)
    assert BODY in forced  # the article: headline lines cannot follow a body line, so it comes last here
    assert model.decode(probs, need_body=True) == forced
    # a comment section already implies an article: need_body changes nothing there
    assert decode_with_boundary(emit, model.log_start, model.log_trans, 2, need_body=True) == \
        decode_with_boundary(emit, model.log_start, model.log_trans, 2)


def test_every_page_gets_a_body_line(model: LineModel) -> None:
    from storytrace.anatomy.text import classify_lines

    lines = ["Floods force 3,000 people from their homes in Valencia", "",
             "Heavy rain flooded the city on Tuesday, forcing 3,000 residents to leave, officials said.", "",
             "Share this article"]
    assert "body" in classify_lines(lines, model)
    assert classify_lines(["Home", "News", "Sport"], model).count("body") >= 1
