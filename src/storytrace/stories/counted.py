"""What a number counts, compared across versions: the same kind of thing, or opposed kinds.

Opposed kinds are pairs of classes a news report keeps apart (military vs civilian, killed vs injured,
adults vs children, ...). A counted phrase belongs to a class when one of its words does; a phrase with
words of both sides ("civilian and military staff") belongs to neither, so it contradicts nothing.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# the same classes in German, French, Spanish, Italian and Russian, as a count names them (lower case, the forms
# news writes; :func:`_stem` folds only an English plural "s"), so a translation that turns "1,000 sappers" into
# "6.000 Zivilisten" still counts opposed kinds
_ALSO: dict[str, frozenset[str]] = {
    "military": _words(
        "soldat soldaten pionier pioniere pionieren militär militärs truppen armee kämpfer "
        "soldats sapeur sapeurs militaire militaires troupes combattants "
        "soldado soldados zapador zapadores militar militares tropas combatientes "
        "soldato soldati genieri militari truppe "
        "солдат солдаты солдатов сапер сапера саперов сапёров саперы военный военные военных военнослужащих "
        "военнослужащие бойцов бойцы"),
    "civilian": _words(
        "zivilist zivilisten zivilpersonen helfer einwohner bewohner anwohner freiwillige flüchtlinge "
        "civil civils civile civiles habitant habitants riverains volontaires bénévoles réfugiés "
        "civiles vecinos habitantes voluntarios refugiados "
        "civili abitanti volontari profughi "
        "мирных мирные гражданских гражданские жителей жители добровольцев беженцев"),
    "dead": _words(
        "tote toten getötet getötete todesopfer morts tués décès muertos fallecidos morti "
        "погибших погибли погибшие убитых убиты"),
    "injured": _words(
        "verletzte verletzten verletzt verwundete blessés blessé heridos herido feriti раненых ранены "
        "раненые пострадавших пострадали"),
}
# class -> words (lower case, singular; plurals are folded by :func:`_stem`)
CLASSES: dict[str, frozenset[str]] = {
    "military": frozenset({
        "military", "soldier", "troop", "army", "sapper", "serviceman", "servicemen", "servicewoman", "marine",
        "infantry", "paratrooper", "battalion", "brigade", "regiment", "combatant", "fighter",
        "militant", "conscript", "reservist", "commando", "sailor", "airman", "airmen",
        "deminer", "engineer-sapper", "militia", "militiamen", "guardsman", "guardsmen"} | _ALSO["military"]),
    "civilian": frozenset({
        "civilian", "civil", "volunteer", "relief", "humanitarian", "aid", "resident", "citizen", "villager",
        "noncombatant", "non-combatant", "refugee"} | _ALSO["civilian"]),
    "dead": frozenset({"dead", "killed", "death", "fatality", "fatalities", "died"} | _ALSO["dead"]),
    "injured": frozenset({"injured", "wounded", "injury", "injuries", "hurt", "hospitalised", "hospitalized"}
                         | _ALSO["injured"]),
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
# classes whose members are people: numbers of them may add up to a total named otherwise ("6,000 workers")
PEOPLE_CLASSES = frozenset({"military", "civilian", "dead", "injured", "adult", "child", "arrested", "released"})
# other words for people as a count names them (lower case, singular)
PEOPLE = frozenset({
    "people", "person", "worker", "personnel", "staff", "staffer", "employee", "member", "builder", "labourer",
    "laborer", "passenger", "victim", "man", "men", "woman", "women", "student", "patient", "officer", "police",
    "policeman", "policemen", "doctor", "nurse", "protester", "protestor", "demonstrator", "migrant", "immigrant",
    "prisoner", "hostage", "inhabitant", "individual", "crew", "firefighter", "rescuer", "survivor", "voter",
    "player", "fan", "spectator", "visitor", "tourist", "pilgrim", "official", "agent", "guard", "expert",
    "specialist", "technician", "participant", "delegate", "athlete", "teacher", "miner"})
# words for one thing: two counts naming them count alike
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"home", "house", "dwelling", "residence"}), frozenset({"car", "automobile"}),
)


def _stem(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def singular(word: str) -> str:
    """``word`` in lower case with a plural ending folded ("sappers" -> "sapper", "casualties" -> "casualty")."""
    return _stem(word)


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


def is_people(phrase: str | None) -> bool:
    """The counted phrase names people ("sappers", "military construction personnel", "people killed")."""
    if not phrase:
        return False
    words = {form for word in _WORD.findall(phrase) for form in (word.lower(), _stem(word))}
    named = {name for name, members in CLASSES.items() if words & members}
    return bool(words & PEOPLE or named & PEOPLE_CLASSES)


def synonyms(a: str, b: str) -> bool:
    """Two (singular, lower-case) head nouns that name one kind of thing."""
    return any(a in group and b in group for group in SYNONYMS)
