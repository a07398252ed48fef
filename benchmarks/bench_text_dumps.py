"""Plain-text anatomy on real text dumps: Dragnet pages rendered to text as a browser's "copy all" would.

The synthetic benchmark (``bench_text_anatomy.py``) assembles pages from gold pieces. Here each real
Dragnet HTML page is rendered to its visible text (block elements start a line; scripts, styles and the
head dropped), the whole dump goes through the plain-text path (``split_text``), and the body and the
comments that come out are scored against the Dragnet gold by word F1, as ``bench_extraction.py`` scores
the HTML path on the same pages. A dump keeps everything a page shows -- menus, sidebars, comment
chrome -- so this is the hardest honest input for the line model. Both plain-text readings are run (the
default, and ``Options.text_comment_chrome``), and the HTML path on the same pages as the reference::

    nice .venv/bin/python benchmarks/bench_text_dumps.py --data /work/shared/data            # held-out half
    nice .venv/bin/python benchmarks/bench_text_dumps.py --data /work/shared/data --tune     # train half
    nice .venv/bin/python benchmarks/bench_text_dumps.py --data D --split dev --model DIR    # dev fifth

The rendering (``render_text``) lives in ``training/line_data.py``, which also labels the dumps of train-half
pages for training (``make_dump_pages``, ``train_line_model.py --real-dumps``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extraction import comment_text, dragnet_pages, prf, storytrace_page, summary

from storytrace.anatomy.text import load_line_model, split_text
from storytrace.records import Page
from storytrace.settings import Options

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from line_data import dev_split, render_text, split_names


def score(pages: list[tuple[str, str, str, str]], model_dir: Path | None = None,
          with_html: bool = True) -> dict[str, dict[str, dict[str, float]]]:
    """Word precision/recall/F1 of the body and comments the plain-text path reads from each page's dump
    (with the line model in ``model_dir``, default the shipped one; the chrome run only when it has a chrome
    specialist), and of the HTML path when ``with_html``."""
    model = load_line_model(model_dir) if model_dir else load_line_model()
    runs = {"plain text, default": Options()}
    if model.chrome is not None:
        runs["plain text, --comment-chrome"] = Options(text_comment_chrome=True)
    out: dict[str, dict[str, dict[str, float]]] = {}
    dumps = {name: render_text(html) for name, html, _, _ in pages}
    for label, options in runs.items():
        body, comments, warned = [], [], 0
        for name, _, gold_body, gold_comments in pages:
            page = split_text(dumps[name], Page(id=name, source=name), options, model=model)
            warned += bool(page.warnings)
            body.append(prf("\n".join(page.body), gold_body))
            if gold_comments:
                comments.append(prf(comment_text(page, True, True), gold_comments))
        out[label] = {"body": summary(body), "comments (as rendered)": summary(comments),
                      "pages warned": {"pages": warned}}
    if not with_html:
        return out
    html_body, html_comments = [], []
    for name, html, gold_body, gold_comments in pages:
        page = storytrace_page(html, name)
        html_body.append(prf(page.body_text, gold_body))
        if gold_comments:
            html_comments.append(prf(comment_text(page, True, True), gold_comments))
    out["HTML path (reference)"] = {"body": summary(html_body), "comments (as rendered)": summary(html_comments)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--split", choices=("heldout", "train", "dev"), default="heldout",
                        help="the Dragnet held-out half, the train half, or the dev fifth of the train half "
                             "(line_data.dev_split; for models trained with train_line_model.py --dev)")
    parser.add_argument("--tune", action="store_true", help="the same as --split train")
    parser.add_argument("--model", type=Path, default=None, help="line model directory (default: the shipped one)")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML path reference run")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    args = parser.parse_args(argv)
    train, held_out = split_names(args.data)
    split = "train" if args.tune else args.split
    names = {"heldout": held_out, "train": train, "dev": dev_split(train)[1]}[split]
    pages = dragnet_pages(args.data, names, args.limit)
    start = time.perf_counter()
    results = score(pages, args.model, with_html=not args.no_html)
    print(f"## Dragnet {split.upper()} pages as plain-text dumps ({len(pages)} pages, "
          f"{sum(1 for p in pages if p[3])} with gold comments; {time.perf_counter() - start:.0f} s)")
    for run, parts in results.items():
        for part, s in parts.items():
            print(f"- {run} / {part}: " + ", ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                                                 for k, v in s.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
