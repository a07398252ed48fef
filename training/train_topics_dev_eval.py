"""Score the topic tagger on the hand-labelled dev set (tests/facts/fixtures/topic_dev.jsonl), and optionally
on the non-English set and by cross-validating the training recipe over the hand-labelled training texts.

The dev set (121 English SemEval-2022 Task 8 / Dragnet texts labelled by hand with one IPTC top level each,
none of them in the training labels) is what choices are made on. The non-English set
(tests/facts/fixtures/topic_dev_multilingual.jsonl: 396 SemEval texts in de, es, tr, pl, it, fr, ru labelled
by hand, none within USE cosine 0.7 of a training or dev text) measures the e5 probe that tags non-English
pages. topics/bbc is evaluation only and never used here.

Run:  nice .venv/bin/python training/train_topics_dev_eval.py --data /work/shared/data [--no-use] [--cv]
      [--multilingual]
      ... --recipe [--authored [FILE]] [--authored-weight W] [--authored-models tfidf,use,e5] [--cv] [--multilingual]
      (fit the recipe in memory, optionally with the project-authored texts, and score it: a configuration
      is compared on dev and CV without writing a model; the authored texts only ever train)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
MULTILINGUAL = Path(__file__).resolve().parents[1] / "tests" / "facts" / "fixtures" / "topic_dev_multilingual.jsonl"


def per_topic(pred: list[str], gold: list[str]) -> dict[str, str]:
    return {g: f"{sum(p == g for p, gg in zip(pred, gold, strict=True) if gg == g)}/{n}"
            for g, n in sorted(Counter(gold).items())}


def authored_rows(path: Path | None, cache: Path, tops: list[str], *, e5: bool = False) -> dict:
    """The authored texts as training rows: texts, labels, label indices and USE (and e5) embeddings; empty
    without ``path``."""
    from train_topics import authored

    texts, y = authored(path) if path else ([], [])
    return _rows(texts, y, cache, tops, e5=e5)


def extra_rows(path: Path | None, data: Path, cache: Path, tops: list[str], *, e5: bool = False,
               langs: tuple[str, ...] | None = None) -> dict:
    """The extra hand labels (training/data/topics_labels/) as training rows, like :func:`authored_rows`;
    empty without ``path``."""
    from train_topics import extra_labelled

    texts, y, _ = extra_labelled(data, path, langs) if path else ([], [], [])
    return _rows(texts, y, cache, tops, e5=e5)


def _rows(texts: list[str], y: list[str], cache: Path, tops: list[str], *, e5: bool) -> dict:
    """Training rows for labelled texts: the texts, labels, label indices, USE and (``e5``) e5 lead embeddings."""
    from train_topics import embed, use_embed

    from storytrace.facts.topics import lead

    out = {"texts": texts, "y": y, "yi": np.array([tops.index(t) for t in y], dtype=int),
           "use": use_embed(texts, cache) if texts else np.zeros((0, 512), np.float32)}
    if e5:
        out["e5"] = (embed([lead(t) for t in texts], cache, "leads-query", query=True) if texts
                     else np.zeros((0, 384), np.float32))
    return out


def _take(x: dict, keep: np.ndarray) -> dict:
    """The rows ``keep`` (boolean mask) of an extra-rows dict."""
    return {k: ([v[i] for i in np.flatnonzero(keep)] if isinstance(v, list) else v[keep]) for k, v in x.items()}


def fit_recipe(texts: list[str], y: list[str], U: np.ndarray, a: dict, *, weight: float, models: set[str],
               terms: list[dict], tops: list[str], x: dict | None = None, x_weight: float = 1.0,
               x_models: set[str] = frozenset(), long: dict | None = None, long_weight: float = 0.0):
    """The TF-IDF model and USE probe of the training recipe on (texts, y) with USE embeddings ``U``, plus the
    authored rows ``a`` (weight ``weight``) and the full-length authored rows ``long`` (session 20, weight ``long_weight``)
    in the ``models`` that use them and the extra hand labels ``x`` (weight ``x_weight``) in ``x_models``."""
    from train_topics import TERM_WEIGHT, TFIDF_C, fit_tfidf, fit_weighted_probe

    extra = (a["texts"], a["y"]) if "tfidf" in models else ([], [])
    more = ((long["texts"], long["y"], long_weight),) if long and "tfidf" in models else ()
    more += ((x["texts"], x["y"], x_weight),) if x and "tfidf" in x_models else ()
    model = fit_tfidf(texts, y, terms, term_weight=TERM_WEIGHT, C=TFIDF_C, extra=extra, extra_weight=weight, more=more)
    yi = np.array([tops.index(t) for t in y])
    more = ((long["use"], long["yi"], long_weight),) if long and "use" in models else ()
    more += ((x["use"], x["yi"], x_weight),) if x and "use" in x_models else ()
    probe = fit_weighted_probe(U, yi, len(tops), a["use"] if "use" in models else None, a["yi"], weight, more=more)
    return model, probe


def ensemble_hits(model, probe, texts: list[str], U: np.ndarray, gold: np.ndarray,
                  use_weight: float | None = None) -> dict[str, list[bool]]:
    from storytrace.facts.topics import USE_WEIGHT, mix_english, softmax_probe

    p_tf = model.predict_proba(texts)
    p_use = softmax_probe(U, probe)
    mixed = mix_english(p_tf, p_use, USE_WEIGHT if use_weight is None else use_weight)
    return {name: list(p.argmax(1) == gold) for name, p in (("tfidf", p_tf), ("use_probe", p_use), ("ensemble", mixed))}


def cross_validate(data: Path, cache: Path, folds: int = 5, *, authored: Path | None = None, weight: float = 1.0,
                   models: set[str] = frozenset(), use_weight: float | None = None, extra: Path | None = None,
                   x_weight: float = 1.0, x_models: set[str] = frozenset(),
                   x_langs: tuple[str, ...] | None = None, near: float = 0.7, labels: Path | None = None,
                   score_labels: Path | None = None, long: Path | list[Path] | None = None,
                   long_weight: float = 0.0) -> dict[str, float]:
    """Stratified k-fold accuracy of the recipe's TF-IDF model, USE probe and their ensemble (English). The
    folds split the hand-labelled texts (train_labels.jsonl) only: the authored texts (``authored``) join
    every training fold and are never scored; so do the extra hand labels (``extra``), except, in each fold,
    those within USE cosine ``near`` of a scored text (same story, often a translation), so the CV stays
    comparable with earlier versions and is not flattered by near-copies. ``labels`` (default: the shipped
    train_labels.jsonl) trains; ``score_labels`` (same refs, possibly other topics; default: ``labels``) is the
    gold the held-out folds are scored against, so a recipe trained on one labelling can be scored on another."""
    from sklearn.model_selection import StratifiedKFold
    from train_topics import LABELS, hand_labelled, load_terms, use_embed

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data, labels or LABELS)
    yi = np.array([tops.index(t) for t in y])
    s_texts, s_y = hand_labelled(data, score_labels or labels or LABELS)
    assert s_texts == texts, "--score-labels must list the same texts as --labels, in the same order"
    gi = np.array([tops.index(t) for t in s_y])
    U = use_embed(texts, cache)
    a = authored_rows(authored, cache, tops)
    lr = authored_rows(long, cache, tops) if long else None
    x = extra_rows(extra, data, cache, tops, langs=x_langs) if extra else None
    strata = np.where(np.bincount(yi)[yi] < folds, -1, yi)  # topics with < k texts share one stratum
    hits: dict[str, list[bool]] = {"tfidf": [], "use_probe": [], "ensemble": []}
    dropped = []
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, strata):
        xf = None
        if x is not None and len(x["y"]):
            keep = (x["use"] @ U[te].T).max(1) <= near
            dropped.append(int((~keep).sum()))
            xf = _take(x, keep)
        model, probe = fit_recipe([texts[i] for i in tr], [y[i] for i in tr], U[tr], a, weight=weight,
                                  models=set(models), terms=terms, tops=tops, x=xf, x_weight=x_weight,
                                  x_models=set(x_models), long=lr, long_weight=long_weight)
        for k, v in ensemble_hits(model, probe, [texts[i] for i in te], U[te], gi[te], use_weight).items():
            hits[k] += v
    out = {f"cv{folds}_{k}": float(np.mean(v)) for k, v in hits.items()} | {"cv_n": len(texts)}
    if x is not None:
        out |= {"cv_extra_n": len(x["y"]), "cv_extra_dropped_per_fold": dropped}
    return out


def recipe_scores(data: Path, cache: Path, *, authored: Path | None, weight: float, models: set[str],
                  multilingual: bool, use_weight: float | None = None, extra: Path | None = None,
                  x_weight: float = 1.0, x_models: set[str] = frozenset(),
                  x_langs: tuple[str, ...] | None = None, labels: Path | None = None,
                  dev: Path | None = None, long: Path | list[Path] | None = None, long_weight: float = 0.0,
                  checks: tuple[Path, ...] = ()) -> dict:
    """Fit the recipe in memory on all hand labels (+ authored texts) and score the dev set (TF-IDF, USE probe,
    ensemble) and, with ``multilingual``, the non-English set (e5 probe), without writing a model."""
    from train_topics import (
        DEV_FIXTURE,
        LABELS,
        embed,
        fit_weighted_probe,
        hand_labelled,
        load_dev,
        load_terms,
        use_embed,
    )

    from storytrace.facts.topics import lead, softmax_probe

    terms = load_terms()
    tops = sorted({t["top"] for t in terms})
    texts, y = hand_labelled(data, labels or LABELS)
    a = authored_rows(authored, cache, tops, e5=multilingual and "e5" in models)
    x = extra_rows(extra, data, cache, tops, e5=multilingual and "e5" in x_models, langs=x_langs) if extra else None
    lr = authored_rows(long, cache, tops) if long else None
    model, probe = fit_recipe(texts, y, use_embed(texts, cache), a, weight=weight, models=set(models), terms=terms,
                              tops=tops, x=x, x_weight=x_weight, x_models=set(x_models), long=lr,
                              long_weight=long_weight)
    _, dtexts, dgold = load_dev(data, dev or DEV_FIXTURE)
    gi = np.array([tops.index(g) for g in dgold])
    hits = ensemble_hits(model, probe, dtexts, use_embed(dtexts, cache), gi, use_weight)
    out: dict = {f"dev_{k}": float(np.mean(v)) for k, v in hits.items()} | {"dev_n": len(dgold)}
    out["dev_per_topic"] = {g: f"{sum(h for h, gg in zip(hits['ensemble'], dgold, strict=True) if gg == g)}/{n}"
                            for g, n in sorted(Counter(dgold).items())}
    for path in checks:  # authored check texts that never train (session 20: en_s20_check.jsonl)
        c = authored_rows(path, cache, tops)
        out[f"check_{Path(path).stem}"] = float(np.mean(ensemble_hits(model, probe, c["texts"], c["use"], c["yi"],
                                                                      use_weight)["ensemble"]))
    if multilingual:
        yi = np.array([tops.index(t) for t in y])
        E = embed([lead(t) for t in texts], cache, "leads-query", query=True)
        more = ((x["e5"], x["yi"], x_weight),) if x and "e5" in x_models else ()
        e5 = fit_weighted_probe(E, yi, len(tops), a["e5"] if "e5" in models else None, a["yi"], weight, more=more)
        _, mtexts, mgold = load_dev(data, MULTILINGUAL)
        M = embed([lead(t) for t in mtexts], cache, "mlleads-query", query=True)
        out |= {"multilingual_n": len(mgold), "multilingual_top1": float(np.mean(
            softmax_probe(M, e5).argmax(1) == np.array([tops.index(g) for g in mgold])))}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, help="model folder (default: the shipped one)")
    ap.add_argument("--no-use", action="store_true", help="English pages: TF-IDF model alone")
    ap.add_argument("--cv", action="store_true", help="also 5-fold CV of the recipe over the hand labels")
    ap.add_argument("--multilingual", action="store_true", help="also the non-English set (e5 probe, slow)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--recipe", action="store_true",
                    help="fit the training recipe in memory (with the --authored options) and score dev, instead "
                    "of loading a saved model")
    ap.add_argument("--authored", type=Path, nargs="*", default=False,
                    help="--recipe / --cv: add the project-authored texts to training (default: en.jsonl; name "
                    "several files to use more)")
    ap.add_argument("--authored-weight", type=float, default=None)
    ap.add_argument("--authored-long", type=Path, nargs="*", default=None,
                    help="--recipe / --cv (session 20): also the longer authored articles at their own weight (no file: "
                    "en_s20.jsonl); with --authored, --recipe also scores the never-trained en_s20_check.jsonl")
    ap.add_argument("--authored-long-weight", type=float, default=None)
    ap.add_argument("--authored-models", default=None, help="comma-separated: tfidf, use, e5")
    ap.add_argument("--use-weight", type=float, default=None,
                    help="--recipe / --cv: weight of the USE probe in the English ensemble (default: USE_WEIGHT)")
    ap.add_argument("--extra", type=Path, nargs="?", const=None, default=False,
                    help="--recipe / --cv: add the extra hand labels to training (default file; never scored)")
    ap.add_argument("--extra-weight", type=float, default=None)
    ap.add_argument("--extra-models", default=None, help="comma-separated: tfidf, use, e5")
    ap.add_argument("--extra-langs", default="", help="comma-separated languages of the extra labels (default: all)")
    ap.add_argument("--labels", type=Path, default=None,
                    help="--recipe / --cv: hand labels to train on (default: the shipped train_labels.jsonl)")
    ap.add_argument("--score-labels", type=Path, default=None,
                    help="--cv: the gold the folds are scored against (same refs as --labels; default: --labels)")
    ap.add_argument("--dev", type=Path, default=None, help="dev fixture (default: tests/facts/fixtures/topic_dev.jsonl)")
    args = ap.parse_args(argv)

    from train_topics import (
        AUTHORED_FILES,
        AUTHORED_LONG,
        AUTHORED_LONG_CHECK,
        AUTHORED_LONG_WEIGHT,
        AUTHORED_MODELS,
        AUTHORED_WEIGHT,
        EXTRA_LABELS,
        EXTRA_MODELS,
        EXTRA_WEIGHT,
        load_dev,
    )

    from storytrace.facts.topics import load_topic_tagger

    authored = None if args.authored is False else (args.authored or list(AUTHORED_FILES))
    weight = AUTHORED_WEIGHT if args.authored_weight is None else args.authored_weight
    long = None if args.authored_long is None else (args.authored_long or [AUTHORED_LONG])
    if long and not authored:
        ap.error("--authored-long applies with --authored")
    long_weight = AUTHORED_LONG_WEIGHT if args.authored_long_weight is None else args.authored_long_weight
    lkw = {"long": long, "long_weight": long_weight}
    models = {m.strip() for m in (args.authored_models or AUTHORED_MODELS).split(",") if m.strip()}
    extra = None if args.extra is False else (args.extra or EXTRA_LABELS)
    x_weight = EXTRA_WEIGHT if args.extra_weight is None else args.extra_weight
    x_models = {m.strip() for m in (args.extra_models or EXTRA_MODELS).split(",") if m.strip()}
    x_langs = tuple(x.strip() for x in args.extra_langs.split(",") if x.strip()) or None
    xkw = {"extra": extra, "x_weight": x_weight, "x_models": x_models, "x_langs": x_langs}
    args.cache.mkdir(parents=True, exist_ok=True)
    out: dict = {}
    if extra and not (args.recipe or args.cv):
        ap.error("--extra and its weight/models apply to --recipe or --cv")
    if extra:
        out["extra"] = {"file": str(extra), "weight": x_weight, "models": sorted(x_models), "langs": x_langs}
    if authored and not (args.recipe or args.cv):
        ap.error("--authored and its weight/models apply to --recipe or --cv; the saved model is scored as trained")
    if authored:
        out["authored"] = {"file": [str(a) for a in authored], "weight": weight, "models": sorted(models)}
        if long:
            out["authored_long"] = {"file": [str(p) for p in long], "weight": long_weight}
    if args.recipe:
        out |= recipe_scores(args.data, args.cache, authored=authored, weight=weight, models=models,
                             multilingual=args.multilingual, use_weight=args.use_weight, labels=args.labels,
                             dev=args.dev, checks=(AUTHORED_LONG_CHECK,) if authored else (), **xkw, **lkw)
    else:
        _, texts, gold = load_dev(args.data, args.dev) if args.dev else load_dev(args.data)
        tagger = load_topic_tagger(use_encoder=not args.no_use, path=args.model)
        pred = [t[0].id for t in tagger.tag(texts)]
        out |= {"dev_n": len(gold), "dev_top1": float(np.mean([p == g for p, g in zip(pred, gold, strict=True)])),
                "english": "tfidf+use" if tagger.use_probe is not None and not args.no_use else "tfidf",
                "per_topic": per_topic(pred, gold)}
        if args.multilingual:
            _, texts, gold = load_dev(args.data, MULTILINGUAL)
            pred = [t[0].id for t in tagger.tag(texts, [False] * len(texts))]
            out |= {"multilingual_n": len(gold),
                    "multilingual_top1": float(np.mean([p == g for p, g in zip(pred, gold, strict=True)]))}
    if args.cv:
        out |= cross_validate(args.data, args.cache, authored=authored, weight=weight, models=models,
                              use_weight=args.use_weight, labels=args.labels, score_labels=args.score_labels, **xkw,
                              **lkw)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
