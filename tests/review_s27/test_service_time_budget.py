"""Session 27 (harden), item 1: a request's analysis has a time budget; past it the client gets a 504 it can act on,
and the service goes on answering /health and the next request."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storytrace import pipeline
from storytrace.records import Failure
from storytrace.resources import Resources
from storytrace.service import ServiceSettings, create_app
from storytrace.settings import Options

SECONDS_A_PAGE = {"page": 0.25}


@pytest.fixture
def slow_pages(monkeypatch):
    """The pipeline replaced by one taking SECONDS_A_PAGE a page; returns the list of the pages it went through."""
    done: list[str] = []

    def slow_run(items, options, resources=None, on_finished=None):
        for item in items:
            time.sleep(SECONDS_A_PAGE["page"])
            done.append(item.source)
            yield Failure(source=item.source, stage="anatomy", error="Slow", message="a slow page")

    monkeypatch.setattr(pipeline, "run", slow_run)
    return done


def _client(**settings) -> TestClient:
    service = ServiceSettings(options=Options(progress=False, with_stories=False), **settings)
    return TestClient(create_app(service, Resources(overrides={})))


def _pages(n: int) -> dict:
    return {"pages": [{"text": f"Page {i}.", "url": f"https://example.org/{i}"} for i in range(n)],
            "with_facts": False, "with_comments": False}


def test_an_analysis_past_its_budget_is_a_504_saying_what_to_do(slow_pages):
    with _client(request_timeout=1.0) as client:
        start = time.monotonic()
        answer = client.post("/analyze", json=_pages(40))  # 10 s of work
        waited = time.monotonic() - start
    assert answer.status_code == 504
    assert waited < 4.0
    detail = answer.json()["detail"]
    assert "1 s" in detail and "fewer" in detail and "request_timeout" in detail


def test_the_service_answers_health_and_the_next_request_while_and_after_a_request_times_out(slow_pages):
    with _client(request_timeout=1.0, max_concurrent_analyses=1) as client:
        answers: dict[str, object] = {}
        slow = threading.Thread(target=lambda: answers.update(slow=client.post("/analyze", json=_pages(40))))
        slow.start()
        time.sleep(0.3)
        start = time.monotonic()
        health = client.get("/health")
        assert health.status_code == 200 and time.monotonic() - start < 0.5  # not queued behind the analysis
        slow.join(10)
        assert answers["slow"].status_code == 504
        pages_when_answered = len(slow_pages)
        # the abandoned analysis stops at its next page: the one-slot service takes the next request
        start = time.monotonic()
        after = client.post("/analyze", json=_pages(1))
        assert after.status_code == 200, after.text
        assert time.monotonic() - start < 2.0
        assert len(slow_pages) <= pages_when_answered + 2  # the 40 pages were not all analysed for nobody


def test_a_request_waiting_for_a_slot_past_its_budget_is_not_analysed_later(slow_pages, monkeypatch):
    monkeypatch.setitem(SECONDS_A_PAGE, "page", 1.6)  # the first request's page outlasts the second's budget
    with _client(request_timeout=1.0, max_concurrent_analyses=1) as client:
        answers: dict[str, object] = {}
        first = threading.Thread(target=lambda: answers.update(first=client.post("/analyze", json=_pages(40))))
        first.start()
        time.sleep(0.2)
        second = client.post("/analyze", json={"pages": [{"text": "waiting", "url": "https://w.org/x"}],
                                               "with_facts": False, "with_comments": False})
        first.join(10)
        assert second.status_code == 504
        time.sleep(1.0)  # the first request's page ends, its slot is free
        assert "https://w.org/x" not in slow_pages


def test_a_quick_request_is_answered_as_before(slow_pages):
    with _client(request_timeout=5.0) as client:
        answer = client.post("/analyze", json=_pages(2))
    assert answer.status_code == 200
    assert [f["source"] for f in answer.json()["failures"]] == ["https://example.org/0", "https://example.org/1"]


def test_the_budget_is_listed_in_the_openapi_errors():
    with _client() as client:
        responses = client.get("/openapi.json").json()["paths"]["/analyze"]["post"]["responses"]
    assert "504" in responses


def test_serve_takes_the_budget_as_an_option(monkeypatch):
    import uvicorn

    from storytrace import cli

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(settings=app.state.settings))
    assert cli.main(["serve", "--request-timeout", "42"]) == 0
    assert seen["settings"].request_timeout == 42.0
    assert cli.main(["serve"]) == 0
    assert seen["settings"].request_timeout == ServiceSettings().request_timeout > 0
    with pytest.raises(SystemExit):
        cli.main(["serve", "--request-timeout", "0"])


class FakeLineModel:
    """Stands in for the trained line model (the text anatomy's), as in tests/service."""


def test_the_real_pipeline_stops_an_abandoned_analysis_within_a_page_not_a_batch(monkeypatch):
    from storytrace.anatomy import text

    done: list[str] = []

    def slow_split(text_, page, options, *, model):
        time.sleep(SECONDS_A_PAGE["page"])
        done.append(text_)
        page.body = [line for line in text_.splitlines() if line.strip()]
        return page

    monkeypatch.setattr(text, "split_text", slow_split)
    service = ServiceSettings(options=Options(progress=False, with_stories=False), request_timeout=1.0)
    app = create_app(service, Resources(overrides={"line_model": FakeLineModel()}))
    with TestClient(app) as client:
        answer = client.post("/analyze", json=_pages(40))  # one batch of 16 pages is 4 s
        assert answer.status_code == 504
        at_answer = len(done)
        time.sleep(1.5)
    assert len(done) <= at_answer + 1  # the page being read ends; the rest of its batch is not read for nobody
