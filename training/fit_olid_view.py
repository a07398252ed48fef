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
from sklearn.metrics import roc_auc_score

from storytrace.comments import CommentModel
from storytrace.comments._content import content_free
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
    prob, margin = model._learned([model_text(a, strip_marks=model.strip_marks) for a in analyses], short)
    eligible = np.array([not content_free(t) and not (short is not None and short[i]) for i, t in enumerate(texts)])
    return prob[:, TOXIC], margin[:, TOXIC], eligible


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
    ap.add_argument("--cascade", choices=("fit", "keep"), default="fit",
                    help="keep: the cascade (default path) keeps its band and row; only the english_embed stack changes")
    args = ap.parse_args(argv)
    model = CommentModel.load(args.model)
    rows = load_train(args.data)
    tr_i, ca_i, _ = split_indices(len(rows))
    tr = [rows[i] for i in tr_i if rows[i]["source"] == "olid"]
    ca = [rows[i] for i in ca_i if rows[i]["source"] == "olid"]
    emb = embeddings(model, [str(r["text"]) for r in tr + ca], args.cache)
    e_tr, e_ca = emb[: len(tr)], emb[len(tr):]
    y_tr = np.array([int(r["toxic"]) for r in tr])
    y_ca = np.array([int(r["toxic"]) for r in ca])
    w_tr = np.ones(len(tr))
    if args.authored is not None:
        authored = authored_training_lines(args.authored, args.authored_exclude)
        e_tr = np.vstack([e_tr, embeddings(model, [str(r["text"]) for r in authored], args.authored_cache)])
        y_tr = np.r_[y_tr, [int(r["toxic"]) for r in authored]]
        w_tr = np.r_[w_tr, np.full(len(authored), args.authored_weight)]
    best = None
    for c in (float(v) for v in args.C.split(",")):
        head = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(e_tr, y_tr, sample_weight=w_tr)
        auc = float(roc_auc_score(y_ca, head.decision_function(e_ca)))
        print(f"view C {c}: OLID calibration ROC-AUC {auc:.4f}", flush=True)
        if best is None or auc > best[0]:
            best = (auc, c, head)
    assert best is not None
    view_auc, view_c, view = best
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
    print(f"chosen: view C {view_c}, stack {row}, band {band} (share {share:.3f}, calibration ROC-AUC {auc:.4f})")
    meta = json.loads((args.model / "model.json").read_text(encoding="utf-8"))
    meta["stack"] = dict(meta.get("stack") or {}, toxic=row)
    if args.cascade == "fit":
        cascade = dict(meta.get("cascade") or {})
        cascade["stack"] = dict(cascade.get("stack") or {}, toxic=row)
        cascade["band"] = dict(cascade.get("band") or {}, toxic=band)
        meta["cascade"] = cascade
    meta["olid_view"] = {"encoder": model.stack_encoder, "C": view_c, "train_rows": len(tr), "calibration_rows": len(ca),
                         "view_calibration_auc": round(view_auc, 4), "band_share": round(share, 4),
                         "band_calibration_auc": round(auc, 4), "max_share": args.max_share,
                         "stack_rows": args.stack_rows, "cascade": args.cascade,
                         "authored_weight": args.authored_weight if args.authored is not None else 0.0}
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
