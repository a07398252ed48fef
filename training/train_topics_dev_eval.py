"""Score the topic tagger on the hand-labelled dev set (tests/facts/fixtures/topic_dev.jsonl), and optionally
on the non-English set and by cross-validating the training recipe over the hand-labelled training texts.

The dev set (121 English SemEval-2022 Task 8 / Dragnet texts labelled by hand with one IPTC top level each,
none of them in the training labels) is what choices are made on. The non-English set
(tests/facts/fixtures/topic_dev_multilingual.jsonl: 396 SemEval texts in de, es, tr, pl, it, fr, ru labelled
by hand, none within USE cosine 0.7 of a training or dev text) measures the e5 probe that tags non-English
pages. topics/bbc is evaluation only and never used here.

Run:  nice .venv/bin/python training/train_topics_dev_eval.py --data /work/shared/data [--no-use] [--cv]
      [--multilingual]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
MULTILINGUAL = Path(__file__).resolve().parents[1] / "tests" / "facts" / "fixtures" / "topic_dev_multilingual.jsonl"


def per_topic(pred: list[str], gold: list[str]) -> dict[str, str]:
    return {g: f"{sum(p == g for p, gg in zip(pred, gold, strict=True) if gg == g)}/{n}"
            for g, n in sorted(Counter(gold).items())}


def cross_validate(data: Path, cache: Path, folds: int = 5) -> dict[str, float]:
    """Stratified k-fold accuracy of the recipe's TF-IDF model, USE probe and their ensemble (English)."""
    from sklearn.model_selection import StratifiedKFold
    from train_topics import (
        PROBE_C,
        TERM_WEIGHT,
        TFIDF_C,
        fit_probe,
        fit_tfidf,
        hand_labelled,
        load_terms,
        use_embed,
    )

    from storytrace.facts.topics import USE_WEIGHT, softmax_probe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    strata = np.where(np.bincount(yi)[yi] < folds, -1, yi)  # topics with < k texts share one stratum
    hits: dict[str, list[bool]] = {"tfidf": [], "use_probe": [], "ensemble": []}
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, strata):
        model = fit_tfidf([texts[i] for i in tr], [y[i] for i in tr], terms, term_weight=TERM_WEIGHT, C=TFIDF_C)
        p_tf = model.predict_proba([texts[i] for i in te])
        p_use = softmax_probe(U[te], fit_probe(U[tr], yi[tr], len(tops), PROBE_C))
        logp = (1 - USE_WEIGHT) * np.log(p_tf + 1e-6) + USE_WEIGHT * np.log(p_use + 1e-6)
        for name, p in (("tfidf", p_tf), ("use_probe", p_use), ("ensemble", logp)):
            hits[name] += list(p.argmax(1) == yi[te])
    return {f"cv{folds}_{k}": float(np.mean(v)) for k, v in hits.items()} | {"cv_n": len(texts)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, help="model folder (default: the shipped one)")
    ap.add_argument("--no-use", action="store_true", help="English pages: TF-IDF model alone")
    ap.add_argument("--cv", action="store_true", help="also 5-fold CV of the recipe over the hand labels")
    ap.add_argument("--multilingual", action="store_true", help="also the non-English set (e5 probe, slow)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    args = ap.parse_args(argv)

    from train_topics import load_dev

    from storytrace.facts.topics import load_topic_tagger

    _, texts, gold = load_dev(args.data)
    tagger = load_topic_tagger(use_encoder=not args.no_use, path=args.model)
    pred = [t[0].id for t in tagger.tag(texts)]
    out: dict = {"dev_n": len(gold), "dev_top1": float(np.mean([p == g for p, g in zip(pred, gold, strict=True)])),
                 "english": "tfidf+use" if tagger.use_probe is not None and not args.no_use else "tfidf", "per_topic": per_topic(pred, gold)}
    if args.multilingual:
        _, texts, gold = load_dev(args.data, MULTILINGUAL)
        pred = [t[0].id for t in tagger.tag(texts, [False] * len(texts))]
        out |= {"multilingual_n": len(gold),
                "multilingual_top1": float(np.mean([p == g for p, g in zip(pred, gold, strict=True)]))}
    if args.cv:
        args.cache.mkdir(parents=True, exist_ok=True)
        out |= cross_validate(args.data, args.cache)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
