"""The char heads' hashed n-gram counts, with each word's n-gram features worked out once.

scikit-learn's ``HashingVectorizer(analyzer="char_wb")`` builds and hashes every n-gram of every word of every text
in Python. Its n-grams never cross a word's edge (each word is padded with one space), so a word's feature indices
are the same wherever it stands: :class:`CharNgramHasher` keeps them per word and gives the same matrix (same
indices, counts and format; ``test_identity_hashing.py`` compares the two).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

# words whose feature indices a hasher keeps; cleared when full
_WORD_MEMO_SIZE = 2**17
_INT32_MIN = -(2**31)


class CharNgramHasher:
    """``vectorizer.transform`` for a ``char_wb`` HashingVectorizer without alternating signs or a norm (what
    ``_model.make_vectorizers`` builds), with each word's feature indices kept; any other setting is passed to
    ``vectorizer`` itself."""

    def __init__(self, vectorizer: HashingVectorizer) -> None:
        self.vectorizer = vectorizer
        self._supported = (vectorizer.analyzer == "char_wb" and not vectorizer.alternate_sign
                           and vectorizer.norm is None and vectorizer.lowercase and vectorizer.strip_accents is None
                           and vectorizer.preprocessor is None and vectorizer.input == "content"
                           and not vectorizer.binary)
        self._white_spaces = re.compile(r"\s\s+")  # as sklearn's _VectorizerMixin._white_spaces
        self._word_indices: dict[str, list[int]] = {}
        self._sparse_type: Any = None

    def transform(self, texts: list[str]) -> Any:
        if not self._supported or not texts:
            return self.vectorizer.transform(texts)
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            for word in self._white_spaces.sub(" ", text.lower()).split():
                found = self._word_indices.get(word)
                if found is None:
                    found = self._indices(word)
                indices.extend(found)
            indptr.append(len(indices))
        if self._sparse_type is None:  # what sklearn returns: a matrix or an array, by its config
            self._sparse_type = type(self.vectorizer.transform([""]))
        x = self._sparse_type((np.ones(len(indices), dtype=self.vectorizer.dtype), np.asarray(indices, dtype=np.int32),
                        np.asarray(indptr, dtype=np.int32)), shape=(len(texts), self.vectorizer.n_features),
                       dtype=self.vectorizer.dtype)
        x.sum_duplicates()  # also sorts the indices, as sklearn's FeatureHasher does
        return x

    def _indices(self, word: str) -> list[int]:
        """The feature indices of one word's n-grams (sklearn's ``_char_wb_ngrams`` and ``_hashing_transform``)."""
        min_n, max_n = self.vectorizer.ngram_range
        n_features = self.vectorizer.n_features
        padded = " " + word + " "
        out = []
        for n in range(min_n, max_n + 1):
            grams = [padded[i : i + n] for i in range(max(len(padded) - n, 0) + 1)]
            for gram in grams:
                h = murmurhash3_32(gram, seed=0)
                out.append((2147483647 - (n_features - 1)) % n_features if h == _INT32_MIN else abs(h) % n_features)
            if len(padded) <= n:  # a short word's n-grams are counted once
                break
        if len(self._word_indices) >= _WORD_MEMO_SIZE:
            self._word_indices.clear()
        self._word_indices[word] = out
        return out
