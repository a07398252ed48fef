"""The learned heads' hashers (``_hashing``: no scikit-learn, char features kept per word) give scikit-learn's
HashingVectorizer matrices exactly, and its MurmurHash3; the heads' margins from the used columns equal the full ones."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.utils import murmurhash3_32 as sklearn_murmurhash3_32

from storytrace.comments import _hashing
from storytrace.comments._hashing import murmurhash3_32
from storytrace.comments._model import featurize, featurize_used, make_hashers, make_vectorizers

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "comments_authored"
# empty and blank texts, one- and two-letter words, tabs and newlines, characters whose lower case is longer,
# emoji, leetspeak, a word repeated, a long run-together token, apostrophes and marker tokens (the word pattern)
EDGE_CASES = ["", "   ", "a", "I", "ab", "A\tb\n\nc  d", "İstanbul STRASSE ß ﬁ", "😀 x 😀😀", "m0sl3ms k!ll @user URL",
              "the the the", "x" * 300, "ok\u00a0bro\u2003now", "women's rights' __group__ __slur__ _x_ l'homme",
              "one", "two words", "中文评论没有空格", "Ünïcödé ÇÀ ĳ"]


def _texts() -> list[str]:
    texts = []
    for path in sorted(AUTHORED.rglob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [json.loads(line)["text"] for line in lines[::7]]
    return texts + EDGE_CASES


def _assert_same(ours, theirs) -> None:
    assert type(ours) is type(theirs) and ours.dtype == theirs.dtype and ours.shape == theirs.shape
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(ours, part), getattr(theirs, part)), part
        assert getattr(ours, part).dtype == getattr(theirs, part).dtype, part


def test_identity_hashing_murmurhash_equals_sklearn():
    rng = random.Random(7)
    alphabet = "abcxyz 0'_-éß中😀\u0301"
    keys = ["", *(("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 23)))) for _ in range(5000))]
    ours = murmurhash3_32([k.encode("utf-8") for k in keys])
    assert ours.dtype == np.int32
    assert ours.tolist() == [sklearn_murmurhash3_32(k, seed=0) for k in keys]


@pytest.mark.parametrize(("batches", "memo_size"), [(1, 2**15), (3, 2**15), (3, 50)])
def test_identity_hashing_char_equals_sklearn(batches, memo_size, monkeypatch):
    monkeypatch.setattr(_hashing, "_WORD_MEMO_SIZE", memo_size)  # 50: the memo is cleared within a batch
    char, _ = make_vectorizers()
    hasher, _ = make_hashers()
    texts = _texts()
    for _ in range(batches):  # later batches read every word from the memo
        _assert_same(hasher.transform(texts), char.transform(texts))


def test_identity_hashing_words_equal_sklearn():
    _, word = make_vectorizers()
    _, hasher = make_hashers()
    texts = _texts()
    _assert_same(hasher.transform(texts), word.transform(texts))
    _assert_same(hasher.transform(["one"]), word.transform(["one"]))


@pytest.mark.parametrize("size", [1, 2, 400])
def test_identity_hashing_used_columns_give_the_full_margins(model, size):
    """``featurize_used`` (the columns a batch uses, renumbered) gives the full matrix's entries in the same order
    and the heads' margins bit for bit (the float sums run over the same entries in the same order)."""
    texts = _texts()[:size] if size > 2 else [["", "x"], ["you are such a nice person"]][size - 1]
    x = featurize(texts, model.char, model.word, model.idf)
    used_x, used = featurize_used(texts, model.char, model.word, model.idf)
    assert np.array_equal(x.indptr, used_x.indptr)
    assert np.array_equal(x.indices, used[used_x.indices]) and np.array_equal(x.data, used_x.data)
    full = np.asarray(x.dot(sparse.csr_matrix(model._coef_rows)).todense()) + model.intercept
    assert np.array_equal(full, model._learned(texts)[1])
