"""Which words refer to a named group and in what role: pronouns and "such people" referring back to it
(``_group_pronouns``, another plural noun that a pronoun may refer to instead), the group as a head noun rather
than a modifier, counted or the object of an attitude ("hatred of X").
"""

from __future__ import annotations

from storytrace.comments._rules_shared import _GROUP_NOUNS, _PLACES
from storytrace.comments._tokens import _NEGATION

_PRON_REF = frozenset(["they", "them", "those", "these", "their", "theirs", "themselves", "they're", "theyre",
                       "they'll", "theyll", "they've", "theyve", "they'd"])
_HEAD_FOLLOWERS = _PLACES | _NEGATION | frozenset([
    "and", "or", "nor", "to", "of", "on", "from", "with", "because", "since", "as", "if", "when", "either", "ever",
    "again", "now", "today", "anyway", "much", "more", "at", "all", "one", "bit", "very", "so", "too", "even", "enough",
    "are", "is", "were", "was", "will", "would", "should", "can", "could", "do", "does", "did", "have", "has", "had",
    "i", "you", "we", "they", "he", "she", "it", "me", "him", "her", "them", "us", "my", "your", "our", "their", "his",
    "period", "whatsoever", "lol", "tbh", "smh", "imo", "ffs", "honestly", "neither", "like", "than"])
# plural nouns for people or animals that a later "they" may refer to instead of a named group: "my X neighbour has
# rats in the shed. they are vermin", "X reported the landlord's thugs. they are animals", "... the people smugglers"
_PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")
_NOT_PERSONS = frozenset(["others", "borders", "numbers", "papers", "letters", "matters", "orders", "waters", "answers",
                          "powers", "flowers", "towers", "centers", "centres", "rivers", "quarters", "corners",
                          "shelters", "headquarters", "restaurants", "plants", "pants", "grants", "wants", "events",
                          "comments", "trees", "fees", "degrees", "members", "teachers", "neighbours", "neighbors"])
_PEOPLE_NOUNS = frozenset(["thugs", "crooks", "gangs", "cops", "police", "kids", "bosses", "officials",
                           "landlords", "staff", "bigots", "racists", "trolls", "bullies", "rioters", "murderers"])
_ANIMALS = frozenset(["rats", "mice", "foxes", "pigeons", "wasps", "slugs", "cockroaches", "pests", "mosquitoes",
                      "dogs", "cats", "squirrels", "seagulls", "moles", "ants", "flies", "bees", "badgers"])
# an animal after one of these is what the group is said to be, not another referent: "X are rats"
_PREDICATE_LEADS = frozenset(["are", "is", "were", "be", "like", "as", "than", "r", "all", "just", "filthy", "dirty"])


def _other_referent(toks: list[str], k: int) -> bool:
    """Token ``k`` is a plural noun for people or animals that a later pronoun may refer to. Teachers, neighbours and
    members are left out: "X teachers" names the group itself more often than not."""
    t = toks[k]
    if t in _NOT_PERSONS:
        return False
    if t in _PEOPLE_NOUNS or (len(t) > 5 and t.endswith(_PERSON_SUFFIXES) and not t.endswith("ments")):
        return True
    return t in _ANIMALS and toks[k - 1] not in _PREDICATE_LEADS


def _group_pronouns(toks: list[str], named_at: set[int], first: int) -> list[int]:
    """The pronouns after the group's first mention at ``first`` that refer to it: those whose nearest possible
    antecedent is a mention of the group (tokens ``named_at``), not another plural noun for people or animals, and no
    more than ``_PRONOUN_REACH`` words after that mention (one pass, so linear)."""
    found, group_nearest, last = [], True, first
    for k in range(first + 1, len(toks)):
        if k in named_at:
            group_nearest, last = True, k
        elif toks[k] in _PRON_REF:
            if group_nearest and k >= first + 2 and k - last <= _PRONOUN_REACH:
                found.append(k)
        elif _other_referent(toks, k):
            group_nearest = False
    return found
# a pronoun further than this many words from the group's last mention is read as no reference to it: long real
# comments move on ("... the handicapped ... [80 words] ... those jackasses"; session 17)
_PRONOUN_REACH = 25
# words that count what follows: "a few dead X", "two murdered X", "thousands of dead X"
_COUNTING = frozenset(["few", "many", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "dozen", "hundred", "thousand", "million", "more", "countless", "numerous"])
_COUNT_NOUNS = frozenset(["dozens", "hundreds", "thousands", "millions", "scores", "tens", "numbers"])


def _counted(toks: list[str], j: int) -> bool:
    """The word at ``j`` follows a number or a counting word: the harm it names is counted as it is reported."""
    prev = toks[j - 1] if j else ""
    return prev.isdigit() or prev in _COUNTING or (prev == "of" and j > 1 and toks[j - 2] in _COUNT_NOUNS)
# an attitude held towards a group, named as a noun: "their hatred of X", "prejudice against X"
_ATTITUDES = frozenset(["hatred", "hate", "fear", "discrimination", "prejudice", "prejudices", "bigotry", "racism",
                        "intolerance", "persecution", "contempt", "hostility", "animosity", "resentment", "disdain",
                        "dislike", "distrust", "mistrust", "suspicion", "demonization", "demonisation", "vilification",
                        "scapegoating", "phobia"])
_TOWARDS = frozenset(["of", "against", "towards", "toward"])


def _object_of_attitude(toks: list[str], gi: int) -> bool:
    """The group at ``gi`` is the object of an attitude noun someone else holds ("their hatred of X", "prejudice
    against the X"; not "my hatred of X"): what the comment says is said of the attitude, not of the group."""
    for a in range(max(0, gi - 3), gi - 1):
        if toks[a] in _ATTITUDES and toks[a + 1] in _TOWARDS and all(t in _ATTITUDE_FILL for t in toks[a + 2 : gi]):
            k = a - 1
            while k >= 0 and toks[k] in _OWNED_FILL:  # session 22: "i have a deep hatred of X" is the commenter's
                k -= 1
            return not (k >= 0 and toks[k] in ("my", "our", "i", "we", "i've", "ive", "we've"))
    return False
_OWNED_FILL = frozenset(["a", "deep", "such", "real", "so", "much", "strong", "burning", "intense", "have", "had",
                         "got", "feel", "felt", "an", "utter", "total", "pure", "genuine", "deep-seated"])
_ATTITUDE_FILL = frozenset(["the", "all", "those", "these", "other", "any"])


def _shrugged(toks: list[str], j: int) -> bool:
    """The swear word at ``j`` ends an idiom of caring ("worth a damn", "didn't give a shit"): no insult to anyone."""
    return j > 1 and toks[j - 1] == "a" and toks[j - 2] in ("worth", "give", "gives", "gave", "giving", "care")


def _group_is_head(toks: list[str], clause: list[int], gi: int, end: int, groups: set[int]) -> bool:
    """The group mention ``gi`` .. ``end`` names the people, not a modifier of another noun: clause end, a function
    word or another group after it ("i don't trust muslims", "... muslims here", "muslim immigrants"; not "mexican
    food", "the muslim brotherhood", "christians who preach hate")."""
    if end < len(toks) and toks[end] in _GROUP_NOUNS:
        end += 1  # "black people", "jewish folks"
    return end >= len(toks) or clause[end] != clause[gi] or toks[end] in _HEAD_FOLLOWERS or end in groups
