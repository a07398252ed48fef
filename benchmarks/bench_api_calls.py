"""Seconds per ``storytrace.analyze`` call in one process, and seconds until ``storytrace serve --preload`` answers.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_api_calls.py [--calls 4] [--serve]

A caller that analyses one page at a time (a crawler's callback) pays the model loading once: the first call loads
them into the process's shared resources (``storytrace.api.default_resources``), later calls reuse them. The page is
the first example page shipped in the package (an article with 27 comments; facts, comments and stories on).
``--serve`` also starts ``storytrace serve --preload`` on a free local port and times its start until GET /health
answers (every model is loaded before the port opens).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request


def call_seconds(calls: int) -> list[float]:
    import storytrace
    from storytrace.api import demo_corpus

    page = [str(min(p for p in demo_corpus().iterdir() if p.is_file()))]
    out = []
    for _ in range(calls):
        start = time.perf_counter()
        storytrace.analyze(page)
        out.append(time.perf_counter() - start)
    return out


def preload_seconds(limit: float = 120.0) -> float:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "storytrace.cli", "serve", "--preload", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < limit:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                    return time.perf_counter() - start
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"serve --preload did not answer within {limit} s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=4)
    ap.add_argument("--serve", action="store_true")
    args = ap.parse_args(argv)
    for i, seconds in enumerate(call_seconds(args.calls), 1):
        print(f"analyze call {i}: {seconds:.2f} s", flush=True)
    if args.serve:
        print(f"serve --preload answers after {preload_seconds():.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
