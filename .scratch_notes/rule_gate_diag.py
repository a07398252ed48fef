"""Scratch: on dev probe lines, the learned identity (pair or USE, as scored) and whether the full score is above it
(a rule hit), by label: how separable are the rule hits by the learned score?"""
import json, sys
from pathlib import Path
import numpy as np
from storytrace.comments import CommentModel, score_texts
P = Path(__file__).resolve().parents[1] / "training" / "data" / "comments_authored" / "probes"
rows = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == "dev"]
m = CommentModel.load(Path(sys.argv[1]))
texts = [r["text"] for r in rows]; langs = [r["lang"] for r in rows]
full = np.array([o["scores"]["identity_attack"] for o in score_texts(texts, m, languages=langs)])
learned = m.learned_probabilities(texts, langs)[:, 2]
hit = full > learned + 0.05
for y in (1, 0):
    sel = [i for i, r in enumerate(rows) if r["identity_attack"] == y and hit[i]]
    v = np.sort(learned[sel])
    print(y, len(sel), "learned quantiles", np.round(np.quantile(v, [0, .1, .25, .5, .75, .9]), 3))
    print("   below 0.05/0.1/0.15/0.2:", [int((v < t).sum()) for t in (0.05, 0.1, 0.15, 0.2)])
