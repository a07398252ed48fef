"""Session 28 lab, candidate H: decide *whether* a page has a comment section apart from *where* it starts.

    python training/anatomy_exist_s28.py --train31 PKL --train PKL [PKL ...] --test PKL [PKL ...] [--cv 5] \
        [--shipped DIR] [--json OUT]

The boundary ranker's softmax puts "no section" (b = n) among the starts, so one number decides both questions;
on the dev fifth the ranker's best *real* start is the gold one on most pages whose section it misses
(``anatomy_diag_s28.py``). H: the ranker (today's features, conditional logit) picks the best real start b*;
a page-level logistic model, fitted with sample weight n - b* (the lines at stake), reads b*'s candidate
features (every column the pickles hold, plus the whole-block group) and two score margins and says whether
the section exists. Pickles: ``boundary_lab.py score`` output (``x`` = today's columns first, ``xb``).

CV (``--cv K``) over source groups of the ``--test`` pages: per group, the ranker is fitted on the other groups'
``--train31`` pages and H on their ``--train`` pages (never the ranker's own), against C = today's ranker fitted
on all the other groups' training pages. ``--shipped DIR``: also v5.4's ranker with and without an H fitted on
all ``--train`` pages. The held-out half is never read.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from boundary_lab import _decode, _section_counts
from line_data import line_f1

from storytrace.anatomy.boundary import FEATURE_NAMES, BoundaryRanker
from storytrace.anatomy.text import load_line_model

CLASSES = ("body", "comment", "boilerplate", "headline")


def _pages(paths: list[str]) -> list[dict]:
    out = []
    for path in paths:
        with open(path, "rb") as fh:
            out += pickle.load(fh)["pages"]
    return out


def hurdle_row(scores: np.ndarray, page: dict) -> tuple[int, np.ndarray]:
    """(b*'s row, H's input features) for one page from its ranker scores."""
    real = scores[:-1]
    best = int(np.argmax(real)) if real.size else len(scores) - 1
    second = np.partition(real, -2)[-2] if real.size > 1 else real[best] - 10.0 if real.size else 0.0
    feats = np.concatenate([page["x"][best], page["xb"][best],
                            [scores[best] - scores[-1], scores[best] - second, np.log1p(len(scores) - 1 - best)]])
    return best, feats


class Hurdle:
    def __init__(self, ranker, pages: list[dict], c: float = 0.1):
        from sklearn.linear_model import LogisticRegression

        self.ranker = ranker
        rows = [hurdle_row(ranker(p), p) for p in pages]
        x = np.vstack([f for _, f in rows])
        y = np.array([p["gold_row"] < len(p["labels"]) - 1 for p in pages], dtype=np.int64)
        w = np.array([len(p["labels"]) - 1 - b for p, (b, _) in zip(pages, rows, strict=True)], dtype=np.float64)
        self.mean, self.scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        self.clf = LogisticRegression(C=c, max_iter=3000).fit((x - self.mean) / self.scale, y, sample_weight=w)

    def choose(self, page: dict) -> int:
        best, feats = hurdle_row(self.ranker(page), page)
        keep = self.clf.predict_proba(((feats - self.mean) / self.scale)[None, :])[0, 1] >= 0.5
        return best if keep else len(page["labels"]) - 1


def _logit(pages: list[dict], n_base: int):
    usable = [p for p in pages if p["gold_row"] >= 0]
    r = BoundaryRanker.fit([p["x"][:, :n_base] for p in usable], [p["gold_row"] for p in usable])
    return lambda p: r.scores(p["x"][:, :n_base])


def evaluate(args: argparse.Namespace) -> dict:
    n_base = len(FEATURE_NAMES)
    train31, train = _pages(args.train31), _pages(args.train)
    shipped = load_line_model(args.shipped) if args.shipped else None
    report = {}
    for path in args.test:
        with open(path, "rb") as fh:
            t = pickle.load(fh)
        pages, dec = t["pages"], load_line_model(t["meta"]["model"])
        chosen = {"C": [0] * len(pages), "H": [0] * len(pages), "C31": [0] * len(pages)}
        b0 = None
        if shipped is not None:
            def b0(p: dict) -> np.ndarray:
                return shipped.ranker.scores(p["x"][:, :n_base])
            chosen["B0+H_cv"] = [0] * len(pages)
        names = sorted({p["source"] for p in pages})
        order = np.random.default_rng(0).permutation(len(names))
        fold_of = {names[j]: i % args.cv for i, j in enumerate(order)}
        for k in range(args.cv):
            tr31 = [p for p in train31 if fold_of.get(p["source"], -1) != k]
            tr = [p for p in train if fold_of.get(p["source"], -1) != k]
            c_all, c31 = _logit(tr31 + tr, n_base), _logit(tr31, n_base)
            h = Hurdle(c31, tr, args.c)
            hb_k = Hurdle(b0, tr, args.c) if b0 is not None else None
            for i, p in enumerate(pages):
                if fold_of[p["source"]] == k:
                    chosen["C"][i] = int(np.argmax(c_all(p)))
                    chosen["C31"][i] = int(np.argmax(c31(p)))
                    chosen["H"][i] = h.choose(p)
                    if hb_k is not None:  # H over v5.4's ranker, fitted on other sources only
                        chosen["B0+H_cv"][i] = hb_k.choose(p)
        if b0 is not None:
            hb = Hurdle(b0, train, args.c)
            chosen["B0"] = [int(np.argmax(b0(p))) for p in pages]
            chosen["B0+H"] = [hb.choose(p) for p in pages]
        gold = [lab for p in pages for lab in p["labels"]]
        res = {}
        for kind, rows in chosen.items():
            pred = [lab for p, row in zip(pages, rows, strict=True) for lab in _decode(dec, p, row)]
            res[kind] = {**{c: round(v, 4) for c, v in line_f1(gold, pred, CLASSES).items()},
                         **_section_counts(pages, rows)}
        report[str(path)] = res
        print(path, json.dumps(res), flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train31", nargs="+", required=True, help="pages the ranker is fitted on")
    ap.add_argument("--train", nargs="+", required=True, help="pages H is fitted on")
    ap.add_argument("--test", nargs="+", required=True)
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 strength of H's logistic model")
    ap.add_argument("--shipped", type=Path, default=None)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    report = evaluate(args)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
