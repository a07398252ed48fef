"""The facts benchmark's BBC confusion table: which wrong top-level codes each BBC class gets, and how often."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_facts import BBC_MAP, bbc_confusion  # noqa: E402


def test_confusion_counts_wrong_codes_per_gold_class() -> None:
    politics, crime, economy = BBC_MAP["politics"], "medtop:02000000", "medtop:04000000"
    gold = [politics] * 4 + [BBC_MAP["tech"]] * 2
    pred = [politics, crime, crime, economy, economy, BBC_MAP["tech"]]
    confusion = bbc_confusion(pred, gold)
    assert confusion["politics"] == {crime: 0.5, economy: 0.25}
    assert confusion["tech"] == {economy: 0.5}
    assert confusion["sport"] == {}  # no sport article given: nothing to share out
