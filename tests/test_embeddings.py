"""The shared sentence-encoder helper: unit rows, empty texts as zero rows, long inputs in bounded calls."""

import numpy as np

from storytrace import embeddings


class CountingEncoder:
    """A fake encoder: a text's vector is (length, number of vowels, 1); records each call's size."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return np.array([[len(t), sum(c in "aeiou" for c in t), 1.0] for t in texts])


def test_embed_rows_are_unit_length_and_empty_texts_zero() -> None:
    out = embeddings.embed(CountingEncoder(), ["abc", "", "  ", "hello world"])
    assert out.shape == (4, 3)
    np.testing.assert_allclose(np.linalg.norm(out[[0, 3]], axis=1), 1.0, rtol=1e-6)
    assert not out[[1, 2]].any()


def test_embed_encodes_long_inputs_in_bounded_calls(monkeypatch) -> None:
    texts = [f"line {i} " + "a" * (i % 7) for i in range(11)] + [""]
    whole = embeddings.embed(CountingEncoder(), texts)
    monkeypatch.setattr(embeddings, "EMBED_BATCH", 4)
    encoder = CountingEncoder()
    np.testing.assert_array_equal(embeddings.embed(encoder, texts), whole)
    assert encoder.calls == [4, 4, 3]  # the empty text is not sent
