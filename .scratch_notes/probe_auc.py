"""Scratch (session 18, helper hate): identity/toxic ROC-AUC of full score_texts scores on the non-English probe
files' lines of one split, per language and pooled. Usage: probe_auc.py MODEL_DIR [--split dev] [--out JSON]"""
import argparse, json
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
from storytrace.comments import CommentModel, score_texts

P = Path("/tmp/s19/wt/multi2") / "training" / "data" / "comments_authored" / "probes"
ap = argparse.ArgumentParser(); ap.add_argument("model", type=Path); ap.add_argument("--split", default="dev")
ap.add_argument("--out", type=Path); ap.add_argument("--files", default="multi_probes,multi_hard,multi_threats"); a = ap.parse_args()
rows = [json.loads(l) for f in tuple(a.files.split(","))
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == a.split]
m = CommentModel.load() if str(a.model) == "-" else CommentModel.load(a.model)
out = score_texts([r["text"] for r in rows], m, languages=[r["lang"] for r in rows])
res = {}
for lang in ("fr", "it", "nl", "pt", "zh", "ALL"):
    sel = [i for i, r in enumerate(rows) if lang == "ALL" or r["lang"] == lang]
    d = {"n": len(sel)}
    if not sel: continue
    for k in ("identity_attack", "toxic"):
        s2 = [i for i in sel if rows[i].get(k) is not None]
        y = [int(rows[i][k]) for i in s2]; s = [out[i]["scores"][k] for i in s2]
        if len(set(y)) < 2: continue
        d[k] = round(float(roc_auc_score(y, s)), 4)
        d[k + "_agree"] = round(float(np.mean([(v >= 0.5) == bool(t) for v, t in zip(s, y)])), 4)
    res[lang] = d
    print(lang, d)
if a.out: a.out.write_text(json.dumps(res, indent=1))
