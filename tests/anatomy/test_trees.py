"""The numpy tree evaluator reproduces scikit-learn's boosted trees exactly (it replaces pickle at run time)."""

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from storytrace.anatomy.trees import TreeEnsemble, from_sklearn


@pytest.fixture(scope="module")
def fitted() -> tuple[HistGradientBoostingClassifier, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 5))
    y = (x[:, 0] > 0).astype(int) + 2 * (x[:, 1] * x[:, 2] > 0)  # four classes from interactions
    clf = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
    return clf, rng.normal(size=(80, 5))


def test_probabilities_match_sklearn(fitted):
    clf, x = fitted
    trees = from_sklearn(clf, n_classes=5)
    ours = trees.predict_proba(x)
    assert np.abs(ours[:, :4] - clf.predict_proba(x)).max() < 1e-9
    assert ours[:, 4].max() < 1e-9  # a class absent from training stays impossible


def test_missing_values_follow_the_learned_side(fitted):
    clf, x = fitted
    x = x.copy()
    x[::3, 1] = np.nan
    assert np.abs(from_sklearn(clf, 5).predict_proba(x)[:, :4] - clf.predict_proba(x)).max() < 1e-9


def test_round_trip_through_arrays(fitted):
    clf, x = fitted
    trees = from_sklearn(clf, 5)
    again = TreeEnsemble.from_arrays(trees.to_arrays("t_"), "t_")
    assert np.array_equal(again.predict_proba(x), trees.predict_proba(x))


def test_binary_models_are_refused():
    x = np.arange(40, dtype=float).reshape(20, 2)
    clf = HistGradientBoostingClassifier(max_iter=3).fit(x, np.arange(20) % 2)
    with pytest.raises(ValueError, match="multiclass"):
        from_sklearn(clf, 2)


def test_long_inputs_are_walked_in_chunks_with_the_same_result(fitted, monkeypatch):
    from storytrace.anatomy import trees as trees_module

    clf, x = fitted
    trees = from_sklearn(clf, 5)
    whole = trees.predict_proba(x)
    monkeypatch.setattr(trees_module, "CHUNK_ROWS", 7)  # 80 rows: 12 chunks, the last one short
    np.testing.assert_array_equal(trees.predict_proba(x), whole)


@pytest.mark.parametrize("n", [1, 7, 30])
def test_first_iterations_match_sklearn_staged_probabilities(fitted, n):
    clf, x = fitted
    trees = from_sklearn(clf, 5)
    assert trees.n_iterations == clf.n_iter_ == 30
    cut = trees.first_iterations(n)
    staged = next(p for i, p in enumerate(clf.staged_predict_proba(x), 1) if i == n)
    assert cut.n_iterations == n
    assert np.abs(cut.predict_proba(x)[:, :4] - staged).max() < 1e-9
    assert len(cut.feature) < len(trees.feature) or n == 30  # the later trees' nodes are dropped


@pytest.mark.parametrize("n", [0, 31])
def test_first_iterations_refuses_counts_it_does_not_have(fitted, n):
    with pytest.raises(ValueError, match="boosting iterations"):
        from_sklearn(fitted[0], 5).first_iterations(n)
