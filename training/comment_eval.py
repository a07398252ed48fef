"""Pipeline metrics on the held-out part of the TRAINING data (davidson + OLID training, seeded 15% split).

    python training/comment_eval.py --data /work/shared/data [--model DIR] [--english-embed] [--rule-combine R]
        [--authored DIR [--authored-exclude REPORT]] [--stack-gate none|groups|people]

This is the validation split on which model and rule changes are accepted or rejected; eval-only sets are never
used here. Reports ROC-AUC per category and macro-F1 of ``toxic >= 0.5`` per source. ``--english-embed`` scores
every row with the stacked char + embedding heads (the model's ``stack_encoder``; embedded on the fly).
``--authored DIR`` also scores the authored validation split (``comment_data.split_authored``, never trained on;
lines in the decontamination drop list left out) with each line's language given: ROC-AUC of toxic and
identity_attack and accuracy of ``identity_attack >= 0.5`` against the identity_attack label ("hateful") and of
``toxic >= 0.5`` against toxic, per language, for English and for all other languages together; per file of the
folder ("file:en_contrastive.jsonl"), ROC-AUC and the false-alarm shares of toxic and identity_attack >= 0.5.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import authored_key, excluded_keys, load_authored, load_train, split_authored, split_indices

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


def _auc(y: np.ndarray, s: np.ndarray) -> float | None:
    return round(float(roc_auc_score(y, s)), 4) if len(set(y)) == 2 else None


def evaluate_authored(model: CommentModel, rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Per language (and "non_en" for all but English): n, ROC-AUC and accuracy at 0.5 of toxic and
    identity_attack, with the language of each line given."""
    out = score_texts([str(r["text"]) for r in rows], model, languages=[str(r["lang"]) for r in rows])
    lang = np.array([str(r["lang"]) for r in rows])
    res: dict[str, dict[str, object]] = {}
    groups = {k: lang == k for k in sorted(set(lang))}
    groups["non_en"] = lang != "en"
    groups["all"] = np.ones(len(rows), bool)
    for name, m in groups.items():
        if not m.any():
            continue
        d: dict[str, object] = {"n": int(m.sum())}
        for cat in ("toxic", "identity_attack"):
            y = np.array([int(r[cat]) for r in rows])[m]
            s = np.array([o["scores"][cat] for o in out])[m]
            d[f"{cat}_auc"] = _auc(y, s)
            d[f"{cat}_acc"] = round(float(np.mean((s >= 0.5) == (y == 1))), 4)
        res[name] = d
    # per file of the authored folder (e.g. the contrastive non-hateful lines): ROC-AUC where both labels occur,
    # and false-alarm shares -- toxic >= 0.5 among lines not labelled toxic, identity_attack >= 0.5 among lines not
    # labelled identity_attack
    files = np.array([str(r.get("file", "")) for r in rows])
    for name in sorted(set(files)):
        m = files == name
        d = {"n": int(m.sum())}
        for cat in ("toxic", "identity_attack"):
            y = np.array([int(r[cat]) for r in rows])[m]
            s = np.array([o["scores"][cat] for o in out])[m]
            d[f"{cat}_auc"] = _auc(y, s)
            d[f"{cat}_false_alarm"] = round(float(np.mean(s[y == 0] >= 0.5)), 4) if (y == 0).any() else None
        res[f"file:{name}"] = d
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--english-embed", action="store_true", help="score with the stacked English second opinion")
    ap.add_argument("--rule-combine", choices=("max", "noisy_or"), default=None, help="override the model's setting")
    ap.add_argument("--ident-from-toxic", type=float, default=None, help="override the model's setting")
    ap.add_argument("--stack-gate", choices=("none", "groups", "people"), default=None, help="override the model's setting")
    ap.add_argument("--gate-combine", choices=("stack", "mean"), default=None, help="override the model's setting")
    ap.add_argument("--authored", type=Path, default=None, help="also score the authored validation split")
    ap.add_argument("--authored-exclude", type=Path, default=None, help="decontamination report: its lines left out")
    ap.add_argument("--authored-val", type=float, default=0.2)
    ap.add_argument("--no-tweets", action="store_true", help="only the authored validation split")
    args = ap.parse_args(argv)
    rows = load_train(args.data)
    _, _, val = split_indices(len(rows))
    held = [rows[i] for i in val]
    model = CommentModel.load(args.model)
    if args.ident_from_toxic is not None:
        model.ident_from_toxic = args.ident_from_toxic
    if args.rule_combine is not None:
        model.rule_combine = args.rule_combine
    if args.stack_gate is not None:
        model.stack_gate = args.stack_gate
    if args.gate_combine is not None:
        model.gate_combine = args.gate_combine
    model.english_embed = args.english_embed
    res: dict[str, object] = {} if args.no_tweets else evaluate(model, held)
    if args.authored is not None:
        arows = load_authored(args.authored)
        _, a_va = split_authored(arows, args.authored_val)
        excluded = excluded_keys(args.authored_exclude)
        res["authored_validation"] = evaluate_authored(
            model, [arows[i] for i in a_va if authored_key(arows[i]) not in excluded])
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
