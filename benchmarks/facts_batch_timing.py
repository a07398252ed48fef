"""Time extract_facts_batch on the English aeb article bodies in this process (for A/B runs of two code versions).

    PYTHONPATH=A/src python benchmarks/facts_batch_timing.py --data ../shared/data
    PYTHONPATH=B/src python benchmarks/facts_batch_timing.py --data ../shared/data   # alternate A and B, 3 times

Prints the package path, wall and CPU seconds (the models load before the clock starts).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import storytrace
from storytrace.facts import extract_facts_batch, load_facts_resources, load_nlp
from storytrace.lang import detect_language
from storytrace.records import Page
from storytrace.settings import Options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    args = parser.parse_args()
    truth = json.loads((args.data / "extraction/aeb/ground-truth.json").read_text(encoding="utf-8"))
    bodies = [[p.strip() for p in v["articleBody"].split("\n") if p.strip()] for _, v in sorted(truth.items())]
    english = [b for b in bodies if b and detect_language("\n".join(b))[0] == "en"]
    nlp, resources = load_nlp(), load_facts_resources()
    warm = Page(id="w", source="w", body=["Warm up 5 people on Monday."], language="en")
    extract_facts_batch([warm], Options(), nlp=nlp, resources=resources)
    pages = [Page(id=str(i), source="aeb", body=b, language="en") for i, b in enumerate(english)]
    wall, cpu = time.perf_counter(), time.process_time()
    extract_facts_batch(pages, Options(), nlp=nlp, resources=resources)
    print(storytrace.__file__, len(pages), "pages", "wall", round(time.perf_counter() - wall, 2),
          "cpu", round(time.process_time() - cpu, 2))


if __name__ == "__main__":
    main()
