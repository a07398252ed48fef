"""Comment sections: language, calibrated toxicity with evidence, disguised words, flooding, coordination.

    >>> from storytrace.comments import load_model, analyze_comments
    >>> model = load_model()
    >>> page = analyze_comments(page, options, model=model)
"""

from __future__ import annotations

from storytrace.comments._model import CATEGORIES, CommentModel
from storytrace.comments._thread import analyze_comments, find_coordination, score_texts

__all__ = ["CATEGORIES", "CommentModel", "analyze_comments", "find_coordination", "load_model", "score_texts"]


def load_model() -> CommentModel:
    """Load the shipped comment model (``data/models/comments``). Cache it via ``storytrace.resources``."""
    return CommentModel.load()
