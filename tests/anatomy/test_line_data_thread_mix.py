"""The synthetic generator's training-only comment options (line_data: direct_comments, short_threads,
own_threads) do what they say and leave the default pages -- the benchmark's held-out pages -- unchanged."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data()
pytestmark = pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "gold").is_dir(),
                                reason="shared data not present")

# sha256 of make_pages(first 40 train pieces, 30, seed 7) as the generator made them before the options existed
DEFAULT_PAGES_SHA256 = "0d1ce8fbb76cb2d4792ac6f973c543530fc1556e5a0981afc42e746c99f34fa3"


@pytest.fixture(scope="module")
def pieces():
    sys.path.insert(0, str(ROOT / "training"))
    from line_data import load_pieces, split_names

    return load_pieces(DATA, split_names(DATA)[0], limit=40)


def _make(pieces, n: int = 80, **options: float) -> list:
    from line_data import make_pages

    return make_pages(pieces, n, 7, **options)


def _digest(pages: list) -> str:
    return hashlib.sha256(json.dumps(pages).encode()).hexdigest()


def test_default_pages_are_the_original_generators(pieces) -> None:
    assert _digest(_make(pieces, 30)) == DEFAULT_PAGES_SHA256
    zeros = {"direct_comments": 0.0, "short_threads": 0.0, "own_threads": 0.0}
    assert _make(pieces, 30, **zeros) == _make(pieces, 30)


def _sections(pages: list) -> list[tuple[str, int]]:
    """Each comment section's preceding label and its number of comment lines."""
    out = []
    for _, labels, _ in pages:
        comments = [i for i, lab in enumerate(labels) if lab == "comment"]
        if comments:
            out.append((labels[comments[0] - 1], len(comments)))
    return out


def test_direct_comments_drop_the_boilerplate_before_the_thread(pieces) -> None:
    default = _sections(_make(pieces))
    direct = _sections(_make(pieces, direct_comments=1.0))
    assert sum(before == "boilerplate" for before, _ in default) > 10
    assert direct and all(before != "boilerplate" for before, _ in direct)


def test_short_threads_keep_one_to_three_comments(pieces) -> None:
    assert max(n for _, n in _sections(_make(pieces))) > 3
    short = _sections(_make(pieces, short_threads=1.0))
    assert short and all(1 <= n <= 3 for _, n in short)


def test_own_threads_draw_sources_that_have_a_thread(pieces) -> None:
    from line_data import make_pages

    with_thread = {p.name for p in pieces.with_comments}
    assert 0 < len(with_thread) < len(pieces.pages)
    n = len(pieces.pages) + 60
    plain: list[str] = []
    make_pages(pieces, n, 7, sources=plain)
    own: list[str] = []
    make_pages(pieces, n, 7, sources=own, own_threads=1.0)
    assert own[:len(pieces.pages)] == plain[:len(pieces.pages)]  # the first pass over the sources is kept
    assert all(name in with_thread for name in own[len(pieces.pages):])
    assert not all(name in with_thread for name in plain[len(pieces.pages):])


def test_training_script_records_the_thread_mix(tmp_path: Path) -> None:
    """--direct-comments/--short-threads/--own-threads reach the generator and the model's JSON; 0 is not recorded."""
    out = tmp_path / "model"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_line_model.py"), "--data", str(DATA), "--out", str(out),
         "--limit", "6", "--pages", "16", "--epochs", "3", "--max-iter", "30", "--no-embed", "--trees", "",
         "--real-dumps", "0", "--direct-comments", "0.5", "--short-threads", "0", "--own-threads", "1"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    meta = json.loads((out / "line_model.json").read_text())
    assert meta["data"]["thread_mix"] == {"direct_comments": 0.5, "own_threads": 1.0}
