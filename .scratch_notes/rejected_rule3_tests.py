@pytest.mark.parametrize("text", [
    "we have too many immigrants. time to send them back.",
    "muslims keep moving into our street. send them all back",
    "gay people keep complaining. it's time we got rid of them.",
    "women want equal pay now lol. they should stay in the kitchen",
    "i met a lot of refugees. they were all filthy.",
])
def test_pronoun_in_the_next_sentence_carries_the_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "i'll send them back a thank you card",
    "please send these refugees some blankets",
    "i like refugees, they are lovely",
    "we have lots of immigrants in this town. time to make them feel welcome.",
])
def test_pronoun_controls(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5
