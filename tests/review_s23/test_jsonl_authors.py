"""Session-22 review, seen and not fixed: a JSONL line's author list ["A. One", "B. Two"] was stored as "A. One, B.
Two", so JSON-LD gave one Person of that name, while a page's own authors (joined "; " by trafilatura) give one each."""

from __future__ import annotations

import json

from storytrace.api import analyze
from storytrace.report.jsonld import page_jsonld


def test_a_jsonl_author_list_gives_one_person_per_name(tmp_path) -> None:
    line = {"url": "https://news.example/a", "text": "Dam closes after cracks\n" + "The council closed the dam. " * 8,
            "authors": ["Ann One", "Bob Two"]}
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    page = analyze([str(path)], with_facts=False, with_comments=False, with_stories=False).pages[0]
    assert page_jsonld(page)["author"] == [{"@type": "Person", "name": "Ann One"},
                                           {"@type": "Person", "name": "Bob Two"}]
