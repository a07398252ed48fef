"""Session 25 (helper "olidview"): the OLID view read by the English cascade only (``fit_olid_view.py --cascade
refit``): a view trained on OLID with davidson and the authored lines, the toxic cascade stack refit inside the band,
the band chosen by the full scoring of the calibration half."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import CommentModel
from storytrace.comments._model import LEARNED
from tests.comments.conftest import DATA, FakeEncoder

ROOT = Path(__file__).resolve().parents[2]
TOXIC = LEARNED.index("toxic")
sys.path.insert(0, str(ROOT / "training"))


def _sigmoid(z: float) -> float:
    return float(1.0 / (1.0 + np.exp(-z)))


def test_band_stack_fits_only_the_eligible_rows_in_the_band():
    from fit_olid_view import band_stack

    prob = np.array([0.1, 0.4, 0.45, 0.5, 0.55, 0.9, 0.5, 0.42])
    eligible = np.array([True, True, True, True, True, True, False, True])
    y = np.array([0, 0, 1, 0, 1, 1, 1, 1])
    char_m = np.linspace(-1, 1, len(prob))
    margins = np.c_[np.linspace(1, -1, len(prob)), np.arange(len(prob), dtype=float)]
    row, picked = band_stack(prob, char_m, eligible, margins, y, (0.4, 0.55))
    assert picked.tolist() == [False, True, True, True, True, False, False, True]
    assert len(row) == 4  # [wc, we, wv, b]
    with pytest.raises(ValueError):
        band_stack(prob, char_m, eligible, margins, y, (0.0, 0.2))  # one class only


def test_cascade_stack_reads_the_view():
    model = CommentModel.load()
    model.embedders = {"use": FakeEncoder(512)}  # every text embeds as e_0
    coef = np.zeros((1, 512), dtype=np.float32)
    coef[0, 0] = 3.0
    model.stack_view_coef, model.stack_view_intercept = coef, np.zeros(1, dtype=np.float32)
    model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": [0.0, 0.0, 1.0, 0.0]}}
    text = ["the council will discuss the new bus lane on tuesday evening"]
    got = model.learned_probabilities(text, ["en"])[0, TOXIC]
    assert np.isclose(got, _sigmoid(3.0), atol=1e-4)


@pytest.mark.skipif(not (DATA / "comments" / "davidson").exists(), reason="shared training data not present")
@pytest.mark.parametrize("stack_rows", ["olid", "all"])
def test_fit_olid_view_refit_tiny_sample(tmp_path, stack_rows):
    out = tmp_path / "model"
    authored = Path(__file__).resolve().parent / "data" / "authored"
    subprocess.run([sys.executable, str(ROOT / "training" / "fit_olid_view.py"), "--data", str(DATA), "--out",
                    str(out), "--limit", "1200", "--cascade", "refit", "--authored", str(authored),
                    "--davidson-weight", "0.5", "--C", "1", "--bands", "0.3-0.6,0.2-0.7", "--max-share", "0.9",
                    "--davidson-auc-drop", "1", "--davidson-f1-drop", "1", "--stack-rows", stack_rows],
                   check=True, timeout=600)
    old = json.loads((ROOT / "src/storytrace/data/models/comments/model.json").read_text(encoding="utf-8"))
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert meta["cascade"]["band"]["toxic"] in ([0.3, 0.6], [0.2, 0.7])
    assert len(meta["cascade"]["stack"]["toxic"]) == 4
    assert meta["stack"] == old["stack"]  # the opt-in english_embed stack is left as shipped
    view = meta["olid_view"]
    assert view["cascade"] == "refit" and view["davidson_weight"] == 0.5 and view["stack_rows"] == stack_rows
    assert set(view["train_rows"]) == {"olid", "davidson", "authored"} and min(view["train_rows"].values()) > 0
    assert {b["band"][0] for b in view["bands"]} <= {0.3, 0.2} and "olid_auc" in view["calibration"]
    model = CommentModel.load(out)
    assert model.stack_view_coef is not None and model.stack_view_coef.shape == (1, 512)
