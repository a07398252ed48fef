"""False alarms of a comment model on neutral news sentences, per language (validation aid, no labels needed).

    python training/neutral_news_check.py --data /work/shared/data [--model DIR ...] [--n 400] [--json OUT]

The text: sentences of the SemEval-2022 task 8 training articles (``stories/semeval2022-task8/training_set.csv``
under the shared data folder; news articles in 10 languages, used here as unlabelled, presumed neutral text; the
task's similarity labels are not read). Sentences are split at . ! ? and their CJK forms, kept when 40-200
characters long, deduplicated and sorted per language; ``--n`` of them per language are drawn with
``random.Random(1)``. For each model (``--model``; the packaged model when none is given) and language it reports
the share of sentences with identity_attack >= 0.5, with toxic >= 0.5 and (since session 14, in ``--json`` and
after the identity/toxic cells) with insult >= 0.5, the language given, under ``--calibration`` (default training).
Revision 3.1's numbers (docs/results/comments.md) were measured with the same sampling.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

import numpy as np

from storytrace.comments import CommentModel, score_texts

csv.field_size_limit(10**8)
LANGS = ("en", "fr", "it", "es", "de", "pl", "tr", "ar", "zh", "ru")
ARTICLES = Path("stories") / "semeval2022-task8" / "training_set.csv"


def news_sentences(data: Path) -> dict[str, list[str]]:
    """Language -> sorted distinct sentences of 40-200 characters from the task's article pairs."""
    sents: dict[str, set[str]] = {}
    with open(data / ARTICLES, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for lang, text in ((r["lang1"], r["text1"]), (r["lang2"], r["text2"])):
                for s in re.split(r"(?<=[.!?。！？])\s+", text):
                    if 40 <= len(s) <= 200:
                        sents.setdefault(lang, set()).add(s.strip())
    return {lang: sorted(v) for lang, v in sents.items()}


def sample(pool: list[str], n: int, seed: int = 1) -> list[str]:
    return random.Random(seed).sample(pool, min(n, len(pool)))


def check(model: CommentModel, sents: dict[str, list[str]], langs: tuple[str, ...] = LANGS,
          n: int = 400, calibration: str = "training") -> dict[str, dict[str, float]]:
    """Language -> {n, identity_attack, toxic, insult}: percent of the sampled sentences scored >= 0.5."""
    out: dict[str, dict[str, float]] = {}
    for lang in langs:
        pool = sents.get(lang, [])
        if not pool:
            continue
        texts = sample(pool, n)
        res = score_texts(texts, model, languages=[lang] * len(texts), calibration=calibration)
        out[lang] = {"n": len(texts), **{k: round(100 * float(np.mean([r["scores"][k] >= 0.5 for r in res])), 1)
                                         for k in ("identity_attack", "toxic", "insult")}}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder")
    ap.add_argument("--model", type=Path, action="append", default=None,
                    help="a model directory (repeatable); default: the packaged model")
    ap.add_argument("--n", type=int, default=400, help="sentences per language")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers as JSON")
    ap.add_argument("--calibration", default="training", help="training (default) or news_comments")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be >= 1")
    sents = news_sentences(args.data)
    langs = tuple(x for x in args.langs.split(",") if x)
    result: dict[str, dict[str, dict[str, float]]] = {}
    for m in args.model or [None]:
        name = str(m) if m is not None else "packaged"
        result[name] = check(CommentModel.load(m), sents, langs, args.n, args.calibration)
        cells = " ".join(f"{lang}:{v['identity_attack']:.1f}/{v['toxic']:.1f}/{v['insult']:.1f}"
                         for lang, v in result[name].items())
        print(f"{name} (identity/toxic/insult % >= 0.5, {args.calibration}) {cells}", flush=True)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
