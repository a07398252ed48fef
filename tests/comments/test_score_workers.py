"""``score_texts(..., workers=2)`` reads the texts in a forked worker and this process, and scores them here: every
output equals the one-process run's, in the same order (languages detected, both calibrations)."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from storytrace.comments import CommentModel, _thread, score_texts

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "comments_authored"


def _texts(n: int) -> list[str]:
    """Every 25th authored line (English and other languages, probes included), up to ``n``."""
    texts = []
    for path in sorted(AUTHORED.rglob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [json.loads(line)["text"] for line in lines[::25]]
    return texts[:n]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork")
@pytest.mark.parametrize("calibration", ["training", "news_comments"])
def test_score_workers_equal_one_process(calibration):
    texts = _texts(2 * _thread._MIN_PER_WORKER + 37)
    assert len(texts) == 2 * _thread._MIN_PER_WORKER + 37
    serial = score_texts(texts, CommentModel.load(), calibration=calibration)
    forked = score_texts(texts, CommentModel.load(), calibration=calibration, workers=2)
    assert json.dumps(forked, sort_keys=True) == json.dumps(serial, sort_keys=True)


def test_score_workers_small_batches_stay_in_process(monkeypatch):
    def no_fork(*args, **kwargs):
        raise AssertionError("forked for a small batch")

    monkeypatch.setattr(_thread, "_read_in_workers", no_fork)
    assert score_texts(["you are all wonderful people"], CommentModel.load(), workers=2)[0]["language"] == "en"
