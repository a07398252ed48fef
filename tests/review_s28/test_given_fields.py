"""Session 28 (harden), review: fields a crawler gives that were lost or misleadingly refused.

- an author given as schema.org objects (``"author": {"@type": "Person", "name": "A"}``, or a list of them, as a
  crawler copies a page's JSON-LD) was dropped without a word: the page had no author;
- a page dict or JSONL line with only a ``url`` failed with "no field holds a page; give one JSON object per line
  with the page in 'html' ...", not saying that a URL alone is not fetched there, nor how to fetch it (the service
  fetches ``{"url": ...}``, the API and a JSONL file do not)."""

from __future__ import annotations

import json

import storytrace

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}
TEXT = "Officials said on Monday that the dam had failed after days of heavy rain in the valley. " * 3


def test_an_author_given_as_schema_org_persons_is_kept():
    pages = [{"text": TEXT, "url": "https://ex.org/1", "author": {"@type": "Person", "name": "Ana Ruiz"}},
             {"text": TEXT, "url": "https://ex.org/2", "authors": [{"@type": "Person", "name": "A. Reporter"},
                                                                  {"name": "B. Writer"}, "C. Editor"]}]
    assert [p.author for p in storytrace.analyze(pages, **QUICK).pages] == ["Ana Ruiz",
                                                                           "A. Reporter; B. Writer; C. Editor"]


def test_a_jsonl_line_with_a_person_author_keeps_it(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"text": TEXT, "url": "https://ex.org/3", "author": [{"name": "Ana Ruiz"}]}) + "\n")
    assert [p.author for p in storytrace.analyze([str(path)], **QUICK).pages] == ["Ana Ruiz"]


def test_a_dict_with_only_a_url_says_a_url_alone_is_not_fetched_and_how_to():
    failure = storytrace.analyze([{"url": "https://ex.org/4"}], **QUICK).failures[0]
    assert failure.code == "E108" and "no field holds a page" in failure.message
    assert "not fetched" in failure.message and "--inputs-from" in failure.message


def test_a_dict_with_a_url_and_an_empty_or_wrong_page_field_is_not_told_about_fetching():
    failures = storytrace.analyze([{"url": "https://ex.org/5", "body": ["a", "b"]},
                                   {"url": "https://ex.org/6", "html": "   "}], **QUICK).failures
    assert [f.code for f in failures] == ["E108", "E108"]
    assert not any("not fetched" in f.message for f in failures)
