"""Score the secondary-topic decision of the topic tagger (session 21) on dev data, never on topics/bbc or the seeds.

Two views of the 121 hand-labelled dev texts (tests/facts/fixtures/topic_dev.jsonl):

* single pages (each dev text with its own lines): E = mean number of reported top-level topics beyond the first
  (a proxy for false secondaries: each text has one gold topic);
* composed pages (:func:`composed`): each dev text A followed by the next dev text B (file order, cyclic) with
  another gold topic, gold {A, B}: R = share of pages whose reported topics hold both, F = mean number of reported
  topics outside {A, B}; top1_in_gold = share whose best topic is A or B.

For each ``--secondary`` variant of :class:`storytrace.facts.topics.TopicTagger` (``runner-up`` = the cuts alone).

Run:  OMP_NUM_THREADS=1 nice .venv/bin/python training/topics_secondary_eval.py --data /work/shared/data
      [--model DIR] [--variants runner-up,vote,mean]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


def composed(texts: list[str], gold: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Each text followed by the next one (cyclic) whose gold topic differs; the pages and their gold pairs."""
    pages, pairs = [], []
    n = len(texts)
    for i in range(n):
        j = next((i + k) % n for k in range(1, n) if gold[(i + k) % n] != gold[i])
        pages.append(texts[i] + "\n" + texts[j])
        pairs.append((gold[i], gold[j]))
    return pages, pairs


def secondary_scores(tagger, texts: list[str], gold: list[str]) -> dict:
    """R, E, F (module doc) of the tagger as configured."""
    single = [[t.id for t in ts if t.level == 1] for ts in tagger.tag(texts)]
    pages, pairs = composed(texts, gold)
    comp = [[t.id for t in ts if t.level == 1] for ts in tagger.tag(pages)]
    return {
        "E_extra_topics_single": float(np.mean([len(s) - 1 for s in single])),
        "single_top1": float(np.mean([s[0] == g for s, g in zip(single, gold, strict=True)])),
        "R_both_gold_composed": float(np.mean([set(p) <= set(c) for c, p in zip(comp, pairs, strict=True)])),
        "F_outside_gold_composed": float(np.mean([len(set(c) - set(p)) for c, p in zip(comp, pairs, strict=True)])),
        "composed_top1_in_gold": float(np.mean([c[0] in p for c, p in zip(comp, pairs, strict=True)])),
        "n": len(texts),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--variants", default="runner-up,vote,mean")
    args = ap.parse_args(argv)
    from train_topics import DEV_FIXTURE, load_dev

    from storytrace.facts.topics import load_topic_tagger

    _, texts, gold = load_dev(args.data, DEV_FIXTURE)
    tagger = load_topic_tagger(path=args.model)
    out = {}
    for v in args.variants.split(","):
        tagger.secondary = v
        out[v] = secondary_scores(tagger, texts, gold)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
