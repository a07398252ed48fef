"""Direct insults at a person in non-English comments (cues in ``lexicons/comments/multilingual_insult.json``,
written by the project).

The embedding heads learned insults from English tweets and the authored lines, and read a short German, Ukrainian
or Polish insult ("Halt die Fresse, du Vollidiot", "ти дебіл", "jesteś kretynem") at 0.0-0.4; the English insult
list caught only words spelt the English way ("idiot"), also in a novel's title or a denial ("Du bist kein Idiot")
(session-14 review). ``read_insult`` finds a hurtful word aimed at the person addressed: within four words of a
second-person word in the same sentence, not negated and not quoted, or an order to shut up. What it is worth is
the model's decision.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from storytrace.comments._lexicon import lexicon_spans, load_comment_lexicon
from storytrace.comments._multi_context import NEGATED, defusing_context

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;…]")
_REACH = 4  # words between the address and the hurtful word ("du bist so ein hirnloser Vollpfosten")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# a comment whose language could not be told (short: "ти дебіл" is ``und``) is read with these, by its script
UNDETERMINED_CYRILLIC = ("uk", "ru")


_LEXICON = "multilingual_insult.json"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return load_comment_lexicon(_LEXICON)


def languages() -> frozenset[str]:
    """The languages the reader has cues for."""
    return frozenset(_lexicon().get("insults", {}))


def candidate_languages(text: str, lang: str) -> tuple[str, ...]:
    """The cue languages to read ``text`` with: its own, or, for an undetermined comment in Cyrillic script,
    Ukrainian and Russian."""
    if lang in languages():
        return (lang,)
    if lang in ("und", "") and _CYRILLIC.search(text):
        return tuple(x for x in UNDETERMINED_CYRILLIC if x in languages())
    return ()


def _address_positions(low: str, tokens: list[tuple[int, int, str]], lang: str) -> list[int]:
    """Token indices of the second-person words (a phrase counts at its first word)."""
    words = _lexicon().get("addressee", {}).get(lang, [])
    single = {w for w in words if " " not in w}
    out = [j for j, (_, _, t) in enumerate(tokens) if t in single]
    for phrase in (w for w in words if " " in w):
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            out.extend(j for j, (s, _, _) in enumerate(tokens) if s == m.start())
    return sorted(set(out))


def _negated(tokens: list[tuple[int, int, str]], lo: int, hi: int, lang: str) -> bool:
    """A negator among tokens ``lo`` .. ``hi`` (the address, the words between, and two words before both)."""
    negs = _lexicon().get("negators", {}).get(lang, [])
    span = [t for _, _, t in tokens[max(0, lo - 2) : hi]]
    joined = f" {' '.join(span)} "
    return any(t in negs for t in span) or any(f" {n} " in joined for n in negs if " " in n)


def _linked(low: str, tokens: list[tuple[int, int, str]], a: int, j: int, bridge: set[int], lang: str) -> bool:
    """Whether the address at token ``a`` and the hurtful word at token ``j`` are ``_REACH`` words apart or less, in
    one sentence, with only gap words (copulas, articles, intensifiers) or ``bridge`` tokens (other hurtful or
    second-person words) between: "du bist so ein hirnloser Vollpfosten", not "glaubst du, dass das dumm ist"."""
    if a == j or abs(a - j) > _REACH:
        return False
    lo, hi = min(a, j), max(a, j)
    if _SENTENCE_END.search(low, tokens[lo][1], tokens[hi][0]) is not None:
        return False
    gap = set(_lexicon().get("gap", {}).get(lang, []))
    return all(tokens[k][2] in gap or k in bridge for k in range(lo + 1, hi))


def _alone(low: str, tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Token ``j`` is a sentence by itself ("Tupec.", "Дебил!"): an exclamation at the reader."""
    before = low[tokens[j - 1][1] : tokens[j][0]] if j > 0 else "."
    after = low[tokens[j][1] : tokens[j + 1][0]] if j + 1 < len(tokens) else "."
    return _SENTENCE_END.search(before) is not None and _SENTENCE_END.search(after) is not None


def read_insult(text: str, lang: str, also: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The (start, end) spans of the insults ``text`` (language ``lang``) aims at the person it addresses: a hurtful
    word (a cue, or a word of ``also``: the English insult list's hits, "du Clown") linked to a second-person word
    (``_linked``) with no negator before either, or a sentence by itself; not quoted; and orders to shut up. Empty
    for a language without cues."""
    low = text.lower().replace("\u2019", "'")
    spans = lexicon_spans(_LEXICON, "shut_up", lang, low)
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
    index = {s: k for k, (s, _, _) in enumerate(tokens)}
    hurtful = sorted({index[start] for start, _ in lexicon_spans(_LEXICON, "insults", lang, low) if start in index} | {k for k, (_, _, t) in enumerate(tokens) if t in also})
    address = _address_positions(low, tokens, lang)
    bridge = set(address) | set(hurtful)
    for j in hurtful:
        near = [a for a in address if _linked(low, tokens, a, j, bridge, lang)]
        if (near and not any(_negated(tokens, min(a, j), max(a, j) + 1, lang) for a in near)) \
                or _alone(low, tokens, j):
            spans.append(tokens[j][:2])  # the whole word: "Vollpfosten", not its stem
    # a quoted insult is reported, not said ("er nannte ihn „du Idiot“")
    return [s for s in sorted(set(spans)) if defusing_context(text, lang, [s]) != NEGATED]
