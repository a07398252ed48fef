"""Session 21: the English cascade embeds the decoder's reading of obfuscated words, not the comment as written."""

from __future__ import annotations

from storytrace.comments import CommentModel, score_texts
from tests.comments.conftest import FakeEncoder


def _band_all(model: CommentModel) -> None:
    # every English comment through the cascade, so the test does not hang on where the char heads land; the
    # decoded reading is an option (off in the shipped model: measured in session 21, not shipped)
    model.cascade_decoded = True
    model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": list(model.stack["toxic"])}}


def test_cascade_embeds_decoded_words():
    model = CommentModel.load()
    use = FakeEncoder(512)
    model.embedders = {"use": use}
    _band_all(model)
    score_texts(["Ihatewomen and everything they say", "Those f@gs should leave"], model, languages=["en", "en"])
    assert use.seen == ["i hate women and everything they say", "Those fags should leave"]


def test_cascade_embeds_undecoded_comments_as_written():
    # no decoded span: the text the stack was fit on, byte for byte (case, @mentions and links included)
    model = CommentModel.load()
    use = FakeEncoder(512)
    model.embedders = {"use": use}
    _band_all(model)
    texts = ["This Article is WRONG about the council", "I h8 this take"]
    score_texts(texts, model, languages=["en", "en"])
    assert use.seen == texts


def test_cascade_embeds_comments_as_written_by_default():
    model = CommentModel.load()
    use = FakeEncoder(512)
    model.embedders = {"use": use}
    model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": list(model.stack["toxic"])}}
    score_texts(["Ihatewomen and everything they say"], model, languages=["en"])
    assert use.seen == ["Ihatewomen and everything they say"]
