"""Implicit and dehumanising hate in English comments (session 20): a named group plus a frame that makes the
sentence an attack without a slur or an evaluative word.

Frames (``lexicons/comments/implicit.json``, written from general knowledge of how such hate is phrased):

- the group as the subject of a stereotype predicate, a dehumanising metaphor, a demographic-threat or conspiracy
  frame ("X breed like rabbits", "X are all on welfare", "X are replacing us", "X control the media"): the frame
  comes after the group in its clause, only adverbs and auxiliaries between (``bridge``), so a group word that
  modifies another noun ("the X restaurant was infested with rats") is not read;
- the group as the object of a frame right before it ("overrun with X", "hordes of X") or of a removal with "out",
  "back", "home" or "away" after it ("keep X out", "send the X back"); "no X in my street".

A negation between the group and the frame ("X don't live off benefits", "X are not taking over anything") denies
it: ``_rules._attacks`` marks it defused and claimed. A stereotype predicate after a partial quantifier or a count
("many X are on benefits", "30% of X") or near a word of a finding ("the study says", "more often than") is a
statistic told, not read. In a question, only a why-question asserts it
("why do X always steal?"; "are X more likely to be on benefits?" asks). Reports, quotes and counter-speech are left
to ``_rules._attacks``, which reads these hits like its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storytrace.comments import _rules as _r
from storytrace.comments._lexicon import load_comment_lexicon

_MAX_GAP = 5  # words between the group and an after-group frame
_WHY = frozenset(["why", "how"])
_NO_HERE = frozenset(["in", "on", "near", "around"])
_OURS = frozenset(["my", "our", "this", "the"])
_ARTICLES = frozenset(["a", "an", "the"])
_GIVEN = [[w] for w in ("their", "the", "his", "her", "a", "an", "my", "your", "our", "some", "its", "any")]
# words after a group that leave it the head of its phrase ("overrun with X now"; not "flooded with X goods")
_FOLLOWERS = frozenset(["now", "here", "there", "and", "or", "everywhere", "in", "from", "who", "that", "these", "days",
                        "again", "today", "lately", "nowadays", "anymore", "all", "out", "back", "home", "away", "like",
                        "than", "as", "with", "at", "on", "of", "to", "into", "is", "are", "were", "was", "but", "so"])


@dataclass(frozen=True)
class _Frames:
    after: frozenset[str]
    stereotype: frozenset[str]
    before: frozenset[str]
    removal: frozenset[str]
    out: frozenset[str]
    partial: frozenset[str]
    statistic: frozenset[str]
    bridge: frozenset[str]
    determiners: frozenset[str]
    firsts_after: frozenset[str]
    firsts_before: frozenset[str]


@functools.lru_cache(maxsize=1)
def _frames() -> _Frames:
    d = load_comment_lexicon("implicit.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(d.get(key, []))

    after, stereotype, before = words("after_group"), words("after_group_stereotype"), words("before_group")
    return _Frames(after, stereotype, before, words("before_group_then_out"), words("group_then_out"),
                   words("partial_quantifiers"), words("statistic_markers"), words("bridge"), words("determiners"),
                   frozenset(p.split(" ")[0] for p in after | stereotype), frozenset(p.split(" ")[0] for p in before))


def _statistic(toks: list[str], gi: int, end: int, f: _Frames) -> bool:
    """A partial quantifier or a count within three words before the group ("many X", "30% of X", "some of the X"),
    or a word of a finding within eight words of it ("the study says X ...", "... more often than Y")."""
    return any(t in f.partial or t.isdigit() for t in toks[max(0, gi - 3) : gi]) or \
        any(t in f.statistic for t in toks[max(0, gi - 8) : end + 8])


def implicit_frames(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int,
                    asked: bool) -> list[tuple[int, bool]]:
    """Frames that make the mention of a group at ``gi`` .. ``end`` an identity attack, as (token index, negated).
    ``neg``: per token, a negation word; ``clause``: per token, its clause id; ``asked``: the group's sentence is a
    question (only a why- or how-question asserts a frame)."""
    f = _frames()
    n = len(toks)
    if asked and not _WHY & set(toks[max(0, gi - 6) : gi]):
        return []
    found: list[tuple[int, bool]] = []
    c = clause[gi]
    # the group as subject: adverbs and auxiliaries (or a negation) only, then the frame
    negated = False
    for j in range(end, min(n, end + _MAX_GAP + 1)):
        if clause[j] != c:
            break
        t = toks[j]
        if t in f.firsts_after:
            size = _r._phrase_at(toks, j, f.after)
            if not size and not _statistic(toks, gi, end, f):
                size = _r._phrase_at(toks, j, f.stereotype)
            if size:
                k = j  # evidence: the frame's first word that is not a bridge word ("replacing" in "are replacing")
                while k < j + size - 1 and (toks[k] in f.bridge or toks[k] in _ARTICLES):
                    k += 1
                found.append((k, negated))
                break
        if neg[j]:
            negated = True
        elif t not in f.bridge:
            break
    # the group as object: "overrun with X", "hordes of X", "keep X out", "no X in my street"
    k = gi
    while k > 0 and gi - k < 2 and toks[k - 1] in f.determiners and clause[k - 1] == c:
        k -= 1
    for j in range(max(0, k - 4), gi):
        if toks[j] in f.firsts_before and (size := _r._phrase_at(toks, j, f.before)) and k <= j + size <= gi and \
                (end >= n or clause[end] != c or toks[end] in _FOLLOWERS):
            found.append((j, any(neg[max(0, j - 3) : j])))
            break
    if k > 0 and toks[k - 1] in f.removal and end < n and toks[end] in f.out and clause[k - 1] == c and \
            toks[end + 1 : end + 2] not in _GIVEN:  # not "send them back their deposit
        found.append((k - 1, any(neg[max(0, k - 4) : k - 1])))
    if gi > 0 and toks[gi - 1] == "no" and (gi == 1 or clause[gi - 2] != c) and end + 1 < n and \
            toks[end] in _NO_HERE and toks[end + 1] in _OURS:  # opening its clause: not "there are no X in my village"
        found.append((gi - 1, False))
    return found
