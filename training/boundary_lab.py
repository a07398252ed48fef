"""Compare boundary-ranker feature sets on fixed pages: today's features against today's plus the thread group.

    .venv/bin/python training/boundary_lab.py embed --data D --fold F --pages N --seed S[,S2...] --out NPZ
    .venv/bin/python training/boundary_lab.py score --data D --model DIR --fold F --pages N --seed S[,S2...] \
        [--emb-cache NPZ ...] --out PKL   # PKL may hold {seed}
    .venv/bin/python training/boundary_lab.py eval --train PKL [PKL ...] --test PKL [PKL ...] [--cv K] \
        [--kinds C,T,G,TB,GB] [--shipped DIR] [--json OUT]

``embed`` (session 21): embeds every distinct line of those pages once, for ``score --emb-cache`` (the encoder is
the same for every line model, so one cache serves every model and seed; scoring then costs the line model only).

``score``: synthetic pages built from fifth ``F`` of the train half (``line_data.dev_split``), read by a line
model that never saw that fifth (``train_line_model.py --dev`` for fifth 4, ``--leave-out F`` otherwise); each
page's candidate features are stored twice -- today's (``boundary.candidate_features``) and with the thread
group (``boundary.thread_candidate_features``) -- with its stage-3 emissions for decoding. The held-out half
is never read.

``eval``: fits a ranker of each ``--kinds`` -- C (today's features), T (+ the thread group), G (pointwise boosted
trees over C+T, ``train_boundary_ranker.fit_tree_ranker``), GC (trees over C), TB / GB (T / G plus the thread
group read over the whole block after the start, ``thread_candidate_features(window=None)``) -- and also counts
exact, missed, late and early starts and sections opened on pages without comments. It fits a ranker with each feature set on the ``--train`` pages (L2 ``--l2``, as
``train_boundary_ranker.py``) and reports line F1 of body and comment on each ``--test`` file, decoded as the
line model decodes a page (``decode_with_boundary`` at the chosen start, ``need_body``); also the plain decoding
and, with ``--shipped DIR``, that model's ranker (today's features). ``--cv K`` instead cross-validates on the
``--test`` pages over K groups of source pages (same groups for both feature sets); with ``--train``, each
group's ranker is fitted on the ``--train`` pages built from the other groups' sources.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import dev_split, line_f1, load_pieces, make_pages, split_names

from storytrace.anatomy import text as text_mod
from storytrace.anatomy.boundary import BoundaryRanker, decode_with_boundary, thread_candidate_features
from storytrace.anatomy.text import DENSE_NAMES, load_line_model, thread_markers

LABELS = ("body", "comment")


def _load(path: str | Path) -> dict:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def _page_sets(args: argparse.Namespace) -> list[tuple[int, list, list[str]]]:
    """(seed, pages, sources) for each of ``--seed``'s comma-separated seeds."""
    pieces = load_pieces(args.data, dev_split(split_names(args.data)[0], args.fold)[1])
    out = []
    for seed in (int(s) for s in str(args.seed).split(",")):
        sources: list[str] = []
        out.append((seed, make_pages(pieces, args.pages, seed, sources=sources), sources))
    return out


def embed_cache(args: argparse.Namespace) -> None:
    """Embed every distinct line of the pages once (the encoder is the same for every line model, and pages of
    several seeds reuse the same pieces), so ``score --emb-cache`` spends its time on the line model."""
    from storytrace.embeddings import embed, load_encoder

    texts = sorted({line[:text_mod.EMBED_CHARS] for _, pages, _ in _page_sets(args) for lines, _, _ in pages
                    for line in lines})
    vectors = embed(load_encoder(), texts)
    np.savez_compressed(args.out, texts=np.asarray(texts, dtype=object).astype(str), vectors=vectors)
    print(f"{len(texts)} lines embedded -> {args.out}")


def _use_cache(paths: list[Path]) -> None:
    """Make the line models read embeddings from ``paths`` (falling back to the encoder for a missing line)."""
    table = {}
    for path in paths:
        with np.load(path, allow_pickle=False) as stored:
            table.update(zip(stored["texts"].tolist(), stored["vectors"], strict=True))
    original = text_mod.line_embeddings

    def cached(lines, encoder):
        keys = [line[:text_mod.EMBED_CHARS] for line in lines]
        if all(k in table for k in keys):
            return np.vstack([table[k] for k in keys]) if keys else original(lines, encoder)
        return original(lines, encoder)

    text_mod.line_embeddings = cached


def score(args: argparse.Namespace) -> None:
    if args.emb_cache:
        _use_cache(args.emb_cache)
    model = load_line_model(args.model)
    for seed, pages, sources in _page_sets(args):
        _score_pages(args, model, seed, pages, sources)


def _score_pages(args: argparse.Namespace, model, seed: int, pages: list, sources: list[str]) -> None:
    out = []
    for (lines, labels, blank), src in zip(pages, sources, strict=True):
        before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
        probs = model.stage_probs(lines, before, before[1:] + [False])
        model.ranker_thread = True
        x_all = model.boundary_candidates(probs["p1"], probs["p3"], probs["emb"], probs["dense"], probs["grams"])
        model.ranker_thread = False
        style = probs["dense"][:, [DENSE_NAMES.index("ends_excl_q"), DENSE_NAMES.index("sentences")]]
        cls = model.classes
        xb = thread_candidate_features(thread_markers(probs["grams"]), style, probs["p3"], probs["emb"],
                                       cls.index("body"), cls.index("comment"), cls.index("reference"), window=None)
        first_comment = next((i for i, lab in enumerate(labels) if lab == "comment"), len(lines))
        out.append({"labels": labels, "source": src, "gold_row": first_comment - 1,
                    "emit": model.emissions(probs["p3"], model.final_bias).astype(np.float32),
                    "x": x_all.astype(np.float64), "xb": xb.astype(np.float64)})
    meta = {"model": str(args.model), "fold": args.fold, "pages": args.pages, "seed": seed}
    path = str(args.out).replace("{seed}", str(seed))
    with open(path, "wb") as fh:
        pickle.dump({"meta": meta, "pages": out}, fh)
    print(f"{len(out)} pages scored -> {path}", flush=True)


def _cols(x: np.ndarray, thread: bool, n_base: int) -> np.ndarray:
    return x if thread else x[:, :n_base]


def _fit(pages: list[dict], thread: bool, n_base: int, l2: float) -> BoundaryRanker:
    usable = [p for p in pages if p["gold_row"] >= 0]
    return BoundaryRanker.fit([_cols(p["x"], thread, n_base) for p in usable], [p["gold_row"] for p in usable], l2=l2)


class _TreeRanker:
    """Pointwise boosted trees over every candidate (is it the page's gold start?), argmax per page: the
    logit ranker is linear in its features, trees can read interactions (session 21, candidate G)."""

    def __init__(self, pages: list[dict], n_cols: int):
        from train_boundary_ranker import fit_tree_ranker

        usable = [p for p in pages if p["gold_row"] >= 0]
        self.n_cols = n_cols
        self.ranker = fit_tree_ranker([p["x"][:, :n_cols] for p in usable], [p["gold_row"] for p in usable])

    def choose(self, x: np.ndarray) -> int:
        return self.ranker.choose(x[:, :self.n_cols])


class _Logit:
    def __init__(self, pages: list[dict], thread: bool, n_base: int, l2: float):
        self.thread, self.n_base = thread, n_base
        self.ranker = _fit(pages, thread, n_base, l2)

    def choose(self, x: np.ndarray) -> int:
        return self.ranker.choose(_cols(x, self.thread, self.n_base))


def _rankers(pages: list[dict], n_base: int, l2: float, kinds: list[str]) -> dict:
    """The lab's candidate rankers fitted on ``pages``: C (today's features), T (+ thread), G (trees, C+T)."""
    made = {}
    for kind in kinds:
        if kind == "C":
            made[kind] = _Logit(pages, False, n_base, l2)
        elif kind == "T":
            made[kind] = _Logit(pages, True, n_base, l2)
        elif kind == "G":
            made[kind] = _TreeRanker(pages, pages[0]["x"].shape[1])
        elif kind == "GC":
            made[kind] = _TreeRanker(pages, n_base)
        elif kind == "TB":
            made[kind] = _Block(_Logit(_with_block(pages), True, n_base, l2))
        elif kind == "GB":
            made[kind] = _Block(_TreeRanker(_with_block(pages), pages[0]["x"].shape[1] + pages[0]["xb"].shape[1]))
    return made


def _with_block(pages: list[dict]) -> list[dict]:
    """Pages whose candidate features also hold the whole-block thread group (``window=None``)."""
    return [{**p, "x": np.hstack([p["x"], p["xb"]])} for p in pages]


class _Block:
    """A lab ranker fitted on ``_with_block`` features, choosing from a page's stored features."""

    def __init__(self, inner):
        self.inner = inner

    def choose(self, x: np.ndarray, xb: np.ndarray) -> int:
        return self.inner.choose(np.hstack([x, xb]))


MBR: dict = {"tau": None, "model": None}  # --mbr: choose starts by minimum Bayes risk (session 28)


def _scores(ranker, page: dict) -> np.ndarray:
    if isinstance(ranker, _Block):
        return ranker.inner.ranker.scores(np.hstack([page["x"], page["xb"]])[:, :ranker.inner.ranker.coef.shape[0]])
    inner = ranker.ranker
    return inner.scores(_cols(page["x"], ranker.thread, ranker.n_base) if isinstance(ranker, _Logit)
                        else page["x"][:, :ranker.n_cols])


def prose_mass(model, emit: np.ndarray) -> np.ndarray:
    """Each line's stage-3 prose probability (body + comment + reference), recovered from stored emissions."""
    logp = emit.astype(np.float64) + model.log_prior - (0.0 if model.final_bias is None else model.final_bias)
    p = np.exp(logp - logp.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return sum(p[:, model.classes.index(c)] for c in ("body", "comment", "reference"))


def _mbr(scores: np.ndarray, page: dict) -> int:
    from storytrace.anatomy.boundary import mbr_start

    return mbr_start(scores, prose_mass(MBR["model"], page["emit"]), MBR["tau"])


def _choose(ranker, page: dict) -> int:
    if MBR["tau"]:
        return _mbr(_scores(ranker, page), page)
    return ranker.choose(page["x"], page["xb"]) if isinstance(ranker, _Block) else ranker.choose(page["x"])


def _decode(model, page: dict, row: int) -> list[str]:
    return [model.classes[j] for j in decode_with_boundary(page["emit"].astype(np.float64), model.log_start,
                                                           model.log_trans, row + 1, need_body=True)]


def _section_counts(pages: list[dict], rows: list[int]) -> dict[str, int]:
    """How the chosen starts compare with the gold ones, page by page."""
    out = {"exact": 0, "missed": 0, "late": 0, "early": 0, "opened_without": 0}
    for p, row in zip(pages, rows, strict=True):
        n, gold = len(p["labels"]), p["gold_row"]
        has_gold, has_pred = gold < n - 1, row < n - 1
        if row == gold:
            out["exact"] += 1
        elif has_gold and not has_pred:
            out["missed"] += 1
        elif not has_gold:
            out["opened_without"] += 1
        else:
            out["late" if row > gold else "early"] += 1
    return out


def evaluate(args: argparse.Namespace) -> None:
    from storytrace.anatomy.boundary import FEATURE_NAMES

    n_base = len(FEATURE_NAMES)
    kinds = [k for k in args.kinds.split(",") if k]
    classes = tuple(args.classes.split(","))
    tests = {str(p): _load(p) for p in args.test}
    shipped = load_line_model(args.shipped) if args.shipped else None
    train = [p for f in args.train for p in _load(f)["pages"]]
    report = {}
    for name, t in tests.items():
        pages = t["pages"]
        dec = load_line_model(t["meta"]["model"])
        MBR["tau"], MBR["model"] = args.mbr, dec
        chosen = {kind: [0] * len(pages) for kind in kinds}
        if args.cv:
            names = sorted({p["source"] for p in pages})
            order = np.random.default_rng(0).permutation(len(names))
            fold_of = {names[j]: i % args.cv for i, j in enumerate(order)}
            for k in range(args.cv):
                # --train pages of the other groups' sources (and of sources the test set lacks, e.g. another
                # fifth's) train the rankers; without --train the test set's other groups do
                tr = [p for p in (train or pages) if fold_of.get(p["source"], -1) != k]
                made = _rankers(tr, n_base, args.l2, kinds)
                for i, p in enumerate(pages):
                    if fold_of[p["source"]] == k:
                        for kind in kinds:
                            chosen[kind][i] = _choose(made[kind], p)
        else:
            made = _rankers(train, n_base, args.l2, kinds)
            for i, p in enumerate(pages):
                for kind in kinds:
                    chosen[kind][i] = _choose(made[kind], p)
        if shipped is not None and shipped.ranker is not None:
            chosen["shipped"] = [_mbr(shipped.ranker.scores(p["x"][:, :n_base]), p) if args.mbr
                                 else shipped.ranker.choose(p["x"][:, :n_base]) for p in pages]
        gold = [lab for p in pages for lab in p["labels"]]
        res = {}
        for kind, rows in chosen.items():
            pred = [lab for p, row in zip(pages, rows, strict=True) for lab in _decode(dec, p, row)]
            res[kind] = {**{c: round(v, 4) for c, v in line_f1(gold, pred, classes).items()}, **_section_counts(pages, rows)}
        report[name] = res
        print(name, json.dumps(res), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("--data", type=Path, required=True)
    s.add_argument("--model", type=Path, required=True)
    s.add_argument("--fold", type=int, required=True, choices=range(5))
    s.add_argument("--pages", type=int, default=600)
    s.add_argument("--seed", default="2024", help="one seed or several, comma-separated (--out holds {seed})")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--emb-cache", type=Path, nargs="*", default=[], help="embeddings written by the embed command")
    c = sub.add_parser("embed")
    c.add_argument("--data", type=Path, required=True)
    c.add_argument("--fold", type=int, required=True, choices=range(5))
    c.add_argument("--pages", type=int, default=600)
    c.add_argument("--seed", default="2024")
    c.add_argument("--out", type=Path, required=True)
    e = sub.add_parser("eval")
    e.add_argument("--train", nargs="*", default=[])
    e.add_argument("--test", nargs="+", required=True)
    e.add_argument("--shipped", type=Path, default=None, help="also decode with this model's ranker")
    e.add_argument("--l2", type=float, default=0.03)
    e.add_argument("--cv", type=int, default=0)
    e.add_argument("--kinds", default="C,T", help="rankers to fit: C, T, G (trees over C+T), GC (trees over C), TB / GB (T / G + whole-block thread group)")
    e.add_argument("--mbr", type=float, default=None,
                   help="choose each start by minimum Bayes risk under softmax(scores / this temperature)")
    e.add_argument("--classes", default=",".join(LABELS), help="line F1 reported for these classes")
    e.add_argument("--json", default=None, help="also write the report here")
    args = ap.parse_args(argv)
    {"score": score, "embed": embed_cache, "eval": evaluate}[args.cmd](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
