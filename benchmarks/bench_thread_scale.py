"""Thread analysis on long comment lists: copy clusters and quote relations (``storytrace.comments._thread``),
against comparing every pair (the method before session 7) in the same run, as the list grows.

    nice .venv/bin/python benchmarks/bench_thread_scale.py --data ../shared/data [--sizes 1000,5000,20000]

Comments: the Dragnet train half's gold comment lines, cycled with small edits (a word dropped, upper case, a
short quote of an earlier comment) so that copies and near-copies exist as in a brigaded thread. The pairwise
reference runs only up to ``--pairwise-max`` comments (it grows with the square of the list).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))


def comments(data: Path, n: int, seed: int = 3) -> list[SimpleNamespace]:
    from line_data import load_pieces, split_names

    pool = [c for p in load_pieces(data, split_names(data)[0]).pages for c in p.comments]
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        r = rng.random()
        if texts and r < 0.1:
            texts.append(rng.choice(texts).upper())
        elif texts and r < 0.2:
            words = rng.choice(texts).split()
            texts.append(" ".join(w for k, w in enumerate(words) if k != len(words) // 2))
        elif texts and r < 0.25:
            texts.append("> " + rng.choice(texts)[:80] + " no way")
        else:
            texts.append(pool[i % len(pool)])
    return [SimpleNamespace(id=f"c{i}", text=t, parent_id=None) for i, t in enumerate(texts)]


def pairwise(items: list[SimpleNamespace]) -> tuple[int, int]:
    """Every pair compared: (pairs above 0.8 or identical, quote relations)."""
    from storytrace.comments._thread import _jaccard, _norm_text, _shingles

    norms = [_norm_text(c.text) for c in items]
    shingles = [_shingles(c.text) for c in items]
    close = sum(1 for i in range(len(items)) for j in range(i + 1, len(items))
                if min(len(norms[i]), len(norms[j])) >= 12
                and (norms[i] == norms[j] or _jaccard(shingles[i], shingles[j]) >= 0.8))
    quotes = sum(1 for i in range(len(items)) for j in range(i)
                 if len(items[j].text) >= 30 and len(norms[j]) >= 30 and norms[j][:60] in norms[i]
                 and norms[i] != norms[j])
    return close, quotes


def main(argv: list[str] | None = None) -> int:
    from storytrace.comments._thread import _duplicate_clusters, _quotes

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--pairwise-max", type=int, default=2000)
    args = ap.parse_args(argv)
    print(f"{'comments':>9} {'clusters':>9} {'quotes':>7} {'indexed s':>10} {'pairwise s':>11}")
    for n in (int(x) for x in args.sizes.split(",")):
        items = comments(args.data, n)
        t0 = time.perf_counter()
        clusters = _duplicate_clusters([c.text for c in items])
        quotes = _quotes(items)
        indexed = time.perf_counter() - t0
        slow = "-"
        if n <= args.pairwise_max:
            t0 = time.perf_counter()
            pairwise(items)
            slow = f"{time.perf_counter() - t0:.1f}"
        print(f"{n:>9} {len(clusters):>9} {len(quotes):>7} {indexed:>10.2f} {slow:>11}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
