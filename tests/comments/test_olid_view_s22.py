"""Session 22 (helper "olid"): extra linear views of the stack encoder's embedding in the English stacks
(``CommentModel.stack_view_coef``, ``_model.stacked_probability``; ``training/fit_olid_view.py``)."""

from __future__ import annotations

import numpy as np

from storytrace.comments import CommentModel
from storytrace.comments._model import LEARNED, stacked_probability
from tests.comments.conftest import FakeEncoder

TOXIC = LEARNED.index("toxic")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def test_three_weight_row_is_the_two_margin_stack():
    char = np.array([-1.0, 0.5, 2.0])
    em = np.array([[0.3, 0.0, 0.0], [-0.2, 1.0, 0.0], [1.5, 0.0, 2.0]])
    got = stacked_probability([0.7, 0.4, 0.2], char, em, TOXIC)
    assert np.allclose(got, _sigmoid(0.7 * char + 0.4 * em[:, TOXIC] + 0.2))


def test_view_weights_read_the_margins_after_the_heads():
    char = np.array([0.0, 0.0])
    em = np.array([[0.0, 9.0, 9.0, 2.0], [0.0, 9.0, 9.0, -2.0]])  # heads' margins, then one view's
    got = stacked_probability([0.0, 0.0, 1.5, 0.0], char, em, TOXIC)
    assert np.allclose(got, _sigmoid(np.array([3.0, -3.0])))


def _model_with_view(sign: float) -> CommentModel:
    model = CommentModel.load(english_embed=True)
    model.embedders = {"use": FakeEncoder(512)}  # every text embeds as e_0
    coef = np.zeros((1, 512), dtype=np.float32)
    coef[0, 0] = sign * 5.0
    model.stack_view_coef, model.stack_view_intercept = coef, np.zeros(1, dtype=np.float32)
    model.stack = {"toxic": [0.0, 0.0, 1.0, 0.0]}  # the view alone decides the English toxic stack
    return model


def test_stack_margins_append_the_view():
    model = _model_with_view(1.0)
    margins = model._stack_margins(["you are all wonderful"])
    assert margins.shape == (1, len(LEARNED) + 1)
    assert np.isclose(margins[0, -1], 5.0)


def test_english_embed_stack_reads_the_view():
    text = ["thanks for the update on the bus lane"]
    high = _model_with_view(1.0).learned_probabilities(text, ["en"])[0, TOXIC]
    low = _model_with_view(-1.0).learned_probabilities(text, ["en"])[0, TOXIC]
    assert np.isclose(high, _sigmoid(np.array(5.0)), atol=1e-4)
    assert np.isclose(low, _sigmoid(np.array(-5.0)), atol=1e-4)


def test_view_survives_save_and_load(tmp_path):
    model = _model_with_view(1.0)
    model.save(tmp_path)
    again = CommentModel.load(tmp_path)
    assert again.stack_view_coef is not None and again.stack_view_intercept is not None
    assert np.array_equal(again.stack_view_coef, model.stack_view_coef)


def _tweets(n: int) -> list[dict[str, object]]:
    rude = ["you are a pathetic clown, shut up", "what an idiot, get lost loser"]
    calm = ["the council meets on tuesday about the bus lane", "great match last night, well played everyone"]
    return [{"text": (rude if i % 2 else calm)[i % 4 // 2], "source": "olid" if i % 3 else "davidson",
             "toxic": i % 2, "insult": i % 2, "identity_attack": 0, "lang": "en"} for i in range(n)]


def test_blend_olid_head_changes_only_the_toxic_reading():
    import argparse
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
    import train_comment_model

    old = CommentModel.load()
    old.embedders = {"use": FakeEncoder(512, per_text=True)}
    args = argparse.Namespace(blend_C=1.0, blend_authored_weight=0.0)
    new = train_comment_model.blend_olid_head(old, _tweets(36), _tweets(24), args)
    assert not np.array_equal(new.coef[TOXIC], old.coef[TOXIC])
    others = [i for i in range(len(LEARNED)) if i != TOXIC]
    assert np.array_equal(new.coef[others], old.coef[others]) and np.array_equal(new.idf, old.idf)
    assert {c: v for c, v in new.calibration.items() if c != "toxic"} == \
        {c: v for c, v in old.calibration.items() if c != "toxic"}
    assert new.meta["cascade"]["band"] == old.meta["cascade"]["band"]
    assert new.meta["cascade"]["stack"]["toxic"] == new.meta["stack"]["toxic"] != old.meta["stack"]["toxic"]
    assert new.meta["stack"]["identity_attack"] == old.meta["stack"]["identity_attack"]
    assert new.meta["olid_blend"]["fit_rows"] == sum(r["source"] == "olid" for r in _tweets(36))
