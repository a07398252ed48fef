"""The compact per-page record the stories stage reads: a streaming run keeps one per page, not the page.

A shell holds what grouping, relations and claim comparison need and no more: the title, the first
``MAX_TEXT`` characters of the body, the page's claims (text, modality) and quantities (value, what is
counted). Claims come from the facts stage when it ran; otherwise (facts off, a language the facts stage
does not know) from the body's sentences, with numbers found by a pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from storytrace.currency import CURRENCY_SIGNS, CURRENCY_WORDS
from storytrace.records import NOT_AN_ARTICLE, Page, Record

MAX_TEXT = 3_000  # characters of body kept: enough for the lead and the main claims
MAX_CLAIMS = 60
MAX_CLAIM_CHARS = 400

# a sentence ends at . ! ? before white space, and at the full-width 。！？ (Chinese, Japanese) without any
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+(?=\S)|(?<=[。！？])(?=[^\s」』）》”’。！？])|(?<=[。！？][」』”])(?=\S)")
# month names a day number with a full stop comes before ("24. April", "1. Mai", "24. kwietnia", "3. března")
_MONTHS = (
    "januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    "|january|february|march|may|june|july|october|december|marts|mars|maj"
    "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
    "|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    "|januára|februára|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra"
    "|siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|studenoga|studenog|prosinca"
    "|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta"
    "|lokakuuta|marraskuuta|joulukuuta")
_MONTH_NEXT = re.compile(rf"(?:{_MONTHS})\b", re.IGNORECASE)
_ORDINAL_DAY = re.compile(r"(?<![\w.,])\d{1,2}\.$")
_ORDINAL_DATE = re.compile(rf"^\.\s*(?:{_MONTHS})\b", re.IGNORECASE)
# a day before a month name is a date, not a count ("17 juin", "17 de junio", "17 июня", "17 June"); the English
# modal "may" is no month ("12 may have died")
_OTHER_MONTHS = (
    "janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    "|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня")
_DAY_MONTH = re.compile(rf"^\s(?:de\s)?(?:(?i:{_MONTHS.replace('|may|', '|')}|{_OTHER_MONTHS})|May)\b")
# abbreviations whose full stop ends no sentence (German, Polish, Czech, Slovak, English, ...)
_ABBREVIATIONS = (
    "z.b. z. b. u.a. u. a. bzw. d.h. d. h. usw. vgl. ca. evtl. ggf. inkl. nr. str. sog. zb. "
    "tzw. np. tzn. itd. itp. ok. m.in. ul. godz. tys. mln. prof. dr. inż. "
    "tzv. např. atd. tj. mj. resp. "
    "mr. mrs. ms. dr. st. jr. sr. gen. lt. col. sgt. gov. sen. rep. e.g. i.e. etc. vs. approx. "
    "т.е. т.к. т.н. т.д. т.п. ул. тыс. млн. др.")
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\[\"'„“«]))(?:" + "|".join(re.escape(a) for a in sorted(set(_ABBREVIATIONS.split()), key=len,
                                                                          reverse=True)) + r")$",
    re.IGNORECASE)
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z])\]")
# a number starts after no letter, digit, "." or ","; a Han or kana character may come right before it ("迫使1200人")
_NOT_AFTER = "(?<![.,])(?<![^\\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
_NUMBER = re.compile(rf"{_NOT_AFTER}\d{{1,3}}(?:[,.\u202f\u00a0 ]\d{{3}})+(?![\d])|{_NOT_AFTER}\d+(?:\.\d+)?(?![\d])")
# languages writing a decimal comma ("6,8") and dots or spaces between thousands ("1.000", "1 000")
DECIMAL_COMMA = frozenset({"de", "fr", "it", "es", "pt", "nl", "pl", "ru", "uk", "cs", "sk", "da", "sv", "nb", "no",
                           "fi", "ro", "tr", "hu", "bg", "hr", "sl", "sr", "el", "id", "ca"})
_NUMBER_DECIMAL_COMMA = re.compile(
    rf"{_NOT_AFTER}\d{{1,3}}(?:[.\u202f\u00a0 ]\d{{3}})+(?:,\d+)?(?![\d])|{_NOT_AFTER}\d+(?:[.,]\d+)?(?![\d])")
# clock times are not quantities: "4.23 am", "4.23 a.m.", "4 pm", "16:30", "16.30 Uhr", "16 h 30"
_CLOCK = re.compile(r"(?<![\w.,:])(?:\d{1,2}[:.]\d{2}|\d{1,2})\s*(?:[ap]\.?\s?m\b\.?|uhr\b|h\b|heures?\b|o'clock\b)"
                    r"|(?<![\w.,:])\d{1,2}:\d{2}(?![\d])", re.IGNORECASE)
# German "am" is a word ("12 am Montag"): there only "a.m." / "pm" mark a time
_CLOCK_DE = re.compile(_CLOCK.pattern.replace(r"[ap]\.?\s?m\b\.?", r"(?:a\.\s?m\.|p\.?\s?m\b\.?)"), re.IGNORECASE)
# a number before a CJK date or time unit is part of a date ("1 月", "1 日", "2021年"), not a count
_CJK_DATE_UNIT = re.compile(r"^\s?[年月日时時点點分秒号號년월일시]")
# a digit glued to one capital letter names a thing ("5G", "4K", "3D"), it counts nothing
_NAME_SUFFIX = re.compile(r"^[A-Z](?![\w])")
_COUNTED_AFTER = re.compile(r"^[\s-]*((?:[^\W\d_][\w-]*\s?){1,3})")
# the word right before a number, when another word comes before it in the sentence
_WORD_BEFORE = re.compile(r"\S\s+([^\W\d_][\w-]*)\s$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# words that end what a number counts ("550 Euro und verfügt" counts "Euro"): conjunctions, articles, prepositions
_STOP_WORDS = (
    "and or but the a an of in on at to for with from by as is are was were has have had "
    "und oder aber der die das den dem des ein eine im am an auf aus bei mit von zu zum zur für ist sind war wurden "
    "sowie et ou mais le la les un une des du de à au aux en dans sur pour avec par est sont "
    "y o pero el los las en con por para es son e ou mas os as um uma do da dos das no na em com "
    "ed il lo gli di del della nel sul per che en het een van op met voor")
_COUNTED_STOP = frozenset(_STOP_WORDS.split())
# scale words after a number: "50 Millionen Euro" is 50,000,000 euros, "8 мільярдів" 8,000,000,000. German
# "Billion" and French "billion" are 10^12, so "billion" is read only on English (or unknown-language) pages
_SCALE_WORDS = {
    1e3: "thousand thousands tausend tsd mila mille tys тыс тысяч тысячи тысяча тис тисяч тисячі тисяча",
    1e6: "million millions millionen mio milioni milione millones millón millon milhões milhão miljoen miljoner "
         "miljonen milion miliony milionów mln млн миллион миллиона миллионов мільйон мільйона мільйонів",
    1e9: "milliarde milliarden mrd milliard milliards miliardi miliardo bilhões bilhão miljard miljarder miliard "
         "miliardy miliardów mld млрд миллиард миллиарда миллиардов мільярд мільярда мільярдів",
}
_SCALE = {word: factor for factor, words in _SCALE_WORDS.items() for word in words.split()}
_SCALE_EN = {"billion": 1e9, "billions": 1e9}
_SCALE_NOT_EN = {"mil": 1e3}  # Spanish and Portuguese "50 mil"; an English "5 mil" may mean a million
# Chinese and Japanese number scales written after the digits ("3.5万", "12億", "1200万")
_CJK_SCALES = {"万亿": 1e12, "萬億": 1e12, "兆": 1e12, "千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6, "万": 1e4,
               "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3}
_CJK_SCALE = re.compile(r"^\s?(" + "|".join(sorted(_CJK_SCALES, key=len, reverse=True)) + ")")
_SCALE_AFTER = re.compile(r"^[\s\u00a0]?([^\W\d_]+)(\.?)(?![\w])")
# currencies written after or before an amount in any language ("50 Millionen Euro", "8 мільярдів гривень", "€5"),
# from the one table the facts stage reads too, so an amount compares as money with its English amounts ("$50
# million": USD); a sign is one character next to the number
_CURRENCY_SIGN = {sign: code for sign, code in CURRENCY_SIGNS.items() if len(sign) == 1}
# "millones de euros", "milliards d'euros", "milioni di danni": what the amount counts comes after "of"
_OF_AFTER_SCALE = re.compile(r"^\s*(?:of|de|di|d['’]|von)\s*", re.IGNORECASE)


@dataclass(slots=True)
class StoryQuantity(Record):
    """A number a page states and what it counts (``counted`` None when unknown)."""

    text: str
    value: float
    counted: str | None = None
    kind: str = "count"
    approximate: bool = False
    unit: str | None = None  # a currency code for money ("GBP"), a measure's unit ("km"); None when unknown
    bound: str | None = None  # "upper" ("as many as 80", "up to"), "lower" ("more than 80"); None for a value
    restates: bool = False  # converts the number before it ("60 mph (97 kph)"): matches, but is never a number of its own
    low: float | None = None  # both ends of a range ("1,000 to 1,500 workers", "0-60 mph"); ``value`` is its middle
    high: float | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(slots=True)
class StoryClaim(Record):
    text: str
    modality: str = "asserted"
    quantities: list[StoryQuantity] = field(default_factory=list)

    _nested: ClassVar[dict[str, type[Record]]] = {"quantities": StoryQuantity}


@dataclass(slots=True)
class StoryShell(Record):
    """What the stories stage keeps of a page."""

    id: str
    source: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    text: str = ""  # body paragraphs joined, capped at MAX_TEXT
    claims: list[StoryClaim] = field(default_factory=list)
    # where the page says it happened, from the facts stage's resolved places (empty without it): the country
    # codes of all its places, and the gazetteer ids of the towns and regions its title or first paragraph names
    countries: list[str] = field(default_factory=list)
    lead_places: list[int] = field(default_factory=list)

    _nested: ClassVar[dict[str, type[Record]]] = {"claims": StoryClaim}

    @property
    def lead(self) -> str:
        """Title and the start of the body: what grouping embeds."""
        return "\n".join(x for x in (self.title, self.text[:600]) if x)

    @property
    def full_text(self) -> str:
        return "\n".join(x for x in (self.title, self.text) if x)


def shell_of(page: Page) -> StoryShell:
    """The story shell of a page (facts claims when the facts stage filled them, else sentences). A page that is
    a paywall, bot check or error page instead of its article gets an empty shell, which no story takes."""
    if any(w.startswith(NOT_AN_ARTICLE) for w in page.warnings):
        return StoryShell(id=page.id, source=page.source, language=page.language, published=page.published,
                          site=page.site, url=page.url)
    text = _FOOTNOTE.sub("", page.body_text)[:MAX_TEXT]
    claims = _facts_claims(page) if page.facts.get("claims") else _sentence_claims(page.title, text, page.language)
    countries, lead_places = _places(page)
    return StoryShell(id=page.id, source=page.source, title=page.title, language=page.language,
                      published=page.published, site=page.site, url=page.url, text=text, claims=claims[:MAX_CLAIMS],
                      countries=countries, lead_places=lead_places)


MAX_PLACES = 32  # of each kind kept per page


def _places(page: Page) -> tuple[list[str], list[int]]:
    """The countries of the page's resolved places, and the towns and regions named in its title or first
    paragraph (a mention in paragraph -1 or 0), from the facts stage's entities."""
    countries: dict[str, None] = {}
    lead: dict[int, None] = {}
    for entity in page.facts.get("entities", []):
        place = entity.get("place") if isinstance(entity, dict) else None
        if not isinstance(place, dict):
            continue
        if isinstance(code := place.get("country_code"), str) and code and len(countries) < MAX_PLACES:
            countries[code] = None
        geonameid = place.get("geonameid")
        if place.get("feature") != "country" and isinstance(geonameid, int) and len(lead) < MAX_PLACES and any(
                isinstance(m, dict) and isinstance(m.get("span"), dict) and m["span"].get("paragraph", 1) <= 0
                for m in entity.get("mentions", [])):
            lead[geonameid] = None
    return list(countries), list(lead)


def _facts_claims(page: Page) -> list[StoryClaim]:
    quantities = {q.get("id"): q for q in page.facts.get("quantities", []) if isinstance(q, dict)}
    out = []
    for claim in page.facts.get("claims", []):
        if not isinstance(claim, dict) or not claim.get("text"):
            continue
        found = [q for qid in claim.get("quantities", []) if qid in quantities
                 and (q := _quantity(quantities[qid])) is not None]
        text = _clean(claim["text"])
        if out and text in out[-1].text:  # a coordinated clause inside the sentence claim before it
            out[-1].quantities += [q for q in found if q not in out[-1].quantities]
            continue
        out.append(StoryClaim(text=text, modality=claim.get("modality") or "asserted", quantities=found))
    return out


def _quantity(fact: dict[str, Any]) -> StoryQuantity | None:
    value, low, high = fact.get("value"), fact.get("low"), fact.get("high")
    if fact.get("vague"):
        return None  # "thousands of" reconciles with nothing exactly
    two_ends = value is None and isinstance(low, (int, float)) and isinstance(high, (int, float)) and low < high
    if value is None and not two_ends:
        return None
    bound = "upper" if high is not None and low is None else "lower" if low is not None and high is None else None
    return StoryQuantity(text=fact.get("text") or "", value=float((low + high) / 2 if two_ends else value),
                         counted=fact.get("counted"), kind=fact.get("kind") or "count",
                         approximate=bool(fact.get("approximate")),
                         unit=fact.get("unit") if fact.get("kind") in ("money", "measure") else None, bound=bound,
                         restates=bool(fact.get("restates")), low=float(low) if two_ends else None,
                         high=float(high) if two_ends else None)


def _sentence_claims(title: str | None, text: str, language: str | None = None) -> list[StoryClaim]:
    from storytrace.ingest.textkey import repeats_title

    # a body paragraph repeating the headline (an extractor kept it) would be counted twice
    body = [p for p in text.split("\n") if not repeats_title(p, title)]
    sentences = ([title] if title else []) + [s for p in body for s in split_sentences(p)]
    return [StoryClaim(text=_clean(s), quantities=pattern_quantities(s, language)) for s in sentences
            if len(s.strip()) > (15 if not _is_cjk(s) else 6)]


def _is_cjk(text: str) -> bool:
    """Mostly Chinese / Japanese / Korean script: a sentence says as much in far fewer characters."""
    letters = [c for c in text if c.isalpha()]
    cjk = sum(1 for c in letters if "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af")
    return bool(letters) and cjk > len(letters) / 2


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: a full stop after an abbreviation ("tzw.", "z.B.", "Dr.") or a day before a month
    name ("24. April") ends none."""
    out, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        before = text[start:end.start()]
        if before.endswith(".") and (_ABBREVIATION.search(before) or _ORDINAL_DAY.search(before)
                                     and _MONTH_NEXT.match(text, end.end())):
            continue
        out.append(before)
        start = end.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def primary_language(code: str | None, default: str = "") -> str:
    """The language of a code without its region, lower case ("en-GB" -> "en"); ``default`` when unknown."""
    return (code or default).split("-")[0].lower()


def pattern_quantities(sentence: str, language: str | None = None) -> list[StoryQuantity]:
    """Numbers written in digits, with the words after them as what they count (any language).

    ``language`` (the page's) decides how "6,8" and "1.000" read: 6.8 and 1000 where a decimal comma is
    written (:data:`DECIMAL_COMMA`), else 68 is not read and "1,000" is 1000. Clock times and the numbers of
    CJK dates are skipped."""
    decimal_comma = primary_language(language) in DECIMAL_COMMA
    clock = [m.span() for m in (_CLOCK_DE if (language or "").startswith("de") else _CLOCK).finditer(sentence)]
    out = []
    for match in (_NUMBER_DECIMAL_COMMA if decimal_comma else _NUMBER).finditer(sentence):
        if any(start <= match.start() < end for start, end in clock) or \
                _CJK_DATE_UNIT.match(sentence[match.end():]) or _NAME_SUFFIX.match(sentence[match.end():]) or \
                _ORDINAL_DATE.match(sentence[match.end():]) or _DAY_MONTH.match(sentence[match.end():]):
            continue
        digits = _decimal_comma_digits(match.group(0)) if decimal_comma else \
            re.sub(r"[,.\u202f\u00a0 ](?=\d{3}\b)", "", match.group(0))
        if _YEAR.match(digits):
            continue
        try:
            value = float(digits)
        except ValueError:
            continue
        end, factor = _scale_after(sentence, match.end(), language)
        rest = sentence[end:]
        if factor != 1:
            rest = _OF_AFTER_SCALE.sub("", rest, count=1)
        after = _COUNTED_AFTER.match(rest)
        counted = _until_stop(after.group(1)) if after else None
        if not counted and factor == 1 and _after_name(sentence[:match.start()]):
            continue  # a title or model ("Alarm für Cobra 11", "Apollo 11"), a date ("March 24"): counts nothing
        currency = _currency(sentence[:match.start()], rest, counted)
        out.append(StoryQuantity(text=sentence[match.start():end], value=value * factor, counted=counted or None,
                                 kind="money" if currency else "count", unit=currency))
    return out


def _scale_after(sentence: str, end: int, language: str | None) -> tuple[int, float]:
    """Where the number ending at ``end`` ends with its scale word ("50 Millionen", "1,2 Mrd."), and the factor."""
    if cjk := _CJK_SCALE.match(sentence[end:]):  # "3.5万人" is 35,000 people
        return end + cjk.end(), _CJK_SCALES[cjk.group(1)]
    word = _SCALE_AFTER.match(sentence[end:])
    if not word:
        return end, 1
    name = word.group(1).lower()
    english = primary_language(language, "en") == "en"
    factor = _SCALE.get(name) or (_SCALE_EN if english else _SCALE_NOT_EN).get(name)
    return (end + word.end(), factor) if factor else (end, 1)


def _currency(before: str, after: str, counted: str | None) -> str | None:
    """The currency code of an amount: a sign right before or after it ("€5", "5 €") or a currency word after it."""
    sign = _CURRENCY_SIGN.get(before.rstrip()[-1:]) or _CURRENCY_SIGN.get(after.lstrip()[:1])
    return sign or (CURRENCY_WORDS.get(counted.split()[0].lower()) if counted else None)


def _after_name(before: str) -> bool:
    """``before`` ends in a capitalised word that does not open the sentence and is not all capitals ("EUR")."""
    word = _WORD_BEFORE.search(before)
    return bool(word) and word.group(1)[0].isupper() and not word.group(1).isupper()


def _until_stop(words: str) -> str:
    kept = []
    for word in words.split():
        if word.lower() in _COUNTED_STOP:
            break
        kept.append(word)
    return " ".join(kept)


def _decimal_comma_digits(written: str) -> str:
    """ "6,8" -> "6.8", "1.000" -> "1000", "1 234,5" -> "1234.5"; a dot before 1, 2 or 4+ digits stays a
    decimal point ("2.5")."""
    whole, comma, fraction = written.partition(",")
    if re.fullmatch(r"\d{1,3}(?:[.\u202f\u00a0 ]\d{3})+", whole):
        whole = re.sub(r"[.\u202f\u00a0 ]", "", whole)
    return f"{whole}.{fraction}" if comma else whole


def _clean(text: str) -> str:
    text = " ".join(_FOOTNOTE.sub("", text).split())
    return text[:MAX_CLAIM_CHARS]
