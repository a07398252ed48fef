"""Pipeline metrics on the held-out part of the TRAINING data (davidson + OLID training, seeded 15% split).

    python training/comment_eval.py --data /work/shared/data [--model DIR] [--english-embed] [--rule-combine R]

This is the validation split on which model and rule changes are accepted or rejected; eval-only sets are never
used here. Reports ROC-AUC per category and macro-F1 of ``toxic >= 0.5`` per source. ``--english-embed`` scores
every row with the stacked char + embedding heads (the model's ``stack_encoder``; embedded on the fly).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import load_train, split_indices

from storytrace.comments import CommentModel, score_texts


def evaluate(model: CommentModel, held: list[dict[str, object]]) -> dict[str, float]:
    out = score_texts([str(r["text"]) for r in held], model, languages=["en"] * len(held))
    res: dict[str, float] = {}
    src = np.array([r["source"] for r in held])
    for cat in ("toxic", "insult", "identity_attack"):
        y = np.array([int(r[cat]) for r in held])
        s = np.array([o["scores"][cat] for o in out])
        res[f"{cat}_auc"] = round(float(roc_auc_score(y, s)), 4)
        for source in ("davidson", "olid"):
            m = src == source
            if len(set(y[m])) == 2:
                res[f"{cat}_auc_{source}"] = round(float(roc_auc_score(y[m], s[m])), 4)
                if cat == "toxic":
                    res[f"toxic_macro_f1_{source}"] = round(float(f1_score(y[m], s[m] >= 0.5, average="macro")), 4)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--english-embed", action="store_true", help="score with the stacked English second opinion")
    ap.add_argument("--rule-combine", choices=("max", "noisy_or"), default=None, help="override the model's setting")
    ap.add_argument("--ident-from-toxic", type=float, default=None, help="override the model's setting")
    args = ap.parse_args(argv)
    rows = load_train(args.data)
    _, _, val = split_indices(len(rows))
    held = [rows[i] for i in val]
    model = CommentModel.load(args.model)
    if args.ident_from_toxic is not None:
        model.ident_from_toxic = args.ident_from_toxic
    if args.rule_combine is not None:
        model.rule_combine = args.rule_combine
    model.english_embed = args.english_embed
    print(json.dumps(evaluate(model, held), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
