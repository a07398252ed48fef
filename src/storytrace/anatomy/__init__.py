"""Anatomy stage: a RawDocument becomes a Page with its parts (title, body, comments, ...).

HTML goes to :mod:`storytrace.anatomy.html` (trafilatura plus comment extraction); plain text, where nothing
marks the parts, to :mod:`storytrace.anatomy.text` (a trained line classifier).
"""

from __future__ import annotations

from typing import Any

from ..errors import EMPTY_INPUT, InputError
from ..ingest.encoding import decode_bytes
from ..ingest.sniff import sniff
from ..lang import page_language
from ..records import Page, RawDocument
from ..settings import Options


def new_page(raw: RawDocument) -> tuple[Page, str]:
    """Decode ``raw`` and create its Page (id: :func:`storytrace.records.page_id` of its bytes and URL); return the
    page and its text."""
    if raw.text is not None:
        text, warnings, errors = raw.text, [], []
    else:
        decoded = decode_bytes(raw.data, raw.declared_encoding)
        text, warnings, errors = decoded.text, decoded.warnings, decoded.errors
    if not text.strip():
        raise InputError("no text in this page (only whitespace once decoded)", code=EMPTY_INPUT)
    kind = raw.kind if raw.kind in ("html", "text") else sniff(raw.data[:65536])
    if kind not in ("html", "text"):
        kind = "text"
    page = Page(
        id=raw.identify(),
        source=raw.source,
        url=raw.url,
        kind=kind,
        warnings=list(warnings),
        errors=list(errors),
    )
    return page, text


def split_page(raw: RawDocument, options: Options, *, resources: Any = None) -> Page:
    """Find the parts of one page.

    ``resources`` (a :class:`storytrace.resources.Resources`) supplies the line model, which only plain
    text needs; it is asked for on first use.
    """
    page, text = new_page(raw)
    if page.kind == "html":
        from .html import split_html

        page = split_html(text, page, options)
    else:
        from .text import split_text

        if resources is None:
            from ..resources import Resources

            resources = Resources()
        page = split_text(text, page, options, model=resources.get("line_model"))
    page.language = page_language(page)
    return page


__all__ = ["new_page", "split_page"]
