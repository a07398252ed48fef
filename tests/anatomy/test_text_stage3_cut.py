"""``train_boundary_ranker.py --stage3-iterations N`` keeps the first N boosting iterations of the target model's stage 3
and records the cut (session 16: tried on the shipped model with N = 40, not kept; docs/results/text_anatomy.md)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.text import MODEL_DIR, load_line_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kept", [7])
def test_text_attach_cuts_the_target_models_stage3_and_records_it(tmp_path: Path, kept: int) -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from train_boundary_ranker import attach

    target = tmp_path / "model"
    shutil.copytree(MODEL_DIR, target, ignore=shutil.ignore_patterns("*.md", "comments", "topics"))
    before = load_line_model(target)
    stop = json.loads((target / "line_model.json").read_text(encoding="utf-8"))["tree_stop"]
    fitted = stop.get("stage3_fitted", before.trees3.n_iterations)
    attach(target, before.ranker, {"pages": 0}, long_pages={"min_lines": 80, "comment_entry_bonus": 6.0},
           stage3_iterations=kept)
    after = load_line_model(target)
    assert after.trees3.n_iterations == kept
    x = np.random.default_rng(0).normal(size=(5, len(before.mean3)))
    np.testing.assert_allclose(after.trees3.predict_proba(x), before.trees3.first_iterations(kept).predict_proba(x))
    stop = json.loads((target / "line_model.json").read_text(encoding="utf-8"))["tree_stop"]
    assert (stop["stage3_kept"], stop["stage3_fitted"]) == (kept, fitted)  # the run's count stays recorded
