"""Hate reported, quoted or named rather than said: a threat attributed by a report ("police said"),
what someone was called ("he called me a ..."), words in quotation marks, a slur mentioned as a word, and an
attempt told of someone else ("thugs tried to ...").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_benign import _CONDEMN
from storytrace.comments._rules_shared import _FIRST_PERSON, _QUOTE
from storytrace.comments._tokens import _phrase_at

# an attempt told of someone else right before the harm ("thugs tried to run down X"): a report, not a wish
_ATTEMPT_FRAMES = frozenset(["tried to", "tries to", "trying to", "attempted to", "attempts to", "attempting to"])
_ATTEMPTERS_SELF = _FIRST_PERSON | frozenset(["am", "i've", "ive", "we're", "we've"])


def _punctuated(norm: str, words: list[tuple[int, int, str]], j: int, marks: str = ".!?;:,\n") -> bool:
    """Punctuation of ``marks`` stands between token ``j - 1`` and token ``j``."""
    return j > 0 and any(c in marks for c in norm[words[j - 1][1] : words[j][0]])


def _reported(norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon, at: list[int]) -> bool:
    """The words at ``at`` are reported speech: a reporting marker ("said", "shouted") and either every one of them
    inside quotation marks or a news attribution ("police said", "was convicted", "according to")."""
    text = " ".join(toks)
    report = any(t in lex.reporting for t in toks) or any(p in text for p in lex.reporting if " " in p)
    if not report or not at or _own_words(toks, lex):
        return False
    return _all_quoted(norm, words, at) or lex.attribution_re.search(text) is not None
# A slur as what someone was called ("he called me a f****t", "my son was called a k*** at school", "calling someone
# a k*** is disgusting"): the word is named, not used. Not when the commenter calls or wants it ("i called him a ...",
# "they should be called ...", "call them what they are: ..."), nor a present "calling" without a condemnation.
_CALL_VERBS = frozenset(["called", "calls", "call", "calling"])
_CALLER_OWN = frozenset(["i", "we", "i'll", "we'll", "i'd", "we'd", "ill", "should", "must", "shall", "gonna", "will",
                         "would", "let's", "lets", "to", "just", "ima", "i'm", "im", "deserve", "deserves", "ought"])
_CALLED_PASSIVE = frozenset(["was", "were", "been", "being", "got", "get", "gets", "getting", "is", "am", "are"])
_CALLED_OBJECT_WORDS = 3  # "me", "my son", "my little brother"


def _called_as(toks: list[str], j: int, lex: Lexicon) -> bool:
    """The slur at ``j`` is what someone was called, reported or condemned, not the commenter's word."""
    k = j - 1 if j and toks[j - 1] in ("a", "an") else j
    verb = next((v for v in range(k - 1, max(-1, k - 2 - _CALLED_OBJECT_WORDS), -1) if toks[v] in _CALL_VERBS), None)
    if verb is None or verb == 0 and toks[verb] == "call":
        return False  # no calling, or "call them what they are"
    before = toks[max(0, verb - 3) : verb]
    if verb and toks[verb - 1] in _CALLED_PASSIVE:
        return not any(t in ("should", "must", "deserve", "deserves", "ought") for t in before)
    if any(t in _CALLER_OWN for t in before):
        return False
    if toks[verb] == "called":
        return True
    rest = " ".join(toks[j + 1 :])
    return lex.counter_re.search(rest) is not None or any(t in _CONDEMN for t in toks[j + 1 :])


def _same_sentence(norm: str, ends: list[int], at: set[int], to_raw: Callable[[int, int], tuple[int, int]],
                   attack: tuple[int, int, str, str]) -> bool:
    """``attack`` (raw offsets) lies in a sentence of ``norm`` (sentence ends ``ends``) holding one of the offsets
    ``at``."""
    for start in at:
        k = bisect.bisect_left(ends, start)  # the first sentence end at or after ``start``
        left, right = (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else len(norm))
        raw_left, raw_right = to_raw(left, right)
        if raw_left <= attack[0] and attack[1] <= raw_right:
            return True
    return False


def _all_quoted(norm: str, words: list[tuple[int, int, str]], at: list[int]) -> bool:
    """Every word at the token positions ``at`` sits inside quotation marks."""
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(norm)]
    return all(any(qs <= words[j][0] < qe for qs, qe in quoted) for j in at)


def _own_words(toks: list[str], lex: Lexicon) -> bool:
    """A reporting word said by the commenter or to the reader ("I told you", "I said", "you heard me"): the quote
    is the commenter's own threat, not a report of someone else's."""
    return any(t in lex.reporting and ((r > 0 and toks[r - 1] in ("i", "you")) or toks[r + 1 : r + 2] in (["you"], ["me"]))
               for r, t in enumerate(toks))


def _mentioned(norm: str, words: list[tuple[int, int, str]], toks: list[str], slur_at: list[int], lex: Lexicon) -> bool:
    """Every slur is mentioned, not used (revision 3.6): it sits inside quotation marks in a comment that reports
    speech ('he'd been called a "paki" every day for years'), as the compositional rule already reads quoted,
    reported hostile words as the quoted speaker's."""
    if not any(t in lex.reporting for t in toks):
        return False
    return _all_quoted(norm, words, slur_at)


def _attempt_told(toks: list[str], j: int) -> bool:
    """The harm at ``j`` right after "tried to" / "attempted to" ..., whose subject is not the commenter."""
    return j >= 2 and _phrase_at(toks, j - 2, _ATTEMPT_FRAMES) == 2 and (j < 3 or toks[j - 3] not in _ATTEMPTERS_SELF)
