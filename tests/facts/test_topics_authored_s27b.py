"""Session 27 (helper topics2) authored topic texts on the economy / labour / crime / politics boundaries: well formed,
split by hash before scoring, covered by the seed grep of `test_topics_authored_s27.py`, and the coverage script's
boundary word families count what they say."""

from __future__ import annotations

import collections
import hashlib
import json
import sys
from pathlib import Path

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "topics_authored"
S27B = ("en_s27b.jsonl", "en_s27b_check.jsonl")


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (AUTHORED / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_s27b_split_is_by_text_hash_and_texts_are_unique():
    seen = set()
    for name, is_check in zip(S27B, (False, True), strict=True):
        for r in rows(name):
            assert (int(hashlib.sha1(r["text"].encode("utf-8")).hexdigest(), 16) % 3 == 0) is is_check
            assert r["text"] not in seen
            seen.add(r["text"])


def test_s27b_holds_each_side_of_the_boundaries():
    counts = collections.Counter(r["topic"] for name in S27B for r in rows(name))
    for top in ("medtop:04000000", "medtop:09000000", "medtop:02000000", "medtop:11000000"):
        assert counts[top] >= 10, top


def test_seed_grep_covers_the_s27b_files():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_topics_authored_s27 import SEED_WORDS, later_files

    assert {p.name for p in later_files()} >= set(S27B)
    assert not [r["text"][:60] for name in S27B for r in rows(name) if SEED_WORDS.search(r["text"])]


def test_boundary_families_count_texts_by_label():
    sys.path.insert(0, str(AUTHORED.parents[1]))
    from topics_coverage import BOUNDARY_FAMILIES, family_counts

    texts = ["The competition watchdog blocked the takeover of a rival brewer.",
             "The central bank raised interest rates to curb inflation.",
             "Dock workers went on strike over pay.",
             "The jobless total rose to three million.",
             "The interior minister unveiled a bill giving police wider powers.",
             "A jury convicted the former chief executive of fraud.",
             "The team won the cup."]
    got = family_counts(texts, ["e", "e", "l", "l", "p", "c", "s"], BOUNDARY_FAMILIES)
    assert got["regulators and competition"] == {"e": 1, "all": 1}
    assert got["economic policy"] == {"e": 1, "all": 1}
    assert got["industrial action and pay"] == {"l": 1, "all": 1}
    assert got["labour-market figures"] == {"l": 1, "all": 1}
    assert got["crime and justice policy"] == {"p": 1, "all": 1}
    assert got["crimes and trials"] == {"c": 1, "all": 1}
