"""Development pages whose headline is short (1-4 words), and how often the plain-text path keeps it as the title.

    OMP_NUM_THREADS=1 nice .venv/bin/python training/short_headline_pages.py --data /work/shared/data \
        --seed 1 --pages 300 [--model DIR] [--json OUT] [--short-titles]

A plain-text dump whose first line is a short headline ("Dam closes") loses it when the line model reads the
short line as boilerplate (session 24). These pages are built from real parts only (``line_data``), from the
**train half** of extraction/dragnet (never the held-out half, never an eval set):

* ``own``: train-half pages whose own headline forms (``line_data._headlines``) include one of 1-4 words, with
  that headline over their own body (a real headline with its real article);
* ``borrowed``: the dev fifth's pages with a short headline drawn from the train half's short forms (a real
  headline over an unrelated article: no shared words, the hard case).

``--no-site-names`` (added after the session-25 verdict, decides nothing there): many short forms of the
Dragnet train half are blog and site names ("Free Range Librarian", "Seth's Blog"), which the project does not
take for titles (``anatomy.html.choose_title``); this drops a form found on two or more source pages and the
forms of ``SITE_NAME_FORMS`` (checked by hand).

Layouts: ``first`` (the headline is the page's first line; sometimes one boilerplate line follows it, a byline
or share links) and ``menu`` (1-3 boilerplate lines above the headline). Then the body, sometimes a comment
section and trailing boilerplate, with or without blank lines, as ``line_data.make_page`` builds its pages.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import Pieces, SourcePage, dev_split, key, line_f1, load_pieces, split_names

MAX_WORDS = 4
# short forms of the train half that name the site, a blog or a page section, not the article (checked by hand
# against each page's <title> and <h1> in session 25, e.g. "Just Keep Going « Rand's Blog" keeps "Just Keep Going"
# and "Summer in Montreal | Legal Nomads" over a post whose <h1> is another title is dropped as unclear)
SITE_NAME_FORMS = ("Seth's Blog", "Paulo Coelho's Blog", "Comentários (sem censura)", "Joy the Baker",
                   "Google Web Toolkit Blog", "Joe McNally’s Blog", "Joe McNally Photography", "Free Range Librarian",
                   "ShoeMoney Internet Marketing Blog", "EDDIE ROSS", "The Fischbowl", "Web Ink Now", "The Daily Edit",
                   "Summer in Montreal")
KINDS = ("own", "borrowed")
LAYOUTS = ("first", "menu")


@dataclass
class ShortPage:
    lines: list[str]  # with blank lines
    gold: list[str]  # "title", "body", "boilerplate", "comment", "blank"
    title_at: int
    head_words: int
    kind: str
    layout: str
    source: str


def short_forms(page: SourcePage, site_names: frozenset[str] = frozenset()) -> list[str]:
    return [h for h in page.headlines if 1 <= len(h.split()) <= MAX_WORDS and key(h) not in site_names]


def site_name_keys(pieces: Pieces) -> frozenset[str]:
    """Keys of the short headline forms that name a site rather than an article (see the module docstring)."""
    pages_of: Counter = Counter(k for p in pieces.pages for k in {key(h) for h in short_forms(p)})
    return frozenset({k for k, n in pages_of.items() if n >= 2} | {key(h) for h in SITE_NAME_FORMS})


def _boiler(src: SourcePage, pool: list[SourcePage], rng: random.Random, n: int) -> list[str]:
    lines = src.boilerplate if len(src.boilerplate) >= n else src.boilerplate + rng.choice(pool).boilerplate
    return rng.sample(lines, min(n, len(lines)))


def build_page(src: SourcePage, headline: str, rng: random.Random, pool: list[SourcePage],
               comment_pool: list[SourcePage], kind: str, layout: str) -> ShortPage:
    lines: list[str] = []
    gold: list[str] = []

    def add(items: list[str], label: str) -> None:
        for it in items:
            lines.append(it)
            gold.append(label)

    if layout == "menu":
        add(_boiler(src, pool, rng, rng.randint(1, 3)), "boilerplate")
    title_at = len(lines)
    add([headline], "title")
    if rng.random() < 0.3:
        add(_boiler(src, pool, rng, 1), "boilerplate")
    body = list(src.body)
    if len(body) > 30:
        start = rng.randrange(len(body) - 20)
        body = body[start:start + rng.randint(3, 30)]
    add(body, "body")
    csrc = src if len(src.comments) >= 2 else rng.choice(comment_pool)
    if rng.random() < 0.5 and csrc.comments:
        if rng.random() < 0.5:
            add(_boiler(src, pool, rng, rng.randint(1, 3)), "boilerplate")
        start = rng.randrange(len(csrc.comments))
        add(csrc.comments[start:start + rng.randint(1, 40)], "comment")
    if rng.random() < 0.5:
        add(_boiler(src, pool, rng, rng.randint(1, 6)), "boilerplate")
    if rng.random() < 0.5:  # blank lines between all lines, as many dumps show paragraphs
        spaced, spaced_gold = [], []
        for i, (s, g) in enumerate(zip(lines, gold, strict=True)):
            if i:
                spaced.append("")
                spaced_gold.append("blank")
            spaced.append(s)
            spaced_gold.append(g)
        lines, gold = spaced, spaced_gold
        title_at *= 2
    return ShortPage(lines, gold, title_at, len(headline.split()), kind, layout, src.name)


def make_short_pages(train: Pieces, dev: Pieces, n_pages: int, seed: int,
                     site_names: frozenset[str] = frozenset()) -> list[ShortPage]:
    """``n_pages`` pages per kind and layout (see the module docstring), from generator seed ``seed``;
    ``site_names``: keys of short forms not to use (:func:`site_name_keys`)."""
    rng = random.Random(seed)
    pool = [p for p in train.pages if p.body]
    comment_pool = train.with_comments or pool
    own = [p for p in pool if short_forms(p, site_names)]
    headline_pool = sorted({h for p in train.pages for h in short_forms(p, site_names)})
    borrowed = [p for p in dev.pages if p.body]
    out = []
    for layout in LAYOUTS:
        for i in range(n_pages):
            src = own[i % len(own)]
            out.append(build_page(src, rng.choice(short_forms(src, site_names)), rng, pool, comment_pool, "own",
                                  layout))
        for i in range(n_pages):
            src = borrowed[i % len(borrowed)]
            out.append(build_page(src, rng.choice(headline_pool), rng, pool, comment_pool, "borrowed", layout))
    return out


def score_pages(pages: list[ShortPage], model: object, short_titles: bool = False) -> dict:
    """Title found rate and wrong-title rate per (kind, layout, headline words), and line counts per class."""
    from storytrace.anatomy.text import classify_lines

    strata: dict[str, Counter] = defaultdict(Counter)
    lines_gold: list[str] = []
    lines_pred: list[str] = []
    for page in pages:
        pred = classify_lines(page.lines, model, short_titles=short_titles)
        found = pred[page.title_at] == "title"
        wrong = any(p == "title" for j, p in enumerate(pred) if j != page.title_at)
        for name in (f"{page.kind}/{page.layout}/{page.head_words}", f"{page.kind}/{page.layout}/all",
                     f"all/{page.layout}/all"):
            strata[name].update(pages=1, found=found, wrong_title=wrong,
                                as_boilerplate=pred[page.title_at] == "boilerplate")
        for g, p in zip(page.gold, pred, strict=True):
            if g != "blank":
                lines_gold.append(g)
                lines_pred.append(p)
    return {"strata": {k: dict(v) for k, v in sorted(strata.items())},
            "f1": {c: round(v, 4) for c, v in line_f1(lines_gold, lines_pred, ("title", "body", "boilerplate", "comment")).items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=300, help="pages per kind and layout")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-site-names", action="store_true", help="drop short forms that name a site")
    ap.add_argument("--short-titles", action="store_true", help="Options.text_short_titles (session 25's rule)")
    ap.add_argument("--show", type=int, default=0, help="print this many pages whose title is lost")
    args = ap.parse_args(argv)

    from storytrace.anatomy.text import classify_lines, load_line_model

    train_names, _ = split_names(args.data)
    train = load_pieces(args.data, train_names)
    dev = Pieces([p for p in train.pages if p.name in set(dev_split(train_names)[1])])
    site_names = site_name_keys(train) if args.no_site_names else frozenset()
    if args.no_site_names:
        print("short forms dropped as site names:", len(site_names))
    pages = make_short_pages(train, dev, args.pages, args.seed, site_names)
    model = load_line_model(args.model)
    res = score_pages(pages, model, args.short_titles)
    res["seed"] = args.seed
    print(f"{'stratum':<22}{'pages':>6}{'found':>8}{'wrong':>8}{'as boiler':>10}")
    for name, c in res["strata"].items():
        n = c["pages"]
        print(f"{name:<22}{n:>6}{c.get('found', 0) / n:>8.3f}{c.get('wrong_title', 0) / n:>8.3f}"
              f"{c.get('as_boilerplate', 0) / n:>10.3f}")
    print("line F1:", res["f1"])
    shown = 0
    for page in pages:
        if shown >= args.show:
            break
        pred = classify_lines(page.lines, model, short_titles=args.short_titles)
        if pred[page.title_at] != "title":
            shown += 1
            print(f"\n--- {page.kind}/{page.layout} {page.source}")
            for s, g, p in list(zip(page.lines, page.gold, pred, strict=True))[:page.title_at + 8]:
                if g != "blank":
                    print(f"  {g:<12}{p:<18}{s[:90]}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
