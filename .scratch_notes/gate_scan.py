"""Scratch: dev probe identity ROC-AUC per language under the rule gate settings (module constants patched)."""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
import storytrace.comments._model as M
from storytrace.comments import CommentModel, score_texts
P = Path(__file__).resolve().parents[1] / "training" / "data" / "comments_authored" / "probes"
rows = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == (sys.argv[2] if len(sys.argv) > 2 else "dev")]
m = CommentModel.load(Path(sys.argv[1]))
texts = [r["text"] for r in rows]; langs = [r["lang"] for r in rows]
for t, s in [(0.0, 1.0), (0.05, 0.5), (0.05, 0.25), (0.1, 0.5), (0.1, 0.25), (0.15, 0.5), (0.15, 0.25)]:
    M._RULE_GATE_LEARNED, M._RULE_GATE_SHARE = t, s
    out = score_texts(texts, m, languages=langs)
    res = []
    for lang in ("fr", "it", "nl", "pt", "zh", "ALL"):
        sel = [i for i, r in enumerate(rows) if lang == "ALL" or r["lang"] == lang]
        y = [rows[i]["identity_attack"] for i in sel]; sc = [out[i]["scores"]["identity_attack"] for i in sel]
        agree = np.mean([(v >= 0.5) == bool(k) for v, k in zip(sc, y)])
        res.append(f"{lang} {roc_auc_score(y, sc):.4f}/{agree:.3f}")
    print(f"t={t} s={s} | " + " | ".join(res), flush=True)
