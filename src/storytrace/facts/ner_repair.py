"""Repairs of the NER model's entity spans before they become mentions (session 28, issue 3).

The small spaCy model misses or mislabels names in a few regular shapes; each repair below reads one shape from
the sentence itself, so it works on a one-sentence page too:

- a span two names were glued into: "Hipcricket to Augme Technologies" (a preposition between them), "U.S.-Mexico"
  (two places joined by a hyphen), "Ukraine Marie Yovanovitch" (a country before a person's given name and
  surname), "Braun’s Ithaca Holdings" (a possessor before an organisation that ends in an organisation word);
- a person the model gave a label that is dropped ("Marcel Granollers" PRODUCT) when the first word is a given
  name of the US census lists (``data/names/en_given_names.txt``);
- a name the model missed: the speaker of a reporting verb ("…,” Dempsey said", "as Reed dubbed"), and the
  untagged member of a list of organisations ("SpaceX, Blue Origin, Sierra Nevada Corp.");
- the two teams of a score line ("Bruins 5, Devils 1: ...").

Only the mentions change: the model's spans stay as they were for dates, quantities and claims.
"""

from __future__ import annotations

import functools
import os
import re

from storytrace.facts.entities import _common_words, _name_words  # one cached copy of each word list
from storytrace.word_tables import word_table

Ent = tuple[int, int, str]

# labels the entity stage drops: a person's name the model put there is lost
_DROPPED = {"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "LANGUAGE"}
_JOINING = {"to", "from", "with", "into", "via", "vs", "versus", "than"}
_ORG_END = {"holdings", "group", "inc", "corp", "corporation", "company", "co", "ltd", "plc", "llc", "partners",
            "capital", "bank", "media", "records", "entertainment", "technologies", "industries", "foundation"}
_REPORTING = r"(?:said|says|told|added|adds|wrote|writes|explained|noted|argued|asked|replied|continued|dubbed|" \
             r"recalled|insisted|warned|tweeted)"
_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_SPEAKER_BEFORE = re.compile(rf"(?:^|[,”\"’]\s+|\bas\s+)({_NAME}(?: {_NAME})?) {_REPORTING}\b")
_SPEAKER_AFTER = re.compile(rf"\b(?:said|says)\s+({_NAME}(?: {_NAME})?)(?=[.,;]|$)")
_SCORE_LINE = re.compile(r"^([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}) \d{1,3}, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})"
                         r" \d{1,3}(?: \((?:OT|SO|\d*OT)\))?:")
_LIST_ITEM = re.compile(r"[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,2}")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "who", "one", "officials", "police"}


def repair_entities(text: str, ents: list[Ent], gaz) -> list[Ent]:
    """The model's (start, end, label) spans of ``text`` with the repairs above applied."""
    out: list[Ent] = []
    for s, e, label in ents:
        out.extend(_split_span(text, s, e, label, gaz))
    out.extend(_score_line_teams(text, out))
    out.extend(_speakers(text, out))
    out.extend(_list_members(text, out))
    return sorted(out)


def _split_span(text: str, s: int, e: int, label: str, gaz) -> list[Ent]:
    for split in (_split_at_joining_word, _split_hyphened_places, _split_country_person, _split_possessor):
        parts = split(text, s, e, label, gaz)
        if parts is not None:
            return parts
    return [(s, e, _person_reading(text[s:e], label))]


def _person_reading(name: str, label: str) -> str:
    """PERSON for "Given Surname" the model put under a dropped label."""
    return "PERSON" if label in _DROPPED and _given_and_surname(name) else label


def _given_and_surname(name: str) -> bool:
    words = name.split()
    return (2 <= len(words) <= 3 and all(re.fullmatch(_NAME, w) for w in words)
            and _given_first(words[0].lower()) and words[-1].lower() not in _ORG_END
            and _possible_name(" ".join(words[1:])))  # not "Milan Design Meek": "design" is no name


def _given_first(word: str) -> bool:
    """A census given name that is not also a frequent English word ("Echo Dot", "Will Power"), unless SCOWL
    writes it as a name ("Marcel", "Mark")."""
    return word in _given_names() and (word in _name_words() or (word_table("en_common.tsv").get(word) or 0.0) < 3.5)


def _words(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]


def _split_at_joining_word(text: str, s: int, e: int, label: str, gaz) -> list[Ent] | None:
    """"Hipcricket to Augme Technologies" ORG: the capitalised runs on either side of a lower-case joining word;
    a trailing one is dropped ("Thibaut Courtois to")."""
    if label not in ("ORG", "PERSON", "GPE", "NORP"):
        return None
    words = _words(text, s, e)
    cuts = [k for k, (a, b) in enumerate(words) if text[a:b] in _JOINING]
    lower = [k for k, (a, b) in enumerate(words) if text[a:b].islower() and text[a:b] not in _JOINING]
    if not cuts or lower:
        return None  # "National Society for the Prevention of Cruelty to Children": one long name
    parts, start = [], 0
    for k in cuts + [len(words)]:
        if k > start and text[words[start][0]][:1].isupper():
            a, b = words[start][0], words[k - 1][1]
            parts.append((a, b, "PERSON" if _given_and_surname(text[a:b]) else label))
        start = k + 1
    return parts


def _split_hyphened_places(text: str, s: int, e: int, label: str, gaz) -> list[Ent] | None:
    """"U.S.-Mexico" (ORG): two places the gazetteer knows, joined by a hyphen."""
    m = re.fullmatch(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-([A-Z][\w.]*(?: [A-Z][\w.]*)?)", text[s:e])
    if gaz is None or m is None or label == "PERSON":
        return None
    if not all(gaz.is_known(g) and _is_country_or_state(gaz, g) for g in m.groups()):
        return None
    return [(s, s + m.end(1), "GPE"), (s + m.start(2), e, "GPE")]


def _split_country_person(text: str, s: int, e: int, label: str, gaz) -> list[Ent] | None:
    """"Ukraine Marie Yovanovitch" (ORG): a country, then a given name and a surname."""
    if gaz is None or label not in ("ORG", "PERSON", "GPE", "NORP", *_DROPPED):
        return None
    words = _words(text, s, e)
    for k in (1, 2, 3):
        if len(words) - k not in (2, 3):
            continue
        country = text[s:words[k - 1][1]]
        rest = text[words[k][0]:e]
        if _is_country_or_state(gaz, country) and _given_and_surname(rest):
            return [(s, words[k - 1][1], "GPE"), (words[k][0], e, "PERSON")]
    return None


def _split_possessor(text: str, s: int, e: int, label: str, gaz) -> list[Ent] | None:
    """"Braun’s Ithaca Holdings" (ORG): the organisation after an inner possessive, when it is two or more
    capitalised words ending in an organisation word. "People’s Liberation Army" (a common word, no name, before
    the "’s") and "Martha’s Vineyard" (no organisation word) stay whole."""
    m = re.fullmatch(r"([A-Z][\w-]*)['’]s ((?:[A-Z][\w&-]* ){1,3}[A-Z][\w.]*)", text[s:e])
    if m is None or label not in ("ORG", "PERSON", "GPE", *_DROPPED):
        return None
    owner = m.group(1).lower()
    if owner in _common_words() and owner not in _name_words():
        return None
    if m.group(2).split()[-1].lower().rstrip(".") not in _ORG_END:
        return None
    return [(s + m.start(2), e, "ORG")]


def _is_country_or_state(gaz, name: str) -> bool:
    place = gaz.resolve(name)
    return place is not None and place.feature in ("country", "us_state")


def _free(spans: list[Ent], a: int, b: int) -> bool:
    return not any(a < e and s < b for s, e, _ in spans)


def _score_line_teams(text: str, spans: list[Ent]) -> list[Ent]:
    """"Bruins 5, Devils 1: ..." opening a paragraph: both names are teams; a model span over either (often
    "Bruins 5" as LAW or a team as PERSON) gives way."""
    m = _SCORE_LINE.match(text)
    if m is None:
        return []
    teams = [(m.start(1), m.end(1), "ORG"), (m.start(2), m.end(2), "ORG")]
    spans[:] = [x for x in spans if all(not (x[0] < b and a < x[1]) for a, b, _ in teams)]
    return teams


def _possible_name(name: str) -> bool:
    """A capitalised word that may be a name: not a common English word unless it is also a name."""
    return all(w.lower() not in _PRONOUNS and (w.lower() not in _common_words() or w.lower() in _name_words())
               for w in re.split(r"[ '’-]", name) if w)


def _speakers(text: str, spans: list[Ent]) -> list[Ent]:
    """The untagged speaker of a reporting verb: "…,” Dempsey said", "as Reed dubbed", "said Shotwell"."""
    out: list[Ent] = []
    for rx in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in rx.finditer(text):
            a, b = m.span(1)
            if _free(spans + out, a, b) and _possible_name(m.group(1)) and not _title_abbreviation(text, b):
                out.append((a, b, "PERSON"))
    return out


def _title_abbreviation(text: str, end: int) -> bool:
    """"said Lt. Matt Harris", "said Rep. Brian Babin": a title's abbreviation, the name follows it."""
    return text[end:end + 1] == "." and re.search(r"\b[A-Z][a-z]{1,3}$", text[:end]) is not None \
        and text[end + 1:end + 3].strip()[:1].isupper()


def _list_members(text: str, spans: list[Ent]) -> list[Ent]:
    """An untagged capitalised name between commas in a list of the model's organisations: "the selection of
    SpaceX, Blue Origin, Sierra Nevada Corp. and ..." (two or more ORG neighbours in the same list)."""
    orgs = [(s, e) for s, e, lab in spans if lab == "ORG"]
    out: list[Ent] = []
    for m in _LIST_ITEM.finditer(text):
        a, b = m.start(), m.end()
        if a == 0 or not _free(spans, a, b) or text[a - 1] != " " or m.group().lower().rstrip(".") in _ORG_END:
            continue
        before, after = text[max(0, a - 2):a], text[b:b + 2]
        if not (after == ", " or before == ", "):
            continue
        if _list_neighbours(text, a, b, orgs) >= 2 and not _and_before_comma(text, a, b):
            out.append((a, b, "ORG"))
    return out


def _and_before_comma(text: str, a: int, b: int) -> bool:
    """"A Song of Ice and Fire, Ford ...": a bare "and"/"or" comes before a list's last member, so a word after one
    that a comma then continues is the tail of a title, not a member."""
    return re.search(r"[^,] (?:and|or) $", text[max(0, a - 6):a]) is not None and text[b:b + 2] == ", "


def _list_neighbours(text: str, a: int, b: int, orgs: list[tuple[int, int]]) -> int:
    """How many ORG spans sit in the same comma list as ``text[a:b]`` (joined by ", ", ", and " or " and ")."""
    n, left, right = 0, a, b
    for s, e in sorted(orgs, reverse=True):  # leftwards
        if e <= left and re.fullmatch(r",? (?:and |or )?|, ", text[e:left]):
            n, left = n + 1, s
    for s, e in sorted(orgs):  # rightwards
        if s >= right and re.fullmatch(r",? (?:and |or )?|, ", text[right:s]):
            n, right = n + 1, e
    return n


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """US census 1990 given names, male and female (see ``data/names/NOTICE.md``)."""
    return frozenset(word_table("en_given_names.txt", folder="names"))


_REUSE_LABELS = ("PERSON", "ORG", "GPE")


def page_reuse_enabled() -> bool:
    """Page-level name reuse is an experiment (session 28, entities2): off unless STORYTRACE_NER_PAGE_REUSE=1."""
    return os.environ.get("STORYTRACE_NER_PAGE_REUSE") == "1"


def reuse_page_names(mentions: list, paragraphs: dict[int, tuple[str, list[Ent], set]]) -> list:
    """A name the model tagged PERSON/ORG/GPE somewhere on the page, found untagged elsewhere on it ("Lynn" tagged in
    one paragraph, missed in the next): the same label there. ``paragraphs`` maps a paragraph index to its text, the
    model's spans of every label (a name inside a DATE or WORK_OF_ART stays theirs) and its sentence starts."""
    from dataclasses import replace

    known: dict[str, object] = {}
    for m in mentions:
        if m.label in _REUSE_LABELS and len(m.text) > 2 and m.text[:1].isupper():
            known.setdefault(m.text, m)
    taken = {(m.paragraph, m.start, m.end) for m in mentions}
    out = []
    for name, first in sorted(known.items(), key=lambda kv: -len(kv[0])):  # longest first: "Dino Melaye" before "Melaye"
        for i, (text, spans, sent_starts) in paragraphs.items():
            for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                a, b = hit.span()
                if (i, a, b) in taken or not _free(spans, a, b) or _overlaps(out + mentions, i, a, b):
                    continue
                if a in sent_starts and name.lower() in _common_words() and name.lower() not in _name_words():
                    continue  # "Will", "Bill" opening a sentence
                out.append(replace(first, paragraph=i, start=a, end=b, sentence_initial=a in sent_starts,
                                   possessive=text[b:b + 2] in ("'s", "’s")))
    return out


def _overlaps(mentions: list, i: int, a: int, b: int) -> bool:
    return any(m.paragraph == i and a < m.end and m.start < b for m in mentions)
