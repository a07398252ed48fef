"""Numbers across two versions: the same number, a total that is the sum of parts, or no counterpart.

For every number of one version the other version is searched for the same value (or, for a range, a number
inside it: relation ``within``), else for two or three numbers that add up to it (parts said in one sentence
first). A match then compares what is counted:
"6000 civilians" against "1,000 sappers + 5,000 military construction personnel" agrees on the total and
contradicts on who they are (:mod:`storytrace.stories.counted`).

Numbers match only when alike (:func:`alike`): of one kind and unit dimension ("60 mph" is no distance, "82 kWh"
no count; miles are not converted to km), and counting one kind of thing ("four cylinders" are not "four doors");
a sum adds only parts alike each other and the total.

The same value allows for how numbers are written: within 5 % when either is approximate ("about 1,000" and
1,020; a bound only on its own side: "as many as 80" is not 82), and a number that is the other rounded to its own precision (3.5 % and 3.49 %, $5 million and
$5.4 million; a price in whole units also the other without its cents, $129 and $129.99). Such a pair is marked ``approximately``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from storytrace.stories.counted import classes_of, is_people, opposition, singular, synonyms
from storytrace.stories.shells import StoryClaim, StoryQuantity, primary_language

MAX_PARTS = 3
MIN_PART = 10  # parts smaller than this make coincidental sums ("2 + 4 = 6")


@dataclass(slots=True, frozen=True)
class Mention:
    quantity: StoryQuantity
    claim: int  # index of the claim that states it
    also: tuple[int, ...] = ()  # other claims repeating the same number of the same thing

    @property
    def restates(self) -> bool:
        """A conversion of the number before it ("(97 kph)"): it may match the other version, never stands alone."""
        return self.quantity.restates


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


def same_value(a: StoryQuantity, b: StoryQuantity, nouns: bool = True) -> bool:
    """The same number, or one inside the range the other gives ("1,200 workers" and "1,000 to 1,500 workers")."""
    if not alike(a, b, nouns):
        return False
    if a.is_range or b.is_range:
        return _ranges_meet(a, b)
    if a.value == b.value or _rounded_alike(a, b):
        return True
    if a.approximate or b.approximate:
        return abs(a.value - b.value) <= 0.05 * max(abs(a.value), abs(b.value)) and _within_bound(a, b) \
            and _within_bound(b, a)
    return False


def _ranges_meet(a: StoryQuantity, b: StoryQuantity) -> bool:
    """Two ranges with the same ends, or a number inside a range (ends included; an approximate number may lie
    within 5 % outside it)."""
    if a.is_range and b.is_range:
        return math.isclose(a.low, b.low, rel_tol=1e-9) and math.isclose(a.high, b.high, rel_tol=1e-9)
    span, number = (a, b) if a.is_range else (b, a)
    slack = 0.05 * abs(number.value) if number.approximate else 0.0
    return span.low - slack <= number.value <= span.high + slack


def _within_bound(a: StoryQuantity, b: StoryQuantity) -> bool:
    """``b`` is on the side ``a`` allows when ``a`` is a bound and ``b`` a value: "as many as 80" is not 82."""
    if a.bound is None or b.bound is not None:
        return True
    return b.value <= a.value if a.bound == "upper" else b.value >= a.value


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


# measure units as news writes them -> one name (a unit not listed is compared by its spelling)
_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mi", "miles": "mi", "mi": "mi", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "ft": "ft", "foot": "ft", "feet": "ft", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
    "kilos": "kg", "lb": "lb", "lbs": "lb", "tonne": "t", "tonnes": "t", "ton": "ton", "tons": "ton",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallon": "gal", "gallons": "gal",
    "hectare": "ha", "hectares": "ha", "acre": "acre", "acres": "acre", "°c": "°C", "°f": "°F",
    "inch": "in", "inches": "in", "cm": "cm", "mm": "mm", "mph": "mph", "kph": "km/h", "km/h": "km/h",
    "kmh": "km/h", "knot": "kn", "knots": "kn", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "kw": "kW", "mw": "MW",
    "gw": "GW", "hp": "hp", "horsepower": "hp", "bhp": "hp", "cc": "cc",
} | {word: unit for unit, words in {  # the same units in German, French, Spanish, Italian, Polish, Russian
    "m": "meter metern mètre mètres metro metros metri metrów metry метр метра метров метрах",
    "km": "kilometer kilometern kilomètre kilomètres kilómetro kilómetros chilometro chilometri kilometrów "
          "kilometry километр километра километров километрах",
    "mm": "millimetre millimetres millimeters millimeter millimetern millimètre millimètres milímetro milímetros millimetri milimetrów миллиметр "
          "миллиметра миллиметров",
    "cm": "centimetre centimetres centimeter centimeters zentimeter zentimetern centimètre centimètres centímetro centímetros centimetri сантиметр сантиметра "
          "сантиметров",
    "kg": "kilogramm kilogramme kilogrammes kilogramo kilogramos chilogrammi килограмм килограмма килограммов",
    "t": "tonnen tonelada toneladas tonnellate тонн тонны тонна",
    "ha": "hektar hektaren hectárea hectáreas ettari гектар гектара гектаров",
    "l": "liter litern litre litres litro litros litri литр литра литров",
}.items() for word in words.split()}
# what a unit measures: units of one dimension are still unequal (the code converts none), units of two never
# add up nor stand for each other ("60 mph" is no distance)
_DIMENSION = {
    "km": "length", "mi": "length", "m": "length", "ft": "length", "in": "length", "cm": "length", "mm": "length",
    "kg": "mass", "lb": "mass", "t": "mass", "ton": "mass", "l": "volume", "gal": "volume", "cc": "volume",
    "ha": "area", "acre": "area", "°C": "temperature", "°F": "temperature", "mph": "speed", "km/h": "speed",
    "kn": "speed", "kWh": "energy", "MWh": "energy", "GWh": "energy", "kW": "power", "MW": "power", "GW": "power",
    "hp": "power",
}


def _unit_word(phrase: str | None) -> str | None:
    """The unit a phrase starts with ("miles", "kWh", "horsepower electric motor", "miles per gallon"), named
    as in :data:`_UNITS`; a rate ("per", "/") is a unit of its own, spelt out."""
    words = (phrase or "").lower().split()
    if not words:
        return None
    if len(words) >= 3 and words[1] == "per":
        return " ".join(words[:3])
    first = words[0].rstrip(".")
    if first in _UNITS:
        return _UNITS[first]
    return first if "/" in first else None


def measure_kind(q: StoryQuantity) -> str:
    """The kind of ``q``, a count of a unit word ("82 kWh" counted as "kWh") read as a measure."""
    if q.kind == "count" and _unit_word(q.counted) is not None:
        return "measure"
    return q.kind


def unit_of(q: StoryQuantity) -> str | None:
    """The currency code of an amount of money, or a measure's unit (its spelling when not listed); None when
    unknown."""
    if q.kind == "money":
        return q.unit.upper() if q.unit else None
    if measure_kind(q) == "measure":
        return _unit_word(q.unit) or (q.unit.lower().split()[0].rstrip(".") if q.unit and q.unit.split() else None) \
            or _unit_word(q.counted)
    return None


def units_differ(a: StoryQuantity, b: StoryQuantity) -> bool:
    """Both units known and different: 40 million pounds is not 40 million dollars, 20 km not 20 miles."""
    unit_a, unit_b = unit_of(a), unit_of(b)
    return unit_a is not None and unit_b is not None and unit_a != unit_b


def dimensions_differ(a: StoryQuantity, b: StoryQuantity) -> bool:
    """Both measure something known, and not the same thing: a speed and a distance, an energy and a count."""
    if measure_kind(a) != measure_kind(b):
        return True
    unit_a, unit_b = unit_of(a), unit_of(b)
    if unit_a is None or unit_b is None or measure_kind(a) != "measure":
        return False
    return _DIMENSION.get(unit_a, unit_a) != _DIMENSION.get(unit_b, unit_b)


def nouns_known(language: str | None) -> bool:
    """The word lists telling what is counted (people, synonyms) cover ``language`` (English; unknown is read as
    English): elsewhere two counts naming different nouns may still count one thing ("Pioniere", "Helfer")."""
    return primary_language(language, "en") == "en"


def alike(a: StoryQuantity, b: StoryQuantity, nouns: bool = True) -> bool:
    """Two numbers that may stand for each other: of one kind, in one unit (when both are known), counting
    one kind of thing (the same head noun, synonyms, or people both) when both say what they count."""
    if measure_kind(a) != measure_kind(b) or units_differ(a, b):
        return False
    if measure_kind(a) != "count" or not nouns:
        return True
    head_a, head_b = _thing(a), _thing(b)
    if not head_a or not head_b or head_a == head_b or synonyms(head_a, head_b):
        return True
    words = lambda q: {singular(w) for w in (q.counted or "").split()}
    return bool(words(a) & words(b)) or (is_people(a.counted) and is_people(b.counted))


def reconcile(base: list[Mention], other: list[Mention], *, nouns: bool = True) -> list[dict[str, Any]]:
    """Every number of either version with its counterpart in the other (or none).

    ``nouns``: False when the words for what is counted cannot be compared (a translation; a language the
    word lists of :mod:`storytrace.stories.counted` do not cover): then any two counts may match."""
    out, left_base, left_other = _reconciled(base, other, nouns)
    return out + [_record("only_base", [b], []) for b in left_base] + [_record("only_other", [], [m]) for m in left_other]


def unmatched(base: list[Mention], other: list[Mention], *,
              nouns: bool = True) -> tuple[list[Mention], list[Mention]]:
    """The numbers of each version with no counterpart (no equal value, no sum) in the other."""
    _, left_base, left_other = _reconciled(base, other, nouns)
    return left_base, left_other


def _reconciled(base: list[Mention], other: list[Mention],
                nouns: bool) -> tuple[list[dict[str, Any]], list[Mention], list[Mention]]:
    """The records of the numbers with a counterpart, and each side's numbers left without one; a conversion ("(97
    kph)" after "60 mph") may find a counterpart but is never left over: its number before it stands for it."""
    out, matched_base, matched_other = _match(base, other, nouns)
    return (out, [b for i, b in enumerate(base) if i not in matched_base and not b.restates],
            [m for j, m in enumerate(other) if j not in matched_other and not m.restates])


def changed_numbers(base: list[Mention], other: list[Mention], *, same_language: bool = True,
                    nouns: bool | None = None) -> list[tuple[Mention, Mention]]:
    """Numbers without a counterpart that stand in the same place on both sides: they count the same thing
    ("injured 40 others" vs "injured 400 others"), or they are the only number of their kind left on each side
    and nothing says they count different things. A matching number elsewhere in the claim excuses none of these.

    ``same_language``: False for a translation, whose words for what is counted cannot be compared; ``nouns`` as
    for :func:`reconcile` (by default ``same_language``)."""
    left_base, left_other = unmatched(base, other, nouns=same_language if nouns is None else nouns)
    pairs: list[tuple[Mention, Mention]] = []
    for b in left_base:
        j = next((j for j, o in enumerate(left_other) if not dimensions_differ(o.quantity, b.quantity)
                  and _counts_same_thing(b.quantity, o.quantity)), None)
        if j is not None:
            pairs.append((b, left_other.pop(j)))
    paired = {id(b) for b, _ in pairs}
    left_base = [b for b in left_base if id(b) not in paired]
    for kind in dict.fromkeys(measure_kind(b.quantity) for b in left_base):
        of_kind_base = [b for b in left_base if measure_kind(b.quantity) == kind]
        of_kind_other = [o for o in left_other if measure_kind(o.quantity) == kind]
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
    if dimensions_differ(a, b):
        return False  # "60 mph" is not what "60 miles" was
    if opposition(classes_of(a.counted), classes_of(b.counted)):
        return False  # "12 dead" and "40 injured" are different counts
    head_a, head_b = _thing(a), _thing(b)
    return not (same_language and head_a and head_b and head_a != head_b)


def _match(base: list[Mention], other: list[Mention],
           nouns: bool = True) -> tuple[list[dict[str, Any]], set[int], set[int]]:
    """Records of the numbers with a counterpart (equal, or a sum) and the indices matched on each side."""
    out: list[dict[str, Any]] = []
    matched_base: set[int] = set()
    matched_other: set[int] = set()
    for j, m in enumerate(other):
        equal = [i for i, b in enumerate(base) if same_value(b.quantity, m.quantity, nouns)]
        equal = [i for i in equal if i not in matched_base] or equal  # one counterpart each while there are some
        if equal:
            i = max(equal, key=lambda i: _counted_overlap(base[i].quantity, m.quantity))
            within = base[i].quantity.is_range != m.quantity.is_range  # a number inside the other's range
            out.append(_record("within" if within else "equal", [base[i]], [m]))
            if not within and base[i].quantity.value != m.quantity.value:
                out[-1]["approximately"] = True
            matched_base.add(i)
            matched_other.add(j)
    for j, m in enumerate(other):
        if j not in matched_other and (parts := _parts_summing_to(m.quantity, base, nouns)):
            out.append(_record("sum", [base[i] for i in parts], [m]))
            matched_other.add(j)
            matched_base |= set(parts)
    for i, b in enumerate(base):
        if i not in matched_base and (parts := _parts_summing_to(b.quantity, other, nouns)):
            out.append(_record("sum", [b], [other[j] for j in parts]))
            matched_base.add(i)
            matched_other |= set(parts)
    return out, matched_base, matched_other


def _parts_summing_to(target: StoryQuantity, pool: list[Mention],
                      nouns: bool = True) -> tuple[int, ...] | None:
    """Indices of 2-3 numbers in ``pool`` (distinct values, each alike the total and the others: one kind, one
    unit, one kind of thing) adding up to ``target``.

    The sums are searched with numpy over the candidates' values, so a page full of numbers (a results table)
    costs n**2 per total for pairs; three parts are searched among all candidates only up to
    ``MAX_TRIPLE_POOL`` of them, beyond that among the numbers of one claim."""
    if target.is_range:
        return None  # a range is no total of parts
    candidates = [i for i, m in enumerate(pool) if not m.restates and not m.quantity.is_range
                  and alike(m.quantity, target, nouns) and MIN_PART <= m.quantity.value < target.value]
    if len(candidates) < 2:
        return None
    values = np.array([pool[i].quantity.value for i in candidates], dtype=float)
    found: list[tuple[int, ...]] = []
    for size in range(2, MAX_PARTS + 1):
        for positions in _position_sets(values, size, target, pool, candidates):
            combo = tuple(candidates[k] for k in positions)
            if all(alike(pool[i].quantity, pool[j].quantity, nouns) for i, j in combinations(combo, 2)):
                found.append(combo)
    if not found:
        return None
    # parts stated together (one claim) explain a total better than numbers from far apart
    return min(found, key=lambda c: (len({pool[i].claim for i in c}), len(c)))


MAX_TRIPLE_POOL = 60  # 60**3 sums per total; past it, three parts only from one claim


def _position_sets(values: np.ndarray, size: int, target: StoryQuantity, pool: list[Mention],
                   candidates: list[int]) -> list[tuple[int, ...]]:
    """Positions (ascending, lexicographic order) of ``size`` distinct values of ``values`` summing to ``target``."""
    if size == 3 and len(values) > MAX_TRIPLE_POOL:
        by_claim: dict[int, list[int]] = {}
        for k, i in enumerate(candidates):
            by_claim.setdefault(pool[i].claim, []).append(k)
        groups = [ks for ks in by_claim.values() if 3 <= len(ks) <= MAX_TRIPLE_POOL]
        return sorted(tuple(ks[p] for p in positions)
                      for ks in groups for positions in _position_sets(values[ks], 3, target, pool, ks))
    grids = np.meshgrid(*([values] * size), indexing="ij")
    total = sum(grids)
    keep = _sums_within(total, target)
    index = np.indices(total.shape, sparse=True)
    for a, b in combinations(range(size), 2):  # ascending positions, distinct values
        keep &= (index[a] < index[b]) & (grids[a] != grids[b])
    return [tuple(int(x) for x in row) for row in np.argwhere(keep)]


def _sums_within(total: np.ndarray, target: StoryQuantity) -> np.ndarray:
    """Where sums ``total`` reach ``target``: exactly, or within 5 % of an approximate one, on a bound's side."""
    if not target.approximate:
        return total == target.value
    ok = np.abs(total - target.value) <= 0.05 * target.value
    if target.bound == "upper":
        ok &= total <= target.value  # parts adding up to more than "up to 590 km"
    elif target.bound == "lower":
        ok &= total >= target.value
    return ok


def _counted_overlap(a: StoryQuantity, b: StoryQuantity) -> int:
    words = lambda q: set((q.counted or "").lower().split())
    return len(words(a) & words(b))


def _record(relation: str, base: list[Mention], other: list[Mention]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "relation": relation,
        "base": [said(m) for m in base],
        "other": [said(m) for m in other],
        "value": _value(relation, base, other),
    }
    record["base_claims"] = [m.claim for m in base]
    record["other_claims"] = [m.claim for m in other]
    if base and other:
        record["verdict"], record["reason"] = _verdict(base, other)
    return record


def _value(relation: str, base: list[Mention], other: list[Mention]) -> float | None:
    """The number a record stands for: the total of a sum, the number inside a range, None for a range alone."""
    if relation == "sum":
        return (other if len(other) == 1 else base)[0].quantity.value
    numbers = [m.quantity for m in (*other, *base) if not m.quantity.is_range]
    return numbers[0].value if numbers else None


def _verdict(base: list[Mention], other: list[Mention]) -> tuple[str, str | None]:
    """Contradict when a number on one side counts a kind opposed to one it stands for on the other."""
    for a in base:
        for b in other:
            opposed = opposition(classes_of(a.quantity.counted), classes_of(b.quantity.counted))
            if opposed:
                return "contradict", f"what is counted differs: {opposed[0]} vs {opposed[1]}"
    return "agree", None


def said(m: Mention) -> str:
    """How a number is quoted in a reason and a record: as written plus what it counts, unless the text already says it ("5 million dollars")."""
    q = m.quantity
    if not q.counted or f" {q.counted.lower()}" in f" {q.text.lower()}":
        return q.text
    return f"{q.text} {q.counted}"
