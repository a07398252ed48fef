"""The paired embedding heads (revision 3.13): a non-English comment in one of USE's languages that names a group is
read by the USE and the multilingual-e5 heads together, sigmoid(a * ((1 - w) z_use + w z_e5) + b) per head; other
comments keep their one head, and English comments are never embedded."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import CommentModel, score_texts
from tests.comments.conftest import FakeEncoder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_model() -> CommentModel:
    model = CommentModel.load()  # not the shared fixture: these tests replace its encoders or settings
    model.embedders = {"use": FakeEncoder(512, per_text=True), "e5": FakeEncoder(384, per_text=True)}
    return model


def _log_odds(p: np.ndarray) -> np.ndarray:
    q = np.clip(p.astype(np.float64), 1e-7, 1 - 1e-7)
    return np.log(q / (1 - q))


@pytest.mark.parametrize(("texts", "langs"), [(
    ["Les musulmans du quartier organisent une fête.", "Il pleut encore sur Lyon aujourd'hui.",
     "Muslims in the area are organising a party.", "Ta bunda je pekná, kúpila som ju včera.", "我们小区的同性恋邻居很友好。"],
    ["fr", "fr", "en", "sk", "zh"])])
def test_pair_reads_group_comments_in_use_languages_with_e5(fresh_model, texts, langs):
    assert fresh_model.pair["gate"] == "groups" and fresh_model.pair["encoder"] == "e5"
    score_texts(texts, fresh_model, languages=langs)
    use, e5 = fresh_model.embedders["use"], fresh_model.embedders["e5"]
    # USE reads every non-English comment in its languages; e5 those that name a group, and Slovak (not USE's)
    assert sorted(use.seen) == sorted([texts[0], texts[1], texts[4]])
    assert sorted(e5.seen) == sorted([texts[0], texts[3], texts[4]])


@pytest.mark.parametrize(("text", "lang"), [("Les musulmans du quartier organisent une fête.", "fr"),
                                            ("I musulmani del quartiere organizzano una festa.", "it")])
def test_pair_probability_is_platt_of_the_log_odds_mean(fresh_model, text, lang):
    got = fresh_model.learned_probabilities([text], [lang])[0]
    z_use = _log_odds(fresh_model._embedded("use", [text])[0])
    z_e5 = _log_odds(fresh_model._embedded("e5", [text])[0])
    for k, cat in enumerate(("toxic", "insult", "identity_attack")):
        w = fresh_model.pair["weight"][cat]
        a, b = fresh_model.pair["calibration"][cat]
        want = 1 / (1 + np.exp(-(a * ((1 - w) * z_use[k] + w * z_e5[k]) + b)))
        assert got[k] == pytest.approx(want, abs=1e-5)
        assert got[k] != pytest.approx(1 / (1 + np.exp(-z_use[k])), abs=1e-3)  # not the USE heads alone


@pytest.mark.parametrize("text", ["Les musulmans du quartier organisent une fête."])
def test_pair_without_it_or_without_e5_keeps_the_use_heads(fresh_model, text):
    use_only = fresh_model._embedded("use", [text])[0]
    paired = fresh_model.learned_probabilities([text], ["fr"])[0]
    fresh_model.pair = {}  # a model fit before revision 3.13
    assert fresh_model.learned_probabilities([text], ["fr"])[0] == pytest.approx(use_only, abs=1e-6)
    fresh_model.pair = dict(CommentModel.load().pair)
    fresh_model.embed_coef = None  # no e5 heads: the pair cannot be read
    assert fresh_model.learned_probabilities([text], ["fr"])[0] == pytest.approx(use_only, abs=1e-6)
    assert not np.allclose(paired, use_only, atol=1e-3)


@pytest.mark.parametrize("texts", [["Il pleut encore sur Lyon aujourd'hui.", "Ces rats dans la cave me dégoûtent."]])
def test_pair_gate_none_reads_every_comment(fresh_model, texts):
    fresh_model.pair = dict(fresh_model.pair, gate="none")
    score_texts(texts, fresh_model, languages=["fr", "fr"])
    assert fresh_model.embedders["e5"].seen == texts


def test_pair_english_outputs_do_not_read_the_pair(fresh_model):
    texts = ["muslims are lovely neighbours", "you are a stupid idiot", "thanks for the article"]
    paired = score_texts(texts, fresh_model, languages=["en"] * 3)
    fresh_model.pair = {}
    assert score_texts(texts, fresh_model, languages=["en"] * 3) == paired
    assert fresh_model.embedders["use"].seen == [] and fresh_model.embedders["e5"].seen == []


def test_fit_pair_weight_and_intercept_blend():
    sys.path.insert(0, str(ROOT / "training"))
    from fit_comment_pair import fit_pair

    rng = np.random.default_rng(0)
    n = 600
    y = (rng.random(n) < 0.4).astype(int)
    z_use = 1.5 * (2 * y - 1) + rng.standard_normal(n)
    z_e5 = 1.5 * (2 * y - 1) + rng.standard_normal(n)
    tweets = np.arange(n) < 400
    w, ab, report = fit_pair(z_use, z_e5, y, tweets, tweets, "0.5", 1.0)
    assert w == 0.5 and report["n_tweets"] == 400 and report["n_authored"] == 200
    assert report["auc_authored_pair"] >= max(report["auc_authored_use"], report["auc_authored_e5"]) - 0.01
    # the mean of two noisy log-odds of the same label is under-confident: its Platt slope is above 1
    assert ab[0] > 1.0
    w_fit, _, _ = fit_pair(z_use, z_e5 + 0.5 * rng.standard_normal(n), y, tweets, tweets, "fit", 1.0)
    assert 0.0 < w_fit < 0.5  # the noisier head weighs less
    # blend 0 keeps the tweets-only fit's 0.5 point: -b/a equal to it
    _, tw_ab, _ = fit_pair(z_use[tweets], z_e5[tweets], y[tweets], np.ones(400, bool), np.ones(400, bool), "0.5", 1.0)
    _, ab0, _ = fit_pair(z_use, z_e5, y, tweets, tweets, "0.5", 0.0)
    assert -ab0[1] / ab0[0] == pytest.approx(-tw_ab[1] / tw_ab[0], abs=1e-6)


@pytest.mark.parametrize(("text", "lang", "named"), [
    ("Les musulmans du quartier organisent une fête.", "fr", True),
    ("Ces rats dans la cave, je vais les empoisonner jusqu'au dernier.", "fr", False),
    ("Die Flüchtlinge kommen morgen an.", "de", True),
    ("我们小区的同性恋邻居很友好。", "zh", True),
    ("老鼠把楼里的地下室都占了。", "zh", False),
    ("Bugün hava çok güzel.", "tr", False),  # no Turkish group words: never paired
])
def test_pair_names_group(text, lang, named):
    from storytrace.comments._lexicon import load_lexicon
    from storytrace.comments._rules import names_group

    assert names_group(text, lang, load_lexicon()) is named
