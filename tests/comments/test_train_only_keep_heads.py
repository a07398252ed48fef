"""Session 18: authored lines that only ever train (the pin's ``train_only`` list) and embedding heads kept from a
shipped model when others are retrained (``train_comment_model.py --keep-heads``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import PINNED_SPLIT, authored_key, load_authored, split_authored, train_only_keys
from train_comment_model import calibration_split, keep_heads, parse_keep_heads

AUTHORED = Path(__file__).resolve().parent / "data" / "authored"


def _pin(path: Path, train_only: list[str]) -> Path:
    path.write_text(json.dumps({"seed": "authored-v1", "validation_share": 0.2, "validation": [], "train": [],
                                "train_only": train_only}), encoding="utf-8")
    return path


def test_train_only_lines_never_validation_and_leave_other_sides(tmp_path):
    rows = load_authored(AUTHORED)
    _, free_va = split_authored(rows, 0.2, pinned=None)
    assert free_va  # some lines are validation lines when nothing is pinned
    new = [rows[i] for i in free_va]  # pretend the validation lines were added later, as training-only lines
    others = [r for r in rows if r not in new]
    pin = _pin(tmp_path / "pin.json", [authored_key(r) for r in new])
    tr, va = split_authored(rows, 0.2, pinned=pin)
    assert not {authored_key(rows[i]) for i in va} & set(train_only_keys(pin))
    assert sorted(tr + va) == list(range(len(rows)))
    # the other lines are split among themselves exactly as without the new ones
    _, o_va = split_authored(others, 0.2, pinned=None)
    assert {authored_key(rows[i]) for i in va} == {authored_key(others[i]) for i in o_va}
    # any seed or share: still training
    _, va3 = split_authored(rows, 0.3, pinned=pin)
    assert not {authored_key(rows[i]) for i in va3} & set(train_only_keys(pin))


def test_calibration_split_leaves_train_only_lines_in_training():
    rows = load_authored(AUTHORED)
    train = list(range(len(rows)))
    _, held = calibration_split(rows, train, 0.5, english=True, train_only=frozenset())
    assert held
    only = frozenset(authored_key(rows[i]) for i in held)
    kept, held2 = calibration_split(rows, train, 0.5, english=True, train_only=only)
    assert not {authored_key(rows[i]) for i in held2} & only and sorted(kept + held2) == train
    # the other lines' calibration split is the one they get without the training-only lines
    others = [i for i in train if authored_key(rows[i]) not in only]
    sub = [rows[i] for i in others]
    _, held_sub = calibration_split(sub, list(range(len(sub))), 0.5, english=True, train_only=frozenset())
    assert {authored_key(rows[i]) for i in held2} == {authored_key(sub[i]) for i in held_sub}


def test_shipped_pin_train_only_is_the_s18_and_s20_files():
    rows = load_authored(ROOT / "training" / "data" / "comments_authored")
    s18 = {authored_key(r) for r in rows if str(r["file"]).endswith(("_s18.jsonl", "_s18n.jsonl"))}
    s20 = {authored_key(r) for r in rows if str(r["file"]).endswith("_s20.jsonl")}
    assert len(s18) == 540 + 228 and len(s20) == 94 + 93 and train_only_keys(PINNED_SPLIT) == s18 | s20
    tr, va = split_authored(rows)
    assert len(va) == 1657 and not {authored_key(rows[i]) for i in va} & (s18 | s20)  # revision 3.15's validation
    assert {str(r["lang"]) for r in rows if authored_key(r) in s18} == {"fr", "it", "nl"}
    assert {str(r["lang"]) for r in rows if authored_key(r) in s20} == {"it", "nl"}
    # session 20's lines leave the calibration split (558 lines in 3.9's command) as it was
    _, held = calibration_split(rows, tr, 0.15 / 0.8, english=False)
    assert len(held) == 558 and not {authored_key(rows[i]) for i in held} & s20


def test_s20_dev_probe_lines_are_not_training_lines():
    rows = load_authored(ROOT / "training" / "data" / "comments_authored")
    probe = [json.loads(line) for line in (ROOT / "training" / "data" / "comments_authored" / "probes" /
                                           "multi_s20.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(probe) == 62 and {p["split"] for p in probe} == {"dev"} and {p["lang"] for p in probe} == {"it", "nl"}
    assert not {authored_key(p) for p in probe} & {authored_key(r) for r in rows}


class _Old:
    """A stand-in for a loaded CommentModel: what keep_heads reads."""

    def __init__(self, rng: np.random.Generator):
        self.heads = {e: (rng.normal(size=(3, 4)).astype(np.float32), rng.normal(size=3).astype(np.float32),
                          {c: [float(k + 1), float(-k)] for k, c in enumerate(("toxic", "insult", "identity_attack"))})
                      for e in ("use", "e5")}
        self.stack = {"toxic": [0.7, 0.3, 0.2], "insult": [0.5, 0.5, 0.0], "identity_attack": [0.6, 0.1, -1.6]}
        self.meta = {"stack_encoder": "use", "use_n": 99, "embed_n": 77,
                     "cascade": {"band": {"toxic": [0.35, 0.55]}, "stack": {"toxic": [0.74, 0.35, 0.21]}},
                     "held_out_metrics": {"use_toxic": {"calibration_auc": 0.9}}}

    def _head(self, enc):
        return self.heads.get(enc)


def _new(rng: np.random.Generator):
    heads = {"use": (rng.normal(size=(3, 4)), rng.normal(size=3), {"toxic": [9.0, 9.0], "insult": [8.0, 8.0],
                                                                      "identity_attack": [7.0, 7.0]}, 5)}
    stacks = {"use": {"toxic": [1.0, 1.0, 1.0], "insult": [2.0, 2.0, 2.0], "identity_attack": [3.0, 3.0, 3.0]}}
    return heads, stacks


def test_keep_heads_copies_the_named_heads_and_the_cascade():
    rng = np.random.default_rng(0)
    old = _Old(rng)
    heads, stacks = _new(rng)
    metrics: dict[str, object] = {"use_toxic": {"calibration_auc": 0.1}}
    keep = parse_keep_heads("use:toxic,use:insult,e5:toxic,e5:insult,e5:identity_attack")
    out, st, extra = keep_heads(heads, stacks, metrics, keep, old)
    coef, intercept, calib, n = out["use"]
    assert np.array_equal(coef[:2], old.heads["use"][0][:2]) and np.array_equal(coef[2], heads["use"][0][2])
    assert np.array_equal(intercept[:2], old.heads["use"][1][:2]) and intercept[2] == heads["use"][1][2]
    assert calib["toxic"] == [1.0, 0.0] and calib["insult"] == [2.0, -1.0] and calib["identity_attack"] == [7.0, 7.0]
    assert st["use"]["toxic"] == old.stack["toxic"] and st["use"]["identity_attack"] == [3.0, 3.0, 3.0]
    assert metrics["use_toxic"] == {"calibration_auc": 0.9} and n == 5
    # e5 was not trained in this run and every e5 head is kept: the old head whole
    assert np.array_equal(out["e5"][0], old.heads["e5"][0]) and out["e5"][3] == 77
    assert extra["cascade"] == old.meta["cascade"] and extra["kept_heads"]["heads"][0] == "use:toxic"


def test_keep_heads_without_the_cascade_head_drops_the_cascade():
    rng = np.random.default_rng(1)
    old = _Old(rng)
    heads, stacks = _new(rng)
    out, st, extra = keep_heads(heads, stacks, {}, [("use", "insult")], old)
    assert "cascade" not in extra and "e5" not in out  # e5 neither trained nor kept whole
    assert np.array_equal(out["use"][0][0], heads["use"][0][0]) and st["use"]["toxic"] == [1.0, 1.0, 1.0]
    with pytest.raises(ValueError):
        keep_heads(heads, stacks, {}, [("e5", "toxic")], old)  # e5 not trained here and not kept whole
    with pytest.raises(ValueError):
        parse_keep_heads("use:threat")


def test_merged_meta_keeps_old_char_side_and_drops_the_pair():
    from train_comment_model import merged_meta

    old = {"C": 4.0, "calibration": {"toxic": [1, 0]}, "short_shift": {"toxic": -0.68}, "stack": {"toxic": [1, 2, 3]},
           "pair": {"gate": "groups"}, "cascade": {"band": {}}, "authored": {"lines": 1},
           "held_out_metrics": {"toxic": {"calibration_auc": 0.95}, "use_toxic": {"calibration_auc": 0.90}},
           "use_n": 1, "use_C": 0.5, "embed_n": 1, "embed_C": 2.0, "trained_on": ["a"], "seconds": 1.0}
    new = {"C": 9.0, "authored": {"lines": 2}, "held_out_metrics": {"toxic": {"calibration_auc": 0.1},
                                                                    "use_identity_attack": {"calibration_auc": 0.7}},
           "use_n": 5, "use_C": 0.5, "embed_n": 6, "embed_C": 2.0, "trained_on": ["a", "b"], "seconds": 2.0,
           "stack": {"toxic": [9, 9, 9]}}
    out = merged_meta(old, new, {"kept_heads": {"heads": ["use:toxic"]}, "cascade": {"band": {"toxic": [0.35, 0.55]}}})
    assert out["C"] == 4.0 and out["short_shift"] == old["short_shift"] and out["stack"] == old["stack"]
    assert "pair" not in out and out["cascade"] == {"band": {"toxic": [0.35, 0.55]}}
    assert out["authored"] == {"lines": 2} and out["use_n"] == 5 and out["embed_n"] == 6
    assert out["held_out_metrics"]["toxic"] == {"calibration_auc": 0.95}  # the char head's own, not this run's
    assert out["held_out_metrics"]["use_identity_attack"] == {"calibration_auc": 0.7}
    assert merged_meta(old, new, {}).get("cascade") is None  # not carried over unless keep_heads says so
