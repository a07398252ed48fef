"""Fixtures shared by the facts tests."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


@pytest.fixture(scope="module")
def first_claim():
    """The first claim of a one-paragraph English page (published 2024-03-15) holding ``text``."""
    nlp, res = load_nlp(), load_facts_resources()

    def claim(text: str) -> dict:
        page = Page(id="p", source="t", body=[text], language="en", published="2024-03-15")
        extract_facts(page, Options(), nlp=nlp, resources=res)
        return page.facts["claims"][0]

    return claim
