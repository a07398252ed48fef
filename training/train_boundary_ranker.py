"""Train the comment-section boundary ranker of the plain-text line model and add it to a model directory.

    .venv/bin/python training/train_boundary_ranker.py --data /work/shared/data --dev-model DIR [--model DIR]
    .venv/bin/python training/train_boundary_ranker.py --data /work/shared/data --dev-model DIR --cv 5

The ranker (``storytrace.anatomy.boundary``) learns from the line model's probabilities, so it must see pages
the line model never saw: ``--dev-model`` is a line model trained with ``train_line_model.py --dev`` (without
the dev fifth of the Dragnet train half), and the ranker learns on synthetic pages built from that dev fifth.
The fitted ranker is then added to the model in ``--model`` (default: the shipped one), which was trained on
the whole train half; the held-out half is never read.

``--cv K`` fits nothing to keep: it reports body and comment line F1 on the dev pages of
``benchmarks/bench_text_anatomy.py --split dev`` (seed 2024), with the plain decoding and with a ranker
cross-validated over K groups of source pages (pages built from one source stay in one group).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, load_pieces, make_pages, split_names

from storytrace.anatomy.boundary import BoundaryRanker, decode_with_boundary
from storytrace.anatomy.text import MODEL_DIR, LineModel, load_line_model


def score_pages(model: LineModel, pages: list[tuple[list[str], list[str], list[bool]]]) -> list[dict]:
    """Each page's candidate features, gold boundary row and what the decoders need."""
    scored = []
    for lines, labels, blank in pages:
        before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
        after = before[1:] + [False]
        out = model.stage_probs(lines, before, after)
        first_comment = next((i for i, lab in enumerate(labels) if lab == "comment"), len(lines))
        scored.append({"labels": labels, "p3": out["p3"], "gold_row": first_comment - 1,
                       "x": model.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"])})
    return scored


def fit_ranker(scored: list[dict], l2: float) -> BoundaryRanker:
    usable = [s for s in scored if s["gold_row"] >= 0]  # a page cannot start with its comment section
    return BoundaryRanker.fit([s["x"] for s in usable], [s["gold_row"] for s in usable], l2=l2)


def _f1(gold: list[str], pred: list[str], cls: str) -> float:
    tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
    fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
    fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
    return 2 * tp / max(2 * tp + fp + fn, 1)


def cross_validate(model: LineModel, scored: list[dict], sources: list[str], folds: int, l2: float) -> dict:
    names = sorted(set(sources))
    order = np.random.default_rng(0).permutation(len(names))
    fold_of = {names[j]: i % folds for i, j in enumerate(order)}
    plain, ranked, gold = [], [], []
    right = 0
    for fold in range(folds):
        train = [s for s, src in zip(scored, sources, strict=True) if fold_of[src] != fold]
        ranker = fit_ranker(train, l2)
        for s, src in zip(scored, sources, strict=True):
            if fold_of[src] != fold:
                continue
            emit = model.emissions(s["p3"], model.final_bias)
            row = ranker.choose(s["x"])
            right += row == s["gold_row"]
            ranked += [model.classes[j] for j in decode_with_boundary(emit, model.log_start, model.log_trans,
                                                                      row + 1)]
            plain += [model.classes[j] for j in model.decode(s["p3"], model.final_bias)]
            gold += s["labels"]
    return {"pages": len(scored), "boundary_right": int(right),
            **{f"{name}_{cls}_f1": round(_f1(gold, pred, cls), 4)
               for name, pred in (("plain", plain), ("ranked", ranked)) for cls in ("body", "comment")}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="path to the shared data folder")
    ap.add_argument("--dev-model", type=Path, required=True, help="line model trained with --dev")
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="model directory to add the ranker to")
    ap.add_argument("--pages", type=int, default=1000, help="synthetic pages from the dev fifth")
    ap.add_argument("--seed", type=int, default=31, help="synthesis seed (the dev benchmark uses 2024)")
    ap.add_argument("--l2", type=float, default=0.03, help="L2 penalty (chosen by --cv on the dev pages)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N dev source pages")
    ap.add_argument("--cv", type=int, default=0, help="report K-fold cross-validation instead of training")
    args = ap.parse_args(argv)
    dev_model = load_line_model(args.dev_model)
    if not dev_model.embed_dim:
        ap.error("the boundary ranker needs a line model with embeddings (format 5)")
    names = dev_split(split_names(args.data)[0])[1]
    pieces = load_pieces(args.data, names, args.limit)
    sources: list[str] = []
    if args.cv:
        pages = make_pages(pieces, 600, 2024, sources=sources)
        print(json.dumps(cross_validate(dev_model, score_pages(dev_model, pages), sources, args.cv, args.l2)))
        return 0
    ranker = fit_ranker(score_pages(dev_model, make_pages(pieces, args.pages, args.seed)), args.l2)
    attach(args.model, ranker, {"pages": args.pages, "seed": args.seed, "l2": args.l2,
                                "dev_model_data": dev_model.meta.get("data", {}).get("source_names_sha256")})
    print(f"boundary ranker added to {args.model}")
    return 0


def attach(model_dir: Path, ranker: BoundaryRanker, info: dict) -> None:
    """Write the ranker's arrays into ``model_dir``'s npz and describe it in its JSON."""
    npz, meta_path = model_dir / "line_model.npz", model_dir / "line_model.json"
    with np.load(npz, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("rank_")}
    arrays.update(ranker.to_arrays())
    np.savez_compressed(npz, **arrays)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["boundary_ranker"] = info
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
