"""schema.org JSON-LD: each page as a NewsArticle with its comments; rewrites point to their source
with ``isBasedOn`` (filled from the stories stage when it has found copy/rewrite relations)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ..ingest.textkey import text_key
from ..ingest.urlcode import percent_encoded
from ..records import NOT_AN_ARTICLE, Dossier, Page


def page_jsonld(page: Page, based_on: list[str] | None = None,
                urls: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """A page as a schema.org NewsArticle; ``based_on`` are the ids of the pages it copies or rewrites, and
    ``urls`` maps page ids to their web URLs (an ``isBasedOn`` source gets its ``url`` when known)."""
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"urn:storytrace:page:{page.id}",
        "identifier": page.id,
        "headline": page.title,
        "alternativeHeadline": page.headline_variants or None,
        "articleBody": article_body(page) or None,
        "url": web_url(page.url),
        "inLanguage": page.language,
        "datePublished": page.published,
        "author": _people(page.author),
        "publisher": {"@type": "Organization", "name": page.site} if page.site else None,
        "citation": [r.text for r in page.references] or None,
        "commentCount": len(page.comments),
        "comment": [
            {
                "@type": "Comment",
                "@id": f"urn:storytrace:comment:{c.id}",
                "text": c.text,
                "author": {"@type": "Person", "name": c.author} if c.author else None,
                "dateCreated": c.published,
                "parentItem": {"@id": f"urn:storytrace:comment:{c.parent_id}"} if c.parent_id else None,
            }
            for c in page.comments
        ] or None,
        "about": [_media_topic(t) for t in page.facts.get("topics", []) if isinstance(t, dict)] or None,
        "isBasedOn": based_on_refs(based_on, urls) if based_on else None,
    }
    if any(w.startswith(NOT_AN_ARTICLE) for w in page.warnings):
        # a paywall, bot check or error page fetched instead of the article: a web page, with no article text
        node.update({"@type": "WebPage", "articleBody": None, "alternativeHeadline": None, "author": None,
                     "about": None, "isBasedOn": None})
        node["name"] = node.pop("headline", None)
    return _prune(node)


# IPTC Media Topics: "medtop:16000000" is a QCode, opaque to a JSON-LD reader unless the term names its vocabulary
MEDIA_TOPICS = "http://cv.iptc.org/newscodes/mediatopic/"


def _media_topic(topic: dict[str, Any]) -> dict[str, Any]:
    """A topic as a schema.org DefinedTerm in the IPTC Media Topic set, with the term's URI as ``url``."""
    code = topic.get("code") or topic.get("id")
    number = str(code).removeprefix("medtop:") if isinstance(code, str) and code.startswith("medtop:") else None
    return _prune({"@type": "DefinedTerm", "termCode": code, "name": topic.get("name"),
                   "inDefinedTermSet": MEDIA_TOPICS if number else None,
                   "url": MEDIA_TOPICS + number if number and number.isdigit() else None})


def _people(author: str | None) -> dict[str, str] | list[dict[str, str]] | None:
    """schema.org ``author``: one Person per name. trafilatura joins a page's authors with "; " ("Rod Nordland;
    Mayy El Sheikh"), which as one Person's name is a person nobody is; a comma is kept ("Smith, John")."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]
    people = [{"@type": "Person", "name": name} for name in names]
    return people[0] if len(people) == 1 else people or None


def based_on_refs(page_ids: list[str], urls: Mapping[str, str | None] | None = None) -> list[dict[str, str]]:
    """``isBasedOn`` values: a reference to each source page's node in the graph (``@id``, the urn pages are
    identified by) with the source's web URL when it has one."""
    urls = urls or {}
    return [_prune({"@id": f"urn:storytrace:page:{pid}", "url": urls.get(pid)}) for pid in page_ids]


def article_body(page: Page) -> str:
    """The body's text without a first paragraph that only repeats the headline (it is in ``headline``)."""
    body = page.body
    if len(body) > 1 and page.title and text_key(body[0]) == text_key(page.title):
        body = body[1:]
    return "\n\n".join(body)


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL with a host, else None: a caller-supplied ``javascript:`` or
    ``data:`` URL must not reach a consumer that renders ``url`` as a link. Characters no URL may hold (a space,
    quotes, angle brackets, non-ASCII) are percent-encoded as a browser sends them, and a non-ASCII host is written
    in IDNA; a host with other characters gives None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = _ascii_host(parts.netloc)
    except (ValueError, UnicodeError):
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return percent_encoded(parts._replace(scheme=url[:len(parts.scheme)]), netloc=host)  # the scheme as written


_NETLOC = re.compile(r"[A-Za-z0-9.\-_~%!$&'()*+,;=:@\[\]]+")


def _ascii_host(netloc: str) -> str | None:
    """The netloc as a URL may hold it: as given when it is plain ASCII, a non-ASCII host name in IDNA, else None."""
    if _NETLOC.fullmatch(netloc):
        return netloc
    userinfo, _, hostport = netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    ascii_netloc = (f"{userinfo}@" if userinfo else "") + host.encode("idna").decode("ascii") + colon + port
    return ascii_netloc if _NETLOC.fullmatch(ascii_netloc) else None


def based_on_links(stories: list[dict[str, Any]]) -> dict[str, list[str]]:
    """page id -> ids of the pages it copies or rewrites (the stories' copy and rewrite relations). A copy whose
    source is told only by input order (no dates, the same specifics) gets none: ``isBasedOn`` would claim a
    provenance nothing shows; dossier.json keeps the relation with its ``direction``.

    A page that copies several earlier pages is based on the closest copy (the highest shingle Jaccard): a
    word-for-word copy of the original is not based on a sibling copy that changed a number. Among equally close
    copies, one that is itself a copy of another of them is left out: each copy of a wire story on ten sites is
    based on the original, not on the nine copies before it. A rewrite source that is a copy of another rewrite
source is left out unless it contradicts the page less (a translation of the original, not of a copy that changed
a number)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for story in stories:
        for relation in story.get("relations", []):
            if relation.get("type") in ("copy", "rewrite") and relation.get("direction") != "input order":
                found.setdefault(relation["page"], []).append(relation)
    copied_from = {(r["page"], r["based_on"]) for relations in found.values() for r in relations if r["type"] == "copy"}
    based_on: dict[str, list[str]] = {}
    for page, relations in found.items():
        copies = [r for r in relations if r["type"] == "copy"]
        best = max(map(_jaccard, copies), default=None)
        closest = list(dict.fromkeys(r["based_on"] for r in copies if _jaccard(r) == best))
        roots = [s for s in closest if not any((s, other) in copied_from for other in closest if other != s)]
        rewrites = {r["based_on"]: _contradictions(r) for r in relations if r["type"] == "rewrite"}
        kept = set(roots or closest) | {s for s, n in rewrites.items() if not any(
            (s, other) in copied_from and rewrites[other] <= n for other in rewrites if other != s)}
        based_on[page] = [s for s in dict.fromkeys(r["based_on"] for r in relations) if s in kept]
    return based_on


def _contradictions(relation: dict[str, Any]) -> int:
    count = ((relation.get("comparison") or {}).get("counts") or {}).get("contradict")
    return count if isinstance(count, int) else 0


def _jaccard(relation: dict[str, Any]) -> float:
    jaccard = (relation.get("evidence") or {}).get("shingle_jaccard")
    return float(jaccard) if isinstance(jaccard, int | float) else 0.0


def dossier_jsonld(dossier: Dossier) -> dict[str, Any]:
    based_on = based_on_links(dossier.stories)
    urls = {p.id: web_url(p.url) for p in dossier.pages}
    return {
        "@context": "https://schema.org",
        "@graph": [page_jsonld(p, based_on.get(p.id), urls) for p in dossier.pages],
    }


# JSON-LD is pasted into <script type="application/ld+json">: a "</script>" in a comment's text would end the
# block there. JSON has no <, > or & outside strings, and a string may write any character as \uXXXX.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def jsonld_dumps(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON text that is safe inside an HTML ``<script>`` block: ``<``, ``>`` and ``&`` are
    written ``\\u003c``, ``\\u003e``, ``\\u0026`` (the same JSON once parsed)."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_SCRIPT_SAFE)


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value
