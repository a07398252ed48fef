"""Session-26 review: an integrator wiring storytrace into a nightly job, a Python service and internal tools.
Each test fails on c556280 (see .scratch_notes/review_defects.md)."""

from __future__ import annotations

import pytest

from storytrace.errors import ModelError
from storytrace.resources import Resources
from tests.conftest import GOOD_HTML


@pytest.fixture
def broken_toxicity_model(monkeypatch):
    """The comment model cannot be loaded (a corrupt install): every page's comments stage fails."""
    real_get = Resources.get

    def get(self, name):
        if name == "toxicity":
            raise ModelError("the toxicity model file is unreadable")
        return real_get(self, name)

    monkeypatch.setattr(Resources, "get", get)


def test_a_page_whose_stage_failed_is_not_a_clean_run(tmp_path, broken_toxicity_model, capsys):
    """A nightly job learns from the exit status alone: a run where the comment model could not load on any page
    exited 0 with "0 input(s) failed", though no page has comment scores."""
    from storytrace.cli import SOME_INPUTS_FAILED, main

    page = tmp_path / "page.html"
    page.write_text(GOOD_HTML, encoding="utf-8")
    status = main(["analyze", str(page), "--out", str(tmp_path / "out"), "--no-facts", "--no-stories", "--quiet"])
    err = capsys.readouterr().err
    assert status == SOME_INPUTS_FAILED
    assert "1 page(s) with a failed stage" in err
    assert f"  stage failed: {page}: comments: ModelError: [E300] the toxicity model file is unreadable" in err


def test_the_progress_in_a_log_file_is_whole_lines(tmp_path, capsys):
    """A cron job's log (stderr not a terminal): the bar's carriage returns and blanking spaces were written before
    the summary ("\\rpages: 6page [00:00, ?page/s]\\r      \\r7 page(s) analysed"), so the summary line did not
    start the line and a grep for "^7 page(s) analysed" missed it."""
    from storytrace.cli import PROGRESS_AFTER_PAGES, main

    for i in range(PROGRESS_AFTER_PAGES + 2):
        (tmp_path / f"p{i}.html").write_text(GOOD_HTML.replace("Tuesday", f"Tuesday ({i})"), encoding="utf-8")
    status = main(["analyze", *map(str, sorted(tmp_path.glob("p*.html"))), "--out", str(tmp_path / "out"),
                   "--no-facts", "--no-comments", "--no-stories"])
    err = capsys.readouterr().err
    assert status == 0
    assert "\r" not in err
    assert f"\n{PROGRESS_AFTER_PAGES + 2} page(s) analysed" in "\n" + err
