"""Session 21: refitting one char+word head of a shipped model (``train_comment_model.retrain_char_head``) and the
NB-LR log-count ratio it can fit with (``nb_ratio``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
train_comment_model = pytest.importorskip("train_comment_model")

from storytrace.comments import CommentModel


def test_nb_ratio_signs_follow_the_classes():
    # feature 0 only in positive rows, feature 1 only in negative rows, feature 2 in both alike
    x = sparse.csr_matrix(np.array([[1, 0, 1], [1, 0, 1], [0, 1, 1], [0, 1, 1]], dtype=np.float32))
    y = np.array([1, 1, 0, 0])
    r = train_comment_model.nb_ratio(x, y, np.ones(4), alpha=1.0)
    assert r[0] > 0 > r[1]
    assert abs(r[2]) < 1e-6


def test_nb_ratio_counts_sample_weights():
    x = sparse.csr_matrix(np.array([[1, 0], [0, 1], [1, 0], [0, 1]], dtype=np.float32))
    y = np.array([1, 1, 0, 0])
    even = train_comment_model.nb_ratio(x, y, np.ones(4), alpha=1.0)
    heavy = train_comment_model.nb_ratio(x, y, np.array([5.0, 1.0, 1.0, 1.0]), alpha=1.0)
    assert heavy[0] > even[0]


def _rows(n: int) -> list[dict[str, object]]:
    hateful = ["those people are vermin and should go back", "i hate every one of them, filthy animals"]
    benign = ["the council meets on tuesday about the bus lane", "great match last night, well played everyone"]
    return [{"text": (hateful if i % 2 else benign)[i % 4 // 2], "source": "olid" if i % 3 else "davidson",
             "identity_attack": i % 2, "lang": "en"} for i in range(n)]


@pytest.mark.parametrize("nb", [0.0, 1.0])
def test_retrain_char_head_changes_only_its_row(nb):
    old = CommentModel.load()
    args = argparse.Namespace(retrain_char_head="identity_attack", head_nb=nb, head_C=4.0, head_authored_weight=1.0,
                              olid_weight_ident=1.0)
    new = train_comment_model.retrain_char_head(old, _rows(24), _rows(12), args)
    k = train_comment_model.LEARNED.index("identity_attack")
    others = [i for i in range(len(train_comment_model.LEARNED)) if i != k]
    assert np.array_equal(new.coef[others], old.coef[others])
    assert np.array_equal(new.intercept[others], old.intercept[others])
    assert not np.array_equal(new.coef[k], old.coef[k])
    assert np.array_equal(new.idf, old.idf) and np.array_equal(new.use_coef, old.use_coef)
    assert new.meta.get("cascade") == old.meta.get("cascade") and new.meta.get("pair") == old.meta.get("pair")
    assert {c: v for c, v in new.calibration.items() if c != "identity_attack"} == \
        {c: v for c, v in old.calibration.items() if c != "identity_attack"}
    assert new.meta["retrained_char_head"]["nb_alpha"] == nb


def test_retrain_char_head_refuses_the_toxic_head():
    args = argparse.Namespace(retrain_char_head="toxic", head_nb=0.0, head_C=4.0, head_authored_weight=1.0,
                              olid_weight_ident=1.0)
    with pytest.raises(SystemExit):
        train_comment_model.retrain_char_head(CommentModel.load(), _rows(8), _rows(8), args)
