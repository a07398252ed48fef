"""Compositional identity rules on long, ordinary reader comments (session 17): a pronoun far from the group does not
refer to it; "not rich people" denies a quality, not personhood; victims counted are not a call for harm; someone's
hatred of a group is not an attack on the group; "worth a damn" insults no one. Sentences written for these tests in the
patterns of real blog comments (none from an evaluation set or from the probe files)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from storytrace.comments._rules import analyse
from tests.comments.conftest import scores as _scores

_FILLER = (" The county changed its building codes a few years back, and now you need permits, inspections and a "
           "licensed contractor for every small job around the house, which is why so few of us bother any more.")


@pytest.mark.parametrize("text", [
    # "not rich people" denies a quality, not personhood
    "The middle class are almost forced to be a diy guy (or girl?) since they are not rich people.",
    # the pronoun comes long after the group's only mention
    "My cousin works with handicapped kids at the school." + _FILLER + " Those inspectors are jackasses.",
    # counted victims
    "Does the government give a damn about a few dead Americans in Colorado?",
    "The war left thousands of dead soldiers and hundreds of thousands of dead men, women and children.",
    # someone else's attitude to the group, judged
    "A world full of bitter little men, all twisted up with their hatred of foreigners.",
    "The prejudice against immigrants in this town is disgusting.",
    # an idiom of caring
    "As a woman who grew up gay and wanted heroines worth a damn, I loved this game.",
])
def test_ordinary_long_comment_is_not_an_attack(model, text):
    assert not analyse(text, model.decoder).attack
    # under the calibration a news page's comments get (the tweet-calibrated heads alone may read "hatred" as hate)
    out = score_texts([text], model, languages=["en"], calibration="news_comments")[0]
    assert out["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "I met some girls yesterday. They are not people.",
    "I saw a muslim at the store. They are vermin.",
    "jews are not real people",
    "I can't stand muslims, they are vermin.",
    "I want to see dead jews everywhere",
    "a pile of dead muslims would make my day",
    "my hatred of muslims is endless",
    "gays are a fucking disgrace",
    "muslims are not worth a damn",
])
def test_attacks_stay_attacks(model, text):
    assert analyse(text, model.decoder).attack
    assert _scores(model, text)["identity_attack"] >= 0.5
