"""training/boundary_decoding_check.py: the top-2 start rule and the tune/check split of the dev sources."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from boundary_decoding_check import part_of, top2_start

# six lines; row r of the ranker's scores is the start r + 1 (row 5: start 6 = no comment section)
PROBS = np.array([0.1, 0.1, 0.2, 0.9, 0.8, 0.9])


def test_top2_keeps_a_clear_winner() -> None:
    scores = np.array([0.0, 0.0, 0.0, 1.0, 3.0, 0.0])  # best start 5, second start 4, 2.0 apart
    assert top2_start(scores, PROBS, delta=0.5, tau=0.6) == 5


def test_top2_close_call_goes_to_the_earlier_start_when_the_lines_between_read_as_comment() -> None:
    scores = np.array([0.0, 0.0, 0.0, 2.8, 3.0, 0.0])  # best 5, second 4: line 4 between them, comment 0.8
    assert top2_start(scores, PROBS, delta=0.5, tau=0.6) == 4


def test_top2_close_call_goes_to_the_later_start_when_the_lines_between_read_as_article() -> None:
    scores = np.array([0.0, 3.0, 2.9, 0.0, 0.0, 0.0])  # best 2, second 3: line 2 between them, comment 0.2
    assert top2_start(scores, PROBS, delta=0.5, tau=0.6) == 3


def test_top2_close_call_against_no_section() -> None:
    scores = np.array([0.0, 0.0, 2.9, 0.0, 0.0, 3.0])  # best: none (6), second start 3; lines 3-5 mean 0.87
    assert top2_start(scores, PROBS, delta=0.5, tau=0.6) == 3
    assert top2_start(scores, PROBS, delta=0.05, tau=0.6) == 6


def test_part_of_splits_the_sources_about_sixty_forty_and_is_stable() -> None:
    names = [f"R{i}" for i in range(1000)]
    tune = sum(part_of(n) == "tune" for n in names)
    assert 550 <= tune <= 650
    assert [part_of(n) for n in names] == [part_of(n) for n in names]
