"""False alarms and precision of storytrace's comment model on real blog and news comments (hand-labelled).

    LANG=en_US.UTF-8 python benchmarks/bench_comments_real.py --data /work/shared/data [--out FILE]

The labels (``training/data/comments_real_eval/labels.jsonl``, eval only) name Dragnet comments by page file and
comment index and carry the SHA-1 of the text, never the text: this script re-extracts every page's comments
with storytrace's own HTML reader (``decode_bytes`` -> ``trafilatura.utils.load_html`` ->
``extract_comments``) and stops if a hash differs (the reader changed: the labels no longer name the same text).

Three strata, all drawn blind to any model score (``training/data/comments_real_eval/sample.py``):
- ``random``: a seeded uniform sample of all extracted comments;
- ``enriched``: a seeded sample of the comments that a fixed word rule (profanity, insults, slurs, group names,
  put-downs, threat and sexual words) matches, excluding those already drawn;
- ``group``: a seeded sample of the comments whose matches include a group name or a slur, excluding both.
Reported per category (toxic, insult, identity_attack, profanity, threat, sexual), a comment flagged when its
score is >= 0.5 (fixed in advance; nothing here is tuned):
- false-alarm rate on the random stratum's negatives (the rate at which clean real comments get flagged);
- precision and recall over all strata, weighted to the population: the rule splits the comments into three cells
  (no match / a match without group or slur / group or slur; sizes in ``design.json``), and each sampled comment
  weighs its cell's size over the comments sampled from that cell; and the random stratum alone, unweighted;
- ROC-AUC (weighted) where both classes exist; bootstrap 95 % intervals (resampling within each stratum, the
  weights recomputed in each resample).
storytrace is scored twice: under its training calibration (``storytrace``: raw texts' default, as in the first
runs) and under every domain calibration the model ships (``storytrace (news_comments)``: what a page's comment
thread gets with ``analyze_comments(..., calibration="news_comments")``). The worst false alarms are listed for
the first.
Comments labelled ``unsure`` for a category are left out of that category. Baselines (alt-profanity-check,
hatesonar) give one score per comment and are compared on every category with it. The worst false alarms of
storytrace's model are listed by id, score, decoded spans and evidence words, never by text.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_comments import with_baselines

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "training" / "data" / "comments_real_eval"
LABELS = EVAL_DIR / "labels.jsonl"
DESIGN = EVAL_DIR / "design.json"
THRESHOLD = 0.5
CATEGORIES = ("toxic", "insult", "identity_attack", "profanity", "threat", "sexual")


def dragnet_dir(data: Path) -> Path:
    """The Dragnet HTML folder under ``data`` (the workplace's shared data root)."""
    return data / "extraction" / "dragnet" / "html"


def sha1(text: str) -> str:
    """SHA-1 of a comment's text as UTF-8 (the labels' link to the text)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page_comments(path: Path) -> list[str]:
    """Texts of the comments storytrace's HTML reader finds on one gzipped Dragnet page, in page order."""
    import trafilatura.utils

    from storytrace.anatomy.html_comments import extract_comments
    from storytrace.ingest.encoding import decode_bytes

    html = decode_bytes(gzip.decompress(path.read_bytes())).text
    tree = trafilatura.utils.load_html(html)
    if tree is None:
        return []
    return [c.text for c in extract_comments(tree, path.name)]


def extract_all(data: Path, pages: set[str] | None = None) -> dict[tuple[str, int], str]:
    """``{(page file name, comment index): text}`` for every Dragnet page (or only ``pages``)."""
    out: dict[tuple[str, int], str] = {}
    for path in sorted(dragnet_dir(data).glob("*.html.gz")):
        if pages is not None and path.name not in pages:
            continue
        for i, text in enumerate(page_comments(path)):
            out[(path.name, i)] = text
    return out


def rule_cell(kinds: list[str]) -> str:
    """The population cell of a comment from the sampling rule's kinds (``sample.rule_hits``): "none" (no match),
    "group" (a group name or a slur among the matches: the third stratum's pool) or "rule" (any other match)."""
    if not kinds:
        return "none"
    return "group" if {"group", "slur"} & set(kinds) else "rule"


def load_labels(path: Path = LABELS) -> list[dict]:
    """The label rows, in file order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def resolve(rows: list[dict], data: Path) -> tuple[list[str | None], dict[str, int]]:
    """Each row's text, re-extracted and checked against its SHA-1.

    A row whose index no longer holds its text is looked up by hash on its page (a reader change moved it).
    Returns the texts (``None`` where the hash is found nowhere on the page) and counts of each outcome.
    """
    texts = extract_all(data, {r["page"] for r in rows})
    by_page: dict[str, dict[str, int]] = collections.defaultdict(dict)
    for (page, i), t in texts.items():
        by_page[page].setdefault(sha1(t), i)
    out: list[str | None] = []
    counts = collections.Counter()
    for r in rows:
        t = texts.get((r["page"], r["index"]))
        if t is not None and sha1(t) == r["sha1"]:
            counts["same index"] += 1
            out.append(t)
        elif r["sha1"] in by_page[r["page"]]:
            counts["moved"] += 1
            out.append(texts[(r["page"], by_page[r["page"]][r["sha1"]])])
        else:
            counts["missing"] += 1
            out.append(None)
    return out, dict(counts)


class Ours:
    """storytrace's model under one calibration: ``"training"`` (raw texts' default, what earlier runs measured) or
    ``"news_comments"`` (what a page's comment thread gets when ``analyze_comments`` is asked for it)."""

    def __init__(self, calibration: str = "training", model=None) -> None:
        from storytrace.comments import CommentModel, score_texts

        t = time.perf_counter()
        self.model = model if model is not None else CommentModel.load()
        self.load_s = time.perf_counter() - t
        self.calibration = calibration
        self.name = "storytrace" if calibration == "training" else f"storytrace ({calibration})"
        self._score = score_texts
        self.results: list[dict] = []

    def scores(self, texts: list[str]) -> dict[str, np.ndarray]:
        # language detected, as in a real run
        self.results = self._score(texts, self.model, calibration=self.calibration)
        return {c: np.array([r["scores"][c] for r in self.results]) for c in CATEGORIES}


class Baseline:
    """One of ``bench_comments``' baselines, its single score used for every category."""

    def __init__(self, system) -> None:
        self.system, self.name = system, system.name

    def scores(self, texts: list[str]) -> dict[str, np.ndarray]:
        s = self.system.scores(texts)
        return {c: s for c in CATEGORIES}


def cell_weights(cells: np.ndarray, sizes: dict[str, int]) -> np.ndarray:
    """Each comment's population weight: its cell's size over the comments sampled (here) from that cell."""
    w = np.zeros(len(cells))
    for c, size in sizes.items():
        m = cells == c
        if m.any():
            w[m] = size / m.sum()
    return w


def _ratio(num: float, den: float) -> float:
    return num / den if den > 0 else float("nan")


def point(y: np.ndarray, s: np.ndarray, w: np.ndarray, rand: np.ndarray) -> dict[str, float]:
    """One category's numbers on the comments given (``y`` 0/1, ``s`` scores, ``w`` weights, ``rand`` random stratum)."""
    from sklearn.metrics import roc_auc_score

    pred = s >= THRESHOLD
    neg_r = rand & (y == 0)
    out = {
        "false_alarm_random": _ratio(float((pred & neg_r).sum()), float(neg_r.sum())),
        "precision_weighted": _ratio(float((w * (pred & (y == 1))).sum()), float((w * pred).sum())),
        "recall_weighted": _ratio(float((w * (pred & (y == 1))).sum()), float((w * (y == 1)).sum())),
        "precision_random": _ratio(float((pred & rand & (y == 1)).sum()), float((pred & rand).sum())),
        "recall_random": _ratio(float((pred & rand & (y == 1)).sum()), float((rand & (y == 1)).sum())),
        "flagged_weighted": _ratio(float((w * pred).sum()), float(w.sum())),
        "prevalence_weighted": _ratio(float((w * (y == 1)).sum()), float(w.sum())),
        "roc_auc_weighted": float("nan"),
    }
    if 0 < y.sum() < len(y):
        out["roc_auc_weighted"] = float(roc_auc_score(y, s, sample_weight=w))
    return out


def evaluate(y: np.ndarray, s: np.ndarray, cells: np.ndarray, strata: np.ndarray, sizes: dict[str, int],
             boot: int, seed: int) -> dict:
    """Point estimates and bootstrap 95 % intervals (resampling within strata, weights recomputed each time)."""
    rand = strata == "random"
    est = point(y, s, cell_weights(cells, sizes), rand)
    rng = np.random.default_rng(seed)
    groups = [np.flatnonzero(strata == st) for st in sorted(set(strata))]
    draws: dict[str, list[float]] = {k: [] for k in est}
    for _ in range(boot):
        idx = np.concatenate([rng.choice(g, size=len(g), replace=True) for g in groups])
        b = point(y[idx], s[idx], cell_weights(cells[idx], sizes), rand[idx])
        for k, v in b.items():
            draws[k].append(v)
    out: dict = {}
    for k, v in est.items():
        arr = np.array(draws[k])
        ok = arr[~np.isnan(arr)]
        ci = [float(np.percentile(ok, 2.5)), float(np.percentile(ok, 97.5))] if len(ok) >= 0.9 * boot else None
        out[k] = {"value": None if np.isnan(v) else round(v, 4), "ci95": None if ci is None else
                  [round(ci[0], 4), round(ci[1], 4)]}
    out["n"] = len(y)
    out["positives"] = {st: int(y[strata == st].sum()) for st in sorted(set(strata))}
    out["flagged"] = {st: int((s[strata == st] >= THRESHOLD).sum()) for st in sorted(set(strata))}
    out["random_negatives"] = int((rand & (y == 0)).sum())
    return out


def model_identity() -> dict:
    """Where the scored model came from: package path, model file hashes, git commit when in a checkout."""
    import storytrace

    pkg = Path(storytrace.__file__).resolve().parent
    mdir = pkg / "data" / "models" / "comments"
    ident = {"package": str(pkg), "files": {}}
    for name in ("model.json", "model.npz", "news_calibration.json"):
        f = mdir / name
        if f.exists():
            ident["files"][name] = hashlib.sha256(f.read_bytes()).hexdigest()[:12]
    try:
        import subprocess

        head = subprocess.run(["git", "-C", str(pkg), "log", "-1", "--format=%h", "--", "comments", "data/models/comments"],
                              capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(pkg), "status", "--porcelain", "--", "comments",
                                "data/models/comments"], capture_output=True, text=True, timeout=10,
                               check=True).stdout.strip()
        ident["git_last_commit_of_comment_model"] = head
        ident["uncommitted_comment_changes"] = bool(dirty)
    except (OSError, subprocess.SubprocessError):
        pass
    return ident


def _fmt(m: dict) -> str:
    if m["value"] is None:
        return "–"
    ci = m["ci95"]
    return f"{m['value']:.3f}" + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")


def worst_false_alarms(rows: list[dict], results: list[dict], keep: list[bool], k: int) -> list[dict]:
    """storytrace's ``k`` highest scores on a category the comment was labelled clean of (by id, never text)."""
    cands = []
    for r, res, ok in zip(rows, results, keep, strict=True):
        if not ok:
            continue
        bad = {c: res["scores"][c] for c in CATEGORIES
               if r[c] == 0 and c not in r["unsure"] and res["scores"][c] >= THRESHOLD}
        if not bad:
            continue
        top = max(bad, key=bad.get)
        cands.append({"id": f"{r['page']}#{r['index']}", "stratum": r["stratum"], "category": top,
                      "score": round(bad[top], 3), "also": sorted(c for c in bad if c != top),
                      "decoded": [f"{d['span']}->{d['decoded']} ({d['kind']})" for d in res["decoded"]],
                      "evidence": sorted({f"{e['category']}:{e['text'][:40]}" for e in res["evidence"]}),
                      "targets": res.get("targets", []), "language": res.get("language")})
    cands.sort(key=lambda x: -x["score"])
    return cands[:k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data root (holds extraction/dragnet/html)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--design", type=Path, default=DESIGN)
    ap.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--boot", type=int, default=2000, help="bootstrap resamples")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--worst", type=int, default=20)
    ap.add_argument("--allow-missing", action="store_true",
                    help="score the comments still found when some hashes are found nowhere on their page")
    args = ap.parse_args(argv)

    rows = load_labels(args.labels)
    sizes = json.loads(args.design.read_text(encoding="utf-8"))["cells"]
    t0 = time.perf_counter()
    found, matched = resolve(rows, args.data)
    print(f"re-extracted {len(rows)} labelled comments: {matched} ({time.perf_counter() - t0:.0f}s)", flush=True)
    if matched.get("missing") and not args.allow_missing:
        print("some labelled texts are gone (the HTML reader changed): rerun with --allow-missing to score the rest",
              file=sys.stderr)
        return 2
    keep = [t is not None for t in found]
    rows_k = [r for r, k in zip(rows, keep, strict=True) if k]
    texts = [t for t in found if t is not None]

    ours = Ours()
    page_thread = [Ours(c, ours.model) for c in ours.model.calibrations]  # the domain calibrations a page may ask for
    systems: list = [ours, *page_thread, *(Baseline(b) for b in with_baselines([], not args.no_baselines))]
    report: dict = {"labels": len(rows), "matched": matched, "threshold": THRESHOLD, "cells": sizes,
                    "boot": args.boot, "model": model_identity(), "systems": [s.name for s in systems],
                    "categories": {}}
    cells_all = np.array([rule_cell(r["rule"]) for r in rows_k])
    strata_all = np.array([r["stratum"] for r in rows_k])
    report["sampled_per_cell"] = dict(collections.Counter(cells_all.tolist()))
    report["weights"] = {c: round(sizes[c] / report["sampled_per_cell"][c], 3) for c in sizes}
    scores = {}
    for s in systems:
        t = time.perf_counter()
        scores[s.name] = s.scores(texts)
        print(f"scored with {s.name} ({time.perf_counter() - t:.1f}s)", flush=True)
    for c in CATEGORIES:
        use = np.array([c not in r["unsure"] for r in rows_k])
        y = np.array([r[c] for r in rows_k])[use]
        report["categories"][c] = {"unsure_left_out": int((~use).sum())}
        for s in systems:
            report["categories"][c][s.name] = evaluate(y, scores[s.name][c][use], cells_all[use], strata_all[use],
                                                       sizes, args.boot, args.seed)
    report["worst_false_alarms"] = worst_false_alarms(rows_k, systems[0].results, [True] * len(rows_k), args.worst)
    fa = worst_false_alarms(rows_k, systems[0].results, [True] * len(rows_k), len(rows_k))
    report["false_alarms_storytrace"] = {
        "comments": len(fa), "with_decoded_span": sum(1 for x in fa if x["decoded"]),
        "by_category": dict(collections.Counter(x["category"] for x in fa))}
    for system in page_thread:
        fa_c = worst_false_alarms(rows_k, system.results, [True] * len(rows_k), len(rows_k))
        report[f"false_alarms_{system.name}"] = {"comments": len(fa_c),
                                                 "by_category": dict(collections.Counter(x["category"] for x in fa_c))}

    # Markdown
    print(f"\nmodel: {report['model']}")
    print(f"cells {sizes}, sampled {report['sampled_per_cell']}, weights {report['weights']}\n")
    print("| category | system | false alarms, random negatives | precision (weighted) | recall (weighted) | "
          "precision / recall, random only | ROC-AUC (weighted) | positives r/e/g |")
    print("|---|---|---|---|---|---|---|---|")
    for c in CATEGORIES:
        for s in systems:
            m = report["categories"][c][s.name]
            pos = "/".join(str(m["positives"].get(st, 0)) for st in ("random", "enriched", "group"))
            pr = m["precision_random"]["value"]
            rr = m["recall_random"]["value"]
            print(f"| {c} | {s.name} | {_fmt(m['false_alarm_random'])} (n={m['random_negatives']}) | "
                  f"{_fmt(m['precision_weighted'])} | {_fmt(m['recall_weighted'])} | "
                  f"{'–' if pr is None else f'{pr:.3f}'} / {'–' if rr is None else f'{rr:.3f}'} | "
                  f"{_fmt(m['roc_auc_weighted'])} | {pos} |")
    print(f"\nstorytrace false alarms (any category, all strata): {report['false_alarms_storytrace']}")
    for system in page_thread:
        print(f"{system.name} false alarms (any category, all strata): {report[f'false_alarms_{system.name}']}")
    print(f"\n{args.worst} worst storytrace false alarms (id, category, score, decoded spans, evidence):")
    for x in report["worst_false_alarms"]:
        print(f"- {x['id']} [{x['stratum']}] {x['category']} {x['score']}"
              f"{' +' + ','.join(x['also']) if x['also'] else ''}; decoded {x['decoded'] or '-'}; "
              f"evidence {x['evidence'] or '-'}; targets {x['targets'] or '-'}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
