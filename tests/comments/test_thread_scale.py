"""The thread's copy clusters and quote relations are those of comparing every pair of comments, found with
an index instead (prefix filtering, a start-of-comment index), so thousands of comments stay fast."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from storytrace.comments._thread import _candidate_pairs, _duplicate_clusters, _jaccard, _norm_text, _quotes, _shingles

WORDS = "the council vote lanes cycle plan shop owners kids school money road work march months lol no way".split()


def _texts(seed: int, n: int = 160) -> list[str]:
    """Random comments with exact copies, copies with small edits, quotes of earlier ones and short ones."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        r = rng.random()
        if texts and r < 0.15:
            texts.append(rng.choice(texts).upper())  # same text once normalised
        elif texts and r < 0.35:
            words = rng.choice(texts).split()
            k = rng.randrange(len(words))
            texts.append(" ".join(words[:k] + [rng.choice(WORDS)] + words[k + 1:]))  # one word changed
        elif texts and r < 0.45:
            texts.append("> " + rng.choice(texts)[:70] + " " + rng.choice(WORDS))  # a quote
        elif r < 0.5:
            texts.append(rng.choice(["lol", "+1", "ok"]))
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25))))
    return texts


def _pairwise_clusters(texts: list[str], threshold: float = 0.8) -> list[list[int]]:
    norms, shingles = [_norm_text(t) for t in texts], [_shingles(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if min(len(norms[i]), len(norms[j])) >= 12 and (
                    norms[i] == norms[j] or _jaccard(shingles[i], shingles[j]) >= threshold):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.95])
def test_duplicate_clusters_equal_every_pair_compared(seed: int, threshold: float) -> None:
    texts = _texts(seed)
    want = _pairwise_clusters(texts, threshold)
    assert len(want) > 3  # the sample has copies, or the test proves nothing
    assert [c["members"] for c in _duplicate_clusters(texts, threshold)] == want


@pytest.mark.parametrize("seed", range(4))
def test_candidate_pairs_miss_no_pair_above_the_threshold(seed: int) -> None:
    sets = [_shingles(t) for t in _texts(seed)]
    found = set(_candidate_pairs(sets, 0.8))
    for b in range(len(sets)):
        for a in range(b):
            if _jaccard(sets[a], sets[b]) >= 0.8:
                assert (a, b) in found


@pytest.mark.parametrize("seed", range(4))
def test_quotes_equal_every_pair_compared(seed: int) -> None:
    rng = random.Random(seed)
    texts = _texts(seed)
    comments = [SimpleNamespace(id=f"c{i}", text=t, parent_id=f"c{i - 1}" if i and rng.random() < 0.2 else None)
                for i, t in enumerate(texts)]
    want = []
    for i, c in enumerate(comments):
        for prev in comments[:i]:
            snippet = _norm_text(prev.text)[:60]
            if (prev.id != c.parent_id and len(prev.text) >= 30 and len(snippet) >= 30
                    and snippet in _norm_text(c.text) and _norm_text(c.text) != _norm_text(prev.text)):
                want.append({"comment": c.id, "quotes": prev.id})
    assert len(want) > 3
    assert _quotes(comments) == want
