"""A gradient-boosted tree ensemble stored as plain arrays and evaluated with numpy (no pickle, no sklearn
at run time).

:func:`from_sklearn` flattens a fitted ``HistGradientBoostingClassifier`` (numeric features only) into a
:class:`TreeEnsemble`; :meth:`TreeEnsemble.predict_proba` walks every tree for every row at once, one
depth level per step, and matches sklearn's ``predict_proba`` to float precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from storytrace.numeric import softmax

CHUNK_ROWS = 2048  # rows per tree walk: bounds memory on very long pages, one walk for ordinary pages
ARRAYS = ("feature", "threshold", "left", "right", "is_leaf", "missing_left", "value", "roots", "tree_class",
          "baseline")


@dataclass(slots=True)
class TreeEnsemble:
    """All trees' nodes concatenated; ``left``/``right`` are absolute node indices, ``roots`` the first node
    of each tree, ``tree_class`` the class column each tree adds to, ``baseline`` the initial raw scores."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    missing_left: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    tree_class: np.ndarray
    baseline: np.ndarray

    @property
    def n_classes(self) -> int:
        return len(self.baseline)

    def raw_scores(self, x: np.ndarray) -> np.ndarray:
        """Summed leaf values per class plus the baseline, shape (n_rows, n_classes). Rows are walked
        ``CHUNK_ROWS`` at a time: the walk holds a node index per row and tree (1,500 trees: 12 KB a row)."""
        return np.vstack([self._raw_scores(x[lo:lo + CHUNK_ROWS]) for lo in range(0, x.shape[0], CHUNK_ROWS)])

    def _raw_scores(self, x: np.ndarray) -> np.ndarray:
        rows = np.arange(x.shape[0])[:, None]
        node = np.broadcast_to(self.roots, (x.shape[0], len(self.roots))).copy()
        while True:
            leaf = self.is_leaf[node]
            if leaf.all():
                break
            v = x[rows, self.feature[node]]
            go_left = np.where(np.isnan(v), self.missing_left[node], v <= self.threshold[node])
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        scores = np.zeros((x.shape[0], self.n_classes))
        leaf_values = self.value[node]
        for k in range(self.n_classes):
            scores[:, k] = leaf_values[:, self.tree_class == k].sum(axis=1)
        return scores + self.baseline

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.raw_scores(np.asarray(x, dtype=np.float64)))

    @property
    def n_iterations(self) -> int:
        """Boosting iterations: every iteration adds one tree per class seen in training, in order."""
        per_iteration = len(np.unique(self.tree_class))
        return len(self.roots) // per_iteration if per_iteration else 0

    def first_iterations(self, n: int) -> TreeEnsemble:
        """The ensemble after its first ``n`` boosting iterations (what early stopping at ``n`` would have kept):
        trees are stored iteration by iteration, so these are the first ``n`` x classes trees and their nodes."""
        if not 1 <= n <= self.n_iterations:
            raise ValueError(f"cannot keep {n} of {self.n_iterations} boosting iterations")
        trees = n * (len(self.roots) // self.n_iterations)
        nodes = int(self.roots[trees]) if trees < len(self.roots) else len(self.feature)
        return TreeEnsemble(**{name: getattr(self, name)[:nodes] for name in ARRAYS[:7]},
                            roots=self.roots[:trees].copy(), tree_class=self.tree_class[:trees].copy(),
                            baseline=self.baseline.copy())

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {prefix + name: getattr(self, name) for name in ARRAYS}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> TreeEnsemble:
        return cls(**{name: arrays[prefix + name] for name in ARRAYS})


_NODE_PARTS = ("feature", "threshold", "left", "right", "is_leaf", "missing_left", "value")


def sklearn_trees(clf: Any) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """The nodes of a fitted ``HistGradientBoostingClassifier`` as flat arrays (children offset to the flat index),
    each tree's root and the class column it scores (its index in ``clf.classes_``)."""
    parts: dict[str, list[np.ndarray]] = {k: [] for k in _NODE_PARTS}
    roots, columns = [], []
    offset = 0
    for iteration in clf._predictors:  # the fitted trees have no public accessor
        for column, predictor in enumerate(iteration):
            nodes = predictor.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            roots.append(offset)
            columns.append(column)
            parts["feature"].append(nodes["feature_idx"].astype(np.int64))
            parts["threshold"].append(nodes["num_threshold"].astype(np.float64))
            parts["left"].append(nodes["left"].astype(np.int64) + offset)
            parts["right"].append(nodes["right"].astype(np.int64) + offset)
            parts["is_leaf"].append(nodes["is_leaf"].astype(bool))
            parts["missing_left"].append(nodes["missing_go_to_left"].astype(bool))
            parts["value"].append(nodes["value"].astype(np.float64))
            offset += len(nodes)
    return {k: np.concatenate(v) for k, v in parts.items()}, np.asarray(roots), np.asarray(columns, dtype=np.int64)


def from_sklearn(clf: Any, n_classes: int) -> TreeEnsemble:
    """Flatten a fitted multiclass ``HistGradientBoostingClassifier``; its ``classes_`` must be
    ``0..n_classes-1`` (absent classes get a very low baseline)."""
    if len(clf.classes_) < 3:
        raise ValueError("only multiclass (3+ classes) ensembles are supported")
    nodes, roots, columns = sklearn_trees(clf)
    classes = np.asarray(clf.classes_, dtype=np.int64)
    baseline = np.full(n_classes, -30.0)
    baseline[classes] = np.ravel(clf._baseline_prediction)
    return TreeEnsemble(**nodes, roots=roots, tree_class=classes[columns], baseline=baseline)
