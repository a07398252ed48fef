"""A headline the extractor also kept as the first body paragraph is read once (review C2: its numbers counted twice)."""

from __future__ import annotations

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


def test_a_body_paragraph_repeating_the_title_is_read_once() -> None:
    title = "Council approves 1,200 new homes on the river site"
    page = Page(id="p", source="t", title=title,
                body=[title, "The council approved 1,200 new homes on Tuesday after a long debate."])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    assert sorted(q["span"]["paragraph"] for q in page.facts["quantities"]) == [-1, 1]  # title + the sentence
