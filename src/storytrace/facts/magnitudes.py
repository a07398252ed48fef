"""The one table of magnitude words ("million", "bn", "lakh") every number reader of the facts stage uses.

Kept apart from :mod:`storytrace.facts.quantities` (which needs spaCy) so the stage's cheap sentence filter can
use it too.
"""

from __future__ import annotations

import re

MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
               "b": 1_000_000_000, "tn": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
               "crores": 10_000_000}
# the short forms, written glued to their number ("$4.5m", "3bn-4bn"); a lone letter is no magnitude as a word of
# its own ("5 m" may be metres)
ABBREVIATED = frozenset(k for k in MULTIPLIERS if len(k) <= 2)
SINGLE_LETTERS = frozenset(k for k in MULTIPLIERS if len(k) == 1)
# words written after a number that multiply it ("40 lakh doses", "3 crore households")
INDIAN = frozenset({"lakh", "lakhs", "crore", "crores"})
# spelled-out magnitudes ("million"), the words a sentence with a number in words can carry
WORDS = frozenset(k for k in MULTIPLIERS if len(k) > 2)
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "tens": 10, "millions": 1_000_000,
         "billions": 1_000_000_000}


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first ("mn" before "m")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


MAGNITUDE = alternation(MULTIPLIERS)  # any magnitude word, for patterns written in lower case
GLUED = alternation(ABBREVIATED)
