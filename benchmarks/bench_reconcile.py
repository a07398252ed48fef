"""Number reconciliation on pages full of numbers (results tables, budgets): seconds per page pair.

    nice .venv/bin/python benchmarks/bench_reconcile.py --sizes 50,100,200 --repeats 3

Every number counts the same thing ("votes"), so every pair and triple of one side is a candidate sum of each
number of the other: the worst case for :func:`storytrace.stories.reconcile.reconcile`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from storytrace.stories.reconcile import mentions, reconcile
from storytrace.stories.shells import StoryClaim, StoryQuantity


def page(values: list[int]) -> list[StoryClaim]:
    return [StoryClaim(text="claim", quantities=[StoryQuantity(text=str(v), value=v, counted="votes")])
            for v in values]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,100,200", help="numbers per page (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the median is shown (default: 3)")
    args = parser.parse_args()
    rng = random.Random(1)
    for size in (int(s) for s in args.sizes.split(",")):
        base, other = mentions(page(rng.sample(range(10, 100_000), size))), \
            mentions(page(rng.sample(range(10, 100_000), size)))
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            records = reconcile(base, other)
            times.append(time.perf_counter() - start)
        print(f"{size} numbers a side: median {statistics.median(times):.3f} s, {len(records)} records")


if __name__ == "__main__":
    main()
