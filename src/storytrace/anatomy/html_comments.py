"""Reader comments from an HTML tree, one :class:`~storytrace.records.Comment` per comment.

Four sources are tried, and the one that yields the most comment text wins:

1. schema.org microdata: ``itemtype=".../Comment"`` scopes with ``itemprop="text"`` (or
   ``commentText``), ``author`` and ``dateCreated``/``datePublished``; a Comment scope inside another
   is its reply.
2. JSON-LD: ``"comment"`` arrays anywhere in ``<script type="application/ld+json">``, nested
   ``"comment"`` arrays are replies.
3. Comment markup (WordPress ``li.comment`` in ``ol.commentlist`` with ``ul.children``, Disqus-rendered
   ``#disqus_thread li.post`` with ``.post-message``, and generic containers): a *region* is an element
   whose id or class names comments (comment, disqus, replies, discussion ...). Inside it, elements are
   grouped by a *signature* (tag plus class tokens without counters such as ``depth-2`` or ``odd``); the
   signature whose elements cover most of the region's text, repeated, is the comment item. An item
   inside another item is its reply.

From an item, the author, the date and the text are read apart: meta blocks (author, avatar, date,
"Reply" links, vote buttons) are left out of the text, and so are the item's replies.
"""

from __future__ import annotations

import json
import re
import statistics
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from lxml import etree

from storytrace.ingest.textkey import text_key
from storytrace.records import Comment

try:  # dateutil comes with trafilatura (via htmldate); without it dates stay as None
    from dateutil import parser as _dateparser

    HAS_DATEUTIL = True
except ImportError:  # pragma: no cover
    HAS_DATEUTIL = False

# --- patterns, kept as data -------------------------------------------------------------------------

# an element whose id/class says it holds comments ("responses", "respond"; not a "responsive" layout block)
REGION_RE = re.compile(r"comment|disqus|dsq-|discussion|replies|talkback|respon(?:se|d)", re.IGNORECASE)
# ... but not these: article commentary, sidebar widgets, counters, forms and links
REGION_EXCLUDE_RE = re.compile(
    r"commentary|recent|widget|trackback|pingback|most|popular|related|latest|top-?comment|commented|count|number|num\b|form|textarea|policy|rss|feed|"
    r"button|toggle|link|icon|close|bubble|tab\b|nav|pagination|subscribe|login|signin|rules|guideline",
    re.IGNORECASE,
)
# tags that can be a comment item
ITEM_TAGS = frozenset({"li", "div", "article", "section", "dd", "dl", "blockquote", "table", "tr", "td"})
# class tokens that are counters or state, not identity (dropped from the signature)
VOLATILE_TOKEN_RE = re.compile(
    r"\d|^(?:even|odd|alt|first|last|parent|child|children|byuser|bypostauthor|by-?author|by-[\w.-]+|"
    r"thread-\w+|depth-?\w*|level-?\w*|comment-author-[\w.-]+|has-?\w*|is-?\w+|highlighted|new|"
    r"collapsed|expanded|reply|ltr|rtl|clearfix|clear|cf|group|selected|active|hidden)$",
    re.IGNORECASE,
)
# a meta block inside an item: not part of the comment's text
META_RE = re.compile(
    r"author|avatar|gravatar|photo|vcard|meta|date|time|posted|byline|says|reply|respond|permalink|"
    r"vote|voting|rating|score|like|flag|report|share|edit|actions|tools|footer|header|"
    r"user-?name|username|commenter|nickname|profile|badge|signature|quote-?link|number|count|"
    r"moderat|report|menu|button|social|\bby\b",
    re.IGNORECASE,
)
# an element that holds the comment's own text (preferred when present)
CONTENT_RE = re.compile(
    r"comment-?(?:content|text|body|message|entry)|commenttext|comment_text|post-?message|"
    r"message|^text$|-text$|entry-content|content",
    re.IGNORECASE,
)
# (BEM names join a block and its element with "__": "comment-item__user"; "comment_name" is a name too)
AUTHOR_RE = re.compile(
    r"(?:\b|(?<=__))(?:fn|user|nick)\b|(?:\b|(?<=_))name\b|author|user-?name|username|commenter|nickname|poster",
    re.IGNORECASE
)
DATE_RE = re.compile(r"date|time|published|posted|timestamp|comment-?meta|\bago\b|when", re.IGNORECASE)
# (a ``label`` names a form field or shows a form's status, "Thank you! Your comment will be reviewed")
SKIP_TAGS = frozenset({"script", "style", "noscript", "form", "button", "input", "textarea", "select", "label",
                       "img", "svg", "iframe", "object", "embed", "template", "head", "title", "meta",
                       "link"})
BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "blockquote", "pre", "br", "h1", "h2", "h3", "h4",
                        "h5", "h6", "table", "tr", "td", "th", "dd", "dt", "dl", "section", "article",
                        "header", "footer", "aside", "hr", "figure", "figcaption", "address"})
# whole lines that are buttons or labels, not comment text
NOISE_LINE_RE = re.compile(
    r"^(?:reply|reply to this( comment)?|report( abuse| comment)?|like|unlike|permalink|flag|share|edit|"
    r"quote|delete|link|says:?|said:?|wrote:?|writes:?|\d+\s*(?:likes?|points?|votes?|replies)|"
    r"(?:log ?in|sign ?in) to reply|thumbs? up|thumbs? down|[+-]?\d+|[|·•»«]+|"
    # the same buttons in the languages the date and byline readers know
    r"antworten|melden|teilen|zitieren|gefällt mir|répondre|signaler|partager|citer|j'aime|responder|denunciar|"
    r"compartir|citar|me gusta|rispondi|segnala|condividi|mi piace|відповісти|поскаржитися|поділитися|цитувати|"
    r"подобається|ответить|пожаловаться|поделиться|цитировать|нравится)$",
    re.IGNORECASE,
)
# separators between buttons on one line ("Reply · Report", "Antworten | Melden")
_BUTTON_SEPARATOR_RE = re.compile(r"\s*[|·•]\s*")
MIN_ITEM_CHARS = 15
MAX_META_CHARS = 250  # longer than this, a block named "meta", "reply" ... is not a meta block
# class tokens of elements that are never shown as page text: TypePad's comment preview, captcha and error
# boxes (``hiddenBox``), screen-reader labels. A plain ``hidden`` class or ``display:none`` is not used:
# sites toggle real comment text ("read more", replies) with them.
HIDDEN_CLASS_RE = re.compile(r"^(?:hiddenbox|visually-hidden|sr-only|screen-reader-text)$", re.IGNORECASE)
# one word of an id/class ("comments-bar__cta" -> comments, bar, cta; "commentForm" -> comment, form) that names
# a part of the comment area's interface, not a comment. A form box holds no comment; a control (counter, bar,
# call to action, sorting, paging, "more") may wrap real ones (a panel of more comments), unless it is small
_WORD_PREFIX = r"^(?:comments?|reply|replies|discussion)?"
FORM_WORD_RE = re.compile(_WORD_PREFIX + r"(?:form|respond|login|signin|signup|register|subscribe|compose|composer|"
                          r"editor|textarea|input)$", re.IGNORECASE)
CONTROL_WORD_RE = re.compile(
    _WORD_PREFIX + r"(?:count|counter|number|bar|toolbar|cta|sort|sorting|filter|pagination|pager|paging|more|"
    r"load|loader|loading|button|btn|toggle|header|heading|title|policy|rules|guidelines?|notice|notes|closed|"
    r"empty|placeholder|prompt)$",
    re.IGNORECASE,
)
_WORD_SPLIT_RE = re.compile(r"[^A-Za-z]+|(?<=[a-z])(?=[A-Z])")
# the last word of a name says what the element is ("comment-form-wrap" is a form, "non_toggle_area" an area)
_CONTAINER_WORD_RE = re.compile(r"^(?:wrap|wrapper|container|holder|box|inner|outer|el|element)$", re.IGNORECASE)
# a link or button that is a control: it loads, shows or adds more ("Load more comments", "Show more replies",
# "Add more", "View all", "Weitere Kommentare laden", "Показати більше"), or only counts ("Replies (3)")
CONTROL_PHRASE_RE = re.compile(
    r"(?:^|[^\w])(?:more|all|load|show|view|see|expand|collapse|hide|add|previous|older|newer|next|earlier|"
    r"mehr|weitere|alle|laden|anzeigen|zeigen|plus|voir|afficher|charger|más|ver|cargar|mostrar|"
    r"більше|ще|показати|завантажити|всі|больше|еще|ещё|показать|загрузить|все)(?:$|[^\w])|[(\[]\d+[)\]]\s*$",
    re.IGNORECASE,
)
# a line that is only a counted label: "Comments (12)", "Show replies [3]"
COUNT_LINE_RE = re.compile(r"^(?:[^\W\d_]+\s+){0,2}[^\W\d_]+:?\s*[(\[]\d+[)\]]$")
MAX_CONTROL_WORDS = 4  # a link or button of more words is text ("see the council's report on the budget")


@dataclass(slots=True)
class _Raw:
    """A comment before ids are assigned: ``parent`` indexes into the same list; ``element`` is the
    comment's element when a reader knows it (microdata scope, markup item)."""

    text: str
    author: str | None = None
    published: str | None = None
    parent: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    element: etree._Element | None = None


# --- helpers ------------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.split())


# elements whose text is never shown: a name line's counter script ("document.write(n)") is not part of the name
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})


def visible_strings(el: etree._Element) -> Iterator[str]:
    """The text pieces of ``el`` in order, without script and style text; no recursion, so any depth."""
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not el and node.tail:
                yield node.tail
            continue
        stack.append((node, True))  # the tail comes after the children
        tag = node.tag
        if isinstance(tag, str) and tag.lower() not in _INVISIBLE_TAGS:
            if node.text:
                yield node.text
            stack.extend((child, False) for child in reversed(node))


def inline_text(el: etree._Element) -> str:
    """The visible text of ``el`` on one line (script and style text left out)."""
    return _norm(" ".join(visible_strings(el)))


def _attrs(el: etree._Element) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def _tag(el: etree._Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


# "#1 - ", "#1.2 - " (a reply), "No. 3 - ": a comment's number written before its date
COMMENT_NUMBER_RE = re.compile(r"^(?:#|no\.\s*)\d{1,5}(?:\.\d{1,4})*\s*[-–—|:.)]?\s*", re.IGNORECASE)


def to_iso(value: str | None) -> str | None:
    """An ISO 8601 string for a date as found on a page, or None when it cannot be read.

    Only what the page states: "2009-03-03T16:15:00" for a date and time, "2009-03-03" for a date alone,
    "2009-03" for a month, "2009" for a year; a time zone only when the page gives one."""
    if not value or not HAS_DATEUTIL:
        return None
    # a comment's number before its date ("#1 - Tue Jul 24, 2012") would be read as a day or a year
    value = COMMENT_NUMBER_RE.sub("", _norm(value), count=1)
    # a number alone ("32", a comment's number in its meta block) is no date: dateutil reads it as the year 2032
    if len(value) > 80 or not re.search(r"\d", value) or re.fullmatch(r"\d{1,3}", value):
        return None
    # a whole date with its year, read alone: fuzzy parsing would take a stray number around it ("94 Labs on
    # October 19, 2011" is not 1994)
    whole = _WHOLE_DATE_RE.search(value)
    if whole and not _foreign_date(whole.group(0)):  # "1 marzo 2024" passes for English ("mar...")
        return _to_iso(whole.group(0))
    if _foreign_date(value):
        # dateutil knows English month names only and reads 12.03.2024 month first: "1. März 2024" would be
        # January 2024. The plain-text reader's date parser knows de/fr/es/uk/ru months and reads dots day first;
        # what it cannot read is left out rather than given a wrong month
        from storytrace.anatomy.chrome_authors import parse_date

        found = parse_date(value)
        return f"{found}:00" if found and len(found) == 16 else found
    return _to_iso(value)


# words a written date holds besides its month: weekdays, "at", "um", "à", "o'clock" words, zones
_DATE_FILLER = frozenset("mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun "
                         "sunday at on am pm um uhr a las alle le de del di der den o в г года h gmt utc est edt cst "
                         "cdt mst mdt pst pdt bst cet cest".split())


def _only_a_date(text: str) -> bool:
    """Whether ``text`` is a date and nothing else: a year, and no word but month names (of the languages the
    date readers know), weekdays and the small words around a time ("1 mars 2024 à 10h15", "March 1, 2024 at 10:15
    am"); not "1hr 29 min 22sec" nor "2012-11-09 17:18 — Caroline Crampton"."""
    from storytrace.anatomy.chrome_authors import _MONTH_WORDS

    if not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text.casefold())
             if w not in _MONTH_WORDS and w not in _DATE_FILLER and w not in _ENGLISH_MONTHS]
    return sum(len(w) for w in words) <= 2


_ENGLISH_MONTHS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept "
                            "september oct october nov november dec december".split())
_DOTTED_DMY_RE = re.compile(r"\b[0-3]?\d\.[01]?\d\.(?:19|20)\d\d\b")


def _foreign_date(value: str) -> bool:
    """Whether a date is written the European way dateutil misreads: a month name of another language ("März",
    "mars", "марта", "березня") or day.month.year with dots."""
    from storytrace.anatomy.chrome_authors import _MONTH_WORDS

    if _DOTTED_DMY_RE.search(value):
        return True
    return any(w in _MONTH_WORDS and w not in _ENGLISH_MONTHS and w != "ago"
               for w in re.findall(r"[^\W\d_]{3,11}", value.casefold()))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WHOLE_DATE_RE = re.compile(
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d\d"
    r"|\b(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\b"
    r"(?:\s*(?:at|,|@|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"(?:\s*(?:GMT|UTC|Z|[ECMP][SD]T|BST|CES?T|[+-]\d{2}:?\d{2})\b)?)?", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _to_iso(value: str) -> str | None:
    try:
        with warnings.catch_warnings():  # "tzname EDT identified but not understood"
            warnings.simplefilter("ignore")
            # parsed twice with different defaults: a field that differs was not on the page
            parsed = _dateparser.parse(value, fuzzy=True, default=datetime(1900, 1, 1))
            probe = _dateparser.parse(value, fuzzy=True, default=datetime(1900, 2, 2, 1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1990 or parsed.year > 2100:
        return None
    if parsed.month != probe.month:
        return f"{parsed.year:04d}"  # "2012": year precision
    if parsed.day != probe.day:
        return f"{parsed.year:04d}-{parsed.month:02d}"  # "March 2009": month precision
    if parsed.hour != probe.hour:
        return parsed.date().isoformat()  # a date without a time is not midnight
    return parsed.isoformat()


def block_text(el: etree._Element, skip: set[etree._Element] | frozenset = frozenset(),
               skip_meta: bool = False) -> str:
    """Visible text of ``el`` with one line per block, leaving out ``skip`` subtrees and meta blocks.

    With ``skip_meta`` (a comment's own text) the page's controls go too: a line that is only a short link or
    button ("Load more comments", "Show more replies (3)") or only a counted label ("Comments (12)")."""
    parts: list[str] = []
    append = parts.append
    # with skip_meta, parts[i] came from inside a link or button when i is in `linked`
    linked: set[int] = set()
    in_link = 0

    def walk(node: etree._Element) -> None:
        nonlocal in_link
        tag = node.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in SKIP_TAGS or (skip and node in skip) or (
                node.attrib and node is not el and is_hidden(node)):
            return
        if skip_meta and node is not el and _is_meta(node):
            return
        block = tag in BLOCK_TAGS
        if block:
            append("\n")
        control = skip_meta and node is not el and (tag == "a" or node.get("role") == "button" or (
            bool(node.attrib) and interface_kind(node) == "control"))
        in_link += control
        if tag and node.text:
            if in_link:
                linked.add(len(parts))
            append(node.text)
        for child in node:
            walk(child)
            tail = child.tail
            if tail:
                if in_link:
                    linked.add(len(parts))
                append(tail)
        in_link -= control
        if block:
            append("\n")

    walk(el)
    lines = _control_free_lines(parts, linked) if linked else "".join(parts).split("\n")
    out = []
    for line in lines:
        words = line.split()
        if words:
            line = " ".join(words)
            bare = line.strip("[]() ") or line  # "[Reply]", "(Reply)": a button in brackets
            if not _buttons_only(bare) and not (skip_meta and COUNT_LINE_RE.match(line)):
                out.append(line)
    return "\n".join(out)


def _buttons_only(line: str) -> bool:
    """A line that is one button or counter, or several joined by separators ("Reply · Report")."""
    if NOISE_LINE_RE.match(line):
        return True
    parts = [p for p in _BUTTON_SEPARATOR_RE.split(line) if p]
    return len(parts) > 1 and all(NOISE_LINE_RE.match(p) for p in parts)


def _control_free_lines(parts: list[str], linked: set[int]) -> list[str]:
    """The lines of ``parts`` without those made only of link or button text (see :func:`block_text`)."""
    lines: list[str] = []
    line: list[str] = []
    only_links = True

    def end_line() -> None:
        nonlocal line, only_links
        if not (only_links and line and _is_control("".join(line))):
            lines.append("".join(line))
        line, only_links = [], True

    for i, part in enumerate([*parts, "\n"]):
        if part == "\n":
            end_line()
            continue
        for j, piece in enumerate(part.split("\n")):  # a text with a newline in it (<pre>) ends a line too
            if j:
                end_line()
            line.append(piece)
            if piece.strip(_CONTROL_FRAME) and i not in linked:
                only_links = False  # "[" and "]" around a button ("[Reply]") frame it, they are not text
    return lines


_CONTROL_FRAME = " \t\r[]()|·•"


def _is_control(text: str) -> bool:
    """Whether a line made only of link or button text reads as a control, not as a name or a linked title."""
    text = text.strip(_CONTROL_FRAME)
    words = text.split()
    return (0 < len(words) <= MAX_CONTROL_WORDS and not re.search(r"://|www\.|\?$", text)
            and bool(CONTROL_PHRASE_RE.search(text)))


def interface_kind(el: etree._Element) -> str | None:
    """``"form"`` or ``"control"`` when the element's id or its class (without per-comment tokens such as
    ``comment-author-<name>``) names a part of the comment area's interface, else None."""
    return _interface_kind(f"{el.get('id') or ''} {' '.join(_signature(el)[1])}")


@lru_cache(maxsize=8192)
def _interface_kind(names: str) -> str | None:
    heads = []
    for name in names.split():
        words = [w for w in _WORD_SPLIT_RE.split(name) if w]
        while len(words) > 1 and _CONTAINER_WORD_RE.match(words[-1]):
            words.pop()
        if words:
            heads.append(words[-1])
    if any(FORM_WORD_RE.match(w) for w in heads):
        return "form"
    return "control" if any(CONTROL_WORD_RE.match(w) for w in heads) else None


def _text_longer(el: etree._Element, limit: int) -> bool:
    size = 0
    for text in visible_strings(el):  # a script is no text: a small control with one is still small
        size += len(text.strip())
        if size > limit:
            return True
    return False


def is_hidden(el: etree._Element) -> bool:
    """Whether the element is never shown as text (the ``hidden`` attribute, a hiding class)."""
    if el.get("hidden") is not None:
        return True
    cls = el.get("class")
    return bool(cls) and any(HIDDEN_CLASS_RE.match(t) for t in cls.split())


_AUTHORED_BY_RE = re.compile(r"(?:^|(?<=\s))(?:[a-z]+-)?by-[\w.-]+(?=\s|$)", re.IGNORECASE)


def _own_attrs(el: etree._Element) -> str:
    """id and class without a token naming who wrote the item ("authored-by-None", "by-ann"): such a token says
    nothing about the block itself (a wrapper so named is neither a meta block nor the author's name)."""
    return _AUTHORED_BY_RE.sub(" ", _attrs(el))


def _is_meta(el: etree._Element) -> bool:
    tag = _tag(el)
    if tag in {"header", "footer", "cite", "time", "nav"}:
        return True
    attrs = _own_attrs(el)
    if not attrs.strip():
        return False
    if el.get("itemprop") in {"text", "commentText", "description"}:
        return False
    if CONTENT_RE.search(el.get("class") or "") and not re.search(r"meta|author|date", attrs, re.IGNORECASE):
        return False
    if not META_RE.search(attrs):
        return False
    # a meta block is a few words (name, date, buttons); a long block named so holds the comment itself
    # (a reply's ``table.comments_reply`` on The Truth About Cars)
    return not _text_longer(el, MAX_META_CHARS)


def _short_text(el: etree._Element, limit: int = 80) -> str | None:
    text = inline_text(el)
    text = re.sub(r"^(?:by|posted by|von|par)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(?:says|said|wrote|writes)\s*:?\s*$", "", text, flags=re.IGNORECASE)
    text = text.strip(" :|-–—")
    return text if 0 < len(text) <= limit else None


# --- one pass over the tree --------------------------------------------------------------------------

# words of the id/class/role names any reader (comments, boilerplate, references) looks for; an element
# whose names contain none of them is of no interest to any of them
NAMED_RE = re.compile(
    r"comment|disqus|dsq-|discussion|replies|talkback|respon(?:se|d)|posted|"  # comments (REGION_RE, markers)
    r"nav|menu|footer|header|breadcrumb|sidebar|masthead|copyright|cookie|subscribe|newsletter|share|"
    r"social|related|promo|banner|toolbar|skip|topbar|utility|legal|site-info|widget|"  # boilerplate
    r"ref|note|citation",  # references
    re.IGNORECASE,
)
_NAMED_TAGS = frozenset({"nav", "header", "footer", "aside"})
_MARKER_TAGS = frozenset({"p", "div", "span", "small", "dd", "dt", "h4", "h5", "h6"})


@dataclass(slots=True)
class PageScan:
    """What one walk over a tree found for every reader, in document order.

    ``named``: ``(element, tag, "id class", role)`` for elements whose id, class or role contain a word of
    :data:`NAMED_RE`, and every ``nav``/``header``/``footer``/``aside``; ``scopes``: elements with
    ``itemscope``; ``markers``: comment bylines (:func:`_is_marker`). One walk instead of one per reader:
    making the Python proxy of each element is most of the cost of a walk.
    """

    named: list[tuple[etree._Element, str, str, str]] = field(default_factory=list)
    scopes: list[etree._Element] = field(default_factory=list)
    markers: list[etree._Element] = field(default_factory=list)


_named_cache: dict[str, bool] = {}


def _named(value: str) -> bool:
    """``NAMED_RE`` on one id/class/role value, remembered: class names repeat within and across pages."""
    hit = _named_cache.get(value)
    if hit is None:
        if len(_named_cache) > 200_000:
            _named_cache.clear()
        hit = _named_cache[value] = NAMED_RE.search(value) is not None
    return hit


def scan_tree(tree: etree._Element) -> PageScan:
    """Walk ``tree`` once and keep the elements any reader may want (see :class:`PageScan`)."""
    scan = PageScan()
    named, scopes, markers = scan.named, scan.scopes, scan.markers
    marker_match = MARKER_RE.match
    for el in tree.iter(etree.Element):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        get = el.get
        ident, cls, role = get("id"), get("class"), get("role")
        if tag in _NAMED_TAGS or (cls and _named(cls)) or (ident and _named(ident)) or (role and _named(role)):
            named.append((el, tag, f"{ident or ''} {cls or ''}", role or ""))
        if get("itemscope") is not None:
            scopes.append(el)
        if tag in _MARKER_TAGS:
            text = el.text
            if ((text and marker_match(text.lstrip())) or (cls and ("osted" in cls.lower() or "omment" in cls.lower()))) \
                    and _is_marker(el):
                markers.append(el)
    return scan


# --- schema.org microdata ----------------------------------------------------------------------------


def _itemprop(scope: etree._Element, names: set[str]) -> list[etree._Element]:
    """Elements with one of ``names`` as itemprop that belong to ``scope`` (not to a nested scope)."""
    found = []
    stack = list(scope)
    while stack:
        node = stack.pop(0)
        if not isinstance(node.tag, str):
            continue
        props = set((node.get("itemprop") or "").split())
        if props & names:
            found.append(node)
        if node.get("itemscope") is None:
            stack.extend(node)
    return found


def from_microdata(tree: etree._Element, scan: PageScan | None = None) -> list[_Raw]:
    scan = scan or scan_tree(tree)
    scopes = [el for el in scan.scopes
              if re.search(r"schema\.org/(?:User)?Comments?$", el.get("itemtype") or "")]
    index = {el: i for i, el in enumerate(scopes)}
    out: list[_Raw] = []
    for el in scopes:
        texts = _itemprop(el, {"text", "commentText"})
        if texts:
            text = "\n".join(block_text(t) for t in texts)
        else:
            text = block_text(el, skip=set(scopes) - {el}, skip_meta=True)
        author = None
        for a in _itemprop(el, {"author", "creator"}):
            names = _itemprop(a, {"name"}) if a.get("itemscope") is not None else []
            author = _short_text(names[0] if names else a)
            if author:
                break
        published = None
        for d in _itemprop(el, {"dateCreated", "datePublished", "commentTime", "dateModified"}):
            published = to_iso(d.get("datetime") or d.get("content") or " ".join(d.itertext()))
            if published:
                break
        if not texts and author is None and published is None:
            # a scope with no comment property is the list's frame ("All comments", "Show more comments"),
            # not a comment; an empty text drops it in _renumber, which links its replies past it
            text = ""
        parent = None
        for anc in el.iterancestors():
            if anc in index:
                parent = index[anc]
                break
        out.append(_Raw(text=text, author=author, published=published, parent=parent, element=el))
    return _renumber(out)


# --- JSON-LD ------------------------------------------------------------------------------------------


def _walk_json(data: object) -> Iterator[dict]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk_json(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk_json(value)


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _norm(value) if isinstance(value, str) and value.strip() else None


def _is_comment(obj: object) -> bool:
    if not isinstance(obj, dict):
        return False
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(k in {"Comment", "UserComments", "Answer"} for k in kinds) or (
        "text" in obj or "commentText" in obj)


def from_jsonld(tree: etree._Element) -> list[_Raw]:
    out: list[_Raw] = []

    def add(obj: dict, parent: int | None) -> None:
        text = obj.get("text") or obj.get("commentText") or obj.get("description")
        if not isinstance(text, str) or not text.strip():
            return
        text = "\n".join(_norm(line) for line in text.splitlines() if line.strip())
        date = obj.get("dateCreated") or obj.get("datePublished") or obj.get("commentTime")
        out.append(_Raw(text=text, author=_name(obj.get("author") or obj.get("creator")),
                        published=to_iso(date) if isinstance(date, str) else None, parent=parent))
        me = len(out) - 1
        replies = obj.get("comment") or obj.get("comments")
        for reply in replies if isinstance(replies, list) else [replies]:
            if _is_comment(reply):
                add(reply, me)

    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text or "omment" not in script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _walk_json(data):
            comments = obj.get("comment") or obj.get("comments")
            if _is_comment(obj) and obj.get("@type") in {"Comment", "UserComments"}:
                continue  # reached through its parent's array
            for c in comments if isinstance(comments, list) else [comments]:
                if _is_comment(c):
                    add(c, None)
    return out


# --- comment markup (WordPress, Disqus, generic) ------------------------------------------------------


def _regions(scan: PageScan) -> list[etree._Element]:
    found: list[etree._Element] = []
    for el, tag, attrs, _ in scan.named:
        if tag not in ITEM_TAGS and tag not in {"ol", "ul", "aside", "main"}:
            continue
        if not REGION_RE.search(attrs) or REGION_EXCLUDE_RE.search(attrs):
            continue
        found.append(el)
    chosen = set(found)
    # keep the topmost regions only
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


def _signature(el: etree._Element) -> tuple[str, tuple[str, ...]]:
    classes = (el.get("class") or "").split()
    # a BEM modifier of a class the element also has ("comment-item comment-item--reply") is state, not identity
    tokens = tuple(sorted(t for t in classes if not VOLATILE_TOKEN_RE.search(t)
                          and not ("--" in t and t.split("--", 1)[0] in classes)))
    return _tag(el), tokens


def _items_in(region: etree._Element) -> list[etree._Element]:
    """The repeated elements of ``region`` that are one comment each (may be nested for replies)."""
    total = len(block_text(region))
    if total < MIN_ITEM_CHARS:
        return []
    groups: dict[tuple[str, tuple[str, ...]], list[etree._Element]] = {}
    depth: dict[etree._Element, int] = {}
    parents: dict[etree._Element, int] = {}
    # a block the markup names as the area's interface (a reply form without a <form> tag, a "Comments (12) |
    # Sign in to comment" bar, a "Load more" box) is not a comment, nor is anything in a form or a small
    # control. Named ones still count in their group's statistics (a run of siblings stays what it was).
    inside: set[etree._Element] = set()
    named_ui: set[etree._Element] = set()
    for el in region.iterdescendants():
        tag = _tag(el)
        if not tag:
            continue
        if el.getparent() in inside:
            inside.add(el)
            continue
        kind = "form" if tag == "form" else interface_kind(el) if el.attrib else None
        if kind == "form" or (kind == "control" and not _text_longer(el, MAX_META_CHARS)):
            inside.add(el)
        if kind:
            named_ui.add(el)
        if tag not in ITEM_TAGS:
            continue
        sig = _signature(el)
        if not sig[1]:
            # an element without class repeats only as a run of siblings: <div id=comments><div>..</div>
            # keyed by the parent element itself, which the dict keeps alive: the id() of an lxml proxy
            # can be reused once the proxy is freed, which merged the children of different parents
            parent = el.getparent()
            sig = (tag, (f"@sibling-{parents.setdefault(parent, len(parents))}",))
        groups.setdefault(sig, []).append(el)
    best, best_score = None, 0.0
    for sig, els in groups.items():
        if all(e in named_ui for e in els):
            continue
        if len(els) < 2 and not re.search(r"comment|post|reply", " ".join(sig[1]), re.IGNORECASE):
            continue
        members = set(els)
        roots = [e for e in els if not any(a in members for a in e.iterancestors())]
        texts = [block_text(e) for e in roots]
        # anonymous siblings count as comments only when most carry more than one line
        # (name, date, text); a run of one-line links is a list of posts, not a thread
        if sig[1] and sig[1][0].startswith("@sibling-") and (
                len(els) < 2 or statistics.median(t.count("\n") + 1 for t in texts) < 2):
            continue
        covered = sum(len(t) for t in texts)
        with_text = sum(1 for e in els if len(inline_text(e)) >= MIN_ITEM_CHARS)
        if with_text == 0:
            continue
        coverage = covered / total
        if coverage < 0.3:
            continue
        named = 1.25 if re.search(r"comment|post|reply|message|entry|item", " ".join(sig[1]), re.IGNORECASE) else 1.0
        if sig[1] and sig[1][0].startswith("@sibling-"):
            named = 0.9  # anonymous siblings are weaker evidence than a named, repeated class
        d = depth.setdefault(els[0], sum(1 for _ in els[0].iterancestors()))
        # more items covering more of the region wins; on a tie the outer element (it holds the replies)
        score = with_text * coverage * named - d * 1e-6
        if score > best_score:
            best, best_score = els, score
    return [e for e in best if e not in named_ui and not _only_interface(e, inside)] if best else []


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _only_interface(el: etree._Element, interface: set[etree._Element]) -> bool:
    """Whether ``el`` shows nothing but the comment area's interface (a sign-in box, a form) and headings: a
    wrapper holding "Discuss this Blog Post / Sign in to add comments or Join" is no comment, even when it is
    one of a run of anonymous siblings that also holds the comment list."""
    if not any(n in interface for n in el.iterdescendants()):
        return False
    return not block_text(el, skip=interface | set(el.iterdescendants(*_HEADING_TAGS))).strip()


def _in_other(node: etree._Element, el: etree._Element, skip: set[etree._Element]) -> bool:
    """Whether ``node`` (inside ``el``) belongs to one of the ``skip`` subtrees, e.g. a reply of ``el``."""
    while node is not None and node is not el:
        if node in skip:
            return True
        node = node.getparent()
    return False


def _first(el: etree._Element, test, skip: set[etree._Element]) -> etree._Element | None:
    for node in el.iterdescendants():
        if _in_other(node, el, skip):
            continue
        if isinstance(node.tag, str) and test(node):
            return node
    return None


def _is_date_node(node: etree._Element) -> bool:
    return _tag(node) == "time" or bool(DATE_RE.search(_attrs(node))) or node.get("data-role") == "relative-time"


def _date_of(el: etree._Element, skip: set[etree._Element]) -> str | None:
    """The item's date: a machine-readable ``datetime`` anywhere in the item wins over any text, because a
    date-named block ("comment-meta") often holds the author too, and "mike12 June 1, 2021" reads as 2001-06-12."""
    nodes = [n for n in el.iterdescendants()
             if isinstance(n.tag, str) and not _in_other(n, el, skip) and _is_date_node(n)]
    for n in nodes:
        if published := to_iso(n.get("datetime")):
            return published
    for n in nodes:
        published = to_iso(n.get("title") or n.get("content")) or to_iso(_text_without_names(n))
        if published:
            return published
    return None


def _text_without_names(node: etree._Element) -> str:
    """The text of a date block without its author elements: a name is never part of a date."""
    parts: list[str] = []

    def walk(n: etree._Element) -> None:
        is_name = n is not node and isinstance(n.tag, str) and _is_name_node(n) and not any(
            isinstance(d.tag, str) and _is_date_node(d) for d in n.iterdescendants())
        if not is_name:
            parts.append(n.text or "" if isinstance(n.tag, str) else "")
            for child in n:
                walk(child)
        if n is not node:
            parts.append(n.tail or "")

    walk(node)
    return " ".join(p for p in parts if p)


def _is_name_node(node: etree._Element) -> bool:
    return node.get("itemprop") in {"author", "creator"} or bool(AUTHOR_RE.search(_own_attrs(node)))


def _wrapper_meta(el: etree._Element, members: set[etree._Element], raw: _Raw) -> None:
    """Author and date from the item's wrapper, when the item is only the text of one comment.

    TypePad: the repeated ``div.comment-content`` is the item, its sibling ``p.comment-footer`` ("Posted
    by: Ann | May 2, 2012 at 10:58 AM") is in the parent, which holds no other item.
    """
    parent = el.getparent()
    if parent is None or any(m is not el and m in members for m in parent.iterdescendants()):
        return
    for node in parent:
        if node is el or not isinstance(node.tag, str) or not _is_meta(node):
            continue
        text = inline_text(node)
        if raw.author is None:
            raw.author = author_from_byline(text) or _author_of(node, set())
        if raw.published is None:
            raw.published = _date_of(node, set()) or (
                to_iso(re.sub(r"^.*?(?:\bat\b|\bon\b|\|)", "", text, count=1)) if "|" in text else None)
    if raw.author is None:  # Slashdot: <div class="cw"><div class="commentTop">...<span class="by">by Ann</span>
        raw.author = _plain_name(_author_of(parent, {el}))


def _plain_name(text: str | None) -> str | None:
    """A name as found deeper in a wrapper, or None when it reads as a whole profile line ("ann 175 Fans")."""
    words = (text or "").split()
    return text if 0 < len(words) <= 4 and not any(w.isdigit() for w in words) else None


def _term_meta(el: etree._Element, raw: _Raw) -> None:
    """Author and date from the ``<dt>`` before the item's ``<dd>``: ``<dt>Ann, May 2</dt><dd><div>text``."""
    dd = el if _tag(el) == "dd" else el.getparent()
    if dd is None or _tag(dd) != "dd":
        return
    dt = _element_sibling(dd, before=True)
    if dt is not None and _tag(dt) == "dt":
        raw.author = raw.author or _author_of(dt, set())
        raw.published = raw.published or _date_of(dt, set())
    # Blogger: <dt>Ann said...</dt><dd class="comment-body">text</dd><dd class="comment-footer">date</dd>
    footer = _element_sibling(dd, before=False)
    if raw.published is None and footer is not None and _tag(footer) == "dd" and _is_meta(footer):
        raw.published = _date_of(footer, set()) or to_iso(inline_text(footer))


def _element_sibling(el: etree._Element, *, before: bool) -> etree._Element | None:
    """The element just before (or after) ``el``, passing over HTML comments between them."""
    node = el.getprevious() if before else el.getnext()
    while node is not None and not isinstance(node.tag, str):
        node = node.getprevious() if before else node.getnext()
    return node


def _read_item(el: etree._Element, nested: set[etree._Element]) -> _Raw | None:
    skip = {n for n in nested if n is not el}
    # a definition-list thread (<dt>name</dt><dd>text</dd>, Thesis): the name is in the <dt> before the item,
    # and a reply's <dt> nested inside this <dd> names the reply's author, not this one's
    skip |= {n for n in el.iterdescendants("dt") if _element_sibling(n, before=False) in skip}
    header = _element_sibling(el, before=True) if _tag(el) == "dd" else None
    author = published = None
    if header is not None and _tag(header) == "dt":
        author = (_author_of(header, set()) or author_from_byline(inline_text(header))
                  or (_ok_author(_short_text(header)) if AUTHOR_RE.search(_attrs(header)) else None))
        published = (_date_of(header, set()) or _date_after_name(header, set())
                     or split_date_tail(inline_text(header)[:120])[1])
    author = author or _author_of(el, skip)
    published = published or _date_of(el, skip) or _date_after_name(el, skip)
    # text: the content element when the markup names one, else everything but the meta blocks
    content = _first(el, lambda n: n.get("itemprop") in {"text", "commentText"}
                     or (bool(CONTENT_RE.search(n.get("class") or "")) and not _is_meta_only(n)), skip)
    if content is not None:
        text = block_text(content, skip=skip, skip_meta=True)
        if len(text) < MIN_ITEM_CHARS // 3:
            text = block_text(el, skip=skip, skip_meta=True)
    else:
        text = block_text(el, skip=skip, skip_meta=True)
    if author:
        lines = text.split("\n")
        while lines and (lines[0] == author or lines[0].startswith(author + " ") and len(lines[0]) < 80
                         and re.search(r"\b(said|says|wrote|on|at)\b", lines[0])):
            lines.pop(0)
        text = "\n".join(lines)
    if not text or _is_form_box(el, text):
        return None
    return _Raw(text=text, author=author, published=published)


_TEXT_INPUT_TYPES = frozenset({"", "text", "email", "url", "submit"})


def _is_form_box(el: etree._Element, text: str) -> bool:
    """A reply form drawn without a ``<form>`` tag: text fields, and around them labels ("Name", "Email *",
    "Post Comment"): three lines or more, all but one of at most three words."""
    lines = text.split("\n")
    if len(lines) < 3 or sum(len(line.split()) > 3 for line in lines) > 1:
        return False
    return any(_tag(n) == "textarea" or (n.get("type") or "").lower() in _TEXT_INPUT_TYPES
               for n in el.iter("textarea", "input"))


NOT_AUTHOR_RE = re.compile(
    r"^(?:profile|reply|avatar|says|said|wrote|anonymous said|permalink|link|report|like|share|edit|"
    r"admin|author|posted by|by|\W*|\d[\d\s:./-]*(?:am|pm)?)$", re.IGNORECASE
)
BYLINE_RE = re.compile(
    r"^(?:(?:posted|written|submitted|comment(?:ed)?)\s+)?by:?\s+(?P<a>.{1,60}?)\s*(?:\bon\b|\bat\b|[|@,(]|\d{1,2}[:/.]|$)"
    r"|^(?P<b>.{1,60}?)\s+(?:says|said|wrote)\b",
    re.IGNORECASE,
)


def _ok_author(text: str | None) -> str | None:
    if text:
        text = split_date_tail(text)[0]
    if not text or NOT_AUTHOR_RE.match(text) or not re.search(r"[^\W\d_]", text):
        return None
    return text


_DATE_START_RE = re.compile(r"^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", re.IGNORECASE)


def split_date_tail(text: str) -> tuple[str, str | None]:
    """``"dress11 July 25, 2012 2:14 AM EDT"`` -> ``("dress11", "2012-07-25T02:14:00")``: a name and the date
    written after it in the same element; ``(text, None)`` when no date follows the first word. A run of digits
    alone ("Guest 201207") is part of a user name, not a date."""
    words = text.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if len(tail) > 80:
            continue
        digits_alone = re.fullmatch(r"\d+", words[k]) and not (  # "1 mars 2024": a day before its month
            len(words[k]) <= 2 and k + 1 < len(words) and re.match(r"[^\W\d_]", words[k + 1]))
        if _DATE_START_RE.match(tail) and not digits_alone and (iso := to_iso(tail)) and len(iso) >= 10:
            return " ".join(words[:k]).strip(" ,|-–—"), iso
    return text, None


def author_from_byline(text: str) -> str | None:
    """``"Posted by: Ann at May 2, 2011"`` or ``"Ann says:"`` -> ``"Ann"``."""
    m = BYLINE_RE.search(_norm(text))
    if not m:
        return None
    return _ok_author((m.group("a") or m.group("b") or "").strip(" :|-"))


def _date_after_name(el: etree._Element, skip: set[etree._Element]) -> str | None:
    """A date in a meta block that holds the name first (``<dt class="author">by <b>Ann</b> July 25, 2012</dt>``)."""
    for node in el.iterdescendants():
        if isinstance(node.tag, str) and _is_meta(node) and not _in_other(node, el, skip):
            text = inline_text(node)
            if len(text) <= 120 and (date := split_date_tail(text)[1]):
                return date
    return None


def _author_of(el: etree._Element, skip: set[etree._Element]) -> str | None:
    tests = (
        lambda n: n.get("itemprop") in {"author", "creator"},
        lambda n: bool(re.search(r"\bfn\b", n.get("class") or "")),
        lambda n: bool(AUTHOR_RE.search(_own_attrs(n))) and not re.search(r"avatar|photo|img|pic", _attrs(n), re.IGNORECASE),
        lambda n: _tag(n) == "cite",
    )
    for test in tests:
        node = _first(el, test, skip)
        if node is None:
            continue
        inner = _first(node, lambda n: bool(re.search(r"\bfn\b|name", _attrs(n))), set())
        author = _ok_author(_short_text(inner if inner is not None else node))
        if author:
            return author
        if node is not None:
            author = author_from_byline(inline_text(node))
            if author:
                return author
    # a byline in a meta block: "by Ann on May 2", "Ann says:"
    for node in el.iterdescendants():
        if node in skip or not isinstance(node.tag, str) or not _is_meta(node):
            continue
        author = author_from_byline(inline_text(node))
        if author:
            return author
    return None


def _is_meta_only(el: etree._Element) -> bool:
    return bool(re.search(r"meta|author|date|time", _attrs(el), re.IGNORECASE))


def from_markup(tree: etree._Element, scan: PageScan | None = None) -> list[_Raw]:
    out: list[_Raw] = []
    regions = _regions(scan or scan_tree(tree))
    found = {region: _items_in(region) for region in regions}
    # regions repeated as siblings, none with repeated items inside, are the comments themselves:
    # <div class="blog"><div class="comments-body">one comment</div><div class="comments-body">...
    # (only on a page where no region has items: two "div.Comment" post-meta lines are not a thread)
    fallback = not any(found.values())
    runs: dict[tuple[etree._Element | None, tuple[str, tuple[str, ...]]], list[etree._Element]] = {}
    for region in regions:
        runs.setdefault((region.getparent(), _signature(region)), []).append(region)
    done: set[etree._Element] = set()
    for region in regions:
        if region in done:
            continue
        items = found[region]
        if not items:
            run = runs[(region.getparent(), _signature(region))]
            if not fallback or not _signature(region)[1] or (len(run) < 2 and not _lone_comment(region)):
                continue  # a run needs a shared class: ids alone name parts (form, loading panel)
            items = run
            done.update(run)
            region = region.getparent()
        members = set(items)
        index: dict[etree._Element, int] = {}
        first = len(out)
        for el in items:
            raw = _read_item(el, members)
            if raw is None:
                continue
            raw.element = el
            for anc in el.iterancestors():
                if anc in index:
                    raw.parent = index[anc]
                    break
                if anc is region:
                    break
            if raw.author is None or raw.published is None:
                _wrapper_meta(el, members, raw)
            if raw.author is None or raw.published is None:
                _term_meta(el, raw)
            index[el] = len(out)
            out.append(peel_meta(raw))
        _parents_from_depth(items, index, out, first)
        _parents_from_list_items(items, index, out, first, region)
    return out


def _lone_comment(region: etree._Element) -> bool:
    """Whether a lone region without items is one comment: not named as interface, no text fields, and it
    names its author or date (``<div class="comment"><div class="comment_name">Ann</div>...<p>text``)."""
    if interface_kind(region) or any(True for _ in region.iter("textarea", "input")):
        return False
    raw = _read_item(region, {region})
    return raw is not None and (raw.author is not None or raw.published is not None)


def _parents_from_list_items(items: list[etree._Element], index: dict[etree._Element, int], out: list[_Raw],
                             first: int, region: etree._Element) -> None:
    """Link replies when the items are the texts inside nested ``<li>`` comments.

    Slashdot: ``<li class="comment"><div class="cw">..<div class="commentBody">`` holds its replies in a
    ``<ul>`` beside the text, so no item is inside another; the ``<li>`` elements nest.
    """
    kept = [el for el in items if el in index and index[el] >= first]
    if not kept or any(out[index[el]].parent is not None for el in kept):
        return
    owner: dict[etree._Element, etree._Element] = {}
    item_of: dict[etree._Element, int] = {}
    for el in kept:
        li = next((a for a in el.iterancestors("li") if a is not region), None)
        if li is None or li in item_of or region not in li.iterancestors():
            return  # not one <li> per comment
        owner[el], item_of[li] = li, index[el]
    for el, li in owner.items():
        for anc in li.iterancestors():
            if anc is region:
                break
            if anc in item_of:
                out[index[el]].parent = item_of[anc]
                break


# "depth-2", "comment-level-3", "level2": the nesting level of a reply in a thread drawn flat
DEPTH_CLASS_RE = re.compile(r"^(?:[\w-]*-)?(?:depth|level)-?(\d{1,2})$", re.IGNORECASE)


def _depth(el: etree._Element) -> int | None:
    """The level named by the item's class, or by its wrapper's (``<div class="comment depth-2"><div
    class="comment-body">``)."""
    for node in (el, el.getparent()):
        for token in ((node.get("class") or "") if node is not None else "").split():
            if m := DEPTH_CLASS_RE.match(token):
                return int(m.group(1))
    return None


def _parents_from_depth(items: list[etree._Element], index: dict[etree._Element, int], out: list[_Raw],
                        first: int) -> None:
    """Link replies of a thread whose items are siblings but carry their nesting level as a class.

    WordPress's flat comment lists and many themes mark replies ``depth-2``, ``depth-3`` without nesting
    the markup: a reply's parent is the nearest earlier comment one level up.
    """
    kept = [el for el in items if el in index]
    depths = [_depth(el) for el in kept]
    if not any(d is not None and d > 1 for d in depths) or any(d is None for d in depths):
        return
    last_at: dict[int, int] = {}
    for el, depth in zip(kept, depths):
        i = index[el]
        if i < first:
            continue
        if depth > 1 and out[i].parent is None and (depth - 1) in last_at:
            out[i].parent = last_at[depth - 1]
        last_at[depth] = i
        for deeper in [d for d in last_at if d > depth]:
            del last_at[deeper]


# --- flat threads delimited by bylines (Movable Type, TypePad) ---------------------------------------

MARKER_RE = re.compile(r"^(?:posted|written|submitted|comment(?:ed)?)\s+by\b", re.IGNORECASE)
MARKER_CLASS_RE = re.compile(r"^(?:posted|comment-?footer|comment-?byline|comment-?posted)$", re.IGNORECASE)
START_RE = re.compile(r"comment|repl|response|discussion", re.IGNORECASE)


def _is_marker(el: etree._Element) -> bool:
    if _tag(el) not in {"p", "div", "span", "small", "dd", "dt", "h4", "h5", "h6"}:
        return False
    named = any(MARKER_CLASS_RE.match(t) for t in (el.get("class") or "").split())
    if not named and not MARKER_RE.match((el.text or "").lstrip()):
        return False  # cheap test first: the byline starts in the element's own text
    text = _norm(" ".join(el.itertext()))
    return bool(text) and len(text) <= 200


def _is_start(el: etree._Element) -> bool:
    """A "Comments" heading or a ``#comments`` anchor: the thread begins after it."""
    tag = _tag(el)
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and START_RE.search(" ".join(el.itertext())):
        return True
    text = _norm(" ".join(el.itertext()))
    if START_RE.search(f"{el.get('id', '')} {el.get('name', '')}") and len(text) < 80:
        return True
    if len(text) < 40 and re.fullmatch(r"(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?:?", text, re.IGNORECASE):
        return True
    return any(START_RE.search(f"{a.get('id', '')} {a.get('name', '')}") for a in el.iter("a"))


def from_delimited(tree: etree._Element, scan: PageScan | None = None) -> list[_Raw]:
    """Comments written as runs of siblings, each run closed by a byline ("Posted by: Ann | May 2")."""
    by_parent: dict[etree._Element, int] = {}
    for el in (scan or scan_tree(tree)).markers:
        parent = el.getparent()
        if parent is not None:
            by_parent[parent] = by_parent.get(parent, 0) + 1
    out: list[_Raw] = []
    for parent, n in by_parent.items():
        if n < 2 or any(re.search(r"trackback|pingback", _attrs(a), re.IGNORECASE)
                        for a in [parent, *parent.iterancestors()]):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        starts = [i for i, c in enumerate(children) if _is_start(c) and not _is_marker(c)]
        first_marker = next(i for i, c in enumerate(children) if _is_marker(c))
        begin = max((i for i in starts if i < first_marker), default=None)
        buffer: list[etree._Element] = []
        # without a heading, the first run may be the article itself, unless the parent names a comment area
        skip_first = begin is None and not REGION_RE.search(_attrs(parent))
        for c in children[(begin + 1) if begin is not None else 0:]:
            if _tag(c) in {"form", "h1", "h2", "h3"} and buffer == [] and not _is_marker(c):
                if _tag(c) == "form":
                    break
                continue
            if not _is_marker(c):
                buffer.append(c)
                continue
            # a meta block in the run (Blogger's <dt class="comment-author">Ann said...</dt>) names the author
            meta = [b for b in buffer if _is_meta(b)]
            text = "\n".join(t for t in (block_text(b, skip_meta=True) for b in buffer if b not in meta) if t)
            if text and not skip_first and not re.match(r"(?:trackback|»|tracked on)", text, re.IGNORECASE):
                byline = inline_text(c)
                author = author_from_byline(byline) or next(
                    (a for b in meta if (a := author_from_byline(inline_text(b)) or _author_of(b, set()))), None)
                out.append(_Raw(text=text, author=author,
                                published=to_iso(re.sub(r"^.*?(?:\bat\b|\bon\b|\|)", "", byline, count=1))))
            skip_first = False
            buffer = []
    return out


_DATE_LINE_RE = re.compile(
    r"^(?:on\s+|at\s+|posted\s+)?[\w ,./:-]{0,40}\b(?:19|20)\d\d\b[\w ,./:@-]{0,25}$|"
    r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s+\d{1,2}:\d\d(?:\s*[ap]m)?)?$|"
    r"^\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
    re.IGNORECASE,
)


_DATE_WORDS_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|at|on|posted|ago|seconds?|minutes?|hours?|days?|weeks?|"
    r"months?|years?|st|nd|rd|th|utc|gmt|[ecmp][sd]t|says|said|wrote|writes)\b",  # "On May 2, 2011, said..."
    re.IGNORECASE,
)


def _is_date_line(line: str) -> bool:
    """A line that is only a date or time ("May 2, 2011 at 9:59 am", "10/31/2012", "3 days ago")."""
    if len(line) > 60 or len(line.split()) > 9 or not _DATE_LINE_RE.match(line):
        return False
    return len(re.sub(r"[\W\d_]", "", _DATE_WORDS_RE.sub("", line))) <= 2


# what is left of "1. <cite>Ann</cite> Says:" once the name has gone to the author
SAYS_PREFIX_RE = re.compile(r"^\s*(?:#?\d{1,4}[.)]?\s*)?(?:says|said|wrote|writes)\s*:\s*", re.IGNORECASE)


def peel_meta(raw: _Raw) -> _Raw:
    """Move a leading "name / date" pair or a lone date line out of the text, into author and date.

    For markup that does not name its meta blocks (``<div><b>Ann</b><br>10/31/2012<br>Nice!</div>``).
    """
    raw.text = SAYS_PREFIX_RE.sub("", raw.text, count=1)
    lines = raw.text.split("\n")
    if len(lines) < 2:
        return raw
    if raw.author is None and raw.published is None and not _is_date_line(lines[0]) and len(lines[0]) <= 80:
        # "Anna March 1, 2024 at 10:15 am" on one line (<strong>Anna</strong> <span>date</span>) over the text
        name, published = split_date_tail(lines[0])
        if published and len(published) >= 10 and 0 < len(name.split()) <= 4 and not re.search(r"[.!?]$", name) \
                and _only_a_date(lines[0][len(name):]) and not _only_a_date(name + " 2000") \
                and (author := author_from_byline(name) or _ok_author(name.strip(" :"))):
            raw.author, raw.published = author, published
            raw.text = "\n".join(lines[1:])
            return raw
    for pos in (0, 1):
        if pos < len(lines) - 1 and _is_date_line(lines[pos]):
            published = raw.published or to_iso(lines[pos])
            if pos == 1:
                name = lines[0]
                if len(name.split()) > 5 or re.search(r"[.!?]$", name):
                    break
                raw.author = raw.author or author_from_byline(name) or _ok_author(name.strip(" :"))
            raw.published = published
            raw.text = "\n".join(lines[pos + 1:])
            return raw
    if _is_date_line(lines[-1]):
        raw.published = raw.published or to_iso(lines[-1])
        raw.text = "\n".join(lines[:-1])
    return raw


# a comment widget's notice, told by its words where the markup does not name it: it points to the rules
# ("our comment guidelines", "terms of use") or warns of moderation ("we reserve the right to remove your
# comments", "comments are moderated"), and it speaks to the reader ("please", "you", "by commenting")
_RULES_RE = re.compile(
    r"\b(?:community|comments?|commenting|submissions?|posting|discussion|house|participation)\s+"
    r"(?:guidelines|rules|policy|policies|standards|terms)\b|\bterms of (?:use|service)\b|\bcode of conduct\b"
    r"|\breserves? the right\b|\bcomments? (?:are|is|will be|may be)\s+(?:\w+\s+){0,2}"
    r"(?:moderated|reviewed|screened|removed|deleted)\b|\b(?:remove|delete|block)\s+your\s+(?:comments?|posts?|account)\b",
    re.IGNORECASE)
_TO_THE_READER_RE = re.compile(r"\b(?:please|you|your|by (?:posting|commenting|submitting))\b", re.IGNORECASE)


def _is_notice(raw: _Raw) -> bool:
    """Whether an unsigned, undated item is the widget's rules or moderation notice, not a reader's comment
    (a reader who quotes the rules signs the comment: an author or a date keeps it)."""
    return (raw.author is None and raw.published is None and bool(_RULES_RE.search(raw.text))
            and bool(_TO_THE_READER_RE.search(raw.text)))


def _without_notices(raws: list[_Raw]) -> list[_Raw]:
    for raw in raws:
        if _is_notice(raw):
            raw.text = ""  # _renumber drops it and moves its replies' parent up
    return _renumber(raws)


# --- public -------------------------------------------------------------------------------------------


def _renumber(raws: list[_Raw]) -> list[_Raw]:
    """Drop empty comments and keep parent indexes pointing at the kept ones."""
    keep = [i for i, r in enumerate(raws) if r.text]
    new = {old: new for new, old in enumerate(keep)}
    out = []
    for old in keep:
        r = raws[old]
        parent = r.parent
        while parent is not None and parent not in new:
            parent = raws[parent].parent
        out.append(_Raw(text=r.text, author=r.author, published=r.published,
                        parent=new.get(parent) if parent is not None else None, element=r.element))
    return out


def _with_microdata_beside(tree: etree._Element, best: list[_Raw], microdata: list[_Raw]) -> list[_Raw]:
    """``best`` (comments read from markup) with the schema.org Comments of the page that lie outside all of them
    (a microdata comment box beside a Disqus thread), in page order. Readers without elements (JSON-LD, bylines)
    cannot show where their comments are, so they get none."""
    own = {r.element for r in best}
    if None in own:
        return best
    extra = [i for i, r in enumerate(microdata)
             if r.element is not None and r.element not in own
             and not any(a in own for a in r.element.iterancestors())
             and not any(o is not None and r.element in o.iterancestors() for o in own)]
    if not extra:
        return best
    order = {el: i for i, el in enumerate(tree.iter())}
    merged = [(r, None if r.parent is None else ("b", r.parent)) for r in best]
    merged += [(microdata[i], None if microdata[i].parent is None else ("m", microdata[i].parent)) for i in extra]
    position = {("b", i): i for i in range(len(best))}
    position.update({("m", i): len(best) + k for k, i in enumerate(extra)})
    ranked = sorted(range(len(merged)), key=lambda k: order.get(merged[k][0].element, len(order)))
    new_index = {old: new for new, old in enumerate(ranked)}
    out = []
    for k in ranked:
        raw, parent = merged[k]
        at = position.get(parent) if parent is not None else None
        out.append(_Raw(text=raw.text, author=raw.author, published=raw.published,
                        parent=new_index[at] if at is not None else None, element=raw.element))
    return out


def _words(raws: Iterable[_Raw]) -> int:
    return sum(len(r.text.split()) for r in raws)


def extract_comments(tree: etree._Element, page_id: str, scan: PageScan | None = None, *,
                     elements: list[etree._Element] | None = None) -> list[Comment]:
    """Reader comments of a parsed page, in page order, with author, date and reply parent.

    Args:
        tree: the page as an lxml tree (not modified).
        page_id: the page's id; comment ids are ``f"{page_id}-c{i}"``.
        scan: :func:`scan_tree` of ``tree`` when the caller has it already.
        elements: when given, the outermost elements of the returned comments are appended to it (the
            readers of microdata and comment markup know them; JSON-LD and byline-delimited comments add none).

    Returns:
        One :class:`Comment` per comment; an empty list when the page has none.
    """
    scan = scan or scan_tree(tree)
    candidates = [_without_notices(raws) for raws in (
        from_microdata(tree, scan) if scan.scopes else [],
        from_markup(tree, scan) if scan.named else [],
        from_jsonld(tree),
        from_delimited(tree, scan) if len(scan.markers) >= 2 else [])]
    best = max(candidates, key=_words)  # ties keep the earlier source (microdata, then markup)
    if best is not candidates[0] and candidates[0]:
        best = _with_microdata_beside(tree, best, candidates[0])
    # the same comment twice (a quoted reply list, a "top comments" teaser) is kept once; the same words
    # from two authors ("i have been here, awesome." by two spammers) are two comments
    seen: dict[tuple[str | None, str], int] = {}
    kept: list[tuple[int, _Raw]] = []
    remap: dict[int, int] = {}
    for i, raw in enumerate(best):
        key = (raw.author, text_key(raw.text))
        if key in seen:
            remap[i] = seen[key]
            continue
        seen[key] = remap[i] = len(kept)
        kept.append((i, raw))
    if elements is not None:
        own = dict.fromkeys(raw.element for _, raw in kept if raw.element is not None)
        elements.extend(el for el in own if not any(a in own for a in el.iterancestors()))
    comments: list[Comment] = []
    for i, (_, raw) in enumerate(kept):
        parent_i = remap.get(raw.parent) if raw.parent is not None else None
        comments.append(Comment(id=f"{page_id}-c{i}", text=raw.text, position=i, author=raw.author,
                                parent_id=f"{page_id}-c{parent_i}" if parent_i is not None and parent_i != i
                                else None, published=raw.published))
    return comments
