"""Extraction benchmarks: body word-F1 (aeb), comment word-F1 (dragnet held-out), throughput (aeb).

Every number compares storytrace's ``split_html`` with trafilatura alone, in the same run::

    nice .venv/bin/python benchmarks/bench_extraction.py --data /work/shared/data
    nice .venv/bin/python benchmarks/bench_extraction.py --data /work/shared/data --tune   # dragnet train only

Metric: bag-of-words token F1 as in the ScrapingHub article-extraction-benchmark: text lowercased, split
on non-word characters, precision and recall over token multisets, per page; the table gives the mean
precision, the mean recall, F1 of those two means (the aeb convention) and the mean per-page F1. An empty
prediction for a non-empty gold text scores precision 0 and recall 0.

Dragnet split (fixed, by file name): all gold file stems sorted as strings; even index = train, odd
index = held-out. Comment F1 is measured on held-out pages whose gold has a non-empty comment part;
``--tune`` reports on train pages only. aeb is evaluation only.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from trafilatura import bare_extraction, extract

from storytrace.anatomy import html as anatomy_html
from storytrace.anatomy.html import _quiet, split_html
from storytrace.records import Page
from storytrace.settings import Options

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from line_data import decode, read_html, split_names

COMMENTS_MARK = "!@#$%^&*()  COMMENTS"
_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN_RE.findall(text.lower()))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p_tok, g_tok = tokens(pred), tokens(gold)
    tp = sum((p_tok & g_tok).values())
    n_p, n_g = sum(p_tok.values()), sum(g_tok.values())
    precision = tp / n_p if n_p else (1.0 if not n_g else 0.0)
    recall = tp / n_g if n_g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def summary(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(s[0] for s in scores)
    r = statistics.mean(s[1] for s in scores)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "mean_page_f1": statistics.mean(s[2] for s in scores), "pages": len(scores)}


# --- extractors ---------------------------------------------------------------------------------------

OPTIONS = Options()


def storytrace_page(html: str, name: str) -> Page:
    return split_html(html, Page(id=name, source=name), OPTIONS)


def trafilatura_default(html: str) -> str:
    with _quiet():
        return extract(html) or ""


def trafilatura_same_settings(html: str) -> str:
    with _quiet():
        doc = bare_extraction(html, with_metadata=True, **anatomy_html.TRAFILATURA_SETTINGS)  # type: ignore[arg-type]
    return (doc.text or "") if doc is not None else ""


def trafilatura_comments(html: str) -> str:
    with _quiet():
        doc = bare_extraction(html, include_comments=True)
    return (doc.comments or "") if doc is not None else ""


# --- data ---------------------------------------------------------------------------------------------


def aeb_pages(data: Path, limit: int | None) -> list[tuple[str, str, str]]:
    root = data / "extraction" / "aeb"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth)[:limit]:
        out.append((key, read_html(root / "html" / f"{key}.html.gz"), truth[key]["articleBody"]))
    return out


def dragnet_split(data: Path) -> tuple[list[str], list[str]]:
    """The project's one fixed dragnet split (train, held-out), shared with the line-model training."""
    return split_names(data)


def dragnet_gold(data: Path, stem: str) -> tuple[str, str]:
    text = decode((data / "extraction" / "dragnet" / "gold" / f"{stem}.txt").read_bytes())
    body, _, comments = text.partition(COMMENTS_MARK)
    return body.strip(), comments.strip()


def dragnet_pages(data: Path, stems: list[str], limit: int | None) -> list[tuple[str, str, str, str]]:
    out = []
    for stem in stems:
        body, comments = dragnet_gold(data, stem)
        out.append((stem, read_html(data / "extraction" / "dragnet" / "html" / f"{stem}.html.gz"), body, comments))
        if limit and len(out) >= limit:
            break
    return out


# --- benchmarks ---------------------------------------------------------------------------------------


def bench_body(pages: list[tuple[str, str, str]]) -> dict[str, dict[str, float]]:
    runs: dict[str, Callable[[str, str], str]] = {
        "storytrace": lambda h, n: storytrace_page(h, n).body_text,
        "trafilatura (extract, defaults)": lambda h, n: trafilatura_default(h),
        "trafilatura (storytrace's settings)": lambda h, n: trafilatura_same_settings(h),
    }
    return {name: summary([prf(fn(h, n), gold) for n, h, gold in pages]) for name, fn in runs.items()}


def render_date(iso: str | None) -> str:
    """``2012-09-20T10:58:00`` -> ``2012-09-20 10:58`` (the time only when the page gave one)."""
    if not iso:
        return ""
    day, _, time_ = iso.partition("T")
    time_ = time_[:5]
    return f"{day} {time_}" if time_ and time_ != "00:00" else day


def comment_text(page: Page, with_author: bool = False, with_date: bool = False) -> str:
    """The page's comments as one text: the text only, or rendered as a comment section is (author,
    date, text per comment). storytrace keeps the date as ISO 8601; it is rendered as ``YYYY-MM-DD HH:MM``,
    not in the page's own format, so date words ("November", "am") never count for storytrace."""
    out = []
    for c in page.comments:
        head = [c.author or ""] if with_author else []
        if with_date:
            head.append(render_date(c.published))
        out.append("\n".join([*head, c.text]))
    return "\n".join(out)


def bench_comments(pages: list[tuple[str, str, str, str]]) -> dict[str, dict[str, float]]:
    pages = [p for p in pages if p[3]]
    st = {n: storytrace_page(h, n) for n, h, _, _ in pages}
    out = {
        "storytrace (comment text)": summary([prf(comment_text(st[n]), gold) for n, _, _, gold in pages]),
        "storytrace (author + text)": summary([prf(comment_text(st[n], True), gold) for n, _, _, gold in pages]),
        "storytrace (author + date + text, as rendered)": summary(
            [prf(comment_text(st[n], True, True), gold) for n, _, _, gold in pages]),
        "trafilatura (include_comments=True)": summary([prf(trafilatura_comments(h), gold)
                                                        for _, h, _, gold in pages]),
    }
    found = sum(1 for n in st if st[n].comments)
    out["storytrace (comment text)"]["pages_with_comments_found"] = found
    out["storytrace (comment text)"]["comments_found"] = sum(len(p.comments) for p in st.values())
    return out


def bench_speed(pages: list[tuple[str, str, str]], repeats: int) -> dict[str, dict[str, float]]:
    runs: dict[str, Callable[[str, str], object]] = {
        "storytrace split_html": lambda h, n: storytrace_page(h, n),
        "trafilatura extract (defaults)": lambda h, n: trafilatura_default(h),
        "trafilatura bare_extraction (metadata, no comments)": lambda h, n: trafilatura_same_settings(h),
    }
    out: dict[str, dict[str, float]] = {}
    timings: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, fn in runs.items():  # interleaved, so that load on the machine hits all alike
            start = time.perf_counter()
            for n, h, _ in pages:
                fn(h, n)
            timings[name].append(len(pages) / (time.perf_counter() - start))
    for name, values in timings.items():
        out[name] = {"median_pages_per_s": statistics.median(values), "runs": values}
    return out


def print_table(title: str, results: dict[str, dict[str, float]]) -> None:
    print(f"\n## {title}")
    for name, r in results.items():
        cells = ", ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()
                          if k != "runs")
        print(f"- {name}: {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per set")
    parser.add_argument("--repeats", type=int, default=3, help="throughput repeats (median is reported)")
    parser.add_argument("--tune", action="store_true", help="report on dragnet train pages only (for tuning)")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: body,comments,speed")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    train, held_out = dragnet_split(args.data)
    results: dict[str, object] = {"dragnet_split": {"train": len(train), "held_out": len(held_out)}}
    if args.tune:
        pages = dragnet_pages(args.data, train, args.limit)
        body = bench_body([(n, h, b) for n, h, b, _ in pages if b])
        print_table(f"Body word-F1, dragnet TRAIN ({len(pages)} pages)", body)
        com = bench_comments(pages)
        print_table("Comment word-F1, dragnet TRAIN pages with comments", com)
        results.update(body_train=body, comments_train=com)
    else:
        aeb = aeb_pages(args.data, args.limit)
        if "body" not in skip:
            body = bench_body(aeb)
            print_table(f"Body word-F1, aeb ({len(aeb)} pages)", body)
            results["body_aeb"] = body
        if "comments" not in skip:
            com = bench_comments(dragnet_pages(args.data, held_out, args.limit))
            print_table("Comment word-F1, dragnet HELD-OUT pages with comments", com)
            results["comments_heldout"] = com
        if "speed" not in skip:
            speed = bench_speed(aeb, args.repeats)
            print_table(f"Throughput, aeb ({len(aeb)} pages, {args.repeats} repeats)", speed)
            base = speed["trafilatura extract (defaults)"]["median_pages_per_s"]
            same = speed["trafilatura bare_extraction (metadata, no comments)"]["median_pages_per_s"]
            mine = speed["storytrace split_html"]["median_pages_per_s"]
            print(f"- ratio storytrace / trafilatura extract: {mine / base:.3f}; "
                  f"/ trafilatura with metadata: {mine / same:.3f}")
            results["speed_aeb"] = speed
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
