"""Scratch (s20 multi3): C6 grid, identity ROC-AUC on A / B / S for it and nl with _model._RULE_GATE set."""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
sys.path.insert(0, "training")
from comment_data import authored_key, excluded_keys, load_authored, split_authored
import storytrace.comments._model as M
from storytrace.comments import CommentModel, score_texts

P = Path("training/data/comments_authored/probes")
m = CommentModel.load()
def probe(files):
    rows = [json.loads(l) for f in files for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [r for r in rows if r.get("split") == "dev" and r["lang"] in ("it", "nl")]
ar = load_authored(Path("training/data/comments_authored"))
_, va = split_authored(ar, 0.2)
ex = excluded_keys(Path("src/storytrace/data/models/comments/decontamination.json"))
sets = {"A": probe(["multi_probes", "multi_hard", "multi_threats"]), "S": probe(["multi_s20"]),
        "B": [ar[i] for i in va if authored_key(ar[i]) not in ex and ar[i]["lang"] in ("it", "nl")]}
grid = [None] + [(t, s) for t in (0.05, 0.1, 0.15, 0.2) for s in (0.5, 0.25)]
base = None
for g in grid:
    M._RULE_GATE.clear()
    if g: M._RULE_GATE.update({"it": g, "nl": g})
    res = {}
    for name, rows in sets.items():
        out = score_texts([r["text"] for r in rows], m, languages=[r["lang"] for r in rows])
        for lang in ("it", "nl"):
            sel = [i for i, r in enumerate(rows) if r["lang"] == lang and r.get("identity_attack") is not None]
            res[f"{name}_{lang}"] = roc_auc_score([int(rows[i]["identity_attack"]) for i in sel],
                                                  [out[i]["scores"]["identity_attack"] for i in sel])
    if base is None: base = res
    d = {k: round(res[k] - base[k], 4) for k in res}
    s1 = sum(d[k] for k in ("A_it", "A_nl", "B_it", "B_nl"))
    print(g, {k: round(v, 4) for k, v in res.items()}, "sum1 %+.4f" % s1, "S %+.4f" % (d["S_it"] + d["S_nl"]), flush=True)
