"""Session 28 (harden), review: JSONL a user builds by hand.

- ``cat a.jsonl b.jsonl > all.jsonl`` of two Windows exports (each file starts with a UTF-8 byte order mark): the first
  line of the second file failed "[E108] not valid JSON (Unexpected UTF-8 BOM ...)"; only line 1 had its mark dropped;
- a ``url`` with spaces around it (a spreadsheet's cell, a hand edit) was kept with its spaces as the page's url (and
  site, and in its page id), so the same URL written cleanly elsewhere was another page."""

from __future__ import annotations

import json

import storytrace

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}
TEXT = "Officials said on Monday that the dam had failed after days of heavy rain in the valley. " * 3


def test_jsonl_files_joined_with_cat_keep_every_line_after_a_byte_order_mark(tmp_path):
    one = "\ufeff" + json.dumps({"text": TEXT, "url": "https://ex.org/1"}) + "\r\n"
    two = "\ufeff" + json.dumps({"text": TEXT + " More.", "url": "https://ex.org/2"}) + "\r\n"
    joined = tmp_path / "all.jsonl"
    joined.write_bytes((one + two).encode("utf-8"))
    dossier = storytrace.analyze([str(joined)], **QUICK)
    assert not dossier.failures
    assert [p.url for p in dossier.pages] == ["https://ex.org/1", "https://ex.org/2"]


def test_a_url_with_spaces_around_it_is_the_url():
    dossier = storytrace.analyze([{"text": TEXT, "url": "  https://ex.org/3 \t"}], **QUICK)
    clean = storytrace.analyze([{"text": TEXT, "url": "https://ex.org/3"}], **QUICK)
    assert dossier.pages[0].url == "https://ex.org/3" and dossier.pages[0].source == "https://ex.org/3"
    assert dossier.pages[0].id == clean.pages[0].id


def test_a_blank_url_is_no_url():
    page = storytrace.analyze([{"text": TEXT, "url": "   "}], **QUICK).pages[0]
    assert page.url is None and page.source.startswith("memory:")


def test_the_service_strips_a_given_url_too():
    pytest = __import__("pytest")
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storytrace.resources import Resources
    from storytrace.service import ServiceSettings, create_app
    from storytrace.settings import Options

    app = create_app(ServiceSettings(options=Options(progress=False)), Resources(overrides={}))
    with TestClient(app) as client:
        answer = client.post("/analyze", json={"pages": [{"text": TEXT, "url": "  https://ex.org/3 "},
                                                         {"text": TEXT, "url": "  "}],
                                               "with_facts": False, "with_comments": False})
    assert answer.status_code == 200, answer.text
    assert [(p["source"], p["url"]) for p in answer.json()["pages"]] == [("https://ex.org/3", "https://ex.org/3"),
                                                                          ("request#1", None)]
