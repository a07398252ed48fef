"""Fit the English cascade of the comment model: the char + USE stack for the English comments the char heads are
unsure about (``CommentModel.cascade``; ``_model.uncertain``).

    python training/fit_comment_cascade.py --data /work/shared/data --band toxic=0.4,0.6 [--heads toxic]
        [--stack refit|model] [--write]

Why: the stack of the char margin and the USE head's margin (``english_embed``) reads English tweets better than
the char heads alone (validation half: OLID toxic macro-F1 0.713 -> 0.740), but one USE embedding costs 1.5-5 ms a
comment, several times what the char heads and rules take. Most comments are far from the decision point, where a
second opinion changes little; the cascade embeds only those whose char-head probability lies in a band.

``--band CAT=LOW,HIGH`` (repeatable): a comment goes through the stack when the char heads' calibrated probability
of CAT (training calibration, short-reply shift included) lies in [LOW, HIGH]. ``--heads``: the heads whose
scores the stack replaces on those comments (the others keep the char heads' reading). ``--stack model`` uses the
model's own stack (fit on every calibration tweet); ``--stack refit`` (default) fits each head's stack on the
calibration tweets inside the band only, the way ``train_comment_model.py`` fits the full stack (OLID rows for
toxic and insult, every row for identity_attack; unweighted logistic regression on [char margin, USE margin]),
since inside the band the USE margin carries more of the decision than over all comments.

Only the calibration half of the training tweets is read (``comment_data.split_indices``); nothing here reads an
eval set, the validation half, the authored validation split or a probe file. ``--write`` stores {band, stack}
under ``cascade`` in ``model.json`` (re-fit ``news_calibration.json`` afterwards: the model file's hash changes).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import load_train, split_indices
from sklearn.linear_model import LogisticRegression

from storytrace.comments import CommentModel
from storytrace.comments._model import LEARNED, model_text, uncertain

MODEL_DIR = ROOT / "src" / "storytrace" / "data" / "models" / "comments"


def parse_band(values: list[str]) -> dict[str, list[float]]:
    band: dict[str, list[float]] = {}
    for v in values:
        cat, _, rng = v.partition("=")
        if cat not in LEARNED:
            raise SystemExit(f"--band: unknown head {cat!r}")
        lo, hi = (float(x) for x in rng.split(","))
        band[cat] = [lo, hi]
    return band


def fit_cascade(model: CommentModel, rows: list[dict[str, object]], band: dict[str, list[float]], heads: list[str],
                refit: bool) -> tuple[dict[str, object], dict[str, object]]:
    """(the ``cascade`` entry, a report) for the calibration tweets ``rows`` (language English)."""
    texts = [str(r["text"]) for r in rows]
    analyses = model.analyses_of(texts, ["en"] * len(texts))
    short = model._short_rows(texts)
    p, margin = model._learned([model_text(a, strip_marks=model.strip_marks) for a in analyses], short)
    cascade: dict[str, object] = {"band": band}
    # as at run time (``CommentModel._learned_probabilities``): short replies keep the fast path
    gate = np.array([uncertain(p[i], analyses[i], cascade) and not (short is not None and short[i])
                     for i in range(len(rows))])
    src = np.array([str(r["source"]) for r in rows])
    report: dict[str, object] = {"calibration_rows": len(rows), "gated": int(gate.sum()),
                                 "gated_share": {s: round(float(gate[src == s].mean()), 4) for s in sorted(set(src))}}
    stack: dict[str, list[float]] = {}
    if refit:
        idx = np.flatnonzero(gate)
        em = model._embed_margins(model.stack_encoder, [texts[i] for i in idx])
        for cat in heads:
            k = LEARNED.index(cat)
            sel = (src[idx] == "olid") if (model.meta.get("calib") == "olid" and cat != "identity_attack") \
                else np.ones(len(idx), bool)
            y = np.array([int(rows[i][cat]) for i in idx])[sel]
            if len(set(y)) < 2:
                raise SystemExit(f"{cat}: the band holds one class only")
            st = LogisticRegression(C=1e4, max_iter=1000).fit(np.c_[margin[idx, k], em[:, k]][sel], y)
            stack[cat] = [float(st.coef_[0, 0]), float(st.coef_[0, 1]), float(st.intercept_[0])]
            report[f"{cat}_fit_rows"] = int(sel.sum())
    else:
        stack = {cat: list(model.stack[cat]) for cat in heads}
    cascade["stack"] = stack
    return cascade, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--band", action="append", required=True, help="CAT=LOW,HIGH (repeatable)")
    ap.add_argument("--heads", default="toxic", help="comma-separated heads the stack replaces in the band")
    ap.add_argument("--stack", choices=("refit", "model"), default="refit")
    ap.add_argument("--write", action="store_true", help="store the cascade in MODEL/model.json")
    args = ap.parse_args(argv)
    heads = [h for h in args.heads.split(",") if h]
    if set(heads) - set(LEARNED):
        ap.error(f"--heads: unknown {sorted(set(heads) - set(LEARNED))}")
    model = CommentModel.load(args.model)
    model.cascade = {}
    rows = load_train(args.data)
    _, ca, _ = split_indices(len(rows))
    cascade, report = fit_cascade(model, [rows[i] for i in ca], parse_band(args.band), heads, args.stack == "refit")
    print(json.dumps({"cascade": cascade, "report": report}))
    if args.write:
        path = args.model / "model.json"
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta["cascade"] = cascade
        path.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
        print(f"wrote cascade to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
