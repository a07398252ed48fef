"""The char heads' n-gram hasher with per-word memo gives sklearn's HashingVectorizer matrix exactly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import _hashing
from storytrace.comments._hashing import CharNgramHasher
from storytrace.comments._model import make_vectorizers

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "comments_authored"
# empty and blank texts, one- and two-letter words, tabs and newlines, characters whose lower case is longer,
# emoji, leetspeak, a word repeated, a long run-together token
EDGE_CASES = ["", "   ", "a", "I", "ab", "A\tb\n\nc  d", "İstanbul STRASSE ß ﬁ", "😀 x 😀😀", "m0sl3ms k!ll @user URL",
              "the the the", "x" * 300, "ok\u00a0bro\u2003now"]


def _texts() -> list[str]:
    texts = []
    for path in sorted(AUTHORED.rglob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [json.loads(line)["text"] for line in lines[::7]]
    return texts + EDGE_CASES


@pytest.mark.parametrize(("batches", "memo_size"), [(1, 2**15), (3, 2**15), (3, 50)])
def test_identity_hashing_equals_sklearn(batches, memo_size, monkeypatch):
    monkeypatch.setattr(_hashing, "_WORD_MEMO_SIZE", memo_size)  # 50: the memo is cleared within a batch
    char, _ = make_vectorizers()
    hasher = CharNgramHasher(char)
    texts = _texts()
    for _ in range(batches):  # later batches read every word from the memo
        ours, theirs = hasher.transform(texts), char.transform(texts)
        assert type(ours) is type(theirs) and ours.dtype == theirs.dtype and ours.shape == theirs.shape
        for part in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(ours, part), getattr(theirs, part)), part
            assert getattr(ours, part).dtype == getattr(theirs, part).dtype, part


def test_identity_hashing_passes_other_settings_to_sklearn():
    _, word = make_vectorizers()  # a word analyzer: not what the memo reproduces
    hasher = CharNgramHasher(word)
    texts = ["some words here", "and more words"]
    assert (hasher.transform(texts) != word.transform(texts)).nnz == 0
