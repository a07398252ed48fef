"""Session 27: the optional language head (``CommentModel.lang_head``; not in the shipped model) blends its
identity-attack log-odds with the pair's for comments in its languages that name a group, and leaves every other
comment as it was."""

import numpy as np

from storytrace.comments import CommentModel, score_texts

TEXTS = ["Gli immigrati rovinano questo paese.", "Les immigrés ruinent ce pays.", "Oggi piove tanto a Milano."]
LANGS = ["it", "fr", "it"]


def _with_head(model: CommentModel, weight: float) -> CommentModel:
    dim = model.use_coef.shape[1] + model.embed_coef.shape[1]  # type: ignore[union-attr]
    other = CommentModel(idf=model.idf, coef=model.coef, intercept=model.intercept, calibration=model.calibration,
                         known_words=model.known_words, embed_coef=model.embed_coef,
                         embed_intercept=model.embed_intercept, embed_calibration=model.embed_calibration,
                         use_coef=model.use_coef, use_intercept=model.use_intercept,
                         use_calibration=model.use_calibration, embedders=model.embedders,
                         meta={**model.meta, "lang_head": {"langs": ["it"], "weight": weight,
                                                           "calibration": [1.0, 0.0]}},
                         lang_coef=np.zeros((1, dim), dtype=np.float32),
                         lang_intercept=np.array([4.0], dtype=np.float32))
    return other


def test_the_language_head_moves_only_its_languages_group_comments(model: CommentModel) -> None:
    before = score_texts(TEXTS, model, languages=LANGS)
    after = score_texts(TEXTS, _with_head(model, 0.5), languages=LANGS)
    ident = [(b["scores"]["identity_attack"], a["scores"]["identity_attack"]) for b, a in zip(before, after)]
    assert ident[0][1] > ident[0][0]  # Italian, names a group: the head's margin 4 raises it
    assert ident[1][1] == ident[1][0]  # French: not the head's language
    assert ident[2][1] == ident[2][0]  # names no group: the pair does not read it, nor the head
    assert [a["scores"]["toxic"] for a in after] == [b["scores"]["toxic"] for b in before]


def test_weight_zero_is_the_pair_alone(model: CommentModel) -> None:
    before = score_texts(TEXTS, model, languages=LANGS)
    after = score_texts(TEXTS, _with_head(model, 0.0), languages=LANGS)
    assert [a["scores"] for a in after] == [b["scores"] for b in before]
