"""Sentences and numbers of pages read by pattern: ordinal dates, abbreviations, a number in a name
(review s13 h4, fixer f3 #3)."""

import pytest

from storytrace.stories.shells import pattern_quantities, split_sentences


def _values(sentence, language=None):
    return [q.value for q in pattern_quantities(sentence, language)]


@pytest.mark.parametrize(("text", "sentences"), [
    ("Am Internationalen Tag gegen Tierversuche (24. April) protestieren Aktivisten. Die Polizei war da.",
     ["Am Internationalen Tag gegen Tierversuche (24. April) protestieren Aktivisten.", "Die Polizei war da."]),
    ("Die Demonstration findet am 1. Mai statt. Sie beginnt früh.",
     ["Die Demonstration findet am 1. Mai statt.", "Sie beginnt früh."]),
    ("Otwieramy kolejne szpitale, tzw. drugiego rzutu. Będzie ich więcej.",
     ["Otwieramy kolejne szpitale, tzw. drugiego rzutu.", "Będzie ich więcej."]),
    ("Przyjechało ok. 20 osób, np. Kowalski i Nowak. Nikt nie zginął.",
     ["Przyjechało ok. 20 osób, np. Kowalski i Nowak.", "Nikt nie zginął."]),
    ("Viele Tiere, z.B. Affen und Hunde, u.a. in Hamburg, bzw. Berlin, d.h. überall. Das ist neu.",
     ["Viele Tiere, z.B. Affen und Hunde, u.a. in Hamburg, bzw. Berlin, d.h. überall.", "Das ist neu."]),
    ("The police spoke to Dr. Smith and Mr. Jones on Monday. Nobody was hurt.",
     ["The police spoke to Dr. Smith and Mr. Jones on Monday.", "Nobody was hurt."]),
])
def test_split_sentences_ordinal_dates_and_abbreviations_end_no_sentence(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("Es starben 24. Die Polizei kam.", ["Es starben 24.", "Die Polizei kam."]),
    ("Twelve people died. 20 more were hurt.", ["Twelve people died.", "20 more were hurt."]),
])
def test_split_sentences_still_ends_at_a_plain_full_stop(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(("sentence", "language", "values"), [
    ("Internationaler Tag zur Abschaffung von Tierversuchen (24. April), um 15.000 Menschen zu zeigen.", "de",
     [15000.0]),
    ("Am 1. Mai demonstrierten 300 Menschen.", "de", [300.0]),
    ("Dzień walki ze zwierzętami (24. kwietnia) zgromadził 300 osób.", "pl", [300.0]),
])
def test_ordinal_date_is_not_a_quantity(sentence, language, values):
    assert _values(sentence, language) == values


@pytest.mark.parametrize(("sentence", "language", "values"), [
    ("Ein Kurzfilm mit der aus „Alarm für Cobra 11“ bekannten Schauspielerin.", "de", []),
    ("The crew of Apollo 11, three men, returned on March 24.", "en", []),
])
def test_a_number_naming_a_title_is_not_a_quantity(sentence, language, values):
    assert _values(sentence, language) == values


@pytest.mark.parametrize(("sentence", "language", "values"), [
    ("Die Polizei zählte 11 Verletzte.", "de", [11.0]),
    ("Die Zahl der Toten stieg auf 11.", "de", [11.0]),
    ("Bei dem Unfall starben Insgesamt 11 Menschen.", "de", [11.0]),  # a noun follows: a count
    ("Tickets cost EUR 11 each.", "en", [11.0]),  # a currency code is no name
])
def test_a_number_after_a_name_with_a_counted_noun_stays(sentence, language, values):
    assert _values(sentence, language) == values
