"""The hand-labelled real-comment development set: its format, its strata, its separation from the eval set (no
shared comment, train-half pages only) and (with the shared data) that its texts are still the ones extracted."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import pytest

from tests.comments.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "training" / "data" / "comments_real_dev"
EVAL = ROOT / "training" / "data" / "comments_real_eval"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_comments_real import CATEGORIES, load_labels, resolve, rule_cell

ROWS = load_labels(DEV / "labels.jsonl")
DESIGN = json.loads((DEV / "design.json").read_text(encoding="utf-8"))
KEYS = {"page", "index", "sha1", "stratum", "rule", *CATEGORIES, "groups", "unsure", "lang"}
HAS_DRAGNET = (DATA / "extraction" / "dragnet" / "gold").exists()


def test_real_dev_labels_carry_no_text():
    # the Dragnet pages are AGPL: ids and hashes only
    assert all(KEYS <= set(r) and set(r) - KEYS <= {"kind"} for r in ROWS)


def test_real_dev_labels_are_well_formed():
    for r in ROWS:
        assert all(r[c] in (0, 1) for c in CATEGORIES)
        assert set(r["unsure"]) <= set(CATEGORIES) and not any(r[c] for c in r["unsure"])
        assert (r["identity_attack"] == 1) <= bool(r["groups"])
        assert r.get("kind") in (None, "spam", "non-comment", "merged")
    assert len({(r["page"], r["index"]) for r in ROWS}) == len(ROWS)


def test_real_dev_strata_follow_the_design():
    assert dict(collections.Counter(r["stratum"] for r in ROWS)) == DESIGN["strata"]
    assert sum(DESIGN["cells"].values()) == DESIGN["population"]
    assert all(rule_cell(r["rule"]) == "group" for r in ROWS if r["stratum"] == "group")
    assert all(r["rule"] for r in ROWS if r["stratum"] == "enriched")


def test_real_dev_shares_no_comment_with_the_eval_set():
    eval_rows = load_labels(EVAL / "labels.jsonl")
    assert not {r["sha1"] for r in ROWS} & {r["sha1"] for r in eval_rows}


@pytest.mark.skipif(not HAS_DRAGNET, reason="shared Dragnet data not present")
def test_real_dev_pages_are_in_the_train_half():
    sys.path.insert(0, str(ROOT / "training"))
    from line_data import split_names

    train, held_out = split_names(DATA)
    pages = {r["page"].removesuffix(".html.gz") for r in ROWS}
    assert pages <= set(train) and not pages & set(held_out)


@pytest.mark.skipif(not HAS_DRAGNET, reason="shared Dragnet data not present")
def test_real_dev_texts_still_extracted():
    rows = [r for r in ROWS if r["stratum"] == "random"][:40]
    texts, counts = resolve(rows, DATA)
    assert not counts.get("missing") and all(t is not None for t in texts)
