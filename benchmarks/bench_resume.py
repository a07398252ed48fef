"""Stopping and resuming `storytrace analyze`: pages kept in the store after an interrupt, and re-run times.

    nice .venv/bin/python benchmarks/bench_resume.py --pages 160 --stop-at 20 --workers 2

Builds ``--pages`` distinct small news pages (HTML), then, each in a fresh process:
(1) ``analyze`` stopped by a KeyboardInterrupt when the dossier writer gets its ``--stop-at``-th page, counting the
pages the store kept; (2) the same command again with the same store (reusing what was kept); (3) a fresh run into a
new folder; (4) a re-run with every page stored. Facts are on, stories off (``--no-stories``).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Report {i} | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Report {i}: sappers head to the border</h1>
<p>The ministry said on Tuesday that {n} sappers and {m} construction workers will arrive in the region next month to
clear mines and rebuild roads, according to officials quoted in report number {i}.</p>
<p>The decision was taken during talks in the capital, where both sides described the deployment as a sign of a
deepening partnership, and the first group is expected to start work before the winter.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def make_pages(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"p{i:04d}.html").write_text(PAGE.format(i=i, n=100 + i, m=500 + 3 * i), encoding="utf-8")


def interrupted(pages: str, out: str, stop_at: int, workers: int) -> None:
    """Run in a child process: analyze with a KeyboardInterrupt at the ``stop_at``-th page the writer gets."""
    from storytrace import cli
    from storytrace.report import write

    real_add, seen = write.DossierWriter.add, []

    def add(self, result):
        seen.append(result)
        if len(seen) == stop_at:
            raise KeyboardInterrupt
        return real_add(self, result)

    write.DossierWriter.add = add
    sys.exit(cli.main(["analyze", pages, "--out", out, "--quiet", "--no-stories", "--workers", str(workers)]))


def stored(out: Path) -> int:
    with sqlite3.connect(out / "storytrace.sqlite") as db:
        return db.execute("select count(*) from pages").fetchone()[0]


def timed(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    code = subprocess.run([sys.executable, *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return time.perf_counter() - start, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=160, help="pages to build (default: %(default)s)")
    parser.add_argument("--stop-at", type=int, default=20, help="interrupt at this page (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default: %(default)s)")
    parser.add_argument("--interrupted", nargs=2, metavar=("PAGES", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.interrupted:
        interrupted(*args.interrupted, args.stop_at, args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_pages(root / "pages", args.pages)
        out, fresh = root / "out", root / "fresh"
        analyze = ["-m", "storytrace.cli", "analyze", str(root / "pages"), "--quiet", "--no-stories",
                   "--workers", str(args.workers)]
        seconds, code = timed([__file__, "--interrupted", str(root / "pages"), str(out), "--stop-at",
                               str(args.stop_at), "--workers", str(args.workers)])
        print(f"interrupted at page {args.stop_at}: exit {code}, {stored(out)} of {args.pages} pages stored "
              f"({seconds:.1f} s)")
        seconds, code = timed([*analyze, "--out", str(out)])
        print(f"re-run with the same store: {seconds:.1f} s, exit {code}, {stored(out)} stored")
        seconds, code = timed([*analyze, "--out", str(fresh)])
        print(f"fresh run: {seconds:.1f} s, exit {code}")
        seconds, code = timed([*analyze, "--out", str(fresh)])
        print(f"re-run with every page stored: {seconds:.1f} s, exit {code}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
