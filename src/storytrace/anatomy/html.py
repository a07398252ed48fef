"""Page anatomy from HTML: body, title and metadata from trafilatura; headline variants, boilerplate,
references and reader comments from the tree.

trafilatura does what it does well (main text, title, date, author, site name) and is not rewritten
here. What it does not give, this module reads from the same parsed tree:

* headline variants: ``og:title``, ``twitter:title``, ``<h1>``, ``<title>``, JSON-LD ``headline``, when
  they differ from the chosen title (site-name suffixes such as " | Site" removed);
* boilerplate: visible lines in navigation, header, footer and sidebar blocks that are not body text;
* references and footnotes (``ol.references``, ``.footnotes``, ``role=doc-endnotes``, ``li#fn1``);
* comments, one by one (:mod:`storytrace.anatomy.html_comments`).

Pathological input is refused before lxml sees it: :func:`check_depth` scans the tag stream (no tree,
no recursion) and raises :class:`~storytrace.errors.InputError` beyond ``options.max_html_depth``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree
from trafilatura import bare_extraction
from trafilatura import json_metadata as _tjson
from trafilatura import metadata as _tmeta
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import load_html

from storytrace.anatomy.html_comments import (
    _INVISIBLE_TAGS,
    REGION_RE,
    PageScan,
    _element_sibling,
    _regions,
    _tag,
    block_text,
    extract_comments,
    scan_tree,
    visible_strings,
)
from storytrace.anatomy.walls import body_words, mark_redirect, mark_wall
from storytrace.errors import EMPTY_INPUT, TOO_DEEP, TOO_LARGE, InputError
from storytrace.ingest.sniff import as_html_document
from storytrace.ingest.textkey import text_key
from storytrace.records import Comment, Page, Reference
from storytrace.settings import Options

MAX_BOILERPLATE = 100  # lines kept in page.boilerplate
MAX_VARIANTS = 8
MIN_BODY_WORDS = 5  # fewer body words than this: the page gets a warning (a gallery, a login wall)

# trafilatura settings storytrace uses for the body (picked on dragnet train pages, see
# docs/results/extraction.md); comments are excluded from the body and read by html_comments
TRAFILATURA_SETTINGS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "favor_recall": True,  # dragnet train body F1: 0.932 vs 0.925 default, 0.926 favor_precision
    "favor_precision": False,
}

# htmldate settings as trafilatura's bare_extraction passes them
_DATE_PARAMS = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
_QUICK_DATE_PARAMS = set_date_params(False)


def publication_date(tree: etree._Element, url: str | None) -> str | None:
    """htmldate's date as trafilatura finds it, except a bare year found in the text.

    The extensive search falls back to any year in the page ("passed in 2015") and returns it as January 1st;
    such a date is kept only when the page's metadata, URL or marked-up dates (the quick search) give it too.
    """
    date = _tmeta.find_date(tree, **{**_DATE_PARAMS, "url": url})
    if date and date.endswith("-01-01") and _DATE_PARAMS.get("extensive_search"):
        date = _tmeta.find_date(tree, **{**_QUICK_DATE_PARAMS, "url": url})
    if date and date.endswith("-01") and _impossible_day_stated(tree, date[:7]):
        return None  # htmldate read "2024-02-30" as "2024-02-01": a day the page never gave
    return date


_STATED_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _impossible_day_stated(tree: etree._Element, month: str) -> bool:
    """The page's publication metadata gives a day in ``month`` (YYYY-MM) that no calendar has ("2024-02-30")."""
    for value in _published_meta(tree):
        found = _STATED_DAY.match(value.strip())
        if found and f"{found[1]}-{found[2]}" == month:
            try:
                datetime(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                return True
    return False


# where pages state their publication time in full (htmldate returns the day only)
_PUBLISHED_KEYS = {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "publish-date", "publish_date", "parsely-pub-date", "dc.date.issued", "dcterms.issued",
                   "sailthru.date"}
def _published_meta(tree: etree._Element) -> list[str]:
    """The non-empty contents of the page's publication-time meta tags (``_PUBLISHED_KEYS``), in page order."""
    return [v for m in tree.iterfind(".//meta") if (v := m.get("content"))
            and (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower() in _PUBLISHED_KEYS]


_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{11,64})"')


def publication_datetime(tree: etree._Element, day: str | None) -> str | None:
    """``day`` (htmldate's YYYY-MM-DD) with the time and zone the page states for it, as ISO 8601
    ('2019-11-20T09:29:08+0000' -> '2019-11-20T09:29:08+00:00'), from its publication meta tags, a
    ``<time itemprop=datePublished>`` or JSON-LD ``datePublished``; ``day`` itself when none gives a time on it."""
    if not day or len(day) != 10:
        return day
    found = _published_meta(tree)
    found += [v for t in tree.iterfind(".//time") if (v := t.get("datetime"))
              and (t.get("itemprop") == "datePublished" or t.get("pubdate") is not None)]
    found += [m for s in tree.iterfind(".//script") if s.get("type", "").strip().lower() == "application/ld+json"
              for m in _JSONLD_PUBLISHED.findall(s.text or "")]
    for value in found:
        value = value.strip()
        if len(value) <= 10 or not value.startswith(day) or value[10] not in "T ":
            continue
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            continue
    return day


def page_metadata(tree: etree._Element, url: str | None) -> Document:
    """Title, author, URL, date and site name, by trafilatura's own metadata functions.

    This is ``trafilatura.metadata.extract_metadata`` in the same order, minus the fields storytrace does
    not use (categories, tags, licence), which cost about a third of its time. trafilatura's functions do
    the work; only the sequence is repeated here. The tree is not modified (the author search copies it).
    """
    meta = _tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = _json_ld_metadata(tree, meta)
    except Exception as err:  # noqa: BLE001 -- as trafilatura does: a bug in its JSON-LD reader is skipped
        logging.getLogger(__name__).debug("JSON metadata skipped: %s", err)
    if not meta.title:
        meta.title = _tmeta.extract_title(tree)
    if not meta.author:
        meta.author = _vocab_context_author(tree) or _tmeta.extract_author(tree)
    if not meta.url:
        meta.url = _tmeta.extract_url(tree, url)
    if meta.url:
        meta.hostname = _tmeta.extract_domain(meta.url, fast=True)
    meta.date = publication_date(tree, meta.url)
    if not meta.sitename:
        meta.sitename = _tmeta.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        m = _tmeta.META_URL.match(meta.url)
        if m:
            meta.sitename = m[1]
    meta.filedate = _DATE_PARAMS.get("max_date")
    meta.clean_and_trim()
    return meta


def _json_ld_metadata(tree: etree._Element, meta: Document) -> Document:
    """trafilatura's ``extract_meta_json``, except that a block that does not parse gives no title. trafilatura reads
    such a block with regular expressions, and a block cut short by a ``</script>`` inside one of its strings
    (``"headline":"x</script>...``: the HTML parser ends the script there) gave the title "x" over the page's
    ``<h1>`` and ``<title>``. The block's other fields (author, publisher, type) are still read as trafilatura does."""
    for script in tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]'):
        if not script.text:
            continue
        text = _tjson.normalize_json(_tmeta.JSON_MINIFY.sub(r"\1", script.text))
        try:
            schema = json.loads(text, strict=False)
        except json.JSONDecodeError:
            title = meta.title
            meta = _tjson.extract_json_parse_error(text, meta)
            meta.title = title
        else:
            meta = _tjson.extract_json(schema, meta)
    return meta


def _vocab_context_author(tree: etree._Element) -> str | None:
    """The author of a JSON-LD block whose ``@context`` is an object (``{"@vocab": "http://schema.org", ...}``),
    read by trafilatura's own JSON reader, which skips such blocks: without this, its byline search took an NBC
    reporter's bio line ("Phil Helsel is a reporter") although the NewsArticle block names him."""
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        if not script.text or '"@vocab"' not in script.text:
            continue
        try:
            blocks = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for block in blocks if isinstance(blocks, list) else [blocks]:
            context = block.get("@context") if isinstance(block, dict) else None
            vocab = context.get("@vocab") if isinstance(context, dict) else None
            if isinstance(vocab, str) and "schema.org" in vocab:
                with contextlib.suppress(Exception):  # as trafilatura: a bug in its JSON reader is skipped
                    if author := _tjson.extract_json({**block, "@context": vocab}, Document()).author:
                        return author
    return None


# --- depth scan ---------------------------------------------------------------------------------------

_TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>",
    re.DOTALL | re.IGNORECASE,
)
# elements that never take children, or whose end tag is implied by the next sibling (lxml closes them)
_NO_DEPTH = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "command", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp", "rt", "caption", "html", "head", "body"]
)


def check_depth(html: str, max_depth: int) -> int:
    """The deepest element nesting in ``html``, found by scanning tags; :class:`InputError` past ``max_depth``.

    Linear in the input and without recursion, so 100,000 nested ``<div>`` are refused in milliseconds.
    Tags whose end is implied (``p``, ``li``, ``td`` ...) and void elements do not add depth. A page with
    fewer opening tags than ``max_depth`` is not scanned (the result is then -1).
    """
    if html.count("<") - html.count("</") <= max_depth:
        return -1  # fewer opening tags than the limit: nothing to scan (-1 = not measured)
    depth = deepest = 0
    for m in _TAG_RE.finditer(html):
        name = m.group(3)
        if name is None:
            continue  # comment or raw-text element
        name = name.lower()
        if name in _NO_DEPTH:
            continue
        if m.group(2):
            if depth:
                depth -= 1
        elif not m.group(4):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    raise InputError(
                        f"HTML nested deeper than {max_depth} elements; refused before parsing "
                        "(raise Options.max_html_depth to accept it)",
                        code=TOO_DEEP,
                    )
    return deepest


# --- helpers ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet(names: tuple[str, ...] = ("trafilatura", "htmldate", "courlan", "justext", "readability")
           ) -> Iterator[None]:
    """trafilatura logs a page it cannot extract as an error; here that is a warning on the page."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


_SEP_RE = re.compile(r"\s+(?:\||-|–|—|::|«|»|·|•|/)\s+|\s*\|\s*")


def strip_site_suffix(title: str, site: str | None = None) -> str:
    """``"Headline | Site"`` -> ``"Headline"``: drop leading/trailing segments naming the site.

    A segment goes when it matches ``site`` (or the site matches it), or when it is short (at most three
    words) beside a headline of at least four words.
    """
    parts = [p for p in _SEP_RE.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site_key = text_key(site or "")

    def is_site(seg: str) -> bool:
        k = text_key(seg)
        return bool(site_key) and bool(k) and (k in site_key or site_key in k)

    main = max(parts, key=lambda p: len(p.split()))
    kept = [p for p in parts if p is main or not (is_site(p) or len(p.split()) <= 3 <= len(main.split()))]
    return " - ".join(p.strip() for p in kept) if len(kept) > 1 else main.strip()


# separators of a <title>'s parts, also "Blog: Post" and "Blog › Post" (only used to find the blog's own name)
_TITLE_PART_RE = re.compile(r"\s+(?:\||-|–|—|::|«|»|·|•|/|›|>)\s+|\s*\|\s*|:\s+")
_TOKEN_RE = re.compile(r"\w+")


def _heading_without_scripts(tree: etree._Element, title: str | None) -> str | None:
    """``title`` without the script or style text trafilatura read into it from an ``<h1>`` holding a ``<script>``
    ("Headline<script>dataLayer=...</script>"): the heading's visible text instead."""
    if not title:
        return title
    for heading in list(tree.iter("h1"))[:3]:
        if text_key("".join(heading.itertext())) == text_key(title):
            visible = _norm("".join(visible_strings(heading)))
            return visible or title
    return title


def choose_title(tree: etree._Element, title: str | None, site: str | None) -> tuple[str | None, str | None]:
    """(title, site): trafilatura's title, unless the page shows it is not the headline.

    Blogs give the blog's name as their only ``<h1>`` and the post in ``<title>`` ("Post « Blog", "Blog: Post"):
    when the title is one part of ``<title>`` and the page says it is the blog's name (it is part of the site
    name, or it links to the home page or the rest of ``<title>`` is a heading of its own, and that rest is
    not the shorter of the two), the rest becomes the title and the name the site. A short title sharing no
    word with ``<title>`` ("Share this:", "Follow Us!") gives way to ``<title>`` when a heading confirms it.
    """
    element = tree.find(".//head/title")
    if element is None:  # no <head>: the first <title> outside an inline SVG
        element = next((t for t in tree.iter("title") if not any(_tag(a) == "svg" for a in t.iterancestors())),
                       None)
    tag = _norm("".join(element.itertext())) if element is not None else ""
    if not title or not tag or text_key(tag) == text_key(title):
        return title, site
    key = text_key(title)
    if site and text_key(site) == key:
        site = None  # trafilatura falls back to the title for the site name; it says nothing
    site_key = text_key(site or "")
    parts = [p.strip() for p in _TITLE_PART_RE.split(tag) if p.strip()]
    # the title at either end of <title> is cut as written, so the rest keeps its own colons and a name with a
    # separator of its own ("Ann Lee | notes » Post") is found too
    rest = _without_name(tag, title)
    if not rest or text_key(rest) == text_key(tag):
        rest = " - ".join(p for p in parts if text_key(p) != key)
    if len(parts) > 1 and text_key(rest) != text_key(tag) and re.search(r"[^\W\d_]{3}", rest):
        # the title names the site: the site name begins with it, or it is the site's first domain label
        is_site_name = bool(site_key) and text_key(rest) != site_key and (
            site_key.startswith(key) or text_key((site or "").split(".")[0]) == key)
        if is_site_name or (len(rest.split()) >= len(title.split()) and _headline_evidence(tree, title, rest, site)):
            return rest, title if site is None or text_key(site) == text_key(rest) else site
        if site is None and len(rest.split()) <= min(4, len(title.split()) - 1):
            site = rest  # "Headline - WSJ.com": the other part names the site
    shares_word = set(_TOKEN_RE.findall(title.casefold())) & set(_TOKEN_RE.findall(tag.casefold()))
    if (len(title.split()) <= 4 and not shares_word) or _only_in_widgets(tree, title):
        for candidate in (strip_site_suffix(tag, site), *parts):
            candidate = _without_name(candidate, title)  # "» Post :blogname" with "blogname" the title
            # evidence: the candidate is a heading of its own, or the title is the site's logo linking home
            if len(candidate.split()) >= 2 and _headline_evidence(tree, title, candidate, site):
                return candidate, _site_beside(tag, candidate, site)
    return title, site


def _site_beside(tag: str, headline: str, site: str | None) -> str | None:
    """The site name once ``headline`` is the title: ``site``, unless that is the headline itself (a page whose
    metadata names the post as its site), then the rest of ``<title>`` when it is short enough to be a name."""
    if site is None or text_key(site) != text_key(headline):
        return site
    rest = _without_name(tag, headline)
    return rest if rest and text_key(rest) != text_key(tag) and len(rest.split()) <= 4 else None


_EDGE_SEPARATORS = r"[\s»«|:·•›>/\-–—]*"


def _without_name(text: str, name: str) -> str:
    """``text`` without ``name`` at its start or end and without the separators left at its edges."""
    name = re.escape(name.strip())
    text = re.sub(rf"^{_EDGE_SEPARATORS}{name}(?!\w)|(?<!\w){name}{_EDGE_SEPARATORS}$", "", text.strip(),
                  flags=re.IGNORECASE)
    return re.sub(rf"^{_EDGE_SEPARATORS}|{_EDGE_SEPARATORS}$", "", text)


# sidebar and footer boxes: a heading inside one titles the box, not the page ("About Bad Astronomy")
_WIDGET_RE = re.compile(r"widget|sidebar|footer|related|promo|menu|\bnav", re.IGNORECASE)


def _only_in_widgets(tree: etree._Element, title: str) -> bool:
    """Is ``title`` shown only as the heading of sidebar, footer or menu boxes?"""
    key = text_key(title)
    headings = [h for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6") if text_key("".join(h.itertext())) == key]
    return bool(headings) and all(
        any(_tag(a) in ("aside", "nav", "footer") or _WIDGET_RE.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in (h, *h.iterancestors()))
        for h in headings)


def _headline_evidence(tree: etree._Element, name: str | None, headline: str, site: str | None) -> bool:
    """Is ``headline`` a heading or ``og:title`` of its own, or does ``name`` link to the home page?"""
    key, headline_key = text_key(name or ""), text_key(headline)
    for heading in tree.iter("h1", "h2", "h3"):
        text = text_key("".join(heading.itertext()))
        links_home = any(_is_home(a.get("href")) for a in (*heading.iter("a"), *heading.iterancestors("a")))
        if text == headline_key and not links_home:  # a heading linking home is the site's banner
            return True
        if key and text == key and links_home:
            return True
    return any(text_key(strip_site_suffix(t, site)) == headline_key for t in _meta(tree, "og:title", "twitter:title"))


def _is_home(href: str | None) -> bool:
    """A link to a site's home page: "/", "https://example.com/"; not "#comments" or "?p=123"."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:  # "http://[oops": a malformed link says nothing
        return False
    return parts.path in ("", "/") and not parts.query


def _meta(tree: etree._Element, *names: str) -> list[str]:
    out = []
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names and el.get("content"):
            out.append(el.get("content"))
    return out


def headline_variants(tree: etree._Element, title: str | None, site: str | None) -> list[str]:
    """Other headlines the page gives, normalised, without the site suffix and without ``title``."""
    raw: list[str] = []
    raw += _meta(tree, "og:title", "twitter:title", "headline", "dc.title")
    raw += ["".join(visible_strings(h)) for h in list(tree.iter("h1"))[:3]]  # not a script inside the h1
    raw += ["".join(t.itertext()) for t in list(tree.iter("title"))[:1]]
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "") and script.text:
            raw += re.findall(r'"(?:headline|alternativeHeadline)"\s*:\s*"((?:[^"\\]|\\.){3,300})"',
                              script.text)[:2]
    seen = {text_key(title)} if title else set()
    out: list[str] = []
    for text in raw:
        text = _norm(text.replace('\\"', '"').replace("\\/", "/"))
        if not text or len(text) > 300:
            continue
        text = strip_site_suffix(text, site)
        k = text_key(text)
        if k and k not in seen and k != text_key(site or ""):
            seen.add(k)
            out.append(text)
    return out[:MAX_VARIANTS]


_BOILER_RE = re.compile(
    r"nav|menu|footer|header|breadcrumb|sidebar|masthead|copyright|cookie|subscribe|newsletter|share|"
    r"social|related|promo|banner|toolbar|skip|topbar|utility|legal|site-info|widget", re.IGNORECASE
)
_BOILER_TAGS = frozenset({"nav", "header", "footer", "aside"})


def boilerplate(tree: etree._Element, keep_out: set[str], scan: PageScan | None = None) -> list[str]:
    """Visible lines of navigation, header, footer and sidebar blocks, minus body and comment lines.

    Blocks are taken outermost first, in page order; nothing inside an invisible element (script,
    template ...) or inside the comment section counts.
    """
    body = tree.find(".//body")
    if body is None:
        return []
    out: list[str] = []
    seen = set(keep_out)
    taken: set[etree._Element] = set()
    named = (scan or scan_tree(tree)).named
    # the comment section: every element REGION_RE names is in `named` (its words are in NAMED_RE)
    regions = {el for el, _, attrs, _ in named if REGION_RE.search(attrs)}
    for el, tag, attrs, _ in named:
        if len(out) >= MAX_BOILERPLATE:
            break
        if el in regions or not (tag in _BOILER_TAGS or (
                tag in {"div", "ul", "section", "p", "span"} and _BOILER_RE.search(attrs))):
            continue
        outside = False
        for anc in el.iterancestors():
            if anc is body:
                outside = True
                break
            if anc in taken or anc in regions or (isinstance(anc.tag, str) and anc.tag.lower() in _INVISIBLE_TAGS):
                break
        if not outside:
            continue
        taken.add(el)
        for line in block_text(el).split("\n"):
            if len(out) >= MAX_BOILERPLATE:
                break
            k = text_key(line)
            if k and k not in seen and len(line) <= 300:
                seen.add(k)
                out.append(line)
    return out


_REF_RE = re.compile(r"\b(?:references|footnotes?|endnotes?|doc-endnotes|notes|reflist|citations)\b",
                     re.IGNORECASE)
# a heading or label that names the list after it as the article's references. Not "Notes": it heads article
# content as often (a practice report's notes, an editor's bullet points)
_REF_HEADING_RE = re.compile(
    r"(?:references?|sources?|footnotes|endnotes|citations|bibliography|works cited|notes and references"
    r"|quellen|einzelnachweise|références|sources et références|referencias|fuentes|fonti|bronnen"
    r"|источники|список литературы|джерела|zdroje|použitá literatúra|źródła|bibliografia)\s*:?",
    re.IGNORECASE)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "dt", "strong", "b", "span", "header"})


def _headed_reference_lists(tree: etree._Element) -> list[etree._Element]:
    """Lists (``ul``/``ol``) right after a heading or label that names them: ``<h3>Sources</h3><ul>``,
    ``<p><strong>Sources:</strong></p><ol>`` (HTML comments between the two are passed over)."""
    out = []
    for box in tree.iter("ul", "ol"):
        heading = _element_sibling(box, before=True)
        if heading is not None and _tag(heading) in _HEADING_TAGS and \
                _REF_HEADING_RE.fullmatch(_norm(" ".join(heading.itertext()))):
            out.append(box)
    return out


def _reference_item(text: str) -> tuple[str | None, str]:
    """A reference line's own marker ("[1] ", "1. ") and its text, back-link arrows removed."""
    text = re.sub(r"\s*[↩↑^]+\s*$|^\s*[↑^]+\s*", "", _norm(text)).strip()
    lead = re.match(r"^\[(\w{1,4})\]\s*|^(\d{1,3})[.)]\s+", text)
    if not lead:
        return None, text
    return lead.group(1) or lead.group(2), text[lead.end():]


def references(tree: etree._Element, scan: PageScan | None = None) -> list[Reference]:
    """Footnotes and references where the markup has them: ``ol.references``, ``.footnotes``, ``li#fn1``, or a
    list under a "References" / "Sources" heading."""
    out: list[Reference] = []
    seen: set[str] = set()
    containers = [el for el, tag, attrs, role in (scan or scan_tree(tree)).named
                  if tag in {"ol", "ul", "div", "section", "aside"} and _REF_RE.search(f"{attrs} {role}")]
    containers += [el for el in _headed_reference_lists(tree) if el not in containers]
    items: list[tuple[etree._Element, int]] = []
    for box in containers:
        if any(a in containers for a in box.iterancestors()):
            continue
        for n, li in enumerate(box.iter("li"), start=1):
            items.append((li, n))
    if not items:  # footnote items without a named container: <li id="fn1">, <li id="cite_note-2">
        items = [(li, n) for n, li in enumerate(
            tree.xpath(".//li[starts-with(@id, 'fn') or starts-with(@id, 'cite_note') or "
                       "starts-with(@id, 'footnote') or starts-with(@id, 'note-')]"), start=1)]
    for li, n in items:
        lead, text = _reference_item(" ".join(li.itertext()))
        if not text:
            continue
        m = re.search(r"(\d+)$", li.get("id") or "")
        marker = lead or (m.group(1) if m else str(n))
        if text_key(text) in seen:
            continue
        seen.add(text_key(text))
        out.append(Reference(marker=marker, text=text))
    return out


def without_references(body: list[str], refs: list[Reference]) -> list[str]:
    """``body`` without the paragraphs that are ``refs`` (the extractor keeps a reference list as "- text"
    lines), nor the "References" / "Sources:" heading line right before them."""
    keys = {text_key(r.text) for r in refs}
    if not keys:
        return body
    out: list[str] = []
    for line in body:
        if text_key(_reference_item(line.removeprefix("- "))[1]) in keys:
            if out and _REF_HEADING_RE.fullmatch(out[-1]):
                out.pop()
            continue
        out.append(line)
    return out


# --- the stage ----------------------------------------------------------------------------------------


def _declared(tree: etree._Element, name: str) -> bool:
    """Does a meta tag or a JSON-LD block name ``name``?"""
    key = text_key(name)
    texts = [el.get("content") or "" for el in tree.iter("meta")]
    texts += [s.text or "" for s in tree.iter("script") if "ld+json" in (s.get("type") or "")]
    return any(key in text_key(t) for t in texts)


@contextlib.contextmanager
def _hidden(elements: list[etree._Element]) -> Iterator[None]:
    """Take ``elements`` out of their tree for the duration, then put each back where it was."""
    moved = []
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        stand_in = etree.Element("span")
        stand_in.tail = el.tail
        parent.replace(el, stand_in)
        moved.append((parent, stand_in, el))
    try:
        yield
    finally:
        for parent, stand_in, el in reversed(moved):
            parent.replace(stand_in, el)


# what a byline says before the name ("By Ann", "Von Ann"): alone, it is what is left of a byline whose name
# was markup or empty, not an author
_BYLINE_WORDS = {"by", "von", "par", "por", "di", "da", "door", "av", "af", "przez", "от", "автор"}


def _not_a_byline_word(author: str | None) -> str | None:
    return None if author and author.strip(" :.-").lower() in _BYLINE_WORDS else author


def _author_not_a_commenter(tree: etree._Element, scan: PageScan, author: str | None,
                            comments: list[Comment]) -> str | None:
    """The page's author, unless trafilatura's byline search took the first commenter's name.

    That search takes the first byline-like element, which on some pages is a comment's. When the author is
    also a commenter and no meta tag or JSON-LD names them, the search runs again with the comment sections
    out of the tree (a blogger who answers in the comments keeps their own byline).
    """
    if not author or text_key(author) not in {text_key(c.author) for c in comments if c.author} or _declared(tree, author):
        return author
    with _hidden(_regions(scan)):
        return _norm(_tmeta.extract_author(tree)) or None


def _without_comments(lines: list[str], comments: list[Comment], comment_lines: set[str]) -> list[str]:
    """Body lines without the comments' lines, and without a line that is only a commenter's name when the line
    next to it is one of that commenter's lines (a comment the extractor let into the body, byline and all)."""
    keys = [text_key(line) for line in lines]
    by_author: dict[str, set[str]] = {}
    for c in comments:
        if c.author:
            by_author.setdefault(text_key(c.author), set()).update(text_key(t) for t in c.text.split("\n"))
    out = []
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if key in comment_lines:
            continue
        own = by_author.get(key)
        if own and any(0 <= j < len(keys) and keys[j] in own for j in (i - 1, i + 1)):
            continue
        out.append(line)
    return out


def split_html(html: str, page: Page, options: Options) -> Page:
    """Fill ``page`` with the parts of an HTML page and return it.

    Args:
        html: the page's HTML, decoded.
        page: the page record; ``title``, ``headline_variants``, ``body``, ``boilerplate``,
            ``references``, ``comments``, ``author``, ``site``, ``published`` are set, ``url`` when it is
            None and the page names its canonical URL.
        options: run settings (``max_html_depth``, ``max_page_bytes``).

    Returns:
        The same ``page``. A page without extractable body gets a warning, not an exception.

    Raises:
        InputError: the HTML is empty, larger than ``options.max_page_bytes`` or nested deeper than
            ``options.max_html_depth``.
    """
    if not html or not html.strip():
        raise InputError("empty HTML page", code=EMPTY_INPUT)
    if len(html) > options.max_page_bytes:
        raise InputError(f"HTML page of {len(html):,} characters exceeds max_page_bytes={options.max_page_bytes:,}",
                         code=TOO_LARGE)
    check_depth(html, options.max_html_depth)
    html = as_html_document(html)  # a bare fragment (<div><p>..</p></div>) parses as a page
    with _quiet():
        try:
            tree = load_html(html)
        except (ValueError, TypeError, etree.ParserError) as err:
            raise InputError(f"HTML could not be parsed: {err}") from err
        if tree is None:
            raise InputError("HTML could not be parsed (not HTML or no elements)")
        scan = scan_tree(tree)  # one walk for the comment readers, references and boilerplate
        found: list[etree._Element] = []
        comments = extract_comments(tree, page.id, scan, elements=found) if options.extract_comments else []
        # one parse for everything: trafilatura's metadata functions only read the tree, and given a
        # tree, bare_extraction works on a copy of it, so `tree` stays whole for the steps below.
        # The page's author and date are not a commenter's: the comments found are out of the tree
        # while the metadata is read (a page without byline or date otherwise gets the first comment's)
        with _hidden(found):
            meta = page_metadata(tree, page.url)
        doc = bare_extraction(tree, url=meta.url or page.url, with_metadata=False,  # type: ignore[arg-type]
                              **TRAFILATURA_SETTINGS)
    page.kind = "html"
    comment_lines = {text_key(line) for c in comments for line in c.text.split("\n")}
    title = _heading_without_scripts(tree, _norm(meta.title) or None)
    page.title, page.site = choose_title(tree, title, _norm(meta.sitename) or None)
    page.author = _not_a_byline_word(_author_not_a_commenter(tree, scan, _norm(meta.author) or None, comments))
    page.published = publication_datetime(tree, meta.date) or None
    if page.url is None and meta.url:
        page.url = meta.url
    if doc is None:
        if not mark_redirect(page, tree):
            page.warnings.append("no extractable body text in the HTML page")
        body: list[str] = []
    else:
        # a comment the extractor let through is a comment, not body (with its author's name on the line
        # before or after it)
        body = _without_comments([p for p in (_norm(line) for line in (doc.text or "").split("\n")) if p],
                                 comments, comment_lines)
        words = sum(body_words(p) for p in body)
        if words < MIN_BODY_WORDS and not mark_redirect(page, tree):
            page.warnings.append(f"no extractable body text in the HTML page (only {words} words found)")
    page.body = body
    page.headline_variants = headline_variants(tree, page.title, page.site)
    if page.title is None and page.headline_variants:
        page.title = page.headline_variants.pop(0)
    mark_wall(page, body)
    page.references = references(tree, scan)
    page.body = body = without_references(body, page.references)
    keep_out = {text_key(p) for p in body} | comment_lines | {text_key(r.text) for r in page.references}
    page.boilerplate = boilerplate(tree, keep_out, scan)
    page.comments = comments
    if options.extract_comments and not comments and (provider := script_comment_provider(tree)):
        page.warnings.append(f"the comments are loaded by a script ({provider}) and are not in this HTML: the "
                             "page may have comments; fetch them from the provider")
    return page




# comment services that a script fills in the browser: their mark in the HTML (an element id/class/attribute or a
# script address) and their name. Such a page's HTML holds none of its comments.
_COMMENT_EMBEDS = (
    ("Disqus", re.compile(r"disqus\.com/embed\.js|\.disqus\.com/|disqus_thread", re.IGNORECASE)),
    ("Facebook", re.compile(r"fb-comments|facebook\.com/plugins/comments", re.IGNORECASE)),
    ("OpenWeb", re.compile(r"launcher\.spot\.im|data-spotim-module|openweb\.com", re.IGNORECASE)),
    ("Viafoura", re.compile(r"viafoura", re.IGNORECASE)),
    ("Coral", re.compile(r"coral-container|coral\.coralproject|/assets/js/embed\.js.*coral", re.IGNORECASE)),
    ("Livefyre", re.compile(r"livefyre", re.IGNORECASE)),
    ("Hyvor Talk", re.compile(r"talk\.hyvor\.com|hyvor-talk", re.IGNORECASE)),
    ("Commento", re.compile(r"commento\.io|commento_", re.IGNORECASE)),
    ("utterances / giscus", re.compile(r"utteranc\.es|giscus\.app", re.IGNORECASE)),
)


def script_comment_provider(tree: etree._Element) -> str | None:
    """The name of the script comment service the page embeds (Disqus, Facebook, OpenWeb, ...), or None. Read from
    the ids, classes and data attributes of elements and the addresses of scripts and iframes, not from text."""
    marks: list[str] = []
    for el in tree.iter("div", "section", "script", "iframe", "span", "aside"):
        attrib = el.attrib
        if attrib:
            marks.append(" ".join(f"{k}={v}" for k, v in attrib.items() if k in ("id", "class", "src")
                                  or k.startswith("data-")))
        if el.tag == "script" and el.text and len(el.text) < 20_000:
            marks.append(el.text)
    joined = "\n".join(marks)
    return next((name for name, mark in _COMMENT_EMBEDS if mark.search(joined)), None)
