"""Long pages (real text dumps) skip the boundary ranker; entering the comment section may get a bonus."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.text import (
    CLASSES,
    MODEL_DIR,
    LineModel,
    LongPageDecoding,
    classify_lines,
    load_line_model,
)

BODY, BOILER, COMMENT = (CLASSES.index(c) for c in ("body", "boilerplate", "comment"))


# A dump of 81 lines as a browser's "copy all" gives it: a menu, the article, one comment between its chrome
# lines (name, date, form), then more menus. Long enough for the shipped model's long-page decoding.
LONG_DUMP = [
    *[
        "Home",
        "News",
        "Reviews",
        "Features",
        "Videos",
        "Podcasts",
        "Forums",
        "About Us",
        "Contact",
        "Advertise",
        "Search",
        "Login",
        "Register",
    ],
    *[
        "Subscribe by RSS",
        "Follow us on Twitter",
        "Like us on Facebook",
        "Latest",
        "Popular",
        "Most Commented",
        "PC",
    ],
    *[
        "PlayStation",
        "Xbox",
        "Nintendo",
        "Mobile",
        "Retro",
        "Indie",
        "Hardware",
        "Deals",
        "Guides",
        "Newsletter",
    ],
    "Canadian studio ordered to destroy its unsold games after losing lawsuit",
    "Posted to News on 9 November 2012 by Hal",
    (
        "The Ontario developer behind a celebrated horror game has been ordered by a court to recall and "
        "destroy every unsold copy of its last two releases, after losing a long contract dispute with "
        "the engine maker it once licensed technology from."
    ),
    (
        "The judgement, published this week, also requires the studio to give the other side access to "
        "its servers so that all copies of the licensed code can be removed, and to pay legal costs that "
        "are expected to run into the millions."
    ),
    (
        "Former staff told reporters last year that people had been moved from a licensed superhero game "
        "to work on an unannounced project, a claim the studio has always denied."
    ),
    (
        "The company has shrunk from more than a hundred employees to a handful in two years, and its "
        "founder said in a statement that it would consider an appeal once the full reasons of the court "
        "were known."
    ),
    (
        "It is a sad ending for a team that once made one of the most admired games of its console "
        "generation, and many players will hope that the people who worked there find a home elsewhere."
    ),
    "We have asked the studio and the engine maker for comment and will update this story if either replies.",
    "Tags: lawsuit, studios, Canada, horror",
    "Share this article",
    "Tweet",
    "Email",
    "Print",
    "1 Comments",
    "Daniel K said:",
    (
        "Oh wow, that's terrible. It's a real shame how things have turned out there, I loved their first"
        " game and I was hoping for a sequel one day."
    ),
    "November 10, 2012 4:26 AM",
    *[
        "Post a comment",
        "Name",
        "Email Address",
        "URL",
        "Remember personal info?",
        "Comments",
        "Submit",
        "Preview",
        "Related stories",
    ],
    "Nintendo confirms launch line-up for its new console",
    "Ten things we learned at the games show this year",
    "The best horror games to play in the dark",
    "Review: the racing game that wants to be a film",
    "Interview: the designers who left big studios to go indie",
    *["Archives", "November 2012", "October 2012", "September 2012", "August 2012", "July 2012", "June 2012"],
    *[
        "Categories",
        "News",
        "Reviews",
        "Features",
        "Opinion",
        "About",
        "Privacy Policy",
        "Terms of Use",
        "Contact the editors",
    ],
    "Copyright 2012 Example Games Media. All rights reserved.",
    "Back to top",
    "Sitemap",
    "Jobs",
]
LONE_COMMENT = LONG_DUMP.index("Daniel K said:") + 1


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


def _lone_comment_page(n_tail: int = 30) -> np.ndarray:
    """Class probabilities of a page: body, a menu, one line leaning to comment, more menu lines."""
    rows = []
    for cls, n in ((BODY, 5), (BOILER, 10)):
        rows += [np.eye(len(CLASSES))[cls] * 0.96 + 0.01] * n
    lone = np.full(len(CLASSES), 0.02)
    lone[COMMENT], lone[BOILER] = 0.55, 0.39
    rows.append(lone)
    rows += [np.eye(len(CLASSES))[BOILER] * 0.96 + 0.01] * n_tail
    return np.vstack(rows)


class _NoRanker:
    def choose(self, features: np.ndarray) -> int:
        raise AssertionError("a long page must not reach the ranker")


def test_text_comment_entry_bonus_lets_a_lone_comment_open_the_section(model: LineModel) -> None:
    probs = _lone_comment_page()
    found = [
        COMMENT in model.decode(probs, model.final_bias, need_body=True, comment_entry_bonus=b)
        for b in (0.0, 2.0, 5.0, 10.0, 50.0)
    ]
    assert not found[0]  # without a bonus, one comment between menu lines does not pay for opening a section
    assert found[-1]  # a large enough bonus opens the comment section at the lone comment
    assert found == sorted(found)  # and a larger bonus never closes it again
    path = model.decode(probs, model.final_bias, need_body=True, comment_entry_bonus=50.0)
    assert [i for i, j in enumerate(path) if j == COMMENT] == [
        15
    ]  # only that line: the menu stays boilerplate
    assert path[:5] == [BODY] * 5


def test_text_long_pages_skip_the_ranker(model: LineModel) -> None:
    probs = _lone_comment_page()
    out = {"p1": probs, "p3": probs, "emb": np.zeros((len(probs), 4)), "dense": np.zeros((len(probs), 40))}
    plain = LongPageDecoding(len(probs), 5.0, probability_floor=0.0, even_footer=False, section_temper=1.0)
    gated = dataclasses.replace(model, ranker=_NoRanker(), long_pages=plain)
    assert gated.decode_page(out) == model.decode(
        probs, model.final_bias, need_body=True, comment_entry_bonus=5.0
    )
    shorter = dataclasses.replace(gated, long_pages=dataclasses.replace(plain, min_lines=len(probs) + 1))
    with pytest.raises(AssertionError, match="must not reach the ranker"):
        shorter.decode_page(out)  # one line short of the gate: the ranker decides


def test_text_load_reads_long_pages(tmp_path: Path) -> None:
    for name in ("line_model.json", "line_model.npz"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    meta = json.loads((tmp_path / "line_model.json").read_text())
    meta.pop("long_pages", None)
    meta.pop("chrome_specialist", None)  # not copied
    (tmp_path / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(tmp_path).long_pages is None  # older model directories: every page uses the ranker
    meta["long_pages"] = {"min_lines": 77, "comment_entry_bonus": 3.5}
    (tmp_path / "line_model.json").write_text(json.dumps(meta))
    assert load_line_model(tmp_path).long_pages == LongPageDecoding(77, 3.5)


def test_text_shipped_model_reads_a_lone_comment_in_a_long_dump(model: LineModel) -> None:
    assert len(LONG_DUMP) >= model.long_pages.min_lines
    labels = classify_lines(LONG_DUMP, model)
    assert [i for i, lab in enumerate(labels) if lab == "comment"] == [LONE_COMMENT]
    assert labels.count("body") >= 6  # the six article paragraphs stay body
    without = classify_lines(LONG_DUMP, dataclasses.replace(model, long_pages=None))
    assert "comment" not in without  # the ranker and the plain grammar alone lose it


def _probs(**shares: float) -> np.ndarray:
    """One line's class probabilities: the given shares, 0.001 for every other class (normalised)."""
    row = np.full(len(CLASSES), 1e-3)
    for name, share in shares.items():
        row[CLASSES.index(name)] = share
    return row / row.sum()


def _sure(name: str) -> np.ndarray:
    """A line stage 3's trees are certain of: probability 1.0, the other classes exactly 0."""
    return np.eye(len(CLASSES))[CLASSES.index(name)]


def _long(model: LineModel, probs: np.ndarray, floor: float, temper: float, even: bool = True) -> list[int]:
    decoding = LongPageDecoding(len(probs), 6.0, probability_floor=floor, even_footer=even, section_temper=temper)
    return dataclasses.replace(model, long_pages=decoding).decode_page({"p3": probs})


def test_text_long_page_floor_keeps_sure_wrong_lines_from_vetoing_the_page(model: LineModel) -> None:
    # a menu, twelve paragraphs, then eight comments, each with a name line above and a "[Reply]" line below
    # that stage 3 reads as a headline at p = 1.0 (real dump 141 of the dev fifth), then a footer
    rows = [_probs(boilerplate=0.97)] * 10 + [_probs(body=0.97)] * 12 + [_probs(boilerplate=0.97)] * 2
    for _ in range(8):
        rows += [_probs(boilerplate=0.9, comment=0.1), _probs(comment=0.95), _sure("headline")]
    rows += [_probs(boilerplate=0.97)] * 40
    probs = np.vstack(rows)
    before = _long(model, probs, 0.0, 1.0, even=False)  # the decoding before the floor
    assert COMMENT not in before and before.count(BODY) == 1  # the page stayed before its article
    after = _long(model, probs, 0.015, 1.0)
    assert after[10:22] == [BODY] * 12
    found = [i for i, j in enumerate(after) if j == COMMENT]
    assert found[0] == 25 and set(found) >= {25 + 3 * k for k in range(8)}  # every comment, from the first
    assert model.long_pages.probability_floor == 0.015  # the shipped default


def test_text_long_page_section_temper_keeps_comments_between_chrome(model: LineModel) -> None:
    # three sure comment lines open the section; five more, each under two chrome lines, lean to comment (0.85)
    rows = [_probs(boilerplate=0.97)] * 10 + [_probs(body=0.97)] * 12 + [_probs(boilerplate=0.97)] * 2
    rows += [_probs(comment=0.97)] * 3
    for _ in range(5):
        rows += [_probs(boilerplate=0.95, comment=0.05)] * 2 + [_probs(comment=0.85, boilerplate=0.15)]
    rows += [_probs(boilerplate=0.97)] * 40
    probs = np.vstack(rows)
    first = [24, 25, 26]
    assert [i for i, j in enumerate(_long(model, probs, 0.015, 1.0)) if j == COMMENT] == first
    tempered = _long(model, probs, 0.015, 0.5)
    assert [i for i, j in enumerate(tempered) if j == COMMENT] == first + [29 + 3 * k for k in range(5)]
    assert tempered[:24] == _long(model, probs, 0.015, 1.0)[:24]  # the article is read as before
    assert model.long_pages.section_temper == 0.5  # the shipped default


def test_text_long_page_even_footer_lets_one_comment_above_a_long_footer_open_the_section(model: LineModel) -> None:
    # "1 comment:", a name, one comment stage 3 reads at p = 0.95, then 300 lines of menus and footer
    rows = [_probs(boilerplate=0.97)] * 10 + [_probs(body=0.97)] * 8 + [_probs(boilerplate=0.97)] * 2
    rows += [_probs(comment=0.95, boilerplate=0.05)] + [_probs(boilerplate=0.97)] * 300
    probs = np.vstack(rows)
    taxed = _long(model, probs, 0.015, 0.5, even=False)
    assert COMMENT not in taxed  # every footer line cost a little more inside the comment section
    even = _long(model, probs, 0.015, 0.5)
    assert [i for i, j in enumerate(even) if j == COMMENT] == [20]
    assert even[:20] == taxed[:20] and even[21:] == taxed[21:]  # nothing else moves
    assert model.long_pages.even_footer  # the shipped default
