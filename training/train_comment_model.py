"""Train storytrace's comment model on davidson + OLID training (the only sets licensed and marked for training).

    python training/train_comment_model.py --data /work/shared/data [--out DIR] [--limit N]
        [--use N [--use-cache DIR]] [--embed N --embed-cache DIR] [--rule-combine max|noisy_or]
        [--authored DIR [--authored-exclude REPORT] [--authored-weight W] [--authored-weight-ident W]
        [--authored-heads char,use,e5] [--authored-embed-exclude GLOB]]
        [--stack-gate none|groups|people]

Steps: load and label both sets; hold out 15% (seeded) for calibration and dev metrics; decode disguised words
and build the classifier text; fit one L2 logistic head per learned category (toxic, insult, identity_attack)
on hashed char 2-5 + word 1-2 TF-IDF; Platt-calibrate each head on the held-out part; optionally fit the same
heads on sentence embeddings for non-English comments -- USE multilingual v3 (up to ``--use`` training texts,
embedded here in about a minute or read from ``--use-cache``) and multilingual-e5-small (up to ``--embed`` texts
cached by training/comment_embed.py) -- and a stack of char + embedding margins for the optional English second
opinion; write model.npz + model.json (no pickles) to ``--out`` (default: the package's data/models/comments).

``--authored DIR`` adds the project's authored set (training/data/comments_authored, Apache-2.0): its lines are
split by ``comment_data.split_authored`` (per language, template variants kept together; 20% authored validation,
never trained on), lines in the decontamination report's drop list (``--authored-exclude``, written by
training/decontaminate_authored.py) are left out, and the training part joins the training rows of the heads named
in ``--authored-heads`` with sample weight ``--authored-weight`` (char heads: English lines only unless
``--authored-char-langs all``; ``--authored-weight-ident`` sets another weight for the char identity_attack head
alone; ``--authored-embed-exclude GLOB`` keeps the authored files whose names match out of the USE and e5 heads
only, e.g. ``'*_implicit.jsonl'``). ``--stack-gate groups|people`` makes the default model put English comments in
which the rules find a group mention (people: a group of people named without a slur) through the char + USE stack
(fit on the calibration rows the gate lets through).
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import (
    authored_key,
    excluded_keys,
    load_authored,
    load_train,
    split_authored,
    split_indices,
    train_only_keys,
)
from comment_embed import load_cached

from storytrace.comments._decode import damerau1
from storytrace.comments._lexicon import load_lexicon, phonetic_key
from storytrace.comments._model import (
    LEARNED,
    CommentModel,
    decoder_from_meta,
    featurize,
    gated,
    make_vectorizers,
    model_text,
)
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


_INFLECTIONS = ("s", "es", "ed", "d", "er", "ers", "r", "rs", "ing", "est", "st", "n", "en", "'s")


def dictionary_words(path: Path, slur_check: str = "edit_or_sound", *, names: bool = False,
                     prefix: str = "any") -> frozenset[str]:
    """English dictionary words that fuzzy decoding would otherwise rewrite into a lexicon term ("born" -> "burn",
    "fifth" -> "filth", "lowers" -> "liar"): real words are not misspellings. Kept out: lexicon terms, inflections
    of a term (a prefix either way: "murderer"/"murderers", "white"/"whites") and words one edit or one sound away
    from a slur, a common way to disguise one ("fagots"). ``slur_check="edit"`` keeps out only the words one edit
    from a slur: words that merely share a slur's phonetic key ("peace"/"pikey", "rescue"/"ruskie", "reason"/
    "russian", "fire"/"fairy") become known words too. ``names``: capitalised entries (names, "Sikhs") count too,
    lower-cased, with the same checks. ``prefix="inflection"``: only a term that differs from the word by an
    inflectional ending ("terrorist"/"terrorists") keeps it out, not any longer word it begins ("hide"/"hideous")."""
    lex = load_lexicon()
    slur_keys = {phonetic_key(t.text) for ts in lex.by_first.values() for t in ts if t.kind == "slur"}
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if names and re.fullmatch(r"[A-Z][a-z]{3,}", w):
            w = w.lower()
        if not re.fullmatch(r"[a-z]{4,}", w) or w in lex.terms:
            continue
        near = [t for t in lex.by_first.get(w[0], []) if len(t.text) >= 4 and damerau1(w, t.text)]
        near += lex.phonetic.get(phonetic_key(w), [])
        if not near:
            continue  # fuzzy decoding leaves it alone anyway
        if slur_check == "edit":
            if any(t.kind == "slur" and damerau1(w, t.text) for t in near):
                continue
            # a name one edit or one sound from a slur or a swear word ("Fokker") is also a common way to write
            # one in lower case; written capitalised, the decoder reads it as a name anyway (``Decoder.names``)
            if w != line.strip() and any(t.kind in ("slur", "profanity") for t in near):
                continue
        elif any(t.kind == "slur" for t in near) or phonetic_key(w) in slur_keys:
            continue
        if prefix == "inflection":
            # a word built on a term keeps its sense ("bitchy", "trashy"); a term built on a word need not ("bloody")
            if any(t.text in (w + e for e in _INFLECTIONS) or w in (t.text + e for e in (*_INFLECTIONS, "y"))
                   for t in near):
                continue
        elif any(t.text.startswith(w) or w.startswith(t.text) for t in near):
            continue
        out.add(w)
    return frozenset(out)


def platt(margin: np.ndarray, y: np.ndarray, balanced: bool) -> list[float]:
    """Platt scaling. ``balanced`` gives probabilities for an even prior instead of the training sets' base rate
    (two thirds of davidson is offensive, far above a news comment section); identity_attack keeps its own
    (7%) base rate, as group words alone would otherwise cross 0.5."""
    lr = LogisticRegression(C=1e4, max_iter=1000, class_weight="balanced" if balanced else None)
    lr.fit(margin.reshape(-1, 1), y)
    return [float(lr.coef_[0, 0]), float(lr.intercept_[0])]


def calibration_split(rows: list[dict[str, object]], train: list[int], share: float, *,
                      english: bool = True, train_only: frozenset[str] | None = None) -> tuple[list[int], list[int]]:
    """(train, calibration) indices: ``share`` of the training lines of each language (of each language but English
    when not ``english``), grouped by skeleton like the validation split, move to the calibration rows. Lines whose
    key is in ``train_only`` (default: the pinned split's ``train_only`` list, ``comment_data.train_only_keys``) stay
    in training and are not counted, so they leave the other lines' calibration split as it was."""
    if train_only is None:
        train_only = train_only_keys()
    pool = [i for i in train if (english or rows[i]["lang"] != "en") and authored_key(rows[i]) not in train_only]
    _, picked = split_authored([rows[i] for i in pool], share, seed="authored-calib", pinned=None)
    held = {pool[k] for k in picked}
    return [i for i in train if i not in held], [i for i in train if i in held]


def blend_intercept(joined: list[float], tweets: list[float], weight: float) -> list[float]:
    """Platt (slope, intercept) with the slope of ``joined`` and an intercept ``weight`` of the way from the one
    that keeps the 0.5 point (margin -b/a) of ``tweets`` to the joined one: weight 0 keeps the tweets-only
    decisions at 0.5 and only spreads the scores; 1 is the joined fit."""
    (a, b_j), (a_t, b_t) = joined, tweets
    return [a, weight * b_j + (1 - weight) * b_t * a / a_t]


def fit_short_shift(calib_rows: list[dict[str, object]], clf: Any, ab: list[float], *, x_ca_of: Any, comments: bool,
                    cat: str, most: int) -> float:
    """The intercept shift c of a head's Platt scaling p = sigmoid(a * margin + b + c) for short replies (one to
    ``most`` content words), a and b kept, by maximum likelihood on the OLID rows of the calibration half (read as
    comments, without Twitter's marks, when ``comments``); 0 without short rows of both labels."""
    from comment_eval import as_comment
    from scipy.optimize import minimize_scalar

    from storytrace.comments._content import few_words

    rows = [r for r in calib_rows if r["source"] == "olid"]
    if comments:
        rows = [dict(r, text=as_comment(str(r["text"]))) for r in rows]
    rows = [r for r in rows if few_words(str(r["text"]), most)]
    y = np.array([int(r[cat]) for r in rows])
    if len(set(y)) < 2:
        return 0.0
    z = ab[0] * clf.decision_function(x_ca_of(rows)) + ab[1]

    def nll(c: float) -> float:
        return float(np.sum(np.logaddexp(0.0, z + c) - y * (z + c)))

    return round(float(minimize_scalar(nll, bounds=(-5.0, 5.0), method="bounded").x), 4)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def embeddings(rows: list[dict[str, object]], wanted: list[int], encoder: str,
               cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
    """(row indices, embeddings) of the ``wanted`` rows: from the chunk cache, and for USE the missing rows
    embedded here (USE embeds ~700 tweets/s on one core)."""
    idx, emb = load_cached(cache) if cache is not None else (np.zeros(0, dtype=int), np.zeros((0, 512), np.float32))
    if encoder == "e5":
        return idx, emb
    have = {int(i) for i in idx}
    missing = [i for i in wanted if i not in have]
    if missing:
        from comment_embed import make_encoder

        from storytrace.comments._model import embed_text

        new = make_encoder("use")([embed_text(str(rows[i]["text"])) for i in missing])
        idx, emb = np.concatenate([idx, np.array(missing, dtype=int)]), np.vstack([emb.reshape(-1, 512), new])
    return idx, emb


def authored_embeddings(rows: list[dict[str, object]], encoder: str, cache: Path | None) -> np.ndarray:
    """Embeddings of authored rows (at least one), cached per line id in ``cache/authored_<encoder>.npz`` when a
    cache is given."""
    from comment_embed import make_encoder

    from storytrace.comments._model import embed_text

    have: dict[str, np.ndarray] = {}
    path = cache / f"authored_{encoder}.npz" if cache is not None else None
    if path is not None and path.exists():
        with np.load(path) as z:
            have = dict(zip((str(k) for k in z["keys"]), z["emb"], strict=True))
    keys = [authored_key(r) for r in rows]
    missing = [i for i, k in enumerate(keys) if k not in have]
    if missing:
        t0 = time.time()
        new = make_encoder(encoder)([embed_text(str(rows[i]["text"])) for i in missing])
        have.update({keys[i]: v for i, v in zip(missing, new, strict=True)})
        print(f"{encoder}: embedded {len(missing)} authored lines in {time.time() - t0:.0f}s", flush=True)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, keys=np.array(list(have)), emb=np.vstack(list(have.values())))
    return np.vstack([have[k] for k in keys]).astype(np.float32)


def embed_exclude_globs(values: list[str]) -> list[str]:
    """File-name globs of ``--authored-embed-exclude`` (repeatable, each comma-separated)."""
    return [g.strip() for v in values for g in v.split(",") if g.strip()]


def outside_files(rows: list[dict[str, object]], globs: list[str]) -> list[dict[str, object]]:
    """Authored rows whose file name matches none of ``globs``."""
    return [r for r in rows if not any(fnmatch.fnmatch(str(r.get("file", "")), g) for g in globs)]


def fit_embed_heads(rows: list[dict[str, object]], tr_i: list[int], ca_i: list[int], idx: np.ndarray,
                    emb: np.ndarray, *, limit: int, C: float, char_ca: dict[str, np.ndarray], args: argparse.Namespace,
                    metrics: dict[str, object], name: str, auth_rows: list[dict[str, object]] | None = None,
                    auth_emb: np.ndarray | None = None, gate_ca: np.ndarray | None = None,
                    auth_ca_rows: list[dict[str, object]] | None = None, auth_ca_emb: np.ndarray | None = None):
    """Logistic heads on sentence embeddings (same labels, OLID weights and Platt choices as the char heads) and
    the English stack of char margin + embedding margin, both fit on the calibration half.

    ``auth_rows``/``auth_emb``: authored training lines added with weight ``args.authored_weight_embed``;
    ``gate_ca``: calibration rows (a mask over ``ca_i``) the stack is fit on (``--stack-gate``);
    ``auth_ca_rows``/``auth_ca_emb``: authored calibration lines that join the Platt fits (not the stack).

    Returns (coef, intercept, calibration, stack, number of training rows)."""
    pos = {int(i): k for k, i in enumerate(idx)}
    e_tr_i = [i for i in tr_i if i in pos][:limit]
    e_ca_i = [i for i in ca_i if i in pos]
    print(f"{name} embeddings: {len(e_tr_i)} train, {len(e_ca_i)} calibration", flush=True)
    e_tr = emb[[pos[i] for i in e_tr_i]]
    e_ca = emb[[pos[i] for i in e_ca_i]]
    e_olid = np.array([rows[i]["source"] == "olid" for i in e_tr_i])
    auth_rows = auth_rows or []
    if auth_rows:
        e_tr = np.vstack([e_tr, auth_emb])
        print(f"{name}: + {len(auth_rows)} authored lines (weight {args.authored_weight_embed})", flush=True)
    e_auth = np.r_[np.zeros(len(e_tr_i), bool), np.ones(len(auth_rows), bool)]
    e_olid = np.r_[e_olid, np.zeros(len(auth_rows), bool)]
    where = {i: k for k, i in enumerate(ca_i)}
    gate = np.array([bool(gate_ca[where[i]]) for i in e_ca_i]) if gate_ca is not None else np.ones(len(e_ca_i), bool)
    coef, intercept, calib, stack = [], [], {}, {}
    for cat in LEARNED:
        y_tr = np.array([int(rows[i][cat]) for i in e_tr_i] + [int(r[cat]) for r in auth_rows])
        y_ca = np.array([int(rows[i][cat]) for i in e_ca_i])
        clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
        ow = args.olid_weight_ident if cat == "identity_attack" else args.olid_weight
        clf.fit(e_tr, y_tr, sample_weight=np.where(e_auth, args.authored_weight_embed, np.where(e_olid, ow, 1.0)))
        coef.append(clf.coef_[0])
        intercept.append(clf.intercept_[0])
        m_ca = clf.decision_function(e_ca)
        bal = cat != "identity_attack" and args.platt == "balanced"
        sel = np.array([rows[i]["source"] == "olid" for i in e_ca_i]) if (
            args.calib == "olid" and cat != "identity_attack") else np.ones(len(e_ca_i), bool)
        p_m, p_y = m_ca[sel], y_ca[sel]
        if auth_ca_rows:  # authored calibration lines join every Platt fit
            p_m = np.r_[p_m, clf.decision_function(auth_ca_emb)]
            p_y = np.r_[p_y, [int(r[cat]) for r in auth_ca_rows]]
        calib[cat] = platt(p_m, p_y, bal) if len(set(p_y)) == 2 else [1.0, 0.0]
        if auth_ca_rows and args.authored_calib_intercept != 1 and len(set(y_ca[sel])) == 2:
            calib[cat] = blend_intercept(calib[cat], platt(m_ca[sel], y_ca[sel], bal), args.authored_calib_intercept)
        if len(set(y_ca)) == 2 and len(set(y_ca[sel])) == 2:
            metrics[f"{name}_{cat}"] = {"train_n": len(e_tr_i), "calibration_n": len(e_ca_i),
                                        "calibration_auc": float(roc_auc_score(y_ca, m_ca))}
            print(f"{name} {cat}: {metrics[f'{name}_{cat}']}", flush=True)
            # stacked second opinion for English: char margin + embedding margin, fit on the calibration half
            mc = char_ca[cat][[where[i] for i in e_ca_i]]
            st = LogisticRegression(C=1e4, max_iter=1000, class_weight="balanced" if bal else None)
            fit = sel & gate if len(set(y_ca[sel & gate])) == 2 else sel
            st.fit(np.c_[mc, m_ca][fit], y_ca[fit])
            stack[cat] = [float(st.coef_[0, 0]), float(st.coef_[0, 1]), float(st.intercept_[0])]
    return np.vstack(coef), np.array(intercept), calib, stack, len(e_tr_i)


def parse_keep_heads(value: str) -> list[tuple[str, str]]:
    """``"use:toxic,e5:insult"`` -> [("use", "toxic"), ("e5", "insult")]; ValueError on an unknown pair."""
    out = []
    for part in (p.strip() for p in value.split(",") if p.strip()):
        enc, _, cat = part.partition(":")
        if enc not in ("use", "e5") or cat not in LEARNED:
            raise ValueError(f"--keep-heads: {part!r} is not <use|e5>:<{'|'.join(LEARNED)}>")
        out.append((enc, cat))
    return out


def keep_heads(heads: dict[str, tuple[np.ndarray, np.ndarray, dict[str, list[float]], int]],
               stacks: dict[str, dict[str, list[float]]], metrics: dict[str, object], keep: list[tuple[str, str]],
               old: CommentModel) -> tuple[dict[str, Any], dict[str, dict[str, list[float]]], dict[str, object]]:
    """Session 18: replace this run's embedding heads named in ``keep`` by ``old``'s -- coefficients, intercept,
    Platt scaling, the English stack's row (the stack encoder's) and held-out metrics -- so a retrain of some heads
    leaves the others bit for bit as shipped (the USE toxic head is the English cascade's). The old model's
    ``cascade`` is carried over when every head its stack reads is kept. Returns (heads, stacks, extra meta)."""
    heads, stacks = dict(heads), {k: dict(v) for k, v in stacks.items()}
    old_stack_encoder = str(old.meta.get("stack_encoder", "e5"))
    old_metrics = dict(old.meta.get("held_out_metrics") or {})
    for enc in ("use", "e5"):  # an encoder this run did not train: kept whole, or not at all
        head = old._head(enc)
        if enc not in heads and head is not None and all((enc, c) in keep for c in LEARNED):
            n = int(old.meta.get("use_n" if enc == "use" else "embed_n", 0))
            heads[enc] = (head[0].copy(), head[1].copy(), {c: list(v) for c, v in head[2].items()}, n)
    for enc, cat in keep:
        head = old._head(enc)
        if head is None or enc not in heads:
            raise ValueError(f"--keep-heads {enc}:{cat}: the {enc} head is missing in one of the two models")
        k = LEARNED.index(cat)
        coef, intercept, calib, n = heads[enc]
        coef, intercept, calib = coef.copy(), intercept.copy(), dict(calib)
        coef[k], intercept[k], calib[cat] = head[0][k], head[1][k], list(head[2][cat])
        heads[enc] = (coef, intercept, calib, n)
        if enc == old_stack_encoder and cat in old.stack:
            stacks.setdefault(enc, {})[cat] = list(old.stack[cat])
        if f"{enc}_{cat}" in old_metrics:
            metrics[f"{enc}_{cat}"] = old_metrics[f"{enc}_{cat}"]
    extra: dict[str, object] = {"kept_heads": {"from_model_sha": model_sha(old), "heads": [f"{e}:{c}" for e, c in keep]}}
    cascade = dict(old.meta.get("cascade") or {})
    if cascade and all(("use", c) in keep for c in (cascade.get("stack") or {})):
        extra["cascade"] = cascade
    return heads, stacks, extra


def merged_meta(old: dict[str, Any], new: dict[str, Any], kept: dict[str, object]) -> dict[str, Any]:
    """The metadata of a model whose char heads are ``old``'s and whose embedding heads were (partly) retrained:
    ``old``'s, with this run's authored data, embedding-head settings and held-out metrics, the kept heads' record,
    ``old``'s cascade when ``keep_heads`` carried it over, and no ``pair`` (re-fit it: fit_comment_pair.py)."""
    out = {k: v for k, v in old.items() if k not in ("pair", "cascade", "kept_heads")}
    for k in ("authored", "trained_on", "use_n", "use_C", "embed_n", "embed_C", "seconds"):
        out[k] = new[k]
    metrics = dict(old.get("held_out_metrics") or {})
    metrics.update({k: v for k, v in dict(new.get("held_out_metrics") or {}).items() if k not in LEARNED})
    out["held_out_metrics"] = metrics
    out.update(kept)
    return out


def nb_ratio(x: sparse.csr_matrix, y: np.ndarray, weight: np.ndarray, alpha: float) -> np.ndarray:
    """Naive-Bayes log-count ratio per feature (Wang & Manning 2012, "Baselines and Bigrams"): log of the (weighted,
    ``alpha``-smoothed) share of positive rows holding the feature over the share of negative rows holding it.
    Scaling the features by it before the logistic fit (NB-LR) lets the L2 penalty favour words that separate the
    classes; the fitted head folds back into one linear row (``coef * ratio``), so scoring is unchanged."""
    present = x.copy()
    present.data = np.ones_like(present.data)
    pos = np.asarray(present.T @ (weight * (y == 1))).ravel() + alpha
    neg = np.asarray(present.T @ (weight * (y == 0))).ravel() + alpha
    return (np.log(pos / pos.sum()) - np.log(neg / neg.sum())).astype(np.float32)


def retrain_char_head(old: CommentModel, train: list[dict[str, object]], calib_tweets: list[dict[str, object]],
                      args: argparse.Namespace) -> CommentModel:
    """Session 21: ``old`` with one char+word head (``--retrain-char-head``, identity_attack only: the toxic head
    feeds the cascade's stack, fit to its margins) refit on text decoded by the model's own run-time decoder, with
    ``old``'s idf, so every other head, the stacks, the cascade and the pair stay bit for bit. ``--head-nb ALPHA``:
    NB-LR features (``nb_ratio``); ``--head-C``; ``--head-authored-weight``. Platt scaling as in training: every
    calibration tweet, the tweets' own base rate, plus the model's ``ident_shift``."""
    cat = args.retrain_char_head
    if cat != "identity_attack":
        raise SystemExit("--retrain-char-head: only identity_attack (the toxic head's margins feed the cascade stack)")
    char, word = make_vectorizers()

    def features(rs: list[dict[str, object]]) -> sparse.csr_matrix:
        texts = [model_text(analyse(str(r["text"]), old.decoder, fuzzy=str(r.get("lang", "en")) == "en"),
                            strip_marks=old.strip_marks) for r in rs]
        return featurize(texts, char, word, old.idf)

    x_tr, x_ca = features(train), features(calib_tweets)
    y_tr = np.array([int(r[cat]) for r in train])
    y_ca = np.array([int(r[cat]) for r in calib_tweets])
    is_auth = np.array([str(r["source"]).startswith("authored:") for r in train])
    is_olid = np.array([r["source"] == "olid" for r in train])
    weight = np.where(is_auth, args.head_authored_weight, np.where(is_olid, args.olid_weight_ident, 1.0))
    ratio = nb_ratio(x_tr, y_tr, weight, args.head_nb) if args.head_nb > 0 else np.ones(x_tr.shape[1], np.float32)
    scale = sparse.diags(ratio)
    clf = LogisticRegression(C=args.head_C, max_iter=2000, class_weight="balanced", solver="liblinear")
    clf.fit(x_tr @ scale, y_tr, sample_weight=weight)
    k = LEARNED.index(cat)
    coef, intercept = old.coef.copy(), old.intercept.copy()
    coef[k] = clf.coef_[0] * ratio
    intercept[k] = clf.intercept_[0]
    m_ca = x_ca @ coef[k] + intercept[k]
    calib = {c: list(v) for c, v in old.calibration.items()}
    calib[cat] = platt(m_ca, y_ca, balanced=False)
    calib[cat][1] += float(old.meta.get("ident_shift", 0.0))
    auc = float(roc_auc_score(y_ca, m_ca))
    print(f"{cat}: calibration ROC-AUC {auc:.4f} (tweets), Platt {calib[cat]}", flush=True)
    metrics = dict(old.meta.get("held_out_metrics") or {})
    metrics[cat] = {"calibration_n": len(y_ca), "calibration_auc": auc}
    meta = dict(old.meta, held_out_metrics=metrics,
                retrained_char_head={"head": cat, "C": args.head_C, "nb_alpha": args.head_nb,
                                     "authored_weight": args.head_authored_weight, "train_rows": len(train),
                                     "decoder": "the model's run-time decoder and idf"})
    return CommentModel(idf=old.idf, coef=coef, intercept=intercept, calibration=calib, known_words=old.known_words,
                        embed_coef=old.embed_coef, embed_intercept=old.embed_intercept,
                        embed_calibration=old.embed_calibration, use_coef=old.use_coef, use_intercept=old.use_intercept,
                        use_calibration=old.use_calibration, meta=meta)


def blend_olid_head(old: CommentModel, train: list[dict[str, object]], calib_tweets: list[dict[str, object]],
                    args: argparse.Namespace) -> CommentModel:
    """Session 22 (helper "olid"): ``old`` with a second toxic view folded into its toxic char+word head.

    A logistic head is trained on the OLID rows of the training split only (``--blend-C``; English authored lines
    join at ``--blend-authored-weight``), on the same features (``old``'s decoder, hashers and idf). Its margin m_o
    and the toxic head's m_t are stacked on the OLID calibration tweets, m_t + k * m_o; since both are linear in the
    features, the blend is one linear head (coef_t + k * coef_o), so scoring costs nothing more. Why: the toxic head
    is fit mostly on davidson (24,783 rows, 83% offensive, its own vocabulary), and OLID's offensive tweets (insults
    and profanity in political talk) are ranked by what it learned there. Refit with the new margin, as in
    training: the toxic Platt scaling (OLID calibration tweets, natural base rate), its short-reply shift, and the
    toxic row of the English stack and of the cascade's stack (char margin + USE margin, OLID calibration tweets).
    Every other head, the idf and the band stay bit for bit."""
    char, word = make_vectorizers()

    def features(rs: list[dict[str, object]]) -> sparse.csr_matrix:
        texts = [model_text(analyse(str(r["text"]), old.decoder, fuzzy=str(r.get("lang", "en")) == "en"),
                            strip_marks=old.strip_marks) for r in rs]
        return featurize(texts, char, word, old.idf)

    fit_rows = [r for r in train if r["source"] == "olid"]
    weight = [1.0] * len(fit_rows)
    if args.blend_authored_weight > 0:
        authored = [r for r in train if str(r["source"]).startswith("authored:") and r.get("lang", "en") == "en"]
        fit_rows, weight = fit_rows + authored, weight + [args.blend_authored_weight] * len(authored)
    clf = LogisticRegression(C=args.blend_C, max_iter=2000, class_weight="balanced", solver="liblinear")
    clf.fit(features(fit_rows), np.array([int(r["toxic"]) for r in fit_rows]), sample_weight=np.array(weight))
    olid_ca = [r for r in calib_tweets if r["source"] == "olid"]
    x_ca = features(olid_ca)
    y_ca = np.array([int(r["toxic"]) for r in olid_ca])
    m_t, m_o = x_ca @ old.coef[0] + old.intercept[0], clf.decision_function(x_ca)
    st = LogisticRegression(C=100, max_iter=1000).fit(np.c_[m_t, m_o], y_ca)
    k = float(st.coef_[0, 1] / st.coef_[0, 0])
    coef, intercept = old.coef.copy(), old.intercept.copy()
    coef[0] = old.coef[0] + k * clf.coef_[0]
    intercept[0] = old.intercept[0] + k * clf.intercept_[0]
    coef16 = coef.astype(np.float16).astype(np.float32)  # what model.npz stores and the run time reads
    m_new = x_ca @ coef16[0] + intercept[0]
    calib = {c: list(v) for c, v in old.calibration.items()}
    calib["toxic"] = platt(m_new, y_ca, balanced=False)

    class _Head:  # fit_short_shift reads a classifier's decision_function
        @staticmethod
        def decision_function(x: sparse.csr_matrix) -> np.ndarray:
            return x @ coef16[0] + intercept[0]

    meta = json.loads(json.dumps(old.meta))
    shift = dict(meta.get("short_shift") or {})
    if shift.get("toxic") is not None:
        shift["toxic"] = fit_short_shift(calib_tweets, _Head, calib["toxic"], x_ca_of=features,
                                         comments=shift.get("fit_on") == "comments", cat="toxic",
                                         most=int(shift.get("words", 3)))
        meta["short_shift"] = shift
    use_m = old._embed_margins(old.stack_encoder, [str(r["text"]) for r in olid_ca])[:, 0]
    sk = LogisticRegression(C=1e4, max_iter=1000).fit(np.c_[m_new, use_m], y_ca)
    row = [float(sk.coef_[0, 0]), float(sk.coef_[0, 1]), float(sk.intercept_[0])]
    meta["stack"] = dict(meta.get("stack") or {}, toxic=row)
    if meta.get("cascade"):
        meta["cascade"] = dict(meta["cascade"], stack=dict(meta["cascade"].get("stack") or {}, toxic=row))
    auc_old, auc_new = float(roc_auc_score(y_ca, m_t)), float(roc_auc_score(y_ca, m_new))
    print(f"olid blend: k {k:.4f}, OLID calibration toxic ROC-AUC {auc_old:.4f} -> {auc_new:.4f}, Platt "
          f"{calib['toxic']}, short shift {shift.get('toxic')}, stack {row}", flush=True)
    metrics = dict(meta.get("held_out_metrics") or {})
    metrics["toxic_olid_blend"] = {"calibration_n": len(y_ca), "calibration_auc_before": auc_old,
                                   "calibration_auc": auc_new}
    meta.update(held_out_metrics=metrics,
                olid_blend={"k": k, "C": args.blend_C, "authored_weight": args.blend_authored_weight,
                            "fit_rows": len(fit_rows), "decoder": "the model's run-time decoder and idf"})
    return CommentModel(idf=old.idf, coef=coef, intercept=intercept, calibration=calib, known_words=old.known_words,
                        embed_coef=old.embed_coef, embed_intercept=old.embed_intercept,
                        embed_calibration=old.embed_calibration, use_coef=old.use_coef, use_intercept=old.use_intercept,
                        use_calibration=old.use_calibration, meta=meta)


def model_sha(model: CommentModel) -> str:
    """A short hash of a model's embedding heads (what ``keep_heads`` copied from)."""
    import hashlib

    h = hashlib.sha256()
    for enc in ("use", "e5"):
        head = model._head(enc)
        if head is not None:
            h.update(np.ascontiguousarray(head[0], dtype=np.float32).tobytes())
            h.update(np.ascontiguousarray(head[1], dtype=np.float32).tobytes())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N shuffled rows (smoke tests)")
    ap.add_argument("--use", type=int, default=0,
                    help="max training rows for the USE multilingual v3 heads; 0 = no USE head")
    ap.add_argument("--use-cache", type=Path, default=None,
                    help="USE chunks written by training/comment_embed.py --encoder use (else embedded here, ~1 min)")
    ap.add_argument("--use-C", type=float, default=0.5)
    ap.add_argument("--embed", type=int, default=0,
                    help="max cached training embeddings for the multilingual-e5 heads; 0 = no e5 head")
    ap.add_argument("--embed-cache", type=Path, default=None,
                    help="e5 chunks written by training/comment_embed.py (the e5 head needs them)")
    ap.add_argument("--english-words", type=Path, default=None,
                    help="an English word list (e.g. /usr/share/dict/american-english from Debian's wamerican): its "
                         "words that fuzzy decoding would rewrite become known words")
    ap.add_argument("--english-words-slur-check", choices=("edit_or_sound", "edit"), default="edit_or_sound",
                    help="dictionary words kept out of the known words: those one edit or one sound away from a slur "
                         "(revision 3.1), or only those one edit away")
    ap.add_argument("--english-words-names", action="store_true",
                    help="capitalised entries of the word list (names: \"Sikhs\") become known words too")
    ap.add_argument("--english-words-prefix", choices=("any", "inflection"), default="any",
                    help="a dictionary word that a term extends stays out of the known words: any extension "
                         "(revision 3.2: \"hide\"/\"hideous\") or only an inflectional ending (\"terrorists\")")
    ap.add_argument("--decode-names", action="store_true",
                    help="capitalised names are not read as sound-alike slurs or hostile words and a word is not a "
                         "disguise of a longer word it begins (\"Hamas\", \"hide\")")
    ap.add_argument("--decode-freq", action="store_true",
                    help="a frequent real word is not a disguise of a rarer term (\"homes\"/\"homos\"): English Zipf "
                         "frequencies from lexicons/word_frequencies (training/build_word_frequencies.py)")
    ap.add_argument("--decode-freq-floor", type=float, default=3.0,
                    help="with --decode-freq: the word's Zipf frequency at least this")
    ap.add_argument("--decode-freq-margin", type=float, default=0.5,
                    help="with --decode-freq: and at least this much above the term's")
    ap.add_argument("--ident-shift", type=float, default=0.0,
                    help="added to the intercept of the char heads' identity_attack Platt scaling (English): the "
                         "tweets' 7%% base rate puts hateful lines without a rule hit below 0.5 (revision 3.4: 0.25)")
    ap.add_argument("--decode-clitics", action="store_true",
                    help="read English clitics (\"women's\", \"they've\") as spelling, not as inserted symbols")
    ap.add_argument("--source-indicator", default="",
                    help="comma-separated char heads (toxic, insult, identity_attack) fit with one extra feature, 1 "
                         "on davidson rows, that is dropped from the shipped head (revision 3.5): davidson's tweets "
                         "were sampled by a hate lexicon and 83%% are offensive (OLID 33%%), so without it the "
                         "words of its style ('lol', 'bro', 'ok', laughter) carry that base rate")
    ap.add_argument("--text-marks", choices=("keep", "strip"), default="keep",
                    help="strip: the heads read the text without @mentions, links and retweet marks and with HTML "
                         "character references unescaped (revision 3.5; see model_text)")
    ap.add_argument("--decode-context", type=float, default=None,
                    help="with --decode-freq: the Zipf level from which a plainly written real word read as a term "
                         "by sound or one edit needs a hostile comment to be decoded, and compounds are not split "
                         "(revision 3.5; see Decoder.context_floor)")
    ap.add_argument("--short-shift", choices=("none", "tweets", "comments"), default="none",
                    help="session 8 (shipped in revision 3.6.1 as --short-shift tweets): fit an intercept shift of the toxic and insult Platt scaling for short replies "
                         "(one to --short-words content words) on the calibration half's OLID rows, read as tweets or "
                         "as comments (@mentions, links and retweet marks removed; comment_eval.as_comment)")
    ap.add_argument("--short-words", type=int, default=3, help="most content words of a short reply")
    ap.add_argument("--rule-combine", choices=("max", "noisy_or"), default="max",
                    help="identity_attack: a rule constant and the learned score combined by max or noisy-OR")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--embed-C", type=float, default=1.0)
    ap.add_argument("--olid-weight", type=float, default=1.0,
                    help="sample weight of OLID rows (davidson = 1) for the toxic and insult heads")
    ap.add_argument("--olid-weight-ident", type=float, default=1.0, help="the same for the identity_attack heads")
    ap.add_argument("--calib", choices=("all", "olid"), default="all",
                    help="rows of the calibration half that fit Platt scaling for toxic and insult")
    ap.add_argument("--platt", choices=("balanced", "natural"), default="balanced",
                    help="toxic/insult Platt prior: an even one, or the calibration rows' own base rate")
    ap.add_argument("--authored", type=Path, default=None,
                    help="the project's authored set (training/data/comments_authored): its training split joins "
                         "the heads of --authored-heads")
    ap.add_argument("--authored-exclude", type=Path, default=None,
                    help="decontamination report (training/decontaminate_authored.py): its dropped lines stay out")
    ap.add_argument("--authored-heads", default="char,use,e5", help="heads that train on authored lines")
    ap.add_argument("--authored-char-langs", choices=("en", "all"), default="en",
                    help="authored lines for the char heads: English only, or every language")
    ap.add_argument("--authored-weight", type=float, default=1.0, help="sample weight of authored lines, char heads")
    ap.add_argument("--authored-weight-ident", type=float, default=None,
                    help="sample weight of authored lines in the char identity_attack head only (default: "
                         "--authored-weight)")
    ap.add_argument("--authored-weight-embed", type=float, default=1.0,
                    help="sample weight of authored lines, USE and e5 heads")
    ap.add_argument("--authored-val", type=float, default=0.2, help="share of each language kept for validation")
    ap.add_argument("--authored-calib", type=float, default=0.0,
                    help="share of each language's authored lines (taken from the training part, grouped like the "
                         "validation split) that joins the Platt calibration rows instead of training")
    ap.add_argument("--authored-calib-langs", choices=("all", "non-en"), default="all",
                    help="languages whose authored lines --authored-calib takes: all, or all but English (only the "
                         "embedding heads score non-English comments, so their Platt fits see non-English lines and "
                         "the English char heads keep every English line)")
    ap.add_argument("--authored-calib-intercept", type=float, default=1.0,
                    help="embedding heads: the Platt slope is fit with the authored calibration lines joining the "
                         "tweets; the intercept is this share of the way from the one keeping the tweets-only fit's "
                         "0.5 point (0) to the joined fit's (1, the default)")
    ap.add_argument("--authored-cache", type=Path, default=None, help="embedding cache of authored lines")
    ap.add_argument("--authored-embed-exclude", action="append", default=[], metavar="GLOB",
                    help="authored file names (globs; repeatable or comma-separated) the USE and e5 heads do not "
                         "train on; the char heads still do")
    ap.add_argument("--stack-gate", choices=("none", "groups", "people"), default="none",
                    help="groups: English comments that name a group go through the char + USE stack by default; "
                         "people: those that name a group of people without a slur")
    ap.add_argument("--gate-combine", choices=("stack", "mean"), default="stack",
                    help="gated English comments: the char + USE stack, or the mean of the two heads' probabilities")
    ap.add_argument("--keep-heads-from", type=Path, default=None,
                    help="a shipped model directory: its char+word heads (with their calibration, short-reply shifts "
                         "and the English stacks) are kept bit for bit and only embedding heads are trained here; "
                         "those named by --keep-heads are kept too")
    ap.add_argument("--keep-heads", default="",
                    help="comma-separated encoder:head pairs (e.g. use:toxic,use:insult,e5:toxic) taken from "
                         "--keep-heads-from instead of this run's fit: coefficients, intercept, Platt scaling, stack "
                         "row and (when every head it reads is kept) the English cascade")
    ap.add_argument("--retrain-char-head", choices=LEARNED, default=None,
                    help="session 21: refit only this char+word head of --keep-heads-from (identity_attack), "
                         "every other part kept bit for bit (retrain_char_head)")
    ap.add_argument("--head-nb", type=float, default=0.0, help="NB-LR smoothing alpha for the refit head (0: off)")
    ap.add_argument("--head-C", type=float, default=4.0, help="inverse L2 strength of the refit head")
    ap.add_argument("--head-authored-weight", type=float, default=1.0, help="authored lines' weight, refit head")
    ap.add_argument("--blend-olid-head", action="store_true",
                    help="fold an OLID-only toxic head into the toxic head of --keep-heads-from (blend_olid_head)")
    ap.add_argument("--blend-C", type=float, default=1.0, help="inverse L2 strength of the OLID-only toxic head")
    ap.add_argument("--blend-authored-weight", type=float, default=0.0,
                    help="weight of English authored training lines in the OLID-only head (0: OLID rows only)")
    args = ap.parse_args(argv)
    keep = parse_keep_heads(args.keep_heads)
    if keep and args.keep_heads_from is None:
        ap.error("--keep-heads needs --keep-heads-from")
    unknown_heads = {h for h in args.authored_heads.split(",") if h} - {"char", "use", "e5"}
    if unknown_heads:
        ap.error(f"--authored-heads: unknown {sorted(unknown_heads)} (choose from char, use, e5)")
    t0 = time.time()
    rows = load_train(args.data)
    auth_tr: list[dict[str, object]] = []
    auth_ca: list[dict[str, object]] = []
    auth_info: dict[str, object] = {}
    embed_globs = embed_exclude_globs(args.authored_embed_exclude)
    if args.authored is not None:
        arows = load_authored(args.authored)
        a_tr, a_va = split_authored(arows, args.authored_val)
        excluded = excluded_keys(args.authored_exclude)
        a_ca: list[int] = []
        if args.authored_calib > 0:
            a_tr, a_ca = calibration_split(arows, a_tr, args.authored_calib / (1 - args.authored_val),
                                           english=args.authored_calib_langs == "all")
        auth_tr = [arows[i] for i in a_tr if authored_key(arows[i]) not in excluded]
        auth_ca = [arows[i] for i in a_ca if authored_key(arows[i]) not in excluded]
        if args.limit:
            auth_tr = auth_tr[: args.limit]
        auth_info = {"lines": len(arows), "train": len(auth_tr), "validation": len(a_va), "calibration": len(auth_ca),
                     "excluded_from_train": sum(authored_key(arows[i]) in excluded for i in a_tr + a_ca),
                     "train_by_language": dict(collections.Counter(str(r["lang"]) for r in auth_tr)),
                     "heads": args.authored_heads, "char_langs": args.authored_char_langs,
                     "weight": args.authored_weight, "weight_embed": args.authored_weight_embed,
                     "weight_ident": args.authored_weight_ident if args.authored_weight_ident is not None
                     else args.authored_weight,
                     "validation_share": args.authored_val,
                     **({"calibration_langs": args.authored_calib_langs,
                         "calibration_intercept": args.authored_calib_intercept} if args.authored_calib > 0 else {}),
                     "exclude_report": args.authored_exclude.name if args.authored_exclude else None}
        if embed_globs:
            auth_info["embed_exclude"] = embed_globs
            auth_info["embed_excluded_lines"] = len(auth_tr) + len(auth_ca) - len(outside_files(auth_tr + auth_ca,
                                                                                                 embed_globs))
        print(f"authored: {auth_info}", flush=True)
    auth_heads = set(args.authored_heads.split(",")) if auth_tr else set()
    tr_i, ca_i, va_i = split_indices(len(rows))
    if args.limit:
        tr_i, ca_i, va_i = tr_i[: args.limit], ca_i[: max(args.limit // 8, 20)], va_i[: max(args.limit // 8, 20)]
    train, calib_rows = [rows[i] for i in tr_i], [rows[i] for i in ca_i]
    n_tweets = len(train)
    if "char" in auth_heads:
        train = train + [r for r in auth_tr if args.authored_char_langs == "all" or r["lang"] == "en"]
        calib_rows = calib_rows + [r for r in auth_ca if args.authored_char_langs == "all" or r["lang"] == "en"]
    # one head refit or blended on a kept model: every other part stays bit for bit
    for wanted, option, refit, what in (
            (args.blend_olid_head, "--blend-olid-head", blend_olid_head, "OLID toxic view blended"),
            (args.retrain_char_head is not None, "--retrain-char-head", retrain_char_head,
             f"{args.retrain_char_head} refit")):
        if not wanted:
            continue
        if args.keep_heads_from is None:
            ap.error(f"{option} needs --keep-heads-from (the model whose other heads are kept)")
        model = refit(CommentModel.load(args.keep_heads_from), train, calib_rows[: len(ca_i)], args)
        model.save(args.out)
        print(f"wrote {args.out} in {time.time() - t0:.0f}s ({what})")
        return 0
    kw = known_words([str(r["text"]) for r in train[:n_tweets]])
    dict_words = dictionary_words(args.english_words, args.english_words_slur_check, names=args.english_words_names,
                                  prefix=args.english_words_prefix) if args.english_words is not None else frozenset()
    kw |= dict_words
    decode_freq = {"floor": args.decode_freq_floor, "margin": args.decode_freq_margin} if args.decode_freq else None
    if decode_freq is not None and args.decode_context is not None:
        decode_freq["context"] = args.decode_context
    indicator_heads = {h for h in args.source_indicator.split(",") if h}
    if indicator_heads - set(LEARNED):
        ap.error(f"--source-indicator: unknown {sorted(indicator_heads - set(LEARNED))}")
    decoder = decoder_from_meta(load_lexicon(known_words=kw), {"decode_clitics": args.decode_clitics,
                                                               "decode_names": args.decode_names,
                                                               "decode_freq": decode_freq})
    char, word = make_vectorizers()

    def texts_of(rs: list[dict[str, object]]) -> list[str]:
        return [model_text(analyse(str(r["text"]), decoder, fuzzy=str(r.get("lang", "en")) == "en"),
                           strip_marks=args.text_marks == "strip") for r in rs]

    old_model = CommentModel.load(args.keep_heads_from) if args.keep_heads_from is not None else None
    if old_model is not None:
        # session 18: only embedding heads are retrained; the char+word heads, their calibration, short-reply
        # shifts and the English stacks stay the old model's (its char heads were trained with an older decoder,
        # so retraining them here would change English scores); the stack fit below reads no char margin
        char_ca = {cat: np.zeros(len(ca_i)) for cat in LEARNED}
        gate_ca = None
        metrics = {k: v for k, v in dict(old_model.meta.get("held_out_metrics") or {}).items() if k in LEARNED}
        idf, coef, intercept, calib, short_shift = old_model.idf, [], [], {}, {}
    else:
        # not cached (an older version cached them next to the e5 chunks): a stale copy would silently train on
        # text decoded by older rules, and decoding all 35k rows takes ~10 s
        tr_text, ca_text = texts_of(train), texts_of(calib_rows)
        gate_ca = np.array([gated(analyse(str(r["text"]), decoder), args.stack_gate) for r in calib_rows[: len(ca_i)]]) \
            if args.stack_gate != "none" else None
        print(f"texts ready {time.time() - t0:.0f}s", flush=True)
        x_raw = featurize(tr_text, char, word, None)
        df = np.bincount(x_raw.indices, minlength=x_raw.shape[1]).astype(np.float32)
        idf = (np.log((1 + x_raw.shape[0]) / (1 + df)) + 1).astype(np.float32)
        idf[df == 0] = 0.0  # unseen hashed features carry no weight
        x_tr = featurize(tr_text, char, word, idf)
        x_ca = featurize(ca_text, char, word, idf)
        if indicator_heads:
            # one extra column, 1 on davidson rows (training and calibration), for the heads that use it; the shipped
            # heads drop it, so every comment is scored as a non-davidson row
            ind_tr = np.array([r["source"] == "davidson" for r in train], dtype=np.float32)[:, None]
            ind_ca = np.array([r["source"] == "davidson" for r in calib_rows], dtype=np.float32)[:, None]
            x_tr_ind = sparse.hstack([x_tr, sparse.csr_matrix(ind_tr)], format="csr")
            x_ca_ind = sparse.hstack([x_ca, sparse.csr_matrix(ind_ca)], format="csr")
        is_olid = np.array([r["source"] == "olid" for r in train])
        is_auth = np.array([str(r["source"]).startswith("authored:") for r in train])
        ca_src = np.array([r["source"] for r in calib_rows])
        coef, intercept, calib, metrics = [], [], {}, {}
        short_shift: dict[str, float] = {}
        char_ca: dict[str, np.ndarray] = {}
        for cat in LEARNED:
            y_tr = np.array([int(r[cat]) for r in train])
            y_ca = np.array([int(r[cat]) for r in calib_rows])
            clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced", solver="liblinear")
            ow = args.olid_weight_ident if cat == "identity_attack" else args.olid_weight
            aw = args.authored_weight_ident if cat == "identity_attack" and args.authored_weight_ident is not None \
                else args.authored_weight
            use_ind = cat in indicator_heads
            clf.fit(x_tr_ind if use_ind else x_tr, y_tr, sample_weight=np.where(is_auth, aw, np.where(is_olid, ow, 1.0)))
            coef.append(clf.coef_[0][: x_tr.shape[1]])
            intercept.append(clf.intercept_[0])
            m_ca = clf.decision_function(x_ca_ind if use_ind else x_ca)
            char_ca[cat] = m_ca[: len(ca_i)]  # the stack is fit on the tweets of the calibration half only
            sel = (ca_src == "olid") if (args.calib == "olid" and cat != "identity_attack") else np.ones(len(y_ca), bool)
            sel |= np.char.startswith(ca_src.astype(str), "authored:")  # authored calibration lines join every fit
            bal = args.platt == "balanced" and cat != "identity_attack"
            calib[cat] = platt(m_ca[sel], y_ca[sel], bal) if len(set(y_ca[sel])) == 2 else [1.0, 0.0]
            if cat == "identity_attack" and args.ident_shift:
                calib[cat][1] += args.ident_shift
            if args.short_shift != "none" and cat != "identity_attack":
                short_shift[cat] = fit_short_shift(calib_rows[: len(ca_i)], clf, calib[cat], x_ca_of=lambda rs: featurize(
                    texts_of(rs), char, word, idf), comments=args.short_shift == "comments", cat=cat, most=args.short_words)
                print(f"{cat}: short-reply shift {short_shift[cat]:+.4f}", flush=True)
            metrics[cat] = {"calibration_n": int(sel.sum()),
                            **({"davidson_indicator_weight": round(float(clf.coef_[0][-1]), 4)} if use_ind else {}),
                            "calibration_auc": float(roc_auc_score(y_ca, m_ca)) if len(set(y_ca)) == 2 else None}
            print(f"{cat}: {metrics[cat]}", flush=True)
    heads: dict[str, tuple[np.ndarray, np.ndarray, dict[str, list[float]], int]] = {}
    stacks: dict[str, dict[str, list[float]]] = {}
    for encoder, limit, cache_dir, C in (("use", args.use, args.use_cache, args.use_C),
                                         ("e5", args.embed, args.embed_cache, args.embed_C)):
        if not limit or (encoder == "e5" and cache_dir is None):
            continue
        idx, emb = embeddings(rows, tr_i[:limit] + ca_i, encoder, cache_dir)
        a_rows = outside_files(auth_tr, embed_globs) if encoder in auth_heads else []
        a_emb = authored_embeddings(a_rows, encoder, args.authored_cache) if a_rows else None
        a_ca = outside_files(auth_ca, embed_globs) if encoder in auth_heads else []
        a_ca_emb = authored_embeddings(a_ca, encoder, args.authored_cache) if a_ca else None
        coef_e, int_e, calib_e, stacks[encoder], n = fit_embed_heads(
            rows, tr_i, ca_i, idx, emb, limit=limit, C=C, char_ca=char_ca, args=args, metrics=metrics, name=encoder,
            auth_rows=a_rows, auth_emb=a_emb, gate_ca=gate_ca, auth_ca_rows=a_ca, auth_ca_emb=a_ca_emb)
        heads[encoder] = (coef_e, int_e, calib_e, n)
    kept_meta: dict[str, object] = {}
    if keep:
        heads, stacks, kept_meta = keep_heads(heads, stacks, metrics, keep, CommentModel.load(args.keep_heads_from))
    stack_encoder = "use" if "use" in heads else "e5"
    trained_on = ["davidson (MIT)", "olid training v1.0 (CC-BY-4.0)"]
    if auth_tr:
        trained_on.append("storytrace authored comments (Apache-2.0, written by the project)")
    meta = {"trained_on": trained_on, "n_train": len(train), "authored": auth_info,
            "stack_gate": args.stack_gate if "use" in heads else "none", "gate_combine": args.gate_combine,
            "n_calibration": len(calib_rows), "n_validation": len(va_i), "held_out_metrics": metrics, "C": args.C,
            "olid_weight": args.olid_weight, "olid_weight_ident": args.olid_weight_ident, "calib": args.calib,
            "platt": args.platt, "embed_n": heads["e5"][3] if "e5" in heads else 0, "embed_C": args.embed_C,
            "use_n": heads["use"][3] if "use" in heads else 0, "use_C": args.use_C,
            "stack": stacks.get(stack_encoder, {}), "stack_encoder": stack_encoder,
            **({"source_indicator": sorted(indicator_heads)} if indicator_heads else {}),
            **({"text_marks": args.text_marks} if args.text_marks != "keep" else {}),
            "rule_combine": args.rule_combine, "decode_clitics": args.decode_clitics, "decode_names": args.decode_names,
            **({"decode_freq": decode_freq} if decode_freq else {}),
            **({"ident_shift": args.ident_shift} if args.ident_shift else {}),
            **({"short_shift": dict(short_shift, words=args.short_words, fit_on=args.short_shift)}
               if short_shift else {}),
            **kept_meta,
            "seconds": round(time.time() - t0, 1),
            "english_words": {"file": args.english_words.name if args.english_words else None,
                              "known_words_added": len(dict_words),
                              "slur_check": args.english_words_slur_check, "names": args.english_words_names,
                              "prefix": args.english_words_prefix}}
    e5, use = heads.get("e5"), heads.get("use")
    if old_model is not None:
        meta = merged_meta(old_model.meta, meta, kept_meta)
        model = CommentModel(idf=old_model.idf, coef=old_model.coef, intercept=old_model.intercept,
                             calibration=old_model.calibration, known_words=old_model.known_words,
                             embed_coef=e5[0] if e5 else None, embed_intercept=e5[1] if e5 else None,
                             embed_calibration=e5[2] if e5 else None, use_coef=use[0] if use else None,
                             use_intercept=use[1] if use else None, use_calibration=use[2] if use else None, meta=meta)
        model.save(args.out)
        print(f"wrote {args.out} in {time.time() - t0:.0f}s (char heads, stacks and cascade of {args.keep_heads_from})")
        return 0
    model = CommentModel(idf=idf, coef=np.vstack(coef), intercept=np.array(intercept), calibration=calib,
                         known_words=kw, embed_coef=e5[0] if e5 else None, embed_intercept=e5[1] if e5 else None,
                         embed_calibration=e5[2] if e5 else None, use_coef=use[0] if use else None,
                         use_intercept=use[1] if use else None, use_calibration=use[2] if use else None, meta=meta)
    model.save(args.out)
    print(f"wrote {args.out} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
