"""Quantities and what they count.

Candidates are the model's CARDINAL / MONEY / PERCENT / QUANTITY entities plus number-like tokens it
missed and vague plurals ("thousands of"). The counted noun phrase comes from the dependency parse: the
noun the number modifies (``nummod``), climbing through "5,000-strong"-style modifiers, or the object of
"of" after a vague or bare number ("thousands of North Korean workers", "two of the brigades").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storytrace.currency import CURRENCIES, CURRENCY_SIGNS, CURRENCY_WORDS
from storytrace.facts.dates import MONTH_TITLE, STREET_AFTER
from storytrace.facts.lemmas import lemma
from storytrace.facts.magnitudes import (
    ABBREVIATED,
    GLUED,
    INDIAN,
    MAGNITUDE,
    MULTIPLIERS,
    SINGLE_LETTERS,
    VAGUE,
)

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
    "half": 0.5, "couple": 2,
}
_MAG = rf"(?:{MAGNITUDE})"  # any magnitude word ("million", "bn", "lakh")
_GLUED = rf"(?:{GLUED})"  # a short one written glued to its number ("4.5m", "3bn")
APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "estimated", "circa",
          "approx", "an estimated", "close to", "up to", "more than", "over", "at least", "less than",
          "fewer than", "under", "as many as", "as much as", "upwards of", "at most", "just over",
          "just under", "whopping"}
LOWER_BOUND = {"more than", "over", "at least", "upwards of", "just over"}
UPPER_BOUND = {"less than", "fewer than", "under", "up to", "as many as", "as much as", "at most", "just under"}
# a money span's leading sign ("us$" before "$"); the words a money span names its currency with
_SIGN_START = re.compile(r"^\s*(" + "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True))
                         + ")")
# the one-character currency signs, as a regex class ("[$£€...]"): one table (storytrace.currency) for every reader
_SIGN_CHARS = "[" + re.escape("".join(sign for sign in CURRENCY_SIGNS if len(sign) == 1)) + "]"
_CURRENCY_NAMES = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in sorted(CURRENCY_WORDS, key=len, reverse=True))
                             + r")(?!\w)", re.IGNORECASE)
_WEIGHTS_TOO = {"pound", "pounds"}  # currency words that also weigh
_NUM = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|to|and)\s*(.+)$")
_RANGE_OPENER = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """'1,000' -> 1000; '6000' -> 6000; '1.5 million' -> 1.5e6; 'six thousand' -> 6000; '$2bn' -> 2e9."""
    s = text.lower().replace("’", "'").strip()
    s = re.sub(r"^(us\$|" + _SIGN_CHARS + r"|rs\.?\s|inr\s|usd\s|eur\s|gbp\s)", "", s).strip()
    s = re.sub(r"-(strong|odd|plus|member|man|person|year|day|month|week|page|mile|acre)s?$", "", s)
    s = s.rstrip("%+").strip()
    f = re.fullmatch(r"(?:(\d+)\s+)?(\d+)/(\d+)", s)
    if f:  # a fraction: "3/4", "2 1/2"; "11/13" (a date, a score) is no number
        whole, num, den = int(f.group(1) or 0), int(f.group(2)), int(f.group(3))
        return whole + num / den if 2 <= den <= 16 and 0 < num < den else None
    # digits and their magnitudes ("1.5 million", "2 hundred thousand", "4bn"), with anything after a magnitude
    m = re.match(r"^([\d.,]+)((?:\s*" + _MAG + r"\b)*)(.*)$", s)
    if m and _NUM.match(m.group(1)) and (m.group(2) or not m.group(3).strip()):
        v = float(m.group(1).replace(",", ""))
        for word in m.group(2).split():
            v *= MULTIPLIERS[word]
        return v
    words = re.split(r"[\s-]+", s.replace(" and ", " "))
    total, current, seen, digits_before = 0.0, 0.0, False, False
    for w in words:
        if not w:
            continue
        if _NUM.match(w):
            if digits_before:
                return None  # "6-5", "51-49": a score or a pair, not one number ("twenty-five" adds)
            current += float(w.replace(",", ""))
            seen = digits_before = True
            continue
        digits_before = False
        if w in WORD_NUMBERS:
            current = (current or 0) + WORD_NUMBERS[w] if w not in ("dozen", "half") else (current or 1) * WORD_NUMBERS[w]
            seen = True
        elif w in MULTIPLIERS and w not in SINGLE_LETTERS:
            current = (current or 1) * MULTIPLIERS[w]
            if MULTIPLIERS[w] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif w == "of" or w == "a":
            continue
        else:
            return None
    return total + current if seen else None


@dataclass(slots=True)
class RawQuantity:
    start: int  # char offsets in the sentence doc
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    vague: bool
    qualifier: str | None
    kind: str
    unit: str | None
    counted: str | None
    counted_head: str | None
    counted_start: int | None
    counted_end: int | None


def _is_num_token(t: Token) -> bool:
    return t.like_num or bool(_INCHES_GLUED.match(t.text)) or t.lower_ in WORD_NUMBERS and t.lower_ not in ("a", "an", "half", "couple") or \
        bool(_NUM_TOKEN.match(t.text)) or bool(_GLUED_RANGE.match(t.text)) or bool(_SIGNED.match(t.text))


_NUM_TOKEN = re.compile(r"^\d[\d,.]*(-\w+|" + _GLUED + r")?$", re.IGNORECASE)  # "5,000-strong", "4.5m"
_INCHES_GLUED = re.compile(r"^\d+(?:\.\d+)?″$")  # "24″": a size in inches, one token
_SIGNED = re.compile(r"^[-−]\d[\d,]*(?:\.\d+)?$")  # "-12", "−2.3" (a minus sign): one token below zero
_DOTTED_DATE = re.compile(r"(?:19|20)\d\d\.\d{1,2}\.\d{1,2}")  # "2024.05.17": a date, no number
_TWO_DOTS = re.compile(r"\d+(?:\.\d+){2,}")  # "11.18.19" (a date), "2.4.1" (a version): no number
# one token holding a range: "1tn-$2tn", "3bn-4bn", "25-$40"
_GLUED_RANGE = re.compile(r"^\d[\d,.]*(?:" + _GLUED + r"[-–]" + _SIGN_CHARS + r"?|[-–]" + _SIGN_CHARS + r")\d[\d,.]*" + _GLUED + r"?$",
                          re.IGNORECASE)


# vague plurals that are other nouns unless "of" follows: "scores of people", not "test scores"
_VAGUE_NEEDS_OF = {"scores", "tens"}


def _before_of(doc: Doc, t: Token) -> bool:
    return t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"


def _climb_to_noun(t: Token) -> tuple[Token | None, Token | None]:
    """From a number token to the noun it counts. Returns (noun, child-of-noun on the path)."""
    prev, cur = t, t
    for _ in range(4):
        if cur.dep_ in ("nummod", "quantmod", "compound", "npadvmod", "amod", "advmod", "nmod", "hmod") and \
                cur.head is not cur:
            prev, cur = cur, cur.head
            if cur.pos_ in ("NOUN", "PROPN") and cur.lower_ not in VAGUE:
                return cur, prev
            if cur.pos_ not in ("NUM", "ADJ", "ADV", "SYM", "PUNCT", "X") and cur.lower_ not in MULTIPLIERS:
                return None, None
        else:
            break
    return None, None


def _of_object(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON"):
                    return g
    return None


def _phrase(doc: Doc, noun: Token, exclude: set[int], names: set[int] = frozenset()) -> SpacySpan:
    """The noun's pre-modifiers + noun (no determiners, numbers or quantity modifiers; numbers that are part of
    a name stay: "737 Max jets")."""
    keep = [t for t in noun.subtree if t.i <= noun.i and t.i not in exclude
            and (t.i in names or t.dep_ not in ("det", "predet", "poss", "case", "punct", "cc", "nummod", "quantmod")
                 and t.pos_ != "NUM" and t.lower_ not in APPROX)]
    # a contiguous run ending at the noun
    run = [noun]
    ids = {t.i for t in keep}
    i = noun.i - 1
    while i >= 0 and i in ids:
        run.insert(0, doc[i])
        i -= 1
    while i >= 1 and doc[i].text == "-" and _glued(doc[i - 1], doc[i]) and _glued(doc[i], run[0]) \
            and doc[i - 1].is_alpha and doc[i - 1].i not in exclude:
        run[:0] = [doc[i - 1], doc[i]]  # "Wi-Fi model", "lithium-ion battery": a hyphenated word is one
        i -= 2
    left = run[0].i
    # a count of more than one counts a plural noun: in "thousands of North Korean workers deployment"
    # (a compound the parser made) the phrase ends at the last plural noun
    if noun.tag_ == "NN":
        plural = [t for t in run[:-1] if t.tag_ in ("NNS", "NNPS")]
        if plural:
            return doc[left : plural[-1].i + 1]
    return doc[left : noun.i + 1]


# a noun a number can size without being a count of it ("a 300 mile route", "a 500 MW plant"): such a number
# before a singular noun stays a quantity
SIZE_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year", "mile", "metre", "meter", "kilometre",
              "kilometer", "foot", "feet", "inch", "yard", "page", "word", "acre", "ton", "tonne", "pound", "kilogram",
              "km", "kg", "mw", "gw", "kw", "seat", "bed", "room", "member", "point", "degree", "percent", "person",
              "man", "strong", "storey", "story", "floor", "megawatt", "gigawatt", "horsepower", "block", "car",
              "game", "match", "mph", "gb", "tb", "mb",
              # nouns whose plural looks singular: "its 123 aircraft", "the 125 staff"
              "aircraft", "spacecraft", "craft", "staff", "crew", "personnel", "police", "sheep", "deer", "fish",
              "cattle", "livestock", "series", "species", "militia", "infantry", "artillery"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "'s", "’s"}


_HAS_DIGIT = re.compile(r"\d")


def _digits(t: Token) -> bool:
    return re.fullmatch(r"\d+", t.text) is not None


def _glued(a: Token, b: Token) -> bool:
    return a.idx + len(a.text) == b.idx


def _model_word(t: Token, places: set[int]) -> bool:
    """A capitalised word that can name a model after its number ("737 Max", "787 Dreamliner", "737 MAX"), not
    an organisation, place or group ("30 Boeing jets", "12 Labour MPs": those are counts)."""
    return t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and not t.is_sent_start \
        and t.lower_ not in SIZE_NOUNS and not (t.text.isupper() and len(t.text) <= 2) and t.i not in places


def _singular_head(t: Token) -> bool:
    noun, _via = _climb_to_noun(t)
    return noun is not None and noun.tag_ in ("NN", "NNP") and lemma(noun).lower() not in SIZE_NOUNS \
        and noun.lower_ not in SIZE_NOUNS


def name_tokens(doc: Doc, places: set[int] = frozenset()) -> set[int]:
    """Token indices of numbers that are part of a name, not quantities: model designations ("A350-900", "F-35",
    "787-9", "Boeing 737-800", "400 737 Max jets", "its 737 Max jet", "the 777 program") and ranks ("number
    one", "No. 2"). ``places``: tokens inside ORG / GPE / NORP / LOC entities."""
    names: set[int] = set()
    for t in doc:
        if not (t.like_num or t.lower_ in WORD_NUMBERS or _HAS_DIGIT.search(t.text)):
            continue  # every test below needs a number (:func:`_is_num_token` or :func:`_digits`)
        i = t.i
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and (prev.lower_ in ("number", "no.") or prev.text == "No" and _digits(t)
                                 or prev.text == "#" and _glued(prev, t)) \
                and _is_num_token(t):
            names.add(i)  # a rank: "the number one buyer", "No. 10", "#2 in the charts"
            continue
        if not _digits(t) or i in names:
            continue
        # a letter-and-number designation joined by a hyphen: "A350-900", "F-35", "COVID-19"
        if i >= 2 and doc[i - 1].text in ("-", "–") and _glued(doc[i - 1], t) and _glued(doc[i - 2], doc[i - 1]) \
                and re.search(r"[A-Za-z]", doc[i - 2].text) \
                and (doc[i - 2].text[:1].isupper() or re.search(r"\d", doc[i - 2].text)):
            names.update((i - 1, i))
            continue
        # a model number with its variant: "787-9", "747-8" (not a range: the second number is far smaller),
        # "Boeing 737-800", "737-800 Max"
        if i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and _glued(t, doc[i + 1]) \
                and _glued(doc[i + 1], doc[i + 2]) and _digits(doc[i + 2]):
            x, y = int(t.text), int(doc[i + 2].text)
            brand = prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
            model_after = i + 3 < len(doc) and _model_word(doc[i + 3], places)
            if x >= 100 and (y * 10 <= x or brand or model_after):
                names.update((i, i + 1, i + 2))
            continue
        if int(t.text) == 1:
            continue
        after_number = prev is not None and _is_num_token(prev) and prev.lower_ not in MULTIPLIERS \
            and prev.i not in names
        # a number before a capitalised model word, where it cannot be a count: after another number ("400 737
        # Max jets", "five 787 Dreamliner sales") or sizing a singular noun ("its 737 Max jet")
        model_next = i + 1 < len(doc) and _model_word(doc[i + 1], places)
        if model_next and (after_number or _singular_head(t)):
            names.add(i)
            continue
        three_digits = 100 <= int(t.text) <= 999 and int(t.text) % 10 != 0
        after_det = prev is not None and prev.lower_ in _DETERMINERS
        if model_next and after_det and three_digits:  # "the 737 Max jets"
            names.add(i)
            continue
        # "the 777 program", "its 787 fleet": a three-digit, non-round number after a determiner, sizing a
        # singular noun that is no unit
        if after_det and three_digits and _singular_head(t):
            names.add(i)
    return names


_SMALL_COUNT = re.compile(r"(?:between|from|about|around|some|nearly|almost)?\s*\d{1,3}"
                          r"(?:\s*(?:-|–|to|and)\s*\d{1,3})?(?:\s+(?:thousand|million|billion))?", re.IGNORECASE)
_TIME_NOUNS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                         "minute", "minutes", "decade", "decades", "century", "centuries", "night", "nights"})


def _count_read_as_date(doc: Doc, span: SpacySpan) -> bool:
    """A DATE entity that is only a small number or range before a noun that is no unit of time ("Between 20-30
    people"): the model's sentence-initial mistake, not a date."""
    if not _SMALL_COUNT.fullmatch(span.text.strip()) or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.pos_ in ("NOUN", "PROPN") and after.lower_ not in _TIME_NOUNS


def quantities_in(doc: Doc, ent_spans: list[tuple[int, int, str]], text: str | None = None) -> list[RawQuantity]:
    """Quantities in a parsed sentence doc. ``ent_spans``: (start_char, end_char, label) from the NER pass; ``text``:
    the doc's text when the caller has it (``Doc.text`` re-joins every token on each access)."""
    candidates: list[tuple[int, int, str]] = []  # token start, end, kind
    taken: set[int] = set()
    places: set[int] = set()
    for s, e, label in ent_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and label in ("ORG", "GPE", "NORP", "LOC"):
            places.update(t.i for t in span)
    names = name_tokens(doc, places)
    blocked: set[int] = set(names)
    for s, e, label in ent_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        if label in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") and any(t.i in names for t in span):
            # "about 300 737": the count ends where the name begins
            cut = next(t.i for t in span if t.i in names)
            if cut == span.start:
                continue
            span = doc[span.start:cut]
        if label in ("CARDINAL", "MONEY") and span.end < len(doc):
            nxt_tok = doc[span.end]
            money_sign = label == "MONEY" or span.start > 0 and doc[span.start - 1].text in CURRENCY_SIGNS
            if money_sign and _glued(span[-1], nxt_tok) and nxt_tok.lower_.rstrip(".") in ABBREVIATED:
                span = doc[span.start:span.end + 1]  # "$4.5m": the tokenizer split off the "m"
            elif nxt_tok.lower_ in INDIAN:
                span = doc[span.start:span.end + 1]  # "40 lakh doses"
        if label == "PERCENT":
            cut = next((t.i for t in span[1:-1] if t.lower_ == "to" and doc[t.i - 1].lower_ in ("point", "points")
                        and _is_num_token(doc[t.i + 1])), None)
            if cut is not None:  # "by 0.3 percentage points to 4.1%": a change and a level, two quantities
                candidates.append((span.start, cut, "percent"))
                candidates.append((cut + 1, span.end, "percent"))
                taken.update(range(span.start, span.end))
                continue
        cut = _change_cut(doc, span) if label in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") else None
        if cut is not None:  # "rose from 3% to 5%": two levels of a change, two quantities
            kind = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure"}[label]
            start = span.start + (span[0].lower_ == "from")
            candidates += [(start, cut, kind), (cut + 1, span.end, kind)]
            taken.update(range(span.start, span.end))
            continue
        if label == "DATE" and _count_read_as_date(doc, span):
            label = "CARDINAL"  # "Between 20-30 people": the model's DATE, a count of people
        if label in ("DATE", "TIME", "ORDINAL", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"):
            # numbers inside names ("Fortune 500", "Boeing 787-9", "iPhone 11") count nothing
            blocked.update(t.i for t in span)
        elif label in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            if not any(_is_num_token(t) or t.lower_ in VAGUE or t.lower_ in MULTIPLIERS for t in span):
                continue
            kind = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure"}[label]
            candidates.append((span.start, span.end, kind))
            taken.update(range(span.start, span.end))
    for t in doc:
        if t.i in taken or t.i in blocked:
            continue
        if t.lower_ in VAGUE and t.pos_ in ("NOUN", "NUM") and (t.lower_ not in _VAGUE_NEEDS_OF or _before_of(doc, t)):
            candidates.append((t.i, t.i + 1, "count"))
        elif _is_num_token(t) and (t.pos_ == "NUM" or _SIGNED.match(t.text)) \
                and not re.fullmatch(r"(1[89]|20)\d\d", t.text):
            j = t.i + 1
            while j < len(doc) and j not in taken and (_is_num_token(doc[j]) or doc[j].lower_ in MULTIPLIERS):
                j += 1
            candidates.append((t.i, j, "count"))
            taken.update(range(t.i, j))
    out = []
    text = doc.text if text is None else text  # once: Doc.text re-joins every token on each access
    for s, e, kind in _merge_ranges(doc, sorted(candidates)):
        e = _cut_at_sentence_end(doc, s, e)
        span = doc[s:e]
        if len(span) == 1 and re.fullmatch(r"(19|20)\d\d", span.text) and span[0].dep_ in ("nummod", "compound", "amod"):
            continue  # "a crewed 2024 moon mission": a year used as a modifier
        if s >= 2 and doc[s - 2].lower_ == "out" and doc[s - 1].lower_ == "of":
            continue  # "eight out of ten companies": the denominator is not a separate count
        if (kind == "count" and _is_score(doc, s, e)) or _is_clock_time(text, span) or _number_word_idiom(doc, e):
            # a measure, an amount of money or a percentage carries its unit: "0-60 mph", "$10-12 million," are no
            # game scores
            continue
        if s > 0 and e - s == 1 and _digits(doc[s]) and lemma(doc[s - 1]).lower() in _CALL_VERBS \
                and not (e < len(doc) and doc[e].pos_ == "NOUN"):
            continue  # "call 911", "dial 112": a number to call
        if _mobile_generation(doc, span):
            continue  # "5G networks": a name
        if _digits(span[0]) and STREET_AFTER.match(text, span[0].idx + len(span[0].text)):
            continue  # "2240 W. County Road": a house number
        if _DOTTED_DATE.match(span.text) or any(_TWO_DOTS.fullmatch(t.text) for t in span):
            continue  # "2024.05.17" (a date: facts.dates reads it), "11.18.19", "version 2.4.1": no quantity
        if _DAY_OF_RANGE.match(text, span.end_char) and re.fullmatch(r"\d{1,2}", span.text):
            continue  # "12-14 July", "3-6 October 2023": the first day of a range of days
        out.append(_one(doc, span, kind, names))
    return [q for q in out if q is not None]


_RANGE_WORDS = {"to", "-", "–", "—"}
# verbs of a change between two levels: "rose from 3% to 5%" (against "ranges from $10 to $12", a range)
_CHANGE_VERBS = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "drop", "climb", "cut", "reduce", "jump", "decline", "expand",
    "shrink", "raise", "lower", "slip", "surge", "soar", "plunge", "boost", "slide", "sink", "tumble", "double",
    "triple", "halve", "swell", "dip", "narrow", "widen", "slash", "hike", "trim", "lift", "revise", "go", "fell",
    "rose", "grew", "up", "down"})  # "up", "down": "profit was up from 5% to 7%"


def _change_cut(doc: Doc, span: SpacySpan) -> int | None:
    """The "to" between the two levels of a change in one entity ("rose from 3% to 5%", "cut from $10 million to
    $8 million"); None for a range ("range from $10 to $12") or when no verb of change governs the "from"."""
    at = span.start if span[0].lower_ == "from" else span.start - 1
    if at < 0 or doc[at].lower_ != "from" or lemma(doc[at].head).lower() not in _CHANGE_VERBS:
        return None
    cut = next((t.i for t in span if t.i > at + 1 and t.lower_ == "to"), None)
    if cut is None or cut + 1 >= span.end:
        return None
    after = doc[cut + 1]
    return cut if _is_num_token(after) or after.text in CURRENCY_SIGNS or after.lower_ in WORD_NUMBERS else None


def _bare_amount(span: SpacySpan) -> bool:
    """Only a number, a currency sign and magnitudes: the high end of "$10-12 million" (not "12 million cars")."""
    return all(_is_num_token(t) or t.lower_ in MULTIPLIERS or t.text in CURRENCY_SIGNS for t in span)


def _leading_number(span: SpacySpan) -> float | None:
    """The number of a count or measure candidate ("between 0.2 and" -> 0.2, "0.4 millimeters" -> 0.4)."""
    value = parse_number(span.text)
    if value is None:
        nums = [t.text for t in span if _is_num_token(t) or t.lower_ in MULTIPLIERS]
        value = parse_number(" ".join(nums)) if nums else None
    return value


def _cut_at_sentence_end(doc: Doc, s: int, e: int) -> int:
    """The end of an entity that runs over a sentence end the sentencizer missed ("40 km/h. Meanwhile"): the token
    ending in a full stop before a capitalised word."""
    for t in doc[s:e - 1]:
        if len(t.text) > 1 and t.text.endswith(".") and doc[t.i + 1].is_title and doc[t.i + 1].is_alpha:
            return t.i + 1
    return e


def _rising(low_text: str, high_text: str) -> tuple[float, float] | None:
    """(low, high) when both texts are numbers and the second is the greater: the two ends of a range."""
    low, high = parse_number(low_text), parse_number(high_text)
    return (low, high) if low is not None and high is not None and low < high else None


def _merge_ranges(doc: Doc, candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two counts joined into a range become one candidate: "242 to 330 passengers", "242-330", "between 242 and
    330"; so do an amount and a bare number after it ("$10-12 million"). Not a change ("cut by 30 to 126", "rose from 30 to 126") and not a falling pair ("a 3-1 win")."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(candidates):
        s, e, kind = candidates[k]
        s2, e2, next_kind = candidates[k + 1] if k + 1 < len(candidates) else (e, e, None)
        kinds = (kind, next_kind) if next_kind else ()
        money_range = kinds in (("money", "count"), ("money", "money")) and _bare_amount(doc[s2:e2])
        if kinds and (set(kinds) <= {"count", "measure"} or money_range):
            gap = doc[e:s2]
            if not gap and e - s > 1 and doc[e - 1].lower_ in _RANGE_WORDS | {"and"}:
                gap = doc[e - 1:e]  # the model's CARDINAL "between 0.2 and" before its QUANTITY "0.4 millimeters"
            before = doc[s - 1].lower_ if s > 0 else ""
            between = before == "between" or doc[s].lower_ == "between"
            joined = len(gap) == 1 and (gap[0].lower_ in _RANGE_WORDS or gap[0].lower_ == "and" and between)
            change = before == "by" or before == "from" and not (s > 1 and lemma(doc[s - 2]).lower() in ("range", "vary"))
            low, high = _leading_number(doc[s:e]), _leading_number(doc[s2:e2])
            if joined and not change and low is not None and high is not None and low < high \
                    and (kinds == ("count", "count") or between or money_range):
                out.append((s, e2, "measure" if "measure" in kinds else kind))
                k += 2
                continue
        out.append((s, e, kind))
        k += 1
    return out


# "4.23 am", "4.23 a.m.", "4 pm", "16:30", "10 o'clock", "0100 GMT": a time of day, not a quantity
_CLOCK = re.compile(r"(?:\d{1,2}[:.]\d{2}|\d{1,2})\s*(?:[ap]\.?\s?m\b\.?|o'clock\b)"
                    r"|\d{1,2}:\d{2}(?!\d)"
                    r"|[0-2]\d[0-5]\d\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|hours\b)", re.IGNORECASE)  # wire "0100 GMT"


_CALL_VERBS = {"call", "dial", "ring", "phone", "text"}
# unit symbols written glued to their number ("320m", "50km", "3GW"): a measure, not a count of "m"
_GLUED_UNITS = {"m", "km", "cm", "mm", "kg", "g", "mg", "mph", "kmh", "ft", "mi", "gw", "mw", "kw", "kwh", "gwh",
                "mwh", "tb", "gb", "mb", "ml", "l"}
_DAY_OF_RANGE = re.compile(r"\s*(?:-|–|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_TITLE.removesuffix(r"\.?")
                           + r"\b")


# unit symbols written apart from their number ("2.1 GW", "8 GB", "1/2 tsp"): the number measures in that unit
UNIT_SYMBOLS = {"GW", "MW", "kW", "KW", "TW", "GWh", "MWh", "kWh", "KWh", "TWh", "kV", "mAh", "GHz", "MHz", "kHz",
                "Hz", "km", "kg", "mg", "mm", "cm", "nm", "mph", "kph", "km/h", "GB", "TB", "MB", "KB", "PB", "Gbps",
                "Mbps", "tsp", "tbsp", "Tbsp", "oz", "lb", "lbs", "ml", "mL", "ft"}
_INCH_MARKS = {'"', "”", "″"}


def _unit_after(doc: Doc, number: Token, span: SpacySpan) -> tuple[str, Token | None, int] | None:
    """The unit written right after ``number`` (a unit symbol or an inch mark), with the token of what it measures
    (the noun after the unit, the object of "of" after it, else None) and the unit's last token index."""
    if number.text.endswith("″"):
        return "inch", _measured_after(doc, number, number), number.i
    u = number.i + 1
    if u >= len(doc) or u > span.end:
        return None
    tok = doc[u]
    if tok.text.rstrip(".") in UNIT_SYMBOLS:
        per = doc[u + 1:u + 3] if u + 2 < len(doc) else None
        if per is not None and per[0].text in ("/", "-") and _glued(tok, per[0]) and _glued(per[0], per[1]) \
                and per[1].text.rstrip(".").isalpha():  # "km/h", "km/h.", "lb-ft"
            return f"{tok.text}{per[0].text}{per[1].text.rstrip('.')}", _measured_after(doc, per[1], tok), u + 2
        return tok.text.rstrip("."), _measured_after(doc, tok, tok), u
    if tok.text in _INCH_MARKS and number.text[:1].isdigit() and _glued(number, tok) and u + 1 < len(doc) \
            and doc[u + 1].is_alpha \
            and doc[number.sent.start:number.i].text.count('"') % 2 == 0:
        return "inch", _measured_after(doc, tok, number), u  # 15" laptop, not the quote closing 'sold 40"'
    return None


def _measured_after(doc: Doc, unit: Token, number: Token) -> Token | None:
    """What a unit measures: the noun it (or its number) modifies after it ("a 2.1 GW solar project"), the object of
    "of" ("4 GW of capacity"), else None ("produces 700 MW")."""
    for tok in (unit, number, doc[unit.i - 2] if unit.i >= 2 and doc[unit.i - 1].text in ("/", "-") else number):
        head = tok.head
        if head.i > unit.i and head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "nmod", "amod", "nummod",
                                                                                "npadvmod") \
                and not any(t.dep_ == "cc" or t.text in (",", ";") for t in doc[unit.i + 1:head.i]):
            return head  # not across "and": "up to 4km and battery life" measures no battery life
    of_obj = _of_object(unit) or _of_object(number)
    return of_obj if of_obj is not None and of_obj.pos_ != "PRON" else None


_UNIT_STOP = re.compile(r"[.!?;]\s|\s+\S*\d")  # a sentence end or the next number ends a unit


def _unit_words(rest: str) -> str | None:
    """The unit in the rest of a measure entity after its number: "55-kilometer" -> "kilometer", "13-Inch MacBook" ->
    "Inch" (a hyphen joins one word), "40 km/h. Meanwhile" -> "km/h", "2.4GHz 16-inch" -> "GHz"."""
    if rest.startswith(("-", "–")):
        return rest.strip(" -–").split()[0] if rest.strip(" -–") else ""
    stop = _UNIT_STOP.search(rest)
    words = (rest[:stop.start()] if stop else rest).strip(" -–.").split()
    while words and words[-1].lower() in ("to", "or", "and", "x", "×", "by"):
        words.pop()  # "3 or 4", "10 x 10-inch", "9.61 to 9.65s": the unit is not the word joining two numbers
    return " ".join(words) or None


def _mobile_generation(doc: Doc, span: SpacySpan) -> bool:
    """"4G", "5G": a mobile network generation (the tokenizer splits off the "G")."""
    return len(span) == 1 and span.end < len(doc) and doc[span.end].text == "G" and _glued(span[0], doc[span.end]) \
        and re.fullmatch(r"[2-6]", span.text) is not None


def _is_clock_time(text: str, span: SpacySpan) -> bool:
    """``text``: the span's doc's text (``Doc.text`` re-joins every token on each access)."""
    first_digit = next((t for t in span if t.text[:1].isdigit()), None)
    if first_digit is None:
        return False
    return _CLOCK.match(text, first_digit.idx) is not None


# words a spelled-out number is hyphenated to in an idiom, not a count ("a one-way street", "a one-off payment")
_IDIOM_SECONDS = {"way", "off", "time", "stop", "liner", "on", "upmanship"}


def _number_word_idiom(doc: Doc, e: int) -> bool:
    """A spelled-out number glued by a hyphen into an idiom counts nothing: "zero-" anything ("zero-tolerance",
    "zero-sum"), an adjective in -ed ("one-sided", "two-faced", "two-pronged"), a fixed second word ("one-way").
    Digits and nouns stay counts ("a three-judge panel", "a 5,000-strong division")."""
    number = doc[e - 1]
    if e + 1 >= len(doc) or number.lower_ not in WORD_NUMBERS or doc[e].text != "-":
        return False
    second = doc[e + 1]
    if not (_glued(number, doc[e]) and _glued(doc[e], second)):
        return False
    return number.lower_ == "zero" or second.lower_ in _IDIOM_SECONDS or (
        second.lower_.endswith("ed") and second.pos_ != "NOUN")


SCORE_NOUNS = {"win", "victory", "lead", "defeat", "loss", "draw", "score", "record", "triumph", "rout"}


def _is_score(doc: Doc, s: int, e: int) -> bool:
    """Game scores ("a 2-1 win", "rolled past Northern Illinois, 45-17,") are not quantities."""
    if e - s == 1 and _digits(doc[s]) and len(doc[s].text) <= 3:
        # one number of a glued falling pair the range rule left apart: "won 7-5, 6-2", "at 6-5"
        t = doc[s]
        if e + 1 < len(doc) and doc[e].text in ("-", "–") and _glued(t, doc[e]) and _glued(doc[e], doc[e + 1]) \
                and _digits(doc[e + 1]) and len(doc[e + 1].text) <= 3 and int(t.text) >= int(doc[e + 1].text):
            return True
        if s >= 2 and doc[s - 1].text in ("-", "–") and _glued(doc[s - 2], doc[s - 1]) and _glued(doc[s - 1], t) \
                and _digits(doc[s - 2]) and len(doc[s - 2].text) <= 3 and int(doc[s - 2].text) >= int(t.text):
            return True
    lo, hi = max(0, s - 2), min(len(doc), e + 2)
    window = doc[lo:hi].text
    if not re.search(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b", window):
        return False
    nxt = [t for t in doc[e:e + 3] if t.pos_ == "NOUN"]
    if nxt and lemma(nxt[0]).lower() in SCORE_NOUNS:
        return True
    return not any(t.pos_ == "NOUN" for t in doc[e:e + 2]) and "," in doc[lo:hi].text


def _one(doc: Doc, span: SpacySpan, kind: str, names: set[int] = frozenset()) -> RawQuantity | None:
    text = span.text
    low_text = text.lower()
    qualifier = None
    # qualifier inside or just before the span
    for q in sorted(APPROX, key=len, reverse=True):
        if low_text.startswith(q + " "):
            qualifier = q
            break
    if qualifier is None:
        before = doc[max(0, span.start - 3) : span.start].text.lower()
        for q in sorted(APPROX, key=len, reverse=True):
            if before.endswith(q) and q != "some" or before.endswith(" " + q) or before == q:
                qualifier = q
                break
    core = text[len(qualifier) + 1 :] if qualifier and low_text.startswith(qualifier + " ") else text
    core = core.replace("″", "")  # "24″": the inch mark is read as the unit below
    opener = _RANGE_OPENER.match(core)  # before the sign test: "between $10m and $12m" is money
    core = core[opener.end():] if opener else core
    # "$12m.": the tokenizer reads "m." as an abbreviation, so the full stop ends the span
    core = re.sub(r"(?<=\d)((?:m|bn|mn|k|tn)\.?)\.$", r"\1", core, flags=re.IGNORECASE)
    unit = None
    named = _CURRENCY_NAMES.search(core)
    if kind == "measure" and named and named.group(0).lower() not in _WEIGHTS_TOO:
        kind = "money"  # the model's QUANTITY "1.2-1.5 trillion dollars" (not "8 pounds", a weight)
    sign = _SIGN_START.match(core.lower())
    if kind in ("measure", "count") and sign:
        kind = "money"  # the model's QUANTITY or CARDINAL "₪40 million": a currency sign leads it
    if kind == "money":
        unit = CURRENCIES.get(sign.group(1)) if sign else None
        for w in core.lower().split():
            unit = unit or CURRENCIES.get(w)
        core = _SIGN_START.sub("", _CURRENCY_NAMES.sub("", core)).strip()  # "$10 million to $12 million"
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    # a currency word before the number, not the verb "won" ("won 45 of the seats", "won 6-4")
    if prev in CURRENCIES and (prev in CURRENCY_SIGNS or doc[span.start - 1].pos_ not in ("VERB", "AUX")):
        kind, unit = "money", unit or CURRENCIES.get(prev)
    nxt = doc[span.end : span.end + 2].text.lower()
    next_word = doc[span.end].lower_ if span.end < len(doc) else ""  # a token: "euros" of "3bn euros." too
    if kind == "money" and unit is None:
        if next_word in CURRENCIES:
            unit = CURRENCIES[next_word]
        elif re.search(r"(%|per ?cent|percent|percentage points?)$", low_text):
            kind = "percent"  # the model's MONEY "4.7 per cent"
        else:
            kind = "count"  # the model's MONEY with no currency anywhere: "more than 6 million cars"
    if kind == "percent":
        unit = "percentage points" if re.search(r"percentage points?\s*$", core, re.IGNORECASE) else "%"
        core = re.sub(r"\s*(%|per ?cent|percentage points?)\s*$", "", core, flags=re.IGNORECASE)
    if kind == "count" and (re.match(r"^(%|per ?cent\b|percent\b|percentage points?)", nxt)
                            or re.search(r"(%|per ?cent|percent)$", low_text)):
        kind, unit = "percent", "percentage points" if nxt.startswith("percentage point") else "%"
    if kind == "count" and next_word in CURRENCIES:
        kind, unit = "money", CURRENCIES[next_word]
    vague = False
    low = high = None
    num_tokens = [t for t in span if _is_num_token(t) or t.lower_ in VAGUE or t.lower_ in MULTIPLIERS]
    if not num_tokens:
        return None
    below_zero = re.match(r"^[-−](?=\d)", core) is not None  # "-12 degrees", "−2.3%"
    core = core[1:] if below_zero else core
    core = re.sub(r"(?<=[-–—\s])" + _SIGN_CHARS, "", core)  # "$30-$45", "£3m-£5m"
    if re.match(r"^\d+/\d+", core) and parse_number(re.match(r"^\d+/\d+", core).group(0)) is None:
        return None  # "11/13": a date or a score, no fraction
    m = re.fullmatch(r"([\d.,]+)\s*(?:-|–|—|to|and)\s*([\d.,]+)", core)
    value = None if m and (parse_number(m.group(1)) or 0) < (parse_number(m.group(2)) or 0) else parse_number(core)
    joiner = r"-|–|—|to|and" if opener else r"-|–|—|to"  # "between 2 billion and 3 billion"
    r = re.fullmatch(r"([\d.,]+(?:\s*" + _MAG + r")?)\s*(?:" + joiner + r")\s*([\d.,]+(?:\s*" + _MAG + r")?)", core,
                     re.IGNORECASE)
    if r and _rising(r.group(1), r.group(2)):
        value = None  # "3m-5m": a range, not the 3m its first part parses as
    ru = re.fullmatch(r"([\d.,]+)\s*(?:-|–|—|to|and)\s*([\d.,]+)\s+([^\d\s].*)", core)
    if value is None and ru and (bounds := _rising(ru.group(1), ru.group(2))) \
            and parse_number(ru.group(1) + " " + ru.group(3)) is None:
        # "6 to 9 minutes": a range with its unit inside the entity
        low, high = bounds
        unit = unit or ru.group(3).strip()
        kind = "measure" if kind == "count" else kind
    elif value is None:
        m = _RANGE.match(core)
        if m and parse_number(m.group(1)) is not None and parse_number(m.group(2)) is not None:
            low, high = parse_number(m.group(1)), parse_number(m.group(2))
            bare_high = parse_number(re.sub(r"[^\d.,]", "", m.group(2))) or 1
            if high < low and high < 1000 and re.search(_MAG + r"\s*$", core, re.IGNORECASE):
                low *= high / max(bare_high, 1)
            elif re.fullmatch(r"[\d.,]+", m.group(1).strip()) and high > bare_high and low * high / bare_high <= high:
                low *= high / bare_high  # "250–275 million": the million is on both ends
            elif high < low:
                return None  # "at 6-5": a falling pair is a score, not a range
            value = None
    w = core.lower().split()
    if value is None and low is None and w and w[-1] in VAGUE:
        vague = True
        value = None
        low = float(VAGUE[w[-1]])
    if value is None and low is None and not vague:
        # a measure like "20 km" or "2 1/2 miles": parse the leading number
        m = re.match(r"^((?:\d+\s+)?\d+/\d+)\s*(\D.*)$", core) or re.match(r"^([\d.,]+)\s*(\D.*)$", core)
        if m and parse_number(m.group(1)) is not None:
            value = parse_number(m.group(1))
            unit = unit or _unit_words(m.group(2))
            kind = "measure" if kind == "count" else kind
        else:
            return None
    if below_zero and value is not None:
        value = -value
    if qualifier in LOWER_BOUND and value is not None:
        low = value
    elif qualifier in UPPER_BOUND and value is not None:
        high = value
    approximate = vague or (qualifier is not None and qualifier != "whopping")
    # what is counted
    anchor = next((t for t in reversed(num_tokens) if t.lower_ not in INDIAN), num_tokens[-1])
    noun, via = _climb_to_noun(anchor)
    if noun is None and low is not None and high is not None:  # "242-330 passengers": the parse hangs 330 on "-"
        anchor = num_tokens[0]
        noun, via = _climb_to_noun(anchor)
    exclude = {t.i for t in span}
    if via is not None and via is not anchor:
        exclude |= {t.i for t in via.subtree if t.i not in names}
    if noun is None:
        of_obj = _of_object(anchor)
        if of_obj is not None and of_obj.pos_ != "PRON":
            noun = of_obj
    if kind == "measure" and noun is None and anchor.head.pos_ == "NOUN":
        noun = anchor.head
    while kind == "count" and noun is not None and noun.dep_ == "compound" and noun.head.i == noun.i + 1 \
            and noun.head.pos_ in ("NOUN", "PROPN") and doc[noun.i - 1].text not in ("-", "–"):
        noun = noun.head  # "40 lakh vaccine doses" parsed with the number on "vaccine": the count is of doses
    if noun is not None and kind == "money" and (noun.i in exclude or noun.lower_ in CURRENCIES):
        noun = None  # "$4.5m": the "m" is the amount's own; "40 million euros" counts no euros
    if noun is not None and kind == "count" and noun.i < anchor.i and noun.i < span.start:
        return None  # "page 14", "junction 9", "Unity 3": a number after its noun names it, it counts nothing
    unit_tok = doc[span.end] if span.end < len(doc) else None
    if kind == "count" and unit_tok is not None and unit_tok.lower_ in _GLUED_UNITS and _glued(span[-1], unit_tok):
        kind, unit = "measure", unit_tok.text  # "a 320m tower", "the 400m": a measure in metres, no count of "m"
        if noun is None or noun.i == unit_tok.i:
            noun = unit_tok
    if kind in ("count", "measure"):
        sized = _unit_after(doc, num_tokens[-1], span)
        if sized is not None:  # "a 2.1 GW solar project", "4 GW of capacity", "a 15\" laptop"
            kind, unit, noun = "measure", sized[0], sized[1]
            unit_span = doc[num_tokens[-1].i + 1 : sized[2] + 1]
            exclude |= {t.i for t in unit_span}
            if noun is None and len(unit_span) and unit_span[0].text not in _INCH_MARKS:
                # "produces 700 MW": nothing named is measured, the unit stands for it (as "2 miles" does)
                return RawQuantity(span.start_char, span.end_char, text, value, low, high, approximate, vague,
                                   qualifier, kind, unit, unit_span.text, unit.lower(), unit_span.start_char,
                                   unit_span.end_char)
    counted = counted_head = None
    cs = ce = None
    if noun is not None and kind in ("count", "measure"):
        phrase = _phrase(doc, noun, exclude, names)
        counted = phrase.text
        head_tok = doc[phrase.end - 1]
        counted_head = lemma(head_tok).lower() or head_tok.lower_
        cs, ce = phrase.start_char, phrase.end_char
        if kind == "count" and any(v is not None and v < 1000 and v != int(v) for v in (value, low, high)):
            kind = "measure"  # "1/2 cup", "3.7 GW", "0.6 to 0.7 mm": a fraction of a thing measures it, counts nothing
        if kind == "measure" and unit is None:
            unit = noun.text
    elif noun is not None and kind in ("money", "percent"):
        counted = _phrase(doc, noun, exclude, names).text
        counted_head = lemma(noun).lower()
    return RawQuantity(span.start_char, span.end_char, text, value, low, high, approximate, vague, qualifier,
                       kind, unit, counted, counted_head, cs, ce)


_OPENS_CONVERSION = re.compile(r"\s*[(\[]\s*(?:[A-Z]{0,3}[$€£¥₹₽])?")  # the sign is outside a money span
_CLOSES_CONVERSION = re.compile(r"\s*[)\]]")


def mark_conversions(quantities: list, text_of) -> None:
    """Set ``restates`` on a quantity that only converts the one before it into another unit or currency, written
    in brackets right after it ("60 mph (97 kph)", "300 miles (480 km)", "$12.9bn (£10bn)"): one fact said twice,
    which a comparison must not read as two numbers. ``quantities`` are facts ``Quantity`` records in text order;
    ``text_of(paragraph)`` gives a paragraph's text."""
    for before, q in itertools.pairwise(quantities):
        if before.span.paragraph != q.span.paragraph or q.kind not in ("measure", "money") or before.kind != q.kind \
                or not before.unit or not q.unit or before.unit.lower() == q.unit.lower():
            continue
        text = text_of(q.span.paragraph)
        gap = text[_end(before):q.span.start]
        if _OPENS_CONVERSION.fullmatch(gap) and _CLOSES_CONVERSION.match(text, _end(q)):
            q.restates = before.id


def _end(q) -> int:
    """Where a quantity's words end: its counted unit may follow its number ("97 kph": "97", counted "kph")."""
    return max(q.span.end, q.counted_span.end if q.counted_span is not None else 0)
