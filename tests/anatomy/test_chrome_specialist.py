"""A line model with a chrome specialist (training/add_chrome_specialist.py) uses the specialist's reading of
a page only when that reading has boilerplate lines between its comments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storytrace.anatomy.text import (
    CHROME_WARNING,
    CLASSES,
    LineModel,
    classify_lines,
    interleaved_boilerplate,
    load_line_model,
    split_text,
)
from storytrace.records import Page
from storytrace.settings import Options

from .test_line_ensemble import AFTER, BEFORE, LINES, _copy, assert_misfit_rejected

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from add_chrome_specialist import add_specialist
from add_line_partner import add_partner


def test_interleaved_boilerplate_counts_only_lines_between_comments() -> None:
    assert interleaved_boilerplate(["body", "comment", "boilerplate", "boilerplate", "comment", "boilerplate"]) == (2, 2)
    assert interleaved_boilerplate(["boilerplate", "body", "boilerplate", "comment", "comment"]) == (0, 2)
    assert interleaved_boilerplate(["body", "comment", "boilerplate"]) == (0, 1)
    assert interleaved_boilerplate([]) == (0, 0)


def _ids(*labels: str) -> list[int]:
    return [CLASSES.index(label) for label in labels]


@pytest.mark.parametrize(("min_interleaved", "min_share", "wins"),
                         [(1, 0.0, True), (1, 0.5, True), (2, 0.0, False), (1, 0.6, False)])
def test_specialist_reading_wins_only_from_its_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         min_interleaved: int, min_share: float, wins: bool) -> None:
    main, other = _copy(tmp_path, "main"), _copy(tmp_path, "other", temper=0.01)
    add_specialist(main, other, min_interleaved, min_share)
    model = load_line_model(main)
    assert model.chrome is not None
    assert (model.chrome.min_interleaved, model.chrome.min_share) == (min_interleaved, min_share)
    main_path = _ids("headline", "body", "body", "boilerplate", "comment", "comment")
    chrome_path = _ids("headline", "body", "body", "comment", "boilerplate", "comment")  # 1 chrome, 2 comments
    calls = []
    original_inputs = LineModel.page_inputs
    monkeypatch.setattr(LineModel, "page_inputs", lambda self, *a: calls.append(self) or original_inputs(self, *a))
    monkeypatch.setattr(LineModel, "decode_page", lambda self, out: main_path if self is model else chrome_path)
    got = model.predict(LINES, BEFORE, AFTER, chrome=True)
    assert got == [CLASSES[j] for j in (chrome_path if wins else main_path)]
    assert calls == [model]  # features and embeddings are computed once, for both models
    assert model.predict(LINES, BEFORE, AFTER) == [CLASSES[j] for j in main_path]  # off unless asked


def test_specialist_must_be_a_single_model_that_fits(tmp_path: Path) -> None:
    main, other = _copy(tmp_path, "main"), _copy(tmp_path, "other", temper=0.01)
    with pytest.raises(ValueError, match="at least 1"):
        add_specialist(main, other, 0)
    with pytest.raises(ValueError, match="negative"):
        add_specialist(main, other, 1, -0.1)
    ensemble = _copy(tmp_path, "ensemble")
    add_partner(ensemble, other, 0.5, "partner")
    with pytest.raises(ValueError, match="itself an ensemble"):
        add_specialist(main, ensemble, 1)
    add_specialist(main, other, 1)
    assert_misfit_rejected(main, "chrome", "word_bits")


CHROME_PAGE = Path(__file__).resolve().parent / "fixtures" / "comment_chrome_page.txt"  # written for this test
COMMENTS = ("Finally! I have been waiting", "Twelve million for paint", "The loading bays compromise",
            "Anyone know if the lanes")


def test_shipped_model_keeps_the_comments_between_their_chrome() -> None:
    """Author, date and "Reply" lines between the comments: the main model v5.2 read the whole comment section
    as boilerplate; v5.3 (trained on real text dumps too, docs/results/text_anatomy.md "Session 8") reads all
    four comments as well; with ``chrome=True`` the specialist reads them."""
    lines = CHROME_PAGE.read_text(encoding="utf-8").splitlines()
    model = load_line_model()
    main = list(zip(lines, classify_lines(lines, model), strict=True))
    assert len([line for line, lab in main if lab == "comment" and line.startswith(COMMENTS)]) == 4
    labelled = list(zip(lines, classify_lines(lines, model, chrome=True), strict=True))
    for start in COMMENTS:
        assert [lab for line, lab in labelled if line.startswith(start)] == ["comment"], start
    chrome = [lab for line, lab in labelled if line == "Reply" or line.startswith("March ")]
    assert chrome == ["boilerplate"] * 8
    body = [line for line, lab in labelled if lab == "body"]
    assert len(body) == 4 and body[0].startswith("The city council voted")


def _split(path: Path, **options: object) -> Page:
    return split_text(path.read_text(encoding="utf-8"), Page(id="p", source="test.txt"), Options(**options),
                      model=load_line_model())


def test_split_text_reads_chrome_when_asked_and_warns_otherwise() -> None:
    page = _split(CHROME_PAGE, text_comment_chrome=True)
    texts = [c.text for c in page.comments]
    assert all(any(t.startswith(start) for t in texts) for start in COMMENTS)
    assert not any(t == "Reply" or t.startswith("March ") for t in texts)
    assert CHROME_WARNING not in page.warnings
    plain = _split(CHROME_PAGE)
    assert CHROME_WARNING in plain.warnings
    # the main model (v5.3) reads the four comments by itself (v5.2: none); the warning still fires
    assert sum(t.startswith(COMMENTS) for t in (c.text for c in plain.comments)) == 4


@pytest.mark.parametrize("name", ["000_d66ebd6db3d84dd8.txt", "003_9a83f09ece2f8787.txt"])
def test_seed_pages_have_no_chrome(name: str) -> None:
    demo = Path(__file__).resolve().parents[2] / "src" / "storytrace" / "data" / "demo"
    plain, asked = _split(demo / name), _split(demo / name, text_comment_chrome=True)
    assert CHROME_WARNING not in plain.warnings
    assert (plain.body, plain.comments, plain.boilerplate) == (asked.body, asked.comments, asked.boilerplate)
