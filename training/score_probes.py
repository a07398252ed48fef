"""Score a behaviour probe file (training/data/comments_authored/probes/*.jsonl) per split and kind.

    python training/score_probes.py training/data/comments_authored/probes/negation_counter.jsonl [--split dev] [-v]
        [--calibration news_comments] [--threshold 0.5] [--dump OUT.tsv]

A probe line carries the labels it should get (``identity_attack``, ``toxic`` and, where labelled, ``threat`` and
``insult``), a ``kind`` and a ``split`` ("dev" lines are for developing rules, "check" lines are scored once at the end). Printed:
the share of lines whose score at 0.5 agrees with each label, per kind and overall; ``-v`` also lists the misses.
Probe files are never training data (``comment_data.load_authored`` reads only the folder above them).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

LABELS = ("identity_attack", "toxic", "threat", "insult")


def agreement(rows: list[dict], scores: list[dict[str, float]],
              threshold: float = 0.5) -> dict[str, dict[str, list[int]]]:
    """kind (and "ALL") -> label -> [agreeing lines, labelled lines]."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {k: [0, 0] for k in LABELS})
    for row, score in zip(rows, scores, strict=True):
        for label in LABELS:
            if label not in row or row[label] is None:
                continue
            ok = (score[label] >= threshold) == bool(row[label])
            for kind in (str(row.get("kind") or "-"), "ALL"):
                table[kind][label][0] += ok
                table[kind][label][1] += 1
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("probes", type=Path)
    ap.add_argument("--split", default=None, help="only lines of this split (dev or check); default: all")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the lines that disagree")
    ap.add_argument("--calibration", default="training", help="training (default) or news_comments")
    ap.add_argument("--threshold", type=float, default=0.5, help="score at which a label counts as given")
    ap.add_argument("--dump", type=Path, default=None,
                    help="write kind, labels and the four scores of every scored line (TSV) for A/B diffs")
    args = ap.parse_args(argv)
    from storytrace.comments import load_model, score_texts

    rows = [json.loads(line) for line in args.probes.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if args.split is None or r.get("split") == args.split]
    out = score_texts([r["text"] for r in rows], load_model(), languages=[r.get("lang") or "en" for r in rows],
                      calibration=args.calibration)
    scores = [o["scores"] for o in out]
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for row, score in zip(rows, scores, strict=True):
                labels = "\t".join(str(row.get(k)) for k in LABELS)
                out.write(f"{row.get('kind')}\t{labels}\t" + "\t".join(f"{score[k]:.4f}" for k in LABELS) +
                          f"\t{row['text']}\n")
    for kind, labels in sorted(agreement(rows, scores, args.threshold).items()):
        cells = "  ".join(f"{k}={ok / n:.3f}" for k, (ok, n) in labels.items() if n)
        n = max(n for _, n in labels.values())
        print(f"{args.split or 'all':6} {kind:20} n={n:4}  {cells}")
    if args.verbose:
        for row, score in zip(rows, scores, strict=True):
            wrong = [k for k in LABELS if row.get(k) is not None and (score[k] >= args.threshold) != bool(row[k])]
            if wrong:
                got = "/".join(f"{score[k]:.2f}" for k in wrong)
                print(f"  {','.join(wrong)} {got} [{row.get('kind')}] {row['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
