"""Where the dev comment F1 is lost: per page, predicted vs gold comment start, by kind of page (session 28).

    python training/anatomy_diag_s28.py --data D --test PKL [PKL ...] --shipped DIR [--json OUT]

Reads ``boundary_lab.py score`` pickles (dev-fifth pages read by a line model that never saw that fifth), picks
each page's start with the ``--shipped`` model's ranker (B0) and decodes as the line model does. Rebuilds the
pages (same fold, count and seed as the pickle) to know each page's comment source (its own thread or another
page's), thread length, register (lower case) and whether the thread follows the article directly. Reports the
start errors by kind and the oracle gain "comment F1 if the start were right on pages of kind K". The held-out
half is never read.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, line_f1, load_pieces, make_pages, split_names

from storytrace.anatomy.boundary import FEATURE_NAMES, decode_with_boundary
from storytrace.anatomy.text import load_line_model

LABELS = ("body", "comment")


def _kind(n: int, gold: int, row: int) -> str:
    has_gold, has_pred = gold < n - 1, row < n - 1
    if row == gold:
        return "exact"
    if has_gold and not has_pred:
        return "missed"
    if not has_gold:
        return "opened_without"
    return "late" if row > gold else "early"


def page_facts(lines: list[str], labels: list[str], src, gold: int) -> dict:
    """Generator-side facts about one page's comment section (empty when it has none)."""
    comments = [ln for ln, lab in zip(lines, labels, strict=True) if lab == "comment"]
    if not comments:
        return {"thread": "none"}
    start = gold + 1
    n = len(comments)
    return {
        # the generator shows the source's own thread whenever it has 2+ comments (line_data.make_page)
        "thread": "own" if len(src.comments) >= 2 else "other",
        "size": "1" if n == 1 else "2-3" if n <= 3 else "4-14" if n < 15 else "15+",
        "register": "lower" if all(c == c.lower() for c in comments) else "mixed",
        "after": labels[start - 1] if start > 0 else "none",
        "words": "short(<15)" if sum(len(c.split()) for c in comments) / n < 15 else
                 "mid(15-40)" if sum(len(c.split()) for c in comments) / n < 40 else "long(40+)",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--test", nargs="+", required=True)
    ap.add_argument("--shipped", type=Path, required=True)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    shipped = load_line_model(args.shipped)
    report = {}
    for path in args.test:
        with open(path, "rb") as fh:
            t = pickle.load(fh)
        meta, pages = t["meta"], t["pages"]
        dec = load_line_model(meta["model"])
        pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], meta["fold"])[1])
        by_name = {p.name: p for p in pieces.pages}
        built = make_pages(pieces, meta["pages"], meta["seed"])
        report[path] = _analyse(pages, built, by_name, shipped, dec)
        print(path, json.dumps(report[path], indent=1), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def _decode(model, page: dict, row: int) -> list[str]:
    return [model.classes[j] for j in decode_with_boundary(page["emit"].astype(np.float64), model.log_start,
                                                           model.log_trans, row + 1, need_body=True)]


def _analyse(pages: list[dict], built: list, by_name: dict, shipped, dec) -> dict:
    n_base = len(FEATURE_NAMES)
    rows, facts, kinds = [], [], []
    for p, (lines, labels, _) in zip(pages, built, strict=True):
        assert labels == p["labels"], "rebuilt page differs from the pickle's"
        row = shipped.ranker.choose(p["x"][:, :n_base])
        rows.append(row)
        facts.append(page_facts(lines, labels, by_name[p["source"]], p["gold_row"]))
        kinds.append(_kind(len(labels), p["gold_row"], row))
    gold = [lab for p in pages for lab in p["labels"]]
    pred_pages = [_decode(dec, p, r) for p, r in zip(pages, rows, strict=True)]
    oracle_pages = [_decode(dec, p, p["gold_row"]) for p in pages]

    def f1(chosen: list[list[str]]) -> dict:
        return {c: round(v, 4) for c, v in line_f1(gold, [x for pg in chosen for x in pg], LABELS).items()}

    base = f1(pred_pages)
    out = {"B0": base, "oracle_all": f1(oracle_pages), "kinds": dict(Counter(kinds))}
    # comment lines lost / added per error kind
    lost = Counter()
    for p, pr, k in zip(pages, pred_pages, kinds, strict=True):
        lost[k + ":gold_comment_missed"] += sum(g == "comment" and q != "comment" for g, q in zip(p["labels"], pr))
        lost[k + ":false_comment"] += sum(g != "comment" and q == "comment" for g, q in zip(p["labels"], pr))
    out["lines"] = dict(lost)
    # existence oracle: on pages whose section was missed, the ranker's best start among real starts
    exist = []
    for p, r, k in zip(pages, rows, kinds, strict=True):
        if k == "missed":
            sc = shipped.ranker.scores(p["x"][:, :n_base])
            r = int(np.argmax(sc[:-1]))
        exist.append(_decode(dec, p, r))
    out["oracle_existence_only"] = round(f1(exist)["comment"] - base["comment"], 4)
    out["missed_best_real_start_is_gold"] = sum(
        k == "missed" and int(np.argmax(shipped.ranker.scores(p["x"][:, :n_base])[:-1])) == p["gold_row"]
        for p, k in zip(pages, kinds, strict=True))
    offsets = Counter()
    for p, r, k in zip(pages, rows, kinds, strict=True):
        if k in ("late", "early"):
            d = r - p["gold_row"]
            offsets[f"{k}:{'1' if abs(d) == 1 else '2' if abs(d) == 2 else '3-5' if abs(d) <= 5 else '6+'}"] += 1
    out["offsets"] = dict(sorted(offsets.items()))
    # oracle by error kind and by page fact
    for k in ("missed", "late", "early", "opened_without"):
        mix = [o if kk == k else b for o, b, kk in zip(oracle_pages, pred_pages, kinds, strict=True)]
        out[f"oracle_kind:{k}"] = round(f1(mix)["comment"] - base["comment"], 4)
    for fact in ("thread", "size", "register", "after", "words"):
        values = sorted({f.get(fact, "-") for f in facts})
        table = {}
        for v in values:
            sel = [f.get(fact, "-") == v for f in facts]
            mix = [o if s else b for o, b, s in zip(oracle_pages, pred_pages, sel, strict=True)]
            bad = Counter(k for k, s in zip(kinds, sel, strict=True) if s)
            table[v] = {"pages": sum(sel), "oracle_gain": round(f1(mix)["comment"] - base["comment"], 4),
                        **{k: bad.get(k, 0) for k in ("exact", "missed", "late", "early", "opened_without")}}
        out[f"by_{fact}"] = table
    return out


if __name__ == "__main__":
    raise SystemExit(main())
