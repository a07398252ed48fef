"""Peak memory for a 10,000-page WARC: ingest + HTML anatomy stream, so memory stays bounded.

Builds WARC.gz files of 1,000 and 10,000 synthetic news pages (each page distinct, ~6 KB of HTML with a
comment thread), runs `storytrace.analyze` over each in a fresh process without facts and comments (the
stages that only add per-page work), and reports peak RSS and pages/s. Bounded means: the 10,000-page
run's peak is close to the 1,000-page run's, not ten times it. Every page is the same template, so with
the stories stage on (the default) all pages form one story: its worst case.

    .venv/bin/python benchmarks/bench_warc_stream.py [--pages 10000] [--small 1000] [--no-stories]
                                                     [--modes stream,cli,dossier]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Story {i} | Bench News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav><article><h1>Story {i}</h1>
{paragraphs}</article>
<ol class="commentlist">{comments}</ol><footer>© Bench News {i}</footer></body></html>"""
PARA = "<p>Report {i}.{j}: officials said that {n} workers would arrive in the region by the end of the month, " \
       "while critics warned that the plan had not been discussed with local authorities or residents.</p>"
COMMENT = ('<li class="comment" id="comment-{i}-{j}"><div class="comment-body"><div class="comment-author vcard">'
           '<cite class="fn">reader{j}</cite></div><div class="comment-content"><p>Comment {j} on story {i}: '
           'I do not believe the {n} figure at all.</p></div></div></li>')


def build_warc(path: Path, pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(pages):
            html = PAGE.format(
                i=i,
                paragraphs="".join(PARA.format(i=i, j=j, n=1000 + i * 7 + j) for j in range(8)),
                comments="".join(COMMENT.format(i=i, j=j, n=1000 + i) for j in range(5)),
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://bench.example/{i}", "response",
                                               payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(record)


CHILD = """
import json, resource, sys, time
from storytrace.api import analyze
from storytrace.settings import Options
stories = sys.argv[3] == "stories"
options = Options(with_facts=False, with_comments=False, with_stories=stories, progress=False)
start = time.perf_counter()
pages = failures = comments = 0
def count(result):
    global pages, failures, comments
    if hasattr(result, "comments"):
        pages += 1; comments += len(result.comments)
    else:
        failures += 1
mode = sys.argv[2]
if mode == "stream":  # the pipeline alone
    from storytrace.api import iter_results
    for result in iter_results([sys.argv[1]], options):
        count(result)
elif mode == "cli":  # what `storytrace analyze` does: store + page files + streamed dossier.json/html/jsonld
    import tempfile
    from storytrace.cli import main
    from storytrace.store import SQLiteStore
    out = tempfile.mkdtemp()
    main(["analyze", sys.argv[1], "--out", out, "--no-facts", "--no-comments", "--quiet"]
         + ([] if stories else ["--no-stories"]))
    with SQLiteStore(out + "/storytrace.sqlite") as store:
        for page in store.pages(): count(page)
        for failure in store.failures(): count(failure)
    import shutil; shutil.rmtree(out)
else:  # the Python API's in-memory Dossier
    dossier = analyze([sys.argv[1]], options=options)
    for r in dossier.pages + dossier.failures: count(r)
elapsed = time.perf_counter() - start
print(json.dumps({"pages": pages, "failures": failures, "comments": comments, "seconds": elapsed,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, mode: str, stories: bool) -> dict:
    command = [sys.executable, "-c", CHILD, str(path), mode, "stories" if stories else "no-stories"]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--no-stories", action="store_true", help="turn the stories stage off (cli, dossier)")
    parser.add_argument("--modes", default="stream,cli,dossier",
                        help="stream: the pipeline alone; cli: storytrace analyze; dossier: the in-memory API")
    args = parser.parse_args()
    print(f"stories stage {'off' if args.no_stories else 'on'} (cli, dossier)")
    print("| pages in WARC | mode | WARC.gz MB | pages read | failures | comments | pages/s | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.pages):
            path = Path(tmp) / f"bench-{n}.warc.gz"
            build_warc(path, n)
            for mode in args.modes.split(","):
                r = measure(path, mode, stories=not args.no_stories)  # a row as soon as it is measured
                print(f"| {n:,} | {mode} | {path.stat().st_size / 1e6:.1f} | {r['pages']:,} | {r['failures']} | "
                      f"{r['comments']:,} | {r['pages'] / r['seconds']:.1f} | {r['peak_rss_mb']:.0f} |", flush=True)

if __name__ == "__main__":
    main()
