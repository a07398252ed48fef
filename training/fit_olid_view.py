"""Fit an OLID view of the USE embedding into the English toxic stack (session 22, helper "olid").

    python training/fit_olid_view.py --data /work/shared/data [--model DIR] [--out DIR] [--C 0.25,1,4]
        [--bands 0.35-0.55,0.3-0.5,...] [--max-share 0.30] [--cache FILE.npy]

Why: on OLID the char+word toxic head ranks offensive tweets at ROC-AUC ~0.79 (validation half), and a second
sparse view of the same n-grams adds almost nothing (session 22: an OLID-only char head blended in, +0.004). A
logistic head on the USE embedding trained on OLID tweets alone ranks them at ~0.82 by itself, where the shipped
USE toxic head (davidson + OLID + authored lines) gives 0.76. The view is one more dot product on the embedding the
cascade already computes, so it costs nothing where the cascade embeds; it enters the English stack as a third
margin, [wc, we, wv, b] (``_model.stacked_probability``).

Steps (training side only: the training split's OLID rows fit the view, the calibration half's OLID rows fit the
stack and choose C and the band; nothing reads the validation half, an eval set or a probe file):
1. embed the OLID tweets of the training split and the calibration half with the model's USE encoder (cached);
2. for each C, a class-balanced logistic head on the training rows; the C with the best calibration ROC-AUC wins;
3. the toxic stack on every OLID calibration tweet: logistic regression on [char toxic margin, USE toxic margin,
   view margin] (as ``train_comment_model.py`` fits the two-margin stack);
4. the band: among ``--bands`` whose share of OLID calibration tweets sent to the cascade (as at run time: char
   toxic probability with the short-reply shift in the band, not short, not content-free) is at most
   ``--max-share``, the one whose scores rank the calibration tweets best.
Writes model.npz (``stack_view_coef``/``stack_view_intercept``) and model.json (``stack.toxic``,
``cascade.stack.toxic``, ``cascade.band.toxic``, ``olid_view``) to ``--out`` (re-fit ``news_calibration.json``
afterwards: the model files' hash changes).

``--cascade refit`` (session 25, helper "olidview"): only the cascade (the default path) changes; the opt-in
``english_embed`` stack stays as shipped. The view may also train on the training split's davidson tweets
(``--davidson-weight``) and the English authored training lines (``--authored``). For each band the toxic cascade
stack [wc, we, wv, b] is refit on the calibration tweets the cascade picks in it (OLID's, or ``--stack-rows all``
every one), and the whole calibration half is scored as at run time (rules included); the band kept is the one with
the best OLID (ROC-AUC + macro-F1) / 2 whose share of OLID calibration tweets embedded is within ``--max-share``
and whose davidson calibration ROC-AUC and macro-F1 fall at most ``--davidson-auc-drop`` / ``--davidson-f1-drop``.
Still only training-side rows: the training split, the calibration half, the authored training lines.

A third mode, ``register`` (an opt-in ``english_embed`` stack for comments with no profanity, slur or insult, with
a runtime hook in ``_model``), was tried in session 25 and removed after it failed (branch s25-olidview, eb77e02).
``refit`` is not shipped (session 25: it failed the validation half; docs/results/comments.md).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import authored_key, excluded_keys, load_authored, load_train, split_authored, split_indices
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._content import content_free, strip_laughter
from storytrace.comments._model import LEARNED, model_text, stacked_probability

MODEL_DIR = ROOT / "src" / "storytrace" / "data" / "models" / "comments"
TOXIC = LEARNED.index("toxic")


def parse_bands(value: str) -> list[tuple[float, float]]:
    return [(float(lo), float(hi)) for lo, hi in (b.split("-") for b in value.split(",") if b)]


def embeddings(model: CommentModel, texts: list[str], cache: Path | None) -> np.ndarray:
    """USE embeddings of ``texts`` (the run time's ``_embed``), read from ``cache`` when it holds as many rows."""
    if cache is not None and cache.exists():
        emb = np.load(cache)
        if len(emb) == len(texts):
            return emb
    emb = model._embed(model.stack_encoder, texts)
    if cache is not None:
        np.save(cache, emb)
    return emb


def authored_training_lines(folder: Path, exclude: Path | None) -> list[dict[str, object]]:
    """The English authored lines the char heads train on (``split_authored``'s training part, decontaminated)."""
    rows = load_authored(folder)
    train, _ = split_authored(rows, 0.2)
    dropped = excluded_keys(exclude)
    return [rows[i] for i in train if rows[i]["lang"] == "en" and authored_key(rows[i]) not in dropped]


def char_reading(model: CommentModel, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(calibrated toxic probability with the short-reply shift, raw toxic margin, whether the cascade may take the
    comment at all: not a short reply, not content-free) of English comments, as the run time reads them."""
    analyses = model.analyses_of(texts, ["en"] * len(texts))
    short = model._short_rows(texts)
    model_texts = [model_text(a, strip_marks=model.strip_marks) for a in analyses]
    if model.strip_laughter:
        model_texts = [strip_laughter(t) for t in model_texts]
    prob, margin = model._learned(model_texts, short)
    eligible = np.array([not content_free(t) and not (short is not None and short[i]) for i, t in enumerate(texts)])
    return prob[:, TOXIC], margin[:, TOXIC], eligible


def view_training_set(model: CommentModel, rows: list[dict[str, object]], tr_i: list[int],
                      args: argparse.Namespace) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int]]:
    """(embeddings, toxic labels, sample weights, rows per part) the view trains on: the training split's OLID
    tweets, then (``--davidson-weight`` > 0) its davidson tweets, then (``--authored``) the English authored
    training lines."""
    olid = [rows[i] for i in tr_i if rows[i]["source"] == "olid"]
    parts, names = [(olid, args.cache, 1.0)], ["olid"]
    if args.davidson_weight > 0:
        parts.append(([rows[i] for i in tr_i if rows[i]["source"] == "davidson"], args.davidson_cache,
                      args.davidson_weight))
        names.append("davidson")
    if args.authored is not None:
        parts.append((authored_training_lines(args.authored, args.authored_exclude), args.authored_cache,
                      args.authored_weight))
        names.append("authored")
    emb = [embeddings(model, [str(r["text"]) for r in part], cache) for part, cache, _ in parts]
    y = np.concatenate([[int(r["toxic"]) for r in part] for part, _, _ in parts])
    w = np.concatenate([np.full(len(part), weight) for part, _, weight in parts])
    return np.vstack(emb), y, w, {name: len(part) for name, (part, _, _) in zip(names, parts, strict=True)}


def fit_view(e_tr: np.ndarray, y_tr: np.ndarray, w_tr: np.ndarray, e_ca: np.ndarray, y_ca: np.ndarray,
             grid: str) -> tuple[float, float, LogisticRegression]:
    """(OLID calibration ROC-AUC, C, head) of the class-balanced logistic view whose C ranks the OLID calibration
    tweets best."""
    best = None
    for c in (float(v) for v in grid.split(",")):
        head = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(e_tr, y_tr, sample_weight=w_tr)
        auc = float(roc_auc_score(y_ca, head.decision_function(e_ca)))
        print(f"view C {c}: OLID calibration ROC-AUC {auc:.4f}", flush=True)
        if best is None or auc > best[0]:
            best = (auc, c, head)
    assert best is not None
    return best


def pipeline_reading(model: CommentModel, rows: list[dict[str, object]]) -> dict[str, float]:
    """Toxic ROC-AUC and macro-F1 (0.5) per source of the full scoring (rules included) of English ``rows``."""
    out = score_texts([str(r["text"]) for r in rows], model, languages=["en"] * len(rows))
    score = np.array([o["scores"]["toxic"] for o in out])
    y = np.array([int(r["toxic"]) for r in rows])
    src = np.array([str(r["source"]) for r in rows])
    res = {}
    for name in sorted(set(src)):
        m = src == name
        res[f"{name}_auc"] = round(float(roc_auc_score(y[m], score[m])), 4)
        res[f"{name}_f1"] = round(float(f1_score(y[m], score[m] >= 0.5, average="macro")), 4)
    return res


def install_view(model: CommentModel, view: LogisticRegression) -> None:
    model.stack_view_coef = view.coef_.astype(np.float32)
    model.stack_view_intercept = view.intercept_.astype(np.float32)
    model._cascade_memo.clear()  # its margins were read without the view


def band_stack(prob: np.ndarray, char_m: np.ndarray, eligible: np.ndarray, margins: np.ndarray, y: np.ndarray,
               band: tuple[float, float]) -> tuple[list[float], np.ndarray]:
    """(stack row [wc, we, wv, b], rows picked) for one band: the stack refit on the OLID calibration tweets the
    cascade picks in it (``margins``: USE toxic margin, view margin), as ``fit_comment_cascade --stack refit``."""
    picked = eligible & (prob >= band[0]) & (prob <= band[1])
    if len(set(y[picked])) < 2:
        raise ValueError("one class in the band")
    st = LogisticRegression(C=1e4, max_iter=1000).fit(np.c_[char_m, margins][picked], y[picked])
    return [float(v) for v in st.coef_[0]] + [float(st.intercept_[0])], picked


def choose_refit_band(model: CommentModel, view: LogisticRegression, cal_rows: list[dict[str, object]],
                      olid_cal: list[dict[str, object]], e_olid_cal: np.ndarray,
                      args: argparse.Namespace) -> tuple[dict[str, object], dict[str, object]]:
    """(the ``cascade`` entry, a report): per ``--bands`` band, the stack refit inside it (on the OLID calibration
    tweets, or with ``--stack-rows all`` on every calibration tweet) and the full scoring of every calibration tweet
    with it; the band with the best OLID (ROC-AUC + macro-F1) / 2 among those within ``--max-share`` of OLID
    calibration tweets embedded and davidson's floors (``--davidson-auc-drop``, ``--davidson-f1-drop`` below the
    model as loaded)."""
    base = pipeline_reading(model, cal_rows)
    print(f"calibration, model as loaded: {base}", flush=True)
    if args.stack_rows == "all":
        others = [r for r in cal_rows if r["source"] != "olid"]
        fit_rows = olid_cal + others
        emb = np.vstack([e_olid_cal, model._embed(model.stack_encoder, [str(r["text"]) for r in others])])
    else:
        fit_rows, emb = olid_cal, e_olid_cal
    prob, char_m, eligible = char_reading(model, [str(r["text"]) for r in fit_rows])
    use_head = model._head(model.stack_encoder)
    assert use_head is not None
    margins = np.c_[(emb @ use_head[0].T + use_head[1])[:, TOXIC], view.decision_function(emb)]
    y = np.array([int(r["toxic"]) for r in fit_rows])
    is_olid = np.arange(len(fit_rows)) < len(olid_cal)
    install_view(model, view)
    tried, choice = [], None
    for band in parse_bands(args.bands):
        try:
            row, picked = band_stack(prob, char_m, eligible, margins, y, band)
        except ValueError:
            continue
        model.cascade = {"band": {"toxic": list(band)}, "stack": {"toxic": row}}
        got = pipeline_reading(model, cal_rows)
        share = round(float(picked[is_olid].mean()), 4)
        ok = (share <= args.max_share and got["davidson_auc"] >= base["davidson_auc"] - args.davidson_auc_drop
              and got["davidson_f1"] >= base["davidson_f1"] - args.davidson_f1_drop)
        goal = (got["olid_auc"] + got["olid_f1"]) / 2
        tried.append({"band": list(band), "share": share, "row": row, **got, "allowed": ok})
        print(f"band {list(band)}: share {share}, {got}{'' if ok else ' (not allowed)'}", flush=True)
        if ok and (choice is None or goal > choice[0]):
            choice = (goal, band, row, share)
    if choice is None:
        raise SystemExit("no band within the budget and davidson's floors")
    _, band, row, share = choice
    return {"band": {"toxic": list(band)}, "stack": {"toxic": row}}, {"base": base, "bands": tried, "share": share}


def write_model(args: argparse.Namespace, meta: dict[str, object], view: LogisticRegression) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    with np.load(args.model / "model.npz") as z:
        arrays = {k: z[k] for k in z.files}
    arrays["stack_view_coef"] = view.coef_.astype(np.float32)
    arrays["stack_view_intercept"] = view.intercept_.astype(np.float32)
    np.savez_compressed(args.out / "model.npz", **arrays)
    (args.out / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
    if args.out.resolve() != args.model.resolve():
        for f in args.model.iterdir():
            if f.name not in ("model.npz", "model.json") and f.is_file():
                shutil.copy(f, args.out / f.name)
    print(f"wrote {args.out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--out", type=Path, required=True, help="model folder to write (may be --model itself)")
    ap.add_argument("--C", default="0.25,1,4")
    ap.add_argument("--bands", default="0.35-0.55,0.3-0.5,0.25-0.45,0.2-0.4,0.3-0.55,0.25-0.5,0.2-0.45,0.2-0.5")
    ap.add_argument("--max-share", type=float, default=0.30)
    ap.add_argument("--cache", type=Path, default=None, help="npy cache of the OLID training+calibration embeddings")
    ap.add_argument("--stack-rows", choices=("olid", "all"), default="olid",
                    help="calibration tweets the stack is fit on: OLID's (as the shipped stacks) or every one")
    ap.add_argument("--authored", type=Path, default=None, help="authored folder: English training lines join the view")
    ap.add_argument("--authored-exclude", type=Path, default=None, help="decontamination report (lines left out)")
    ap.add_argument("--authored-weight", type=float, default=1.0, help="sample weight of those lines in the view")
    ap.add_argument("--authored-cache", type=Path, default=None, help="npy cache of their embeddings")
    ap.add_argument("--davidson-weight", type=float, default=0.0,
                    help="> 0: the training split's davidson tweets join the view with this sample weight")
    ap.add_argument("--davidson-cache", type=Path, default=None, help="npy cache of their embeddings")
    ap.add_argument("--cascade", choices=("fit", "keep", "refit"), default="fit",
                    help="keep: the cascade (default path) keeps its band and row; only the english_embed stack "
                         "changes. refit (session 25): only the cascade changes, its toxic stack refit inside each "
                         "band and the band chosen by the full scoring of the calibration half.")
    ap.add_argument("--davidson-auc-drop", type=float, default=0.002, help="refit: davidson calibration floor")
    ap.add_argument("--davidson-f1-drop", type=float, default=0.005, help="refit: davidson calibration floor")
    ap.add_argument("--limit", type=int, default=0, help="tests: the first N training rows only")
    args = ap.parse_args(argv)
    model = CommentModel.load(args.model)
    rows = load_train(args.data)
    if args.limit:
        rows = rows[: args.limit // 2] + rows[-(args.limit - args.limit // 2):]  # both sources
    tr_i, ca_i, _ = split_indices(len(rows))
    ca = [rows[i] for i in ca_i if rows[i]["source"] == "olid"]
    e_tr, y_tr, w_tr, sizes = view_training_set(model, rows, tr_i, args)
    e_ca = embeddings(model, [str(r["text"]) for r in ca],
                      None if args.cache is None else args.cache.with_suffix(".calibration.npy"))
    y_ca = np.array([int(r["toxic"]) for r in ca])
    view_auc, view_c, view = fit_view(e_tr, y_tr, w_tr, e_ca, y_ca, args.C)
    meta = json.loads((args.model / "model.json").read_text(encoding="utf-8"))
    record = {"encoder": model.stack_encoder, "C": view_c, "train_rows": sizes, "calibration_rows": len(ca),
              "view_calibration_auc": round(view_auc, 4), "max_share": args.max_share, "stack_rows": args.stack_rows,
              "cascade": args.cascade, "authored_weight": args.authored_weight if args.authored is not None else 0.0,
              "davidson_weight": args.davidson_weight}
    if args.cascade == "refit":
        cascade, report = choose_refit_band(model, view, [rows[i] for i in ca_i], ca, e_ca, args)
        meta["cascade"] = dict(meta.get("cascade") or {}, **cascade)
        record.update(band_share=report["share"], calibration=report["base"], bands=report["bands"])
        print(f"chosen: view C {view_c}, cascade {cascade} (share {report['share']})")
    else:
        record.update(fit_stack_and_band(model, rows, ca_i, ca, e_ca, y_ca, view, meta, args))
    meta["olid_view"] = record
    write_model(args, meta, view)
    return 0


def fit_stack_and_band(model: CommentModel, rows: list[dict[str, object]], ca_i: list[int],
                       ca: list[dict[str, object]], e_ca: np.ndarray, y_ca: np.ndarray, view: LogisticRegression,
                       meta: dict[str, object], args: argparse.Namespace) -> dict[str, object]:
    """Session 22's modes (``--cascade fit|keep``): the stack on every OLID (or every) calibration tweet and a band
    chosen by learned scores; updates ``meta`` and returns what the model card records."""
    texts = [str(r["text"]) for r in ca]
    prob, char_m, eligible = char_reading(model, texts)
    use_head = model._head(model.stack_encoder)
    assert use_head is not None
    em = np.hstack([e_ca @ use_head[0].T + use_head[1], view.decision_function(e_ca)[:, None]])
    fit_x, fit_y = np.c_[char_m, em[:, TOXIC], em[:, -1]], y_ca
    if args.stack_rows == "all":  # the davidson calibration tweets join the stack's fit (not the band's choice)
        dav = [rows[i] for i in ca_i if rows[i]["source"] != "olid"]
        d_texts = [str(r["text"]) for r in dav]
        d_emb = model._embed(model.stack_encoder, d_texts)
        d_char = char_reading(model, d_texts)[1]
        d_x = np.c_[d_char, (d_emb @ use_head[0].T + use_head[1])[:, TOXIC], view.decision_function(d_emb)]
        fit_x, fit_y = np.vstack([fit_x, d_x]), np.r_[fit_y, [int(r["toxic"]) for r in dav]]
    st = LogisticRegression(C=1e4, max_iter=1000).fit(fit_x, fit_y)
    row = [float(st.coef_[0, 0]), float(st.coef_[0, 1]), float(st.coef_[0, 2]), float(st.intercept_[0])]
    stacked = stacked_probability(row, char_m, em, TOXIC)
    choice = None
    for lo, hi in parse_bands(args.bands):
        picked = eligible & (prob >= lo) & (prob <= hi)
        share = float(picked.mean())
        auc = float(roc_auc_score(y_ca, np.where(picked, stacked, prob)))
        ok = share <= args.max_share
        print(f"band [{lo}, {hi}]: share {share:.3f}, calibration ROC-AUC {auc:.4f}{'' if ok else ' (over budget)'}")
        if ok and (choice is None or auc > choice[0]):
            choice = (auc, [lo, hi], share)
    if choice is None:
        raise SystemExit("no band within --max-share")
    auc, band, share = choice
    print(f"chosen: stack {row}, band {band} (share {share:.3f}, calibration ROC-AUC {auc:.4f})")
    meta["stack"] = dict(meta.get("stack") or {}, toxic=row)
    if args.cascade == "fit":
        cascade = dict(meta.get("cascade") or {})
        cascade["stack"] = dict(cascade.get("stack") or {}, toxic=row)
        cascade["band"] = dict(cascade.get("band") or {}, toxic=band)
        meta["cascade"] = cascade
    return {"band_share": round(share, 4), "band_calibration_auc": round(auc, 4)}


if __name__ == "__main__":
    raise SystemExit(main())
