"""Secondary topics from paragraph evidence (session 21): a page whose paragraphs carry a second topic reports it
even when the sharp two-model ensemble puts that topic under the runner-up cut. The texts are written for this
test (none from an evaluation corpus or the seed pages)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

SPORT = ("United beat City 3-1 in the league on Saturday. The striker scored twice in the second half and the "
         "goalkeeper saved a penalty before the final whistle, lifting the club to second place in the table.")
WEATHER = ("Forecasters warned of heavy rain and gales across the north on Sunday. The weather service issued a "
           "storm warning as winds of up to 90 km/h and thunderstorms are expected to sweep in from the sea.")


def test_evidence_units_merge_short_lines_into_the_next():
    from storytrace.facts.topics import MIN_UNIT_WORDS, evidence_units

    units = evidence_units("Headline\n\n" + SPORT + "\nShort caption\n" + WEATHER + "\nEnd")
    assert units[0].startswith("Headline " + SPORT[:10]) and len(units) == 2
    assert units[1].endswith("End") and "Short caption" in units[1]
    assert all(len(u.split()) >= MIN_UNIT_WORDS for u in units)
    assert evidence_units("one line only") == ["one line only"]


def test_paragraph_topics_vote_and_mean():
    from storytrace.facts.topics import paragraph_topics

    proba = np.array([[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.3, 0.7, 0.0]])
    assert paragraph_topics(proba, [40, 40, 40], "vote", 0.15) == {0, 1}  # topic 1 wins a third of the words
    assert paragraph_topics(proba, [100, 100, 20], "vote", 0.15) == {0}  # ... and under a quarter here
    assert paragraph_topics(proba, [40, 40, 40], "mean", 0.4) == {0}
    with pytest.raises(ValueError):
        paragraph_topics(proba, [1, 1, 1], "nope", 0.1)


@pytest.mark.parametrize("secondary,expect_both", [("runner-up", False), ("vote", True)])
def test_tagger_reports_a_topic_the_paragraphs_carry(secondary, expect_both):
    from storytrace.facts.topics import TopicTagger, load_topic_tagger

    shipped = load_topic_tagger(use_e5=False, use_encoder=False)
    # cuts no score can pass: only the paragraph evidence can add a second topic
    tagger = TopicTagger(model=shipped.model, terms=shipped.terms, use_e5=False, use_encoder=False,
                         min_second_score=1.01, min_top_score=1.01, secondary=secondary)
    page = "\n".join([SPORT, SPORT.replace("United", "Rovers"), WEATHER, WEATHER.replace("north", "south")])
    ids = [t.id for t in tagger.tag([page])[0] if t.level == 1]
    assert ids[0] in {"medtop:15000000", "medtop:17000000"}
    assert ({"medtop:15000000", "medtop:17000000"} <= set(ids)) == expect_both
    assert tagger.tag([SPORT])[0][0].id == "medtop:15000000" and len(
        [t for t in tagger.tag([SPORT])[0] if t.level == 1]) == 1  # one paragraph: no paragraph evidence


def test_shipped_tagger_reads_paragraph_evidence():
    from storytrace.facts.topics import load_topic_tagger

    assert load_topic_tagger(use_e5=False, use_encoder=False).secondary == "vote2"


def test_composed_dev_pages_pair_texts_of_different_topics():
    from topics_secondary_eval import composed

    pages, pairs = composed(["a", "b", "c", "d"], ["x", "x", "y", "x"])
    assert pages == ["a\nc", "b\nc", "c\nd", "d\nc"]
    assert pairs == [("x", "y"), ("x", "y"), ("y", "x"), ("x", "y")]


def test_train_topics_no_e5_writes_only_the_english_models(tmp_path):
    import train_topics

    from tests.conftest import shared_data

    data = shared_data()
    if not (data / "stories" / "semeval2022-task8").is_dir():
        pytest.skip("shared data not available")
    out = tmp_path / "model"
    assert train_topics.main(["--data", str(data), "--out", str(out), "--max-texts", "24", "--no-tree", "--no-e5"]) == 0
    assert (out / "iptc-top-tfidf-lr.joblib").is_file() and (out / "iptc-top-use-probe.npz").is_file()
    assert not (out / "iptc-top-e5-probe.npz").exists()
