"""Compare the project's authored comment lines with the eval-only sets; lines too close to an eval case are
dropped from training.

    python training/decontaminate_authored.py --data /work/shared/data --authored training/data/comments_authored \
        [--threshold 0.5] [--out src/storytrace/data/models/comments/decontamination.json]

This is the only use of the eval sets before a benchmark run. Each authored line and each eval case (HateCheck
test cases, the five Multilingual HateCheck languages, ETHOS binary, every Stormfront sentence, OLID test A) is
reduced to its skeleton (``comment_data.skeleton``: NFKC, lower case, punctuation dropped, digits as 0, group words
of the model's lexicons -- English names, slurs and "<adjective> people" terms, and each language's group stems --
replaced by one placeholder), so "I hate Muslims." and the template case "I hate [women]" meet. A line is a match
when its skeleton equals an eval skeleton, when the Jaccard similarity of their character 5-gram sets reaches
``--threshold`` (fixed at 0.5 before the authored set was read), or when an eval skeleton of at least 4 words that
names a group occurs in it word for word ("§ belong in a zoo" inside "§ belong in a zoo not in our
neighbourhoods"; added after a first look at the closest pairs, to be stricter). The report holds counts, a similarity histogram
and, per dropped line, its id (``comment_data.authored_key``), file, line number, similarity and eval set name --
never eval text. ``train_comment_model.py --authored-exclude`` reads it.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import (
    MHC_FILES,
    authored_key,
    char_ngrams,
    load_authored,
    load_ethos,
    load_hatecheck,
    load_mhc,
    load_olid_test,
    load_stormfront,
    skeleton,
)

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "storytrace" / "data" / "models" / "comments" / \
    "decontamination.json"
BINS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def load_eval(data: Path) -> list[tuple[str, str, str]]:
    """(eval set, language, text) of every eval-only case that exists under ``data``."""
    out: list[tuple[str, str, str]] = []
    base = data / "comments"
    if (base / "hatecheck").exists():
        out += [("hatecheck", "en", r["text"]) for r in load_hatecheck(data)]
    for lang in MHC_FILES:
        if (base / "multilingual-hatecheck").exists():
            out += [(f"mhc_{lang}", lang, str(r["text"])) for r in load_mhc(data, lang)]
    if (base / "ethos").exists():
        out += [("ethos", "en", str(r["text"])) for r in load_ethos(data)]
    if (base / "stormfront").exists():  # every sentence, not only the sampled test split: stricter
        out += [("stormfront", "en", str(r["text"])) for r in load_stormfront(data)]
    if (base / "olid").exists():
        out += [("olid_test", "en", str(r["text"])) for r in load_olid_test(data)]
    return out


def _binary(sets: list[set[str]], vocab: dict[str, int], grow: bool) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, s in enumerate(sets):
        for g in s:
            j = vocab.get(g)
            if j is None and grow:
                j = vocab[g] = len(vocab)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(sets), max(len(vocab), 1)))


def nearest(authored: list[str], evals: list[str], chunk: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """(best Jaccard of character 5-gram sets, index of that eval string) for every authored string."""
    vocab: dict[str, int] = {}
    e_sets = [char_ngrams(s) for s in evals]
    e = _binary(e_sets, vocab, grow=True)
    a_sets = [char_ngrams(s) for s in authored]
    a = _binary(a_sets, vocab, grow=False)
    a_n = np.array([len(s) for s in a_sets], np.float32)
    e_n = np.array([len(s) for s in e_sets], np.float32)
    best, arg = np.zeros(len(authored), np.float32), np.zeros(len(authored), int)
    et = e.T.tocsc()
    for k in range(0, len(authored), chunk):
        inter = (a[k : k + chunk] @ et).toarray()
        jac = inter / np.maximum(a_n[k : k + chunk, None] + e_n[None, :] - inter, 1.0)
        arg[k : k + chunk] = jac.argmax(axis=1)
        best[k : k + chunk] = jac.max(axis=1)
    return best, arg


def contained_template(a_sk: str, templates: dict[str, dict[str, int]]) -> int | None:
    """Index of an eval case whose skeleton (>= 4 words, with a group placeholder) occurs word for word in ``a_sk``;
    ``templates``: first word -> {skeleton: eval index}."""
    words = a_sk.split()
    padded = f" {a_sk} "
    for w in set(words):
        for t, j in templates.get(w, {}).items():
            if f" {t} " in padded:
                return j
    return None


def decontaminate(authored_rows: list[dict[str, object]], eval_cases: list[tuple[str, str, str]],
                  threshold: float = 0.5, nearest_out: list[np.ndarray] | None = None) -> dict[str, object]:
    """The drop report; ``nearest_out`` (a list) receives [best similarity, index of the nearest eval case] per
    authored line, for ``--show``."""
    a_sk = [skeleton(str(r["text"]), str(r["lang"])) for r in authored_rows]
    e_sk = [skeleton(t, lang) for _, lang, t in eval_cases]
    exact: dict[str, int] = {}
    templates: dict[str, dict[str, int]] = {}
    for j, s in enumerate(e_sk):
        exact.setdefault(s, j)
        words = s.split()
        if len(words) >= 4 and "§" in words:
            templates.setdefault(words[0], {}).setdefault(s, j)
    best, arg = nearest(a_sk, e_sk) if eval_cases and authored_rows else (
        np.zeros(len(authored_rows)), np.zeros(len(authored_rows), int))
    if nearest_out is not None:
        nearest_out[:] = [best, arg]
    dropped, hist = [], collections.Counter()
    per_lang: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for i, r in enumerate(authored_rows):
        # a skeleton of fewer than two words ("", "§" for "Muslims!") says nothing about where a line came from
        informative = len(a_sk[i].split()) >= 2
        j = exact.get(a_sk[i]) if informative else None
        sim = 1.0 if j is not None else float(best[i]) if informative else 0.0
        j = j if j is not None else int(arg[i])
        t = contained_template(a_sk[i], templates) if sim < threshold else None
        if t is not None:
            j, sim, how = t, max(sim, threshold), "template_contained"
        else:
            how = "exact_skeleton" if a_sk[i] == e_sk[j] else "char5_jaccard"
        hist[next(f"{lo:.1f}-{hi:.1f}" for lo, hi in itertools.pairwise(BINS) if sim < hi or hi == 1.0)] += 1
        lang = str(r["lang"])
        per_lang[lang]["lines"] += 1
        if sim >= threshold:
            per_lang[lang]["dropped"] += 1
            dropped.append({"key": authored_key(r), "file": r["file"], "line": r["line"], "lang": lang,
                            "similarity": round(sim, 3), "jaccard": round(float(best[i]), 3), "match": how,
                            "eval_set": eval_cases[j][0]})
    return {"threshold": threshold,
            "method": "skeleton exact match, character 5-gram Jaccard of skeletons >= threshold, or an eval skeleton "
                      "of >= 4 words with a group placeholder contained word for word",
            "dropped_by_match": dict(collections.Counter(d["match"] for d in dropped)),
            "authored_lines": len(authored_rows), "eval_cases": len(eval_cases),
            "eval_sets": dict(collections.Counter(s for s, _, _ in eval_cases)),
            "dropped": len(dropped), "dropped_by_eval_set": dict(collections.Counter(d["eval_set"] for d in dropped)),
            "per_language": {k: dict(v) for k, v in sorted(per_lang.items())},
            "similarity_histogram": dict(sorted(hist.items())), "dropped_lines": dropped}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--authored", type=Path, required=True)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--show", type=int, default=0, help="print the N closest pairs (authored, eval) to stdout")
    args = ap.parse_args(argv)
    t0 = time.time()
    rows = load_authored(args.authored)
    cases = load_eval(args.data)
    pairs: list[np.ndarray] = []
    rep = decontaminate(rows, cases, args.threshold, nearest_out=pairs)
    rep["seconds"] = round(time.time() - t0, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rep, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.show:
        best, arg = pairs
        for i in np.argsort(-best)[: args.show]:
            print(f"{best[i]:.2f}  {rows[i]['text']!r}  ~  {cases[arg[i]][0]}: {cases[arg[i]][2]!r}")
    print(json.dumps({k: v for k, v in rep.items() if k != "dropped_lines"}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
