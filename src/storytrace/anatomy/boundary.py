"""Where does the comment section start? A ranker over every candidate boundary of a plain-text page.

The line model's segment grammar (:func:`storytrace.anatomy.text.grammar_mask`) allows one change from the
article (phase 1) to the comment section (phase 2). Viterbi places that change from per-line scores alone,
and its worst errors are whole stretches on the wrong side: formal comments read as more article, a chatty
post read as comments. This module scores each possible start ``b`` of the comment section (``b = n``: the
page has none) with features of the two segments it creates -- how good the best path through the grammar
is when forced to change at ``b``, under several body biases; the mean stage-1 and stage-3 probabilities
on either side and right at the boundary; whether the lines after ``b`` read as one text or as many voices
(embedding cosine of consecutive lines, of the two sides' centroids); and line length and pronoun use on
either side. A conditional logit (:class:`BoundaryRanker`, softmax over one page's candidates) picks ``b``;
the labels are then decoded with the change forced there (:func:`decode_with_boundary`).

Trained by ``training/train_boundary_ranker.py`` on pages the line model never saw (probabilities from a
line model trained without them), chosen by cross-validation over source pages on the dev split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storytrace.anatomy.trees import TreeEnsemble
from storytrace.numeric import softmax

__all__ = [
    "BIASES",
    "PAIR_FEATURE_NAMES",
    "BoundaryRanker",
    "PairModel",
    "TreeBoundaryRanker",
    "boundary_scores",
    "candidate_features",
    "decode_with_boundary",
    "even_section_boilerplate",
    "load_ranker",
    "mbr_start",
    "pair_candidate_features",
    "require_article",
    "temper_section",
    "thread_candidate_features",
    "tile_emissions",
    "viterbi",
]

BIASES = (0.0, 2.0, 4.0, 6.0)  # body log-score bonuses under which each candidate's path score is read
WINDOW = 3  # lines either side of a boundary read as its immediate context
_NEG = -1e18
_NEG_TRANS = -100.0  # log-transitions below this are the grammar's forbidden ones (log 1e-300)


def viterbi(emit: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> list[int]:
    """Most likely label sequence given per-line scores ``emit`` (n x k) and log transition matrix."""
    n, k = emit.shape
    score = log_start + emit[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + log_trans  # from x to
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return path[::-1]


def tile_emissions(emit: np.ndarray, n_states: int) -> np.ndarray:
    """Per-class scores (n x k) repeated for every phase of the grammar's ``n_states`` states."""
    return np.tile(emit, n_states // emit.shape[1])


def boundary_scores(emit: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """Best path score for every start of the comment section, shape ``(n + 1,)``.

    ``emit`` are per-class log scores (n x k); the states of ``log_trans`` are ``class + k * phase`` with
    phase 2 the comment section. Entry ``b`` (1 <= b < n) is the best score of a path whose lines ``< b``
    are in phases 0-1 and lines ``>= b`` in phase 2; entry ``n`` is the best path without a comment section;
    entry 0 is unused (``-1e18``). One forward pass over phases 0-1 and one backward pass over phase 2.
    """
    n, k = emit.shape
    phase = np.arange(log_trans.shape[0]) // k
    early, late = phase < 2, phase == 2
    e = tile_emissions(emit, log_trans.shape[0])
    t_early = np.where(early[:, None] & early[None, :], log_trans, _NEG)
    t_late = np.where(late[:, None] & late[None, :], log_trans, _NEG)
    t_cross = np.where(early[:, None] & late[None, :], log_trans, _NEG)
    alpha = np.full((n, len(phase)), _NEG)
    alpha[0] = np.where(early, log_start + e[0], _NEG)
    for t in range(1, n):
        alpha[t] = np.where(early, (alpha[t - 1][:, None] + t_early).max(axis=0) + e[t], _NEG)
    beta = np.full((n, len(phase)), _NEG)
    beta[n - 1] = np.where(late, e[n - 1], _NEG)
    for t in range(n - 2, -1, -1):
        beta[t] = np.where(late, (t_late + beta[t + 1][None, :]).max(axis=1) + e[t], _NEG)
    scores = np.full(n + 1, _NEG)
    for b in range(1, n):
        scores[b] = (alpha[b - 1][:, None] + t_cross + beta[b][None, :]).max()
    scores[n] = alpha[n - 1].max()
    return scores


def decode_with_boundary(emit: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray,
                         boundary: int, *, need_body: bool = False) -> list[int]:
    """Class indices of the best path whose comment section starts at line ``boundary`` (``n``: none).

    ``need_body``: the page has an article, so a path without a comment section must still reach the
    article phase (at least one body line); a comment section implies one already.
    """
    k = emit.shape[1]
    phase = np.arange(log_trans.shape[0]) // k
    e = tile_emissions(emit, log_trans.shape[0]).copy()
    e[:boundary, phase == 2] = _NEG
    e[boundary:, phase < 2] = _NEG
    if need_body and boundary >= len(e):
        require_article(e, k)
    return [j % k for j in viterbi(e, log_start, log_trans)]


def temper_section(log_trans: np.ndarray, k: int, factor: float) -> np.ndarray:
    """``log_trans`` with the allowed transitions inside the comment section (phase 2, states ``2k .. 3k``)
    scaled by ``factor``: below 1 its lines switch between comment and boilerplate more easily."""
    out = log_trans.copy()
    section = out[2 * k:3 * k, 2 * k:3 * k]
    allowed = section > _NEG_TRANS
    section[allowed] *= factor
    return out


def even_section_boilerplate(log_trans: np.ndarray, k: int, boilerplate: int) -> np.ndarray:
    """``log_trans`` with boilerplate -> boilerplate in the comment section (phase 2) no less likely than in
    the article (phase 1), so that the lines after a comment section cost no more than they would without it."""
    out = log_trans.copy()
    article, section = k + boilerplate, 2 * k + boilerplate
    out[section, section] = max(out[section, section], out[article, article])
    return out


def require_article(tiled_emit: np.ndarray, k: int) -> None:
    """Forbid (in place) paths that end before the article: the last line may not be in phase 0, so the
    page gets at least one body line. ``tiled_emit`` holds scores per state ``class + k * phase``."""
    tiled_emit[-1, :k] = _NEG


def _segment_means(values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Mean of ``values`` rows over ``[lo, hi)`` for many segments at once (zero for an empty one)."""
    csum = np.vstack([np.zeros((1,) + values.shape[1:]), np.cumsum(values, axis=0)])
    size = np.maximum(hi - lo, 1).reshape((-1,) + (1,) * (values.ndim - 1))
    return (csum[hi] - csum[lo]) / size


def _cos_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    return (a * b).sum(axis=1) / np.maximum(na * nb, 1e-12)


FEATURE_NAMES = tuple(
    [f"{kind}_bias{int(bias)}" for bias in BIASES for kind in ("gap", "best")]
    + ["log_after", "log_before", "rel_pos",
       "before_p3_body", "before_p3_comment", "before_p1_body", "before_p1_comment",
       "win_before_p3_body", "win_before_p1_body", "win_before_p3_boiler",
       "after_p3_comment", "after_p3_body", "after_p1_comment", "after_p1_body", "after_p3_boiler",
       "win_after_p3_comment", "win_after_p1_comment", "win_after_p3_body",
       "centroid_cos", "window_cos", "after_coherence", "before_coherence", "edge_cos",
       "length_shift", "after_length_sd", "before_length_sd", "after_pronoun", "before_pronoun",
       "has_after"]
)


def candidate_features(scores: Sequence[np.ndarray], p1: np.ndarray, p3: np.ndarray, emb: np.ndarray,
                       log_chars: np.ndarray, pronoun: np.ndarray, body: int, comment: int,
                       boilerplate: int, reference: int) -> np.ndarray:
    """Features of every candidate start ``b = 1 .. n`` (rows in that order), see ``FEATURE_NAMES``.

    ``scores`` are :func:`boundary_scores` under each of ``BIASES``; ``p1``/``p3`` the stage-1 and stage-3
    class probabilities; ``emb`` the lines' unit-length embeddings; ``log_chars``/``pronoun`` two of the
    lines' dense features. "Before" is the article from its first likely body line up to ``b``.
    """
    n = p3.shape[0]
    b = np.arange(1, n + 1)
    cols = []
    for s in scores:
        cols += [s[1:] - s.max(), (b == int(np.argmax(s))).astype(float)]
    body_like = p3[:, body] + p3[:, reference]
    first_body = int(np.argmax(body_like > 0.5)) if (body_like > 0.5).any() else 0
    lo = np.where(b > first_body, first_body, b - 1)
    after = n - b
    cols += [np.log1p(after), np.log1p(b - lo), b / n]
    win_lo = np.maximum(lo, b - WINDOW)
    win_hi = np.minimum(n, b + WINDOW)
    end = np.full(n, n)
    probs = np.column_stack([p3[:, body], p3[:, comment], p1[:, body], p1[:, comment], p3[:, boilerplate]])
    before = _segment_means(probs, lo, b)
    win_before = _segment_means(probs, win_lo, b)
    aft = _segment_means(probs, b, end)
    win_after = _segment_means(probs, b, win_hi)
    cols += [before[:, 0], before[:, 1], before[:, 2], before[:, 3],
             win_before[:, 0], win_before[:, 2], win_before[:, 4]]
    cols += [aft[:, 1], aft[:, 0], aft[:, 3], aft[:, 2], aft[:, 4],
             win_after[:, 1], win_after[:, 3], win_after[:, 0]]
    # consecutive-line cosine: one text flows from line to line, a comment thread changes voice
    step = np.append((emb[:-1] * emb[1:]).sum(axis=1), 0.0)
    centroid_after = _segment_means(emb, b, end)
    centroid_before = _segment_means(emb, lo, b)
    cols += [_cos_rows(centroid_after, centroid_before),
             _cos_rows(_segment_means(emb, win_lo, b), _segment_means(emb, b, win_hi)),
             np.where(after > 1, _segment_means(step[:, None], b, end - 1)[:, 0], 0.0),
             np.where(b - lo > 1, _segment_means(step[:, None], lo, b - 1)[:, 0], 0.0),
             step[b - 1]]
    length = np.column_stack([log_chars, log_chars ** 2, pronoun])
    la, lb = _segment_means(length, b, end), _segment_means(length, lo, b)
    cols += [la[:, 0] - lb[:, 0], np.sqrt(np.clip(la[:, 1] - la[:, 0] ** 2, 0.0, None)),
             np.sqrt(np.clip(lb[:, 1] - lb[:, 0] ** 2, 0.0, None)), la[:, 2], lb[:, 2],
             (after > 0).astype(float)]
    x = np.column_stack(cols)
    # without a comment section the "after" side does not exist: its features are zero
    x[after == 0, FEATURE_NAMES.index("after_p3_comment"):] = 0.0
    return x


THREAD_WINDOW = 6  # lines after a candidate start read for a reader's voice
OPENING_LINES = 3  # the article's first prose lines, the topic a page's own prose keeps to
THREAD_FEATURE_NAMES = tuple(
    [f"after_{g}" for g in ("you", "i", "opinion", "meta")]
    + [f"shift_{g}" for g in ("you", "i", "opinion", "meta")]
    + ["shift_excl_q", "shift_sentences", "opening_cos_after", "opening_cos_before", "opening_cos_shift"]
)


def _weighted_means(values: np.ndarray, weight: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Means of ``values`` rows over ``[lo, hi)`` weighted by ``weight`` (zero where the weight sums to ~0)."""
    w = weight[:, None]
    num = _segment_means(values * w, lo, hi)
    den = _segment_means(w, lo, hi)
    return np.where(den > 1e-6, num / np.maximum(den, 1e-6), 0.0)


def thread_candidate_features(markers: np.ndarray, style: np.ndarray, p3: np.ndarray, emb: np.ndarray,
                              body: int, comment: int, reference: int,
                              window: int | None = THREAD_WINDOW) -> np.ndarray:
    """Features of every candidate start ``b = 1 .. n`` for telling a comment thread written as prose from
    more article (rows as :func:`candidate_features`', columns ``THREAD_FEATURE_NAMES``; session 20).

    A reader's comment addresses the author ("you"), speaks for itself ("I"), judges ("agree", "thanks",
    "interesting") and names the post ("post", "article"); a thread, even one as formal as the article, also
    drifts from the article's opening topic. ``markers`` are the lines' ``text.THREAD_WORDS`` counts (n x 4),
    ``style`` two dense features per line (ends with ! or ?, sentence count). Lines count by their stage-3
    prose mass (body + comment + reference), so menus and chrome weigh little. Per candidate: the share of
    the ``THREAD_WINDOW`` lines from ``b`` holding each word group, and that less the share over the article
    before ``b`` (from its first likely body line); the same shift of the two style features; the embedding
    cosine of those lines' centroid with the article's first ``OPENING_LINES`` prose lines, of the
    ``THREAD_WINDOW`` lines before ``b`` with them, and the difference. ``window=None`` reads the whole block
    after ``b`` (and the whole article before it) instead: how comment-like the section would be as a whole."""
    n = p3.shape[0]
    b = np.arange(1, n + 1)
    prose = p3[:, body] + p3[:, comment] + p3[:, reference]
    body_like = p3[:, body] + p3[:, reference]
    first_body = int(np.argmax(body_like > 0.5)) if (body_like > 0.5).any() else 0
    lo = np.where(b > first_body, first_body, b - 1)
    end = np.full(n, n) if window is None else np.minimum(n, b + window)
    vals = np.hstack([(markers > 0).astype(np.float64), style])
    after = _weighted_means(vals, prose, b, end)
    before = _weighted_means(vals, prose, lo, b)
    opening_rows = [i for i in range(first_body, n) if prose[i] > 0.5][:OPENING_LINES]
    opening = emb[opening_rows].mean(axis=0) if opening_rows else np.zeros(emb.shape[1])
    e_after = _weighted_means(emb, prose, b, end)
    e_before = _weighted_means(emb, prose, lo if window is None else np.maximum(lo, b - window), b)
    op = np.broadcast_to(opening, e_after.shape)
    cos_after, cos_before = _cos_rows(e_after, op), _cos_rows(e_before, op)
    x = np.column_stack([after[:, :4], after[:, :4] - before[:, :4], after[:, 4:] - before[:, 4:],
                         cos_after, cos_before, cos_after - cos_before])
    x[b == n] = 0.0  # no comment section: nothing after
    return x


PAIR_FEATURE_NAMES = ("pair_at", "pair_after", "pair_before", "pair_after_all", "pair_breaks_after",
                      "pair_breaks_before")


@dataclass(slots=True)
class PairModel:
    """Do two consecutive lines belong to the same text? A logistic model on their sentence embeddings
    (element-wise product and absolute difference), trained on synthetic pages' body -> body pairs (same text)
    against body -> comment and comment -> comment pairs (session 28). An article is one writer's text; a
    thread is many writers, whatever its register."""

    coef: np.ndarray
    intercept: float

    @staticmethod
    def features(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        return np.hstack([left * right, np.abs(left - right)])

    def log_odds(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        return self.features(left, right) @ self.coef + self.intercept

    def consecutive(self, emb: np.ndarray) -> np.ndarray:
        """Log-odds that line ``i`` continues line ``i - 1``'s text, per line (0 for the first)."""
        if emb.shape[0] < 2:
            return np.zeros(emb.shape[0])
        return np.append(0.0, self.log_odds(emb[:-1], emb[1:]))

    def to_arrays(self, prefix: str = "pair_") -> dict[str, np.ndarray]:
        return {f"{prefix}coef": self.coef, f"{prefix}intercept": np.asarray([self.intercept])}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "pair_") -> PairModel:
        return cls(coef=np.asarray(arrays[f"{prefix}coef"], dtype=np.float64),
                   intercept=float(np.asarray(arrays[f"{prefix}intercept"])[0]))


def pair_candidate_features(same: np.ndarray, window: int = THREAD_WINDOW) -> np.ndarray:
    """Features of every candidate start ``b = 1 .. n`` from :meth:`PairModel.consecutive` log-odds ``same``
    (columns ``PAIR_FEATURE_NAMES``): the log-odds at the start (line ``b`` continuing line ``b - 1``), their
    mean over the ``window`` lines after ``b``, over the ``window`` lines before it and over the whole block after
    it, and the share of breaks (log-odds < 0) after and before. Zero for ``b = n`` (no section)."""
    n = same.shape[0]
    b = np.arange(1, n + 1)
    s = np.clip(same, -10.0, 10.0)[:, None]
    brk = (same < 0).astype(np.float64)[:, None]
    a_lo, a_hi = np.minimum(b + 1, n), np.minimum(n, b + window)
    b_lo, b_hi = np.maximum(1, b - window + 1), b
    all_hi = np.full(n, n)
    x = np.column_stack([
        np.where(b < n, s[np.minimum(b, n - 1), 0], 0.0),
        _segment_means(s, a_lo, np.maximum(a_lo, a_hi))[:, 0],
        _segment_means(s, np.minimum(b_lo, b_hi), b_hi)[:, 0],
        _segment_means(s, a_lo, all_hi)[:, 0],
        _segment_means(brk, a_lo, np.maximum(a_lo, a_hi))[:, 0],
        _segment_means(brk, np.minimum(b_lo, b_hi), b_hi)[:, 0],
    ])
    x[b == n] = 0.0
    return x


def mbr_start(scores: np.ndarray, prose: np.ndarray, tau: float) -> int:
    """Row of the candidate start (rows as :func:`candidate_features`') with the least expected number of prose
    lines on the wrong side of the boundary, under the ranker's posterior ``softmax(scores / tau)``
    (session 28, minimum Bayes risk). ``prose`` is each line's stage-3 prose mass (body + comment + reference):
    menu lines cost nothing wherever the boundary falls. When the ranker hesitates between "no section" and a
    start, the argmax drops the whole thread; this choice weighs how many lines each mistake costs. Ties go to
    the candidate the ranker scores higher."""
    post = softmax(np.asarray(scores, dtype=np.float64) / tau)
    mass = np.cumsum(prose)  # row r (start b = r + 1): prose mass of the lines before b
    risk = np.abs(mass[:, None] - mass[None, :]) @ post
    best = np.flatnonzero(risk <= risk.min() + 1e-9)
    return int(best[np.argmax(np.asarray(scores)[best])])


@dataclass(slots=True)
class BoundaryRanker:
    """A conditional logit over one page's candidate boundaries: score = standardised features . coef."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Each candidate's score (higher is likelier)."""
        return ((features - self.mean) / self.scale) @ self.coef

    def choose(self, features: np.ndarray) -> int:
        """Row index of the best candidate."""
        return int(np.argmax(self.scores(features)))

    @classmethod
    def fit(cls, pages: Sequence[np.ndarray], gold: Sequence[int], l2: float = 0.03) -> BoundaryRanker:
        """Fit on pages' candidate features and the row of each page's true boundary (L2 penalty ``l2``
        on the standardised coefficients), by L-BFGS on the softmax log-loss over each page's rows."""
        from scipy.optimize import minimize

        stacked = np.vstack(pages)
        mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-6
        zs = [(x - mean) / scale for x in pages]

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            value, grad = l2 * float(w @ w), 2.0 * l2 * w
            for z, g in zip(zs, gold, strict=True):
                s = z @ w
                p = softmax(s)
                value -= float(np.log(max(p[g], 1e-300)))
                grad -= z[g] - p @ z
            return value, grad

        coef = minimize(loss, np.zeros(stacked.shape[1]), jac=True, method="L-BFGS-B").x
        return cls(mean=mean, scale=scale, coef=coef)

    def to_arrays(self, prefix: str = "rank_") -> dict[str, np.ndarray]:
        return {f"{prefix}mean": self.mean, f"{prefix}scale": self.scale, f"{prefix}coef": self.coef}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "rank_") -> BoundaryRanker:
        return cls(mean=arrays[f"{prefix}mean"], scale=arrays[f"{prefix}scale"], coef=arrays[f"{prefix}coef"])


@dataclass(slots=True)
class TreeBoundaryRanker:
    """Boosted trees scoring each candidate start on its own (trained as "is this the page's start?"); the page's
    best-scored candidate wins. Unlike the conditional logit it can read interactions between features (session
    21). Fitted by ``training/train_boundary_ranker.py --trees``."""

    trees: TreeEnsemble

    def scores(self, features: np.ndarray) -> np.ndarray:
        return self.trees.raw_scores(np.asarray(features, dtype=np.float64))[:, 0]

    def choose(self, features: np.ndarray) -> int:
        return int(np.argmax(self.scores(features)))

    def to_arrays(self, prefix: str = "rank_t_") -> dict[str, np.ndarray]:
        return self.trees.to_arrays(prefix)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "rank_t_") -> TreeBoundaryRanker:
        return cls(trees=TreeEnsemble.from_arrays(arrays, prefix))


def load_ranker(arrays: dict[str, np.ndarray]) -> BoundaryRanker | TreeBoundaryRanker | None:
    """The boundary ranker stored in a line model's arrays, if any (trees under ``rank_t_``, logit ``rank_``)."""
    if "rank_t_roots" in arrays:
        return TreeBoundaryRanker.from_arrays(arrays)
    if "rank_coef" in arrays:
        return BoundaryRanker.from_arrays(arrays)
    return None
