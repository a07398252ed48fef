"""Topic model v8 (session 27, helper topics2): the shipped English models also train on the economy / labour / crime /
politics boundary texts (`en_s27b.jsonl`, longer rows), and never on a check split."""

from __future__ import annotations

import json
from importlib import resources as ir


def test_shipped_english_models_are_v8_and_name_their_training_files():
    note = json.loads((ir.files("storytrace") / "data" / "models" / "topics" / "training-rows.json").read_text())
    assert next(iter(note)) == "english_v8"  # the newest English recipe comes first; older keys are history
    v8 = note["english_v8"]
    assert v8["authored_files"] == ["en.jsonl", "en_s18.jsonl"] and v8["authored_weight"] == 0.3
    assert v8["authored_long_files"] == ["en_s20.jsonl", "en_s27.jsonl", "en_s27b.jsonl"]
    assert v8["authored_long_weight"] == 0.6 and v8["authored_models"] == ["tfidf", "use"]
    assert not any("check" in f for f in v8["authored_files"] + v8["authored_long_files"])
