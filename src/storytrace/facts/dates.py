"""Dates and periods normalised to ISO 8601 with their precision.

* Full dates: ``2025-06-17`` (day), ``2024-08`` (month), ``2024`` (year), ``1990s`` -> ``199X`` (decade).
* Seasons: ``summer 2024`` -> value ``2024-22`` (EDTF season code) with ``start=2024-06``, ``end=2024-08``
  (northern-hemisphere meteorological seasons; winter Y = Dec Y .. Feb Y+1).
* Intervals: ``from summer 2024 to spring 2025`` -> ``value="2024-06/2025-05"``, ``interval=True``.
* Year-less dates take the year of ``page.published`` (``anchor``); a date that would fall more than 60
  days after publication is put in the previous year. With no publication date the year stays open:
  ``--06-17`` with precision ``day-no-year`` (never the current year).
* Relative expressions (yesterday, last week, Monday, three years ago, this year) resolve against the
  publication date and are marked ``relative``; without one they keep ``value=None``. A bare weekday is the
  previous one ("said on Monday") unless the sentence looks ahead (:func:`points_forward`: "would stay open
  until Sunday", "will resign on Monday", "applies from Monday on"): then it is the following one.
* Quarters and halves: ``Q3 2023`` / ``the third quarter of 2023`` -> ``2023-35`` (EDTF quarter codes 33-36),
  precision ``quarter``, ``start=2023-07``, ``end=2023-09``; ``H1 2024`` / ``the first half of 2024`` ->
  ``2024-40`` (EDTF semestral codes 40-41), precision ``half``. A year-less one takes its year like a month.
* Periods ahead of publication: "in two weeks" is the week two weeks on (like "two weeks ago" behind it), "in 10
  days" the day; only when the sentence looks ahead (:func:`points_forward`; "was built in two years" is a
  duration, no date). "within six months" and "the next three years" are day-intervals from publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5, 21), "summer": (6, 8, 22), "autumn": (9, 11, 23), "fall": (9, 11, 23),
           "winter": (12, 2, 24)}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"])}
NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "a": 1, "an": 1, "several": None, "few": None}
# the one month pattern: "jan(?:uary)?" .. "dec(?:ember)?"; _MON (lower case, captured) reads a cleaned date,
# MONTH_TITLE (capitalised, as running text writes a month) finds one
_MONTH_STEMS = ["jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
                "sept?(?:ember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"]
_MON = "(" + "|".join(_MONTH_STEMS) + r")\.?"
MONTH_TITLE = "(?:" + "|".join(stem.capitalize() for stem in _MONTH_STEMS) + r")\.?"
_LEAD = re.compile(r"^(from|on|in|since|by|until|till|through|during|before|after|as of|at|of|the|"
                   r"early|late|mid|mid-|between|around|about)\s+|^mid-", re.IGNORECASE)
# "the early 2020s" is 2020-2023, "the mid-1990s" 1994-1996, "the late 1980s" 1987-1989 (value and precision stay
# those of the decade; only start and end narrow)
PART_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_PART = re.compile(r"^(?:(?:in|by|since|until|during|from|of|the)\s+)*(early|mid|late)\b", re.IGNORECASE)
_INTERVAL = re.compile(r"^(?:from\s+|between\s+)?(.+?)\s+(?:to|until|till|through|and|-|–)\s+(.+)$", re.IGNORECASE)
# EDTF sub-year groupings: quarter 1 is 33 .. quarter 4 is 36; half (semestral) 1 is 40, half 2 is 41
PARTS_OF_YEAR = {"quarter": (33, 3, 4), "half": (40, 6, 2)}  # part -> (first code, months, parts in a year)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_PART_NAMED = re.compile(r"(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th)\s+(quarter|half)(?:\s+(?:of\s+)?(.+))?")
_PART_CODED = re.compile(r"(q|h)([1-4])(?:\s+(?:of\s+)?(.+))?|(\d{4})\s*(q|h)([1-4])")
# a stretch of time counted from publication: "in two weeks", "in 10 days' time", "within six months"
_AHEAD = re.compile(r"(in|within)\s+(\w+)\s+(day|week|month|year)s?'?(?:\s+time)?")
_FROM_NOW = re.compile(r"(\w+)\s+(day|week|month|year)s?\s+from\s+now")
_NEXT = re.compile(r"(?:the\s+)?(?:next|coming)\s+(\w+)\s+(day|week|month|year)s")


@dataclass(slots=True)
class Norm:
    value: str | None
    precision: str
    start: str | None = None
    end: str | None = None
    interval: bool = False
    relative: bool = False


def parse_anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: dt.date, forward: bool = False) -> int:
    """The year of a year-less date: the publication year, or the year before when the date would fall more than
    60 days after publication; told as ahead (``forward``: "will be held on 9 August") the publication year, or the
    year after when the date fell more than 31 days before publication."""
    y = anchor.year
    try:
        if forward:
            if anchor - dt.date(y, month, min(day, 28)) > dt.timedelta(days=31):
                y += 1
        elif dt.date(y, month, min(day, 28)) - anchor > dt.timedelta(days=60):
            y -= 1
    except ValueError:
        pass
    return y


def _ahead(forward: Forward) -> bool:
    return forward() if callable(forward) else bool(forward)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _clean(text: str) -> str:
    s = " ".join(text.replace("’", "'").split()).strip(" ,.;:()")
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s).strip()
    return s


Forward = bool | Callable[[], bool]  # or asked only when needed: a parse-tree check few dates use


def normalize(text: str, anchor: dt.date | None, forward: Forward = False) -> Norm:
    """Normalise one date expression (see module docstring); ``forward``: a bare weekday is the following one
    (a callable is called only for a bare weekday with an anchor, the one case it decides)."""
    raw = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:()")
    if m := _AHEAD.fullmatch(raw):
        return _period_ahead(m.group(1), m.group(2), m.group(3), anchor, forward)
    if m := _FROM_NOW.fullmatch(raw):
        return _period_ahead("in", m.group(1), m.group(2), anchor, True)
    s = _clean(text).lower()
    # a range of days in one month: "october 3-6, 2023", "3-6 october 2023", "12 to 14 july"
    d = re.fullmatch(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", s)
    if d:
        mon, d1, d2, year = d.group(1), d.group(2), d.group(3), d.group(4)
    elif d := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
                            + r"(?:,?\s+(\d{4}))?", s):
        d1, d2, mon, year = d.group(1), d.group(2), d.group(3), d.group(4)
    if d and int(d1) < int(d2):
        a = normalize(f"{d1} {mon} {year or ''}", anchor, forward)
        b = normalize(f"{d2} {mon} {year or ''}", anchor, forward)
        if a.value and b.value and a.precision == b.precision == "day":
            return Norm(f"{a.value}/{b.value}", "day-interval", a.value, b.value, True, a.relative)
    m = _INTERVAL.match(s)
    if m and not re.fullmatch(r"\d{4}\s*[-–]\s*\d{2,4}", s) or re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", s):
        a_txt, b_txt = (m.group(1), m.group(2)) if m else s.replace("–", "-").split("-")
        a, b = normalize(a_txt, anchor, forward), normalize(b_txt, anchor, forward)
        if a.value is None and re.fullmatch(r"\d{1,2}", a_txt.strip()) and b.value and b.precision == "day":
            a = normalize(f"{b_txt.split()[0]} {a_txt}" if not b_txt[0].isdigit() else f"{a_txt} {b_txt.split()[1]}",
                          anchor, forward)
        if a.value is not None and b.value is not None:
            start, end = a.start or a.value, b.end or b.value
            return Norm(f"{start}/{end}", f"{a.precision}-interval" if a.precision == b.precision else "interval",
                        start, end, True, a.relative or b.relative)
    norm = _single(s, anchor, forward)
    part = _PART.match(" ".join(text.lower().split()))
    if part and norm.precision == "decade" and norm.start:
        first, last = PART_OF_DECADE[part.group(1)]
        norm.start, norm.end = f"{norm.start[:3]}{first}", f"{norm.start[:3]}{last}"
    return norm


def _single(s: str, anchor: dt.date | None, forward: Forward = False) -> Norm:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        return Norm(s, "day") if _valid(*map(int, m.groups())) else Norm(None, "unknown")
    if m := re.fullmatch(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", s):  # "2024.05.17", as East Asian pages write it
        y, mo, d = map(int, m.groups())
        return Norm(f"{y:04d}-{mo:02d}-{d:02d}", "day") if _valid(y, mo, d) else Norm(None, "unknown")
    if m := re.fullmatch(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", s):
        return _day(MONTHS[m.group(1)[:4].rstrip(".") if m.group(1)[:4] == "sept" else m.group(1)[:3]],
                    int(m.group(2)), m.group(3), anchor, forward)
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(\d{4}))?", s):
        return _day(MONTHS[m.group(2)[:3]], int(m.group(1)), m.group(3), anchor, forward)
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s):  # US style, as in US news
        return _day(int(m.group(1)), int(m.group(2)), m.group(3), anchor)
    if m := re.fullmatch(_MON + r",?\s+(\d{4})", s):
        return Norm(f"{int(m.group(2)):04d}-{MONTHS[m.group(1)[:3]]:02d}", "month")
    if m := re.fullmatch(_MON, s):
        mon = MONTHS[m.group(1)[:3]]
        if anchor:
            y = _year_for(mon, 1, anchor, _ahead(forward))
            return Norm(f"{y:04d}-{mon:02d}", "month", relative=True)
        return Norm(f"--{mon:02d}", "month-no-year")
    if m := re.fullmatch(r"(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?", s):
        y = int(m.group(2)) if m.group(2) else (anchor.year if anchor else None)
        if y is None:
            return Norm(None, "season")
        a, b, code = SEASONS[m.group(1)]
        end_y = y + 1 if a > b else y
        return Norm(f"{y:04d}-{code}", "season", f"{y:04d}-{a:02d}", f"{end_y:04d}-{b:02d}", relative=not m.group(2))
    if m := re.fullmatch(r"(?:the\s+)?(\d{3})0'?s", s):
        return Norm(f"{m.group(1)}X", "decade", f"{m.group(1)}0", f"{m.group(1)}9")
    if m := re.fullmatch(r"(?:the\s+year\s+|year\s+)?(\d{4})", s):
        y = int(m.group(1))
        return Norm(f"{y:04d}", "year") if 1000 <= y <= 2100 else Norm(None, "unknown")
    if m := re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{2})", s):  # 2019-20 season / fiscal year
        return Norm(f"{m.group(1)}/{m.group(1)[:2]}{m.group(2)}", "year-interval", m.group(1),
                    f"{m.group(1)[:2]}{m.group(2)}", True)
    if (part := _part_of_year(s, anchor, forward)) is not None:
        return part
    return _relative(s, anchor, forward)


def _part_of_year(s: str, anchor: dt.date | None, forward: Forward = False) -> Norm | None:
    """A quarter or half of a year ("Q3 2023", "the first half of 2024", "the second half of last year"), or None
    when ``s`` is none."""
    if m := _PART_NAMED.fullmatch(s):
        part, n, year_text = m.group(2), _ORDINALS[m.group(1)], m.group(3)
    elif m := _PART_CODED.fullmatch(s):
        letter, digit, year_text = (m.group(1), m.group(2), m.group(3)) if m.group(1) else \
            (m.group(5), m.group(6), m.group(4))
        part, n = ("quarter" if letter == "q" else "half"), int(digit)
    else:
        return None
    code, months, count = PARTS_OF_YEAR[part]
    if n > count:
        return None  # "the third half"
    first_month = (n - 1) * months + 1
    relative = year_text is None
    if year_text is None:
        if anchor is None:
            return Norm(None, part, relative=True)
        year = _year_for(first_month, 1, anchor, _ahead(forward))
    else:
        of_year = _single(year_text, anchor, forward)
        if of_year.precision != "year" or of_year.value is None:
            return None
        year, relative = int(of_year.value), of_year.relative
    return Norm(f"{year:04d}-{code + n - 1}", part, f"{year:04d}-{first_month:02d}",
                f"{year:04d}-{first_month + months - 1:02d}", relative=relative)


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, its day of the month cut to the target month's length."""
    mm = day.month + months
    y, mo = day.year + (mm - 1) // 12, (mm - 1) % 12 + 1
    return dt.date(y, mo, min(day.day, 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31))


def _shifted(anchor: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week"):
        return anchor + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(anchor, n * (12 if unit == "year" else 1))


def _period_ahead(word: str, n_text: str, unit: str, anchor: dt.date | None, forward: Forward) -> Norm:
    """"in two weeks" (the week two weeks after publication), "within six months" (publication up to six months
    on); only told as ahead: "was built in two years" is how long something took."""
    n = NUMWORDS.get(n_text, int(n_text) if n_text.isdigit() else None)
    if n is None or not _ahead(forward):
        return Norm(None, "unresolved")
    if anchor is None:
        return Norm(None, "day-interval" if word == "within" else unit, interval=word == "within", relative=True)
    end = _shifted(anchor, n, unit)
    if word == "within":
        return Norm(f"{anchor.isoformat()}/{end.isoformat()}", "day-interval", anchor.isoformat(), end.isoformat(),
                    True, True)
    return _point(end, unit)


def _point(day: dt.date, unit: str) -> Norm:
    """``day`` at the precision of ``unit`` (relative to publication)."""
    if unit == "day":
        return Norm(day.isoformat(), "day", relative=True)
    if unit == "week":
        iso = day.isocalendar()
        return Norm(f"{iso[0]:04d}-W{iso[1]:02d}", "week", relative=True)
    if unit == "month":
        return Norm(f"{day.year:04d}-{day.month:02d}", "month", relative=True)
    return Norm(f"{day.year:04d}", "year", relative=True)


def _day(month: int, day: int, year: str | None, anchor: dt.date | None, forward: Forward = False) -> Norm:
    if year:
        y = int(year)
        return Norm(f"{y:04d}-{month:02d}-{day:02d}", "day") if _valid(y, month, day) else Norm(None, "unknown")
    if not _valid(2000, month, day):
        return Norm(None, "unknown")
    if anchor:
        y = _year_for(month, day, anchor, _ahead(forward))
        if _valid(y, month, day):
            return Norm(f"{y:04d}-{month:02d}-{day:02d}", "day", relative=True)
    return Norm(f"--{month:02d}-{day:02d}", "day-no-year")


def _relative(s: str, anchor: dt.date | None, forward: Forward = False) -> Norm:
    words = s.split()
    if s in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return Norm(anchor.isoformat() if anchor else None, "day", relative=True)
    if s in ("yesterday", "last night"):
        return Norm((anchor - dt.timedelta(days=1)).isoformat() if anchor else None, "day", relative=True)
    if s == "tomorrow":
        return Norm((anchor + dt.timedelta(days=1)).isoformat() if anchor else None, "day", relative=True)
    wd = words[-1] if words else ""
    if wd in WEEKDAYS and len(words) <= 2 and (len(words) == 1 or words[0] in ("last", "next", "this")):
        if not anchor:
            return Norm(None, "weekday", relative=True)
        delta = (anchor.weekday() - WEEKDAYS[wd]) % 7
        if words[0] == "next":
            d = anchor + dt.timedelta(days=(WEEKDAYS[wd] - anchor.weekday()) % 7 or 7)
        elif words[0] != "last" and (forward() if callable(forward) else forward):
            d = anchor + dt.timedelta(days=(WEEKDAYS[wd] - anchor.weekday()) % 7)
        else:
            d = anchor - dt.timedelta(days=delta if words[0] != "last" or delta else 7)
        return Norm(d.isoformat(), "day", relative=True)
    if m := re.fullmatch(r"(?:the\s+)?(?:past|last|previous)\s+(?:(\w+)\s+)?(day|week|month|year)s?", s):
        # a rolling period up to publication: "the past three years", "the past 12 months", "over the past year"
        # ("last year" / "last month" / "last week" name the calendar unit before: below)
        n_txt = m.group(1)
        n = 1 if n_txt is None else NUMWORDS.get(n_txt, int(n_txt) if n_txt.isdigit() else None)
        if n is not None and (s.startswith(("past", "the past")) or n_txt is not None):
            if not anchor:
                return Norm(None, "day-interval", interval=True, relative=True)
            start = _shifted(anchor, -n, m.group(2))
            return Norm(f"{start.isoformat()}/{anchor.isoformat()}", "day-interval", start.isoformat(),
                        anchor.isoformat(), True, True)
    if m := _NEXT.fullmatch(s):
        # a rolling period from publication: "the next three years", "the coming 12 months"
        n = NUMWORDS.get(m.group(1), int(m.group(1)) if m.group(1).isdigit() else None)
        if n is not None:
            if not anchor:
                return Norm(None, "day-interval", interval=True, relative=True)
            end = _shifted(anchor, n, m.group(2))
            return Norm(f"{anchor.isoformat()}/{end.isoformat()}", "day-interval", anchor.isoformat(),
                        end.isoformat(), True, True)
    if m := re.fullmatch(r"(last|this|next|past|previous|earlier this|later this|coming)\s+(week|month|year)", s):
        if not anchor:
            return Norm(None, m.group(2), relative=True)
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1), 0)
        unit = m.group(2)
        if unit == "year":
            return Norm(f"{anchor.year + step:04d}", "year", relative=True)
        if unit == "month":
            mm = anchor.month + step
            y = anchor.year + (mm - 1) // 12
            return Norm(f"{y:04d}-{(mm - 1) % 12 + 1:02d}", "month", relative=True)
        d = anchor + dt.timedelta(weeks=step)
        iso = d.isocalendar()
        return Norm(f"{iso[0]:04d}-W{iso[1]:02d}", "week", relative=True)
    if m := re.fullmatch(r"(\w+)\s+(day|week|month|year)s?\s+ago", s):
        n = NUMWORDS.get(m.group(1), int(m.group(1)) if m.group(1).isdigit() else None)
        if n is None or not anchor:
            return Norm(None, m.group(2), relative=True)
        return _point(_shifted(anchor, -n, m.group(2)), m.group(2))
    return Norm(None, "unresolved")


_MONR = MONTH_TITLE
DATE_RE = re.compile(
    r"\b(?:" + _MONR + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?!\d)(?!,\s*\d)"  # June 17 / June 17, 2024
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONR + r"(?:,?\s+\d{4})?"  # 17 June 2024
    r"|" + _MONR + r",?\s+\d{4}"  # August 2024
    r"|(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?\d{4}"
    r")")
# "Q3 2023", "H1 2024"; a bare quarter only after a preposition ("in Q4"): "Audi Q4" is a car
PART_RE = re.compile(r"\b(?:[QH][1-4]\s+(?:of\s+)?(?:19|20)\d\d|(?<=\b(?:in|by) )Q[1-4])\b|(?<=\bduring )Q[1-4]\b")
# "1840 Maple Street", "22 W. 4th St.", "2240 W. County Road": a house number before it (no year, no quantity)
STREET_AFTER = re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|"
                          r"Boulevard|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Highway|Hwy)\b\.?")
DOTTED_RE = re.compile(r"(?<![\d.])(?:19|20)\d\d\.\d{1,2}\.\d{1,2}(?![\d.]\d)")  # "2024.05.17"
YEAR_RE = re.compile(r"\b(?:in|since|of|from|by|until|during|before|after|to|the)\s+((?:1[89]|20)\d\d(?:/\d\d)?)"
                     r"(?![\d,.]?\d)", re.IGNORECASE)  # "the 2022/23 season": a season of two years


def find_dates(text: str) -> list[tuple[int, int]]:
    """Character spans of explicit calendar expressions (a fallback for what the NER model misses)."""
    spans = [(m.start(), m.end()) for m in DATE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in PART_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in DOTTED_RE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in YEAR_RE.finditer(text)
              if not any(s <= m.start(1) < e for s, e in spans)]
    return sorted(spans)


FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}  # "would": the future of a reported past ("said ... would")
FORWARD_PREP = {"until", "till", "til"}


def points_forward(span) -> bool:
    """Whether a date phrase (a spaCy span of a parsed sentence) lies after the time the sentence is told from.

    Yes when the verb it belongs to carries a future auxiliary ("will resign on Monday", "would stay open until
    Sunday"), or when it bounds a stretch of time ahead ("until Sunday", "from Monday on") and that verb is not
    in the past tense ("stayed open until Sunday" looks back).
    """
    verb = _governing_verb(span.root)
    if verb is None:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return True
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux)
    if span[0].lower_ == "within" and not _planned(verb, aux):
        return False  # "Customers can return shoes within 30 days": a standing rule, counted from no telling time
    return not past and _bounds_ahead(span)


# what makes "within six months" a promise counted from the telling time, short of a future auxiliary: a
# to-infinitive ("is due to shut within three years") or a verb of plans ("is expected within weeks")
_PLAN_LEMMAS = {"expect", "schedule", "plan", "due", "set", "aim", "intend", "promise", "pledge", "vow"}


def _planned(verb, aux) -> bool:
    from storytrace.facts.lemmas import lemma

    return any(a.lower_ == "to" for a in aux) or lemma(verb).lower() in _PLAN_LEMMAS


def _governing_verb(token):
    # compare indexes: spaCy makes a new Token object on each access, so the root's head is never ``is`` itself
    while token.head.i != token.i:
        token = token.head
        if token.tag_.startswith("VB"):
            return token
    return None


def _bounds_ahead(span) -> bool:
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return span[0].lower_ in FORWARD_PREP or before in FORWARD_PREP or \
        (before == "from" or span[0].lower_ == "from") and after in ("on", "onward", "onwards") or \
        _counted_ahead(span)


_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "time"}


def _counted_ahead(span) -> bool:
    """"in two weeks", "within six months", "in 10 days' time": a stretch counted from the telling time, said of
    a verb ("take effect in two weeks"); said of a noun it is a stretch of time ("the second visit in a month"),
    and "in a month" / "in one day" without a future auxiliary is one too ("the busiest day in a month", "three
    peaks in one day")."""
    return span[0].lower_ in ("in", "within") and len(span) >= 3 and span[-1].lower_ in _TIME_UNITS \
        and span[0].head.pos_ in ("VERB", "AUX") and span[1].lower_ not in ("a", "an", "one")
