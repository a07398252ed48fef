"""Context that defuses the non-English lexicon rule (``_rules_multilingual.multilingual_attack``): the hostile
word it found is quoted or negated as a predicate, or the comment condemns, reports or defends (cues in
``lexicons/comments/multilingual_context.json``, written by the project).

The rule pairs a group word with a hostile word anywhere in the comment, so counter-speech ("dire que les Roms sont
des voleurs, c'est du racisme"), reports ("des tags « mort aux juifs »") and negated hate ("les migrants ne sont pas
des animaux") fire it as readily as hate does. ``defusing_context`` names the context; the model lowers the rule's
weight for it and lets the embedding heads decide. ``ordinary_group_word`` names the words of a language that the
English slur list would misread ("os negros" is how Portuguese names black people).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from storytrace.comments._lexicon import load_comment_lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# quoted stretches: guillemets, curly and straight double quotes, German and CJK quotes, and single quotes that open
# after a space or the start and close before a space or punctuation (not an apostrophe inside a word: "l'Italia")
_QUOTED = re.compile(r"«[^»]{1,200}»|“[^”]{1,200}”|„[^“”]{1,200}[“”]|\"[^\"]{1,200}\"|「[^」]{1,200}」|『[^』]{1,200}』"
                     r"|(?:(?<=\s)|^)['‘][^'‘’\n]{1,200}['’](?=[\s.,;:!?)]|$)")
NEGATED = "negated"  # every hostile word found is quoted or negated as a predicate
COUNTER = "counter"  # the comment condemns or reports hate, or defends the group


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    return load_comment_lexicon("multilingual_context.json")


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def _starts_with(token: str, stem: str) -> bool:
    return token.startswith(stem)


def _negated_word(tokens: list[str], j: int, lang: str) -> bool:
    """Whether token ``j`` is the predicate of a negation: a negator before it with only gap words between
    (copulas, articles, quantifiers; at least one unless the negator negates nouns: "zijn geen beesten")."""
    cues = _cues()
    negators = set(cues.get("negators", {}).get(lang, []))
    noun_negators = set(cues.get("noun_negators", {}).get(lang, []))
    gap = set(cues.get("gap", {}).get(lang, []))
    k, between = j - 1, 0
    while k >= 0 and between <= 3:
        t = tokens[k]
        if t in negators and (between > 0 or t in noun_negators):
            return True
        if t not in gap:
            return False
        k, between = k - 1, between + 1
    return False


def _negated_verb(low: str, tokens: list[tuple[int, str]], j: int, lang: str) -> bool:
    """Whether token ``j`` is one of the commenter's verbs of hatred, negated (``negated_verbs``; session 27):
    Italian "non odio i X" / "non li odio" (the negator right before it, over an object clitic); Dutch "ik haat X
    niet" ("niet" or "geen" in the four words after it, before the clause ends; "niet alleen" is no negation)."""
    spec = _cues().get("negated_verbs", {}).get(lang)
    if not spec or tokens[j][1] not in spec.get("verbs", []):
        return False
    words = [w for _, w in tokens]
    if "after" not in spec:
        k = j - 1 - (j >= 1 and words[j - 1] in spec.get("clitics", []))
        return k >= 0 and words[k] in _cues().get("negators", {}).get(lang, []) and not not_only(words, j, lang)
    end = re.search(r"[,.;:!?]", low[tokens[j][0]:])
    stop = tokens[j][0] + end.start() if end else len(low)
    after = [k for k in range(j + 1, min(j + 5, len(tokens))) if tokens[k][0] < stop]
    return any(words[k] in spec["after"] and (k + 1 >= len(words) or words[k + 1] not in spec.get("not_after", []))
               for k in after)


def not_only(words: list[str], k: int, lang: str) -> bool:
    """Whether one of the two words after token ``k`` makes a negator there "not only" ("niet alleen", "non odio
    solo"; ``negated_verbs``' ``not_after``): what follows is added to, not denied (session 28)."""
    after = _cues().get("negated_verbs", {}).get(lang, {}).get("not_after", [])
    return any(w in after for w in words[k + 1:k + 3])


def _negated_chinese(low: str, pos: int) -> bool:
    cues = _cues()
    gap = sorted(cues.get("gap", {}).get("zh", []), key=len, reverse=True)
    head = low[:pos]
    for _ in range(3):
        if any(head.endswith(n) for n in cues.get("noun_negators", {}).get("zh", [])):
            return True
        step = next((g for g in gap if head.endswith(g)), None)
        if step is None:
            return False
        head = head[: -len(step)]
    return False


def _cue_hits(low: str, tokens: list[tuple[int, int, str]], stems: list[str], lang: str) -> list[int]:
    """Token indices (character offsets for Chinese) where a cue of ``stems`` starts."""
    if lang in ("zh", "ja"):
        return [k for s in stems for k in [low.find(s)] if k >= 0]
    words = [t for _, _, t in tokens]
    hits = []
    for stem in stems:
        if " " in stem or "'" in stem:
            for m in re.finditer(r"(?<!\w)" + re.escape(stem), low):
                hits.append(sum(1 for s, _, _ in tokens if s < m.start()))
        else:
            hits.extend(j for j, w in enumerate(words) if _starts_with(w, stem))
    return hits


def _counter(low: str, lang: str) -> bool:
    """A condemnation, report or defence cue that is not itself negated ("ce n'est pas du racisme" is no cue), or
    a phrase that names what was said as hate or a threat ("c'est de la haine") in a comment that does not speak of
    the commenter's own feeling ("ce que je ressens pour les X, c'est de la haine")."""
    cues = _cues()
    if lang in ("zh", "ja"):
        if any(s in low for s in cues.get("defence", {}).get(lang, [])):
            return True
        negators = cues.get("negators", {}).get(lang, [])
        return any(not any(low[max(0, k - 4):k].endswith(n) or n in low[max(0, k - 4):k] for n in negators)
                   for k in _cue_hits(low, [], cues.get("counter", {}).get(lang, []), lang))
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
    if _cue_hits(low, tokens, cues.get("defence", {}).get(lang, []), lang):
        return True
    stems = list(cues.get("counter", {}).get(lang, []))
    if not any(f in low for f in cues.get("own_feeling", {}).get(lang, [])):
        stems += cues.get("names_hate", {}).get(lang, [])
    return not all(_cue_negations(low, tokens, stems, lang))


def _cue_negations(low: str, tokens: list[tuple[int, int, str]], stems: list[str], lang: str) -> list[bool]:
    """For each cue of ``stems`` in ``low``: whether a negator stands in the three words before it."""
    cues = _cues()
    negators = set(cues.get("negators", {}).get(lang, [])) | set(cues.get("counter_negators", {}).get(lang, []))
    words = [t for _, _, t in tokens]
    return [any(words[k] in negators and not not_only(words, k, lang) for k in range(max(0, j - 3), j))
            for j in _cue_hits(low, tokens, stems, lang)]


def _denied_counter(low: str, lang: str) -> bool:
    """A condemnation cue right after a negator ("ce n'est pas du racisme", "niks racistisch aan"): the commenter
    denies that what is said is hate."""
    cues = _cues()
    if lang in ("zh", "ja"):
        return False
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
    return any(_cue_negations(low, tokens, cues.get("counter", {}).get(lang, []), lang))


def ordinary_group_word(word: str, lang: str) -> bool:
    """Whether ``word`` is ``lang``'s everyday name for a group that the English slur list also holds
    (Portuguese "negros", Dutch "homo's")."""
    words = _cues().get("ordinary_group_words", {}).get(lang, [])
    return word.lower().replace("’", "'") in words


def ordinary_word(word: str, lang: str) -> bool:
    """Whether ``word`` is an ordinary word of ``lang`` that an English list also holds: a group's everyday name
    (``ordinary_group_word``) or another word ("retard" is French for a delay, "die" a German article)."""
    low = word.lower().replace("’", "'")
    return ordinary_group_word(word, lang) or low in _cues().get("ordinary_words", {}).get(lang, [])


def _other_sense(low: str, lang: str) -> list[tuple[int, int]]:
    """Spans where a word the hostile list holds is used in another sense ("other_sense" patterns: Italian "fuori
    da una" is the preposition "outside", not "out with"; French "en dehors de")."""
    return [m.span() for p in _cues().get("other_sense", {}).get(lang, []) for m in re.finditer(p, low)]


def _at_speaker(low: str, span: tuple[int, int], lang: str) -> bool:
    """Whether the hostile word at ``span`` is a violent verb (a ``_multi_threat`` cue) whose object is the speaker
    ("mijn vrouw vermoordt me"): an idiom, as ``_multi_threat`` reads its cues. Not other hostile words: in "les X
    me dégoûtent" the speaker is the one disgusted."""
    from storytrace.comments import _multi_threat  # late: _multi_threat reads _rules, which is heavy

    low = low.replace("’", "'")
    return any(a <= span[0] < b for a, b in _multi_threat._cue_spans(low, lang)) \
        and _multi_threat._at_self(low, span, lang)


def _attribution(low: str, lang: str) -> bool:
    """A sentence that opens with an infinitive of calling, comparing, saying or wishing used as its subject
    ("Traiter les X de ...", "Chiamare i X ... è", "Zeggen dat ...", "Zwarte mensen vergelijken met ..."): the
    comment talks about such words, it does not say them. Not where the comment endorses them ("c'est la vérité",
    "è statistica") or denies that they are hate ("non è razzismo")."""
    cues = _cues()
    patterns = cues.get("attribution_start", {}).get(lang, [])
    if not patterns:
        return False
    starts = [0, *(m.end() for m in re.finditer(r"[.!?;:。！？；]\s*|\n+", low))]
    opened = any(re.match(p, low[k:].lstrip("«“\"'‘ -–—")) for k in starts for p in patterns)
    return opened and not any(e in low for e in cues.get("endorse", {}).get(lang, [])) \
        and not _denied_counter(low, lang)


def _animals_only(low: str, lang: str) -> bool:
    """Whether every group word of the comment names an animal's colour or origin ("frelons asiatiques", "calabroni
    neri", "Aziatische hoornaars": 'animal_phrases'): the hostile words are aimed at pests, not at people."""
    phrases = [m.span() for p in _cues().get("animal_phrases", {}).get(lang, []) for m in re.finditer(p, low)]
    if not phrases:
        return False
    from storytrace.comments._multi_threat import find_group  # late: _multi_threat reads _rules, which is heavy

    masked = low
    for a, b in phrases:
        masked = masked[:a] + " " * (b - a) + masked[b:]
    return find_group(masked, lang, _groups().get(lang, {})) is None


@lru_cache(maxsize=1)
def _groups() -> dict[str, dict[str, list[str]]]:
    """The non-English lexicon's group stems per language (read once, as the model's lexicon reads them)."""
    return load_comment_lexicon("multilingual.json").get("groups", {})


def speaks_against_hate(text: str, lang: str) -> bool:
    """Whether a comment condemns, reports or defends, or talks about others' words (``defusing_context``'s
    ``COUNTER``), read without a hostile word (session 28: "Zeggen dat X allemaal hetzelfde zijn is puur
    vooroordeel" fires no rule, yet the heads read its quoted claim as hate)."""
    if not _cues() or lang in ("zh", "ja"):
        return False
    low = text.lower()
    return _counter(low, lang) or _attribution(low, lang)


def defusing_context(text: str, lang: str, hostile: list[tuple[int, int]]) -> str | None:
    """``NEGATED`` when every hostile span (character offsets in ``text``) is inside quotes, negated as a
    predicate, used in another sense or aimed at the speaker, or every group word names an animal, else ``COUNTER`` when the comment condemns, reports,
    defends or talks about the words, else None."""
    if not hostile or not _cues():
        return None
    low = text.lower()
    quoted = _quoted(text)
    sense = _other_sense(low, lang)
    if lang in ("zh", "ja"):
        covered = all(_inside(s, quoted) or _negated_chinese(low, s) for s, _ in hostile)
    else:
        tokens = [(m.start(), m.group()) for m in _WORD.finditer(low)]
        starts = [s for s, _ in tokens]
        words = [w for _, w in tokens]

        def negated(pos: int) -> bool:
            j = next((k for k, s in enumerate(starts) if s >= pos), None)
            return j is not None and starts[j] == pos and (_negated_word(words, j, lang)
                                                           or _negated_verb(low, tokens, j, lang))

        covered = all(_inside(s, quoted) or any(a <= s < b for a, b in sense) or negated(s)
                      or _at_speaker(low, (s, e), lang) for s, e in hostile)
    if covered or _animals_only(low, lang):
        return NEGATED
    return COUNTER if _counter(low, lang) or _attribution(low, lang) else None
