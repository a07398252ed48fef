"""Checks a page needs once are made once: a date's look-ahead only for a bare weekday, the topic word count
once per page."""

from __future__ import annotations

from storytrace.facts import _dates, extract_facts_batch, load_facts_resources, load_nlp
from storytrace.facts import topics as topics_module
from storytrace.facts.dates import normalize, parse_anchor
from storytrace.records import Page
from storytrace.settings import Options

ANCHOR = parse_anchor("2024-06-19")  # a Wednesday


def _never() -> bool:
    raise AssertionError("the look-ahead was not needed")


def test_normalize_asks_the_look_ahead_only_for_a_bare_weekday() -> None:
    assert normalize("June 17, 2024", ANCHOR, _never).value == "2024-06-17"
    assert normalize("last Monday", ANCHOR, _never).value == "2024-06-17"
    assert normalize("Monday", None, _never).value is None
    assert normalize("Monday", ANCHOR, lambda: True).value == "2024-06-24"
    assert normalize("Monday", ANCHOR, lambda: False).value == "2024-06-17"
    assert normalize("Monday", ANCHOR, True).value == "2024-06-24"  # a plain bool still works


def test_dates_compute_the_look_ahead_only_for_the_weekday() -> None:
    text = "Talks ended on June 17, 2024 and resume on Monday."
    ents = [(text.index("June"), text.index(" and"), "DATE"), (text.index("Monday"), len(text) - 1, "DATE")]
    asked = []

    def looks_ahead(start: int, end: int) -> bool:
        asked.append(text[start:end])
        return True

    facts = _dates(0, text, text, ents, [], ANCHOR, normalize, looks_ahead)
    assert asked == ["Monday"]
    assert [d.value for d in facts] == ["2024-06-17", "2024-06-24"]


def test_the_topic_word_count_runs_once_per_page(monkeypatch) -> None:
    calls = []
    count = topics_module.too_short_for_topics
    monkeypatch.setattr(topics_module, "too_short_for_topics", lambda text: calls.append(text) or count(text))
    pages = [Page(id="a", source="a", body=["Council approves the new school budget for next year."]),
             Page(id="b", source="b", body=["Too short."])]
    extract_facts_batch(pages, Options(), nlp=load_nlp(), resources=load_facts_resources())
    assert len(calls) == 2
    assert pages[0].facts["topics"] and not any(n.startswith("no topics") for n in pages[0].facts["notes"])
    assert not pages[1].facts["topics"] and any(n.startswith("no topics") for n in pages[1].facts["notes"])
