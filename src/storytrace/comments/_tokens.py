"""Token-sequence helpers the rule modules share (a leaf module: the rule modules import it, it imports none)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable


def seq_at(toks: list[str], k: int, seqs: Iterable[tuple[str, ...]]) -> int:
    """Length of the first of ``seqs`` that the tokens from ``k`` spell out, or 0."""
    for p in seqs:
        if tuple(toks[k : k + len(p)]) == p:
            return len(p)
    return 0


_NEGATION = frozenset(["not", "no", "never", "isn't", "aren't", "don't", "doesn't", "shouldn't", "won't", "nobody",
                       "nothing", "neither", "nor", "cannot", "can't", "wasn't", "weren't", "never", "didn't",
                       "haven't", "hasn't", "ain't", "mustn't", "wouldn't", "couldn't",
                       # the same without the apostrophe, as comments are often typed
                       "isnt", "arent", "dont", "doesnt", "shouldnt", "wont", "cant", "wasnt", "werent", "didnt",
                       "havent", "hasnt", "aint", "mustnt", "wouldnt", "couldnt"])


# "nothing but trash", "no better than animals": a negation word that asserts what follows
_ASSERTING_NEGATION = (("nothing", "but"), ("no", "better"), ("nothing", "more"))


_CLAUSE_BREAK = frozenset(["but", "however", "although", "though", "yet", "whereas", "while"])


def _clauses(norm: str, words: list[tuple[int, int, str]]) -> list[int]:
    """Clause id per word: sentence punctuation and contrastive conjunctions ("but") end a clause."""
    ids, cid, last, prev = [], 0, 0, ""
    for s, _e, w in words:
        if re.search(r"[.!?;:\n]", norm[last:s]):
            cid += 1
        if w in _CLAUSE_BREAK and not (w == "but" and prev == "nothing"):  # "X are nothing but trash": one clause
            cid += 1
        prev = w
        ids.append(cid)
        last = _e
    return ids


def _phrase_at(toks: list[str], j: int, phrases: frozenset[str] | tuple[str, ...]) -> int:
    """Length in words of the longest phrase of ``phrases`` starting at token ``j`` (0 if none)."""
    if j < len(toks) and toks[j] not in _first_words(phrases):
        return 0  # tokens hold no space, so a phrase that matches begins with the token
    for size in (5, 4, 3, 2, 1):
        if j + size <= len(toks) and " ".join(toks[j : j + size]) in phrases:
            return size
    return 0


@functools.lru_cache(maxsize=256)
def _first_words(phrases: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    """The first words of ``phrases`` (what ``_phrase_at`` checks before it joins tokens)."""
    return frozenset(p.split(" ")[0] for p in phrases)


def _negations(toks: list[str]) -> list[bool]:
    """Per token: a negation word, except one that asserts what follows ("nothing but trash", "no better than")."""
    return [t in _NEGATION and tuple(toks[k : k + 2]) not in _ASSERTING_NEGATION for k, t in enumerate(toks)]


def _bridged(toks: list[str], start: int, end: int, bridge: frozenset[str], most: int = 4) -> bool:
    """Tokens ``start`` .. ``end`` are at most ``most`` words, all from ``bridge`` ("every last", "the homes of")."""
    return 0 <= end - start <= most and all(t in bridge for t in toks[start:end])


def _phrase_before(toks: list[str], lo: int, gi: int, phrase_size: Callable[[list[str], int], int],
                   bridge: frozenset[str]) -> bool:
    """A phrase (``phrase_size`` gives its length in words at a start, 0 if none) that starts at most five words
    before ``gi`` (not before ``lo``) and ends at most two ``bridge`` words before it: a gerund of sight or nearness
    before a group ("seeing X", "being near these X"), which is then the subject of what follows the group."""
    return any((size := phrase_size(toks, m)) and _bridged(toks, m + size, gi, bridge, most=2)
               for m in range(max(lo, gi - 5), gi))


def _clause_start(clause: list[int], gi: int, reach: int) -> int:
    """The first index of ``gi``'s clause, at most ``reach`` words before ``gi``."""
    lo = gi
    while lo > 0 and clause[lo - 1] == clause[gi] and gi - lo < reach:
        lo -= 1
    return lo


def _clause_stop(clause: list[int], c: int, k: int, reach: int) -> int:
    """The first index from ``k`` that is past clause ``c`` or ``reach`` words on."""
    start = k
    while k < len(clause) and clause[k] == c and k - start < reach:
        k += 1
    return k
