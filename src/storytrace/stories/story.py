"""One story group -> its dossier entry: pages, relations and claim comparisons.

Reads the group's shells from a :class:`~storytrace.stories.shell_store.ShellStore`: the full shells of
the (at most ``MAX_COMPARED``) pages it compares, and only the heads of the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

import numpy as np

from storytrace.embeddings import Encoder, embed
from storytrace.records import content_id
from storytrace.stories.compare import compare, flip, usable
from storytrace.stories.grouping import _as_links, _component_labels, _components, day_number, days_apart
from storytrace.stories.relations import evidence, languages_differ, relation
from storytrace.stories.shell_store import ShellStore
from storytrace.stories.shells import StoryShell

MAX_ALL_PAIRS = 8  # larger groups compare each page with the group's central page only
MAX_COMPARED = 50  # pages of one group compared (the nearest to its centre): bounded work for huge groups


def stories_of(store: ShellStore, positions: Sequence[int], vectors: np.ndarray, encoder: Encoder) -> list[dict[str, Any]]:
    """The stories of one group of pages at ``positions`` (in the store), whose lead embeddings are ``vectors``: one,
    or, when some of its pages share a topic but not an event (``same_event``), one per linked part of two or more."""
    similarity = round(_mean_pairwise(vectors), 3)  # first: its temporary matrix is freed before the heads load
    pairs = _pairs(vectors)
    compared = sorted({k for pair in pairs for k in pair})
    full = dict(zip(compared, store.shells([positions[k] for k in compared]), strict=True))
    claim_vectors = _ClaimVectors(encoder)  # a page is in one group only: the cache lives as long as the group
    relations = [_relate(full[i], full[j], float(vectors[i] @ vectors[j]), claim_vectors) for i, j in pairs]
    if len(vectors) <= MAX_ALL_PAIRS:  # every pair compared: the group may part where no pair links an event
        kept = [k for k, ((i, j), r) in enumerate(zip(pairs, relations, strict=True)) if same_event(r, full[i], full[j])]
        parts = _parts(len(vectors), [pairs[k] for k in kept])
        if len(parts) > 1:
            return [_story(store, [positions[k] for k in part], round(_mean_pairwise(vectors[part]), 3),
                           [relations[k] for k in kept if pairs[k][0] in part]) for part in parts if len(part) > 1]
    return [_story(store, positions, similarity, relations)]


def _story(store: ShellStore, positions: Sequence[int], similarity: float,
           relations: list[dict[str, Any]]) -> dict[str, Any]:
    relations = _without_cycles(relations)
    members = store.heads(positions)
    based = {r["page"] for r in relations if "based_on" in r}
    roots = [m for m in members if m.id not in based] or members
    notes = _language_notes(members)
    return {
        "id": content_id("|".join(sorted(m.id for m in members))),
        "title": next((m.title for m in roots if m.title), None) or next((m.title for m in members if m.title), None),
        "languages": sorted({m.language for m in members if m.language}),
        "pages": [{"id": m.id, "title": m.title, "source": m.source, "language": m.language,
                   "published": m.published, "site": m.site} for m in members],
        "similarity": similarity,
        "relations": relations,
    } | ({"compared_pages": MAX_COMPARED} if len(members) > MAX_COMPARED else {}) | ({"notes": notes} if notes else {})


# Two pages whose leads are alike enough to share a story are kept together only when they also look like one event:
# leads closer still, or some of their claims aligned, or one copies the other (session 17; chosen on half of the
# judged real pairs of benchmarks/data/story_pairs_judged.jsonl, see docs/results/stories.md). Pages with fewer claims
# than MIN_CLAIMS (headlines, stubs) are not judged this way.
SAME_EVENT_SIMILARITY = 0.65
SAME_EVENT_ALIGNED = 0.05
MIN_CLAIMS = 3


def same_event(record: dict[str, Any], a: StoryShell, b: StoryShell) -> bool:
    """Whether the relation ``record`` of pages ``a`` and ``b`` looks like one event, not only one topic."""
    if record["type"] == "copy" or "based_on" in record or min(len(a.claims), len(b.claims)) < MIN_CLAIMS:
        return True
    evidence = record["evidence"]
    return evidence["similarity"] >= SAME_EVENT_SIMILARITY or (evidence["aligned_claims"] or 0) >= SAME_EVENT_ALIGNED


def _parts(n: int, links: list[tuple[int, int]]) -> list[list[int]]:
    """The linked parts of ``n`` pages (each a sorted list; unlinked pages alone), in order of their first page:
    the grouping stage's connected components."""
    rows, cols = _as_links(links)
    return [members for _, members in _components(_component_labels(n, rows, cols))]


def _language_notes(members: list[StoryShell]) -> list[str]:
    """Say when a comparison reads a page the English-only extractors did not."""
    others = sorted({m.language for m in members if m.language and m.language.split("-")[0] != "en"})
    if not others:
        return []
    return [(f"pages in {', '.join(others)} are compared on raw sentences: the fact extractors know English "
             "only, so their numbers are read by pattern and their negations by a short word list")]


class _ClaimVectors:
    """Claim embeddings per page, computed once (a page may be compared with several others)."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, shell: StoryShell) -> np.ndarray:
        if shell.id not in self.cache:
            self.cache[shell.id] = embed(self.encoder, [c.text for c in shell.claims]) if shell.claims \
                else np.zeros((0, 0), dtype=np.float32)
        return self.cache[shell.id]


def _mean_pairwise(vectors: np.ndarray) -> float:
    """Mean cosine over distinct pairs, without the n x n matrix: (|sum|^2 - n) / (n (n - 1))."""
    n = len(vectors)
    total = vectors.sum(axis=0)
    return float((total @ total - (vectors * vectors).sum()) / (n * (n - 1)))


def _pairs(vectors: np.ndarray) -> list[tuple[int, int]]:
    n = len(vectors)
    if n <= MAX_ALL_PAIRS:
        return list(combinations(range(n), 2))
    closeness = vectors @ vectors.sum(axis=0)
    order = np.argsort(-closeness).tolist()
    centre, nearest = order[0], order[1:MAX_COMPARED]
    return [(min(i, centre), max(i, centre)) for i in sorted(nearest)]


def _relate(a: StoryShell, b: StoryShell, similarity: float, claim_vectors: _ClaimVectors) -> dict[str, Any]:
    comparison = compare(a, b, claim_vectors(a), claim_vectors(b))
    record = relation(a, b, evidence(a, b, similarity, comparison, _claim_score(a, b, claim_vectors)))
    base_id = record.get("based_on") or record.get("other")
    record["comparison"] = comparison if comparison["base"] == base_id else flip(comparison)
    if record["type"] != "copy" and (why := maybe_other_event(a, b)):
        record["maybe_other_event"] = why
        _withhold_verdicts(record["comparison"], why)
    return record


def _claim_score(a: StoryShell, b: StoryShell, claim_vectors: _ClaimVectors) -> np.ndarray | None:
    """Cosines of the two pages' usable claims, for pages in two languages (what tells a translation); else None."""
    if not languages_differ(a, b):
        return None
    keep_a, keep_b = usable(a.claims), usable(b.claims)
    if not keep_a or not keep_b:
        return np.zeros((len(keep_a), len(keep_b)), dtype=np.float32)
    return claim_vectors(a)[keep_a] @ claim_vectors(b)[keep_b].T


def maybe_other_event(a: StoryShell, b: StoryShell) -> str | None:
    """Why two pages of one topic may report different events (their claims are then not compared), or None:
    publication dates more than ``MAX_DAYS_APART`` days apart (grouping does not link such pages by their
    leads, but a third page or a shared text may keep them in one group).

    Disjoint resolved countries are not used: on SemEval en-en pairs they were as frequent among same-story
    pairs (5 of 51) as among others (9 of 101)."""
    days = np.array([day_number(a.published), day_number(b.published)], dtype=np.int64)
    if days_apart(days, np.array([0]), np.array([1]))[0]:
        return f"same topic, maybe another event: published {abs(int(days[0] - days[1]))} days apart"
    return None


def _withhold_verdicts(comparison: dict[str, Any], why: str) -> None:
    """Claims of two possibly different events neither agree nor contradict: the verdicts are left out."""
    comparison["not_compared"] = why
    comparison["agree"], comparison["contradict"], comparison["possible"] = [], [], []
    comparison["quantities"] = [{k: v for k, v in q.items() if k not in ("verdict", "reason")}
                                for q in comparison["quantities"]]
    counts = comparison["counts"]
    for side in ("base", "other"):  # the claims those verdicts held are still counted once, as not judged
        judged = [f"{side}_{bucket}" for bucket in ("agree", "contradict", "possible") if f"{side}_{bucket}" in counts]
        counts[f"{side}_not_judged"] = sum(counts[key] for key in judged)
        counts |= dict.fromkeys(judged, 0)
    counts |= {"agree": 0, "contradict": 0, "possible": 0}


def _without_cycles(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A page based on another cannot be, through a chain, the other's source: weaker links turn independent."""
    strength = lambda r: (r["type"] == "copy", r["evidence"]["shingle_jaccard"], r["evidence"]["similarity"])
    sources: dict[str, set[str]] = {}
    for record in sorted((r for r in relations if "based_on" in r), key=strength, reverse=True):
        page, base = record["page"], record["based_on"]
        if page in _ancestors(base, sources):
            record["type"], record["other"] = "independent", record.pop("based_on")
            record.pop("direction", None)
            continue
        sources.setdefault(page, set()).add(base)
    return relations


def _ancestors(page: str, sources: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = [page]
    while stack:
        for base in sources.get(stack.pop(), ()):
            if base not in seen:
                seen.add(base)
                stack.append(base)
    return seen | {page}
