"""The session-28 combiner analysis (training/topics_stack.py): the calibrated mix recovers known member weights and
class biases, and the paragraph-unit member is the word-weighted mean log probability of a page's units."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))


def test_fit_calibrated_recovers_weights_and_biases():
    from topics_stack import fit_calibrated

    rng = np.random.default_rng(0)
    n, k = 4000, 4
    L = rng.normal(size=(2, n, k))
    true = np.array([1.5, 0.5, 0.4, -0.4, 0.0, 0.0])
    S = np.tensordot(true[:2], L, 1) + true[2:]
    P = np.exp(S - S.max(1, keepdims=True))
    P /= P.sum(1, keepdims=True)
    gold = np.array([rng.choice(k, p=p) for p in P])
    theta = fit_calibrated(L, gold)
    assert np.allclose(theta[:2], true[:2], atol=0.15)
    assert theta[2] > theta[4] > theta[3]  # biases keep their order (shrunk by the L2)


def test_unit_logmean_weights_units_by_words():
    from topics_stack import unit_logmean

    class Fixed:  # a stand-in model: topic 0 for texts about rain, topic 1 otherwise
        def predict_proba(self, texts):
            return np.array([[0.9, 0.1] if "rain" in t else [0.1, 0.9] for t in texts])

    rain, goal = "rain " * 30, "goal " * 90
    out, n_units = unit_logmean(Fixed(), [rain.strip() + "\n" + goal.strip(), goal.strip()])
    assert list(n_units) == [2, 1]
    assert np.allclose(out[0], 0.25 * np.log([0.9, 0.1]) + 0.75 * np.log([0.1, 0.9]), atol=1e-4)
    assert np.allclose(out[1], np.log([0.1, 0.9]), atol=1e-4)
