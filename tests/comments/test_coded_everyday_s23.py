"""Session-23 lead guards on the session-22 coded-hate reader: false alarms its helper found by hand and left open
("remove kebab from the menu", "we were mud people by the end" after a mud race)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts


@pytest.mark.parametrize("text", [
    "remove kebab from the menu, nobody orders it",
    "we did the mud race last weekend and we were mud people by the end",
    "after the obstacle course I was mud people, my shoes are ruined",
])
def test_a_code_said_of_oneself_or_of_the_thing_itself_is_no_attack(model, text: str) -> None:
    r = score_texts([text], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] < 0.5, r["evidence"]


@pytest.mark.parametrize("text", [
    "remove kebab from europe",
    "mud people are ruining this country",
    "we all know the mud people are behind it",
])
def test_the_codes_aimed_at_others_stay_attacks(model, text: str) -> None:
    assert score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["go back to africa my nigga", "go back where you came from my nigga"])
def test_a_comment_sending_its_addressee_away_is_no_in_group_talk(model, text: str) -> None:
    # the session-22 in-group reading of the "-a" spelling took "go back to africa my n***a" from 0.94 to 0.36
    assert score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["that's my nigga right there", "i can't wait to go back to the studio with my niggas"])
def test_in_group_talk_stays_unflagged(model, text: str) -> None:
    assert score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"] < 0.5


def test_a_slur_or_code_named_to_condemn_it_is_evidence_of_a_mention(model) -> None:
    r = score_texts(["anyone who talks about ZOG is an antisemite"], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] < 0.5
    assert r["evidence"] and all(e.get("kind") == "mention" for e in r["evidence"]
                                 if e["category"] == "identity_attack")
    used = score_texts(["ZOG runs this country"], model, languages=["en"])[0]
    assert [e.get("kind") for e in used["evidence"] if e["category"] == "identity_attack"] == ["coded"]


@pytest.mark.parametrize("text", [
    "He called me a faggot and I reported him.",
    "Someone called my son a faggot at school.",
    "calling someone a kike is disgusting",
    "I was called a paki every day at school.",
])
def test_a_slur_someone_was_called_is_named_not_used(model, text: str) -> None:
    r = score_texts([text], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] < 0.5
    assert all(e.get("kind") == "mention" for e in r["evidence"] if e["category"] == "identity_attack")


@pytest.mark.parametrize("text", [
    "I called him a faggot and he cried",
    "they should be called faggots",
    "call them what they are, faggots",
    "calling them faggots is accurate",
    "He called me a faggot. All gays are disgusting.",
])
def test_a_slur_the_commenter_calls_or_wants_stays_an_attack(model, text: str) -> None:
    assert score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "go back to your own country, we don't want you here",
    "If you don't like it here, go back where you came from.",
    "we should send them back to africa",
    "send them all back where they came from",
])
def test_sending_someone_home_is_an_attack_on_origin(model, text: str) -> None:
    r = score_texts([text], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] >= 0.5 and "Immigrants" in r["targets"]


@pytest.mark.parametrize("text", [
    "go back to reddit where you came from",
    "I want to go back to Mexico next year",
    "I'd love to go back to Africa one day",
    "Nobody is telling you to go back to your country.",
    "my parents went back to their country",
])
def test_a_trip_home_or_a_denied_sending_is_no_attack(model, text: str) -> None:
    assert score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"] < 0.5
