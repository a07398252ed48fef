"""Two versions of a story, claim by claim.

Claims of the two versions are aligned by the cosine of their sentence embeddings (greedy one-to-one,
best pairs first, at least ``ALIGN_AT``). An aligned pair agrees unless one side negates what the other
asserts, or their numbers differ, or they count opposed kinds of thing; claims left unaligned were added
(only in the later/derived version) or dropped (only in the base). Numbers of the whole versions are
reconciled separately (:mod:`storytrace.stories.reconcile`), so a total split into parts is found even
when the sentences holding them are not aligned.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from storytrace.stories.reconcile import Mention, mentions, reconcile
from storytrace.stories.shells import StoryClaim, StoryShell

ALIGN_AT = 0.55  # claim cosine (USE multilingual): paraphrases score 0.6-0.9, same-topic others 0.3-0.5
MIN_WORDS = 4
NUMBER_BONUS = 0.15  # claims stating the same numbers are more likely the same claim
NEGATION = re.compile(r"\b(not|no|never|n't|neither|nor|denied|denies|deny|nein|nicht|kein\w*|ne|pas|non|nie|nunca)\b|n't\b",
                      re.IGNORECASE)


def usable(claims: list[StoryClaim]) -> list[int]:
    """Indices of the claims worth comparing (long enough to say something)."""
    return [k for k, c in enumerate(claims) if len(c.text.split()) >= MIN_WORDS]


def align(score: np.ndarray, threshold: float = ALIGN_AT) -> list[tuple[int, int, float]]:
    """(row, column, score) for each column's best row at ``threshold`` or above.

    Many-to-one on purpose: a rewrite splits and merges sentences, so two of its claims may restate one.
    """
    if score.size == 0:
        return []
    best = score.argmax(axis=0)
    return [(int(best[c]), c, float(score[best[c], c])) for c in range(score.shape[1]) if score[best[c], c] >= threshold]


def pair_scores(base: list[StoryClaim], other: list[StoryClaim], base_vectors: np.ndarray,
                other_vectors: np.ndarray) -> np.ndarray:
    """Cosine of the claims, plus ``NUMBER_BONUS`` where their numbers reconcile (same value or a sum)."""
    score = base_vectors @ other_vectors.T
    for i, b in enumerate(base):
        for j, o in enumerate(other):
            if b.quantities and o.quantities and _numbers_meet(b, o):
                score[i, j] += NUMBER_BONUS
    return score


def compare(base: StoryShell, other: StoryShell, base_vectors: np.ndarray, other_vectors: np.ndarray) -> dict[str, Any]:
    """The claim-by-claim comparison of ``other`` against ``base``.

    ``*_vectors`` hold one embedding row per claim of each shell (in claim order).
    """
    b_keep, o_keep = usable(base.claims), usable(other.claims)
    if b_keep and o_keep:
        score = pair_scores([base.claims[i] for i in b_keep], [other.claims[j] for j in o_keep],
                            base_vectors[b_keep], other_vectors[o_keep])
    else:
        score = np.zeros((len(b_keep), len(o_keep)), dtype=np.float32)
    pairs = [(b_keep[r], o_keep[c], s) for r, c, s in align(score)]
    agree, contradict = [], []
    for i, j, value in pairs:
        b, o = base.claims[i], other.claims[j]
        entry = {"base": b.text, "other": o.text, "score": round(value, 3)}
        if reasons := contradictions(b, o):
            contradict.append(entry | {"reasons": reasons})
        else:
            agree.append(entry | ({"notes": notes} if (notes := _shifts(b, o)) else {}))
    quantities = reconcile(mentions(base.claims), mentions(other.claims))
    contradict += _quantity_contradictions(quantities, base, other, contradict)
    kept_base = score.max(axis=1) >= ALIGN_AT if score.size else np.zeros(len(b_keep), dtype=bool)
    added = [other.claims[j].text for j in o_keep if j not in {p[1] for p in pairs}]
    dropped = [base.claims[i].text for r, i in enumerate(b_keep) if not kept_base[r]]
    return {
        "base": base.id,
        "other": other.id,
        "agree": agree,
        "contradict": contradict,
        "added": added,
        "dropped": dropped,
        "quantities": quantities,
        "counts": {"agree": len(agree), "contradict": len(contradict), "added": len(added), "dropped": len(dropped),
                   "other_claims": len(o_keep), "base_claims": len(b_keep)},
    }


def _quantity_contradictions(quantities: list[dict[str, Any]], base: StoryShell, other: StoryShell,
                             found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Numbers that contradict although their sentences were not aligned (a total in a headline, parts
    in the body)."""
    said = {(e["base"], e["other"]) for e in found}
    out = []
    for record in quantities:
        if record.get("verdict") != "contradict":
            continue
        b = _claims_saying(base, record["base_claims"])
        o = _claims_saying(other, record["other_claims"])
        if (b, o) not in said:
            out.append({"base": b, "other": o, "score": None, "reasons": [
                f"{' + '.join(record['base'])} vs {' + '.join(record['other'])}: {record['reason']}"]})
            said.add((b, o))
    return out


def _claims_saying(shell: StoryShell, indices: list[int]) -> str:
    return " … ".join(dict.fromkeys(shell.claims[k].text for k in indices))


def _numbers_meet(base: StoryClaim, other: StoryClaim) -> bool:
    return any(r["relation"] in ("equal", "sum") for r in reconcile(_mentions(base), _mentions(other)))


def contradictions(base: StoryClaim, other: StoryClaim) -> list[str]:
    """Why two aligned claims cannot both be true (empty when they agree)."""
    reasons = []
    if _negated(base) != _negated(other):
        reasons.append("negation: one version denies what the other states")
    if base.quantities and other.quantities:
        for record in reconcile(_mentions(base), _mentions(other)):
            if record.get("verdict") == "contradict":
                reasons.append(f"{' + '.join(record['base'])} vs {' + '.join(record['other'])}: {record['reason']}")
        if not _numbers_meet(base, other):
            said = lambda c: ", ".join(q.text for q in c.quantities)
            reasons.append(f"numbers differ: {said(base)} vs {said(other)}")
    return reasons


def _mentions(claim: StoryClaim) -> list[Mention]:
    return mentions([claim])


def _negated(claim: StoryClaim) -> bool:
    return claim.modality == "negated" or bool(NEGATION.search(claim.text))


def _shifts(base: StoryClaim, other: StoryClaim) -> list[str]:
    if base.modality != other.modality and "negated" not in (base.modality, other.modality):
        return [f"modality: {base.modality} -> {other.modality}"]
    return []


_SWAP = {"only_base": "only_other", "only_other": "only_base"}
_SWAP_KEYS = {"base": "other", "other": "base", "base_claims": "other_claims", "other_claims": "base_claims"}


def flip(comparison: dict[str, Any]) -> dict[str, Any]:
    """The same comparison seen from the other side (base and other exchanged)."""
    swap_pair = lambda e: {_SWAP_KEYS.get(k, k): v for k, v in e.items()}
    counts = comparison["counts"]
    return {
        "base": comparison["other"],
        "other": comparison["base"],
        "agree": [swap_pair(e) for e in comparison["agree"]],
        "contradict": [swap_pair(e) for e in comparison["contradict"]],
        "added": comparison["dropped"],
        "dropped": comparison["added"],
        "quantities": [swap_pair(q) | {"relation": _SWAP.get(q["relation"], q["relation"])}
                       for q in comparison["quantities"]],
        "counts": counts | {"added": counts["dropped"], "dropped": counts["added"],
                            "base_claims": counts["other_claims"], "other_claims": counts["base_claims"]},
    }
