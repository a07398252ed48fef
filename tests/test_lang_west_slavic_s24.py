"""Czech and Slovak split fastText's vote; the letters only one of them writes decide (session 24 review: a Slovak
page whose title is repeated as its first paragraph was read as Czech, 0.66)."""
import pytest

from storytrace.lang import detect_language, page_language
from storytrace.records import Page

SLOVAK_TITLE = "Bratislava zatvára priehradu po nájdení trhlín"
SLOVAK_BODY = [SLOVAK_TITLE,
               "Mestské zastupiteľstvo v Bratislave v utorok schválilo uzavretie starej priehrady po tom, čo "
               "inžinieri našli 14 trhlín.",
               "Primátor povedal, že oprava bude stáť 4,5 milióna eur a potrvá 18 mesiacov.",
               "Pod priehradou žije približne 3 000 obyvateľov."]


def test_a_slovak_page_with_slovak_letters_is_slovak():
    page = Page(id="p", source="s.html", title=SLOVAK_TITLE, body=SLOVAK_BODY)
    assert page_language(page) == "sk"


def test_a_short_slovak_comment_with_a_slovak_letter_is_slovak_not_undetermined():
    assert detect_language("Ty si úplný idiot a debil, zmizni odtiaľto.")[0] == "sk"


@pytest.mark.parametrize(("text", "lang"), [
    ("Ty jsi úplný idiot, vypadni odsud a přečti si ten článek.", "cs"),
    ("Vláda v úterý schválila rozpočet na příští rok, řekl ministr financí.", "cs"),
    ("Mesto chce opraviť most ešte pred zimou, ktorá môže byť tvrdá, povedal starosta.", "sk"),
])
def test_czech_and_slovak_keep_their_own_letters(text, lang):
    assert detect_language(text)[0] == lang
