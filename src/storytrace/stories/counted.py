"""What a number counts, compared across versions: the same kind of thing, or opposed kinds.

Opposed kinds are pairs of classes a news report keeps apart (military vs civilian, killed vs injured,
adults vs children, ...). A counted phrase belongs to a class when one of its words does; a phrase with
words of both sides ("civilian and military staff") belongs to neither, so it contradicts nothing.
"""

from __future__ import annotations

import re

# class -> words (lower case, singular; plurals are folded by :func:`_stem`)
CLASSES: dict[str, frozenset[str]] = {
    "military": frozenset({
        "military", "soldier", "troop", "army", "sapper", "serviceman", "servicemen", "servicewoman", "marine",
        "infantry", "paratrooper", "battalion", "brigade", "regiment", "combatant", "fighter",
        "militant", "conscript", "reservist", "commando", "sailor", "airman", "airmen",
        "deminer", "engineer-sapper", "militia", "militiamen", "guardsman", "guardsmen"}),
    "civilian": frozenset({
        "civilian", "civil", "volunteer", "relief", "humanitarian", "aid", "resident", "citizen", "villager",
        "noncombatant", "non-combatant", "refugee"}),
    "dead": frozenset({"dead", "killed", "death", "fatality", "fatalities", "died"}),
    "injured": frozenset({"injured", "wounded", "injury", "injuries", "hurt", "hospitalised", "hospitalized"}),
    "adult": frozenset({"adult", "grown-up"}),
    "child": frozenset({"child", "children", "kid", "minor", "infant", "baby", "babies", "teenager", "pupil"}),
    "confirmed": frozenset({"confirmed"}),
    "suspected": frozenset({"suspected", "probable", "possible", "presumed"}),
    "arrested": frozenset({"arrested", "detained", "detainee", "arrest"}),
    "released": frozenset({"released", "freed"}),
}
OPPOSED: frozenset[frozenset[str]] = frozenset(frozenset(p) for p in (
    ("military", "civilian"), ("dead", "injured"), ("adult", "child"), ("confirmed", "suspected"),
    ("arrested", "released"),
))
_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)


def _stem(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def classes_of(phrase: str | None) -> set[str]:
    """The classes a counted phrase names ("military construction personnel" -> {"military"})."""
    if not phrase:
        return set()
    found = set()
    for word in _WORD.findall(phrase):
        for form in (word.lower(), _stem(word)):
            found |= {name for name, members in CLASSES.items() if form in members}
    for pair in OPPOSED:  # both sides named: the phrase opposes nothing
        if pair <= found:
            found -= pair
    return found


def opposition(a: set[str], b: set[str]) -> tuple[str, str] | None:
    """The first opposed pair with one side in ``a`` and the other in ``b``."""
    for pair in sorted(OPPOSED, key=sorted):
        x, y = sorted(pair)
        if x in a and y in b and y not in a and x not in b:
            return x, y
        if y in a and x in b and x not in a and y not in b:
            return y, x
    return None
