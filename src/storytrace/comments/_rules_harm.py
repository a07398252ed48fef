"""Harm and exclusion aimed at a named group for ``_rules._attacks``: harm wished, ordered, cursed or
eliminated ("hope X suffer", "kill all X", "X can rot", "a world without X"), harm approved or judged acceptable,
goods and standing denied ("X don't deserve rights"), and the readings that take it back: a harm reported as
someone else's threat, lamented, asked about as a toll, or a group protected from it.
"""

from __future__ import annotations

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_questions import _asked_of_others
from storytrace.comments._rules_reported import _attempt_told
from storytrace.comments._rules_shared import (
    _ADMIT,
    _CHAIN,
    _CONDEMNING,
    _CURSED,
    _CURSES,
    _DETERMINERS,
    _ELIMINATED,
    _ENDORSED,
    _ERASED,
    _ERASED_ALONE,
    _GROUP_NOUNS,
    _HARM_BRIDGE,
    _HARMS_DONE,
    _HEDGES,
    _INTENT,
    _NO_STANDING,
    _ORDERED_HARM,
    _PLACES,
    _REGARD_BRIDGE,
    _RELATIVES,
    _STOP,
    _WISHED_HARM,
    _WISHES,
)
from storytrace.comments._rules_threats import _intended
from storytrace.comments._tokens import _bridged, _phrase_at

# calls to keep a group out, before it: "stop letting X in"
# session 22 (hate5): blows the lexicon's passives lack ("X deserve to be punched"); read like its "beaten"
_MORE_HARM_PASSIVE = frozenset(["punched", "slapped", "kicked", "smacked", "beaten up", "stabbed", "strangled",
                                "bashed", "battered", "whipped", "flogged", "stoned", "set on fire"])


def _deserved_blow(toks: list[str], lo: int, gi: int, j: int) -> int:
    """Words from ``j`` naming a blow the lexicon's passives lack, after the group and after an intent within three
    words ("X deserve to be punched", "X should be kicked"); not "the landlord kicked the X out", "X get punched"."""
    size = _phrase_at(toks, j, _MORE_HARM_PASSIVE) if j > gi else 0
    return size if size and any(t in _INTENT for t in toks[max(lo, j - 3) : j]) else 0
# ... only to be, stay or live somewhere, or said by itself: not "X have no right to bomb hospitals"
_STANDING_TO = frozenset(["be", "live", "stay", "exist", "remain", "come", "enter", "settle", "vote", "breed", "set",
                          "step", "move", "claim", "work", "call"])
# between a group and the harm wished on it: "hope every X in this country dies slowly"
_WISH_BRIDGE = frozenset(["to", "get", "all", "would", "will", "just", "finally", "slowly", "be", "can", "could", "in",
                          "this", "the", "my", "our", "country", "town", "city", "world", "here", "protesting",
                          "outside", "every", "day", "person", "people", "folk", "folks"])
# (session 19, helper hate2) between an ordered harm and the group, words that pick its victims ("hunt some X", "knock
# out the first X i see", "run down a couple of X"): determiners here, not a count of victims reported
_ORDERED_BRIDGE = frozenset(["some", "few", "couple", "first", "many", "as", "random", "two", "three", "more"])
# what the threat does to the group, after it: "... they're dead", "... in a body bag", "teach X a lesson"
_DOOM = frozenset(["they're dead", "theyre dead", "they are dead", "dead meat",
                   "in a body bag", "in the ground", "in the hospital", "watch their backs", "watch their back",
                   "coming for them", "a bullet", "the shotgun", "a rope", "won't live", "wont live",
                   "will not live", "what's coming", "whats coming"])
# "teach" and "line" harm only with their tail ("teach X a lesson", "line X up against a wall")
_NEEDS_TAIL = frozenset(["teach", "line"])
_TAILS = frozenset(["a lesson", "up against a wall", "against a wall", "against the wall"])
# ... and the words that make such an absence a wish: "the world would be better without X"
_DESIRED = frozenset(["better", "best", "dream", "paradise", "wish", "hope", "ideal", "perfect", "cleaner", "nicer",
                      "safer", "happier", "heaven", "utopia", "pray", "great", "greater", "improve", "improved"])
# a harm reported as someone else's threat: "the man who threatened to kill X", "people saying they hope X burn"
_REPORT_FRAMES = frozenset(["threatened to", "threatening to", "threatens to", "calling for", "called for",
                            "calls for", "said", "saying", "says", "say", "shouted", "shouting", "posted", "posting",
                            "wrote", "writing", "chanted", "chanting", "yelled", "yelling", "tweeted", "tweeting",
                            "heard", "told", "telling"])
# a group protected: "X should be safe", "we need to protect X"
_SAFE = frozenset(["should be safe", "deserve to be safe", "deserve to feel safe", "should feel safe",
                   "deserve to live without", "deserve to live in peace",
                   "deserve protection", "must be protected", "should be protected",
                   "need protecting", "to live in fear"])
_PROTECT = frozenset(["protect", "protecting", "defend", "defending", "stand up for", "stand with", "support"])
_AGENTS = frozenset(["who", "that", "people", "anyone", "those", "bigots", "thugs", "racists", "men", "gangs",
                     "whoever", "someone", "somebody", "guys", "cops", "police"])


def _harm_phrases(lex: Lexicon) -> frozenset[str]:
    """Exclusions, threats and harms done to a group, the lexicon's and the blows it lacks, once per lexicon."""
    if "harm" not in lex.derived:
        lex.derived["harm"] = lex.exclusion_passive | lex.threat_verbs | lex.harm_passive | _MORE_HARM_PASSIVE
    return lex.derived["harm"]


def _no_standing(toks: list[str], clause: list[int], j: int) -> int:
    """Length of a denial of standing at ``j`` ("X have no right to be here", "X deserve no rights", "X have no
    rights."), 0 if none or if the right denied is to do something ("have no right to lecture us")."""
    size = _phrase_at(toks, j, _NO_STANDING)
    k = j + size
    if not size or toks[j] == "deserve" or k >= len(toks) or clause[k] != clause[j] or toks[k] in _PLACES:
        return size
    return size if toks[k] == "to" and toks[k + 1 : k + 2] and toks[k + 1] in _STANDING_TO else 0


def _wished_harm(toks: list[str], neg: list[bool], gi: int, lo: int, hi: int) -> int:
    """Index of a harm wished on the group at ``gi`` ("hope X burn", "I'd happily watch X suffer", "may every X
    choke"): a wish word up to four words before the group, not negated, and the harm up to five words after it,
    not followed by an object of its own ("watch X burn their flags": the group acts). -1 if none."""
    wish = [w for w in range(max(lo, gi - 4), gi) if toks[w] in _WISHES and not any(neg[max(0, w - 3) : w])]
    if not wish:
        return -1
    for m in range(gi + 1, min(hi, gi + 6)):
        size = _phrase_at(toks, m, _WISHED_HARM)
        between = toks[gi + 1 : m]
        placed = between[:1] in (["in"], ["at"], ["from"], ["near"]) and len(between) <= 4  # "X in that town burn"
        if size and (placed or _bridged(toks, gi + 1, m, _WISH_BRIDGE)) and not (
                m + size < len(toks) and toks[m + size] in _DETERMINERS):
            return m
    return -1
# (session 19) a negative quantifier on the group negates what is said of it: "no X can be trusted", "not a single X
# is decent", "none of these X are worth saving" (and denies a hostile word: "none of these X are criminals")
_QUANTIFIER_LEADS = (("no",), ("not", "a", "single"), ("not", "one"), ("not", "a"), ("no", "single"),
                     ("none", "of", "the"), ("none", "of", "these"), ("none", "of", "those"), ("none", "of"),
                     ("not", "one", "single"), ("not", "even", "one"))
# good things a group is denied by a negated "deserve" or "should have": "X don't deserve rights", "i don't think X
# should have any rights"
_GOODS = frozenset(["rights", "right", "respect", "vote", "voice", "dignity", "equality", "freedom", "kindness",
                    "sympathy", "compassion", "help", "support", "love", "live", "place", "chance", "benefits",
                    "jobs", "citizenship", "equals", "equal", "seat", "say", "home", "protection", "welfare",
                    "healthcare", "mercy", "pity"])
# (session 19, helper hate2) harm denied to a whole group: a negative quantifier on the group reaches a harm after it
# over modal and "deserve" words ("no X should ever be attacked", "not one X deserves to be shot", "none of those X
# deserved to die"); a harm gerund judged unacceptable after the group ("attacking X is never ok", "deporting X is
# wrong")
_DENIED_HARM_BRIDGE = _CHAIN | _GROUP_NOUNS | frozenset(["have", "has", "had", "fear", "even", "really", "ever",
                                                         "get", "got", "family", "families", "man", "woman", "child",
                                                         "children", "kid", "kids", "student", "students"])
_ACCEPTABLE = frozenset(["ok", "okay", "acceptable", "justified", "justifiable", "excusable", "fine", "alright",
                         "right", "the answer", "a solution", "the solution", "necessary", "a joke", "funny"])
_GERUND_SUBJECT_GAP = frozenset(["online", "in", "the", "street", "streets", "public", "here", "anywhere", "just",
                                 "because", "for", "who", "they", "are", "people"])


def _quantified_harm(toks: list[str], end: int, j: int) -> bool:
    """The harm at ``j`` follows a group ending at ``end`` over at most five modal or "deserve" words only ("should
    ever be", "deserves to be", "should have to fear being"): with a negative quantifier on the group, it is denied
    to every member ("no X should ever be attacked")."""
    return j >= end and _bridged(toks, end, j, _DENIED_HARM_BRIDGE, 5)


def _harm_judged(toks: list[str], neg: list[bool], clause: list[int], j: int, gi: int, end: int) -> bool:
    """The harm gerund at ``j`` has the group at ``gi`` (ending at ``end``) as its object and is the subject of a
    copula after it that judges it unacceptable: negated acceptability ("attacking X is never ok", "... is not
    justified") or a condemning word not negated ("deporting X is wrong"). Not "killing X is fine by me"."""
    if j >= gi or not toks[j].endswith("ing") or gi - j > 4:
        return False
    for k in range(end, min(len(toks), end + 4)):
        if clause[k] != clause[gi]:
            return False
        if toks[k] in ("is", "was", "isn't", "isnt", "wasn't", "wasnt"):
            negated = neg[k] or any(neg[k + 1 : k + 3])
            return any((negated and _phrase_at(toks, m, _ACCEPTABLE)) or
                       (not negated and toks[m] in _CONDEMNING) for m in range(k + 1, min(len(toks), k + 4))
                       if clause[m] == clause[gi])
        if toks[k] not in _GERUND_SUBJECT_GAP:
            return False
    return False
# (session 19, lead) a harm the commenter laments: "it's sad that X still get attacked", "terrible that X are beaten"
_LAMENTS = frozenset(["sad that", "so sad that", "terrible that", "awful that", "horrible that", "tragic that",
                      "appalling that", "heartbreaking that", "sickening that", "disgraceful that", "wrong that",
                      "a shame that", "a disgrace that", "shameful that", "outrageous that", "scary that"])
_LAMENT_GAP = frozenset(["so", "many", "some", "our", "the", "innocent", "young", "still"])
_PASSIVE_BRIDGE = frozenset(["get", "got", "gets", "getting", "are", "is", "were", "was", "being", "been", "be",
                             "still", "so", "often", "constantly", "regularly", "always", "routinely", "just",
                             "randomly", "keep", "continue", "to"])
_IRREGULAR_PARTICIPLES = frozenset(["beaten", "shot", "hit", "hurt", "slain", "thrown", "driven", "stabbed", "spat"])
_APPROVAL_AFTER = frozenset(["deserve", "deserved", "deserves", "good", "finally", "glad", "happy", "lol", "haha"])


def _harm_lamented(toks: list[str], gi: int, end: int, j: int) -> bool:
    """The harm at ``j`` is a passive participle after the group (ending at ``end``), reached over auxiliaries and
    adverbs only, and a lament opens the clause before the group ("sad that X still get attacked"): the commenter
    grieves the harm, not wishes it. Not with approval after it ("... they deserve it")."""
    if j < end or not (toks[j].endswith("ed") or toks[j] in _IRREGULAR_PARTICIPLES):
        return False
    if not _bridged(toks, end, j, _PASSIVE_BRIDGE | _GROUP_NOUNS, 4) or _APPROVAL_AFTER & set(toks[j + 1 :]):
        return False
    return any((size := _phrase_at(toks, k, _LAMENTS)) and _bridged(toks, k + size, gi, _LAMENT_GAP, 2)
               for k in range(max(0, gi - 6), gi))
# (session 20, lead) a question counting victims laments the harm: "how many more X have to die (before we act)?"
_TOLL_BRIDGE = frozenset(["have", "has", "need", "needs", "must", "will", "are", "is", "going", "gonna", "got", "to",
                          "be", "get", "getting", "been", "still"])


def _toll_question(toks: list[str], gi: int, end: int, j: int) -> bool:
    """"how many more" opens the group's phrase and the harm at ``j`` follows the group over must / have-to words
    only: the commenter counts victims, not wishes. Not with approval after it ("... hopefully all of them")."""
    if j < end or not _bridged(toks, end, j, _TOLL_BRIDGE, 4) or _APPROVAL_AFTER & set(toks[j + 1 :]):
        return False
    return any(toks[k : k + 3] == ["how", "many", "more"] and _bridged(toks, k + 3, gi, _LAMENT_GAP, 2)
               for k in range(max(0, gi - 5), gi))
# (session 19, helper hate2) a "how" question asks why the negation holds, so it asserts the negated word: "how are X
# not criminals?", "how is it that X aren't all vermin", "how come X aren't called scum" (and "how are X not allowed
# to vote?" asks for the right, it does not deny it)
_HOW_BRIDGE = frozenset(["are", "is", "r", "it", "that", "come", "the", "these", "those", "all", "so", "many", "most",
                         "exactly", "on", "earth", "tf", "the", "hell", "else"])


def _how_question(toks: list[str], gi: int) -> bool:
    """"how" up to five words before the group at ``gi``, right before "are", "is" or "come", only question words
    between ("how are", "how is it that", "how come", "how on earth are")."""
    return any(toks[k] == "how" and toks[k + 1] in ("are", "is", "r", "come", "on", "tf", "the") and
               _bridged(toks, k + 1, gi, _HOW_BRIDGE, 4) for k in range(max(0, gi - 5), gi))


def _quantified(toks: list[str], gi: int) -> bool:
    """A negative quantifier ends right before the group at ``gi`` ("no X", "not a single X", "none of these X"), not
    after a word that makes "no" something else ("say no to X", "with no X", "no more X")."""
    for lead in _QUANTIFIER_LEADS:
        s = gi - len(lead)
        if s >= 0 and tuple(toks[s:gi]) == lead:
            return not (s > 0 and toks[s - 1] in ("with", "say", "said", "says", "zero", "and", "or"))
    return False


def _denied_goods(toks: list[str], neg: list[bool], j: int, belief_denied: bool, quant: bool = False) -> int:
    """Words from ``j`` that deny the group before it a good thing: a negated "deserve(s)" or "should have / get / be
    given" (or one under a denied belief: "i don't think X should have any rights") with a good within three words
    ("rights", "to vote", "respect"); not "should have to". Their number, 0 if none."""
    t = toks[j]
    if t in ("deserve", "deserves"):
        size = 1
    elif t in ("should", "shouldn't", "shouldnt") and toks[j + 1 : j + 2] in (["have"], ["get"], ["be"]) and \
            toks[j + 2 : j + 3] != ["to"]:
        size = 2
    else:
        return 0
    negated = (any(neg[max(0, j - 2) : j + 1]) or quant) != belief_denied  # quant: "no X deserves to live"
    return size if negated and _GOODS & set(toks[j + size : j + size + 3]) else 0


def _endorsed_after(toks: list[str], neg: list[bool], end: int) -> bool:
    """Right after a group that ends at ``end``, a copula and a word of agreement: the hate named before the group
    is endorsed ("people who hate X are right", "those who despise X are correct"; not "... are not right")."""
    k = end
    if k >= len(toks) or toks[k] not in ("are", "is", "were", "r", "have"):
        return False
    k += 1
    while k < len(toks) and k - end <= 3 and toks[k] in _HEDGES | {"so", "totally", "completely", "100%", "a"}:
        k += 1
    return k < len(toks) and (toks[k] in _ENDORSED or toks[k] == "point") and not any(neg[end : k])


def _hate_for_others(toks: list[str], start: int, gi: int) -> bool:
    """Between a hate verb's end at ``start`` and the group at ``gi``, a relative clause that does something to the
    group ("I can't stand people who attack X"); not one that says who they are ("people who are X")."""
    return any(toks[k] in _RELATIVES and toks[k + 1] not in _IDENTIFYING for k in range(start, gi - 1))
_IDENTIFYING = frozenset(["are", "is", "were", "was", "be", "identify", "call", "claim", "look", "sound", "act"])
_WANT = frozenset(["want", "wants", "wanted", "wish", "wishes", "wanna"])


def _unwanted(toks: list[str], neg: list[bool], j: int, gi: int = -1, clause: list[int] | None = None) -> bool:
    """The harm at ``j`` is what a negated wish does not want: "i don't want refugees deported", "nobody wants them
    hurt". The wish word is up to five words before the harm; or, given a group at ``gi`` before the harm, it is the
    wish whose object the group is, right before it or over up to three bridge words ("i don't want any of those X
    deported"). The negation is within two words before the wish (in its clause when ``clause`` is given). One
    reading for the threat score and the group rules (session 19: they were two)."""
    if gi >= 0:
        w = gi
        while w > 1 and gi - w < 3 and toks[w - 1] in _HARM_BRIDGE:
            w -= 1
        wishes = [w - 1] if gi < j and w > 0 else []
    else:
        wishes = list(range(max(0, j - 5), j))
    return any(toks[k] in _WANT and any(neg[m] for m in range(max(0, k - 2), k) if clause is None or
                                        clause[m] == clause[k]) for k in wishes)
# approval of what is done to a group: "love seeing X deported", "nothing makes me happier than X getting kicked out"
_APPROVAL = frozenset(["love seeing", "love to see", "love watching", "love to watch", "loved seeing", "loving seeing",
                       "nothing makes me happier than", "nothing better than", "beautiful to watch", "beautiful to see",
                       "glad to see", "happy to see", "satisfying to see", "satisfying to watch", "enjoy seeing",
                       "enjoy watching", "can't wait to see", "cant wait to see", "good to see", "great to see",
                       "nice to see", "makes my day", "made my day", "love it when", "love when"])
_APPROVAL_BRIDGE = frozenset(["get", "getting", "got", "be", "being", "all", "finally", "the", "these", "those",
                              "some", "more"])


def _approved_harm(toks: list[str], neg: list[bool], lo: int, gi: int, end: int, hi: int,
                   harms: frozenset[str]) -> int:
    """Index of a harm or exclusion done to the group at ``gi`` .. ``end`` that an approval phrase before it welcomes
    ("love seeing X deported"; not "I don't love seeing X deported"). -1 if none."""
    approved = any((size := _phrase_at(toks, a, _APPROVAL)) and a + size <= gi and not any(neg[max(0, a - 3) : a])
                   for a in range(max(lo, gi - 8), gi))
    if not approved:
        return -1
    for m in range(end, min(hi, end + 4)):
        if _phrase_at(toks, m, harms) and _bridged(toks, end, m, _APPROVAL_BRIDGE, most=3):
            return m
    return -1
# praise for a vice: "X are great... at stealing", "X are really good at one thing: scamming people"
_VICE_PRAISE = frozenset(["great", "good", "talented", "best", "experts", "expert", "skilled", "amazing", "brilliant",
                          "excellent", "gifted", "masters", "champions"])
_VICES = frozenset(["stealing", "lying", "cheating", "scamming", "breeding", "begging", "robbing", "looting", "raping",
                    "killing", "bombing", "mooching", "leeching", "freeloading", "sponging", "whining", "complaining",
                    "living off welfare", "living off benefits", "living off others", "living off the state",
                    "playing the victim", "ruining everything", "spreading disease", "spreading diseases",
                    "causing trouble", "committing crimes", "crime", "terrorism", "fraud", "pickpocketing",
                    "shoplifting", "dealing drugs", "selling drugs", "lying and stealing"])


def _praised_vice(toks: list[str], gi: int) -> int:
    """Index of a vice the group at ``gi`` is praised for: a praise word within four words after the group (or
    three before it: "how good X are at ..."), then "at" (or "at one thing") after the group and a vice. -1 if
    none."""
    n = len(toks)
    for m in [*range(max(0, gi - 3), gi), *range(gi + 1, min(n, gi + 5))]:
        if toks[m] not in _VICE_PRAISE:
            continue
        for k in range(max(m, gi) + 1, min(n, max(m, gi) + 4)):
            if toks[k] != "at":
                continue
            v = k + 3 if toks[k + 1 : k + 3] == ["one", "thing"] else k + 1
            if v < n and _phrase_at(toks, v, _VICES):
                return v
    return -1


def _ordered_harm(toks: list[str], lo: int, gi: int, hi: int) -> list[int]:
    """Violence intended or ordered with the group at ``gi`` as its object ("put a bullet in all X", "we will hunt
    down every X", "teach these X a lesson") and what a threat says it does to the group after it ("if I see any X
    ... they're dead", "... in a body bag")."""
    tails = [m for m in range(gi + 1, min(hi, gi + 4)) if _phrase_at(toks, m, _TAILS)]
    found = []
    for j in range(max(lo, gi - 7), gi):
        size = _phrase_at(toks, j, _ORDERED_HARM)
        if size and _bridged(toks, j + size, gi, _HARM_BRIDGE | _ORDERED_BRIDGE) and _intended(toks, lo, j) and (
                toks[j] not in _NEEDS_TAIL or tails):
            found.append(j)
    doom = [m for m in range(gi + 1, hi) if _phrase_at(toks, m, _DOOM) and _intended(toks, lo, m)]
    return found + (tails if found else []) + doom


def _eliminated(toks: list[str], neg: list[bool], lo: int, gi: int, hi: int) -> list[int]:
    """An elimination of the group at ``gi`` wished or called for: its absence made a wish ("the world would be
    better without X", "a country with zero X") or its erasure after it ("X shouldn't exist", "X need to be
    erased", "I wish X had never been born")."""
    clause = toks[lo:hi]
    desired = any(t in _DESIRED or t in _WISHES for t in clause)
    found = [j for j in range(max(lo, gi - 4), gi) if (size := _phrase_at(toks, j, _ELIMINATED)) and desired
             and _bridged(toks, j + size, gi, _HARM_BRIDGE)]
    for m in range(gi + 1, min(hi, gi + 7)):
        if _phrase_at(toks, m, _ERASED_ALONE):
            found.append(m)
        elif _phrase_at(toks, m, _ERASED) and toks[m - 1] not in ("was", "were") and (
                desired or any(t in _INTENT and t != "to" for t in toks[gi + 1 : m])):
            found.append(m)  # "X should be wiped off the face of the earth"; not "X were wiped out in 1942"
    return found


def _cursed(toks: list[str], lo: int, gi: int, hi: int) -> list[int]:
    """A curse on the group at ``gi``: before it as its object ("fuck X", "screw all X", "to hell with X"; not "give
    a fuck about X"), or after it with the group as subject ("X can go to hell")."""
    found = [j for j in range(max(lo, gi - 4), gi) if (size := _phrase_at(toks, j, _CURSES))
             and _bridged(toks, j + size, gi, _HARM_BRIDGE) and not (j > 0 and toks[j - 1] in ("a", "the"))]
    after = gi + 2 if toks[gi + 1 : gi + 2] in (["all"], ["people"], ["person"], ["folk"], ["folks"]) else gi + 1
    return found + ([after] if after < hi and _phrase_at(toks, after, _CURSED) else [])


def _reported_harm(toks: list[str], clause: list[int], j: int) -> bool:
    """The harm at ``j`` is someone else's threat or call, reported: a report frame before it in its clause ("the
    man who threatened to kill X", "he said X should be shot", "people saying they hope X burn") not spoken by the
    commenter ("I said", "I'm saying"), and nothing after it endorses it ("... and he's right")."""
    if _attempt_told(toks, j) or _asked_of_others(toks, j) and toks[j] not in _ADMIT:  # "why did anyone let X in?"
        return not _ENDORSED & set(toks[j + 1 :])
    for r in range(max(0, j - 10), j):
        if clause[r] != clause[j] or not _phrase_at(toks, r, _REPORT_FRAMES):
            continue
        if r > 0 and toks[r - 1] in ("i", "we", "i'm", "im", "am", "i've", "ive", "i'd", "id"):
            return False
        return not _ENDORSED & set(toks[j + 1 :])
    return False
# (session 19) how a group is treated as the topic: "the way X are treated", "how X get spoken about", "the abuse X
# face", "what X go through"; an emotion about it is for the group, not against it
_TREATMENT_LEADS = frozenset(["the way", "how", "what", "the abuse", "the hate", "the hatred", "the racism",
                              "the discrimination", "the harassment", "the bullying", "the violence", "the treatment",
                              "the prejudice", "the bigotry", "the threats"])
_TREATED = frozenset(["treated", "spoken to", "spoken about", "talked about", "talked to", "portrayed", "viewed",
                      "described", "depicted", "handled", "abused", "mistreated", "harassed", "bullied", "targeted",
                      "demonised", "demonized", "excluded", "ignored", "face", "faced", "endure", "endured", "suffer",
                      "suffered", "go through", "went through", "put up with", "deal with", "experience",
                      "experienced", "receive", "received", "get", "got"])
_TREATED_BRIDGE = frozenset(["are", "is", "were", "was", "get", "got", "being", "been", "have", "had", "to", "still",
                             "all", "often", "always", "constantly", "daily", "every", "day", "here", "now", "so"])


def _treatment(toks: list[str], gi: int, hi: int) -> bool:
    """Before the group at ``gi`` a lead of manner or of harm ("the way", "how", "the abuse"), after it a verb of
    being treated ("are treated", "get spoken about", "face"), only auxiliaries and adverbs between."""
    lead = any((size := _phrase_at(toks, k, _TREATMENT_LEADS)) and k + size <= gi and
               _bridged(toks, k + size, gi, _REGARD_BRIDGE, 1) for k in range(max(0, gi - 4), gi))
    if not lead:
        return False
    for m in range(gi + 1, min(hi, gi + 5)):
        if _phrase_at(toks, m, _TREATED):
            return _bridged(toks, gi + 1, m, _TREATED_BRIDGE | _GROUP_NOUNS, 3)
    return False


def _protected(toks: list[str], neg: list[bool], gi: int, hi: int) -> bool:
    """The group at ``gi`` is protected or someone else's victim: "X should be safe", "we need to protect X", "the
    people who attack X", "the bigots harassing X"."""
    if any(_phrase_at(toks, m, _SAFE) for m in range(gi + 1, min(hi, gi + 4))):
        return True
    if _treatment(toks, gi, hi):
        return True
    for k in range(max(0, gi - 4), gi):
        size = _phrase_at(toks, k, _PROTECT) or (toks[k] in _HARMS_DONE and k > 0 and toks[k - 1] in _AGENTS)
        stopped = k > 0 and (neg[k - 1] or toks[k - 1] in _STOP)  # "stop protecting X"
        if size and not stopped and _bridged(toks, k + size, gi, _HARM_BRIDGE, 2):
            return True
    return False
