"""The training script runs end to end on a tiny sample (never the real model: that is built by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.text import LABELS, LongPageDecoding, classify_lines, load_line_model
from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
DATA = shared_data()

V4 = ("--alpha", "2e-6", "--no-embed", "--trees", "", "--own-refs", "0", "--title-ends", "0", "--body-bias", "1.0", "--fold-by", "page",
      "--oof-folds", "2", "--real-dumps", "0")


@pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "gold").is_dir(), reason="shared data not present")
@pytest.mark.parametrize("variant,fmt", [((), 5), (V4, 4), (("--tree-stop", "source", "--stage2-repeats"), 5),
                                         (("--real-dumps", "2"), 5), (("--stage3-l2", "1", "--stage3-iter", "7"), 5)])
def test_text_training_script_tiny_sample(tmp_path: Path, variant: tuple[str, ...], fmt: int) -> None:
    limit, pages = 6, 16
    out = tmp_path / "model"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_line_model.py"), "--data", str(DATA), "--out", str(out),
         "--limit", str(limit), "--pages", str(pages), "--epochs", "3", "--max-iter", "50", *variant],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    meta = json.loads((out / "line_model.json").read_text())
    assert meta["format"] == fmt
    assert meta["data"]["synthetic_pages"] == pages
    assert meta["data"]["source_pages"] <= limit
    copies = int(variant[variant.index("--real-dumps") + 1]) if "--real-dumps" in variant else 1  # default: v5.3
    if copies:  # one dump per source page with a body, `copies` times; the synthetic pages as before
        assert meta["data"]["real_dump_copies"] == copies
        assert meta["data"]["real_dump_pages"] % copies == 0
        assert copies <= meta["data"]["real_dump_pages"] <= copies * limit
    else:
        assert "real_dump_pages" not in meta["data"]
    if "--tree-stop" in variant:  # iteration counts chosen on held-out source pages, within the cap
        assert meta["tree_stop"]["by"] == "source"
        assert set(meta["tree_stop"]["iterations"]) == {"stage2", "stage3"}
        assert all(1 <= n <= 50 for n in meta["tree_stop"]["iterations"].values())
    if "--stage3-iter" in variant:  # a fixed stage-3 count with a leaf penalty, recorded in the JSON
        assert meta["tree_stop"] == {"by": "fixed", "iterations": {"stage3": 7}, "stage3_l2": 1.0}
        assert load_line_model(out).trees3.n_iterations == 7
    assert meta.get("stage2_repeats", False) == ("--stage2-repeats" in variant)
    model = load_line_model(out)
    labels = classify_lines(["A headline here", "", "Some body text that goes on. And on.", "lol nice"], model)
    assert labels[1] == "blank"
    assert all(lab in LABELS for i, lab in enumerate(labels) if i != 1)


@pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "gold").is_dir(), reason="shared data not present")
def test_boundary_ranker_script_tiny_sample(tmp_path: Path) -> None:
    out, fold0 = tmp_path / "model", tmp_path / "fold0"
    for where, leave_out in ((out, ["--dev"]), (fold0, ["--leave-out", "0"])):
        train = [sys.executable, str(ROOT / "training" / "train_line_model.py"), "--data", str(DATA),
                 "--out", str(where), "--limit", "6", "--pages", "16", "--epochs", "3", "--max-iter", "50",
                 *leave_out]
        proc = subprocess.run(train, capture_output=True, text=True, timeout=600, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert load_line_model(out).ranker is None
    assert "minus fifth 0" in json.loads((fold0 / "line_model.json").read_text())["data"]["source"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_boundary_ranker.py"), "--data", str(DATA),
         "--dev-model", str(out), "--cross-fit", f"0:{fold0}", "--model", str(out), "--pages", "6",
         "--limit", "5", "--comment-chrome", "0.5", "--real-dumps", "1", "--long-page-lines", "60",
         "--comment-entry-bonus", "6"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    meta = json.loads((out / "line_model.json").read_text())
    assert 12 + 2 <= meta["boundary_ranker"]["pages"] <= 12 + 10  # 6 synthetic pages and 1-5 dumps per fifth
    assert meta["boundary_ranker"]["fifths"] == [0, 4]
    assert meta["boundary_ranker"]["comment_chrome_share"] == 0.5
    assert meta["boundary_ranker"]["real_dump_copies"] == 1
    assert meta["long_pages"] == {"min_lines": 60, "comment_entry_bonus": 6.0}
    model = load_line_model(out)
    assert model.ranker is not None
    assert model.long_pages == LongPageDecoding(60, 6.0)
    labels = classify_lines(["A headline here", "", "Some body text that goes on. And on.", "lol nice"], model)
    assert labels[1] == "blank" and all(lab in LABELS for i, lab in enumerate(labels) if i != 1)


def test_out_of_fold_split_by_source_keeps_a_source_together() -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from train_line_model import _folds

    sources = ["a", "b", "c", "a", "d", "b", "e", "a", "f"]
    fold = _folds(sources, 3, seed=13)
    assert set(fold.tolist()) == {0, 1, 2}
    for name in set(sources):
        assert len({int(f) for f, s in zip(fold, sources, strict=True) if s == name}) == 1
    assert (fold == _folds(sources, 3, seed=13)).all()


@pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "gold").is_dir(), reason="shared data not present")
def test_comment_chrome_keeps_real_chrome_lines_as_boilerplate_and_leaves_the_default_alone() -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from line_data import load_pieces, make_pages, split_names

    pieces = load_pieces(DATA, split_names(DATA)[0], limit=40)
    assert make_pages(pieces, 30, 7) == make_pages(pieces, 30, 7, comment_chrome=0.0)  # the benchmark's pages
    kept = {c.lower() for p in pieces.pages for c in p.comments}

    def interleaved(pages: list) -> int:
        """Boilerplate lines inside a comment section (a comment before and after them)."""
        count = 0
        for _, labels, _ in pages:
            comments = [i for i, lab in enumerate(labels) if lab == "comment"]
            if comments:
                count += sum(labels[i] == "boilerplate" for i in range(comments[0], comments[-1]))
        return count

    assert interleaved(make_pages(pieces, 60, 7)) == 0
    chrome = make_pages(pieces, 60, 7, comment_chrome=1.0)
    assert interleaved(chrome) > 30
    for lines, labels, _ in chrome:  # the comments are still the filter's comments
        assert all(line.lower() in kept for line, lab in zip(lines, labels, strict=True) if lab == "comment")


# a hand-made page: menu, headline, byline, body (one paragraph split by <br>), a sidebar teaser that repeats
# body words, a comment section with its chrome, a footer
_DUMP_HTML = """<html><head><title>Mayor opens the new bridge | Town News</title></head><body>
<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>
<h1>Mayor opens the new bridge</h1>
<div class="byline">By Ann Lee</div>
<div class="story"><p>The mayor opened the new bridge on Monday morning after two years of work.</p>
<p>Hundreds of people walked across it before noon,<br>and the first cars crossed at one o'clock.</p>
<p>Short line</p></div>
<aside><h3>Related</h3><a>Mayor opens the new bridge</a><p>opened the new bridge on Monday morning</p></aside>
<div class="comments"><h3>2 Comments</h3>
<div>Posted by: Bob at 5:03 PM</div><p>Finally, I can drive to work in ten minutes now.</p>
<div>Posted by: Eve at 6:10 PM</div><p>It took them far too long and cost far too much money.</p></div>
<footer><a>Contact us</a> <a>Privacy</a></footer></body></html>"""
_DUMP_GOLD_BODY = ["Mayor opens the new bridge",
                   "The mayor opened the new bridge on Monday morning after two years of work.",
                   "Hundreds of people walked across it before noon, and the first cars crossed at one o'clock.",
                   "Short line"]
_DUMP_SECTION = [("Posted by: Bob at 5:03 PM", "boilerplate"),
                 ("Finally, I can drive to work in ten minutes now.", "comment"),
                 ("Posted by: Eve at 6:10 PM", "boilerplate"),
                 ("It took them far too long and cost far too much money.", "comment")]


@pytest.mark.parametrize("split_body", [False, True])
def test_line_data_label_dump_labels_a_rendered_page_from_its_gold(split_body: bool) -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from line_data import SourcePage, label_dump, render_text

    html = _DUMP_HTML if split_body else _DUMP_HTML.replace(",<br>and", ", and")
    lines = render_text(html).split("\n")
    src = SourcePage("t", body=_DUMP_GOLD_BODY[1:], comments=[c for c, lab in _DUMP_SECTION if lab == "comment"],
                     headlines=["Mayor opens the new bridge", "Mayor opens the new bridge | Town News"],
                     boilerplate=[], comment_section=_DUMP_SECTION, gold_body=_DUMP_GOLD_BODY)
    body_lines = (["Hundreds of people walked across it before noon,", "and the first cars crossed at one o'clock."]
                  if split_body else [_DUMP_GOLD_BODY[2]])
    expected = [("Home", "boilerplate"), ("News", "boilerplate"), ("Mayor opens the new bridge", "headline"),
                ("By Ann Lee", "boilerplate"), (_DUMP_GOLD_BODY[1], "body")]
    # a piece of a gold paragraph is body when it is long enough (DUMP_MIN_WORDS), else boilerplate
    expected += [(line, "body" if len(line.split()) >= 6 else "boilerplate") for line in body_lines]
    expected += [("Short line", "body"), ("Related", "boilerplate"),
                 ("Mayor opens the new bridge", "boilerplate"),  # the headline again after the body
                 ("opened the new bridge on Monday morning", "body"),  # a teaser: 7 words of the gold body
                 ("2 Comments", "boilerplate"), ("Posted by: Bob at 5:03 PM", "boilerplate"),
                 (_DUMP_SECTION[1][0], "comment"), ("Posted by: Eve at 6:10 PM", "boilerplate"),
                 (_DUMP_SECTION[3][0], "comment"), ("Contact us Privacy", "boilerplate")]
    assert list(zip(lines, label_dump(lines, src), strict=True)) == expected


@pytest.mark.skipif(not (DATA / "extraction" / "dragnet" / "gold").is_dir(), reason="shared data not present")
def test_stage3_lab_rebuilds_stage3_from_the_dump(tmp_path: Path) -> None:
    """The dumped out-of-fold stage-2 output and the rebuilt pages give back the training run's stage 3
    exactly; with --opening (--thread) the lab writes a model that reads the opening (thread) features."""
    base, dump = tmp_path / "model", tmp_path / "s3.npz"
    sample = ["--limit", "6", "--pages", "16", "--max-iter", "30"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_line_model.py"), "--data", str(DATA), "--out", str(base),
         "--epochs", "3", "--dump-stage3", str(dump), *sample],
        capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for variant, out in (([], tmp_path / "same"), (["--opening"], tmp_path / "opening"),
                         (["--thread", "--hard-comment-weight", "2"], tmp_path / "thread")):
        proc = subprocess.run(
            [sys.executable, str(ROOT / "training" / "stage3_lab.py"), "--data", str(DATA), "--dump", str(dump),
             "--base", str(base), "--cache", str(tmp_path / "cache"), "--out", str(out), *sample, *variant],
            capture_output=True, text=True, timeout=600, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
    with np.load(base / "line_model.npz") as a, np.load(tmp_path / "same" / "line_model.npz") as b:
        assert all(np.array_equal(a[k], b[k]) for k in a.files if k.startswith("t3_"))
    assert not load_line_model(base).stage3_opening
    model = load_line_model(tmp_path / "opening")
    assert model.stage3_opening
    labels = classify_lines(["A headline here", "", "Some body text that goes on. And on.", "lol nice"], model)
    assert all(lab in LABELS for i, lab in enumerate(labels) if i != 1)
    model = load_line_model(tmp_path / "thread")
    assert model.stage3_thread and not model.stage3_opening
    assert model.meta["stage3_lab"]["hard_comment_weight"] == 2.0
    labels = classify_lines(["A headline here", "", "Some body text that goes on. And on.", "Great post, thanks!"],
                            model)
    assert all(lab in LABELS for i, lab in enumerate(labels) if i != 1)
    # a wrong page recipe is refused, not silently mismatched
    proc = subprocess.run(
        [sys.executable, str(ROOT / "training" / "stage3_lab.py"), "--data", str(DATA), "--dump", str(dump),
         "--base", str(base), "--cache", str(tmp_path / "cache"), "--limit", "5", "--pages", "16"],
        capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode != 0 and "do not rebuild" in proc.stderr


def test_stage3_leaf_penalty_bounds_the_leaves() -> None:
    """Lines the trees hold confidently wrong (tiny hessians) take huge Newton steps without a leaf penalty
    (session 17: the dev model's stage-3 leaves reached 3,552); ``l2`` bounds them."""
    sys.path.insert(0, str(ROOT / "training"))
    from train_line_model import _boost

    rng = np.random.default_rng(0)
    x = rng.normal(size=(3000, 4))
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 1).astype(int)  # three classes, almost separable
    y[rng.choice(3000, 30, replace=False)] = 2  # a few confidently wrong labels
    leaves = {}
    for l2 in (0.0, 10.0):
        clf = _boost(x, y, 0, n_iter=60, l2=l2)
        assert clf.l2_regularization == l2
        leaves[l2] = max(abs(p.nodes["value"][p.nodes["is_leaf"] == 1]).max() for it in clf._predictors for p in it)
    assert leaves[10.0] < leaves[0.0]
