"""Where the plain-text line model loses comment lines: an error breakdown on synthetic pages of one fifth.

    .venv/bin/python training/text_anatomy_errors.py --data D --model DIR --fold F [--ranker-from DIR] [--pages N] [--seed S]

``--model`` is a line model that never saw fifth ``F`` of the train half (``train_line_model.py --dev`` for
fifth 4, ``--leave-out F`` for 0-3); it scores ``--pages`` synthetic pages built from that fifth, and the pages
are decoded as the shipped model decodes them, with the boundary ranker of ``--ranker-from`` (default: the
shipped model's, which was fitted on the dev model's fifth-4 pages). The held-out half is never read.

Printed: body and comment line F1; pages by where the predicted comment section starts against the gold one
(exact, late, early, whole section missed, a section on a page without comments); lost comment lines by page
kind, by position in the section and by length; pages by the boilerplate gap between the article and the
comments and by whose thread the comments are (the page's own or another page's, as the generator draws them);
for late or missed pages, the gold start's rank under the ranker and the stage-3 comment probability of the
gold comment lines; and how many sources the lost lines come from. Results: docs/results/text_anatomy.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, load_pieces, make_pages, split_names

from storytrace.anatomy.text import MODEL_DIR, LineModel, load_line_model

LATE_KINDS = ("whole section missed", "late start")


def start_kind(gold: list[str], pred: list[str]) -> str:
    """Where the predicted comment section starts against the gold one."""
    n = len(gold)
    gold_start = next((i for i, lab in enumerate(gold) if lab == "comment"), n)
    pred_start = next((i for i, lab in enumerate(pred) if lab == "comment"), n)
    if gold_start == n:
        return "no comments, none predicted" if pred_start == n else "no comments, section predicted"
    if pred_start == n:
        return "whole section missed"
    return "late start" if pred_start > gold_start else "early start" if pred_start < gold_start else "exact start"


def _bucket(value: float, edges: tuple[float, ...], names: tuple[str, ...]) -> str:
    return names[int(np.searchsorted(edges, value, side="right"))]


def page_errors(model: LineModel, lines: list[str], labels: list[str], blank: list[bool],
                own_comments: set[str]) -> dict:
    """One page's decoding and what the breakdown counts of it."""
    before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
    out = model.stage_probs(lines, before, before[1:] + [False])
    pred = [model.classes[j] for j in model.decode_page(out)]
    kind = start_kind(labels, pred)
    comments = [i for i, lab in enumerate(labels) if lab == "comment"]
    info = {"pred": pred, "kind": kind, "lost": [i for i in comments if pred[i] != "comment"],
            "false": sum(p == "comment" != g for g, p in zip(labels, pred, strict=True))}
    if not comments:
        return info
    start = comments[0]
    last_body = max((i for i, lab in enumerate(labels[:start]) if lab == "body"), default=-1)
    info["gap"] = _bucket(start - last_body - 1, (0.5, 2.5), ("0", "1-2", "3+"))
    info["thread"] = "own thread" if lines[start].lower() in own_comments else "another page's thread"
    info["positions"] = [_bucket(comments.index(i), (0.5, 2.5), ("first", "2-3", "4+")) for i in info["lost"]]
    info["words"] = [(_bucket(len(lines[i].split()), (5.5, 20.5, 60.5), ("1-5", "6-20", "21-60", "61+")),
                      i in info["lost"]) for i in comments]
    if kind in LATE_KINDS and model.ranker is not None:
        scores = model.ranker.scores(model.boundary_candidates(out["p1"], out["p3"], out["emb"], out["dense"],
                                                              out["grams"]))
        rank = int((scores > scores[start - 1]).sum())
        info["gold_rank"] = _bucket(rank, (0.5, 1.5, 3.5), ("0", "1", "2-3", "4+"))
        info["p3_comment"] = _bucket(float(out["p3"][comments, model.classes.index("comment")].mean()),
                                     (0.2, 0.5), ("<0.2", "0.2-0.5", ">=0.5"))
    return info


def breakdown(pages: list[tuple[list[str], list[str], list[bool]]], sources: list[str], model: LineModel,
              own: dict[str, set[str]]) -> dict[str, object]:
    """Every count of the module docstring over ``pages`` (built from ``sources``)."""
    gold_all, pred_all = [], []
    counts: dict[str, Counter] = {name: Counter() for name in (
        "pages", "lost by kind", "false by kind", "lost position", "gap pages", "gap late", "thread pages",
        "thread late", "gold rank", "p3 comment", "words all", "words lost", "lost by source")}
    for (lines, labels, blank), src in zip(pages, sources, strict=True):
        info = page_errors(model, lines, labels, blank, own.get(src, set()))
        gold_all += labels
        pred_all += info["pred"]
        kind = info["kind"]
        counts["pages"][kind] += 1
        counts["lost by kind"][kind] += len(info["lost"])
        counts["false by kind"][kind] += info["false"]
        counts["lost position"].update(info.get("positions", []))
        counts["lost by source"][src] += len(info["lost"])
        for key in ("gap", "thread"):
            if key in info:
                counts[f"{key} pages"][info[key]] += 1
                counts[f"{key} late"][info[key]] += kind in LATE_KINDS
        for key in ("gold_rank", "p3_comment"):
            if key in info:
                counts[key.replace("_", " ")][info[key]] += 1
        for bucket, lost in info.get("words", []):
            counts["words all"][bucket] += 1
            counts["words lost"][bucket] += lost
    f1 = f1_score(gold_all, pred_all, labels=["body", "comment"], average=None)
    return {"body_f1": round(float(f1[0]), 4), "comment_f1": round(float(f1[1]), 4), **counts}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="path to the shared data folder")
    ap.add_argument("--model", type=Path, required=True, help="a line model trained without fifth --fold")
    ap.add_argument("--fold", type=int, required=True, choices=range(5), help="the fifth of the train half it left out")
    ap.add_argument("--ranker-from", type=Path, default=MODEL_DIR, help="model whose boundary ranker decodes the pages")
    ap.add_argument("--pages", type=int, default=600)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N source pages of the fifth")
    args = ap.parse_args(argv)
    model = load_line_model(args.model)
    model.ranker = load_line_model(args.ranker_from).ranker
    model.long_pages = None  # synthetic pages are shorter than the long-page gate
    pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], args.fold)[1], args.limit)
    own = {p.name: {c.lower() for c in p.comments} for p in pieces.pages}
    sources: list[str] = []
    pages = make_pages(pieces, args.pages, args.seed, sources=sources)
    result = breakdown(pages, sources, model, own)
    lost = result.pop("lost by source")
    for name, value in result.items():
        print(f"{name}: {dict(value) if isinstance(value, Counter) else value}")
    top = [n for _, n in lost.most_common()]
    print(f"lost comment lines: {sum(top)} from {sum(n > 0 for n in top)} of {len(top)} sources; "
          f"the 5 / 10 worst sources: {sum(top[:5])} / {sum(top[:10])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
