"""Session 22 (helper "codes"): coded hate (``_rules_implicit.coded_readings``, ``implicit.json``'s coded_* keys).
A dog whistle or coded term is an identity attack with the group it targets and evidence of kind "coded"; the same
code in an everyday sense, condemned, or reported in the news is not. Sentences written for this test, not taken
from the probe files or any evaluation set."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts


def _out(model, text: str) -> dict:
    return score_texts([text], model, languages=["en"], calibration="training")[0]


def _coded(out: dict) -> list[str]:
    return [e["text"].lower() for e in out["evidence"] if e["category"] == "identity_attack" and e.get("kind") == "coded"]


@pytest.mark.parametrize(("text", "code", "target"), [
    ("honestly ZOG decides every election in this country", "zog", "Jews"),
    ("(((the bankers))) bought another politician today", "(((the bankers)))", "Jews"),
    ("our grandchildren will be minorities, white genocide is real", "white genocide", "Immigrants"),
    ("the great replacement speeds up every year and nobody in power cares", "great replacement", "Immigrants"),
    ("rapefugees out, our daughters first", "rapefugees", "Immigrants"),
    ("another jogger mugged a pensioner downtown, typical", "jogger", "Black people"),
    ("the globalists own the banks and want us replaced", "globalists", "Jews"),
    ("1488 forever, my brothers", "1488", "Jews"),
    ("once you see the kalergi plan you cannot unsee it", "kalergi plan", "Immigrants"),
])
def test_a_code_is_an_identity_attack_with_its_target(model, text, code, target):
    out = _out(model, text)
    assert out["scores"]["identity_attack"] >= 0.5
    assert code in _coded(out)
    assert target in out["targets"]


@pytest.mark.parametrize("text", [
    "two joggers waved at me by the river this morning",
    "the globalists in the cabinet want lower tariffs on steel",
    "the merchant at the market was happy to haggle",
    "she scored 88 in the final exam",
    "the 1488 train to Leeds was cancelled",
    "King Zog fled Albania in 1939",
    "the great replacement of the stadium seats took all summer",
])
def test_an_everyday_sense_is_not_a_code(model, text):
    out = _out(model, text)
    assert not _coded(out)
    assert out["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "'white genocide' is a white supremacist conspiracy theory, nothing more",
    "the kalergi plan is an antisemitic hoax and it should be called out",
    "police said the attacker had written about the great replacement",
])
def test_a_code_condemned_or_reported_is_not_an_attack(model, text):
    out = _out(model, text)
    assert not _coded(out)
    assert out["scores"]["identity_attack"] < 0.5
