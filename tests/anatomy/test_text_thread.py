"""Stage 3's thread features (models whose JSON lists ``stage3_features: ["thread"]``, session 18)."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.anatomy.text import (
    CLASSES,
    THREAD_STYLE,
    THREAD_WORDS,
    dense_features,
    ngram_features,
    page_features,
    thread_features,
    thread_markers,
)

HEADLINE, BODY, COMMENT = CLASSES.index("headline"), CLASSES.index("body"), CLASSES.index("comment")
N_THREAD = len(THREAD_WORDS) * 2 + len(THREAD_STYLE) + 4 + 10

LINES = [
    "Council approves the new river bridge",
    "The city council approved the river bridge on Monday after a long debate.",
    "Work on the bridge starts in spring and should take two years.",
    "The river crossing will carry trams and bicycles as well as cars.",
    "Great post, I agree with you: this article explains the bridge well.",
    "Thanks for writing this. I think you are right about the trams.",
]


def _page(lines: list[str], seed: int = 0, bits: tuple[int, int] = (16, 14)) -> tuple:
    n = len(lines)
    rng = np.random.default_rng(seed)
    dense = dense_features(lines, [False] * n, [False] * n)
    grams = ngram_features(lines, *bits)
    emb = rng.normal(size=(n, 16))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    probs = rng.dirichlet(np.ones(len(CLASSES)), size=n)
    return probs, dense, grams, emb


@pytest.mark.parametrize("bits", [(16, 14), (16, 16), (17, 13)])
def test_thread_markers_count_the_reader_words_of_each_line(bits: tuple[int, int]) -> None:
    _, _, grams, _ = _page(LINES, bits=bits)
    marks = thread_markers(grams)
    assert marks.shape == (len(LINES), len(THREAD_WORDS))
    assert marks[1:4].sum() == 0  # the article's prose addresses nobody and judges nothing
    you, me, opinion, meta = marks[4]
    assert (you, me, opinion, meta) == (1, 1, 2, 2)  # you / I / great, agree / post, article
    assert marks[5].tolist() == [1, 1, 2, 1]  # you / I / thanks, think / writing


def test_thread_features_compare_the_prose_from_a_line_on_with_the_prose_above() -> None:
    probs, dense, grams, emb = _page(LINES)
    first = np.array([HEADLINE, BODY, BODY, BODY, BODY, BODY])  # the first pass read the thread as body
    got = thread_features(probs, first, dense, grams, emb, HEADLINE, BODY, COMMENT)
    assert got.shape == (len(LINES), N_THREAD)
    k = len(THREAD_WORDS)
    shift = got[:, k:2 * k]  # reader words from the line on minus above it, over the prose lines
    assert np.allclose(shift[4], [1, 1, 2, 1.5])  # the thread against the article above it
    assert (shift[2] > 0).all() and (shift[4] > shift[2]).all()  # the split at the thread is the sharpest
    assert np.allclose(shift[:2], 0)  # nothing above to compare with
    tail = got[:, 2 * k + len(THREAD_STYLE) + 4:]
    max_before, max_after = tail[:, 0], tail[:, 1]
    assert max_before[1] == 0 and np.isclose(max_after[1], probs[1:, COMMENT].max())
    share_above = tail[:, 8]
    assert share_above[1] == 0 and np.isclose(share_above[4], 3 / 5)
    # the headline's own n-gram cosine leaves it out; the article's first line shares its words
    assert tail[1, 3] > tail[5, 3]


def test_thread_features_on_tiny_and_prose_free_pages() -> None:
    for n in (1, 2):
        probs, dense, grams, emb = _page(LINES[:n])
        for first in (np.full(n, 2), np.full(n, BODY), np.zeros(n, dtype=int)):
            got = thread_features(probs, first, dense, grams, emb, HEADLINE, BODY, COMMENT)
            assert got.shape == (n, N_THREAD)
            assert np.isfinite(got).all()


def test_page_features_add_the_thread_columns_only_when_asked() -> None:
    probs, dense, grams, emb = _page(LINES)
    first = [HEADLINE, BODY, BODY, BODY, COMMENT, COMMENT]
    old = page_features(probs, first, dense, grams, BODY, COMMENT, emb)
    new = page_features(probs, first, dense, grams, BODY, COMMENT, emb, thread=True)
    assert np.array_equal(new[:, :old.shape[1]], old)
    assert new.shape[1] == old.shape[1] + N_THREAD
    both = page_features(probs, first, dense, grams, BODY, COMMENT, emb, opening=True, thread=True)
    assert np.array_equal(both[:, -N_THREAD:], new[:, -N_THREAD:])
    assert page_features(probs, first, dense, grams, BODY, COMMENT, None, thread=True).shape[1] < old.shape[1]
