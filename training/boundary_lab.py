"""Compare boundary-ranker feature sets on fixed pages: today's features against today's plus the thread group.

    .venv/bin/python training/boundary_lab.py score --data D --model DIR --fold F --pages N --seed S --out PKL
    .venv/bin/python training/boundary_lab.py eval --train PKL [PKL ...] --test PKL [PKL ...] [--cv K]

``score``: synthetic pages built from fifth ``F`` of the train half (``line_data.dev_split``), read by a line
model that never saw that fifth (``train_line_model.py --dev`` for fifth 4, ``--leave-out F`` otherwise); each
page's candidate features are stored twice -- today's (``boundary.candidate_features``) and with the thread
group (``boundary.thread_candidate_features``) -- with its stage-3 emissions for decoding. The held-out half
is never read.

``eval``: fits a ranker with each feature set on the ``--train`` pages (L2 ``--l2``, as
``train_boundary_ranker.py``) and reports line F1 of body and comment on each ``--test`` file, decoded as the
line model decodes a page (``decode_with_boundary`` at the chosen start, ``need_body``); also the plain decoding
and, with ``--shipped DIR``, that model's ranker (today's features). ``--cv K`` instead cross-validates on the
``--test`` pages over K groups of source pages (same groups for both feature sets); with ``--train``, each
group's ranker is fitted on the ``--train`` pages built from the other groups' sources.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, load_pieces, make_pages, split_names

from storytrace.anatomy.boundary import BoundaryRanker, decode_with_boundary
from storytrace.anatomy.text import load_line_model

LABELS = ("body", "comment")


def _load(path: str | Path) -> dict:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def score(args: argparse.Namespace) -> None:
    model = load_line_model(args.model)
    pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], args.fold)[1])
    sources: list[str] = []
    pages = make_pages(pieces, args.pages, args.seed, sources=sources)
    out = []
    for (lines, labels, blank), src in zip(pages, sources, strict=True):
        before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
        probs = model.stage_probs(lines, before, before[1:] + [False])
        model.ranker_thread = True
        x_all = model.boundary_candidates(probs["p1"], probs["p3"], probs["emb"], probs["dense"], probs["grams"])
        model.ranker_thread = False
        first_comment = next((i for i, lab in enumerate(labels) if lab == "comment"), len(lines))
        out.append({"labels": labels, "source": src, "gold_row": first_comment - 1,
                    "emit": model.emissions(probs["p3"], model.final_bias).astype(np.float32),
                    "x": x_all.astype(np.float64)})
    meta = {"model": str(args.model), "fold": args.fold, "pages": args.pages, "seed": args.seed}
    with open(args.out, "wb") as fh:
        pickle.dump({"meta": meta, "pages": out}, fh)
    print(f"{len(out)} pages scored -> {args.out}")


def _cols(x: np.ndarray, thread: bool, n_base: int) -> np.ndarray:
    return x if thread else x[:, :n_base]


def _fit(pages: list[dict], thread: bool, n_base: int, l2: float) -> BoundaryRanker:
    usable = [p for p in pages if p["gold_row"] >= 0]
    return BoundaryRanker.fit([_cols(p["x"], thread, n_base) for p in usable], [p["gold_row"] for p in usable], l2=l2)


def _f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    res = {}
    for c in LABELS:
        tp = sum(g == c == p for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c == p for g, p in zip(gold, pred, strict=True))
        fn = sum(p != c == g for g, p in zip(gold, pred, strict=True))
        res[c] = round(2 * tp / max(1, 2 * tp + fp + fn), 4)
    return res


def _decode(model, page: dict, row: int) -> list[str]:
    return [model.classes[j] for j in decode_with_boundary(page["emit"].astype(np.float64), model.log_start,
                                                           model.log_trans, row + 1, need_body=True)]


def evaluate(args: argparse.Namespace) -> None:
    from storytrace.anatomy.boundary import FEATURE_NAMES

    n_base = len(FEATURE_NAMES)
    tests = {str(p): _load(p) for p in args.test}
    model = load_line_model(args.shipped) if args.shipped else None
    report = {}
    if args.cv:
        for name, t in tests.items():
            pages = t["pages"]
            dec = load_line_model(t["meta"]["model"])
            names = sorted({p["source"] for p in pages})
            order = np.random.default_rng(0).permutation(len(names))
            fold_of = {names[j]: i % args.cv for i, j in enumerate(order)}
            preds = {"C": [], "T": []}
            gold = []
            extra = [p for f in args.train for p in _load(f)["pages"]]
            for k in range(args.cv):
                # with --train: those pages of the other groups' sources train the ranker instead
                tr = [p for p in (extra or pages) if fold_of.get(p["source"], -1) not in (k, -1)]
                te = [p for p in pages if fold_of[p["source"]] == k]
                for tag, thread in (("C", False), ("T", True)):
                    r = _fit(tr, thread, n_base, args.l2)
                    for p in te:
                        preds[tag] += _decode(dec, p, r.choose(_cols(p["x"], thread, n_base)))
                gold += [lab for p in te for lab in p["labels"]]
            report[name] = {tag: _f1(gold, pr) for tag, pr in preds.items()}
        print(json.dumps(report, indent=1))
        return
    train = [p for f in args.train for p in _load(f)["pages"]]
    rankers = {"C": _fit(train, False, n_base, args.l2), "T": _fit(train, True, n_base, args.l2)}
    for name, t in tests.items():
        dec = load_line_model(t["meta"]["model"])
        gold = [lab for p in t["pages"] for lab in p["labels"]]
        res = {}
        for tag, thread in (("C", False), ("T", True)):
            pred = [lab for p in t["pages"]
                    for lab in _decode(dec, p, rankers[tag].choose(_cols(p["x"], thread, n_base)))]
            res[tag] = _f1(gold, pred)
            res[tag]["boundary_right"] = sum(rankers[tag].choose(_cols(p["x"], thread, n_base)) == p["gold_row"]
                                             for p in t["pages"])
        if model is not None and model.ranker is not None:
            pred = [lab for p in t["pages"] for lab in _decode(dec, p, model.ranker.choose(p["x"][:, :n_base]))]
            res["shipped_ranker"] = _f1(gold, pred)
        report[name] = res
    print(json.dumps(report, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("--data", type=Path, required=True)
    s.add_argument("--model", type=Path, required=True)
    s.add_argument("--fold", type=int, required=True, choices=range(5))
    s.add_argument("--pages", type=int, default=600)
    s.add_argument("--seed", type=int, default=2024)
    s.add_argument("--out", type=Path, required=True)
    e = sub.add_parser("eval")
    e.add_argument("--train", nargs="*", default=[])
    e.add_argument("--test", nargs="+", required=True)
    e.add_argument("--shipped", type=Path, default=None, help="also decode with this model's ranker")
    e.add_argument("--l2", type=float, default=0.03)
    e.add_argument("--cv", type=int, default=0)
    args = ap.parse_args(argv)
    (score if args.cmd == "score" else evaluate)(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
