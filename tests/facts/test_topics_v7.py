"""Topic model v7 (session 27): the shipped English models train on the session-20 longer texts and the session-27
international-relations / defence texts, and keep the authored check splits (never trained) that v6 got wrong."""

from __future__ import annotations

import json
from importlib import resources as ir
from pathlib import Path

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "topics_authored"


def test_shipped_english_models_name_their_training_files():
    note = json.loads((ir.files("storytrace") / "data" / "models" / "topics" / "training-rows.json").read_text())
    v7 = note["english_v7"]
    assert v7["authored_files"] == ["en.jsonl", "en_s18.jsonl"]
    assert v7["authored_long_files"] == ["en_s20.jsonl", "en_s27.jsonl"] and v7["authored_long_weight"] == 0.6
    assert not any("check" in f for f in v7["authored_files"] + v7["authored_long_files"])


def test_shipped_tagger_on_the_authored_check_splits():
    """v6 put 78 of these 89 never-trained texts first right (61/68 + 17/21), v7 87; a floor of 85 leaves room for
    USE run-to-run noise but not for a return to v6."""
    from storytrace.facts.topics import load_topic_tagger

    rows = [json.loads(line) for name in ("en_s20_check.jsonl", "en_s21_check.jsonl")
            for line in (AUTHORED / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    tagged = load_topic_tagger(use_e5=False).tag([r["text"] for r in rows])
    hits = sum(t[0].id == r["topic"] for t, r in zip(tagged, rows, strict=True))
    assert hits >= 85, hits
