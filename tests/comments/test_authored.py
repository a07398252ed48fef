"""The authored training set's loader and split, and the decontamination against eval sets (tiny samples)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import authored_key, load_authored, skeleton, split_authored
from decontaminate_authored import contained_template, decontaminate, load_eval
from decontaminate_authored import main as decontaminate_main

AUTHORED = Path(__file__).resolve().parent / "data" / "authored"


def test_load_authored_rows():
    rows = load_authored(AUTHORED)
    assert len(rows) == 15  # 10 + 5; the cut-off line and the repeated line are skipped
    assert {r["source"] for r in rows} == {"authored:en", "authored:fr"}
    r = next(r for r in rows if r["text"].startswith("You are an absolute idiot"))
    assert (r["toxic"], r["insult"], r["identity_attack"], r["threat"], r["lang"]) == (1, 1, 0, 0, "en")
    assert r["file"] == "en.jsonl" and r["line"] == 7
    assert len({authored_key(r) for r in rows}) == len(rows)


def test_authored_toxic_implied_by_attack(tmp_path):
    (tmp_path / "de.jsonl").write_text(json.dumps({"text": "x y z", "lang": "de", "toxic": 0, "insult": 0,
                                                   "identity_attack": 1}) + "\n", encoding="utf-8")
    [r] = load_authored(tmp_path)
    assert r["toxic"] == 1 and r["threat"] == 0 and r["source"] == "authored:de"


@pytest.mark.parametrize("a,b,lang", [("Women are too stupid to vote.", "muslims are too stupid to vote", "en"),
                                      ("Les immigrés sont des parasites.", "Les musulmans sont des parasites", "fr"),
                                      ("I hate gay people!!", "i hate black people", "en")])
def test_skeleton_replaces_group_words(a, b, lang):
    assert skeleton(a, lang) == skeleton(b, lang)
    assert "§" in skeleton(a, lang)


def test_split_authored_deterministic_grouped_stratified():
    rows = load_authored(AUTHORED)
    tr, va = split_authored(rows, 0.2)
    assert (tr, va) == split_authored(load_authored(AUTHORED), 0.2)
    assert sorted(tr + va) == list(range(len(rows))) and not set(tr) & set(va)
    for lang in ("en", "fr"):
        assert any(rows[i]["lang"] == lang for i in va)  # every language has validation lines
    side = {i: "va" if i in va else "tr" for i in range(len(rows))}
    by_skel: dict[tuple[str, str], set[str]] = {}
    for i, r in enumerate(rows):
        by_skel.setdefault((r["lang"], skeleton(r["text"], r["lang"])), set()).add(side[i])
    assert all(len(s) == 1 for s in by_skel.values())  # template variants never straddle the split
    # a larger made-up set: ~20% per language
    def word(k: int) -> str:  # digits become 0 in a skeleton: spell the numbers in letters
        return "".join(chr(97 + int(c)) for c in str(k))

    many = [{"text": f"line {word(k)} about topic {word(k * 7)}", "lang": lang} for lang in ("en", "fr")
            for k in range(200)]
    _, va = split_authored(many, 0.2)
    for lang in ("en", "fr"):
        share = sum(many[i]["lang"] == lang for i in va) / 200
        assert 0.17 <= share <= 0.23


def test_decontaminate_flags_template_and_near_copies():
    rows = load_authored(AUTHORED)
    evals = [("hatecheck", "en", "Muslims are too stupid to vote."),  # template variant of two authored lines
             ("hatecheck", "en", "I really like pizza with friends."),
             ("mhc_fr", "fr", "Les juifs sont des parasites !"),  # the same skeleton in French
             ("ethos", "en", "Thanks for the clear reporting!!!")]  # a near copy
    rep = decontaminate(rows, evals, threshold=0.5)
    dropped = {(d["file"], d["line"]) for d in rep["dropped_lines"]}
    assert ("en.jsonl", 2) in dropped and ("en.jsonl", 3) in dropped
    assert ("fr.jsonl", 1) in dropped and ("fr.jsonl", 2) in dropped
    assert ("en.jsonl", 10) in dropped
    assert ("en.jsonl", 8) not in dropped  # the council line is nothing like any case
    assert rep["dropped"] == len(dropped) == 5
    # a template inside a longer line
    assert decontaminate(rows, [("hatecheck", "en", "Women are parasites.")])["dropped"] == 0
    rep2 = decontaminate(rows, [("hatecheck", "en", "[Refugees] are parasites and")])
    assert [(d["line"], d["match"]) for d in rep2["dropped_lines"]] == [(1, "template_contained")]
    assert contained_template("§ are parasites and should go", {"§": {"§ are parasites and": 3}}) == 3
    assert contained_template("§ are parasites andrew", {"§": {"§ are parasites and": 3}}) is None
    assert rep["dropped_by_eval_set"] == {"hatecheck": 2, "mhc_fr": 2, "ethos": 1}
    assert sum(rep["similarity_histogram"].values()) == len(rows)
    assert all(set(d) == {"key", "file", "line", "lang", "similarity", "jaccard", "match", "eval_set"}
               for d in rep["dropped_lines"])  # ids and numbers only: no eval text in the report


def test_decontaminate_script_on_a_tiny_data_folder(tmp_path):
    hc = tmp_path / "data" / "comments" / "hatecheck"
    hc.mkdir(parents=True)
    with open(hc / "test_suite_cases.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["test_case", "label_gold", "functionality", "target_ident"])
        w.writeheader()
        w.writerow({"test_case": "Immigrants are parasites and should be sent back", "label_gold": "hateful",
                    "functionality": "derog_dehum_h", "target_ident": "immigrants"})
    assert [s for s, _, _ in load_eval(tmp_path / "data")] == ["hatecheck"]  # missing sets are skipped
    out = tmp_path / "report.json"
    assert decontaminate_main(["--data", str(tmp_path / "data"), "--authored", str(AUTHORED), "--out", str(out)]) == 0
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert rep["authored_lines"] == 15 and rep["eval_cases"] == 1 and rep["threshold"] == 0.5
    assert [(d["file"], d["line"], d["match"]) for d in rep["dropped_lines"]] == [("en.jsonl", 1, "exact_skeleton")]
    assert "Immigrants" not in out.read_text(encoding="utf-8")


def test_decontaminate_ignores_skeletons_of_fewer_than_two_words():
    rows = [{"text": "Muslims!", "lang": "en", "file": "en.jsonl", "line": 1},
            {"text": "!!! 😡😡", "lang": "en", "file": "en.jsonl", "line": 2},
            {"text": "Muslims are too stupid to vote", "lang": "en", "file": "en.jsonl", "line": 3}]
    evals = [("hatecheck", "en", "Jews."), ("hatecheck", "en", "🤮🤮"), ("hatecheck", "en", "Jews are too stupid to vote.")]
    rep = decontaminate(rows, evals, threshold=0.5)
    assert [(d["line"], d["similarity"]) for d in rep["dropped_lines"]] == [(3, 1.0)]


def test_split_authored_pinned_keeps_sides(tmp_path):
    # revision 3.6: a pinned line keeps its side whatever its skeleton; lines not listed are split among themselves
    rows = load_authored(AUTHORED)
    keys = [authored_key(r) for r in rows]
    free_tr, free_va = split_authored(rows, 0.2, pinned=None)
    forced = keys[free_tr[0]]  # a training line of the free split, pinned to validation
    pin = tmp_path / "pin.json"
    pin.write_text(json.dumps({"seed": "authored-v1", "validation_share": 0.2, "validation": [forced],
                               "train": [keys[i] for i in free_va]}), encoding="utf-8")
    tr, va = split_authored(rows, 0.2, pinned=pin)
    assert free_tr[0] in va and not set(free_va) & set(va) - {free_tr[0]}
    assert sorted(tr + va) == list(range(len(rows)))
    # another seed or share: the pin does not apply
    assert split_authored(rows, 0.3, pinned=pin) == split_authored(rows, 0.3, pinned=None)


def test_split_authored_shipped_pin_is_revision_35():
    from comment_data import PINNED_SPLIT

    pin = json.loads(PINNED_SPLIT.read_text(encoding="utf-8"))
    assert len(pin["validation"]) == 1190 and len(pin["train"]) == 4754
    assert not set(pin["validation"]) & set(pin["train"])
