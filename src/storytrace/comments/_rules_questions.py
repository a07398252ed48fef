"""Questions: sentence ends and whether a word is asked (``_sentence_ends``, ``_asked``), rhetorical
questions that assert a hostile point ("why do we let X in?", "name one thing X have done"), and doubt asked of
what follows ("since when do X count as ...").
"""

from __future__ import annotations

import bisect
import re

from storytrace.comments._rules_shared import _ADMIT
from storytrace.comments._tokens import _bridged, _phrase_at

# (session 21) "why do (some) people hate X?", "why do racists want to get rid of X?", "why do you hate X so much?":
# the question asks about another's hate; the asker does not hold it ("why do I hate X", "why don't we ..." do)
_WHY_AUX = frozenset(["do", "does", "did", "would", "should", "must"])
_OTHERS = frozenset(["people", "others", "racists", "bigots", "nazis", "you", "u", "y'all", "anyone", "anybody",
                     "someone", "somebody", "folks", "haters"])
_OTHERS_LEADS = frozenset(["some", "so", "many", "most", "other", "certain", "these", "those", "all", "the"])
_WANT_TO = frozenset(["want", "wants", "wanna", "to", "need", "needs", "have", "has", "still", "even", "always",
                      "really", "just", "so", "keep", "keeps", "continue", "seem", "seems", "get", "got"])


def _asked_of_others(toks: list[str], j: int) -> bool:
    """The hate or harm at ``j`` closes "why <aux> <others> (want to) ...": someone else's, asked about."""
    k = j
    while k > 0 and toks[k - 1] in _WANT_TO and j - k < 5:
        k -= 1
    if k < 1 or toks[k - 1] not in _OTHERS:
        return False
    k -= 1
    while k > 0 and toks[k - 1] in _OTHERS_LEADS and k > j - 8:
        k -= 1
    return k >= 2 and toks[k - 1] in _WHY_AUX and toks[k - 2] == "why"
_INTO = frozenset(["in", "into", "near", "here", "over", "across", "inside"])
_ADMIT_BRIDGE = frozenset(["all", "these", "those", "the", "any", "more", "so", "many", "even", "in", "those"])
# ... asked of whoever lets them in, "we" or anyone: not of a named party ("why did the uk let refugees in after the
# war?" asks about history)
_ADMITTERS = frozenset(["who", "we", "you", "keep", "keeps", "still", "even", "anyone", "anybody", "everyone"])
# a question that asks for a group's worth in order to deny it: "what good has a X ever done?", "what have X ever
# done for us?"; "can anyone name a single X who isn't a thief?"
_WORTH_ASKED = frozenset(["what good", "what use", "what have", "what has", "what did", "what do", "what does"])
_WORTH_BRIDGE = frozenset(["has", "have", "is", "are", "did", "do", "does", "was", "were", "a", "an", "the", "these",
                           "those", "any", "all", "ever", "of"])
_NAME_ONE = frozenset(["name one", "name a single", "name a", "name any", "find one", "find a single", "show me one",
                       "show me a single"])


def _sentence_ends(norm: str) -> tuple[list[int], str]:
    """Offsets of the sentence ends in ``norm`` and the mark at each (computed once per comment)."""
    ends = list(_SENTENCE_END.finditer(norm))
    return [m.start() for m in ends], "".join(m.group() for m in ends)


def _asked(ends: tuple[list[int], str], at: int) -> bool:
    """The sentence around offset ``at`` is a question: the first sentence end after it is a question mark."""
    k = bisect.bisect_left(ends[0], at)
    return k < len(ends[1]) and ends[1][k] == "?"
_SENTENCE_END = re.compile(r"[.!?\n]")


def _rhetorical(toks: list[str], neg: list[bool], lo: int, gi: int, end: int, asked: bool) -> list[int]:
    """Hate asked as a question about the group at ``gi`` (up to ``end``): letting it in ("who let all these X into our
    town?", "why are X allowed in here?"), its worth asked to deny it ("what good has a X ever done for anyone?") or
    a challenge to name one decent member ("can anyone name a single X who isn't a thief?"). ``asked``: the group's
    sentence is a question."""
    found = []
    after = toks[end : end + 3]
    for j in range(max(lo, gi - 5), gi):
        if asked and toks[j] in _ADMIT and _bridged(toks, j + 1, gi, _ADMIT_BRIDGE, 3) and after[:1] and \
                after[0] in _INTO and _ADMITTERS & set(toks[max(0, j - 8) : j]):
            found.append(j)
        elif asked and _phrase_at(toks, j, _WORTH_ASKED) == 2 and _bridged(toks, j + 2, gi, _WORTH_BRIDGE, 3) and (
                toks[j + 1] in ("good", "use") or "ever" in toks[j + 2 : end + 2]):
            found.append(j)
        elif (size := _phrase_at(toks, j, _NAME_ONE)) and j + size == gi and after[:1] in (["who"], ["that"]) and \
                any(neg[end + 1 : end + 3]):
            found.append(j)
    allowed = [k for k in range(end, min(len(toks), end + 2)) if toks[k] in ("allowed", "permitted")]
    if asked and allowed and "why" in toks[lo:gi] and all(t in ("be", "even") for t in toks[end : allowed[0]]):
        found.append(allowed[0])  # "why are X allowed to vote?", "why should X be allowed to ..."
    return found


def _doubted(toks: list[str], lo: int, gi: int) -> bool:
    """A question that doubts what follows about the group at ``gi``: "since when do X count as real people?"."""
    return any(toks[k : k + 2] == ["since", "when"] for k in range(max(lo, gi - 4), gi))
