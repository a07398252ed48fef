"""Everyday senses of words that are also slurs or group names ("smoked a fag", "the dyke burst",
"cheese and crackers") and a group name said of a state or an institution ("the Russian government").
"""

from __future__ import annotations

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._tokens import _phrase_at

# what a nationality word may name instead of the people: the state, its institutions and ordinary things ("the
# Russian government", "American healthcare", "Ukrainian army"). Not culture, religion, society or media words that
# carry tropes about a people, and no word for persons ("soldiers", "people")
_INSTITUTIONS = frozenset([
    "government", "governments", "regime", "regimes", "administration", "authorities", "state", "ministry", "embassy",
    "parliament", "duma", "congress", "senate", "kremlin", "president", "presidency", "leadership", "officials",
    "army", "military", "navy", "forces", "troops", "command", "intelligence", "propaganda", "tv", "television",
    "channels", "news", "newspapers", "press", "outlets", "system", "systems", "healthcare", "economy", "policy",
    "policies", "politics", "elections", "election", "courts", "justice", "law", "laws", "constitution", "banks",
    "companies", "company", "corporations", "industry", "market", "markets", "oil", "gas", "weapons", "missiles",
    "tanks", "jets", "drones", "invasion", "aggression", "offensive", "occupation", "strikes", "war", "narrative",
    "version", "claims", "side", "team", "teams", "league", "football", "hockey", "food", "cuisine", "beer", "vodka",
    "cars", "roads", "weather", "passport", "visa", "currency", "ruble", "rouble", "dollar", "hryvnia", "yuan",
    "infrastructure", "bureaucracy", "establishment", "diplomacy", "diplomats", "sanctions", "budget", "taxes",
    # a culture and its works are not its people (session 19: "American cultural underpinning is idiotic")
    "culture", "cultures", "society", "traditions", "customs", "music", "films", "movies", "cinema", "literature",
    "architecture", "fashion", "underpinning", "underpinnings", "norms",
])
# a modifier between the nationality and the institution: "Russian state media", "American foreign policy"
_INSTITUTION_MODIFIERS = frozenset(["state", "foreign", "federal", "national", "armed", "air", "secret", "official",
                                    "ruling", "current", "central", "defence", "defense", "health", "justice",
                                    "military", "political", "education", "prison", "tax", "news", "media",
                                    "cultural", "pop", "popular", "consumer", "corporate"])


def _names_an_institution(toks: list[str], end: int, group: str, lex: Lexicon) -> bool:
    """The nationality word ending before token ``end`` modifies a noun for its state, institutions or an ordinary
    thing ("the Russian government", "American foreign policy"): a group with country names only, not a race."""
    if not lex.groups.get(group, {}).get("countries") or group == "black_people":
        return False
    nxt = toks[end] if end < len(toks) else ""
    if nxt in _INSTITUTIONS or nxt == "cultural":  # "American cultural anything": the culture, not its people
        return True
    return nxt in _INSTITUTION_MODIFIERS and end + 1 < len(toks) and toks[end + 1] in _INSTITUTIONS
# (session 19) a word of the slur list in an everyday sense its neighbours fix: "smoked a fag", "cheese and
# crackers", "the dyke burst", "will cripple the economy", "homo sapiens", "a chink of light", "space invaders".
# slur -> (words up to two before it, words up to three after it); either side settles the sense
_SENSE_FAG = (frozenset(["smoke", "smoked", "smoking", "light", "lit", "lighting", "roll", "rolled", "rolling",
                         "packet", "pack", "box", "crafty", "cadge", "cheeky", "quick"]),
              frozenset(["end", "ends", "break", "packet", "butt", "lighter", "burning", "ash"]))
_SENSE_CRACKER = (frozenset(["cheese", "box", "packet", "rice", "cream", "graham", "water", "christmas", "prawn", "fire",
                             "salted", "soda", "pulled", "pull", "nut", "cheddar"]),
                  frozenset(["barrel", "crumbs", "jokes", "joke", "hats", "hat", "and cheese", "with cheese"]))
_SENSE_DYKE = (frozenset(["sea", "river", "flood", "along", "breached", "offa's", "offas", "dutch", "polder"]),
               frozenset(["burst", "broke", "broken", "breached", "failed", "flooded", "collapsed", "wall", "walls",
                          "path", "road", "held", "overflowed", "along"]))
_VERB_LEADS = frozenset(["could", "will", "would", "can", "may", "might", "to", "threatens", "threaten", "going",
                         "must", "should", "further", "badly", "seriously"])
_VERB_OBJECTS = frozenset(["the", "their", "our", "his", "her", "its", "a", "small", "growth", "business",
                           "businesses", "economy", "economies", "industry", "progress", "development", "production",
                           "trade", "supply", "ability", "recovery", "this", "that", "these", "those", "any"])
_SENSE_VERB = (_VERB_LEADS, frozenset())  # both sides checked apart for verbs (see ``_everyday_sense``)


_EVERYDAY_SENSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "fag": _SENSE_FAG, "fags": _SENSE_FAG, "cracker": _SENSE_CRACKER, "crackers": _SENSE_CRACKER,
    "dyke": _SENSE_DYKE, "dykes": _SENSE_DYKE, "cripple": _SENSE_VERB, "retard": _SENSE_VERB,
    "homo": (frozenset(), frozenset(["sapiens", "erectus", "habilis", "neanderthalensis", "floresiensis", "naledi",
                                     "economicus", "ludens", "deus", "heidelbergensis"])),
    "chink": (frozenset(), frozenset(["armour", "armor", "light", "sunlight", "curtain", "curtains", "glasses",
                                      "daylight", "wall"])),
    "chinks": (frozenset(), frozenset(["armour", "armor", "light", "sunlight", "curtains", "glasses", "daylight"])),
    "coon": (frozenset(["rac", "old"]), frozenset(["hound", "hounds", "dog", "dogs", "hunting", "hunt", "cheese",
                                                   "skin", "cap", "tail"])),
    "coons": (frozenset(), frozenset(["hunting", "hunt", "in the attic", "in the garbage", "in the bins"])),
    "invaders": (frozenset(["space"]), frozenset()),
    "faggots": (frozenset(["pork", "bundle", "bundles"]), frozenset(["peas", "gravy", "mash", "and chips"])),
    "faggot": (frozenset(["pork", "bundle"]), frozenset(["peas", "gravy", "mash"])),
    "gypsy": (frozenset(), frozenset(["moth", "moths", "jazz", "kings", "cob", "cobs"])),
}
# "orcs" (a war slur for Russians) in talk of films, books and games
_FANTASY = frozenset(["film", "films", "movie", "movies", "tolkien", "rings", "warhammer", "elves", "elf", "goblins",
                      "dwarves", "hobbits", "game", "games", "dungeons", "mordor", "sauron", "trilogy", "book", "books"])


def _everyday_sense(toks: list[str], i: int, size: int, slur: str) -> bool:
    """The slur-list word ``slur`` at ``i`` (``size`` words) is used in an everyday sense its neighbours fix."""
    if slur == "orcs":
        return bool(_FANTASY & set(toks))
    senses = _EVERYDAY_SENSES.get(slur)
    if senses is None:
        return False
    before, after = senses
    if senses is _SENSE_VERB:  # "these sanctions will cripple their economy"; not "you cripple", "a cripple"
        return i > 0 and toks[i - 1] in _VERB_LEADS and toks[i + size : i + size + 1] != [] and \
            toks[i + size] in _VERB_OBJECTS
    near_after = toks[i + size : i + size + 3]
    return bool(before & set(toks[max(0, i - 2) : i])) or any(
        _phrase_at(near_after, m, after) for m in range(len(near_after)))
