"""Topic model: the training script runs end to end on a tiny sample, the dev and training label files are
well formed and disjoint, the shipped tagger covers all 17 IPTC top levels, and the USE probe enters the
English ensemble only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data()
FIXTURE = Path(__file__).parent / "fixtures" / "topic_dev.jsonl"
LABELS = ROOT / "src" / "storytrace" / "data" / "models" / "topics" / "train_labels.jsonl"
sys.path.insert(0, str(ROOT / "training"))


@pytest.mark.parametrize("name,n,english", [("topic_dev.jsonl", 100, True),
                                             ("topic_dev_multilingual.jsonl", 350, False)])
def test_topic_dev_fixture_is_well_formed(name, n, english):
    from storytrace.facts.taxonomy import load_taxonomy

    tops = {t.id for t in load_taxonomy() if t.level == 1}
    rows = [json.loads(x) for x in (FIXTURE.parent / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    train = {json.loads(x)["ref"] for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert len(rows) >= n
    assert all(r["topic"] in tops for r in rows)
    assert len({r["ref"] for r in rows}) == len(rows)
    assert not {r["ref"] for r in rows} & train  # held out from training
    assert all(r["ref"].startswith(("semeval:", "dragnet:")) for r in rows)  # never topics/bbc
    assert all((r.get("lang", "en") == "en") == english for r in rows)


def test_topic_training_labels_are_well_formed_and_not_dev():
    from storytrace.facts.taxonomy import load_taxonomy

    tops = {t.id for t in load_taxonomy() if t.level == 1}
    rows = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    dev = {json.loads(x)["ref"] for x in FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert len(rows) >= 900
    assert all(r["topic"] in tops for r in rows) and {r["topic"] for r in rows} == tops
    assert len({r["ref"] for r in rows}) == len(rows)
    assert not {r["ref"] for r in rows} & dev  # the dev set stays held out
    assert all(r["ref"].startswith(("semeval:", "dragnet:")) for r in rows)  # never topics/bbc


def test_shipped_tagger_covers_all_top_levels():
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(use_e5=False, use_encoder=False)
    assert len(tagger.model.classes_) == 17
    assert tagger.probe is not None and tagger.probe[0].shape == (17, 384)
    assert tagger.use_probe is not None and tagger.use_probe[0].shape == (17, 512)


class _FakeEncoder:
    def encode(self, texts):
        import numpy as np

        return np.ones((len(texts), 512), dtype=np.float32)


@pytest.mark.parametrize("english,expect_use", [(True, True), (False, False)])
def test_topics_use_probe_only_in_english_ensemble(english, expect_use):
    import numpy as np

    from storytrace.facts.topics import TopicTagger, load_topic_tagger

    shipped = load_topic_tagger(use_e5=False, use_encoder=False)
    k = shipped.model.classes_.index("medtop:17000000")  # weather: certainly not the page's topic
    W, b = np.zeros((17, 512), np.float32), np.zeros(17, np.float32)
    b[k] = 50.0  # a probe that is sure of weather whatever the page says
    tagger = TopicTagger(model=shipped.model, terms=shipped.terms, use_probe=(W, b), encoder=_FakeEncoder(),
                         use_e5=False)
    text = "Striker scores twice as United beat Chelsea 3-1 in the Premier League match on Sunday."
    top = tagger.tag([text], [english])[0][0].id
    assert (top == "medtop:17000000") == expect_use


def test_tagger_ranks_obvious_topics():
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger()
    out = tagger.tag(["Striker scores twice as United beat Chelsea 3-1 in the Premier League match on Sunday.",
                      "The actor won an Oscar for best film at the Hollywood awards ceremony."])
    assert out[0][0].id == "medtop:15000000"
    assert out[1][0].id == "medtop:01000000"


@pytest.mark.parametrize("text", ["...", "a,b,c\n1,2,3\n4,5,6", "Headline here", ""])
def test_no_topics_for_a_text_with_too_few_words(text):
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(use_e5=False, use_encoder=False)
    sport = "Striker scores twice as United beat Chelsea 3-1 in the Premier League match on Sunday."
    out = tagger.tag([text, sport])
    assert out[0] == [] and out[1][0].id == "medtop:15000000"  # the judged text keeps its topics


def test_facts_stage_notes_why_an_empty_page_has_no_topics():
    from storytrace.facts import FactsResources, extract_facts_batch
    from storytrace.facts.topics import load_topic_tagger
    from storytrace.records import Page
    from storytrace.settings import Options

    resources = FactsResources(topics=load_topic_tagger(use_e5=False, use_encoder=False))
    [page] = extract_facts_batch([Page(id="x", source="t", body=["..."], language="de")], Options(), nlp=None,
                                 resources=resources)
    assert page.facts["topics"] == [] and any("no topics" in n for n in page.facts["notes"])


@pytest.mark.skipif(not (DATA / "stories" / "semeval2022-task8").is_dir(), reason="shared data not available")
def test_train_topics_runs_on_tiny_sample(tmp_path):
    import numpy as np
    import train_topics

    from storytrace.facts.topics import TopicModel

    rc = train_topics.main(["--data", str(DATA), "--out", str(tmp_path), "--max-texts", "24", "--no-tree"])
    assert rc == 0
    model = TopicModel.load(tmp_path / "iptc-top-tfidf-lr.joblib")
    assert len(model.classes_) == 17  # taxonomy rows cover every top level
    for name, dim in (("iptc-top-e5-probe.npz", 384), ("iptc-top-use-probe.npz", 512)):
        z = np.load(tmp_path / name)
        assert z["W"].shape == (17, dim) and list(z["classes"]) == list(model.classes_)
    assert sum(json.loads((tmp_path / "training-rows.json").read_text()).values()) == 24


AUTHORED = ROOT / "training" / "data" / "topics_authored" / "en.jsonl"


def test_authored_topic_texts_are_well_formed():
    """The project-authored texts: one top level and one second-level term under it per text, every
    second-level term of the taxonomy covered, a headline and a 60-150 word lead."""
    from storytrace.facts.taxonomy import load_taxonomy

    terms = load_taxonomy()
    top_of = {t.id: t.top for t in terms if t.level == 2}
    rows = [json.loads(x) for x in AUTHORED.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 1000
    assert all(top_of[r["subtopic"]] == r["topic"] for r in rows)
    assert {r["subtopic"] for r in rows} == set(top_of)  # every second-level term
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        headline, lead = r["text"].split("\n", 1)
        assert headline.strip() and 60 <= len(lead.split()) <= 150


@pytest.mark.skipif(not (DATA / "stories" / "semeval2022-task8").is_dir(), reason="shared data not available")
def test_train_topics_runs_with_authored_texts(tmp_path):
    import numpy as np
    import train_topics

    from storytrace.facts.topics import TopicModel

    rows = [json.loads(x) for x in AUTHORED.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = [next(r for r in rows if r["topic"] == t) for t in sorted({r["topic"] for r in rows})][:6]
    authored = tmp_path / "authored.jsonl"
    authored.write_text("".join(json.dumps(r) + "\n" for r in sample), encoding="utf-8")
    out = tmp_path / "model"
    rc = train_topics.main(["--data", str(DATA), "--out", str(out), "--max-texts", "24", "--no-tree",
                            "--authored", str(authored), "--authored-weight", "0.5", "--authored-models", "tfidf,use"])
    assert rc == 0
    model = TopicModel.load(out / "iptc-top-tfidf-lr.joblib")
    assert len(model.classes_) == 17
    assert np.load(out / "iptc-top-use-probe.npz")["W"].shape == (17, 512)
    note = json.loads((out / "training-rows.json").read_text())
    assert sum(note["hand_labels"].values()) == 24 and sum(note["authored"].values()) == 6
    assert note["authored_weight"] == 0.5 and note["authored_models"] == ["tfidf", "use"]


def test_member_harness_chunks_and_geometric_mean():
    """Session 6's member harness (training/train_topics_members.py): body chunks cut at spaces, capped, and
    the weighted geometric mean it scores ensembles with agrees with the tagger's English mix."""
    import numpy as np
    import train_topics_members as tm

    from storytrace.facts.topics import mix_english

    text = " ".join(f"word{i}" for i in range(1000))
    parts = tm.chunks(text, size=100, most=4)
    assert len(parts) == 4 and all(len(p) <= 100 and not p.startswith(" ") for p in parts)
    assert " ".join(parts) == " ".join(text.split())[: len(" ".join(parts))]
    assert tm.chunks("  short   text ") == ["short text"] and tm.chunks("") == []
    rng = np.random.default_rng(0)
    p, q = rng.dirichlet(np.ones(17), 5), rng.dirichlet(np.ones(17), 5)
    assert (tm.geometric([p, q], [0.7, 0.3]).argmax(1) == mix_english(p, q, 0.3).argmax(1)).all()


def test_ablation_grid_report_counts_recall_and_paired_changes():
    """Session 19's grid (training/topics_ablation.py): per-topic recall and the gained/lost texts against the
    first (baseline) entry; the e5 weight and the prior exponent enter the mix."""
    import numpy as np
    import topics_ablation as ab

    eye = np.eye(3) * 0.9 + 0.05
    tf = eye[[0, 1, 2, 1]]  # TF-IDF: right on texts 0-2, wrong on text 3 (gold 0)
    use = eye[[0, 1, 2, 1]]
    e5 = eye[[1, 1, 2, 0]]  # e5: wrong on text 0, right on text 3
    gold = np.array([0, 1, 2, 0])
    prior = np.tile([0.01, 0.98, 0.01], (4, 1))
    r = {"cv": [tf, use, e5], "cv_gold": gold, "cv_prior": prior,
         "dev": [tf[:2], use[:2], e5[:2]], "dev_gold": gold[:2], "dev_prior": prior[:2]}
    out = ab.grid_report(r, {"base": (0.3, 0.0, 0.0), "e5": (0.0, 1.0, 0.0), "prior": (0.3, 0.0, 5.0)})
    assert out["base"]["cv5"] == 0.75 and out["base"]["cv_recall"] == [(1, 2), (1, 1), (1, 1)]
    assert "cv_gained_lost" not in out["base"]
    assert out["e5"]["cv_gained_lost"] == [1, 1] and out["e5"]["dev_gained_lost"] == [0, 1]
    assert out["prior"]["cv_recall"] == [(0, 2), (1, 1), (0, 1)]  # a strong prior pulls everything to topic 1
    assert out["prior"]["dev_hits"] == 1


EXTRA = ROOT / "training" / "data" / "topics_labels" / "session8.jsonl"


def test_topics_extra_labels_are_well_formed_and_held_out():
    """Session 8's extra hand labels (training/data/topics_labels/session8.jsonl): one known top level per
    text, a language, unique refs into the permitted pools only, none in the training labels or either dev
    set."""
    from storytrace.facts.taxonomy import load_taxonomy

    tops = {t.id for t in load_taxonomy() if t.level == 1}
    rows = [json.loads(x) for x in EXTRA.read_text(encoding="utf-8").splitlines() if x.strip()]
    held = {json.loads(x)["ref"] for f in (LABELS, FIXTURE, FIXTURE.with_name("topic_dev_multilingual.jsonl"))
            for x in f.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert len(rows) >= 1000
    assert all(r["topic"] in tops for r in rows) and {r["topic"] for r in rows} == tops
    assert len({r["ref"] for r in rows}) == len(rows)
    assert not {r["ref"] for r in rows} & held
    assert all(r["ref"].startswith(("semeval:", "dragnet:")) for r in rows)  # never topics/bbc
    assert all(len(r["sha1_200"]) == 12 and r["lang"] for r in rows)


@pytest.mark.skipif(not (DATA / "stories" / "semeval2022-task8").is_dir(), reason="shared data not available")
@pytest.mark.parametrize("clash", [False, True])
def test_topics_extra_labelled_reads_texts_and_refuses_held_out_refs(tmp_path, clash):
    """extra_labelled reads each text by ref (any language), checks its hash, filters by language, and refuses
    a file that relabels a training or dev text."""
    import train_topics

    rows = [json.loads(x) for x in EXTRA.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = [next(r for r in rows if r["lang"] == lang) for lang in ("de", "zh", "en")]
    if clash:
        sample.append(json.loads(LABELS.read_text(encoding="utf-8").splitlines()[0]) | {"lang": "en"})
    path = tmp_path / "extra.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sample), encoding="utf-8")
    if clash:
        with pytest.raises(ValueError, match="already labelled or in a dev set"):
            train_topics.extra_labelled(DATA, path)
        return
    texts, y, langs = train_topics.extra_labelled(DATA, path)
    assert langs == ["de", "zh", "en"] and y == [r["topic"] for r in sample]
    assert [train_topics.text_key(t) for t in texts] == [r["sha1_200"] for r in sample]
    assert train_topics.extra_labelled(DATA, path, ("zh",))[2] == ["zh"]


@pytest.mark.skipif(not (DATA / "stories" / "semeval2022-task8").is_dir(), reason="shared data not available")
def test_train_topics_runs_with_extra_labels(tmp_path):
    import numpy as np
    import train_topics

    rows = [json.loads(x) for x in EXTRA.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = [next(r for r in rows if r["topic"] == t) for t in sorted({r["topic"] for r in rows})][:5]
    extra = tmp_path / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in sample), encoding="utf-8")
    out = tmp_path / "model"
    rc = train_topics.main(["--data", str(DATA), "--out", str(out), "--max-texts", "24", "--no-tree",
                            "--extra", str(extra), "--extra-models", "use"])
    assert rc == 0
    assert np.load(out / "iptc-top-use-probe.npz")["W"].shape == (17, 512)
    note = json.loads((out / "training-rows.json").read_text())
    assert sum(note["hand_labels"].values()) == 24 and sum(note["extra_labels"].values()) == 5
    assert note["extra_models"] == ["use"] and note["extra_weight"] == 1.0
