"""Aircraft models are not people or organisations, an airline named after a city is not the city, and a short
name of an airline joins the airline (review of an aeb page on an airline's jet order, session 13)."""

from __future__ import annotations

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.facts.entities import gazetteer_mentions
from storytrace.records import Page
from storytrace.settings import Options


def _entities(*paragraphs: str) -> dict[str, str]:
    page = Page(id="p", source="t", body=list(paragraphs))
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return {e["name"]: e["label"] for e in page.facts["entities"]}


def test_model_words_after_a_number_are_not_people() -> None:
    ents = _entities("Sales were hit after two crashes of its popular 737 Max jet. Its fleet of roughly 300 737 Max "
                     "jets has been grounded since May.")
    assert "Max" not in ents


def test_a_model_number_is_not_an_organisation() -> None:
    ents = _entities("Boeing sold the 777x to buyers, and the 777x program was delayed.")
    assert "777x" not in ents
    assert ents["Boeing"] == "ORG"


def test_an_airline_named_after_a_city_is_not_the_city() -> None:
    gaz = load_facts_resources().gazetteer
    for text, city in [("Uzbekistan's Air Tashkent and a third buyer.", "Tashkent"),
                       ("She flew Tashkent Airways home.", "Tashkent")]:
        s = text.index(city)
        assert city not in [m.text for m in gazetteer_mentions(0, text, [(s, s + len(city), "FAC")], gaz, set())]
    text = "Flights to Tashkent resumed."
    s = text.index("Tashkent")
    assert [m.text for m in gazetteer_mentions(0, text, [(s, s + 8, "FAC")], gaz, set())] == ["Tashkent"]


def test_short_name_of_an_airline_joins_the_airline() -> None:
    ents = _entities("The Emirates Airline board met in Dubai. Emirates said it would expand. Later, Emirates ordered "
                     "jets.")
    assert ents.get("Emirates Airline") == "ORG"
    assert "Emirates" not in ents
    assert ents.get("Dubai") == "GPE"
