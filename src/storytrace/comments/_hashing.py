"""The char heads' hashed n-gram counts, with each word's n-gram features worked out once.

scikit-learn's ``HashingVectorizer(analyzer="char_wb")`` builds and hashes every n-gram of every word of every text
in Python. Its n-grams never cross a word's edge (each word is padded with one space), so a word's feature indices
are the same wherever it stands: :class:`CharNgramHasher` keeps them (and their counts) per word and gives the
same matrix (same indices, counts and format; ``test_identity_hashing.py`` compares the two).
"""

from __future__ import annotations

import re
from array import array
from typing import Any

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

# words whose feature indices a hasher keeps; cleared when full
_WORD_MEMO_SIZE = 2**15


class CharNgramHasher:
    """``vectorizer.transform`` for a ``char_wb`` HashingVectorizer without alternating signs or a norm (what
    ``_model.make_vectorizers`` builds), with each word's feature indices and counts kept; any other setting is
    passed to ``vectorizer`` itself. Words not yet kept are hashed together by sklearn's own FeatureHasher."""

    def __init__(self, vectorizer: HashingVectorizer) -> None:
        self.vectorizer = vectorizer
        self._supported = (vectorizer.analyzer == "char_wb" and not vectorizer.alternate_sign
                           and vectorizer.norm is None and vectorizer.lowercase and vectorizer.strip_accents is None
                           and vectorizer.preprocessor is None and vectorizer.input == "content"
                           and not vectorizer.binary)
        self._white_spaces = re.compile(r"\s\s+")  # as sklearn's _VectorizerMixin._white_spaces
        self._hasher = FeatureHasher(n_features=vectorizer.n_features, input_type="string", alternate_sign=False,
                                     dtype=vectorizer.dtype)
        # word -> (feature indices, counts) of its n-grams; 4 bytes an entry
        self._features: dict[str, tuple[array[int], array[float]]] = {}
        self._sparse_type: Any = None

    def transform(self, texts: list[str]) -> Any:
        if not self._supported or not texts:
            return self.vectorizer.transform(texts)
        words_of = [self._white_spaces.sub(" ", text.lower()).split() for text in texts]
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
        if self._sparse_type is None:  # what sklearn returns: a matrix or an array, by its config
            self._sparse_type = type(self.vectorizer.transform([""]))
        x = self._sparse_type((np.asarray(counts, dtype=self.vectorizer.dtype), np.asarray(indices, dtype=np.int32),
                               np.asarray(indptr, dtype=np.int32)), shape=(len(texts), self.vectorizer.n_features),
                              dtype=self.vectorizer.dtype)
        x.sum_duplicates()  # also sorts the indices, as sklearn's FeatureHasher does; counts are whole numbers
        return x

    def _keep(self, words_of: list[list[str]]) -> None:
        """Hash the n-grams of the words not kept yet, all in one FeatureHasher call."""
        batch = list(dict.fromkeys(w for words in words_of for w in words))
        new = [w for w in batch if w not in self._features]
        if not new:
            return
        if len(self._features) + len(new) > _WORD_MEMO_SIZE:
            self._features.clear()  # and this batch's words are hashed again
            new = batch
        rows = self._hasher.transform(self._ngrams(w) for w in new)
        for i, word in enumerate(new):
            a, b = rows.indptr[i], rows.indptr[i + 1]
            self._features[word] = (array("i", rows.indices[a:b].astype(np.int32).tobytes()),
                                    array("f", rows.data[a:b].astype(np.float32).tobytes()))

    def _ngrams(self, word: str) -> list[str]:
        """One word's n-grams, as sklearn's ``_char_wb_ngrams`` makes them."""
        min_n, max_n = self.vectorizer.ngram_range
        padded = " " + word + " "
        out: list[str] = []
        for n in range(min_n, max_n + 1):
            out += [padded[i : i + n] for i in range(max(len(padded) - n, 0) + 1)]
            if len(padded) <= n:  # a short word's n-grams are counted once
                break
        return out
