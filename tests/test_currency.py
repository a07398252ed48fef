"""One currency table (storytrace.currency) serves the facts stage and the stories stage's pattern numbers: each
keeps the currencies it read before, and reads those the other stage's table had."""

from __future__ import annotations

import pytest

from storytrace.currency import CURRENCIES, CURRENCY_SIGNS, CURRENCY_WORDS
from storytrace.stories.shells import pattern_quantities


@pytest.fixture(scope="module")
def money_facts():
    from storytrace.facts import extract_facts, load_facts_resources, load_nlp
    from storytrace.records import Page
    from storytrace.settings import Options

    nlp, res = load_nlp(), load_facts_resources()

    def read(sentence: str) -> list[tuple[float, str | None]]:
        page = Page(id="p", source="p", body=[sentence])
        extract_facts(page, Options(), nlp=nlp, resources=res)
        return [(q["value"], q.get("unit")) for q in page.facts["quantities"] if q["kind"] == "money"]

    return read


@pytest.mark.parametrize(("sentence", "expected"), [
    # what the facts stage read before
    ("The bridge cost $5 million to build.", [(5e6, "USD")]),
    ("The deal was worth US$3 billion, officials said.", [(3e9, "USD")]),
    ("The fund gave 5 million rupees to the town.", [(5e6, "INR")]),
    ("The club paid 40 million pounds for the striker.", [(40e6, "GBP")]),
    ("Seoul paid 9 billion won for the jets.", [(9e9, "KRW")]),
    ("The city raised EUR 11 million from the sale.", [(11e6, "EUR")]),
    ("The deal was worth 2 billion yuan.", [(2e9, "CNY")]),
    # what the stories stage's table added: a currency code of Ukraine
    ("Ukraine received UAH 500 million in aid.", [(500e6, "UAH")]),
])
def test_currency_facts_stage_reads_the_table(money_facts, sentence, expected) -> None:
    assert money_facts(sentence) == expected


@pytest.mark.parametrize(("sentence", "language", "unit"), [
    # what the stories stage read before
    ("Die Regierung kündigte Soforthilfen von 50 Millionen Euro an.", "de", "EUR"),
    ("Будівництво коштувало близько 8 мільярдів гривень.", "uk", "UAH"),
    ("Kyiv will pay ₴300 million for the bridge.", "en", "UAH"),
    ("The club paid 40 million pounds for the striker.", "en", "GBP"),
    ("Kosztowało to 5 milionów złotych.", "pl", "PLN"),
    ("The deal was worth 2 billion yuan.", "en", "CNY"),
    # what the facts stage's table added
    ("The fund gave 5 million rupees to the town.", "en", "INR"),
    ("India will spend ₹500 crore on the road.", "en", "INR"),
    ("The budget is 20 million roubles this year.", "en", "RUB"),
    ("Lagos paid 5 million naira in compensation.", "en", "NGN"),
    ("He paid 30 pence for the paper.", "en", "GBP"),
])
def test_currency_stories_stage_reads_the_table(sentence, language, unit) -> None:
    (quantity,) = pattern_quantities(sentence, language)
    assert (quantity.kind, quantity.unit) == ("money", unit)


def test_currency_table_is_the_union_of_signs_and_words() -> None:
    assert CURRENCIES == {**CURRENCY_SIGNS, **CURRENCY_WORDS}
    assert all(word == word.lower() for word in CURRENCIES)  # callers look words up in lower case
