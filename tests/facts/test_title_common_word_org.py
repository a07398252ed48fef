"""A hostile page "Dam closes" (review s23): its headline opens with a common word the model tags ORG ("Dam"),
while the page itself writes the word in lower case ("close the old dam"). The capital letter of a headline or
a sentence start is all the model had: such a word is no organisation. The headline stays the page's first
claim (a title is a claim of the page, read once even when the body repeats it)."""

from __future__ import annotations

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.facts.entities import RawMention, build_entities
from storytrace.records import Page
from storytrace.settings import Options

BODY = [("The city council of Springfield voted on Tuesday to close the old dam after engineers found cracks in "
         "its wall."), "Repairs would cost $4.5 million."]


def _facts(page: Page) -> dict:
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return page.facts


def test_a_headline_word_the_page_writes_in_lower_case_is_no_org() -> None:
    for body in (["Dam closes", *BODY], BODY):  # the <h1> repeated as the first body paragraph, and not
        facts = _facts(Page(id="p", source="t", title="Dam closes", body=body))
        assert [e["name"] for e in facts["entities"]] == ["Springfield"]
        assert [c["text"] for c in facts["claims"]].count("Dam closes") == 1  # the title, read once


def _org(paragraph: int, start: int, text: str, *, initial: bool) -> RawMention:
    return RawMention(paragraph, start, start + len(text), text, "ORG", None, None, initial)


def _orgs(mentions: list[RawMention], lower_words: frozenset[str]) -> list[str]:
    return [e.name for e in build_entities(mentions, None, lower_words=lower_words) if e.label == "ORG"]


def test_an_org_named_by_a_common_word_stays_when_the_page_never_writes_it_in_lower_case() -> None:
    assert _orgs([_org(-1, 0, "Apple", initial=True)], frozenset({"the", "phone"})) == ["Apple"]


def test_an_org_also_named_mid_sentence_stays() -> None:
    mentions = [_org(-1, 0, "Shell", initial=True), _org(0, 20, "Shell", initial=False)]
    assert _orgs(mentions, frozenset({"shell"})) == ["Shell"]


def test_a_common_word_org_only_at_sentence_starts_and_in_lower_case_elsewhere_is_dropped() -> None:
    assert _orgs([_org(-1, 0, "Dam", initial=True)], frozenset({"dam", "the"})) == []
