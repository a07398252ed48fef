"""Scratch (s20 multi3): it/nl dev probes + authored validation: full vs learned identity ROC-AUC, and wrong pairs
(hateful score <= non-hateful) by whether each side has a rule hit. Usage: diag_pairs.py [MODEL_DIR]"""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
sys.path.insert(0, "training")
from comment_data import load_authored, split_authored
from storytrace.comments import CommentModel, score_texts

P = Path("training/data/comments_authored/probes")
m = CommentModel.load(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
probe = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
         for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
probe = [r for r in probe if r.get("split") == "dev"]
ar = load_authored(Path("training/data/comments_authored"))
_, va = split_authored(ar, 0.2)
val = [ar[i] for i in va]
s20 = [json.loads(l) for l in (P / "multi_s20.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
for name, rows in (("probe_dev", probe), ("auth_val", val), ("s20_dev", s20)):
    for lang in ("fr", "it", "nl", "pt", "zh", "de", "es"):
        rs = [r for r in rows if r["lang"] == lang and r.get("identity_attack") is not None]
        if not rs: continue
        t = [r["text"] for r in rs]; L = [lang] * len(rs)
        full = np.array([o["scores"]["identity_attack"] for o in score_texts(t, m, languages=L)])
        learned = m.learned_probabilities(t, L)[:, 2]
        rule = np.array([m._multilingual_rule(x, lang)[0] > 0 for x in t])
        y = np.array([int(r["identity_attack"]) for r in rs])
        wrong = {"hR_nR": 0, "hR_n0": 0, "h0_nR": 0, "h0_n0": 0}
        for i in np.where(y == 1)[0]:
            for j in np.where(y == 0)[0]:
                if full[i] <= full[j]:
                    wrong[f"h{'R' if rule[i] else '0'}_n{'R' if rule[j] else '0'}"] += 1
        print(name, lang, len(rs), "full %.4f learned %.4f" % (roc_auc_score(y, full), roc_auc_score(y, learned)),
              "rule hits hate %d/%d nonhate %d/%d" % (rule[y == 1].sum(), (y == 1).sum(), rule[y == 0].sum(), (y == 0).sum()),
              wrong, flush=True)
