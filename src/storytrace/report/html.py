"""The dossier as one self-contained HTML page a person reads in a browser.

All page and comment text is hostile: every value goes through :func:`esc` (html.escape with quotes), and
the page carries a Content-Security-Policy that forbids scripts and remote loads.
"""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..bidi import replace_controls, show_bidi_controls
from ..records import SCHEMA_VERSION, Comment, Dossier, Page

# a flooding comment is greyed, but a toxic or flagged one keeps its red / amber bar (the toxic count counts it)
# .toc .loose numbers its items itself (a flex ::before): an outside list marker would sit in the column gap,
# over the end of a long title in the column to its left
_CSS = """
body{font:16px/1.5 system-ui,sans-serif;overflow-wrap:anywhere;margin:0 auto;max-width:62rem;padding:1rem 1.5rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-top:3px solid #333;padding-top:.7rem}h3{margin-top:1.5rem}
p,li,td,th,h2,h3,blockquote,.ctext{unicode-bidi:plaintext;text-align:start}
.meta,.src{color:#555;font-size:.9rem}.note{background:#fff6dc;border-left:4px solid #c80;padding:.3rem .6rem}.src{word-break:break-all}
.variants li,.boiler li{color:#444}.body p{max-width:45rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
.wide{overflow-x:auto;max-width:100%}td.brk{overflow-wrap:anywhere}
.comment{border-left:4px solid #bbb;margin:.4rem 0;padding:.3rem .7rem;background:#fafafa}
.comment.toxic{border-left-color:#c0392b;background:#fdf0ee}.comment.flagged{border-left-color:#d68910;background:#fef9e7}.comment.flood{color:#666}
.comment.flood:not(.toxic):not(.flagged){border-left-color:#999}
mark{background:#f5b3a6;color:inherit}.reply{margin-left:2rem}.tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:.6rem;background:#e8e8ee;margin-right:.3rem}
.tag.bad{background:#f5c6c0}.err{color:#a00}.warn{color:#7a5200}.summary td{min-width:8rem}
.story{border-left:4px solid #4a6fa5;padding-left:1rem;margin:1rem 0}
.toc ol{margin:.2rem 0}.toc li{margin:.1rem 0}.toc a{overflow-wrap:anywhere}
.toc .loose{columns:2 22rem;column-gap:2rem;list-style:none;padding-left:0;counter-reset:toc}
.toc .loose li{break-inside:avoid;display:flex;gap:.4em;counter-increment:toc}
.toc .loose li::before{content:counter(toc) ".";flex:none;min-width:2.2em;text-align:right}.toc .loose li>span{min-width:0}
.pnav{font-size:.85rem;color:#555;margin:.2rem 0 .6rem}section,h2,h3{scroll-margin-top:.5rem}
"""
# default-src does not cover where a form posts or what a <base> points links to: both are closed too
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; form-action 'none'; "
        "base-uri 'none'")
TOXIC_AT = 0.5


def esc(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute; bidi controls become a visible ``[U+202E]``, other
    control characters (a NUL, a terminal's escape) U+FFFD: raw, they are parse errors a browser drops."""
    text = html.escape("" if value is None else str(value), quote=True)
    return show_bidi_controls(replace_controls(text))



def render_dossier(dossier: Dossier) -> str:
    """The whole HTML page for an in-memory dossier (the streaming writer uses the same pieces)."""
    copies = CrossPageCopies(dossier.coordination)
    summary = DossierSummary.of(dossier, copies)
    lines = (line + "\n" for p in dossier.pages for line in page_section(p).split("\n"))
    labels = dict(summary.links)
    sections = "".join(story_links(cross_page_notes(lines, copies, labels), dossier.stories, labels))
    parts = [html_head(summary), sections.rstrip("\n"), html_tail(dossier, dict(summary.links))]
    return "\n".join(p for p in parts if p)


MAX_REVIEW_ROWS = 200  # the review list keeps the highest-scored toxic comments: bounded memory on any corpus


@dataclass(slots=True)
class ReviewList:
    """The toxic comments of every page (toxic score 0.5 or more, as the threads count them), the highest kept, and
    the groups targeted across pages: what a moderator acts on first, without opening every thread."""

    rows: list[tuple[float, int, dict[str, Any]]] = field(default_factory=list)  # a min-heap of (score, order, row)
    total: int = 0
    seen: int = 0  # toxic comments added so far: orders ties (a row's dict is never compared)
    pages: int = 0
    targets: dict[str, list[Any]] = field(default_factory=dict)  # group -> [comments, set of page ids]

    def add(self, page: Page) -> None:
        toxic = [c for c in page.comments if c.scores.get("toxic", 0.0) >= TOXIC_AT]
        self.total += len(toxic)
        self.pages += bool(toxic)
        for comment in page.comments:
            for group in comment.targets:
                seen = self.targets.setdefault(str(group), [0, set()])
                seen[0] += 1
                seen[1].add(page.id)
        for comment in toxic:
            row = {"page": page.id, "id": comment.id, "position": comment.position, "author": comment.author,
                   "published": comment.published,
                   "scores": {k: v for k, v in comment.scores.items() if v >= TOXIC_AT and k != "toxic"},
                   "targets": list(comment.targets), "text": _short(comment.text, 200)}
            self.seen += 1
            item = (float(comment.scores["toxic"]), -self.seen, row)  # ties: the earlier comment first
            heapq.heappush(self.rows, item) if len(self.rows) < MAX_REVIEW_ROWS else heapq.heappushpop(self.rows, item)


def _review(review: ReviewList, labels: dict[str, str]) -> str:
    """"Comments to review": every toxic comment across pages, highest score first, with where, who and why."""
    if not review.total:
        return ""
    groups = sorted(review.targets.items(), key=lambda kv: (-kv[1][0], kv[0]))
    targets = " · ".join(f"{esc(g)} ({_plural(n, 'comment')} on {_plural(len(pages), 'page')})"
                         for g, (n, pages) in groups)
    rows = "".join(_review_row(row, score, labels) for score, _, row in sorted(review.rows, reverse=True))
    more = (f"<p class='meta'>The {len(review.rows)} highest shown; the other {review.total - len(review.rows)} are "
            "in their pages' threads.</p>" if review.total > len(review.rows) else "")
    return (f"<h2 id='review'>Comments to review ({review.total})</h2>"
            f"<p>{_plural(review.total, 'toxic comment')} (toxic score 0.5 or more) on {_plural(review.pages, 'page')}, "
            "the highest score first." + (f" Groups targeted (all comments): {targets}." if targets else "") + "</p>"
            "<div class='wide'><table><tr><th>toxic</th><th>comment</th><th>page</th><th>author</th><th>why</th>"
            f"<th>text</th></tr>{rows}</table></div>{more}")


def _review_row(row: dict[str, Any], score: float, labels: dict[str, str]) -> str:
    why = [f"{_SCORE_WORDS.get(k, k)} {v:.2f}" for k, v in sorted(row["scores"].items(), key=lambda kv: -kv[1])]
    why += [f"target: {t}" for t in row["targets"]]
    author = f"<bdi>{esc(row['author'])}</bdi>" if row["author"] else "anonymous"
    author += f"<br><span class='meta'>{esc(row['published'])}</span>" if row["published"] else ""
    return (f"<tr><td>{score:.2f}</td><td><a href='#c-{esc(row['id'])}'>{_number(row['position'])}</a></td>"
            f"<td><a href='#p-{esc(row['page'])}'><bdi>{esc(labels.get(row['page'], row['page']))}</bdi></a></td>"
            f"<td>{author}</td><td>{esc(' · '.join(why))}</td><td>{esc(_clip_long_words(row['text']))}</td></tr>")


@dataclass(slots=True)
class DossierSummary:
    """What the top of the page needs: counts and one link per page (no page bodies)."""

    links: list[tuple[str, str]] = field(default_factory=list)  # (page id, label)
    failures: int = 0
    skipped: int = 0  # notes of inputs read with records left out (a WARC's 404s)
    duplicates: int = 0  # inputs that repeated a page of the run
    coordination: int = 0  # clusters of comments posted across pages
    stories: list[dict[str, Any]] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    threads: dict[str, str] = field(default_factory=dict)  # page id -> "27 comments, 8 toxic" (pages with comments)
    review: ReviewList = field(default_factory=lambda: ReviewList())  # toxic comments across pages, for moderators
    cross_posted: dict[str, int] = field(default_factory=dict)  # page id -> its comments also posted on other pages

    def add(self, page: Page) -> None:
        self.links.append((page.id, page_label(page)))
        if page.comments:
            self.threads[page.id] = _thread_size(page)
            self.review.add(page)

    @classmethod
    def of(cls, dossier: Dossier, copies: CrossPageCopies | None = None) -> DossierSummary:
        summary = cls(failures=sum(f.failed for f in dossier.failures),
                      skipped=sum(not f.failed for f in dossier.failures), duplicates=len(dossier.duplicates), stories=dossier.stories,
                      coordination=len(dossier.coordination), schema_version=dossier.schema_version,
                      cross_posted=(copies or CrossPageCopies(dossier.coordination)).counts())
        for page in dossier.pages:
            summary.add(page)
        return summary


def page_label(page: Page, limit: int = 60) -> str:
    """A page's name in links: its title, else the start of its body marked untitled, else its file name."""
    if page.title:
        return _short(page.title, limit)
    first = " ".join(" ".join(page.body[:1]).split()[:10])
    return _short(f"(untitled) {first}", limit) if first else _basename(page.source)


def html_head(summary: DossierSummary) -> str:
    n = len(summary.links)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>storytrace dossier: {n} page(s)</title><style>{_CSS}</style></head><body>",
        "<h1 id='top'>storytrace dossier</h1>",
        (
            f"<p class='meta'>{n} page(s) analysed, {summary.failures} input(s) failed, "
            + (f"{summary.duplicates} duplicate input(s) analysed once, " if summary.duplicates else "")
            + f"{len(summary.stories)} story group(s). Schema {esc(summary.schema_version)}.</p>"
        ),
        _contents(summary),
        _review(summary.review, dict(summary.links)),
        _stories(summary.stories, dict(summary.links)),
    ]
    return "\n".join(p for p in parts if p)


def _contents(summary: DossierSummary) -> str:
    """A table of contents: each story with its pages, then the pages in no story, then the closing sections."""
    if not summary.links:
        return ""
    labels = dict(summary.links)
    in_story: set[str] = set()
    stories = []
    for story in summary.stories:
        if not isinstance(story, dict):
            continue
        members = [p for p in story.get("pages", []) if isinstance(p, dict) and p.get("id") in labels]
        ids = [str(p.get("id")) for p in members]
        in_story.update(ids)
        pages = "".join(f"<li><a href='#p-{esc(p.get('id'))}'><bdi>{esc(labels[str(p.get('id'))])}</bdi></a>"
                        f" <span class='meta'>{esc(_outlet_and_date(p))}</span>"
                        f"{_thread_note(summary, str(p.get('id')))}</li>" for p in members)
        stories.append(f"<li><a href='#s-{esc(story.get('id'))}'><bdi>{esc(_story_title(story, labels, 90))}</bdi>"
                       f"</a> <span class='meta'>({len(ids)} pages)</span><ol>{pages}</ol></li>")
    loose = [(pid, label) for pid, label in summary.links if pid not in in_story]
    out = ["<nav class='toc'><h2>Contents</h2>"]
    if stories:
        out.append(f"<h3>Stories ({len(stories)})</h3><ol>{''.join(stories)}</ol>")
    if loose:
        title = "Pages in no story" if stories else "Pages"
        # link and comment count in one flex item: as two, the count became a narrow column of its own
        items = "".join(f"<li><span><a href='#p-{esc(pid)}'><bdi>{esc(label)}</bdi></a>{_thread_note(summary, pid)}"
                        "</span></li>" for pid, label in loose)
        out.append(f"<h3>{title} ({len(loose)})</h3><ol class='loose'>{items}</ol>")
    tail = [(anchor, name) for anchor, name, count in (("review", "Comments to review", summary.review.total),
                                                       ("coordination", "Coordinated posting", summary.coordination),
                                                       ("failures", "Inputs that failed", summary.failures),
                                                       ("skipped", "Records skipped", summary.skipped),
                                                       ("duplicates", "Duplicate inputs", summary.duplicates)) if count]
    if tail:
        out.append("<p>" + " · ".join(f"<a href='#{a}'>{esc(name)}</a>" for a, name in tail) + "</p>")
    out.append("</nav>")
    return "\n".join(out)


def _thread_size(page: Page) -> str:
    """"27 comments, 8 toxic": the toxic count is the thread's (toxic score 0.5 or more), as its summary says."""
    toxic = page.thread.get("toxic_comments") if isinstance(page.thread, dict) else None
    n_toxic = len(toxic) if isinstance(toxic, list) else sum(c.scores.get("toxic", 0.0) >= TOXIC_AT for c in page.comments)
    return f"{_plural(len(page.comments), 'comment')}" + (f", {n_toxic} toxic" if n_toxic else "")


def _thread_note(summary: DossierSummary, page_id: str) -> str:
    """A contents entry's comment count, so a reader triaging many pages finds the threads with toxic comments."""
    size = summary.threads.get(page_id)
    elsewhere = summary.cross_posted.get(page_id)
    size = f"{size}, {elsewhere} also posted on other pages" if size and elsewhere else size
    return f" <span class='meta'>· {esc(size)}</span>" if size else ""


def story_links(sections: Iterable[str], stories: list[dict[str, Any]],
                labels: dict[str, str] | None = None) -> Iterator[str]:
    """The lines of the page sections, each page's navigation line given a link to its story: the stories
    are known only once every page is written."""
    story_of: dict[str, dict[str, Any]] = {}
    labels = labels or {}
    for story in stories:
        if isinstance(story, dict):
            for page in story.get("pages", []):
                if isinstance(page, dict):
                    story_of.setdefault(str(page.get("id")), story)
    story = None
    for line in sections:
        if line.startswith(_SECTION_START):
            story = story_of.get(line[len(_SECTION_START):].split("'", 1)[0])
        elif story is not None and line.startswith(_PAGE_NAV) and line.rstrip("\n").endswith("</p>"):
            link = f" · in story: <a href='#s-{esc(story.get('id'))}'><bdi>{esc(_story_title(story, labels, 80))}</bdi></a>"
            line, story = line.rstrip("\n")[:-len("</p>")] + link + "</p>\n", None
        yield line


_SECTION_START, _PAGE_NAV = "<section id='p-", "<p class='pnav'>"  # what page text, escaped, can never start with


def html_tail(dossier: Dossier, labels: dict[str, str] | None = None) -> str:
    """Coordination, failures and duplicates (``dossier.pages`` is not read, so a streaming writer may pass
    none; ``labels`` names pages by id)."""
    parts = (_coordination(dossier, labels or {}), _failures(dossier), _duplicates(dossier), "</body></html>")
    return "\n".join(p for p in parts if p)


def _stories(stories: list[dict[str, Any]], labels: dict[str, str] | None = None) -> str:
    """Each story group: its pages, how they relate, and each pair of versions compared claim by claim
    (``labels`` names the pages as the contents do)."""
    if not stories:
        return ""
    return "<h2>Stories</h2>\n" + "\n".join(_story(s, labels or {}) for s in stories if isinstance(s, dict))


def _story_title(story: dict[str, Any], labels: dict[Any, Any], limit: int) -> str:
    """The story's title, else its first page's name (a story of untitled pages is not shown as an id)."""
    first = next((p.get("id") for p in story.get("pages", []) if isinstance(p, dict)), None)
    return _short(str(story.get("title") or labels.get(first) or story.get("id")), limit)


def _story(story: dict[str, Any], labels: dict[str, str]) -> str:
    pages = [p for p in story.get("pages", []) if isinstance(p, dict)]
    label = {p.get("id"): _short(labels.get(str(p.get("id"))) or p.get("title")
                                 or _basename(str(p.get("source") or p.get("id"))), 70) for p in pages}
    items = "".join(
        f"<li><a href='#p-{esc(p.get('id'))}'><bdi>{esc(label[p.get('id')])}</bdi></a>"
        f"<span class='meta'> · {esc(' · '.join(str(p[k]) for k in ('language', 'published', 'site') if p.get(k)))}"
        f"</span></li>" for p in pages)
    out = [f"<section class='story' id='s-{esc(story.get('id'))}'>",
           f"<h3><bdi>{esc(_story_title(story, label, 200))}</bdi></h3>",
           (f"<p class='meta'>{len(pages)} page(s) · languages: {esc(', '.join(story.get('languages', [])))} · "
            f"{_story_similarity(story.get('similarity'), len(pages))}</p><ul>{items}</ul>")]
    out += [f"<p class='note'>{esc(note)}</p>" for note in story.get("notes") or []]
    columns = _column_names(pages, label)
    named = {p.get("id"): f"<bdi>{esc(label[p.get('id')])}</bdi>"
             + (f" <span class='meta'>({esc(where)})</span>" if (where := _outlet_and_date(p)) else "") for p in pages}
    out += [_relation(r, named, columns) for r in story.get("relations", []) if isinstance(r, dict)]
    out.append("</section>")
    return "\n".join(out)


def _story_similarity(similarity: Any, n_pages: int) -> str:
    """"meaning similarity of the leads 0.82 on average over 3 pairs": the same words and rounding as a relation's
    evidence, saying that the story's number is a mean over its page pairs."""
    if not isinstance(similarity, int | float) or isinstance(similarity, bool):
        return f"meaning similarity of the leads {esc(_compact(similarity))}"
    pairs = n_pages * (n_pages - 1) // 2
    over = f" on average over {pairs} pairs" if pairs > 1 else ""
    return f"meaning similarity of the leads {float(similarity):.2f}{over}"


_RELATION_WORDS = {"copy": "is a copy of", "rewrite": "is a rewrite of", "independent": "and, independently,"}
_TRANSLATED_WORDS = {"copy": "is a translation of", "rewrite": "is a translated rewrite of"}


def _column_names(pages: list[dict[str, Any]], label: dict[Any, str]) -> dict[Any, str]:
    """A comparison column header per page: its title, cut to 40 characters; where two pages' headers
    would read the same (a syndicated copy keeps the headline), the outlet and date, then the id, follow."""
    names = {p.get("id"): _short(label[p.get("id")], 40) for p in pages}
    for extra in (_outlet_and_date, lambda p: str(p.get("id"))[:8]):
        seen: dict[str, int] = {}
        for name in names.values():
            seen[name] = seen.get(name, 0) + 1
        for p in pages:
            if seen[names[p.get("id")]] > 1 and (more := extra(p)):
                names[p.get("id")] += f" ({more})"
    return names


def _outlet_and_date(page: dict[str, Any]) -> str:
    """Where and when a page appeared: its site (else the host of its URL, or its file name) and its date."""
    source = str(page.get("source") or "")
    host = source.split("://", 1)[1].split("/", 1)[0] if "://" in source else _basename(source)
    outlet = page.get("site") or host
    return ", ".join(str(v) for v in (outlet, str(page.get("published") or "")[:10]) if v)


def _relation(relation: dict[str, Any], named: dict[Any, str], columns: dict[Any, str]) -> str:
    """A relation's heading names both pages with their outlet and date (a copy keeps the headline: only
    where and when tell the versions apart), then its evidence and claim comparison. ``named`` is HTML."""
    page, other = relation.get("page"), relation.get("based_on") or relation.get("other")
    kind = str(relation.get("type"))
    words = (_TRANSLATED_WORDS if relation.get("translation") is True else _RELATION_WORDS).get(kind) or \
        _RELATION_WORDS.get(kind, kind)
    head = (f"<h4><span class='tag'>{esc(kind)}</span> {named.get(page) or esc(page)} "
            f"{esc(words)} {named.get(other) or esc(other)}</h4>")
    out = [head, f"<p class='meta'>{esc(_evidence_words(relation.get('evidence') or {}))}</p>"]
    if direction := relation.get("direction"):
        known = _DIRECTION_WORDS.get(str(direction))  # only our own templates are formatted, never a stored value
        why = known.format(kind=kind) if known is not None else f"told by {direction}"
        out.append(f"<p class='meta'>Which came first: {esc(why)}.</p>")
    if relation.get("maybe_other_event"):
        out.append(f"<p class='note'><b>Maybe another event:</b> {esc(relation['maybe_other_event'])}</p>")
    comparison = relation.get("comparison")
    if isinstance(comparison, dict):
        out.append(_comparison(comparison, columns))
    return "\n".join(out)


# how the stories stage told the source from the later version (relations.py ``_direction``), for a reader
_DIRECTION_WORDS = {
    "date": "the source was published earlier",
    "containment": "the {kind}'s names, numbers and dates are in the source, not the other way round",
    "specifics": "the source has more names, numbers and dates",
    "input order": "nothing tells; the source is the page given first (no isBasedOn in the JSON-LD)",
}
# the relation's evidence (relations.py) in words; other keys follow as they are
_EVIDENCE_WORDS = {
    "shingle_jaccard": ("shared wording", "percent"), "similarity": ("meaning similarity of the leads", "score"),
    "aligned_claims": ("claims with a counterpart in the other page (agreeing, contradicting or restating)", "percent"),
    "specifics_contained": ("names, numbers and dates found in the other page", "percent"),
}


def _evidence_words(evidence: dict[str, Any]) -> str:
    """"shared wording 3 % · meaning similarity 0.82 · ..." (the JSON keeps the raw keys and values)."""
    parts = []
    for key, value in evidence.items():
        label, kind = _EVIDENCE_WORDS.get(key, (key.replace("_", " "), ""))
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown = _percent(float(value)) if kind == "percent" else f"{float(value):.2f}" if kind else _compact(value)
            parts.append(f"{label} {shown}")
        elif value not in (None, "", [], {}):
            parts.append(f"{label} {_compact(value)}")
    return " · ".join(parts)


def _comparison(comparison: dict[str, Any], columns: dict[Any, str]) -> str:
    """The claim-by-claim comparison; table rows are keyed by side (``_BASE``/``_OTHER``, one page id each),
    never by title, so two pages with the same headline keep a column each."""
    base, other = columns.get(comparison.get("base"), "base"), columns.get(comparison.get("other"), "other")
    if base == other:
        base, other = f"{base} (base)", f"{other} (other)"
    headers = {_BASE: base, _OTHER: other}
    counts = comparison.get("counts") or {}
    if comparison.get("not_compared"):  # claims of a possible other event are listed, not judged
        return (f"<p>Claims not judged: {esc(comparison['not_compared'])}.</p>"
                + _claim_lists(comparison, headers, base, other))
    contradicting = f"{esc(counts.get('contradict', 0))} contradict"
    possible_note = (f", {esc(counts['possible'])} possibly contradict (one denies what the other says: read both)"
                     if counts.get("possible") else "")
    out = [_side_counts(counts, base, other) if "base_agree" in counts else
           (f"<p>{esc(counts.get('agree', 0))} claim(s) agree, "
            f"{f'<b>{contradicting}</b>' if counts.get('contradict') else contradicting}{possible_note}, "
            f"{esc(counts.get('added', 0))} added, {esc(counts.get('dropped', 0))} dropped.</p>")]
    for key, title in (("contradict", "Contradictions (numbers or what is counted)"),
                       ("possible", "Possible contradictions (negation only)")):
        entries = [e for e in comparison.get(key) or [] if isinstance(e, dict)]
        if entries:
            rows = [{"reasons": e.get("reasons"), _BASE: e.get("base"), _OTHER: e.get("other")} for e in entries]
            out.append(f"<h5>{esc(title)}</h5>{table(rows, headers=headers)}")
    out.append(_numbers(comparison, headers))
    out.append(_claim_lists(comparison, headers, base, other))
    return "\n".join(p for p in out if p)


def _side_counts(counts: dict[str, Any], base: str, other: str) -> str:
    """Each side's claims counted once (stories/compare.py ``_tallies``): "000 (15 claims): 4 agree, 1 contradict,
    10 dropped"; a claim that agrees with one claim and contradicts another counts as contradicting."""
    def side(name: str, prefix: str, unpaired: str) -> str:
        parts = [f"{esc(counts.get(f'{prefix}_agree', 0))} agree"]
        if n := counts.get(f"{prefix}_contradict"):
            parts.append(f"<b>{esc(n)} contradict</b>")
        if n := counts.get(f"{prefix}_possible"):
            parts.append(f"{esc(n)} possibly contradict (one denies what the other says: read both)")
        if n := counts.get(f"{prefix}_restates"):
            parts.append(f"{esc(n)} restate a claim paired with another")
        parts.append(f"{esc(counts.get(unpaired, 0))} {unpaired}")
        return f"{esc(name)} ({esc(counts.get(f'{prefix}_claims', 0))} claims): {', '.join(parts)}"
    return (f"<p>{side(base, 'base', 'dropped')}.<br>{side(other, 'other', 'added')}.</p>"
            "<p class='meta'>Each claim is counted once: one that agrees with a claim and contradicts another "
            "counts as contradicting.</p>")


# how two versions' numbers were matched (reconcile.py ``relation``), for a reader
_MATCH_WORDS = {"equal": "same number", "within": "number within the range", "sum": "total = sum of parts"}


def _numbers(comparison: dict[str, Any], headers: dict[str, str]) -> str:
    """The numbers of both versions: those matched (the same value, or a total and its parts) with their verdict,
    then, folded, those found in one version only (else a number dropped or changed, "3,000" in one and "30,000"
    in the other, would vanish from the accounting)."""
    quantities = [q for q in comparison.get("quantities") or [] if isinstance(q, dict)]
    matched = [q for q in quantities if q.get("relation") in _MATCH_WORDS]
    alone = [q for q in quantities if q.get("relation") in ("only_base", "only_other")]
    out = []
    if matched:
        rows = [{"match": _MATCH_WORDS[str(q.get("relation"))] + (" (within rounding)" if q.get("approximately") else ""),
                 _BASE: " + ".join(map(str, q.get("base") or [])),
                 _OTHER: " + ".join(map(str, q.get("other") or [])), "verdict": q.get("verdict"),
                 "why": q.get("reason")} for q in matched]
        out.append(f"<h5>Numbers reconciled</h5>{table(rows, headers=headers)}")
    if alone:
        rows = [{_BASE: " + ".join(map(str, q.get("base") or [])), _OTHER: " + ".join(map(str, q.get("other") or []))}
                for q in alone]
        out.append(f"<details><summary>Numbers in one version only ({len(alone)})</summary>"
                   f"{table(rows, headers=headers)}</details>")
    return "\n".join(out)


def _claim_lists(comparison: dict[str, Any], headers: dict[str, str], base: str, other: str) -> str:
    """The folded lists of aligned (agreeing), restating, added and dropped claims."""
    out = []
    for key, title in (("agree", "Claims that agree"), ("restates", "Restating a claim paired with another"),
                       ("added", f"Added (only in {other})"),
                       ("dropped", f"Dropped (only in {base})")):
        entries = comparison.get(key) or []
        if entries:
            rows = [{_BASE: e.get("base"), _OTHER: e.get("other"), "similarity": _similarity(e.get("score"))}
                    if isinstance(e, dict) else e for e in entries]
            out.append(f"<details><summary>{esc(title)} ({len(entries)})</summary>{table(rows, headers=headers)}"
                       "</details>")
    return "\n".join(out)


def page_section(page: Page) -> str:
    comments = f" · <a href='#comments-{esc(page.id)}'>comments ({len(page.comments)})</a>" if page.comments else ""
    out = [
        f"{_SECTION_START}{esc(page.id)}'>",
        f"<h2>{esc(page.title or '(no title found): ' + _basename(page.source))}</h2>",
        f"{_PAGE_NAV}<a href='#top'>↑ contents</a>{comments}</p>",
        f"<p class='src'>{esc(page.source)}{' · ' + esc(page.url) if page.url and page.url != page.source else ''}</p>",
        _meta_line(page),
    ]
    for kind, notes in (("err", page.errors), ("warn", page.warnings)):
        if notes:
            out.append(f"<ul class='{kind}'>" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
    if page.headline_variants:
        out.append("<h3>Headline variants</h3><ul class='variants'>")
        out += [f"<li>{esc(v)}</li>" for v in page.headline_variants]
        out.append("</ul>")
    out.append(f"<h3>Article ({len(page.body)} paragraphs)</h3><div class='body'>")
    out += [f"<p>{esc(_clip_long_words(p))}</p>" for p in page.body]
    out.append("</div>")
    if page.references:
        out.append("<h3>References</h3><ol class='refs'>")
        out += [f"<li value='{esc(_int(r.marker))}'>{esc(r.text)}</li>" for r in page.references]
        out.append("</ol>")
    out.append(_facts(page.facts))
    out.append(_thread(page))
    if page.boilerplate:
        out.append(f"<details><summary>Boilerplate ({len(page.boilerplate)} lines)</summary><ul class='boiler'>")
        out += [f"<li>{esc(b)}</li>" for b in page.boilerplate]
        out.append("</ul></details>")
    out.append("</section>")
    return "\n".join(o for o in out if o)


def _meta_line(page: Page) -> str:
    bits = [
        ("language", page.language), ("published", page.published), ("site", page.site),
        ("author", page.author), ("id", page.id),
    ]
    return "<p class='meta'>" + " · ".join(f"{k}: {esc(v)}" for k, v in bits if v) + "</p>"


# which fields of each fact list a reader wants to see, in order; anything else stays in the JSON
_FACT_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "topics": (("id", "IPTC code"), ("name", "topic"), ("score", "score")),
    "entities": (("name", "entity"), ("label", "type"), ("mentions", "mentions"), ("place", "resolved place"),
                 ("confidence", "confidence")),
    "quantities": (("text", "as written"), ("value", "value"), ("counted", "counts"), ("approximate", "approx."),
                   ("vague", "vague"), ("unit", "unit")),
    "dates": (("text", "as written"), ("value", "ISO"), ("precision", "precision")),
    "claims": (("text", "claim"), ("subject", "subject"), ("predicate", "predicate"), ("object", "object"),
               ("modality", "modality"), ("attribution", "attribution")),
}
# a claim the facts stage did not parse (no entity, number or date in it) has only its sentence: say so
# instead of showing empty cells and the default modality
_UNPARSED_CLAIM = {"subject": "(not parsed into subject, predicate and object)", "predicate": "", "object": "",
                   "modality": "", "attribution": ""}


def _facts(facts: dict[str, Any]) -> str:
    if not facts:
        return ""
    out = ["<h3>Facts</h3>"]
    for note in facts.get("notes", []) or []:
        out.append(f"<p class='meta'>{esc(note)}</p>")
    for key, columns in _FACT_COLUMNS.items():
        rows = facts.get(key) or []
        if rows and isinstance(rows, list):
            shown = [{label: _fact_cell(name, _fact_row(key, r).get(name)) for name, label in columns}
                     if isinstance(r, dict) else r for r in rows]
            out.append(f"<h4>{esc(key.capitalize())} ({len(rows)})</h4>{table(shown)}")
    return "\n".join(out)


def _fact_row(key: str, row: dict[str, Any]) -> dict[str, Any]:
    if key == "quantities" and row.get("value") is None and row.get("low") is not None \
            and row.get("high") is not None:  # a range has no value: show its two ends ("10,000,000–12,000,000")
        return row | {"value": f"{_compact(row['low'])}–{_compact(row['high'])}"}
    return row | _UNPARSED_CLAIM if key == "claims" and row.get("parsed") is False else row


def _fact_cell(name: str, value: Any) -> Any:
    if name == "mentions" and isinstance(value, list):
        return len(value)
    if name == "place" and isinstance(value, dict):
        where = ", ".join(str(v) for v in (value.get("name"), value.get("country")) if v)
        lat, lon = value.get("latitude"), value.get("longitude")
        return f"{where} ({lat:.2f}, {lon:.2f})" if isinstance(lat, float) and isinstance(lon, float) else where
    if isinstance(value, bool):
        return "yes" if value else ""
    return value


def _similarity(score: Any) -> Any:
    """A claim pair's score shown as a similarity from 0 to 1: the stories stage adds a bonus for numbers
    that reconcile, which can lift it past 1 (1.15); the JSON keeps the raw score."""
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{min(max(float(score), 0.0), 1.0):.2f}"
    return score


_BASE, _OTHER = "\x00base", "\x00other"  # row keys of a comparison's two sides (no title can collide)


def table(rows: list[Any], max_rows: int = 200, headers: dict[str, str] | None = None) -> str:
    """A table of dict rows; nested values are shown compactly. Everything escaped. ``headers`` names
    columns whose keys are not meant to be read."""
    dict_rows = [r if isinstance(r, dict) else {"value": r} for r in rows[:max_rows]]
    columns: list[str] = []
    for row in dict_rows:
        columns += [k for k in row if k not in columns and not k.startswith("_")]
    columns = columns[:8]
    head = "".join(f"<th>{esc((headers or {}).get(c, c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(_short(_compact(r.get(c)), 240)) for c in columns) + "</tr>"
                   for r in dict_rows)
    more = f"<p class='meta'>… {len(rows) - max_rows} more</p>" if len(rows) > max_rows else ""
    return f"<div class='wide'><table><tr>{head}</tr>{body}</table></div>{more}"


_LONG_WORD = re.compile(r"\S{25,}")  # a path or URL: may break anywhere; shorter words never break


def _cell(text: str) -> str:
    return f"<td class='brk'>{esc(text)}</td>" if _LONG_WORD.search(text) else f"<td>{esc(text)}</td>"


def _thread(page: Page) -> str:
    if not page.comments:
        return ""
    out = [f"<h3 id='comments-{esc(page.id)}'>Comments ({len(page.comments)})</h3>"]
    if page.thread:
        out.append(_thread_summary(page))
    positions = {c.id: c.position for c in page.comments}
    out += [_comment(c, positions) for c in page.comments]
    return "\n".join(out)


# Row labels of the thread summary, in reading order; keys not listed here follow with their own names.
_THREAD_ROWS = {
    "toxic_comments": "toxic (score ≥ 0.5)", "mean_scores": "mean scores", "top_targets": "targeted groups",
    "languages": "languages", "flood_share": "flooding", "disguised_share": "disguised words",
    "coordinated_clusters": "coordinated posting", "bursts": "bursts", "relations": "replies and quotes",
    "calibration": "score calibration",
}
_THREAD_SKIP = {"comments", "toxic_share"}  # said in the "toxic" row
_CALIBRATION_WORDS = {
    "news_comments": "for reader comments under articles (news_comments: few false alarms; rank by score for recall)",
    "training": "on tweets (training: about 12 % of clean reader comments score toxic)",
}


def _thread_summary(page: Page) -> str:
    """The thread summary as sentences a reader can follow: comments named by their position and linked."""
    links = {c.id: f"<a href='#c-{esc(c.id)}'>{_number(c.position)}</a>" for c in page.comments}
    thread = page.thread
    keys = [k for k in _THREAD_ROWS if k in thread]
    keys += [k for k in thread if k not in _THREAD_ROWS and k not in _THREAD_SKIP]
    rows = []
    for key in keys:
        value = thread[key]
        if key == "toxic_comments":
            n = thread.get("comments")
            n = n if isinstance(n, int) and not isinstance(n, bool) else len(page.comments)
            count = len(value) if isinstance(value, list) else 0
            cell = f"{count} of {n} ({_percent(count / n if n else 0.0)})"
            cell += (": " + " ".join(_thread_value(v, links) for v in value)) if count else ""
        elif key in ("flood_share", "disguised_share") and isinstance(value, int | float):
            cell = _percent(value)
        elif key == "mean_scores" and isinstance(value, dict):
            cell = " · ".join(f"{esc(_SCORE_WORDS.get(k, k.replace('_', ' ')))} {esc(_compact(v))}"
                              for k, v in value.items())
        elif key == "top_targets" and isinstance(value, list):
            cell = " · ".join(f"{esc(t.get('group'))} ({esc(t.get('comments'))})" for t in value if isinstance(t, dict))
        elif key == "relations" and isinstance(value, list):
            cell = "; ".join(_thread_relation(r, links) for r in value if isinstance(r, dict))
        elif key == "coordinated_clusters" and isinstance(value, list):
            cell = "<br>".join(_thread_cluster(c, links) for c in value if isinstance(c, dict))
        elif key == "bursts" and isinstance(value, list):
            cell = "<br>".join(_thread_burst(b, links) for b in value if isinstance(b, dict))
        elif key == "calibration" and value in _CALIBRATION_WORDS:
            cell = _CALIBRATION_WORDS[value]
        else:
            cell = _thread_value(value, links)
        if cell:
            rows.append(f"<tr><th>{esc(_THREAD_ROWS.get(key, key))}</th><td>{cell}</td></tr>")
    return "<div class='wide'><table class='summary'>" + "".join(rows) + "</table></div>"


def _thread_cluster(cluster: dict[str, Any], links: dict[str, str]) -> str:
    """"#0, #2: the same text under 2 names (Ann, Bob): “Vote NO …”" (the thread's ``coordinated_clusters``)."""
    ids = [c for c in cluster.get("comments") or [] if isinstance(c, str)]
    names = [str(a) for a in cluster.get("authors") or [] if a]
    kind = _COORDINATION_KINDS.get(str(cluster.get("kind")), str(cluster.get("kind")))
    shown_names = ", ".join(f"<bdi>{esc(n)}</bdi>" for n in names[:MAX_LISTED_NAMES]) + _more(names, MAX_LISTED_NAMES,
                                                                                              " names")
    who = f"under {_plural(len(names), 'name')} ({shown_names})" if names else "without a name"
    count = f"{len(ids)} comments: " if len(ids) > MAX_LISTED else ""
    return (f"{count}{_listed(ids, links)}: {esc(kind)} {who}: "
            f"“{esc(_short(str(cluster.get('text') or ''), 200))}”")


# a cluster or burst of thousands of comments is summed up: its first comments and names, then how many more
MAX_LISTED, MAX_LISTED_NAMES = 20, 10


def _listed(ids: list[str], links: dict[str, str]) -> str:
    """The first comments of a list, linked, and "… and 580 more"."""
    return _thread_value(ids[:MAX_LISTED], links) + _more(ids, MAX_LISTED)


def _more(items: list[Any], limit: int, what: str = "") -> str:
    return f" … and {len(items) - limit} more{what}" if len(items) > limit else ""


def _thread_burst(burst: dict[str, Any], links: dict[str, str]) -> str:
    """"6 comments posted from 10:01 to 10:02 (2024-03-01): #1, #2, …" (the thread's ``bursts``)."""
    ids = [c for c in burst.get("comments") or [] if isinstance(c, str)]
    start, end = str(burst.get("start") or ""), str(burst.get("end") or "")
    span = f"from {start[11:16]} to {end[11:16]} ({start[:10]})" if start[:10] == end[:10] else f"from {start} to {end}"
    return f"{_plural(len(ids), 'comment')} posted {esc(span)}: {_listed(ids, links)}"


def _thread_relation(rel: dict[str, Any], links: dict[str, str]) -> str:
    """"#9 quotes #8", "#4 replies to #2"."""
    me = _thread_value(rel.get("comment"), links)
    if "parent" in rel:
        return f"{me} replies to {_thread_value(rel['parent'], links)}"
    others = {k: v for k, v in rel.items() if k != "comment"}
    return f"{me} " + ", ".join(f"{esc(k)} {_thread_value(v, links)}" for k, v in others.items())


def _thread_value(value: Any, links: dict[str, str], limit: int = 300) -> str:
    """Escaped text of any summary value; a comment id becomes a link to that comment."""
    if isinstance(value, str):
        return links.get(value) or esc(_short(value, limit))
    if isinstance(value, dict):
        return " · ".join(f"{esc(k)} {_thread_value(v, links)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return ", ".join(_thread_value(v, links) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return esc(_compact(value))


def _percent(share: float) -> str:
    return f"{100 * share:.0f} %" if share >= 0.01 or share == 0 else f"{100 * share:.1f} %"


# a comment's scores and flags in a moderator's words (the title attribute and the JSON keep the stage's names)
_SCORE_WORDS = {"identity_attack": "attack on a group"}
_FLAG_WORDS = {
    "low_content": "little content", "emoji_only": "emoji only", "flood": "flooding", "laughter": "laughter",
    "disguised": "disguised words", "duplicate": "the same text as another comment",
    "near_duplicate": "nearly the same text as another comment",
}


def _comment(comment: Comment, positions: dict[str, int] | None = None) -> str:
    top = max(comment.scores.values(), default=0.0)
    classes = ["comment"]
    if comment.scores.get("toxic", 0.0) >= TOXIC_AT:
        classes.append("toxic")  # red: the comments the thread's "toxic" count counts
    elif top >= TOXIC_AT:
        classes.append("flagged")  # amber: profanity or sexual content alone (swearing for emphasis is not toxic)
    if "flood" in comment.flags:
        classes.append("flood")
    if comment.parent_id:
        classes.append("reply")
    tags = [f"<span class='tag' title='{esc(f)}'>{esc(_FLAG_WORDS.get(f, f))}</span>" for f in comment.flags]
    tags += [
        f"<span class='tag bad' title='{esc(k)}'>{esc(_SCORE_WORDS.get(k, k))} {esc(f'{v:.2f}')}</span>"
        for k, v in sorted(comment.scores.items(), key=lambda kv: -kv[1])
        if v >= TOXIC_AT
    ]
    tags += [f"<span class='tag bad'>target: {esc(t)}</span>" for t in comment.targets]
    tags += [
        f"<span class='tag'>“{esc(d.get('span'))}” → {esc(d.get('decoded'))}</span>" for d in comment.decoded
    ]
    who = f"<bdi>{esc(comment.author)}</bdi>" if comment.author else "anonymous"  # a right-to-left name stays put
    lang = f" · {esc(comment.language)}" if comment.language else ""
    box = (
        f"<div class='{' '.join(classes)}' id='c-{esc(comment.id)}'><div class='meta'>{_number(comment.position)} {who}"
        f"{lang}{' · ' + esc(comment.published) if comment.published else ''}{_reply_to(comment, positions or {})}</div>"
        f"<div class='ctext'>{_marked_text(comment)}</div><div>{''.join(tags)}</div></div>"
    )
    return _one_line(box)


def _one_line(markup: str) -> str:
    """``markup`` on one line, the same to a browser: a line break in the text becomes ``&#10;`` (a carriage return
    too, as the HTML parser would read it), so :func:`cross_page_notes` finds each comment's box on its own line."""
    return markup.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "&#10;")


def _marked_text(comment: Comment) -> str:
    """The comment's text, escaped, with the words behind each score of 0.5 or more marked (``evidence`` spans:
    "idiot" for an insult), so a reader sees why it is flagged. A span that does not match the text is skipped."""
    flagged = {k for k, v in comment.scores.items() if isinstance(v, int | float) and v >= TOXIC_AT}
    spans: dict[tuple[int, int], list[str]] = {}
    for e in comment.evidence:
        start, end, category = e.get("start"), e.get("end"), e.get("category")
        if (category in flagged and isinstance(start, int) and isinstance(end, int) and 0 <= start < end
                and comment.text[start:end] == e.get("text")):
            spans.setdefault((start, end), []).append(_SCORE_WORDS.get(str(category), str(category)))
    out, at = [], 0
    for (start, end), categories in sorted(spans.items()):
        if start < at:  # overlaps a span already marked
            continue
        out.append(esc(_clip_long_words(comment.text[at:start])))
        out.append(f"<mark title='{esc(', '.join(categories))}'>{esc(comment.text[start:end])}</mark>")
        at = end
    out.append(esc(_clip_long_words(comment.text[at:])))
    return "".join(out)


def _number(position: Any) -> str:
    """"#1" for the first comment: a reader counts from 1 (the JSON's ``position`` counts from 0)."""
    return f"#{position + 1}" if isinstance(position, int) and not isinstance(position, bool) else f"#{esc(position)}"


def _reply_to(comment: Comment, positions: dict[str, int]) -> str:
    """" · reply to #3", linked: the indent alone shows a reply, not which comment it answers."""
    if not comment.parent_id or comment.parent_id not in positions:
        return ""
    return f" · reply to <a href='#c-{esc(comment.parent_id)}'>{_number(positions[comment.parent_id])}</a>"


_COORDINATION_KINDS = {"identical": "the same text", "near_identical": "nearly the same text"}
# what a comment's box (one line, :func:`_one_line`) starts with; escaped page text can never start so
_COMMENT_BOX = re.compile(r"<div class='comment[^']*' id='c-([^']*)'>")
_META_END = "</div><div class='ctext'>"


def cross_page_notes(lines: Iterable[str], copies: CrossPageCopies, labels: dict[str, str]) -> Iterator[str]:
    """The lines of the page sections, each comment whose text was also posted on other pages (``copies``, from the
    coordination clusters) told so in its meta line: "also posted on 2 other pages: <page>, <page>", each linked to
    the first copy there. The clusters are known only once every page is written."""
    for line in lines:
        if copies.of and (box := _COMMENT_BOX.match(line)) and (note := copies.note(html.unescape(box[1]), labels)):
            line = line.replace(_META_END, note + _META_END, 1)
        yield line


class CrossPageCopies:
    """Each clustered comment's page and clusters, each cluster's pages with their first copy: memory grows with the
    clustered comments, not with comments times pages."""

    def __init__(self, coordination: list[Any]) -> None:
        self.firsts: list[dict[str, str]] = []  # per cluster: page id -> its first copy's comment id
        self.of: dict[str, tuple[str, list[int]]] = {}  # comment id -> (its page id, its clusters)
        for cluster in coordination:
            posts = [c for c in cluster.get("comments") or [] if isinstance(c, dict)] if isinstance(cluster, dict) \
                and cluster.get("kind") != "burst" else []  # a burst's comments are ids: no same text
            first: dict[str, str] = {}
            for post in posts:
                first.setdefault(str(post.get("page")), str(post.get("comment")))
            if len(first) < 2:  # one page's repeat: the thread's own summary says it
                continue
            self.firsts.append(first)
            for post in posts:
                _, clusters = self.of.setdefault(str(post.get("comment")), (str(post.get("page")), []))
                clusters.append(len(self.firsts) - 1)

    def counts(self) -> dict[str, int]:
        """Page id -> how many of its comments were also posted on other pages (the contents say so per thread)."""
        out: dict[str, int] = {}
        for page, _ in self.of.values():
            out[page] = out.get(page, 0) + 1
        return out

    def note(self, comment_id: str, labels: dict[str, str]) -> str:
        if comment_id not in self.of:
            return ""
        page, clusters = self.of[comment_id]
        elsewhere: dict[str, str] = {}
        for k in clusters:
            for other, first in self.firsts[k].items():
                if other != page:
                    elsewhere.setdefault(other, first)
        links = [f"<a href='#c-{esc(first)}'><bdi>{esc(labels.get(other, other))}</bdi></a>"
                 for other, first in list(elsewhere.items())[:MAX_LISTED]]
        return (f" · also posted on {_plural(len(elsewhere), 'other page')}: {', '.join(links)}"
                f"{_more(list(elsewhere), MAX_LISTED)}")


def _coordination(dossier: Dossier, labels: dict[str, str]) -> str:
    """Each cluster of repeated comments: what was posted, how often, and where (links to each comment)."""
    clusters = [c for c in dossier.coordination if isinstance(c, dict)]
    if not clusters:
        return ""
    rows = []
    for cluster in clusters:
        if cluster.get("kind") == "burst":
            rows.append(_burst_across_pages(cluster, labels))
            continue
        posts = [c for c in cluster.get("comments") or [] if isinstance(c, dict)]
        names = {str(c.get("author")) for c in posts if c.get("author")}
        pages = {str(c.get("page")) for c in posts}
        where = "<br>".join(
            f"<a href='#c-{esc(c.get('comment'))}'><bdi>{esc(c.get('author') or 'anonymous')}</bdi></a> on "
            f"<a href='#p-{esc(c.get('page'))}'>{esc(labels.get(str(c.get('page')), c.get('page')))}</a>"
            for c in posts[:MAX_LISTED]) + _more(posts, MAX_LISTED)
        kind = _COORDINATION_KINDS.get(str(cluster.get("kind")), str(cluster.get("kind")))
        rows.append(f"<tr><td>{esc(kind)}: {_posted(len(posts), len(names), len(pages))}</td>"
                    f"<td>{esc(_short(str(cluster.get('text') or ''), 300))}</td><td>{where}</td></tr>")
    # a cluster may sit on one page (one text under several names): the heading does not say "across pages"
    return (f"<h2 id='coordination'>Coordinated posting ({len(rows)})</h2><div class='wide'><table>"
            f"<tr><th>what</th><th>text</th><th>posted as, where</th></tr>{''.join(rows)}</table></div>")


def _burst_across_pages(burst: dict[str, Any], labels: dict[str, str]) -> str:
    """A burst of comments across pages (its comments are ids): how many, when, and how many on each page."""
    ids = [c for c in burst.get("comments") or [] if isinstance(c, str)]
    names = [a for a in burst.get("authors") or [] if a]
    pages = [str(p) for p in burst.get("pages") or []]
    start, end = str(burst.get("start") or ""), str(burst.get("end") or "")
    span = f"from {start[11:16]} to {end[11:16]} ({start[:10]})" if start[:10] == end[:10] else f"from {start} to {end}"
    # a comment id starts with its page's id (anatomy: "<page id>-c<n>"): counted per page, not linked one by one
    per_page = {p: sum(c.startswith(p + "-") for c in ids) for p in pages}
    where = "<br>".join(f"<a href='#p-{esc(p)}'>{esc(labels.get(p, p))}</a>"
                        + (f" ({_plural(n, 'comment')})" if n else "") for p, n in per_page.items())
    return (f"<tr><td>burst: {_posted(len(ids), len(names), len(pages))}, posted {esc(span)}</td>"
            f"<td class='meta'>many comments in a short time (each page's thread lists them)</td><td>{where}</td></tr>")


def _posted(n_posts: int, n_names: int, n_pages: int) -> str:
    """"3 comments under 2 names on 1 page", "2 comments without a name on 2 pages"."""
    names = "without a name" if not n_names else f"under {_plural(n_names, 'name')}"
    return f"{_plural(n_posts, 'comment')} {names} on {_plural(n_pages, 'page')}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _failures(dossier: Dossier) -> str:
    """Inputs that failed, then the notes of inputs read with some records left out (a WARC's 404 records)."""
    out = []
    for failed, anchor, heading in ((True, "failures", "Inputs that failed"),
                                    (False, "skipped", "Records skipped (not pages)")):
        # a note of records skipped is no error: its stage and error class would read as one
        rows = [{"source": f.source, "stage": f.stage, "error": f.error, "message": f.message} if failed
                else {"source": f.source, "message": f.message} for f in dossier.failures if f.failed is failed]
        if rows:
            out.append(f"<h2 id='{anchor}'>{heading} ({len(rows)})</h2>{table(rows)}")
    return "".join(out)


def _duplicates(dossier: Dossier) -> str:
    """Inputs that held a page already read: each source kept, linked to the page analysed."""
    if not dossier.duplicates:
        return ""
    rows = "".join(f"<tr><td class='brk'>{esc(d.source)}</td><td><a href='#p-{esc(d.page_id)}'>{esc(d.same_as)}</a>"
                   f"</td></tr>" for d in dossier.duplicates)
    return (f"<h2 id='duplicates'>Duplicate inputs ({len(dossier.duplicates)})</h2><p class='meta'>Each holds the same page as an "
            f"earlier input (same bytes and URL); the page is analysed and listed once.</p><div class='wide'><table>"
            f"<tr><th>input</th><th>same page as</th></tr>{rows}</table></div>")


def _compact(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={_compact(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return "; ".join(_compact(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1 else f"{value:.3g}"
    return "" if value is None else str(value)


_HUGE_WORD = re.compile(r"\S{301,}")


def _clip_long_words(text: str) -> str:
    """A run of over 300 characters without a space (a flood of one letter, a pasted blob) is shown by its
    first 200 and a count: wrapped in full it filled a screen. The JSON keeps the whole text."""
    return _HUGE_WORD.sub(lambda m: f"{m.group()[:200]}… [+{len(m.group()) - 200:,} characters]", text)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _basename(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1] or source


def _int(marker: str) -> int:
    return int(marker) if marker.isdigit() else 0
