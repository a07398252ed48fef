"""Fit the paired-encoder heads of the comment model: for a non-English comment in one of USE's languages, the USE
heads' and the multilingual-e5 heads' readings are combined (``CommentModel.pair``).

    LANG=en_US.UTF-8 python training/fit_comment_pair.py --data /work/shared/data [--weight fit|0.5]
        [--intercept W] [--gate groups|none] [--cache DIR] [--out FILE] [--write]

Why: two encoders trained on different objectives (USE on translation ranking, e5 on weakly supervised pairs) make
different errors, and on the authored non-English lines their heads' log-odds averaged rank identity attacks and
toxic comments better than either head alone (revision 3.13 in the model card). The mean of two log-odds is
under-confident, so each head's mean gets its own Platt scaling, fit the way ``train_comment_model.py`` fits the
heads' own: on the calibration half of the training tweets (OLID rows only for toxic and insult, every row for
identity_attack; ``comment_data.split_indices``) joined by the authored calibration lines in USE's languages
(``train_comment_model.calibration_split``, decontaminated like training), the intercept a quarter of the way from
the one that keeps the tweets-only fit's 0.5 point to the joined one (the model's ``authored`` metadata:
``calibration_intercept``). Nothing here reads an eval set, the authored validation split or a probe file.

Per head, the score is s = (1 - w) * z_use + w * z_e5 (z: each head's calibrated log-odds) and the probability
sigmoid(a * s + b). ``--weight 0.5`` is the plain mean; ``--weight fit`` takes w from a two-feature logistic fit on
the same joined rows (its e5 coefficient over the sum of both). ``--gate groups`` (shipped): at run time only the
comments that name a group are paired. ``--write`` stores {encoder, gate, weight, calibration} under ``pair`` in
``model.json`` (re-fit ``news_calibration.json`` afterwards: the model file's hash changes). Shipped in 3.13:
``--weight 0.5 --gate groups`` (the intercept blend the model's heads used, 0.25).
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
from comment_data import (
    authored_key,
    excluded_keys,
    load_authored,
    load_train,
    set_model_spec,
    split_authored,
    split_indices,
)
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from train_comment_model import blend_intercept, calibration_split, platt

from storytrace.comments import CommentModel
from storytrace.comments._model import LEARNED, USE_LANGUAGES, embed_text, log_odds

MODEL_DIR = ROOT / "src" / "storytrace" / "data" / "models" / "comments"
AUTHORED_DIR = ROOT / "training" / "data" / "comments_authored"


def cached_probabilities(model: CommentModel, encoder: str, texts: list[str], cache: Path | None) -> np.ndarray:
    """The ``encoder`` heads' calibrated probabilities of ``texts`` (rows: texts; columns: ``LEARNED``); the
    embeddings are kept in ``cache`` (one .npy per encoder and text list) when given."""
    if cache is None:
        return model._embedded(encoder, texts)
    key = hashlib.sha256("\n".join(embed_text(t) for t in texts).encode()).hexdigest()[:16]
    path = cache / f"{encoder}_{key}.npy"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, model._embed(encoder, texts))
    head = model._head(encoder)
    margin = np.load(path) @ head[0].T + head[1]  # type: ignore[index]
    out = np.empty_like(margin)
    for k, cat in enumerate(LEARNED):
        a, b = head[2][cat]  # type: ignore[index]
        out[:, k] = 1.0 / (1.0 + np.exp(-(a * margin[:, k] + b)))
    return out


def fit_pair(z_use: np.ndarray, z_e5: np.ndarray, y: np.ndarray, tweets: np.ndarray, tweet_rows: np.ndarray,
             weight: str, intercept: float) -> tuple[float, list[float], dict[str, float]]:
    """(w, [a, b], report) for one head. ``tweets``: which rows are training tweets; ``tweet_rows``: which of them
    join this head's Platt fit (OLID rows for toxic and insult); every other row is an authored calibration line."""
    rows = tweet_rows | ~tweets
    if weight == "fit":
        lr = LogisticRegression(C=1e4, max_iter=1000).fit(np.c_[z_use, z_e5][rows], y[rows])
        cu, ce = (float(c) for c in lr.coef_[0])
        w = ce / (cu + ce)
    else:
        w = float(weight)
    s = (1 - w) * z_use + w * z_e5
    ab = platt(s[rows], y[rows], False)
    if intercept != 1:
        ab = blend_intercept(ab, platt(s[tweet_rows], y[tweet_rows], False), intercept)
    authored = ~tweets
    report = {"w": round(w, 4), "n_tweets": int(tweet_rows.sum()), "n_authored": int(authored.sum())}
    for name, z in (("use", z_use), ("e5", z_e5), ("pair", s)):
        for part, sel in (("authored", authored), ("tweets", tweet_rows)):
            if len(set(y[sel])) == 2:
                report[f"auc_{part}_{name}"] = round(float(roc_auc_score(y[sel], z[sel])), 4)
    return w, ab, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="the comment model directory")
    ap.add_argument("--weight", default="0.5", help="e5's weight in the log-odds mean: a number, or 'fit'")
    ap.add_argument("--intercept", type=float, default=None,
                    help="intercept blend (0: the tweets-only fit's 0.5 point; 1: the joined fit); default: the "
                         "model's authored calibration_intercept")
    ap.add_argument("--gate", choices=("groups", "none"), default="groups",
                    help="which comments the pair reads at run time: those that name a group (default) or all")
    ap.add_argument("--cache", type=Path, default=None, help="keep the embeddings here")
    ap.add_argument("--write", action="store_true", help="store the pair in the model directory's model.json")
    ap.add_argument("--out", type=Path, default=None, help="write the pair and the report here as JSON")
    args = ap.parse_args(argv)
    t0 = time.time()
    model = CommentModel.load(args.model)
    meta = model.meta
    authored = meta.get("authored") or {}
    rows = load_train(args.data)
    _, ca_i, _ = split_indices(len(rows))
    tweets = [rows[i] for i in ca_i]
    arows = load_authored(AUTHORED_DIR)
    a_tr, _ = split_authored(arows, float(authored.get("validation_share", 0.2)))
    share = float(authored.get("calibration_share", 0.15))
    _, a_ca = calibration_split(arows, a_tr, share / 0.8, english=authored.get("calibration_langs", "non-en") == "all")
    excluded = excluded_keys(MODEL_DIR / "decontamination.json")
    lines = [arows[i] for i in a_ca if authored_key(arows[i]) not in excluded
             and arows[i]["lang"] in USE_LANGUAGES and arows[i]["lang"] != "en"]
    print(f"{len(tweets)} calibration tweets, {len(lines)} authored calibration lines in USE's languages", flush=True)
    texts = [str(r["text"]) for r in tweets + lines]
    z = {enc: log_odds(cached_probabilities(model, enc, texts, args.cache)) for enc in ("use", "e5")}
    is_tweet = np.r_[np.ones(len(tweets), bool), np.zeros(len(lines), bool)]
    olid = np.r_[[r["source"] == "olid" for r in tweets], np.zeros(len(lines), bool)]
    intercept = float(authored.get("calibration_intercept", 0.25)) if args.intercept is None else args.intercept
    pair: dict[str, object] = {"encoder": "e5", "gate": args.gate, "weight": {}, "calibration": {}}
    report: dict[str, object] = {}
    for k, cat in enumerate(LEARNED):
        y = np.array([int(r[cat]) for r in tweets + lines])
        tweet_rows = is_tweet & (olid if cat != "identity_attack" and meta.get("calib") == "olid" else True)
        w, ab, rep = fit_pair(z["use"][:, k], z["e5"][:, k], y, is_tweet, tweet_rows, args.weight, intercept)
        pair["weight"][cat] = w  # type: ignore[index]
        pair["calibration"][cat] = ab  # type: ignore[index]
        report[cat] = {**rep, "platt": [round(v, 4) for v in ab]}
        print(cat, report[cat], flush=True)
    print(f"{time.time() - t0:.0f}s", flush=True)
    if args.out is not None:
        args.out.write_text(json.dumps({"pair": pair, "report": report}, indent=1), encoding="utf-8")
    if args.write:
        print(f"wrote pair to {set_model_spec(args.model, 'pair', pair)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
