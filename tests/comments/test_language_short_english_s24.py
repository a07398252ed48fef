"""Short English comments that the language guesser leaves undetermined are English when every word is common
English and two of them are English function or chat words (session 24: "you stupid idiot go back to your country"
was ``und``); chat and laughter stay ``und``."""
import pytest

from storytrace.comments._thread import comment_language


@pytest.mark.parametrize("text", [
    "you stupid idiot go back to your country",
    "you are so wrong about this",
])
def test_a_short_english_comment_is_english_also_when_the_guesser_is_unsure(text):
    assert comment_language(text) == "en"


@pytest.mark.parametrize("text", ["u mad bro?", "hahahaha hahaha", "go back", "muahahaha lol"])
def test_chat_and_laughter_stay_undetermined(text):
    assert comment_language(text) == "und"
