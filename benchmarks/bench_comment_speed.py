"""Batch speed of the comment model alone, for A/B runs of two revisions on a shared machine.

The same loop as the speed part of ``bench_comments.py`` (the 860 OLID test-A tweets three times, language
detection included, after a warm-up), without the accuracy suites, so that two revisions can be run
alternately in separate processes. The revision is whatever ``storytrace`` imports; to compare another
commit, put its ``src`` first on ``PYTHONPATH``::

    git archive 16d52b3 src | tar -x -C /tmp/rev_a
    for i in 1 2; do
        PYTHONPATH=/tmp/rev_a/src .venv/bin/python benchmarks/bench_comment_speed.py --data ../shared/data
        .venv/bin/python benchmarks/bench_comment_speed.py --data ../shared/data
    done
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder")
    ap.add_argument("--repeats", type=int, default=3, help="batches (median reported)")
    args = ap.parse_args(argv)
    import storytrace
    from storytrace.comments import CommentModel, score_texts

    path = args.data / "comments" / "olid" / "testset-levela.tsv"
    with path.open(encoding="utf-8") as fh:
        texts = [row["tweet"] for row in csv.DictReader(fh, delimiter="\t")] * 3
    model = CommentModel.load()
    score_texts(texts[:50] + ["ceci est un commentaire en français, assez long pour la détection de langue"], model)
    batches = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        score_texts(texts, model)
        batches.append(time.perf_counter() - start)
    print(json.dumps({"package": str(Path(storytrace.__file__).parent), "comments": len(texts),
                      "comments_per_s_each": [round(len(texts) / b) for b in batches],
                      "comments_per_s_median": round(len(texts) / statistics.median(batches))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
