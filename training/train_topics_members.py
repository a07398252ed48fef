"""Session 6 (v5 attempt): score candidate ensemble members and ensembles of the English topic tagger on the
dev set and by 5-fold cross-validation over the hand labels, from out-of-fold probabilities.

Every member is fitted like the shipped recipe (``train_topics.py --authored``: hand labels + the authored
texts at weight ``AUTHORED_WEIGHT``; the TF-IDF-like members also get the taxonomy term rows at
``TERM_WEIGHT``), once per CV fold (the folds of ``train_topics_dev_eval.cross_validate``: they split the
hand-labelled texts only; the authored texts join every training fold and are never scored) and once on
all hand labels for the dev set. Each member's out-of-fold and dev probabilities are cached under
``--cache``; ensembles (weighted geometric means, optional class-prior correction) are then scored from
the cached probabilities. topics/bbc is never read here.

Members (``--members``, comma-separated):

* ``tfidf``: the shipped TF-IDF + LR (reads the whole text); ``tfidf_lead1500``: the first 1,500
  characters only; ``tfidf_leadx2``: the 600-character lead repeated before the whole text;
  ``tf_notsub``: raw instead of sublinear tf; ``word1``: unigrams only; ``tf_c30``: C = 30;
* ``use``: the shipped USE probe (``short_lead``: first 600 characters); ``use_lenN`` (N = 300, 400, 500):
  shorter leads; ``useC0.1`` / ``useC1.0``: probe regularisation;
* ``use_meanK`` / ``use_lwK`` / ``use_maxK`` (K = 2, 3, 4, 6): USE embeddings of the first K 600-character
  chunks of the body (word boundaries), mean-pooled / mean-pooled with the lead chunk counted twice /
  max-pooled, then re-normalised; ``use_rowsK``: the probe trained on every chunk (weight 1/chunks per text)
  and applied per chunk, mean log-probability;
* ``char``: char_wb 2-5-gram TF-IDF + LR; ``cnb``: complement naive Bayes on word 1-2-gram TF-IDF;
  ``svm``: linear SVM (softmax of 5 x its margins); ``joint0.5``: one LR on [word TF-IDF, 0.5 x USE];
* ``cot``: the USE probe plus the unlabelled non-English SemEval texts (not in the non-English dev set, not
  within USE cosine 0.7 of any hand-labelled or dev text) pseudo-labelled by the e5 and USE probes of the
  same training fold (geometric mean, kept at probability >= 0.5, weight 0.3): co-training; the e5 pass
  over the 1,439 pool texts takes ~10 min once (cached).

Run:  nice env OMP_NUM_THREADS=1 .venv/bin/python training/train_topics_members.py --data /work/shared/data \\
          [--members tfidf,use,use_lw3,...] [--cache /tmp/storytrace-topics-cache]
      prints one line per member, the two-member sweeps (TF-IDF + each USE-like member, TF-IDF + USE +
      each other member) and the prior-correction sweep.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHUNK_CHARS = 600
MAX_CHUNKS = 6
DEFAULT_MEMBERS = ("tfidf,use,use_mean2,use_mean3,use_mean4,use_mean6,use_lw3,use_lw6,use_max3,use_rows3,use_rows6,"
                   "tfidf_lead1500,tfidf_leadx2,tf_notsub,word1,tf_c30,cnb,svm,char,useC0.1,useC1.0,joint0.5,"
                   "use_len300,use_len400,use_len500,cot")


def chunks(text: str, size: int = CHUNK_CHARS, most: int = MAX_CHUNKS) -> list[str]:
    """The first ``most`` consecutive chunks of about ``size`` characters of the whitespace-normalised text,
    cut at a space where one falls in the chunk's second half."""
    s = " ".join(text.split())
    out: list[str] = []
    i = 0
    while i < len(s) and len(out) < most:
        j = min(len(s), i + size)
        if j < len(s):
            k = s.rfind(" ", i, j)
            if k > i + size // 2:
                j = k
        piece = s[i:j].strip()
        if piece:
            out.append(piece)
        i = j
    return out


def geometric(probs: list[np.ndarray], weights: list[float], log_prior: np.ndarray | None = None,
              alpha: float = 0.0) -> np.ndarray:
    """Weighted sum of log-probabilities (+ ``alpha`` x log prior): the argmax of a weighted geometric mean."""
    out = sum(w * np.log(p + 1e-6) for p, w in zip(probs, weights, strict=True))
    return out + alpha * log_prior if alpha and log_prior is not None else out


class Bench:
    """Hand labels, dev set, authored texts and the CV folds, with cached embeddings and member probabilities."""

    def __init__(self, data: Path, cache: Path) -> None:
        from sklearn.model_selection import StratifiedKFold
        from train_topics import authored, hand_labelled, load_dev, load_terms

        self.data, self.cache = data, cache
        self.terms = load_terms()
        self.tops = sorted({t["top"] for t in self.terms})
        self.texts, self.y = hand_labelled(data)
        _, self.dtexts, dgold = load_dev(data)
        self.at, self.ay = authored()
        self.yi = np.array([self.tops.index(t) for t in self.y])
        self.gi = np.array([self.tops.index(t) for t in dgold])
        self.ai = np.array([self.tops.index(t) for t in self.ay])
        strata = np.where(np.bincount(self.yi)[self.yi] < 5, -1, self.yi)  # as cross_validate
        self.folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(self.texts, strata))

    # -- embeddings -------------------------------------------------------------------------------------
    def use(self, which: str) -> np.ndarray:
        from train_topics import use_embed

        return use_embed(self.source(which), self.cache)

    def source(self, which: str) -> list[str]:
        return {"train": self.texts, "dev": self.dtexts, "auth": self.at}[which]

    def use_texts(self, texts: list[str], name: str) -> np.ndarray:
        import hashlib

        from storytrace.embeddings import embed, load_encoder

        h = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:16]
        path = self.cache / f"use-{name}-{len(texts)}-{h}.npy"
        if path.exists():
            return np.load(path)
        enc = load_encoder()
        out = np.vstack([embed(enc, texts[i : i + 64]) for i in range(0, len(texts), 64)]) if texts \
            else np.zeros((0, 512), np.float32)
        np.save(path, out)
        return out

    def chunked(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """(texts x MAX_CHUNKS x 512 USE embeddings, mask) of the texts' chunks."""
        texts = self.source(which)
        cs = [chunks(t) for t in texts]
        E = self.use_texts([c for cc in cs for c in cc], f"chunks-{which}")
        A = np.zeros((len(texts), MAX_CHUNKS, 512), np.float32)
        M = np.zeros((len(texts), MAX_CHUNKS), bool)
        p = 0
        for i, cc in enumerate(cs):
            A[i, : len(cc)] = E[p : p + len(cc)]
            M[i, : len(cc)] = True
            p += len(cc)
        return A, M

    # -- running a member -----------------------------------------------------------------------------------
    def run(self, name: str, fit: Callable, predict: Callable) -> dict:
        """``fit(train indices or None for all)`` -> model; ``predict(model, 'train' | 'dev', indices)``."""
        path = self.cache / f"oof-{name}.npz"
        if not path.exists():
            t0 = time.time()
            oof = np.zeros((len(self.texts), len(self.tops)))
            for tr, te in self.folds:
                oof[te] = predict(fit(tr), "train", te)
            dev = predict(fit(None), "dev", None)
            np.savez(path, oof=oof, dev=dev, seconds=time.time() - t0)
        z = np.load(path)
        return {"oof": z["oof"], "dev": z["dev"], "cv": float(np.mean(z["oof"].argmax(1) == self.yi)),
                "dev_top1": float(np.mean(z["dev"].argmax(1) == self.gi)), "seconds": float(z["seconds"])}

    def pick(self, which: str, idx) -> list[str]:
        src = self.texts if which == "train" else self.dtexts
        return [src[i] for i in (range(len(src)) if idx is None else idx)]

    def idx(self, tr) -> np.ndarray:
        return np.arange(len(self.texts)) if tr is None else tr


def text_member(b: Bench, name: str, make_vec: Callable, make_clf: Callable,
                transform: Callable[[str], str] = lambda s: s, margin_scale: float | None = None) -> dict:
    """A bag-of-features member trained like the shipped TF-IDF model (hand labels + authored texts at
    AUTHORED_WEIGHT + taxonomy term rows at TERM_WEIGHT)."""
    from train_topics import AUTHORED_WEIGHT, TERM_WEIGHT

    from storytrace.facts.topics import term_text

    tt, ty = [term_text(t) for t in b.terms], [b.tops.index(t["top"]) for t in b.terms]

    def fit(tr):
        idx = b.idx(tr)
        X = [transform(b.texts[i]) for i in idx] + list(b.at) + tt
        y = list(b.yi[idx]) + list(b.ai) + ty
        w = [1.0] * len(idx) + [AUTHORED_WEIGHT] * len(b.at) + [TERM_WEIGHT] * len(tt)
        vec = make_vec()
        clf = make_clf()
        clf.fit(vec.fit_transform(X), y, sample_weight=np.asarray(w))
        return vec, clf

    def predict(m, which, idx):
        vec, clf = m
        X = vec.transform([transform(s) for s in b.pick(which, idx)])
        if hasattr(clf, "predict_proba"):
            P = clf.predict_proba(X)
        else:
            d = clf.decision_function(X) * (margin_scale or 1.0)
            P = np.exp(d - d.max(1, keepdims=True))
            P /= P.sum(1, keepdims=True)
        full = np.full((X.shape[0], len(b.tops)), 1e-6)
        full[:, clf.classes_] = P
        return full

    return b.run(name, fit, predict)


def probe_member(b: Bench, name: str, X: np.ndarray, Xd: np.ndarray, Xa: np.ndarray, C: float | None = None) -> dict:
    """A USE probe like the shipped one on the given text embeddings (train, dev, authored)."""
    from train_topics import AUTHORED_WEIGHT, PROBE_C, fit_weighted_probe

    from storytrace.facts.topics import softmax_probe

    def fit(tr):
        idx = b.idx(tr)
        return fit_weighted_probe(X[idx], b.yi[idx], len(b.tops), Xa, b.ai, AUTHORED_WEIGHT, C=C or PROBE_C)

    return b.run(name, fit, lambda m, which, idx: softmax_probe(X[idx] if which == "train" else Xd, m))


def pooled(A: np.ndarray, M: np.ndarray, k: int, mode: str) -> np.ndarray:
    from train_topics import normalize

    A, M = A[:, :k], M[:, :k].astype(np.float32)
    if mode == "max":
        return normalize(np.where(M[..., None] > 0, A, -np.inf).max(1))
    w = M.copy()
    if mode == "lw":
        w[:, 0] *= 2
    return normalize((A * w[..., None]).sum(1))


def rows_member(b: Bench, name: str, k: int) -> dict:
    """The probe trained on every chunk's embedding (weight 1/chunks per text), applied to each chunk of a
    text, mean log-probability."""
    from train_topics import AUTHORED_WEIGHT, PROBE_C, fit_probe

    from storytrace.facts.topics import softmax_probe

    C = {w: b.chunked(w) for w in ("train", "dev", "auth")}

    def rows(which, idx, labels, weight):
        A, M = C[which]
        X, y, w = [], [], []
        for i in idx:
            m = M[i, :k]
            X.append(A[i, :k][m])
            y += [labels[i]] * int(m.sum())
            w += [weight / m.sum()] * int(m.sum())
        return np.vstack(X), np.array(y), np.array(w)

    def fit(tr):
        X1, y1, w1 = rows("train", b.idx(tr), b.yi, 1.0)
        X2, y2, w2 = rows("auth", range(len(b.at)), b.ai, AUTHORED_WEIGHT)
        return fit_probe(np.vstack([X1, X2]), np.r_[y1, y2], len(b.tops), PROBE_C, sample_weight=np.r_[w1, w2])

    def predict(m, which, idx):
        A, M = C["train" if which == "train" else "dev"]
        out = []
        for i in (range(len(A)) if idx is None else idx):
            lp = np.log(softmax_probe(A[i, :k][M[i, :k]], m) + 1e-6).mean(0)
            e = np.exp(lp - lp.max())
            out.append(e / e.sum())
        return np.array(out)

    return b.run(name, fit, predict)


def cotrain_member(b: Bench, name: str, threshold: float = 0.5, weight: float = 0.3) -> dict:
    """The USE probe plus pseudo-labelled non-English pool texts (module docstring, ``cot``)."""
    from train_topics import AUTHORED_WEIGHT, PROBE_C, embed, fit_probe, fit_weighted_probe, unlabelled_corpus
    from train_topics_dev_eval import MULTILINGUAL

    from storytrace.facts.topics import lead, mix_english, softmax_probe

    english = {r for r, _ in unlabelled_corpus(b.data)}
    ml = {json.loads(x)["ref"] for x in MULTILINGUAL.read_text(encoding="utf-8").splitlines() if x.strip()}
    pool = [t for r, t in unlabelled_corpus(b.data, None) if r not in english and r not in ml]
    from train_topics import use_embed

    Up = use_embed(pool, b.cache)
    Ep = embed([lead(t) for t in pool], b.cache, "poolleads-query", query=True)
    U, Ud, Ua = b.use("train"), b.use("dev"), b.use("auth")
    E = embed([lead(t) for t in b.texts], b.cache, "leads-query", query=True)
    Ea = embed([lead(t) for t in b.at], b.cache, "leads-query", query=True)
    far = (Up @ np.vstack([U, Ud]).T).max(1) < 0.7
    print(f"  {name}: {len(pool)} pool texts, {int(far.sum())} not within cosine 0.7 of a labelled/dev text",
          file=sys.stderr)

    def fit(tr):
        idx = b.idx(tr)
        pu = fit_weighted_probe(U[idx], b.yi[idx], len(b.tops), Ua, b.ai, AUTHORED_WEIGHT)
        pe = fit_weighted_probe(E[idx], b.yi[idx], len(b.tops), Ea, b.ai, AUTHORED_WEIGHT)
        P = mix_english(softmax_probe(Ep, pe), softmax_probe(Up, pu), 0.5)
        keep = far & (P.max(1) >= threshold)
        X = np.vstack([U[idx], Ua, Up[keep]])
        y = np.r_[b.yi[idx], b.ai, P.argmax(1)[keep]]
        w = np.r_[np.ones(len(idx)), np.full(len(b.ai), AUTHORED_WEIGHT), np.full(int(keep.sum()), weight)]
        return fit_probe(X, y, len(b.tops), PROBE_C, sample_weight=w)

    return b.run(name, fit, lambda m, which, idx: softmax_probe(U[idx] if which == "train" else Ud, m))


def member(b: Bench, name: str) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB
    from sklearn.svm import LinearSVC

    def words(**kw):
        opts = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True, "stop_words": "english",
                "strip_accents": "unicode", "max_features": 200_000} | kw
        return lambda: TfidfVectorizer(**opts)

    def lr(C=10.0):
        return lambda: LogisticRegression(C=C, max_iter=3000, class_weight="balanced")

    if name == "tfidf":
        return text_member(b, name, words(), lr())
    if name == "tfidf_lead1500":
        return text_member(b, name, words(), lr(), lambda s: s[:1500])
    if name == "tfidf_leadx2":
        return text_member(b, name, words(), lr(), lambda s: s[:600] + "\n" + s)
    if name == "tf_notsub":
        return text_member(b, name, words(sublinear_tf=False), lr())
    if name == "word1":
        return text_member(b, name, words(ngram_range=(1, 1)), lr())
    if name == "tf_c30":
        return text_member(b, name, words(), lr(30.0))
    if name == "cnb":
        return text_member(b, name, words(), lambda: ComplementNB(alpha=0.3))
    if name == "svm":
        return text_member(b, name, words(), lambda: LinearSVC(C=0.5, class_weight="balanced"), margin_scale=5.0)
    if name == "char":
        return text_member(b, name, lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                                            sublinear_tf=True, max_features=300_000,
                                                            strip_accents="unicode"), lr())
    if name == "use":
        return probe_member(b, name, b.use("train"), b.use("dev"), b.use("auth"))
    if name.startswith("useC"):
        return probe_member(b, name, b.use("train"), b.use("dev"), b.use("auth"), C=float(name[4:]))
    if name.startswith("use_len"):
        from storytrace.facts.topics import lead

        n = int(name[7:])
        X = {w: b.use_texts([lead(t)[:n] for t in b.source(w)], f"lead{n}-{w}") for w in ("train", "dev", "auth")}
        return probe_member(b, name, X["train"], X["dev"], X["auth"])
    for mode in ("mean", "lw", "max", "rows"):
        if name.startswith(f"use_{mode}"):
            k = int(name[len(f"use_{mode}"):])
            if mode == "rows":
                return rows_member(b, name, k)
            X = {w: pooled(*b.chunked(w), k, mode) for w in ("train", "dev", "auth")}
            return probe_member(b, name, X["train"], X["dev"], X["auth"])
    if name.startswith("joint"):
        return joint_member(b, name, float(name[5:]))
    if name == "cot":
        return cotrain_member(b, name)
    raise SystemExit(f"unknown member {name!r}")


def joint_member(b: Bench, name: str, scale: float) -> dict:
    """One LR over [word TF-IDF features, scale x USE embedding] (term rows get a zero embedding)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from train_topics import AUTHORED_WEIGHT, TERM_WEIGHT

    from storytrace.facts.topics import term_text

    U, Ud, Ua = b.use("train"), b.use("dev"), b.use("auth")
    tt, ty = [term_text(t) for t in b.terms], [b.tops.index(t["top"]) for t in b.terms]

    def fit(tr):
        idx = b.idx(tr)
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english",
                              strip_accents="unicode", max_features=200_000)
        Xs = vec.fit_transform([b.texts[i] for i in idx] + list(b.at) + tt)
        E = np.vstack([U[idx], Ua, np.zeros((len(tt), U.shape[1]))]) * scale
        w = [1.0] * len(idx) + [AUTHORED_WEIGHT] * len(b.at) + [TERM_WEIGHT] * len(tt)
        clf = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced")
        clf.fit(sp.hstack([Xs, sp.csr_matrix(E)]).tocsr(), list(b.yi[idx]) + list(b.ai) + ty, sample_weight=np.array(w))
        return vec, clf

    def predict(m, which, idx):
        vec, clf = m
        texts = b.pick(which, idx)
        E = (U[idx] if which == "train" else Ud) * scale
        P = clf.predict_proba(sp.hstack([vec.transform(texts), sp.csr_matrix(E)]).tocsr())
        full = np.full((len(texts), len(b.tops)), 1e-6)
        full[:, clf.classes_] = P
        return full

    return b.run(name, fit, predict)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--members", default=DEFAULT_MEMBERS)
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    b = Bench(args.data, args.cache)
    names = [m.strip() for m in args.members.split(",") if m.strip()]
    res = {}
    for name in names:
        res[name] = member(b, name)
        print(f"{name:16s} alone: CV5 {res[name]['cv']:.3f}  dev {res[name]['dev_top1']:.3f}", flush=True)

    def score(members, weights, alpha=0.0):
        prior = np.log(np.bincount(b.yi, minlength=len(b.tops)) / len(b.yi) + 1e-3)
        cv = np.mean(geometric([res[m]["oof"] for m in members], weights, prior, alpha).argmax(1) == b.yi)
        dev = np.mean(geometric([res[m]["dev"] for m in members], weights, prior, alpha).argmax(1) == b.gi)
        return f"{cv:.3f}/{dev:.3f}"

    print("\nCV5/dev of TF-IDF x member (member weight 0.2 / 0.3 / 0.4 / 0.5):")
    if "tfidf" in res:
        for m in names:
            if m != "tfidf":
                print(f"  tfidf + {m:16s}", "  ".join(score(["tfidf", m], [1 - u, u]) for u in (0.2, 0.3, 0.4, 0.5)))
    if "tfidf" in res and "use" in res:
        print("\nCV5/dev of TF-IDF x USE (0.3) x third member (third's weight 0.1 / 0.2 / 0.3, taken from TF-IDF):")
        for m in names:
            if m not in ("tfidf", "use"):
                print(f"  + {m:16s}", "  ".join(score(["tfidf", "use", m], [0.7 - t, 0.3, t]) for t in (0.1, 0.2, 0.3)))
        print("\nclass-prior correction (alpha x log prior of the hand labels), shipped ensemble:")
        print("  ", "  ".join(f"a{a}: {score(['tfidf', 'use'], [0.7, 0.3], a)}" for a in (0, 0.1, 0.2, 0.3, 0.5, 1.0)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
