"""Accuracy and speed of storytrace's comment model against alt-profanity-check and hatesonar, in one run.

    LANG=en_US.UTF-8 python benchmarks/bench_comments.py --data /work/shared/data [--mhc-sample 600] [--out FILE]

Decision rules are fixed in advance (nothing is tuned on these eval-only sets):
- hate sets (HateCheck, Stormfront, ETHOS, Multilingual HateCheck): storytrace's ``identity_attack`` score,
  hateful when >= 0.5; alt-profanity-check's probability; hatesonar's hate_speech + offensive_language mass.
- OLID test A: storytrace's ``toxic`` >= 0.5 means OFF; baselines as above.
Speed: OLID test texts (English tweets) through ``score_texts`` with language detection (tweets detected as
non-English go through an embedding head: USE multilingual, ~1-2 ms each, for the 16 languages it covers, else
multilingual-e5, ~60 ms each), and again with the language given as English; p50 of single comments.
Writes a JSON report (``--out``) and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import load_ethos, load_hatecheck, load_mhc, load_olid_test, load_stormfront_test

TARGETS = {"hatecheck_accuracy": 0.85, "hatecheck_spelling": 0.80, "olid_macro_f1": 0.80, "stormfront_auc": 0.85,
           "ethos_auc": 0.85, "mhc_auc": 0.80, "comments_per_s": 1000, "p50_ms": 20.0, "load_s": 2.0}


class Ours:
    name = "storytrace"

    def __init__(self, english_embed: bool = False) -> None:
        from storytrace.comments import CommentModel, score_texts

        t = time.perf_counter()
        self.model = CommentModel.load(english_embed=english_embed)
        self.load_s = time.perf_counter() - t
        self._score = score_texts

    def scores(self, texts: list[str], key: str = "identity_attack", lang: str | None = None) -> np.ndarray:
        langs = [lang] * len(texts) if lang else None
        out = self._score(texts, self.model, languages=langs)
        return np.array([r["scores"][key] for r in out])


class ProfanityCheck:
    name = "alt-profanity-check"

    def __init__(self) -> None:
        from profanity_check import predict_prob

        self._p = predict_prob

    def scores(self, texts: list[str], key: str = "", lang: str | None = None) -> np.ndarray:
        return np.asarray(self._p(texts), dtype=float)


class HateSonar:
    name = "hatesonar"

    def __init__(self) -> None:
        from hatesonar import Sonar

        self._s = Sonar()

    def scores(self, texts: list[str], key: str = "", lang: str | None = None) -> np.ndarray:
        out = []
        for t in texts:
            c = {x["class_name"]: x["confidence"] for x in self._s.ping(text=t)["classes"]}
            out.append(c["hate_speech"] + c["offensive_language"])
        return np.array(out)


def with_baselines(systems: list, baselines: bool = True) -> list:
    """``systems`` plus alt-profanity-check and hatesonar when asked for and installed (a missing or broken one is
    reported, not fatal)."""
    for cls in (ProfanityCheck, HateSonar) if baselines else ():
        try:
            systems.append(cls())
        except Exception as exc:  # noqa: BLE001 - a missing or broken baseline is reported, not fatal
            print(f"baseline {cls.name} unavailable: {type(exc).__name__}: {exc}", file=sys.stderr)
    return systems


def _auc(y: list[int], s: np.ndarray) -> float:
    return float(roc_auc_score(y, s))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--mhc-sample", type=int, default=600, help="cases per MHC language (seeded); 0 = all")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--english-embed", action="store_true",
                    help="configuration B: English comments also go through the embedding head (stacked; slower)")
    ap.add_argument("--speed-repeats", type=int, default=5, help="batch speed repeats (median reported)")
    ap.add_argument("--speed-n", type=int, default=0, help="texts for the batch speed test (default: OLID test x3)")
    args = ap.parse_args(argv)
    systems = with_baselines([Ours(english_embed=args.english_embed)], not args.no_baselines)
    ours = systems[0]
    report: dict = {"load_s": round(ours.load_s, 3), "targets": TARGETS, "systems": [s.name for s in systems],
                    "english_embed": args.english_embed}

    # HateCheck
    hc = load_hatecheck(args.data)
    y = [int(r["label"] == "hateful") for r in hc]
    report["hatecheck"] = {}
    for s in systems:
        sc = s.scores([r["text"] for r in hc])
        pred = sc >= 0.5
        per = collections.defaultdict(list)
        for r, p, yy in zip(hc, pred, y, strict=True):
            per[r["functionality"]].append(int(p == yy))
        report["hatecheck"][s.name] = {
            "accuracy": round(float(np.mean(pred == np.array(y, dtype=bool))), 4), "roc_auc": round(_auc(y, sc), 4),
            "per_functionality": {f: round(float(np.mean(v)), 4) for f, v in sorted(per.items())},
            "n_per_functionality": {f: len(v) for f, v in sorted(per.items())}}
        print(f"hatecheck {s.name}: {report['hatecheck'][s.name]['accuracy']}", flush=True)

    # OLID test A
    olid = load_olid_test(args.data)
    y = [int(r["label"]) for r in olid]
    report["olid_a"] = {}
    for s in systems:
        sc = s.scores([str(r["text"]) for r in olid], key="toxic")
        report["olid_a"][s.name] = {"macro_f1": round(float(f1_score(y, sc >= 0.5, average="macro")), 4),
                                    "roc_auc": round(_auc(y, sc), 4)}
        print(f"olid {s.name}: {report['olid_a'][s.name]}", flush=True)

    # Stormfront sampled test, ETHOS binary
    for name, rows in (("stormfront", load_stormfront_test(args.data)), ("ethos", load_ethos(args.data))):
        y = [int(r["label"]) for r in rows]
        report[name] = {}
        for s in systems:
            sc = s.scores([str(r["text"]) for r in rows])
            report[name][s.name] = {"roc_auc": round(_auc(y, sc), 4), "n": len(y)}
            if s is ours:
                report[name][s.name]["roc_auc_toxic_score"] = round(_auc(y, s.scores([str(r["text"]) for r in rows],
                                                                                    key="toxic")), 4)
            print(f"{name} {s.name}: {report[name][s.name]}", flush=True)

    # Multilingual HateCheck
    report["mhc"] = {}
    for lang in ("fr", "it", "nl", "pt", "zh"):
        rows = load_mhc(args.data, lang)
        if args.mhc_sample and len(rows) > args.mhc_sample:
            rows = random.Random(7).sample(rows, args.mhc_sample)
        y = [int(r["label"]) for r in rows]
        report["mhc"][lang] = {"n": len(rows)}
        for s in systems:
            t = time.perf_counter()
            sc = s.scores([str(r["text"]) for r in rows], lang=lang)
            report["mhc"][lang][s.name] = round(_auc(y, sc), 4)
            print(f"mhc {lang} {s.name}: {report['mhc'][lang][s.name]} ({time.perf_counter() - t:.0f}s)", flush=True)

    # speed (English tweets; language detection included; the embedding head is not used for English)
    from storytrace.comments import score_texts

    texts = [str(r["text"]) for r in olid] * 3
    if args.speed_n:
        texts = texts[: args.speed_n]
    # warm-up, including the one-off loads of the sentence encoders that non-English comments need (USE for
    # French, multilingual-e5 for Slovak)
    t = time.perf_counter()
    score_texts(texts[:50] + ["ceci est un commentaire en français, assez long pour la détection de langue",
                              "toto je komentár v slovenčine, dosť dlhý na to, aby sa jazyk dal rozpoznať"],
                ours.model)
    warm_s = time.perf_counter() - t
    # medians of repeats: one batch on 2 shared cores swings by a factor of two with the load
    batches, batches_en = [], []
    for _ in range(args.speed_repeats):
        t = time.perf_counter()
        detected = score_texts(texts, ours.model)
        batches.append(time.perf_counter() - t)
        t = time.perf_counter()
        score_texts(texts, ours.model, languages=["en"] * len(texts))
        batches_en.append(time.perf_counter() - t)
    batch, batch_en = statistics.median(batches), statistics.median(batches_en)
    n_foreign = sum(r["language"] not in ("en", "und") for r in detected)
    lat = []
    for tx in texts[: 300 if not args.english_embed else 100]:
        t = time.perf_counter()
        score_texts([tx], ours.model)
        lat.append((time.perf_counter() - t) * 1000)
    report["speed"] = {"batch_comments": len(texts), "repeats": args.speed_repeats,
                       "comments_per_s": round(len(texts) / batch, 1),
                       "comments_per_s_each_repeat": [round(len(texts) / b, 1) for b in batches],
                       "batch_detected_non_english": n_foreign,
                       "comments_per_s_language_given_en": round(len(texts) / batch_en, 1),
                       "warmup_incl_embedder_load_s": round(warm_s, 2),
                       "single_p50_ms": round(statistics.median(lat), 2),
                       "single_p95_ms": round(float(np.percentile(lat, 95)), 2),
                       "peak_rss_mb_whole_benchmark": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(json.dumps(report["speed"]), flush=True)
    if args.out:
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(markdown(report))
    return 0


def markdown(r: dict) -> str:
    names = r["systems"]
    lines = ["| measure | target | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]

    def row(label: str, target: str, vals: list) -> None:
        lines.append(f"| {label} | {target} | " + " | ".join("—" if v is None else f"{v}" for v in vals) + " |")

    row("HateCheck accuracy", "≥ 0.85", [r["hatecheck"].get(n, {}).get("accuracy") for n in names])
    spell = [f for f in r["hatecheck"][names[0]]["per_functionality"] if f.startswith("spell_")]
    for f in spell:
        row(f"HateCheck {f}", "≥ 0.80", [r["hatecheck"].get(n, {}).get("per_functionality", {}).get(f) for n in names])
    row("OLID test A macro-F1", "≥ 0.80", [r["olid_a"].get(n, {}).get("macro_f1") for n in names])
    row("Stormfront test ROC-AUC", "≥ 0.85", [r["stormfront"].get(n, {}).get("roc_auc") for n in names])
    row("ETHOS binary ROC-AUC", "≥ 0.85", [r["ethos"].get(n, {}).get("roc_auc") for n in names])
    for lang in r["mhc"]:
        row(f"MHC {lang} ROC-AUC (n={r['mhc'][lang]['n']})", "≥ 0.80", [r["mhc"][lang].get(n) for n in names])
    lines += ["", "| HateCheck functionality | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    first = r["hatecheck"][names[0]]
    for f in first["per_functionality"]:
        vals = [r["hatecheck"].get(n, {}).get("per_functionality", {}).get(f) for n in names]
        lines.append(f"| {f} | {first['n_per_functionality'][f]} | " + " | ".join(str(x) for x in vals) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
