"""The hand-labelled real-comment evaluation set: label file format, strata, design, and (with the shared data) that
the labelled texts are still the ones storytrace's HTML reader extracts."""

from __future__ import annotations

import collections
import importlib.util
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.comments.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "training" / "data" / "comments_real_eval"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_comments_real import CATEGORIES, cell_weights, load_labels, point, resolve, rule_cell

# the sampling script by path, under its own name (a bare "sample" module could shadow another)
_spec = importlib.util.spec_from_file_location("comments_real_eval_sample", EVAL / "sample.py")
assert _spec is not None and _spec.loader is not None
_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_sample)
rule_hits = _sample.rule_hits

ROWS = load_labels(EVAL / "labels.jsonl")
DESIGN = json.loads((EVAL / "design.json").read_text(encoding="utf-8"))
KEYS = {"page", "index", "sha1", "stratum", "rule", *CATEGORIES, "groups", "unsure", "lang"}
OPTIONAL = {"kind"}


@pytest.mark.parametrize("field", ["text", "comment", "body"])
def test_real_eval_labels_carry_no_text(field):
    # the Dragnet pages are AGPL: the repository holds ids and hashes only
    assert all(field not in r for r in ROWS)
    assert all(set(r) - KEYS <= OPTIONAL and KEYS <= set(r) for r in ROWS)


@pytest.mark.parametrize("row", range(len(ROWS)))
def test_real_eval_labels_row_format(row):
    r = ROWS[row]
    assert re.fullmatch(r"[A-Z]?\d+\.html\.gz", r["page"])
    assert isinstance(r["index"], int) and r["index"] >= 0
    assert re.fullmatch(r"[0-9a-f]{40}", r["sha1"])
    assert r["stratum"] in DESIGN["strata"]
    assert all(r[c] in (0, 1) for c in CATEGORIES)
    assert set(r["unsure"]) <= set(CATEGORIES)
    assert all(r[c] == 0 for c in r["unsure"])  # an unsure category is not also a positive
    if r["identity_attack"]:
        assert r["groups"]  # an identity attack names its target
    assert r.get("kind", "comment") in {"comment", "spam", "non-comment", "merged"}
    assert re.fullmatch(r"[a-z]{2}", r["lang"])


def test_real_eval_labels_unique_ids():
    assert len({(r["page"], r["index"]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("stratum", ["random", "enriched", "group"])
def test_real_eval_labels_stratum_counts(stratum):
    counts = collections.Counter(r["stratum"] for r in ROWS)
    assert counts[stratum] == DESIGN["strata"][stratum]


@pytest.mark.parametrize("stratum,allowed", [("random", {"none", "rule", "group"}), ("enriched", {"rule", "group"}),
                                             ("group", {"group"})])
def test_real_eval_labels_stratum_matches_its_pool(stratum, allowed):
    # the enriched stratum was drawn from the rule's matches, the group stratum from group names and slurs
    assert {rule_cell(r["rule"]) for r in ROWS if r["stratum"] == stratum} <= allowed


def test_real_eval_design_cells_sum_to_population():
    assert sum(DESIGN["cells"].values()) == DESIGN["population"]
    sampled = collections.Counter(rule_cell(r["rule"]) for r in ROWS)
    assert all(0 < sampled[c] <= n for c, n in DESIGN["cells"].items())


@pytest.mark.parametrize("text,kinds", [
    ("a fine class on grass", []),  # word starts: "class" and "grass" are not "ass"
    ("what an idiot", ["insult"]),
    ("the jews of Prague", ["group"]),
    ("damn, you fool", ["insult", "profanity"]),
    ("I will kill you", ["threat"]),
])
def test_real_eval_sampling_rule(text, kinds):
    assert rule_hits(text) == kinds


@pytest.mark.parametrize("kinds,cell", [([], "none"), (["insult"], "rule"), (["group", "insult"], "group"),
                                        (["slur"], "group")])
def test_real_eval_rule_cell(kinds, cell):
    assert rule_cell(kinds) == cell


@pytest.mark.parametrize("case", [0])
def test_real_eval_weighted_metrics(case):
    # 4 comments: two from a cell of 100 (one flagged correctly, one clean and not flagged), two from a cell of 10
    # (a flagged clean one, a missed positive); weights 50 and 5
    y = np.array([1, 0, 0, 1])
    s = np.array([0.9, 0.1, 0.8, 0.2])
    cells = np.array(["none", "none", "rule", "rule"])
    w = cell_weights(cells, {"none": 100, "rule": 10})
    assert w.tolist() == [50.0, 50.0, 5.0, 5.0]
    m = point(y, s, w, np.array([True, True, False, False]))
    assert m["precision_weighted"] == pytest.approx(50 / 55)
    assert m["recall_weighted"] == pytest.approx(50 / 55)
    assert m["false_alarm_random"] == 0.0
    assert m["precision_random"] == 1.0


@pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "html").exists(), reason="shared Dragnet data not present")
@pytest.mark.parametrize("n_pages", [8])
def test_real_eval_texts_still_extracted(n_pages):
    # a few pages' labelled comments, re-extracted: every hash is found (at its index or moved on its page)
    pages = sorted({r["page"] for r in ROWS})[:n_pages]
    rows = [r for r in ROWS if r["page"] in pages]
    texts, counts = resolve(rows, DATA)
    assert all(t is not None for t in texts), counts
