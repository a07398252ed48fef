"""Session 27's authored topic texts (international relations and government defence decisions): well formed, split
by hash before scoring, and free of anything that mirrors the seed pages (a grep, so the texts cannot drift towards
the pages the product tests check)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "topics_authored"
SESSION27 = ("en_s27.jsonl", "en_s27_check.jsonl")
# the seeds' subjects: no authored text from session 27 on may name them
SEED_WORDS = re.compile(r"\b(north kor\w*|korea\w*|russia\w*|ukrain\w*|kursk|sappers?|mine clearance|mine-clearing|"
                        r"de-?mining|landmines?|pyongyang|moscow|kremlin|putin|shoigu|kim jong\w*|sudzha|post-?war|"
                        r"reconstruction)\b", re.IGNORECASE)


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (AUTHORED / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def later_files() -> list[Path]:
    """Authored topic files of session 27 and later (en_s27*, en_s28*, ...)."""
    return [p for p in AUTHORED.glob("en_s*.jsonl") if int(re.match(r"en_s(\d+)", p.name).group(1)) >= 27]


@pytest.mark.parametrize("name", sorted(p.name for p in later_files()))
def test_s27_files_are_well_formed(name):
    from storytrace.facts.taxonomy import load_taxonomy

    terms = {t.id: t for t in load_taxonomy()}
    got = rows(name)
    assert len(got) >= 20
    for r in got:
        assert terms[r["topic"]].level == 1 and terms[r["subtopic"]].top == r["topic"]
        headline, body = r["text"].split("\n", 1)
        assert 3 <= len(headline.split()) <= 16 and len(body.split()) >= 60


def test_s27_split_is_by_text_hash():
    for name, is_check in zip(SESSION27, (False, True), strict=True):
        for r in rows(name):
            assert (int(hashlib.sha1(r["text"].encode("utf-8")).hexdigest(), 16) % 3 == 0) is is_check


def test_no_later_authored_topic_text_mirrors_the_seeds():
    files = later_files()
    assert {p.name for p in files} >= set(SESSION27)
    hits = [(p.name, m.group(0)) for p in files for r in rows(p.name) if (m := SEED_WORDS.search(r["text"]))]
    assert hits == []


def test_seed_word_grep_catches_the_seed_subjects():
    for text in ("Troops arrive in Kursk", "a sapper unit", "North Korean workers", "demining teams", "post-war aid"):
        assert SEED_WORDS.search(text), text
    assert not SEED_WORDS.search("The foreign minister met her counterpart to discuss a treaty")


def test_coverage_families_count_texts_by_label():
    import sys

    sys.path.insert(0, str(AUTHORED.parents[1]))
    from topics_coverage import family_counts

    texts = ["The foreign minister signed a treaty.", "Parliament voted on the defence budget and conscription.",
             "Rebels attacked troops near the border.", "The team won the cup."]
    got = family_counts(texts, ["p", "p", "c", "s"])
    assert got["international relations"] == {"p": 1, "all": 1}
    assert got["defence decisions"] == {"p": 1, "c": 1, "all": 2}
