"""One comparison key for text, used wherever two stages ask "is this the same text?"."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"\W+")


def text_key(text: str) -> str:
    """``text`` casefolded with everything but letters, digits and underscores removed: "Sappers head to Kursk |
    Example News" and "sappers head to kursk — example news" give one key (titles, headings, repeated comments)."""
    return _NON_WORD.sub("", text.casefold())


def repeats_title(paragraph: str, title: str | None) -> bool:
    """A body paragraph that is the page's title again (an extractor kept the headline in the body): read once,
    as the title, wherever facts or claims are counted."""
    return bool(title) and text_key(paragraph) == text_key(title)
