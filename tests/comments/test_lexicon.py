"""Revision 3.6: the curated lexicon's additions (audit of session 8) and the rules they meet."""

from __future__ import annotations

import json
from importlib import resources as importlib_resources

import pytest

from storytrace.comments import score_texts
from storytrace.comments._lexicon import load_lexicon


@pytest.mark.parametrize("word,kind,group", [("paki", "slur", "pakistanis"), ("pakistanis", "group_name", "pakistanis"),
                                             ("shite", "profanity", None), ("tosser", "profanity", None),
                                             ("buffoon", "insult", None), ("libtard", "insult", None)])
def test_lexicon_new_terms(word, kind, group):
    t = load_lexicon().terms[word]
    assert (t.kind, t.group) == (kind, group)


@pytest.mark.parametrize("text,target", [("get out pakis", "Pakistani and South Asian people"),
                                         ("that paki shop again", "Pakistani and South Asian people")])
def test_lexicon_paki_is_an_identity_attack(model, text, target):
    # revision 3.5 read "paki" as itself, a word it did not know (identity_attack 0.02-0.1)
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] >= 0.5 and target in r["targets"]
    assert any(e["text"].lower().startswith("paki") for e in r["evidence"])


@pytest.mark.parametrize("text,category", [("what a load of shite", "profanity"), ("you absolute tosser", "insult")])
def test_lexicon_new_swear_words_are_evidence(model, text, category):
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"][category] >= 0.5
    assert any(e["category"] == category for e in r["evidence"])


@pytest.mark.parametrize("text", ['the shopkeeper said he had been called a "paki" every day for years',
                                  'my grandad was called a "kike" at school, they told us in class'])
def test_rules_quoted_reported_slur_is_a_mention(model, text):
    # a slur in quotation marks in reported speech is mentioned, not used (3.6: counter-speech, no slur constant)
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", ['those "pakis" should go home', 'the pakis should go home'])
def test_rules_slur_used_is_still_an_attack(model, text):
    # quotation marks alone (no reported speech) do not make a slur a mention
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["pakistanis shouldn't be allowed to be blamed collectively for a few criminals",
                                  "muslims should not be allowed to be stereotyped like this"])
def test_rules_protected_from_blame(model, text):
    # "blamed", "stereotyped" are harms: a negated permission to harm is protective (harm_passive, 3.6)
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text,lang", [("Flikkers zijn allemaal pervers.", "nl"),
                                       ("Traveco é aberração.", "pt"),
                                       ("犹太人是最阴险的民族，我看不起他们。", "zh")])
def test_multilingual_new_hostile_stems(model, text, lang):
    [r] = score_texts([text], model, languages=[lang])
    assert r["scores"]["identity_attack"] >= 0.5 and r["evidence"]


def test_multilingual_lexicon_stems_are_matchable():
    # every stem finds itself in a text: tokens split at hyphens, so stems with a hyphen ("sous-hom") are searched as
    # phrases (revision 3.5 never matched "sous-hom" or "sub-human")
    from storytrace.comments._rules import _MWORD, _stem_hit

    path = importlib_resources.files("storytrace") / "data" / "lexicons" / "comments" / "multilingual.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    bad = []
    for section in ("groups", "hostile"):
        for lang, v in data[section].items():
            if lang in ("zh", "ja"):
                continue  # substrings
            for stem in ([s for ss in v.values() for s in ss] if isinstance(v, dict) else v):
                low = f"x {stem.strip()} x"
                if _stem_hit(stem, _MWORD.findall(low), low) < 0:
                    bad.append((lang, stem))
    assert not bad, bad


@pytest.mark.parametrize("text,lang", [("les migrants sont des sous-hommes", "fr"),
                                       ("os imigrantes são sub-humanos", "pt")])
def test_multilingual_hyphenated_stems(model, text, lang):
    [r] = score_texts([text], model, languages=[lang])
    assert r["scores"]["identity_attack"] >= 0.5
