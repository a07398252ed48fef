"""Swapped names and opposite actions between two aligned claims (English and other Latin-script text).

Entity swap: the two claims name a different person, organisation, place or day in the same role ("Smith
said" / "Jones said", "in Paris" / "in Lyon", "on Monday" / "on Friday"). Names are runs of capitalised words
(titles such as "President" and a leading "The" cut off; a sentence's first word only when it is a name word
or no common English word). A swap needs both sides: the base claim's name appears nowhere in the other
version, and the other claim's name appears nowhere in the base version (any of its distinctive words, so
"Shoigu" is "Sergei Shoigu", "EU" the "European Union"). A name added beside the others is an addition, not a
swap. The role matches when the word before or after the two names is the same, or both names open their claim (the
one name each side lacks, in another place, was tried: on SemEval pages it paired weather forecasts of two days
and names of two sentences more often than it found swaps). Title-case headlines (most words capitalised) are not read for names.

Opposite action: one claim says "rose", "won", "approved" where the other says "fell", "lost", "rejected", of
the same subject (the word before the verb is the same) and otherwise much the same words; a claim with a
negation is left to the negation check.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storytrace.word_tables import word_table

_TOKEN = re.compile(r"[^\W_][\w'’&-]*(?:\.(?=\w)[\w'’&-]*)*")  # inner dots only: "U.S", "St"
_POSSESSIVE = re.compile(r"['’]s?$")
_CONNECTORS = frozenset({
    "of", "de", "del", "der", "van", "von", "al", "bin", "da", "di", "du", "la", "le", "for", "&"
})
# words before a name that are not the name ("President Biden" is Biden; "The Pentagon" the Pentagon)
_TITLES = frozenset({
    "the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice", "prime",
    "minister", "secretary", "chancellor", "general", "gen", "sen", "senator", "rep", "representative",
    "gov", "governor", "king", "queen", "prince", "princess", "pope", "sir", "dame", "lord", "lady", "rev",
    "judge", "justice", "mayor", "chief", "ceo", "coach", "captain", "capt", "lt", "col", "sgt", "officer",
    "sheriff", "ambassador", "premier", "mp", "spokesman", "spokeswoman", "spokesperson", "former",
    "acting", "deputy", "then", "st.", "mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "gov."
})
_PRONOUNS = frozenset({
    "i", "he", "she", "it", "we", "they", "you", "his", "her", "its", "our", "their", "this", "that",
    "these", "those", "there", "here"
})
DAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
})
MONTHS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december"
})
# words many different names share: they do not make a name the same as another ("New York", "New Jersey")
_GENERIC = frozenset({
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "united",
    "saint", "san", "santa", "los", "las", "el", "great", "royal", "national", "university", "ministry",
    "department", "party", "council", "club", "city", "county", "state", "states", "republic", "kingdom",
    "company", "inc", "ltd", "corp", "group", "bank", "court", "house", "the", "of", "and", "international",
    "federal", "central", "american", "british", "european", "chinese", "russian", "french", "german",
    "association", "union", "institute", "foundation", "agency", "office", "police", "news", "times",
    "post", "daily", "airport", "hospital", "school", "college", "museum", "street", "road", "avenue",
    "river", "lake", "mount", "fc"
})
TITLE_CASE_SHARE = 0.6  # a claim with more capitalised words than this is a headline: its capitals name nothing


VERY_COMMON = 5.5  # Zipf of "in", "however", "after": never a name at a sentence's start
COMMON = 3.0  # Zipf above which a word that is no name word ("police") is not read as a name
COMMON_WORD = 4.0  # Zipf above which a word of a name that is no name word does not identify it ("Division")


@functools.lru_cache(maxsize=1)
def _common_words() -> dict[str, float | None]:
    return word_table("en_common.tsv")


@functools.lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(word_table("en_names.txt"))


@dataclass(frozen=True, slots=True)
class Name:
    text: str  # as written, title and possessive cut
    kind: str  # "day" | "month" | "name"
    before: str  # the word before it, lower case ("" at the start)
    after: str  # the word after it, lower case
    opens: bool  # the first name of the claim, at its start (after a title)


ENGLISH_SHARE = 0.7  # of a claim's lower-case words that are common English words (Zipf >= COMMON); with the
# function-word test, SemEval sentences read as English: English 93%, German 1.6%, French 2.4%, Spanish 1.7%
_LOWER_WORD = re.compile(r"[^\W\d_]{2,}")


# English words no German, French, Spanish or Italian sentence uses ("in", "was", "will", "an" are German too)
_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "is", "for", "on", "that", "with", "by", "at", "from", "has", "have", "are", "were",
    "be", "been", "said", "its", "his", "their", "this", "after", "would", "who", "which", "not", "it", "they",
    "he", "she", "we", "than", "into", "over", "about",
})
FUNCTION_WORD_FROM = 5  # lower-case words from which a claim must hold an English function word


def english_like(text: str) -> bool:
    """The claim reads as English: a page without a language may be German, where every noun is capitalised.
    Most of its lower-case words are common English words, and (in a longer claim) one is an English function
    word."""
    lower = [w for w in _LOWER_WORD.findall(text) if w.islower()]
    common = sum(1 for w in lower if (_common_words().get(w) or 0.0) >= COMMON)
    return len(lower) >= 2 and common >= ENGLISH_SHARE * len(lower) and (
        len(lower) < FUNCTION_WORD_FROM or not _ENGLISH_FUNCTION_WORDS.isdisjoint(lower))


def _is_capital(token: str) -> bool:
    return token[:1].isupper()


def names(text: str) -> list[Name]:
    """The names of a claim, in order."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t for t, _, _ in tokens]
    alpha = [w for w in words if w[:1].isalpha()]
    if alpha and sum(_is_capital(w) for w in alpha) > TITLE_CASE_SHARE * len(alpha):
        return []
    joined = lambda a, b: not text[tokens[a][2]:tokens[b][1]].strip()
    opening = lambda a: a == 0 or bool(_OPENING.search(text[tokens[a - 1][2]:tokens[a][1]]))
    out, k = [], 0
    while k < len(words):
        if not _is_capital(words[k]):
            k += 1
            continue
        end = k + 1
        while end < len(words) and joined(end - 1, end) and (_is_capital(words[end]) or (
                words[end].lower() in _CONNECTORS and end + 1 < len(words) and _is_capital(words[end + 1])
                and joined(end, end + 1))):
            end += 1
        start = k
        # a title, or a sentence's capitalised first word that is no name ("In Paris", "Police said")
        while start < end and (_is_title(words[start]) or (start == k and opening(k) and not _name_like(words[start]))):
            start += 1
        while start < end and words[start].lower() in _CONNECTORS:
            start += 1
        if start < end:
            name_words = words[start:end]
            name_words[-1] = _POSSESSIVE.sub("", name_words[-1])
            text_ = " ".join(name_words).strip()
            if text_ and text_.lower() not in _PRONOUNS:
                out.append(Name(text=text_, kind=_kind(text_, words, start, end),
                                before=words[start - 1].lower() if start else "",
                                after=words[end].lower() if end < len(words) else "",
                                opens=not out and start == 0 or (not out and k == 0 and start > 0
                                                                 and _is_title(words[0]))))
        k = end
    return out


_OPENING = re.compile(r"[^\w\s,]")  # a quote, colon, dash, bar ... before a word: it may open a sentence


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLES or word.lower() in _TITLES


def _name_like(word: str) -> bool:
    """A sentence's capitalised first word is a name unless it is a very common word ("In", "However") or a
    common word that is no name word ("Police", "Officials"); "Smith", "Apple", "Valery" are names."""
    low = _POSSESSIVE.sub("", word).lower()
    if low in _PRONOUNS or low in _TITLES:
        return False
    zipf = _common_words().get(low)
    return zipf is None or (zipf < VERY_COMMON and (low in _name_words() or zipf < COMMON))


def _kind(text: str, words: list[str], start: int, end: int) -> str:
    low = text.lower()
    if low in DAYS:
        return "day"
    if low in MONTHS or (low == "may" and any(w[:1].isdigit() for w in words[max(0, start - 1):end + 1])):
        return "month"
    return "name"


def context_words(text: str) -> frozenset[str]:
    """The lower-case words of a version (possessives cut): where a name is looked up."""
    words = [_POSSESSIVE.sub("", w).lower().rstrip(".") for w in _TOKEN.findall(text)]
    return frozenset(words + [part for w in words if "-" in w for part in w.split("-")])  # "UK-based": "uk"


def _acronyms(text: str) -> frozenset[str]:
    """Initials of each run of capitalised words ("European Union" -> "eu")."""
    out = set()
    for run in re.findall(r"(?:[A-Z][\w-]+(?:\s+(?:of|for|and|the)?\s*)?){2,}", text):
        out.add("".join(w[0] for w in run.split() if w[:1].isupper()).lower())
    return frozenset(out)


def known(name: Name, version: Version) -> bool:
    """``name`` (or a distinctive word of it, or its acronym, or what it abbreviates) is in the version."""
    words, acronyms, capitals = version.words, version.acronyms, version.capitals
    low = [_POSSESSIVE.sub("", w).lower().rstrip(".") for w in name.text.split()]
    distinctive = [w for w in low if _distinctive(w)] or [w for w in low if w not in _CONNECTORS] or low
    if any(w in words for w in distinctive):
        return True
    if len(low) == 1 and name.text.isupper() and any(_abbreviates(low[0], a) for a in acronyms):
        return True  # "EU" where the version says "European Union", "NYAG" for "New York State Attorney General"
    initials = "".join(w[0] for w in low if w not in _CONNECTORS)
    if len(low) >= 2 and any(_abbreviates(w, initials) for w in capitals):
        return True  # the other way round: an acronym of the version
    # spellings of one name ("Zelensky" / "Zelenskyy", "Gaddafi" / "Gadhafi"): a long shared beginning
    return any(len(w) >= 6 and any(len(v) >= 6 and v[:5] == w[:5] for v in words) for w in distinctive)


def _distinctive(word: str) -> bool:
    """A word of a name that tells it from others: no generic word ("New", "Ministry") and no common word
    that is no name word ("Technologies", "Division"); "Smith", "Shoigu", "Paris" are."""
    if word in _GENERIC or word in _CONNECTORS:
        return False
    zipf = _common_words().get(word)
    return zipf is None or zipf < COMMON_WORD or word in _name_words()


def _abbreviates(short: str, initials: str) -> bool:
    """``short`` is the initials, or the initials with some left out, of a name (same first letter)."""
    if len(short) < 2 or len(short) > len(initials) or short[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(ch in rest for ch in short)


@dataclass(frozen=True, slots=True)
class Version:
    """What a whole version says, for looking names up."""

    words: frozenset[str]
    acronyms: frozenset[str]  # initials of its runs of capitalised words, lower case
    capitals: frozenset[str]  # its words written in capitals ("EU", "NYAG"), lower case

    @classmethod
    def of(cls, text: str) -> Version:
        capitals = frozenset(w.lower() for w in _TOKEN.findall(text) if 2 <= len(w) <= 8 and w.isupper())
        return cls(context_words(text), _acronyms(text), capitals)


def entity_swaps(base_text: str, other_text: str, base_version: Version | None = None,
                 other_version: Version | None = None) -> list[str]:
    """Reasons, one per swapped name: "entity differs: Smith vs Jones", "date differs: Monday vs Friday"."""
    base_version = base_version or Version.of(base_text)
    other_version = other_version or Version.of(other_text)
    gone = [n for n in names(base_text) if not known(n, other_version) and not _reporter(n)]
    if not gone:
        return []
    new = [n for n in names(other_text) if not known(n, base_version) and not _reporter(n)]
    reasons, used = [], set()
    for b in gone:
        match = next((o for o in new if o.text not in used and _same_role(b, o)), None)
        if match is not None:
            used.add(match.text)
            what = "date" if b.kind in ("day", "month") else "entity"
            reasons.append(f"{what} differs: {b.text} vs {match.text}")
    return reasons


# who reports a claim is no part of it: two outlets citing different sources ("told Reuters" / "told the BBC",
# "according to CNN", "AP reported") say the same thing
_NEWS = frozenset({
    "reuters", "ap", "afp", "bbc", "cnn", "bloomberg", "tass", "interfax", "ria", "xinhua", "dpa", "ansa",
    "efe", "nbc", "abc", "cbs", "fox", "nyt", "guardian", "telegraph", "times", "post", "journal"
})
_REPORTING_BEFORE = frozenset({
    "told", "via", "tells", "telling"
})
_REPORTING_AFTER = frozenset({
    "reported", "reports", "reporting", "reporter", "correspondent", "journalist", "quoted", "cited"
})


def _reporter(name: Name) -> bool:
    return name.before in _REPORTING_BEFORE or name.after in _REPORTING_AFTER \
        or any(w in _NEWS for w in name.text.lower().split())


def _same_role(base: Name, other: Name) -> bool:
    if base.kind != other.kind:
        return False
    return bool(base.before and base.before == other.before) or bool(base.after and base.after == other.after) \
        or (base.opens and other.opens)


# ---------- opposite actions -------------------------------------------------------------------------------

# (forms of one action, forms of its opposite); both directions are read
_OPPOSITES = [
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("win wins won winning", "lose loses lost losing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("open opens opened opening", "close closes closed closing"),
    ("raise raises raised raising", "lower lowers lowered lowering cut cuts cutting"),
    ("allow allows allowed allowing", "ban bans banned banning forbid forbids forbade forbidden"),
    ("confirm confirms confirmed confirming", "deny denies denied denying"),
    ("agree agrees agreed agreeing", "refuse refuses refused refusing"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("buy buys bought buying", "sell sells sold selling"),
    ("hire hires hired hiring", "fire fires fired firing"),
    ("acquit acquits acquitted acquitting", "convict convicts convicted convicting"),
    ("strengthen strengthens strengthened", "weaken weakens weakened"),
    ("expand expands expanded expanding", "shrink shrinks shrank shrunk shrinking"),
    ("lift lifts lifting", "impose imposes imposed imposing"),
    ("higher", "lower"),
    ("resume resumes resumed resuming", "suspend suspends suspended suspending halt halts halted halting"),
    ("succeed succeeds succeeded succeeding", "fail fails failed failing"),
    ("arrest arrests arrested arresting", "release releases released releasing free freed"),
    ("survive survives survived surviving", "die dies died dying kill killed"),
    ("pass passes passed passing", "fail fails failed failing"),
    ("start starts started starting begin begins began begun beginning", "end ends ended ending"),
    ("join joins joined joining", "leave leaves left leaving quit quits"),
]
_ACTION: dict[str, frozenset[tuple[int, int]]] = {}  # form -> (pair, side) of each pair it is in ("lost")
for _k, (_a, _b) in enumerate(_OPPOSITES):
    for _side, _forms in enumerate((_a, _b)):
        for _form in _forms.split():
            _ACTION[_form] = _ACTION.get(_form, frozenset()) | {(_k, _side)}
_AUXILIARIES = frozenset({
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could", "may",
    "might", "did", "does", "do", "also", "then", "just", "not"
})
_WORD = re.compile(r"[^\W\d_]+")


def opposite_actions(base_text: str, other_text: str) -> list[str]:
    """Reasons, one per action one claim says and the other reverses: "opposite action: rose vs fell"."""
    base_words, other_words = _words(base_text), _words(other_text)
    reasons = []
    for i, w in enumerate(base_words):
        for pair, side in _ACTION.get(w, ()):
            j = next((j for j, v in enumerate(other_words) if (pair, 1 - side) in _ACTION.get(v, ())
                      and _subject(base_words, i) and _subject(base_words, i) == _subject(other_words, j)), None)
            if j is not None and not _has_side(other_words, pair, side) and not _has_side(base_words, pair, 1 - side):
                reasons.append(f"opposite action: {w} vs {other_words[j]}")
                break
    return reasons


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_side(words: list[str], pair: int, side: int) -> bool:
    return any((pair, side) in _ACTION.get(w, ()) for w in words)


def _subject(words: list[str], k: int) -> str:
    """The word the action is said of: the last word before it that is not an auxiliary."""
    return next((w for w in reversed(words[:k]) if w not in _AUXILIARIES), "")
