"""Pages -> story groups.

Two signals: near-duplicate text (MinHash LSH over word 3-shingles of title + body, datasketch) and the
cosine of multilingual sentence embeddings of each page's lead (title + start of the body), which also
joins rewrites and translations. Pairs above the threshold are linked; each connected component is then
cut by average linkage at the same threshold, so a chain of pairwise links cannot merge two stories
that are far apart on average. The threshold is calibrated on SemEval-2022 Task 8 (benchmarks/bench_stories.py).

Lead embeddings say what kind of event a page reports, not which one: two earthquakes months apart read
alike. Two pages whose publication dates are both known and more than ``MAX_DAYS_APART`` days apart are
therefore not linked by their embeddings (near-duplicate text still links them: a copy republished later
is the same story), and inside a component such a pair is as far apart as two pages can be. When a pair's
dates cannot tell (one or both unknown), its places can: two pages whose resolved places (the facts stage's)
share no country, and whose titles or first paragraphs name towns or regions that share none either, report
two events (an earthquake in Calama, Chile and one in Arequipa, Peru) and are gated the same way.

Two pages of one site read alike by sharing the site's voice, template and boilerplate: in a 777-page run (the aeb
news pages and the Dragnet blog pages), 31 of the 34 same-site pairs grouped were different events (a blog's posts).
Their lead similarity alone therefore does not link them (near-duplicate text still does), and other outlets'
pages can still bring them into one story.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from urllib.parse import urlsplit

import numpy as np

SAME_STORY_AT = 0.50  # lead cosine; best F1 on SemEval-2022 Task 8 (docs/results/stories.md)
NEAR_DUPLICATE_AT = 0.70  # Jaccard of word 3-shingles
NUM_PERM = 64
# Han and kana are written without spaces: each character is a token (a Chinese clause is not one "word")
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{HAN_KANA}]|[^\W{HAN_KANA}]+", re.UNICODE)
_BLOCK = 1024  # rows of the similarity matrix computed at a time: memory stays O(n * block)
NEIGHBOURS = 20  # links kept per page (its most similar pages): a corpus of near-identical pages stays O(n) edges
MAX_CANDIDATES = 100  # LSH candidates checked per page
MAX_LINKAGE = 1_000  # a larger linked component is split by leader clustering (linkage needs O(n^2) memory)
_SIMILARITY_CELLS = 1_000_000  # cells per block (4 MB, 8 MB of argpartition indices): fewer rows for more pages
_NO_SIGNATURE = np.zeros(NUM_PERM, dtype=np.uint32)
MAX_DAYS_APART = 30  # publication dates further apart than this: another event of the same kind
NO_DAY = np.iinfo(np.int32).min  # a page without a known publication date
NO_SITE = 0  # a page whose site is unknown
Links = tuple[np.ndarray, np.ndarray]  # (rows, cols) int32: page i linked to page j
# per page: the country codes of its places and the gazetteer ids of the towns and regions its lead names
Places = list[tuple[frozenset[str], frozenset[int]]]


def words(text: str) -> list[str]:
    """Lower-cased word tokens; a Han or kana character is a token by itself."""
    return _WORD.findall(text.lower())


def word_count(text: str) -> int:
    """Words of ``text`` as a reader counts them: space-separated, two Han or kana characters making one word."""
    han = len(re.findall(f"[{HAN_KANA}]", text))
    return sum(1 for t in re.sub(f"[{HAN_KANA}]+", " ", text).split() if _WORD.search(t)) + (han + 1) // 2


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
    """Pairs (i < j) of near-duplicates among MinHash ``signatures`` (see :func:`signature_links`)."""
    rows, cols = signature_links(signatures, present, threshold)
    return set(zip(rows.tolist(), cols.tolist(), strict=True))


def signature_links(signatures: np.ndarray, present: np.ndarray,
                    threshold: float = NEAR_DUPLICATE_AT) -> Links:
    """Near-duplicates among MinHash ``signatures`` (rows; ``present`` False for a page without words) as
    two int32 arrays (i < j; a pair may repeat): LSH candidates, checked with the MinHash estimate of the
    Jaccard (the shingle sets are not kept, so memory stays ~256 bytes a page)."""
    from datasketch import LeanMinHash, MinHashLSH

    template = _template()

    def lean(i: int) -> LeanMinHash:
        return LeanMinHash(seed=template.seed, hashvalues=signatures[i], scheme=template.scheme)

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    try:
        for i in np.flatnonzero(present).tolist():
            lsh.insert(str(i), lean(i))
        rows, cols = array("i"), array("i")  # 8 bytes a link, not a set of tuples (~150 bytes)
        for i in np.flatnonzero(present).tolist():
            found = 0
            for key in lsh.query(lean(i))[:MAX_CANDIDATES]:
                j = int(key)
                if i != j and present[j] and _estimated_jaccard(signatures[i], signatures[j]) >= threshold:
                    rows.append(min(i, j))
                    cols.append(max(i, j))
                    found += 1
                    if found >= NEIGHBOURS:  # enough to connect it; more links add nothing to the grouping
                        break
    finally:  # the index refers to itself (a bound method): without this it waits for the cyclic collector
        lsh.hashtables, lsh.keys = [], None
    return np.frombuffer(rows, dtype=np.int32), np.frombuffer(cols, dtype=np.int32)


def _estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """What ``LeanMinHash.jaccard`` computes: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def similar_pairs(vectors: np.ndarray, threshold: float) -> Iterable[tuple[int, int, float]]:
    """(i, j, cosine) with cosine >= threshold, for each page its ``NEIGHBOURS`` most similar pages,
    computed block by block."""
    for rows, cols, weights in _similar_blocks(vectors, threshold):
        yield from zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True)


def _similar_blocks(vectors: np.ndarray, threshold: float) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The links of :func:`similar_pairs`, one block of rows at a time: int32 rows and cols (i < j; a pair
    found from both ends appears twice) and float32 cosines."""
    n = len(vectors)
    k = min(NEIGHBOURS + 1, n)
    block = max(16, min(_BLOCK, _SIMILARITY_CELLS // max(n, 1)))
    for start in range(0, n, block):
        sims = vectors[start : start + block] @ vectors.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (len(sims), 1))
        values = np.take_along_axis(sims, top, axis=1)
        own = np.arange(start, start + len(sims))[:, None]
        keep = (top != own) & (values >= threshold)
        i, c = np.broadcast_to(own, top.shape)[keep], top[keep]
        yield (np.minimum(i, c).astype(np.int32), np.maximum(i, c).astype(np.int32),
               values[keep].astype(np.float32))


def group(vectors: np.ndarray, threshold: float = SAME_STORY_AT,
          duplicates: set[tuple[int, int]] | Links | None = None, days: np.ndarray | None = None,
          places: Places | None = None, sites: np.ndarray | None = None) -> list[list[int]]:
    """Indices grouped into stories (every index in exactly one group; singletons included).

    ``duplicates``: near-duplicate links, pairs or two int arrays (:func:`signature_links`). Links are
    kept as int32 arrays (8 bytes each, up to ``NEIGHBOURS`` per page from each signal) and the linked
    components found by scipy's ``connected_components``. ``days``: each page's publication date as a day
    number (``NO_DAY`` when unknown); embedding links between pages more than ``MAX_DAYS_APART`` apart are
    dropped. ``places``: each page's countries and lead places (:func:`places_apart`), which gate the pairs
    whose dates do not. ``sites``: each page's site as a number (:func:`site_number`; ``NO_SITE`` when
    unknown); embedding links between two pages of one site are dropped."""
    n = len(vectors)
    dup_rows, dup_cols = _as_links(duplicates)
    known = _with_places(places) if places is not None else None
    if known is not None and not known.any():
        places = known = None
    blocks = []
    for rows, cols, _ in _similar_blocks(vectors, threshold):
        keep = ~_unlinked(days, places, sites, rows, cols, known)
        blocks.append((rows[keep], cols[keep]))
    rows = np.concatenate([dup_rows] + [b[0] for b in blocks])
    cols = np.concatenate([dup_cols] + [b[1] for b in blocks])
    del blocks
    labels = _component_labels(n, rows, cols)
    del rows, cols
    dup_order = np.argsort(labels[dup_rows], kind="stable") if len(dup_rows) else np.zeros(0, dtype=np.intp)
    dup_labels = labels[dup_rows][dup_order]
    dup_rows, dup_cols = dup_rows[dup_order], dup_cols[dup_order]
    out: list[list[int]] = []
    for label, members in _components(labels):
        if len(members) <= 2:
            out.append(members)
        elif len(members) <= MAX_LINKAGE:
            lo, hi = np.searchsorted(dup_labels, [label, label + 1])
            out.extend(_average_linkage(members, vectors, threshold, (dup_rows[lo:hi], dup_cols[lo:hi]), days,
                                        places, known))
        else:
            out.extend(_leaders(members, vectors, threshold, days, places, known, sites))
    return sorted(out, key=lambda g: g[0])


def day_number(published: str | None) -> int:
    """The publication date as a day number (proleptic ordinal), ``NO_DAY`` when unknown or unreadable."""
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else NO_DAY
    except (TypeError, ValueError):  # bad input never stops the grouping
        return NO_DAY


def site_number(url: str | None, site: str | None = None) -> int:
    """A page's site as a positive number (the URL's host without "www.", else the site name), ``NO_SITE`` when
    neither is known."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # a malformed URL is no site
        host = ""
    key = host.removeprefix("www.") or (site or "").strip().casefold()
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % 0x7FFFFFFF + 1 if key else NO_SITE


def same_site(sites: np.ndarray | None, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pair (rows[k], cols[k]): both sites known and the same."""
    if sites is None or not len(rows):
        return np.zeros(len(rows), dtype=bool)
    a, b = sites[rows], sites[cols]
    return (a != NO_SITE) & (a == b)


def days_apart(days: np.ndarray | None, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pair (rows[k], cols[k]): both publication days known and more than ``MAX_DAYS_APART`` apart."""
    if days is None or not len(rows):
        return np.zeros(len(rows), dtype=bool)
    a, b = days[rows].astype(np.int64), days[cols].astype(np.int64)
    return (a != NO_DAY) & (b != NO_DAY) & (np.abs(a - b) > MAX_DAYS_APART)


def places_apart(days: np.ndarray | None, places: Places | None, rows: np.ndarray, cols: np.ndarray,
                 known: np.ndarray | None = None) -> np.ndarray:
    """For each pair (rows[k], cols[k]) whose dates cannot tell (not both known): both pages have places, share
    no country, and their leads name towns or regions, none the same. Countries alone are not enough: on
    SemEval-2022 en-en pairs (dev) disjoint countries fired on 5 of 51 same-story pairs and 9 of 110 others,
    while this pair of tests fired on none of the 51 (and 3 of the 110). ``known``: :func:`_with_places` of
    ``places``, when the caller has it."""
    out = np.zeros(len(rows), dtype=bool)
    if places is None or not len(rows):
        return out
    known = _with_places(places) if known is None else known
    check = known[rows] & known[cols]
    if days is not None:
        check &= (days[rows] == NO_DAY) | (days[cols] == NO_DAY)
    for k in np.flatnonzero(check).tolist():
        (countries_a, lead_a), (countries_b, lead_b) = places[rows[k]], places[cols[k]]
        out[k] = countries_a.isdisjoint(countries_b) and lead_a.isdisjoint(lead_b)
    return out


def _with_places(places: Places) -> np.ndarray:
    """Which pages have both countries and lead places (the others are never gated by places)."""
    return np.array([bool(countries and lead) for countries, lead in places], dtype=bool)


def _apart(days: np.ndarray | None, places: Places | None, rows: np.ndarray, cols: np.ndarray,
           known: np.ndarray | None = None) -> np.ndarray:
    """Pairs that report two events of one kind: dates far apart, or, where dates cannot tell, places."""
    return days_apart(days, rows, cols) | places_apart(days, places, rows, cols, known)


def _unlinked(days: np.ndarray | None, places: Places | None, sites: np.ndarray | None, rows: np.ndarray,
              cols: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
    """Pairs whose lead similarity does not link them: two events of one kind (:func:`_apart`) and two posts of
    one site (:func:`same_site`), which read alike too."""
    return _apart(days, places, rows, cols, known) | same_site(sites, rows, cols)


def _as_links(pairs: set[tuple[int, int]] | Links | None) -> Links:
    if pairs is None or isinstance(pairs, (set, frozenset, list)):
        found = sorted(pairs or ())
        return (np.array([i for i, _ in found], dtype=np.int32), np.array([j for _, j in found], dtype=np.int32))
    rows, cols = pairs
    return np.asarray(rows, dtype=np.int32), np.asarray(cols, dtype=np.int32)


def _component_labels(n: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The linked component of each index (labels 0, 1, ...)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    graph = csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _components(labels: np.ndarray) -> Iterator[tuple[int, list[int]]]:
    """(label, members in ascending order) per component."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    bounds = np.flatnonzero(np.diff(sorted_labels)) + 1
    for chunk in np.split(order, bounds) if len(order) else []:
        yield int(labels[chunk[0]]), chunk.tolist()


def _leaders(members: list[int], vectors: np.ndarray, threshold: float,
             days: np.ndarray | None = None, places: Places | None = None,
             known: np.ndarray | None = None, sites: np.ndarray | None = None) -> list[list[int]]:
    """Each page joins the most similar earlier leader at ``threshold`` or above (and not ``_unlinked``), else
    leads a new group."""
    leaders: list[int] = []
    groups: list[list[int]] = []
    for m in members:
        if leaders:
            sims = vectors[leaders] @ vectors[m]
            sims[_unlinked(days, places, sites, np.asarray(leaders), np.full(len(leaders), m), known)] = -1.0
            best = int(sims.argmax())
            if sims[best] >= threshold:
                groups[best].append(m)
                continue
        leaders.append(m)
        groups.append([m])
    return groups


def _average_linkage(members: list[int], vectors: np.ndarray, threshold: float,
                     duplicates: Links, days: np.ndarray | None = None,
                     places: Places | None = None, known: np.ndarray | None = None) -> list[list[int]]:
    """``duplicates``: the near-duplicate links inside this component (``members`` in ascending order)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    sub = vectors[members]
    distance = np.clip(1.0 - sub @ sub.T, 0.0, 2.0)
    index = np.asarray(members)
    if (days is not None and np.count_nonzero(days[index] != NO_DAY) >= 2) or (
            known is not None and np.count_nonzero(known[index]) >= 2):
        rows, cols = np.meshgrid(index, index, indexing="ij")
        distance[_apart(days, places, rows.ravel(), cols.ravel(), known).reshape(distance.shape)] = 2.0
    a, b = np.searchsorted(index, duplicates[0]), np.searchsorted(index, duplicates[1])
    distance[a, b] = distance[b, a] = 0.0
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), method="average"), t=1.0 - threshold,
                      criterion="distance")
    clusters: dict[int, list[int]] = {}
    for member, label in zip(members, labels.tolist(), strict=True):
        clusters.setdefault(label, []).append(member)
    return list(clusters.values())
