"""Pages -> story groups.

Two signals: near-duplicate text (MinHash LSH over word 3-shingles of title + body, datasketch) and the
cosine of multilingual sentence embeddings of each page's lead (title + start of the body), which also
joins rewrites and translations. Pairs above the threshold are linked; each connected component is then
cut by average linkage at the same threshold, so a chain of pairwise links cannot merge two stories
that are far apart on average. The threshold is calibrated on SemEval-2022 Task 8 (benchmarks/bench_stories.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np

SAME_STORY_AT = 0.50  # lead cosine; best F1 on SemEval-2022 Task 8 (docs/results/stories.md)
NEAR_DUPLICATE_AT = 0.70  # Jaccard of word 3-shingles
NUM_PERM = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_BLOCK = 1024  # rows of the similarity matrix computed at a time: memory stays O(n * block)
NEIGHBOURS = 20  # links kept per page (its most similar pages): a corpus of near-identical pages stays O(n) edges
MAX_CANDIDATES = 100  # LSH candidates checked per page
MAX_LINKAGE = 1_000  # a larger linked component is split by leader clustering (linkage needs O(n^2) memory)
_SIMILARITY_CELLS = 1_000_000  # cells per block (4 MB, 8 MB of argpartition indices): fewer rows for more pages
_NO_SIGNATURE = np.zeros(NUM_PERM, dtype=np.uint32)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = 3) -> set[str]:
    tokens = words(text)
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def near_duplicate_pairs(texts: list[str], threshold: float = NEAR_DUPLICATE_AT) -> set[tuple[int, int]]:
    """Pairs (i < j) whose word-3-shingle Jaccard is at least ``threshold`` (see :func:`signature_pairs`)."""
    found = [minhash_signature(t) for t in texts]
    present = np.array([s is not None for s in found], dtype=bool)
    signatures = np.stack([s if s is not None else _NO_SIGNATURE for s in found]) if found \
        else np.zeros((0, NUM_PERM), dtype=np.uint32)
    return signature_pairs(signatures, present, threshold)


@cache
def _template():  # datasketch's MinHash, imported lazily
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)  # one set of permutations for all pages


def minhash_signature(text: str) -> np.ndarray | None:
    """The MinHash of a text's word 3-shingles (``NUM_PERM`` uint32 values), None for a text without words."""
    from datasketch import MinHash

    found = shingles(text)
    if not found:
        return None
    template = _template()
    m = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
    m.update_batch([x.encode("utf-8") for x in found])
    return np.array(m.hashvalues, dtype=np.uint32)


def signature_pairs(signatures: np.ndarray, present: np.ndarray,
                    threshold: float = NEAR_DUPLICATE_AT) -> set[tuple[int, int]]:
    """Pairs (i < j) of near-duplicates among MinHash ``signatures`` (rows; ``present`` False for a page
    without words): LSH candidates, checked with the MinHash estimate of the Jaccard (the shingle sets are
    not kept, so memory stays ~256 bytes a page)."""
    from datasketch import LeanMinHash, MinHashLSH

    template = _template()

    def lean(i: int) -> LeanMinHash:
        return LeanMinHash(seed=template.seed, hashvalues=signatures[i], scheme=template.scheme)

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for i in np.flatnonzero(present).tolist():
        lsh.insert(str(i), lean(i))
    pairs = set()
    for i in np.flatnonzero(present).tolist():
        found = 0
        for key in lsh.query(lean(i))[:MAX_CANDIDATES]:
            j = int(key)
            if i != j and present[j] and _estimated_jaccard(signatures[i], signatures[j]) >= threshold:
                pairs.add((min(i, j), max(i, j)))
                found += 1
                if found >= NEIGHBOURS:  # enough to connect it; more links add nothing to the grouping
                    break
    return pairs


def _estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """What ``LeanMinHash.jaccard`` computes: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def similar_pairs(vectors: np.ndarray, threshold: float) -> Iterable[tuple[int, int, float]]:
    """(i, j, cosine) with cosine >= threshold, for each page its ``NEIGHBOURS`` most similar pages,
    computed block by block."""
    n = len(vectors)
    k = min(NEIGHBOURS + 1, n)
    block = max(16, min(_BLOCK, _SIMILARITY_CELLS // max(n, 1)))
    for start in range(0, n, block):
        sims = vectors[start : start + block] @ vectors.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (len(sims), 1))
        for r, cols in enumerate(top.tolist()):
            i = start + r
            for c in cols:
                if c != i and sims[r, c] >= threshold:
                    yield min(i, c), max(i, c), float(sims[r, c])


def group(vectors: np.ndarray, threshold: float = SAME_STORY_AT,
          duplicates: set[tuple[int, int]] | None = None) -> list[list[int]]:
    """Indices grouped into stories (every index in exactly one group; singletons included)."""
    n = len(vectors)
    duplicates = duplicates or set()
    edges = {(i, j) for i, j, _ in similar_pairs(vectors, threshold)} | duplicates
    components = _components(n, edges)
    out: list[list[int]] = []
    for members in components:
        if len(members) <= 2:
            out.append(members)
        elif len(members) <= MAX_LINKAGE:
            out.extend(_average_linkage(members, vectors, threshold, duplicates))
        else:
            out.extend(_leaders(members, vectors, threshold))
    return sorted(out, key=lambda g: g[0])


def _components(n: int, edges: set[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _leaders(members: list[int], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Each page joins the most similar earlier leader at ``threshold`` or above, else leads a new group."""
    leaders: list[int] = []
    groups: list[list[int]] = []
    for m in members:
        if leaders:
            sims = vectors[leaders] @ vectors[m]
            best = int(sims.argmax())
            if sims[best] >= threshold:
                groups[best].append(m)
                continue
        leaders.append(m)
        groups.append([m])
    return groups


def _average_linkage(members: list[int], vectors: np.ndarray, threshold: float,
                     duplicates: set[tuple[int, int]]) -> list[list[int]]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    sub = vectors[members]
    distance = np.clip(1.0 - sub @ sub.T, 0.0, 2.0)
    index = {m: k for k, m in enumerate(members)}
    for i, j in duplicates:
        if i in index and j in index:
            distance[index[i], index[j]] = distance[index[j], index[i]] = 0.0
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), method="average"), t=1.0 - threshold,
                      criterion="distance")
    clusters: dict[int, list[int]] = {}
    for member, label in zip(members, labels.tolist(), strict=True):
        clusters.setdefault(label, []).append(member)
    return list(clusters.values())
