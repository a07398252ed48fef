"""Plain-text page anatomy: label every non-empty line of a text dump and fill the page's parts.

A plain-text dump of a news page has nothing marking its parts. :func:`split_text` labels each non-empty
line as headline, body, boilerplate, reference or comment with a small learned model (:class:`LineModel`,
trained by ``training/train_line_model.py`` on synthetic pages built from real Dragnet article bodies,
comments, headlines and boilerplate) and then fills the :class:`~storytrace.records.Page`:

* the headline lines collapse into one ``title`` (the most repeated headline, the first one on a tie) and
  ``headline_variants`` (the other distinct headline lines, de-duplicated);
* a reference line such as ``[1] Enrichment Data: ... [2] ... [3] ...`` becomes one
  :class:`~storytrace.records.Reference` per marker (a deterministic parser, :func:`parse_references`);
* body lines become ``body`` paragraphs, comment lines become :class:`~storytrace.records.Comment` records.

The model has four parts, all stored as plain arrays (``data/models/line_model.npz``, no pickle) plus a
JSON config (``line_model.json``); format 5 (shipped) also reads sentence embeddings of the lines
(:func:`line_embeddings`, from the shared encoder of :mod:`storytrace.embeddings`):

1. a per-line multinomial logistic regression over hand-made line features (length, casing, punctuation,
   markers, position, repeats, blank-line layout, ...), the line's embedding and hashed character and word
   n-grams;
2. a context model over the per-line probabilities of the line and its neighbours, the neighbours' line
   features, and the mean probabilities of the six lines above and below -- boosted trees
   (:mod:`storytrace.anatomy.trees`) in format 5, a logistic regression in format 4;
3. a page-relative model of the same kind (:func:`page_features`): a first pass decodes stage 2, then each
   line is compared with the rest of its page -- n-gram and embedding cosine with the first-pass body and
   comment lines, its repeats' probabilities, style against their means, distance to the first-pass
   body/comment boundary;
4. Viterbi decoding through a segment grammar (:func:`grammar_mask`):
   ``[boilerplate|headline]* body (body|reference|boilerplate)* (comment|boilerplate)*`` with transition
   probabilities counted on the synthetic training pages, so that the body/comment split is one change
   point chosen from the evidence of all lines rather than many per-line decisions.

A model directory may also list *partners* (``partners`` in its JSON; ``training/add_line_partner.py``):
other line models that read the same line features and embeddings, whose stage outputs are averaged with
the model's own before the decoding (an ensemble; measured, not shipped: docs/results/text_anatomy.md).

Pages of at least ``long_pages.min_lines`` non-empty lines (``long_pages`` in its JSON; real text dumps with
menus and comment chrome, longer than any synthetic page the boundary ranker learned from) skip the ranker:
they are decoded by the grammar alone, with a bonus of ``comment_entry_bonus`` on the log-probability of
entering the comment section, so that a short thread between chrome and menu lines can still open it; stage 3's
probabilities get a floor there, the footer under a comment section costs no more than under an article, and the
section's lines are read a second time with softer transitions (:class:`LongPageDecoding`).

It may also name a *chrome specialist* (``chrome_specialist`` in its JSON;
``training/add_chrome_specialist.py``): a line model trained on pages whose comment sections keep their
chrome (author names, dates, "Reply" lines between the comments). Both models read the page; the
specialist's reading replaces the main one when it finds boilerplate lines inside its own comment section
(:func:`interleaved_boilerplate`): at least ``min_interleaved``, and at least ``min_share`` per comment line.
Pages without chrome keep the main model's reading.

Requires: ``page.id`` (for comment ids). Assigns: ``title``, ``headline_variants``, ``body``,
``boilerplate``, ``references``, ``comments``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.anatomy.text_meta import add_text_metadata, is_date_line, repair_classes
from storytrace.anatomy.walls import mark_wall
from storytrace.errors import TOO_LARGE, InputError, ModelError
from storytrace.numeric import softmax
from storytrace.records import Comment, Page, Reference
from storytrace.settings import Options

from .boundary import (
    BIASES,
    BoundaryRanker,
    PairModel,
    TreeBoundaryRanker,
    boundary_scores,
    candidate_features,
    decode_with_boundary,
    even_section_boilerplate,
    load_ranker,
    mbr_start,
    pair_candidate_features,
    require_article,
    temper_section,
    thread_candidate_features,
    tile_emissions,
    viterbi,
)
from .chrome_authors import attach_chrome_authors
from .trees import TreeEnsemble

__all__ = [
    "LABELS",
    "LineModel",
    "classify_lines",
    "collapse_headlines",
    "load_line_model",
    "parse_references",
    "split_text",
]

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
# classes the model predicts; "headline" lines are later told apart into "title" and "headline_variant"
CLASSES = ("headline", "body", "boilerplate", "reference", "comment")
# labels classify_lines returns for non-empty lines
LABELS = ("title", "headline_variant", "body", "boilerplate", "reference", "comment")
BLANK = "blank"
CHROME_WARNING = ("plain text: the comment section seems to keep its chrome (author, date or 'Reply' lines "
                  "between the comments); --comment-chrome (Options.text_comment_chrome) reads it with the "
                  "chrome-trained model instead")
MAX_NGRAM_CHARS = 600  # n-grams are taken from the first 600 characters of a line (long lines stay fast)
NEAR_WINDOW = 60  # near-duplicate search looks this many lines either side
EMBED_CHARS = 300  # format 5 embeds the first 300 characters of each line

_WS = re.compile(r"\s+")
_SENT = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\s+|$)")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
_LAUGH = re.compile(r"\b(?:a?(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|lol+|lmf?ao+|rofl|xd+)\b", re.IGNORECASE)
_REPEAT_PUNCT = re.compile(r"[!?]{2,}|\.{4,}")
_PRON = re.compile(r"\b(?:i|i'm|i’m|im|you|u|ur|your|you're|my|me)\b", re.IGNORECASE)
_MARK = re.compile(r"\[\d{1,3}\]")
_REF_START = re.compile(r"^\s*(?:\[\d{1,3}\]|\^\s?\d{1,3}\b|\(\d{1,3}\)|\d{1,3}[.)]\s)")
_REF_MARK_TEXT = re.compile(r"\[\d{1,3}\]:?\s*[^\W\d_]")
_SEPS = re.compile(r"[|»›·•◦►▸]|\s[-–—/]\s")
_COPY = re.compile(r"©|\bcopyright\b|all rights reserved", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”«»„]")
_WORD = re.compile(r"\w+", re.UNICODE)

DENSE_NAMES = (
    "log_chars", "log_words", "sentences", "upper_frac", "starts_upper", "starts_lower", "all_lower",
    "titlecase_frac", "ends_period", "ends_excl_q", "ends_colon", "ends_alnum", "digit_frac", "url",
    "emoji", "laugh", "repeat_punct", "pronoun", "log_markers", "ref_start", "ref_mark_text", "rel_pos",
    "log_pos", "log_pos_from_end", "log_repeats", "near_dup", "blank_before", "blank_after", "separators",
    "copyright", "quotes", "non_ascii_frac", "short", "at_sign", "first_line", "last_line", "page_blank_style",
    "one_word", "ends_ellipsis", "paren_frac",
)


def _norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def line_key(text: str) -> str:
    """Normalised form used to recognise repeated lines (case, punctuation and spacing ignored)."""
    return " ".join(_WORD.findall(_norm(text).lower()))


def _is_emoji(ch: str) -> bool:
    o = ord(ch)
    return 0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or unicodedata.category(ch) == "So"


def _line_features(text: str) -> list[float]:
    """Features of one line alone (position and page features are added by :func:`dense_features`)."""
    s = text
    n = len(s)
    letters = [c for c in s if c.isalpha()]
    n_let = max(1, len(letters))
    upper = sum(c.isupper() for c in letters)
    toks = s.split()
    n_words = len(toks)
    long_words = [w for w in toks if len(w) > 3 and w[0].isalpha()]
    first_alpha = next((c for c in s if c.isalpha()), "")
    last = s[-1] if s else ""
    sents = len(_SENT.findall(s))
    return [
        math.log1p(n) / 6.0,
        math.log1p(n_words) / 4.0,
        min(sents, 10) / 10.0,
        upper / n_let,
        float(first_alpha.isupper()),
        float(first_alpha.islower()),
        float(bool(letters) and upper == 0),
        (sum(w[0].isupper() for w in long_words) / len(long_words)) if long_words else 0.0,
        float(last == "."),
        float(last in "!?"),
        float(last == ":"),
        float(last.isalnum()),
        sum(c.isdigit() for c in s) / max(1, n),
        float(bool(_URL.search(s))),
        float(any(_is_emoji(c) for c in s[:2000])),
        float(bool(_LAUGH.search(s))),
        float(bool(_REPEAT_PUNCT.search(s))),
        float(bool(_PRON.search(s))),
        math.log1p(len(_MARK.findall(s))) / 2.0,
        float(bool(_REF_START.match(s))),
        min(len(_REF_MARK_TEXT.findall(s)), 5) / 5.0,
    ]


def dense_features(lines: Sequence[str], blank_before: Sequence[bool],
                   blank_after: Sequence[bool]) -> np.ndarray:
    """Hand-made features for each line of one page, shape (n_lines, len(DENSE_NAMES))."""
    n = len(lines)
    keys = [line_key(s) for s in lines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    wsets = [set(k.split()) for k in keys]
    blank_style = float(np.mean(blank_before)) if n else 0.0
    rows = []
    for i, s in enumerate(lines):
        near = 0.0
        wi = wsets[i]
        if wi:
            for j in range(max(0, i - NEAR_WINDOW), min(n, i + NEAR_WINDOW + 1)):
                if j != i and wsets[j] and keys[j] != keys[i]:
                    inter = len(wi & wsets[j])
                    if inter:
                        near = max(near, inter / len(wi | wsets[j]))
        n_chars = max(1, len(s))
        row = _line_features(s)
        row += [
            i / max(1, n - 1),
            math.log1p(i) / 5.0,
            math.log1p(n - 1 - i) / 5.0,
            math.log1p(counts[keys[i]] - 1),
            near,
            float(blank_before[i]),
            float(blank_after[i]),
            float(bool(_SEPS.search(s))),
            float(bool(_COPY.search(s))),
            float(bool(_QUOTE.search(s))),
            sum(ord(c) > 127 and c.isalpha() for c in s) / n_chars,
            float(len(s.split()) < 4),
            float("@" in s),
            float(i == 0),
            float(i == n - 1),
            blank_style,
            float(len(s.split()) == 1),
            float(s.endswith(("...", "…"))),
            (s.count("(") + s.count(")")) / n_chars,
        ]
        rows.append(row)
    return np.asarray(rows, dtype=np.float64).reshape(n, len(DENSE_NAMES))


def _hash(token: str, n_bits: int) -> int:
    return zlib.crc32(token.encode("utf-8", "surrogatepass")) & ((1 << n_bits) - 1)


def ngram_features(lines: Sequence[str], char_bits: int, word_bits: int) -> Any:
    """Hashed character (2-4, padded words) and word (1-2) n-gram counts, sublinear tf, L2-normalised
    per kind. Returns a scipy CSR matrix of shape (n_lines, 2**char_bits + 2**word_bits)."""
    from scipy import sparse

    indptr, indices, data = [0], [], []
    offset = 1 << char_bits
    for s in lines:
        t = _norm(s[:MAX_NGRAM_CHARS]).lower()
        t = re.sub(r"\d", "0", t)
        row: dict[int, float] = {}
        chars: dict[int, float] = {}
        for w in t.split():
            w = f" {w} "
            for k in (2, 3, 4):
                for a in range(len(w) - k + 1):
                    h = _hash(w[a:a + k], char_bits)
                    chars[h] = chars.get(h, 0.0) + 1.0
        toks = _WORD.findall(t)
        wds: dict[int, float] = {}
        for a, tok in enumerate(toks):
            h = _hash("w:" + tok, word_bits) + offset
            wds[h] = wds.get(h, 0.0) + 1.0
            if a + 1 < len(toks):
                h = _hash("b:" + tok + " " + toks[a + 1], word_bits) + offset
                wds[h] = wds.get(h, 0.0) + 1.0
        for part in (chars, wds):
            vals = {k: 1.0 + math.log(v) for k, v in part.items()}
            norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
            for k, v in vals.items():
                row[k] = v / norm
        for k in sorted(row):
            indices.append(k)
            data.append(row[k])
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(lines), offset + (1 << word_bits)))


def context_features(probs: np.ndarray, dense: np.ndarray, ngrams: Any = None) -> np.ndarray:
    """Features of a line in its page: its own per-line class log-probabilities and dense features, its
    neighbours' (+-1, +-2, +-3) log-probabilities, the +-1 neighbours' dense features, and the mean class
    probabilities of the six lines above and of the six lines below. With the lines' n-gram rows ``ngrams``
    (models with ``stage2_repeats``): also the mean probabilities of the line's exact repeats on the page."""
    n, k = probs.shape
    w = 6
    logp = np.log(np.clip(probs, 1e-6, 1.0))
    lp = np.vstack([np.zeros((w, k)), logp, np.zeros((w, k))])
    pp = np.vstack([np.zeros((w, k)), probs, np.zeros((w, k))])
    dd = np.vstack([np.zeros((w, dense.shape[1])), dense, np.zeros((w, dense.shape[1]))])
    exists = np.concatenate([np.zeros(w), np.ones(n), np.zeros(w)])
    parts = [logp, dense]
    for off in (-3, -2, -1, 1, 2, 3):
        sl = slice(w + off, w + off + n)
        parts.append(lp[sl])
        parts.append(exists[sl][:, None])
    for off in (-1, 1):
        sl = slice(w + off, w + off + n)
        parts.append(dd[sl])
    csum = np.vstack([np.zeros((1, k)), np.cumsum(pp, axis=0)])
    ecum = np.concatenate([[0.0], np.cumsum(exists)])
    idx = np.arange(n) + w
    above = (csum[idx] - csum[idx - w]) / np.maximum(1.0, ecum[idx] - ecum[idx - w])[:, None]
    below = (csum[idx + 1 + w] - csum[idx + 1]) / np.maximum(1.0, ecum[idx + 1 + w] - ecum[idx + 1])[:, None]
    parts += [above, below]
    if ngrams is not None:
        parts.append(_twin_probs(ngrams, probs))
    return np.hstack(parts)


# dense features compared with the page's first-pass body and comment lines (page-relative style)
RELATIVE_NAMES = ("log_chars", "log_words", "sentences", "upper_frac", "starts_lower", "all_lower",
                  "titlecase_frac", "ends_period", "ends_excl_q", "emoji", "laugh", "repeat_punct", "pronoun",
                  "quotes", "non_ascii_frac", "short")
_REL_IDX = [DENSE_NAMES.index(n) for n in RELATIVE_NAMES]


def _sq_norms(x: Any) -> np.ndarray:
    """Squared L2 norm of each row of a dense array or a scipy sparse matrix."""
    if isinstance(x, np.ndarray):
        return np.einsum("ij,ij->i", x, x)
    return np.asarray(x.multiply(x).sum(axis=1)).ravel()


def _centroid_cos(x: Any, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each line's vector (rows of ``x``: n-grams, sparse, or embeddings) with the mean of the
    ``rows`` lines (the line itself left out) and whether that mean exists. Linear in the lines: no
    line-by-line Gram matrix, so a page of 20,000 lines needs no gigabytes."""
    n = x.shape[0]
    if not rows.any():
        return np.zeros(n), np.zeros(n)
    own = rows.astype(np.float64)
    xx = _sq_norms(x)
    xs = np.asarray(x @ np.asarray(x.T @ own).ravel()).ravel()  # x . total
    tt = float(own @ xs)
    other = xs - own * xx  # x . (total - x) for members, x . total for the rest
    norm_other = np.sqrt(np.maximum(tt - 2 * own * xs + own * xx, 0.0))
    cos = np.where((norm_other > 1e-9) & (xx > 0), other / np.maximum(norm_other * np.sqrt(xx), 1e-9), 0.0)
    exists = np.where(own > 0, float(rows.sum() > 1), 1.0)
    return cos * exists, exists


def line_embeddings(lines: Sequence[str], encoder: Any) -> np.ndarray:
    """Sentence embeddings of the lines' first ``EMBED_CHARS`` characters (a line's start carries its kind
    and topic; long paragraphs would cost ten times more), shape (n_lines, 512)."""
    from storytrace.embeddings import embed

    return embed(encoder, [s[:EMBED_CHARS] for s in lines])


def _embedding_features(emb: np.ndarray, is_b: np.ndarray, is_c: np.ndarray) -> np.ndarray:
    """Embedding cosine of each line with the first-pass body and comment lines (itself left out) and with
    its neighbours: whether a line continues the article's topic and voice."""
    cb, _ = _centroid_cos(emb, is_b)
    cc, _ = _centroid_cos(emb, is_c)
    near = np.einsum("ij,ij->i", emb[:-1], emb[1:])  # each line with the next
    prev = np.concatenate([[0.0], near])
    nxt = np.concatenate([near, [0.0]])
    return np.column_stack([cb, cc, cb - cc, prev, nxt])


def _twin_probs(ngrams: Any, probs: np.ndarray) -> np.ndarray:
    """Mean probabilities of each line's exact repeats elsewhere on the page (same n-gram row, found by
    hashing the rows), and whether it has any: a line repeated on one page plays the same part each time
    (a headline shown twice, a menu item in header and footer). Lines without n-grams repeat nothing."""
    n, k = probs.shape
    groups: dict[tuple[bytes, bytes], list[int]] = {}
    for i in range(n):
        lo, hi = ngrams.indptr[i], ngrams.indptr[i + 1]
        if hi > lo:
            groups.setdefault((ngrams.indices[lo:hi].tobytes(), ngrams.data[lo:hi].tobytes()), []).append(i)
    mean, has = np.zeros((n, k)), np.zeros(n, dtype=bool)
    for members in groups.values():
        if len(members) > 1:
            idx = np.asarray(members)
            mean[idx] = (probs[idx].sum(axis=0) - probs[idx]) / (len(idx) - 1)
            has[idx] = True
    return np.column_stack([mean, has])


OPENING_LINES = 3  # the article's opening: the first first-pass body lines
CHANGE_WINDOW = 3  # lines on each side of a possible change of voice


def _window_sums(x: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Sums of the ``w`` rows before each row and of the row with the ``w - 1`` after it."""
    n = len(x)
    csum = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    idx = np.arange(n)
    above = csum[idx] - csum[np.maximum(idx - w, 0)]
    below = csum[np.minimum(idx + w, n)] - csum[idx]
    return above, below


def _row_cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    norm = np.sqrt(np.einsum("ij,ij->i", a, a) * np.einsum("ij,ij->i", b, b))
    return np.where(norm > 1e-12, np.einsum("ij,ij->i", a, b) / np.maximum(norm, 1e-12), 0.0)


def _tail_means(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``x`` over the lines before each line and over the lines after it (0 where there are none)."""
    n = len(x)
    csum = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(n)
    before = csum[idx] / np.maximum(idx, 1)
    after = (csum[n] - csum[idx + 1]) / np.maximum(n - 1 - idx, 1)
    return before, after


def opening_features(probs: np.ndarray, lab: np.ndarray, dense: np.ndarray, ngrams: Any,
                     emb: np.ndarray, body: int, comment: int) -> np.ndarray:
    """Page-relative features that do not trust the first pass's body/comment split (models with
    ``stage3_opening``): when a formal thread is read as body in the first pass, the body centroid and the
    body style means include the thread, so a line is compared with the article's *opening* instead (the
    first ``OPENING_LINES`` first-pass body lines: n-gram and embedding cosine, style minus their mean);
    its place in the first-pass article block (share of the block and of its body lines before it, log
    characters of body before it); the stage-2 comment and body mass before and after it; and the change of
    voice at it (embedding cosine of the ``CHANGE_WINDOW`` lines above with the line and those below, at the
    line and the next one, and its cosine with the lines just above minus with the opening)."""
    n = len(lab)
    b_idx = np.flatnonzero(lab == body)
    opening = np.zeros(n, dtype=bool)
    opening[b_idx[:OPENING_LINES]] = True
    og, _ = _centroid_cos(ngrams, opening)
    oe, _ = _centroid_cos(emb, opening)
    rel = dense[:, _REL_IDX]
    mo = rel[opening].mean(axis=0) if opening.any() else np.zeros(len(_REL_IDX))
    first_b, last_b = (int(b_idx[0]), int(b_idx[-1])) if len(b_idx) else (0, n - 1)
    pos = np.arange(n)
    is_b = (lab == body).astype(np.float64)
    body_before = np.cumsum(is_b) - is_b
    chars = np.expm1(dense[:, DENSE_NAMES.index("log_chars")] * 6.0) * is_b
    chars_before = np.cumsum(chars) - chars
    c_before, c_after = _tail_means(probs[:, comment])
    b_before, b_after = _tail_means(probs[:, body])
    above, below = _window_sums(emb, CHANGE_WINDOW)
    change = _row_cos(above, below)
    change_next = np.concatenate([change[1:], [0.0]])
    recent = _row_cos(above, emb)
    return np.hstack([
        np.column_stack([og, oe]), rel - mo,
        np.column_stack([
            (pos - first_b) / max(1, last_b - first_b + 1), body_before / max(1, len(b_idx)),
            np.log1p(chars_before) / 10.0, c_before, c_after, b_before, b_after,
            change, change_next, recent - oe,
        ]),
    ])


# words a reader writing to the author or about the post uses more than the post's own prose does (session 18)
THREAD_WORDS = (
    ("you", "your", "yours", "yourself"),  # second-person address
    ("i", "me", "my", "im", "ive"),  # first person
    ("agree", "disagree", "think", "thanks", "thank", "great", "interesting", "love", "nice", "awesome",
     "excellent", "wonderful", "wow", "hope", "believe", "sure", "seems", "wish", "bravo", "kudos"),  # opinion
    ("post", "article", "blog", "author", "comment", "comments", "piece", "read", "wrote", "writing"),  # meta
)
THREAD_STYLE = ("pronoun", "ends_excl_q", "quotes", "log_words", "laugh", "starts_lower")


def _word_columns(word_bits: int, char_bits: int, words: Sequence[str]) -> np.ndarray:
    """Columns of the hashed word unigrams ``words`` in :func:`ngram_features`' matrix."""
    return np.asarray([(1 << char_bits) + _hash("w:" + w, word_bits) for w in words], dtype=np.int64)


def thread_markers(ngrams: Any) -> np.ndarray:
    """How many words of each ``THREAD_WORDS`` group each line holds (read from its hashed n-gram row; the
    hashing sizes are read off the matrix width 2**char_bits + 2**word_bits, char_bits >= word_bits)."""
    width = int(ngrams.shape[1])
    char_bits = width.bit_length() - 1
    rest = width - (1 << char_bits)
    word_bits = rest.bit_length() - 1 if rest else char_bits - 1
    if rest == 0:
        char_bits -= 1
    out = np.zeros((ngrams.shape[0], len(THREAD_WORDS)))
    for g, words in enumerate(THREAD_WORDS):
        cols = _word_columns(word_bits, char_bits, words)
        out[:, g] = np.asarray((ngrams[:, cols] > 0).sum(axis=1)).ravel()
    return out


def _split_means(x: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Means of ``x`` (n x d) over the ``rows`` lines before each line and over those at or after it."""
    w = rows.astype(np.float64)[:, None]
    csum = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x * w, axis=0)])
    cnt = np.concatenate([[0.0], np.cumsum(w[:, 0])])
    before = csum[:-1] / np.maximum(cnt[:-1], 1.0)[:, None]
    after = (csum[-1] - csum[:-1]) / np.maximum(cnt[-1] - cnt[:-1], 1.0)[:, None]
    return before, after


def thread_features(probs: np.ndarray, lab: np.ndarray, dense: np.ndarray, ngrams: Any, emb: np.ndarray,
                    headline: int, body: int, comment: int) -> np.ndarray:
    """Section-level features for reading a thread written as prose (models with ``stage3_thread``): the
    first pass's prose lines (body or comment) are split at each line, and the part from the line on is
    compared with the part above -- a reader's comment addresses the author ("you"), speaks for itself ("I"),
    judges ("agree", "great", "interesting") and names the post ("post", "article"), and a thread from
    another page leaves the headline's topic. Per line: its own ``THREAD_WORDS`` counts; the counts, some
    style features, the stage-2 comment and body probabilities and the headline cosine averaged over the
    prose lines from the line on minus over those above; the most comment-like prose line above and from the
    line on; embedding cosine of the two parts' centroids; n-gram and embedding cosine with the first-pass
    headline lines, and that less the mean over the prose above; the share of the prose above the line."""
    prose = (lab == body) | (lab == comment)
    marks = thread_markers(ngrams)
    style = dense[:, [DENSE_NAMES.index(name) for name in THREAD_STYLE]]
    is_h = lab == headline
    hg, h_exists = _centroid_cos(ngrams, is_h)
    he, _ = _centroid_cos(emb, is_h)
    vals = np.hstack([marks, style, probs[:, [comment, body]], np.column_stack([hg, he])])
    before, after = _split_means(vals, prose)
    pc = np.where(prose, probs[:, comment], 0.0)
    max_before = np.concatenate([[0.0], np.maximum.accumulate(pc)[:-1]])
    max_after = np.maximum.accumulate(pc[::-1])[::-1]
    eb, ea = _split_means(emb, prose)
    n_prose = max(1.0, float(prose.sum()))
    prose_before = np.concatenate([[0.0], np.cumsum(prose)[:-1]])
    has_before = (prose_before > 0).astype(np.float64)
    return np.hstack([
        marks, (after - before) * has_before[:, None],
        np.column_stack([max_before, max_after, _row_cos(eb, ea) * has_before, hg, he, h_exists,
                         (hg - before[:, -2]) * has_before, (he - before[:, -1]) * has_before,
                         prose_before / n_prose, np.log1p(n_prose - prose_before) / 4.0]),
    ])


def page_features(probs: np.ndarray, first: Sequence[int], dense: np.ndarray, ngrams: Any,
                  body: int, comment: int, emb: np.ndarray | None = None, *,
                  opening: bool = False, thread: bool = False) -> np.ndarray:
    """Stage-3 features: each line compared with the rest of its page as a first pass (``first``: class
    indices from decoding the stage-2 ``probs``) split it -- n-gram cosine with the body and comment lines,
    style (``RELATIVE_NAMES``) minus the body and comment means, position relative to the first-pass
    body/comment boundary, the page's class shares -- plus the line's and its +-2 neighbours' stage-2
    log-probabilities. With line embeddings ``emb`` (format 5): the stage-2 probabilities of the line's
    exact repeats (:func:`_twin_probs`) and its embedding cosine with the body, the comments and its
    neighbours (:func:`_embedding_features`); with ``opening`` (and ``emb``) also :func:`opening_features`,
    with ``thread`` (and ``emb``) also :func:`thread_features` (the headline class is taken as class 0)."""
    n, k = probs.shape
    lab = np.asarray(first)
    is_b, is_c = lab == body, lab == comment
    cb, eb = _centroid_cos(ngrams, is_b)
    cc, ec = _centroid_cos(ngrams, is_c)
    rel = dense[:, _REL_IDX]
    mb = rel[is_b].mean(axis=0) if is_b.any() else np.zeros(len(_REL_IDX))
    mc = rel[is_c].mean(axis=0) if is_c.any() else np.zeros(len(_REL_IDX))
    first_c = int(np.argmax(is_c)) if is_c.any() else n
    last_b = int(n - 1 - np.argmax(is_b[::-1])) if is_b.any() else -1
    pos = np.arange(n)
    logp = np.log(np.clip(probs, 1e-6, 1.0))
    pad = np.vstack([np.zeros((2, k)), logp, np.zeros((2, k))])
    parts = [
        logp, pad[0:n], pad[1:n + 1], pad[3:n + 3], pad[4:n + 4],
        np.column_stack([cb, cc, cb - cc, eb, ec]),
        rel - mb, rel - mc, np.abs(rel - mb) - np.abs(rel - mc),
        np.column_stack([
            (pos - first_c) / max(1, n), np.sign(pos - first_c + 0.5), np.log1p(np.abs(pos - first_c)) / 4.0,
            (pos - last_b) / max(1, n), np.sign(pos - last_b - 0.5), np.log1p(np.abs(pos - last_b)) / 4.0,
        ]),
        np.tile(np.concatenate([np.bincount(lab, minlength=k) / max(1, n), probs.mean(axis=0)]), (n, 1)),
    ]
    if emb is not None:  # format 5 adds the repeats' probabilities and the embedding comparisons
        parts.append(_twin_probs(ngrams, probs))
        parts.append(_embedding_features(emb.astype(np.float64), is_b, is_c))
        if opening:
            parts.append(opening_features(probs, lab, dense, ngrams, emb.astype(np.float64), body, comment))
        if thread:
            parts.append(thread_features(probs, lab, dense, ngrams, emb.astype(np.float64), 0, body, comment))
    return np.hstack(parts)


@dataclass(slots=True)
class LineModel:
    """The fitted line classifier: plain arrays, see the module docstring.

    ``coef1`` (classes x features) and ``intercept1`` score a line's dense features (standardised with
    ``mean1``/``scale1``) followed by its hashed n-grams; ``coef2``/``intercept2`` score the standardised
    context features; ``log_trans``/``log_start`` and ``log_prior`` drive the Viterbi decoding.
    """

    classes: tuple[str, ...]
    char_bits: int
    word_bits: int
    mean1: np.ndarray
    scale1: np.ndarray
    coef1: np.ndarray
    intercept1: np.ndarray
    mean2: np.ndarray
    scale2: np.ndarray
    coef2: np.ndarray
    intercept2: np.ndarray
    mean3: np.ndarray
    scale3: np.ndarray
    coef3: np.ndarray
    intercept3: np.ndarray
    log_trans: np.ndarray
    log_start: np.ndarray
    log_prior: np.ndarray
    final_bias: np.ndarray
    meta: dict[str, Any]
    embed_dim: int = 0  # > 0: stages 1 and 3 also read sentence embeddings of the lines
    encoder: Any = None  # a storytrace.embeddings.Encoder when embed_dim > 0
    trees2: TreeEnsemble | None = None  # boosted trees replacing the stage-2 logistic regression
    trees3: TreeEnsemble | None = None  # boosted trees replacing the stage-3 logistic regression
    ranker: BoundaryRanker | TreeBoundaryRanker | None = None  # picks where the comment section starts
    ranker_thread: bool = False  # the ranker also reads boundary.thread_candidate_features (session 20)
    ranker_block: bool = False  # ... and the same group read over the whole block after a start (session 21)
    pair_model: PairModel | None = None  # "same text?" of consecutive lines, read by the ranker (session 28, off)
    start_tau: float = 0.0  # > 0: the start is the ranker's minimum-Bayes-risk choice (session 28, off)
    stage2_repeats: bool = False  # stage 2 also reads the stage-1 probabilities of a line's exact repeats
    stage3_opening: bool = False  # stage 3 also reads opening_features (since v5.5)
    stage3_thread: bool = False  # stage 3 also reads thread_features (session 18)
    partners: tuple[tuple[LineModel, float], ...] = ()  # other line models whose stage outputs are averaged in
    chrome: ChromeSpecialist | None = None  # reads pages whose comment sections keep their chrome
    long_pages: LongPageDecoding | None = None  # decoding of pages longer than the ranker learned from

    def line_probs(self, dense: np.ndarray, ngrams: Any) -> np.ndarray:
        z = ((dense - self.mean1) / self.scale1) @ self.coef1[:, : dense.shape[1]].T
        z = z + np.asarray(ngrams @ self.coef1[:, dense.shape[1]:].T) + self.intercept1
        return softmax(z)

    def context_probs(self, ctx: np.ndarray) -> np.ndarray:
        if self.trees2 is not None:
            return self.trees2.predict_proba(ctx)
        return softmax(((ctx - self.mean2) / self.scale2) @ self.coef2.T + self.intercept2)

    def page_probs(self, feats: np.ndarray) -> np.ndarray:
        if self.trees3 is not None:
            return self.trees3.predict_proba(feats)
        return softmax(((feats - self.mean3) / self.scale3) @ self.coef3.T + self.intercept3)

    def emissions(self, probs: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
        """Per-class log scores for the decoder: log probability over the class prior, plus ``bias``."""
        emit = np.log(np.clip(probs, 1e-9, 1.0)) - self.log_prior
        return emit if bias is None else emit + bias

    def decode(self, probs: np.ndarray, bias: np.ndarray | None = None, *, need_body: bool = False,
               comment_entry_bonus: float = 0.0, log_trans: np.ndarray | None = None) -> list[int]:
        """Class indices of the best path through the segment grammar (see :func:`grammar_mask`); ``bias``
        is added to the per-class log scores; ``need_body``: the path must reach the article (a body line);
        ``comment_entry_bonus`` is added to the log-probability of entering the comment section;
        ``log_trans``: transitions to use instead of the model's."""
        k = len(self.classes)
        log_trans = self.log_trans if log_trans is None else log_trans
        emit = tile_emissions(self.emissions(probs, bias), log_trans.shape[0])
        if need_body:
            require_article(emit, k)
        if comment_entry_bonus:
            phase = np.arange(log_trans.shape[0]) // k
            log_trans = log_trans + np.outer(phase < 2, phase == 2) * comment_entry_bonus
        return [j % k for j in viterbi(emit, self.log_start, log_trans)]

    def boundary_candidates(self, p1: np.ndarray, p3: np.ndarray, emb: np.ndarray,
                            dense: np.ndarray, grams: Any = None) -> np.ndarray:
        """Features of every possible start of the comment section (rows: lines 1 .. n, n meaning none);
        with ``ranker_thread`` also the thread features, read from the hashed n-grams ``grams``; with
        ``pair_model`` also the pair group (``boundary.pair_candidate_features``)."""
        body = self.classes.index("body")
        comment, reference = self.classes.index("comment"), self.classes.index("reference")
        scores = []
        for bias in BIASES:
            shift = np.zeros(len(self.classes))
            shift[body] = bias
            scores.append(boundary_scores(self.emissions(p3, shift), self.log_start, self.log_trans))
        x = candidate_features(scores, p1, p3, emb, dense[:, DENSE_NAMES.index("log_chars")],
                               dense[:, DENSE_NAMES.index("pronoun")], body, comment,
                               self.classes.index("boilerplate"), reference)
        parts = [x]
        if self.ranker_thread:
            if grams is None:
                raise ValueError("a ranker with thread features needs the page's n-grams")
            style = dense[:, [DENSE_NAMES.index("ends_excl_q"), DENSE_NAMES.index("sentences")]]
            markers = thread_markers(grams)
            parts.append(thread_candidate_features(markers, style, p3, emb, body, comment, reference))
            if self.ranker_block:
                parts.append(thread_candidate_features(markers, style, p3, emb, body, comment, reference,
                                                       window=None))
        if self.pair_model is not None:
            parts.append(pair_candidate_features(self.pair_model.consecutive(emb)))
        return x if len(parts) == 1 else np.hstack(parts)

    def stage_probs(self, lines: Sequence[str], blank_before: Sequence[bool],
                    blank_after: Sequence[bool]) -> dict[str, Any]:
        """Every stage's output for one page's non-empty lines: ``dense``, ``emb`` (None without
        embeddings), ``p1``, ``p2`` and ``p3`` (class probabilities of stages 1-3)."""
        return self.stage_probs_from(*self.page_inputs(lines, blank_before, blank_after))

    def page_inputs(self, lines: Sequence[str], blank_before: Sequence[bool],
                    blank_after: Sequence[bool]) -> tuple[np.ndarray, Any, np.ndarray | None]:
        """What every stage reads: dense line features, hashed n-grams, embeddings (None without)."""
        dense = dense_features(lines, blank_before, blank_after)
        grams = ngram_features(lines, self.char_bits, self.word_bits)
        emb = line_embeddings(lines, self.encoder) if self.embed_dim else None
        return dense, grams, emb

    def stage_probs_from(self, dense: np.ndarray, grams: Any, emb: np.ndarray | None) -> dict[str, Any]:
        """:meth:`stage_probs` from :meth:`page_inputs` (partners read the same inputs)."""
        members = ((self, 1.0 - sum(weight for _, weight in self.partners)), *self.partners)
        stages = [(weight, model.own_stage_probs(dense, grams, emb)) for model, weight in members]
        p1, p2, p3 = (sum(weight * probs[i] for weight, probs in stages) for i in range(3))
        return {"dense": dense, "emb": emb, "grams": grams, "p1": p1, "p2": p2, "p3": p3}

    def own_stage_probs(self, dense: np.ndarray, grams: Any,
                        emb: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Stages 1-3 of this model alone (without its partners) from a page's line features."""
        p1 = self.line_probs(dense if emb is None else np.hstack([dense, emb]), grams)
        p2 = self.context_probs(context_features(p1, dense, grams if self.stage2_repeats else None))
        first = self.decode(p2)
        body, comment = self.classes.index("body"), self.classes.index("comment")
        p3 = self.page_probs(page_features(p2, first, dense, grams, body, comment, emb,
                                           opening=self.stage3_opening, thread=self.stage3_thread))
        return p1, p2, p3

    def predict(self, lines: Sequence[str], blank_before: Sequence[bool],
                blank_after: Sequence[bool], *, chrome: bool = False) -> list[str]:
        """Model classes (``CLASSES``) for the non-empty ``lines`` of one page; ``chrome``: use the chrome
        specialist's reading where it finds chrome (see :meth:`read`)."""
        main, with_chrome = self.read(lines, blank_before, blank_after)
        return with_chrome if chrome and with_chrome is not None else main

    def read(self, lines: Sequence[str], blank_before: Sequence[bool],
             blank_after: Sequence[bool]) -> tuple[list[str], list[str] | None]:
        """The model's classes for the non-empty ``lines`` of one page, and the chrome specialist's when it
        finds a comment section with chrome (None otherwise, or without a specialist)."""
        if not lines:
            return [], None
        inputs = self.page_inputs(lines, blank_before, blank_after)
        main = [self.classes[j] for j in self.decode_page(self.stage_probs_from(*inputs))]
        if self.chrome is None:
            return main, None
        other = self.chrome.model
        with_chrome = [other.classes[j] for j in other.decode_page(other.stage_probs_from(*inputs))]
        return main, (with_chrome if self.chrome.prefers(with_chrome, lines) else None)

    def decode_page(self, out: dict[str, Any]) -> list[int]:
        """The final class indices of one page from its :meth:`stage_probs` (the ranker, when there is one,
        picks where the comment section starts, except on long pages: see :class:`LongPageDecoding`)."""
        p3 = out["p3"]
        if self.long_pages is not None and len(p3) >= self.long_pages.min_lines:
            return self.decode_long_page(p3)
        if self.ranker is None or out["emb"] is None:
            return self.decode(p3, self.final_bias, need_body=True)
        feats = self.boundary_candidates(out["p1"], p3, out["emb"], out["dense"], out.get("grams"))
        if self.start_tau > 0:
            prose = sum(p3[:, self.classes.index(c)] for c in ("body", "comment", "reference"))
            start = 1 + mbr_start(self.ranker.scores(feats), prose, self.start_tau)
        else:
            start = 1 + self.ranker.choose(feats)
        return decode_with_boundary(self.emissions(p3, self.final_bias), self.log_start, self.log_trans, start,
                                    need_body=True)

    def decode_long_page(self, p3: np.ndarray) -> list[int]:
        """The class indices of a long page (see :class:`LongPageDecoding`): the grammar places the comment
        section on stage-3 probabilities with a floor, then the section's own lines are read again with
        its transitions tempered."""
        long_pages = self.long_pages
        assert long_pages is not None
        k = len(self.classes)
        floor = long_pages.probability_floor
        probs = (1.0 - floor) * p3 + floor * np.exp(self.log_prior)  # every emission >= log(floor)
        log_trans = self.log_trans
        if long_pages.even_footer:
            log_trans = even_section_boilerplate(log_trans, k, self.classes.index("boilerplate"))
        path = self.decode(probs, self.final_bias, need_body=True,
                           comment_entry_bonus=long_pages.comment_entry_bonus, log_trans=log_trans)
        comment = self.classes.index("comment")
        if long_pages.section_temper == 1.0 or comment not in path:
            return path
        log_trans = temper_section(log_trans, k, long_pages.section_temper)
        return decode_with_boundary(self.emissions(probs, self.final_bias), self.log_start, log_trans,
                                    path.index(comment), need_body=True)


@dataclass(frozen=True)
class LongPageDecoding:
    """Pages of at least ``min_lines`` non-empty lines skip the boundary ranker (it learned from shorter
    synthetic pages) and enter the comment section with a log-probability bonus of ``comment_entry_bonus``.

    Real dumps of that length also break two habits of the decoding learned on synthetic pages, so:

    * ``probability_floor``: a share of the class prior mixed into stage 3's output, so that no single
      line can veto a reading of the whole page. Stage 3's trees can be sure of a wrong class (a "[Reply]"
      repeated under every comment read as a headline at p = 1.0), and each such line then cost the comment
      section ~20 in log score: the grammar kept the page before its article to place them;
    * ``even_footer``: boilerplate after boilerplate costs no more in the comment section than in the article.
      On synthetic pages it cost a little more (log 0.87 against 0.89), a tax on every line of the menus
      and footers under a real dump's comments (hundreds of lines): the grammar left a thread of one or two
      comments unread rather than pay it, even where stage 3 read them as comment at p = 0.95;
    * ``section_temper``: once the comment section is placed, its lines are decoded again with the
      section's transition log-probabilities scaled by this factor. Learned on synthetic threads without
      chrome, they make a comment between name, date and "Reply" lines cost ~3.6, so a one-line comment
      the model reads at p = 0.9 became boilerplate; 1.0 keeps the first reading.
    """

    min_lines: int
    comment_entry_bonus: float = 0.0
    probability_floor: float = 0.015
    even_footer: bool = True
    section_temper: float = 0.5


@dataclass
class ChromeSpecialist:
    """A line model for comment sections that keep their chrome, and when its reading is used."""

    model: LineModel
    min_interleaved: int  # boilerplate lines inside its comment section that make its reading win ...
    min_share: float = 0.0  # ... and how many of them per comment line

    def prefers(self, path: Sequence[str], lines: Sequence[str] | None = None) -> bool:
        """Whether the specialist's reading ``path`` of a page is the one to keep: chrome inside its comment section,
        and, given the page's ``lines``, an article left: a body line of a sentence's length (it reads comment chrome
        and must not take the article: a byline and a dateline look like a commenter's name and date)."""
        chrome, comments = interleaved_boilerplate(path)
        if chrome < self.min_interleaved or chrome < self.min_share * comments:
            return False
        return lines is None or any(label == "body" and len(line.split()) >= ARTICLE_LINE_WORDS
                                    for label, line in zip(path, lines, strict=True))


# words in a line that makes an article (a byline "Автор: Олена Коваль" or a dateline does not)
ARTICLE_LINE_WORDS = 8


def interleaved_boilerplate(path: Sequence[str]) -> tuple[int, int]:
    """Boilerplate lines between the first and the last comment line of a decoded page (the chrome that
    separates comments: names, dates, "Reply"), and the page's comment lines."""
    comments = [i for i, label in enumerate(path) if label == "comment"]
    if len(comments) < 2:
        return 0, len(comments)
    return sum(label == "boilerplate" for label in path[comments[0]:comments[-1]]), len(comments)


PHASES = 3  # before the article, the article, the comment section


def grammar_mask(classes: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Allowed transitions and start states of the segment grammar, over states ``class + k * phase``:

    ``[boilerplate|headline]* body (body|reference|boilerplate)* (comment|boilerplate)*``

    phase 0 (before the article): headline and boilerplate; phase 1 (the article, from its first body line):
    body, reference and boilerplate -- a body line may follow a reference block or an inline boilerplate
    line; phase 2 (the comment section, from its first comment): comment and boilerplate only. Phases never
    go back, so a comment needs a body before it, and no body, headline or reference line follows a comment.
    """
    k = len(classes)
    c = {name: i for i, name in enumerate(classes)}
    states = {0: ("headline", "boilerplate"), 1: ("body", "reference", "boilerplate"),
              2: ("comment", "boilerplate")}
    ok = {(ph, c[name]) for ph, names in states.items() for name in names}
    trans = np.zeros((PHASES * k, PHASES * k), dtype=bool)
    for (pa, a) in ok:
        for (pb, b) in ok:
            if pb == pa or (pb == pa + 1 and b == c[("body", "comment")[pa]]):
                trans[a + k * pa, b + k * pb] = True
    start = np.zeros(PHASES * k, dtype=bool)
    for name in states[0]:
        start[c[name]] = True
    start[c["body"] + k] = True
    return trans, start


def load_line_model(path: str | Path | None = None, encoder: Any = None) -> LineModel:
    """Load the shipped line model (or one written by the training script into directory ``path``).

    A model trained with line embeddings uses ``encoder`` (default: the process's shared
    :func:`storytrace.embeddings.load_encoder`, whose weights load on first use).

    Raises:
        ModelError: the model files are missing or unreadable.
    """
    base = Path(path) if path is not None else MODEL_DIR
    try:
        meta = json.loads((base / "line_model.json").read_text(encoding="utf-8"))
        with np.load(base / "line_model.npz", allow_pickle=False) as arrays:
            a = {name: arrays[name] for name in arrays.files}
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot read the line model in {base}: {exc}. "
                         "Rebuild it with training/train_line_model.py") from exc
    if meta.get("format") not in (4, 5) or tuple(meta.get("dense_names", ())) != DENSE_NAMES:
        raise ModelError(f"line model in {base} was built for another feature set; rebuild it with "
                         "training/train_line_model.py")
    if encoder is None and meta.get("embed_dim"):
        from storytrace.embeddings import load_encoder

        encoder = load_encoder()
    try:
        model = LineModel(
            classes=tuple(meta["classes"]), char_bits=int(meta["char_bits"]), word_bits=int(meta["word_bits"]),
            mean1=a["mean1"], scale1=a["scale1"], coef1=a["coef1"].astype(np.float64),
            intercept1=a["intercept1"], mean2=a["mean2"], scale2=a["scale2"], coef2=a["coef2"],
            intercept2=a["intercept2"], mean3=a["mean3"], scale3=a["scale3"], coef3=a["coef3"],
            intercept3=a["intercept3"], log_trans=a["log_trans"], log_start=a["log_start"],
            log_prior=a["log_prior"], final_bias=a["final_bias"], meta=meta,
            embed_dim=int(meta.get("embed_dim", 0)),
            trees2=TreeEnsemble.from_arrays(a, "t2_") if "t2_roots" in a else None,
            trees3=TreeEnsemble.from_arrays(a, "t3_") if "t3_roots" in a else None,
            ranker=load_ranker(a),
            ranker_thread="thread" in meta.get("boundary_ranker", {}).get("features", ()),
            ranker_block="block" in meta.get("boundary_ranker", {}).get("features", ()),
            pair_model=PairModel.from_arrays(a) if "pair" in meta.get("boundary_ranker", {}).get("features", ())
            else None,
            start_tau=float(meta.get("boundary_ranker", {}).get("mbr_tau", 0.0)),
            stage2_repeats=bool(meta.get("stage2_repeats", False)),
            stage3_opening="opening" in meta.get("stage3_features", ()),
            stage3_thread="thread" in meta.get("stage3_features", ()),
            encoder=encoder,
        )
    except KeyError as exc:
        raise ModelError(f"line model in {base} lacks array {exc}") from exc
    if "long_pages" in meta:
        item = meta["long_pages"]
        if "min_lines" not in item:
            raise ModelError(f"line model in {base}: long_pages lacks min_lines")
        model.long_pages = LongPageDecoding(
            int(item["min_lines"]), float(item.get("comment_entry_bonus", 0)),
            float(item.get("probability_floor", LongPageDecoding.probability_floor)),
            bool(item.get("even_footer", LongPageDecoding.even_footer)),
            float(item.get("section_temper", LongPageDecoding.section_temper)))
    model.partners = tuple(_load_partner(model, base, item, encoder) for item in meta.get("partners", ()))
    if "chrome_specialist" in meta:
        item = meta["chrome_specialist"]
        model.chrome = ChromeSpecialist(_load_member(model, base / item["dir"], encoder),
                                        int(item["min_interleaved"]), float(item.get("min_share", 0.0)))
    return model


def _load_partner(model: LineModel, base: Path, item: dict[str, Any], encoder: Any) -> tuple[LineModel, float]:
    """One partner of a line-model ensemble: a model directory inside ``base`` and its weight."""
    return _load_member(model, base / item["dir"], encoder), float(item["weight"])


def _load_member(model: LineModel, path: Path, encoder: Any) -> LineModel:
    """A line model that reads ``model``'s page inputs (a partner or the chrome specialist)."""
    member = load_line_model(path, encoder=encoder)
    same = ("classes", "char_bits", "word_bits", "embed_dim")
    if member.partners or member.chrome or any(getattr(member, name) != getattr(model, name) for name in same):
        raise ModelError(f"line model {path} does not fit the model in {path.parent}")
    return member


def _layout(lines: Sequence[str]) -> tuple[list[str], list[bool], list[bool], list[int]]:
    """Non-empty lines, whether a blank line precedes/follows each, and their indices in ``lines``."""
    kept, before, idx = [], [], []
    blank = False
    for i, raw in enumerate(lines):
        s = _norm(raw)
        if not s:
            blank = True
            continue
        kept.append(s)
        before.append(blank and bool(kept[:-1]))
        idx.append(i)
        blank = False
    after = [before[i + 1] if i + 1 < len(before) else False for i in range(len(kept))]
    return kept, before, after, idx


def collapse_headlines(headlines: Sequence[str]) -> tuple[str | None, list[str], list[bool]]:
    """Collapse headline lines into (title, variants, is_title per line).

    The title is the most repeated headline (compared case- and punctuation-insensitively); on a tie the
    first one. Variants are the other distinct headlines in order of first appearance.
    """
    if not headlines:
        return None, [], []
    keys = [line_key(h) for h in headlines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    best = max(range(len(keys)), key=lambda i: (counts[keys[i]], -i))
    title_key = keys[best]
    variants, seen = [], {title_key}
    for h, k in zip(headlines, keys, strict=True):
        if k not in seen:
            seen.add(k)
            variants.append(h)
    return headlines[best], variants, [k == title_key for k in keys]


def classify_lines(lines: Sequence[str], model: LineModel, *, chrome: bool = False,
                   short_titles: bool = False) -> list[str]:
    """One label per input line: one of ``LABELS`` for a non-empty line, ``"blank"`` for an empty one.

    ``lines`` are the lines of one page in order; blank lines are used as layout evidence. ``chrome``: read
    comment sections that keep their chrome with the model's chrome specialist (:meth:`LineModel.read`);
    ``short_titles``: apply :func:`short_title_over_body` (``Options.text_short_titles``).
    """
    kept, before, after, idx = _layout(lines)
    return _labels(len(lines), kept, idx, model.predict(kept, before, after, chrome=chrome), short_titles)


def _labels(n_lines: int, kept: Sequence[str], idx: Sequence[int], classes: Sequence[str],
            short_titles: bool = False) -> list[str]:
    """``classify_lines``' labels of a page's ``n_lines`` lines from the model's classes of the non-empty
    ones (``kept``, at positions ``idx``; see :func:`_layout`)."""
    labels = [BLANK] * n_lines
    classes = repair_classes(kept, classes, idx)  # post-processing rules (text_meta), before the title
    classes = first_line_title(kept, classes)
    if short_titles:  # off by default: it failed its dev rule in session 25 (.scratch_notes/rule.md)
        classes = short_title_over_body(kept, classes)
    heads = [i for i, c in enumerate(classes) if c == "headline"]
    _, _, is_title = collapse_headlines([kept[i] for i in heads])
    for i, c in enumerate(classes):
        labels[idx[i]] = c
    for h, t in zip(heads, is_title, strict=True):
        labels[idx[h]] = "title" if t else "headline_variant"
    return labels


_HEADLINE_END = re.compile(r"[.,;:]$")  # a headline does not end a sentence or a clause ("?" and "!" may)
# bylines, datelines and page chrome that also stand first over a body: not the headline
_NOT_A_HEADLINE = re.compile(r"^(?:by|posted|updated|modified|published|written)\b|\d{4}|[|·•]|"
                             r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d", re.IGNORECASE)


_OPENING_QUOTES = "\"'„“”‚‘’«»‹›"  # a headline may open with a quotation
_TOP_LINES = 3  # the first body line must be among this many first lines for a headline to be looked for
_SHORT_PAGE = 12  # ... on a page of at most this many non-empty lines (a longer page: its first line only)


def _reads_like_headline(line: str, nxt: str, min_words: int) -> bool:
    """``min_words``-20 words, capitalised, no closing sentence punctuation, no byline, date or chrome
    separator, no reference marker, and shorter than the paragraph ``nxt`` below it."""
    s = line.strip()
    return (min_words <= len(s.split()) <= 20 and s.lstrip(_OPENING_QUOTES)[:1].isupper() and not _HEADLINE_END.search(s)
            and not _NOT_A_HEADLINE.search(s) and "[" not in s and len(nxt) > len(s))


def first_line_title(kept: Sequence[str], classes: Sequence[str]) -> list[str]:
    """The commonest plain-text layout, a headline line over the article's paragraphs, read as such when the
    model found no headline at all. The model was trained on pages that mostly show their headline among menus
    and variants, and on short pages reads a lone headline as body, or as boilerplate when a menu or date line
    stands near it (session 17: one more sentence at the end of a short German page flipped its headline to
    boilerplate). On a page of at most 12 non-empty lines whose first body line is among its first three lines
    (on longer pages only when the first line is body: synthetic pages of any length often have no headline,
    and menus above them read like one): that body line becomes the headline if the page has more body and it
    reads like one (2-20 words, see :func:`_reads_like_headline`); else the nearest boilerplate line above it
    that reads like one with at least 4 words (a menu such as "Home News Sport" has fewer)."""
    out = list(classes)
    if not out or "headline" in out or "body" not in out:
        return out
    bodies = [i for i, c in enumerate(out) if c == "body"]
    first = bodies[0]
    above = len(out) <= _SHORT_PAGE  # a short page: also above its first body line (session 17)
    if first >= (_TOP_LINES if above else 1):
        return out
    if len(bodies) > 1 and _reads_like_headline(kept[first], kept[bodies[1]], 2):
        out[first] = "headline"
        return out
    for i in range(first - 1, -1, -1):  # the lines above the article, nearest first
        if out[i] == "boilerplate" and _reads_like_headline(kept[i], kept[first], 4):
            out[i] = "headline"
            break
    return out


_SHORT_TITLE_WORDS = 4  # "Dam closes", "Shoigu in Pyongyang": too short for first_line_title's 4-word floor
_LEDE_LINES = 3  # a headline's words come back in the article's first paragraphs
_MIN_SHARED = 0.5  # share of a short line's content words that the lede must hold
_ABOVE_BODY = 2  # the article starts at most this many lines below the short first line (a byline between)
_STEM = 5  # words compared by their first five letters: "closes" / "closed", "Floods" / "flooding"
# words of at least three letters that tie no line to an article
_FUNCTION_WORDS = frozenset((
    "the", "and", "for", "but", "not", "you", "are", "was", "were", "its", "has", "had", "his", "her", "our", "who",
    "how", "why", "all", "any", "can", "new", "with", "from", "that", "this", "have", "will", "they", "them",
    "their", "there", "what", "when", "where", "which", "would", "could", "should", "been", "into", "than", "then",
    "also", "just", "more", "most", "over", "only", "some", "such", "about", "after", "before", "under", "out",
    "off", "one", "two", "per", "via", "amid", "says", "said", "der", "die", "das", "und", "den", "dem", "des",
    "ein", "eine", "einer", "mit", "von", "für", "auf", "aus", "bei", "nach", "über", "wie", "wer", "ist", "sind",
    "war", "nicht", "auch", "noch", "nur", "sich", "les", "une", "pour", "par", "sur", "dans", "avec", "qui", "que",
    "est", "sont", "pas", "plus", "los", "las", "una", "por", "con", "para", "del", "como", "más",
))
# menu and chrome words: a line made of them is page furniture even when the article uses them too
_CHROME_WORDS = frozenset((
    "home", "latest", "news", "menu", "search", "login", "sign", "subscribe", "share", "more", "read", "also",
    "related", "popular", "top", "stories", "story", "comments", "comment", "contact", "skip", "content", "main",
    "navigation", "next", "previous", "back", "video", "videos", "photos", "photo", "sport", "sports", "business",
    "world", "opinion", "weather", "trending", "advertisement", "follow", "tags", "categories", "archive", "blog",
    "posts", "post", "recent", "reply", "print", "email", "facebook", "twitter", "live", "today", "most", "page",
))


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(text.lower())
            if len(w) >= 3 and not w.isdigit() and w not in _FUNCTION_WORDS}


def _reads_like_short_title(line: str) -> bool:
    """1-4 words, capitalised, no closing punctuation, byline, date or chrome separator, not only menu words."""
    s = line.strip()
    words = _WORD.findall(s.lower())
    return (1 <= len(s.split()) <= _SHORT_TITLE_WORDS and s.lstrip(_OPENING_QUOTES)[:1].isupper()
            and not _HEADLINE_END.search(s) and not _NOT_A_HEADLINE.search(s) and "[" not in s
            and not is_date_line(s) and not all(w in _CHROME_WORDS for w in words))


def _shares_lede(line: str, lede: set[str]) -> bool:
    own = _stems(line)
    shared = own & lede
    return bool(own) and len(shared) >= _MIN_SHARED * len(own) and bool(shared - {w[:_STEM] for w in _CHROME_WORDS})


def short_title_over_body(kept: Sequence[str], classes: Sequence[str]) -> list[str]:
    """A short headline ("Dam closes", 1-4 words) as the page's first line, which the model reads as boilerplate
    (its training pages hold few headlines that short, and menus are short lines): it becomes the headline when
    no headline stands above the article, the article starts within two lines of it (a byline may sit between),
    it reads like a title (:func:`_reads_like_short_title`) and at least half its content words come back in the
    article's first paragraphs -- what a headline and its lede share and a menu ("Latest", "Home", "Read also:")
    does not. Only the first line: lower down, section and category names ("Chicago Bears" over a Bears story)
    share the lede's words as well (session 25, dev fifth: title F1 -0.004 when the two lines above the article
    were looked at, -0.0005 with the first line only)."""
    out = list(classes)
    if "body" not in out:
        return out
    first = out.index("body")
    if first == 0 or first > _ABOVE_BODY or "headline" in out[:first] or out[0] != "boilerplate":
        return out
    lede = _stems(" ".join([kept[i] for i, c in enumerate(out) if c == "body"][:_LEDE_LINES]))
    if _reads_like_short_title(kept[0]) and _shares_lede(kept[0], lede):
        out[0] = "headline"
    return out


_REF_SPLIT = re.compile(r"(?:^|(?<=[\s.!?:;,)\"”]))\s*\[(\d{1,3})\]:?\s*(?=\S)")
_REF_OTHER = re.compile(r"^\s*(?:\^\s?(\d{1,3})|\((\d{1,3})\)|(\d{1,3})[.)])\s+(.*)$")


def parse_references(line: str) -> list[Reference]:
    """Split a reference line into :class:`Reference` records.

    ``"[1] A. [2] B."`` gives markers "1" and "2"; a marker counts when it opens the line or follows a space
    or sentence punctuation, so ``"text[2]"`` in the middle of a sentence is not split. Lines like ``"1. A"``,
    ``"^1 A"`` or ``"(1) A"`` give one reference; a line with no marker gives one reference with marker "".
    """
    s = _norm(line)
    matches = list(_REF_SPLIT.finditer(s))
    if matches and matches[0].start() == 0:
        out = []
        for m, nxt in zip(matches, [*matches[1:], None], strict=True):
            text = s[m.end(): nxt.start() if nxt else len(s)].strip()
            out.append(Reference(marker=m.group(1), text=text))
        return out
    m = _REF_OTHER.match(s)
    if m:
        marker = next(g for g in m.groups()[:3] if g)
        return [Reference(marker=marker, text=m.group(4).strip())]
    return [Reference(marker="", text=s)] if s else []


def split_text(text: str, page: Page, options: Options, *, model: LineModel) -> Page:
    """Fill ``page``'s parts from the plain text ``text`` and return the page.

    Parameters: text -- the page's decoded text; page -- the page to fill (its ``id`` names the comments);
    options -- run options (``text_comment_chrome``, ``max_text_lines``); model -- from :func:`load_line_model`.
    RETURNS the same ``page``.

    Raises:
        InputError: the page has more than ``options.max_text_lines`` non-empty lines.
    """
    lines = text.splitlines()
    kept, before, after, idx = _layout(lines)
    if len(kept) > options.max_text_lines:
        raise InputError(f"plain-text page of {len(kept):,} non-empty lines exceeds max_text_lines="
                         f"{options.max_text_lines:,}; split the dump into pages (or raise Options.max_text_lines)",
                         code=TOO_LARGE)
    main, with_chrome = model.read(kept, before, after)
    if with_chrome is not None and not options.text_comment_chrome:
        page.warnings.append(CHROME_WARNING)
    use_chrome = with_chrome is not None and options.text_comment_chrome
    labels = _labels(len(lines), kept, idx, with_chrome if use_chrome else main, options.text_short_titles)
    heads: list[str] = []
    body: list[str] = []
    boiler: list[str] = []
    refs: list[Reference] = []
    comments: list[str] = []
    for raw, label in zip(lines, labels, strict=True):
        s = raw.strip()  # keep the text as written (no NFKC: "…" stays "…")
        if label == BLANK:
            continue
        if label in ("title", "headline_variant"):
            heads.append(s)
        elif label == "body":
            body.append(s)
        elif label == "boilerplate":
            boiler.append(s)
        elif label == "reference":
            refs.extend(parse_references(s))
        else:
            comments.append(s)
    title, variants, _ = collapse_headlines(heads)
    page.title = title
    page.headline_variants = variants
    page.body = body
    page.boilerplate = boiler
    page.references = refs
    page.comments = [Comment(id=f"{page.id}-c{i}", text=c, position=i) for i, c in enumerate(comments)]
    if options.text_comment_authors:  # authors and dates from the chrome lines, when sure of the side
        attach_chrome_authors(page.comments, lines, labels)
    page = add_text_metadata(page, lines, labels)  # a byline and a dateline under the headline
    mark_wall(page, page.body or page.boilerplate[:3])  # the walls an HTML page is checked for, read the same way
    return page
