"""Session 28: out-of-fold member probabilities of the v7 English topic recipe, for diagnosis and for a combiner
fitted on them (never on topics/bbc).

``--dump OUT.npz``: the v7 recipe (hand labels + en.jsonl, en_s18 at 0.3, en_s20 + en_s27 at 0.6, TF-IDF and USE
probe) fitted on each of the five CV folds used since session 18 (StratifiedKFold(5, shuffle, seed 0)) and on all
961 labels; stores, for the CV texts (out of fold), the dev set and the authored check splits (full fit), the
TF-IDF and USE-probe probabilities, the TF-IDF probabilities of the lead only, the word-weighted mean log
TF-IDF probability over the page's paragraph units (:func:`storytrace.facts.topics.evidence_units`) and, per top
level, the largest TF-IDF cosine to one of its second-level subtrees (the tagger's level-2 evidence).

``--score OOF.npz``: the session-28 candidates (.scratch_notes/rule.md) against B (v7's geometric mean): S1, two
member weights + 17 class biases fitted by log-likelihood on the out-of-fold rows (L2 1e-2 on the biases); S2, S1 with
the paragraph-unit member as a third weight; S3, multinomial logistic regression (C = 1) on the stacked log
probabilities (without / with the units). CV5 by nested CV (combiner fitted on the other four folds' rows), dev and
the check splits by the combiner fitted on all 961 rows; hits, gained/lost against B, per-topic recall changes.
``--diagnose OOF.npz``: member accuracies, their oracle, a USE-weight sweep and accuracy by paragraph-unit count.

Run:  nice .venv/bin/python training/topics_stack.py --data /work/shared/data --dump /tmp/oof.npz
      .venv/bin/python training/topics_stack.py --score /tmp/oof.npz --diagnose /tmp/oof.npz
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHECKS = ("s20_check", "s21_check", "s27_check", "s27b_check")
SPLITS = ("cv", "dev") + CHECKS
BIAS_L2 = 1e-2  # S1/S2: L2 on the class biases (fixed in the rule, before scoring)
STACK_C = 1.0  # S3: inverse regularisation of the stacked logistic regression (same)


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


def level2_similarity(model, texts: list[str]) -> np.ndarray:
    """Per text and top level: the largest TF-IDF cosine to one of its second-level subtrees (the tagger's level-2
    evidence, read as a top-level score)."""
    from storytrace.facts.taxonomy import load_taxonomy
    from storytrace.facts.topics import TopicTagger

    tagger = TopicTagger(model=model, terms=load_taxonomy())
    sims = (model.vectorizer_.transform(texts) @ tagger._l2_matrix.T).toarray()
    out = np.zeros((len(texts), len(model.classes_)))
    for j, l2 in enumerate(tagger._l2_ids):
        k = model.classes_.index(tagger._l2_top[l2])
        out[:, k] = np.maximum(out[:, k], sims[:, j])
    return out


def members(fitted, texts: list[str], U: np.ndarray) -> dict[str, np.ndarray]:
    from storytrace.facts.topics import lead, softmax_probe

    m, p = fitted
    units, n_units = unit_logmean(m, texts)
    return {"tfidf": m.predict_proba(texts), "use": softmax_probe(U, p),
            "tfidf_lead": m.predict_proba([lead(t) for t in texts]), "units": units, "n_units": n_units,
            "level2": level2_similarity(m, texts)}


def dump(data: Path, cache: Path, out: Path) -> None:
    from sklearn.model_selection import StratifiedKFold
    from train_topics import (
        AUTHORED,
        AUTHORED_S18,
        AUTHORED_WEIGHT,
        hand_labelled,
        load_dev,
        load_terms,
        use_embed,
    )
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


def member_logs(z, split: str, units: bool) -> np.ndarray:
    """(members x texts x topics) log probabilities: TF-IDF, USE probe (and the paragraph-unit mean)."""
    logs = [np.log(z[f"{split}_tfidf"] + 1e-6), np.log(z[f"{split}_use"] + 1e-6)]
    return np.stack(logs + ([z[f"{split}_units"]] if units else []))


def fit_calibrated(L: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """S1/S2: member weights and class biases maximising the log-likelihood of ``gold`` (L2 on the biases)."""
    from scipy.optimize import minimize

    m, n, k = L.shape
    onehot = np.eye(k)[gold]

    def loss(theta):
        S = np.tensordot(theta[:m], L, 1) + theta[m:]
        S -= S.max(1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(1, keepdims=True)
        G = (P - onehot) / n
        grad = np.concatenate([[np.sum(G * L[j]) for j in range(m)], G.sum(0) + 2 * BIAS_L2 * theta[m:]])
        return -np.mean(np.log(P[np.arange(n), gold] + 1e-12)) + BIAS_L2 * theta[m:] @ theta[m:], grad

    start = np.concatenate([[0.7, 0.3], np.zeros(m - 2 + k)])
    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def combiner(kind: str):
    """(fit, predict) of a candidate combiner over member log probabilities."""
    from sklearn.linear_model import LogisticRegression

    if kind == "calibrated":
        return fit_calibrated, lambda th, L: (np.tensordot(th[: L.shape[0]], L, 1) + th[L.shape[0]:]).argmax(1)
    flat = lambda L: np.hstack(list(L))
    return (lambda L, g: LogisticRegression(C=STACK_C, max_iter=5000).fit(flat(L), g),
            lambda m, L: m.predict(flat(L)))


CANDIDATES = {"S1": ("calibrated", False), "S2": ("calibrated", True), "S3": ("stacked", False),
              "S3+units": ("stacked", True)}


def candidate_predictions(z, kind: str, units: bool) -> dict[str, np.ndarray]:
    fit, predict = combiner(kind)
    gold, fold = z["cv_gold"], z["cv_fold"]
    L = member_logs(z, "cv", units)
    pred = {"cv": np.zeros(len(gold), int)}
    for f in range(5):
        pred["cv"][fold == f] = predict(fit(L[:, fold != f], gold[fold != f]), L[:, fold == f])
    full = fit(L, gold)
    return pred | {s: predict(full, member_logs(z, s, units)) for s in SPLITS[1:]}


def score(path: Path) -> dict:
    from storytrace.facts.topics import mix_english

    z = np.load(path)
    tops = [str(t) for t in z["tops"]]
    base = {s: mix_english(z[f"{s}_tfidf"], z[f"{s}_use"]).argmax(1) for s in SPLITS}
    out = {}
    for name, (kind, units) in ({"B": (None, False)} | CANDIDATES).items():
        pred = base if kind is None else candidate_predictions(z, kind, units)
        row = {}
        for s in SPLITS:
            gold = z[f"{s}_gold"]
            hit, ref = pred[s] == gold, base[s] == gold
            row[s] = {"top1": round(float(hit.mean()), 4), "hits": int(hit.sum()), "n": len(gold),
                      "gained_lost": [int((hit & ~ref).sum()), int((~hit & ref).sum())]}
            if s in ("cv", "dev"):
                row[s]["recall_changes"] = {
                    tops[k]: [int((ref & (gold == k)).sum()), int((hit & (gold == k)).sum()), int((gold == k).sum())]
                    for k in range(len(tops)) if (ref & (gold == k)).sum() != (hit & (gold == k)).sum()}
        out[name] = row
    return out


def diagnose(path: Path) -> dict:
    from storytrace.facts.topics import mix_english

    z = np.load(path)
    out = {}
    for s in ("cv", "dev"):
        gold, tf, use, nu = z[f"{s}_gold"], z[f"{s}_tfidf"], z[f"{s}_use"], z[f"{s}_n_units"]
        views = {"B": mix_english(tf, use), "tfidf": tf, "use": use, "units": np.exp(z[f"{s}_units"]),
                 "tfidf_lead": z[f"{s}_tfidf_lead"]}
        if f"{s}_level2" in z.files:
            views["level2"] = z[f"{s}_level2"]
        ok = {k: v.argmax(1) == gold for k, v in views.items()}
        out[s] = {"top1": {k: round(float(h.mean()), 4) for k, h in ok.items()},
                  "oracle_tfidf_or_use": round(float((ok["tfidf"] | ok["use"]).mean()), 4),
                  "oracle_B_or_units": round(float((ok["B"] | ok["units"]).mean()), 4),
                  "oracle_B_or_level2": round(float((ok["B"] | ok.get("level2", ok["B"])).mean()), 4),
                  "use_weight_sweep": {w: round(float((mix_english(tf, use, w).argmax(1) == gold).mean()), 4)
                                       for w in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)},
                  "by_units": {f"{lo}-{hi}": {"n": int(((nu >= lo) & (nu <= hi)).sum())} | {
                      k: round(float(h[(nu >= lo) & (nu <= hi)].mean()), 3) for k, h in ok.items()}
                      for lo, hi in ((1, 1), (2, 3), (4, 99))}}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--data", type=Path)
    ap.add_argument("--dump", type=Path, help="write the out-of-fold member probabilities here (needs --data)")
    ap.add_argument("--score", type=Path, help="score the session-28 candidates on this dump (JSON on stdout)")
    ap.add_argument("--diagnose", type=Path, help="member diagnostics on this dump (JSON on stdout)")
    args = ap.parse_args(argv)
    if args.dump:
        dump(args.data, args.cache, args.dump)
    result = {}
    if args.score:
        result["candidates"] = score(args.score)
    if args.diagnose:
        result["diagnosis"] = diagnose(args.diagnose)
    if result:
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
