"""Fit a language head: an identity-attack head for comments in a few languages (Italian and Dutch), trained on the
project's authored lines alone, that the run time blends with the paired USE + e5 reading (``CommentModel.lang_head``).

    LANG=en_US.UTF-8 python training/comment_lang_head.py [--langs it,nl] [--C 1] [--weight 0.5] [--cache DIR]
        [--out FILE] [--write]

Why (session 27, helper "mhc"): the shared USE and e5 heads train on 38k rows (32k tweets, ~6k authored lines at
weight 10), so 187 more Italian and Dutch lines hardly moved them (session 20); on a fresh it/nl dev file the e5
head alone ranked better than the pair, and implicit derogation and pronoun references were ranked low. This head
reads the same two embeddings (USE 512-d and e5 384-d, concatenated) but learns only from the authored training
lines of ``--langs`` (the ``split_authored`` training side, decontaminated; never the validation lines, a probe
file or an eval set), so the lines written in those languages weigh fully. Its margin m is Platt-scaled on
out-of-fold margins (5 folds grouped by skeleton, so that template variants do not leak), and at run time a comment
in one of ``--langs`` that the pair reads (it names a group) gets identity_attack sigmoid((1 - w) * z_pair + w *
(a * m + b)); every other comment and head is unchanged.

``--write`` stores the coefficients as ``lang_coef``/``lang_intercept`` in ``model.npz`` (the other arrays are
rewritten unchanged) and {langs, weight, calibration, encoders} as ``lang_head`` in ``model.json``; re-fit
``news_calibration.json`` afterwards (the model files' hashes change).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import authored_key, excluded_keys, load_authored, set_model_spec, skeleton, split_authored
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from train_comment_model import platt

from storytrace.comments import CommentModel
from storytrace.comments._model import LEARNED, embed_text, log_odds

MODEL_DIR = ROOT / "src" / "storytrace" / "data" / "models" / "comments"
AUTHORED_DIR = ROOT / "training" / "data" / "comments_authored"
ENCODERS = ("use", "e5")
IDENT = LEARNED.index("identity_attack")


def embeddings(model: CommentModel, texts: list[str], cache: Path | None) -> np.ndarray:
    """[USE | e5] embeddings of ``texts`` (what the head reads), cached per encoder and text list when asked."""
    parts = []
    for enc in ENCODERS:
        key = hashlib.sha256("\n".join(embed_text(t) for t in texts).encode()).hexdigest()[:16]
        path = cache / f"{enc}_{key}.npy" if cache is not None else None
        if path is not None and path.exists():
            parts.append(np.load(path))
            continue
        emb = model._embed(enc, texts)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, emb)
        parts.append(emb)
    return np.hstack(parts).astype(np.float32)


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> np.ndarray:
    """Margins of each line from a head fit without its skeleton's fold (5 folds)."""
    out = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
        out[te] = LogisticRegression(C=c, max_iter=2000).fit(x[tr], y[tr]).decision_function(x[te])
    return out


def blended(z_pair: np.ndarray, z_lang: np.ndarray, w: float) -> np.ndarray:
    return (1 - w) * z_pair + w * z_lang


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--langs", default="it,nl")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--weight", type=float, default=0.5, help="the language head's share of the blended log-odds")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    langs = args.langs.split(",")
    model = CommentModel.load(args.model)
    rows = load_authored(AUTHORED_DIR)
    train, val = split_authored(rows, float((model.meta.get("authored") or {}).get("validation_share", 0.2)))
    excluded = excluded_keys(MODEL_DIR / "decontamination.json")
    tr = [rows[i] for i in train if rows[i]["lang"] in langs and authored_key(rows[i]) not in excluded]
    va = [rows[i] for i in val if rows[i]["lang"] in langs]
    print(f"{len(tr)} training lines, {len(va)} validation lines ({args.langs})", flush=True)
    x_tr = embeddings(model, [str(r["text"]) for r in tr], args.cache)
    y_tr = np.array([int(r["identity_attack"]) for r in tr])
    groups = [f"{r['lang']}|{skeleton(str(r['text']), str(r['lang']))}" for r in tr]
    ab = platt(out_of_fold(x_tr, y_tr, groups, args.C), y_tr, False)
    head = LogisticRegression(C=args.C, max_iter=2000).fit(x_tr, y_tr)
    report: dict[str, object] = {"n_train": len(tr), "n_val": len(va), "C": args.C, "weight": args.weight,
                                 "platt": [round(float(v), 4) for v in ab]}
    # authored validation (never trained on): the pair's reading, the head's and blends, per language
    x_va = embeddings(model, [str(r["text"]) for r in va], args.cache)
    z_pair = log_odds(model._paired(model._embedded("use", [str(r["text"]) for r in va]),
                                    model._embedded("e5", [str(r["text"]) for r in va]))[:, IDENT])
    z_lang = ab[0] * head.decision_function(x_va) + ab[1]
    for lang in langs:
        sel = np.array([r["lang"] == lang for r in va])
        y = np.array([int(r["identity_attack"]) for r in va])[sel]
        report[f"val_{lang}"] = {f"w{w}": round(float(roc_auc_score(y, blended(z_pair, z_lang, w)[sel])), 4)
                                 for w in (0.0, 0.25, 0.5, 0.75, 1.0)}
        print(lang, report[f"val_{lang}"], flush=True)
    print(f"{time.time() - t0:.0f}s", flush=True)
    spec = {"langs": langs, "weight": args.weight, "calibration": [float(v) for v in ab],
            "encoders": list(ENCODERS), "category": "identity_attack"}
    if args.out is not None:
        args.out.write_text(json.dumps({"lang_head": spec, "report": report}, indent=1), encoding="utf-8")
    if args.write:
        with np.load(args.model / "model.npz") as z:
            arrays = {k: z[k] for k in z.files}
        arrays["lang_coef"] = head.coef_.astype(np.float32)
        arrays["lang_intercept"] = head.intercept_.astype(np.float32)
        np.savez_compressed(args.model / "model.npz", **arrays)
        set_model_spec(args.model, "lang_head", spec)
        print(f"wrote lang_head to {args.model}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
