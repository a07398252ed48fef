"""Train the comment-section boundary ranker of the plain-text line model and add it to a model directory.

    .venv/bin/python training/train_boundary_ranker.py --data D --dev-model DEV [--cross-fit 0:M0 1:M1 ...] [--model DIR]
    .venv/bin/python training/train_boundary_ranker.py --data D --dev-model DEV [--cross-fit 0:M0 1:M1 ...] --cv 5

The ranker (``storytrace.anatomy.boundary``) learns from the line model's probabilities, so it must see pages
the line model never saw. The train half of Dragnet is cut into fifths (``line_data.dev_split``); fifth 4 is
the dev fifth. ``--dev-model`` is a line model trained with ``train_line_model.py --dev`` (without fifth 4),
and ``--cross-fit`` optionally adds models trained with ``--leave-out 0`` .. ``3``: each model scores
synthetic pages built from the fifth it left out, and the ranker learns from all of them. It is then added
to the model in ``--model`` (default: the shipped one), which was trained on the whole train half; the
held-out half is never read.

``--long-page-lines N --comment-entry-bonus B`` (defaults 80 and 6, the shipped v5.4's; N = 0 turns it off) also
writes the model's decoding of long pages (``long_pages`` in its JSON, see ``storytrace.anatomy.text``): pages of N
or more non-empty lines -- real text dumps, longer than any synthetic page the ranker learns from -- skip the ranker
and get a bonus B for entering the comment section (chosen on the dev fifth's real dumps;
docs/results/text_anatomy.md).

``--stage3-iterations N`` keeps the first N boosting iterations of stage 3 (``TreeEnsemble.first_iterations``, what
early stopping at N keeps) in the dev and cross-fit models before they score the ranker's pages, and in ``--model``'s
arrays, so the ranker learns from the probabilities of the stage 3 it will serve with. Tried in session 16 and not
used: on the dev models 40 of 300 iterations gave the lowest stage-3 log-loss and higher line F1, but the shipped
model cut to 40 scored lower on the held-out set (docs/results/text_anatomy.md); by default nothing is cut.

``--thread`` adds the thread group of candidate features (``boundary.thread_candidate_features``: reader words
and the drift from the article's opening topic after a candidate start; session 20); the model's JSON then lists
it under ``boundary_ranker.features`` and the line model computes it at run time.

``--trees`` fits pointwise boosted trees (``boundary.TreeBoundaryRanker``, arrays ``rank_t_*``) instead of the
conditional logit; ``--block`` (with ``--thread``) adds the thread group read over the whole block after a start;
``--from-lab PKL ...`` fits on pages already scored by ``training/boundary_lab.py score`` (session 21; none of the
three is used by the shipped model, see LINE_MODEL_CARD.md).

``--cv K`` fits nothing to keep: on the dev pages of ``benchmarks/bench_text_anatomy.py --split dev``
(fifth 4, seed 2024) it reports body and comment line F1 with the plain decoding, with a ranker
cross-validated over K groups of source pages (pages built from one source stay in one group), and, with
``--cross-fit``, with a ranker trained on the other fifths' pages only (probabilities from their own models,
as the shipped ranker meets the full model's).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import DEV_FOLD, dev_split, load_pieces, make_dump_pages, make_pages, split_names

from storytrace.anatomy.boundary import BoundaryRanker, TreeBoundaryRanker, decode_with_boundary
from storytrace.anatomy.text import MODEL_DIR, LineModel, load_line_model
from storytrace.anatomy.trees import TreeEnsemble, sklearn_trees


def score_pages(model: LineModel, pages: list[tuple[list[str], list[str], list[bool]]]) -> list[dict]:
    """Each page's candidate features, gold boundary row and what the decoders need."""
    scored = []
    for lines, labels, blank in pages:
        before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
        after = before[1:] + [False]
        out = model.stage_probs(lines, before, after)
        first_comment = next((i for i, lab in enumerate(labels) if lab == "comment"), len(lines))
        scored.append({"labels": labels, "p3": out["p3"], "gold_row": first_comment - 1,
                       "x": model.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"], out["grams"])})
    return scored


def fit_ranker(scored: list[dict], l2: float, trees: bool = False) -> BoundaryRanker | TreeBoundaryRanker:
    usable = [s for s in scored if s["gold_row"] >= 0]  # a page cannot start with its comment section
    if trees:
        return fit_tree_ranker([s["x"] for s in usable], [s["gold_row"] for s in usable])
    return BoundaryRanker.fit([s["x"] for s in usable], [s["gold_row"] for s in usable], l2=l2)


TREE_PARAMS = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40,
               "l2_regularization": 1.0}  # fixed before measuring (session 21 rule)


def fit_tree_ranker(pages: list[np.ndarray], gold: list[int]) -> TreeBoundaryRanker:
    """Pointwise boosted trees over every candidate of every page (target: is it the page's gold start)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.vstack(pages)
    y = np.concatenate([np.arange(len(p)) == g for p, g in zip(pages, gold, strict=True)]).astype(int)
    clf = HistGradientBoostingClassifier(**TREE_PARAMS, early_stopping=False, random_state=0).fit(x, y)
    return TreeBoundaryRanker(trees=flatten_binary(clf))


def flatten_binary(clf) -> TreeEnsemble:
    """A fitted binary ``HistGradientBoostingClassifier`` as a one-column :class:`TreeEnsemble` (raw score =
    the log-odds of class 1); ``trees.from_sklearn`` takes multiclass ensembles only."""
    nodes, roots, _ = sklearn_trees(clf)
    return TreeEnsemble(**nodes, roots=roots, tree_class=np.zeros(len(roots), dtype=np.int64),
                        baseline=np.ravel(clf._baseline_prediction).astype(np.float64))


def ranked_labels(model: LineModel, ranker: BoundaryRanker, scored: list[dict]) -> tuple[list[str], int]:
    """Every line's label with the boundary ``ranker`` picks, and on how many pages it is the gold one."""
    pred, right = [], 0
    for s in scored:
        row = ranker.choose(s["x"])
        right += row == s["gold_row"]
        emit = model.emissions(s["p3"], model.final_bias)
        pred += [model.classes[j] for j in decode_with_boundary(emit, model.log_start, model.log_trans, row + 1)]
    return pred, right


def _report(name: str, gold: list[str], pred: list[str], right: int | None = None) -> dict:
    scores = f1_score(gold, pred, labels=["body", "comment"], average=None)
    out = {f"{name}_{cls}_f1": round(float(f), 4) for cls, f in zip(("body", "comment"), scores, strict=True)}
    return out if right is None else {**out, f"{name}_boundary_right": int(right)}


def cross_validate(model: LineModel, scored: list[dict], sources: list[str], folds: int, l2: float) -> dict:
    """Plain decoding against a ranker cross-validated over groups of source pages."""
    names = sorted(set(sources))
    order = np.random.default_rng(0).permutation(len(names))
    fold_of = {names[j]: i % folds for i, j in enumerate(order)}
    plain, ranked, gold, right = [], [], [], 0
    for fold in range(folds):
        train = [s for s, src in zip(scored, sources, strict=True) if fold_of[src] != fold]
        test = [s for s, src in zip(scored, sources, strict=True) if fold_of[src] == fold]
        pred, ok = ranked_labels(model, fit_ranker(train, l2), test)
        ranked += pred
        right += ok
        for s in test:
            plain += [model.classes[j] for j in model.decode(s["p3"], model.final_bias)]
            gold += s["labels"]
    return {"pages": len(scored), **_report("plain", gold, plain), **_report("ranked", gold, ranked, right)}


def score_fifth(model: LineModel, data: Path, fold: int, n_pages: int, seed: int, limit: int | None,
                sources: list[str] | None = None, comment_chrome: float = 0.0, real_dumps: int = 0,
                thread_mix: dict[str, float] | None = None) -> list[dict]:
    """Synthetic pages from fifth ``fold`` of the train half, scored by ``model`` (which left it out);
    ``comment_chrome``: share of comment sections shown with their chrome lines (see ``line_data``);
    ``real_dumps``: copies of the fifth's labelled real text dumps (``line_data.make_dump_pages``) added after them;
    ``thread_mix``: make_pages' training-only comment options (direct_comments, short_threads, own_threads)."""
    pieces = load_pieces(data, dev_split(split_names(data)[0], fold)[1], limit)
    mix = {k: v for k, v in (thread_mix or {}).items() if v}
    scored = score_pages(model, make_pages(pieces, n_pages, seed, sources=sources, comment_chrome=comment_chrome,
                                           **mix))
    if real_dumps:
        dump_sources: list[str] = []
        scored += score_pages(model, make_dump_pages(data, pieces, dump_sources)) * real_dumps
        if sources is not None:
            sources += dump_sources * real_dumps
    return scored


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="path to the shared data folder")
    ap.add_argument("--dev-model", type=Path, required=True, help="line model trained with --dev")
    ap.add_argument("--cross-fit", nargs="+", default=[], metavar="FOLD:DIR",
                    help="line models trained with --leave-out FOLD (0-3), e.g. 0:/tmp/lm_fold0")
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="model directory to add the ranker to")
    ap.add_argument("--pages", type=int, default=1000, help="synthetic pages per left-out fifth")
    ap.add_argument("--seed", type=int, default=31, help="synthesis seed (the dev benchmark uses 2024)")
    ap.add_argument("--l2", type=float, default=0.03, help="L2 penalty (chosen by --cv on the dev pages)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N source pages of each fifth")
    ap.add_argument("--comment-chrome", type=float, default=0.0,
                    help="share of the ranker's training pages whose comment sections keep their chrome lines")
    ap.add_argument("--direct-comments", type=float, default=0.0,
                    help="share of the ranker's synthetic pages whose thread follows the body directly")
    ap.add_argument("--short-threads", type=float, default=0.0, help="share of threads cut to 1-3 comments")
    ap.add_argument("--own-threads", type=float, default=0.0,
                    help="share of pages built from a source with its own thread (see line_data.make_pages)")
    ap.add_argument("--real-dumps", type=int, default=0, metavar="W",
                    help="also train on each fifth's labelled real text dumps, each W times (0: synthetic pages only)")
    # defaults: the shipped model's (v5.4); retraining the ranker keeps them unless asked otherwise
    ap.add_argument("--long-page-lines", type=int, default=80, metavar="N",
                    help="pages of N or more non-empty lines skip the ranker (default 80; 0: every page uses it)")
    ap.add_argument("--comment-entry-bonus", type=float, default=6.0, metavar="B",
                    help="log-probability bonus for entering the comment section on long pages (default 6)")
    ap.add_argument("--stage3-iterations", type=int, default=None, metavar="N",
                    help="keep only the first N boosting iterations of stage 3, in the models that score the "
                         "ranker's pages and in --model's arrays (default: keep them all)")
    ap.add_argument("--thread", action="store_true",
                    help="the ranker also reads boundary.thread_candidate_features (reader words, topic drift "
                         "from the article's opening; session 20); the model's JSON records it")
    ap.add_argument("--trees", action="store_true",
                    help="fit pointwise boosted trees (boundary.TreeBoundaryRanker) instead of the conditional logit")
    ap.add_argument("--block", action="store_true",
                    help="with --thread and --from-lab: also the thread group read over the whole block after a "
                         "start (boundary.thread_candidate_features(window=None); session 21)")
    ap.add_argument("--from-lab", nargs="+", default=[], metavar="PKL",
                    help="fit on pages already scored by training/boundary_lab.py score (each read by a line model "
                         "that left its fifth out) instead of scoring --pages pages here")
    ap.add_argument("--cv", type=int, default=0, help="report K-fold cross-validation instead of training")
    args = ap.parse_args(argv)
    if args.block and not (args.thread and args.from_lab):
        ap.error("--block needs --thread and --from-lab")
    if args.from_lab:
        return attach_from_lab(args)
    models = {DEV_FOLD: load_line_model(args.dev_model)}
    for item in args.cross_fit:
        fold, _, path = item.partition(":")
        if fold not in {"0", "1", "2", "3"} or not path:
            ap.error(f"--cross-fit wants FOLD:DIR with FOLD 0-3, not {item!r}")
        models[int(fold)] = load_line_model(Path(path))
    if args.stage3_iterations is not None:
        for model in models.values():
            if model.trees3 is None:
                ap.error("--stage3-iterations needs line models whose stage 3 is boosted trees")
            model.trees3 = model.trees3.first_iterations(args.stage3_iterations)
    for model in models.values():
        model.ranker_thread = args.thread
    if not all(m.embed_dim for m in models.values()):
        ap.error("the boundary ranker needs line models with embeddings (format 5)")
    if args.cv:
        sources: list[str] = []
        dev = score_fifth(models[DEV_FOLD], args.data, DEV_FOLD, 600, 2024, args.limit, sources)
        report = cross_validate(models[DEV_FOLD], dev, sources, args.cv, args.l2)
        if args.cross_fit:
            others = [s for fold, m in models.items() if fold != DEV_FOLD
                      for s in score_fifth(m, args.data, fold, args.pages, args.seed, args.limit)]
            pred, right = ranked_labels(models[DEV_FOLD], fit_ranker(others, args.l2), dev)
            report.update(_report("cross_fit", [lab for s in dev for lab in s["labels"]], pred, right))
        print(json.dumps(report))
        return 0
    mix = {k: v for k, v in {"direct_comments": args.direct_comments, "short_threads": args.short_threads,
                             "own_threads": args.own_threads}.items() if v}
    scored = [s for fold, m in models.items()
              for s in score_fifth(m, args.data, fold, args.pages, args.seed, args.limit,
                                   comment_chrome=args.comment_chrome, real_dumps=args.real_dumps, thread_mix=mix)]
    attach(args.model, fit_ranker(scored, args.l2, args.trees),
           {"pages": len(scored), "pages_per_fifth": args.pages, "fifths": sorted(models), "seed": args.seed,
            "l2": args.l2, **({"features": ["thread"]} if args.thread else {}),
            **({"kind": "trees", "tree_params": TREE_PARAMS} if args.trees else {}),
            **({"comment_chrome_share": args.comment_chrome} if args.comment_chrome else {}),
            **({"thread_mix": mix} if mix else {}),
            **({"real_dump_copies": args.real_dumps} if args.real_dumps else {})},
           long_pages=None if not args.long_page_lines else
           {"min_lines": args.long_page_lines, "comment_entry_bonus": args.comment_entry_bonus},
           stage3_iterations=args.stage3_iterations)
    print(f"boundary ranker ({len(scored)} pages) added to {args.model}")
    return 0


def attach_from_lab(args: argparse.Namespace) -> int:
    """Fit the ranker on ``boundary_lab.py score`` pickles (their features hold today's group and the thread
    group) and attach it to ``--model`` with the long-page settings."""
    import pickle

    from storytrace.anatomy.boundary import FEATURE_NAMES

    scored, made = [], []
    for path in args.from_lab:
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
        made.append(stored["meta"])
        cols = None if args.thread else len(FEATURE_NAMES)
        scored += [{**page, "x": np.hstack([page["x"], page["xb"]]) if args.block else page["x"][:, :cols]}
                   for page in stored["pages"]]
    attach(args.model, fit_ranker(scored, args.l2, args.trees),
           {"pages": len(scored), "scored_by": [{"fold": m["fold"], "seed": m["seed"], "pages": m["pages"]}
                                                 for m in made],
            "l2": args.l2, **({"features": ["thread", "block"] if args.block else ["thread"]} if args.thread else {}),
            **({"kind": "trees", "tree_params": TREE_PARAMS} if args.trees else {})},
           long_pages=None if not args.long_page_lines else
           {"min_lines": args.long_page_lines, "comment_entry_bonus": args.comment_entry_bonus})
    print(f"boundary ranker ({len(scored)} pages from {len(made)} lab files) added to {args.model}")
    return 0


def attach(model_dir: Path, ranker: BoundaryRanker, info: dict, long_pages: dict | None = None,
           stage3_iterations: int | None = None) -> None:
    """Write the ranker's arrays into ``model_dir``'s npz and describe it in its JSON; ``long_pages``: the
    decoding of pages too long for the ranker (``LongPageDecoding``'s fields; None: every page uses the ranker);
    ``stage3_iterations``: keep only that many of stage 3's boosting iterations (recorded under ``tree_stop``)."""
    npz, meta_path = model_dir / "line_model.npz", model_dir / "line_model.json"
    with np.load(npz, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("rank_")}
    arrays.update(ranker.to_arrays())
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if stage3_iterations is not None:
        trees3 = TreeEnsemble.from_arrays(arrays, "t3_")
        arrays.update(trees3.first_iterations(stage3_iterations).to_arrays("t3_"))
        stop = meta.setdefault("tree_stop", {})
        stop["stage3_fitted"] = stop.get("stage3_fitted", trees3.n_iterations)
        stop["stage3_kept"] = stage3_iterations
    np.savez_compressed(npz, **arrays)
    meta["boundary_ranker"] = info
    meta.pop("long_pages", None)
    if long_pages is not None:
        meta["long_pages"] = long_pages
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
