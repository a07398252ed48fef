"""How long an abandoned analysis runs on after its stop is asked (the service's time budget).

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/service_stop_lag.py --data ../shared/data [--delay 0.2]

16 Dragnet train-half pages (every other file, the first 16) in one batch, facts on, comments off. The stop is asked
``--delay`` seconds into the facts stage of a warm run; the script prints how long the analysis ran on and whether it
stopped or finished the batch.
"""

from __future__ import annotations

import argparse
import gzip
import threading
import time
from pathlib import Path

import storytrace.facts as facts_stage
from storytrace import pipeline
from storytrace.records import RawDocument
from storytrace.resources import Resources
from storytrace.settings import Options


class Stopped(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--delay", type=float, default=0.2, help="seconds into the facts stage the stop is asked")
    args = parser.parse_args()
    files = sorted((args.data / "extraction/dragnet/html").glob("*.html.gz"))[0::2][:16]
    raws = [RawDocument(source=p.name, data=gzip.decompress(p.read_bytes()), kind="html") for p in files]
    options = Options(with_facts=True, with_comments=False, progress=False, with_stories=False)
    resources = Resources()
    resources.get("nlp")
    resources.get("facts_resources")
    pipeline.process_batch(list(raws), options, resources)  # warm-up

    times: dict[str, float] = {}
    real = facts_stage.extract_facts_batch

    def timed(*a, **k):
        times["start"] = time.monotonic()
        try:
            return real(*a, **k)
        finally:
            times["end"] = time.monotonic()

    facts_stage.extract_facts_batch = timed
    t0 = time.monotonic()
    pipeline.process_batch(list(raws), options, resources)
    warm, stage = time.monotonic() - t0, times["end"] - times["start"]

    stop, outcome = threading.Event(), {}

    def check() -> None:
        if stop.is_set():
            raise Stopped

    def work() -> None:
        with pipeline.stop_checked(check):
            try:
                pipeline.process_batch(list(raws), options, resources)
                outcome["result"] = "finished the batch"
            except Stopped:
                outcome["result"] = "stopped"

    def asker() -> None:
        while "start" not in times:
            time.sleep(0.005)
        time.sleep(args.delay)
        times["asked"] = time.monotonic()
        stop.set()

    times.clear()
    threads = [threading.Thread(target=work), threading.Thread(target=asker)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"warm batch {warm:.2f} s, its facts stage {stage:.2f} s; stop asked {args.delay:.2f} s into the facts "
          f"stage; ran on {time.monotonic() - times['asked']:.2f} s; {outcome['result']}")


if __name__ == "__main__":
    main()
