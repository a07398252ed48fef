"""Small numeric helpers shared by the models (kept here so each is written once)."""

from __future__ import annotations

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of scores ``z`` (last axis), shifted by the row maximum so large scores do not overflow."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
