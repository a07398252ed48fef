"""Speed of the comment model alone, for A/B runs of two revisions on a shared machine.

One mode per process; each prints one JSON line. The revision is whatever ``storytrace`` imports (put another
commit's ``src`` first on ``PYTHONPATH``). Language detection is included everywhere, after a warm-up that loads
every lazy resource (the language model and the embedding encoders).

- ``repeated``: the 860 OLID test-A tweets three times per batch (the loop of ``bench_comments.py``; the memos
  favour the repeats), median of ``--repeats`` batches;
- ``distinct``: ``--distinct`` OLID training tweets per batch, each batch of texts the process has not seen
  (``--repeats`` batches; median); ``--workers`` scores with ``score_texts(..., workers=N)``;
- ``latency``: one comment per call, ``--latency`` distinct OLID training tweets after a warm-up batch: p50, p90;
- ``load``: seconds to import ``storytrace.comments``, to load the model, and for the first English and the first
  non-English comment (they load the language model and the embedding encoder).

The batch modes also report comments per CPU second of the process (``per_cpu_s``: less moved by other work on a
shared machine; forked workers not counted). Every mode reports its peak RSS (``ru_maxrss``). ``--compare BASE_SRC`` runs the modes for BASE_SRC's revision and
this one alternately in fresh processes (``--rounds`` times) and prints per mode the medians of each, the ratio new /
base (a higher rate or a lower time is better), the load average before and after, and the revisions' package
paths. Other work on the machine moves the absolute numbers; the ratio of two revisions run alternately in the same
run is what to compare::

    git archive 164dad9 src | tar -x -C /tmp/rev_base
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_comment_speed.py --data ../shared/data \\
        --compare /tmp/rev_base/src --rounds 3
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

MODES = ("repeated", "distinct", "latency", "load")
_WARM_UP = ["ceci est un commentaire en français, assez long pour la détection de langue",
            "questo è un commento scritto in italiano, abbastanza lungo per il rilevamento",
            "este es un comentario escrito en español, bastante largo para la detección", "lol ok"]


def _tsv_column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh, delimiter="\t")]


def _olid_test(data: Path) -> list[str]:
    return _tsv_column(data / "comments" / "olid" / "testset-levela.tsv", "tweet")


def _olid_training(data: Path) -> list[str]:
    """The distinct OLID training tweets, in file order."""
    return list(dict.fromkeys(_tsv_column(data / "comments" / "olid" / "olid-training-v1.0.tsv", "tweet")))


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _loaded_model(data: Path):
    from storytrace.comments import CommentModel, score_texts

    model = CommentModel.load()
    score_texts(_olid_test(data)[:50] + _WARM_UP, model)
    return model


def run_repeated(args: argparse.Namespace) -> dict:
    model = _loaded_model(args.data)
    texts = _olid_test(args.data) * 3
    return _batches(model, [texts] * args.repeats, {})


def _batches(model, batches: list[list[str]], options: dict) -> dict:
    """Comments per second of each batch (wall clock) and per CPU second of this process (``process_time``: less
    moved by other work on a shared machine; not counting forked workers), with their medians."""
    from storytrace.comments import score_texts

    rates, cpu_rates = [], []
    for texts in batches:
        start, cpu = time.perf_counter(), time.process_time()
        score_texts(texts, model, **options)
        rates.append(len(texts) / (time.perf_counter() - start))
        cpu_rates.append(len(texts) / (time.process_time() - cpu))
    return {"comments": len(batches[0]), "per_s_each": [round(r) for r in rates], "per_s": round(statistics.median(rates)),
            "per_cpu_s": round(statistics.median(cpu_rates))}


def run_distinct(args: argparse.Namespace) -> dict:
    model = _loaded_model(args.data)
    pool = _olid_training(args.data)[200:]  # the warm-up's texts are not among them
    if len(pool) < args.distinct * args.repeats:
        raise SystemExit(f"only {len(pool)} distinct training tweets for {args.repeats} x {args.distinct}")
    options = {"workers": args.workers} if args.workers > 1 else {}
    batches = [pool[k * args.distinct : (k + 1) * args.distinct] for k in range(args.repeats)]
    return {"workers": args.workers, **_batches(model, batches, options)}


def run_latency(args: argparse.Namespace) -> dict:
    from storytrace.comments import score_texts

    model = _loaded_model(args.data)
    pool = _olid_training(args.data)
    score_texts(pool[-1000:], model)  # a loaded process: its memos hold the common words
    times = []
    for text in pool[200 : 200 + args.latency]:
        start = time.perf_counter()
        score_texts([text], model)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"comments": len(times), "p50_ms": round(statistics.median(times), 2),
            "p90_ms": round(times[int(0.9 * (len(times) - 1))], 2)}


def run_load(args: argparse.Namespace) -> dict:
    start = time.perf_counter()
    from storytrace.comments import CommentModel, score_texts

    imported = time.perf_counter()
    model = CommentModel.load()
    loaded = time.perf_counter()
    score_texts(["thanks for the article, that was a good read"], model)
    english = time.perf_counter()
    score_texts([_WARM_UP[0]], model)
    foreign = time.perf_counter()
    return {"import_s": round(imported - start, 2), "load_s": round(loaded - imported, 2),
            "import_and_load_s": round(loaded - start, 2), "first_english_s": round(english - loaded, 2),
            "first_non_english_s": round(foreign - english, 2)}


def run_mode(args: argparse.Namespace) -> dict:
    import storytrace

    result = {"repeated": run_repeated, "distinct": run_distinct, "latency": run_latency, "load": run_load}[args.mode](
        args)
    return {"mode": args.mode, **result, "peak_rss_mb": _peak_rss_mb(),
            "package": str(Path(storytrace.__file__).parent)}


def _child(src: str | None, argv: list[str]) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    else:
        env.pop("PYTHONPATH", None)
    out = subprocess.run([sys.executable, __file__, *argv], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# per mode: the numbers compared and whether higher is better
_KEYS = {"repeated": [("per_s", True), ("per_cpu_s", True)], "distinct": [("per_s", True), ("per_cpu_s", True)],
         "latency": [("p50_ms", False), ("p90_ms", False)],
         "load": [("import_s", False), ("load_s", False), ("import_and_load_s", False), ("first_english_s", False)]}


def compare(args: argparse.Namespace, modes: list[str]) -> dict:
    """Base (``args.compare``) and this revision alternately, ``args.rounds`` times per mode."""
    own_src = str(Path(__file__).resolve().parents[1] / "src")
    common = ["--data", str(args.data), "--repeats", str(args.repeats), "--distinct", str(args.distinct),
              "--latency", str(args.latency)]
    report: dict = {"load_average_before": os.getloadavg(), "base": args.compare, "new": own_src, "modes": {}}
    for mode in modes:
        runs: dict[str, list[dict]] = {"base": [], "new": []}
        worker_counts = [1, args.workers] if mode == "distinct" and args.workers > 1 else [1]
        for workers in worker_counts:
            label = f"{mode}" if workers == 1 else f"{mode}_workers{workers}"
            runs = {"base": [], "new": []}
            for _ in range(args.rounds):
                for name, src in (("base", args.compare), ("new", own_src)):
                    if name == "base" and workers > 1:
                        continue  # the base has no workers option: compared with the single-process runs
                    runs[name].append(_child(src, [*common, "--mode", mode, "--workers", str(workers)]))
            summary: dict = {}
            for key, higher in _KEYS[mode]:
                medians = {name: statistics.median(r[key] for r in rs) for name, rs in runs.items() if rs}
                summary[key] = medians
                if len(medians) == 2:
                    ratio = medians["new"] / medians["base"] if higher else medians["base"] / medians["new"]
                    summary[key]["speed-up"] = round(ratio, 2)
            summary["peak_rss_mb"] = {name: max(r["peak_rss_mb"] for r in rs) for name, rs in runs.items() if rs}
            summary["runs"] = runs
            report["modes"][label] = summary
    report["load_average_after"] = os.getloadavg()
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder")
    ap.add_argument("--mode", choices=MODES, help="one mode in this process (default: all, via --compare)")
    ap.add_argument("--repeats", type=int, default=3, help="batches per run (median reported)")
    ap.add_argument("--distinct", type=int, default=3000, help="comments per distinct batch")
    ap.add_argument("--latency", type=int, default=300, help="single comments timed")
    ap.add_argument("--workers", type=int, default=1, help="score_texts workers in the distinct mode")
    ap.add_argument("--compare", help="the src folder of the base revision: run both alternately")
    ap.add_argument("--rounds", type=int, default=3, help="alternations with --compare")
    ap.add_argument("--modes", default=",".join(MODES), help="modes to compare (comma-separated)")
    args = ap.parse_args(argv)
    if args.compare:
        print(json.dumps(compare(args, args.modes.split(",")), indent=1))
    elif args.mode:
        print(json.dumps(run_mode(args)))
    else:
        args.mode = "repeated"
        print(json.dumps(run_mode(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
