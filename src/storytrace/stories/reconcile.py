"""Numbers across two versions: the same number, a total that is the sum of parts, or no counterpart.

For every number of one version the other version is searched for the same value, else for two or three
numbers that add up to it (parts said in one sentence first). A match then compares what is counted:
"6000 civilians" against "1,000 sappers + 5,000 military construction personnel" agrees on the total and
contradicts on who they are (:mod:`storytrace.stories.counted`).

The same value allows for how numbers are written: within 5 % when either is approximate ("about 1,000" and
1,020), and a number that is the other rounded to its own precision (3.5 % and 3.49 %, $5 million and
$5.4 million; a price in whole units also the other without its cents, $129 and $129.99). Such a pair is marked ``approximately``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from storytrace.stories.counted import classes_of, opposition
from storytrace.stories.shells import StoryClaim, StoryQuantity

MAX_PARTS = 3
MIN_PART = 10  # parts smaller than this make coincidental sums ("2 + 4 = 6")


@dataclass(slots=True, frozen=True)
class Mention:
    quantity: StoryQuantity
    claim: int  # index of the claim that states it


    also: tuple[int, ...] = ()  # other claims repeating the same number of the same thing


def mentions(claims: list[StoryClaim]) -> list[Mention]:
    """One mention per value and counted head noun: "1,000 sappers" repeated as "1,000 North Korean
    sappers" counts once."""
    found: dict[tuple[float, str], Mention] = {}
    for k, claim in enumerate(claims):
        for q in claim.quantities:
            key = (q.value, _head(q.counted))
            if key in found:
                first = found[key]
                found[key] = Mention(first.quantity, first.claim, (*first.also, k))
            else:
                found[key] = Mention(q, k)
    return list(found.values())


def _head(counted: str | None) -> str:
    words = (counted or "").lower().split()
    return words[-1].rstrip("s") if words else ""


def same_value(a: StoryQuantity, b: StoryQuantity) -> bool:
    if a.kind != b.kind or units_differ(a, b):
        return False
    if a.approximate or b.approximate:
        return abs(a.value - b.value) <= 0.05 * max(abs(a.value), abs(b.value))
    return a.value == b.value or _rounded_alike(a, b)


def _rounded_alike(a: StoryQuantity, b: StoryQuantity) -> bool:
    """The finer of the two, rounded to the coarser one's precision, is the coarser one; a price in whole units
    may also be the other cut to them ($129.99 said as $129)."""
    precision_a, precision_b = precision(a), precision(b)
    if precision_a is None or precision_b is None or math.isclose(precision_a, precision_b):
        return False
    (coarse, step), fine = ((a, precision_a), b) if precision_a > precision_b else ((b, precision_b), a)
    units = fine.value / step
    candidates = [math.floor(units + 0.5)]
    if coarse.kind == "money" and math.isclose(step, 1.0):
        candidates.append(math.floor(units + 1e-9))
    return any(math.isclose(k * step, coarse.value, rel_tol=1e-9) for k in candidates)


_DIGITS = re.compile(r"\d(?:[\d,.\u202f\u00a0 ]*\d)?")


def precision(q: StoryQuantity) -> float | None:
    """The step of the last digit ``q.text`` writes, in the unit of ``q.value``: 1 for "1,020", 0.01 for
    "3.49 %", 100,000 for "$5.4 million"; None when the text has no digits to read it from ("twelve")."""
    match = _DIGITS.search(q.text)
    if match is None:
        return None
    digits = re.sub(r"[,.\u202f\u00a0 ](?=\d{3}\b)", "", match.group(0)).replace(",", ".").replace(" ", "")
    try:
        written = float(digits)
    except ValueError:
        return None
    if written == 0:
        return None
    decimals = len(digits.partition(".")[2])
    return abs(q.value / written) * 10.0 ** -decimals  # "million" and the like scale the last digit too


# measure units as news writes them -> one name (a unit not listed is compared by nothing)
_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mi", "miles": "mi", "mi": "mi", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "ft": "ft", "foot": "ft", "feet": "ft", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
    "kilos": "kg", "lb": "lb", "lbs": "lb", "tonne": "t", "tonnes": "t", "ton": "ton", "tons": "ton",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallon": "gal", "gallons": "gal",
    "hectare": "ha", "hectares": "ha", "acre": "acre", "acres": "acre", "°c": "°C", "°f": "°F",
}


def unit_of(q: StoryQuantity) -> str | None:
    """The currency code of an amount of money, or a known measure unit; None when unknown."""
    if not q.unit:
        return None
    if q.kind == "money":
        return q.unit.upper()
    if q.kind == "measure":
        return _UNITS.get(q.unit.lower().split()[0].rstrip(".")) if q.unit.split() else None
    return None


def units_differ(a: StoryQuantity, b: StoryQuantity) -> bool:
    """Both units known and different: 40 million pounds is not 40 million dollars."""
    unit_a, unit_b = unit_of(a), unit_of(b)
    return unit_a is not None and unit_b is not None and unit_a != unit_b


def reconcile(base: list[Mention], other: list[Mention]) -> list[dict[str, Any]]:
    """Every number of either version with its counterpart in the other (or none)."""
    out, matched_base, matched_other = _match(base, other)
    out += [_record("only_base", [b], []) for i, b in enumerate(base) if i not in matched_base]
    out += [_record("only_other", [], [m]) for j, m in enumerate(other) if j not in matched_other]
    return out


def unmatched(base: list[Mention], other: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The numbers of each version with no counterpart (no equal value, no sum) in the other."""
    _, matched_base, matched_other = _match(base, other)
    return ([b for i, b in enumerate(base) if i not in matched_base],
            [m for j, m in enumerate(other) if j not in matched_other])


def changed_numbers(base: list[Mention], other: list[Mention], *,
                    same_language: bool = True) -> list[tuple[Mention, Mention]]:
    """Numbers without a counterpart that stand in the same place on both sides: they count the same thing
    ("injured 40 others" vs "injured 400 others"), or they are the only number of their kind left on each side
    and nothing says they count different things. A matching number elsewhere in the claim excuses none of these.

    ``same_language``: False for a translation, whose words for what is counted cannot be compared."""
    left_base, left_other = unmatched(base, other)
    pairs: list[tuple[Mention, Mention]] = []
    for b in left_base:
        j = next((j for j, o in enumerate(left_other) if o.quantity.kind == b.quantity.kind
                  and _counts_same_thing(b.quantity, o.quantity)), None)
        if j is not None:
            pairs.append((b, left_other.pop(j)))
    paired = {id(b) for b, _ in pairs}
    left_base = [b for b in left_base if id(b) not in paired]
    for kind in dict.fromkeys(b.quantity.kind for b in left_base):
        of_kind_base = [b for b in left_base if b.quantity.kind == kind]
        of_kind_other = [o for o in left_other if o.quantity.kind == kind]
        if len(of_kind_base) == 1 and len(of_kind_other) == 1 and \
                _may_count_same_thing(of_kind_base[0].quantity, of_kind_other[0].quantity, same_language):
            pairs.append((of_kind_base[0], of_kind_other[0]))
    return pairs


def _thing(q: StoryQuantity) -> str:
    """The head of what ``q`` counts, unless that is only its own unit ("40 million pounds": pounds)."""
    if q.counted and f" {q.counted.lower()}" in f" {q.text.lower()}":
        return ""
    return _head(q.counted)


def _counts_same_thing(a: StoryQuantity, b: StoryQuantity) -> bool:
    head_a, head_b = _thing(a), _thing(b)
    if head_a and head_a == head_b:
        return True
    shared = classes_of(a.counted) & classes_of(b.counted)
    return bool(shared) and opposition(classes_of(a.counted), classes_of(b.counted)) is None


def _may_count_same_thing(a: StoryQuantity, b: StoryQuantity, same_language: bool) -> bool:
    if opposition(classes_of(a.counted), classes_of(b.counted)):
        return False  # "12 dead" and "40 injured" are different counts
    head_a, head_b = _thing(a), _thing(b)
    return not (same_language and head_a and head_b and head_a != head_b)


def said(m: Mention) -> str:
    """How a number is quoted in a reason: as written, with what it counts."""
    return _said(m)


def _match(base: list[Mention], other: list[Mention]) -> tuple[list[dict[str, Any]], set[int], set[int]]:
    """Records of the numbers with a counterpart (equal, or a sum) and the indices matched on each side."""
    out: list[dict[str, Any]] = []
    matched_base: set[int] = set()
    matched_other: set[int] = set()
    for j, m in enumerate(other):
        equal = [i for i, b in enumerate(base) if same_value(b.quantity, m.quantity)]
        if equal:
            i = max(equal, key=lambda i: _counted_overlap(base[i].quantity, m.quantity))
            out.append(_record("equal", [base[i]], [m]))
            if base[i].quantity.value != m.quantity.value:
                out[-1]["approximately"] = True
            matched_base.add(i)
            matched_other.add(j)
    for j, m in enumerate(other):
        if j not in matched_other and (parts := _parts_summing_to(m.quantity, base)):
            out.append(_record("sum", [base[i] for i in parts], [m]))
            matched_other.add(j)
            matched_base |= set(parts)
    for i, b in enumerate(base):
        if i not in matched_base and (parts := _parts_summing_to(b.quantity, other)):
            out.append(_record("sum", [b], [other[j] for j in parts]))
            matched_base.add(i)
            matched_other |= set(parts)
    return out, matched_base, matched_other


def _parts_summing_to(target: StoryQuantity, pool: list[Mention]) -> tuple[int, ...] | None:
    """Indices of 2-3 numbers in ``pool`` (distinct values, same kind) adding up to ``target``."""
    candidates = [i for i, m in enumerate(pool)
                  if m.quantity.kind == target.kind and MIN_PART <= m.quantity.value < target.value]
    found: list[tuple[int, ...]] = []
    for size in range(2, MAX_PARTS + 1):
        for combo in combinations(candidates, size):
            values = [pool[i].quantity.value for i in combo]
            if len(set(values)) == size and _sums_to(sum(values), target):
                found.append(combo)
    if not found:
        return None
    # parts stated together (one claim) explain a total better than numbers from far apart
    return min(found, key=lambda c: (len({pool[i].claim for i in c}), len(c)))


def _sums_to(total: float, target: StoryQuantity) -> bool:
    if target.approximate:
        return abs(total - target.value) <= 0.05 * target.value
    return total == target.value


def _counted_overlap(a: StoryQuantity, b: StoryQuantity) -> int:
    words = lambda q: set((q.counted or "").lower().split())
    return len(words(a) & words(b))


def _record(relation: str, base: list[Mention], other: list[Mention]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "relation": relation,
        "base": [_said(m) for m in base],
        "other": [_said(m) for m in other],
        "value": (other or base)[0].quantity.value if relation != "sum" or len(other) == 1 else base[0].quantity.value,
    }
    record["base_claims"] = [m.claim for m in base]
    record["other_claims"] = [m.claim for m in other]
    if base and other:
        record["verdict"], record["reason"] = _verdict(base, other)
    return record


def _verdict(base: list[Mention], other: list[Mention]) -> tuple[str, str | None]:
    """Contradict when a number on one side counts a kind opposed to one it stands for on the other."""
    for a in base:
        for b in other:
            opposed = opposition(classes_of(a.quantity.counted), classes_of(b.quantity.counted))
            if opposed:
                return "contradict", f"what is counted differs: {opposed[0]} vs {opposed[1]}"
    return "agree", None


def _said(m: Mention) -> str:
    """The number as written plus what it counts, unless the text already says it ("5 million dollars")."""
    q = m.quantity
    if not q.counted or f" {q.counted.lower()}" in f" {q.text.lower()}":
        return q.text
    return f"{q.text} {q.counted}"
