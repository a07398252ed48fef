"""Pipeline metrics on the held-out part of the TRAINING data (davidson + OLID training, seeded 15% split).

    python training/comment_eval.py --data /work/shared/data [--model DIR] [--english-embed] [--rule-combine R]
        [--authored DIR [--authored-exclude REPORT]] [--stack-gate none|groups|people] [--content-free on|off]
        [--strip-laughter] [--as-comments] [--decode-context Z]

This is the validation split on which model and rule changes are accepted or rejected; eval-only sets are never
used here. Reports ROC-AUC per category, macro-F1 of ``toxic >= 0.5`` per source and recall at 0.5 on the held-out
hateful and offensive tweets (``recall_*``: davidson hate and offensive, OLID OFF and OFF/GRP), which shows a drop
in hateful recall at the decision threshold that ROC-AUC hides. ``--english-embed`` scores
every row with the stacked char + embedding heads (the model's ``stack_encoder``; embedded on the fly).
``--authored DIR`` also scores the authored validation split (``comment_data.split_authored``, never trained on;
lines in the decontamination drop list left out) with each line's language given: ROC-AUC of toxic and
identity_attack, accuracy of ``identity_attack >= 0.5`` against the identity_attack label ("hateful") and of
``toxic >= 0.5`` against toxic, and recall at 0.5 of both on the hateful / toxic lines, per language, for English
and for all other languages together; per file of the folder ("file:en_contrastive.jsonl"), ROC-AUC, recall and
the false-alarm shares of toxic and identity_attack >= 0.5.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import authored_key, excluded_keys, load_authored, load_train, split_authored, split_indices

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._content import content_free

LEARNED_CATS = ("toxic", "insult", "identity_attack")


def _recall(y: np.ndarray, s: np.ndarray) -> float | None:
    """Share of the positives (``y == 1``) scored at or above 0.5; None without positives."""
    return round(float(np.mean(s[y == 1] >= 0.5)), 4) if (y == 1).any() else None


def evaluate(model: CommentModel, held: list[dict[str, object]]) -> dict[str, float | None]:
    """ROC-AUC per category (all rows and per source), macro-F1 of ``toxic >= 0.5`` per source and hateful recall
    at 0.5 (see ``recall_tweets``)."""
    out = score_texts([str(r["text"]) for r in held], model, languages=["en"] * len(held))
    res: dict[str, float | None] = {}
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
    res.update(recall_tweets(held, out))
    res.update(false_alarms_tweets(held, out))
    # revision 3.4.1: how many held-out tweets are content-free (laughter, emoji, punctuation, numbers only) and
    # their labels, which the content-free rule scores as the empty comment
    free = [r for r in held if content_free(str(r["text"]))]
    res["content_free_n"] = len(free)
    for cat in LEARNED_CATS:
        res[f"content_free_{cat}_pos"] = sum(int(r[cat]) for r in free)
    return res


_SHORT_NOISE = re.compile(r"@\w+|https?://\S+|\bURL\b|\bRT\b")
_SHORT_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_TWEET_MARKS = re.compile(r"@\w+|https?://\S+|\bURL\b|^\s*RT\b:?|\bRT\b(?=\s*@)")


def as_comment(text: str) -> str:
    """A tweet as a news comment would read: without @mentions, links and retweet marks (``--as-comments``)."""
    return " ".join(_TWEET_MARKS.sub(" ", text).split()).lstrip(":").strip()


def short(text: str, most: int = 3) -> bool:
    """At most ``most`` words once @mentions, links and retweet marks are gone, and at least one: short replies
    ("lol ok", "thanks bro"); content-free lines (no words) are left to the content-free rule."""
    n = len(_SHORT_WORD.findall(_SHORT_NOISE.sub(" ", text)))
    return 1 <= n <= most


def false_alarms_tweets(held: list[dict[str, object]], out: list[dict[str, Any]]) -> dict[str, float | None]:
    """Revision 3.5: toxic >= 0.5 among the held-out tweets labelled not toxic (OLID NOT, davidson "neither"), all
    and the short ones (``short``: one to three words), and the mean toxic score of the short ones -- where
    banter such as "haha ok" shows (the other sets barely hold short lines)."""
    src = np.array([r["source"] for r in held])
    neg = np.array([int(r["toxic"]) == 0 for r in held])
    is_short = np.array([short(str(r["text"])) for r in held])
    tox = np.array([o["scores"]["toxic"] for o in out])
    res: dict[str, float | None] = {}
    for source in ("olid", "davidson"):
        m = (src == source) & neg
        ms = m & is_short
        res[f"false_alarm_toxic_{source}"] = round(float(np.mean(tox[m] >= 0.5)), 4) if m.any() else None
        res[f"short_false_alarm_toxic_{source}"] = round(float(np.mean(tox[ms] >= 0.5)), 4) if ms.any() else None
        res[f"short_mean_toxic_{source}_not"] = round(float(np.mean(tox[ms])), 4) if ms.any() else None
        res[f"n_short_{source}_not"] = int(ms.sum())
        mp = (src == source) & ~neg & is_short
        res[f"short_recall_toxic_{source}"] = round(float(np.mean(tox[mp] >= 0.5)), 4) if mp.any() else None
        res[f"n_short_{source}_toxic"] = int(mp.sum())
    return res


def recall_tweets(held: list[dict[str, object]], out: list[dict[str, Any]]) -> dict[str, float | None]:
    """Recall at the 0.5 threshold on the held-out hateful and offensive tweets, which ROC-AUC does not show: a
    model can rank better and still move hateful lines under 0.5 (revision 3.2 lost 0.01-0.06 on HateCheck's
    hateful functionalities while every ROC-AUC here rose). davidson "hate" (class 0): toxic and identity_attack
    >= 0.5; davidson "offensive" (class 1): toxic >= 0.5; OLID OFF: toxic >= 0.5; OLID OFF aimed at a group
    (GRP): identity_attack >= 0.5."""
    src = np.array([r["source"] for r in held])
    label = {cat: np.array([int(r[cat]) for r in held]) for cat in LEARNED_CATS}
    score = {cat: np.array([o["scores"][cat] for o in out]) for cat in LEARNED_CATS}
    dav, olid = src == "davidson", src == "olid"
    hate = dav & (label["identity_attack"] == 1)
    offensive = dav & (label["insult"] == 1)
    res: dict[str, float | None] = {
        "recall_davidson_hate_toxic": _recall(hate.astype(int), score["toxic"]),
        "recall_davidson_hate_identity": _recall(hate.astype(int), score["identity_attack"]),
        "recall_davidson_offensive_toxic": _recall(offensive.astype(int), score["toxic"]),
        "recall_olid_off_toxic": _recall((olid & (label["toxic"] == 1)).astype(int), score["toxic"]),
        "recall_olid_grp_identity": _recall((olid & (label["identity_attack"] == 1)).astype(int),
                                            score["identity_attack"]),
    }
    res["n_davidson_hate"], res["n_davidson_offensive"] = int(hate.sum()), int(offensive.sum())
    res["n_olid_off"] = int((olid & (label["toxic"] == 1)).sum())
    res["n_olid_grp"] = int((olid & (label["identity_attack"] == 1)).sum())
    return res


def _auc(y: np.ndarray, s: np.ndarray) -> float | None:
    return round(float(roc_auc_score(y, s)), 4) if len(set(y)) == 2 else None


def _subset_metrics(rows: list[dict[str, object]], out: list[dict[str, Any]], m: np.ndarray,
                    per_file: bool) -> dict[str, object]:
    """Metrics of the rows selected by mask ``m``: n, and per category ROC-AUC, recall at 0.5 among the positives
    and either accuracy at 0.5 (a language group) or the false-alarm share at 0.5 among the negatives (a file)."""
    d: dict[str, object] = {"n": int(m.sum())}
    for cat in ("toxic", "identity_attack"):
        y = np.array([int(r[cat]) for r in rows])[m]
        s = np.array([o["scores"][cat] for o in out])[m]
        d[f"{cat}_auc"] = _auc(y, s)
        if per_file:
            d[f"{cat}_false_alarm"] = round(float(np.mean(s[y == 0] >= 0.5)), 4) if (y == 0).any() else None
        else:
            d[f"{cat}_acc"] = round(float(np.mean((s >= 0.5) == (y == 1))), 4)
        d[f"{cat}_recall"] = _recall(y, s)
    return d


def evaluate_authored(model: CommentModel, rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Per language (and "non_en" for all but English): n, ROC-AUC, accuracy at 0.5 and recall at 0.5 of toxic and
    identity_attack, with the language of each line given; per file of the authored folder
    ("file:en_contrastive.jsonl"): ROC-AUC, recall and the false-alarm shares of toxic and identity_attack >= 0.5."""
    out = score_texts([str(r["text"]) for r in rows], model, languages=[str(r["lang"]) for r in rows])
    lang = np.array([str(r["lang"]) for r in rows])
    groups = {k: lang == k for k in sorted(set(lang))}
    groups["non_en"] = lang != "en"
    groups["all"] = np.ones(len(rows), bool)
    res = {name: _subset_metrics(rows, out, m, per_file=False) for name, m in groups.items() if m.any()}
    files = np.array([str(r.get("file", "")) for r in rows])
    for name in sorted(set(files)):
        res[f"file:{name}"] = _subset_metrics(rows, out, files == name, per_file=True)
    return res


def evaluate_probes(model: CommentModel, rows: list[dict[str, object]]) -> dict[str, dict[str, float | int]]:
    """Per ``kind`` of probe line (e.g. short_benign, short_hostile): n, share with toxic >= 0.5, mean toxic, and
    for lines labelled identity_attack the share with identity_attack >= 0.5 (session 8)."""
    out = score_texts([str(r["text"]) for r in rows], model, languages=[str(r["lang"]) for r in rows])
    res: dict[str, dict[str, float | int]] = {}
    for kind in sorted({str(r.get("kind", "")) for r in rows}):
        idx = [i for i, r in enumerate(rows) if str(r.get("kind", "")) == kind]
        tox = np.array([out[i]["scores"]["toxic"] for i in idx])
        d: dict[str, float | int] = {"n": len(idx), "toxic_at_05": round(float(np.mean(tox >= 0.5)), 4),
                                     "mean_toxic": round(float(np.mean(tox)), 4)}
        ident = [out[i]["scores"]["identity_attack"] for i in idx if int(rows[i]["identity_attack"]) == 1]
        if ident:
            d["identity_recall"] = round(float(np.mean(np.array(ident) >= 0.5)), 4)
        res[kind] = d
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
    ap.add_argument("--content-free", choices=("on", "off"), default="on",
                    help="off: revision 3.4's scoring of content-free comments (the learned heads read them as is)")
    ap.add_argument("--strip-laughter", action="store_true",
                    help="also take laughter words out of what the char heads read in comments with words")
    ap.add_argument("--decode-context", type=float, default=None,
                    help="override the decoder's context floor (Zipf; revision 3.5's real-word context check); "
                         "a negative value turns the check off")
    ap.add_argument("--as-comments", action="store_true",
                    help="score the held-out tweets as news comments look: without @mentions, links and retweet "
                         "marks (revision 3.5; the tweets' labels are kept; a tweet left with no text is dropped)")
    ap.add_argument("--authored", type=Path, default=None, help="also score the authored validation split")
    ap.add_argument("--authored-exclude", type=Path, default=None, help="decontamination report: its lines left out")
    ap.add_argument("--authored-val", type=float, default=0.2)
    ap.add_argument("--no-tweets", action="store_true", help="only the authored validation split")
    ap.add_argument("--probes", type=Path, default=None,
                    help="session 8: also score a folder of behaviour probes (authored lines never trained on, "
                         "e.g. training/data/comments_authored/probes: short benign and hostile replies)")
    args = ap.parse_args(argv)
    rows = load_train(args.data)
    _, _, val = split_indices(len(rows))
    held = [rows[i] for i in val]
    if args.as_comments:
        held = [dict(r, text=t) for r in held if (t := as_comment(str(r["text"])))]
    model = CommentModel.load(args.model)
    if args.ident_from_toxic is not None:
        model.ident_from_toxic = args.ident_from_toxic
    if args.rule_combine is not None:
        model.rule_combine = args.rule_combine
    if args.stack_gate is not None:
        model.stack_gate = args.stack_gate
    if args.gate_combine is not None:
        model.gate_combine = args.gate_combine
    if args.decode_context is not None:
        model.decoder.context_floor = args.decode_context if args.decode_context >= 0 else None
    model.english_embed = args.english_embed
    model.content_free = args.content_free == "on"
    model.strip_laughter = args.strip_laughter
    res: dict[str, object] = {} if args.no_tweets else evaluate(model, held)
    if args.authored is not None:
        arows = load_authored(args.authored)
        _, a_va = split_authored(arows, args.authored_val)
        excluded = excluded_keys(args.authored_exclude)
        res["authored_validation"] = evaluate_authored(
            model, [arows[i] for i in a_va if authored_key(arows[i]) not in excluded])
    if args.probes is not None:
        res["probes"] = evaluate_probes(model, load_authored(args.probes))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
