"""Identity decision of each spelling probe against its unperturbed line, and what the heads read (session 21).

    python training/spelling_diag.py training/data/comments_authored/spelling/probes_short_s21.jsonl [FAILURES.json]
    SPLIT=check python training/spelling_diag.py ...    # the check split (default: dev)

Per perturbation and side: the share flagged (identity >= 0.5) before and after the perturbation, the share whose
decoded text equals the original's, and extra decodes on control lines.
"""
import collections
import json
import sys
from pathlib import Path

from storytrace.comments import load_model, score_texts
from storytrace.comments._model import model_text

probes = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
probes = [p for p in probes if p.get("split", "dev") == __import__("os").environ.get("SPLIT", "dev")]
m = load_model()
texts = sorted({p["text"] for p in probes} | {p["original"] for p in probes})
sc = score_texts(texts, m, languages=["en"] * len(texts))
ident = {t: s["scores"]["identity_attack"] for t, s in zip(texts, sc)}
dec = {t: s["decoded"] for t, s in zip(texts, sc)}
an = dict(zip(texts, m.analyses_of(texts, ["en"] * len(texts))))
stats = collections.defaultdict(collections.Counter)
fl = collections.defaultdict(list)
for p in probes:
    side = p.get("side", "?")
    k = p["perturbation"]
    c = stats[(k, side)]
    c["n"] += 1
    a, b = ident[p["original"]] >= 0.5, ident[p["text"]] >= 0.5
    c["orig"] += a
    c["pert"] += b
    same = model_text(an[p["text"]]) == model_text(an[p["original"]])
    c["same_norm"] += same
    if side == "hateful" and a and not b:
        fl[k].append((same, p["text"], model_text(an[p["text"]]), round(ident[p["text"]], 2), round(ident[p["original"]], 2)))
    if side in ("neutral", "controls", "counter") and b and not a:
        fl[k + "_FP"].append((same, p["text"], model_text(an[p["text"]]), round(ident[p["text"]], 2)))
    if side == "controls":
        c["decodes"] += sum(1 for d in dec[p["text"]] if d["kind"] not in ()) - sum(1 for d in dec[p["original"]])
for (k, side), c in sorted(stats.items()):
    print(f"{k:14s} {side:9s} n={c['n']:5d} orig={c['orig']/c['n']:.3f} pert={c['pert']/c['n']:.3f} same_norm={c['same_norm']/c['n']:.3f} ctl_extra_decodes={c['decodes']}")
if len(sys.argv) > 2:
    Path(sys.argv[2]).write_text(json.dumps(fl, indent=0), encoding="utf-8")
