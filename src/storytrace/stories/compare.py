"""Two versions of a story, claim by claim.

Claims of the two versions are aligned by the cosine of their sentence embeddings (greedy one-to-one,
best pairs first, at least ``ALIGN_AT``; a question is never paired with a statement). The two titles are
compared with each other first (:func:`_title_pair`). An aligned pair agrees unless their numbers differ or they count
opposed kinds of thing (a contradiction), or one side denies what the other asserts (only a *possible*
contradiction, kept apart: the denied word must be asserted by the other side and the rest of the two claims
must match, and idioms such as "had no comment" or "had no option but" deny nothing); claims left unaligned
were added (only in the later/derived version) or dropped (only in the base), unless they restate a claim of the
other side that another claim took (``restates``: a rewrite splits and merges sentences). Numbers of the whole
versions are reconciled separately (:mod:`storytrace.stories.reconcile`), so a total split into parts is found even
when the sentences holding them are not aligned.

A page's title is one of its claims (its first: the facts stage reads it as paragraph -1, and pages read without
facts put it first too): a headline is what most readers take away, so a headline that contradicts the other
version is a contradiction ("6000 civilians" in 003's title against 000's sappers and military personnel). Like
any claim, a title of fewer than ``MIN_WORDS`` words ("Dam closes") is not compared.

Accounting: the lists hold pairs, and a claim may be in two of them (it agrees with one claim of the other side
and its numbers contradict another). The per-side counts (``base_agree``, ``base_contradict``, ``base_possible``,
``base_restates``, the same for ``other``) count each compared claim once, in the first of contradict, possible,
agree, restates that holds it; with ``dropped`` / ``added`` they add up to ``base_claims`` / ``other_claims``. An
entry whose claim is counted elsewhere says so (``"counted_in": {"base": "contradict"}``). ``base_restated`` /
``other_restated`` (claims with a counterpart on the other side, what copy and rewrite are decided on) are the
claims less ``dropped`` / ``added``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from storytrace.stories.grouping import word_count
from storytrace.stories.reconcile import (
    Mention,
    changed_numbers,
    mentions,
    nouns_known,
    reconcile,
    said,
    unit_of,
    units_differ,
)
from storytrace.stories.shells import StoryClaim, StoryShell, primary_language
from storytrace.stories.swaps import Version, english_like, entity_swaps, opposite_actions

ALIGN_AT = 0.55  # claim cosine (USE multilingual): paraphrases score 0.6-0.9, same-topic others 0.3-0.5
MIN_WORDS = 4
NUMBER_BONUS = 0.15  # claims stating the same numbers are more likely the same claim
UNPAIRED = -1.0  # the score of two claims never paired (a question and a statement)
# cues of a denial, including a negative subject ("no one is trapped", "nobody trapped", "none were hurt")
NEGATION = re.compile(r"\b(not|no|never|n't|neither|nor|denied|denies|deny|nein|nicht|kein\w*|ne|pas|non|nie|nunca"
                      r"|nobody|no-one|none|nothing|niemand|personne|nadie|nessuno|ningu[nm]\w*)\b|n't\b",
                      re.IGNORECASE)
# negation words that deny nothing the other version could assert: not commenting or responding, "no option but"
NEGATION_IDIOMS = re.compile(
    r"\bno\s+(?:immediate\s+)?(?:comment|response|reply)\b"
    r"|(?:\bnot|n't|\bnever)\s+(?:\w+ly\s+)?(?:comment|respond|reply|return|answer|be\s+reached|available)\w*"
    r"|\bno\s+(?:option|choice|alternative)\s+but\b|\bnot\s+only\b|\bno\s+(?:doubt|wonder)\b", re.IGNORECASE)
# words between a negation and what it denies ("was not yet fully repaired")
_NEGATION_FILLER = {"be", "been", "being", "is", "was", "were", "are", "have", "has", "had", "do", "does", "did", "a",
                    "an", "the", "to", "yet", "ever", "even", "really", "fully", "any", "longer", "so", "as", "that",
                    "very", "all", "at", "one", "of", "it", "they", "he", "she", "we", "i", "you"}
_WORD = re.compile(r"[^\W\d_]{3,}")
NEGATION_OVERLAP_AT = 0.5  # share of the shorter claim's content words the two claims must share
# a denial reads less alike its assertion than a paraphrase does ("people are trapped" / "no one is trapped"):
# a claim left unaligned that denies one left unaligned on the other side is paired at this lower cosine
DENIAL_PAIR_AT = 0.35
# two titles of one story report one event: they are compared with each other at this lower cosine too (a
# denial's bar: the same claim told differently), and paired there when they contradict
TITLE_PAIR_AT = DENIAL_PAIR_AT


def usable(claims: list[StoryClaim]) -> list[int]:
    """Indices of the claims worth comparing (long enough to say something)."""
    return [k for k, c in enumerate(claims) if word_count(c.text) >= MIN_WORDS]


def align(score: np.ndarray, threshold: float = ALIGN_AT) -> list[tuple[int, int, float]]:
    """(row, column, score) of the aligned claims: best pairs first, each row and column used once, at
    ``threshold`` or above."""
    if score.size == 0:
        return []
    rows, cols = np.nonzero(score >= threshold)
    candidates = sorted(zip(score[rows, cols].tolist(), rows.tolist(), cols.tolist(), strict=True),
                        key=lambda t: (-t[0], t[1], t[2]))
    return sorted(_one_to_one(candidates), key=lambda t: t[1])


def _one_to_one(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """(row, column, score) of the ``candidates`` (score, row, column), taken in their order, each row and
    column once."""
    out, used_rows, used_cols = [], set(), set()
    for value, r, c in candidates:
        if r not in used_rows and c not in used_cols:
            out.append((r, c, float(value)))
            used_rows.add(r)
            used_cols.add(c)
    return out


def is_question(text: str) -> bool:
    """The claim asks rather than states: it ends with a question mark (before closing quotes)."""
    return text.rstrip().rstrip("\"'»«”“’)]").endswith(("?", "？", "؟"))


def pair_scores(base: list[StoryClaim], other: list[StoryClaim], base_vectors: np.ndarray,
                other_vectors: np.ndarray, *, nouns: bool = True) -> np.ndarray:
    """Cosine of the claims, plus ``NUMBER_BONUS`` where their numbers reconcile (same value or a sum)."""
    score = base_vectors @ other_vectors.T
    for i, b in enumerate(base):
        for j, o in enumerate(other):
            if is_question(b.text) != is_question(o.text):
                score[i, j] = UNPAIRED  # a question neither agrees with nor denies a statement
            elif b.quantities and o.quantities and _numbers_meet(b, o, nouns):
                score[i, j] += NUMBER_BONUS
    return score


def compare(base: StoryShell, other: StoryShell, base_vectors: np.ndarray, other_vectors: np.ndarray) -> dict[str, Any]:
    """The claim-by-claim comparison of ``other`` against ``base``.

    ``*_vectors`` hold one embedding row per claim of each shell (in claim order).
    """
    b_keep, o_keep = usable(base.claims), usable(other.claims)
    same_language = not (base.language and other.language
                         and primary_language(base.language) != primary_language(other.language))  # en = en-GB
    nouns = same_language and nouns_known(base.language) and nouns_known(other.language)
    if b_keep and o_keep:
        score = pair_scores([base.claims[i] for i in b_keep], [other.claims[j] for j in o_keep],
                            base_vectors[b_keep], other_vectors[o_keep], nouns=nouns)
    else:
        score = np.zeros((len(b_keep), len(o_keep)), dtype=np.float32)
    versions = (_version(base), _version(other)) if nouns else None
    findings = [_judged(base.claims[i], other.claims[j], i, j, value, same_language, nouns, versions)
                for i, j, value in _aligned_pairs(base, other, b_keep, o_keep, score, same_language, nouns, versions)]
    quantities = reconcile(mentions(base.claims), mentions(other.claims), nouns=nouns)
    findings += _quantity_contradictions(quantities, base, other, [f.entry for f in findings])
    # a claim whose numbers contradict the other side has a counterpart there: it is not also "added" / "dropped"
    findings += _denials(score, *_left(findings, b_keep, o_keep), base, b_keep, other, o_keep)
    left_base, left_other = _left(findings, b_keep, o_keep)
    # a rewrite splits and merges sentences: a claim left without a pair of its own may still restate a claim of
    # the other side that took another partner; it is neither added nor dropped
    restates = _restating(score, left_base, left_other, base, b_keep, other, o_keep)
    restating = _restating_claims(restates)
    added = [other.claims[o_keep[c]].text for c in left_other if o_keep[c] not in restating["other"]]
    dropped = [base.claims[b_keep[r]].text for r in left_base if b_keep[r] not in restating["base"]]
    by_bucket = {bucket: [f.entry for f in findings if f.bucket == bucket]
                 for bucket in ("agree", "contradict", "possible")}
    return {
        "base": base.id,
        "other": other.id,
        **by_bucket,  # agree, contradict, possible (negation only: worth a reader's look, not a finding)
        "restates": [f.entry for f in restates],
        "added": added,
        "dropped": dropped,
        "quantities": quantities,
        "counts": {**{bucket: len(entries) for bucket, entries in by_bucket.items()}, "restates": len(restates),
                   "added": len(added), "dropped": len(dropped), "other_claims": len(o_keep),
                   "base_claims": len(b_keep),
                   # claims with a counterpart on the other side (paired, or restating a paired claim): what the
                   # relation (copy, rewrite) is decided on
                   "base_restated": len(b_keep) - len(dropped), "other_restated": len(o_keep) - len(added),
                   **_tallies([*findings, *restates], b_keep, o_keep)},
    }


def _left(findings: list[_Finding], b_keep: list[int], o_keep: list[int]) -> tuple[list[int], list[int]]:
    """Positions (in ``b_keep`` / ``o_keep``) of the compared claims no entry holds yet."""
    held_base = {i for f in findings for i in f.base}
    held_other = {j for f in findings for j in f.other}
    return ([r for r, i in enumerate(b_keep) if i not in held_base],
            [c for c, j in enumerate(o_keep) if j not in held_other])


def _denials(score: np.ndarray, left_base: list[int], left_other: list[int], base: StoryShell, b_keep: list[int],
             other: StoryShell, o_keep: list[int]) -> list[_Finding]:
    """Claims left unpaired where one denies what the other states (:func:`_denial_pairs`): possible contradictions."""
    return [_Finding("possible", (b_keep[r],), (o_keep[c],), {
        "base": base.claims[b_keep[r]].text, "other": other.claims[o_keep[c]].text, "score": round(value, 3),
        "reasons": [NEGATION_REASON]})
        for r, c, value in _denial_pairs(score, left_base, left_other, [base.claims[i] for i in b_keep],
                                         [other.claims[j] for j in o_keep])]


def _restating_claims(restates: list[_Finding]) -> dict[str, set[int]]:
    """Per side, the claims that restate a claim of the other side (each entry's ``side`` says whose claim it is)."""
    out: dict[str, set[int]] = {"base": set(), "other": set()}
    for finding in restates:
        side = finding.entry["side"]
        out[side].update(_held(finding, side))
    return out


@dataclass(slots=True)
class _Finding:
    """One entry of ``agree`` / ``contradict`` / ``possible`` / ``restates``, with the indices of the claims it
    holds on each side (a contradiction of numbers may hold several claims of one side)."""

    bucket: str
    base: tuple[int, ...]
    other: tuple[int, ...]
    entry: dict[str, Any]


# a claim in several entries is counted once per side, in the first of these buckets it is in (one that agrees
# with a claim and contradicts another is counted as contradicting, and its agreement says so)
BUCKETS = ("contradict", "possible", "agree", "restates")
TALLIED = ("agree", "contradict", "possible", "restates")  # the order of the per-side counts


def _tallies(findings: list[_Finding], b_keep: list[int], o_keep: list[int]) -> dict[str, int]:
    """``base_agree``, ``base_contradict``, ``base_possible``, ``base_restates`` and the same for ``other``: each
    compared claim counted once (with ``dropped`` / ``added`` they add up to ``base_claims`` / ``other_claims``).
    An entry whose claim is counted in another bucket gets ``counted_in`` ({"base": "contradict"})."""
    out: dict[str, int] = {}
    for side, keep in (("base", b_keep), ("other", o_keep)):
        bucket_of = _first_buckets(findings, side, set(keep))
        for finding in findings:
            elsewhere = {bucket_of.get(k) for k in _held(finding, side)} - {finding.bucket, None}
            if elsewhere:
                finding.entry.setdefault("counted_in", {})[side] = min(elsewhere, key=BUCKETS.index)
        out |= {f"{side}_{b}": sum(1 for v in bucket_of.values() if v == b) for b in TALLIED}
    return out


def _first_buckets(findings: list[_Finding], side: str, keep: set[int]) -> dict[int, str]:
    """Claim -> the first of ``BUCKETS`` an entry holding it is in, for the compared claims of ``side``."""
    out: dict[int, str] = {}
    for finding in findings:
        for k in _held(finding, side):
            if k in keep and (k not in out or BUCKETS.index(finding.bucket) < BUCKETS.index(out[k])):
                out[k] = finding.bucket
    return out


def _held(finding: _Finding, side: str) -> tuple[int, ...]:
    """The claims of ``side`` an entry counts for (a restating entry only for its restating claim)."""
    if finding.bucket == "restates" and finding.entry["side"] != side:
        return ()
    return finding.base if side == "base" else finding.other


def _aligned_pairs(base: StoryShell, other: StoryShell, b_keep: list[int], o_keep: list[int], score: np.ndarray,
                   same_language: bool, nouns: bool, versions: tuple[Version, Version] | None
                   ) -> list[tuple[int, int, float]]:
    """(base claim, other claim, score) of the aligned claims, in the other side's order: the two titles first
    (:func:`_title_pair`), then the rest one to one."""
    titles = _title_pair(base, other, b_keep, o_keep, score, same_language, nouns, versions)
    rest = score
    if titles:
        rest = score.copy()
        rest[titles[0], :] = UNPAIRED
        rest[:, titles[1]] = UNPAIRED
    return [(b_keep[r], o_keep[c], s) for r, c, s in sorted([*([titles] if titles else []), *align(rest)],
                                                             key=lambda t: t[1])]


def _judged(b: StoryClaim, o: StoryClaim, i: int, j: int, value: float, same_language: bool, nouns: bool,
            versions: tuple[Version, Version] | None) -> _Finding:
    """An aligned pair: it agrees, contradicts, or possibly contradicts (a negation only)."""
    entry = {"base": b.text, "other": o.text, "score": round(value, 3)}
    if reasons := contradictions(b, o, same_language=same_language, nouns=nouns, versions=versions):
        return _Finding("possible" if reasons == [NEGATION_REASON] else "contradict", (i,), (j,),
                        entry | {"reasons": reasons})
    return _Finding("agree", (i,), (j,), entry | ({"notes": notes} if (notes := _shifts(b, o)) else {}))


def _restating(score: np.ndarray, left_base: list[int], left_other: list[int], base: StoryShell, b_keep: list[int],
               other: StoryShell, o_keep: list[int]) -> list[_Finding]:
    """The claims left without a pair that still have a close counterpart (``ALIGN_AT``) on the other side, which
    another claim took: ``side`` names the restating claim's side."""
    out = []
    for side, rows, matrix in (("base", left_base, score), ("other", left_other, score.T)):
        for r in rows:
            c = int(matrix[r].argmax()) if matrix.shape[1] else None
            if c is None or matrix[r, c] < ALIGN_AT:
                continue
            i, j = (b_keep[r], o_keep[c]) if side == "base" else (b_keep[c], o_keep[r])
            out.append(_Finding("restates", (i,), (j,), {"side": side, "base": base.claims[i].text,
                                                         "other": other.claims[j].text,
                                                         "score": round(float(matrix[r, c]), 3)}))
    return out


def _version(shell: StoryShell) -> Version:
    """The words of a whole version (title, body, claims): where a name of the other version is looked up."""
    return Version.of("\n".join([shell.full_text, *(c.text for c in shell.claims)]))


def _title_pair(base: StoryShell, other: StoryShell, b_keep: list[int], o_keep: list[int], score: np.ndarray,
                same_language: bool, nouns: bool, versions: tuple[Version, Version] | None = None
                ) -> tuple[int, int, float] | None:
    """(row, column, score) of the two titles when they are compared with each other: two titles of one story
    report one event, so they are paired when they read alike (``ALIGN_AT``) or, at ``TITLE_PAIR_AT`` or above,
    when they contradict ("30 Boeing 787 jets" vs "40 Boeing Dreamliners") though reading less alike."""
    r, c = _title_index(base, b_keep), _title_index(other, o_keep)
    if r is None or c is None or score[r, c] < TITLE_PAIR_AT:
        return None
    value = float(score[r, c])
    if value >= ALIGN_AT or contradictions(base.claims[b_keep[r]], other.claims[o_keep[c]], same_language=same_language,
                                         nouns=nouns, versions=versions):
        return r, c, value
    return None


def _title_index(shell: StoryShell, keep: list[int]) -> int | None:
    """Position in ``keep`` of the claim that is the page's title."""
    from storytrace.ingest.textkey import repeats_title

    return next((pos for pos, k in enumerate(keep) if repeats_title(shell.claims[k].text, shell.title)), None)


def _denial_pairs(score: np.ndarray, rows: list[int], cols: list[int], base: list[StoryClaim],
                  other: list[StoryClaim]) -> list[tuple[int, int, float]]:
    """(row, column, score) of unaligned claims where one denies what the other states, best first, one-to-one."""
    return _one_to_one(sorted(((float(score[r, c]), r, c) for r in rows for c in cols if score[r, c] >= DENIAL_PAIR_AT
                               and (_denies(base[r], other[c]) or _denies(other[c], base[r]))), reverse=True))


def _quantity_contradictions(quantities: list[dict[str, Any]], base: StoryShell, other: StoryShell,
                             found: list[dict[str, Any]]) -> list[_Finding]:
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
            out.append(_Finding("contradict", tuple(record["base_claims"]), tuple(record["other_claims"]), {
                "base": b, "other": o, "score": None, "reasons": [_number_reason(record)]}))
            said.add((b, o))
    return out


def _number_reason(record: dict[str, Any]) -> str:
    """"1,000 sappers + 5,000 military construction personnel vs 6000 civilians: what is counted differs: ..."."""
    return f"{' + '.join(record['base'])} vs {' + '.join(record['other'])}: {record['reason']}"


def _claims_saying(shell: StoryShell, indices: list[int]) -> str:
    return " … ".join(dict.fromkeys(shell.claims[k].text for k in indices))


def _numbers_meet(base: StoryClaim, other: StoryClaim, nouns: bool = True) -> bool:
    return any(r["relation"] in ("equal", "within", "sum") for r in reconcile(_mentions(base), _mentions(other), nouns=nouns))


NEGATION_REASON = "negation: one version denies what the other states"


def contradictions(base: StoryClaim, other: StoryClaim, *, same_language: bool = True,
                   nouns: bool | None = None, versions: tuple[Version, Version] | None = None) -> list[str]:
    """Why two aligned claims cannot both be true (empty when they agree).

    ``same_language``: False when the two claims come from pages in different languages; ``nouns``: whether
    what numbers count can be compared by its words (by default ``same_language``; see :func:`reconcile`);
    ``versions``: the words of the two whole versions, where a name one claim has and the other lacks is looked
    up (a name the other version states elsewhere is no swap); without them, the two claims alone."""
    nouns = same_language if nouns is None else nouns
    reasons = []
    if _denies(base, other) or _denies(other, base):
        reasons.append(NEGATION_REASON)
    if nouns:  # English (or unknown) on both sides: German capitalises every noun, and the verb table is English
        reasons += _swaps(base, other, versions)
    if base.quantities and other.quantities:
        base_mentions, other_mentions = _mentions(base), _mentions(other)
        reasons += [_number_reason(record) for record in reconcile(base_mentions, other_mentions, nouns=nouns)
                    if record.get("verdict") == "contradict"]
        changed = changed_numbers(base_mentions, other_mentions, same_language=same_language, nouns=nouns)
        other_units = [pair for pair in changed if units_differ(pair[0].quantity, pair[1].quantity)]
        reasons += [_unit_reason(b, o) for b, o in other_units]
        if not _numbers_meet(base, other, nouns):
            own = lambda ms: [m for m in ms if not m.restates]  # "(97 kph)" is its number before it again
            if len(other_units) < max(len(own(base_mentions)), len(own(other_mentions))):  # not all explained by units
                quoted = lambda c: ", ".join(q.text for q in c.quantities if not q.restates)
                reasons.append(f"numbers differ: {quoted(base)} vs {quoted(other)}")
        else:  # one matching number excuses no other: each changed one is a contradiction of its own
            reasons += [f"numbers differ: {said(b)} vs {said(o)}" for b, o in changed
                        if not units_differ(b.quantity, o.quantity)]
    return reasons


def _swaps(base: StoryClaim, other: StoryClaim, versions: tuple[Version, Version] | None) -> list[str]:
    """A name swapped in the same role, and an action reversed in claims that otherwise say the same (one
    with a negation is the negation check's)."""
    if not (english_like(base.text) and english_like(other.text)):  # a page without a language may be German
        return []
    base_version, other_version = versions or (None, None)
    reasons = entity_swaps(base.text, other.text, base_version, other_version)
    if not (_denied_words(base.text) or _denied_words(other.text)):
        reversed_ = opposite_actions(base.text, other.text)
        if reversed_ and _shared_share(base.text, other.text) >= NEGATION_OVERLAP_AT:
            reasons += reversed_
    return reasons


def _shared_share(a: str, b: str) -> float:
    """Share of the shorter text's content words (negations and idioms left out) the two texts share."""
    words_a, words_b = _content_stems(a), _content_stems(b)
    return len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))


def _unit_reason(base: Mention, other: Mention) -> str:
    what = "currency" if base.quantity.kind == "money" else "unit"
    return (f"{what} differs: {said(base)} ({unit_of(base.quantity)}) vs {said(other)} "
            f"({unit_of(other.quantity)})")


def _mentions(claim: StoryClaim) -> list[Mention]:
    return mentions([claim])


def _denies(claim: StoryClaim, other: StoryClaim) -> bool:
    """``claim`` negates a word that ``other`` asserts without negation, and otherwise says much the same."""
    denied = _denied_words(claim.text)
    if not denied or _denied_words(other.text):
        return False
    return bool(denied & _content_stems(other.text)) and _shared_share(claim.text, other.text) >= NEGATION_OVERLAP_AT


def _denied_words(text: str) -> set[str]:
    """Stems of the words a negation applies to: the first content word after each negation cue."""
    text = NEGATION_IDIOMS.sub(" ", text)
    denied = set()
    for cue in NEGATION.finditer(text):
        following = (w.lower() for w in _WORD.findall(text[cue.end():]))
        word = next((w for w in following if w not in _NEGATION_FILLER), None)
        if word:
            denied.add(_stem(word))
    return denied


def _content_stems(text: str) -> set[str]:
    text = NEGATION_IDIOMS.sub(" ", text)
    return {_stem(w) for w in (w.lower() for w in _WORD.findall(NEGATION.sub(" ", text)))
            if w not in _NEGATION_FILLER}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _shifts(base: StoryClaim, other: StoryClaim) -> list[str]:
    if base.modality != other.modality and "negated" not in (base.modality, other.modality):
        return [f"modality: {base.modality} -> {other.modality}"]
    return []


_SWAP = {"only_base": "only_other", "only_other": "only_base"}
_SWAP_KEYS = {"base": "other", "other": "base", "base_claims": "other_claims", "other_claims": "base_claims"}
_SIDE = {"base": "other", "other": "base"}


def flip(comparison: dict[str, Any]) -> dict[str, Any]:
    """The same comparison seen from the other side (base and other exchanged)."""
    return {
        "base": comparison["other"],
        "other": comparison["base"],
        **{key: [_flipped_entry(e) for e in comparison.get(key, [])]
           for key in ("agree", "contradict", "possible", "restates")},
        "added": comparison["dropped"],
        "dropped": comparison["added"],
        "quantities": [_flipped_entry(q) | {"relation": _SWAP.get(q["relation"], q["relation"])}
                       for q in comparison["quantities"]],
        "counts": {_flipped_count(k): v for k, v in comparison["counts"].items()},
    }


def _flipped_entry(entry: dict[str, Any]) -> dict[str, Any]:
    out = {_SWAP_KEYS.get(k, k): v for k, v in entry.items()}
    if "side" in out:
        out["side"] = _SIDE[out["side"]]
    if "counted_in" in out:
        out["counted_in"] = {_SIDE[side]: bucket for side, bucket in out["counted_in"].items()}
    return out


def _flipped_count(key: str) -> str:
    """``added`` <-> ``dropped``, ``base_*`` <-> ``other_*``."""
    if key in ("added", "dropped"):
        return "dropped" if key == "added" else "added"
    side, _, rest = key.partition("_")
    return f"{_SIDE[side]}_{rest}" if rest and side in _SIDE else key
