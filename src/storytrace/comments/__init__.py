"""Comment sections: language, calibrated toxicity with evidence, disguised words, flooding, coordination.

    >>> from storytrace.comments import load_model, analyze_comments
    >>> model = load_model()
    >>> page = analyze_comments(page, options, model=model, calibration="news_comments")

Scores come under one of two calibrations: ``"training"`` (the heads' Platt calibration on tweets; the default of
``score_texts``, ``analyze_comments`` and the tweet and HateCheck benchmarks) and ``"news_comments"`` (on request:
the learned heads' log-odds moved to the far lower rate of abuse among reader comments under articles;
``data/models/comments/news_calibration.json``, fit by ``training/calibrate_news_comments.py``; not the default
after its ship rule missed a precision floor, docs/results/comments_real.md). ``page.thread["calibration"]`` names
the one used.
"""

from __future__ import annotations

from storytrace.comments._model import CATEGORIES, TRAINING_CALIBRATION, CommentModel
from storytrace.comments._thread import NEWS_CALIBRATION, analyze_comments, find_coordination, score_texts

__all__ = ["CATEGORIES", "NEWS_CALIBRATION", "TRAINING_CALIBRATION", "CommentModel", "analyze_comments",
           "find_coordination", "load_model", "score_texts"]


def load_model() -> CommentModel:
    """Load the shipped comment model (``data/models/comments``). Cache it via ``storytrace.resources``."""
    return CommentModel.load()
