"""Lab for the title rules after the line model (``text._labels``): the model's classes of fixed dev pages are
computed once (``cache``), then the rules are applied to them as ``text._labels`` applies them (``eval``), so
variants of a post-processing rule are compared in seconds on the same model output.

    OMP_NUM_THREADS=1 nice .venv/bin/python training/short_title_lab.py cache --data D --out dev.pkl
    .venv/bin/python training/short_title_lab.py eval dev.pkl [--short-titles]

Pages: the dev fifth's synthetic pages (``bench_text_anatomy.heldout_pages(split="dev")``, seeds 2024 and 7)
and the short-headline pages (``short_headline_pages.py``, seeds 1 and 2). Dev data only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def cache(args: argparse.Namespace) -> None:
    from bench_text_anatomy import heldout_pages
    from line_data import Pieces, dev_split, load_pieces, split_names
    from short_headline_pages import make_short_pages, site_name_keys

    from storytrace.anatomy import text

    model = text.load_line_model(args.model)
    sets = {}
    for seed in () if args.skip_dev else (2024, 7):
        pages = heldout_pages(args.data, 600, seed, "dev")
        sets[f"dev{seed}"] = [_read(model, lines, gold, None) for lines, gold in pages]
    train_names, _ = split_names(args.data)
    train = load_pieces(args.data, train_names)
    dev = Pieces([p for p in train.pages if p.name in set(dev_split(train_names)[1])])
    site_names = site_name_keys(train) if args.no_site_names else frozenset()
    for seed in (1, 2):
        pages = make_short_pages(train, dev, 300, seed, site_names)
        sets[f"short{seed}"] = [_read(model, p.lines, p.gold, p) for p in pages]
    args.out.write_bytes(pickle.dumps(sets))


def _read(model: object, lines: list[str], gold: list[str], page: object) -> dict:
    from storytrace.anatomy import text

    kept, before, after, idx = text._layout(lines)
    meta = None if page is None else (page.title_at, page.head_words, page.kind, page.layout)
    return {"n": len(lines), "kept": kept, "idx": idx, "classes": model.predict(kept, before, after),
            "gold": gold, "meta": meta}


def evaluate(args: argparse.Namespace) -> None:
    from line_data import line_f1

    from storytrace.anatomy import text

    sets = pickle.loads(args.cache.read_bytes())
    for name, pages in sets.items():
        gold, pred = [], []
        strata: dict[str, Counter] = defaultdict(Counter)
        for page in pages:
            labels = text._labels(page["n"], page["kept"], page["idx"], page["classes"], args.short_titles)
            for g, p in zip(page["gold"], labels, strict=True):
                if g != "blank":
                    gold.append(g)
                    pred.append(p)
            if page["meta"]:
                at, words, kind, layout = page["meta"]
                wrong = any(p == "title" for j, p in enumerate(labels) if j != at)
                for key in (f"{kind}/{layout}/{words}", f"{kind}/{layout}/all", f"all/{layout}/all"):
                    strata[key].update(pages=1, found=labels[at] == "title", wrong=wrong)
        f1 = line_f1(gold, pred, ("title", "boilerplate", "body", "comment"))
        print(name, " ".join(f"{c} {v:.4f}" for c, v in f1.items()))
        for key, c in sorted(strata.items()):
            print(f"   {key:<20}{c['pages']:>5} found {c['found'] / c['pages']:.3f} wrong {c['wrong'] / c['pages']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("--data", type=Path, required=True)
    c.add_argument("--model", type=Path, default=None)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--skip-dev", action="store_true", help="only the short-headline pages")
    c.add_argument("--no-site-names", action="store_true", help="short_headline_pages.py --no-site-names")
    e = sub.add_parser("eval")
    e.add_argument("cache", type=Path)
    e.add_argument("--short-titles", action="store_true", help="with short_title_over_body (Options.text_short_titles)")
    args = ap.parse_args(argv)
    cache(args) if args.cmd == "cache" else evaluate(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
