"""Entities with one canonical name per page, and places corrected and resolved by the gazetteer.

Canonical names: possessives, a leading "the" and honorifics are stripped; a person mention that is a
token subsequence of a longer person name in the page ("Shoigu" in "Sergei Shoigu") joins that person, and so
does a lone surname the model tagged ORG when it is the last name of exactly one person on the page and no ORG
of the page starts with it ("Shoigu said", but not "Ford" beside "Ford Motor");
an ORG that is the acronym of a longer ORG joins it. A person whose words are all common English words that are
never names, mentioned only where a sentence or line starts ("Giveaway: win a ...", "Giveaway Alert"), is
dropped: the capital letter is all the model had to go on; so is any other name of such words (an ORG "Dam" of
the headline "Dam closes") when the page also writes them in lower case ("the old dam"). Places join by
gazetteer id, so "Russia's Kursk region", "the border Kursk region" and "Kursk" are one place.

The gazetteer also corrects the model: a capitalised name the model tagged as something else (PRODUCT,
ORG, FAC, WORK_OF_ART, EVENT) or missed is a place when the gazetteer knows it and either the model
called it an entity, or it is followed by a region word, or it is a country / US state / city of at
least 100,000 people written capitalised mid-sentence.

Confidence is a heuristic, not a calibrated probability: 0.6 for a single model mention, +0.1 for each
further mention (up to +0.3), +0.1 when the gazetteer confirms a place, capped at 0.99.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from storytrace.facts.gazetteer import REGION_WORDS, Gazetteer, fold
from storytrace.facts.records import Entity, Mention, Place, Span
from storytrace.word_tables import word_table

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
CORRECTABLE = {"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "LOC", "NORP", ""}
HONORIFICS = re.compile(
    r"^(mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|president|prime minister|minister|secretary|"
    r"senator|sen|rep|representative|gov|governor|gen|general|col|colonel|capt|captain|king|queen|prince|"
    r"princess|pope|chancellor|judge|justice|mayor|chairman|ceo|coach|leader|st|saint)\.?\s+", re.IGNORECASE)
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"\b[A-Z][a-zA-Z\u00C0-\u017F-]*(?:['’]s)?")


@dataclass(slots=True)
class RawMention:
    paragraph: int
    start: int
    end: int
    text: str
    label: str
    model_label: str | None
    qualifier: str | None = None
    sentence_initial: bool = False
    possessive: bool = False  # "'s" follows the span ("Georgia" in "Georgia's Atlanta")


GENERATION = {"jr", "sr", "ii", "iii", "iv"}  # "Donald Trump Jr.": another person than "Donald Trump"


_SCORE_AFTER = re.compile(r"(?:\s+\d{1,2}[-–]\d{1,2}(?:\s*\(\d{1,2}\))?)+$")  # "Nicolas Jarry 6-4": a result, no name
_LIST_MARK = re.compile(r"^[-–—•|*]+\s+")  # "- Rams top Bears": a list line's dash
_LEADING_POSS = re.compile(r"^['’]?s\s+(?=[A-Za-z])")  # "’s xCloud": the model's span began after "Microsoft"
_TRAILING_JOIN = re.compile(r"(?:\s+(?:&|and|of|or))+$")  # "iPad Pro and": the span stopped before the second name
# lower-case words that belong to a name ("de Blasio", "von Trapp", "al-Assad" is one word)
_NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "le", "la", "du", "al", "el",
                   "bin", "ibn", "bint", "dos", "das", "do", "y", "e", "zu", "af"}


def _without_leading_common_words(name: str) -> str:
    """"rookie Lars Ekdahl", "rang Collins": lower-case English words before the first capitalised one are the
    sentence around the name, not the name (name particles stay: "de Blasio")."""
    words = name.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].isalpha() and words[k].islower() and words[k] not in _NAME_PARTICLES \
            and words[k] in _common_words():
        k += 1
    return " ".join(words[k:]) if k and words[k][:1].isupper() else name


def has_capital(name: str) -> bool:
    """A named entity has a capital letter somewhere ("iPad", "eBay", "de Blasio"); the model's "meth", "n’t",
    "¼ cup butter" or an emoji has none. A one-word brand of letters and digits ("my6sense") stays."""
    return any(ch.isupper() for ch in name) or re.fullmatch(r"(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{3,}", name) is not None


def clean_name(text: str) -> str:
    s = " ".join(text.split())
    s = _LIST_MARK.sub("", _SCORE_AFTER.sub("", s))
    s = _TRAILING_JOIN.sub("", _LEADING_POSS.sub("", s))
    s = _without_leading_common_words(s)
    s = _POSS.sub("", s).strip()
    if s.lower().startswith("the "):
        s = s[4:]
    prev = None
    while prev != s:
        prev = s
        s = HONORIFICS.sub("", s)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", s.strip(" ,;:\"“”")):
        return s.strip(" ,;:\"“”")  # "U.S." keeps its dots
    return s.strip(" ,.;:\"“”")


def is_possessive(text: str, end: int) -> bool:
    """Whether "'s" follows ``text[:end]``."""
    return text[end:end + 2] in ("'s", "’s")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a mention span so it excludes a leading "the" and a trailing possessive."""
    seg = text[start:end]
    if seg.lower().startswith("the "):
        start += 4
        seg = seg[4:]
    m = _POSS.search(seg)
    if m and len(seg) > 2:
        end -= len(m.group(0))
    return start, end


def gazetteer_mentions(paragraph_index: int, text: str, model_spans: list[tuple[int, int, str]],
                       gaz: Gazetteer, sentence_starts: set[int]) -> list[RawMention]:
    """Place mentions the model mislabelled or missed."""
    out: list[RawMention] = []
    occupied = [(s, e) for s, e, lab in model_spans if lab in ("GPE", "LOC", "PERSON", "DATE", "TIME", "MONEY",
                                                                "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL")]
    words = list(_WORD.finditer(text))
    j = 0
    while j < len(words):
        hit = None
        for n in (3, 2, 1):
            if j + n > len(words):
                continue
            group = words[j:j + n]
            if any(text[a.end():b.start()] != " " for a, b in zip(group, group[1:])):
                continue
            s, e = group[0].start(), group[-1].end()
            name = _POSS.sub("", text[s:e])
            e = s + len(name)
            if gaz.is_known(name):
                hit = (s, e, name, n)
                break
        if hit is None:
            j += 1
            continue
        s, e, name, n = hit
        j += n
        if any(s < oe and os_ < e for os_, oe in occupied) or _inside_org_name(text, s, e):
            continue
        model_label = next((lab for ms, me, lab in model_spans if ms <= s and e <= me), "")
        if model_label not in CORRECTABLE:
            continue
        after = text[e:e + 30].lower().lstrip("'’s ").split()
        region = bool(after) and after[0].strip(".,;") in REGION_WORDS
        strong = region or model_label in ("PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LOC")
        if model_label in ("ORG", "PERSON", "NORP") and not region:
            continue  # "Chelsea" the club, "Jordan" the person: only a following region word overrides the model
        if not strong and (s in sentence_starts or gaz.population(name) < 100_000 or name.lower() in _COMMON):
            continue
        out.append(RawMention(paragraph_index, s, e, text[s:e], "GPE", model_label or None,
                              "region" if region else None, possessive=is_possessive(text, e)))
    return out


# words that make a place name part of a longer organisation name: "Air Astana", "Dubai Air Show", "Qatar Airways"
ORG_BEFORE = {"air"}
ORG_AFTER = {"air", "airline", "airlines", "airways", "aviation", "air show", "airshow"}
# what follows a place's name inside an organisation's name: "Emirates Airline" is "Emirates" for short
ORG_SUFFIXES = {"airline", "airlines", "airways", "air", "aviation", "group", "bank", "inc", "corp", "corporation",
                "company", "co", "ltd", "plc", "holdings"}


def _inside_org_name(text: str, start: int, end: int) -> bool:
    before = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 12):start])
    after = re.match(r" ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text[end:end + 16])
    return bool(before and before.group(1).lower() in ORG_BEFORE
                or after and (after.group(1).lower() in ORG_AFTER or after.group(1).split()[0].lower() in ORG_AFTER))


def period_code(name: str) -> bool:
    """"Q4", "H1": a quarter or half of a year the model took for a place or an organisation ("sales in Q4")."""
    return re.fullmatch(r"[QH][1-4]", name) is not None


def model_designation(text: str, start: int, end: int, label: str) -> bool:
    """A model the NER took for a name: "777x" (ORG), "Max" of "737 Max" (PERSON), "MAX" (ORG)."""
    if label not in ("PERSON", "ORG"):
        return False
    name = text[start:end]
    if re.fullmatch(r"\d{3}[A-Za-z]{0,2}", name):
        return True
    number = re.search(r"(?<![\d,.])(\d{3})(?:-\d{1,3})? $", text[max(0, start - 8):start])
    if number is None or " " in name:
        return False
    # a person right after a bare number is a model's name; an organisation only when it is in capitals after a
    # number that is not round ("737 MAX", not "300 Google employees")
    return label == "PERSON" or name.isupper() and not number.group(1).endswith("0")


_COMMON = {"of", "split", "nice", "mobile", "reading", "bath", "florence", "victoria", "jackson", "aurora",
           "orange", "independence", "commerce", "university", "union", "justice", "march", "may", "june",
           "july", "august", "sale", "hope", "temple", "phoenix", "lincoln", "washington", "brest", "best",
           "wa", "van", "bar", "mission", "opportunity", "asia", "europe", "africa", "china town"}


def build_entities(mentions: list[RawMention], gaz: Gazetteer | None,
                   lower_words: frozenset[str] = frozenset()) -> list[Entity]:
    """Group mentions into entities with canonical names, resolve places. ``lower_words``: the words the page
    writes in lower case (a headline's "Dam" is the page's "dam", no organisation)."""
    mentions = [m for m in mentions if has_capital(clean_name(m.text))]
    ctx = _countries_named(mentions, gaz)
    groups: dict[tuple, list[RawMention]] = {}
    places: dict[tuple, Place] = {}
    persons: list[str] = []
    for m in mentions:
        if m.label == "PERSON":
            persons.append(clean_name(m.text))
    persons_full = sorted(set(persons), key=lambda p: (-len(p.split()), -len(p), p))  # ties: by name, not hash order

    def person_key(name: str) -> str:
        toks = name.split()
        matches = []
        for full in persons_full:
            ft = full.split()
            if ft[-1].lower().rstrip(".") in GENERATION and toks[-1].lower().rstrip(".") not in GENERATION:
                continue  # "Donald Trump" is not "Donald Trump Jr."
            if len(ft) > len(toks) and _subseq(toks, ft):
                matches.append(full)
        if not matches:
            return name
        # the longest name it is part of, unless it is also part of another person's name ("Miliband" beside "Ed
        # Miliband" and "David Miliband": which one is left open)
        return matches[0] if all(_subseq(m.split(), matches[0].split()) for m in matches) else name

    orgs = sorted({clean_name(m.text) for m in mentions if m.label == "ORG"}, key=lambda n: (-len(n), n))

    def org_key(name: str) -> str:
        if name.isupper() and 2 <= len(name) <= 6:
            for full in orgs:
                initials = "".join(w[0] for w in full.split() if w[0].isupper())
                if initials == name:
                    return full
        return name

    # a lone surname the model tagged ORG ("Shoigu said") is the page's one person of that last name, unless
    # the page also names an organisation that starts with it ("Ford" beside "Ford Motor")
    surnames: dict[str, set[str]] = {}
    for full in persons_full:
        if len(full.split()) > 1:
            words = [w for w in full.split() if w.lower().rstrip(".") not in GENERATION]
            surnames.setdefault(words[-1].casefold(), set()).add(person_key(full))

    def surname_of(name: str) -> str | None:
        people = surnames.get(name.casefold(), set()) if len(name.split()) == 1 and not name.isupper() else set()
        if not people or any(o != name and o.split()[0] == name for o in orgs):
            return None
        # two people of the page share it ("Ed Miliband", "David Miliband"): a person, which one is left open
        return next(iter(people)) if len(people) == 1 else name

    within, states = _cities_with_their_area(mentions, gaz) if gaz is not None else ({}, set())
    for m in mentions:
        name = clean_name(m.text)
        place = _place_of(m, name, gaz, ctx, within.get(id(m)) or within.get(fold(name)), fold(name) in states) \
            if gaz is not None and m.label in ("GPE", "LOC") else None
        short_for = _short_org(name, orgs) if place is None and m.label in ("GPE", "LOC", "NORP") else None
        if short_for is not None:
            m.label = "ORG"  # "Emirates" in a page about "Emirates Airline"
            name = short_for
        if place is not None:
            key = ("place", place.geonameid if place.feature != "region" else _city_id(gaz, place))
            if key in places and places[key].feature == "region" and place.feature == "city":
                places[key] = place  # the plain name is the canonical form
            places.setdefault(key, place)
        elif m.label == "PERSON":
            key = ("PERSON", fold(person_key(name)))
        elif m.label == "ORG" and (person := surname_of(name)) is not None:
            m.label = "PERSON"
            key = ("PERSON", fold(person))
        elif m.label == "ORG":
            key = ("ORG", fold(org_key(name)))
        else:
            key = ("name", fold(name))  # "Ukrainian" tagged NORP once and GPE once is one entity
        groups.setdefault(key, []).append(m)

    entities: list[Entity] = []
    for key, ms in groups.items():
        place = places.get(key)
        labels = [m.label for m in ms]
        label = max(dict.fromkeys(labels), key=labels.count)  # ties: the label seen first, not hash order
        if place is not None:
            label = "GPE" if place.feature in ("country", "city", "us_state", "region") else label
            name = place.name
        elif label == "PERSON":
            name = person_key(clean_name(ms[0].text))
            # (a surname of the page's people is a name: the longer names are the evidence)
            if name.casefold() not in surnames and _only_capitalised_words(name, ms):
                continue
        elif label == "ORG":
            name = org_key(max((clean_name(m.text) for m in ms), key=len))
        else:
            name = max((clean_name(m.text) for m in ms), key=lambda n: (sum(c.isupper() for c in n), len(n)))
        if label not in KEEP:
            continue
        if place is None and label != "PERSON" and _common_word_capitalised(name, ms, lower_words):
            continue
        conf, source = _confidence_and_source(ms, place)
        mentions_out = [Mention(m.text, Span(m.paragraph, m.start, m.end, m.text), m.label, m.model_label,
                                m.qualifier) for m in sorted(ms, key=lambda x: (x.paragraph, x.start))]
        entities.append(Entity("", name, label, mentions_out, conf, place, source))
    entities.sort(key=lambda e: (e.mentions[0].span.paragraph, e.mentions[0].span.start))
    for i, e in enumerate(entities):
        e.id = f"e{i}"
    return entities


def _countries_named(mentions: list[RawMention], gaz: Gazetteer | None) -> set[str]:
    """Codes of the countries the page names: they break ties between same-named cities."""
    if gaz is None:
        return set()
    return {p.country_code for m in mentions if m.label in ("GPE", "LOC")
            and (p := gaz.resolve(clean_name(m.text))) is not None and p.feature == "country"}


def _place_of(m: RawMention, name: str, gaz: Gazetteer, ctx: set[str], within: tuple[str, str | None] | None,
              as_state: bool) -> Place | None:
    """The gazetteer's place for a GPE / LOC mention; "Kursk region" is the region Kursk (``m`` then says so)."""
    place = gaz.resolve(name, context_countries=ctx, region=m.qualifier == "region", within=within, as_state=as_state)
    if place is None and name.lower().endswith((" region", " oblast", " province")):
        place = gaz.resolve(name.rsplit(" ", 1)[0], context_countries=ctx, region=True)
        m.qualifier = "region"
    return place


def _confidence_and_source(ms: list[RawMention], place: Place | None) -> tuple[float, str]:
    """0.6 for one model mention, +0.1 per further mention (up to +0.3), +0.1 for a gazetteer place, capped at
    0.99; the source: "model", "gazetteer" (it corrected or found the entity) or "model+gazetteer"."""
    from_model = any(m.model_label is None or m.model_label == m.label for m in ms)
    # (a surname relabelled PERSON is the page's own evidence, not the gazetteer's)
    from_gaz = any(m.model_label is not None and m.model_label != m.label != "PERSON" for m in ms)
    conf = 0.6 + min(0.3, 0.1 * (len(ms) - 1)) + (0.1 if place is not None else 0.0)
    if place is not None:
        return round(min(conf, 0.99), 2), "model+gazetteer" if from_model else "gazetteer"
    return round(min(conf, 0.99), 2), "gazetteer" if from_gaz else "model"


def _cities_with_their_area(mentions: list[RawMention], gaz: Gazetteer
                            ) -> tuple[dict[int | str, tuple[str, str | None]], set[str]]:
    """A city named with its state, province or country: "Paris, Texas" (", " between them) or "Georgia's
    Atlanta" (the area in the possessive just before). Returns the area of each such city mention (by ``id``, and
    by folded name for the same city named again alone) and the folded names of areas read as US states
    ("Georgia" beside "Atlanta")."""
    within: dict[int | str, tuple[str, str | None]] = {}
    states: set[str] = set()
    ordered = sorted(mentions, key=lambda x: (x.paragraph, x.start))
    for a, b in itertools.pairwise(ordered):
        if a.paragraph != b.paragraph or a.label not in ("GPE", "LOC") or b.label not in ("GPE", "LOC"):
            continue
        if b.start - a.end == 2:
            city, area_mention = a, b  # "Atlanta, Georgia"
        elif _possessive_before(a, b):
            city, area_mention = b, a  # "Georgia's Atlanta"
        else:
            continue
        city_name = clean_name(city.text)
        area = gaz.qualifier_area(clean_name(area_mention.text), city_name)
        if area is None or not gaz.has_city(city_name, area):
            continue
        within[id(city)] = area
        within.setdefault(fold(city_name), area)  # later plain "Paris": the same city
        if area[0] == "US" and area[1] is not None:
            states.add(fold(clean_name(area_mention.text)))
    return within, states


def _possessive_before(area: RawMention, city: RawMention) -> bool:
    """"Georgia's Atlanta": the area's mention is in the possessive (its "'s" in the span or just after it) right
    before the city."""
    gap = city.start - area.end
    return gap == 1 and area.text.endswith(("'s", "’s")) or gap == 3 and area.possessive


def _short_org(name: str, orgs: list[str]) -> str | None:
    """The page's ORG that ``name`` (a place-like name that resolved to no place) is short for: "Emirates" for
    "Emirates Airline" (the rest of the ORG's name is an organisation suffix)."""
    for full in orgs:
        rest = full[len(name):].strip().lower().split() if full.startswith(name + " ") else []
        if rest and all(w.strip(".") in ORG_SUFFIXES for w in rest):
            return full
    return None


def _only_capitalised_words(name: str, mentions: list[RawMention]) -> bool:
    """Nothing but a capital letter says ``name`` is a person: each of its words is a common English word in title
    case that is never a name ("Giveaway", "Photo", not "Mary" or "Brown"), every mention opens a sentence or
    line, and none has an honorific. A mid-sentence mention or a longer name it belongs to is evidence enough."""
    words = name.split()
    return (all(w.isalpha() and w.istitle() and w.lower() in _common_words() and w.lower() not in _name_words()
                for w in words)
            and all(m.sentence_initial and not HONORIFICS.match(" ".join(m.text.split())) for m in mentions))


def _common_word_capitalised(name: str, mentions: list[RawMention], lower_words: frozenset[str]) -> bool:
    """A name that is only a common word capitalised where a headline or sentence opens, which the page also
    writes in lower case ("Dam closes" over "close the old dam"). Unlike a person, an organisation is often
    named by a common word ("Apple", "Shell"): the page's own lower-case use is the evidence asked for."""
    return (_only_capitalised_words(name, mentions)
            and all(word.lower() in lower_words for word in name.split()))


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The ~51,000 English words wordfreq puts at Zipf >= 2.5 (``en_common.tsv``)."""
    return frozenset(word_table("en_common.tsv"))


@functools.lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """The ~7,000 of them that are also names (``en_names.txt``, see ``training/build_name_words.py``)."""
    return frozenset(word_table("en_names.txt"))


def _city_id(gaz: Gazetteer | None, place: Place) -> int | None:
    return place.geonameid


def _subseq(short: list[str], long: list[str]) -> bool:
    it = iter(x.lower() for x in long)
    return all(any(w.lower() == y for y in it) for w in short)
