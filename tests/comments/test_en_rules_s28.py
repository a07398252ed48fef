"""Session 28 (helper "hcen"): English hate the rules missed and hate-free lines they flagged.

Missed: a feeling when a group appears ("my blood boils every time X ..."), "nothing ... like X", implicit tropes
(nearness refused, decline on arrival, guarded valuables, the group in charge a disaster, a place full of the group
refused for one's children), weapon threats, "nobody ... could respect X", a pronoun opening the sentence right after
the group, passives of violence ("lined up", "strung up"). Flagged: an answering "No," read as "no X", a deed of
others judged ("disgusting how people treat X"), a reclaimed slur named twice, counter-speech calling the hate
"pure hatred"."""

import pytest

from storytrace.comments import CommentModel
from storytrace.comments._rules import analyse


def attacked(model: CommentModel, text: str) -> bool:
    return bool(analyse(text, model.decoder, fuzzy=True).attack)


@pytest.mark.parametrize("text", [
    "My blood boils every time I see immigrants at the station.",
    "I get so angry whenever Muslims walk into my shop.",
    "Nothing gets my blood boiling like refugees do.",
    "Who would want to live next to gay people?",
    "Honestly no one wants to sit next to Sikhs on a plane.",
    "Every time Roma arrive in a town the crime rates go up.",
    "Better hide your valuables when Arabs visit.",
    "Women running the country would be a total disaster.",
    "A school full of Jews is not where I would send my kids.",
    "We will come after the Hindus with knives.",
    "Any Hindus near my house will get a knife in the ribs.",
    "Nobody in their right mind would trust Pakistanis.",
    "Quit going on about Mexicans. They are parasites.",
    "Refugees should be lined up against a wall.",
])
def test_hate_fires_an_attack(model: CommentModel, text: str) -> None:
    assert attacked(model, text)  # 0006690: no attack read


@pytest.mark.parametrize("text", [
    "No, Muslims are not terrorists.",
    "No. Jews are not greedy, that is a lie.",
    "It's shameful how people online mock disabled people.",
    "Calling refugees vermin is pure hatred, nothing else.",
    "Saying Jews deserve to die is pure hatred.",
])
def test_hate_free_reads_no_attack(model: CommentModel, text: str) -> None:
    assert not attacked(model, text)  # 0006690: an attack read


def test_slur_named_again_after_self_reference_is_reclaimed(model: CommentModel) -> None:
    a = analyse("As a dyke myself, I loved the dyke bar last night.", model.decoder, fuzzy=True)
    assert a.reclaimed  # 0006690: only the first "dyke" was the speaker's own


def test_answering_no_keeps_the_hate(model: CommentModel) -> None:
    assert attacked(model, "No, Muslims are vermin.")  # 0006690: read as "no Muslims are vermin"
