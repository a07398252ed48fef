"""Claims benchmark: modality, attribution, subject head and predicate lemma against a hand-annotated gold set.

    python benchmarks/bench_claims.py [--split dev|check|all] [--verbose] [--json out.json]

Gold: tests/facts/fixtures/claims_gold.json (conventions in tests/facts/fixtures/CLAIMS_GUIDE.md). ``dev`` (the
default) is for finding and fixing defects; ``check`` is read once per final candidate. Each sentence is read as a
one-paragraph English page through ``extract_facts_batch`` (the product path: a sentence with no entity, number or
date is not parsed and has no subject, predicate or attribution) and the page's first claim is scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "facts" / "fixtures" / "claims_gold.json"
FIELDS = ("modality", "attribution", "subject", "predicate")
CLASSES = ("asserted", "reported", "hedged", "planned", "negated")
# words of a predicate string that are not its lexical verb ("has not been dismissed" -> "dismissed")
AUXILIARIES = {"am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does",
               "did", "will", "would", "shall", "should", "may", "might", "can", "could", "must", "'ll", "'s", "'re",
               "'ve", "'d", "'m", "’ll", "’s", "’re", "’ve", "’d", "’m", "n’t", "not", "n't", "never", "ca", "wo",
               "sha", "no", "neither", "nor"}
PARTICLES = {"up", "out", "off", "down", "away", "back", "over", "on", "in", "about", "around", "through", "along"}


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def alternatives(gold: str | None) -> list[str]:
    return [a.strip() for a in gold.split("|")] if gold else []


def predicate_head(predicate: str | None) -> str | None:
    """The lexical verb of a predicate string: "to"-complement, trailing particle and auxiliaries removed, the first
    word left ("begin look", "will ensure learn": a complement without "to" follows its verb); a lone auxiliary
    ("was", "has been") is the verb itself (a copula)."""
    if not predicate:
        return None
    parts = predicate.split()
    if "to" in parts[1:]:
        parts = parts[:parts.index("to", 1)]
    if len(parts) > 1 and parts[-1] in PARTICLES:
        parts = parts[:-1]
    lexical = [w for w in parts if w not in AUXILIARIES]
    return lexical[0] if lexical else parts[-1]


def verb_lemmas(word: str | None, lemmatizer, vocab) -> set[str]:
    """The word (a predicate without auxiliary is already a lemma) and the lemmas spaCy's rules give it as a verb."""
    from spacy.tokens import Doc

    if not word:
        return set()
    doc = Doc(vocab, words=[word])
    doc[0].pos_ = "VERB"
    return {word.lower()} | {x.lower() for x in lemmatizer.rule_lemmatize(doc[0])}


def score_one(gold: dict, claim: dict | None, lemmatizer, vocab) -> dict[str, bool]:
    claim = claim or {}
    attribution = claim.get("attribution")
    subject = claim.get("subject")
    pred = verb_lemmas(predicate_head(claim.get("predicate")), lemmatizer, vocab)
    return {
        "modality": claim.get("modality") == gold["modality"],
        "attribution": (attribution is None) if gold["attribution"] is None else
        attribution is not None and any(set(words(a)) <= set(words(attribution))
                                         for a in alternatives(gold["attribution"])),
        "subject": (subject is None) if gold["subject"] is None else
        any(set(words(a)) <= set(words(subject)) for a in alternatives(gold["subject"])),
        "predicate": bool(pred & {a.lower() for a in alternatives(gold["predicate"])}),
    }


def run(split: str) -> dict:
    from storytrace.facts import extract_facts_batch, load_facts_resources, load_nlp
    from storytrace.records import Page
    from storytrace.settings import Options

    gold = [s for s in json.loads(GOLD.read_text(encoding="utf-8"))["sentences"] if split in ("all", s["split"])]
    nlp = load_nlp()
    pages = [Page(id=s["id"], source=s["id"], body=[s["text"]], language="en") for s in gold]
    extract_facts_batch(pages, Options(), nlp=nlp, resources=load_facts_resources())
    lemmatizer = nlp.get_pipe("lemmatizer")
    rows = []
    for g, page in zip(gold, pages, strict=True):
        claim = page.facts["claims"][0] if page.facts["claims"] else None
        rows.append((g, claim, score_one(g, claim, lemmatizer, nlp.vocab)))
    return summarise(rows, split)


def summarise(rows: list, split: str) -> dict:
    n = len(rows)
    acc = {f: round(sum(r[2][f] for r in rows) / n, 3) for f in FIELDS}
    per_class = {}
    for c in CLASSES:
        gold_c = [r for r in rows if r[0]["modality"] == c]
        pred_c = [r for r in rows if (r[1] or {}).get("modality") == c]
        tp = sum(r[2]["modality"] for r in gold_c)
        per_class[c] = {"gold": len(gold_c), "predicted": len(pred_c), "correct": tp,
                        "recall": round(tp / len(gold_c), 3) if gold_c else None,
                        "precision": round(tp / len(pred_c), 3) if pred_c else None}
    with_source = [r for r in rows if r[0]["attribution"] is not None]
    found = sum((r[1] or {}).get("attribution") is not None for r in with_source)
    none_gold = [r for r in rows if r[0]["attribution"] is None]
    false_source = sum((r[1] or {}).get("attribution") is not None for r in none_gold)
    errors = [{"id": g["id"], "text": g["text"], "wrong": [f for f in FIELDS if not ok[f]],
               "gold": {f: g[f] for f in FIELDS},
               "got": {f: (c or {}).get(f) for f in FIELDS} | {"parsed": (c or {}).get("parsed"),
                                                               "cues": (c or {}).get("cues")}}
              for g, c, ok in rows if not all(ok.values())]
    return {"split": split, "sentences": n, "accuracy": acc, "per_class": per_class,
            "attribution_detail": {"gold_with_source": len(with_source), "source_found": found,
                                   "gold_without_source": len(none_gold), "false_source": false_source},
            "parsed": sum(bool((r[1] or {}).get("parsed")) for r in rows),
            "all_four_right": sum(all(r[2].values()) for r in rows), "errors": errors,
            "wrong_counts": dict(Counter(f for e in errors for f in e["wrong"]))}


def report(result: dict, verbose: bool) -> None:
    print(f"split {result['split']}: {result['sentences']} sentences, {result['parsed']} parsed, "
          f"{result['all_four_right']} with all four fields right")
    for f, a in result["accuracy"].items():
        print(f"  {f:<12} {a:.3f}")
    d = result["attribution_detail"]
    print(f"  attribution: source found {d['source_found']}/{d['gold_with_source']}, "
          f"false source {d['false_source']}/{d['gold_without_source']}")
    print(f"  {'class':<9} {'gold':>5} {'pred':>5} {'right':>5} {'recall':>7} {'precision':>9}")
    for c, v in result["per_class"].items():
        rec = "-" if v["recall"] is None else f"{v['recall']:.3f}"
        pre = "-" if v["precision"] is None else f"{v['precision']:.3f}"
        print(f"  {c:<9} {v['gold']:>5} {v['predicted']:>5} {v['correct']:>5} {rec:>7} {pre:>9}")
    if verbose:
        for e in result["errors"]:
            print(f"\n{e['id']} wrong: {', '.join(e['wrong'])}\n  {e['text']}")
            for f in e["wrong"]:
                print(f"  {f}: gold {e['gold'][f]!r}  got {e['got'][f]!r}")
            print(f"  parsed {e['got']['parsed']} cues {e['got']['cues']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "check", "all"), default="dev",
                        help="dev (default); check only once per final candidate")
    parser.add_argument("--verbose", action="store_true", help="list every sentence with a wrong field")
    parser.add_argument("--json", type=Path, help="write the result here")
    args = parser.parse_args(argv)
    result = run(args.split)
    report(result, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
