"""Draw the real-comment DEVELOPMENT set from the train half of Dragnet, blind to any model score.

    python training/data/comments_real_dev/sample.py --data /work/shared/data [--out FILE] [--texts FILE]

The population is every comment storytrace's HTML reader extracts from the **train-half** Dragnet pages (sorted
gold stems at even positions, ``line_data.split_names``), minus every comment whose SHA-1 is in the evaluation
set's labels (``../comments_real_eval/labels.jsonl``: only its ``sha1`` field is read). Strata and the word rule
are the evaluation set's (``comments_real_eval/sample.py``): ``random`` (uniform), ``enriched`` (the rule's pool
minus ``random``), ``group`` (every remaining comment naming a group or a slur). Prints one JSON line per drawn comment: page,
index, sha1, stratum, the rule's kinds. ``--texts`` also writes the drawn texts to a scratch file for labelling
(never commit it: Dragnet is AGPL).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "training"))
from bench_comments_real import extract_all, load_labels, rule_cell, sha1
from line_data import split_names

SEED = 20261123
N_RANDOM = 200
N_ENRICHED = 140
# the group stratum takes every group-cell comment the first two left: the train half minus the evaluation set has
# only 81 comments naming a group or a slur
EVAL_LABELS = ROOT / "training" / "data" / "comments_real_eval" / "labels.jsonl"


def _eval_sampler():
    """The evaluation set's sampler module (its word rule and its draw)."""
    path = ROOT / "training" / "data" / "comments_real_eval" / "sample.py"
    spec = importlib.util.spec_from_file_location("comments_real_eval_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def train_half_pages(data: Path) -> set[str]:
    """The Dragnet HTML file names of the train half."""
    train, _ = split_names(data)
    return {f"{stem}.html.gz" for stem in train}


def population(data: Path) -> dict[tuple[str, int], str]:
    """Train-half comments whose text is not in the evaluation set (by SHA-1)."""
    eval_hashes = {r["sha1"] for r in load_labels(EVAL_LABELS)}
    texts = extract_all(data, train_half_pages(data))
    return {k: t for k, t in texts.items() if sha1(t) not in eval_hashes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--texts", type=Path, default=None, help="scratch file for the drawn texts (not to commit)")
    args = ap.parse_args(argv)
    sampler = _eval_sampler()
    texts = population(args.data)
    cells = collections.Counter(rule_cell(sampler.rule_hits(t)) for t in texts.values())
    print(f"{len(texts)} comments on {len({p for p, _ in texts})} pages; cells {dict(sorted(cells.items()))}",
          file=sys.stderr)
    first_two = sampler.draw(texts, seed=SEED, n_random=N_RANDOM, n_enriched=N_ENRICHED, n_group=0)
    n_group = cells["group"] - sum(rule_cell(r["rule"]) == "group" for r in first_two)
    rows = sampler.draw(texts, seed=SEED, n_random=N_RANDOM, n_enriched=N_ENRICHED, n_group=n_group)
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))
    if args.texts:
        with args.texts.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(dict(r, text=texts[(r["page"], r["index"])]), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
