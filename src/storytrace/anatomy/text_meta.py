"""Author and publication date from the top of a plain-text page: a byline ("By Jane Miller, Staff Writer") and a
dateline ("January 12, 2021") standing between the headline and the article, as copied news pages show them.

The line model labels such lines as it learned from its training pages (a byline often as a headline variant, a
dateline as body); the labels stay, and the page gains the ``author`` and ``published`` the lines state, which
resolves relative dates ("on Monday") and tells which version of a story came first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from storytrace.anatomy.chrome_authors import parse_chrome_line, parse_date
from storytrace.records import Page

TOP_LINES = 8  # only the page's first non-empty lines hold a byline or a dateline
# "By", "Written by", "Von", "Autor:", "Par", "Por", "Di", "Автор:", "Текст:" and a name of one to four
# capitalised words (any script); the name ends the line or a separator follows it
_BYLINE = re.compile(r"^(?:(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]i|Автор(?:ка|и)?|Авторы)(?:\s*:\s*|\s+)"
                     r"|(?:Autor(?:in)?|Text|Текст)\s*:\s*)"
                     r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})\s*(?:$|[,|·•(–—-])")
_NAME_LINKS = frozenset({"de", "van", "von", "bin", "al", "da", "di", "del", "der", "la", "le", "ter", "zu"})
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|erschienen|stand|"
                          r"publié|mis à jour|publicado|actualizado|опубліковано|оновлено|опубликовано|обновлено)"
                          r"(?:\s+(?:on|am|le|el))?\s*:?\s*", re.IGNORECASE)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%A, %d %B %Y",
                 "%a, %B %d, %Y", "%a %d %b %Y", "%Y-%m-%d", "%B %d %Y", "%d.%m.%Y")


def byline_author(line: str) -> str | None:
    """The name a byline gives ("By Jane Miller, Staff Writer" -> "Jane Miller", "Von Max Muster",
    "Автор: Олена Коваль"), else None."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    words = match.group("name").split()
    if not all(w[0].isupper() or w in _NAME_LINKS for w in words) or not words[0][0].isupper():
        return None
    return " ".join(words)


def dateline_date(line: str) -> str | None:
    """The ISO date of a line that is only a date ("January 12, 2021", "Published: 12 Jan 2021", "12.03.2024,
    14:05", "12. März 2024", "12 березня 2024"), else None."""
    text = _DATE_PREFIX.sub("", line.strip()).rstrip(".").strip()
    if not 6 <= len(text) <= 40:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    if is_date_line(text) and (day := parse_date(text)) and len(day) >= 10:
        return day[:10]
    return None


def is_date_line(line: str) -> bool:
    """Whether the line is only a date, a time or both, absolute or relative ("12.03.2024, 14:05", "12 березня
    2024", "vor 2 Stunden", "March 3, 2009 at 4:15 pm"): chrome around comments, never a comment itself."""
    return parse_chrome_line(line).kind == "date"


def add_text_metadata(page: Page, lines: Sequence[str], labels: Sequence[str]) -> Page:
    """Fill ``page.author`` and ``page.published`` (where still empty) from a byline and a dateline among the
    page's first :data:`TOP_LINES` non-empty lines that are not comments; a byline read as a headline variant
    leaves the variants."""
    top = [line.strip() for line, label in zip(lines, labels, strict=True)
           if line.strip() and label not in ("blank", "comment")][:TOP_LINES]
    for line in top:
        if page.author is None and (name := byline_author(line)):
            page.author = name
            page.headline_variants = [v for v in page.headline_variants if v != line]
            if page.published is None and (day := _date_after_byline(line)):
                page.published = day  # "By Jane Miller | March 4, 2024"
        elif page.published is None and (day := dateline_date(line)):
            page.published = day
    return page


def _date_after_byline(line: str) -> str | None:
    """The date a byline carries after a separator ("By Jane Miller | March 4, 2024", "Von Max Muster · 12.03.2024")."""
    parts = re.split(r"\s[|·•–—]\s|\s-\s", line)
    return next((day for part in parts[1:] if (day := dateline_date(part))), None)


# --- line labels mended by rules that hold in any language -------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…)\"»“”]$")
_MIN_PARAGRAPH_WORDS = 4  # a shorter line without a sentence end is no paragraph (as in the line model's data)
_MIN_ANCHORS = 2  # date lines with a name beside them that show a comment section keeping its chrome


def repair_classes(kept: Sequence[str], classes: Sequence[str], idx: Sequence[int]) -> list[str]:
    """The line model's classes of a page's non-empty lines (``kept``, at line positions ``idx``), mended where
    the layout of a news page says more than the words (rules that hold in every language the model reads):

    * a byline or a dateline among the first lines is not body ("Von Max Muster", "12 березня 2024"), and a
      dateline is no headline either;
    * a line that is only a date or a time, or a button or a counter ("Reply", "Kommentare (3)"), is never a
      comment; nor is a name standing next to such a date line, as comment sections with chrome show them;
    * in a comment section that keeps its chrome (two or more name + date blocks after the article), the
      sentences between the blocks that the model left as boilerplate are comments.
    """
    out = list(classes)
    _unbody_top(kept, out)
    _unbody_bottom(kept, out, idx)
    last_body = max((i for i, c in enumerate(out) if c in ("body", "reference", "headline")), default=-1)
    tail = range(last_body + 1, len(kept))
    if not tail:
        return out
    parsed = {i: parse_chrome_line(kept[i]) for i in tail}
    dates = {i for i in tail if parsed[i].kind == "date" or (parsed[i].kind == "name" and parsed[i].date)}
    names = {i for i in tail if parsed[i].kind == "name" and parsed[i].date is None and (
        (i - 1 in dates and _joined(idx, i - 1, i)) or (i + 1 in dates and _joined(idx, i, i + 1)))}
    for i in tail:
        # (a name with its date on one line, "Posted by: Ann | May 2" and "by ann (1234)" keep the model's label:
        # the synthetic pages the model is measured on count them as comment text)
        if out[i] == "comment" and (parsed[i].kind in ("date", "ui") or i in names):
            out[i] = "boilerplate"
    if _comment_paragraphs(kept, out, idx, parsed, tail):
        return out
    # a relative time ("vor 2 Stunden") has no calendar date but is as sure a comment date as one with it
    anchors = [i for i in dates if (parsed[i].date is not None or parsed[i].kind == "date")
               and (parsed[i].kind == "name" or {i - 1, i + 1} & names)]
    if len(anchors) >= _MIN_ANCHORS:
        _comments_between_chrome(kept, out, idx, parsed, sorted(anchors), dates | names)
    return out


def _comment_paragraphs(kept: Sequence[str], out: list[str], idx: Sequence[int], parsed: dict,
                        tail: range) -> bool:
    """Paragraphs (lines between blank lines) after the article that each hold a name, a date and a sentence
    are one comment each, whatever the order of the three ("name / date / text", "name / text / date"): with
    two or more such paragraphs their sentences are comments and their names and dates chrome. True if so."""
    paragraphs: list[list[int]] = []
    for i in tail:
        if not paragraphs or not _joined(idx, i - 1, i):
            paragraphs.append([])
        paragraphs[-1].append(i)
    found = []
    for par in paragraphs:
        kinds = [parsed[i] for i in par]
        dated = any(p.date is not None or p.kind == "date" for p in kinds)
        named = any(p.kind == "name" or (p.kind in ("cue_before", "cue_after", "byline") and p.name) for p in kinds)
        text = [i for i in par if _texty(kept[i], parsed[i])]
        if dated and named and text and any(_sentence(kept[i]) for i in text):
            found.append((par, set(text)))
    if len(found) < _MIN_ANCHORS:
        return False
    for par, text in found:
        for i in par:
            if i in text:
                out[i] = "comment" if out[i] == "boilerplate" else out[i]
            elif out[i] == "comment":
                out[i] = "boilerplate"
    return True


def _joined(idx: Sequence[int], a: int, b: int) -> bool:
    """Whether kept lines ``a`` and ``b`` (a < b) stand on consecutive page lines (no blank line between)."""
    return idx[b] == idx[a] + 1


def _unbody_top(kept: Sequence[str], out: list[str]) -> None:
    """A short byline or dateline among the first lines is not a paragraph: fewer than four words and no sentence
    end ("Von Max Muster", "12 березня 2024"); a longer one ("By Al Yellon - Editor") keeps the model's label.
    Nor is a dateline a headline: a line that is only a date, read as one under the title, is boilerplate."""
    for i in range(min(TOP_LINES, len(kept))):
        line = kept[i]
        short = len(line.split()) < _MIN_PARAGRAPH_WORDS and not line.rstrip().endswith((".", "!", "?"))
        if (out[i] == "body" and short and (byline_author(line) or is_date_line(line))) or (
                out[i] == "headline" and is_date_line(line)):
            out[i] = "boilerplate"


def _unbody_bottom(kept: Sequence[str], out: list[str], idx: Sequence[int]) -> None:
    """The article's last lines read as body that belong to the comment section below it are given back to it: a
    button or counter ("Kommentare (3)"), a date line, a name standing right above a date line ("Klaus M." /
    "vor 2 Stunden") are boilerplate, and a sentence right under such a name + date block is a comment -- only
    where another name + date block follows further down and article text stays above."""
    last = max((i for i, c in enumerate(out) if c in ("body", "reference", "headline")), default=-1)
    while last >= 0 and out[last] in ("body", "boilerplate"):
        line = parse_chrome_line(kept[last])
        if line.kind == "ui" or is_date_line(kept[last]) or _name_above_date(kept, idx, last):
            out[last] = "boilerplate"  # (a date line may already be, as a dateline among the first lines)
        elif out[last] == "body" and (last >= 2 and _name_above_date(kept, idx, last - 2) and _joined(idx, last - 1, last)
              and _texty(kept[last], line) and _sentence(kept[last])
              and any(_name_above_date(kept, idx, i) for i in range(last + 1, len(kept) - 1))
              and any(out[i] == "body" and _sentence(kept[i]) for i in range(last - 2))):
            out[last] = "comment"
        else:
            return
        last -= 1


def _name_above_date(kept: Sequence[str], idx: Sequence[int], i: int) -> bool:
    """Whether kept line ``i`` is a bare name standing right above a date line (a comment's chrome)."""
    line = parse_chrome_line(kept[i])
    return (line.kind == "name" and line.date is None and i + 1 < len(kept) and _joined(idx, i, i + 1)
            and is_date_line(kept[i + 1]))


def _comments_between_chrome(kept: Sequence[str], out: list[str], idx: Sequence[int], parsed: dict,
                             anchors: list[int], chrome: set[int]) -> None:
    """Boilerplate sentences next to the name + date blocks become comments. The side comes from the first
    block: when a sentence stands right above it (no blank line), each block closes the comment above it
    ("text / name / date", "name / text / date"); else each block opens the comment below it. The edge run
    (above the first block, below the last) ends at a blank line, so headers and footers stay boilerplate."""
    blocks: list[tuple[int, int]] = []  # (first, last) line of each block holding an anchor
    for a in anchors:
        lo, hi = a, a
        while lo - 1 in chrome:
            lo -= 1
        while hi + 1 in chrome:
            hi += 1
        if not blocks or lo > blocks[-1][1]:
            blocks.append((lo, hi))
    above = blocks[0][0] - 1
    after = not (above in parsed and _texty(kept[above], parsed[above]) and _joined(idx, above, above + 1))
    for n, (lo, hi) in enumerate(blocks):
        edge = n == (len(blocks) - 1 if after else 0)
        step, i = (1, hi + 1) if after else (-1, lo - 1)
        run = []
        while i in parsed and i not in chrome and _texty(kept[i], parsed[i]):
            run.append(i)
            nxt = i + step
            if edge and nxt in parsed and not _joined(idx, min(i, nxt), max(i, nxt)):
                break
            i = nxt
        if run and any(_sentence(kept[j]) for j in run):
            for j in run:
                if out[j] == "boilerplate":
                    out[j] = "comment"


def _sentence(line: str) -> bool:
    """A line that says something: it ends like a sentence, or runs to ten words or more."""
    return _SENTENCE_END.search(line) is not None or len(line.split()) >= 10


def _texty(line: str, parsed) -> bool:
    """A line of comment text: no chrome, three words or more (shorter ones are sign-offs, captions, menus)."""
    return parsed.kind == "other" and not parsed.dated and len(line.split()) >= 3
