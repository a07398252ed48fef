"""training/score_probes.py (session 28): the agreement threshold is an option."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

from score_probes import agreement


def test_agreement_reads_the_given_threshold():
    rows = [{"kind": "a", "identity_attack": 1}, {"kind": "a", "identity_attack": 0}]
    scores = [{"identity_attack": 0.45, "toxic": 0, "threat": 0, "insult": 0},
              {"identity_attack": 0.2, "toxic": 0, "threat": 0, "insult": 0}]
    assert agreement(rows, scores, threshold=0.4)["ALL"]["identity_attack"] == [2, 2]  # 0006690: no threshold
    assert agreement(rows, scores)["ALL"]["identity_attack"] == [1, 2]
