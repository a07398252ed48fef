"""Scratch (s20 multi3): identity/toxic ROC-AUC of full score_texts scores (training calibration, languages given)
per language on A = probe dev (multi_probes + multi_hard + multi_threats), S = probes/multi_s20.jsonl dev,
B = authored validation (split_authored, decontamination drops left out). Usage: measure.py MODEL_DIR OUT_JSON"""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
sys.path.insert(0, "training")
from comment_data import authored_key, excluded_keys, load_authored, split_authored
from storytrace.comments import CommentModel, score_texts

P = Path("training/data/comments_authored/probes")
m = CommentModel.load(Path(sys.argv[1]))
def probe(files):
    rows = [json.loads(l) for f in files for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [r for r in rows if r.get("split") == "dev"]
ar = load_authored(Path("training/data/comments_authored"))
_, va = split_authored(ar, 0.2)
ex = excluded_keys(Path("src/storytrace/data/models/comments/decontamination.json"))
val = [ar[i] for i in va if authored_key(ar[i]) not in ex and ar[i]["lang"] != "en"]
res = {}
for name, rows in (("A", probe(["multi_probes", "multi_hard", "multi_threats"])), ("S", probe(["multi_s20"])), ("B", val)):
    out = score_texts([r["text"] for r in rows], m, languages=[r["lang"] for r in rows])
    for lang in sorted({r["lang"] for r in rows}) + ["ALL"]:
        sel = [i for i, r in enumerate(rows) if lang == "ALL" or r["lang"] == lang]
        d = {"n": len(sel)}
        for k in ("identity_attack", "toxic"):
            s2 = [i for i in sel if rows[i].get(k) is not None]
            y = [int(rows[i][k]) for i in s2]
            if len(set(y)) == 2:
                d[k] = round(float(roc_auc_score(y, [out[i]["scores"][k] for i in s2])), 4)
        res[f"{name}_{lang}"] = d
        print(name, lang, d, flush=True)
Path(sys.argv[2]).write_text(json.dumps(res, indent=1))
