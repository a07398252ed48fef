"""Threats and calls for violence in non-English comments (cues in ``lexicons/comments/multilingual_threat.json``,
written by the project).

The English threat rules (``_rules``) read English only, and the non-English lexicon rule
(``_rules_multilingual.multilingual_attack``) pairs a group word with a hostile word from one list of stems, so a
call for violence in a verb form that list lacks ("il faut les fusiller", "die moeten opgehangen worden", "拉出去枪毙") or
aimed at the group by a pronoun in the next sentence got neither a threat score nor an identity lift (session 12).
``read_threat`` finds the violent act announced, demanded or wished, the group the comment names and whether it
addresses "you"; the model decides what that is worth. A cue whose object is the speaker ("ma belle-mère va me
tuer", "杀了我") is an idiom and does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storytrace.comments._lexicon import lexicon_spans, load_comment_lexicon
from storytrace.comments._rules_multilingual import stem_matches

# words, split at apostrophes too ("l'arabe" -> "l", "arabe"; "homo's" -> "homo", "s")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK = ("zh", "ja")
_OBJECT_AFTER = ("nl", "de")


@dataclass(frozen=True, slots=True)
class ThreatRead:
    """What ``read_threat`` found: the violent cues (start, end), the first group named (its key and span),
    whether the comment addresses a "you", and whether a cue is aimed at people it does not name ("повесить их
    надо")."""

    cues: tuple[tuple[int, int], ...] = ()
    group: str | None = None
    group_span: tuple[int, int] | None = None
    addressed: bool = False
    unnamed: bool = False


_LEXICON = "multilingual_threat.json"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return load_comment_lexicon(_LEXICON)


def _cue_spans(low: str, lang: str) -> list[tuple[int, int]]:
    if lang in _CJK:
        return [(m.start(), m.end()) for w in _lexicon().get("violence", {}).get(lang, [])
                for m in re.finditer(re.escape(w), low)]
    return lexicon_spans(_LEXICON, "violence", lang, low)


def _at_self(low: str, span: tuple[int, int], lang: str) -> bool:
    """Whether the speaker is the cue's object (a first-person object word in it, right before it, two words back,
    or, in Dutch, German and Chinese, right after it), or, in Chinese, the cue is suffered ("被打断")."""
    self_words = _lexicon().get("self", {}).get(lang, [])
    if not self_words:
        return False
    if lang in _CJK:
        passive = _lexicon().get("passive", {}).get(lang, [])
        return any(low[span[1]:span[1] + len(w)] == w for w in self_words) \
            or any(w in low[max(0, span[0] - 3):span[0]] for w in passive)
    near = _WORD.findall(low[max(0, span[0] - 24):span[0]])[-2:] + _WORD.findall(low[span[0]:span[1]])
    if lang in _OBJECT_AFTER:  # Dutch and German put the object pronoun after the verb ("vermoordt me")
        near += _WORD.findall(low[span[1]:span[1] + 12])[:1]
    return any(w in self_words for w in near)


def _at_unnamed(low: str, span: tuple[int, int], lang: str) -> bool:
    """Whether the cue at ``span`` is aimed at people the comment does not name: a third-person object pronoun or
    demonstrative in the three words before it or in it ("man sollte sie aufhängen"; a phrase right before it: "il
    faut tous les pendre") or, in the languages of ``object_after``, the word after it ("повесить их надо")."""
    objects = _lexicon().get("object", {}).get(lang, [])
    if not objects or lang in _CJK:
        return False
    before = low[max(0, span[0] - 40):span[0]]
    if any(before.rstrip().endswith(" " + w) or before.rstrip() == w for w in objects if " " in w):
        return True  # "il faut tous les pendre"
    near = _WORD.findall(before)[-3:] + _WORD.findall(low[span[0]:span[1]])
    if lang in _lexicon().get("object_after", []):
        near += _WORD.findall(low[span[1]:span[1] + 16])[:1]
    return any(w in objects for w in near)


def _unnamed_calls(low: str, lang: str) -> list[tuple[int, int]]:
    return lexicon_spans(_LEXICON, "unnamed", lang, low)


def find_group(low: str, lang: str, groups: dict[str, list[str]]) -> tuple[str, tuple[int, int]] | None:
    """The first group word of ``groups`` (stems matched as word prefixes, phrases from a word start; Chinese by
    substring) in ``low``."""
    if lang in _CJK:
        hits = [(k, k + len(w), g) for g, ws in groups.items() for w in ws if (k := low.find(w)) >= 0]
    else:
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
        hits = []
        for g, ws in groups.items():
            for w in ws:
                w = w.strip()
                if " " in w or "-" in w or "'" in w:
                    k = low.find(w)
                    if k >= 0 and (k == 0 or not low[k - 1].isalpha()):
                        hits.append((k, k + len(w), g))
                    continue
                hits.extend((s, e, g) for s, e, t in tokens if stem_matches(w, t))
    if not hits:
        return None
    s, e, g = min(hits)
    return g, (s, e)


def _addressed(low: str, lang: str) -> bool:
    words = _lexicon().get("addressee", {}).get(lang, [])
    if lang in _CJK:
        return any(w in low for w in words)
    return any(w in words for w in _WORD.findall(low))


def read_threat(text: str, lang: str, groups: dict[str, list[str]]) -> ThreatRead:
    """The violent cues of ``text`` (language ``lang``) not aimed at the speaker, the first group of ``groups``
    (the non-English lexicon's group stems for ``lang``) it names, whether it addresses "you" and whether a cue is
    aimed at people it does not name (``_at_unnamed``)."""
    low = text.lower().replace("’", "'")
    if any(p in low for p in _lexicon().get("protective", {}).get(lang, [])):
        return ThreatRead()  # "personne ne devrait se faire tabasser": what nobody should suffer
    cues = [s for s in _cue_spans(low, lang) if not _at_self(low, s, lang)]
    calls = _unnamed_calls(low, lang)
    cues += calls
    if not cues:
        return ThreatRead()
    found = find_group(low, lang, groups)
    unnamed = bool(calls) or any(_at_unnamed(low, s, lang) for s in cues)
    return ThreatRead(cues=tuple(sorted(set(cues))), group=found[0] if found else None,
                      group_span=found[1] if found else None, addressed=_addressed(low, lang), unnamed=unnamed)
