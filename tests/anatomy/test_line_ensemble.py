"""A line model with a partner averages the two models' stage outputs (training/add_line_partner.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.text import MODEL_DIR, load_line_model
from storytrace.errors import ModelError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from add_line_partner import add_partner

LINES = ["Sappers head to Kursk", "North Korea will send 1,000 sappers to the region, officials said on Tuesday.",
         "The deployment follows talks in Pyongyang.", "Share this", "lol this is fake news", "who cares tbh"]
BEFORE = [False, True, True, True, True, False]
AFTER = BEFORE[1:] + [False]


def _copy(tmp: Path, name: str, temper: float = 1.0) -> Path:
    """A copy of the shipped model's files under ``tmp / name``; ``temper`` scales its stage-1 weights so
    that the copy is a different model (the shipped stage 1 is saturated: small shifts change nothing)."""
    out = tmp / name
    out.mkdir()
    meta = json.loads((MODEL_DIR / "line_model.json").read_text(encoding="utf-8"))
    meta.pop("chrome_specialist", None)  # the shipped model's own specialist is not copied
    (out / "line_model.json").write_text(json.dumps(meta), encoding="utf-8")
    with np.load(MODEL_DIR / "line_model.npz", allow_pickle=False) as stored:
        arrays = {key: stored[key] for key in stored.files}
    arrays["coef1"] = arrays["coef1"] * temper
    arrays["intercept1"] = arrays["intercept1"] * temper
    np.savez(out / "line_model.npz", **arrays)
    return out


@pytest.fixture(scope="module")
def shipped_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("pair")
    return _copy(tmp, "main"), _copy(tmp, "other", temper=0.01)


def test_partner_outputs_are_the_weighted_mean(shipped_pair: tuple[Path, Path], tmp_path: Path) -> None:
    main, other = shipped_pair
    alone_main, alone_other = load_line_model(main), load_line_model(other)
    ensemble_dir = _copy(tmp_path, "ensemble")
    add_partner(ensemble_dir, other, 0.25, "partner")
    ensemble = load_line_model(ensemble_dir)
    assert [w for _, w in ensemble.partners] == [0.25]
    got = ensemble.stage_probs(LINES, BEFORE, AFTER)
    a, b = alone_main.stage_probs(LINES, BEFORE, AFTER), alone_other.stage_probs(LINES, BEFORE, AFTER)
    for stage in ("p1", "p2", "p3"):
        assert not np.allclose(a[stage], b[stage])  # two different models, or the test proves nothing
        np.testing.assert_allclose(got[stage], 0.75 * a[stage] + 0.25 * b[stage], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(got[stage].sum(axis=1), 1.0)


def test_partner_must_fit_the_model(shipped_pair: tuple[Path, Path], tmp_path: Path) -> None:
    _, other = shipped_pair
    ensemble_dir = _copy(tmp_path, "ensemble")
    add_partner(ensemble_dir, other, 0.5, "partner")
    assert_misfit_rejected(ensemble_dir, "partner", "char_bits")


def assert_misfit_rejected(model_dir: Path, member: str, setting: str) -> None:
    """A member model (partner or specialist) hashed or sized differently must not load with ``model_dir``."""
    meta_path = model_dir / member / "line_model.json"
    meta = json.loads(meta_path.read_text())
    meta[setting] += 1
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="does not fit"):
        load_line_model(model_dir)


def test_add_partner_rejects_bad_weights_and_nested_ensembles(shipped_pair: tuple[Path, Path],
                                                              tmp_path: Path) -> None:
    _, other = shipped_pair
    ensemble_dir = _copy(tmp_path, "ensemble")
    for weight in (0.0, 1.0, 1.5):
        with pytest.raises(ValueError, match="between 0 and 1"):
            add_partner(ensemble_dir, other, weight, "partner")
    add_partner(ensemble_dir, other, 0.5, "partner")
    add_partner(ensemble_dir, other, 0.4, "partner")  # adding again replaces, never duplicates
    assert json.loads((ensemble_dir / "line_model.json").read_text())["partners"] == [{"dir": "partner", "weight": 0.4}]
    with pytest.raises(ValueError, match="itself an ensemble"):
        add_partner(_copy(tmp_path, "third"), ensemble_dir, 0.5, "partner")
