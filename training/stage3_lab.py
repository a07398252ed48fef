"""Train and score stage-3 variants of the line model in minutes instead of an hour.

    .venv/bin/python training/stage3_lab.py --data D --dump S3.npz --base DIR [--dev] [--opening] [--eval]
        [--out DIR] [--embed-cache C] [--cache DIR]

A full ``train_line_model.py`` run spends most of its time on the out-of-fold stage-1 and stage-2 models that
make stage 3's training inputs. ``train_line_model.py --dump-stage3 S3.npz`` saves those inputs (the out-of-fold
stage-2 probabilities of every training page); this script rebuilds the same training pages (checked by their
digest), their line features and embeddings, fits a stage 3 on them and puts it into a copy of the model ``--base``
(the model that run wrote, with its stages 1 and 2 and, for ``--eval``, its settings) written to ``--out``.

``--eval`` (dev models only) scores the stage 3 as the dev benchmark would, without the benchmark's slow full
pipeline: stages 1 and 2 of ``--base`` are applied once to the boundary ranker's training pages (1,000 pages of
the dev fifth, seed 31, as ``train_boundary_ranker.py``) and to the dev benchmark's pages (600, seed 2024), and
kept in ``--cache``; each variant then recomputes stage 3, refits the ranker and decodes. It prints line F1 per
model class (headline not split into title and variants) with the ranker and with the plain decoding. The
numbers to report come from ``bench_text_anatomy.py --split dev`` on the written model after
``train_boundary_ranker.py``; this is for choosing.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import DEV_FOLD, dev_split, load_pieces, make_dump_pages, make_pages, split_names
from train_boundary_ranker import fit_ranker
from train_line_model import embed_pages, featurize, pages_digest

from storytrace.anatomy.boundary import decode_with_boundary
from storytrace.anatomy.text import (
    CLASSES,
    MODEL_DIR,
    LineModel,
    context_features,
    load_line_model,
    page_features,
)
from storytrace.anatomy.trees import from_sklearn
from storytrace.embeddings import load_encoder

Page = tuple[list[str], list[str], list[bool]]


def training_pages(data: Path, dev: bool, limit: int | None, n_pages: int, seed: int,
                   real_dumps: int) -> list[Page]:
    """The pages ``train_line_model.py`` builds with the same options (default generator settings)."""
    names, _ = split_names(data)
    if dev:
        names, _ = dev_split(names, DEV_FOLD)
    pieces = load_pieces(data, names, limit=limit)
    pages = make_pages(pieces, n_pages, seed, own_refs=0.5, title_ends=0.3, sources=[])
    if real_dumps:
        pages += make_dump_pages(data, pieces, []) * real_dumps
    return pages


def page_inputs(pages: list[Page], embed_cache: Path | None) -> list[dict]:
    """Dense features, n-grams, embeddings and gold class indices of each page."""
    dense, grams, ys = featurize(pages)
    embs = embed_pages(pages, load_encoder(threads=2), embed_cache)
    return [{"dense": d, "grams": g, "emb": e, "y": y} for d, g, e, y in zip(dense, grams, embs, ys, strict=True)]


def stage3_inputs(model: LineModel, pages: list[dict], p2s: list[np.ndarray], opening: bool,
                  thread: bool = False) -> list[np.ndarray]:
    body, comment = CLASSES.index("body"), CLASSES.index("comment")
    return [page_features(p2, model.decode(p2), pg["dense"], pg["grams"], body, comment, pg["emb"], opening=opening,
                          thread=thread)
            for pg, p2 in zip(pages, p2s, strict=True)]


def fit_stage3(x: np.ndarray, y: np.ndarray, seed: int, max_iter: int, fixed: int | None, val: float,
               leaves: int, l2: float = 0.0, min_leaf: int = 20,
               weight: np.ndarray | None = None) -> HistGradientBoostingClassifier:
    """Stage 3's trees as ``train_line_model._boost`` fits them (random early stopping) unless ``fixed``
    iterations or another validation share / tree size are asked for."""
    stop = {"early_stopping": False} if fixed else \
        {"early_stopping": True, "validation_fraction": val, "n_iter_no_change": 20}
    clf = HistGradientBoostingClassifier(max_iter=fixed or max_iter, learning_rate=0.1, max_leaf_nodes=leaves,
                                         l2_regularization=l2, min_samples_leaf=min_leaf, random_state=seed,
                                         **stop).fit(x, y, sample_weight=weight)
    print(f"  stage 3 trees: {clf.n_iter_} iterations", flush=True)
    return clf


def leaf_stats(trees: object) -> dict:
    """How large stage 3's leaf values are (v5.4: 99th percentile of |value| 0.78, 50 leaves above 5)."""
    v = np.abs(trees.value[trees.is_leaf])
    return {"leaf_p99": round(float(np.percentile(v, 99)), 3), "leaf_max": float(v.max()), "leaves_over5": int((v > 5).sum())}


def eval_pages(model: LineModel, data: Path, cache: Path) -> dict[str, list[dict]]:
    """Stage-1/2 outputs of the ranker's training pages and the dev benchmark's pages (cached)."""
    path = cache / "eval_pages.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    pieces = load_pieces(data, dev_split(split_names(data)[0], DEV_FOLD)[1], None)
    sets = {"ranker": make_pages(pieces, 1000, 31, sources=[]), "dev": make_pages(pieces, 600, 2024)}
    out = {}
    for name, pages in sets.items():
        inputs = page_inputs(pages, cache / "eval_embeddings.npz")
        for pg in inputs:
            pg["p1"] = model.line_probs(np.hstack([pg["dense"], pg["emb"]]), pg["grams"])
            pg["p2"] = model.context_probs(context_features(pg["p1"], pg["dense"]))
        out[name] = inputs
    with path.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def score(model: LineModel, sets: dict[str, list[dict]], trees3: object, opening: bool, thread: bool = False,
          shipped_ranker: object = None) -> dict:
    """Line F1 per class on the dev pages with a ranker refitted on the ranker pages, with ``shipped_ranker``
    (the shipped model's, unchanged: what the dev benchmark reads when that ranker is put into the written
    model) when given, and with the plain decoding."""
    scored = {}
    for name, pages in sets.items():
        feats = stage3_inputs(model, pages, [pg["p2"] for pg in pages], opening, thread)
        rows = []
        for pg, f in zip(pages, feats, strict=True):
            p3 = trees3.predict_proba(f)
            first_comment = next((i for i, c in enumerate(pg["y"]) if CLASSES[c] == "comment"), len(p3))
            rows.append({"p3": p3, "gold_row": first_comment - 1,
                         "x": model.boundary_candidates(pg["p1"], p3, pg["emb"], pg["dense"])})
        scored[name] = rows
    ranker = fit_ranker(scored["ranker"], 0.03)
    gold, ranked, shipped, plain, right = [], [], [], [], 0
    for pg, s in zip(sets["dev"], scored["dev"], strict=True):
        row = ranker.choose(s["x"])
        right += row == s["gold_row"]
        emit = model.emissions(s["p3"], model.final_bias)
        ranked += decode_with_boundary(emit, model.log_start, model.log_trans, row + 1, need_body=True)
        if shipped_ranker is not None:
            row = shipped_ranker.choose(s["x"])
            shipped += decode_with_boundary(emit, model.log_start, model.log_trans, row + 1, need_body=True)
        plain += model.decode(s["p3"], model.final_bias, need_body=True)
        gold += pg["y"].tolist()
    report = {"boundary_right": int(right)}
    for tag, pred in (("ranked", ranked), ("shipped_ranker", shipped), ("plain", plain)):
        if not pred:
            continue
        f1 = f1_score(gold, pred, labels=range(len(CLASSES)), average=None)
        report[tag] = {c: round(float(v), 4) for c, v in zip(CLASSES, f1, strict=True)}
    return report


def write_model(base: Path, out: Path, trees3: object, x: np.ndarray, opening: bool, info: dict,
                thread: bool = False) -> None:
    """A copy of ``base`` with stage 3 replaced (and the ranker left as it was: refit it afterwards)."""
    out.mkdir(parents=True, exist_ok=True)
    for item in base.iterdir():
        if item.is_file():
            shutil.copy2(item, out / item.name)
    with np.load(base / "line_model.npz", allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("t3_")}
    arrays.update(trees3.to_arrays("t3_"), mean3=x.mean(axis=0), scale3=x.std(axis=0) + 1e-6)
    np.savez_compressed(out / "line_model.npz", **arrays)
    meta = json.loads((base / "line_model.json").read_text(encoding="utf-8"))
    meta.pop("stage3_features", None)
    features = (["opening"] if opening else []) + (["thread"] if thread else [])
    if features:
        meta["stage3_features"] = features
    meta["stage3_lab"] = info
    (out / "line_model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--dump", type=Path, required=True, help="train_line_model.py --dump-stage3 output")
    ap.add_argument("--base", type=Path, required=True, help="the model that training run wrote")
    ap.add_argument("--dev", action="store_true", help="the dump is of a --dev run")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--real-dumps", type=int, default=1)
    ap.add_argument("--embed-cache", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/stage3_lab"), help="folder for cached inputs")
    ap.add_argument("--opening", action="store_true", help="stage 3 also reads text.opening_features")
    ap.add_argument("--thread", action="store_true", help="stage 3 also reads text.thread_features")
    ap.add_argument("--hard-comment-weight", type=float, default=1.0,
                    help="weight of the comment lines the first pass (decoded stage 2) reads as body")
    ap.add_argument("--tree-seed", type=int, default=None,
                    help="random state of stage 3's trees (early-stopping split); default --seed, as in training")
    ap.add_argument("--max-iter", type=int, default=300)
    ap.add_argument("--fixed-iter", type=int, default=None, help="exactly N boosting iterations, no early stop")
    ap.add_argument("--val-fraction", type=float, default=0.1)
    ap.add_argument("--leaves", type=int, default=31)
    ap.add_argument("--l2", type=float, default=0.0, help="L2 penalty on the leaf values (l2_regularization)")
    ap.add_argument("--min-leaf", type=int, default=20, help="fewest lines in a leaf (min_samples_leaf)")
    ap.add_argument("--eval", action="store_true", help="score on the dev pages (dev dumps only)")
    ap.add_argument("--out", type=Path, default=None, help="write the model with this stage 3 here")
    args = ap.parse_args(argv)
    t0 = time.time()
    args.cache.mkdir(parents=True, exist_ok=True)
    with np.load(args.dump, allow_pickle=False) as z:
        oof2, lengths, y, digest = z["oof2"], z["lengths"], z["y"], str(z["digest"])
    pages = training_pages(args.data, args.dev, args.limit, args.pages, args.seed, args.real_dumps)
    if pages_digest(pages) != digest:
        ap.error("these options do not rebuild the pages of that dump")
    inputs_path = args.cache / f"train_inputs_{digest[:16]}.pkl"
    if inputs_path.exists():
        with inputs_path.open("rb") as fh:
            inputs = pickle.load(fh)
    else:
        inputs = page_inputs(pages, args.embed_cache)
        with inputs_path.open("wb") as fh:
            pickle.dump(inputs, fh)
    print(f"training inputs ({time.time() - t0:.0f}s)", flush=True)
    model = load_line_model(args.base)
    p2s = np.split(oof2, np.cumsum(lengths)[:-1])
    x = np.vstack(stage3_inputs(model, inputs, p2s, args.opening, args.thread))
    print(f"stage-3 features {x.shape} ({time.time() - t0:.0f}s)", flush=True)
    tree_seed = args.seed if args.tree_seed is None else args.tree_seed
    weight = None
    if args.hard_comment_weight != 1.0:
        first = np.concatenate([model.decode(p2) for p2 in p2s])
        hard = (y == CLASSES.index("comment")) & (first == CLASSES.index("body"))
        weight = np.where(hard, args.hard_comment_weight, 1.0)
        print(f"  {int(hard.sum())} comment lines read as body in the first pass, weight {args.hard_comment_weight}")
    clf = fit_stage3(x, y, tree_seed, args.max_iter, args.fixed_iter, args.val_fraction, args.leaves, args.l2,
                     args.min_leaf, weight)
    trees3 = from_sklearn(clf, len(CLASSES))
    print(f"fitted ({time.time() - t0:.0f}s)", flush=True)
    info = {"opening": args.opening, "thread": args.thread, "hard_comment_weight": args.hard_comment_weight,
            "tree_seed": tree_seed, "iterations": int(clf.n_iter_), "fixed_iter": args.fixed_iter,
            "val_fraction": args.val_fraction, "leaves": args.leaves, "l2": args.l2, "min_leaf": args.min_leaf,
            **leaf_stats(trees3)}
    if args.eval:
        report = score(model, eval_pages(model, args.data, args.cache), trees3, args.opening, args.thread,
                       load_line_model(MODEL_DIR).ranker)
        print(json.dumps({**info, **report}), flush=True)
    if args.out is not None:
        write_model(args.base, args.out, trees3, x, args.opening, info, args.thread)
        print(f"wrote {args.out} ({time.time() - t0:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
