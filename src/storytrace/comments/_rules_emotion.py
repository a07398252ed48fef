"""English readings of hate felt or withheld at a group (session 22, helper "hate5").

Called from ``_rules._attacks`` (one-line hooks), as are ``_emotion_at`` ("disgust for X", "sickened by X") and
``_bodily`` ("X make my skin crawl"), moved here from ``_rules`` in session 24. Each reading returns the indices of evidence words for the group at
``gi`` .. ``end``; ``_attacks`` then applies its usual checks (quotation, report and condemnation, an unwanted harm).
The group must be the subject or the object the frame names, not the object of someone else's verb ("people who
harass X are the worst", "bigots who attack X make me angry"), and the frame must not be negated.

* ``felt_hate``: an emotion the group causes in the commenter ("X annoy me so much", "X make me so mad", "seeing X
  makes me furious"), one the commenter owns ("i'm so angry at X", "i can't bear X", "all i feel for X is hate"), or
  a superlative whose negative quantifier is the form, not a denial ("nothing i hate more than X", "i've never
  hated anyone as much as X", "nothing is worse than X"; the group ends the clause: not "... than X being bullied",
  "... than the way X are treated", "nothing i love more than X").
* ``withheld_good``: a good denied to the group in words the lexicon lacks ("X lives don't matter", "X have nothing
  to offer", "X can't do anything right", "i have never met any X who were nice"; not "X don't matter to this
  government", "X have nothing to fear").
* ``dismissed``: a dismissive question ("what is it with X?", "who even likes X?", "why does anyone care about X?",
  the group ending the question) or a wish that the group vanish ("X should just disappear", "why can't X just
  vanish?"; not "X disappear from the statistics").
* ``predicate_word``: a negative predicate word the lexicon lacks, after the group as subject ("X are the worst",
  "X are so annoying", "aren't X just the worst?"; not "X were the worst affected", "the worst part is how X ...").
"""

from __future__ import annotations

from storytrace.comments._rules_groups import _group_is_head
from storytrace.comments._rules_shared import _BODILY, _EMOTION_NOUNS, _REGARD_BRIDGE, _REVULSION_BY
from storytrace.comments._tokens import _bridged, _phrase_at, _phrase_before, seq_at

# what may stand before a group that is the subject of its clause ("honestly X annoy me", "why are X so annoying",
# "is it just me or are X annoying"); any other word (a verb, a preposition, "who") makes it someone's object
_SUBJECT_LEADS = frozenset(["all", "these", "those", "the", "most", "many", "so", "and", "honestly", "frankly",
                            "seriously", "literally", "just", "i", "think", "swear", "tbh", "like", "really", "why",
                            "do", "does", "are", "aren't", "arent", "r", "or", "god", "ugh", "man", "jeez", "yeah",
                            "well", "ok", "okay", "because", "cause", "cuz", "coz", "but", "also", "then", "now",
                            "lol", "mate", "guys", "you", "know"])
_BRIDGE = frozenset(["all", "just", "really", "honestly", "always", "seriously", "literally", "truly", "genuinely",
                     "simply", "only", "still", "so", "do", "does", "absolutely", "totally", "completely", "fucking",
                     "damn", "bloody", "constantly", "utterly", "even"])
_DETS = frozenset(["the", "these", "those", "all", "any", "of", "some", "such"])

# --- felt_hate -------------------------------------------------------------------------------------------------------
_FELT_VERBS = frozenset(["annoy", "infuriate", "irritate", "anger", "enrage", "sicken", "nauseate", "appal",
                         "appall", "horrify", "repel", "aggravate", "exasperate", "madden", "bother", "creep"])
_FELT_VERBS_S = frozenset(v + ("es" if v.endswith("h") else "s") for v in _FELT_VERBS) | {"horrifies"}
_ME = frozenset(["me", "us"])
_OUT_OF_ME = (("the", "hell", "out", "of"), ("the", "shit", "out", "of"), ("the", "fuck", "out", "of"),
              ("the", "crap", "out", "of"), ("the", "life", "out", "of"))
_NERVES = (("get", "on", "my", "nerves"), ("gets", "on", "my", "nerves"), ("drive", "me", "crazy"),
           ("drives", "me", "crazy"), ("drive", "me", "mad"), ("drives", "me", "mad"), ("drive", "me", "insane"),
           ("drives", "me", "insane"), ("drive", "me", "up", "the", "wall"), ("drives", "me", "up", "the", "wall"),
           ("give", "me", "the", "creeps"), ("gives", "me", "the", "creeps"))  # session 28: the creeps
_MADE_FILL = frozenset(["so", "really", "very", "feel", "fucking", "just", "extremely", "incredibly", "absolutely",
                        "want", "wanna", "to", "wanting", "physically", "fuming", "utterly", "damn", "bloody"])
_FEELINGS = frozenset(["angry", "furious", "mad", "livid", "irate", "enraged", "sick", "ill", "nauseous", "queasy",
                       "scream", "puke", "vomit", "gag", "retch", "cringe", "rage", "annoyed", "irritated",
                       "disgusted", "throw", "hurl", "spew", "seethe", "fuming", "uncomfortable", "uneasy"])
_SIGHT = (("thinking", "about"), ("thinking", "of"), ("dealing", "with"), ("talking", "to"), ("working", "with"),
          ("being", "with"), ("hearing", "from"), ("listening", "to"))
_ANGRY = frozenset(["angry", "furious", "mad", "livid", "irate", "annoyed", "irritated", "enraged", "pissed",
                    "infuriated", "exasperated", "cross"])
_AT = frozenset(["at", "with", "by"])
_OWNERS = frozenset(["i", "i'm", "im", "i've", "ive", "we", "we're", "am"])
_CANNOT = (("can't", "bear"), ("cannot", "bear"), ("can", "not", "bear"), ("cant", "bear"), ("can't", "abide"),
           ("cannot", "abide"), ("cant", "abide"), ("could", "never", "bear"), ("can", "never", "bear"))
_FEEL_NOUNS = frozenset(["hate", "hatred", "anger", "loathing", "disgust", "contempt", "revulsion", "disdain",
                         "scorn", "animosity", "rage", "resentment", "venom", "hostility"])
_FEEL_FILL = frozenset(["pure", "just", "only", "nothing", "but", "utter", "complete", "total", "absolute", "deep",
                        "sheer", "raw"])
# a superlative of hate: a negative quantifier, then an emotion word, then "than X" / "as much as X"
_QUANTIFIERS = frozenset(["nothing", "nobody", "noone", "none", "never"])
_SUPERLATIVE_WORDS = _FELT_VERBS_S | _FELT_VERBS | frozenset([
    "hate", "hates", "despise", "despises", "loathe", "loathes", "detest", "detests", "abhor", "abhors", "dislike",
    "dislikes", "stand", "hated", "loathed", "despised", "detested", "disliked", "worse", "angrier", "madder", "annoying", "irritating",
    "disgusting", "disgusts", "nerves", "sicker", "repulsive", "infuriating"])
_CLAUSE_TAIL = frozenset(["ever", "combined", "together", "honestly", "lol", "tbh", "seriously", "period", "do",
                          "does"])
_LIKE_FELT = frozenset(["boil", "boils", "boiling", "crawling", "crawl", "crawls", "sick", "angry", "angrier", "mad", "furious", "annoys",
                        "annoy", "disgusts", "disgust", "irritates", "infuriates", "enrages", "sickens"])


def _goes_on(toks: list[str], clause: list[int], gi: int, end: int) -> bool:
    """The group's clause goes on after the group ("X: nothing to offer? ..." ends it at the colon)."""
    return end < len(toks) and clause[end] == clause[gi]


def _lead_ok(toks: list[str], clause: list[int], gi: int, leads: frozenset[str] | None = None) -> bool:
    """The group at ``gi`` opens its clause or follows only a lead word (by default a subject lead: "honestly X
    ...", "why are X ...")."""
    return gi == 0 or clause[gi - 1] != clause[gi] or toks[gi - 1] in (_SUBJECT_LEADS if leads is None else leads)


def _skip(toks: list[str], clause: list[int], k: int, words: frozenset[str], most: int = 3) -> int:
    """The first index from ``k`` (in ``k``'s clause) that is not one of ``words``, at most ``most`` words on."""
    n = len(toks)
    start = k
    while k < n and k - start < most and clause[k] == clause[start] and toks[k] in words:
        k += 1
    return k


def _sight_at(toks: list[str], m: int) -> int:
    """Words from ``m`` of a gerund of sight, nearness or dealing ("seeing", "thinking about"), 0 if none."""
    return seq_at(toks, m, _SIGHT) or _sight_of_at(toks, m)


def _felt_by_group(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of what the group does to the commenter's temper ("X annoy me", "X make me so mad", "X get on my
    nerves"), the group its subject (or a gerund of sight its subject: "seeing X makes me furious"); -1 if none."""
    n = len(toks)
    if not _goes_on(toks, clause, gi, end):
        return -1
    k = _skip(toks, clause, end, _BRIDGE)
    if k >= n or clause[k] != clause[gi] or any(neg[end:k]):
        return -1  # "X don't annoy me"
    plural = toks[k] in _FELT_VERBS or toks[k] in ("make", "get", "drive", "give")
    if plural and not _lead_ok(toks, clause, gi):
        return -1  # "people who harass X annoy me": the group is their object
    if not plural and not _phrase_before(toks, 0, gi, _sight_at, _DETS):
        return -1  # "seeing X makes me furious": the gerund is the subject
    verb = toks[k] in _FELT_VERBS or toks[k] in _FELT_VERBS_S
    if verb and k + 1 < n and (toks[k + 1] in _ME or seq_at(toks, k + 1, _OUT_OF_ME)):
        return k
    if seq_at(toks, k, _NERVES):
        return k
    if toks[k] in ("make", "makes") and k + 1 < n and toks[k + 1] in _ME:
        m = _skip(toks, clause, k + 2, _MADE_FILL, most=4)
        if m < n and toks[m] in _FEELINGS:
            return k
    return -1


def _felt_owned(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the commenter's own anger or aversion aimed at the group ("i'm so angry at X", "i can't bear X"),
    only determiners between it and the group, the group its head noun; -1 if none."""
    if not _group_is_head(toks, clause, gi, end, set()):
        return -1
    for j in range(max(0, gi - 6), gi):
        if clause[j] != clause[gi]:
            continue
        size = seq_at(toks, j, _CANNOT)
        if not size and toks[j] in _ANGRY:
            size = 1 + (toks[j + 1] == "off")
            size = size + 1 if j + size < gi and toks[j + size] in _AT else 0
        if not size or not all(t in _DETS for t in toks[j + size : gi]) or gi - j - size > 2:
            continue
        before = [k for k in range(max(0, j - 4), j) if clause[k] == clause[j]]
        if any(toks[k] in _OWNERS for k in before) and not (toks[j] in _ANGRY and any(neg[k] for k in before)):
            return j
    return -1


def _felt_for(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"all i feel for X is hate": index of the emotion noun after the group; -1 if none."""
    n = len(toks)
    if gi < 3 or toks[gi - 1] not in ("for", "towards", "toward") or toks[gi - 2] not in ("feel", "have", "got"):
        return -1
    if not _OWNERS & set(toks[max(0, gi - 5) : gi - 2]):
        return -1
    if not _goes_on(toks, clause, gi, end) or toks[end] not in ("is", "was"):
        return -1
    m = _skip(toks, clause, end + 1, _FEEL_FILL)
    if m < n and toks[m] in _FEEL_NOUNS and not any(neg[end:m]):
        return m
    return -1


def _superlative(toks: list[str], clause: list[int], gi: int, end: int) -> int:
    """"nothing i hate more than X", "i've never hated anyone as much as X": index of the emotion word; -1 if none.
    The negative quantifier makes the emotion extreme, it does not deny it; the group ends the clause."""
    n = len(toks)
    if end < n and clause[end] == clause[gi] and toks[end] not in _CLAUSE_TAIL:
        return -1  # "... than X being bullied", "... than X who ..."
    t = gi - 1
    while t >= 0 and toks[t] in _DETS and gi - t <= 2:
        t -= 1
    if t < 1 or not (toks[t] == "than" or toks[t - 2 : t + 1] == ["as", "much", "as"] or toks[t] == "like"):
        return -1  # session 28: "nothing makes my blood boil (quite) like X (do)"
    window = [k for k in range(max(0, t - 10), t) if clause[k] == clause[gi]]
    if not any(toks[k] in _QUANTIFIERS or toks[k : k + 2] == ["no", "one"] for k in window):
        return -1
    words = _LIKE_FELT if toks[t] == "like" else _SUPERLATIVE_WORDS  # "nothing is quite like X" says nothing
    return next((k for k in window if toks[k] in words), -1)


# --- felt whenever the group appears (session 28): "my skin crawls whenever X walk past", "every time i see X i
# feel sick"; the group right after the time word (maybe after "i see"), acting or seen, not suffering ("... when X
# are attacked", "... when X suffer" feel for them)
_WHEN = (("whenever",), ("when",), ("every", "time"), ("each", "time"), ("anytime",), ("any", "time"))
_WHEN_BRIDGE = frozenset(["i", "we", "see", "meet", "notice", "spot", "hear", "think", "of", "the", "those", "these",
                          "some", "any", "a", "few", "there", "are", "is", "get", "near", "around", "have", "to",
                          "deal", "with", "look", "at", "about"])
_SUFFERING = frozenset(["are", "is", "were", "was", "being", "be", "get", "gets", "got", "getting", "suffer", "die",
                        "cry", "struggle", "starve", "drown", "have", "lose", "who", "that", "'s", "s"])
_BODY_FELT = (("my", "skin", "crawls"), ("my", "skin", "crawl"), ("my", "blood", "boils"), ("my", "blood", "boil"),
              ("my", "stomach", "turns"), ("my", "stomach", "churns"))
_FEEL_VERBS = frozenset(["feel", "get", "am", "i'm", "im", "want", "wanna", "start"])
_FELT_FILL = _MADE_FILL | _FEEL_FILL | frozenset(["to", "like", "physically", "a", "kind", "of", "such"])


def _felt_sentence(toks: list[str], neg: list[bool], lo: int, hi: int) -> int:
    """Index of the commenter's feeling in ``lo`` .. ``hi`` ("my skin crawls", "i feel sick", "i feel pure
    hatred", "i want to throw up"), not negated; -1 if none."""
    for k in range(lo, hi):
        if seq_at(toks, k, _BODY_FELT):
            return k if not any(neg[max(lo, k - 3) : k + 3]) else -1
        if toks[k] in _FEEL_VERBS and k > 0 and toks[k - 1] in _OWNERS | {"i"} | {"to"} or toks[k] in ("i'm", "im"):
            m = _skip(toks, [0] * len(toks), k + 1, _FELT_FILL, most=4)
            if m < hi and (toks[m] in _FEELINGS or toks[m] in _FEEL_NOUNS) and not any(neg[max(lo, k - 3) : m]):
                return m
    return -1


def _felt_whenever(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"my skin crawls whenever X walk past", "every time i see X i feel sick": index of the feeling; -1 if none."""
    n = len(toks)
    if end < n and (toks[end] in _SUFFERING or toks[end].endswith("ed")):
        return -1  # "... whenever i see X mistreated"
    lead = next((j for j in range(max(0, gi - 6), gi) if (size := seq_at(toks, j, _WHEN))
                 and _bridged(toks, j + size, gi, _WHEN_BRIDGE, most=4)), -1)
    if lead < 0:
        return -1
    before = [k for k in range(max(0, lead - 10), lead) if clause[k] in (clause[lead], clause[lead] - 1)]
    after = [k for k in range(end, min(n, end + 12)) if clause[k] in (clause[gi], clause[gi] + 1)]
    for span in (before, after):
        if span and (f := _felt_sentence(toks, neg, span[0], span[-1] + 1)) >= 0:
            return f
    return -1


def felt_hate(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> list[int]:
    """Evidence words of an emotion at the group (see the module docstring)."""
    found = [_felt_by_group(toks, neg, clause, gi, end), _felt_owned(toks, neg, clause, gi, end),
             _felt_for(toks, neg, clause, gi, end), _superlative(toks, clause, gi, end),
             _felt_whenever(toks, neg, clause, gi, end)]
    return [j for j in found if j >= 0]


# --- withheld_good ---------------------------------------------------------------------------------------------------
# negation words with the auxiliaries and adverbs that may sit among them ("don't really"): a set of its own, not
# ``_tokens._NEGATION``
_NOT = frozenset(["not", "no", "never", "isn't", "aren't", "don't", "doesn't", "shouldn't", "won't", "can't",
                  "cannot", "cant", "dont", "doesnt", "arent", "wont", "wouldn't", "didn't", "didnt", "do", "does",
                  "really", "even", "just", "simply"])
_MATTER_TAIL = frozenset(["at", "all", "anymore", "one", "bit", "whatsoever", "either", "lol", "period"])
_HAVE = frozenset(["all", "just", "really", "literally", "absolutely", "truly", "simply", "have", "has", "got",
                   "honestly", "clearly", "obviously"])
_NOTHING_TO = frozenset(["offer", "contribute", "give", "add"])
_GIVERS = frozenset(["contribute", "contributes", "add", "adds", "offer", "offers", "bring", "brings"])
_MET = frozenset(["met", "seen", "known", "encountered", "meet", "see", "know"])
_MET_INTENSE = frozenset(["actually", "really", "genuinely", "even", "remotely", "at", "all"])  # "who was even ..."
_PERSON_DETS = frozenset(["any", "a", "an", "one", "single"])
_KIND_WORDS = frozenset(["nice", "kind", "decent", "good", "honest", "friendly", "pleasant", "polite", "smart",
                         "intelligent", "trustworthy", "clean", "normal", "likeable", "likable", "worth", "useful"])


def _lives_matter(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"X (lives) don't matter (at all)": index of "matter"; -1 if none. Not "X don't matter to this government"."""
    n = len(toks)
    k = end + (end < n and toks[end] == "lives")
    m = _skip(toks, clause, k, _NOT, most=3)
    if m >= n or toks[m] not in ("matter", "count") or not any(neg[k:m]):
        return -1
    tail = m + 1
    if tail < n and clause[tail] == clause[m] and toks[tail] not in _MATTER_TAIL:
        return -1
    return m


def _nothing_to_offer(toks: list[str], clause: list[int], end: int) -> int:
    """"X have nothing to offer", "X contribute nothing": index of "nothing"; -1 if none."""
    n = len(toks)
    k = _skip(toks, clause, end, _HAVE)
    if k + 2 < n and toks[k] == "nothing" and toks[k + 1] == "to" and toks[k + 2] in _NOTHING_TO:
        return k
    if k + 1 < n and toks[k] in _GIVERS and toks[k + 1] == "nothing":
        return k + 1
    return -1


_NOT_RIGHT = (_BRIDGE | _NOT | {"can", "could", "ever"}) - {"do", "does"}  # stops at "do anything right"


def _nothing_right(toks: list[str], neg: list[bool], clause: list[int], end: int) -> int:
    """"X can't do anything right": index of "anything"; -1 if none."""
    n = len(toks)
    k = _skip(toks, clause, end, _NOT_RIGHT, most=3)
    if k + 2 < n and toks[k] in ("do", "get") and toks[k + 1] == "anything" and \
            toks[k + 2] in ("right", "properly", "well") and any(neg[end:k]):
        return k + 1
    return -1


def _never_met_kind(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"i have never met any X who were nice": index of the good word; -1 if none."""
    n = len(toks)
    j = gi - 1
    while j >= 0 and toks[j] in _PERSON_DETS and gi - j <= 2:
        j -= 1
    if j < 1 or toks[j] not in _MET or not any(neg[k] for k in range(max(0, j - 3), j) if clause[k] == clause[j]):
        return -1
    if end + 2 >= n or toks[end] not in ("who", "that") or toks[end + 1] not in ("were", "was", "are", "is"):
        return -1
    m = _skip(toks, clause, end + 2, _MET_INTENSE)
    return m if m < n and toks[m] in _KIND_WORDS else -1


def withheld_good(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> list[int]:
    """Evidence words of a good denied to the group (see the module docstring)."""
    if not _goes_on(toks, clause, gi, end):
        return []
    found = [_never_met_kind(toks, neg, clause, gi, end)]
    if _lead_ok(toks, clause, gi):
        found += [_lives_matter(toks, neg, clause, gi, end), _nothing_to_offer(toks, clause, end),
                  _nothing_right(toks, neg, clause, end)]
    return [j for j in found if j >= 0]


# --- dismissed -------------------------------------------------------------------------------------------------------
_WHAT_WITH = (("what", "is", "it", "with"), ("what's", "it", "with"), ("whats", "it", "with"))
_WHO_INTENSE = frozenset(["even", "actually", "really", "honestly", "seriously", "would", "tf"])
_WHY_INTENSE = frozenset(["even", "really", "actually", "still"])
_WHO_VERBS = (("want", "to", "be", "around"), ("want", "to", "be", "near"), ("wants", "to", "be", "around"),
              ("likes",), ("like",), ("wants",), ("want",), ("needs",), ("need",), ("cares", "about"),
              ("care", "about"), ("trusts",), ("trust",), ("listens", "to"), ("listen", "to"), ("respects",),
              ("respect",))  # longest first: seq_at takes the first that matches
_WHY_ASK = (("why", "does", "anyone"), ("why", "does", "anybody"), ("why", "would", "anyone"),
            ("why", "would", "anybody"), ("why", "should", "anyone"), ("why", "should", "anybody"),
            ("why", "should", "we"), ("why", "do", "we"), ("why", "does", "everyone"))
_QUESTION_TAIL = frozenset(["around", "here", "anyway", "anyways", "seriously", "honestly", "lol", "tbh", "anymore",
                            "at", "all", "in", "their", "life", "near", "them", "even", "so", "much"])
_GONE = (("disappear",), ("vanish",), ("go", "away"), ("cease", "to", "exist"), ("stop", "existing"),
         ("evaporate",), ("be", "gone"))
_GONE_BRIDGE = frozenset(["would", "will", "should", "must", "need", "needs", "to", "just", "all", "simply", "finally",
                          "can't", "cannot", "cant", "please", "already", "could", "ought", "better", "i", "wish"])
_WISHING = frozenset(["would", "should", "must", "need", "needs", "to", "ought", "better", "wish"])
_GONE_LEADS = _SUBJECT_LEADS | frozenset(["wish", "want", "hope", "let", "make", "can't", "cant", "cannot", "if"])


def _question_ends(toks: list[str], clause: list[int], end: int) -> bool:
    n = len(toks)
    k = _skip(toks, clause, end, _QUESTION_TAIL, most=3)
    return k >= n or clause[k] != clause[end - 1]


def _asked_dismissal(toks: list[str], clause: list[int], gi: int, end: int) -> int:
    """"what is it with X?", "who even likes X?", "why does anyone care about X?": index of the question word."""
    if not _question_ends(toks, clause, end):
        return -1
    t = gi
    while t > 0 and toks[t - 1] in _DETS and gi - t < 2:
        t -= 1
    for j in range(max(0, t - 8), t):
        if clause[j] != clause[gi]:
            continue
        size = seq_at(toks, j, _WHAT_WITH)
        if size and j + size == t:
            return j
        if toks[j] == "who":
            k = _skip(toks, clause, j + 1, _WHO_INTENSE, most=2)
            if k > j + 1 and (verb := seq_at(toks, k, _WHO_VERBS)) and k + verb == t:
                return j
        size = seq_at(toks, j, _WHY_ASK)
        if size:
            k = _skip(toks, clause, j + size, _WHY_INTENSE, most=2)
            if (verb := seq_at(toks, k, _WHO_VERBS)) and k + verb == t:
                return j
    return -1


def _wished_gone(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"X should just disappear", "i wish X would vanish", "why can't X just go away?": index of the verb."""
    n = len(toks)
    if not _goes_on(toks, clause, gi, end):
        return -1
    if not _lead_ok(toks, clause, gi, _GONE_LEADS):
        return -1  # "people who hate X should just disappear": said of the haters
    k = _skip(toks, clause, end, _GONE_BRIDGE, most=4)
    if k >= n or not seq_at(toks, k, _GONE) or any(neg[end:k]) and not {"can't", "cannot", "cant"} & set(toks[end:k]):
        return -1
    bridge = set(toks[end:k]) | set(toks[max(0, gi - 3) : gi])
    if {"can't", "cannot", "cant"} & bridge:
        return k if "why" in toks[max(0, gi - 4) : gi] else -1
    return k if _WISHING & bridge else -1


def dismissed(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int, asked: bool) -> list[int]:
    """Evidence words of a dismissive question or a wish that the group vanish (see the module docstring)."""
    found = [_wished_gone(toks, neg, clause, gi, end)]
    if asked:
        found.append(_asked_dismissal(toks, clause, gi, end))
    return [j for j in found if j >= 0]


# --- predicate_word --------------------------------------------------------------------------------------------------
_PREDICATES = frozenset(["annoying", "irritating", "repugnant", "insufferable", "unbearable", "obnoxious",
                         "intolerable", "tiresome", "loathsome", "abhorrent", "odious", "detestable", "repellent",
                         "infuriating", "exasperating", "nuisance", "worst", "pain"])
_LINK = frozenset(["are", "is", "were", "r", "so", "really", "just", "such", "the", "a", "all", "truly", "incredibly",
                   "very", "always", "absolutely", "totally", "fucking", "damn", "too", "extremely", "simply",
                   "honestly", "literally", "quite", "pretty", "utterly", "most", "an", "bloody", "seriously"])
_WORST_AFTER = frozenset(["people", "humans", "kind", "sort", "type", "thing", "things", "ever", "of", "creatures",
                          "lot", "bunch", "group"])


def predicate_word(toks: list[str], clause: list[int], gi: int, end: int, j: int) -> int:
    """1 when the word at ``j`` is a negative predicate word the lexicon lacks, said of the group at ``gi`` ..
    ``end`` as subject with only linking words between ("X are the worst", "aren't X just the worst?"); else 0."""
    n = len(toks)
    if j < end or toks[j] not in _PREDICATES or not _lead_ok(toks, clause, gi):
        return 0
    if not all(t in _LINK for t in toks[end:j]) or j - end > 5:
        return 0
    if toks[j] == "worst":
        after_ok = j + 1 >= n or clause[j + 1] != clause[j] or toks[j + 1] in _WORST_AFTER
        return int(toks[j - 1] == "the" and after_ok)  # not "the worst affected", "the worst off"
    if toks[j] in ("pain", "nuisance"):
        return int(toks[j - 1] in ("a", "such"))
    return 1


def readings(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int, asked: bool) -> list[int]:
    """Evidence words of ``felt_hate``, ``withheld_good`` and ``dismissed`` for the group at ``gi`` .. ``end``."""
    return felt_hate(toks, neg, clause, gi, end) + withheld_good(toks, neg, clause, gi, end) + \
        dismissed(toks, neg, clause, gi, end, asked)


_EMOTION_OBJECT = frozenset(["for", "towards", "toward"])


# before a group that is the subject's object: "just looking at X makes me want to puke", "being around X ..."
_SIGHT_OF = frozenset(["looking at", "being near", "being around", "seeing", "the sight of", "sight of",
                       "hearing", "living near", "living next to", "sitting next to", "standing next to"])


# between the group and what it does to the commenter: "X honestly make my skin crawl"
_SUBJECT_BRIDGE = frozenset(["all", "just", "really", "honestly", "always", "seriously", "literally", "truly",
                             "genuinely", "simply", "only", "still", "so", "do", "everywhere", "here", "now"])


_EMOTION_INTENSIFIERS = frozenset(["so", "much", "such", "pure", "only", "total", "utter", "nothing", "but",
                                   "absolute", "deep", "complete", "just", "real", "sheer", "a", "lot", "of"])


_OWNER = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "id", "my", "me", "we", "we're", "our", "am"])


def _emotion_at(toks: list[str], j: int, gi: int, clause: list[int] | None = None) -> int:
    """Words from ``j`` that aim the commenter's emotion at the group at ``gi`` ("disgust for", "hatred in my heart
    for", "sickened by"), the group right after them or after at most two determiners ("for all these X"). The
    emotion is the commenter's: a first person before it in its clause ("i feel nothing but disgust for", "my
    contempt for", "i'm sickened by"), or it opens the clause ("nothing but loathing for X"); not "his disgust for
    X", "there is so much disgust for X online". Their number, 0 if none."""
    size = _phrase_at(toks, j, _REVULSION_BY)
    if not size and toks[j] in _EMOTION_NOUNS:
        size = next((k + 1 - j for k in range(j + 1, min(gi, j + 6)) if toks[k] in _EMOTION_OBJECT), 0)
    if not size or not _bridged(toks, j + size, gi, _REGARD_BRIDGE, most=2):
        return 0
    k = j - 1
    while k >= 0 and toks[k] in _EMOTION_INTENSIFIERS and (clause is None or clause[k] == clause[j]):
        k -= 1
    if k < 0 or clause is not None and clause[k] != clause[j]:
        return size  # the emotion opens the clause
    start = k
    while start > 0 and (clause is None or clause[start - 1] == clause[j]):
        start -= 1
    return size if _OWNER & set(toks[start:j]) and toks[k] not in ("his", "her", "their", "the", "its", "your") else 0


def _bodily(toks: list[str], lo: int, gi: int, end: int, hi: int) -> int:
    """Index of what the group at ``gi`` .. ``end`` does to the commenter's body or temper ("X make my skin crawl",
    "being near X makes me nauseous"): the phrase after the group, only adverbs between; with a gerund of sight or
    nearness before the group, the gerund is the subject. -1 if none."""
    k = end
    while k < hi and k - end < 3 and toks[k] in _SUBJECT_BRIDGE:
        k += 1
    if k >= hi or not _phrase_at(toks, k, _BODILY):
        return -1
    if toks[k] in ("make", "turn", "fill"):  # a plural verb: the group is its subject
        return k
    return k if _phrase_before(toks, lo, gi, _sight_of_at, _REGARD_BRIDGE) else -1


def _sight_of_at(toks: list[str], m: int) -> int:
    """Words from ``m`` of a gerund of sight or nearness ("seeing", "being near"), 0 if none."""
    return _phrase_at(toks, m, _SIGHT_OF)
