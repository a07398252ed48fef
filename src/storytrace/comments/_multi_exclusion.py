"""Exclusion, denial of rights and hate questions in non-English comments (cues in
``lexicons/comments/multilingual_exclusion.json``, written by the project; session 19).

The non-English lexicon rule (``_rules_multilingual.multilingual_attack``) needs a hostile word beside a group word, and
``_multi_threat`` a violent act, so a comment that tells a group to leave ("X horen hier niet", "fuori gli X",
"dehors les X"), denies it a right ("X zouden geen stemrecht moeten hebben", "les X ne devraient pas pouvoir
voter"), asks a question that presupposes a negative trait ("waarom zijn X altijd zo ...?", "perché gli X sono
sempre così ...?") or names it the problem ("les X sont le problème") had only the embedding heads' score.
``read_exclusion`` finds those constructions in a comment that also names a group of ``multilingual.json``; the
model decides what that is worth; the group must be named in the cue's sentence (``_model._multilingual_rule``) and whether the context defuses it (a report,
counter-speech or a negation, ``_multi_context.defusing_context``). An ordinary question about a group ("waarom
komen er meer X naar ...?") has no generaliser and is no cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storytrace.comments._lexicon import lexicon_spans, load_comment_lexicon
from storytrace.comments._multi_threat import find_group

_LEXICON = "multilingual_exclusion.json"
# where a sentence ends: the cue and the group it excludes are read within one sentence
_SENTENCE_END = re.compile(r"[.!?;\n]+")
KINDS = ("exclusion", "rights", "question", "problem")
# kinds that are statements: a why-question or "I don't see why" before them in their sentence asks or defends
_ASSERTED = ("exclusion", "rights")


@dataclass(frozen=True, slots=True)
class ExclusionRead:
    """What ``read_exclusion`` found: the cue spans (start, end), their kinds, and the first group named (its key
    and span); no cues without a group."""

    cues: tuple[tuple[int, int], ...] = ()
    kinds: tuple[str, ...] = ()
    group: str | None = None
    group_span: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return load_comment_lexicon(_LEXICON)


def has_cues(lang: str) -> bool:
    """Whether the cue file has patterns for ``lang``."""
    return any(lang in _lexicon().get(kind, {}) for kind in KINDS)


def read_exclusion(text: str, lang: str, groups: dict[str, list[str]]) -> ExclusionRead:
    """The exclusion, denial-of-rights, hate-question and "X are the problem" cues of ``text`` (language ``lang``)
    when it names a group of ``groups`` (the non-English lexicon's group stems for ``lang``)."""
    if not groups or not has_cues(lang):
        return ExclusionRead()
    low = text.lower().replace("’", "'")
    hits = [(span, kind) for kind in KINDS for span in lexicon_spans(_LEXICON, kind, lang, low)]
    if not hits:
        return ExclusionRead()
    kept: list[tuple[tuple[int, int], str]] = []
    found: tuple[str, tuple[int, int]] | None = None
    for (start, end), kind in sorted(hits):
        while start < end and not low[start].isalnum():  # a pattern anchored at the previous sentence's mark
            start += 1
        a, b = _sentence(low, start)
        if kind in _ASSERTED and lexicon_spans(_LEXICON, "rhetorical", lang, low[a:start]):
            continue  # "Waarom zouden homo's niet mogen trouwen?", "non vedo perché ...": a question or a defence
        here = find_group(low[a:b], lang, groups)
        if here is not None:
            here = (here[0], (here[1][0] + a, here[1][1] + a))
        else:
            here = _referred_group(low, a, end, lang, groups)
        if here is None:  # "Ce genre de commentaire n'a rien à faire ici" after a quoted attack: not the group
            continue
        kept.append(((start, end), kind))
        if found is None:
            found = here
    if found is None:
        return ExclusionRead()
    return ExclusionRead(cues=tuple(span for span, _ in kept), kinds=tuple(sorted({k for _, k in kept})),
                         group=found[0], group_span=found[1])


def _referred_group(low: str, a: int, end: int, lang: str,
                    groups: dict[str, list[str]]) -> tuple[str, tuple[int, int]] | None:
    """The group the sentence before names, when the cue's sentence (from ``a`` to the cue's ``end``) names none
    but refers back with a pronoun (``pronoun_reference``: "We hadden het over X. Die horen hier niet."; session
    28). Only the one sentence before: further back the pronoun may mean anyone."""
    pronouns = _lexicon().get("pronoun_reference", {}).get(lang)
    if not pronouns or a == 0 or not any(w in pronouns for w in re.findall(r"[^\W\d_]+", low[a:end])):
        return None
    pa, _ = _sentence(low, max(0, _before_sentence(low, a)))
    here = find_group(low[pa:a], lang, groups)
    return (here[0], (here[1][0] + pa, here[1][1] + pa)) if here is not None else None


def _before_sentence(low: str, a: int) -> int:
    """A position inside the sentence before the one starting at ``a`` (just before its end mark)."""
    k = a - 1
    while k > 0 and (low[k].isspace() or _SENTENCE_END.match(low[k])):
        k -= 1
    return k


def _sentence(low: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``pos``: between sentence marks (. ! ? ; and line breaks)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(low, 0, pos)]
    end = _SENTENCE_END.search(low, pos)
    return (starts[-1] if starts else 0), (end.start() if end else len(low))
