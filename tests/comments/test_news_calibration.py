"""The news_comments calibration: a class-prior shift of the learned heads' log-odds, loaded only beside the model
files it was fit to, applied to page threads and raw texts only when asked (the training one is the default)."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import NEWS_CALIBRATION, TRAINING_CALIBRATION, analyze_comments, score_texts
from storytrace.comments._model import LEARNED, load_domain_calibrations, model_file_hashes
from storytrace.settings import Options
from tests.comments.conftest import make_page

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "storytrace" / "data" / "models" / "comments"


def test_shipped_calibration_fits_the_shipped_model(model):
    # after a retrain of model.json/model.npz, re-run training/calibrate_news_comments.py --write
    spec = json.loads((SHIPPED / "news_calibration.json").read_text(encoding="utf-8"))
    assert spec["model_files"] == model_file_hashes(SHIPPED)
    assert NEWS_CALIBRATION in model.calibrations
    assert set(model.calibrations[NEWS_CALIBRATION]) == set(LEARNED)


def test_recalibrate_moves_log_odds(model):
    p = np.array([[0.5, 0.2, 0.9], [0.01, 0.99, 0.3]], dtype=np.float32)
    assert model.recalibrate(p, TRAINING_CALIBRATION) is p
    model.calibrations["test_shift"] = {"toxic": (1.0, -np.log(9.0))}
    try:
        out = model.recalibrate(p, "test_shift")
    finally:
        del model.calibrations["test_shift"]
    assert out[0, 0] == pytest.approx(0.1, abs=1e-5)  # odds 1 -> 1/9
    assert np.all(out[:, 0] < p[:, 0]) and np.allclose(out[:, 1:], p[:, 1:], atol=1e-6)
    with pytest.raises(ValueError, match="unknown comment calibration"):
        model.recalibrate(p, "no_such_calibration")


def test_calibration_fit_to_other_model_files_is_left_out(tmp_path):
    (tmp_path / "model.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.npz").write_bytes(b"weights")
    spec = {"logit_shift": {"toxic": -3.0, "insult": -2.0, "identity_attack": -1.0, "profanity": 5.0}}
    (tmp_path / "news_calibration.json").write_text(json.dumps(dict(spec, model_files=model_file_hashes(tmp_path))))
    loaded = load_domain_calibrations(tmp_path)
    assert loaded == {"news_comments": {"toxic": (1.0, -3.0), "insult": (1.0, -2.0), "identity_attack": (1.0, -1.0)}}
    (tmp_path / "model.npz").write_bytes(b"retrained weights")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_domain_calibrations(tmp_path) == {}
    assert any("calibrate_news_comments" in str(w.message) for w in caught)


def test_raw_texts_keep_the_training_calibration(model):
    texts = ["this looks pretty good to me, thanks for posting", "you are a moron"]
    default = score_texts(texts, model, languages=["en", "en"])
    training = score_texts(texts, model, languages=["en", "en"], calibration=TRAINING_CALIBRATION)
    news = score_texts(texts, model, languages=["en", "en"], calibration=NEWS_CALIBRATION)
    assert [r["scores"] for r in default] == [r["scores"] for r in training]
    assert news[0]["scores"]["toxic"] < training[0]["scores"]["toxic"]
    assert news[1]["scores"]["insult"] >= 0.5  # the insult word's rule still decides


def test_page_thread_records_its_calibration(model):
    texts = ["great recipe, made it twice already", "what a lovely photo of the harbour"]
    page = analyze_comments(make_page(texts), Options(), model=model, calibration=TRAINING_CALIBRATION)
    assert page.thread["calibration"] == TRAINING_CALIBRATION
    page = analyze_comments(make_page(texts), Options(), model=model)  # page threads default to the news one
    assert page.thread["calibration"] == NEWS_CALIBRATION == Options().comment_calibration
    raw = score_texts(texts, model, calibration=NEWS_CALIBRATION)
    assert [c.scores for c in page.comments] == [r["scores"] for r in raw]
    empty = analyze_comments(make_page([]), Options(), model=model, calibration=NEWS_CALIBRATION)
    assert empty.thread["calibration"] == NEWS_CALIBRATION


def test_page_thread_falls_back_when_the_model_lacks_the_news_calibration(model):
    saved = dict(model.calibrations)
    model.calibrations.clear()
    try:
        page = analyze_comments(make_page(["nice"]), Options(), model=model, calibration=NEWS_CALIBRATION)
    finally:
        model.calibrations.update(saved)
    assert page.thread["calibration"] == TRAINING_CALIBRATION


def test_em_prior_recovers_a_shifted_prior():
    sys.path.insert(0, str(ROOT / "training"))
    from calibrate_news_comments import em_prior

    # a calibrated scorer on training data with prior 0.3; the new data has prior 0.02 and the same class densities
    rng = np.random.default_rng(0)
    y = rng.random(200_000) < 0.02
    x = np.where(y, rng.normal(2.0, 1.0, y.size), rng.normal(0.0, 1.0, y.size))
    odds = 0.3 / 0.7 * np.exp(2.0 * x - 2.0)  # likelihood ratio of N(2,1) to N(0,1), times the training odds
    prior, _ = em_prior(odds / (1 + odds), 0.3)
    assert prior == pytest.approx(0.02, abs=0.004)


def test_the_calibration_names_agree_everywhere_and_unknown_ones_are_refused():
    from storytrace.comments import TRAINING_CALIBRATION
    from storytrace.comments._model import DOMAIN_CALIBRATION_FILES
    from storytrace.comments._thread import page_calibration
    from storytrace.settings import COMMENT_CALIBRATIONS, Options

    assert COMMENT_CALIBRATIONS == (TRAINING_CALIBRATION, *DOMAIN_CALIBRATION_FILES)
    with pytest.raises(ValueError, match="News_Comments"):
        Options(comment_calibration="News_Comments")
    with pytest.raises(ValueError, match="tweets"):
        page_calibration(object(), "tweets")


def test_calibration_estimated_with_another_decoder_is_left_out(tmp_path, monkeypatch):
    from storytrace.comments import _model

    (tmp_path / "model.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.npz").write_bytes(b"weights")
    spec = {"logit_shift": {"toxic": -3.0}, "model_files": model_file_hashes(tmp_path)}
    (tmp_path / "news_calibration.json").write_text(json.dumps(spec))
    assert "decoder" in spec["model_files"] and load_domain_calibrations(tmp_path)
    monkeypatch.setattr(_model, "decoder_fingerprint", lambda: "another")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert load_domain_calibrations(tmp_path) == {}


def test_a_missing_news_calibration_is_a_page_warning(model):
    # review s12 #1: the fallback to the tweet calibration was a Python warning only; a newsroom saw a 13 % toxic
    # share on civil threads without a word on the page
    saved = dict(model.calibrations)
    model.calibrations.clear()
    try:
        with_comments = analyze_comments(make_page(["nice"]), Options(), model=model, calibration=NEWS_CALIBRATION)
        no_comments = analyze_comments(make_page([]), Options(), model=model, calibration=NEWS_CALIBRATION)
    finally:
        model.calibrations.update(saved)
    for page in (with_comments, no_comments):
        assert page.thread["calibration"] == TRAINING_CALIBRATION
        assert [w for w in page.warnings if NEWS_CALIBRATION in w and TRAINING_CALIBRATION in w]
    fine = analyze_comments(make_page(["nice"]), Options(), model=model, calibration=NEWS_CALIBRATION)
    assert fine.warnings == []


def test_the_calibration_does_not_depend_on_lexicon_files_the_decoder_does_not_read(tmp_path, monkeypatch):
    # review s12 #1: a names list for entities (word_frequencies/en_names.txt) changed the decoder fingerprint and
    # so unloaded the news calibration; only the files the comment lexicon reads belong in it
    import importlib.resources as importlib_resources

    from storytrace.comments import _model

    real = importlib_resources.files("storytrace") / "data" / "lexicons"
    fake = tmp_path / "lexicons"
    for folder in ("comments", "word_frequencies"):
        (fake / folder).mkdir(parents=True)
        for item in (real / folder).iterdir():
            if item.is_file():
                (fake / folder / item.name).write_bytes(item.read_bytes())
    monkeypatch.setattr(_model, "lexicon_path", lambda folder, name="": fake / folder / name if name else fake / folder)
    _model.decoder_fingerprint.cache_clear()
    try:
        before = _model.decoder_fingerprint()
        _model.decoder_fingerprint.cache_clear()
        (fake / "word_frequencies" / "other_stage_words.txt").write_text("giveaway\n", encoding="utf-8")
        assert _model.decoder_fingerprint() == before
        _model.decoder_fingerprint.cache_clear()
        with (fake / "word_frequencies" / "en_common.tsv").open("a", encoding="utf-8") as f:
            f.write("zzyzx\t3.0\n")
        assert _model.decoder_fingerprint() != before
    finally:
        _model.decoder_fingerprint.cache_clear()
