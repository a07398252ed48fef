"""training/score_probes.py: agreement of scores with probe labels, per kind; a probe file scores end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from score_probes import agreement


def test_agreement_counts_each_label_per_kind_and_overall():
    rows = [{"kind": "a", "identity_attack": 1, "toxic": 1}, {"kind": "a", "identity_attack": 0, "toxic": 0},
            {"kind": "b", "identity_attack": 0, "toxic": 1, "threat": None}]
    scores = [{"identity_attack": 0.9, "toxic": 0.4, "threat": 0.0}, {"identity_attack": 0.6, "toxic": 0.1, "threat": 0.0},
              {"identity_attack": 0.1, "toxic": 0.7, "threat": 0.9}]
    table = agreement(rows, scores)
    assert table["a"]["identity_attack"] == [1, 2] and table["a"]["toxic"] == [1, 2]
    assert table["ALL"]["identity_attack"] == [2, 3] and table["ALL"]["toxic"] == [2, 3]
    assert table["ALL"]["threat"] == [0, 0]  # unlabelled threat is not counted


def test_the_negation_probes_score_end_to_end():
    probes = ROOT / "training/data/comments_authored/probes/negation_counter.jsonl"
    out = subprocess.run([sys.executable, str(ROOT / "training/score_probes.py"), str(probes), "--split", "check"],
                         capture_output=True, text=True, check=True).stdout
    overall = next(line for line in out.splitlines() if " ALL " in line)
    assert "n= 180" in overall and "identity_attack=" in overall
