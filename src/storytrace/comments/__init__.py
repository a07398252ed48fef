"""Comment sections: language, calibrated toxicity with evidence, disguised words, flooding, coordination.

    >>> from storytrace.comments import load_model, analyze_comments
    >>> model = load_model()
    >>> page = analyze_comments(page, options, model=model)  # calibration="news_comments" by default

Scores come under one of two calibrations: ``"training"`` (the heads' Platt calibration on tweets; the default of
``score_texts`` for raw texts and of the tweet and HateCheck benchmarks) and ``"news_comments"`` (the default of
``analyze_comments`` for a page's thread: the learned heads' log-odds moved to the far lower rate of abuse among
reader comments under articles; ``data/models/comments/news_calibration.json``, fit by
``training/calibrate_news_comments.py``). ``page.thread["calibration"]`` names the one used.
"""

from __future__ import annotations

from storytrace.comments._model import CATEGORIES, TRAINING_CALIBRATION, CommentModel
from storytrace.comments._thread import PAGE_CALIBRATION, analyze_comments, find_coordination, score_texts

__all__ = ["CATEGORIES", "PAGE_CALIBRATION", "TRAINING_CALIBRATION", "CommentModel", "analyze_comments",
           "find_coordination", "load_model", "score_texts"]


def load_model() -> CommentModel:
    """Load the shipped comment model (``data/models/comments``). Cache it via ``storytrace.resources``."""
    return CommentModel.load()
