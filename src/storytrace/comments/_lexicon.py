"""The curated comment lexicons (identity groups, slurs, profanity, threats) and lookups over them."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from typing import Any

from storytrace.word_tables import word_table

_VOWEL_RUNS = [
    ("ph", "f"), ("ck", "k"), ("gh", "g"), ("kh", "k"), ("wh", "w"), ("sh", "S"), ("ch", "C"),
    ("q", "k"), ("c", "k"), ("x", "ks"), ("z", "s"),
]
_VOWELS = re.compile(r"[aeiouy][aeiouyw]*")


def phonetic_key(word: str) -> str:
    """A crude sound-alike key: ``jooz``, ``jewz`` and ``jews`` share one, as do ``ghey`` and ``gay``.

    Consonant spellings are merged (ph/f, c/k/q, z/s, gh/g), doubled letters collapse and every vowel run becomes
    ``V`` unless it is the whole ending, where ``y``/``ey``/``ay`` and ``ie`` stay apart from other vowels.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    for a, b in _VOWEL_RUNS:
        w = w.replace(a, b)
    if w.endswith("s") and len(w) > 3:
        w = w[:-1]  # plural: "jews" ~ "jew", "jewsa" is left to edit distance
    w = re.sub(r"(.)\1+", r"\1", w)
    return _VOWELS.sub("V", w)


@dataclass(slots=True)
class Term:
    text: str  # canonical form
    kind: str  # group_name | slur | entity | profanity | insult
    group: str | None = None  # group key for group names and slurs
    country: bool = False  # a country's name ("russia"): attacks on states are not attacks on people


@dataclass(slots=True)
class Lexicon:
    """Lookups over the curated lexicon. Build with :func:`load_lexicon`."""

    groups: dict[str, dict[str, Any]]
    terms: dict[str, Term] = field(default_factory=dict)  # exact single- or multi-word term -> Term
    phonetic: dict[str, list[Term]] = field(default_factory=dict)
    by_first: dict[str, list[Term]] = field(default_factory=dict)  # first letter -> single-word terms
    prefixes: dict[str, Term] = field(default_factory=dict)  # entity prefixes (>= 4 letters) for blends
    suffixes: dict[str, Term] = field(default_factory=dict)  # entity suffixes (>= 3 letters) for blends
    profanity: frozenset[str] = frozenset()
    insults: frozenset[str] = frozenset()
    dehumanising: frozenset[str] = frozenset()
    threat_verbs: frozenset[str] = frozenset()
    sexual: frozenset[str] = frozenset()
    countries: dict[str, str] = field(default_factory=dict)  # slur/name stem -> group key for "<x>land"
    known_words: frozenset[str] = frozenset()  # ordinary words never fuzzily re-read as a lexicon term
    exact_only: frozenset[str] = frozenset()  # terms never read by sound or one edit (revision 3.6)
    everyday_slurs: frozenset[str] = frozenset()  # slurs only in hostile company ("fairy", "yankees"; decoder 3.14)
    group_nouns: frozenset[str] = frozenset()  # "people", "men", "community": after a group adjective
    hate_verbs: frozenset[str] = frozenset()  # "hate", "can't stand": contempt for the object that follows
    subject_hostile: tuple[str, ...] = ()  # "disgust me", "should die": hostile when a group is the subject
    exclusion_passive: frozenset[str] = frozenset()  # "deported", "locked up": after "should be", "must be", ...
    harm_passive: frozenset[str] = frozenset()  # "bullied", "harassed": harm done to someone, for protective readings
    negative: frozenset[str] = frozenset()  # negative evaluative words and dehumanising nouns
    positive: frozenset[str] = frozenset()  # positive evaluation: negated, it becomes hostile ("are not human")
    counter: tuple[str, ...] = ()  # condemnation markers of counter-speech ("is wrong", "hateful")
    counter_re: re.Pattern[str] = re.compile("(?!)")
    reporting: frozenset[str] = frozenset()  # reported-speech markers ("saying", "statements like")
    attribution_re: re.Pattern[str] = re.compile("(?!)")  # news attribution ("the article says", "police said")
    multi_groups: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # lang -> group -> stems
    multi_hostile: dict[str, list[str]] = field(default_factory=dict)  # lang -> hostile stems
    multi_negation: dict[str, list[str]] = field(default_factory=dict)
    # sets the rules derive from this lexicon, computed once per lexicon (``_rules_shared._hostile_phrases``)
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def group_label(self, key: str) -> str:
        g = self.groups.get(key)
        return str(g["label"]) if g else key.replace("_", " ").title()


# the word tables of lexicons/word_frequencies the comment stage reads (the folder also holds other stages' lists)
ZIPF_TABLE = "en_zipf.tsv"
COMMON_WORDS_TABLE = "en_common.tsv"
WORD_TABLES = (ZIPF_TABLE, COMMON_WORDS_TABLE)


@functools.lru_cache(maxsize=1)
def load_word_frequencies() -> dict[str, float]:
    """English Zipf frequencies (log10 occurrences per billion words) of the lexicon terms and of the words fuzzy
    decoding could read as one: ``lexicons/word_frequencies/en_zipf.tsv``, derived from wordfreq (data CC BY-SA
    4.0) by ``training/build_word_frequencies.py``. A word missing from the table is rare (Zipf below 2)."""
    return word_table(ZIPF_TABLE)  # type: ignore[return-value]  # two columns


@functools.lru_cache(maxsize=1)
def load_common_words() -> dict[str, float]:
    """English Zipf frequencies of the ~51,000 words of letters that wordfreq puts at Zipf >= 2.5 (about 0.3 per
    million words): ``lexicons/word_frequencies/en_common.tsv`` (data CC BY-SA 4.0, built by
    ``training/spelling_probes.py words``). The decoder segments run-together words with it and tells a misspelt
    common word ("agian", "ilegal") from a disguised term."""
    return word_table(COMMON_WORDS_TABLE)  # type: ignore[return-value]


def lexicon_path(folder: str, name: str = "") -> Any:
    """A shipped file (or, without ``name``, the folder) under ``data/lexicons/<folder>``."""
    path = importlib_resources.files("storytrace") / "data" / "lexicons" / folder
    return path / name if name else path


def _phrases_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words (a pattern that never matches when there are none)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, tuple(phrases) or ("\x00",))) + r")(?!\w)")


def load_comment_lexicon(name: str) -> dict[str, Any]:
    """A shipped JSON lexicon of ``data/lexicons/comments/`` (empty when the file is missing)."""
    path = lexicon_path("comments", name)
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


@functools.lru_cache(maxsize=128)
def _lexicon_patterns(file_name: str, key: str, lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_comment_lexicon(file_name).get(key, {}).get(lang, []))


def lexicon_spans(file_name: str, key: str, lang: str, text: str) -> list[tuple[int, int]]:
    """The (start, end) spans in ``text`` of the regular expressions a comment lexicon (``file_name``) lists under
    ``key`` for ``lang`` (compiled once per process)."""
    return [m.span() for p in _lexicon_patterns(file_name, key, lang) for m in p.finditer(text)]


def load_lexicon(data: dict[str, Any] | None = None, known_words: frozenset[str] = frozenset()) -> Lexicon:
    """Build the lexicon from ``data`` (default: the shipped ``lexicons/comments/groups.json``)."""
    if data is None:
        path = lexicon_path("comments", "groups.json")
        data = json.loads(path.read_text(encoding="utf-8"))
    lex = Lexicon(groups=data["groups"])
    terms: dict[str, Term] = {}
    for key, g in data["groups"].items():
        for name in g["names"]:
            terms.setdefault(name, Term(name, "group_name", key, country=name in g.get("countries", [])))
        for slur in g["slurs"]:
            terms[slur] = Term(slur, "slur", key)
        for stem in g["names"] + g["slurs"]:
            if " " not in stem and len(stem) >= 4:
                lex.countries.setdefault(stem.rstrip("s"), key)
    for adj, key in data.get("group_adjectives", {}).items():  # "gay people", "black men", "trans folks"
        for noun in data.get("group_nouns", []):
            terms.setdefault(f"{adj} {noun}", Term(f"{adj} {noun}", "group_name", key))
    for e in data["entities"]["terms"]:
        terms.setdefault(e, Term(e, "entity"))
    for w in data["profanity"]:
        terms.setdefault(w, Term(w, "profanity"))
    for w in data["insults"]:
        terms.setdefault(w, Term(w, "insult"))
    hostile = (set(data.get("hate_verbs", [])) | set(data.get("negative_evaluative", [])) | set(data["threat_verbs"])
               | set(data.get("exclusion_passive", [])))
    for w in sorted(hostile):  # decodable too: "h4te", "d1sgusting", "vermn"
        if " " not in w and len(w) >= 4:
            terms.setdefault(w, Term(w, "hostile"))
    for t in list(terms.values()):
        if " " in t.text:  # "blackpeople": a deleted space
            terms.setdefault(t.text.replace(" ", ""), t)
    lex.terms = terms
    exact = frozenset(data.get("exact_only", []))  # never a fuzzy reading's target (revision 3.6)
    lex.exact_only = exact
    lex.everyday_slurs = frozenset(data.get("everyday_slurs", []))
    lex.group_nouns = frozenset(data.get("group_nouns", []))
    for t in terms.values():
        if " " in t.text or t.text in exact:
            continue
        lex.phonetic.setdefault(phonetic_key(t.text), []).append(t)
        lex.by_first.setdefault(t.text[0], []).append(t)
    for e in data["entities"]["terms"]:
        if " " in e or len(e) < 5:
            continue
        t = terms[e]
        for i in range(4, len(e) + 1):
            lex.prefixes.setdefault(e[:i], t)
        for i in range(1, len(e) - 2):
            lex.suffixes.setdefault(e[i:], t)
    lex.profanity = frozenset(data["profanity"])
    lex.insults = frozenset(data["insults"])
    lex.dehumanising = frozenset(data["dehumanising"])
    lex.threat_verbs = frozenset(data["threat_verbs"])
    lex.sexual = frozenset(data["sexual"])
    lex.known_words = frozenset(w for w in known_words if w not in terms)
    lex.hate_verbs = frozenset(data.get("hate_verbs", []))
    lex.subject_hostile = tuple(data.get("subject_hostile", []))
    lex.exclusion_passive = frozenset(data.get("exclusion_passive", []))
    lex.harm_passive = frozenset(data.get("harm_passive", []))
    lex.negative = frozenset(data.get("negative_evaluative", [])) | lex.dehumanising
    lex.positive = frozenset(data.get("positive_evaluative", []))
    lex.counter = tuple(data.get("counter_markers", []))
    lex.counter_re = _phrases_re(lex.counter)
    lex.reporting = frozenset(data.get("reporting_markers", []))
    lex.attribution_re = _phrases_re(data.get("attribution_markers", []))
    multi = load_comment_lexicon("multilingual.json")
    lex.multi_groups = multi.get("groups", {})
    lex.multi_hostile = multi.get("hostile", {})
    lex.multi_negation = multi.get("negation", {})
    return lex
