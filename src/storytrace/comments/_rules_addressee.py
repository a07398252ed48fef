"""Profanity aimed at the person addressed or at their words (session 24, helper "mend"): "your pointless shit",
"you and your crap", "take your bullshit elsewhere". A profane noun that the addressee owns, at most two words after
"your", is insult evidence (the possessive and the noun), as an insult word is: the learned heads read a long comment
that says it as profane but not insulting (a session-24 review finding). Not when a negation comes before it in its
clause ("nobody said your ideas were crap") or the comment praises ("your shit is fire, keep posting").
"""

from __future__ import annotations

from collections.abc import Callable

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_shared import Analysis

_YOUR = frozenset(["your", "ur", "yer"])
# profane words that name a thing said or done (the addressee's posts, opinions, excuses), not intensifiers ("your
# fucking car") or names for people (insults already)
_PROFANE_NOUNS = frozenset(["shit", "crap", "bullshit", "shite", "bollocks", "horseshit", "bullcrap", "bs"])
_GAP = 2  # words between "your" and the noun: "your usual pointless shit"
# a comment that praises what it calls profane: "your shit is fire", "love your crap, man", "... makes me laugh"
_PRAISING = frozenset(["love", "loved", "loving", "fire", "dope", "great", "amazing", "awesome", "brilliant", "best",
                       "funny", "hilarious", "laugh", "lol", "thanks", "thank", "enjoy", "enjoyed", "respect", "good",
                       "nice", "legendary", "gold", "classic"])


def profanity_at_addressee(a: Analysis, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
                           clauses: Callable[[], list[int]], lex: Lexicon,
                           to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> None:
    """Add to ``a.insults`` each "your ... <profane noun>" span (see the module docstring)."""
    if not a.profanity or _YOUR.isdisjoint(toks) or not _PRAISING.isdisjoint(toks):
        return
    clause = clauses()
    for j, t in enumerate(toks):
        if t not in _PROFANE_NOUNS or t not in lex.profanity:
            continue
        k = next((k for k in range(j - 1, max(-1, j - _GAP - 2), -1) if toks[k] in _YOUR), -1)
        if k < 0 or clause[k] != clause[j]:
            continue
        if any(neg[m] for m in range(j) if clause[m] == clause[j]):
            continue  # "i never called your post crap"
        rs, re_ = to_raw(words[k][0], words[j][1])
        a.insults.append((rs, re_, raw[rs:re_]))
