"""English readings of hate spread over two clauses or asked as a question (session 20, helper "hate3").

Called from ``_rules._attacks`` (two hooks, one line each):

* ``referring_phrases``: after a clause that names one group, a referring noun phrase -- "such people", "people like
  that / them / this", "that lot", "this lot" -- refers back to it like a pronoun ("a family of X moved in. such people
  are vile", "X everywhere. i can't stand people like that"). The same nearest-antecedent reading as
  ``_rules_groups._group_pronouns``: another plural noun for people or animals, or a singular person ("the landlord",
  "he"), between the group and the phrase takes the reference instead ("X were attacked by thugs. people like that should
  be locked up").
* ``asked_hate``: hate asked as a question about the group, each form read from the shape of the question, with the
  group where the question puts it:
  - its existence questioned: "why do X (even) exist?", "why do X have to exist?" (nothing after "exist" but "at
    all" / "anymore": not "why do X exist in every country?");
  - what is wrong with the group, the group ending the question: "what is wrong with X?", "what the hell / fuck is
    wrong with X?" (not "what is wrong with X getting married?", "what is wrong with people who hate X?", and not
    when the next sentence answers "nothing");
  - a removal proposed by a negative question or a wish: "isn't it time we got rid of X?", "wouldn't it be great if
    we got rid of all the X?", "shouldn't we get rid of X?" (not "why do some people want to get rid of X?");
  - a group to be put up with: "how many more X do we have to put up with?", "why should we (have to) tolerate X
    (at all)?" (not "why should we tolerate attacks on X?");
  - goods asked to be justified: "can someone explain why X deserve rights?", "tell me why X deserve respect"
    (not "... why X deserve less than the rest of us").

The returned token indices are evidence words; ``_attacks`` then applies its usual checks (quotation, report and
condemnation, negation right before the word).
"""

from __future__ import annotations

from storytrace.comments._rules_groups import _PRONOUN_REACH, _other_referent
from storytrace.comments._rules_harm import _GOODS, _IRREGULAR_PARTICIPLES, _ORDERED_BRIDGE, _reported_harm
from storytrace.comments._rules_shared import _DETERMINERS, _HARM_BRIDGE
from storytrace.comments._rules_threats import _intended
from storytrace.comments._tokens import _bridged, _clause_start, _clause_stop, seq_at

# referring noun phrases: the phrase, and the token whose position stands for the group (its last word)
_REFERRING = (("such", "people"), ("such", "folk"), ("such", "folks"), ("people", "like", "that"),
              ("people", "like", "them"), ("people", "like", "this"), ("folks", "like", "that"),
              ("folks", "like", "them"), ("that", "lot"), ("this", "lot"))
_REFERRING_FIRST = frozenset(p[0] for p in _REFERRING)
# words that may follow "people like that": the phrase ends there ("people like that are vile"); any other word makes
# "that" a determiner ("people like that guy") or opens a relative clause
_AFTER_REFERRING = frozenset(["are", "is", "were", "should", "must", "need", "needs", "can", "cannot", "can't", "will",
                              "won't", "would", "don't", "do", "never", "make", "makes", "deserve", "have", "all",
                              "always", "just", "only", "really", "belong", "ruin", "aren't", "shouldn't", "disgust"])
# a singular person that a later "people like that" may refer to instead of the group ("the landlord ... he ...")
_SINGULAR_PEOPLE = frozenset(["he", "she", "him", "her", "his", "landlord", "boss", "guy", "man", "bloke", "dude",
                              "woman", "owner", "manager", "neighbour", "neighbor", "teacher", "driver", "officer",
                              "cop", "politician", "minister", "mayor", "president", "idiot", "bigot", "racist",
                              "thug", "someone", "somebody"])


def _referring_at(toks: list[str], k: int) -> int:
    """Length of a referring phrase at token ``k`` that ends its noun phrase, or 0."""
    if toks[k] not in _REFERRING_FIRST:
        return 0
    for p in _REFERRING:
        size = len(p)
        if tuple(toks[k : k + size]) == p and (k + size == len(toks) or toks[k + size] in _AFTER_REFERRING or
                                                 p[-1] in ("people", "folk", "folks", "lot")):
            return size
    return 0


_PATIENT_AUX = frozenset(["were", "was", "got", "get", "gets", "been", "being", "are", "is"])


def _salient(toks: list[str], clause: list[int], k: int) -> bool:
    """The group mention at ``k`` can be what a later referring phrase means: no other person is the subject before
    it in its clause ("the racists marched against X", "my boss hates X") and it is not a passive patient there ("X
    were attacked at the mosque": "people like that" then means the attackers)."""
    c = clause[k]
    j = k - 1
    while j >= 0 and clause[j] == c and k - j <= 12:
        if toks[j] in _SINGULAR_PEOPLE or _other_referent(toks, j):
            return False
        j -= 1
    j = k + 1
    while j < len(toks) and clause[j] == c and j - k <= 4:
        if toks[j] in _PATIENT_AUX and j + 1 < len(toks) and clause[j + 1] == c and (
                toks[j + 1].endswith("ed") or toks[j + 1] in _IRREGULAR_PARTICIPLES):
            return False
        j += 1
    return True


def referring_phrases(toks: list[str], clause: list[int], named_at: set[int], first: int) -> list[int]:
    """The first token of each referring phrase after the group's first mention at ``first`` that refers to the
    group (mention tokens ``named_at``): in a later clause than that mention, nearer to it than any other plural noun
    for people or animals or any singular person, and within ``_rules_groups._PRONOUN_REACH`` words (one pass). A
    mention that another person's clause holds, or where the group is a passive patient, is no antecedent (``_salient``)."""
    if not any(_referring_at(toks, k) for k in range(first + 1, len(toks))):
        return []
    found: list[int] = []
    group_nearest, last = _salient(toks, clause, first), first
    n = len(toks)
    k = first + 1
    while k < n:
        t = toks[k]
        if k in named_at:
            if k == last + 1:  # a mention of several words ("gay people")
                last = k
            else:
                group_nearest, last = _salient(toks, clause, k), k
        elif (size := _referring_at(toks, k)) and not (t == "people" and k > 0 and toks[k - 1] in _DETERMINERS):
            if group_nearest and clause[k] != clause[last] and k - last <= _PRONOUN_REACH:
                found.append(k)
            k += size
            continue
        elif t in _SINGULAR_PEOPLE or _other_referent(toks, k):
            group_nearest = False
        k += 1
    return found


# ---------------------------------------------------------------------------------------------------------------
# hate asked as a question

_EXPLETIVES = (("the", "hell"), ("the", "fuck"), ("the", "heck"), ("the", "f"), ("on", "earth"))
_EXIST_AUX = frozenset(["do", "does", "should", "must", "did"])
_EXIST_FILL = frozenset(["even", "still", "have", "has", "to", "need", "needs", "really", "all", "actually"])
_EXIST_TAIL = frozenset(["at", "all", "anymore", "lol", "seriously", "honestly"])
_WRONG_BRIDGE = frozenset(["the", "these", "those", "all", "you", "with"])
_ANSWERS = frozenset(["nothing", "absolutely", "literally"])
_REMOVAL = (("get", "rid", "of"), ("got", "rid", "of"), ("deport",), ("deported",), ("kick", "out"), ("kicked", "out"),
            ("throw", "out"), ("threw", "out"), ("send", "back"), ("sent", "back"))
_PROPOSING = (("isn't", "it", "time"), ("isnt", "it", "time"), ("is", "it", "not", "time"), ("wouldn't", "it", "be"),
              ("wouldnt", "it", "be"), ("would", "it", "not", "be"), ("shouldn't", "we"), ("shouldnt", "we"),
              ("why", "don't", "we"), ("why", "dont", "we"), ("don't", "you", "think", "we"),
              ("dont", "you", "think", "we"), ("isn't", "it", "about", "time"), ("isnt", "it", "about", "time"))
_REMOVAL_BRIDGE = frozenset(["all", "the", "these", "those", "every", "last", "of", "just", "finally", "some"])
_TOLERATE = (("put", "up", "with"), ("tolerate",), ("accept",), ("take",), ("let", "in"), ("allow", "in"),
             ("deal", "with"))
_TOLERATE_AUX = frozenset(["do", "must", "should", "will", "we", "have", "to", "need", "going", "gonna", "even",
                           "are", "can", "still", "keep", "supposed"])
_JUSTIFY = (("explain", "why"), ("tell", "me", "why"), ("tell", "us", "why"), ("explain", "to", "me", "why"))
_DESERVE = frozenset(["deserve", "deserves", "should", "get", "even"])


# words that may follow the group when it ends its noun phrase ("get rid of X from our country", "tolerate X here");
# any other word continues it ("get rid of the X ban", "tolerate X activists")
_NP_END = frozenset(["from", "out", "here", "for", "once", "forever", "already", "now", "in", "at", "all", "anymore",
                     "any", "too", "lol", "and", "or", "like", "in", "around", "everywhere", "any", "more", "longer",
                     "first", "too", "seriously", "honestly", "then"])


def _np_ends(toks: list[str], end: int, hi: int) -> bool:
    return end >= hi or toks[end] in _NP_END


def _question_end(toks: list[str], k: int, sentence_end: int) -> bool:
    """Nothing from ``k`` to the end of the sentence but a few tag words."""
    return all(t in _EXIST_TAIL for t in toks[k:sentence_end])


# how far a question or a threat is read around the group, in words (a bound: long comments without punctuation)
_REACH = 16


def asked_hate(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int, asked: bool) -> list[int]:
    """Evidence words of hate asked as a question about the group at ``gi`` .. ``end`` (see the module docstring).
    ``asked``: the group's sentence ends with a question mark."""
    if not asked:
        return []
    n = len(toks)
    lo, hi = _clause_start(clause, gi, _REACH), _clause_stop(clause, clause[gi], end, _REACH)
    found: list[int] = []
    before = toks[lo:gi]
    # "why do X (even) exist?"
    if before[-1:] and before[-1] in _EXIST_AUX and "why" in before[-3:]:
        k = end
        while k < hi and toks[k] in _EXIST_FILL and k - end < 3:
            k += 1
        if k < hi and toks[k] in ("exist", "exists") and _question_end(toks, k + 1, hi) and not any(neg[lo:hi]):
            found.append(k)
    # "what (the hell) is wrong with X?"
    for j in range(lo, gi):
        if toks[j] not in ("what", "what's", "whats"):
            continue
        k = j + 1
        k += seq_at(toks, k, _EXPLETIVES)
        if toks[j] == "what":
            if k >= n or toks[k] != "is":
                break
            k += 1
        if k < n and toks[k] in ("even", "really", "so"):
            k += 1
        if toks[k : k + 2] == ["wrong", "with"] and all(t in _WRONG_BRIDGE for t in toks[k + 2 : gi]) and \
                _question_end(toks, end, hi) and not (hi < n and toks[hi] in _ANSWERS):
            found.append(k)
        break
    # "isn't it time we got rid of X?", "wouldn't it be great if we got rid of all the X?"
    for j in range(lo, gi):
        size = seq_at(toks, j, _REMOVAL)
        if size and _bridged(toks, j + size, gi, _REMOVAL_BRIDGE, 3) and _np_ends(toks, end, hi) and \
                any(seq_at(toks, m, _PROPOSING) for m in range(lo, j)) and "we" in toks[lo:j]:
            found.append(j)
            break
    # "how many more X do we have to put up with?", "why should we (have to) tolerate X?"
    if toks[max(lo, gi - 3) : gi][-3:] == ["how", "many", "more"]:
        k = end
        while k < hi and toks[k] in _TOLERATE_AUX and k - end < 6:
            k += 1
        if k < hi and "we" in toks[end:k] and seq_at(toks, k, _TOLERATE):
            found.append(k)
    if "why" in before:
        for j in range(max(lo, gi - 6), gi):
            size = seq_at(toks, j, _TOLERATE)
            if size and _bridged(toks, j + size, gi, _REMOVAL_BRIDGE, 2) and "we" in toks[lo:j] and \
                    _np_ends(toks, end, hi) and \
                    not any(neg[lo:j]):
                found.append(j)
                break
    # "can someone explain why X deserve rights?"
    for j in range(max(lo, gi - 5), gi):
        size = seq_at(toks, j, _JUSTIFY)
        if size and j + size == gi - (toks[gi - 1] in _REMOVAL_BRIDGE):
            k = end
            while k < hi and toks[k] in _DESERVE and k - end < 3:
                k += 1
            if k > end and toks[k - 1] != "even" and k < hi and (toks[k] in _GOODS or
                                                                 toks[k : k + 2] in (["to", "live"], ["to", "exist"])):
                found.append(k)
            break
    return found


# ---------------------------------------------------------------------------------------------------------------
# violence at the group in profane idioms, harm ensured (reading E)

_BEAT_VERBS = frozenset(["beat", "knock", "kick", "slap", "punch", "smack", "thrash", "batter"])
_BEAT_STUFF = (("shit",), ("crap",), ("hell",), ("fuck",), ("living", "daylights"), ("daylights",), ("piss",),
               ("snot",), ("stuffing",), ("life",))
_PAIN = (("suffer",), ("pay",), ("bleed",), ("regret",), ("die",), ("rot",), ("burn",), ("disappear",), ("leave",),
         ("never", "feel", "safe"), ("get", "what's", "coming"), ("get", "whats", "coming"), ("are", "gone"),
         ("be", "gone"), ("pay", "dearly"))
_PAIN_TAIL = frozenset(["for", "dearly", "it", "again", "forever", "with", "this", "that", "every", "lol", "in",
                        "here", "too", "ever", "all", "slowly"])
_ENSURE_BRIDGE = frozenset(["will", "all", "of", "them", "every", "single", "one", "here", "there", "in", "this",
                            "town", "country", "really", "truly", "they"])


def profane_harm(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> list[int]:
    """Violence the commenter intends or orders at the group at ``gi`` .. ``end`` that the other readings miss:
    a profane beating idiom with the group as its object ("i'm gonna beat the shit out of the next X i see", "let's
    go kick the crap out of some X") and harm ensured ("i'll make sure the X suffer", "we will make sure every X
    here will pay"). Only with an intent or an order before it in the clause, not reported or attempted by someone
    else, not negated. Returns the violent words (``_attacks`` adds identity and threat)."""
    c = clause[gi]
    lo = _clause_start(clause, gi, _REACH)
    n = len(toks)
    found: list[int] = []
    bridge = _HARM_BRIDGE | _ORDERED_BRIDGE
    for j in range(max(lo, gi - 9), gi):
        if toks[j] not in _BEAT_VERBS or toks[j + 1 : j + 2] != ["the"]:
            continue
        size = seq_at(toks, j + 2, _BEAT_STUFF)
        k = j + 2 + size
        if size and toks[k : k + 2] == ["out", "of"] and _bridged(toks, k + 2, gi, bridge) and \
                _intended(toks, lo, j) and not any(neg[lo:j]) and not _reported_harm(toks, clause, j):
            found.append(j)
            break
    for j in range(max(lo, gi - 5), gi):
        if toks[j : j + 2] != ["make", "sure"] or not _bridged(toks, j + 2, gi, bridge, 3):
            continue
        k = end
        while k < n and clause[k] == c and toks[k] in _ENSURE_BRIDGE and k - end < 4:
            k += 1
        size = seq_at(toks, k, _PAIN) if k < n and clause[k] == c else 0
        after = k + size
        if size and (after >= n or clause[after] != c or toks[after] in _PAIN_TAIL) and j > lo and \
                _intended(toks, lo, j) and not any(neg[lo:k]) and not _reported_harm(toks, clause, j):
            found.append(k)
        break
    return found
