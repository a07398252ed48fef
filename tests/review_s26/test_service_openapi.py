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
