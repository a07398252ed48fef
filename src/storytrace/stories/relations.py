"""How two pages of one story relate: a copy, a rewrite of one by the other, or independent coverage.

copy         near-identical text (word 3-shingle Jaccard >= ``COPY_AT``)
rewrite      a derived text: most of its claims align with claims of the other version and most of its
             specifics (names, numbers, and totals of the other's numbers) come from it, and something tells
             which came first (dates, containment, specifics)
independent  the same story told with its own specifics

Two pages in different languages (both known) are told apart by :mod:`storytrace.stories.translation` instead of
shingles and capitalised words: a ``copy`` with ``translation: true`` when their claims align one to one in order
(a translation), a ``rewrite`` with ``translation: true`` when most of the derived version's claims are restated in
the base and its numbers and names come from it (a translated rewrite); the flag is set on copies and rewrites only.

Direction (which is ``based_on``): the earlier publication when both dates are known (by the time of day when
both give one, as instants when both give a zone; else by the day each page writes); else the version
whose specifics are contained in the other's is the derived one; else the one with fewer specifics;
else input order. The rule used is recorded in ``direction``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np

from storytrace.stories import translation
from storytrace.stories.grouping import jaccard, shingles
from storytrace.stories.shells import StoryShell, primary_language, split_sentences

COPY_AT = 0.70
ALIGNED_SHARE_AT = 0.40  # share of the derived version's claims aligned to the base
CONTAINED_AT = 0.60  # share of the derived version's specifics found in the base
CONTAINMENT_MARGIN = 0.10
_CAPITALISED = re.compile(r"(?<=\s)[^\W\d_][\w-]{2,}", re.UNICODE)  # any word but a sentence's first
_POSSESSIVE = re.compile(r"[’']s?$")
_DIGITS = re.compile(r"\d[\d,.\u00a0\u202f ]*\d|\d")


@dataclass(slots=True)
class PairEvidence:
    """What a relation is decided on, for pages ``a`` and ``b`` (a before b in input order)."""

    shingle_jaccard: float
    similarity: float  # lead cosine
    aligned_a: float  # share of a's claims aligned with b's
    aligned_b: float
    contained_a: float  # share of a's specifics found in b
    contained_b: float
    specifics_a: int
    specifics_b: int
    # pages in two languages: how their claims align in order (None for one language); the contained shares above
    # are then the anchors (numbers, names) found
    in_order: translation.Alignment | None = None


def specifics(shell: StoryShell) -> set[str]:
    """Names and numbers a page states: capitalised words not opening a sentence, and digit numbers."""
    text = shell.full_text
    names = {_POSSESSIVE.sub("", m.group(0)).lower() for sentence in _sentences(text)
             for m in _CAPITALISED.finditer(sentence) if m.group(0)[0].isupper()}
    numbers = {_number_key(m.group(0)) for m in _DIGITS.finditer(text)}
    numbers |= {_number_key(str(q.value)) for c in shell.claims for q in c.quantities}
    return names | {n for n in numbers if n}


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in split_sentences(line)]


def _number_key(text: str) -> str:
    digits = re.sub(r"[,\u00a0\u202f ](?=\d{3}\b)", "", text.strip())
    try:
        value = float(digits)
    except ValueError:
        return ""
    return f"#{value:g}"


def containment(a: set[str], b: set[str], totals: set[str] = frozenset()) -> float:
    """Share of ``a`` found in ``b`` (``totals``: numbers of ``a`` that are sums of ``b``'s, counted as found)."""
    return len({x for x in a if x in b or x in totals}) / len(a) if a else 0.0


def languages_differ(a: StoryShell, b: StoryShell) -> bool:
    """Both languages known and not the same (``en`` and ``en-GB`` are one)."""
    return bool(a.language and b.language and primary_language(a.language) != primary_language(b.language))


def evidence(a: StoryShell, b: StoryShell, similarity: float, comparison: dict[str, Any],
             claim_score: np.ndarray | None = None) -> PairEvidence:
    """``comparison``: :func:`storytrace.stories.compare.compare` of ``b`` against ``a``; ``claim_score``: the
    cosines of their usable claims (rows a, columns b), needed for pages in two languages."""
    sums_in_a, sums_in_b = _totals(comparison["quantities"], "base"), _totals(comparison["quantities"], "other")
    counts = comparison["counts"]
    if claim_score is not None and languages_differ(a, b):
        return _evidence_across_languages(a, b, similarity, counts, claim_score, sums_in_a, sums_in_b)
    spec_a, spec_b = specifics(a), specifics(b)
    return PairEvidence(
        shingle_jaccard=jaccard(shingles(a.full_text), shingles(b.full_text)),
        similarity=similarity,
        aligned_a=_restated(counts, "base", "dropped"),
        aligned_b=_restated(counts, "other", "added"),
        contained_a=containment(spec_a, spec_b, sums_in_a),
        contained_b=containment(spec_b, spec_a, sums_in_b),
        specifics_a=len(spec_a),
        specifics_b=len(spec_b),
    )


def _totals(quantities: list[dict[str, Any]], side: str) -> set[str]:
    """Numbers of ``side`` that are the sum of several numbers of the other side (keys of :func:`_number_key`)."""
    return {_number_key(str(r["value"])) for r in quantities if r["relation"] == "sum" and len(r[side]) == 1}


def _evidence_across_languages(a: StoryShell, b: StoryShell, similarity: float, counts: dict[str, int],
                               claim_score: np.ndarray, sums_in_a: set[str], sums_in_b: set[str]) -> PairEvidence:
    """Shingles and capitalised words say nothing across languages: claims aligned in order by the multilingual
    encoder and anchors (numbers, names) stand in. A side with too few anchors counts its restated claims as
    contained."""
    aligned_a, aligned_b = _restated(counts, "base", "dropped"), _restated(counts, "other", "added")
    anchors_a = translation.anchors_found(a, b, sums_in_a)
    anchors_b = translation.anchors_found(b, a, sums_in_b)
    return PairEvidence(
        shingle_jaccard=jaccard(shingles(a.full_text), shingles(b.full_text)),
        similarity=similarity,
        aligned_a=aligned_a,
        aligned_b=aligned_b,
        contained_a=aligned_a if anchors_a is None else anchors_a,
        contained_b=aligned_b if anchors_b is None else anchors_b,
        specifics_a=len(translation.numbers(a)),  # names would favour a language that does not capitalise nouns
        specifics_b=len(translation.numbers(b)),
        in_order=translation.alignment(claim_score),
    )


def _restated(counts: dict[str, int], side: str, unpaired: str) -> float:
    """Share of one side's claims with a counterpart on the other: agreeing, contradicting, possibly contradicting
    or restating a claim another took (several may restate one claim), i.e. all but the added / dropped ones."""
    if f"{side}_restated" in counts:
        return counts[f"{side}_restated"] / max(1, counts[f"{side}_claims"])
    return 1 - counts[unpaired] / max(1, counts[f"{side}_claims"])


def relation(a: StoryShell, b: StoryShell, ev: PairEvidence) -> dict[str, Any]:
    """The relation record for pages ``a`` and ``b``: ``{"type", "page", "based_on", "direction", ...}``."""
    derived, base, direction = _direction(a, b, ev)
    derived_aligned, derived_contained = (ev.aligned_b, ev.contained_b) if derived is b else (ev.aligned_a, ev.contained_a)
    aligned_at = ALIGNED_SHARE_AT if ev.in_order is None else translation.REWRITE_COVER_AT
    if ev.shingle_jaccard >= COPY_AT or (ev.in_order is not None and translation.is_translation(ev.in_order)):
        kind = "copy"
    elif derived_aligned >= aligned_at and derived_contained >= CONTAINED_AT and direction != "input order":
        kind = "rewrite"  # with nothing to tell which came first, two tellings are not called a rewrite
    else:
        kind = "independent"
    record: dict[str, Any] = {"type": kind, "page": derived.id}
    if kind == "independent":
        record["other"] = base.id
    else:
        record["based_on"] = base.id
        record["direction"] = direction
    if ev.in_order is not None and kind != "independent":
        record["translation"] = True
    record["evidence"] = {
        "shingle_jaccard": round(ev.shingle_jaccard, 3), "similarity": round(ev.similarity, 3),
        "aligned_claims": round(derived_aligned, 3), "specifics_contained": round(derived_contained, 3),
    } | ({"aligned_in_order": round(min(ev.in_order.covered_a, ev.in_order.covered_b), 3)} if ev.in_order else {})
    return record


def _direction(a: StoryShell, b: StoryShell, ev: PairEvidence) -> tuple[StoryShell, StoryShell, str]:
    """(derived, base, rule used)."""
    order = _published_order(a.published, b.published)
    if order:
        return (b, a, "date") if order < 0 else (a, b, "date")
    if abs(ev.contained_a - ev.contained_b) >= CONTAINMENT_MARGIN:
        return (b, a, "containment") if ev.contained_b > ev.contained_a else (a, b, "containment")
    if ev.specifics_a != ev.specifics_b:
        return (b, a, "specifics") if ev.specifics_a > ev.specifics_b else (a, b, "specifics")
    return b, a, "input order"


def _published_order(a: str | None, b: str | None) -> int:
    """-1 when ``a`` was published before ``b``, 1 when after, 0 when the dates do not tell. Two times of day are
    compared when both are given (as instants when both carry a zone: "01:00+05:00" is before "22:00+00:00" of the
    day before); otherwise the days the pages write."""
    ta, tb = _timestamp(a), _timestamp(b)
    if ta and tb and (ta.tzinfo is None) == (tb.tzinfo is None):
        return (ta > tb) - (ta < tb)
    da, db = _date(a), _date(b)
    return (da > db) - (da < db) if da and db else 0


def _timestamp(value: str | None) -> datetime | None:
    """The publication time when ``value`` gives one (ISO 8601 with a time of day), else None."""
    if not value or len(value) <= 10:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
