"""The service's OpenAPI document says what each endpoint answers: a client generated from it, or a developer
reading /docs, learns the dossier's shape, the JSON-LD media type and the statuses to act on."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storytrace.resources import Resources
from storytrace.service import ServiceSettings, create_app

POSTS = ("/analyze", "/analyze.html", "/analyze.jsonld")


@pytest.fixture(scope="module")
def openapi():
    with TestClient(create_app(ServiceSettings(), Resources())) as client:
        return client.get("/openapi.json").json()


def _resolve(document, schema):
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def test_the_dossier_answer_is_described_by_the_dossier_schema(openapi):
    """/analyze said only "an object" (additionalProperties: true); the schema GET /schema serves was not linked."""
    answer = openapi["paths"]["/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    dossier = _resolve(openapi, answer)
    assert {"schema_version", "pages", "failures", "stories"} <= set(dossier["properties"])
    page = _resolve(openapi, dossier["properties"]["pages"]["items"])
    assert {"id", "url", "title", "body", "comments"} <= set(page["properties"])
    comment = _resolve(openapi, page["properties"]["comments"]["items"])
    assert "scores" in comment["properties"]


def test_the_jsonld_answer_has_its_own_media_type(openapi):
    """It was documented as application/json while the service answers application/ld+json."""
    assert list(openapi["paths"]["/analyze.jsonld"]["post"]["responses"]["200"]["content"]) == ["application/ld+json"]


@pytest.mark.parametrize("path", POSTS)
def test_every_status_a_client_must_handle_is_documented(openapi, path):
    """Only 200 and 422 were listed; the service also answers 400 (unreadable body), 408 (body too slow), 413 (too
    large), 415 (not JSON) and 503 with Retry-After (busy)."""
    responses = openapi["paths"][path]["post"]["responses"]
    assert {"200", "400", "408", "413", "415", "422", "503"} <= set(responses)
    assert "Retry-After" in responses["503"]["headers"]
    detail = _resolve(openapi, responses["413"]["content"]["application/json"]["schema"])
    assert detail["properties"]["detail"]["type"] == "string"


def test_the_service_takes_several_authors_as_a_jsonl_line_does(monkeypatch):
    """README: a page "may also carry title, published and author, as a JSONL line may"; a JSONL line's author may be
    a list (news-please's "authors"), but the service answered 422 "Input should be a valid string"."""
    from storytrace.anatomy import text

    def every_line_is_body(text_, page, options, *, model):
        page.body = [line for line in text_.splitlines() if line.strip()]
        return page

    monkeypatch.setattr(text, "split_text", every_line_is_body)
    page = {"text": "First paragraph.", "author": ["Rod Nordland", " ", "Mayy El Sheikh"]}
    with TestClient(create_app(ServiceSettings(), Resources(overrides={"line_model": object()}))) as client:
        r = client.post("/analyze", json={"pages": [page], "with_facts": False, "with_comments": False})
    assert r.status_code == 200, r.text
    assert r.json()["pages"][0]["author"] == "Rod Nordland; Mayy El Sheikh"
    surrogate = client_post_raw(b'{"pages": [{"text": "First paragraph.", "author": ["Ana \\ud800 Diaz"]}], '
                                b'"with_facts": false, "with_comments": false}')
    assert surrogate.status_code == 200 and surrogate.json()["pages"][0]["author"] == "Ana ? Diaz"


def client_post_raw(body: bytes):
    with TestClient(create_app(ServiceSettings(), Resources(overrides={"line_model": object()}))) as client:
        return client.post("/analyze", content=body, headers={"content-type": "application/json"})


@pytest.fixture
def plain_client():
    with TestClient(create_app(ServiceSettings(), Resources(overrides={"line_model": object()}))) as client:
        yield client


def test_a_compressed_body_is_refused_naming_the_content_encoding(plain_client):
    """A client gzipping its large request got 400 "the request body is not UTF-8 (byte 1): send the JSON encoded as
    UTF-8": it had, then compressed it. The service reads no Content-Encoding: 415 saying so."""
    import gzip

    body = gzip.compress(b'{"pages": [{"text": "A storm closed schools."}]}')
    r = plain_client.post("/analyze", content=body,
                          headers={"content-type": "application/json", "content-encoding": "gzip"})
    assert r.status_code == 415
    assert r.json()["detail"].startswith("the request body is compressed (Content-Encoding: gzip)")


def test_health_answers_head_as_uptime_monitors_send_it(plain_client):
    """HEAD /health (an uptime monitor's default) was 405 Method Not Allowed: the service looked down."""
    assert plain_client.head("/health").status_code == 200
