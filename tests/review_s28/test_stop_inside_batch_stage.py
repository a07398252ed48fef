"""Session 28 (harden), item 2: the service's time budget stops an abandoned analysis inside a batch stage (the facts
stage's spaCy passes over every paragraph of up to 16 pages), not only before the next page or stage."""

from __future__ import annotations

import pytest

from storytrace import facts, pipeline
from storytrace.records import RawDocument
from storytrace.resources import Resources
from storytrace.settings import Options

PARAGRAPHS = 12


class Stopped(Exception):
    pass


class CountingNlp:
    """Stands for spaCy: ``pipe`` gives one doc a text; the test counts how many texts were processed."""

    pipe_names = ("sentencizer", "ner")

    def __init__(self) -> None:
        self.processed = 0

    def pipe(self, texts, **_kwargs):
        for text in texts:
            self.processed += 1
            yield text


def _pages(n: int) -> list[RawDocument]:
    body = "".join(f"<p>Paragraph {k} of the story, with words enough to be kept as a paragraph of the body "
                   f"of an article by the extractor, said officials on Monday.</p>" for k in range(PARAGRAPHS))
    return [RawDocument(source=f"p{i}.html", data=f"<html><body><article><h1>Story {i}</h1>{body}</article></body>"
                        f"</html>".encode(), kind="html") for i in range(n)]


@pytest.fixture
def counting_nlp(monkeypatch):
    nlp = CountingNlp()

    def batch(pages, options, *, nlp, resources):  # the facts stage reduced to its spaCy pass over every paragraph
        list(nlp.pipe(text for page in pages for text in page.body))
        return pages

    monkeypatch.setattr(facts, "extract_facts_batch", batch)
    return nlp


def test_an_abandoned_analysis_stops_within_its_batch_stage(counting_nlp):
    options = Options(with_facts=True, with_comments=False, progress=False)
    resources = Resources(overrides={"nlp": counting_nlp, "facts_resources": None})

    def check():
        if counting_nlp.processed >= 3:  # the request was answered 504 while the stage ran
            raise Stopped

    with pytest.raises(Stopped), pipeline.stop_checked(check):
        pipeline.process_batch(_pages(4), options, resources)
    assert counting_nlp.processed < 2 * PARAGRAPHS  # not every paragraph of the batch, for nobody


def test_without_a_stop_check_the_stage_gets_spacy_itself(counting_nlp, monkeypatch):
    given = []
    monkeypatch.setattr(facts, "extract_facts_batch", lambda pages, options, *, nlp, resources: given.append(nlp)
                        or pages)
    options = Options(with_facts=True, with_comments=False, progress=False)
    pipeline.process_batch(_pages(2), options, Resources(overrides={"nlp": counting_nlp, "facts_resources": None}))
    assert given == [counting_nlp]
