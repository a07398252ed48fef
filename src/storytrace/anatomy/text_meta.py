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

from storytrace.records import Page

TOP_LINES = 8  # only the page's first non-empty lines hold a byline or a dateline
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten [Bb]y)[:\s]+((?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al))"
                     r"{0,3})\s*(?:$|[,|·•(–—-])")
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%A, %d %B %Y",
                 "%a, %B %d, %Y", "%a %d %b %Y", "%Y-%m-%d", "%B %d %Y", "%d.%m.%Y")


def byline_author(line: str) -> str | None:
    """The name a byline gives ("By Jane Miller, Staff Writer" -> "Jane Miller"), else None."""
    match = _BYLINE.match(line.strip())
    return match.group(1).strip() if match else None


def dateline_date(line: str) -> str | None:
    """The ISO date of a line that is only a date ("January 12, 2021", "Published: 12 Jan 2021"), else None."""
    text = _DATE_PREFIX.sub("", line.strip()).rstrip(".").strip()
    if not 6 <= len(text) <= 40:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


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
        elif page.published is None and (day := dateline_date(line)):
            page.published = day
    return page
