"""The multilingual lexicon rule: stems of group names and hostile words per language
(``names_group``, ``multilingual_match``) for comments that are not English.
"""

from __future__ import annotations

import re

from storytrace.comments._content import dehumanising_emoji
from storytrace.comments._lexicon import Lexicon
from storytrace.comments._multi_context import not_only

_MWORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def stem_matches(stem: str, token: str) -> bool:
    """Whether ``token`` is a form of the group or hostile-word ``stem``: a prefix match, where a short stem (under
    5 letters) allows at most 2 more letters ("juif" -> "juifs", not "juiverie")."""
    return token.startswith(stem) and (len(stem) >= 5 or len(token) - len(stem) <= 2)


def _stem_hit(stem: str, toks: list[str], low: str) -> int:
    """Position of the first token matching ``stem`` (a word prefix; short stems allow 2 extra letters), or -1.
    A stem of several words, or with a hyphen ("sous-hom", "sans-papiers": tokens split at hyphens), is searched
    as a phrase from a word start."""
    stem = stem.strip()
    if " " in stem or "-" in stem:
        k = low.find(stem)
        return len(_MWORD.findall(low[:k])) if k >= 0 and (k == 0 or not low[k - 1].isalpha()) else -1
    for j, t in enumerate(toks):
        if stem_matches(stem, t):
            return j
    return -1


def names_group(text: str, lang: str, lex: Lexicon) -> bool:
    """Whether a comment in ``lang`` names a group of the multilingual lexicon (``multilingual.json``'s group
    words, matched as ``multilingual_match`` matches them)."""
    groups = lex.multi_groups.get(lang)
    if not groups:
        return False
    low = text.lower()
    if lang in ("zh", "ja"):
        return any(w in low for ws in groups.values() for w in ws)
    toks = _MWORD.findall(low)
    return any(_stem_hit(w, toks, low) >= 0 for ws in groups.values() for w in ws)


def multilingual_attack(text: str, lang: str, lex: Lexicon) -> tuple[float, list[tuple[int, int, str, str]]]:
    """Group mention + hostile word in a non-English comment (stems from ``multilingual.json``).

    Returns (score, evidence spans as (start, end, text, group)). Chinese is matched by substring. A negation
    word lowers the score instead of cancelling it: in these languages negation also builds hostile phrases
    ("ce ne sont pas des humains").
    """
    score, found, _ = multilingual_match(text, lang, lex)
    return score, found


def multilingual_match(text: str, lang: str,
                       lex: Lexicon) -> tuple[float, list[tuple[int, int, str, str]], list[tuple[int, int]]]:
    """``multilingual_attack``'s score and evidence, and the (start, end) of the hostile words among the evidence
    (what ``_multi_context.defusing_context`` reads)."""
    groups = lex.multi_groups.get(lang)
    hostile = lex.multi_hostile.get(lang)
    if not groups or not hostile:
        return 0.0, [], []
    low = text.lower()
    found: list[tuple[int, int, str, str]] = []
    # a dehumanising emoji counts as a hostile word (revision 3.6; see emoji_attack)
    emoji = dehumanising_emoji(text)
    if lang in ("zh", "ja"):
        g_hits = [(low.find(w), w, g) for g, ws in groups.items() for w in ws if w in low]
        h_hits = [(low.find(w), w) for w in hostile if w in low] + [(s, t) for s, _, t in emoji]
        if not g_hits or not h_hits:
            return 0.0, [], []
        for k, w, g in g_hits:
            found.append((k, k + len(w), text[k : k + len(w)], g))
        for k, w in h_hits:
            found.append((k, k + len(w), text[k : k + len(w)], g_hits[0][2]))
        negated = any(x in low for x in lex.multi_negation.get(lang, []))
        return (0.6 if negated else 0.8), found, [(k, k + len(w)) for k, w in h_hits]
    spans = [(m.start(), m.end(), m.group()) for m in _MWORD.finditer(low)]
    toks = [t for _, _, t in spans]
    g_hits = []
    for g, ws in groups.items():
        for w in ws:
            j = _stem_hit(w, toks, low)
            if j >= 0:
                g_hits.append((j, g))
                break
    h_hits = [j for w in hostile if (j := _stem_hit(w, toks, low)) >= 0]
    h_hits = [j for j in h_hits if all(j != gj for gj, _ in g_hits)]
    if not g_hits or not (h_hits or emoji):
        return 0.0, [], []
    found.extend((s, e, t, g_hits[0][1]) for s, e, t in emoji)
    for j, g in g_hits:
        if j < len(spans):
            s, e, _ = spans[j]
            found.append((s, e, text[s:e], g))
    for j in h_hits:
        if j < len(spans):
            s, e, _ = spans[j]
            found.append((s, e, text[s:e], g_hits[0][1]))
    negs = lex.multi_negation.get(lang, [])
    negated = any(t in negs and not not_only(toks, k, lang) for k, t in enumerate(toks)) \
        or any(" " in x or "'" in x for x in negs if x.strip() in low)
    hostile_spans = [(s, e) for s, e, _ in emoji] + [spans[j][:2] for j in h_hits if j < len(spans)]
    return (0.6 if negated else 0.8), found, hostile_spans
