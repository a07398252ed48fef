"""Authors and dates of plain-text comments read from comment-section chrome, against the HTML comment extractor.

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/bench_text_chrome_authors.py --data /work/shared/data \
        [--half heldout|train] [--out FILE]

Pages: the Dragnet pages of the chosen half (``training/line_data.py`` ``split_names``; the default is the
held-out half, develop on ``--half train``) whose HTML gives comments with authors
(:func:`storytrace.anatomy.html_comments.extract_comments`) and whose gold file has a comment section.

Each page becomes the plain-text dump a scraper would write: the headline, the gold body paragraphs, then the
gold comment section *with its chrome lines in page order* (``SourcePage.comment_section``, the lines the
``comment_chrome`` variant of the synthetic pages uses: names, dates, "Reply", "557 Fans"). The dump goes
through :func:`storytrace.anatomy.text.split_text` twice: with the default line model and with the chrome
specialist (``Options.text_comment_chrome``).

Scoring, per comment record: the record is matched to the HTML comments whose text contains its line
(case, spacing and punctuation ignored; lines of fewer than 12 letters or digits are not matched). A record
is *judged* when its matches agree on one author. Names are compared after the same normalisation on both
sides (lower case, no punctuation or spaces, and without a trailing "says:"/"said..."/"wrote:", "N Fans",
"Follow", "N days ago" or date, a leading comment number, or an aside in parentheses, which some HTML authors
carry or lack).

* precision: attached authors equal to the HTML author / attached authors on judged records;
* recall: correct attached / judged records;
* date accuracy: attached dates agreeing with the HTML date to the coarser of the two precisions (an HTML
  time of midnight counts as a date alone) / attached dates on records whose HTML comment has a date;
* abstention: pages with comment records but no author attached / pages with comment records.

Exit status 1 when precision (either mode) is below ``--floor`` (0.95).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from line_data import decode, load_pieces, split_names

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


def text_key(text: str) -> str:
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text).casefold())


def name_key(name: str | None) -> str:
    if not name:
        return ""
    s = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    s = re.sub(r"\s+(?:says|said|wrote)\b.*$", "", s)
    s = re.sub(r"\s+\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b.*$", "", s)
    s = re.sub(r"\s+\d[\d,]*\s+fans\b.*$", "", s)
    s = re.sub(r"\s+follow$", "", s)
    s = re.sub(r"\s+" + MONTH + r"\s+\d.*$", "", s)
    s = re.sub(r"^\d+\s+", "", s)
    s = re.sub(r"\s*\([^)]*\)", "", s)  # "Ann (in Leeds)", "Ted (Tedster)": the name without its aside
    return re.sub(r"\W+", "", s)


def date_ok(mine: str, gold: str) -> bool:
    """Both dates agree to the coarser of their precisions (minutes at most; a midnight HTML time, as older
    extractors wrote a date alone, counts as a date alone)."""
    if gold[10:19] == "T00:00:00":
        gold = gold[:10]
    n = min(len(mine), len(gold), 16)
    return mine[:n] == gold[:n]


def build_pages(data: Path, half: str) -> list[dict]:
    from trafilatura.utils import load_html

    from storytrace.anatomy.html_comments import extract_comments

    train, heldout = split_names(data)
    pieces = load_pieces(data, heldout if half == "heldout" else train)
    pages = []
    for p in pieces.pages:
        if not p.comment_section:
            continue
        with gzip.open(data / "extraction" / "dragnet" / "html" / f"{p.name}.html.gz") as fh:
            tree = load_html(decode(fh.read()))
        if tree is None:
            continue
        gold = [(text_key(c.text), c.author, c.published) for c in extract_comments(tree, p.name)]
        if not any(a for _, a, _ in gold):
            continue
        lines = p.headlines[:1] + p.body + [line for line, _ in p.comment_section]
        pages.append({"name": p.name, "text": "\n".join(lines), "gold": gold,
                      "chrome_lines": sum(lab == "boilerplate" for _, lab in p.comment_section)})
    return pages


def score_page(comments: list, gold: list[tuple[str, str | None, str | None]]) -> dict[str, int]:
    """Counts for one page: ``comments`` are the page's Comment records, ``gold`` (text key, author, date)."""
    n = dict.fromkeys(("records", "judged", "attached", "correct", "attached_unjudged", "dates", "dates_judged",
                       "dates_correct"), 0)
    for c in comments:
        n["records"] += 1
        k = text_key(c.text)
        hits = [g for g in gold if len(k) >= 12 and k in g[0]]
        authors = {name_key(a) for _, a, _ in hits if a}
        judged = len(authors) == 1 and all(a for _, a, _ in hits)
        if c.author:
            n["attached"] += 1
        if c.published:
            n["dates"] += 1
        if not judged:
            n["attached_unjudged"] += bool(c.author)
            continue
        n["judged"] += 1
        if c.author:
            n["correct"] += name_key(c.author) in authors
        gold_dates = {d for _, _, d in hits if d}
        if c.published and len(gold_dates) == 1:
            n["dates_judged"] += 1
            n["dates_correct"] += date_ok(c.published, gold_dates.pop())
    return n


def run(pages: list[dict], chrome: bool, show_errors: int = 0) -> dict:
    from storytrace.anatomy.text import load_line_model, split_text
    from storytrace.records import Page
    from storytrace.settings import Options

    model = load_line_model()
    options = Options(text_comment_chrome=chrome, text_comment_authors=True)
    total: dict[str, int] = {}
    pages_with_comments = abstained = 0
    errors = []
    t0 = time.perf_counter()
    for pg in pages:
        page = split_text(pg["text"], Page(id=pg["name"], source=pg["name"]), options, model=model)
        n = score_page(page.comments, pg["gold"])
        for k, v in n.items():
            total[k] = total.get(k, 0) + v
        if page.comments:
            pages_with_comments += 1
            abstained += not any(c.author for c in page.comments)
        if show_errors:
            for c in page.comments:
                k = text_key(c.text)
                hits = {name_key(a) for g, a, _ in pg["gold"] if len(k) >= 12 and k in g and a}
                if c.author and len(hits) == 1 and name_key(c.author) not in hits:
                    errors.append((pg["name"], c.author, hits.pop(), c.text[:60]))
    return {"mode": "chrome specialist" if chrome else "default line model", "pages": len(pages),
            "pages_with_comments": pages_with_comments, "abstained_pages": abstained, "counts": total,
            "seconds": round(time.perf_counter() - t0, 1), "errors": errors[:show_errors]}


def summarise(res: dict) -> dict:
    n = res["counts"]
    judged_attached = n["attached"] - n["attached_unjudged"]
    res["precision"] = n["correct"] / judged_attached if judged_attached else None
    res["recall"] = n["correct"] / n["judged"] if n["judged"] else None
    res["date_accuracy"] = n["dates_correct"] / n["dates_judged"] if n["dates_judged"] else None
    res["abstention"] = res["abstained_pages"] / res["pages_with_comments"] if res["pages_with_comments"] else None
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="path to /work/shared/data")
    ap.add_argument("--half", choices=("heldout", "train"), default="heldout",
                    help="held-out half (the benchmark) or train half (development)")
    ap.add_argument("--out", type=Path, help="write the JSON report here")
    ap.add_argument("--floor", type=float, default=0.95, help="precision floor (exit 1 below it)")
    ap.add_argument("--show-errors", type=int, default=0, help="print up to N wrong attributions per mode")
    args = ap.parse_args(argv)
    pages = build_pages(args.data, args.half)
    results = [summarise(run(pages, chrome, args.show_errors)) for chrome in (False, True)]
    print(f"{args.half} half: {len(pages)} pages with HTML comment authors and a gold comment section "
          f"({sum(p['chrome_lines'] > 0 for p in pages)} with chrome lines)\n")
    print("| mode | precision | recall | attached / judged records | date accuracy (n) | abstained pages |")
    print("|---|---|---|---|---|---|")
    for r in results:
        n = r["counts"]
        fmt = (lambda x: "n/a" if x is None else f"{x:.3f}")
        print(f"| {r['mode']} | {fmt(r['precision'])} | {fmt(r['recall'])} | "
              f"{n['attached'] - n['attached_unjudged']} / {n['judged']} (+{n['attached_unjudged']} unjudged) | "
              f"{fmt(r['date_accuracy'])} ({n['dates_judged']}) | {r['abstained_pages']} / "
              f"{r['pages_with_comments']} ({fmt(r['abstention'])}) |")
        for e in r["errors"]:
            print("   wrong:", e)
    if args.out:
        args.out.write_text(json.dumps({"half": args.half, "results": results}, indent=2))
    ok = all(r["precision"] is None or r["precision"] >= args.floor for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
