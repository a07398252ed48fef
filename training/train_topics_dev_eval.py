"""Score the shipped topic tagger on the hand-labelled dev set (tests/facts/fixtures/topic_dev.jsonl).

The dev set (121 SemEval-2022 Task 8 / Dragnet texts labelled by hand with one IPTC top level each) is what
training choices are made on; topics/bbc is evaluation only and is never used here.

Run:  nice .venv/bin/python training/train_topics_dev_eval.py --data /work/shared/data [--e5-english]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--no-e5", action="store_true")
    ap.add_argument("--e5-english", action="store_true", help="ensemble with the e5 probe (off in the product)")
    args = ap.parse_args(argv)

    from train_topics import load_dev

    from storytrace.facts.topics import load_topic_tagger

    _, texts, gold = load_dev(args.data)
    tagger = load_topic_tagger(use_e5=not args.no_e5, e5_for_english=args.e5_english)
    pred = [t[0].id for t in tagger.tag(texts)]
    ok = [p == g for p, g in zip(pred, gold, strict=True)]
    per = {g: f"{sum(o for o, gg in zip(ok, gold, strict=True) if gg == g)}/{n}" for g, n in sorted(Counter(gold).items())}
    print(json.dumps({"dev_n": len(gold), "dev_top1": sum(ok) / len(ok), "e5_for_english": args.e5_english, "per_topic": per},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
