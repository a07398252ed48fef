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
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storytrace.comments._lexicon import load_comment_lexicon
from storytrace.comments._rules_shared import _QUOTE, Analysis
from storytrace.comments._tokens import _phrase_at, seq_at

if TYPE_CHECKING:
    from collections.abc import Callable

    from storytrace.comments._lexicon import Lexicon

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
            size = _phrase_at(toks, j, f.after)
            if not size and not _statistic(toks, gi, end, f):
                size = _phrase_at(toks, j, f.stereotype)
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
        if toks[j] in f.firsts_before and (size := _phrase_at(toks, j, f.before)) and k <= j + size <= gi and \
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


# --- session 22 (helper "codes"): coded hate -------------------------------------------------------------------------
# Dog whistles and coded terms (ZOG, "(((they)))", "white genocide", "1488", "dindu"; implicit.json's coded_* keys)
# name no group the group reader knows, so they become identity attacks here, with the group they target. A code
# that is named in order to condemn or explain it ("'white genocide' is a racist conspiracy theory", "the ADL lists
# 1488 as a hate symbol", "police said he posted about ZOG") is a mention: the comment is counter-speech.

_ECHO = re.compile(r"\(\(\(\s*[^()\n]{1,40}?\s*\)\)\)")  # the triple-parentheses echo: "(((they)))"
_ECHO_GROUP = "jews"
_WINDOW = 8  # words either side of an in-company code in which its hostile company must stand
_NUMBER_CODES = frozenset(["1488", "88", "14"])
_CODE_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Codes:
    terms: dict[str, str]  # phrase -> the group it targets; hostile by itself
    in_company: dict[str, str]  # phrase -> group; a code only with hostile company ("jogger", "globalists")
    term_set: frozenset[str]
    company_set: frozenset[str]  # in_company's codes (its group words are no codes)
    in_company_set: frozenset[str]
    firsts: frozenset[str]  # first words of both, for a fast "no code here" check
    company: frozenset[str]
    meta: frozenset[str]
    endorse: frozenset[str]
    everyday_before: frozenset[str]
    everyday_zog: frozenset[str]
    own_before: frozenset[str]  # "we were": a code said of the commenter is no code
    everyday_after: frozenset[str]  # "from the menu": the thing itself


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    d = load_comment_lexicon("implicit.json")
    terms = dict(d.get("coded_terms", {}))
    in_company = {**d.get("group_words_in_company", {}), **d.get("coded_in_company", {})}
    return _Codes(terms, in_company, frozenset(terms), frozenset(d.get("coded_in_company", {})),
                  frozenset(in_company),
                  frozenset(p.split(" ")[0] for p in [*terms, *in_company]), frozenset(d.get("coded_company", [])),
                  frozenset(d.get("coded_meta", [])), frozenset(d.get("coded_endorse", [])),
                  frozenset(d.get("coded_everyday_before", [])), frozenset(d.get("coded_everyday_zog", [])),
                  frozenset(d.get("coded_own_before", [])), frozenset(d.get("coded_everyday_after", [])))


def _everyday_code(toks: list[str], raw_word: Callable[[int], str], j: int, size: int = 1) -> bool:
    """The code at ``j`` (``size`` tokens) in an everyday sense: said of the commenter ("we were mud people by the
    end"), the thing itself ("remove kebab from the menu"), a number after a preposition or determiner ("the 1488
    bus", "built in 1488", "scored 88"), or the name Zog ("King Zog", "a cat called Zog", "Zog" capitalised)."""
    c = _codes()
    before = (" ".join(toks[max(0, j - k) : j]) for k in (1, 2, 3))
    after = (" ".join(toks[j + size : j + size + k]) for k in (2, 3))
    if any(p in c.own_before for p in before) or any(p in c.everyday_after for p in after):
        return True
    prev = toks[j - 1] if j else ""
    if toks[j] in _NUMBER_CODES:
        return prev in c.everyday_before or " ".join(toks[max(0, j - 2) : j]) in c.everyday_before
    if toks[j] == "zog":
        return prev in c.everyday_zog or (j > 0 and raw_word(j) == "Zog")
    return False


def _find_codes(toks: list[str], raw_word: Callable[[int], str]) -> list[tuple[int, int, str, bool]]:
    """Codes in the comment as (first token, end token, group, needs company)."""
    c = _codes()
    found = []
    j = 0
    while j < len(toks):
        size = _phrase_at(toks, j, c.term_set)
        company = False
        if not size:
            size, company = _phrase_at(toks, j, c.in_company_set), True
        if size and toks[j + size : j + size + 1] != ["of"] and not _everyday_code(toks, raw_word, j, size):
            phrase = " ".join(toks[j : j + size])
            found.append((j, j + size, (c.in_company if company else c.terms)[phrase], company))
            j += size
            continue
        j += 1
    return found


def _in_company(toks: list[str], j: int, end: int, others: int, lex: Lexicon, framed: Callable[[], bool]) -> bool:
    """An in-company code at ``j`` .. ``end`` has hostile company: another code in the comment, within ``_WINDOW``
    words a word of coded_company or of the negative or insult lexicon, or an implicit frame (``framed``)."""
    if others > 0:
        return True
    c = _codes()
    for m in range(max(0, j - _WINDOW), min(len(toks), end + _WINDOW)):
        if j <= m < end:
            continue
        if _phrase_at(toks, m, c.company) or toks[m] in lex.negative or toks[m] in lex.insults:
            return True
    return framed()


def _mentioned_code(toks: list[str], spans: set[int], text_l: str, neg: list[bool], lex: Lexicon) -> bool:
    """The comment names its codes to condemn, explain or report them: a word of coded_meta outside the codes
    ("conspiracy theory", "dog whistle", "hate symbol", "neo-nazi") or a news attribution ("police said"), and no
    word that endorses the code ("... is real", "wake up"; not "isn't real")."""
    c = _codes()
    endorsed = any(_phrase_at(toks, m, c.endorse) and not any(neg[max(0, m - 2) : m]) for m in range(len(toks)))
    if endorsed:
        return False
    return lex.attribution_re.search(text_l) is not None or any(
        m not in spans and _phrase_at(toks, m, c.meta) for m in range(len(toks)))


def coded_readings(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
                   clauses: Callable[[], list[int]], to_raw: Callable[[int, int], tuple[int, int]], raw: str,
                   lex: Lexicon) -> None:
    """Coded hate in the comment becomes identity-attack evidence (``a.attack``, with the group the code targets);
    codes named to condemn or report them make the comment counter-speech. The name Zog read as a slur by the group
    lexicon ("King Zog of Albania") is dropped."""
    def raw_word(j: int) -> str:  # the word as written (``norm`` is lower-cased)
        rs, re_ = to_raw(words[j][0], words[j][1])
        return raw[rs:re_]

    _drop_everyday_zog(a, toks, words, raw_word, to_raw)
    echoes = [m.span() for m in _ECHO.finditer(raw)] if "(((" in raw else []
    if not echoes and _codes().firsts.isdisjoint(toks):
        return
    found = _find_codes(toks, raw_word)
    plain = sum(1 for *_, company in found if not company) + len(echoes)

    def framed(j: int, end: int) -> bool:
        """An implicit frame with the word at ``j`` .. ``end`` as its group ("the globalists control the media")."""
        return any(not denied for _, denied in implicit_frames(toks, neg, clauses(), j, end, False))

    is_code = [" ".join(toks[j:end]) in _codes().company_set for j, end, _, _ in found]
    codes = plain + sum(is_code)  # codes in the comment: each is company for the others
    def joined(j: int, end: int) -> bool:
        """Words the decoder split from one written word ("shitskin" -> "shit skin"): the slur, not "shit skin"."""
        rs, re_ = to_raw(words[j][0], words[end - 1][1])
        return end - j > 1 and not any(ch.isspace() for ch in raw[rs:re_])

    hits = [(j, end, g) for (j, end, g, company), code in zip(found, is_code, strict=True)
            if not company or joined(j, end) or
            _in_company(toks, j, end, codes - code, lex, lambda j=j, end=end: framed(j, end))]
    if not hits and not echoes:
        return
    spans = {m for j, end, _ in hits for m in range(j, end)}
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(norm)]
    all_quoted = all(any(qs <= words[j][0] < qe for qs, qe in quoted) for j, _, _ in hits) and not echoes
    if a.counter or (quoted and all_quoted) or _mentioned_code(toks, spans, " ".join(toks), neg, lex):
        if not a.attack:
            a.counter = True
            for j, end, _ in hits:
                a.claimed.append(to_raw(words[j][0], words[end - 1][1]))
        return
    for j, end, g in hits:
        rs, re_ = to_raw(words[j][0], words[end - 1][1])
        a.attack.append((rs, re_, raw[rs:re_], g))
    for s, e in echoes:
        a.attack.append((s, e, raw[s:e], _ECHO_GROUP))


def _drop_everyday_zog(a: Analysis, toks: list[str], words: list[tuple[int, int, str]],
                       raw_word: Callable[[int], str], to_raw: Callable[[int, int], tuple[int, int]]) -> None:
    """"zog" is a slur in the group lexicon; as a name ("King Zog", "called Zog") it is no attack."""
    if "zog" not in toks:
        return
    everyday = {to_raw(words[j][0], words[j][1]) for j, t in enumerate(toks)
                if t == "zog" and _everyday_code(toks, raw_word, j)}
    if everyday:
        a.slurs = [x for x in a.slurs if (x[0], x[1]) not in everyday]
        a.attack = [x for x in a.attack if (x[0], x[1]) not in everyday]


def mark_coded(evidence: list[dict[str, Any]]) -> None:
    """Identity-attack evidence whose text is a code (or a triple-parentheses echo) gets ``"kind": "coded"``."""
    c = _codes()
    for e in evidence:
        if e.get("category") != "identity_attack" or e.get("kind") == "mention":
            continue
        text = str(e.get("text", ""))
        words = " ".join(_CODE_WORDS.findall(text.lower()))
        if text.startswith("(((") or words in c.term_set or words in c.company_set:
            e["kind"] = "coded"


# --- session 23 (lead): the addressee sent home ------------------------------------------------------------------
# "go back to your own country", "go back where you came from", "go back to africa": told to a person, an attack on
# their origin although no group is named (the exclusion frames of implicit.json need one). Not "go back to reddit
# where you came from" (a site), not negated ("no one is telling you to go back ..."), not the commenter's own trip.
_SENT_HOME_GROUP = "immigrants"
_PAUSE = re.compile(r"[,;:.!?]")
_HOMES = frozenset(["country", "countries", "homeland", "land", "village", "tribe", "jungle", "desert", "cave",
                    "caves", "shithole", "hut", "huts"])
_CONTINENTS = (("africa",), ("asia",), ("the", "middle", "east"), ("the", "third", "world"), ("arabia",))
_ORIGIN = tuple((*lead, "where", who, verb, *tail) for lead in ((), ("to",)) for who in ("you", "u", "they")
                for verb, tail in (("came", ("from",)), ("come", ("from",)), ("belong", ())))
_OWN_TRIP = frozenset(["i", "we", "my", "our", "i'll", "we'll", "i'm", "we're", "i'd", "we'd", "want", "love", "wish",
                       "hope", "miss", "can't", "cant", "cannot", "us"])
_SENDERS = frozenset(["send", "ship", "deport", "kick", "throw", "boot"])
# who is sent, and the words between the sender and "back" ("send them all back", "ship the lot of them back")
_SENT = frozenset(["them", "em", "'em", "you", "u", "him", "her", "all", "these", "those", "people", "of", "the", "lot",
                   "back"])


def _home_after(toks: list[str], k: int) -> int:
    """End of "where you came from" / "to your (own) country" / "to africa" starting at ``k``, or 0."""
    if size := seq_at(toks, k, _ORIGIN):
        return k + size
    if toks[k : k + 1] != ["to"]:
        return 0
    own = 1 if toks[k + 2 : k + 3] == ["own"] else 0
    if toks[k + 1 : k + 2] in (["your"], ["ur"], ["their"]) and toks[k + 2 + own : k + 3 + own] and \
            toks[k + 2 + own] in _HOMES:
        return k + 3 + own
    size = seq_at(toks, k + 1, _CONTINENTS)
    return k + 1 + size if size else 0


def _sending(toks: list[str], b: int) -> tuple[int, int]:
    """(start, end) of "go back <home>" or "send them back <home>" with "back" at ``b``, or (0, 0)."""
    end = _home_after(toks, b + 1)
    if not end:
        return 0, 0
    if b and toks[b - 1] == "go":
        return (b - 1, end) if not _OWN_TRIP & set(toks[max(0, b - 5) : b - 1]) else (0, 0)
    sender = next((v for v in range(b - 1, max(-1, b - 5), -1) if toks[v] in _SENDERS), None)
    if sender is not None and all(t in _SENT for t in toks[sender + 1 : b]):
        return sender, end
    return 0, 0


def sent_home(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
              clauses: Callable[[], list[int]], to_raw: Callable[[int, int], tuple[int, int]],
              raw: str) -> None:
    """The comment sends its addressee (or "them") home: an identity attack on immigrants, with the phrase as
    evidence. The commenter's own trip ("I want to go back to Africa") and a sending negated in its clause
    ("nobody is telling you to go back ...") are not."""
    if "back" not in toks or a.counter:
        return
    for b, t in enumerate(toks):
        if t != "back":
            continue
        start, end = _sending(toks, b)
        if not end:
            continue
        clause = clauses()  # computed only once a sending is found
        if any(neg[k] and clause[k] == clause[start] and not _PAUSE.search(norm, words[k][1], words[start][0])
               for k in range(max(0, start - 8), start)):
            continue  # "nobody is telling you to go back ...", not "if you don't like it, go back ..."
        rs, re_ = to_raw(words[start][0], words[end - 1][1])
        a.attack.append((rs, re_, raw[rs:re_], _SENT_HOME_GROUP))
        return
