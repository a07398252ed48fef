"""The typed record model every stage reads and returns.

A :class:`Page` plays the role of spaCy's ``Doc``: ingest creates it from a :class:`RawDocument`,
each later stage fills its own fields and leaves the rest alone. Records do no I/O and call no models.
IDs are hashes so that the store can deduplicate and resume: see :func:`page_id` for a page's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self, TypeVar

_ERROR_CODE = re.compile(r"\[(E\d{3})\]")  # how storytrace.errors writes a code at a message's start

SCHEMA_VERSION = "2.0"  # 2.0: a page read with its URL is keyed by its URL and bytes (page_id)

T = TypeVar("T")


def content_id(data: bytes | str, length: int = 16) -> str:
    """Stable id: the first ``length`` hex digits of the SHA-256 of ``data``."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:length]


def page_id(data: bytes, url: str | None = None) -> str:
    """A page's id: the content hash of its bytes, or, when the input names the page's URL (JSONL ``url``,
    WARC target URI, a fetched URL), of its URL and bytes together. The same article at two URLs is two
    pages (a copy between outlets), while re-reading the same input gives the same id (no duplicates)."""
    if not url:
        return content_id(data)
    return content_id(url.encode("utf-8", "surrogatepass") + b"\n" + data)


class Record:
    """Mixin: ``as_dict`` / ``from_dict`` for nested slotted dataclasses."""

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        kwargs = {}
        hints = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        nested = getattr(cls, "_nested", {})
        for name, value in data.items():
            if name not in hints:
                continue  # fields of a newer schema version are ignored, not fatal
            sub = nested.get(name)
            if sub is not None and isinstance(value, list):
                value = [sub.from_dict(v) if isinstance(v, dict) else v for v in value]
            elif sub is not None and isinstance(value, dict):
                value = sub.from_dict(value)
            kwargs[name] = value
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class RawDocument(Record):
    """What a reader yields: undecoded bytes plus what is known about where they came from."""

    source: str  # path, path#record-number, or URL
    data: bytes
    kind: str = "unknown"  # html | text | unknown (sniffed from content by ingest)
    url: str | None = None  # the page's own URL where the container names it (WARC, JSONL)
    declared_encoding: str | None = None  # from HTTP headers or a JSONL field
    text: str | None = None  # already-decoded text (JSONL "text" field)
    fetched_at: str | None = None
    # what the input says about the page (JSONL title, date and author fields); applied after anatomy
    title: str | None = None
    published: str | None = None  # ISO 8601
    author: str | None = None
    page_id: str | None = None  # set by :meth:`identify`, so the bytes are hashed once per run
    warnings: list[str] = field(default_factory=list)  # about what the input states (a date it gives unread)

    def identify(self) -> str:
        """The page id of these bytes (and URL), computed once: see :func:`page_id`."""
        if self.page_id is None:
            self.page_id = page_id(self.data, self.url)
        return self.page_id


@dataclass(slots=True)
class Reference(Record):
    """A footnote or reference: ``[1] Enrichment Data: ...`` becomes marker "1" and its text."""

    marker: str
    text: str


@dataclass(slots=True)
class Comment(Record):
    """One reader comment. Analysis fields are filled by the comments stage."""

    id: str
    text: str
    position: int
    author: str | None = None
    parent_id: str | None = None
    published: str | None = None
    # filled by storytrace.comments
    language: str | None = None
    scores: dict[str, float] = field(default_factory=dict)  # category -> calibrated probability
    targets: list[str] = field(default_factory=list)  # groups an identity attack is aimed at
    evidence: list[dict[str, Any]] = field(default_factory=list)  # {start, end, text, category}
    decoded: list[dict[str, Any]] = field(default_factory=list)  # {span, start, end, decoded, kind}
    flags: list[str] = field(default_factory=list)  # flood, emoji_only, duplicate, ...


@dataclass(slots=True)
class Page(Record):
    """A news page and everything the stages found in it."""

    id: str
    source: str
    url: str | None = None
    kind: str = "unknown"  # html | text
    language: str | None = None
    title: str | None = None
    headline_variants: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # article paragraphs, in order
    boilerplate: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    author: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date as found on the page
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # filled by storytrace.facts
    facts: dict[str, Any] = field(default_factory=dict)
    # filled by storytrace.comments
    thread: dict[str, Any] = field(default_factory=dict)

    _nested: ClassVar[dict[str, type[Record]]] = {"references": Reference, "comments": Comment}

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)


# the stage of a note, not a failure: records of an input that were read and are not pages (a WARC's 404 and
# redirect responses, its images). The input gave its pages, so it did not fail; the note says what was left out.
SKIPPED = "skipped"
# the start of the warning on a page that is a paywall, bot check, consent wall or error page instead of the article
# (anatomy.walls.interstitial); the stories stage leaves such a page out
NOT_AN_ARTICLE = "the page is not an article but what a crawler got instead; it is left out of stories"


@dataclass(slots=True)
class Failure(Record):
    """An input that could not be analysed, and why. Failures are data: the batch goes on."""

    source: str
    stage: str  # ingest | anatomy | facts | comments | ... | skipped (see SKIPPED)
    error: str  # exception class or error code
    message: str
    page_id: str | None = None
    # the storytrace error code ("E109", storytrace.errors.CODES) the message starts with, for a program to branch
    # on; None for an error that is not storytrace's own (a library's exception in a stage)
    code: str | None = None

    def __post_init__(self) -> None:
        if self.code is None and (found := _ERROR_CODE.match(self.message or "")):
            self.code = found[1]

    @property
    def failed(self) -> bool:
        """False for a :data:`SKIPPED` note: the input was read, only some of its records were not pages."""
        return self.stage != SKIPPED


@dataclass(slots=True)
class Duplicate(Record):
    """An input holding a page already read in this run (same :func:`page_id`: the same bytes, and the same
    URL where the input names one). It is analysed once, as the earlier input; this keeps its source."""

    source: str
    page_id: str
    same_as: str  # the source of the input whose page was analysed


@dataclass(slots=True)
class Dossier(Record):
    """The answer for one run: every page, every failure, and the stories across pages."""

    pages: list[Page] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    # comment coordination across pages (same text under several names or pages), from storytrace.comments
    coordination: list[dict[str, Any]] = field(default_factory=list)
    # inputs that repeated a page of this run: analysed once, every source kept here
    duplicates: list[Duplicate] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    generator: str = "storytrace"

    _nested: ClassVar[dict[str, type[Record]]] = {"pages": Page, "failures": Failure, "duplicates": Duplicate}
