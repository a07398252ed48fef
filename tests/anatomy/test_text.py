"""Plain-text page anatomy (issue 2, item 4). The seed tests are the acceptance test for the shipped model."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.text import (
    CLASSES,
    LABELS,
    LineModel,
    _centroid_cos,
    _twin_probs,
    classify_lines,
    collapse_headlines,
    context_features,
    dense_features,
    first_line_title,
    grammar_mask,
    load_line_model,
    ngram_features,
    parse_references,
    split_text,
)
from storytrace.errors import ModelError
from storytrace.records import Page, Reference
from storytrace.settings import Options

DEMO = Path(__file__).resolve().parents[2] / "src" / "storytrace" / "data" / "demo"
SEED_000 = DEMO / "000_d66ebd6db3d84dd8.txt"
SEED_003 = DEMO / "003_9a83f09ece2f8787.txt"


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_line_model()


def _nonempty(path: Path) -> list[str]:
    return [s.strip() for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


def _page(text: str, model: LineModel, pid: str = "p1") -> Page:
    return split_text(text, Page(id=pid, source="test.txt", kind="text"), Options(), model=model)


# ---------------------------------------------------------------- the seed pages (acceptance)
@pytest.mark.parametrize("path", [SEED_000])
def test_text_split_seed_000(model: LineModel, path: Path) -> None:
    lines = _nonempty(path)
    page = _page(path.read_text(encoding="utf-8"), model, pid="seed000")
    assert page.title is None
    assert page.headline_variants == []
    assert page.body == lines[:6]
    assert [c.text for c in page.comments] == lines[6:]
    assert len(page.comments) == 27
    assert [c.position for c in page.comments] == list(range(27))
    assert page.comments[0].id == "seed000-c0" and page.comments[26].id == "seed000-c26"
    assert page.boilerplate == []
    assert page.references == []


@pytest.mark.parametrize("path", [SEED_003])
def test_text_split_seed_003(model: LineModel, path: Path) -> None:
    lines = _nonempty(path)
    page = _page(path.read_text(encoding="utf-8"), model)
    assert page.boilerplate == ["Skip to content", "Read also:", "Latest"]
    assert page.title == lines[1]  # appears twice (lines 3 and 12), first on the tie with line 7/8
    assert page.headline_variants == [lines[2], lines[3], lines[5]]
    assert page.body == lines[7:12] + [lines[13]]
    assert page.body[-1].startswith("The community policy")
    assert [r.marker for r in page.references] == ["1", "2", "3"]
    assert all(r.text.startswith("Enrichment Data:") for r in page.references)
    assert page.comments == []


@pytest.mark.parametrize(
    "path,expected",
    [
        (SEED_000, ["body"] * 6 + ["comment"] * 27),
        (SEED_003, ["boilerplate", "title", "headline_variant", "headline_variant", "headline_variant",
                    "headline_variant", "title"] + ["body"] * 5 + ["reference", "body", "boilerplate",
                                                                    "boilerplate"]),
    ],
)
def test_text_classify_lines_seeds(model: LineModel, path: Path, expected: list[str]) -> None:
    labels = classify_lines(path.read_text(encoding="utf-8").splitlines(), model)
    assert [lab for lab in labels if lab != "blank"] == expected


# ---------------------------------------------------------------- deterministic parts
@pytest.mark.parametrize(
    "line,expected",
    [
        ("[1] First note.[2] Second note. [3] Third: with colon.",
         [("1", "First note."), ("2", "Second note."), ("3", "Third: with colon.")]),
        ("[1] A source said so[2][3] in text.", [("1", "A source said so[2][3] in text.")]),
        ("[12]: Only one", [("12", "Only one")]),
        ("1. Numbered reference", [("1", "Numbered reference")]),
        ("^3 Caret reference", [("3", "Caret reference")]),
        ("(4) Parenthesised", [("4", "Parenthesised")]),
        ("Sources: none given", [("", "Sources: none given")]),
        ("   ", []),
    ],
)
def test_text_parse_references(line: str, expected: list[tuple[str, str]]) -> None:
    assert parse_references(line) == [Reference(marker=m, text=t) for m, t in expected]


@pytest.mark.parametrize(
    "heads,title,variants,is_title",
    [
        ([], None, [], []),
        (["A b c"], "A b c", [], [True]),
        (["A b c", "X y z", "x y z!", "A b c"], "A b c", ["X y z"], [True, False, False, True]),
        (["One two", "Three four", "Three four"], "Three four", ["One two"], [False, True, True]),
        (["Same", "SAME.", "Other"], "Same", ["Other"], [True, True, False]),
    ],
)
def test_text_collapse_headlines(heads: list[str], title: str | None, variants: list[str],
                                 is_title: list[bool]) -> None:
    assert collapse_headlines(heads) == (title, variants, is_title)


# ---------------------------------------------------------------- segment grammar and page features
def _state(name: str, phase: int) -> int:
    return CLASSES.index(name) + len(CLASSES) * phase


@pytest.mark.parametrize(
    "a,b,ok",
    [
        (("boilerplate", 0), ("headline", 0), True),
        (("headline", 0), ("body", 1), True),
        (("body", 1), ("reference", 1), True),
        (("reference", 1), ("body", 1), True),  # seed 003: a body paragraph after the reference block
        (("boilerplate", 1), ("body", 1), True),
        (("body", 1), ("comment", 2), True),
        (("comment", 2), ("boilerplate", 2), True),
        (("boilerplate", 2), ("comment", 2), True),
        (("comment", 2), ("body", 1), False),
        (("boilerplate", 2), ("body", 1), False),
        (("body", 1), ("headline", 1), False),
        (("headline", 0), ("comment", 2), False),
        (("boilerplate", 0), ("reference", 1), False),
    ],
)
def test_text_grammar_mask(a: tuple[str, int], b: tuple[str, int], ok: bool) -> None:
    allowed, start = grammar_mask(CLASSES)
    assert bool(allowed[_state(*a), _state(*b)]) is ok
    assert start[_state("body", 1)] and start[_state("headline", 0)] and not start[_state("comment", 2)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_text_decode_follows_grammar(model: LineModel, seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(50):
        probs = rng.dirichlet(np.ones(len(CLASSES)) * 0.3, size=int(rng.integers(1, 40)))
        labels = [CLASSES[j] for j in model.decode(probs)]
        if "comment" in labels:
            after = labels[labels.index("comment"):]
            assert set(after) <= {"comment", "boilerplate"}
            assert "body" in labels[:labels.index("comment")]
        if "body" in labels:
            assert "headline" not in labels[labels.index("body"):]
            assert "reference" not in labels[:labels.index("body")]


@pytest.mark.parametrize("rows", [[True, False, True, True, False], [False, True, False, False, False]])
def test_text_centroid_cos_leaves_the_line_out(rows: list[bool]) -> None:
    x = np.array([[1.0, 0, 2, 0], [0, 1, 1, 0], [3, 0, 0, 1], [0, 0, 1, 1], [1, 1, 1, 1]])
    mask = np.array(rows)
    cos, exists = _centroid_cos(x, mask)
    for i in range(len(x)):
        members = [j for j in range(len(x)) if mask[j] and j != i]
        if not members:
            assert cos[i] == 0.0 and exists[i] == 0.0
            continue
        c = x[members].sum(axis=0)
        assert cos[i] == pytest.approx(x[i] @ c / (np.linalg.norm(x[i]) * np.linalg.norm(c)))


def test_text_centroid_cos_reads_sparse_rows_like_dense() -> None:
    grams = ngram_features(["Big news today", "big news", "Skip to content", "", "A comment, lol"], 10, 8)
    mask = np.array([True, False, True, True, False])
    for got, want in zip(_centroid_cos(grams, mask), _centroid_cos(grams.toarray(), mask), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_text_twin_probs_groups_lines_with_the_same_ngram_row() -> None:
    """Three copies of one line (case and digits differ: the n-grams read lower case, digits as 0), two
    pairs ("..." has character n-grams too) and a single line."""
    lines = ["Big news 2024", "Menu", "big NEWS 1999", "...", "Menu", "...", "Big news 2024", "Alone here"]
    probs = np.random.default_rng(1).dirichlet(np.ones(5), size=len(lines))
    got = _twin_probs(ngram_features(lines, 10, 8), probs)
    groups = [[0, 2, 6], [1, 4], [3, 5]]
    for members in groups:
        for i in members:
            others = [j for j in members if j != i]
            np.testing.assert_allclose(got[i, :5], probs[others].mean(axis=0))
    assert got[:, 5].tolist() == [1, 1, 1, 1, 1, 1, 1, 0]
    assert not got[7, :5].any()


def test_text_context_features_with_repeats() -> None:
    """With n-grams, stage 2 also reads the mean probabilities of a line's exact repeats, and whether it has one
    (a headline shown at the top and again above the body); without, the features are as before."""
    lines = ["Big news today", "Skip to content", "Big news today", "Something else entirely"]
    flags = [False] * len(lines)
    dense = dense_features(lines, flags, flags)
    probs = np.array([[0.9, 0.05, 0.05, 0, 0], [0, 0, 1.0, 0, 0], [0.5, 0.3, 0.2, 0, 0], [0, 1.0, 0, 0, 0]])
    plain = context_features(probs, dense)
    more = context_features(probs, dense, ngram_features(lines, 10, 8))
    k = probs.shape[1]
    assert more.shape == (len(lines), plain.shape[1] + k + 1)
    np.testing.assert_array_equal(more[:, : plain.shape[1]], plain)
    twin_mean, has_twin = more[:, -k - 1:-1], more[:, -1]
    np.testing.assert_allclose(twin_mean[0], probs[2])
    np.testing.assert_allclose(twin_mean[2], probs[0])
    assert has_twin.tolist() == [1, 0, 1, 0]
    assert not twin_mean[[1, 3]].any()


# ---------------------------------------------------------------- odd inputs
@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", " \r\n \r\n"])
def test_text_split_empty(model: LineModel, text: str) -> None:
    page = _page(text, model)
    assert (page.title, page.headline_variants, page.body, page.boilerplate, page.references, page.comments) == (
        None, [], [], [], [], [])


@pytest.mark.parametrize("n_words", [40_000])
def test_text_split_very_long_line(model: LineModel, n_words: int) -> None:
    para = " ".join(f"word{i % 97} and more text." if i % 7 == 0 else f"token{i % 13}" for i in range(n_words))
    text = f"A headline for a long page\n\n{para}\n"
    start = time.perf_counter()
    labels = classify_lines(text.splitlines(), model)
    assert time.perf_counter() - start < 5.0
    assert len(labels) == 3 and labels[1] == "blank"
    page = _page(text, model)
    found = page.body + page.boilerplate + [c.text for c in page.comments] + [r.text for r in page.references]
    assert any(len(s) == len(para) for s in found)


@pytest.mark.parametrize(
    "text",
    [
        ("Северная Корея отправит 6000 рабочих в Курскую область\n\nРешение было принято после встречи "
         "Шойгу и Ким Чен Ына в Пхеньяне. Работники помогут восстановить регион.\n\nну и дела хаха 😂"),
        "朝鲜将派遣六千名工人前往库尔斯克\n\n这一决定是在平壤会谈后作出的。工人将帮助重建该地区。\n\n哈哈哈 太好了",
        ("Severná Kórea pošle 6000 robotníkov do Kurska\nRozhodnutie padlo po stretnutí v Pchjongjangu.\n"
         "už dávno tam mali byť!!! ale lepšie ako neskoro!!!"),
        "\u200b\ufeff\n\x00\x01 control \x7f\n" + "🙂" * 50,
    ],
)
def test_text_split_non_english(model: LineModel, text: str) -> None:
    labels = classify_lines(text.splitlines(), model)
    nonempty = [s for s in text.splitlines() if s.strip()]
    assert len([lab for lab in labels if lab != "blank"]) == len(nonempty)
    assert all(lab in LABELS or lab == "blank" for lab in labels)
    page = _page(text, model)
    assert isinstance(page.body, list)


@pytest.mark.parametrize("name", ["line_model.json"])
def test_text_load_missing_model_raises(tmp_path: Path, name: str) -> None:
    with pytest.raises(ModelError):
        load_line_model(tmp_path)


@pytest.mark.parametrize("pid", ["abc"])
def test_text_split_returns_same_page(model: LineModel, pid: str) -> None:
    page = Page(id=pid, source="x.txt")
    assert split_text("Hello world. This is text.", page, Options(), model=model) is page


@pytest.mark.parametrize(("kept", "classes", "expected"), [
    # a headline over two paragraphs that the model read as body: the first line becomes the headline
    (["Springfield council approves road budget", "The council voted 7 to 2 on Tuesday to approve it.",
      "Mayor Anna Keller said the money would fix the streets."], ["body", "body", "body"],
     ["headline", "body", "body"]),
    # a first line that ends a sentence is a paragraph
    (["The council voted on Tuesday.", "Mayor Anna Keller said the money would fix the streets."],
     ["body", "body"], ["body", "body"]),
    # the model found a headline elsewhere: nothing changes
    (["Menu", "Council approves budget", "The council voted 7 to 2 on Tuesday."],
     ["boilerplate", "headline", "body"], ["boilerplate", "headline", "body"]),
    # a lone line, or a first line longer than the paragraph after it, stays body
    (["Council approves budget"], ["body"], ["body"]),
    (["A very long first line that runs on and on about the council and its budget plans", "Short one."],
     ["body", "body"], ["body", "body"]),
    # a first line that is not body (a menu) is left to the model
    (["Home News Sport", "The council voted 7 to 2 on Tuesday."], ["boilerplate", "body"], ["boilerplate", "body"]),
])
def test_first_line_title(kept: list[str], classes: list[str], expected: list[str]) -> None:
    assert first_line_title(kept, classes) == expected


DE_PARAS = ["Am Montagmorgen ist es in der Region zu erheblichen Einschränkungen gekommen.",
            "Nach Angaben eines Sprechers waren mehrere tausend Menschen betroffen.",
            "Die Behörden rechnen damit, dass sich die Lage bis zum Abend entspannt."]


@pytest.mark.parametrize(("kept", "classes", "expected"), [
    # a dateline over the headline: the first body line is the headline
    (["12.03.2024", "Bahnstreik legt Pendlerverkehr lahm", *DE_PARAS], ["boilerplate"] + ["body"] * 4,
     ["boilerplate", "headline"] + ["body"] * 3),
    # a menu line over a headline the model read as boilerplate
    (["Startseite", "Neue Schule in Altona: Bauarbeiten beginnen im Mai", *DE_PARAS],
     ["boilerplate", "boilerplate"] + ["body"] * 3, ["boilerplate", "headline"] + ["body"] * 3),
    # the headline over a menu line: the nearest boilerplate line that reads like a headline
    (["Wetter: Sturmtief bringt Regen und Wind", "Startseite", *DE_PARAS],
     ["boilerplate", "boilerplate"] + ["body"] * 3, ["headline", "boilerplate"] + ["body"] * 3),
    # a headline that opens with a quotation
    (["„Wir brauchen mehr Lehrer“ – Ministerin kündigt Reform an", *DE_PARAS], ["body"] * 4,
     ["headline"] + ["body"] * 3),
    # short menu lines above the article stay boilerplate; so does anything above a body that starts lower
    (["Home", "News Sport Weather", *DE_PARAS], ["boilerplate", "boilerplate"] + ["body"] * 3,
     ["boilerplate", "boilerplate"] + ["body"] * 3),
    (["Home", "Sport", "Weather", "Neue Schule in Altona: Bauarbeiten beginnen im Mai", *DE_PARAS],
     ["boilerplate"] * 4 + ["body"] * 3, ["boilerplate"] * 4 + ["body"] * 3),
])
def test_headline_above_the_first_body_line(kept: list[str], classes: list[str], expected: list[str]) -> None:
    assert first_line_title(kept, classes) == expected


def test_headline_above_the_first_body_line_only_on_short_pages() -> None:
    # synthetic pages of any length often have no headline, with menu lines above the article: past 12 lines
    # only a first line read as body is looked at
    kept = ["Startseite", "Neue Schule in Altona: Bauarbeiten beginnen im Mai", *(DE_PARAS * 4)[:11]]
    classes = ["boilerplate", "body"] + ["body"] * 11
    assert first_line_title(kept, classes) == classes
    assert first_line_title(kept[:12], classes[:12])[1] == "headline"


@pytest.mark.parametrize("extra", [[], ["Weitere Informationen sollen im Laufe des Tages veröffentlicht werden."]])
def test_short_german_page_keeps_its_headline_with_one_more_sentence(model: LineModel, extra: list[str]) -> None:
    # review finding (sessions 15-16): one more body sentence at the end flipped the headline to boilerplate
    title = "Wetter: Sturmtief bringt Regen und Wind"
    paras = [*DE_PARAS, "Kritik kam vor allem von den Verbänden, die eine bessere Planung forderten.", *extra]
    page = split_text("\n".join([title, "Startseite", *paras]), Page(id="de", source="de.txt"), Options(), model=model)
    assert page.title == title
    assert page.body == paras


def test_text_split_reads_a_headline_over_paragraphs_as_the_title(model: LineModel) -> None:
    text = ("Springfield council approves 12 million dollar road budget\n\n"
            "The city council of Springfield voted 7 to 2 on Tuesday to approve a new budget of 12 million dollars "
            "for road repairs.\n\nMayor Anna Keller said the money would fix 40 kilometres of streets before winter. "
            "Opponents argued that the budget ignores public transport.\n")
    page = split_text(text, Page(id="p", source="a.txt"), Options(), model=model)
    assert page.title == "Springfield council approves 12 million dollar road budget"
    assert page.body[0].startswith("The city council")


def test_text_split_takes_author_and_date_from_a_byline_and_a_dateline(model: LineModel) -> None:
    text = ("Heavy snow closes schools across Vermont\nBy Jane Miller, Staff Writer\nJanuary 12, 2021\n\n"
            "More than 200 schools across Vermont closed on Monday as a winter storm dropped up to 60 centimetres "
            "of snow on the state.\n\nThe National Weather Service said more snow was expected on Tuesday, and state "
            "police urged drivers to stay off the roads.\n")
    page = split_text(text, Page(id="p", source="b.txt"), Options(), model=model)
    assert (page.title, page.author, page.published) == ("Heavy snow closes schools across Vermont", "Jane Miller",
                                                         "2021-01-12")
    assert "By Jane Miller, Staff Writer" not in page.headline_variants
