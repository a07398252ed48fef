"""Session 28 (harden), item 4: a failed page held in memory with neither url nor id is named by its content
("memory:<digest>", as such a page is by its bytes), not by its place in the call ("inputs[i]"): the next call's failure
at that place no longer replaces it in a store, and the same failure given again is the same input. Its message still
says where it stood in the call, after the error code."""

from __future__ import annotations

import storytrace
from storytrace.store import SQLiteStore

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}


def _failures(pages, store=None):
    return storytrace.analyze(pages, store=store, **QUICK).failures


def test_two_calls_failing_at_one_place_are_two_failed_inputs_of_the_store():
    with SQLiteStore(":memory:") as store:
        first = _failures([{"title": "A"}], store)
        second = _failures([{"title": "B", "html": 3}], store)
        assert first[0].source != second[0].source
        assert store.counts()["failed"] == 2


def test_the_same_failure_given_again_at_another_place_is_one_input():
    with SQLiteStore(":memory:") as store:
        first = _failures([{"title": "A"}], store)
        again = _failures([{"text": "x", "url": "https://a.org/1"}, {"title": "A"}], store)
        assert again[-1].source == first[0].source
        assert store.counts()["failed"] == 1


def test_the_message_says_the_place_and_keeps_its_code():
    failure = _failures([{"id": 3, "text": "A page."}, {"htm": "<p>x</p>"}])[-1]
    assert failure.source.startswith("memory:") and "inputs" not in failure.source
    assert failure.code == "E108"
    assert failure.message.startswith("[E108] inputs[1]: no field holds a page; give")


def test_a_dict_that_cannot_be_written_as_json_still_gets_a_stable_name():
    pages = [{1: "a", "b": object.__new__(type("Odd", (), {"__repr__": lambda self: "odd"}))}]
    assert _failures(pages)[0].source == _failures(pages)[0].source
