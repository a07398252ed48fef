"""Token-sequence helpers the rule modules share (a leaf module: the rule modules import it, it imports none)."""

from __future__ import annotations

from collections.abc import Iterable


def seq_at(toks: list[str], k: int, seqs: Iterable[tuple[str, ...]]) -> int:
    """Length of the first of ``seqs`` that the tokens from ``k`` spell out, or 0."""
    for p in seqs:
        if tuple(toks[k : k + len(p)]) == p:
            return len(p)
    return 0
