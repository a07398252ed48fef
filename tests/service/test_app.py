import json

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storytrace.resources import Resources
from storytrace.schema import validate_dossier
from storytrace.service import ServiceSettings, create_app
from storytrace.settings import Options


class FakeLineModel:
    """Stands in for the trained line model: every line is body."""


@pytest.fixture
def client(monkeypatch):
    from storytrace.anatomy import text

    def fake_split(text_, page, options, *, model):
        assert isinstance(model, FakeLineModel)
        page.body = [line for line in text_.splitlines() if line.strip()]
        page.warnings.append(f"chrome={options.text_comment_chrome}")  # what the request asked for
        if options.text_comment_authors:
            page.warnings.append("authors=True")
        return page

    monkeypatch.setattr(text, "split_text", fake_split)
    settings = ServiceSettings(options=Options(progress=False))
    with TestClient(create_app(settings, Resources(overrides={"line_model": FakeLineModel()}))) as c:
        yield c


def test_service_analyze_text_page(client):
    r = client.post("/analyze", json={"pages": [{"text": "First paragraph.\nSecond."}],
                                      "with_facts": False, "with_comments": False})
    assert r.status_code == 200
    data = r.json()
    validate_dossier(data)
    assert data["pages"][0]["body"] == ["First paragraph.", "Second."]
    assert data["pages"][0]["source"] == "request#0"


@pytest.mark.parametrize(("extra", "chrome"), [({}, False), ({"comment_chrome": True}, True)])
def test_service_passes_comment_chrome_to_the_text_stage(client, extra, chrome):
    r = client.post("/analyze", json={"pages": [{"text": "One line."}], "with_facts": False, "with_comments": False,
                                      **extra})
    assert r.json()["pages"][0]["warnings"] == [f"chrome={chrome}"]


def test_service_passes_comment_authors_to_the_text_stage(client):
    r = client.post("/analyze", json={"pages": [{"text": "One line."}], "with_facts": False, "with_comments": False,
                                      "comment_authors": True})
    assert r.json()["pages"][0]["warnings"] == ["chrome=False", "authors=True"]


def test_service_does_not_fetch_urls_by_default(client):
    r = client.post("/analyze", json={"pages": [{"url": "http://169.254.169.254/latest"}],
                                      "with_facts": False, "with_comments": False})
    assert r.status_code == 200
    (failure,) = r.json()["failures"]
    assert "does not fetch URLs" in failure["message"]
    # like every failure: a code first, and the source beside the message, not repeated in it
    assert failure["message"].startswith("[E201] ") and "169.254" not in failure["message"]


def test_service_the_same_page_twice_is_one_page_and_a_duplicate(client):
    page = {"url": "https://x.example/e", "text": "First paragraph.\nSecond."}
    r = client.post("/analyze", json={"pages": [page, page], "with_facts": False, "with_comments": False})
    data = r.json()
    validate_dossier(data)
    assert len(data["pages"]) == 1 and not data["failures"]
    assert data["duplicates"] == [{"source": "https://x.example/e", "page_id": data["pages"][0]["id"],
                                   "same_as": "https://x.example/e"}]


@pytest.mark.parametrize("page", [{"url": "https://x.example/e", "html": ""}, {"url": "https://x.example/e", "text": " "},
                                  {"html": "  \n"}, {"text": ""}, {"html": ""}])
def test_service_an_empty_page_is_empty_input_not_a_url_to_fetch(client, page):
    r = client.post("/analyze", json={"pages": [page], "with_facts": False, "with_comments": False})
    (failure,) = r.json()["failures"]
    assert failure["message"].startswith("[E101] empty input") and "fetch" not in failure["message"]


def test_the_dev_install_includes_every_service_dependency():
    """The README says make's dev install includes the service: `storytrace serve` needs uvicorn too."""
    import tomllib
    from pathlib import Path

    extras = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    names = {dep.split(">")[0].split("=")[0].strip() for dep in extras["dev"]}
    assert {dep.split(">")[0].strip() for dep in extras["service"]} <= names


@pytest.mark.parametrize("body", [{}, {"pages": []}, {"pages": [{}]}, {"pages": [{"text": "x"}] * 101}])
def test_service_rejects_bad_requests(client, body):
    assert client.post("/analyze", json=body).status_code == 422


def test_service_html_is_escaped(client):
    r = client.post("/analyze.html", json={"pages": [{"text": "<script>alert(1)</script>"}],
                                           "with_facts": False, "with_comments": False})
    assert r.status_code == 200 and "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_service_jsonld_escapes_script_breaking_characters(client):
    text = "A page that quotes </script><script>alert(2)</script> & more."
    r = client.post("/analyze.jsonld", json={"pages": [{"text": text}], "with_facts": False, "with_comments": False})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    assert not {"<", ">", "&"} & set(r.text) and text in r.json()["@graph"][0]["articleBody"]


def test_service_health_and_schema(client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/schema").json()["title"] == "storytrace dossier"


def test_service_fetching_never_reads_local_paths(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN")
    settings = ServiceSettings(options=Options(progress=False), fetch_urls=True)
    with TestClient(create_app(settings, Resources(overrides={"line_model": FakeLineModel()}))) as c:
        r = c.post("/analyze", json={"pages": [{"url": str(secret)}], "with_facts": False, "with_comments": False})
    message = r.json()["failures"][0]["message"]
    assert r.json()["pages"] == [] and "not an http(s) URL" in message
    assert message.startswith("[E201] ") and str(secret) not in message


def test_service_rejects_an_unknown_comment_calibration(client):
    r = client.post("/analyze", json={"pages": [{"text": "One line."}], "comment_calibration": "tweets"})
    assert r.status_code == 422


def test_service_passes_the_comment_calibration_to_the_comments_stage(monkeypatch):
    import dataclasses

    from storytrace import pipeline

    seen = []

    def record(page, options, resources):
        seen.append(options.comment_calibration)
        return page

    stages = tuple(dataclasses.replace(s, run=record) if s.name == "comments" else s for s in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    settings = ServiceSettings(options=Options(progress=False))
    with TestClient(create_app(settings, Resources())) as c:
        r = c.post("/analyze", json={"pages": [{"html": "<html><body><article><p>Text of the story here, long "
                                                        "enough to be a body.</p></article></body></html>"}],
                                     "with_facts": False, "comment_calibration": "news_comments"})
    assert r.status_code == 200 and seen == ["news_comments"]


def test_service_reads_an_html_fragment_as_a_page(client):
    r = client.post("/analyze", json={"pages": [{"html": "<div><p>The mayor approved the budget on Monday.</p></div>"}],
                                      "with_facts": False, "with_comments": False})
    assert r.status_code == 200 and r.json()["failures"] == []
    assert r.json()["pages"][0]["body"] == ["The mayor approved the budget on Monday."]


@pytest.mark.parametrize(("body", "field"), [
    ({"pages": [{"text": "One line."}], "withfacts": False}, ["body", "withfacts"]),
    ({"pages": [{"txt": "One line.", "text": "x"}]}, ["body", "pages", 0, "txt"]),
])
def test_service_rejects_an_unknown_option_naming_it(client, body, field):
    r = client.post("/analyze", json=body)
    assert r.status_code == 422
    assert [e["loc"] for e in r.json()["detail"]] == [field]


def test_service_too_many_pages_error_does_not_echo_the_request(client):
    pages = [{"text": f"Page number {i} of a request that is far too long."} for i in range(101)]
    r = client.post("/analyze", json={"pages": pages})
    assert r.status_code == 422 and len(r.content) < 1000
    [error] = r.json()["detail"]
    assert error["loc"] == ["body", "pages"] and "not repeated" in error["input"]


def test_service_takes_the_page_title_date_and_author(client):
    page = {"text": "First paragraph.", "title": "Council approves lanes", "published": "2021-03-01",
            "author": "Ana Diaz"}
    r = client.post("/analyze", json={"pages": [page], "with_facts": False, "with_comments": False})
    [out] = r.json()["pages"]
    assert (out["title"], out["published"], out["author"]) == ("Council approves lanes", "2021-03-01", "Ana Diaz")


def test_service_a_given_date_that_cannot_be_read_is_a_warning(client):
    r = client.post("/analyze", json={"pages": [{"text": "One line.", "published": "yesterday"}],
                                      "with_facts": False, "with_comments": False})
    page = r.json()["pages"][0]
    assert page["published"] is None and any("'yesterday'" in w for w in page["warnings"])


def test_service_a_lone_surrogate_in_the_json_is_replaced_as_in_jsonl(client):
    # session 15 review: "\ud800" (valid JSON) failed the page with an uncoded UnicodeEncodeError
    body = json.dumps({"pages": [{"text": "Council \ud800 votes.", "title": "T\udc80", "author": "A\ud800"}],
                       "with_facts": False, "with_comments": False})  # ASCII JSON with "\ud800" escapes
    r = client.post("/analyze", content=body, headers={"content-type": "application/json"})
    data = r.json()
    assert not data["failures"] and data["pages"][0]["body"] == ["Council ? votes."]
    assert data["pages"][0]["author"] == "A?"


def _small_limit_client(limit):
    settings = ServiceSettings(options=Options(progress=False), max_request_bytes=limit)
    return TestClient(create_app(settings, Resources(overrides={"line_model": FakeLineModel()})))


def test_service_refuses_a_request_body_over_the_limit_before_parsing_it():
    body = json.dumps({"pages": [{"text": "x" * 5000}]})
    with _small_limit_client(1000) as c:
        r = c.post("/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["detail"].startswith("[E103] request body larger than")


def test_service_counts_a_chunked_body_without_content_length():
    chunks = [json.dumps({"pages": [{"text": "y" * 3000}]}).encode()[i:i + 500] for i in range(0, 3100, 500)]
    with _small_limit_client(1000) as c:
        r = c.post("/analyze", content=iter(chunks), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_service_answers_a_request_under_the_limit(client):
    r = client.post("/analyze", json={"pages": [{"text": "a short page\nwith two lines"}]})
    assert r.status_code == 200


@pytest.mark.parametrize("value", ["yes", "no", "false", 0, 1])
def test_a_switch_given_as_text_or_a_number_is_refused(client, value):
    # session-23 review: "with_facts": "yes" was read as true (pydantic's lax bool), while the Python API refuses
    # a switch given as text; "false" as text turning a stage off would be as silent
    r = client.post("/analyze", json={"pages": [{"text": "First paragraph.\nSecond."}], "with_facts": value})
    assert r.status_code == 422 and "with_facts" in r.text
