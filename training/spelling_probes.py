"""Spelling-variation probes from the project's own English authored lines, and what the comment model makes of them.

    python training/spelling_probes.py build      # writes training/data/comments_authored/spelling/probes.jsonl
    python training/spelling_probes.py deletions  # writes .../spelling/probes_deletions.jsonl from probes.jsonl
    python training/spelling_probes.py hostile    # writes .../spelling/probes_hostile.jsonl
    python training/spelling_probes.py short      # writes .../spelling/probes_short_s21.jsonl from short_frames_s21.json
    python training/spelling_probes.py measure [--probes FILE] [--data /work/shared/data] [--json OUT]
    PYTHONPATH=/tmp/wf python training/spelling_probes.py words   # the decoder's common-word table (wordfreq)

``build``: every English line of the authored **validation** split (``comment_data.split_authored``, pinned by
``split_v1.json``; files ``en.jsonl``, ``en_contrastive.jsonl``, ``en_neutral.jsonl``) gets one probe per
perturbation, applied to one word chosen with a seeded generator: a lexicon term the line contains (a group name or
slur first, else a hostile word, insult or swear word; the "intended term"), or, in a line without one, a word of
four or more letters (a control: any decoding of it is false). The five perturbations:

- ``space_del``: the space between the word and its neighbour deleted ("hate muslims" -> "hatemuslims");
- ``space_add``: a space inserted inside the word ("mus lims");
- ``char_swap``: two adjacent letters swapped ("musilms");
- ``char_del``: one letter deleted ("musims");
- ``leet``: one or two of a/e/i/o/s/t written 4/3/1/0/5/7 ("mus1ims").

``deletions``: the one-letter deletions a disguise most often uses, from the same lines (``probes_deletions.jsonl``):

- ``term_del``: every line whose intended term is a group name or slur, once per letter of that word deleted
  ("muslms", "jws", "gys", "wmen", "blck"), every position;
- ``other_del``: the same lines with one letter deleted from another word of four or more letters (seeded; the
  term is written out, so any decoding of the perturbed word is false and the term must still be read);
- ``phrase_del``: every line with a two-word group name ("black people", "gay men"), once per letter of the words
  that name the group deleted ("blck people", "asylum sekers"); ``noun_del``: the same with a letter of the word for
  people deleted ("black peple": a typo more than a disguise);
- ``slur_del``: each single-word slur of the lexicon that is not a common English word (Zipf < 3: not "burger",
  "yankee") in four short authored hateful frames ("i hate those {}", ...), every letter deleted.

``hostile`` (session 17): the lines that name a group by a one-word group name or slur, with the group written plainly
and another word perturbed (``probes_hostile.jsonl``): the line's hostile word (a hostile, insult or swear word of the
lexicon, a threat or hate verb, a negative or dehumanising word), else a word of four or more letters, under
``space_del``, ``space_add``, ``space_all`` (every letter apart: "d i s g u s t"), ``char_swap``, ``char_del`` and
``leet``; and ``group_spaced``: the group word spelled letter by letter ("m u s l i m s"). The intended term of a
plain word is the word itself (a repair of it to itself is a decoding; decoder 3.15 repairs common words).

``measure`` reports per perturbation (and for the unperturbed lines): decoded recall (the perturbed word decoded to
its intended term), false decodings (decoded spans that are not the intended term) per 100 lines on the hateful,
non-hateful and control lines (lexicon readings only; decoder 3.15's repairs of common words, term kind "word",
apart: ``repaired``, the share of probes whose perturbed word is read as itself, and ``repairs_wrong_per100``, the
other repairs), and identity_attack >= 0.5 on the hateful lines (recall) and on the non-hateful ones
(false positives; the decision rule of the HateCheck benchmark). With ``--data`` also the share of unperturbed texts
with any decoded word on 2,000 English neutral news sentences (``neutral_news_check.py``'s sampling) and on the
comments storytrace's HTML reader extracts from the train half of the Dragnet pages (``line_data.split_names``), and
their identity_attack/toxic >= 0.5 rates.

``words``: ``src/storytrace/data/lexicons/word_frequencies/en_common.tsv``, the English words of letters with
wordfreq Zipf >= ``--min-zipf`` (2.5: ~51,000 words), which the decoder uses to segment run-together words and to
tell a misspelling of a common word ("agian", "ilegal") from a disguised term. Needs wordfreq 3.1.1 (data CC BY-SA
4.0), installed outside the project's environment: ``pip install --target /tmp/wf wordfreq==3.1.1``.

The probes are for choosing decoder rules; they are not training data (no head is fitted on them).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import functools
import itertools
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
AUTHORED = ROOT / "training" / "data" / "comments_authored"
PROBES = AUTHORED / "spelling" / "probes.jsonl"
FILES = ("en.jsonl", "en_contrastive.jsonl", "en_neutral.jsonl")
DELETIONS = AUTHORED / "spelling" / "probes_deletions.jsonl"
HOSTILE = AUTHORED / "spelling" / "probes_hostile.jsonl"
SPACING = AUTHORED / "spelling" / "probes_spacing_s19.jsonl"
SHORT_FRAMES = AUTHORED / "spelling" / "short_frames_s21.json"
SHORT = AUTHORED / "spelling" / "probes_short_s21.jsonl"
SPACING_PERTURBATIONS = ("del_any", "add_any", "spaced_any", "glued_group")
HOSTILE_PERTURBATIONS = ("space_del", "space_add", "space_all", "char_swap", "char_del", "leet")
SLUR_FRAMES = ("i hate those {}", "{} should all be gone", "get out of here you {}", "never trust a {}")
PERTURBATIONS = ("space_del", "space_add", "char_swap", "char_del", "leet")
LEET_OUT = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
TARGET_ORDER = {"group_name": 0, "slur": 0, "hostile": 1, "insult": 1, "profanity": 1}
_WORD = re.compile(r"[A-Za-z]{4,}")
_LETTERS = re.compile(r"[A-Za-z]+")


@functools.cache
def _model():
    from storytrace.comments import load_model

    return load_model()


def validation_rows() -> list[dict[str, object]]:
    """The English authored lines of the validation split, in file order."""
    from comment_data import load_authored, split_authored

    rows = load_authored(AUTHORED)
    _, val = split_authored(rows)
    return [rows[i] for i in val if rows[i]["file"] in FILES]


def pick_target(text: str, rng: random.Random) -> tuple[int, int, str | None]:
    """(start, end, intended term or None) of the word to perturb: a lexicon term of the line, else a plain word."""
    decoder = _model().decoder
    _, hits = decoder.decode(text)
    single = [(s, e, t) for s, e, t in hits if " " not in text[s:e] and t.kind in TARGET_ORDER and e - s >= 3]
    if single:
        best = min(TARGET_ORDER[t.kind] for _, _, t in single)
        s, e, t = rng.choice([h for h in single if TARGET_ORDER[h[2].kind] == best])
        return s, e, t.text
    words = list(_WORD.finditer(text))
    if not words:
        return -1, -1, None
    m = rng.choice(words)
    return m.start(), m.end(), None


def perturb(text: str, s: int, e: int, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """``text`` with the word at [s, e) perturbed by ``kind``; (new text, new span of the word) or None."""
    word = text[s:e]
    if kind == "space_del":
        sides = [side for side, ok in (("before", s > 0 and text[s - 1] == " "), ("after", text[e : e + 1] == " "))
                 if ok]
        if not sides:
            return None
        if rng.choice(sides) == "before":  # the word joins the one before it
            return text[: s - 1] + text[s:], s - 1 - _prev_len(text, s - 1), e - 1
        return text[:e] + text[e + 1 :], s, e + _next_len(text, e + 1)
    if len(word) < 3:
        return None
    if kind == "space_add":
        i = rng.randrange(1, len(word))
        new = word[:i] + " " + word[i:]
    elif kind == "char_swap":
        options = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
        if not options:
            return None
        i = rng.choice(options)
        new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "char_del":
        i = rng.randrange(len(word))
        new = word[:i] + word[i + 1 :]
    else:
        options = [i for i, ch in enumerate(word) if ch.lower() in LEET_OUT]
        if not options:
            return None
        chosen = rng.sample(options, min(len(options), rng.choice((1, 2))))
        new = "".join(LEET_OUT[ch.lower()] if i in chosen else ch for i, ch in enumerate(word))
    return text[:s] + new + text[e:], s, s + len(new)


def _prev_len(text: str, end: int) -> int:
    """Length of the word that ends at ``end``."""
    m = re.search(r"\S+$", text[:end])
    return len(m.group()) if m else 0


def _next_len(text: str, start: int) -> int:
    m = re.match(r"\S+", text[start:])
    return len(m.group()) if m else 0


def build(out: Path = PROBES) -> int:
    probes = []
    for r in validation_rows():
        text = str(r["text"])
        rng = random.Random(f"spelling-v1\t{text}")
        s, e, term = pick_target(text, rng)
        if s < 0:
            continue
        for kind in PERTURBATIONS:
            p = perturb(text, s, e, kind, rng)
            if p is None:
                continue
            new, ns, ne = p
            probes.append({"text": new, "original": text, "perturbation": kind, "word": text[s:e], "term": term,
                           "start": ns, "end": ne, "identity_attack": r["identity_attack"], "toxic": r["toxic"],
                           "file": r["file"], "line": r["line"]})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in probes), encoding="utf-8")
    print(f"{len(probes)} probes -> {out}")
    return 0


def pick_other(text: str, rng: random.Random) -> tuple[int, int, int, int, str | None] | None:
    """In a line that names a group (a group name or slur of one word), (start, end) of that word and (start, end,
    lexicon term or None) of another word to perturb: a hostile, insult or swear word of the lexicon or a word the
    rules read as hostile (threat verbs, hate verbs, negative or dehumanising words), else a word of four or more
    letters; None when the line names no group."""
    decoder = _model().decoder
    lex = decoder.lexicon
    _, hits = decoder.decode(text)
    groups = [(s, e) for s, e, t in hits if t.kind in ("group_name", "slur") and " " not in text[s:e] and e - s >= 3]
    if not groups:
        return None
    gs, ge = rng.choice(groups)
    hostile_words = lex.threat_verbs | lex.hate_verbs | lex.negative | lex.insults | lex.profanity
    words = [m for m in _WORD.finditer(text) if m.end() <= gs or m.start() >= ge]
    if not words:
        return None
    hostile = [m for m in words if m.group().lower() in hostile_words
               or ((t := lex.terms.get(m.group().lower())) is not None and t.kind in ("hostile", "insult", "profanity"))]
    m = rng.choice(hostile or words)
    t = lex.terms.get(m.group().lower())
    return gs, ge, m.start(), m.end(), t.text if t is not None else None


def build_hostile(out: Path = HOSTILE) -> int:
    """Probes with the group named plainly and another word of the line perturbed (``probes_hostile.jsonl``): every
    English validation line that names a group gets one probe per perturbation of ``HOSTILE_PERTURBATIONS`` applied
    to its hostile word (else another word of four or more letters; ``space_all``: every letter apart, "k i l l"),
    and one ``group_spaced`` probe with the group word spelled letter by letter ("j e w s")."""
    probes = []
    for r in validation_rows():
        text = str(r["text"])
        rng = random.Random(f"spelling-hostile-v1\t{text}")
        picked = pick_other(text, rng)
        if picked is None:
            continue
        gs, ge, s, e, term = picked
        base = {"original": text, "identity_attack": r["identity_attack"], "toxic": r["toxic"], "file": r["file"],
                "line": r["line"]}
        for kind in HOSTILE_PERTURBATIONS:
            if kind == "space_all":
                new = " ".join(text[s:e])
                p = (text[:s] + new + text[e:], s, s + len(new))
            else:
                p = perturb(text, s, e, kind, rng)
            if p is None:
                continue
            probes.append(dict(base, text=p[0], perturbation=kind, word=text[s:e], term=term or text[s:e].lower(),
                               target="lexicon" if term else "word", start=p[1], end=p[2]))
        new = " ".join(text[gs:ge])
        probes.append(dict(base, text=text[:gs] + new + text[ge:], perturbation="group_spaced", word=text[gs:ge],
                           term=decoder_term(text[gs:ge]), target="group", start=gs, end=gs + len(new)))
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in probes), encoding="utf-8")
    print(f"{len(probes)} probes -> {out}")
    return 0


def _split_of(text: str) -> str:
    """dev or check for a source line (a fixed hash: a quarter of the lines are check)."""
    import hashlib

    return "check" if int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 4 == 0 else "dev"


def build_spacing(out: Path = SPACING) -> int:
    """Spacing probes anywhere in a line (session 19, ``probes_spacing_s19.jsonl``): every English validation line
    gets ``del_any`` (one space between two words of letters deleted, at a seeded position: "i reallyhate them"),
    ``add_any`` (a space inserted inside a seeded word of four or more letters, whichever word: "the y are") and
    ``spaced_any`` (a seeded word of three or more letters spelled letter by letter: "t h e y"); a line with a
    two-word group name ("black people") also ``glued_group`` ("blackpeople"). ``expect`` is what the perturbed span
    reads as (the words, lower-cased); ``split`` dev/check by a hash of the source line."""
    decoder = _model().decoder
    probes = []
    pair = re.compile(r"(?<![\w'])([A-Za-z]+) ([A-Za-z]+)(?![\w'])")
    for r in validation_rows():
        text = str(r["text"])
        rng = random.Random(f"spacing-s19\t{text}")
        base = {"original": text, "identity_attack": r["identity_attack"], "toxic": r["toxic"], "file": r["file"],
                "line": r["line"], "split": _split_of(text), "line_term": "-"}
        pairs = [m for i in range(len(text)) if (m := pair.match(text, i)) and (i == 0 or not text[i - 1].isalpha())]
        if pairs:
            m = rng.choice(pairs)
            probes.append(dict(base, text=text[: m.end(1)] + text[m.start(2) :], perturbation="del_any",
                               word=m.group(1) + m.group(2), term=None, expect=m.group(0).lower(),
                               start=m.start(1), end=m.end(2) - 1))
        words = list(_WORD.finditer(text))
        if words:
            m = rng.choice(words)
            i = rng.randrange(1, len(m.group()))
            probes.append(dict(base, text=text[: m.start() + i] + " " + text[m.start() + i :], perturbation="add_any",
                               word=m.group(), term=None, expect=m.group().lower(), start=m.start(), end=m.end() + 1))
        words3 = [m for m in _LETTERS.finditer(text) if len(m.group()) >= 3]
        if words3:
            m = rng.choice(words3)
            new = " ".join(m.group())
            probes.append(dict(base, text=text[: m.start()] + new + text[m.end() :], perturbation="spaced_any",
                               word=m.group(), term=None, expect=m.group().lower(), start=m.start(),
                               end=m.start() + len(new)))
        for m in pairs:
            t = decoder.lookup(m.group(0).lower())
            if t is not None and t.kind == "group_name" and t.group is not None:
                probes.append(dict(base, text=text[: m.end(1)] + text[m.start(2) :], perturbation="glued_group",
                                   word=m.group(1) + m.group(2), term=t.text, expect=t.text, start=m.start(1),
                                   end=m.end(2) - 1))
                break
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in probes), encoding="utf-8")
    print(f"{len(probes)} probes -> {out}")
    return 0


def _frame_split(frame: str) -> str:
    """dev or check for a frame of ``short_frames_s21.json`` (a fixed hash: about a quarter of the frames are check)."""
    import hashlib

    return "check" if int(hashlib.sha1(frame.encode("utf-8")).hexdigest(), 16) % 4 == 0 else "dev"


def _short_lines() -> list[dict[str, object]]:
    """The lines of ``short_frames_s21.json``: each frame with each group (hateful, counter) or alone."""
    spec = json.loads(SHORT_FRAMES.read_text(encoding="utf-8"))
    lines = []
    for side, label in (("hateful", 1), ("counter", 0)):
        for frame in spec[side]:
            for g in spec["groups"]:
                text = frame.replace("{g}", g)
                text = text[0].upper() + text[1:]
                at = text.index(g) if g in text else text.lower().index(g.lower())
                lines.append({"original": text, "identity_attack": label, "toxic": label, "side": side,
                              "frame": frame, "split": _frame_split(frame), "line_term": decoder_term(g.split()[0])
                              if " " not in g else g.lower(), "group_span": (at, at + len(g))})
    for side in ("neutral", "controls"):
        for frame in spec[side]:
            lines.append({"original": frame, "identity_attack": 0, "toxic": 0, "side": side, "frame": frame,
                          "split": _frame_split(frame), "line_term": None, "group_span": (-1, -1)})
    return lines


def build_short(out: Path = SHORT) -> int:
    """Spacing probes from short authored lines (session 21, ``probes_short_s21.jsonl``): every line of
    ``short_frames_s21.json`` gets ``space_del`` once per space between two words (that space deleted: "Ihate
    women", "blackpeople"), ``space_del_all`` (every space deleted: "Killallwomen."), ``space_add`` once per word of
    three or more letters (a space inserted at a seeded place: "wo men", "ki ll") and ``space_all`` once per such
    word (spelled letter by letter: "k i l l"). ``term`` is the group's lexicon term when the perturbed span holds
    the group word, ``expect`` what the span reads as; ``split`` by a hash of the frame."""
    probes = []
    pair = re.compile(r"(?<![\w'])([A-Za-z']+) ([A-Za-z']+)(?![\w'])")
    for line in _short_lines():
        text = str(line["original"])
        rng = random.Random(f"short-s21\t{text}")
        gs, ge = line.pop("group_span")
        base = dict(line)

        def term_of(s: int, e: int, line: dict[str, object] = line, gs: int = gs, ge: int = ge) -> str | None:
            return str(line["line_term"]) if line["line_term"] and s < ge and e > gs else None

        for i in range(len(text)):
            m = pair.match(text, i)
            if m is None or (i and (text[i - 1].isalpha() or text[i - 1] == "'")):
                continue
            probes.append(dict(base, text=text[: m.end(1)] + text[m.start(2) :], perturbation="space_del",
                               word=m.group(1) + m.group(2), term=term_of(m.start(1), m.end(2)),
                               expect=m.group(0).lower(), start=m.start(1), end=m.end(2) - 1))
        glued = text.replace(" ", "")
        probes.append(dict(base, text=glued, perturbation="space_del_all", word=glued, term=line["line_term"]
                           if line["line_term"] else None, expect=text.lower(), start=0, end=len(glued)))
        for m in _LETTERS.finditer(text):
            if len(m.group()) < 3:
                continue
            k = rng.randrange(1, len(m.group()))
            new = m.group()[:k] + " " + m.group()[k:]
            probes.append(dict(base, text=text[: m.start()] + new + text[m.end() :], perturbation="space_add",
                               word=m.group(), term=term_of(m.start(), m.end()), expect=m.group().lower(),
                               start=m.start(), end=m.start() + len(new)))
            new = " ".join(m.group())
            probes.append(dict(base, text=text[: m.start()] + new + text[m.end() :], perturbation="space_all",
                               word=m.group(), term=term_of(m.start(), m.end()), expect=m.group().lower(),
                               start=m.start(), end=m.start() + len(new)))
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in probes), encoding="utf-8")
    print(f"{len(probes)} probes -> {out}")
    return 0


def decoder_term(word: str) -> str:
    """The lexicon term a plainly written word is (as written or as a plural)."""
    decoder = _model().decoder
    t = decoder.lookup(word.lower()) or decoder.plural(word.lower())
    return t.text if t is not None else word.lower()


def build_deletions(source: Path = PROBES, out: Path = DELETIONS) -> int:
    """Deletion probes (``term_del``, ``other_del``, ``phrase_del``, ``noun_del``, ``slur_del``) from the lines and words ``probes.jsonl`` chose."""
    from storytrace.comments._lexicon import load_common_words

    lex = _model().lexicon
    probes = []
    for p in (json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x.strip()):
        term = p["term"]
        if p["perturbation"] != "char_del" or term is None or lex.terms[term].kind not in ("group_name", "slur"):
            continue
        text, s, word = str(p["original"]), int(p["start"]), str(p["word"])
        base = {k: p[k] for k in ("original", "word", "term", "identity_attack", "toxic", "file", "line")}
        for i in range(len(word)):
            probes.append(dict(base, text=text[: s + i] + text[s + i + 1 :], perturbation="term_del",
                               start=s, end=s + len(word) - 1))
        rng = random.Random(f"spelling-del-v1\t{text}")
        others = [m for m in _WORD.finditer(text) if m.end() <= s or m.start() >= s + len(word)]
        if others:
            m = rng.choice(others)
            i = m.start() + rng.randrange(len(m.group()))
            shift = -1 if m.start() < s else 0
            probes.append(dict(base, text=text[:i] + text[i + 1 :], perturbation="other_del", word=m.group(),
                               term=None, line_term=term, start=m.start(), end=m.end() - 1,
                               term_start=s + shift, term_end=s + shift + len(word)))
    seen: set[str] = set()
    for p in (json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x.strip()):
        text = str(p["original"])
        if text in seen:
            continue
        seen.add(text)
        words = list(_LETTERS.finditer(text))
        for a, b in itertools.pairwise(words):
            phrase = text[a.start() : b.end()]
            term = lex.terms.get(phrase.lower())
            if " " not in phrase or phrase.count(" ") > 1 or term is None or term.kind != "group_name":
                continue
            base = {k: p[k] for k in ("original", "identity_attack", "toxic", "file", "line")}
            for i in range(a.start(), b.end()):
                if text[i] != " ":
                    noun = i >= b.start() and b.group().lower() in lex.group_nouns  # "black peple"
                    probes.append(dict(base, text=text[:i] + text[i + 1 :],
                                       perturbation="noun_del" if noun else "phrase_del",
                                       word=phrase, term=term.text, start=a.start(), end=b.end() - 1))
    common = load_common_words()
    slurs = sorted(w for w, t in lex.terms.items() if t.kind == "slur" and w.isalpha() and common.get(w, 0.0) < 3.0)
    for word in slurs:
        for frame in SLUR_FRAMES:
            text = frame.format(word)
            s = text.index(word)
            for i in range(len(word)):
                probes.append({"text": text[: s + i] + text[s + i + 1 :], "original": text, "perturbation": "slur_del",
                               "word": word, "term": word, "start": s, "end": s + len(word) - 1,
                               "identity_attack": 1, "toxic": 1, "file": "frames", "line": 0})
    unique = list({(p["perturbation"], p["text"]): p for p in probes}.values())  # "imigrants" once, not twice
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in unique), encoding="utf-8")
    print(f"{len(unique)} probes -> {out}")
    return 0


@dataclasses.dataclass
class _Plain:
    """A plain lexicon hit on the perturbed word ("immigrant" for "immigrants" with a letter deleted)."""
    term: object

    @property
    def decoded(self) -> str:
        return str(self.term.text)


def _matches(d, term: str | None) -> bool:
    """A word read as the intended term: the same term or its singular/plural, a term of the same group, or a split
    holding it."""
    if term is None:
        return False
    lex = _model().lexicon
    want = lex.terms.get(term)
    if d.term.text.rstrip("s") == term.rstrip("s") or any(w.rstrip("s") == term.rstrip("s") for w in d.decoded.split()):
        return True
    return want is not None and want.group is not None and d.term.group == want.group


def measure(probes: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    from storytrace.comments import score_texts
    from storytrace.comments._decode import clean

    model = _model()
    rows = list(probes)
    originals = {str(p["original"]): p for p in probes}
    rows += [dict(p, text=p["original"], perturbation="none", start=-1, end=-1) for p in originals.values()]
    scores = score_texts([str(p["text"]) for p in rows], model, languages=["en"] * len(rows))
    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for p, sc in zip(rows, scores):
        c = stats[str(p["perturbation"])]
        decoded, hits = model.decoder.decode(clean(str(p["text"])))
        at = [d for d in decoded if d.start < int(p["end"]) and d.end > int(p["start"])]
        plain = [_Plain(t) for s, e, t in hits if s < int(p["end"]) and e > int(p["start"])]
        hateful = bool(p["identity_attack"])
        side = "control" if (p["term"] or p.get("line_term")) is None else "hateful" if hateful else "nonhateful"
        c[f"n_{side}"] += 1
        if p["term"] is not None and p["perturbation"] != "none":
            c["n_term"] += 1
            c["decoded"] += any(_matches(d, p["term"]) for d in at + plain)
        # lexicon readings that are not the intended term; common words repaired (decoder 3.15, term kind "word")
        # are counted apart: right when the perturbed word is read as itself, wrong anywhere else
        want = str(p.get("expect") or "").lower().replace(" ", "")
        c[f"false_{side}"] += sum(1 for d in decoded if d.term.kind != "word" and not (d in at and (
            _matches(d, p["term"]) or (want and d.decoded.lower().replace(" ", "") == want))))
        if p.get("expect") and p["perturbation"] != "none":
            c["n_expect"] += 1
            want = str(p["expect"]).lower()
            c["expected"] += any(d.decoded.lower() == want or d.decoded.lower().replace(" ", "") == want.replace(" ", "")
                                 for d in at) or any(text_l == want.replace(" ", "") for text_l in
                                                     [str(p["text"])[s:e].lower().replace(" ", "") for s, e, _ in hits
                                                      if s < int(p["end"]) and e > int(p["start"])])
        word = str(p.get("word") or "").lower()
        right = [d for d in decoded if d.term.kind == "word" and d in at and (
            word in d.decoded.split() or (want and d.decoded.lower().replace(" ", "") == want))]
        c["repaired"] += bool(right) and p["perturbation"] != "none"
        c["repairs_wrong"] += sum(1 for d in decoded if d.term.kind == "word" and d not in right)
        if "term_start" in p:  # the term written out beside the perturbed word is still read
            c["n_kept"] += 1
            c["kept"] += any(s < int(p["term_end"]) and e > int(p["term_start"]) for s, e, _ in hits)
        flagged = sc["scores"]["identity_attack"] >= 0.5
        c["hit_hateful" if hateful else "fp_nonhateful"] += flagged
        c["n_hate" if hateful else "n_nonhate"] += 1
    out = {}
    for kind, c in stats.items():
        out[kind] = {
            "decoded_recall": round(c["decoded"] / c["n_term"], 3) if c["n_term"] else None,
            "identity_recall": round(c["hit_hateful"] / max(1, c["n_hate"]), 3),
            "identity_fp": round(c["fp_nonhateful"] / max(1, c["n_nonhate"]), 3),
            **{f"false_per100_{s}": round(100 * c[f"false_{s}"] / max(1, c[f"n_{s}"]), 1)
               for s in ("hateful", "nonhateful", "control")},
            "n": sum(c[f"n_{s}"] for s in ("hateful", "nonhateful", "control")),
            "repaired": round(c["repaired"] / max(1, sum(c[f"n_{s}"] for s in ("hateful", "nonhateful", "control"))), 3),
            "repairs_wrong_per100": round(100 * c["repairs_wrong"] / max(1, sum(c[f"n_{s}"] for s in ("hateful", "nonhateful", "control"))), 1),
        }
        if c["n_expect"]:
            out[kind]["expect_recall"] = round(c["expected"] / c["n_expect"], 3)
            out[kind]["n_expect"] = c["n_expect"]
        if c["n_kept"]:
            out[kind]["term_kept"] = round(c["kept"] / c["n_kept"], 3)
    return out


def unlabelled_texts(data: Path, cache: Path | None = None) -> dict[str, list[str]]:
    """English neutral news sentences (2,000) and the train-half Dragnet comments."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_comments_real import dragnet_dir, page_comments
    from line_data import split_names
    from neutral_news_check import news_sentences, sample

    train, _ = split_names(data)
    dragnet: list[str] = []
    for stem in train:
        path = dragnet_dir(data) / f"{stem}.html.gz"
        if path.exists():
            dragnet += page_comments(path)
    texts = {"dragnet_train": dragnet, "news_en": sample(news_sentences(data).get("en", []), 2000)}
    if cache is not None:
        cache.write_text(json.dumps(texts), encoding="utf-8")
    return texts


def false_alarms(texts: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    from storytrace.comments import score_texts

    model = _model()
    out = {}
    for name, tt in texts.items():
        res = score_texts(tt, model)
        out[name] = {"n": len(tt),
                     "decoded_share": round(sum(bool(r["decoded"]) for r in res) / len(tt), 4),
                     "identity_ge_05": round(sum(r["scores"]["identity_attack"] >= 0.5 for r in res) / len(tt), 4),
                     "toxic_ge_05": round(sum(r["scores"]["toxic"] >= 0.5 for r in res) / len(tt), 4)}
    return out


COMMON_WORDS = ROOT / "src" / "storytrace" / "data" / "lexicons" / "word_frequencies" / "en_common.tsv"


def build_common_words(min_zipf: float, out: Path = COMMON_WORDS) -> int:
    from wordfreq import iter_wordlist, zipf_frequency

    rows = []
    for w in iter_wordlist("en"):
        z = zipf_frequency(w, "en")
        if z < min_zipf:
            break  # the list is ordered by frequency
        if re.fullmatch(r"[a-z]+", w):
            rows.append(f"{w}\t{z:.2f}")
    head = (f"# English Zipf frequencies from wordfreq 3.1.1 (data CC BY-SA 4.0, see NOTICE.md here): words of letters "
            f"with Zipf >= {min_zipf}; built by training/spelling_probes.py words\n")
    out.write_text(head + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("build", "deletions", "hostile", "spacing", "short", "measure", "words"))
    ap.add_argument("--split", choices=("dev", "check"), default=None,
                    help="measure: only the probes of this split (files with a split field)")
    ap.add_argument("--min-zipf", type=float, default=2.5, help="words: the table's lowest Zipf frequency")
    ap.add_argument("--probes", type=Path, default=PROBES)
    ap.add_argument("--data", type=Path, default=None, help="shared data folder: also the unlabelled false alarms")
    ap.add_argument("--cache", type=Path, default=None, help="JSON cache of the unlabelled texts")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.command == "build":
        return build(args.probes)
    if args.command == "deletions":
        return build_deletions()
    if args.command == "hostile":
        return build_hostile()
    if args.command == "spacing":
        return build_spacing()
    if args.command == "short":
        return build_short()
    if args.command == "words":
        return build_common_words(args.min_zipf)
    probes = [json.loads(x) for x in args.probes.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.split is not None:
        probes = [p for p in probes if p.get("split", "dev") == args.split]
    report: dict[str, object] = {"probes": measure(probes)}
    if args.data is not None:
        report["unlabelled"] = false_alarms(unlabelled_texts(args.data, args.cache))
    text = json.dumps(report, indent=1)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
