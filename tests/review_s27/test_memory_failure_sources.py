"""Session 27 (harden), item 3: a failed page held in memory is named by its url or id, never ``inputs[i]`` when it has
one, and two results never share a source (in the dossier or as one row of the store)."""

from __future__ import annotations

import storytrace
from storytrace.store import SQLiteStore
from tests.conftest import GOOD_HTML

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}


def _run(pages, store):
    return storytrace.analyze(pages, store=store, **QUICK)


def test_a_failed_page_with_an_id_is_named_by_it():
    dossier = storytrace.analyze([{"id": "cc-42", "html": "  "}, {"title": "no page"}], **QUICK)
    # session 28: one with neither url nor id is named by its content, its place in its message (review_s28)
    assert [f.source.partition(":")[0] for f in dossier.failures] == ["id", "memory"]
    assert dossier.failures[0].source == "id:cc-42" and "inputs[1]: " in dossier.failures[1].message


def test_two_failures_with_one_url_are_two_rows_of_the_store():
    with SQLiteStore(":memory:") as store:
        dossier = _run([{"url": "https://a.org/x", "html": ""}, {"url": "https://a.org/x", "text": " "}], store)
        sources = [f.source for f in dossier.failures]
        assert len(set(sources)) == 2 and all(s.startswith("https://a.org/x") for s in sources)
        assert store.counts()["failed"] == 2


def test_a_failure_after_a_page_with_the_same_url_leaves_the_page_stored():
    with SQLiteStore(":memory:") as store:
        dossier = _run([{"url": "https://a.org/x", "html": GOOD_HTML}, {"url": "https://a.org/x", "html": ""}], store)
        assert len(dossier.pages) == 1 and len(dossier.failures) == 1
        assert dossier.pages[0].source != dossier.failures[0].source
        assert store.counts() == {"pages": 1, "analysed": 1, "failed": 1}
        assert list(store.replaced_pages()) == []


def test_a_page_with_an_id_that_failed_then_succeeds_is_no_longer_a_failed_input():
    with SQLiteStore(":memory:") as store:
        _run([{"id": 7, "html": ""}], store)
        assert store.counts()["failed"] == 1
        dossier = _run([{"id": 7, "html": GOOD_HTML}], store)
        assert dossier.pages[0].source == "id:7"
        assert store.counts() == {"pages": 1, "analysed": 1, "failed": 0}
