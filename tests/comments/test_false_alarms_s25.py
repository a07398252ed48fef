"""Session-25 review of real comment spam (s24 dossier): a rare brand or nickname that shares only its consonants with a
slur ("DR. BONNERS" -> 'beaner', "missey" -> 'muzzie'), a random spam id ("jeirrq" -> 'jerk') and a compliment quoted as a
nickname next to a quoted group word (Also known as "Clever" and "The Retard") were identity attacks or insults.
A sound-alike must sound alike, vowels too, and be a string English could spell; quoted labels are no scare quotes.
Disguises by sound of a group's name and one-edit slips of slurs stay read."""
import pytest

from storytrace.comments import score_texts


def _out(model, text):
    return score_texts([text], model, languages=["en"], calibration="training")[0]


@pytest.mark.parametrize("text", [
    ("RANDOM REQUEST: I MISS YOU TALKING ABOUT YOUR FAVORITE THINGS ~ OIL OF OLAY FACE WIPES, TARGET SWEATERS, "
     "BLISTEX, DR. BONNERS MAGIC SOAP, ETC.. CAN YOU PLEASE DO ONE OF THOSE AGAIN SOON?"),
    "i love the missey in mint!",
    "KtdAir UGG Boots Sale jeirrq http://uggbootsukcheapshopuk.example.co.uk/ UgyRjt ugg boots sale vubxxw",
    "I'll also need twitter acces",
])
def test_no_sound_alike_slur_or_insult_in_names_and_spam(model, text):
    out = _out(model, text)
    assert not [d for d in out["decoded"] if "misspelling" in d["kind"] and d["decoded"] in
                ("beaner", "muzzie", "jerk", "ukie")]
    assert max(out["scores"]["identity_attack"], out["scores"]["insult"]) < 0.5


def test_a_quoted_nickname_is_no_backhanded_praise(model):
    out = _out(model, 'Also known as "Clever" and "The Retard". Which is which varies by person.')
    assert "Clever" not in {e["text"] for e in out["evidence"] if e["category"] == "identity_attack"}
    assert "Retard" in {e["text"] for e in out["evidence"] if e["category"] == "insult"}


def test_scare_quoted_praise_of_a_group_is_still_backhanded(model):
    out = _out(model, 'Women are so "clever".')
    assert out["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize(("text", "decoded"), [("the jooz run the banks", "jew"), ("kill all the jewz", "jew"),
                                                ("wimmin are too stupid to vote", "women"),
                                                ("kykes are parasites", "kike"), ("that fagget should die", "faggot"),
                                                ("the ghey agenda is disgusting", "gay"),
                                                ("vladolf and the krimlin", "kremlin")])
def test_disguises_by_sound_are_still_read(model, text, decoded):
    out = _out(model, text)
    assert decoded in {d["decoded"] for d in out["decoded"]}
