"""The learned heads' hashed n-gram counts, as scikit-learn's ``HashingVectorizer`` makes them, without scikit-learn.

``_model.make_vectorizers`` builds the two vectorizers the heads were trained with (char_wb 2-5-grams and word 1-2-
grams, no alternating signs, no norm). At run time :class:`CharNgramHasher` and :class:`WordNgramHasher` give the
same matrices (same indices, counts and format; ``test_identity_hashing.py`` compares them on the authored comments):
the same n-grams, hashed by MurmurHash3 (x86, 32 bits, seed 0) of their UTF-8 bytes as sklearn's ``FeatureHasher``
does, here with numpy over a whole batch at once. Importing scikit-learn pulls in scipy.stats and pandas (about
three seconds on this machine), so scoring without it loads much faster. A char_wb n-gram never crosses a word's
edge (each word is padded with one space), so a word's char features are the same wherever it stands: the char
hasher keeps them per word.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Sequence

import numpy as np
from scipy import sparse

# words whose feature indices a hasher keeps; cleared when full
_WORD_MEMO_SIZE = 2**15
_WHITE_SPACES = re.compile(r"\s\s+")  # as sklearn's _VectorizerMixin._white_spaces
_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _murmur_same_length(keys: np.ndarray) -> np.ndarray:
    """MurmurHash3_x86_32 (seed 0) of each row of ``keys`` (uint8, one key of the same length per row)."""
    n, length = keys.shape
    h = np.zeros(n, dtype=np.uint32)
    blocks = length // 4
    if blocks:
        words = np.ascontiguousarray(keys[:, : 4 * blocks]).view("<u4")
        for j in range(blocks):
            k = words[:, j].astype(np.uint32)
            k *= _C1
            k = _rotl(k, 15)
            k *= _C2
            h ^= k
            h = _rotl(h, 13)
            h = h * np.uint32(5) + np.uint32(0xE6546B64)
    tail = length & 3
    if tail:
        k = np.zeros(n, dtype=np.uint32)
        for b in range(tail - 1, -1, -1):
            k ^= keys[:, 4 * blocks + b].astype(np.uint32) << np.uint32(8 * b)
        k *= _C1
        k = _rotl(k, 15)
        k *= _C2
        h ^= k
    h ^= np.uint32(length)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def murmurhash3_32(keys: Sequence[bytes]) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (x86, seed 0) of each key: ``sklearn.utils.murmurhash3_32(key, 0)``."""
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    return _murmur_packed(np.frombuffer(b"".join(keys), dtype=np.uint8), lengths)


def _murmur_packed(packed: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``murmurhash3_32`` of keys stored one after another in ``packed`` (bytes), with their ``lengths``."""
    out = np.zeros(len(lengths), dtype=np.uint32)
    starts = np.cumsum(lengths) - lengths
    order = np.argsort(lengths, kind="stable")
    bounds = np.flatnonzero(np.diff(lengths[order])) + 1
    for rows in np.split(order, bounds):
        if len(rows):
            length = int(lengths[rows[0]])
            out[rows] = _murmur_same_length(packed[starts[rows][:, None] + np.arange(length)])
    return out.view(np.int32)


def feature_indices(features: Sequence[str], n_features: int) -> np.ndarray:
    """The column of each feature in a hashed space of ``n_features``: |hash| mod ``n_features`` of its UTF-8 bytes
    (sklearn's ``FeatureHasher``: -2**31, whose absolute value int32 cannot hold, counts as 2**31)."""
    # the UTF-8 bytes of the features one after another are those of their concatenation, encoded once; a feature of
    # ASCII characters has as many bytes as characters
    lengths = np.fromiter((len(f) if f.isascii() else len(f.encode("utf-8")) for f in features), dtype=np.int64,
                          count=len(features))
    packed = np.frombuffer("".join(features).encode("utf-8"), dtype=np.uint8)
    return _indices_of_hashes(_murmur_packed(packed, lengths), n_features)


def _indices_of_hashes(hashes: np.ndarray, n_features: int) -> np.ndarray:
    return (np.abs(hashes.astype(np.int64)) % n_features).astype(np.int32)


def _counts_matrix(indices: Sequence[int], indptr: Sequence[int], n_rows: int, n_features: int,
                   counts: Sequence[float] | None = None) -> sparse.csr_matrix:
    """The rows' counts per index (one each when ``counts`` is None), duplicates summed, as sklearn's hasher returns
    them (float32, sorted indices)."""
    data = np.ones(len(indices), dtype=np.float32) if counts is None else np.asarray(counts, dtype=np.float32)
    x = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)),
                          shape=(n_rows, n_features), dtype=np.float32)
    x.sum_duplicates()  # also sorts the indices, as sklearn's FeatureHasher does; counts are whole numbers
    return x


class CharNgramHasher:
    """``HashingVectorizer(analyzer="char_wb", ngram_range=ngram_range, n_features=n_features, alternate_sign=False,
    norm=None, lowercase=True, dtype=np.float32).transform``, with each word's feature indices and counts kept."""

    def __init__(self, n_features: int, ngram_range: tuple[int, int]) -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        # word -> (feature indices, counts) of its n-grams; 4 bytes an entry
        self._features: dict[str, tuple[array[int], array[float]]] = {}

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        words_of = [_WHITE_SPACES.sub(" ", text.lower()).split() for text in texts]
        self._keep(words_of)
        indices: array[int] = array("i")
        counts: array[float] = array("f")
        indptr = [0]
        for words in words_of:
            for word in words:
                word_indices, word_counts = self._features[word]
                indices.extend(word_indices)
                counts.extend(word_counts)
            indptr.append(len(indices))
        return _counts_matrix(indices, indptr, len(texts), self.n_features, counts)

    def _keep(self, words_of: list[list[str]]) -> None:
        """Hash the n-grams of the words not kept yet, all at once."""
        batch = list(dict.fromkeys(w for words in words_of for w in words))
        new = [w for w in batch if w not in self._features]
        if not new:
            return
        if len(self._features) + len(new) > _WORD_MEMO_SIZE:
            self._features.clear()  # and this batch's words are hashed again
            new = batch
        plain = [w for w in new if w.isascii()]  # one byte a character: n-grams are windows of the bytes
        other = [w for w in new if not w.isascii()]
        self._store(plain, *self._window_grams(plain))
        self._store(other, *self._string_grams(other))

    def _store(self, words: list[str], word_of: np.ndarray, indices: np.ndarray) -> None:
        """Keep each word's feature indices (sorted) and counts, from the index of each of its n-grams."""
        if not words:
            return
        keys, counts = np.unique(word_of.astype(np.int64) * self.n_features + indices, return_counts=True)
        bounds = np.searchsorted(keys, np.arange(len(words) + 1, dtype=np.int64) * self.n_features)
        columns = (keys % self.n_features).astype(np.int32)
        counts = counts.astype(np.float32)
        for i, word in enumerate(words):
            a, b = bounds[i], bounds[i + 1]
            self._features[word] = (array("i", columns[a:b].tobytes()), array("f", counts[a:b].tobytes()))

    def _string_grams(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(word number, feature index) of every n-gram of ``words``, built as strings."""
        grams = [self._ngrams(w) for w in words]
        word_of = np.repeat(np.arange(len(words)), [len(g) for g in grams])
        return word_of, feature_indices([g for word in grams for g in word], self.n_features)

    def _window_grams(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(word number, feature index) of every n-gram of the ASCII ``words``: the n-byte windows inside each padded
        word (``_ngrams``: every window of each size up to the padded word's length), hashed without making strings."""
        if not words:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        padded = np.frombuffer("".join(f" {w} " for w in words).encode("ascii"), dtype=np.uint8)
        lengths = np.array([len(w) + 2 for w in words], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        min_n, max_n = self.ngram_range
        word_of, indices = [], []
        for n in range(min_n, min(max_n, int(lengths.max())) + 1):
            fits = np.flatnonzero(lengths >= n)
            windows = lengths[fits] - n + 1
            owner = np.repeat(fits, windows)
            first = np.cumsum(windows) - windows
            at = starts[owner] + np.arange(int(windows.sum())) - np.repeat(first, windows)
            grid = np.lib.stride_tricks.sliding_window_view(padded, n)[at]
            word_of.append(owner)
            indices.append(_indices_of_hashes(_murmur_same_length(grid).view(np.int32), self.n_features))
        return np.concatenate(word_of), np.concatenate(indices)

    def _ngrams(self, word: str) -> list[str]:
        """One word's n-grams, as sklearn's ``_char_wb_ngrams`` makes them."""
        min_n, max_n = self.ngram_range
        padded = " " + word + " "
        out: list[str] = []
        for n in range(min_n, max_n + 1):
            out += [padded[i : i + n] for i in range(max(len(padded) - n, 0) + 1)]
            if len(padded) <= n:  # a short word's n-grams are counted once
                break
        return out


class WordNgramHasher:
    """``HashingVectorizer(analyzer="word", token_pattern=token_pattern, ngram_range=(1, 2), n_features=n_features,
    alternate_sign=False, norm=None, lowercase=True, dtype=np.float32).transform``: the lower-cased text's tokens and
    pairs of neighbouring tokens, hashed for the whole batch at once."""

    def __init__(self, n_features: int, token_pattern: str) -> None:
        self.n_features = n_features
        self.token_pattern = re.compile(token_pattern)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        features: list[str] = []
        indptr = [0]
        for text in texts:
            tokens = self.token_pattern.findall(text.lower())
            features += tokens
            features += [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
            indptr.append(len(features))
        return _counts_matrix(feature_indices(features, self.n_features), indptr, len(texts), self.n_features)
