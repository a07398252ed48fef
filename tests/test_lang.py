"""Language identification: short text is ``und`` unless its script or letters name the language."""

import pytest

from storytrace.lang import UNDETERMINED, detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("垃圾", "zh"),                 # two Chinese characters: too few letters for fastText, enough to name the script
    ("我讨厌黑人", "zh"),
    ("バカじゃないの", "ja"),        # kana
    ("東京へ行きます", "ja"),        # Chinese characters beside kana are Japanese
    ("정말 싫다", "ko"),
    ("אתה טיפש", "he"),
    ("ეს სისულელეა", "ka"),
    ("ты дурак", "ru"),             # ы: Russian (or Belarusian, which would also have і or ў)
    ("это ужасно", "ru"),
    ("Вы идиоты", "ru"),
])
def test_short_text_named_by_its_script_or_letters(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


@pytest.mark.parametrize("text", [
    "好",              # one character
    "Путин вор",        # Cyrillic without a letter only one language writes
    "ти дурень",
    "u mad bro?",
    "hahaha",
    "OK 好",
])
def test_short_text_without_a_telling_script_stays_undetermined(text: str) -> None:
    assert detect_language(text)[0] == UNDETERMINED


def test_east_slavic_letters_overrule_a_wrong_ngram_guess() -> None:
    # fastText reads short Belarusian as Russian or Ukrainian; ў is only Belarusian
    assert detect_language("Дзякуй, гэта цікава")[0] == "be"
    assert detect_language("Слава Україні!")[0] == "uk"


def test_kazakh_letters_are_not_read_as_ukrainian() -> None:
    # fastText's lite model guesses uk for this Kazakh greeting; its letters rule out every East Slavic language
    assert detect_language("Сәлеметсіз бе")[0] not in ("ru", "uk", "be")


def test_long_text_keeps_the_ngram_guess() -> None:
    assert detect_language("Это очень интересная статья, спасибо автору за работу")[0] == "ru"
    assert detect_language("Це дуже цікава стаття, дякую автору")[0] == "uk"
    assert detect_language("This is a perfectly ordinary English sentence about the weather.")[0] == "en"


def test_short_cyrillic_and_chinese_comments_reach_their_language_paths() -> None:
    # they were ``und`` and went through the English character model (session-14 review: short Cyrillic comments)
    from storytrace.comments import NEWS_CALIBRATION, load_model, score_texts

    out = score_texts(["ты дурак", "我讨厌黑人"], load_model(), calibration=NEWS_CALIBRATION)
    assert [r["language"] for r in out] == ["ru", "zh"]
    assert out[0]["scores"]["insult"] >= 0.5
