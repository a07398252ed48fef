"""Session 24 (helper "mend"): cross-page coordination reads each thread's own words (quotes stripped) once per run:
``find_coordination`` takes them from the page's thread analysis instead of reading every thread's quotes again,
and finds what it found before. A thread it has not seen analysed (read back from a store, or changed since) is
read afresh."""

from __future__ import annotations

import pytest

from storytrace.comments import _thread, analyze_comments, find_coordination
from storytrace.settings import Options
from tests.comments.conftest import make_page

PARENT = ("The regulator never published the inspection reports for the dam, and the company kept the water level "
          "high all spring even after the engineers warned that the spillway gates were failing.")
OWN = "Wake up people, the media is lying to you about the dam and the spillway again and again!!"


def _pages():
    one = make_page([PARENT, f"{PARENT}\n{OWN}"], authors=["hawguy", "atrius"], page_id="a")
    one.comments[1].parent_id = one.comments[0].id
    two = make_page(["A different opening comment about the council meeting and its budget.", OWN],
                    authors=["ann", "atrius2"], page_id="b")
    return [one, two]


def test_coordination_reuses_the_own_words_of_the_thread_analysis(model, monkeypatch) -> None:
    expected = find_coordination(_pages())
    assert len(expected) == 1 and expected[0]["pages"] == ["a", "b"]
    pages = [analyze_comments(p, Options(), model=model) for p in _pages()]

    def read_again(comments):
        raise AssertionError("own_words read a thread the page analysis had read")

    monkeypatch.setattr(_thread, "own_words", read_again)
    assert find_coordination(pages) == expected


def test_a_thread_changed_after_its_analysis_is_read_afresh(model, monkeypatch) -> None:
    pages = [analyze_comments(p, Options(), model=model) for p in _pages()]
    pages[1].comments[1].text = "Something else entirely about the budget vote and the council."
    calls = []
    real = _thread.own_words
    monkeypatch.setattr(_thread, "own_words", lambda comments: calls.append(len(comments)) or real(comments))
    assert find_coordination(pages) == []
    assert calls == [2]  # only the changed thread


@pytest.mark.parametrize("threads", [3])
def test_the_memo_keeps_only_the_latest_threads(monkeypatch, threads) -> None:
    monkeypatch.setattr(_thread, "_OWN_TEXTS_MEMO_THREADS", threads)
    monkeypatch.setattr(_thread, "_own_texts_memo", type(_thread._own_texts_memo)())
    for i in range(threads + 2):
        page = make_page([f"comment number {i}"], page_id=f"p{i}")
        _thread._remember_own_texts(page.comments, [f"comment number {i}"])
    assert len(_thread._own_texts_memo) == threads
