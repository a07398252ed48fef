"""Threats for ``_rules.analyse``: a violent verb's other senses (idioms, nouns, figurative use, a thing
as its object), its intent and whom it is aimed at; menace at the reader in words that name no violence ("I know
where you live"), harm aimed at a person ("put a bullet in ..."), and menace aimed at a group.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_reported import _attempt_told, _punctuated, _reported
from storytrace.comments._rules_shared import (
    _DETERMINERS,
    _FIRST_PERSON,
    _FUTURE,
    _HARM_BRIDGE,
    _INTENT,
    _MENACE_AFTER,
    _MENACE_ALONE,
    _MENACE_BEFORE,
    _MENACE_CLOSING,
    _PRONOUNS,
    _SECOND_PERSON,
    _WISHES,
    Analysis,
)
from storytrace.comments._tokens import _NEGATION, _bridged, _first_words, _phrase_at

# a threat at the person addressed in words that name no violence (session-11 review W7: "I know where you live and I
# will find you"). Stalking cues are a menace only two together ("I know where you live, see you at the party" is
# not one); the others are one by themselves. Matched with "u"/"ya" read as "you".
_STALKING = frozenset(["know where you live", "know where you work", "know where you sleep", "know where you stay",
                       "know where your family lives", "know where your kids", "find you", "coming for you",
                       "watch your back", "make you pay", "regret this", "regret it", "track you down",
                       "find where you live", "find out where you live", "hurt you", "hurt your family"])
_MENACE_ALONE_AT_YOU = frozenset(["sleep with one eye open", "won't see it coming", "wont see it coming",
                                  "never see it coming", "your days are numbered", "dead meat", "hunt you down"])
# "find you" is a menace when intended and not given something ("I will find you a seat", "... the link")
_FIND_INTENT = frozenset(["will", "gonna", "i'll", "ill", "we'll", "going", "to", "shall"])
_GIVEN = frozenset(["a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "one", "another",
                    "some", "something", "someone", "somewhere", "anything", "more", "them", "it", "here", "there",
                    "later", "soon", "at", "in", "on", "when", "if", "after", "again", "now"])
_YOU = {"u": "you", "ya": "you", "ur": "your", "youre": "you're", "ull": "you'll"}
_AT_YOU_OPENERS = frozenset(p.split()[0] for p in _STALKING | _MENACE_ALONE_AT_YOU) | {"ur"}


def _menace_at_reader(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon,
                      to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> None:
    """A threat at the addressed person in words that name no violence ("I know where you live and I will find you",
    "sleep with one eye open"): one cue that menaces by itself or two stalking cues are threat evidence and score
    0.85 (0.45 when reported). A cue negated right before ("I don't know where you live") does not count."""
    if _AT_YOU_OPENERS.isdisjoint(toks):
        return  # speed: most comments hold no word that opens a cue
    said = [_YOU.get(t, t) for t in toks]
    cues: list[tuple[int, int, bool]] = []  # start, words, menaces by itself
    j = 0
    while j < len(said):
        if said[j] not in _AT_YOU_OPENERS:
            j += 1
            continue
        size = _phrase_at(said, j, _MENACE_ALONE_AT_YOU)
        alone = bool(size)
        if not size:
            size = _phrase_at(said, j, _STALKING)
            if size and said[j] == "find" and not (
                    set(said[max(0, j - 3) : j]) & _FIND_INTENT and not _GIVEN & set(said[j + 2 : j + 3])):
                size = 0
            if size and said[j] == "regret" and not {"you", "you'll"} & set(said[max(0, j - 3) : j]):
                size = 0
        if size and not any(t in _NEGATION for t in said[max(0, j - 3) : j]):
            cues.append((j, size, alone))
            j += size
        else:
            j += 1
    if not any(alone for _, _, alone in cues) and len(cues) < 2:
        return  # one stalking cue alone is no threat: no evidence either
    at = [j for j, _, _ in cues]
    score = 0.45 if _reported(norm, words, toks, lex, at) else 0.85
    for j, size, _ in cues:
        rs, re_ = to_raw(words[j][0], words[j + size - 1][1])
        a.threats.append((rs, re_, raw[rs:re_]))
    a.threat_score = max(a.threat_score, score)
# violence done to a person that the lexicon's single verbs miss: "someone should put a bullet in the mayor's head"
_PERSON_HARM = frozenset(["put a bullet in", "put a bullet through", "put a bullet between", "open fire on",
                          "slit your throat", "slit his throat", "slit her throat", "cut your throat",
                          "break your legs", "break his legs", "break her legs", "break your neck", "run over",
                          "beat up", "punch", "smash your face", "smash his face", "smash her face"])
_UNAMBIGUOUS_HARM = frozenset(["put", "open", "slit", "cut", "break", "smash"])  # their object may be "the X"
_PERSON_OBJECTS = _SECOND_PERSON | _PRONOUNS | frozenset(["his", "their"])


def _harm_at_person(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon,
                    to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> None:
    """A harm intended ("should", "will", ...) and aimed at a person (a pronoun, "you", or, for harms that name
    violence outright, "the X"): threat evidence, 0.85 (0.45 reported). Not negated or said figuratively."""
    starts = _first_words(_PERSON_HARM)
    if not any(t in starts for t in toks) or "figuratively" in toks or "metaphorically" in toks:
        return  # speed: most comments hold no word that opens a harm phrase (as in ``_menace_at_reader``)
    for j in range(len(toks)):
        size = _phrase_at(toks, j, _PERSON_HARM)
        before = toks[max(0, j - 3) : j]
        if not size or not any(t in _FUTURE or t in _INTENT for t in before) or any(t in _NEGATION for t in before):
            continue
        if _attempt_told(toks, j):
            continue  # "my neighbour tried to beat up ...": told, not intended
        after = toks[j + size : j + size + 3]
        aimed = any(t in _PERSON_OBJECTS for t in toks[j + 1 : j + size] + after) or (
            toks[j] in _UNAMBIGUOUS_HARM and after[:1] in (["the"], ["that"], ["this"]))
        if not aimed:
            continue
        score = 0.45 if _reported(norm, words, toks, lex, [j]) else 0.85
        rs, re_ = to_raw(words[j][0], words[j + size - 1][1])
        a.threats.append((rs, re_, raw[rs:re_]))
        a.threat_score = max(a.threat_score, score)
# a violent verb followed by words that give it another sense (phrasal verbs and idioms): "hang out with you", "to
# die for", "killing it", "kill time", "shoot me an email", "burn calories", "execute the plan" (revision 3.6.2)
_IDIOMS = {
    "hang": ("out", "around", "on a", "on there", "in there", "tight", "loose", "up the phone", "over", "together",
             "on to", "onto", "on tight", "on for"),
    "hung": ("out", "up on", "over", "around"),
    "die": ("laughing", "hard", "down"),  # "die for": see ``_idiom``
    "kill": ("time", "it", "the mood", "two birds", "for a", "for some", "for one"),
    "killing": ("it", "time", "the mood"),
    "killed": ("it", "time", "the mood"),
    "shoot": ("the breeze", "me a", "me an", "hoops", "a photo", "photos", "a video", "video", "pictures",
              "the messenger"),
    "stab": ("at", "in the dark"),
    "burn": ("calories", "out", "rubber", "the midnight oil", "bridges", "fat", "money", "cash", "a cd",
             "a dvd"),
    "burned": ("out", "calories", "bridges"),
    "execute": ("the plan", "a plan", "plans", "code", "the code", "orders", "the order", "a trade", "trades",
                "the strategy", "a strategy"),
}
# "stab someone in the back" (betray), "shoot oneself in the foot": the object, then the idiom's end
_OBJECT_IDIOMS = {"stab": "in the back", "stabbed": "in the back", "shoot": "in the foot", "shot": "in the foot"}
_REFLEXIVE = ("yourself", "himself", "herself", "myself", "themselves", "ourselves", "itself", "yourselves")
# violent words that are also nouns: after a determiner they name a thing or an attempt, not an act ordered or
# intended ("take a stab at", "give it a shot", "the killing of a man", "the gas bill"); not "dead" ("a dead X")
_NOUN_SENSE = frozenset(["stab", "shot", "shoot", "kill", "killing", "bomb", "murder", "massacre", "slaughter",
                         "purge", "burn", "hang", "gas", "nuke", "torture", "butcher", "execute"])


def _idiom(toks: list[str], j: int) -> bool:
    """The violent verb at ``j`` begins a non-violent phrasal verb or idiom (``_IDIOMS``, ``_OBJECT_IDIOMS``).

    "die for" only as "to die for" or "would die for" ("you will die for what you did" is a threat), and an object
    idiom only when it ends there ("stab you in the back", not "... in the back of the head")."""
    after = " ".join(toks[j + 1 : j + 5])
    if any(after == tail or after.startswith(tail + " ") for tail in _IDIOMS.get(toks[j], ())):
        return True
    if toks[j] == "die" and toks[j + 1 : j + 2] == ["for"] and j > 0 and toks[j - 1] in ("to", "would", "d"):
        return True
    tail = _OBJECT_IDIOMS.get(toks[j])
    if tail is None:
        return False
    if tail == "in the foot" and (toks[j + 1] if j + 1 < len(toks) else "") not in _REFLEXIVE:
        return False  # "shot himself in the foot" is the idiom; "I will shoot you in the foot" is not
    n = len(tail.split())
    return " ".join(toks[j + 2 : j + 2 + n]) == tail and toks[j + 2 + n : j + 3 + n] != ["of"]


def _noun_reading(toks: list[str], j: int, norm: str, words: list[tuple[int, int, str]]) -> bool:
    """The word at ``j`` is a noun here: a determiner right before it in the same phrase ("a stab at", "the killing
    of"; not "the X did this, kill them all", where "this" ends the clause before)."""
    if toks[j] not in _NOUN_SENSE or j == 0 or _punctuated(norm, words, j):
        return False
    # "our own kill(-aid)": a possessive with "own" is a determiner too
    return toks[j - 1] in _DETERMINERS or (toks[j - 1] == "own" and j > 1 and toks[j - 2] in _DETERMINERS)
_IMPERATIVE_LEAD = frozenset(["just", "please", "pls", "now", "so", "then", "and", "go"])
# "kill them with kindness", "destroy them with facts": the harm is done with something that harms no one
_BENIGN_MEANS = frozenset(["kindness", "love", "facts", "logic", "reason", "truth", "evidence", "data", "arguments",
                           "compassion", "grace", "charm", "humor", "humour", "laughter", "smiles", "success",
                           "votes", "ballots", "questions", "compliments", "knowledge", "science", "patience"])
# particles of a phrasal verb between a violent verb and its object ("burn down the house")
_PARTICLES = frozenset(["up", "down", "out", "off", "away", "through"])
# objects that are things: a pronoun for a thing, or a determiner before a noun that names no person
_THING_PRONOUNS = frozenset(["it", "this", "that", "something", "everything", "anything", "stuff", "things"])
# nouns for people that the group lexicon does not hold ("the man", "the kids")
_PERSON_NOUNS = frozenset(["man", "men", "woman", "women", "guy", "guys", "kid", "kids", "child", "children", "boy",
                           "boys", "girl", "girls", "people", "person", "family", "families", "baby", "babies",
                           "wife", "husband", "mother", "father", "mom", "dad", "son", "daughter", "brother",
                           "sister", "friend", "friends", "neighbour", "neighbor", "neighbours", "neighbors", "teacher",
                           "cop", "cops", "officer", "police", "judge", "president", "mayor", "leader", "leaders",
                           "boss", "owner", "author", "writer", "journalist", "journalists", "reporter", "priest",
                           "pastor", "imam", "rabbi", "lot", "bunch", "rest", "one", "ones", "whole", "same",
                           "other", "others", "all", "both", "entire", "next", "first", "last", "little", "old",
                           "young", "poor", "fucking", "damn", "bloody"])


def _thing_object(toks: list[str], j: int, lex: Lexicon) -> bool:
    """The object of the violent verb at ``j`` is a thing: "execute it", "kill the bill", "burn down the flag".
    Not a person, a group or an insult ("kill the man", "kill the X", "kill the idiot"), and not when unsure."""
    k = j + 1
    while k < len(toks) and toks[k] in _PARTICLES:
        k += 1
    if k >= len(toks):
        return False
    if toks[k] in _THING_PRONOUNS:
        return k + 1 >= len(toks) or toks[k + 1] not in _PERSON_NOUNS  # not "kill that man"
    if toks[k] not in ("the", "a", "an", "its") or k + 1 >= len(toks):
        return False
    noun = toks[k + 1]
    return noun not in _PERSON_NOUNS and noun not in lex.terms and noun not in lex.insults and \
        noun not in _SECOND_PERSON and noun not in _PRONOUNS


def _sentence_between(norm: str, words: list[tuple[int, int, str]], j: int, k: int) -> bool:
    """A sentence ends between tokens ``j`` and ``k`` (``j < k``)."""
    return any(c in ".!?\n" for c in norm[words[j][1] : words[k][0]])
# who a passive threat is done to, when the comment names nobody: "they should all be hanged", "people like that
# deserve to be shot" (session-14 review: threat 0.45, the verb had no person after it)
_PASSIVE_SUBJECTS = frozenset(["they", "he", "she", "those", "these", "they're", "theyre"])
_PASSIVE_AUX = frozenset(["be", "get", "been", "being"])
# (session 21, review) a death wished on the person addressed or talked of, with no object after the verb: "you
# people are idiots and should die", "you should rot", "they all deserve to die" (threat 0.45 before: no person
# after "die")
_INTRANSITIVE_HARM = frozenset(["die", "rot", "perish", "suffer", "starve"])
_WISHED_SUBJECTS = _SECOND_PERSON | frozenset(["they", "he", "she", "those", "these", "y'all"])
_WISHING = frozenset(["should", "must", "deserve", "deserves", "ought", "need", "needs", "hope", "go", "just"])
_OBJECT_LEADS = frozenset(["the", "a", "an", "that", "this", "these", "those", "my", "your", "his", "her", "their",
                           "our", "its"])


def _dying_subject(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """The intransitive harm at ``j`` ("die", "rot") is wished ("should", "deserve to", "hope") on a person, its
    subject at most six words before it in the same sentence, not the commenter ("I should die" is no threat; "you
    will die one day" is a truism, not a wish; "you should suffer the consequences" has an object)."""
    if toks[j] not in _INTRANSITIVE_HARM or toks[j + 1 : j + 2] and toks[j + 1] in _OBJECT_LEADS:
        return False
    for k in range(max(0, j - 6), j):
        between = set(toks[k + 1 : j])
        if toks[k] in _WISHED_SUBJECTS and between & _WISHING and not _FIRST_PERSON & between and \
                not _sentence_between(norm, words, k, j):
            return True
    return False


def _passive_subject(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """The verb at ``j`` is passive ("be hanged") and its subject, at most five words before it in the same
    sentence, is a person pronoun or "people like ..."."""
    if j == 0 or toks[j - 1] not in _PASSIVE_AUX:
        return False
    for k in range(max(0, j - 6), j - 1):
        if (toks[k] in _PASSIVE_SUBJECTS or toks[k : k + 2] == ["people", "like"]) \
                and not _sentence_between(norm, words, k, j):
            return True
    return False


def _figurative(toks: list[str], j: int) -> bool:
    """The violent verb at ``j`` is done "with" a benign means within the next few words (revision 3.6.1)."""
    after = toks[j + 1 : j + 6]
    return any(x == "with" and y in _BENIGN_MEANS for x, y in pairwise(after))


def _imperative(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """Token ``j`` (a violent verb) begins the comment, a sentence or a clause after a comma, maybe after "just",
    "please", "go": an order ("hang them", "gas them all. now.", "the X did this, kill them all"), which states intent
    as "should" or "will" do (revision 3.6; the comma since session 11)."""
    k = j - 1 if j >= 1 and toks[j - 1] in _IMPERATIVE_LEAD else j
    return k == 0 or _punctuated(norm, words, k)


def _intended(toks: list[str], lo: int, j: int) -> bool:
    """An intent, a wish or a condition before token ``j`` in its clause (from ``lo``), or ``j`` opens the clause
    (an order): "someone should ...", "if I see any X ...", "line the X up"."""
    before = toks[lo:j]
    return j == lo or any(t in _FUTURE or t in _INTENT or t in _WISHES or t in ("if", "keep", "next", "once", "better",
                                                                                "imma", "ima", "i'mma")  # session 19
                          for t in before)
_PRESSING = frozenset(["soon", "enough", "one", "way", "or", "another", "mark", "my", "words", "i", "promise", "trust",
                       "me", "believe", "you", "just", "wait", "and", "see", "very", "sooner", "later", "that's", "thats",
                       "a", "lol", "smh", "mate", "all", "of", "them", "every", "last", "we", "will", "in", "blood",
                       "swear", "guarantee", "it", "count", "on", "real", "rather", "than", "is", "that"])
# words between the group and a menace said of it: a place, "and your kind", a modal
_MENACE_BRIDGE = frozenset(["in", "this", "that", "the", "my", "our", "on", "down", "up", "round", "around", "road",
                            "street", "town", "city", "country", "here", "there", "next", "door", "building", "area",
                            "and", "your", "their", "kind", "all", "of", "you", "will", "shall", "are", "is", "going",
                            "gonna", "to", "better", "had", "just", "soon", "really", "won't", "wont", "never", "finally",
                            "every", "single", "one", "who", "live", "'ll", "ll", "them", "lot", "sure", "definitely"])
_PLACE_PREPS = frozenset(["in", "on", "at", "near", "down", "around", "round", "across", "from", "outside"])
# a menace "done fairly" is no threat: "X will be dealt with fairly"; one "if" something happens is a prediction
_KIND_TAIL = frozenset(["fairly", "properly", "humanely", "compassionately", "respectfully", "kindly", "sensitively",
                        "lawfully", "justly", "carefully", "if", "unless"])
# "we know where (you) X live", "make sure no X feels safe", "a shame if something happened to X": a phrase before the
# group that threatens with the right word after it
_KNOW_WHERE = frozenset(["live", "lives", "sleep", "sleeps", "work", "works", "pray", "prays", "hang", "stay"])
_HAPPENED_TO = frozenset(["something happened to", "something happens to", "anything happened to",
                          "anything happens to", "something bad happened to", "something were to happen to"])
# "soon there won't be a single X left (breathing)": none of the group left, foretold
_NONE_LEFT = frozenset(["won't be a single", "wont be a single", "won't be any", "wont be any", "will be no",
                        "won't be one", "wont be one"])
# ... not "left out", "left behind": excluded or forgotten, not dead
_LEFT_AS_IN = (["out"], ["behind"], ["without"], ["waiting"], ["alone"], ["over"], ["homeless"], ["unemployed"])
# "we'll make the X regret ...", "make X pay": a harm the group is made to feel
_MADE_TO = frozenset(["pay", "regret", "suffer", "bleed", "sorry", "beg", "scream", "cry", "disappear", "leave"])
_OBJECT_BRIDGE = _HARM_BRIDGE | {"you"}  # "we know where you X live"
# the first words of every menace phrase
_MENACE_OPENERS = frozenset(p.split()[0] for p in _MENACE_AFTER | _MENACE_CLOSING | _MENACE_ALONE | _MENACE_BEFORE
                            | _HAPPENED_TO | _NONE_LEFT) | {"know", "make", "makes", "making"}


def _menace(toks: list[str], lo: int, gi: int, end: int, hi: int) -> list[int]:
    """A threat at the group at ``gi`` (up to ``end``) in words that name no violence: a menace said of it as subject
    ("X will be dealt with", "... won't see us coming"), one after it anywhere in its clause ("it will be your
    last"), or one with it as object and an intent before ("we know where you X live", "make life hell for the X",
    "we'll make the X regret ...", "it would be a shame if something happened to the X"). Not "X will be dealt with
    fairly", not "X will get hurt if ...": a prediction."""
    found = []
    m, place = end, 0  # place: words of a place phrase still allowed ("X on our estate had better ...")
    while m < hi and m - end <= 7:
        opens = toks[m] in _MENACE_OPENERS  # most words open no phrase: skip the look-ups (speed)
        size = opens and _phrase_at(toks, m, _MENACE_AFTER)
        closing = 0 if size or not opens else _phrase_at(toks, m, _MENACE_CLOSING)
        if size or closing:
            rest = toks[m + (size or closing) : hi]
            if not _KIND_TAIL & set(rest[:2]) and (size or all(t in _PRESSING for t in rest)):
                found.append(m)
            break
        place = 3 if toks[m] in _PLACE_PREPS else place - 1
        if toks[m] not in _MENACE_BRIDGE and place < 0:
            break
        m += 1
    found += [m for m in range(end, hi) if toks[m] in _MENACE_OPENERS and _phrase_at(toks, m, _MENACE_ALONE)]
    for j in range(max(lo, gi - 6), gi):
        if toks[j] not in _MENACE_OPENERS:
            continue
        if (size := _phrase_at(toks, j, _NONE_LEFT)) and j + size == gi and toks[end : end + 1] == ["left"] and \
                toks[end + 1 : end + 2] not in _LEFT_AS_IN and not _KIND_TAIL & set(toks[end + 1 : end + 6]):
            found.append(j)  # "soon there won't be a single X left breathing"; not "... left if rents keep rising"
        if not _intended(toks, lo, j):
            continue
        size = _phrase_at(toks, j, _MENACE_BEFORE) or _phrase_at(toks, j, _HAPPENED_TO)
        if size and _bridged(toks, j + size, gi, _OBJECT_BRIDGE, 3):
            found.append(j)
        elif toks[j : j + 2] == ["know", "where"] and _bridged(toks, j + 2, gi, _OBJECT_BRIDGE, 2) and \
                _KNOW_WHERE & set(toks[end : end + 2]):
            found.append(j)  # "we know where you X live"
        elif toks[j : j + 3] == ["make", "sure", "no"] and j + 3 == gi and "safe" in toks[end : end + 4]:
            found.append(j)  # "I'm going to make sure no X feels safe here"
        elif toks[j] in ("make", "makes", "making") and _bridged(toks, j + 1, gi, _HARM_BRIDGE, 2) and \
                toks[end : end + 1] and toks[end] in _MADE_TO:
            found.append(j)  # "we'll make the X regret ever coming here", "make X pay"
    return found
