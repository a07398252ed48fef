"""Dehumanising emoji next to a named group ("X 🐀🐀"): ``emoji_attack`` for ``_rules.analyse``."""

from __future__ import annotations

import bisect
import re

from storytrace.comments._content import dehumanising_emoji
from storytrace.comments._lexicon import Lexicon
from storytrace.comments._tokens import _NEGATION


def emoji_attack(raw: str, toks: list[str], groups: list[tuple[str, list[tuple[int, int, str]]]],
                 lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Emoji mockery (revision 3.6): a dehumanising emoji (``_content.DEHUMANISING_EMOJI``: apes, vermin, pigs,
    excrement) in a comment that names a group of people ("muslims 🐷🐷", "black people = 🦍") likens the group to it,
    as "X are pigs" does in words. Not when the comment condemns (a counter-speech marker: "calling jews 🐀 is
    racist") or negates; the group is the first one named. Returns evidence spans (start, end, text, group): the
    emoji and the group's mentions."""
    found = dehumanising_emoji(raw)
    if not found or not groups or any(t in _NEGATION for t in toks):
        return []
    if lex.counter_re.search(" ".join(toks)) is not None:
        return []
    found = found[:_MAX_EMOJI]
    for group, spans in groups:
        starts = [s for s, _, _ in spans]  # in text order
        near = [x for x in found if any(_close(raw, x, spans[k]) for k in _neighbours(starts, x[0]))]
        if near:
            return [(s, e, t, group) for s, e, t in near] + [(s, e, t, group) for s, e, t in spans]
    return []
# an emoji flood is checked on its first emoji only: pairing every emoji with every mention stalled a page
_MAX_EMOJI = 200


def _neighbours(starts: list[int], at: int) -> tuple[int, ...]:
    """Indices of the spans (by sorted start offsets ``starts``) right before and right after offset ``at``."""
    k = bisect.bisect_left(starts, at)
    return tuple(i for i in (k - 1, k) if 0 <= i < len(starts))
_LINKING = frozenset(["are", "is", "r", "like", "as", "all", "just", "these", "those", "the", "such", "them"])


def _close(raw: str, a: tuple[int, int, str], b: tuple[int, int, str], gap: int = 12) -> bool:
    """Spans ``a`` and ``b`` are next to each other, with at most ``gap`` characters and only linking words
    between ("muslims 🐷", "black people = 🦍", "jews are 🐀"; not "Christian rock is 💩", not "our Jewish deli
    makes the best pulled pork 🐷", not across a full stop)."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    if hi[0] - lo[1] > gap:
        return False
    between = raw[lo[1] : hi[0]]
    words = re.findall(r"\w+", between.lower())
    return len(between) <= gap and not re.search(r"[.!?\n]", between) and all(w in _LINKING for w in words)
