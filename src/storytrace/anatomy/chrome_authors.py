"""Authors and dates of plain-text comments, read from the comment section's chrome lines.

A plain-text dump that keeps a comment section's chrome shows lines such as ``John Smith says:``,
``March 3, 2009 at 4:15 pm``, ``Posted by: Ann | May 2, 2011`` or ``Reply`` between the comments. The line
model (:mod:`storytrace.anatomy.text`) labels them boilerplate (or, sometimes, comment); this module reads
them and attaches an author and a date to the comment records they belong to.

The hard part is the side: some sites put the chrome *before* its comment (WordPress: ``Ann says: / date /
<comment> / Reply``), others *after* it (TypePad: ``<comment> / Posted by: Ann | date``), and some split it
(Blogger: ``Ann said... / <comment> / date``). A wrong guess pins every comment on its neighbour's author,
which is worse than no author, so the side is decided per page and per field (author, date) from evidence,
and the page is left alone when the evidence is missing or conflicts:

1. *Cues*: ``says:`` / ``said...`` / ``wrote:`` / ``added`` name the author of the text that follows;
   ``Posted by`` / ``Submitted by`` name the author of the text above. One kind only on a page decides the
   author's side (both kinds: abstain).
2. *Edges*: every comment of a section with chrome has its chrome block on the same side, so the block
   before the first comment and the block after the last one tell the side: a name (or date) found just
   before the first comment and none just after the last means "before", and the reverse "after". Without
   cues this decides the author's side; with cues it must not contradict them. Dates have their own side.
3. *Replies*, when neither cues nor edges tell: a reply names the one it answers ("Tami, that means a lot"
   under the comment after Tami's); the side under which such replies name the comment above (and none its own
   author) wins, if the other side shows none. A decided page whose comments would address their own authors
   abstains.
4. Within a block, the name (date) nearest to the comment on the decided side is taken.

Consecutive comment lines between two chrome blocks are the paragraphs of one comment and get the same
author. Comment-labelled lines that are themselves plainly chrome (a ``says:`` line, a date line) separate
comments and get nothing. Names are checked (length, words, no markup, control or bidi characters, no URLs);
dates become ISO 8601 strings as precise as the page says (``2009-03-03T16:15``, ``2009-03-03``, ``2009``
when day and month could be swapped). Reply nesting (``parent_id``) is not guessed: plain text has no
reliable evidence of it.

:func:`storytrace.anatomy.text.split_text` calls it when ``Options.text_comment_authors`` is set (off by
default: held-out precision against the HTML comment authors 0.946 with the chrome specialist, 0.774 with line model v5.3, docs/results/text_anatomy.md).

Requires: the page's lines and the labels :func:`storytrace.anatomy.text.split_text` gave them, and the
comment records built from the ``comment`` lines in order. Assigns: ``Comment.author``, ``Comment.published``
(only where they are None).
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from storytrace.records import Comment

__all__ = ["ChromeReading", "LineChrome", "attach_chrome_authors", "parse_chrome_line", "parse_date", "read_chrome"]

BEFORE, AFTER = "before", "after"
EDGE_LINES = 4  # lines read before the first and after the last comment (the edge blocks)
MAX_NAME_CHARS = 50
MAX_NAME_WORDS = 6
MAX_LINE_CHARS = 160  # longer lines are text, not chrome (and keeps every regex below cheap)

# --- dates ------------------------------------------------------------------------------------------------

# month names and their usual abbreviations, English, German, French, Spanish, Ukrainian, Russian (genitive
# "12 березня", "12 марта" and nominative forms): comment dates in dumps of European news sites
_MONTH_WORDS: dict[str, int] = {}
for _number, _words in enumerate((
        "jan january januar jänner janvier ene enero січ січня січень янв января январь",
        "feb february februar fév févr février febrero лют лютого лютий фев февр февраля февраль",
        "mar march mär märz mrz mars marzo бер березня березень мар марта март",
        "apr april avr avril abr abril кві квіт квітня квітень апр апреля апрель",
        "may mai mayo тра трав травня травень мая май",
        "jun june juni juin junio чер черв червня червень июн июня июнь",
        "jul july juli juil juillet julio лип липня липень июл июля июль",
        "aug august août ago agosto сер серп серпня серпень авг августа август",
        "sep sept september septembre septiembre вер вер. вересня вересень сен сент сентября сентябрь",
        "oct october okt oktober octobre octubre жов жовт жовтня жовтень окт октября октябрь",
        "nov november novembre noviembre лис лист листопада листопад ноя нояб ноября ноябрь",
        "dec december dez dezember déc décembre dic diciembre гру груд грудня грудень дек декабря декабрь",
), start=1):
    for _word in _words.split():
        _MONTH_WORDS.setdefault(_word.rstrip("."), _number)
# any word here, looked up in _MONTH_WORDS after the match: an alternation of every month name is tried at every
# position of a line and made hostile lines several times slower
_MON = r"(?P<mon>[^\W\d_]{3,11})\.?(?!\w)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TZ = r"(?:\s*\(?(?:[ECMP][SD]T|UTC|GMT|ET)(?:\s*[-+]\s*\d{1,2}(?::?\d\d)?)?\)?)?"
_TIME = (r"(?:\s*(?:,|at|@|·|-|\||/)?\s*(?:um|o|о|об|в|à|a las)?\s*(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*"
         r"(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:uhr|h|год\.?|ч\.?)(?!\w))?" + _TZ + ")?")
_DATE_RES = [
    re.compile(_WEEKDAY + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b" + _TIME, re.IGNORECASE),  # March 3, 2009
    re.compile(_WEEKDAY + _DAY + r"\.?\s+" + _MON + r",?\s+" + _YEAR + r"\b" + _TIME, re.IGNORECASE),  # 3 March 2009
    re.compile(_MON + r"\s+" + _YEAR + r"\b", re.IGNORECASE),  # March 2009 (month precision)
    re.compile(r"\b" + _YEAR + r"-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b" + _TIME, re.IGNORECASE),  # 2009-03-03
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)\b" + _TIME,
               re.IGNORECASE),  # 3/3/2009, 03.03.09
]
_RELATIVE = re.compile(r"\(?\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:uhr|h)\b)?\)?" + _TZ + r"|"
                       r"\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
                       r"\bvor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|"
                       r"jahr(?:en)?)\b|"  # German
                       r"(?<!\w)\d+\s*[^\W\d_]{3,9}\s+(?:тому|назад)(?!\w)|"  # Ukrainian, Russian: "2 години тому"
                       r"(?<!\w)(?:yesterday|today|just now|heute|gestern|vorgestern|gerade eben|aujourd'hui|hier|"
                       r"hoy|ayer|сьогодні|вчора|щойно|сегодня|вчера|только что)(?!\w)", re.IGNORECASE)
# "ElizabethOctober 29, 2012", "Dan Renae7/10/2012": a name glued to its date
_GLUED = re.compile(r"(?<=[a-z)*☆])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)|"
                    r"(?<=[^\W\d_)*☆])(?=\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)|"
                    r"(?<=[a-z)])(?=\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")


@dataclass(slots=True, frozen=True)
class _Date:
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    swappable: tuple[int, int] | None = None  # numeric day/month that could be either way round
    order: str | None = None  # "dm" or "md": a numeric date whose day (> 12) shows the page's order

    def iso(self, order: str | None = None) -> str | None:
        """ISO 8601 at the precision found; ``order`` ("dm" or "md") settles a swappable numeric date."""
        month, day = self.month, self.day
        if self.swappable is not None:
            if order is None:
                return f"{self.year:04d}"
            a, b = self.swappable
            day, month = (a, b) if order == "dm" else (b, a)
        if month is None:
            return f"{self.year:04d}"
        if day is None:
            return f"{self.year:04d}-{month:02d}"
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(self.year, month)[1]:
            return None  # "31/02/2012" is no date
        out = f"{self.year:04d}-{month:02d}-{day:02d}"
        if self.hour is not None and self.minute is not None:
            out += f"T{self.hour:02d}:{self.minute:02d}"
        return out


def _time(m: re.Match[str]) -> tuple[int | None, int | None]:
    if m.group("hour") is None:
        return None, None
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None, None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23:
        return None, None
    return hour, minute


def _find_date(text: str) -> tuple[_Date, tuple[int, int]] | None:
    """The first date in ``text`` and its span, or None."""
    for rx in _DATE_RES:
        if "mon" in rx.groupindex:
            m = next((m for m in rx.finditer(text) if m.group("mon").lower() in _MONTH_WORDS), None)
        else:
            m = rx.search(text)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("mon") is not None:
            month = _MONTH_WORDS[groups["mon"].lower()]
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not 1 <= day <= calendar.monthrange(int(groups["year"]), month)[1]:
                continue
            hour, minute = _time(m) if "hour" in groups else (None, None)
            return _Date(int(groups["year"]), month, day, hour, minute), m.span()
        if groups.get("m") is not None:
            month, day = int(groups["m"]), int(groups["d"])
            if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(int(groups["year"]), month)[1]):
                continue
            hour, minute = _time(m)
            return _Date(int(groups["year"]), month, day, hour, minute), m.span()
        a, b, y = int(groups["a"]), int(groups["b"]), groups["y"]
        year = int(y) if len(y) == 4 else _century(int(y))
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12) or year > 2099:
            continue
        hour, minute = _time(m)
        if groups["sep"] == "." and (a <= 12 or b <= 12):
            # "12.03.2024": dotted numeric dates are day first wherever they are written so
            return _Date(year, b, a, hour, minute, order="dm"), m.span()
        if a > 12:  # day first
            return _Date(year, b, a, hour, minute, order="dm"), m.span()
        if b > 12:  # month first
            return _Date(year, a, b, hour, minute, order="md"), m.span()
        return _Date(year, None, None, hour, minute, swappable=(a, b)), m.span()
    return None


def _century(yy: int) -> int:
    """A two-digit year: "12" is 2012, "99" is 1999 (not a year still to come)."""
    return 2000 + yy if 2000 + yy <= datetime.date.today().year else 1900 + yy


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 at the precision the text gives, or None.

    ``"March 3, 2009 at 4:15 pm"`` -> ``"2009-03-03T16:15"``; ``"11. Jul, 2012"`` -> ``"2012-07-11"``;
    ``"10/31/2012"`` -> ``"2012-10-31"``; ``"03/04/2012"`` -> ``"2012"`` (day and month could be swapped);
    ``"3 days ago"`` -> None (no anchor).
    """
    found = _find_date(_GLUED.sub(" ", _SPANISH_DE.sub(r"\1 \2 \3", _clean(text))))
    return found[0].iso() if found else None


# Spanish dates join day, month and year with "de": "1 de marzo de 2024" is "1 marzo 2024"
_SPANISH_DE = re.compile(r"\b(\d{1,2}) de ([^\W\d_]+) (?:de|del) (\d{4})\b", re.IGNORECASE)


# --- lines ------------------------------------------------------------------------------------------------

# whole lines that are buttons, counters or headers: chrome, but no name
_UI = re.compile(
    r"^(?:reply|replies|reply\s*↓|reply to this( comment)?|report( abuse| comment| this)?|like|unlike|permalink|"
    r"flag|share|edit|quote|delete|link|photo|\+?-?\d{1,5}|\d+\s*(?:fans?|likes?|points?|votes?|replies|comments?)|"
    r"[-–—_=*|·•»«.]+|(?:log ?in|sign ?in) to reply|thumbs? up|thumbs? down|hide replies|show replies|"
    r"load more( comments)?|leave a (?:reply|comment)|cancel reply|"
    r"antworten|melden|teilen|zitieren|empfehlen|répondre|signaler|partager|responder|denunciar|compartir|"
    r"відповісти|поскаржитися|поділитися|цитувати|ответить|пожаловаться|поделиться|цитировать|"
    r"(?!by\s)(?:[^\W\d_]+\s+){0,2}[^\W\d_]+:?\s*[(\[]\d{1,4}[)\]])$",  # "Kommentare (3)", not "by ann (4321)"
    re.IGNORECASE,
)
# words that make a short line a label, a menu or a header rather than someone's name
_NOT_NAME = re.compile(
    r"\b(?:reply|replies|comments?|responses?|trackbacks?|pingbacks?|permalink|report|share|login|log in|sign in|"
    r"sign up|register|subscribe|follow us|posted|related|recent|popular|archives?|categor(?:y|ies)|tags?|"
    r"search|home|about|contact|privacy|terms|copyright|rss|feed|newsletter|advertis\w*|next|previous|older|"
    r"newer|page|read more|more|top|print|email|e-mail|website|required|submit|cancel|name|notify|"
    r"facebook|twitter|google|pinterest|linkedin|tweet|you must|click here)\b|"
    r"[<>{}\[\]\\=]|https?:|www\.|\.(?:com|org|net|html?)\b|^[\W\d_]+$",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(r"^(?P<n>.+?)\s+(?:says|said|wrote|writes|added|commented)\b\s*[:.,…]*\s*(?:\d{1,5})?$",
                         re.IGNORECASE)
_CUE_AFTER = re.compile(r"^(?:posted|submitted|written|comment(?:ed)?)\s+by\s*:?\s*(?P<n>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s*:?\s+(?P<n>.+)$", re.IGNORECASE)
_EDGE_JUNK = " \t|/·•-–—,:;@[]#+"
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|thanks|thank you|cheers|regards|best|love|yes|no|ok|wow|great|nice)\b",
                       re.IGNORECASE)
_LEAD_JUNK = re.compile(r"^(?:#?\d{1,4}[.):]?\s+|(?:posted\s+)?(?:on|at)\s+|posted\s+)", re.IGNORECASE)
_TAIL_JUNK = re.compile(r"\s+(?:on|at|posted|\|)$|\s*[-–—,:|/·•(]+$", re.IGNORECASE)
# what may stand around a date with no name in the line: "posted on", "um", "о", "à" ...
_LINK_WORDS = re.compile(r"(?<!\w)(?:posted|on|at|um|am|o|о|об|в|à|le|el|de|a las)(?!\w)", re.IGNORECASE)
_NO_WORDS = re.compile(r"[\W\d]*")
_BAD_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>]")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _trim(text: str) -> str:
    """``text`` without separators at its ends (a parenthesis only when it has no partner)."""
    prev = None
    while prev != text:
        prev = text
        text = _TAIL_JUNK.sub("", text.strip(_EDGE_JUNK)).strip(_EDGE_JUNK)
        if text.endswith(")") and "(" not in text:
            text = text[:-1]
        if text.startswith("(") and ")" not in text:
            text = text[1:]
    return text


def _strip(text: str) -> str:
    """``text`` without separators, ordinals ("5 Ann", "#3 -") and "on"/"at"/"posted" at its ends."""
    for _ in range(4):  # a few passes: "#3 - on", not a line of a hundred "1 /" (that stays, and is no name)
        prev, text = text, _trim(_LEAD_JUNK.sub("", _trim(text)))
        if text == prev:
            break
    return text


def _valid_name(name: str, *, strict: bool) -> str | None:
    """``name`` when it can be a commenter's name, else None. ``strict``: a line with nothing but the name
    (no cue, no date) must also look like one (capitalised words, or a one-word handle)."""
    if not name or _BAD_CHARS.search(name) or len(name) > MAX_NAME_CHARS:
        return None
    words = name.split()
    if len(words) > MAX_NAME_WORDS or not re.search(r"[^\W\d_]", name) or _NOT_NAME.search(name):
        return None
    if re.search(r"[.!?…]$", name) and not re.search(r"(?:^|\s)(?:\w\.)+$", name):  # "Emily D.", "M.K." are names
        return None
    if strict:
        if len(words) > 4 or len(name) > 32 or name.endswith((",", ":", ";")) or _GREETING.match(name) or \
                re.search(r"[|·•]", name):  # "Impressum | Datenschutz": a menu
            return None
        if len(words) == 1:
            return name if re.search(r"[A-Z]|\d|_", name) else None
        connectors = {"de", "da", "van", "von", "der", "den", "la", "le", "du", "of", "in", "&", "@", "and", "y"}
        if not all(w[0].isupper() or w.lower() in connectors or not w[0].isalpha() for w in words):
            return None
    return name


@dataclass(slots=True, frozen=True)
class LineChrome:
    """What one line says about a comment: ``kind`` is ``"cue_before"`` (``Ann says:``), ``"cue_after"``
    (``Posted by: Ann``), ``"byline"`` (``by Ann on ...``), ``"name"`` (a name, possibly with a date),
    ``"date"`` (a date or a relative time only), ``"ui"`` (``Reply``, ``+1``, ``557 Fans``) or ``"other"``."""

    kind: str
    name: str | None = None
    date: _Date | None = None
    paired: bool = False  # a name with a date on its line or on the next line of its block
    dated: bool = False  # a short line with a date whose other words are not a name ("#3 Mo :: Blog, May 2, 2011")

    @property
    def chrome(self) -> bool:
        """Plainly chrome, even on a line the model labelled comment. Such a line separates two comments; one
        without a name only keeps the comments next to it from getting a wrong one."""
        return self.kind in ("cue_before", "cue_after", "byline", "date") or self.dated or (
            self.kind == "name" and self.date is not None)


def parse_chrome_line(line: str) -> LineChrome:
    """Read one line as comment-section chrome (see :class:`LineChrome`)."""
    s = _clean(line)
    if not s or len(s) > MAX_LINE_CHARS:
        return LineChrome("other")
    if _UI.match(s):
        return LineChrome("ui")
    s = _GLUED.sub(" ", s)
    found = _find_date(s)
    date, rest = None, s
    if found is not None:
        date, (a, b) = found
        rest = s[:a] + " / " + s[b:]
    rest, relative = _RELATIVE.subn(" / ", rest)
    rest = _trim(re.sub(r"(?:\s*/\s*)+", " / ", rest))
    has_time = date is not None or relative > 0
    for kind, rx in (("cue_after", _CUE_AFTER), ("byline", _BYLINE), ("cue_before", _CUE_BEFORE)):
        m = rx.match(rest)
        if m:
            name = _valid_name(_strip(m.group("n")), strict=False)
            # a cue with a name that fails the checks ("Posted by: click here now") still separates comments
            return LineChrome(kind, name, date, paired=name is not None and date is not None)
    rest = _strip(rest)
    if not rest or _NO_WORDS.fullmatch(_LINK_WORDS.sub("", rest)):
        return LineChrome("date", None, date) if has_time else LineChrome("other")
    if has_time:
        # "Ann / March 3, 2009", "Ann • 15 minutes ago": the rest is the name; a date inside a sentence is not
        name = _valid_name(rest, strict=False)
        if name and len(rest.split()) <= MAX_NAME_WORDS:
            return LineChrome("name", name, date, paired=True)
        return LineChrome("other", dated=date is not None and len(s.split()) <= 12)
    # a line that is only a name must look like one as written ("Dear Ann," or "Bobbi," open a comment)
    name = None if s.endswith((",", ":", ";")) else _valid_name(rest, strict=True)
    return LineChrome("name", name) if name else LineChrome("other")


# --- a page -------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ChromeReading:
    """What :func:`read_chrome` decided for a page: the author's and the date's side (``"before"``,
    ``"after"`` or None), why, and per comment line (in order) the author and ISO date found (or None)."""

    author_side: str | None = None
    date_side: str | None = None
    reason: str = ""
    authors: list[str | None] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)


def _pair(block: Sequence[int], parsed: dict[int, LineChrome], lines: Sequence[str]) -> None:
    """Mark the name next to each date-only line of a block as paired (the line before it, else the one
    after it); a lower-case handle ("tuye") counts as a name there, though not on its own."""
    for k, i in enumerate(block):
        if parsed[i].kind != "date":
            continue
        for j in ([block[k - 1]] if k > 0 else []) + ([block[k + 1]] if k + 1 < len(block) else []):
            p = parsed[j]
            if p.name and p.date is None:
                parsed[j] = LineChrome(p.kind, p.name, None, paired=True)
                break
            if p.kind == "other":
                s = _clean(lines[j])
                name = None if s.endswith((",", ":", ";")) or _GREETING.match(s) or len(s.split()) > 4 \
                    else _valid_name(_strip(s), strict=False)
                if name:
                    parsed[j] = LineChrome("name", name, None, paired=True)
                    break


def _split_side(blocks: list[list[int]], names: list[list[int]], dated: list[list[int]], date_side: str | None,
                lines: Sequence[str]) -> str | None:
    """The names' side on a page that splits each comment's chrome around it ("name / text / date", or "date /
    text / name"), else None: the first comment has a name right above it and the last a date right below it
    (or the reverse), every block between two comments holds a name and a date, and the names nearest the
    comments are not all one line (a "Follow" button under every author). There a date pairs with the next
    comment's name, so pairing names with dates would leave the edge names out."""
    if date_side is None or len(blocks) < 4 or not blocks[0] or not blocks[-1]:
        return None
    side = _side(blocks[0][-1] in names[0], blocks[-1][0] in names[-1])
    if side is None or side == date_side or not all(names[k] and dated[k] for k in range(1, len(blocks) - 1)):
        return None
    nearest = [lines[b[-1]] for b in names[:-1]] if side == BEFORE else [lines[b[0]] for b in names[1:]]
    return side if len(set(nearest)) > 1 else None


def _side(first: bool, last: bool) -> str | None:
    if first and not last:
        return BEFORE
    if last and not first:
        return AFTER
    return None


def read_chrome(lines: Sequence[str], labels: Sequence[str]) -> ChromeReading:
    """Decide where a page's comment chrome sits and read each comment line's author and date.

    Args:
        lines: the page's lines, in order.
        labels: one label per line (``"comment"``, ``"boilerplate"``, ``"body"``, ``"blank"``, ...), as
            :func:`storytrace.anatomy.text.split_text` gives them.

    Returns:
        A :class:`ChromeReading` whose ``authors``/``dates`` have one entry per ``"comment"`` line.
    """
    if len(lines) != len(labels):
        raise ValueError(f"read_chrome: {len(lines)} lines but {len(labels)} labels")
    comment_idx = [i for i, lab in enumerate(labels) if lab == "comment"]
    out = ChromeReading(authors=[None] * len(comment_idx), dates=[None] * len(comment_idx))
    if not comment_idx:
        out.reason = "no comments"
        return out
    # the stretch to read: the comment lines and the boilerplate between them, plus up to EDGE_LINES
    # boilerplate lines on each side (body, headline or reference lines end an edge)
    seq = [i for i, lab in enumerate(labels) if lab != "blank"]
    pos = {i: k for k, i in enumerate(seq)}
    lo, hi = pos[comment_idx[0]], pos[comment_idx[-1]]
    for step, end in ((-1, -1), (1, len(seq))):
        k, n = (lo if step < 0 else hi) + step, 0
        while k != end and n < EDGE_LINES and labels[seq[k]] in ("boilerplate", "comment"):
            k, n = k + step, n + 1
        if step < 0:
            lo = k + 1
        else:
            hi = k - 1
    stretch = seq[lo:hi + 1]
    parsed = {i: parse_chrome_line(lines[i]) for i in stretch}
    # runs of real comment lines; everything else in the stretch (chrome read as comment included) is chrome
    is_text = {i: labels[i] == "comment" and not parsed[i].chrome for i in stretch}
    # a name the model read as comment is chrome too when it stands next to a date line or is the name of
    # another chrome line ("David Meerman Scott" above the comment, "Posted by: David Meerman Scott" below)
    known = {parsed[i].name for i in stretch if parsed[i].name and not is_text[i]}
    for k, i in enumerate(stretch):
        if is_text[i] and parsed[i].kind == "name" and (parsed[i].name in known or any(
                0 <= k + d < len(stretch) and parsed[stretch[k + d]].kind == "date" for d in (-1, 1))):
            is_text[i] = False
    runs: list[list[int]] = []
    blocks: list[list[int]] = [[]]
    for i in stretch:
        if is_text[i]:
            if not blocks[-1] and runs:
                runs[-1].append(i)
            else:
                runs.append([i])
                blocks.append([])
        else:
            blocks[-1].append(i)
    if not runs:
        out.reason = "only chrome"
        return out
    # blocks[k] lies before runs[k]; blocks[k + 1] after it
    for b in blocks:
        _pair(b, parsed, lines)
    names = all_names = [[i for i in b if parsed[i].name] for b in blocks]
    dated = [[i for i in b if parsed[i].date is not None] for b in blocks]
    date_side = _side(bool(dated[0]), bool(dated[-1]))
    split = _split_side(blocks, all_names, dated, date_side, lines)
    paired = [[i for i in b if parsed[i].paired] for b in names]
    if split is None and sum(map(bool, paired)) >= 2 and 2 * sum(map(bool, paired)) >= sum(map(bool, names)):
        # the page pairs names with dates: a lone name-like line ("Ian," opening a comment) is not chrome
        names = paired
    if not any(names[1:-1]) and len(runs) > 1:
        out.reason = "no chrome between comments"
        return out
    # the cues between the comments and the nearest name line above the first and below the last comment
    # decide (a blog post's own "Posted by" footer may stand a few lines above a "says:" comment section)
    near = {i for b in names[1:-1] for i in b} | set(names[0][-1:]) | set(names[-1][:1])
    befores = sum(parsed[i].kind == "cue_before" for i in near)
    afters = sum(parsed[i].kind == "cue_after" for i in near)
    if split is not None:
        edge = split
    elif any(parsed[i].paired or parsed[i].kind != "name" for b in names for i in b):
        edge = _side(bool(names[0]), bool(names[-1]))
    else:  # bare names only: menus have name-like lines too, so an edge counts only right next to a comment
        edge = _side(bool(blocks[0]) and blocks[0][-1] in names[0], bool(blocks[-1]) and blocks[-1][0] in names[-1])
    if befores and afters:
        out.reason = "cues disagree"
        return out
    if befores or afters:
        author_side = BEFORE if befores else AFTER
        cue = "cue_before" if befores else "cue_after"
        cue_edge = _side(any(parsed[i].kind == cue for i in names[0]), any(parsed[i].kind == cue for i in names[-1]))
        if cue_edge is not None and cue_edge != author_side:
            out.reason = "cues and edges disagree"
            return out
        # a cue line names its comment's author whether or not a date is paired with it (Blogger: "Ann said..."
        # above the comment, the date below it, where the pairing takes the next comment's cue)
        sources = [[i for i in b if parsed[i].kind == cue] for b in all_names]
        why = f"'{cue}' cues"
    elif edge is not None:
        author_side, sources, why = edge, names, "edges"
        if not any(parsed[i].paired for b in names for i in b) and sum(map(bool, names[1:-1])) < 2:
            out.reason = "too little chrome: bare names between fewer than three comments"
            return out
    else:
        author_side, sources, why = None, names, ""
    orders = {parsed[i].date.order for i in stretch if parsed[i].date is not None} - {None}
    order = orders.pop() if len(orders) == 1 else None  # 10/28/12 on the page settles 11/05/12
    first_lines = [lines[run[0]] for run in runs]
    if author_side is None:
        # no cue and no edge: the comments themselves may tell, as replies name the one they answer
        # ("Tami, that means a lot" comes after Tami's comment) and rarely their own author
        votes = {}
        for side in (BEFORE, AFTER):
            f = _assign(side, sources, blocks, runs, parsed, dated, date_side)
            votes[side] = _addressed(first_lines, [x[0] if x else None for x in f])
        # read one comment off, the names shift by one: the replies then name nobody's neighbour
        clear = [side for side, (own, prev) in votes.items() if prev >= 2 and own == 0]
        other = {BEFORE: AFTER, AFTER: BEFORE}
        if len(clear) != 1 or votes[other[clear[0]]][1] > 0:
            out.reason = "side unknown: names on both edges or neither"
            return out
        author_side, why = clear[0], "replies name the comment above"
    found = _assign(author_side, sources, blocks, runs, parsed, dated, date_side)
    own, previous = _addressed(first_lines, [f[0] if f else None for f in found])
    if own >= 2 and own > previous:
        out.reason = f"comments address their own authors ({own} against {previous}): side likely wrong"
        return out
    out.author_side, out.date_side, out.reason = author_side, date_side, why
    ci = {i: k for k, i in enumerate(comment_idx)}
    for run, f in zip(runs, found, strict=True):
        if f is None:
            continue
        iso = f[1].iso(order) if f[1] is not None else None
        for i in run:
            out.authors[ci[i]] = f[0]
            out.dates[ci[i]] = iso
    return out


_ADDRESS = re.compile(r"^(?:(?:hi|hey|hello|dear|thanks|thank you|@)\s*)?(?P<n>[^\W\d_][\w.'-]{1,30})\s*[,:!-]", re.IGNORECASE)


def _assign(side: str, sources: list[list[int]], blocks: list[list[int]], runs: list[list[int]],
            parsed: dict[int, LineChrome], dated: list[list[int]], date_side: str | None
            ) -> list[tuple[str, _Date | None] | None]:
    """Per comment run, the (name, date) its chrome gives when the names sit on ``side`` of the comments."""
    found: list[tuple[str, _Date | None] | None] = []
    for r in range(len(runs)):
        block = r if side == BEFORE else r + 1
        cands = sources[block]
        if not cands:
            found.append(None)
            continue
        src = cands[-1] if side == BEFORE else cands[0]
        k = blocks[block].index(src)
        between = blocks[block][k + 1:] if side == BEFORE else blocks[block][:k][::-1]
        if sum(parsed[i].kind == "date" or parsed[i].dated for i in between) > 1:
            # "Amr / 09/08/2012 / thinx!! / No Name / 09/08/2012 / <comment>": the chrome nearest the comment
            # has a name that is not one, and the name further off belongs to another comment
            found.append(None)
            continue
        date = parsed[src].date
        if date is None:  # a date between the name and the comment is that comment's
            date = next((parsed[i].date for i in between if parsed[i].date is not None), None)
        if date is None and date_side is not None:
            dblock = dated[r if date_side == BEFORE else r + 1]
            if dblock:
                date = parsed[dblock[-1] if date_side == BEFORE else dblock[0]].date
        found.append((parsed[src].name or "", date))
    return found


def _addressed(first_lines: Sequence[str], authors: Sequence[str | None]) -> tuple[int, int]:
    """How many comments open by addressing their own (first) author ("Tami, thanks!" under Tami's name)
    and how many address the author of the comment above them. A reply names the one it answers, so the
    first count is a sign of a side read the wrong way round."""
    own = previous = 0
    firsts = [a.split()[0].casefold() if a else None for a in authors]
    for r, line in enumerate(first_lines):
        m = _ADDRESS.match(_clean(line))
        if not m or firsts[r] is None:
            continue
        name = m.group("n").casefold()
        own += name == firsts[r]
        previous += r > 0 and name == firsts[r - 1]
    return own, previous


def attach_chrome_authors(comments: Sequence[Comment], lines: Sequence[str], labels: Sequence[str]) -> None:
    """Fill ``author`` and ``published`` of plain-text ``comments`` from the chrome lines around them.

    Args:
        comments: the page's comment records, one per ``"comment"`` line of ``labels``, in order.
        lines: the page's lines; labels: their labels (see :func:`read_chrome`).

    Fields already set are kept; text and everything else are left alone. Nothing is filled when the
    chrome's side cannot be told (see the module docstring).
    """
    reading = read_chrome(lines, labels)
    if len(reading.authors) != len(comments):
        raise ValueError(f"attach_chrome_authors: {len(comments)} comments but {len(reading.authors)} comment lines")
    for c, author, date in zip(comments, reading.authors, reading.dates, strict=True):
        if author is None:
            continue
        if c.author is None:
            c.author = author
        if c.published is None and date is not None:
            c.published = date
