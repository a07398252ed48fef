"""The comments stage: per-comment fields, the thread summary and cross-page coordination."""

from __future__ import annotations

import collections
import gc
import math
import multiprocessing
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from storytrace.comments._content import is_laughter, without_links
from storytrace.comments._lexicon import load_common_words
from storytrace.comments._model import TRAINING_CALIBRATION
from storytrace.lang import UNDETERMINED, detect_language, plain_quotes
from storytrace.records import Page
from storytrace.settings import COMMENT_CALIBRATIONS, DEFAULT_COMMENT_CALIBRATION, Options

TOXIC_THRESHOLD = 0.5
# the calibration for reader comments under articles, where abuse is far rarer than in the training tweets
# (docs/results/comments_real.md). Not the default: the eval run its rule was written for (session 9, an earlier
# fit) cut toxic false alarms 0.123 -> 0.012 but missed the rule's precision floor (0.148 < 0.15); the shipped fit
# measures 0.119 -> 0.008, precision 0.10 -> 0.22, recall 0.84 -> 0.21. Pass it explicitly
NEWS_CALIBRATION = "news_comments"
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_NORM = re.compile(r"[^\w]+", re.UNICODE)
_QUOTE = re.compile(r"^\s*(?:>|@)(\S*)")


def _is_emoji_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat == "So" or cat == "Sk" or 0x1F000 <= ord(ch) <= 0x1FAFF or ch in "\u200d\ufe0f<3=♥"


def _emoji_count(text: str) -> int:
    """Pictographs in ``text``, not counting the joiners, variation selectors and skin tones that build one."""
    return sum(1 for ch in text if _is_emoji_char(ch) and ch not in "\u200d\ufe0f"
               and not 0x1F3FB <= ord(ch) <= 0x1F3FF)


def comment_flags(text: str) -> list[str]:
    """flood/laughter, emoji_only and low_content flags for one comment (duplicates are found per thread)."""
    flags: list[str] = []
    words = _WORDS.findall(without_links(text))  # "www." in a link is not Japanese laughter
    laughing = [is_laughter(w) for w in words]
    laughs = [w for w, laugh in zip(words, laughing, strict=True) if laugh]
    # the longest run of consecutive laughter words
    run = best = 0
    for laugh in laughing:
        run = run + 1 if laugh else 0
        best = max(best, run)
    if laughs:
        flags.append("laughter")
    stripped = "".join(text.split())  # str.split() splits at the characters str.isspace() is true for
    emoji_only = bool(stripped) and all(_is_emoji_char(ch) or not ch.isalnum() for ch in stripped) and any(
        _is_emoji_char(ch) for ch in stripped)
    # a comment of repeated emoji ("😂😂😂", "👍👍") fills a thread the way "hahaha hahaha" does (session-14 review)
    if best >= 3 or (laughs and len(laughs) / max(len(words), 1) >= 0.5 and len(text) >= 15) or (
            emoji_only and _emoji_count(stripped) >= 2):
        flags.append("flood")
    if emoji_only:
        flags.append("emoji_only")
    content = [w for w, laugh in zip(words, laughing, strict=True) if not laugh]
    if len(content) <= 2 or len("".join(content)) < 8:
        flags.append("low_content")
    return flags


def _shingles(text: str, k: int = 3) -> set[str]:
    norm = " ".join(_NORM.sub(" ", text.lower()).split())
    if len(norm) < k:
        return {norm} if norm else set()
    return {norm[i : i + k] for i in range(len(norm) - k + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    if not (a and b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _norm_text(text: str) -> str:
    return " ".join(_NORM.sub(" ", text.lower()).split())


# closed-class English words and chat words that are not words of the other languages comments come in: two of them
# in a short comment whose every word is a common English word make it English whatever a character-n-gram guesser
# says of so little text ("LOL Love your sense of humor!" read as Catalan). Measured on the authored and probe lines
# of at most 8 words: 1 English line set right, none of 994 non-English lines read as English (session 12)
_ENGLISH_MARKERS = frozenset([
    "the", "you", "your", "you're", "youre", "this", "that", "with", "and", "are", "what", "have", "has", "they",
    "their", "our", "we", "it's", "i'm", "im", "don't", "dont", "can't", "cant", "isn't", "thanks", "thank", "please",
    "really", "just", "lol", "omg", "love", "great", "very", "about", "because", "would", "could", "should", "who",
    "how", "why", "there", "here", "been", "was", "were", "will"])
_SHORT_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_SHORT = 8  # words


def comment_language(text: str) -> str:
    """The language code of one comment, or ``und``; typographic quotes are read as plain ones first (WordPress
    turns every ' into ’, which made short English comments ``und``), and a short comment of common English
    words with two English function or chat words is English."""
    lang = detect_language(text)[0]  # it reads the quotes as plain ones itself
    if lang not in ("en", UNDETERMINED) and _short_english(plain_quotes(text)):
        return "en"
    return lang


def _short_english(text: str) -> bool:
    words = [w.casefold() for w in _SHORT_WORDS.findall(text)]
    if not 2 <= len(words) <= _SHORT or sum(w in _ENGLISH_MARKERS for w in words) < 2:
        return False
    common = load_common_words()
    return all(common.get(w, 0.0) >= 3.0 for w in words)


def score_texts(texts: list[str], model: Any, *, languages: list[str] | None = None,
                calibration: str = TRAINING_CALIBRATION, workers: int = 1) -> list[dict[str, Any]]:
    """Score raw texts (no page): per text ``language``, ``scores``, ``targets``, ``evidence``, ``decoded``, ``flags``.

    ``languages`` skips language detection when the caller knows them (benchmarks of one language).
    ``calibration``: ``"training"`` (default: the heads' calibration on tweets, what the tweet and HateCheck
    benchmarks measure) or a domain calibration the model ships (``"news_comments"``, see ``CommentModel.score``).
    ``workers``: processes that read the texts (language, rules, flags) in parallel: this one and ``workers - 1``
    forked from it, which share the loaded model; the learned heads then score the whole batch here, as with one
    process, so the results are the same. Used for batches of at least ``_MIN_PER_WORKER`` texts per worker where
    ``fork`` exists.
    """
    reads = _read_in_workers(texts, model, languages, workers) if _forks(len(texts), workers) else None
    if reads is not None:
        langs, analyses, flags = reads
    else:
        langs = languages if languages is not None else [comment_language(t) for t in texts]
        analyses, flags = None, None
    read = {"analyses": analyses} if analyses is not None else {}  # a model stand-in may not take them
    out = model.score(texts, langs, calibration=calibration, **read)
    for i, (t, lang, r) in enumerate(zip(texts, langs, out, strict=True)):
        r["language"] = lang
        r["flags"] = flags[i] if flags is not None else comment_flags(t)
        if r["decoded"]:
            r["flags"].append("disguised")
    return out


# texts per worker below which forking costs more than it saves (a fork of a loaded model takes ~20-50 ms)
_MIN_PER_WORKER = 200
# the batch the forked workers read (set just before the fork, so that they inherit it instead of unpickling it)
_FORKED_JOB: dict[str, Any] = {}


def _forks(n: int, workers: int) -> bool:
    return workers > 1 and n >= 2 * _MIN_PER_WORKER and "fork" in multiprocessing.get_all_start_methods()


def _read_in_workers(texts: list[str], model: Any, languages: list[str] | None,
                     workers: int) -> tuple[list[str], list[Any], list[list[str]]]:
    """(languages, analyses, flags) of ``texts``, read in contiguous chunks by this process (the first chunk: its
    memos are warm) and ``workers - 1`` forked ones (the others)."""
    workers = min(workers, len(texts) // _MIN_PER_WORKER)
    step = -(-len(texts) // workers)
    chunks = [(lo, min(lo + step, len(texts))) for lo in range(0, len(texts), step)]
    _FORKED_JOB.update(texts=texts, model=model, languages=languages)
    gc.freeze()  # the forked workers' collections then leave the shared objects (and their pages) untouched
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks) - 1) as pool:
            gc.unfreeze()
            forked = pool.map_async(_read_chunk, chunks[1:], chunksize=1)
            parts = [_read_chunk(chunks[0]), *forked.get()]
    finally:
        gc.unfreeze()
        _FORKED_JOB.clear()
    langs = [lang for part in parts for lang in part[0]]
    return langs, [a for part in parts for a in part[1]], [f for part in parts for f in part[2]]


def _read_chunk(bounds: tuple[int, int]) -> tuple[list[str], list[Any], list[list[str]]]:
    """The languages, rule analyses and flags of ``texts[lo:hi]`` of the job (inherited by a forked worker)."""
    lo, hi = bounds
    texts, model, languages = _FORKED_JOB["texts"][lo:hi], _FORKED_JOB["model"], _FORKED_JOB["languages"]
    langs = languages[lo:hi] if languages is not None else [comment_language(t) for t in texts]
    return langs, model.analyses_of(texts, langs), [comment_flags(t) for t in texts]


def page_calibration(model: Any, wanted: str) -> str:
    """The calibration a page's thread gets: ``wanted``, or the training one when ``wanted`` is the news calibration
    and the model lacks it (a calibration file fit to other model files is not loaded)."""
    if wanted not in COMMENT_CALIBRATIONS:
        raise ValueError(f"unknown comment calibration {wanted!r}; one of {', '.join(COMMENT_CALIBRATIONS)}")
    if wanted == NEWS_CALIBRATION and wanted not in getattr(model, "calibrations", {}):
        return TRAINING_CALIBRATION
    return wanted


def calibration_fallback_warning(wanted: str, used: str) -> str:
    """The page warning when the comment model lacks the calibration asked for: scores then follow the tweet
    calibration, which flags several times more civil reader comments as toxic."""
    return (f"comment scores use the {used!r} calibration (tweets): the {wanted!r} calibration asked for is "
            f"missing or was fit to other comment model files, so far more comments read as toxic than under it; "
            f"re-run training/calibrate_news_comments.py --write")


def analyze_comments(page: Page, options: Options, *, model: Any,
                     calibration: str = DEFAULT_COMMENT_CALIBRATION) -> Page:
    """Fill every comment's language, scores, targets, evidence, decoded and flags, and ``page.thread``.

    Parameters
    ----------
    page : the page whose ``comments`` to analyse (others' fields are left alone)
    options : run options (read only)
    model : a :class:`CommentModel` from :func:`storytrace.comments.load_model`
    calibration : ``"news_comments"`` (default: reader comments under articles; far fewer false alarms, lower
        recall; see ``NEWS_CALIBRATION``) or ``"training"`` (the heads' calibration on tweets, as for raw texts);
        ``page.thread["calibration"]`` records the one used (the training one when the model lacks the news one)

    Returns the same page.
    """
    comments = page.comments
    used = page_calibration(model, calibration)
    if used != calibration:
        page.warnings.append(calibration_fallback_warning(calibration, used))
    if not comments:
        page.thread = summarize([], [], used)
        return page
    results = score_texts([c.text for c in comments], model, calibration=used)
    for c, r in zip(comments, results, strict=True):
        c.language = r["language"]
        c.scores = r["scores"]
        c.targets = r["targets"]
        c.evidence = r["evidence"]
        c.decoded = r["decoded"]
        c.flags = list(r["flags"])
    own_texts, quote_relations = own_words(comments)
    authors = [c.author for c in comments]
    clusters = [cl for cl in _duplicate_clusters(own_texts)  # a quote of another comment is not a copy of it
                if _coordinated(own_texts, authors, cl["members"])]
    for cl in clusters:
        cl["text"] = comments[cl["members"][0]].text[:200]
    for cl in clusters:
        for i in cl["members"]:
            flag = "duplicate" if cl["kind"] == "identical" else "near_duplicate"
            if flag not in comments[i].flags:
                comments[i].flags.append(flag)
    page.thread = summarize(comments, clusters, used, quote_relations)
    return page


# Words of thanks, praise and assent that say nothing of the article: "Great article, thanks!", "Thank you for
# sharing.", "+1, well said". Different readers write these the same way on unrelated pages, so a copy made only of
# them is not coordinated posting (session-19 review). A slogan ("Stop the steal!") or a link is not made of them.
_PHATIC_WORDS = frozenset("""
a an the this that it its is was so very really truly just too such what and also as
i i'm im me my we you your u ur yours he she they for of to on in at with
thanks thank thx ty tnx cheers much many lot lots kudos
great good nice excellent awesome amazing wonderful fantastic brilliant superb fine cool interesting informative
helpful useful insightful beautiful lovely perfect outstanding terrific wow
article articles post posts piece story stories read reading write written writing work job report reporting
info information content blog share sharing shared update news
agree agreed totally completely absolutely exactly indeed true right correct yes yep yeah ok okay well said same
here too me ditto love like liked enjoyed enjoy keep up
danke merci gracias grazie obrigado obrigada спасибо дякую toll super bravo
""".split())
_PHATIC_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\+1", re.UNICODE)


def is_generic(text: str) -> bool:
    """True when a comment is only thanks, praise or assent ("Great article, thanks!"): nothing in it but words of
    :data:`_PHATIC_WORDS`, punctuation and emoji. A link, a digit or any other word makes it specific."""
    if re.search(r"\d", text.replace("+1", "")) or without_links(text) != text:
        return False
    tokens = [t.lower() for t in _PHATIC_TOKEN.findall(text)]
    return bool(tokens) and all(t == "+1" or t in _PHATIC_WORDS for t in tokens)


def _coordinated(texts: list[str], authors: list[str | None], members: list[int]) -> bool:
    """A copy cluster worth reporting: not made of generic thanks by several or unnamed people. One named author
    repeating even a generic line is still reported (a spam account)."""
    if not all(is_generic(texts[i]) for i in members):
        return True
    names = {authors[i] for i in members}
    return len(names) == 1 and None not in names


class _DisjointSets:
    """Union-find over ``0 .. n-1``; callers link roots through ``parent`` (which root wins is theirs to say)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]  # path halving
            i = parent[i]
        return i


def _duplicate_clusters(texts: list[str], threshold: float = 0.8) -> list[dict[str, Any]]:
    """Groups of identical (after normalisation) or near-identical (char-3-gram Jaccard >= threshold) texts.

    Identical texts are grouped by hashing; near-identical pairs are found among the distinct texts by prefix
    filtering (:func:`_candidate_pairs`) and checked exactly, so the groups are those of comparing every
    pair, in time close to linear in the texts (thousands of comments in a thread or across a corpus)."""
    norms = [_norm_text(t) for t in texts]
    sets = _DisjointSets(len(texts))
    first: dict[str, int] = {}  # one representative per distinct normalised text
    for i, norm in enumerate(norms):
        if len(norm) >= 12:  # "lol", "+1": too short to call a copy
            sets.parent[i] = first.setdefault(norm, i)
    reps = list(first.values())
    shingles = [_shingles(texts[i]) for i in reps]
    for a, b in _candidate_pairs(shingles, threshold):
        i, j = reps[a], reps[b]
        if sets.find(i) != sets.find(j) and _jaccard(shingles[a], shingles[b]) >= threshold:
            sets.parent[sets.find(j)] = sets.find(i)
    groups: dict[int, list[int]] = collections.defaultdict(list)
    for i in range(len(texts)):
        groups[sets.find(i)].append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        kind = "identical" if len({norms[i] for i in members}) == 1 else "near_identical"
        out.append({"kind": kind, "members": members, "text": texts[members[0]][:200]})
    return out


def _candidate_pairs(sets: list[set[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, that may have Jaccard >= ``threshold``, each once (PPJoin: prefix, length
    and position filters). Sets are visited from the smallest, their tokens in one global order (rarest
    first). Two sets above the threshold are of similar size, share one of the first ``|A| - ceil(t * |A|) + 1``
    tokens of each, and the first token they share leaves room for the overlap they need (no shared token
    comes before it in either set). No pair above the threshold is missed; most others are never looked at."""
    frequency = collections.Counter(token for tokens in sets for token in tokens)
    index: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)  # (set, position), sets by size
    first_fit: dict[str, int] = collections.defaultdict(int)  # where the sets large enough begin in index
    eps = 1e-9  # the margins only let more pairs through
    for b in sorted(range(len(sets)), key=lambda i: len(sets[i])):
        size_b = len(sets[b])
        ordered = sorted(sets[b], key=lambda t: (frequency[t], t))
        smallest = threshold * size_b - eps
        seen: set[int] = set()
        for i, token in enumerate(ordered[: size_b - math.ceil(threshold * size_b - eps) + 1]):
            bucket, k = index[token], first_fit[token]
            while k < len(bucket) and len(sets[bucket[k][0]]) < smallest:
                k += 1
            first_fit[token] = k
            for a, j in bucket[k:]:
                if a in seen:
                    continue
                seen.add(a)
                size_a = len(sets[a])
                need = math.ceil(threshold / (1 + threshold) * (size_a + size_b) - eps)
                if 1 + min(size_a - j - 1, size_b - i - 1) >= need:
                    yield min(a, b), max(a, b)
            bucket.append((b, i))


def _quotes(comments: list[Any]) -> list[dict[str, str]]:
    """Quote relations: a comment that repeats the start (30-60 normalised characters) of an earlier one of
    at least 30 characters, unless it is the same text or a reply to it. Earlier comments' starts are indexed
    by their first 30 characters, so each comment is scanned once."""
    norms = [_norm_text(c.text) for c in comments]
    starts: dict[str, list[int]] = collections.defaultdict(list)
    out = []
    for i, c in enumerate(comments):
        text = norms[i]
        quoted = sorted({j for k in range(len(text) - 29) for j in starts.get(text[k:k + 30], ())
                         if text.startswith(norms[j][:60], k)})
        for j in quoted:
            prev = comments[j]
            if prev.id != c.parent_id and norms[j] != text:
                out.append({"comment": c.id, "quotes": prev.id})
        if len(c.text) >= 30 and len(norms[i]) >= 30:
            starts[norms[i][:30]].append(i)
    return out


QUOTE_GRAM = 5  # words in a row shared with the quoted comment: fewer are common phrases ("thanks for the article")
_WORD = re.compile(r"\w+", re.UNICODE)
# a quoted passage: between quote marks, or a line that starts with ">"
_QUOTED_PASSAGE = re.compile(r'"[^"\n]+"|\u201c[^\u201d]+\u201d|\u201e[^\u201c\u201d]+[\u201c\u201d]|\u00ab[^\u00bb]+\u00bb'
                             r"|^\s*>.*$", re.MULTILINE)


def own_words(comments: list[Any]) -> tuple[list[str], list[dict[str, str]]]:
    """Each comment's own words, without what it quotes, and the quote relations found.

    Quoted is a run of ``QUOTE_GRAM`` or more words that the comment shares with the comment it replies to, or,
    inside quote marks (or a "> " line) or after the earlier author's name ("@ann", "ann wrote"), with any
    earlier comment. Two replies quoting the same passage of their parent are then not copies of each other."""
    index_of = {c.id: i for i, c in enumerate(comments)}
    grams_of = [_word_grams(c.text) for c in comments]
    gram_sets = [set(grams) for grams in grams_of]
    authors: dict[str, list[int]] = collections.defaultdict(list)  # name -> comments, filled as the thread is read
    first_seen: dict[tuple[str, ...], list[int]] = collections.defaultdict(list)  # gram -> earlier comments
    own, relations = [], []
    for i, c in enumerate(comments):
        words = [m.group().casefold() for m in _WORD.finditer(c.text)]
        parent = index_of.get(c.parent_id) if c.parent_id else None
        named = _attributed(c.text, authors)
        in_marks = _words_in_quote_marks(c.text)
        covered = [False] * len(words)
        for k, gram in enumerate(grams_of[i]):
            allowed = {parent} if parent is not None and parent != i and gram in gram_sets[parent] else set()
            if all(in_marks[k:k + QUOTE_GRAM]):
                allowed.update(first_seen.get(gram, ()))
            elif named:
                allowed.update(j for j in first_seen.get(gram, ()) if j in named)
            if allowed:
                covered[k:k + QUOTE_GRAM] = [True] * QUOTE_GRAM
                relations += [{"comment": c.id, "quotes": comments[j].id} for j in sorted(allowed) if j != parent]
        kept = [w for w, quoted in zip(words, covered, strict=True) if not quoted]
        if parent is not None and _repost(kept, sum(covered), len(grams_of[parent]) + QUOTE_GRAM - 1):
            kept = words  # the parent's whole text again behind "+1" or "so true:": a copy, not a quote
        own.append(" ".join(kept))
        for gram in gram_sets[i]:
            first_seen[gram].append(i)
        if c.author and c.author.strip():
            authors[c.author.casefold().strip()].append(i)
    return own, list({(r["comment"], r["quotes"]): r for r in relations}.values())


# words of its own a reply may add to its parent's whole text and still be a copy of it ("+1", "so true:", "this!!")
REPOST_OWN_WORDS = 3


def _repost(own: list[str], quoted: int, parent_words: int) -> bool:
    """A reply that repeats (at least 90 % of) its parent's words and adds at most ``REPOST_OWN_WORDS`` of its own
    re-posts the parent (session-14 review: "+1 " or "So true: " + the parent's 20 words was no near-duplicate)."""
    return parent_words >= QUOTE_GRAM and quoted >= 0.9 * parent_words and len(own) <= REPOST_OWN_WORDS


def _word_grams(text: str) -> list[tuple[str, ...]]:
    words = [m.group().casefold() for m in _WORD.finditer(text)]
    return [tuple(words[k:k + QUOTE_GRAM]) for k in range(len(words) - QUOTE_GRAM + 1)]


def _words_in_quote_marks(text: str) -> list[bool]:
    """Per word of ``text`` (``_WORD``): whether it stands inside a quoted passage."""
    spans = [m.span() for m in _QUOTED_PASSAGE.finditer(text)]
    return [any(a <= m.start() < b for a, b in spans) for m in _WORD.finditer(text)]


# a source named: "@ann", "@Lauren Gold", "ann wrote", "Lauren Gold said" (up to three words of a name)
_ATTRIBUTION = re.compile(r"@(\w[\w.-]*(?: \w+){0,2})|((?:\w[\w.-]* ){1,3})(?:wrote|writes|said|says)\b",
                          re.UNICODE)


def _attributed(text: str, authors: dict[str, list[int]]) -> set[int]:
    """The earlier comments whose author the text names as the source ("@ann", "ann wrote", "ann said")."""
    out: set[int] = set()
    for m in _ATTRIBUTION.finditer(text.casefold()):
        words = (m.group(1) or m.group(2)).split()
        # "@ann thanks": the name is the first words after "@"; "so ann wrote": the last words before the verb
        names = [" ".join(words[:n]) for n in range(1, len(words) + 1)] if m.group(1) else [
            " ".join(words[-n:]) for n in range(1, len(words) + 1)]
        for name in names:
            out.update(authors.get(name, ()))
    return out


def summarize(comments: list[Any], clusters: list[dict[str, Any]],
              calibration: str = TRAINING_CALIBRATION,
              quote_relations: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The page.thread summary; ``calibration`` names the calibration the comments were scored under;
    ``quote_relations`` (from :func:`own_words`) join the start-of-comment quotes in ``relations``."""
    n = len(comments)
    toxic = [c for c in comments if c.scores.get("toxic", 0.0) >= TOXIC_THRESHOLD]
    targets = collections.Counter(t for c in comments for t in c.targets)
    langs = collections.Counter(c.language or UNDETERMINED for c in comments)
    flood = [c for c in comments if "flood" in c.flags]
    replies = [{"comment": c.id, "parent": c.parent_id} for c in comments if c.parent_id]
    by_id = {c.id: c for c in comments}
    replies += _quotes(comments)
    replies += [q for q in quote_relations or () if q not in replies]
    coordinated = []
    for cl in clusters:
        ids = [comments[i].id for i in cl["members"]]
        authors = sorted({a for i in cl["members"] if (a := comments[i].author)})
        coordinated.append({"kind": cl["kind"], "comments": ids, "authors": authors,
                            "several_names": len(authors) > 1, "text": cl["text"]})
    bursts = _bursts([by_id[c.id] for c in comments])
    return {
        "comments": n,
        "calibration": calibration,
        "toxic_share": round(len(toxic) / n, 4) if n else 0.0,
        "toxic_comments": [c.id for c in toxic],
        "mean_scores": {k: round(sum(c.scores.get(k, 0.0) for c in comments) / n, 4)
                        for k in ("toxic", "insult", "identity_attack", "profanity", "threat", "sexual")} if n else {},
        "top_targets": [{"group": g, "comments": k} for g, k in targets.most_common(5)],
        "languages": dict(langs.most_common()),
        "flood_share": round(len(flood) / n, 4) if n else 0.0,
        "disguised_share": round(sum(1 for c in comments if c.decoded) / n, 4) if n else 0.0,
        "coordinated_clusters": coordinated,
        "bursts": bursts,
        "relations": replies,
    }


def _parse_time(value: str | None) -> datetime | None:
    """The moment a comment was posted, or None when the page gave no time of day (a date alone is not
    midnight: counting it as one made every busy day a burst)."""
    if not value or "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _bursts(comments: list[Any], window_s: float = 120.0, min_size: int = 5) -> list[dict[str, Any]]:
    """Runs of >= ``min_size`` comments posted within ``window_s`` seconds of the run's first one.

    Times with a UTC offset and times without one (local time of an unknown zone) are never compared."""
    timed = [(t, c) for c in comments if (t := _parse_time(c.published)) is not None]
    out = []
    for known_offset in (True, False):
        out += _runs(sorted((x for x in timed if (x[0].tzinfo is not None) == known_offset), key=lambda x: x[0]),
                     window_s, min_size)
    return out


def _runs(timed: list[tuple[datetime, Any]], window_s: float, min_size: int) -> list[dict[str, Any]]:
    """The bursts among time-sorted (moment, comment) pairs."""
    out = []
    i = 0
    while i < len(timed):
        j = i
        while j + 1 < len(timed) and (timed[j + 1][0] - timed[i][0]).total_seconds() <= window_s:
            j += 1
        if j - i + 1 >= min_size:
            out.append({"start": timed[i][0].isoformat(), "end": timed[j][0].isoformat(),
                        "comments": [c.id for _, c in timed[i : j + 1]],
                        "authors": sorted({c.author for _, c in timed[i : j + 1] if c.author})})
            i = j + 1
        else:
            i += 1
    return out


MIRROR_SHARED = 2  # comments (same author, same words) two threads must share to be captures of one thread
MIRROR_SHARE = 0.8  # ... and the share of the smaller thread they make up
_MIRROR_KEY_PAGES = 50  # a comment on more pages than this is a campaign or boilerplate, not a mirror's sign


def _mirrored_threads(pages: list[Page]) -> dict[str, str]:
    """page id -> the id of the first page whose comment thread it repeats: most of the smaller thread's comments
    (author and words) are in the other's. A page saved at two URLs (a tracking query, its AMP twin) or crawled
    twice, a little later, carries one thread, not two threads posted alike. A page repeating no earlier one is
    absent (it is its own thread)."""
    keys_of: list[set[tuple[str, str]]] = []
    pages_of: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for i, page in enumerate(pages):
        keys = {((c.author or "").casefold(), _norm_text(c.text)) for c in page.comments}
        keys.discard(("", ""))
        keys_of.append(keys)
        for key in keys:
            pages_of[key].append(i)
    shared: collections.Counter[tuple[int, int]] = collections.Counter()
    for holders in pages_of.values():
        if 1 < len(holders) <= _MIRROR_KEY_PAGES:
            for x in range(len(holders)):
                for y in range(x + 1, len(holders)):
                    shared[holders[x], holders[y]] += 1
    sets = _DisjointSets(len(pages))
    for (a, b), n in shared.items():
        if n >= MIRROR_SHARED and n >= MIRROR_SHARE * min(len(keys_of[a]), len(keys_of[b])):
            ra, rb = sets.find(a), sets.find(b)
            sets.parent[max(ra, rb)] = min(ra, rb)
    return {pages[i].id: pages[sets.find(i)].id for i in range(len(pages)) if sets.find(i) != i}


def find_coordination(pages: list[Page], *, threshold: float = 0.8) -> list[dict[str, Any]]:
    """Cross-page coordination: identical or near-identical comment texts on several pages or under several names,
    and bursts of comments across pages when timestamps exist.

    Returns a list of {kind, text, comments: [{page, comment, author}], pages, authors, several_names}.
    """
    items = [(p, c) for p in pages for c in p.comments]
    # each comment's own words, as the page's thread analysis reads them: a reply quoting its parent whole and
    # then answering is no copy of it (session-22 review, a Slashdot-style thread)
    texts = [own for p in pages for own in own_words(p.comments)[0]]
    authors = [c.author for _, c in items]
    clusters = [cl for cl in _duplicate_clusters(texts, threshold=threshold)
                if _coordinated(texts, authors, cl["members"])]  # "Great article, thanks!" is not coordination
    thread_of = _mirrored_threads(pages)
    out: list[dict[str, Any]] = []
    for cl in clusters:
        members = [items[i] for i in cl["members"]]
        page_ids = sorted({p.id for p, _ in members})
        authors = sorted({c.author for _, c in members if c.author})
        threads = {thread_of.get(p.id, p.id) for p, _ in members}
        if len(threads) < 2 and len(authors) < 2:
            # one person repeating themselves on one page is flagged per page, not coordination; nor is one
            # comment seen in two captures of the same thread (the page at two URLs, or crawled twice)
            continue
        out.append({"kind": cl["kind"], "text": members[0][1].text[:200], "pages": page_ids, "authors": authors,
                    "several_names": len(authors) > 1, "several_pages": len(page_ids) > 1,
                    "comments": [{"page": p.id, "comment": c.id, "author": c.author} for p, c in members]})
    for b in _bursts([c for _, c in items], window_s=60.0, min_size=8):
        in_burst = set(b["comments"])
        pages_in = sorted({p.id for p, c in items if c.id in in_burst})
        if len(pages_in) > 1:
            out.append(dict(b, kind="burst", pages=pages_in))
    return out
