"""Speed of the Spark runner on local[2] against `storytrace analyze --workers 2`, same inputs, same run.

Inputs: the aeb pages (``DATA/extraction/aeb/html``, 181 real news pages) written as HTTP response records
into ``--files`` WARC.gz files (Spark parallelises over files, so one file would keep one core busy). Both
commands run every per-page stage (ingest, anatomy, facts, comments) with ``--no-stories`` (the stories stage
is the same single-process work in both: on the driver for Spark), alternating, each in a fresh process,
``--repeats`` times. Wall time is what a user waits: it includes model loading in every worker process and,
for Spark, starting the JVM. Reports the median pages/s of each and their ratio, and the peak RSS of one
``--workers 1`` process (what one Spark executor's Python worker holds: the same models, the same chunks).

    nice .venv/bin/python benchmarks/bench_spark.py --data ../shared/data [--files 4] [--repeats 3]
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STORYTRACE = [sys.executable, "-m", "storytrace.cli"]


def build_warcs(html_dir: Path, out_dir: Path, files: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted(html_dir.glob("*.html.gz"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for k in range(files):
        with (out_dir / f"aeb-{k}.warc.gz").open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for page in pages[k::files]:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                record = writer.create_warc_record(f"https://aeb.example/{page.name[:-8]}", "response",
                                                   payload=io.BytesIO(gzip.decompress(page.read_bytes())),
                                                   http_headers=headers)
                writer.write_record(record)
    return len(pages)


def timed(argv: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr[-3000:]}")
    match = re.search(r"(\d+) page\(s\) analysed", done.stderr)
    return seconds, int(match.group(1)) if match else -1, done.stderr


def peak_rss_mb(argv: list[str]) -> float:
    done = subprocess.run(["/usr/bin/time", "-f", "PEAK_KB %M", *argv], capture_output=True, text=True, check=False)
    match = re.search(r"PEAK_KB (\d+)", done.stderr)
    return int(match.group(1)) / 1024 if match else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="local workers and local[N] Spark cores")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp_name:
        tmp = Path(tmp_name)
        n = build_warcs(args.data / "extraction" / "aeb" / "html", tmp / "in", args.files)
        stages = ["--no-stories"]
        runs: dict[str, list[float]] = {"local": [], "spark": []}
        counts: dict[str, set[int]] = {"local": set(), "spark": set()}
        for r in range(args.repeats):
            for name in ("local", "spark"):
                out = tmp / f"{name}-{r}"
                if name == "local":
                    argv = [*STORYTRACE, "analyze", str(tmp / "in"), "--out", str(out), "--workers",
                            str(args.workers), "--quiet", *stages]
                else:
                    argv = [*STORYTRACE, "spark", str(tmp / "in"), "--out", str(out), "--format", "parquet",
                            "--master", f"local[{args.workers}]", *stages]
                seconds, pages, _ = timed(argv)
                runs[name].append(seconds)
                counts[name].add(pages)
                print(f"repeat {r + 1} {name:5s}: {pages} pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s",
                      flush=True)
        rss = peak_rss_mb([*STORYTRACE, "analyze", str(tmp / "in"), "--out", str(tmp / "rss"), "--workers", "1",
                           "--quiet", *stages])
    median = {name: statistics.median(times) for name, times in runs.items()}
    pages = {name: max(c) for name, c in counts.items()}
    print(f"\n{n} aeb pages in {args.files} WARC.gz files; every per-page stage, --no-stories")
    for name in ("local", "spark"):
        label = f"storytrace analyze --workers {args.workers}" if name == "local" else \
            f"storytrace spark --master local[{args.workers}]"
        print(f"{label:42s} median {median[name]:.1f} s, {pages[name] / median[name]:.2f} pages/s "
              f"(runs: {', '.join(f'{t:.1f}' for t in runs[name])} s; pages {sorted(counts[name])})")
    print(f"spark / local pages/s: {(pages['spark'] / median['spark']) / (pages['local'] / median['local']):.2f}")
    print(f"peak RSS of one --workers 1 process (one executor's Python worker holds the same): {rss:.0f} MB")
    return 0 if counts["local"] == counts["spark"] else 1


if __name__ == "__main__":
    sys.exit(main())
