"""The comment model's embedding heads (routing by language) and how rule constants meet learned scores."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.comments import CommentModel, score_texts
from tests.comments.conftest import FakeEncoder


@pytest.fixture
def fresh_model() -> CommentModel:
    return CommentModel.load()  # not the shared fixture: these tests replace its encoders or settings


@pytest.mark.parametrize("lang,encoder", [("fr", "use"), ("zh", "use"), ("nl", "use"), ("sk", "e5"), ("uk", "e5")])
def test_model_encoder_for_language(fresh_model, lang, encoder):
    fresh_model.embedders = {"use": FakeEncoder(512), "e5": FakeEncoder(384)}
    assert fresh_model.encoder_for(lang) == encoder


@pytest.mark.parametrize("texts,langs", [(["ceci est un commentaire", "to je komentár", "plain english"],
                                          ["fr", "sk", "en"])])
def test_model_non_english_routed_to_its_head(fresh_model, texts, langs):
    use, e5 = FakeEncoder(512), FakeEncoder(384)
    fresh_model.embedders = {"use": use, "e5": e5}
    out = score_texts(texts, fresh_model, languages=langs)
    assert use.seen == [texts[0]] and e5.seen == [texts[1]]  # English stays on the char model by default
    assert all(0.0 <= r["scores"]["identity_attack"] <= 1.0 for r in out)


@pytest.mark.parametrize("texts", [["I hate blackpeople", "jews are vermin and should be deported",
                                    "love to the ghey couple", "muslims are not scum", "thanks for the article",
                                    "you are a stupid idiot"]])
def test_model_noisy_or_same_decisions_ranked_ties(fresh_model, texts):
    # learned identity_attack pushed well below the rule constants, whatever the trained heads say about these
    # texts (a model trained with more hateful examples scores "I hate blackpeople" above 0.85 on its own)
    fresh_model.intercept = fresh_model.intercept.copy()
    fresh_model.intercept[2] -= 4.0
    fresh_model.rule_combine = "max"
    as_max = np.array([r["scores"]["identity_attack"] for r in score_texts(texts, fresh_model, languages=["en"] * 6)])
    fresh_model.rule_combine = "noisy_or"
    as_or = np.array([r["scores"]["identity_attack"] for r in score_texts(texts, fresh_model, languages=["en"] * 6)])
    assert ((as_or >= 0.5) == (as_max >= 0.5)).all()
    assert (as_or >= as_max - 1e-4).all()
    # the two attacks hit the same rule constant under "max"; noisy-OR ranks them by the learned score
    assert as_max[0] == as_max[1] == 0.85
    assert as_or[0] != as_or[1]


@pytest.mark.parametrize("texts", [["ceci est un commentaire tout à fait banal", "voici une autre phrase sur la météo",
                                    "la réunion du conseil municipal aura lieu jeudi"]])
def test_model_non_english_ignores_char_guesses(fresh_model, texts):
    # the same embedding for every text: without a char hit (p >= 0.5) the char model must not change the scores
    fresh_model.embedders = {"use": FakeEncoder(512)}
    out = score_texts(texts, fresh_model, languages=["fr"] * len(texts))
    for cat in ("insult", "identity_attack"):
        assert len({r["scores"][cat] for r in out}) == 1, [r["scores"] for r in out]


@pytest.mark.parametrize("text,lang", [("ceci est un commentaire tout à fait banal", "fr"),
                                       ("la famille a passé une belle journée", "fr"),
                                       ("agli amici piace fare una passeggiata", "it")])
def test_model_no_english_misspellings_in_other_languages(model, text, lang):
    r = score_texts([text], model, languages=[lang])[0]
    assert r["decoded"] == [] and r["scores"]["identity_attack"] < 0.5, r


@pytest.mark.parametrize("texts", [["muslims are lovely neighbours", "thanks for the article", "i hate jews",
                                    "you are a stupid idiot"]])
def test_model_stack_gate_embeds_only_group_mentions(fresh_model, texts):
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.stack_gate = "none"
    plain = score_texts(texts, fresh_model, languages=["en"] * len(texts))
    assert use.seen == []
    fresh_model.stack_gate = "groups"
    gated = score_texts(texts, fresh_model, languages=["en"] * len(texts))
    assert use.seen == [texts[0], texts[2]]  # only the comments that name a group
    assert gated[1]["scores"] == plain[1]["scores"] and gated[3]["scores"] == plain[3]["scores"]


@pytest.mark.parametrize("texts", [["muslims are lovely neighbours", "thanks for the article", "those dykes again",
                                    "gay people deserve respect"]])
def test_model_stack_gate_people_skips_slurs(fresh_model, texts):
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.stack_gate = "people"
    score_texts(texts, fresh_model, languages=["en"] * len(texts))
    # a named group of people without a slur goes through the stack; a slur already sets the rule constant
    assert use.seen == [texts[0], texts[3]]


def test_model_gate_combine_mean(fresh_model):
    texts = ["muslims are lovely neighbours", "thanks for the article"]
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.stack_gate = "groups"
    fresh_model.gate_combine = "mean"
    out = score_texts(texts, fresh_model, languages=["en"] * len(texts))
    assert use.seen == [texts[0]]
    # the gated comment's learned scores are the mean of the char heads' and the embedding heads' probabilities
    from storytrace.comments._model import model_text
    from storytrace.comments._rules import analyse

    char, _ = fresh_model._learned([model_text(analyse(texts[0], fresh_model.decoder))])
    emb = fresh_model._embedded("use", [texts[0]])
    want = 0.5 * (char[0] + emb[0])
    assert out[0]["scores"]["insult"] == pytest.approx(float(want[1]), abs=1e-3)
    fresh_model.stack_gate = "none"
    plain = score_texts(texts, fresh_model, languages=["en"] * len(texts))
    assert plain[1]["scores"] == out[1]["scores"]


def _char_probabilities(model: CommentModel, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    from storytrace.comments._model import model_text
    from storytrace.comments._rules import analyse

    return model._learned([model_text(analyse(t, model.decoder)) for t in texts], model._short_rows(texts))


CASCADE_TEXTS = ["thanks for the article", "you are a stupid idiot", "this take is so dumb lol",
                 "the council meets on thursday"]


def test_model_cascade_embeds_only_uncertain_comments(fresh_model):
    # session 17: the cascade sends only the English comments whose char toxic probability lies in the band
    # through the char + USE stack; the others keep the fast path's scores, bit for bit
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.cascade = {}
    plain = score_texts(CASCADE_TEXTS, fresh_model, languages=["en"] * len(CASCADE_TEXTS))
    p, margin = _char_probabilities(fresh_model, CASCADE_TEXTS)
    lo, hi = float(p[2, 0]) - 1e-4, float(p[2, 0]) + 1e-4
    assert not any(lo <= float(p[i, 0]) <= hi for i in (0, 1, 3))
    wc, we, b = 0.7, 0.4, 0.2
    fresh_model.cascade = {"band": {"toxic": [lo, hi]}, "stack": {"toxic": [wc, we, b]}}
    out = score_texts(CASCADE_TEXTS, fresh_model, languages=["en"] * len(CASCADE_TEXTS))
    assert use.seen == [CASCADE_TEXTS[2]]
    for i in (0, 1, 3):
        assert out[i]["scores"] == plain[i]["scores"]
    em = fresh_model._embed_margins("use", [CASCADE_TEXTS[2]])[0]
    want = 1.0 / (1.0 + np.exp(-(wc * margin[2, 0] + we * em[0] + b)))
    # toxic is at least the learned toxic (the rules may raise it, never lower it here)
    assert out[2]["scores"]["toxic"] >= round(float(want), 4) - 1e-4
    # the stack names only toxic: insult and identity_attack keep the char heads' reading
    assert out[2]["scores"]["identity_attack"] == plain[2]["scores"]["identity_attack"]


def test_model_cascade_embeds_a_text_once(fresh_model):
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": list(fresh_model.stack["toxic"])}}
    first = score_texts(CASCADE_TEXTS, fresh_model, languages=["en"] * len(CASCADE_TEXTS))
    again = score_texts(CASCADE_TEXTS[::-1], fresh_model, languages=["en"] * len(CASCADE_TEXTS))
    assert sorted(use.seen) == sorted(CASCADE_TEXTS)  # each embedded once
    assert [r["scores"] for r in again[::-1]] == [r["scores"] for r in first]


def test_model_cascade_leaves_other_languages_and_content_free_lines(fresh_model):
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": list(fresh_model.stack["toxic"])}}
    score_texts(["hahaha 😂😂", "ceci est un commentaire tout à fait banal"], fresh_model, languages=["en", "fr"])
    # the French line goes to its own USE head (one embedding); the content-free line is not embedded
    assert use.seen == ["ceci est un commentaire tout à fait banal"]


def test_uncertain_band_and_groups():
    from storytrace.comments._model import uncertain
    from storytrace.comments._rules import Analysis

    a = Analysis(norm="x")
    cascade = {"band": {"toxic": [0.35, 0.55]}}
    assert uncertain(np.array([0.4, 0.9, 0.1]), a, cascade)
    assert not uncertain(np.array([0.6, 0.45, 0.45]), a, cascade)
    assert not uncertain(np.array([0.2, 0.2, 0.2]), Analysis(norm="x", groups={"jews": [(0, 4, "jews")]}), cascade)
    assert uncertain(np.array([0.2, 0.2, 0.2]), Analysis(norm="x", groups={"jews": [(0, 4, "jews")]}),
                     {**cascade, "groups": True})


def test_shipped_model_has_a_toxic_cascade(model):
    # session 17 (revision 3.15): the shipped English path embeds the comments whose char toxic probability is in
    # the band; the band is narrow enough that most comments stay on the fast path
    band = model.cascade["band"]
    assert set(band) == {"toxic"} and 0.0 < band["toxic"][0] < 0.5 < band["toxic"][1] < 1.0
    assert set(model.cascade["stack"]) == {"toxic"}


def test_model_cascade_leaves_short_replies(fresh_model):
    # short replies carry the char heads' short-reply shift, which the stack was not fit with: through the stack
    # "haha ok" read toxic 0.67 (the shift keeps it at 0.40)
    use = FakeEncoder(512)
    fresh_model.embedders = {"use": use}
    fresh_model.cascade = {"band": {"toxic": [0.0, 1.0]}, "stack": {"toxic": list(fresh_model.stack["toxic"])}}
    score_texts(["haha ok", "bruh", "this take is so dumb lol"], fresh_model, languages=["en"] * 3)
    assert use.seen == ["this take is so dumb lol"]
