"""Two versions in different languages: is one a translation (or a translated rewrite) of the other?

Word shingles and capitalised words say nothing across languages, so such a pair is told by its sentences and its
anchors instead:

- sentences: the claims of the two versions aligned one to one *in order* (a translation keeps the order of its
  sentences) by the multilingual encoder's cosine, at ``PAIR_AT`` or above (:func:`monotone_alignment`); the
  share of each side's claims in that alignment is its coverage. A translation covers both sides; a translated
  rewrite restates most of its own claims (each has a counterpart at the claim comparison's ``ALIGN_AT``: a
  paraphrase in another language scores lower than a translation) and leaves some of the base's out; different
  articles about one event share topics, not sentences;
- anchors: what a translation carries over unchanged, digit numbers (read in each page's own notation: "6.000" is
  6000 in German) and names (transliterated from Cyrillic and Greek, accents dropped, compared by their first
  letters). German capitalises every noun, so a German page's capitalised words are not taken as names.

Thresholds were chosen on the project's translation probes (dev sources of ``tests/stories/data/translations.json``)
with SemEval-2022 Task 8's cross-lingual pairs (different articles) as negatives; see docs/results/stories.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from storytrace.stories.shells import StoryShell, primary_language, split_sentences

# chosen on the dev probes with SemEval's cross-lingual pairs in 5-fold cross-validation (every fold chose these)
PAIR_AT = 0.75  # claim cosine of two sentences that say the same thing in two languages
COVER_AT = 0.80  # share of each side's claims in the order-keeping alignment: a translation
REWRITE_COVER_AT = 0.70  # share of the derived side's claims restated in the base (compare.ALIGN_AT): a rewrite
MIN_ANCHORS = 2  # fewer anchors than this tell nothing
NAME_KEY = 4  # letters of a transliterated name compared ("Schoigu"/"Shoigu" differ there; "Kursk"/"Курск" not)
NOUNS_CAPITALISED = frozenset({"de", "lb"})

_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "e", "g"],
                     strict=True))
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x",
                                                "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"], strict=True))
_CAPITALISED = re.compile(r"(?<=\s)[^\W\d_][\w-]{2,}", re.UNICODE)  # any word but a sentence's first
_LATIN_WORD = re.compile(r"[a-z]{2,}")


@dataclass(slots=True, frozen=True)
class Alignment:
    """How the claims of two versions correspond: order-keeping one-to-one pairs and what they cover."""

    pairs: tuple[tuple[int, int, float], ...]  # (claim of a, claim of b, cosine), in order on both sides
    covered_a: float  # share of a's claims in the order-keeping alignment
    covered_b: float
    restated_a: float  # share of a's claims with a counterpart in b at PAIR_AT or above (in any order)
    restated_b: float


def monotone_alignment(score: np.ndarray, at: float | None = None) -> list[tuple[int, int, float]]:
    """The order-keeping one-to-one pairs of rows and columns at ``at`` (default ``PAIR_AT``) or above with the
    greatest total score (a dynamic programme over the score matrix; each row and column once, no two crossing)."""
    at = PAIR_AT if at is None else at
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    gain = np.where(score >= at, score, -np.inf)
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        row, above, gains = best[i], best[i - 1], gain[i - 1]
        for j in range(1, m + 1):
            row[j] = max(above[j], row[j - 1], above[j - 1] + gains[j - 1])
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1, float(score[i - 1, j - 1])))
            i, j = i - 1, j - 1
    return pairs[::-1]


def alignment(score: np.ndarray, at: float | None = None) -> Alignment:
    """The :class:`Alignment` of two versions whose claims' cosines are ``score`` (rows: a, columns: b)."""
    at = PAIR_AT if at is None else at
    n, m = score.shape
    pairs = monotone_alignment(score, at)
    return Alignment(
        pairs=tuple(pairs),
        covered_a=len(pairs) / n if n else 0.0,
        covered_b=len(pairs) / m if m else 0.0,
        restated_a=float((score.max(axis=1) >= at).mean()) if n and m else 0.0,
        restated_b=float((score.max(axis=0) >= at).mean()) if n and m else 0.0,
    )


def is_translation(found: Alignment, cover_at: float | None = None) -> bool:
    """Both versions say the same sentences in the same order: one is a translation of the other."""
    return min(found.covered_a, found.covered_b) >= (COVER_AT if cover_at is None else cover_at)


def numbers(shell: StoryShell) -> set[str]:
    """The page's numbers as language-free keys ("#6000"), as each page's own notation reads them."""
    return {f"#{q.value:g}" for claim in shell.claims for q in claim.quantities}


def names(shell: StoryShell) -> set[str]:
    """Keys of the names a page states: capitalised words that do not open a sentence, transliterated, cut to
    ``NAME_KEY`` letters; none for a language that capitalises its nouns."""
    if primary_language(shell.language) in NOUNS_CAPITALISED:
        return set()
    found = set()
    for line in shell.full_text.split("\n"):
        for sentence in split_sentences(line):
            for match in _CAPITALISED.finditer(sentence):
                if match.group(0)[0].isupper() and (key := latin(match.group(0))[:NAME_KEY]) and len(key) == NAME_KEY:
                    found.add(key)
    return found


def latin(text: str) -> str:
    """``text`` in lower-case ASCII letters: Cyrillic and Greek transliterated, accents dropped."""
    text = text.lower()
    text = "".join(_CYRILLIC.get(c, _GREEK.get(c, c)) for c in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def name_found(key: str, words: set[str]) -> bool:
    return any(word.startswith(key) for word in words)


def anchors_found(derived: StoryShell, base: StoryShell, totals: set[str] = frozenset()) -> float | None:
    """Share of ``derived``'s anchors (numbers, names) found in ``base`` (``totals``: numbers of ``derived`` that are
    sums of ``base``'s, counted as found); None when ``derived`` has fewer than ``MIN_ANCHORS``."""
    own_numbers, own_names = numbers(derived), names(derived)
    if len(own_numbers) + len(own_names) < MIN_ANCHORS:
        return None
    base_numbers = numbers(base)
    base_words = set(_LATIN_WORD.findall(latin(base.full_text)))
    found = sum(1 for n in own_numbers if n in base_numbers or n in totals)
    found += sum(1 for key in own_names if name_found(key, base_words))
    return found / (len(own_numbers) + len(own_names))
