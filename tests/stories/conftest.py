"""Shared fixtures: one real encoder per test process (USE multilingual, ~2 s to load once)."""

from __future__ import annotations

import pytest

from storytrace.embeddings import load_encoder
from storytrace.records import Page
from storytrace.stories.shells import StoryClaim, StoryQuantity, StoryShell, shell_of


@pytest.fixture(scope="session")
def encoder():
    return load_encoder()


def page(pid: str, title: str, *paragraphs: str, published: str | None = None, language: str = "en") -> Page:
    """A page with a 16-hex id (``pid`` is repeated to length)."""
    return Page(id=(pid * 16)[:16], source=f"{pid}.html", title=title, body=list(paragraphs), published=published,
                language=language)


def shell(pid: str, title: str, *paragraphs: str, **kwargs) -> StoryShell:
    return shell_of(page(pid, title, *paragraphs, **kwargs))


def claim(text: str, *quantities: tuple[float, str | None], modality: str = "asserted") -> StoryClaim:
    return StoryClaim(text=text, modality=modality,
                      quantities=[StoryQuantity(text=f"{v:,.0f}", value=v, counted=c) for v, c in quantities])


def compare_shells(encoder, base: StoryShell, other: StoryShell) -> dict:
    """The claim comparison of two shells, their claims embedded as the stories stage does."""
    from storytrace.embeddings import embed
    from storytrace.stories.compare import compare

    vectors = lambda s: embed(encoder, [c.text for c in s.claims])
    return compare(base, other, vectors(base), vectors(other))
