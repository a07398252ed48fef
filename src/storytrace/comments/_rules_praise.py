"""A group named in praise, support, a neutral fact or a question (``_benign_mention``), and praise that
belittles it ("clever for a X", "oh great, more X": ``_backhanded``).
"""

from __future__ import annotations

import bisect

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_benign import kind_statement
from storytrace.comments._rules_shared import (
    _IRONY,
    _NOT_PRAISE,
    _QUOTE,
    _SCARE_QUOTES,
    Analysis,
    _hostile_word,
)
from storytrace.comments._tokens import _phrase_at

# a group named in a kind or neutral way ("I really admire X", "I live with X", "are there many X in your town?"):
# the char heads give a bare group mention a high identity baseline, so such a comment is damped (_benign_mention)
_PRAISE = frozenset(["admire", "admires", "love", "loves", "respect", "respects", "support", "supports", "celebrate",
                     "appreciate", "thank", "thanks", "proud", "ally", "allies", "solidarity", "dignity", "rights",
                     "amazing", "brilliant", "kindest", "best", "helped", "helps", "adore", "adores", "contribute",
                     "contributes", "stand with", "sending love"])
# a first person telling of their own life with the group: "I work with X", "my X neighbour"
_FIRST_PERSON_FACT = frozenset(["i", "my", "we", "our", "me"])
_LIFE = frozenset(["live", "lived", "living", "work", "worked", "working", "grew", "married", "met", "know", "knew",
                   "neighbour", "neighbours", "neighbor", "neighbors", "friend", "friends", "coworker", "coworkers",
                   "colleague", "colleagues", "teacher", "wife", "husband", "family", "class", "school", "neighbourhood",
                   "neighborhood", "town", "street", "team", "play", "played"])
_QUESTION_OPENERS = frozenset(["are", "is", "do", "does", "how", "what", "where", "when", "which", "any", "can",
                               "did", "have", "has"])
# praise that belittles: "clever for a X", "smart for once", "oh great, more X", X are so 'peaceful'
_COMPLIMENTS = frozenset(["smart", "clever", "articulate", "well spoken", "well-spoken", "polite", "talented", "bright",
                          "pretty", "civil", "peaceful", "tolerant", "hardworking", "hard-working", "educated"])
_MOCK_CHEER = frozenset(["oh great", "oh wonderful", "oh joy", "oh lovely", "oh good", "just great"])


def _praised(toks: list[str], j: int, lex: Lexicon) -> bool:
    return toks[j] in lex.positive or _phrase_at(toks, j, _COMPLIMENTS) > 0


def _backhanded(norm: str, words: list[tuple[int, int, str]], toks: list[str], clause: list[int],
                people: list[tuple[int, str]], group_end: dict[int, int],
                lex: Lexicon) -> list[tuple[int, tuple[int, str]]]:
    """Praise that belittles a named group: (cue token, (group token, group)) for a compliment in scare quotes
    ("X are so 'peaceful'"), "<compliment> for a (black) X" ending its clause, "<compliment> ... for once" with the group
    before it, and mock cheer at more of them ("oh great, more X")."""
    if not people:
        return []
    n = len(toks)
    starts = [w[0] for w in words]
    quoted = {k for m in _SCARE_QUOTES.finditer(norm)
              for k in range(bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end()))}
    in_quotes = {k for m in _QUOTE.finditer(norm)  # any quotation, a label of three words too ("The Gay One")
                 for k in range(bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end()))}
    at = [gi for gi, _ in people]  # in text order
    found = []
    for j in range(n):
        window = people[bisect.bisect_left(at, j - 8) : bisect.bisect_right(at, j + 8)]  # linear, not quadratic
        near = [(gi, g) for gi, g in window if clause[gi] == clause[j]]
        if not near:
            continue
        # a compliment in scare quotes mocks a group named outside them; with the group's word quoted too the quotes
        # hold names or labels (Also known as "Clever" and "The Retard"; review s24 R329), not irony about the group
        labels = [(gi, g) for gi, g in near if gi not in quoted and gi not in in_quotes]
        scare_quoted = _praised(toks, j, lex) and j in quoted and bool(labels)
        for_once = toks[j] == "for" and j + 1 < n and toks[j + 1] == "once" and \
            any(gi < j for gi, _ in near) and any(_praised(toks, k, lex) for k in range(max(0, j - 4), j))
        if scare_quoted:
            found.append((j, labels[0]))
        elif for_once:
            found.append((j, near[0]))
        elif toks[j] == "for" and j + 1 < n and toks[j + 1] in ("a", "an") and \
                any(_praised(toks, k, lex) for k in range(max(0, j - 3), j)):
            found += [(j, (gi, g)) for gi, g in near if gi - j in (2, 3) and
                      (group_end[gi] >= n or clause[group_end[gi]] != clause[gi])]
        elif _phrase_at(toks, j, _MOCK_CHEER) == 2 and j + 2 < n and toks[j + 2] in ("more", "another"):
            found += [(j, (gi, g)) for gi, g in near if 0 < gi - (j + 2) <= 2]
    return found


def _benign_mention(a: Analysis, toks: list[str], lex: Lexicon, ends: list[int] | None = None) -> bool:
    """A named group of people in praise, support or solidarity, a first-person neutral fact or a genuine question,
    with no hostile word, negation, sarcasm or backhanded marker, scare quotes, harm or exclusion anywhere."""
    if not a.people or a.negated or a.counter or a.defused or a.claimed or a.attack or a.slurs or a.insults \
            or a.profanity or a.threats or a.disguised_groups or a.emoji_attack or a.sexual:
        return False
    text = " ".join(toks)
    if any(f" {m} " in f" {text} " for m in _IRONY) or "..." in a.norm or _SCARE_QUOTES.search(a.norm):
        return False
    if _hostile_word(toks, lex):
        return False
    praised = any(_phrase_at(toks, j, _PRAISE) or toks[j] in lex.positive and toks[j] not in _NOT_PRAISE
                  for j in range(len(toks)))
    asked = a.norm.rstrip().endswith("?") and toks[0] in _QUESTION_OPENERS
    told = bool(_FIRST_PERSON_FACT & set(toks)) and bool(_LIFE & set(toks))
    return praised or asked or told or kind_statement(toks, ends or [])  # "X are people too", "X live in ..."
