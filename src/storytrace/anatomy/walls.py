"""What a crawler fetches instead of the article, told from the page's parts (HTML or plain text alike).

A paywall, a bot check, a consent wall, an error page served with status 200: read on the title, headings and short
body lines of a short page; such a page stays in the dossier with a warning (``records.NOT_AN_ARTICLE``), and the
stories stage leaves it out (walls of different articles are not copies of each other). Kept apart from
:mod:`storytrace.anatomy.html` (which loads trafilatura) so the plain-text reader can use it too.
"""

from __future__ import annotations

import re
from typing import Any

from storytrace.records import NOT_AN_ARTICLE, Page

# scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def body_words(text: str) -> int:
    """Words in ``text``: space-separated tokens, a token in a script without spaces counting one word per two
    of its letters (a Chinese or Japanese paragraph is one token)."""
    if not _UNSPACED.search(text):
        return len(text.split())
    return sum(max(1, len(_UNSPACED.findall(token)) // 2) for token in text.split())


INTERSTITIAL_MAX_WORDS = 150  # a longer page is an article, whatever a line of it says
INTERSTITIAL_BODY_WORDS = 80  # a body line is read as a wall's only on a page this short
# a wall's own title is the whole line, or the line before a site suffix ("404 | Site"): "404 migrants rescued" or
# "Access denied: Russia bars inspectors" are headlines
_ALONE = r"\s*[.!?…]*\s*(?:[|–—·-]\s.*)?$"
_INTERSTITIALS = (
    ("a bot check", re.compile(
        rf"^just a moment{_ALONE}|^access denied{_ALONE}|^are you a robot{_ALONE}|^attention required!? \| cloudflare"
        r"|checking (?:your browser|if the site connection is secure)|verify (?:that )?(?:you are|you're) (?:a )?human\b"
        r"|enable javascript and cookies to continue|please complete the security check"
        r"|unusual traffic from your (?:computer|network)|^ddos protection by", re.IGNORECASE)),
    ("a paywall", re.compile(
        r"subscribe (?:now )?to (?:read|unlock|continue)|(?:article|content|story) is (?:only )?(?:for|available to) "
        r"(?:paying )?subscribers|you(?:'ve| have) reached (?:your|the) (?:limit|maximum) of (?:free )?(?:articles|stories)"
        r"|create a free account to (?:continue|read)|to continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in|"
        rf"register)|^already a subscriber{_ALONE}", re.IGNORECASE)),
    ("a consent wall", re.compile(rf"^before you continue(?: to [\w.]+)?{_ALONE}|^we value your privacy{_ALONE}",
                                  re.IGNORECASE)),
    ("an error page", re.compile(
        rf"^(?:error )?404{_ALONE}|^page not found{_ALONE}|\b404 (?:-|–|\|)? ?(?:page )?not found\b"
        r"|page you (?:requested|are looking for|were looking for) (?:could not be found|cannot be found|does(?:n't| "
        rf"not) exist|is no longer available)|^(?:seite nicht gefunden|page introuvable|página no encontrada|pagina "
        rf"non trovata|страница не найдена|сторінку не знайдено){_ALONE}", re.IGNORECASE)),
)


def interstitial(headings: list[str], body: list[str]) -> str | None:
    """What kind of wall a short page is and the line that shows it ("a paywall: 'Subscribe to read'"), or None.
    The title and headings are read on a page of at most INTERSTITIAL_MAX_WORDS body words; the first three body
    lines only on a page of at most INTERSTITIAL_BODY_WORDS (a brief ending "Subscribe to read more" is an article)."""
    words = 0
    for paragraph in body:
        words += body_words(paragraph)
        if words > INTERSTITIAL_MAX_WORDS:
            return None
    for line in [*headings, *(body[:3] if words <= INTERSTITIAL_BODY_WORDS else [])]:  # a wall's prompt comes first
        if not line or body_words(line) > 25:
            continue
        for kind, pattern in _INTERSTITIALS:
            if pattern.search(line.strip()):
                return f"{kind}: {line.strip()[:80]!r}"
    return None


def mark_wall(page: Page, body: list[str]) -> None:
    """Warn on ``page`` (its title and headline variants read, and ``body``) when it is a wall, not an article."""
    if wall := interstitial([page.title or "", *page.headline_variants], body):
        page.warnings.append(f"{NOT_AN_ARTICLE} ({wall})")


# <meta http-equiv="refresh" content="0; url=https://...">: a page that only sends the browser on
_REFRESH_URL = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"\s]+)", re.IGNORECASE)


def meta_refresh_target(tree: Any) -> str | None:
    """The URL a page's ``<meta http-equiv="refresh">`` sends the browser to, or None."""
    for meta in tree.iterfind(".//meta"):
        if str(meta.get("http-equiv", "")).strip().lower() == "refresh":
            match = _REFRESH_URL.match(str(meta.get("content", "")))
            if match and not match.group(1)[:1].isdigit():
                return " ".join(match.group(1).split())[:300]
    return None


def mark_redirect(page: Page, tree: Any) -> bool:
    """Warn on a page with no article that only redirects (meta refresh), naming where it leads."""
    target = meta_refresh_target(tree)
    if target is None:
        return False
    page.warnings.append(f"{NOT_AN_ARTICLE} (a redirect (meta refresh) to {target!r}; give that URL to read the "
                         "article)")
    return True

