"""Session 28 lab: a "same text?" model on consecutive lines' sentence embeddings, as boundary-ranker features.

    python training/anatomy_pairs_s28.py fit --data D --emb-cache NPZ [--fold 4] --out PAIR.npz
    python training/anatomy_pairs_s28.py augment --data D --pair PAIR.npz --emb-cache NPZ [NPZ ...] \
        --pkl IN.pkl [IN.pkl ...] --out-dir DIR

Why: the comment F1 lost on the dev fifth is where the thread starts (docs/results/text_anatomy.md, session 28
diagnosis); a thread is many writers, an article one. Raw cosines of neighbouring lines are already ranker
features; here a logistic model learns, from pairs of consecutive lines of synthetic training pages, whether two
lines belong to the same text (body -> body) or not (body -> comment, comment -> comment), from the element-wise
product and absolute difference of their embeddings.

``fit``: training pages are the generator's (seed 13, as ``train_line_model.py``) over the train half *without*
fifth ``--fold`` (the dev fifth 4 by default), so the pair model never sees the dev pages' sources;
embeddings come from ``--emb-cache`` (the ``--embed-cache`` file of the dev line model's training run).

``augment``: appends the pair columns (``boundary.pair_candidate_features``) to the candidate features of
``boundary_lab.py score`` pickles: the output pickle's ``x`` is today's columns then the pair columns, so
``boundary_lab.py eval --kinds C,T`` compares today's ranker (C) with today's + pair (T). The held-out half is
never read.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, load_pieces, make_pages, split_names

from storytrace.anatomy.boundary import FEATURE_NAMES, PairModel, pair_candidate_features
from storytrace.anatomy.text import EMBED_CHARS


def _table(paths: list[Path]) -> dict[str, np.ndarray]:
    table: dict[str, np.ndarray] = {}
    for path in paths:
        with np.load(path, allow_pickle=False) as z:
            table.update(zip(z["texts"].tolist(), z["vectors"], strict=True))
    return table


def _vec(table: dict, line: str) -> np.ndarray | None:
    v = table.get(line)
    return table.get(line[:EMBED_CHARS]) if v is None else v


def training_pairs(pages: list, table: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Consecutive (body|comment, body|comment) line pairs: (left, right, same-text label)."""
    left, right, same = [], [], []
    for lines, labels, _ in pages:
        for i in range(1, len(lines)):
            a, b = labels[i - 1], labels[i]
            if a not in ("body", "comment") or b not in ("body", "comment") or (a, b) == ("comment", "body"):
                continue
            va, vb = _vec(table, lines[i - 1]), _vec(table, lines[i])
            if va is None or vb is None:
                continue
            left.append(va)
            right.append(vb)
            same.append(a == b == "body")
    return np.vstack(left), np.vstack(right), np.asarray(same, dtype=np.int64)


def fit(args: argparse.Namespace) -> None:
    from sklearn.linear_model import LogisticRegression

    pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], args.fold)[0])
    pages = make_pages(pieces, args.pages, 13, own_refs=0.5, title_ends=0.3)
    left, right, same = training_pairs(pages, _table(args.emb_cache))
    feats = PairModel.features(left, right)
    clf = LogisticRegression(C=args.c, max_iter=2000).fit(feats, same)
    model = PairModel(clf.coef_[0].astype(np.float64), float(clf.intercept_[0]))
    np.savez(args.out, **model.to_arrays())
    acc = float(((model.log_odds(left, right) > 0) == same).mean())
    print(f"{len(same)} pairs ({same.mean():.3f} same text), training accuracy {acc:.4f} -> {args.out}")


def augment(args: argparse.Namespace) -> None:
    with np.load(args.pair, allow_pickle=False) as z:
        model = PairModel.from_arrays(dict(z))
    table = _table(args.emb_cache)
    n_base = len(FEATURE_NAMES)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path in args.pkl:
        with open(path, "rb") as fh:
            t = pickle.load(fh)
        meta = t["meta"]
        pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], meta["fold"])[1])
        built = make_pages(pieces, meta["pages"], meta["seed"])
        for p, (lines, labels, _) in zip(t["pages"], built, strict=True):
            assert labels == p["labels"], "rebuilt page differs from the pickle's"
            emb = np.vstack([_vec(table, ln) for ln in lines])
            cols = pair_candidate_features(model.consecutive(emb))
            p["x"] = np.hstack([p["x"][:, :n_base], cols])
        out = args.out_dir / Path(path).name
        with open(out, "wb") as fh:
            pickle.dump(t, fh)
        print(f"{len(t['pages'])} pages -> {out}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit")
    f.add_argument("--data", type=Path, required=True)
    f.add_argument("--emb-cache", type=Path, nargs="+", required=True)
    f.add_argument("--fold", type=int, default=4)
    f.add_argument("--pages", type=int, default=3000)
    f.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the pair logit")
    f.add_argument("--out", type=Path, required=True)
    a = sub.add_parser("augment")
    a.add_argument("--data", type=Path, required=True)
    a.add_argument("--pair", type=Path, required=True)
    a.add_argument("--emb-cache", type=Path, nargs="+", required=True)
    a.add_argument("--pkl", nargs="+", required=True)
    a.add_argument("--out-dir", type=Path, required=True)
    args = ap.parse_args(argv)
    fit(args) if args.cmd == "fit" else augment(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
