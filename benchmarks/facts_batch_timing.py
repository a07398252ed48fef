"""Time extract_facts_batch on the English aeb article bodies in this process (for A/B runs of two code versions).

    PYTHONPATH=A/src python benchmarks/facts_batch_timing.py --data ../shared/data
    PYTHONPATH=B/src python benchmarks/facts_batch_timing.py --data ../shared/data   # alternate A and B, 3 times

or let it alternate: one fresh process per run, A B A B ... (A = ``--compare`` source tree, B = this one):

    python benchmarks/facts_batch_timing.py --data ../shared/data --compare /tmp/base/src --rounds 3

Prints the package path, wall and CPU seconds (the models load before the clock starts). ``--collect`` also times
one full ``gc.collect()`` after the stage (what a paused collector leaves to collect).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def time_once(data: Path, collect: bool) -> tuple[int, float, float]:
    """(pages, wall, CPU seconds) of one extract_facts_batch over the English aeb bodies, in this process."""
    import gc

    from storytrace.facts import extract_facts_batch, load_facts_resources, load_nlp
    from storytrace.lang import detect_language
    from storytrace.records import Page
    from storytrace.settings import Options

    truth = json.loads((data / "extraction/aeb/ground-truth.json").read_text(encoding="utf-8"))
    bodies = [[p.strip() for p in v["articleBody"].split("\n") if p.strip()] for _, v in sorted(truth.items())]
    english = [b for b in bodies if b and detect_language("\n".join(b))[0] == "en"]
    nlp, resources = load_nlp(), load_facts_resources()
    warm = Page(id="w", source="w", body=["Warm up 5 people on Monday."], language="en")
    extract_facts_batch([warm], Options(), nlp=nlp, resources=resources)
    pages = [Page(id=str(i), source="aeb", body=b, language="en") for i, b in enumerate(english)]
    wall, cpu = time.perf_counter(), time.process_time()
    extract_facts_batch(pages, Options(), nlp=nlp, resources=resources)
    if collect:
        gc.collect()
    return len(pages), time.perf_counter() - wall, time.process_time() - cpu


def alternate(args: argparse.Namespace) -> None:
    """Fresh processes A B A B ...; per round CPU seconds, then medians and whether B won every round."""
    here = str(Path(__file__).resolve().parents[1] / "src")
    trees = {"A": str(args.compare), "B": here}
    cpu: dict[str, list[float]] = {"A": [], "B": []}
    for r in range(args.rounds):
        for name in ("A", "B"):
            env = dict(os.environ, PYTHONPATH=trees[name])
            cmd = [sys.executable, __file__, "--data", str(args.data)] + (["--collect"] if args.collect else [])
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.split()
            cpu[name].append(float(out[out.index("cpu") + 1]))
            print(f"round {r + 1} {name} {trees[name]} wall {out[out.index('wall') + 1]} cpu {cpu[name][-1]}",
                  flush=True)
    med_a, med_b = statistics.median(cpu["A"]), statistics.median(cpu["B"])
    wins = sum(b < a for a, b in zip(cpu["A"], cpu["B"], strict=True))
    print(f"median CPU A {med_a:.2f} B {med_b:.2f}: B {100 * (med_a - med_b) / med_a:+.1f} % faster; "
          f"B faster in {wins} of {args.rounds} rounds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--compare", type=Path, help="source tree of version A (alternate with this one)")
    parser.add_argument("--rounds", type=int, default=3, help="A/B rounds with --compare")
    parser.add_argument("--collect", action="store_true", help="time a full gc.collect() after the stage too")
    args = parser.parse_args()
    if args.compare:
        alternate(args)
        return
    pages, wall, cpu = time_once(args.data, args.collect)
    import storytrace

    print(storytrace.__file__, pages, "pages", "wall", round(wall, 2), "cpu", round(cpu, 2))


if __name__ == "__main__":
    main()
