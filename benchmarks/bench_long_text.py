"""Plain-text anatomy on long pages: seconds and peak memory as a page grows (each size in a fresh process).

    nice .venv/bin/python benchmarks/bench_long_text.py [--lines 2000,5000,20000]

The page is synthetic (a headline, then sentences of random words from a small vocabulary, one per line, a
few of them repeated); what is measured is how time and memory grow with the number of lines, which the
features and the tree walk of the line model must keep linear. Prints one row per size.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time

WORDS = ("the a council vote city lanes cycle new plan shop owners said on tuesday kids school safe money "
         "potholes road work will start in march and take six months").split()


def make_page(n_lines: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = ["Council approves new cycle lanes", ""]
    for i in range(n_lines):
        if i > 10 and rng.random() < 0.05:  # some lines repeat (menus, quotes): the repeats feature
            lines.append(lines[rng.randrange(2, len(lines))])
        else:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30))).capitalize() + ".")
    return "\n".join(lines)


def measure(n_lines: int) -> dict[str, float]:
    """Run in this process (called in a child): split one page of ``n_lines`` lines."""
    import resource

    from storytrace.anatomy.text import load_line_model, split_text
    from storytrace.records import Page
    from storytrace.settings import Options

    model = load_line_model()
    split_text("Warm-up headline\n\nOne body line, said the council.", Page(id="w", source="w"), Options(), model=model)
    text = make_page(n_lines)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    page = split_text(text, Page(id="p", source="long.txt"), Options(max_text_lines=10 * n_lines), model=model)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"lines": n_lines, "seconds": round(seconds, 1), "peak_rss_mb": round(peak), "rss_before_mb": round(rss0),
            "body": len(page.body), "comments": len(page.comments)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", default="2000,5000,20000", help="comma-separated page sizes")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    print(f"{'lines':>8} {'seconds':>8} {'lines/s':>8} {'peak RSS MB':>12} {'RSS after load MB':>18}")
    for n in (int(x) for x in args.lines.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{row['lines']:>8} {row['seconds']:>8} {row['lines'] / max(row['seconds'], 1e-9):>8.0f} "
              f"{row['peak_rss_mb']:>12} {row['rss_before_mb']:>18}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
