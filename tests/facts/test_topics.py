"""Topic model: the training script runs end to end on a tiny sample, the dev fixture is well formed, and
the shipped tagger covers all 17 IPTC top levels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data()
FIXTURE = Path(__file__).parent / "fixtures" / "topic_dev.jsonl"
sys.path.insert(0, str(ROOT / "training"))


def test_topic_dev_fixture_is_well_formed():
    from storytrace.facts.taxonomy import load_taxonomy

    tops = {t.id for t in load_taxonomy() if t.level == 1}
    rows = [json.loads(x) for x in FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 100
    assert all(r["topic"] in tops for r in rows)
    assert len({r["ref"] for r in rows}) == len(rows)
    assert all(r["ref"].startswith(("semeval:", "dragnet:")) for r in rows)  # never topics/bbc


def test_shipped_tagger_covers_all_top_levels():
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(use_e5=False)
    assert len(tagger.model.classes_) == 17
    assert tagger.probe is not None and tagger.probe[0].shape == (17, 384)


def test_tagger_ranks_obvious_topics():
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(e5_for_english=True)
    out = tagger.tag(["Striker scores twice as United beat Chelsea 3-1 in the Premier League match on Sunday.",
                      "The actor won an Oscar for best film at the Hollywood awards ceremony."])
    assert out[0][0].id == "medtop:15000000"
    assert out[1][0].id == "medtop:01000000"


@pytest.mark.skipif(not (DATA / "stories" / "semeval2022-task8").is_dir(), reason="shared data not available")
def test_train_topics_runs_on_tiny_sample(tmp_path):
    import numpy as np
    import train_topics

    from storytrace.facts.topics import TopicModel

    rc = train_topics.main(["--data", str(DATA), "--out", str(tmp_path), "--max-texts", "24", "--no-tree",
                            "--cap", "5"])
    assert rc == 0
    model = TopicModel.load(tmp_path / "iptc-top-tfidf-lr.joblib")
    assert len(model.classes_) == 17  # taxonomy rows cover every top level
    z = np.load(tmp_path / "iptc-top-e5-probe.npz")
    assert z["W"].shape == (17, 384) and list(z["classes"]) == list(model.classes_)
