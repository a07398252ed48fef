"""A comment is hostile input: one enormous run-together word must not make the decoder's spelling search
(about 54 candidate strings of n letters for an n-letter word) take gigabytes."""

from storytrace.comments import _decode
from storytrace.comments._decode import _MAX_FUZZY_LETTERS


def test_spelling_edits_are_never_built_for_long_tokens(monkeypatch):
    from storytrace.comments import load_model, score_texts

    built = []
    real_edits = _decode._edits1

    def edits1(word):
        built.append(len(word))
        return real_edits(word)

    monkeypatch.setattr(_decode, "_edits1", edits1)
    texts = ["killkill" * 500, "you " + "killjews" * 500 + " now", "ihatemuslims so much"]
    out = score_texts(texts, load_model(), languages=["en"] * 3)
    assert len(out) == 3
    assert built and max(built) <= _MAX_FUZZY_LETTERS  # the short run-together word is still read
    assert any(d["decoded"] for d in out[2]["decoded"]) or out[2]["targets"]

