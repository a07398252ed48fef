"""The training scripts that add a part to a shipped comment model (``fit_comment_pair --write``,
``comment_lang_head --write``) write it through one helper, which keeps every other key of model.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from comment_data import set_model_spec  # noqa: E402


def test_a_part_is_added_and_the_rest_of_the_spec_kept(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text(json.dumps({"revision": "3.15", "pair": {"old": 1}}), encoding="utf-8")
    path = set_model_spec(tmp_path, "pair", {"weights": [0.5, 0.5]})
    spec = json.loads(path.read_text(encoding="utf-8"))
    assert spec == {"pair": {"weights": [0.5, 0.5]}, "revision": "3.15"}
    assert list(spec) == sorted(spec)
