"""Stories stage: pages about the same event grouped (in any language), copies and rewrites found, and
each pair of versions compared claim by claim.

Reads :class:`~storytrace.stories.shells.StoryShell` records (made from pages by :func:`shell_of`;
:class:`StoryPages` collects them one at a time and keeps per page only a lead embedding and a MinHash
signature in memory); writes ``dossier.stories``, one dict per group of two or more pages::

    {"id", "title", "languages", "pages": [{"id", "title", "source", "language", "published", "site"}],
     "relations": [{"type": "copy" | "rewrite", "page", "based_on", "direction", "evidence",
                    "comparison", "translation"?} | {"type": "independent", "page", "other", "evidence", "comparison"}],
     "notes": [...]}  # only when a page was compared on raw sentences (not English)

A copy or rewrite in another language than its source carries ``"translation": true``
(:mod:`storytrace.stories.translation`: claims aligned in order by the multilingual encoder, numbers and names as
anchors). ``comparison`` (:func:`storytrace.stories.compare.compare`) lists the claims that agree, contradict
(numbers, currencies, units or counted kinds, with reasons), possibly contradict (negation only), were added
or dropped, claims that restate one another claim took (``restates``), and every number reconciled (equal, a sum of
parts, or alone). A page's title is its first claim. Each claim is in at most one aligned pair (the two titles are
compared with each other first; a question is never paired with a statement); its ``counts`` count each claim once
per side (``base_agree`` ... ``base_restates`` + ``dropped`` = ``base_claims``) and give ``base_restated`` /
``other_restated``, the claims with a counterpart on the other side (what copy and rewrite are decided on: all
but the dropped / added ones). A relation between pages that may
report different events of one kind (published more than 30 days apart, kept together by a third page) carries
``"maybe_other_event": "<why>"``; its comparison then has ``"not_compared"`` and no verdicts.

Usage::

    from storytrace.stories import find_stories, load_encoder, shell_of
    stories = find_stories([shell_of(p) for p in pages], encoder=load_encoder())

    # streaming, in bounded memory per page: shells spilled to a file, read back one group at a time
    pages = StoryPages(load_encoder, SpilledShellStore(tmp_dir / "shells.sqlite"))
    for page in stream: pages.add(shell_of(page))
    stories = pages.stories(); pages.close()
"""

from __future__ import annotations

from typing import Any

from storytrace.embeddings import Encoder, load_encoder
from storytrace.stories.collect import StoryPages
from storytrace.stories.grouping import SAME_STORY_AT
from storytrace.stories.shell_store import MemoryShellStore, SpilledShellStore
from storytrace.stories.shells import StoryShell, shell_of

__all__ = ["MemoryShellStore", "SpilledShellStore", "StoryPages", "StoryShell", "find_stories", "load_encoder",
           "shell_of"]


def find_stories(shells: list[StoryShell], *, encoder: Encoder, threshold: float = SAME_STORY_AT) -> list[dict[str, Any]]:
    """Story groups of two or more pages, with relations and claim comparisons, in input order."""
    pages = StoryPages(lambda: encoder)
    for shell in shells:
        pages.add(shell)
    if pages.error is not None:
        raise pages.error
    return pages.stories(threshold)
