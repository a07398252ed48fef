"""Session 28: out-of-fold member probabilities of the v7 English topic recipe, for diagnosis and for a combiner
fitted on them (never on topics/bbc).

``--dump OUT.npz``: the v7 recipe (hand labels + en.jsonl, en_s18 at 0.3, en_s20 + en_s27 at 0.6, TF-IDF and USE
probe) fitted on each of the five CV folds used since session 18 (StratifiedKFold(5, shuffle, seed 0)) and on all
961 labels; stores, for the CV texts (out of fold), the dev set and the authored check splits (full fit), the
TF-IDF and USE-probe probabilities, the TF-IDF probabilities of the lead only, and the word-weighted mean log
TF-IDF probability over the page's paragraph units (:func:`storytrace.facts.topics.evidence_units`).

Run:  nice .venv/bin/python training/topics_stack.py --data /work/shared/data --dump /tmp/oof.npz
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHECKS = ("s20_check", "s21_check", "s27_check", "s27b_check")


def unit_logmean(model, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per text: the word-weighted mean log TF-IDF probability over its paragraph units, and the unit count."""
    from storytrace.facts.topics import evidence_units

    units = [evidence_units(t) for t in texts]
    flat = [u for us in units for u in us]
    logp = np.log(model.predict_proba(flat) + 1e-6)
    out, at = np.zeros((len(texts), logp.shape[1])), 0
    for row, us in enumerate(units):
        w = np.array([len(u.split()) for u in us], float)
        out[row] = (w / max(1.0, w.sum())) @ logp[at: at + len(us)]
        at += len(us)
    return out, np.array([len(us) for us in units])


def members(fitted, texts: list[str], U: np.ndarray) -> dict[str, np.ndarray]:
    from storytrace.facts.topics import lead, softmax_probe

    m, p = fitted
    units, n_units = unit_logmean(m, texts)
    return {"tfidf": m.predict_proba(texts), "use": softmax_probe(U, p),
            "tfidf_lead": m.predict_proba([lead(t) for t in texts]), "units": units, "n_units": n_units}


def dump(data: Path, cache: Path, out: Path) -> None:
    from sklearn.model_selection import StratifiedKFold
    from train_topics import AUTHORED, AUTHORED_S18, AUTHORED_WEIGHT, hand_labelled, load_dev, load_terms, use_embed
    from train_topics_dev_eval import authored_rows, fit_recipe

    a = AUTHORED.with_name
    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    short = authored_rows([AUTHORED, AUTHORED_S18], cache, tops)
    long = authored_rows([a("en_s20.jsonl"), a("en_s27.jsonl")], cache, tops)
    _, dtexts, dgold = load_dev(data)
    DU = use_embed(dtexts, cache)
    checks = {k: authored_rows(a(f"en_{k}.jsonl"), cache, tops) for k in CHECKS}

    def fit(idx):
        return fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], short, weight=AUTHORED_WEIGHT,
                          models={"tfidf", "use"}, terms=terms, tops=tops, x=long, x_weight=0.6,
                          x_models=frozenset({"tfidf", "use"}))

    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    res: dict[str, np.ndarray] = {"tops": np.array(tops), "cv_gold": yi, "cv_fold": np.zeros(len(texts), int)}
    for f, (tr, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata)):
        got = members(fit(tr), [texts[i] for i in te], U[te])
        for k, v in got.items():
            res.setdefault("cv_" + k, np.zeros((len(texts),) + v.shape[1:], v.dtype))[te] = v
        res["cv_fold"][te] = f
        print("fold", f, file=sys.stderr, flush=True)
    full = fit(np.arange(len(texts)))
    for name, ts, u, gold in [("dev", dtexts, DU, np.array([tops.index(g) for g in dgold]))] + [
            (k, c["texts"], c["use"], c["yi"]) for k, c in checks.items()]:
        for k, v in members(full, ts, u).items():
            res[f"{name}_{k}"] = v
        res[f"{name}_gold"] = gold
    np.savez_compressed(out, **res)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--dump", type=Path, required=True)
    args = ap.parse_args(argv)
    dump(args.data, args.cache, args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
