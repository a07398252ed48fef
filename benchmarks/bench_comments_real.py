"""False alarms and precision of storytrace's comment model on real blog and news comments (hand-labelled).

    LANG=en_US.UTF-8 python benchmarks/bench_comments_real.py --data /work/shared/data [--out FILE]

The labels (``training/data/comments_real_eval/labels.jsonl``, eval only) name Dragnet comments by page file and
comment index and carry the SHA-1 of the text, never the text: this script re-extracts every page's comments
with storytrace's own HTML reader (``decode_bytes`` -> ``trafilatura.utils.load_html`` ->
``extract_comments``) and stops if a hash differs (the reader changed: the labels no longer name the same text).

Two strata, both drawn blind to any model score (``training/data/comments_real_eval/sample.py``):
- ``random``: a seeded uniform sample of all extracted comments;
- ``enriched``: a seeded sample of the comments that a fixed word rule (profanity, insults, slurs, group names,
  second-person put-downs) matches, excluding those already drawn.
Reported per category (toxic, insult, identity_attack, profanity, threat, sexual), a comment flagged when its
score is >= 0.5 (fixed in advance; nothing here is tuned):
- false-alarm rate on the random stratum's negatives (the rate at which clean real comments get flagged);
- precision and recall over both strata, weighted to the population: comments the rule matches weigh
  |rule pool| / |sampled from the pool|, the others |rest| / |sampled from the rest| (the random stratum holds
  a uniform sample of both; the enriched stratum adds to the pool's); and the random stratum alone, unweighted;
- ROC-AUC (weighted) where both classes exist; bootstrap 95 % intervals (resampling within each stratum).
Comments labelled ``unsure`` for a category are left out of that category. Baselines (alt-profanity-check,
hatesonar) give one score per comment and are compared on every category with it.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "data" / "comments_real_eval" / "labels.jsonl"
CATEGORIES = ("toxic", "insult", "identity_attack", "profanity", "threat", "sexual")


def dragnet_dir(data: Path) -> Path:
    """The Dragnet HTML folder under ``data`` (the workplace's shared data root)."""
    return data / "extraction" / "dragnet" / "html"


def sha1(text: str) -> str:
    """SHA-1 of a comment's text as UTF-8 (the labels' link to the text)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page_comments(path: Path) -> list[str]:
    """Texts of the comments storytrace's HTML reader finds on one gzipped Dragnet page, in page order."""
    import trafilatura.utils

    from storytrace.anatomy.html_comments import extract_comments
    from storytrace.ingest.encoding import decode_bytes

    html = decode_bytes(gzip.decompress(path.read_bytes())).text
    tree = trafilatura.utils.load_html(html)
    if tree is None:
        return []
    return [c.text for c in extract_comments(tree, path.name)]


def extract_all(data: Path, pages: set[str] | None = None) -> dict[tuple[str, int], str]:
    """``{(page file name, comment index): text}`` for every Dragnet page (or only ``pages``)."""
    out: dict[tuple[str, int], str] = {}
    for path in sorted(dragnet_dir(data).glob("*.html.gz")):
        if pages is not None and path.name not in pages:
            continue
        for i, text in enumerate(page_comments(path)):
            out[(path.name, i)] = text
    return out
